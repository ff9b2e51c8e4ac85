//! The findings of `fulcrum rules lint` (codes L001–L014 of docs/lint-codes.md), as data: one
//! variant per kind, with the ids, parts of conditions and numbers it needs. This module gives
//! each its code and severity and makes its diagnostic; `wording` says it in each language
//! (message, label under the caret, help, and what a counterexample shows).

mod wording;

#[cfg(test)]
pub(crate) mod tests;

use crate::diagnostic::{Coded, Severity};

/// A finding of lint about a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LintProblem {
    /// A question whose `when` can never hold.
    NeverAsked {
        /// The question.
        question: String,
    },
    /// A rule whose condition can never hold.
    NeverFires {
        /// The rule.
        rule: String,
        /// What makes its condition impossible.
        why: Contradiction,
    },
    /// A classification case that is never the first to hold.
    CaseUnreached {
        /// The derived fact.
        fact: String,
        /// The value the case gives.
        value: String,
    },
    /// A complete answer set for which no case of a classification holds.
    NoCase {
        /// The derived fact.
        fact: String,
    },
    /// A complete answer set that leaves a phase without actions.
    EmptyPhase {
        /// The phase.
        phase: String,
    },
    /// Two rules of one exclusive group that can fire together.
    Overlap {
        /// The group.
        group: String,
        /// The earlier rule.
        first: String,
        /// The later rule, where the finding is placed.
        second: String,
    },
    /// A question that no condition, derived fact or text reads.
    UnusedQuestion {
        /// The question.
        question: String,
    },
    /// A text that is empty in some language.
    EmptyText {
        /// Which text.
        text: TextOf,
        /// The language it is empty in, when it is written per language.
        language: Option<String>,
    },
    /// Some checks could not be decided: the time budget ran out, or a sum was approximated.
    NotChecked {
        /// The pack.
        pack: String,
        /// The first few things left undecided.
        named: Vec<Subject>,
        /// How many there are in all.
        total: usize,
    },
    /// The checks of the whole pack were skipped because some of its files do not parse.
    WholePackSkipped {
        /// The pack.
        pack: String,
        /// The files that do not parse.
        files: Vec<String>,
    },
    /// An indicator's deadline in a pack without a timeline.
    DeadlineUndated,
    /// An indicator's deadline that does not fit in its phase's window.
    DeadlineOutside {
        /// The deadline, in weeks.
        weeks: i64,
        /// The action's phase.
        phase: String,
        /// The fewest months the timeline question allows.
        fewest: i64,
        /// The phase's length then, in weeks.
        length: i64,
    },
    /// A length budget smaller than the actions that are always kept.
    BudgetTooSmall {
        /// The budget's `max`.
        max: usize,
        /// The actions always kept.
        needed: usize,
        /// The first steps among them.
        first_steps: usize,
        /// The actions marked `keep` among them.
        kept: usize,
    },
    /// A timeline whose months question allows more months than can be dated.
    TimelineTooLong {
        /// The months question.
        question: String,
        /// Its `max`.
        max: i64,
    },
    /// A plain string in a pack written in two languages.
    SingleLanguage {
        /// The pack's languages, joined with `, `.
        languages: String,
        /// The text as it could be written instead.
        fix: String,
    },
    /// A value of a classification that no case can give.
    ValueNeverGiven {
        /// The derived fact.
        fact: String,
        /// The value.
        value: String,
        /// Whether no case gives it at all (else the cases giving it are never reached).
        no_case: bool,
    },
}

/// Which text of a pack an [`LintProblem::EmptyText`] is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextOf {
    /// A text of `[pack]`: `pack.title`, `pack.description`.
    Pack(&'static str),
    /// A text of a phase, speaker, section, question, option, derived fact or value.
    Item {
        /// What the item is.
        kind: Item,
        /// Its id (`question.option` for an option, `fact.value` for a value).
        id: String,
        /// The key of the text, such as `title`.
        key: &'static str,
    },
    /// A part of an action: `owner`, `indicator`, `text`, `why`, `partners`.
    Action {
        /// The rule.
        rule: String,
        /// The action's concept.
        concept: String,
        /// The part.
        part: &'static str,
    },
    /// The text of a rule's caution.
    Caution {
        /// The rule.
        rule: String,
    },
}

