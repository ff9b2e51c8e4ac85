//! The problems of answers (codes A001–A012 of docs/lint-codes.md) as data: one variant per
//! kind, with the ids, options and numbers it needs, and the one place that words each in
//! both languages. Answers files ([`crate::answers::file`]) and the answer check
//! ([`super::answer_check`]) report these.

use crate::diagnostic::{Diagnostic, Severity, did_you_mean, list_names};
use crate::lang::{Lang, spaced};
use crate::source::Loc;
use crate::tr;

/// What a wrongly typed answer should have been, and how to fix it where that is clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// One option of a single choice, shown by an example.
    OneOption {
        /// The question's first option.
        example: String,
    },
    /// A list of options.
    Options {
        /// The option written alone, not in a list (it is shown in one).
        given: Option<String>,
        /// The question's options.
        options: Vec<String>,
    },
    /// `true` or `false`.
    Bool {
        /// The yes or no written in quotes.
        quoted: Option<bool>,
    },
    /// A whole number in a range.
    Number {
        /// Smallest value.
        min: i64,
        /// Largest value.
        max: i64,
        /// The number written in quotes, trimmed.
        quoted: Option<String>,
    },
    /// A string.
    Text,
}

impl Expected {
    /// The expected kind of value, as it follows "expected".
    fn word(&self, lang: Lang) -> String {
        match self {
            Expected::OneOption { .. } => tr!(lang, "一个选项（字符串）", "one option (a string)"),
            Expected::Options { .. } => tr!(lang, "选项列表", "a list of options"),
            Expected::Bool { .. } => "true / false".into(),
            Expected::Number { min, max, .. } => tr!(
                lang,
                "{min} 到 {max} 的整数",
                "a whole number from {min} to {max}"
            ),
            Expected::Text => tr!(lang, "文字（字符串）", "text (a string)"),
        }
    }
}

/// A problem of an answer or of an answers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswersProblem {
    /// The answers file cannot be read (the loader's message is kept).
    Unreadable {
        /// What the loader said.
        reason: String,
    },
    /// The answers file is not valid TOML (the TOML message is kept, with the layout).
    NotToml {
        /// What the TOML reader said.
        reason: String,
    },
    /// `lang = "…"` that is not `zh` or `en`.
    UnknownLanguage {
        /// The code as written.
        code: String,
    },
    /// A value of the wrong type.
    WrongType {
        /// The question.
        question: String,
        /// What was expected.
        expected: Expected,
        /// What kind of value was found, in Chinese and English.
        found: (&'static str, &'static str),
    },
    /// An item of a multiple choice's list that is not a string.
    ListItemNotOption {
        /// The question.
        question: String,
        /// What kind of value was found, in Chinese and English.
        found: (&'static str, &'static str),
    },
    /// An option the question does not offer.
    UnknownOption {
        /// The question.
        question: String,
        /// The option as written.
        given: String,
        /// The question's options.
        options: Vec<String>,
    },
    /// A number outside the question's range.
    OutOfRange {
        /// The question.
        question: String,
        /// The answer.
        n: i64,
        /// Smallest value.
        min: i64,
        /// Largest value.
        max: i64,
    },
    /// An exclusive option chosen with others.
    NotAlone {
        /// The question.
        question: String,
        /// The exclusive option.
        option: String,
    },
    /// Fewer options than the question needs.
    TooFew {
        /// The question.
        question: String,
        /// The fewest options it needs.
        min: usize,
        /// How many were chosen.
        count: usize,
        /// The question's options.
        options: Vec<String>,
    },
    /// More options than the question takes.
    TooMany {
        /// The question.
        question: String,
        /// The most options it takes.
        max: usize,
        /// How many were chosen.
        count: usize,
    },
    /// A text longer than the question allows.
    TooLong {
        /// The question.
        question: String,
        /// The longest text allowed, in characters.
        max: usize,
        /// The text's length, in characters.
        len: usize,
    },
    /// Control characters in a text answer.
    ControlCharacters {
        /// The question.
        question: String,
    },
    /// A required text question answered with blank text.
    BlankRequired {
        /// The question.
        question: String,
    },
    /// An answer of another kind than the question's.
    WrongKind {
        /// The question.
        question: String,
    },
    /// `skipped` names something that is not a question of the pack.
    UnknownSkipped {
        /// The id as written.
        id: String,
        /// The pack.
        pack: String,
        /// The pack's questions, to suggest one; `None` once enough was said.
        questions: Option<Vec<String>>,
    },
}

