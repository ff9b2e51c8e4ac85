//! Which answers fit a question: [`check_value`] turns a value as written into a checked
//! [`Value`], for answers files, question defaults and pack tests alike.

use toml::Spanned;

use super::answer_rules::{Invalid, validate};
use super::{Choice, Question, QuestionKind};
use crate::diagnostic::{Diagnostic, did_you_mean, list_names};
use crate::lang::{Lang, spaced};
use crate::source::{FileId, Loc};
use crate::tr;
use crate::value::{RawAnswer, Value};

impl Value {
    /// Writes the value back as TOML would hold it (option ids rather than indices).
    pub fn to_toml(&self, question: &Question) -> toml::Value {
        let options = question.kind.options();
        match self {
            Value::Choice(i) => toml::Value::String(options[*i].id.clone()),
            Value::Choices(mask) => toml::Value::Array(
                options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask >> i & 1 == 1)
                    .map(|(_, o)| toml::Value::String(o.id.clone()))
                    .collect(),
            ),
            Value::Bool(b) => toml::Value::Boolean(*b),
            Value::Number(n) => toml::Value::Integer(*n),
            Value::Text(t) => toml::Value::String(t.clone()),
        }
    }
}

/// Checks one raw value against its question: reads it as a [`Value`] of the question's kind,
/// then applies the rules every front end shares ([`validate`]); on failure returns the
/// diagnostic to print.
pub fn check_value(
    question: &Question,
    value: &Spanned<RawAnswer>,
    file: FileId,
    lang: Lang,
) -> Result<Value, Diagnostic> {
    let read = read_value(question, value, file, lang)?;
    match validate(question, Some(&read)) {
        Ok(()) => Ok(read),
        Err(invalid) => Err(refusal(
            question,
            &read,
            &invalid,
            Loc::new(file, value.span()),
            lang,
        )),
    }
}

/// Reads a raw value as a value of the question's kind: the type and the option ids.
fn read_value(
    question: &Question,
    value: &Spanned<RawAnswer>,
    file: FileId,
    lang: Lang,
) -> Result<Value, Diagnostic> {
    let loc = Loc::new(file, value.span());
    let id = &question.id;
    let wrong_type = |expected: String| {
        let found = value.get_ref().kind_name(lang);
        let zh_expected = spaced(&expected);
        Diagnostic::error(
            "A003",
            tr!(
                lang,
                "`{id}` 的答案类型不对：应为{zh_expected}，实际是{found}",
                "wrong type for `{id}`: expected {expected}, found {found}"
            ),
        )
        .at(
            loc.clone(),
            tr!(lang, "应为{zh_expected}", "expected {expected}"),
        )
    };
    match (&question.kind, value.get_ref()) {
        (QuestionKind::Single { options }, RawAnswer::Str(s)) => {
            option_index(question, options, s, loc.clone(), lang).map(Value::Choice)
        }
        (QuestionKind::Single { options }, _) => {
            Err(
                wrong_type(tr!(lang, "一个选项（字符串）", "one option (a string)")).help(tr!(
                    lang,
                    "例如 `{id} = \"{}\"`",
                    "for example `{id} = \"{}\"`",
                    options[0].id
                )),
            )
        }
        (QuestionKind::Multi { options, .. }, RawAnswer::List(items)) => {
            let mut mask = 0u64;
            let mut problems = Vec::new();
            for item in items {
                let item_loc = Loc::new(file, item.span());
                match item.get_ref() {
                    RawAnswer::Str(s) => match option_index(question, options, s, item_loc, lang) {
                        Ok(i) => mask |= 1 << i,
                        Err(d) => problems.push(d),
                    },
                    other => problems.push(
                        Diagnostic::error(
                            "A003",
                            tr!(
                                lang,
                                "`{id}` 的列表只能包含选项（字符串），实际有{}",
                                "the list for `{id}` may only hold options (strings), found {}",
                                other.kind_name(lang)
                            ),
                        )
                        .at(item_loc, tr!(lang, "应为字符串", "expected a string")),
                    ),
                }
            }
            if let Some(first) = problems.into_iter().next() {
                return Err(first);
            }
            Ok(Value::Choices(mask))
        }
        (QuestionKind::Multi { options, .. }, RawAnswer::Str(s)) => {
            Err(wrong_type(tr!(lang, "选项列表", "a list of options"))
                .help(tr!(
                    lang,
                    "多选题写成列表：`{id} = [\"{s}\"]`",
                    "multiple choice takes a list: `{id} = [\"{s}\"]`"
                ))
                .help(tr!(
                    lang,
                    "可选：{}",
                    "valid options: {}",
                    list_names(options.iter().map(|o| o.id.as_str()), 20, lang)
                )))
        }
        (QuestionKind::Multi { .. }, _) => {
            Err(wrong_type(tr!(lang, "选项列表", "a list of options")))
        }
        (QuestionKind::Bool, RawAnswer::Bool(b)) => Ok(Value::Bool(*b)),
        (QuestionKind::Bool, RawAnswer::Str(s))
            if matches!(s.as_str(), "yes" | "no" | "true" | "false") =>
        {
            Err(wrong_type("true / false".into()).help(tr!(
                lang,
                "去掉引号：`{id} = {}`",
                "drop the quotes: `{id} = {}`",
                matches!(s.as_str(), "yes" | "true")
            )))
        }
        (QuestionKind::Bool, _) => Err(wrong_type("true / false".into())),
        (QuestionKind::Number { .. }, RawAnswer::Int(n)) => Ok(Value::Number(*n)),
        (QuestionKind::Number { min, max, .. }, RawAnswer::Str(s))
            if s.trim().parse::<i64>().is_ok() =>
        {
            Err(wrong_type(tr!(
                lang,
                "{min} 到 {max} 的整数",
                "a whole number from {min} to {max}"
            ))
            .help(tr!(
                lang,
                "去掉引号：`{id} = {}`",
                "drop the quotes: `{id} = {}`",
                s.trim()
            )))
        }
        (QuestionKind::Number { min, max, .. }, _) => Err(wrong_type(tr!(
            lang,
            "{min} 到 {max} 的整数",
            "a whole number from {min} to {max}"
        ))),
        (QuestionKind::Text { .. }, RawAnswer::Str(s)) => Ok(Value::Text(s.clone())),
        (QuestionKind::Text { .. }, _) => {
            Err(wrong_type(tr!(lang, "文字（字符串）", "text (a string)")))
        }
    }
}

