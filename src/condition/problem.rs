//! The problems of conditions (codes C001–C005 of docs/lint-codes.md) as data: one variant per
//! kind, with the names and values it needs, and the one place that gives each its code and
//! words it in each language. Parsing ([`super::parser`]) and checking a condition against the
//! pack report these.

use super::parser::{self, Expected};
use crate::diagnostic::{Coded, Worded, did_you_mean, list_names};
use crate::lang::{Lang, spaced, zh_or};
use crate::tr;

/// What a name of a condition is, as a message names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A derived fact with values.
    Classification,
    /// A derived fact that adds numbers.
    Sum,
    /// A single choice question.
    SingleChoice,
    /// A multiple choice question.
    MultipleChoice,
    /// A yes/no question.
    YesNo,
    /// A number question.
    Number,
    /// A text question.
    Text,
}

/// A problem of a condition. Every one is an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionProblem {
    /// A character the condition language does not use.
    BadChar {
        /// The character as written.
        text: String,
    },
    /// A number that does not fit in 64 bits.
    NumberTooLarge,
    /// Something else than the grammar accepts there.
    Unexpected {
        /// What was found; empty at the end of the condition.
        found: String,
        /// What the grammar accepts there.
        expected: &'static [Expected],
    },
    /// Nested deeper than [`parser::MAX_DEPTH`].
    TooDeep,
    /// Longer than [`parser::MAX_LENGTH`].
    TooLong,
    /// An empty condition.
    Empty,
    /// A name that is neither a question nor a derived fact.
    UnknownName {
        /// The name as written.
        name: String,
        /// The questions and derived facts.
        known: Vec<String>,
    },
    /// An option or value that the question or derived fact does not have.
    UnknownValue {
        /// The question or derived fact.
        subject: String,
        /// Whether it is a derived fact (values) rather than a question (options).
        derived: bool,
        /// The option or value as written.
        given: String,
        /// Its options or values.
        options: Vec<String>,
    },
    /// A yes/no question compared with something else than true or false.
    NotTrueOrFalse {
        /// The question.
        name: String,
    },
    /// A test that does not fit the kind of the name.
    DoesNotFit {
        /// The question or derived fact.
        name: String,
        /// What it is.
        kind: Kind,
    },
}

impl Coded for ConditionProblem {
    /// The stable code documented in docs/lint-codes.md.
    fn code(&self) -> &'static str {
        use ConditionProblem::*;
        match self {
            BadChar { .. } | NumberTooLarge | Unexpected { .. } | Empty => "C001",
            UnknownName { .. } => "C002",
            UnknownValue { .. } => "C003",
            NotTrueOrFalse { .. } | DoesNotFit { .. } => "C004",
            TooDeep | TooLong => "C005",
        }
    }
}

impl Worded for ConditionProblem {
    /// What is wrong, in one line.
    fn message(&self, lang: Lang) -> String {
        use ConditionProblem::*;
        match self {
            BadChar { text } => tr!(
                lang,
                "条件中出现无法识别的字符 `{text}`",
                "unexpected character `{text}` in condition"
            ),
            NumberTooLarge => tr!(lang, "数字太大", "number too large"),
            Unexpected { found, expected } => {
                let found = if found.is_empty() {
                    Expected::End.describe(lang)
                } else {
                    format!("`{found}`")
                };
                let expected = one_of(expected, lang);
                let (zh_expected, zh_found) = (spaced(&expected), spaced(&found));
                tr!(
                    lang,
                    "条件语法错误：此处应为{zh_expected}，实际是{zh_found}",
                    "syntax error in condition: expected {expected}, found {found}"
                )
            }
            TooDeep => tr!(
                lang,
                "条件嵌套超过 {} 层",
                "condition nested deeper than {} levels",
                parser::MAX_DEPTH
            ),
            TooLong => tr!(
                lang,
                "条件超过 {} 字节",
                "condition longer than {} bytes",
                parser::MAX_LENGTH
            ),
            Empty => tr!(lang, "条件为空", "empty condition"),
            UnknownName { name, .. } => tr!(
                lang,
                "未知的问题或派生事实 `{name}`",
                "unknown question or derived fact `{name}`"
            ),
            UnknownValue {
                subject,
                derived,
                given,
                ..
            } => {
                let (zh, en) = value_word(*derived);
                tr!(
                    lang,
                    "`{subject}` 没有{zh} `{given}`",
                    "`{subject}` has no {en} `{given}`"
                )
            }
            NotTrueOrFalse { name } => tr!(
                lang,
                "`{name}` 是是非题，只能与 true 或 false 比较",
                "`{name}` is a yes/no question: compare it with `true` or `false`"
            ),
            DoesNotFit { name, kind } => {
                let kind = kind.word(lang);
                tr!(
                    lang,
                    "这个运算不适用于{kind} `{name}`",
                    "this test does not fit `{name}`, which is {kind}"
                )
            }
        }
    }

    /// The label under the caret.
    fn label(&self, lang: Lang) -> String {
        use ConditionProblem::*;
        match self {
            BadChar { .. } => tr!(lang, "这里", "here"),
            NumberTooLarge => tr!(
                lang,
                "超出 64 位整数范围",
                "does not fit in a 64-bit integer"
            ),
            Unexpected { expected, .. } => {
                let expected = one_of(expected, lang);
                let zh_expected = spaced(&expected);
                tr!(lang, "应为{zh_expected}", "expected {expected}")
            }
            TooDeep => tr!(lang, "嵌套过深", "too deep"),
            TooLong => tr!(lang, "太长", "too long"),
            Empty => tr!(lang, "这里需要条件", "a condition is needed here"),
            UnknownName { .. } => tr!(lang, "未定义", "not defined"),
            UnknownValue { derived, .. } => {
                let (zh, en) = value_word(*derived);
                tr!(lang, "未知{zh}", "unknown {en}")
            }
            NotTrueOrFalse { .. } => {
                tr!(lang, "应为 true 或 false", "expected `true` or `false`")
            }
            DoesNotFit { .. } => tr!(lang, "不适用", "does not fit"),
        }
    }

