//! TOML errors in the reader's language, with advice.
//!
//! The `toml` crate and serde word their errors in English, in a handful of shapes:
//! `invalid type: FOUND, expected WANT`, ``unknown field `x`, expected one of …``,
//! ``missing field `x` ``, or a syntax problem followed by `, expected …`. [`explain`] recognises
//! those shapes, says them in Chinese and adds advice on fixing the common ones. A shape it does
//! not recognise keeps its English text; English messages are left as the crates write them.
//!
//! A leaf module: what it knows of the crates' wording is kept as data (the tables in
//! `toml_message/words.rs`: `PROBLEMS`, `EXPECTED`, `DATE_UNITS`), and the descriptions of
//! fulcrum's own types come in as [`OwnTypes`], so it depends on nothing but the language
//! helpers and the did-you-mean and name-list helpers of [`crate::diagnostic`].

use crate::diagnostic::{did_you_mean, list_names};
use crate::lang::{Lang, spaced};
use crate::tr;

mod words;

use words::{chinese_expected, chinese_problem};

/// How serde describes fulcrum's own value types after `expected` (the `expecting` of their
/// `Deserialize` implementations), so that errors about them are worded too.
#[derive(Debug, Clone, Copy)]
pub struct OwnTypes<'a> {
    /// A localized text (`LocalText::EXPECTING`).
    pub text: &'a str,
    /// An answer (`RawAnswer::EXPECTING`).
    pub answer: &'a str,
}

/// A TOML error worded for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// What is wrong, in one line.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub help: Vec<String>,
}

/// Words the message of a `toml::de::Error` in `lang`, with advice on how to fix it.
pub fn explain(message: &str, lang: Lang, own: OwnTypes<'_>) -> Explained {
    let shape = Shape::parse(message, own);
    let message = match lang {
        Lang::Zh => match shape.chinese() {
            Some(text) => text,
            None => format!("TOML 错误：{message}"),
        },
        Lang::En => format!("invalid TOML: {message}"),
    };
    Explained {
        message,
        help: shape.help(lang),
    }
}