impl AnswersProblem {
    /// The stable code documented in docs/lint-codes.md.
    pub fn code(&self) -> &'static str {
        use AnswersProblem::*;
        match self {
            Unreadable { .. } | NotToml { .. } => "A001",
            UnknownLanguage { .. }
            | WrongType { .. }
            | ListItemNotOption { .. }
            | WrongKind { .. } => "A003",
            UnknownOption { .. } => "A004",
            OutOfRange { .. } => "A005",
            NotAlone { .. } => "A006",
            BlankRequired { .. } => "A007",
            TooFew { .. } | TooMany { .. } => "A009",
            TooLong { .. } => "A010",
            ControlCharacters { .. } => "A011",
            UnknownSkipped { .. } => "A012",
        }
    }

    /// Whether the answers cannot be used as they are.
    pub fn severity(&self) -> Severity {
        match self {
            AnswersProblem::UnknownSkipped { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// What is wrong, in one line.
    pub fn message(&self, lang: Lang) -> String {
        use AnswersProblem::*;
        match self {
            Unreadable { reason } | NotToml { reason } => reason.clone(),
            UnknownLanguage { code } => {
                tr!(lang, "未知的语言 `{code}`", "unknown language `{code}`")
            }
            WrongType {
                question: id,
                expected,
                found,
            } => {
                let expected = expected.word(lang);
                let zh_expected = spaced(&expected);
                let found = pick(*found, lang);
                tr!(
                    lang,
                    "`{id}` 的答案类型不对：应为{zh_expected}，实际是{found}",
                    "wrong type for `{id}`: expected {expected}, found {found}"
                )
            }
            ListItemNotOption {
                question: id,
                found,
            } => tr!(
                lang,
                "`{id}` 的列表只能包含选项（字符串），实际有{}",
                "the list for `{id}` may only hold options (strings), found {}",
                pick(*found, lang)
            ),
            UnknownOption {
                question: id,
                given,
                ..
            } => tr!(
                lang,
                "`{id}` 没有选项 `{given}`",
                "`{id}` has no option `{given}`"
            ),
            OutOfRange {
                question: id,
                n,
                min,
                max,
            } => tr!(
                lang,
                "`{id}` 的数值 {n} 超出范围 {min}–{max}",
                "`{id}` = {n} is out of range {min}–{max}"
            ),
            NotAlone {
                question: id,
                option: excl,
            } => tr!(
                lang,
                "`{id}` 中的 `{excl}` 不能与其他选项同时选择",
                "`{excl}` cannot be combined with other options in `{id}`"
            ),
            TooFew {
                question: id,
                min,
                count,
                ..
            } => tr!(
                lang,
                "`{id}` 至少要选 {min} 项，实际 {count} 项",
                "`{id}` needs at least {min} option(s), found {count}"
            ),
            TooMany {
                question: id,
                max,
                count,
            } => tr!(
                lang,
                "`{id}` 最多选 {max} 项，实际 {count} 项",
                "`{id}` takes at most {max} option(s), found {count}"
            ),
            TooLong {
                question: id,
                max,
                len,
            } => tr!(
                lang,
                "`{id}` 的文字有 {len} 个字符，最多 {max} 个",
                "`{id}` has {len} characters; at most {max} are allowed"
            ),
            ControlCharacters { question: id } => tr!(
                lang,
                "`{id}` 的文字含有控制字符",
                "`{id}` contains control characters"
            ),
            BlankRequired { question: id } => tr!(
                lang,
                "`{id}` 是必答题：空白的文字不算回答",
                "`{id}` must be answered: blank text is not an answer"
            ),
            WrongKind { question: id } => tr!(
                lang,
                "`{id}` 的答案与题型不符",
                "the answer to `{id}` does not fit its kind of question"
            ),
            UnknownSkipped { id, pack, .. } => tr!(
                lang,
                "`skipped` 中的 `{id}` 不是规则包 `{pack}` 的问题，已忽略",
                "`skipped` names `{id}`, which is not a question of pack `{pack}`; ignored"
            ),
        }
    }

    /// The label under the caret.
    pub fn label(&self, lang: Lang) -> String {
        use AnswersProblem::*;
        match self {
            // The loader's and the TOML reader's labels are kept (`restate`).
            Unreadable { .. } | NotToml { .. } => String::new(),
            UnknownLanguage { .. } => tr!(lang, "应为 zh 或 en", "expected `zh` or `en`"),
            WrongType { expected, .. } => {
                let expected = expected.word(lang);
                let zh_expected = spaced(&expected);
                tr!(lang, "应为{zh_expected}", "expected {expected}")
            }
            ListItemNotOption { .. } => tr!(lang, "应为字符串", "expected a string"),
            UnknownOption { .. } => {
                tr!(lang, "未提供的选项", "not an option of this question")
            }
            OutOfRange { min, max, .. } => tr!(
                lang,
                "应在 {min} 到 {max} 之间",
                "must be between {min} and {max}"
            ),
            NotAlone { option: excl, .. } => tr!(
                lang,
                "`{excl}` 只能单独选择",
                "`{excl}` must be chosen alone"
            ),
            TooFew { .. } => tr!(lang, "选得太少", "too few"),
            TooMany { .. } => tr!(lang, "选得太多", "too many"),
            TooLong { .. } => tr!(lang, "太长", "too long"),
            ControlCharacters { .. } => tr!(
                lang,
                "不能包含控制字符或转义序列",
                "control characters and escape sequences are not allowed"
            ),
            BlankRequired { .. } => tr!(lang, "需要填写", "needs some text"),
            WrongKind { .. } => tr!(lang, "与题型不符", "does not fit the question"),
            UnknownSkipped { .. } => tr!(lang, "未知的问题", "unknown question"),
        }
    }

    /// How to fix it. Empty lines are left out when the diagnostic is made.
    pub fn help(&self, lang: Lang) -> Vec<String> {
        use AnswersProblem::*;
        match self {
            NotToml { .. } => vec![tr!(
                lang,
                "答案文件的格式：`pack = \"…\"`、`lang = \"zh\"`、可选的 `skipped = [...]`，然后是 [answers] 表",
                "an answers file holds `pack = \"…\"`, `lang = \"zh\"`, optionally `skipped = [...]`, and an [answers] table"
            )],
            WrongType {
                question: id,
                expected,
                ..
            } => match expected {
                Expected::OneOption { example } => vec![tr!(
                    lang,
                    "例如 `{id} = \"{example}\"`",
                    "for example `{id} = \"{example}\"`"
                )],
                Expected::Options {
                    given: Some(s),
                    options,
                } => vec![
                    tr!(
                        lang,
                        "多选题写成列表：`{id} = [\"{s}\"]`",
                        "multiple choice takes a list: `{id} = [\"{s}\"]`"
                    ),
                    valid_options(options, lang),
                ],
                Expected::Bool { quoted: Some(b) } => vec![tr!(
                    lang,
                    "去掉引号：`{id} = {b}`",
                    "drop the quotes: `{id} = {b}`"
                )],
                Expected::Number {
                    quoted: Some(s), ..
                } => vec![tr!(
                    lang,
                    "去掉引号：`{id} = {s}`",
                    "drop the quotes: `{id} = {s}`"
                )],
                _ => Vec::new(),
            },
            UnknownOption { given, options, .. } => vec![
                did_you_mean(given, options.iter().map(String::as_str))
                    .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
                    .unwrap_or_default(),
                valid_options(options, lang),
            ],
            NotAlone { option: excl, .. } => vec![tr!(
                lang,
                "只保留 `{excl}`，或者去掉它",
                "keep only `{excl}`, or remove it"
            )],
            TooFew { options, .. } => vec![valid_options(options, lang)],
            UnknownSkipped {
                id,
                questions: Some(questions),
                ..
            } => vec![question_hint(questions, id, lang)],
            _ => Vec::new(),
        }
    }

    /// The problem as a diagnostic at `loc`, worded in `lang`.
    pub fn diagnostic(&self, loc: Loc, lang: Lang) -> Diagnostic {
        let diagnostic = match self.severity() {
            Severity::Error => Diagnostic::error(self.code(), self.message(lang)),
            Severity::Warning => Diagnostic::warning(self.code(), self.message(lang)),
        }
        .at(loc, self.label(lang));
        self.help(lang)
            .into_iter()
            .fold(diagnostic, |d, line| d.help(line))
    }

    /// A diagnostic of the loader or the TOML reader, said again as this problem: its code
    /// becomes this problem's and this problem's help is added; its message, place and label
    /// stay.
    pub fn restate(&self, mut diagnostic: Diagnostic, lang: Lang) -> Diagnostic {
        diagnostic.code = self.code();
        diagnostic.help.extend(self.help(lang));
        diagnostic
    }
}

/// For an id that is not one of `questions`: the nearest, or the questions.
pub fn question_hint<S: AsRef<str>>(questions: &[S], id: &str, lang: Lang) -> String {
    let ids = questions.iter().map(AsRef::as_ref);
    did_you_mean(id, ids.clone())
        .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
        .unwrap_or_else(|| {
            tr!(
                lang,
                "问题有：{}",
                "questions are: {}",
                list_names(ids, 12, lang)
            )
        })
}

/// "valid options: …", the first 20.
fn valid_options(options: &[String], lang: Lang) -> String {
    tr!(
        lang,
        "可选：{}",
        "valid options: {}",
        list_names(options.iter().map(String::as_str), 20, lang)
    )
}

/// The word of `lang` from a Chinese and English pair.
fn pick(words: (&'static str, &'static str), lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => words.0,
        Lang::En => words.1,
    }
}

#[cfg(test)]
mod tests;
