//! The rules an answer must meet, in one place: [`validate`] checks a value against its
//! question for answers files ([`super::answer_check::check_value`]), question defaults, pack
//! tests, drafts, the questionnaire and the web form. Each front end words an [`Invalid`] for
//! its reader: answers files as located diagnostics, the questionnaire and the web form under
//! the prompt (`interview::validate`).

use super::{Choice, Question, QuestionKind};
use crate::terminal::is_unsafe;
use crate::value::Value;

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// A required question was left empty.
    Required,
    /// A number outside the question's range.
    OutOfRange {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// Fewer options than the question needs.
    TooFew {
        /// Fewest allowed.
        min: usize,
    },
    /// More options than the question takes.
    TooMany {
        /// Most allowed.
        max: usize,
    },
    /// An exclusive option (such as "none") chosen with others.
    NotAlone {
        /// Index of the exclusive option.
        option: usize,
    },
    /// Text longer than allowed.
    TooLong {
        /// Most characters allowed.
        max: usize,
        /// Characters given.
        len: usize,
    },
    /// Text with control characters or escape sequences.
    ControlCharacters,
    /// A value of the wrong kind, or an option the question does not have (a bug in the
    /// front end, never the person's fault).
    WrongKind,
}

/// Checks an answer to `question`; `None` means the question was left unanswered.
pub fn validate(question: &Question, value: Option<&Value>) -> Result<(), Invalid> {
    let Some(value) = value else {
        return if question.required {
            Err(Invalid::Required)
        } else {
            Ok(())
        };
    };
    match (&question.kind, value) {
        (QuestionKind::Single { options }, Value::Choice(i)) if *i < options.len() => Ok(()),
        (QuestionKind::Bool, Value::Bool(_)) => Ok(()),
        (QuestionKind::Number { min, max, .. }, Value::Number(n)) => {
            if n < min || n > max {
                Err(Invalid::OutOfRange {
                    min: *min,
                    max: *max,
                })
            } else {
                Ok(())
            }
        }
        (
            QuestionKind::Multi {
                options,
                min_selected,
                max_selected,
            },
            Value::Choices(mask),
        ) => selection(options, *mask, *min_selected, *max_selected),
        (QuestionKind::Text { max_length }, Value::Text(text)) => {
            let len = text.chars().count();
            if len > *max_length {
                Err(Invalid::TooLong {
                    max: *max_length,
                    len,
                })
            } else if text.chars().any(is_unsafe) {
                Err(Invalid::ControlCharacters)
            } else if question.required && text.trim().is_empty() {
                Err(Invalid::Required)
            } else {
                Ok(())
            }
        }
        _ => Err(Invalid::WrongKind),
    }
}

/// Checks a multiple-choice selection: an option the question lacks, an exclusive option
/// chosen with others, then the number chosen.
fn selection(options: &[Choice], mask: u64, min: usize, max: usize) -> Result<(), Invalid> {
    if options.len() < 64 && mask >> options.len() != 0 {
        return Err(Invalid::WrongKind);
    }
    let count = mask.count_ones() as usize;
    let exclusive = (0..options.len()).find(|&i| options[i].exclusive && mask >> i & 1 == 1);
    if let (true, Some(option)) = (count > 1, exclusive) {
        return Err(Invalid::NotAlone { option });
    }
    if count < min {
        return Err(Invalid::TooFew { min });
    }
    if count > max {
        return Err(Invalid::TooMany { max });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::testing::mini;
    use crate::lang::Lang;
    use crate::pack::answer_check::check_value;
    use crate::source::FileId;
    use crate::value::RawAnswer;

    #[test]
    fn blank_text_is_no_answer_to_a_required_question_in_files_as_in_the_questionnaire() {
        let pack = mini();
        let mut question = pack.question("org_name").unwrap().1.clone();
        let blank = Value::Text("  ".into());
        assert_eq!(validate(&question, Some(&blank)), Ok(()));
        question.required = true;
        assert_eq!(validate(&question, Some(&blank)), Err(Invalid::Required));
        let raw = toml::Spanned::new(0..4, RawAnswer::Str("  ".into()));
        let refused = check_value(&question, &raw, FileId(0), Lang::En).unwrap_err();
        assert_eq!(refused.code, "A007");
        assert!(
            refused.message.contains("blank text"),
            "{}",
            refused.message
        );
    }
}
