//! TOML errors in the reader's language, with advice.
//!
//! The `toml` crate and serde word their errors in English, in a handful of shapes:
//! `invalid type: FOUND, expected WANT`, ``unknown field `x`, expected one of …``,
//! ``missing field `x` ``, or a syntax problem followed by `, expected …`. [`explain`] recognises
//! those shapes, says them in Chinese and adds advice on fixing the common ones. A shape it does
//! not recognise keeps its English text; English messages are left as the crates write them.
//!
//! A leaf module: what it knows of the crates' wording is kept as data (the tables at the end:
//! `PROBLEMS`, `EXPECTED`, `DATE_UNITS`), and the descriptions of fulcrum's own types come
//! in as [`OwnTypes`], so it depends on nothing but the language helpers.

use crate::diagnostic::{did_you_mean, list_names};
use crate::lang::{Lang, spaced, zh_or};
use crate::tr;

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

/// The Chinese of a problem the TOML parser describes, `None` if not recognised.
fn chinese_problem(problem: &str) -> Option<&'static str> {
    PROBLEMS
        .iter()
        .find(|(en, _)| *en == problem)
        .map(|(_, zh)| *zh)
}

/// What the parser expected, in Chinese: its items (`` `=` ``, `newline`, `key`) joined with
/// 、 and 或. Items not recognised are kept as written.
fn chinese_expected(expected: &str) -> String {
    let items: Vec<String> = expected.split(", ").map(chinese_expected_item).collect();
    zh_or(&items)
}

fn chinese_expected_item(item: &str) -> String {
    if let Some((_, zh)) = EXPECTED.iter().find(|(en, _)| *en == item) {
        return (*zh).to_string();
    }
    // Dates: `month between 01 and 12`.
    if let Some((unit, range)) = item.split_once(" between ")
        && let Some((low, high)) = range.split_once(" and ")
        && let Some((_, zh)) = DATE_UNITS.iter().find(|(en, _)| *en == unit)
    {
        return format!("{low} 到 {high} 之间的{zh}");
    }
    item.to_string()
}

