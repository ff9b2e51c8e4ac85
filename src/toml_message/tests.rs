//! Tests of the TOML messages: each shape the crates word, in both languages.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::words::{DATE_UNITS, EXPECTED, PROBLEMS};
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
    let text =
        "[[question]]\nid = \"q\"\nkind = \"number\"\nprompt = \"?\"\nhelp = \"\"\nmin = \"500\"\n";
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