fn option_index(
    question: &Question,
    options: &[Choice],
    given: &str,
    loc: Loc,
    lang: Lang,
) -> Result<usize, Diagnostic> {
    options.iter().position(|o| o.id == given).ok_or_else(|| {
        let id = &question.id;
        let hint = did_you_mean(given, options.iter().map(|o| o.id.as_str()))
            .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
            .unwrap_or_default();
        Diagnostic::error(
            "A004",
            tr!(
                lang,
                "`{id}` 没有选项 `{given}`",
                "`{id}` has no option `{given}`"
            ),
        )
        .at(
            loc,
            tr!(lang, "未提供的选项", "not an option of this question"),
        )
        .help(hint)
        .help(tr!(
            lang,
            "可选：{}",
            "valid options: {}",
            list_names(options.iter().map(|o| o.id.as_str()), 20, lang)
        ))
    })
}

/// Words a broken rule for an answers file: the located diagnostic, with the question's id and
/// the option ids as written in the file.
fn refusal(
    question: &Question,
    value: &Value,
    invalid: &Invalid,
    loc: Loc,
    lang: Lang,
) -> Diagnostic {
    let id = &question.id;
    let options = question.kind.options();
    let valid_options = || {
        tr!(
            lang,
            "可选：{}",
            "valid options: {}",
            list_names(options.iter().map(|o| o.id.as_str()), 20, lang)
        )
    };
    let count = match value {
        Value::Choices(mask) => mask.count_ones() as usize,
        _ => 0,
    };
    match invalid {
        Invalid::OutOfRange { min, max } => {
            let n = match value {
                Value::Number(n) => *n,
                _ => 0,
            };
            Diagnostic::error(
                "A005",
                tr!(
                    lang,
                    "`{id}` 的数值 {n} 超出范围 {min}–{max}",
                    "`{id}` = {n} is out of range {min}–{max}"
                ),
            )
            .at(
                loc,
                tr!(
                    lang,
                    "应在 {min} 到 {max} 之间",
                    "must be between {min} and {max}"
                ),
            )
        }
        Invalid::NotAlone { option } => {
            let excl = options.get(*option).map_or("", |o| o.id.as_str());
            Diagnostic::error(
                "A006",
                tr!(
                    lang,
                    "`{id}` 中的 `{excl}` 不能与其他选项同时选择",
                    "`{excl}` cannot be combined with other options in `{id}`"
                ),
            )
            .at(
                loc,
                tr!(
                    lang,
                    "`{excl}` 只能单独选择",
                    "`{excl}` must be chosen alone"
                ),
            )
            .help(tr!(
                lang,
                "只保留 `{excl}`，或者去掉它",
                "keep only `{excl}`, or remove it"
            ))
        }
        Invalid::TooFew { min } => Diagnostic::error(
            "A009",
            tr!(
                lang,
                "`{id}` 至少要选 {min} 项，实际 {count} 项",
                "`{id}` needs at least {min} option(s), found {count}"
            ),
        )
        .at(loc, tr!(lang, "选得太少", "too few"))
        .help(valid_options()),
        Invalid::TooMany { max } => Diagnostic::error(
            "A009",
            tr!(
                lang,
                "`{id}` 最多选 {max} 项，实际 {count} 项",
                "`{id}` takes at most {max} option(s), found {count}"
            ),
        )
        .at(loc, tr!(lang, "选得太多", "too many")),
        Invalid::TooLong { max, len } => Diagnostic::error(
            "A010",
            tr!(
                lang,
                "`{id}` 的文字有 {len} 个字符，最多 {max} 个",
                "`{id}` has {len} characters; at most {max} are allowed"
            ),
        )
        .at(loc, tr!(lang, "太长", "too long")),
        Invalid::ControlCharacters => Diagnostic::error(
            "A011",
            tr!(
                lang,
                "`{id}` 的文字含有控制字符",
                "`{id}` contains control characters"
            ),
        )
        .at(
            loc,
            tr!(
                lang,
                "不能包含控制字符或转义序列",
                "control characters and escape sequences are not allowed"
            ),
        ),
        Invalid::Required => Diagnostic::error(
            "A007",
            tr!(
                lang,
                "`{id}` 是必答题：空白的文字不算回答",
                "`{id}` must be answered: blank text is not an answer"
            ),
        )
        .at(loc, tr!(lang, "需要填写", "needs some text")),
        Invalid::WrongKind => Diagnostic::error(
            "A003",
            tr!(
                lang,
                "`{id}` 的答案与题型不符",
                "the answer to `{id}` does not fit its kind of question"
            ),
        )
        .at(loc, tr!(lang, "与题型不符", "does not fit the question")),
    }
}