/// Problems the `toml` parser (and its date parser) describe, in Chinese.
const PROBLEMS: &[(&str, &str)] = &[
    ("duplicate key", "键重复"),
    ("recursion limit", "嵌套太深"),
    ("integer number overflowed", "整数超出范围"),
    ("floating-point number overflowed", "小数超出范围"),
    ("unclosed array table", "数组表的表头没有闭合"),
    ("unclosed table", "表头没有闭合"),
    ("key with no value", "键后面没有值"),
    ("missing value for key", "键缺少值"),
    ("missing value", "缺少值"),
    ("extra `=`", "多了一个 `=`"),
    ("missing inline table opening", "内联表缺少开头的 `{`"),
    ("missing array opening", "数组缺少开头的 `[`"),
    ("extra comma in array", "数组中多了逗号"),
    ("unexpected `=` in array", "数组中不能有 `=`"),
    (
        "missing comma between array elements",
        "数组的元素之间缺少逗号",
    ),
    ("unclosed array", "数组没有闭合"),
    ("extra comma in inline table", "内联表中多了逗号"),
    (
        "extra assignment between key-value pairs",
        "键值对之间多了 `=`",
    ),
    ("missing key for inline table element", "内联表的元素缺少键"),
    (
        "missing assignment between key-value pairs",
        "键值对缺少 `=`",
    ),
    ("invalid inline table element", "内联表的元素无效"),
    (
        "missing comma between key-value pairs",
        "键值对之间缺少逗号",
    ),
    ("unclosed inline table", "内联表没有闭合"),
    ("unexpected key or value", "这里不应有键或值"),
    (
        "unexpected content between comment and newline",
        "注释和换行之间有多余的内容",
    ),
    ("unexpected content", "多余的内容"),
    ("invalid key-value pair", "无效的键值对"),
    ("missing table open", "表头缺少开头的 `[`"),
    (
        "cannot recurse further; max recursion depth met",
        "嵌套太深",
    ),
    (
        "keys cannot be multi-line literal strings",
        "键不能是多行字符串",
    ),
    (
        "keys cannot be multi-line basic strings",
        "键不能是多行字符串",
    ),
    ("redundant numeric sign", "多余的正负号"),
    (
        "integers with a radix cannot be signed",
        "带进制前缀的整数不能有正负号",
    ),
    ("radix must be lowercase", "进制前缀必须小写"),
    ("redundant integer number prefix", "多余的整数前缀"),
    ("unexpected leading zero", "数字不能以 0 开头"),
    ("unexpected sign", "多余的正负号"),
    ("`_` may only go between digits", "`_` 只能写在数字之间"),
    ("missing opening quote", "缺少开头的引号"),
    ("string values must be quoted", "文字值必须加引号"),
    ("missing comment start", "注释缺少开头的 `#`"),
    ("invalid comment character", "注释中有无效的字符"),
    (
        "carriage return must be followed by newline",
        "回车符后面必须是换行符",
    ),
    ("missing escaped value", "转义序列不完整"),
    ("too few unicode value digits", "Unicode 转义的位数不够"),
    ("invalid value", "无效的值"),
    ("unquoted keys cannot be empty", "不加引号的键不能为空"),
    (
        "invalid unquoted key",
        "无效的键（不加引号的键只能包含字母、数字、`_` 和 `-`）",
    ),
    ("invalid key", "无效的键"),
    ("invalid table", "无效的表头"),
    ("invalid string", "无效的字符串"),
    ("invalid boolean", "无效的布尔值"),
    ("invalid date-time", "无效的日期时间"),
    ("invalid float", "无效的小数"),
    ("invalid integer number", "无效的整数"),
    ("invalid hexadecimal number", "无效的十六进制数"),
    ("invalid octal number", "无效的八进制数"),
    ("invalid binary number", "无效的二进制数"),
    ("invalid mantissa", "无效的数字"),
    ("invalid fraction", "小数部分无效"),
    ("invalid exponent", "指数部分无效"),
    ("invalid literal string", "无效的单引号字符串"),
    (
        "invalid multi-line literal string",
        "无效的多行单引号字符串",
    ),
    ("invalid basic string", "无效的字符串"),
    ("invalid multi-line basic string", "无效的多行字符串"),
    ("invalid date", "无效的日期"),
    ("invalid time", "无效的时间"),
    ("invalid offset", "无效的时区偏移"),
    ("invalid datetime", "无效的日期时间"),
];

/// What the parser expects, in Chinese; literals in backquotes are kept as written.
const EXPECTED: &[(&str, &str)] = &[
    ("newline", "换行"),
    ("etc", "等"),
    ("key", "键"),
    ("value", "值"),
    ("numbers", "数字"),
    ("digits", "数字"),
    ("letters", "字母"),
    ("characters", "字符"),
    ("printable characters", "可打印字符"),
    ("literal string", "单引号字符串"),
    ("basic string", "双引号字符串"),
    ("multi-line basic string", "多行字符串"),
    ("unquoted string", "不加引号的字符串"),
    ("unicode hexadecimal value", "Unicode 十六进制值"),
    ("non-single-quote characters", "单引号以外的字符"),
    (
        "non-single-quote visible characters",
        "单引号以外的可见字符",
    ),
    (
        "non-double-quote visible characters",
        "双引号以外的可见字符",
    ),
    ("year or hour", "年份或小时"),
    ("month", "月份"),
    ("day", "日"),
    ("hour", "小时"),
    ("minute", "分钟"),
    ("second", "秒"),
    ("nanosecond", "纳秒"),
    ("nanoseconds overflowed", "纳秒超出范围"),
    ("a four-digit year (YYYY)", "四位数的年份（YYYY）"),
    ("a two-digit month (MM)", "两位数的月份（MM）"),
    ("a two-digit day (DD)", "两位数的日（DD）"),
    ("a two-digit hour (HH)", "两位数的小时（HH）"),
    ("a two-digit minute (MM)", "两位数的分钟（MM）"),
    ("a two-digit second (SS)", "两位数的秒（SS）"),
    ("`T` between date and time", "日期和时间之间的 `T`"),
];

