//! The failures of a pack's `[[test]]` tables (codes T001–T009 of docs/lint-codes.md), as data:
//! one variant per kind, with the test, the expectation and what the plan held instead. This
//! module gives each its code and makes its diagnostic; `wording` says it in each language.

mod wording;

#[cfg(test)]
pub(crate) mod tests;

use crate::diagnostic::{Coded, Diagnostic, Worded};
use crate::lang::Lang;
use crate::source::Loc;
use crate::value::RawAnswer;

/// A way a pack test can fail. Every failure is an error, placed at the expectation that
/// failed.
#[derive(Debug, Clone, PartialEq)]
pub enum TestFailure {
    /// The test's answers are refused by the answer check; its diagnostic keeps its place,
    /// label and help (see [`TestFailure::restate`]), or is placed at the answers table.
    InvalidAnswers {
        /// The test.
        test: String,
        /// What the answer check said.
        reason: String,
    },
    /// `lang` names a language the pack is not written in.
    UnknownLanguage {
        /// The test.
        test: String,
        /// The code as written.
        code: String,
        /// The pack's languages.
        available: Vec<String>,
    },
    /// A concept of `expect_present` is not in the plan.
    Missing {
        /// The test.
        test: String,
        /// The concept.
        concept: String,
        /// Why the plan is blocked, when it is.
        blocked: Option<String>,
    },
    /// A concept of `expect_absent` is in the plan.
    Unwanted {
        /// The test.
        test: String,
        /// The concept.
        concept: String,
        /// The rules that gave it.
        rules: Vec<String>,
    },
    /// `expect_derived` names a derived fact the pack does not have.
    NoSuchDerived {
        /// The test.
        test: String,
        /// The derived fact as written.
        fact: String,
    },
    /// A derived fact of `expect_derived` has another value.
    DerivedDiffers {
        /// The test.
        test: String,
        /// The derived fact.
        fact: String,
        /// Its value in the plan.
        actual: serde_json::Value,
        /// The value expected.
        expected: RawAnswer,
        /// When the expected value is not one of the fact's values: the nearest, if close, and
        /// all of them.
        unknown: Option<UnknownValue>,
    },
    /// A rule of `expect_cautions` gave no caution.
    NoCaution {
        /// The test.
        test: String,
        /// The rule.
        rule: String,
    },
    /// The first steps differ from `expect_first_steps`.
    FirstSteps {
        /// The test.
        test: String,
        /// The concepts of the plan's first steps.
        actual: Vec<String>,
        /// The concepts expected.
        expected: Vec<String>,
    },
    /// A concept of `expect_deferred` is not deferred.
    NotDeferred {
        /// The test.
        test: String,
        /// The concept.
        concept: String,
        /// Whether it stayed in its phase (else it is not in the plan).
        in_phase: bool,
    },
    /// More actions in the phases than `expect_max_actions`.
    TooMany {
        /// The test.
        test: String,
        /// Actions in the phases.
        count: usize,
        /// The limit.
        max: i64,
    },
    /// A phrase of `expect_text` is in none of the plan's texts.
    TextMissing {
        /// The test.
        test: String,
        /// The phrase.
        phrase: String,
    },
    /// A phrase of `expect_no_text` is in one of the plan's texts.
    TextPresent {
        /// The test.
        test: String,
        /// The phrase.
        phrase: String,
        /// The text it was found in.
        found: String,
    },
}

/// A value a derived fact does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// The value as written.
    pub value: String,
    /// A value close to it, if one is.
    pub near: Option<String>,
    /// The fact's values.
    pub values: Vec<String>,
}

impl Coded for TestFailure {
    /// The stable code documented in docs/lint-codes.md.
    fn code(&self) -> &'static str {
        use TestFailure::*;
        match self {
            InvalidAnswers { .. } | UnknownLanguage { .. } => "T001",
            Missing { .. } => "T002",
            Unwanted { .. } => "T003",
            NoSuchDerived { .. } | DerivedDiffers { .. } => "T004",
            NoCaution { .. } => "T005",
            FirstSteps { .. } => "T006",
            NotDeferred { .. } => "T007",
            TooMany { .. } => "T008",
            TextMissing { .. } | TextPresent { .. } => "T009",
        }
    }
}

impl TestFailure {
    /// A diagnostic of the answer check, said again as this failure: its code and message
    /// become this failure's, its place, label and help stay. A diagnostic of no place (missing
    /// answers) is placed at `answers`, the test's answers table, with this failure's advice
    /// instead of the answers file's.
    pub fn restate(&self, mut diagnostic: Diagnostic, answers: Loc, lang: Lang) -> Diagnostic {
        diagnostic.code = self.code();
        diagnostic.message = self.message(lang);
        if diagnostic.loc.is_none() {
            diagnostic.help.clear();
            diagnostic = diagnostic
                .at(answers, self.label(lang))
                .helps(self.help(lang));
        }
        diagnostic
    }
}

/// An expected value as the plan's JSON shows a derived fact's; a list, which no derived fact
/// has, by the name of its kind.
pub fn as_json(expected: &RawAnswer, lang: Lang) -> serde_json::Value {
    match expected {
        RawAnswer::Str(s) => serde_json::Value::String(s.clone()),
        RawAnswer::Int(n) => serde_json::Value::from(*n),
        RawAnswer::Bool(b) => serde_json::Value::Bool(*b),
        other => serde_json::Value::String(other.kind_name(lang).to_string()),
    }
}