/// The shape of an error message, with its parts.
#[derive(Debug)]
enum Shape<'a> {
    /// `invalid type: FOUND, expected WANT`: a value of the wrong kind.
    InvalidType(Found<'a>, Want<'a>),
    /// `invalid value: FOUND, expected WANT`: the right kind, but not a value that fits.
    InvalidValue(Found<'a>, Want<'a>),
    /// `invalid length N, expected WANT`: an array with the wrong number of items.
    InvalidLength(&'a str, Want<'a>),
    /// ``unknown field `NAME`, expected one of …``, with the valid names.
    UnknownField(&'a str, Vec<&'a str>),
    /// ``unknown variant `NAME`, expected one of …``, with the valid names.
    UnknownVariant(&'a str, Vec<&'a str>),
    /// ``missing field `NAME` ``.
    MissingField(&'a str),
    /// ``duplicate field `NAME` ``.
    DuplicateField(&'a str),
    /// Anything else: the parser's description of a problem (`key with no value`), and what
    /// it expected there (`` `=` ``), as the `toml` crate lists it.
    Other(&'a str, Option<&'a str>),
}

impl<'a> Shape<'a> {
    fn parse(message: &'a str, own: OwnTypes<'_>) -> Shape<'a> {
        let named = |prefix: &str| {
            message
                .strip_prefix(prefix)
                .and_then(|rest| rest.split_once('`'))
        };
        if let Some(rest) = message.strip_prefix("invalid type: ")
            && let Some((found, want)) = rest.rsplit_once(", expected ")
        {
            Shape::InvalidType(Found::parse(found), Want::parse(want, own))
        } else if let Some(rest) = message.strip_prefix("invalid value: ")
            && let Some((found, want)) = rest.rsplit_once(", expected ")
        {
            Shape::InvalidValue(Found::parse(found), Want::parse(want, own))
        } else if let Some(rest) = message.strip_prefix("invalid length ")
            && let Some((len, want)) = rest.split_once(", expected ")
        {
            Shape::InvalidLength(len, Want::parse(want, own))
        } else if let Some((name, rest)) = named("unknown field `") {
            Shape::UnknownField(name, quoted(rest))
        } else if let Some((name, rest)) = named("unknown variant `") {
            Shape::UnknownVariant(name, quoted(rest))
        } else if let Some((name, "")) = named("missing field `") {
            Shape::MissingField(name)
        } else if let Some((name, "")) = named("duplicate field `") {
            Shape::DuplicateField(name)
        } else {
            match message.split_once(", expected ") {
                Some((problem, expected)) => Shape::Other(problem, Some(expected)),
                None => Shape::Other(message, None),
            }
        }
    }

    /// The message in Chinese, if every part of it is recognised.
    fn chinese(&self) -> Option<String> {
        Some(match self {
            Shape::InvalidType(Found::TooLarge(n), want)
            | Shape::InvalidValue(Found::Integer(n), want @ (Want::Integer | Want::Unsigned)) => {
                format!("整数 `{n}` 超出范围，应为{}", spaced(&want.chinese()))
            }
            Shape::InvalidType(found, want) => format!(
                "类型不对：写的是{}，应为{}",
                spaced(&found.chinese()),
                spaced(&want.chinese())
            ),
            Shape::InvalidValue(found, want) => format!(
                "值不对：写的是{}，应为{}",
                spaced(&found.chinese()),
                spaced(&want.chinese())
            ),
            Shape::InvalidLength(len, want) => {
                format!(
                    "数组的长度不对：有 {len} 项，应为{}",
                    spaced(&want.chinese())
                )
            }
            Shape::UnknownField(name, _) => format!("未知的键 `{name}`"),
            Shape::UnknownVariant(name, _) => format!("未知的取值 `{name}`"),
            Shape::MissingField(name) => format!("缺少键 `{name}`"),
            Shape::DuplicateField(name) => format!("键 `{name}` 重复"),
            Shape::Other(problem, expected) => {
                let said = chinese_problem(problem)?;
                match expected {
                    // `nothing` (no more on the line) and the quoting rule say it all.
                    Some(expected)
                        if *expected != "nothing" && *problem != "string values must be quoted" =>
                    {
                        format!(
                            "TOML 错误：{said}，此处应为{}",
                            spaced(&chinese_expected(expected))
                        )
                    }
                    _ => format!("TOML 错误：{said}"),
                }
            }
        })
    }

    /// Advice on how to fix the error.
    fn help(&self, lang: Lang) -> Vec<String> {
        let mut help = Vec::new();
        match self {
            Shape::UnknownField(name, valid) | Shape::UnknownVariant(name, valid) => {
                if let Some(close) = did_you_mean(name, valid.iter().copied()) {
                    help.push(tr!(lang, "是不是 `{close}`？", "did you mean `{close}`?"));
                }
                // The English message lists the valid names itself.
                if lang == Lang::Zh {
                    let is_field = matches!(self, Shape::UnknownField(..));
                    help.push(match (valid.is_empty(), is_field) {
                        (true, true) => "这里不能写任何键".to_string(),
                        (true, false) => "这里没有可选的取值".to_string(),
                        (false, true) => format!("这里可用的键：{}", chinese_list(valid)),
                        (false, false) => format!("可选的取值：{}", chinese_list(valid)),
                    });
                }
            }
            Shape::InvalidType(found, want) => help.extend(type_fix(found, want, lang)),
            Shape::MissingField(name) => help.push(tr!(
                lang,
                "在这张表里加上 `{name} = …`",
                "add `{name} = …` to this table"
            )),
            Shape::DuplicateField(_) | Shape::Other("duplicate key", None) => help.push(tr!(
                lang,
                "同一张表里每个键只能写一次：删除多余的那个",
                "a key may appear only once in a table: remove the extra one"
            )),
            Shape::Other("string values must be quoted", _) => help.push(tr!(
                lang,
                "文字要加引号：`键 = \"文字\"`；数字和 `true`/`false` 不加引号",
                "text takes quotes: `key = \"text\"`; numbers and `true`/`false` do not"
            )),
            Shape::Other("key with no value", _) => help.push(tr!(
                lang,
                "每行写成 `键 = 值`",
                "write each line as `key = value`"
            )),
            _ => {}
        }
        help
    }
}