    /// How to fix it. Empty lines are left out when the diagnostic is made.
    fn help(&self, lang: Lang) -> Vec<String> {
        use ConditionProblem::*;
        let split = || {
            tr!(
                lang,
                "把条件拆成派生事实（[[derived]]）",
                "split it into derived facts ([[derived]])"
            )
        };
        match self {
            BadChar { text } => vec![match text.as_str() {
                "=" => tr!(
                    lang,
                    "比较请写 `==` 或 `is`",
                    "to compare, write `==` or `is`"
                ),
                "&" | "|" | "!" => tr!(
                    lang,
                    "逻辑运算请写 `and`、`or`、`not`",
                    "write `and`, `or` and `not` in words"
                ),
                "\"" | "'" => tr!(
                    lang,
                    "选项不需要加引号：写 `x is fits`",
                    "options need no quotes: write `x is fits`"
                ),
                _ => String::new(),
            }],
            NumberTooLarge => Vec::new(),
            Unexpected { .. } => vec![tr!(
                lang,
                "条件的写法见 docs/conditions.md，例如 `months_left < 6 and who_depends has committee`",
                "see docs/conditions.md; for example `months_left < 6 and who_depends has committee`"
            )],
            TooDeep | TooLong => vec![split()],
            Empty => vec![tr!(
                lang,
                "删除 `when` 表示总是成立",
                "remove `when` to mean always"
            )],
            UnknownName { name, known } => {
                let names = known.iter().map(String::as_str);
                vec![
                    did_you_mean(name, names.clone())
                        .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
                        .unwrap_or_else(|| {
                            tr!(
                                lang,
                                "可用的名字：{}",
                                "known names: {}",
                                list_names(names, 12, lang)
                            )
                        }),
                ]
            }
            UnknownValue {
                derived,
                given,
                options,
                ..
            } => {
                let (zh_all, en_all) = if *derived {
                    ("可用的取值", "valid values")
                } else {
                    ("可选", "valid options")
                };
                let names = options.iter().map(String::as_str);
                vec![
                    did_you_mean(given, names.clone())
                        .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
                        .unwrap_or_default(),
                    tr!(
                        lang,
                        "{zh_all}：{}",
                        "{en_all}: {}",
                        list_names(names, 20, lang)
                    ),
                ]
            }
            NotTrueOrFalse { name } => vec![tr!(
                lang,
                "也可以直接写 `{name}` 或 `not {name}`",
                "or simply write `{name}` or `not {name}`"
            )],
            DoesNotFit { name, kind } => vec![kind.advice(name, lang)],
        }
    }
}

impl Kind {
    /// What it is, as a message names it.
    fn word(self, lang: Lang) -> String {
        match self {
            Kind::Classification => tr!(lang, "分类", "a classification"),
            Kind::Sum => tr!(lang, "求和", "a sum"),
            Kind::SingleChoice => tr!(lang, "单选题", "a single choice"),
            Kind::MultipleChoice => tr!(lang, "多选题", "a multiple choice"),
            Kind::YesNo => tr!(lang, "是非题", "a yes/no question"),
            Kind::Number => tr!(lang, "数字", "a number"),
            Kind::Text => tr!(lang, "文字题", "free text"),
        }
    }

    /// How a condition tests a name of this kind.
    fn advice(self, name: &str, lang: Lang) -> String {
        match self {
            Kind::Classification => tr!(
                lang,
                "写 `{name} is <取值>` 或 `{name} in [<取值>, …]`",
                "write `{name} is <value>` or `{name} in [<value>, …]`"
            ),
            Kind::Sum | Kind::Number => tr!(
                lang,
                "与整数比较：`{name} < 6`、`{name} == 0`",
                "compare it with a whole number: `{name} < 6`, `{name} == 0`"
            ),
            Kind::SingleChoice => tr!(
                lang,
                "写 `{name} is <选项>` 或 `{name} in [<选项>, …]`",
                "write `{name} is <option>` or `{name} in [<option>, …]`"
            ),
            Kind::MultipleChoice => tr!(
                lang,
                "写 `{name} has <选项>`、`has any [...]` 或 `has all [...]`",
                "write `{name} has <option>`, `has any [...]` or `has all [...]`"
            ),
            Kind::YesNo => tr!(
                lang,
                "写 `{name}`、`not {name}` 或 `{name} is false`",
                "write `{name}`, `not {name}` or `{name} is false`"
            ),
            Kind::Text => tr!(
                lang,
                "文字只能判断 `{name} is answered` 或 `{name} is skipped`",
                "text can only be tested with `{name} is answered` or `{name} is skipped`"
            ),
        }
    }
}

/// What an option is called, in Chinese and English: a value of a derived fact, an option of a
/// question.
fn value_word(derived: bool) -> (&'static str, &'static str) {
    if derived {
        ("取值", "value")
    } else {
        ("选项", "option")
    }
}

/// What the grammar accepts, for a message: `a or b or c` in English, `a、b 或 c` in Chinese.
fn one_of(expected: &[Expected], lang: Lang) -> String {
    let names: Vec<String> = expected.iter().map(|e| e.describe(lang)).collect();
    match lang {
        Lang::Zh => zh_or(&names),
        Lang::En => names.join(" or "),
    }
}

#[cfg(test)]
pub(crate) mod tests;
