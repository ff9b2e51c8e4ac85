//! What each [`AnswersProblem`] says, in each language: the message, the label under the
//! caret and the help lines.

use super::{AnswersProblem, Expected, question_hint};
use crate::diagnostic::{Worded, did_you_mean, list_names};
use crate::lang::{Lang, spaced};
use crate::tr;

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

impl Worded for AnswersProblem {
    /// What is wrong, in one line.
    fn message(&self, lang: Lang) -> String {
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
            DerivedAnswered { id } => tr!(
                lang,
                "`{id}` 是派生事实，由其他答案算出，不能直接回答",
                "`{id}` is a derived fact: it is computed from other answers, not answered"
            ),
            UnknownQuestion { id, pack, .. } => tr!(
                lang,
                "规则包 `{pack}` 没有问题 `{id}`",
                "pack `{pack}` has no question `{id}`"
            ),
            UnknownQuestionIgnored { id, pack } => tr!(
                lang,
                "规则包 `{pack}` 没有问题 `{id}`，已忽略",
                "pack `{pack}` has no question `{id}`; ignored"
            ),
            Dropped { question, .. } => tr!(
                lang,
                "`{question}` 按跳题逻辑不会被问到，已忽略这个答案",
                "`{question}` is not asked with these answers (skip logic); its answer was dropped"
            ),
            Missing { questions } => {
                let list: Vec<String> = questions
                    .iter()
                    .map(|(id, prompt)| tr!(lang, "`{}`（{}）", "`{}` ({})", id, prompt.get(lang)))
                    .collect();
                tr!(
                    lang,
                    "缺少 {} 个必答问题的答案：{}",
                    "missing answers to {} required question(s): {}",
                    list.len(),
                    list.join(lang.list_separator())
                )
            }
            UnknownSkipped { id, pack, .. } => tr!(
                lang,
                "`skipped` 中的 `{id}` 不是规则包 `{pack}` 的问题，已忽略",
                "`skipped` names `{id}`, which is not a question of pack `{pack}`; ignored"
            ),
        }
    }

    /// The label under the caret.
    fn label(&self, lang: Lang) -> String {
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
            DerivedAnswered { .. } => tr!(lang, "不是问题", "not a question"),
            UnknownQuestion { .. } | UnknownQuestionIgnored { .. } | UnknownSkipped { .. } => {
                tr!(lang, "未知的问题", "unknown question")
            }
            Dropped { .. } => tr!(lang, "已忽略", "dropped"),
            // Said of no place in particular.
            Missing { .. } => String::new(),
        }
    }

    /// How to fix it. Empty lines are left out when the diagnostic is made.
    fn help(&self, lang: Lang) -> Vec<String> {
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
            }
            | UnknownQuestion {
                id,
                questions: Some(questions),
                ..
            } => vec![question_hint(questions, id, lang)],
            DerivedAnswered { .. } => vec![tr!(lang, "删除这一行", "remove this line")],
            Dropped {
                when: Some(when), ..
            } => vec![tr!(
                lang,
                "只有在 `{when}` 时才问",
                "it is asked only when `{when}`"
            )],
            Missing { .. } => vec![tr!(
                lang,
                "在 [answers] 中补上，或运行 `fulcrum run --answers FILE` 只回答缺少的问题",
                "add them under [answers], or run `fulcrum run --answers FILE` to answer only what is missing"
            )],
            _ => Vec::new(),
        }
    }
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