/// The kinds of pack items whose texts are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// `[[phase]]`
    Phase,
    /// `[[speaker]]` or `[[source]]`
    Speaker,
    /// `[[section]]`
    Section,
    /// `[[question]]`
    Question,
    /// `[[question.option]]`
    Option,
    /// `[[derived]]`
    Derived,
    /// `[[derived.value]]`
    Value,
}

/// Something a check could not decide, as [`LintProblem::NotChecked`] names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// Whether a question can be asked.
    Question(String),
    /// Whether a rule can fire.
    Rule(String),
    /// The cases of a derived fact.
    Derived(String),
    /// Whether a phase can be left empty.
    Phase(String),
    /// The rest of an exclusive group.
    Group(String),
    /// Whether two rules can fire together.
    Rules(String, String),
    /// A sum checked only approximately, as the analysis describes it.
    Approximation(String),
}

/// What makes a rule's condition impossible (L002), as [`super::contradiction`] finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    /// The part or parts of the condition that contradict.
    pub culprit: Culprit,
    /// Why, one line each.
    pub limits: Vec<Limit>,
    /// The value, never given, that it reads (reported before as L014).
    pub follows: Option<NeverGiven>,
}

/// The part of a condition that never holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Culprit {
    /// No smaller part was found: the whole condition is named.
    Whole,
    /// One part that never holds, as written.
    One(String),
    /// Two parts that cannot both hold, as written.
    Both(String, String),
    /// A part reading a value no case gives, as written.
    NeverGiven(String),
}

/// Values of a derived fact that no answer set gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeverGiven {
    /// The derived fact.
    pub fact: String,
    /// The values.
    pub values: Vec<String>,
}

/// What limits the values a test of a condition can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    /// A question asked only when its `when` holds.
    AskedOnlyWhen {
        /// The question.
        question: String,
        /// Its `when`, as written.
        condition: String,
    },
    /// A number question's range.
    Range {
        /// The question.
        question: String,
        /// Its `min`.
        min: i64,
        /// Its `max`.
        max: i64,
    },
    /// A derived value given only by some cases.
    ValueOnlyWhen {
        /// The derived fact.
        fact: String,
        /// The value.
        value: String,
        /// The `when` of each case giving it, as written; `None` for a case without one.
        cases: Vec<Option<String>>,
    },
}

impl Coded for LintProblem {
    /// The stable code documented in docs/lint-codes.md.
    fn code(&self) -> &'static str {
        use LintProblem::*;
        match self {
            NeverAsked { .. } => "L001",
            NeverFires { .. } => "L002",
            CaseUnreached { .. } => "L003",
            NoCase { .. } => "L004",
            EmptyPhase { .. } => "L005",
            Overlap { .. } => "L006",
            UnusedQuestion { .. } => "L007",
            EmptyText { .. } => "L008",
            NotChecked { .. } | WholePackSkipped { .. } => "L009",
            DeadlineUndated | DeadlineOutside { .. } => "L010",
            BudgetTooSmall { .. } => "L011",
            TimelineTooLong { .. } => "L012",
            SingleLanguage { .. } => "L013",
            ValueNeverGiven { .. } => "L014",
        }
    }

    /// Whether the finding makes lint fail, or only warns.
    fn severity(&self) -> Severity {
        use LintProblem::*;
        match self {
            NoCase { .. }
            | UnusedQuestion { .. }
            | NotChecked { .. }
            | WholePackSkipped { .. }
            | DeadlineUndated
            | DeadlineOutside { .. }
            | SingleLanguage { .. }
            | ValueNeverGiven { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}
