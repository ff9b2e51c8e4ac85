//! Answer values: as written in TOML ([`RawAnswer`], in answers files, question defaults and
//! pack tests) and once checked against their question ([`Value`]). A leaf module: the pack
//! model holds values, and the checks that turn one into the other live with the questions
//! ([`crate::pack::answer_check`]).

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::lang::Lang;

/// A checked answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum Value {
    /// Index of the chosen option.
    Choice(usize),
    /// Chosen options as a bit mask over option indices.
    Choices(u64),
    /// Yes or no.
    Bool(bool),
    /// A whole number.
    Number(i64),
    /// Free text.
    Text(String),
}

/// A value in `[answers]`, a question's `default` or a test's answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum RawAnswer {
    /// `"option"` or free text.
    Str(String),
    /// A whole number.
    Int(i64),
    /// `true` / `false`.
    Bool(bool),
    /// A list, for multiple choice.
    List(Vec<Spanned<RawAnswer>>),
    /// Anything else TOML allows (a float, a date, a table): always wrong here.
    Other(&'static str),
}

impl RawAnswer {
    /// What an answer is, as serde says when something else is written (and as the Chinese
    /// wording of TOML errors recognises it).
    pub const EXPECTING: &'static str =
        "an answer: a string, an integer, true/false or a list of strings";

    /// What kind of TOML value this is, in `lang`, for messages.
    pub fn kind_name(&self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            RawAnswer::Str(_) => ("字符串", "string"),
            RawAnswer::Int(_) => ("整数", "integer"),
            RawAnswer::Bool(_) => ("布尔值", "boolean"),
            RawAnswer::List(_) => ("数组", "array"),
            RawAnswer::Other("float") => ("小数", "float"),
            RawAnswer::Other("table") => ("表", "table"),
            RawAnswer::Other("date") => ("日期", "date"),
            RawAnswer::Other("integer too large") => ("超出范围的整数", "integer too large"),
            RawAnswer::Other(name) => (*name, *name),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl<'de> Deserialize<'de> for RawAnswer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;

        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = RawAnswer;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(RawAnswer::EXPECTING)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Str(v.to_string()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Int(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawAnswer, E> {
                Ok(i64::try_from(v).map_or(RawAnswer::Other("integer too large"), RawAnswer::Int))
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Other("float"))
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Bool(v))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawAnswer, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<RawAnswer>>()? {
                    items.push(item);
                }
                Ok(RawAnswer::List(items))
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<RawAnswer, A::Error> {
                // The toml crate hands dates and times over as a table with this one key.
                const TOML_DATETIME: &str = "$__toml_private_datetime";
                let mut kind = "table";
                while let Some(key) = map.next_key::<String>()? {
                    if key == TOML_DATETIME {
                        kind = "date";
                    }
                    map.next_value::<de::IgnoredAny>()?;
                }
                Ok(RawAnswer::Other(kind))
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_in_both_languages() {
        #[derive(Deserialize)]
        struct Doc {
            a: Vec<RawAnswer>,
        }
        let doc: Doc =
            toml::from_str("a = [\"x\", 1, true, [], 1.5, {}, 18446744073709551615, 2026-01-05]")
                .unwrap();
        let names = |lang| -> Vec<&str> { doc.a.iter().map(|v| v.kind_name(lang)).collect() };
        assert_eq!(
            names(Lang::Zh),
            [
                "字符串",
                "整数",
                "布尔值",
                "数组",
                "小数",
                "表",
                "超出范围的整数",
                "日期"
            ]
        );
        assert_eq!(
            names(Lang::En),
            [
                "string",
                "integer",
                "boolean",
                "array",
                "float",
                "table",
                "integer too large",
                "date"
            ]
        );
    }
}
