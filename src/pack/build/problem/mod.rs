//! The problems the pack builder reports, as data: one variant per kind of problem, with the
//! ids, names and numbers it needs. This module is the one place that gives each its code and
//! severity; `wording` says it in each language (message, label under the caret, help).

mod wording;

#[cfg(test)]
pub(crate) mod tests;

use crate::diagnostic::{Coded, Diagnostic, Severity, Worded, did_you_mean, list_names};
use crate::lang::Lang;
use crate::tr;

/// A problem found while building a pack from its files (codes P002–P020 of
/// docs/lint-codes.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackProblem {
    /// No file of the pack has a `[pack]` table.
    NoPackTable {
        /// The id the files were grouped under.
        pack: String,
    },
    /// A second `[pack]` table.
    SecondPackTable {
        /// Where the first one is (`file:line:column`).
        first: String,
    },
    /// The pack has no `[[phase]]`.
    NoPhases,
    /// A language of `languages` that fulcrum does not speak.
    UnsupportedLanguage {
        /// The code as written.
        code: String,
    },
    /// `languages = []`.
    EmptyLanguages,
    /// `default_lang` is not one of `languages`.
    DefaultLangNotDeclared,
    /// A text in a language that is not `zh` or `en`.
    UnknownLanguage {
        /// The code as written.
        code: String,
    },
    /// A phase `window` that is not [start, end] within [0, 3].
    InvalidWindow,
    /// A whole number outside the range its key allows.
    OutOfBounds {
        /// The key, such as `first_steps`.
        key: &'static str,
        /// The smallest value allowed.
        lo: i64,
        /// The largest value allowed.
        hi: i64,
    },
    /// `min_selected`/`max_selected` that the options cannot meet.
    InvalidSelectedRange {
        /// The question.
        question: String,
        /// How many options it has.
        options: usize,
    },
    /// A number question whose `min` is above its `max`.
    MinAboveMax {
        /// The question.
        question: String,
    },
    /// More options than a choice question may have.
    TooManyOptions {
        /// The question.
        question: String,
        /// How many options it has.
        count: usize,
    },
    /// More values than a classification may have.
    TooManyValues {
        /// The derived fact.
        fact: String,
    },
    /// `timeline.months` does not name a number question.
    TimelineMonthsNotNumber,
    /// `organization` does not name a text question.
    OrganizationNotText,
    /// A question's `section` that no `[[section]]` declares.
    UnknownSection {
        /// The section as written.
        name: String,
        /// The sections of the pack.
        known: Vec<String>,
    },
    /// A case of a classification giving a value it does not declare.
    UnknownDerivedValue {
        /// The derived fact.
        fact: String,
        /// The value as written.
        value: String,
        /// The values it declares.
        known: Vec<String>,
    },
    /// A sum term that is neither a question nor a derived fact.
    UnknownSumTerm {
        /// The term as written.
        name: String,
        /// The questions and derived facts.
        known: Vec<String>,
    },
    /// A speaker that no `[[speaker]]` or `[[source]]` declares.
    UnknownSpeaker {
        /// The speaker as written.
        name: String,
        /// The speakers of the pack.
        known: Vec<String>,
    },
    /// A phase that no `[[phase]]` declares.
    UnknownPhase {
        /// The phase as written.
        name: String,
        /// The phases of the pack.
        known: Vec<String>,
    },
    /// A control character in an id, a concept or the version.
    ControlCharacter {
        /// The character's code point.
        code: u32,
    },
    /// A control character in a text.
    ControlCharacterInText {
        /// The character's code point.
        code: u32,
    },
    /// An empty id.
    EmptyId {
        /// What the id names: `question`, `rule`, …
        kind: &'static str,
    },
    /// An action with an empty `concept`.
    EmptyConcept,
    /// An id defined twice (across all files of the pack).
    DuplicateId {
        /// What the id names: `question`, `rule`, …
        kind: &'static str,
        /// The id.
        id: String,
        /// Where it was first defined (`file:line:column`).
        first: String,
    },
    /// A question or derived fact named like another one.
    NameTaken {
        /// The name.
        name: String,
    },
    /// An option listed twice in a question.
    DuplicateOption {
        /// The question.
        question: String,
        /// The option.
        option: String,
    },
    /// A value listed twice in a classification.
    DuplicateValue {
        /// The derived fact.
        fact: String,
        /// The value.
        value: String,
    },
    /// A text without some of the pack's languages.
    MissingLanguages {
        /// The missing codes, joined with `, `.
        missing: String,
    },
    /// A key that does not apply to the question's kind.
    KeyNotForKind {
        /// The key, such as `min/max`.
        key: &'static str,
        /// The question's kind.
        kind: String,
    },
    /// A number question without `min` and `max`.
    NumberWithoutRange {
        /// The question.
        question: String,
    },
    /// A question `kind` fulcrum does not know.
    UnknownQuestionKind {
        /// The kind as written.
        kind: String,
    },
    /// A choice question without options.
    NoOptions {
        /// The question.
        question: String,
    },
    /// A derived fact that is neither a sum nor values with cases.
    DerivedShape {
        /// The derived fact.
        fact: String,
    },
    /// A question's `default` that is not a valid answer to it. Its label and help are the
    /// answer check's: see [`PackProblem::restate`].
    InvalidDefault {
        /// What the answer check said.
        reason: String,
    },
    /// Derived facts that read each other in a cycle.
    DerivedCycle {
        /// The facts of the cycle, joined with ` → `.
        chain: String,
    },
    /// A derived fact reading a chain of derived facts too deep.
    DerivedTooDeep {
        /// The derived fact.
        fact: String,
    },
    /// A question's `when` reads the question itself.
    WhenReadsItself {
        /// The question.
        question: String,
        /// The derived fact it reads it through, if any.
        via: Option<String>,
    },
    /// A question's `when` reads a question asked later.
    WhenReadsLater {
        /// The question.
        question: String,
        /// The question asked later.
        later: String,
        /// The derived fact it reads it through, if any.
        via: Option<String>,
    },
    /// A rule with neither an action nor a caution.
    RuleDoesNothing {
        /// The rule.
        rule: String,
    },
    /// A `{placeholder}` that is neither a question nor a derived fact.
    UnknownPlaceholder {
        /// The name inside the braces.
        name: String,
        /// The questions and derived facts.
        known: Vec<String>,
    },
    /// An unbalanced brace in a text.
    UnbalancedBrace,
}

