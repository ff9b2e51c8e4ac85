use super::ProgressProblem;
use crate::diagnostic::{Problem, Worded};
use crate::lang::Lang;
use crate::source::{FileId, Loc};

/// One problem of every kind.
pub(crate) fn every_problem() -> Vec<ProgressProblem> {
    use ProgressProblem::*;
    let s = |t: &str| t.to_string();
    vec![
        Unreadable {
            reason: s("cannot read `p.toml`"),
        },
        NotToml {
            reason: s("expected `=`"),
        },
        UnknownStatus { given: s("don") },
        InvalidDate {
            given: s("5.1.2026"),
        },
        DuplicateEntry {
            rule: s("r"),
            concept: s("c"),
            first: s("p.toml:3:8"),
        },
    ]
}

/// Which kind a problem is: no arm is a wildcard, so a new kind cannot be left out of
/// [`every_problem`] without this failing to compile.
fn kind(problem: &ProgressProblem) -> usize {
    use ProgressProblem::*;
    match problem {
        Unreadable { .. } => 0,
        NotToml { .. } => 1,
        UnknownStatus { .. } => 2,
        InvalidDate { .. } => 3,
        DuplicateEntry { .. } => 4,
    }
}

#[test]
fn every_kind_of_problem_is_listed() {
    let listed: std::collections::BTreeSet<usize> = every_problem().iter().map(kind).collect();
    assert_eq!(listed, (0..5).collect());
}

#[test]
fn every_problem_is_worded_in_both_languages_with_a_code() {
    for problem in every_problem() {
        crate::diagnostic::assert_worded(&problem, 'G');
        if !matches!(
            problem,
            ProgressProblem::Unreadable { .. } | ProgressProblem::NotToml { .. }
        ) {
            assert_ne!(problem.message(Lang::Zh), problem.message(Lang::En));
            assert!(!problem.label(Lang::Zh).is_empty(), "{problem:?}");
            assert!(!problem.label(Lang::En).is_empty(), "{problem:?}");
        }
    }
}

#[test]
fn a_status_near_a_known_one_is_suggested() {
    let problem = ProgressProblem::UnknownStatus {
        given: "doen".into(),
    };
    let d = problem.diagnostic(Loc::new(FileId(0), 0..1), Lang::En);
    assert_eq!(d.code, "G002");
    assert_eq!(d.message, "unknown status `doen`");
    assert_eq!(d.help, ["did you mean `done`?"]);
}
