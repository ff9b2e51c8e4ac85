//! The `toml` parser's own vocabulary in Chinese: the problems it names, what it says it
//! expected, and the units of its date errors. Kept as data, so that a new wording is one line.

use crate::lang::zh_or;

/// The Chinese of a problem the TOML parser describes, `None` if not recognised.
pub(super) fn chinese_problem(problem: &str) -> Option<&'static str> {
    PROBLEMS
        .iter()
        .find(|(en, _)| *en == problem)
        .map(|(_, zh)| *zh)
}

/// What the parser expected, in Chinese: its items (`` `=` ``, `newline`, `key`) joined with
/// 、 and 或. Items not recognised are kept as written.
pub(super) fn chinese_expected(expected: &str) -> String {
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
pub(super) const PROBLEMS: &[(&str, &str)] = &[
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
pub(super) const EXPECTED: &[(&str, &str)] = &[
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
pub(super) const DATE_UNITS: &[(&str, &str)] = &[
    ("month", "月份"),
    ("day", "日"),
    ("hour", "小时"),
    ("hours", "小时"),
    ("minute", "分钟"),
    ("minutes", "分钟"),
    ("second", "秒"),
];
