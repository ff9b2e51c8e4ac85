//! An answer value as written in TOML, before it is checked against its question.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

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
    /// What kind of TOML value this is, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            RawAnswer::Str(_) => "string",
            RawAnswer::Int(_) => "integer",
            RawAnswer::Bool(_) => "boolean",
            RawAnswer::List(_) => "array",
            RawAnswer::Other(name) => name,
        }
    }
}

impl<'de> Deserialize<'de> for RawAnswer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;

        impl<'de> Visitor<'de> for AnswerVisitor {
            type Value = RawAnswer;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an answer: a string, an integer, true/false or a list of strings")
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
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(RawAnswer::Other("table"))
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}