impl Coded for PackProblem {
    /// The stable code documented in docs/lint-codes.md.
    fn code(&self) -> &'static str {
        use PackProblem::*;
        match self {
            DuplicateId { .. }
            | NameTaken { .. }
            | DuplicateOption { .. }
            | DuplicateValue { .. } => "P002",
            TimelineMonthsNotNumber
            | OrganizationNotText
            | UnknownSection { .. }
            | UnknownDerivedValue { .. }
            | UnknownSumTerm { .. }
            | UnknownSpeaker { .. }
            | UnknownPhase { .. } => "P003",
            MissingLanguages { .. } => "P004",
            UnknownPlaceholder { .. } | UnbalancedBrace => "P005",
            DerivedCycle { .. } | DerivedTooDeep { .. } => "P006",
            InvalidWindow
            | OutOfBounds { .. }
            | InvalidSelectedRange { .. }
            | MinAboveMax { .. }
            | TooManyOptions { .. }
            | TooManyValues { .. } => "P007",
            NoPackTable { .. } | SecondPackTable { .. } | NoPhases => "P008",
            WhenReadsItself { .. } | WhenReadsLater { .. } => "P009",
            ControlCharacter { .. } | ControlCharacterInText { .. } => "P011",
            RuleDoesNothing { .. } => "P014",
            UnsupportedLanguage { .. }
            | EmptyLanguages
            | DefaultLangNotDeclared
            | UnknownLanguage { .. } => "P017",
            EmptyId { .. } | EmptyConcept => "P018",
            KeyNotForKind { .. }
            | NumberWithoutRange { .. }
            | UnknownQuestionKind { .. }
            | NoOptions { .. }
            | DerivedShape { .. } => "P019",
            InvalidDefault { .. } => "P020",
        }
    }

    /// Whether the problem stops the pack from being used.
    fn severity(&self) -> Severity {
        match self {
            PackProblem::MissingLanguages { .. } | PackProblem::RuleDoesNothing { .. } => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

impl PackProblem {
    /// A diagnostic of another check, said again as this problem: its code and message become
    /// this problem's, its place, label and help stay (a `default` refused by the answer
    /// check).
    pub fn restate(&self, mut diagnostic: Diagnostic, lang: Lang) -> Diagnostic {
        diagnostic.code = self.code();
        diagnostic.message = self.message(lang);
        diagnostic
    }
}

/// Whether a diagnostic with `code` may only follow from a file of the pack that does not
/// parse: unknown names (P003, C002, C003).
pub fn may_follow_from_unparsed(code: &str) -> bool {
    matches!(code, "P003" | "C002" | "C003")
}

/// The help added to those diagnostics: `names` are the files that do not parse, quoted and
/// joined.
pub fn unparsed_note(names: &str, lang: Lang) -> String {
    tr!(
        lang,
        "可能只是因为 {names} 无法解析（它的内容都没有读到）：先修好那里的错误",
        "this may only follow from {names} not parsing (nothing in it was read): fix that first"
    )
}

/// "did you mean" if a candidate is close, else the list of candidates.
fn suggest<S: AsRef<str>>(lang: Lang, name: &str, candidates: &[S]) -> String {
    match did_you_mean(name, candidates.iter().map(AsRef::as_ref)) {
        Some(s) => tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"),
        None if candidates.is_empty() => String::new(),
        None => tr!(
            lang,
            "可用：{}",
            "known: {}",
            list_names(candidates.iter().map(AsRef::as_ref), 12, lang)
        ),
    }
}