/// What was written, as serde describes it (`string "500"`, ``integer `3` ``).
#[derive(Debug)]
enum Found<'a> {
    /// A string, in double quotes with escapes as Rust's `Debug` writes them.
    Str(&'a str),
    /// A whole number.
    Integer(&'a str),
    /// A whole number beyond 64 bits (``integer `…` as i128``).
    TooLarge(&'a str),
    /// A number with a decimal point or an exponent.
    Float(&'a str),
    /// `true` or `false`.
    Bool(&'a str),
    /// An array.
    Array,
    /// A table (dates come as tables too).
    Table,
    /// Something not recognised, kept as written.
    Other(&'a str),
}

impl<'a> Found<'a> {
    fn parse(text: &'a str) -> Found<'a> {
        let ticked = |prefix: &str| {
            text.strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('`'))
                .and_then(|rest| rest.split_once('`'))
        };
        if let Some(quoted) = text.strip_prefix("string ") {
            Found::Str(quoted)
        } else if let Some((n, rest)) = ticked("integer ") {
            if rest.is_empty() {
                Found::Integer(n)
            } else {
                Found::TooLarge(n)
            }
        } else if let Some((x, "")) = ticked("floating point ") {
            Found::Float(x)
        } else if let Some((b, "")) = ticked("boolean ") {
            Found::Bool(b)
        } else if text == "sequence" {
            Found::Array
        } else if text == "map" {
            Found::Table
        } else {
            Found::Other(text)
        }
    }

    fn chinese(&self) -> String {
        match self {
            Found::Str(quoted) => format!("字符串 {quoted}"),
            Found::Integer(n) | Found::TooLarge(n) => format!("整数 `{n}`"),
            Found::Float(x) => format!("小数 `{x}`"),
            Found::Bool(b) => format!("布尔值 `{b}`"),
            Found::Array => "数组".to_string(),
            Found::Table => "表".to_string(),
            Found::Other(text) => text.to_string(),
        }
    }

    /// The value as it would be written without quotes: a number or `true`/`false`.
    fn scalar(&self) -> Option<&'a str> {
        match self {
            Found::Integer(x) | Found::Float(x) | Found::Bool(x) => Some(x),
            _ => None,
        }
    }

    /// The text of a string with no escapes in it.
    fn plain_string(&self) -> Option<&'a str> {
        match self {
            Found::Str(quoted) => quoted
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .filter(|s| !s.contains(['\\', '"'])),
            _ => None,
        }
    }
}

/// What was expected, as serde's visitors describe it (`i64`, `a string`, `struct RawRule`).
#[derive(Debug)]
enum Want<'a> {
    /// A signed whole number.
    Integer,
    /// A whole number of zero or more.
    Unsigned,
    /// Any number.
    Number,
    /// A string.
    Str,
    /// `true` or `false`.
    Bool,
    /// An array.
    Array,
    /// A table.
    Table,
    /// A localized text ([`OwnTypes::text`]).
    Text,
    /// An answer ([`OwnTypes::answer`]).
    Answer,
    /// One of a few names.
    OneOf(Vec<&'a str>),
    /// Something not recognised, kept as written.
    Other(&'a str),
}

impl<'a> Want<'a> {
    fn parse(text: &'a str, own: OwnTypes<'_>) -> Want<'a> {
        match text {
            "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Want::Integer,
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Want::Unsigned,
            "f32" | "f64" => Want::Number,
            "a string" | "a borrowed string" => Want::Str,
            "a boolean" => Want::Bool,
            "a sequence" => Want::Array,
            "a map" => Want::Table,
            _ if text == own.text => Want::Text,
            _ if text == own.answer => Want::Answer,
            _ if text.starts_with("struct ") => Want::Table,
            _ if text.starts_with('`') || text.starts_with("one of `") => Want::OneOf(quoted(text)),
            _ => Want::Other(text),
        }
    }

    /// Whether `text`, written without quotes, is a value of this kind.
    fn accepts_unquoted(&self, text: &str) -> bool {
        match self {
            Want::Integer => text.parse::<i64>().is_ok(),
            Want::Unsigned => text.parse::<u64>().is_ok(),
            Want::Number => {
                text.bytes()
                    .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
                    && text.parse::<f64>().is_ok()
            }
            Want::Bool => matches!(text, "true" | "false"),
            _ => false,
        }
    }

    fn chinese(&self) -> String {
        match self {
            Want::Integer => "整数".to_string(),
            Want::Unsigned => "非负整数".to_string(),
            Want::Number => "数字".to_string(),
            Want::Str => "字符串".to_string(),
            Want::Bool => "`true` 或 `false`".to_string(),
            Want::Array => "数组".to_string(),
            Want::Table => "表".to_string(),
            Want::Text => "文字（字符串，或 `{ zh = \"…\", en = \"…\" }` 这样的表）".to_string(),
            Want::Answer => "答案（字符串、整数、`true`/`false` 或字符串数组）".to_string(),
            Want::OneOf(names) if names.len() == 1 => format!("`{}`", names[0]),
            Want::OneOf(names) => format!("{} 之一", chinese_list(names)),
            Want::Other(text) => text.to_string(),
        }
    }
}

/// How to write a value of the expected kind, given what was written.
fn type_fix(found: &Found<'_>, want: &Want<'_>, lang: Lang) -> Option<String> {
    // The message says it all: the number is too large.
    if let Found::TooLarge(_) = found {
        return None;
    }
    if let Some(value) = found
        .plain_string()
        .map(str::trim)
        .filter(|s| want.accepts_unquoted(s))
    {
        return Some(tr!(
            lang,
            "去掉引号：写成 `{value}`",
            "drop the quotes: write `{value}`"
        ));
    }
    if let (Some(value), Want::Str | Want::Text) = (found.scalar(), want) {
        return Some(tr!(
            lang,
            "文字要加引号：写成 `\"{value}\"`",
            "text takes quotes: write `\"{value}\"`"
        ));
    }
    Some(match want {
        Want::Integer | Want::Unsigned if matches!(found, Found::Float(_)) => tr!(
            lang,
            "这里只能写整数，不带小数点",
            "only whole numbers are allowed here, without a decimal point"
        ),
        Want::Integer | Want::Unsigned => tr!(
            lang,
            "这里要写整数，不加引号，例如 `3`",
            "write a whole number here, without quotes, for example `3`"
        ),
        Want::Number => tr!(
            lang,
            "这里要写数字，不加引号，例如 `0.5`",
            "write a number here, without quotes, for example `0.5`"
        ),
        Want::Bool => tr!(
            lang,
            "写 `true` 或 `false`，不加引号",
            "write `true` or `false`, without quotes"
        ),
        Want::Str => tr!(
            lang,
            "这里要写加引号的文字，例如 `\"…\"`",
            "write text in quotes here, for example `\"…\"`"
        ),
        Want::Text => tr!(
            lang,
            "写成 `\"…\"`，或按语言分别写：`{{ zh = \"…\", en = \"…\" }}`",
            "write `\"…\"`, or one text per language: `{{ zh = \"…\", en = \"…\" }}`"
        ),
        Want::Array => tr!(
            lang,
            "这里要写数组，例如 `[\"a\", \"b\"]`",
            "write an array here, for example `[\"a\", \"b\"]`"
        ),
        Want::Table => tr!(
            lang,
            "这里要写表：`[名称]` 下面的几行 `键 = 值`，或 `{{ 键 = 值 }}`",
            "write a table here: `key = value` lines under a `[name]` header, or `{{ key = value }}`"
        ),
        Want::Answer => tr!(
            lang,
            "答案写成 `\"选项\"`、整数、`true`/`false` 或 `[\"选项\", …]`",
            "write an answer as `\"option\"`, a whole number, `true`/`false` or `[\"option\", …]`"
        ),
        Want::OneOf(_) | Want::Other(_) => return None,
    })
}

/// The names in backquotes in `text`.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Names in backquotes, all of them, joined for a Chinese sentence.
fn chinese_list(names: &[&str]) -> String {
    list_names(names.iter().copied(), usize::MAX, Lang::Zh)
}

#[cfg(test)]
mod tests;
