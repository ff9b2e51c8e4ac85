use super::{ConditionProblem, Kind};
use crate::condition::parser::Expected;
use crate::diagnostic::Worded;
use crate::lang::Lang;

/// One problem of every kind.
pub(crate) fn every_problem() -> Vec<ConditionProblem> {
    use ConditionProblem::*;
    let s = |t: &str| t.to_string();
    vec![
        BadChar { text: s("=") },
        NumberTooLarge,
        Unexpected {
            found: s(")"),
            expected: &[Expected::Subject, Expected::Token("(")],
        },
        TooDeep,
        TooLong,
        Empty,
        UnknownName {
            name: s("x"),
            known: vec![s("q")],
        },
        UnknownValue {
            subject: s("q"),
            derived: false,
            given: s("sme"),
            options: vec![s("some")],
        },
        NotTrueOrFalse { name: s("q") },
        DoesNotFit {
            name: s("q"),
            kind: Kind::Text,
        },
    ]
}

/// Which kind a problem is: no arm is a wildcard, so a new kind cannot be left out of
/// [`every_problem`] without this failing to compile.
fn kind(problem: &ConditionProblem) -> usize {
    use ConditionProblem::*;
    match problem {
        BadChar { .. } => 0,
        NumberTooLarge => 1,
        Unexpected { .. } => 2,
        TooDeep => 3,
        TooLong => 4,
        Empty => 5,
        UnknownName { .. } => 6,
        UnknownValue { .. } => 7,
        NotTrueOrFalse { .. } => 8,
        DoesNotFit { .. } => 9,
    }
}

#[test]
fn every_kind_of_problem_is_listed() {
    let listed: std::collections::BTreeSet<usize> = every_problem().iter().map(kind).collect();
    assert_eq!(listed, (0..10).collect());
}

#[test]
fn every_problem_is_worded_in_both_languages_with_a_code() {
    for problem in every_problem() {
        crate::diagnostic::assert_worded(&problem, 'C');
        assert_ne!(problem.message(Lang::Zh), problem.message(Lang::En));
        assert!(!problem.label(Lang::Zh).is_empty(), "{problem:?}");
        assert!(!problem.label(Lang::En).is_empty(), "{problem:?}");
    }
}
