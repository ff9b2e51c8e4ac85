//! Which answers fit a question: [`check_value`] turns a value as written into a checked
//! [`Value`], for answers files, question defaults and pack tests alike.

use toml::Spanned;

use super::answer_problem::{AnswersProblem, Expected};
use super::answer_rules::{Invalid, validate};
use super::{Choice, Question, QuestionKind};
use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::Lang;
use crate::source::{FileId, Loc};
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
    let wrong_type = |expected: Expected| {
        AnswersProblem::WrongType {
            question: id.clone(),
            expected,
            found: kind_names(value.get_ref()),
        }
        .diagnostic(loc.clone(), lang)
    };
    let ids =
        |options: &[Choice]| -> Vec<String> { options.iter().map(|o| o.id.clone()).collect() };
    match (&question.kind, value.get_ref()) {
        (QuestionKind::Single { options }, RawAnswer::Str(s)) => {
            option_index(question, options, s, loc.clone(), lang).map(Value::Choice)
        }
        (QuestionKind::Single { options }, _) => Err(wrong_type(Expected::OneOption {
            example: options.first().map(|o| o.id.clone()).unwrap_or_default(),
        })),
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
                        AnswersProblem::ListItemNotOption {
                            question: id.clone(),
                            found: kind_names(other),
                        }
                        .diagnostic(item_loc, lang),
                    ),
                }
            }
            if let Some(first) = problems.into_iter().next() {
                return Err(first);
            }
            Ok(Value::Choices(mask))
        }
        (QuestionKind::Multi { options, .. }, RawAnswer::Str(s)) => {
            Err(wrong_type(Expected::Options {
                given: Some(s.clone()),
                options: ids(options),
            }))
        }
        (QuestionKind::Multi { options, .. }, _) => Err(wrong_type(Expected::Options {
            given: None,
            options: ids(options),
        })),
        (QuestionKind::Bool, RawAnswer::Bool(b)) => Ok(Value::Bool(*b)),
        (QuestionKind::Bool, RawAnswer::Str(s))
            if matches!(s.as_str(), "yes" | "no" | "true" | "false") =>
        {
            Err(wrong_type(Expected::Bool {
                quoted: Some(matches!(s.as_str(), "yes" | "true")),
            }))
        }
        (QuestionKind::Bool, _) => Err(wrong_type(Expected::Bool { quoted: None })),
        (QuestionKind::Number { .. }, RawAnswer::Int(n)) => Ok(Value::Number(*n)),
        (QuestionKind::Number { min, max, .. }, RawAnswer::Str(s))
            if s.trim().parse::<i64>().is_ok() =>
        {
            Err(wrong_type(Expected::Number {
                min: *min,
                max: *max,
                quoted: Some(s.trim().to_string()),
            }))
        }
        (QuestionKind::Number { min, max, .. }, _) => Err(wrong_type(Expected::Number {
            min: *min,
            max: *max,
            quoted: None,
        })),
        (QuestionKind::Text { .. }, RawAnswer::Str(s)) => Ok(Value::Text(s.clone())),
        (QuestionKind::Text { .. }, _) => Err(wrong_type(Expected::Text)),
    }
}

/// What kind of TOML value `value` is, in Chinese and English.
fn kind_names(value: &RawAnswer) -> (&'static str, &'static str) {
    (value.kind_name(Lang::Zh), value.kind_name(Lang::En))
}

fn option_index(
    question: &Question,
    options: &[Choice],
    given: &str,
    loc: Loc,
    lang: Lang,
) -> Result<usize, Diagnostic> {
    options.iter().position(|o| o.id == given).ok_or_else(|| {
        AnswersProblem::UnknownOption {
            question: question.id.clone(),
            given: given.to_string(),
            options: options.iter().map(|o| o.id.clone()).collect(),
        }
        .diagnostic(loc, lang)
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
    let question_id = question.id.clone();
    let options = question.kind.options();
    let count = match value {
        Value::Choices(mask) => mask.count_ones() as usize,
        _ => 0,
    };
    let problem = match invalid {
        Invalid::OutOfRange { min, max } => AnswersProblem::OutOfRange {
            question: question_id,
            n: match value {
                Value::Number(n) => *n,
                _ => 0,
            },
            min: *min,
            max: *max,
        },
        Invalid::NotAlone { option } => AnswersProblem::NotAlone {
            question: question_id,
            option: options.get(*option).map_or(String::new(), |o| o.id.clone()),
        },
        Invalid::TooFew { min } => AnswersProblem::TooFew {
            question: question_id,
            min: *min,
            count,
            options: options.iter().map(|o| o.id.clone()).collect(),
        },
        Invalid::TooMany { max } => AnswersProblem::TooMany {
            question: question_id,
            max: *max,
            count,
        },
        Invalid::TooLong { max, len } => AnswersProblem::TooLong {
            question: question_id,
            max: *max,
            len: *len,
        },
        Invalid::ControlCharacters => AnswersProblem::ControlCharacters {
            question: question_id,
        },
        Invalid::Required => AnswersProblem::BlankRequired {
            question: question_id,
        },
        Invalid::WrongKind => AnswersProblem::WrongKind {
            question: question_id,
        },
    };
    problem.diagnostic(loc, lang)
}
