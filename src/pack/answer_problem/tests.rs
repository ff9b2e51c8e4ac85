use super::{AnswersProblem, Expected};
use crate::diagnostic::{Coded, Problem, Severity, Worded};
use crate::lang::Lang;
use crate::text::LocalText;

/// One problem of every kind.
pub(crate) fn every_problem() -> Vec<AnswersProblem> {
    use AnswersProblem::*;
    let s = |t: &str| t.to_string();
    let options = vec![s("none"), s("some")];
    let found = ("字符串", "string");
    vec![
        Unreadable {
            reason: s("cannot read `a.toml`"),
        },
        NotToml {
            reason: s("expected `=`"),
        },
        UnknownLanguage { code: s("fr") },
        WrongType {
            question: s("q"),
            expected: Expected::Number {
                min: 0,
                max: 9,
                quoted: Some(s("3")),
            },
            found,
        },
        ListItemNotOption {
            question: s("q"),
            found,
        },
        UnknownOption {
            question: s("q"),
            given: s("sme"),
            options: options.clone(),
        },
        OutOfRange {
            question: s("q"),
            n: 12,
            min: 0,
            max: 9,
        },
        NotAlone {
            question: s("q"),
            option: s("none"),
        },
        TooFew {
            question: s("q"),
            min: 2,
            count: 1,
            options,
        },
        TooMany {
            question: s("q"),
            max: 1,
            count: 2,
        },
        TooLong {
            question: s("q"),
            max: 5,
            len: 6,
        },
        ControlCharacters { question: s("q") },
        BlankRequired { question: s("q") },
        WrongKind { question: s("q") },
        UnknownSkipped {
            id: s("x"),
            pack: s("p"),
            questions: Some(vec![s("q")]),
        },
        DerivedAnswered { id: s("d") },
        UnknownQuestion {
            id: s("x"),
            pack: s("p"),
            questions: Some(vec![s("q")]),
        },
        UnknownQuestionIgnored {
            id: s("x"),
            pack: s("p"),
        },
        Dropped {
            question: s("q"),
            when: Some(s("a == 1")),
        },
        Missing {
            questions: vec![(s("q"), LocalText::same("Q?"))],
        },
    ]
}

/// Which kind a problem is: no arm is a wildcard, so a new kind cannot be left out of
/// [`every_problem`] without this failing to compile.
fn kind(problem: &AnswersProblem) -> usize {
    use AnswersProblem::*;
    match problem {
        Unreadable { .. } => 0,
        NotToml { .. } => 1,
        UnknownLanguage { .. } => 2,
        WrongType { .. } => 3,
        ListItemNotOption { .. } => 4,
        UnknownOption { .. } => 5,
        OutOfRange { .. } => 6,
        NotAlone { .. } => 7,
        TooFew { .. } => 8,
        TooMany { .. } => 9,
        TooLong { .. } => 10,
        ControlCharacters { .. } => 11,
        BlankRequired { .. } => 12,
        WrongKind { .. } => 13,
        UnknownSkipped { .. } => 14,
        DerivedAnswered { .. } => 15,
        UnknownQuestion { .. } => 16,
        UnknownQuestionIgnored { .. } => 17,
        Dropped { .. } => 18,
        Missing { .. } => 19,
    }
}

#[test]
fn every_kind_of_problem_is_listed() {
    let listed: std::collections::BTreeSet<usize> = every_problem().iter().map(kind).collect();
    assert_eq!(listed, (0..20).collect());
}

#[test]
fn every_problem_is_worded_in_both_languages_with_a_code() {
    for problem in every_problem() {
        crate::diagnostic::assert_worded(&problem, 'A');
        // The loader's and the TOML reader's problems keep their own message and label.
        if !matches!(
            problem,
            AnswersProblem::Unreadable { .. } | AnswersProblem::NotToml { .. }
        ) {
            assert_ne!(problem.message(Lang::Zh), problem.message(Lang::En));
            // Missing answers are said of no place, so without a label.
            assert_eq!(
                problem.label(Lang::Zh).is_empty(),
                matches!(problem, AnswersProblem::Missing { .. }),
                "{problem:?}"
            );
            assert_eq!(
                problem.label(Lang::Zh).is_empty(),
                problem.label(Lang::En).is_empty(),
                "{problem:?}"
            );
        }
    }
}

#[test]
fn only_answers_that_are_left_out_are_warnings() {
    let warnings: Vec<&str> = every_problem()
        .iter()
        .filter(|p| p.severity() == Severity::Warning)
        .map(AnswersProblem::code)
        .collect();
    assert_eq!(warnings, ["A012", "A002", "A008"]);
}

#[test]
fn missing_answers_are_listed_with_their_prompts_and_no_place() {
    let problem = AnswersProblem::Missing {
        questions: vec![
            ("a".into(), LocalText::same("A?")),
            ("b".into(), LocalText::same("B?")),
        ],
    };
    let d = problem.unplaced(Lang::En);
    assert_eq!(d.code, "A007");
    assert!(d.loc.is_none() && d.label.is_empty());
    assert_eq!(
        d.message,
        "missing answers to 2 required question(s): `a` (A?), `b` (B?)"
    );
}

#[test]
fn a_wrong_type_says_what_was_expected_and_how_to_fix_it() {
    let problem = AnswersProblem::WrongType {
        question: "ok".into(),
        expected: Expected::Bool { quoted: Some(true) },
        found: ("字符串", "string"),
    };
    let loc = crate::source::Loc::new(crate::source::FileId(0), 0..1);
    let d = problem.diagnostic(loc.clone(), Lang::Zh);
    assert_eq!(d.code, "A003");
    assert_eq!(
        d.message,
        "`ok` 的答案类型不对：应为 true / false，实际是字符串"
    );
    assert_eq!(d.label, "应为 true / false");
    assert_eq!(d.help, ["去掉引号：`ok = true`"]);
    let d = problem.diagnostic(loc, Lang::En);
    assert_eq!(
        d.message,
        "wrong type for `ok`: expected true / false, found string"
    );
}
