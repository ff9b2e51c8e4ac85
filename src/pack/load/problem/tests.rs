use super::LoadProblem;
use crate::diagnostic::{Coded, Problem, Severity, Worded};
use crate::lang::Lang;
use crate::source::NotAFile as Entry;

/// One problem of every kind.
pub(crate) fn every_problem() -> Vec<LoadProblem> {
    use LoadProblem::*;
    let s = |t: &str| t.to_string();
    vec![
        NotToml {
            message: s("expected `=`"),
            help: vec![s("write `key = value`")],
        },
        NoPackId { name: s("a.toml") },
        TooMuchRules { path: s("b.toml") },
        NoSuchPath { place: s("rules") },
        TooManyFiles {
            folder: s("rules"),
            count: 300,
        },
        Unreadable {
            path: s("a.toml"),
            reason: s("permission denied"),
        },
        TooLarge {
            path: s("a.toml"),
            size: Some(5_000_000),
        },
        NotUtf8 {
            path: s("a.toml"),
            at: 7,
        },
        AnswersFileSkipped { name: s("a.toml") },
        NotAFile {
            path: s("a.toml"),
            what: Entry::DanglingLink,
        },
    ]
}

/// Which kind a problem is: no arm is a wildcard, so a new kind cannot be left out of
/// [`every_problem`] without this failing to compile.
fn kind(problem: &LoadProblem) -> usize {
    use LoadProblem::*;
    match problem {
        NotToml { .. } => 0,
        NoPackId { .. } => 1,
        TooMuchRules { .. } => 2,
        NoSuchPath { .. } => 3,
        TooManyFiles { .. } => 4,
        Unreadable { .. } => 5,
        TooLarge { .. } => 6,
        NotUtf8 { .. } => 7,
        AnswersFileSkipped { .. } => 8,
        NotAFile { .. } => 9,
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
        crate::diagnostic::assert_worded(&problem, 'P');
        // The TOML reader's problems are worded already, in the reader's language.
        if !matches!(problem, LoadProblem::NotToml { .. }) {
            assert_ne!(problem.message(Lang::Zh), problem.message(Lang::En));
        }
        assert_eq!(
            problem.label(Lang::Zh).is_empty(),
            problem.label(Lang::En).is_empty(),
            "{problem:?}"
        );
    }
}

#[test]
fn only_skipped_files_are_warnings() {
    let warnings: Vec<&str> = every_problem()
        .iter()
        .filter(|p| p.severity() == Severity::Warning)
        .map(LoadProblem::code)
        .collect();
    assert_eq!(warnings, ["P015", "P016"]);
}

#[test]
fn a_file_too_large_to_measure_says_over_the_limit() {
    let problem = LoadProblem::TooLarge {
        path: "a.toml".into(),
        size: None,
    };
    let d = problem.unplaced(Lang::En);
    assert_eq!(d.code, "P010");
    assert!(d.loc.is_none());
    assert_eq!(
        d.message,
        format!(
            "`a.toml` is over {0} bytes, more than the limit of {0}",
            super::MAX_FILE_SIZE
        )
    );
    assert_eq!(d.help, ["split it into several files"]);
}
