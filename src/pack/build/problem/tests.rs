use super::PackProblem;
use crate::diagnostic::{Coded, Problem, Severity, Worded};
use crate::lang::Lang;

/// One problem of every kind.
pub(crate) fn every_problem() -> Vec<PackProblem> {
    use PackProblem::*;
    let s = |t: &str| t.to_string();
    let known = vec![s("alpha"), s("beta")];
    vec![
        NoPackTable { pack: s("p") },
        SecondPackTable {
            first: s("a.toml:1:1"),
        },
        NoPhases,
        UnsupportedLanguage { code: s("fr") },
        EmptyLanguages,
        DefaultLangNotDeclared,
        UnknownLanguage { code: s("eng") },
        InvalidWindow,
        OutOfBounds {
            key: "first_steps",
            lo: 0,
            hi: 20,
        },
        InvalidSelectedRange {
            question: s("q"),
            options: 3,
        },
        MinAboveMax { question: s("q") },
        TooManyOptions {
            question: s("q"),
            count: 65,
        },
        TooManyValues { fact: s("d") },
        TimelineMonthsNotNumber,
        OrganizationNotText,
        UnknownSection {
            name: s("x"),
            known: known.clone(),
        },
        UnknownDerivedValue {
            fact: s("d"),
            value: s("x"),
            known: known.clone(),
        },
        UnknownSumTerm {
            name: s("x"),
            known: known.clone(),
        },
        UnknownSpeaker {
            name: s("x"),
            known: known.clone(),
        },
        UnknownPhase {
            name: s("x"),
            known: known.clone(),
        },
        ControlCharacter { code: 0x1b },
        ControlCharacterInText { code: 0x1b },
        EmptyId { kind: "rule" },
        EmptyConcept,
        DuplicateId {
            kind: "rule",
            id: s("r"),
            first: s("a.toml:1:1"),
        },
        NameTaken { name: s("q") },
        DuplicateOption {
            question: s("q"),
            option: s("o"),
        },
        DuplicateValue {
            fact: s("d"),
            value: s("v"),
        },
        MissingLanguages { missing: s("en") },
        KeyNotForKind {
            key: "unit",
            kind: s("bool"),
        },
        NumberWithoutRange { question: s("q") },
        UnknownQuestionKind { kind: s("singel") },
        NoOptions { question: s("q") },
        DerivedShape { fact: s("d") },
        InvalidDefault { reason: s("…") },
        DerivedCycle {
            chain: s("a → b → a"),
        },
        DerivedTooDeep { fact: s("d") },
        WhenReadsItself {
            question: s("q"),
            via: None,
        },
        WhenReadsItself {
            question: s("q"),
            via: Some(s("d")),
        },
        WhenReadsLater {
            question: s("q"),
            later: s("r"),
            via: None,
        },
        WhenReadsLater {
            question: s("q"),
            later: s("r"),
            via: Some(s("d")),
        },
        RuleDoesNothing { rule: s("r") },
        UnknownPlaceholder {
            name: s("x"),
            known,
        },
        UnbalancedBrace,
    ]
}

/// Which kind a problem is: no arm is a wildcard, so a new kind cannot be left out of
/// [`every_problem`] without this failing to compile.
fn kind(problem: &PackProblem) -> usize {
    use PackProblem::*;
    match problem {
        NoPackTable { .. } => 0,
        SecondPackTable { .. } => 1,
        NoPhases => 2,
        UnsupportedLanguage { .. } => 3,
        EmptyLanguages => 4,
        DefaultLangNotDeclared => 5,
        UnknownLanguage { .. } => 6,
        InvalidWindow => 7,
        OutOfBounds { .. } => 8,
        InvalidSelectedRange { .. } => 9,
        MinAboveMax { .. } => 10,
        TooManyOptions { .. } => 11,
        TooManyValues { .. } => 12,
        TimelineMonthsNotNumber => 13,
        OrganizationNotText => 14,
        UnknownSection { .. } => 15,
        UnknownDerivedValue { .. } => 16,
        UnknownSumTerm { .. } => 17,
        UnknownSpeaker { .. } => 18,
        UnknownPhase { .. } => 19,
        ControlCharacter { .. } => 20,
        ControlCharacterInText { .. } => 21,
        EmptyId { .. } => 22,
        EmptyConcept => 23,
        DuplicateId { .. } => 24,
        NameTaken { .. } => 25,
        DuplicateOption { .. } => 26,
        DuplicateValue { .. } => 27,
        MissingLanguages { .. } => 28,
        KeyNotForKind { .. } => 29,
        NumberWithoutRange { .. } => 30,
        UnknownQuestionKind { .. } => 31,
        NoOptions { .. } => 32,
        DerivedShape { .. } => 33,
        InvalidDefault { .. } => 34,
        DerivedCycle { .. } => 35,
        DerivedTooDeep { .. } => 36,
        WhenReadsItself { .. } => 37,
        WhenReadsLater { .. } => 38,
        RuleDoesNothing { .. } => 39,
        UnknownPlaceholder { .. } => 40,
        UnbalancedBrace => 41,
    }
}

/// How many kinds of problem there are.
const KINDS: usize = 42;

#[test]
fn every_kind_of_problem_is_listed() {
    let listed: std::collections::BTreeSet<usize> = every_problem().iter().map(kind).collect();
    assert_eq!(listed, (0..KINDS).collect());
}

#[test]
fn every_problem_is_worded_in_both_languages_with_a_code() {
    for problem in every_problem() {
        crate::diagnostic::assert_worded(&problem, 'P');
        let zh = problem.message(Lang::Zh);
        let en = problem.message(Lang::En);
        assert_ne!(zh, en, "{problem:?} says the same in both languages");
        // Every problem has a label of its own, except a refused default, which keeps the
        // answer check's.
        if !matches!(problem, PackProblem::InvalidDefault { .. }) {
            assert!(!problem.label(Lang::Zh).is_empty(), "{problem:?}");
            assert!(!problem.label(Lang::En).is_empty(), "{problem:?}");
        }
    }
}

#[test]
fn only_missing_languages_and_idle_rules_are_warnings() {
    let warnings: Vec<&str> = every_problem()
        .iter()
        .filter(|p| p.severity() == Severity::Warning)
        .map(PackProblem::code)
        .collect();
    assert_eq!(warnings, ["P004", "P014"]);
}

#[test]
fn a_diagnostic_carries_the_wording() {
    let problem = PackProblem::UnknownPhase {
        name: "plann".into(),
        known: vec!["plan".into(), "act".into()],
    };
    let loc = crate::source::Loc::new(crate::source::FileId(0), 0..1);
    let d = problem.diagnostic(loc, Lang::En);
    assert_eq!(d.code, "P003");
    assert_eq!(d.message, "unknown phase `plann`");
    assert_eq!(d.label, "no such [[phase]]");
    assert_eq!(d.help, ["did you mean `plan`?"]);
}
