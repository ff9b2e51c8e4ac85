//! The problems of answers (codes A001–A012 of docs/lint-codes.md) as data: one variant per
//! kind, with the ids, options and numbers it needs, and the one place that words each in
//! both languages. Answers files ([`crate::answers::file`]) and the answer check
//! ([`super::answer_check`]) report these, and so do the answers' resolution against the pack
//! ([`crate::engine`]) and `fulcrum run` when it seeds the questionnaire. `wording` says each
//! problem in each language.

mod wording;

use crate::diagnostic::{Coded, Diagnostic, Severity, Worded, did_you_mean, list_names};
use crate::lang::Lang;
use crate::text::LocalText;
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
    /// An answer to a derived fact, which is computed from other answers.
    DerivedAnswered {
        /// The derived fact.
        id: String,
    },
    /// An answer to something that is not a question of the pack.
    UnknownQuestion {
        /// The id as written.
        id: String,
        /// The pack.
        pack: String,
        /// The pack's questions, to suggest one; `None` once enough was said.
        questions: Option<Vec<String>>,
    },
    /// An answer to something that is not a question of the pack, left out of a draft or
    /// answers file that seeds the questionnaire.
    UnknownQuestionIgnored {
        /// The id as written.
        id: String,
        /// The pack.
        pack: String,
    },
    /// An answer to a question the skip logic does not ask with these answers.
    Dropped {
        /// The question.
        question: String,
        /// Its `when`, as written.
        when: Option<String>,
    },
    /// Required questions without an answer.
    Missing {
        /// The questions: id and prompt.
        questions: Vec<(String, LocalText)>,
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

impl Coded for AnswersProblem {
    /// The stable code documented in docs/lint-codes.md.
    fn code(&self) -> &'static str {
        use AnswersProblem::*;
        match self {
            Unreadable { .. } | NotToml { .. } => "A001",
            DerivedAnswered { .. } | UnknownQuestion { .. } | UnknownQuestionIgnored { .. } => {
                "A002"
            }
            UnknownLanguage { .. }
            | WrongType { .. }
            | ListItemNotOption { .. }
            | WrongKind { .. } => "A003",
            UnknownOption { .. } => "A004",
            OutOfRange { .. } => "A005",
            NotAlone { .. } => "A006",
            BlankRequired { .. } | Missing { .. } => "A007",
            Dropped { .. } => "A008",
            TooFew { .. } | TooMany { .. } => "A009",
            TooLong { .. } => "A010",
            ControlCharacters { .. } => "A011",
            UnknownSkipped { .. } => "A012",
        }
    }

    /// Whether the answers cannot be used as they are.
    fn severity(&self) -> Severity {
        use AnswersProblem::*;
        match self {
            UnknownSkipped { .. } | UnknownQuestionIgnored { .. } | Dropped { .. } => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

impl AnswersProblem {
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

#[cfg(test)]
pub(crate) mod tests;