/// Units of `… between A and B` in date errors.
const DATE_UNITS: &[(&str, &str)] = &[
    ("month", "月份"),
    ("day", "日"),
    ("hour", "小时"),
    ("hours", "小时"),
    ("minute", "分钟"),
    ("minutes", "分钟"),
    ("second", "秒"),
];

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde::de::DeserializeOwned;

    use super::*;
    use crate::pack::raw::RawFile;
    use crate::text::LocalText;
    use crate::value::RawAnswer;

    /// fulcrum's own types, as the pack and answer readers describe them.
    const OWN: OwnTypes<'static> = OwnTypes {
        text: LocalText::EXPECTING,
        answer: RawAnswer::EXPECTING,
    };

    /// The message the `toml` crate gives for `text` read as `T`.
    fn error_of<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        match toml::from_str::<T>(text) {
            Ok(value) => panic!("`{text}` parsed: {value:?}"),
            Err(e) => e.message().trim().to_string(),
        }
    }

    /// Both wordings of the error `toml` gives for `text` read as `T`.
    fn both<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> (Explained, Explained) {
        let message = error_of::<T>(text);
        (
            explain(&message, Lang::Zh, OWN),
            explain(&message, Lang::En, OWN),
        )
    }

    #[test]
    fn a_quoted_number_is_a_wrong_type_with_the_fix() {
        let text = "[[question]]\nid = \"q\"\nkind = \"number\"\nprompt = \"?\"\nhelp = \"\"\nmin = \"500\"\n";
        let (zh, en) = both::<RawFile>(text);
        assert_eq!(zh.message, "类型不对：写的是字符串 \"500\"，应为整数");
        assert_eq!(zh.help, ["去掉引号：写成 `500`"]);
        assert_eq!(
            en.message,
            "invalid TOML: invalid type: string \"500\", expected i64"
        );
        assert_eq!(en.help, ["drop the quotes: write `500`"]);
    }

    #[test]
    fn other_wrong_types_say_how_to_write_the_value() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "[[phase]]\nid = \"p\"\ntitle = \"t\"\nwindow = [\"0\", 1]\n",
                "类型不对：写的是字符串 \"0\"，应为数字",
                "去掉引号：写成 `0`",
            ),
            (
                "[[question]]\nid = 3\n",
                "类型不对：写的是整数 `3`，应为字符串",
                "文字要加引号：写成 `\"3\"`",
            ),
            (
                "[[question]]\nid = \"q\"\nrequired = \"true\"\n",
                "类型不对：写的是字符串 \"true\"，应为 `true` 或 `false`",
                "去掉引号：写成 `true`",
            ),
            (
                "[[question]]\nid = \"q\"\nmax = 1.5\n",
                "类型不对：写的是小数 `1.5`，应为整数",
                "这里只能写整数，不带小数点",
            ),
            (
                "[[section]]\nid = \"s\"\ntitle = 2\n",
                "类型不对：写的是整数 `2`，应为文字（字符串，或 `{ zh = \"…\", en = \"…\" }` 这样的表）",
                "文字要加引号：写成 `\"2\"`",
            ),
            (
                "phase = 1\n",
                "类型不对：写的是整数 `1`，应为数组",
                "这里要写数组，例如 `[\"a\", \"b\"]`",
            ),
            (
                "pack = \"x\"\n",
                "类型不对：写的是字符串 \"x\"，应为表",
                "这里要写表：`[名称]` 下面的几行 `键 = 值`，或 `{ 键 = 值 }`",
            ),
            (
                "[[question]]\nid = \"q\"\nmin = 99999999999999999999\n",
                "整数 `99999999999999999999` 超出范围，应为整数",
                "",
            ),
        ];
        for (text, message, help) in cases {
            let (zh, _) = both::<RawFile>(text);
            assert_eq!(zh.message, *message, "{text}");
            assert_eq!(zh.help.join(""), *help, "{text}");
        }
    }

    #[test]
    fn unknown_keys_suggest_one_and_list_the_rest() {
        let text = "[[rule]]\nid = \"r\"\nwhne = \"a\"\n";
        let (zh, en) = both::<RawFile>(text);
        assert_eq!(zh.message, "未知的键 `whne`");
        assert_eq!(
            zh.help,
            [
                "是不是 `when`？",
                "这里可用的键：`id`、`when`、`exclusive_group`、`action`、`caution`"
            ]
        );
        assert!(
            en.message
                .starts_with("invalid TOML: unknown field `whne`, expected one of `id`"),
            "{}",
            en.message
        );
        assert_eq!(en.help, ["did you mean `when`?"]);
        // Far from every key: no suggestion, still the list.
        let (zh, en) = both::<RawFile>("zzz = 1\n");
        assert_eq!(zh.help.len(), 1, "{:?}", zh.help);
        assert!(zh.help[0].starts_with("这里可用的键：`pack`、`extends`"));
        assert!(en.help.is_empty());
    }

    #[test]
    fn missing_and_repeated_keys() {
        let (zh, en) = both::<RawFile>("[[section]]\nid = \"s\"\n");
        assert_eq!(zh.message, "缺少键 `title`");
        assert_eq!(zh.help, ["在这张表里加上 `title = …`"]);
        assert_eq!(en.message, "invalid TOML: missing field `title`");
        assert_eq!(en.help, ["add `title = …` to this table"]);

        let (zh, en) = both::<RawFile>("extends = \"a\"\nextends = \"b\"\n");
        assert_eq!(zh.message, "TOML 错误：键重复");
        assert_eq!(zh.help, ["同一张表里每个键只能写一次：删除多余的那个"]);
        assert_eq!(en.message, "invalid TOML: duplicate key");
        let zh = explain("duplicate field `id`", Lang::Zh, OWN);
        assert_eq!(zh.message, "键 `id` 重复");
    }

    #[test]
    fn unknown_variants_list_the_valid_ones() {
        #[derive(Debug, Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum Colour {
            Red,
            Green,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            colour: Colour,
        }
        let (zh, en) = both::<Doc>("colour = \"gren\"\n");
        assert_eq!(zh.message, "未知的取值 `gren`");
        assert_eq!(zh.help, ["是不是 `green`？", "可选的取值：`red`、`green`"]);
        assert_eq!(
            en.message,
            "invalid TOML: unknown variant `gren`, expected `red` or `green`"
        );
        assert_eq!(en.help, ["did you mean `green`?"]);
    }

    #[test]
    fn syntax_errors_say_what_belongs_there() {
        let cases: &[(&str, &str)] = &[
            ("a 1\n", "TOML 错误：键后面没有值，此处应为 `=`"),
            (
                "a = 1 b = 2\n",
                "TOML 错误：这里不应有键或值，此处应为换行或 `#`",
            ),
            ("a = \"x\nb = 1\n", "TOML 错误：无效的字符串，此处应为 `\"`"),
            ("a = 1x\n", "TOML 错误：文字值必须加引号"),
            ("a = 01\n", "TOML 错误：数字不能以 0 开头"),
            ("a = 1__2\n", "TOML 错误：`_` 只能写在数字之间"),
            ("a = tru\n", "TOML 错误：无效的布尔值，此处应为 `true`"),
            (
                "a = [\"x\" \"y\"]\n",
                "TOML 错误：数组的元素之间缺少逗号，此处应为 `,`",
            ),
            ("[a\n", "TOML 错误：表头没有闭合，此处应为 `]`"),
            (
                "a = 2024-13-01\n",
                "TOML 错误：无效的日期，此处应为 01 到 12 之间的月份",
            ),
            (
                "a = \"\\q\"\n",
                "TOML 错误：转义序列不完整，此处应为 `b`、`e`、`f`、`n`、`r`、`\\`、`\"`、`x`、`u` 或 `U`",
            ),
            (
                "= 1\n",
                "TOML 错误：不加引号的键不能为空，此处应为字母、数字、`-` 或 `_`",
            ),
        ];
        for (text, message) in cases {
            let (zh, en) = both::<toml::Table>(text);
            assert_eq!(zh.message, *message, "{text:?}");
            assert!(en.message.starts_with("invalid TOML: "), "{}", en.message);
        }
        let (zh, _) = both::<toml::Table>("a = 1x\n");
        assert_eq!(
            zh.help,
            ["文字要加引号：`键 = \"文字\"`；数字和 `true`/`false` 不加引号"]
        );
    }

    #[test]
    fn unknown_shapes_keep_their_english() {
        let zh = explain("something new, expected a surprise", Lang::Zh, OWN);
        assert_eq!(zh.message, "TOML 错误：something new, expected a surprise");
        assert!(zh.help.is_empty());
        // A known shape with an unknown part keeps that part as written.
        let zh = explain("invalid type: unit value, expected a widget", Lang::Zh, OWN);
        assert_eq!(zh.message, "类型不对：写的是 unit value，应为 a widget");
    }

    /// A document with one field of each kind serde describes.
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Kinds {
        s: Option<String>,
        i: Option<i64>,
        u: Option<u8>,
        n: Option<f64>,
        b: Option<bool>,
        v: Option<Vec<String>>,
        w: Option<[i64; 2]>,
        l: Option<LocalText>,
        a: Option<std::collections::BTreeMap<String, RawAnswer>>,
    }

    /// Every kind of value found and expected the rewriting recognises, from the real `toml`
    /// and serde messages: a change of wording in an upgrade fails here.
    #[test]
    fn every_found_and_expected_kind_is_worded() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "s = true",
                "类型不对：写的是布尔值 `true`，应为字符串",
                "文字要加引号：写成 `\"true\"`",
            ),
            (
                "s = [1]",
                "类型不对：写的是数组，应为字符串",
                "这里要写加引号的文字，例如 `\"…\"`",
            ),
            (
                "s = { a = 1 }",
                "类型不对：写的是表，应为字符串",
                "这里要写加引号的文字，例如 `\"…\"`",
            ),
            (
                "s = 1.5",
                "类型不对：写的是小数 `1.5`，应为字符串",
                "文字要加引号：写成 `\"1.5\"`",
            ),
            (
                "i = \"7\"",
                "类型不对：写的是字符串 \"7\"，应为整数",
                "去掉引号：写成 `7`",
            ),
            (
                "i = 99999999999999999999",
                "整数 `99999999999999999999` 超出范围，应为整数",
                "",
            ),
            ("u = 300", "整数 `300` 超出范围，应为非负整数", ""),
            (
                "u = \"x\"",
                "类型不对：写的是字符串 \"x\"，应为非负整数",
                "这里要写整数，不加引号，例如 `3`",
            ),
            (
                "n = 'x'",
                "类型不对：写的是字符串 \"x\"，应为数字",
                "这里要写数字，不加引号，例如 `0.5`",
            ),
            (
                "b = 1",
                "类型不对：写的是整数 `1`，应为 `true` 或 `false`",
                "写 `true` 或 `false`，不加引号",
            ),
            (
                "v = 'x'",
                "类型不对：写的是字符串 \"x\"，应为数组",
                "这里要写数组，例如 `[\"a\", \"b\"]`",
            ),
            (
                "w = [1]",
                "数组的长度不对：有 1 项，应为 an array of length 2",
                "",
            ),
            (
                "l = 3",
                "类型不对：写的是整数 `3`，应为文字（字符串，或 `{ zh = \"…\", en = \"…\" }` 这样的表）",
                "文字要加引号：写成 `\"3\"`",
            ),
            (
                "l = [1]",
                "类型不对：写的是数组，应为文字（字符串，或 `{ zh = \"…\", en = \"…\" }` 这样的表）",
                "写成 `\"…\"`，或按语言分别写：`{ zh = \"…\", en = \"…\" }`",
            ),
            (
                "a = 3",
                "类型不对：写的是整数 `3`，应为表",
                "这里要写表：`[名称]` 下面的几行 `键 = 值`，或 `{ 键 = 值 }`",
            ),
            (
                "a = { x = 99999999999999999999 }",
                "整数 `99999999999999999999` 超出范围，应为答案（字符串、整数、`true`/`false` 或字符串数组）",
                "",
            ),
        ];
        for (text, message, help) in cases {
            let (zh, en) = both::<Kinds>(text);
            assert_eq!(zh.message, *message, "{text}");
            assert_eq!(zh.help.join(""), *help, "{text}");
            assert!(en.message.starts_with("invalid TOML: "), "{}", en.message);
        }
        // Answers have advice of their own.
        let message = format!("invalid type: map, expected {}", RawAnswer::EXPECTING);
        let zh = explain(&message, Lang::Zh, OWN);
        assert_eq!(
            zh.help,
            ["答案写成 `\"选项\"`、整数、`true`/`false` 或 `[\"选项\", …]`"]
        );
    }

    /// Problems of the parser the table words, each from a document that makes the `toml`
    /// crate report it: none falls back to English.
    #[test]
    fn syntax_problems_are_worded_from_the_table() {
        let cases: &[(&str, &str)] = &[
            ("a = [1,", "TOML 错误：数组没有闭合，此处应为 `]`"),
            (
                "a = \"\\u12\"",
                "TOML 错误：Unicode 转义的位数不够，此处应为 Unicode 十六进制值",
            ),
            (
                "'''a''' = 1",
                "TOML 错误：键不能是多行字符串，此处应为双引号字符串或单引号字符串",
            ),
            ("a = 1e", "TOML 错误：指数部分无效，此处应为数字"),
            ("a = 0x_1", "TOML 错误：`_` 只能写在数字之间"),
            ("a = +0x1", "TOML 错误：带进制前缀的整数不能有正负号"),
            ("a = 0X1", "TOML 错误：进制前缀必须小写，此处应为 `0x`"),
            ("a = 1.", "TOML 错误：小数部分无效，此处应为数字"),
            (
                "a = 1979-05-27T25:00:00",
                "TOML 错误：无效的时间，此处应为 00 到 23 之间的小时",
            ),
            (
                "a = 1979-05-27T07:32:00+25:00",
                "TOML 错误：无效的时区偏移，此处应为 00 到 23 之间的小时",
            ),
            ("a = \"\"\"x", "TOML 错误：无效的多行字符串，此处应为 `\"`"),
            (
                "a = 1 # \u{7}",
                "TOML 错误：注释中有无效的字符，此处应为可打印字符",
            ),
            ("a.b = 1\na = 2", "TOML 错误：键重复"),
            ("a = {", "TOML 错误：内联表没有闭合，此处应为 `}`"),
            (
                "a = [1 = 2]",
                "TOML 错误：数组中不能有 `=`，此处应为值或 `]`",
            ),
            ("a = {b}", "TOML 错误：无效的单引号字符串，此处应为 `'`"),
            ("[[a]\n", "TOML 错误：数组表的表头没有闭合，此处应为 `]`"),
            ("a = 1.7976931348623157e309", "TOML 错误：小数超出范围"),
            ("a = ++1", "TOML 错误：多余的正负号"),
            ("a = 0b2", "TOML 错误：无效的二进制数"),
            ("a = 0o9", "TOML 错误：无效的八进制数"),
            (
                "a = 1\r2",
                "TOML 错误：回车符后面必须是换行符，此处应为换行",
            ),
        ];
        for (text, message) in cases {
            let (zh, _) = both::<toml::Table>(text);
            assert_eq!(zh.message, *message, "{text:?}");
        }
    }

    /// The tables are data: each English key once, each with a Chinese wording.
    #[test]
    fn the_tables_have_one_wording_per_english_key() {
        for table in [PROBLEMS, EXPECTED, DATE_UNITS] {
            let mut keys: Vec<&str> = table.iter().map(|(en, _)| *en).collect();
            keys.sort_unstable();
            let before = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), before, "a key is repeated");
            assert!(table.iter().all(|(_, zh)| !zh.is_empty()));
        }
    }
}
