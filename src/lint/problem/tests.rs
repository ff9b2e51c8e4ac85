use super::{Contradiction, Culprit, Item, Limit, LintProblem, NeverGiven, Subject, TextOf};
use crate::diagnostic::{Coded, Problem, Severity, Worded};
use crate::lang::Lang;

/// One finding of every kind, and of every shape its wording depends on.
pub(crate) fn every_problem() -> Vec<LintProblem> {
    use LintProblem::*;
    let s = |t: &str| t.to_string();
    let contradiction = |culprit, limits, follows| NeverFires {
        rule: s("r"),
        why: Contradiction {
            culprit,
            limits,
            follows,
        },
    };
    vec![
        NeverAsked { question: s("q") },
        contradiction(Culprit::Whole, Vec::new(), None),
        contradiction(
            Culprit::One(s("q = 'a'")),
            vec![Limit::AskedOnlyWhen {
                question: s("q"),
                condition: s("p = true"),
            }],
            None,
        ),
        contradiction(
            Culprit::Both(s("n < 3"), s("n > 5")),
            vec![
                Limit::Range {
                    question: s("n"),
                    min: 0,
                    max: 10,
                },
                Limit::ValueOnlyWhen {
                    fact: s("d"),
                    value: s("v"),
                    cases: vec![Some(s("n > 1")), None],
                },
            ],
            None,
        ),
        contradiction(
            Culprit::NeverGiven(s("d = 'v'")),
            Vec::new(),
            Some(NeverGiven {
                fact: s("d"),
                values: vec![s("v"), s("w")],
            }),
        ),
        CaseUnreached {
            fact: s("d"),
            value: s("v"),
        },
        NoCase { fact: s("d") },
        EmptyPhase { phase: s("act") },
        Overlap {
            group: s("g"),
            first: s("a"),
            second: s("b"),
        },
        UnusedQuestion { question: s("q") },
        EmptyText {
            text: TextOf::Pack("title"),
            language: None,
        },
        EmptyText {
            text: TextOf::Item {
                kind: Item::Option,
                id: s("q.o"),
                key: "label",
            },
            language: Some(s("en")),
        },
        EmptyText {
            text: TextOf::Action {
                rule: s("r"),
                concept: s("c"),
                part: "why",
            },
            language: Some(s("zh")),
        },
        EmptyText {
            text: TextOf::Caution { rule: s("r") },
            language: Some(s("zh")),
        },
        NotChecked {
            pack: s("p"),
            named: vec![
                Subject::Question(s("q")),
                Subject::Rule(s("r")),
                Subject::Derived(s("d")),
                Subject::Phase(s("act")),
                Subject::Group(s("g")),
                Subject::Rules(s("a"), s("b")),
                Subject::Approximation(s("sum")),
            ],
            total: 9,
        },
        WholePackSkipped {
            pack: s("p"),
            files: vec![s("a.toml")],
        },
        DeadlineUndated,
        DeadlineOutside {
            weeks: 12,
            phase: s("act"),
            fewest: 1,
            length: 4,
        },
        BudgetTooSmall {
            max: 3,
            needed: 5,
            first_steps: 3,
            kept: 2,
        },
        TimelineTooLong {
            question: s("months"),
            max: 2000,
        },
        SingleLanguage {
            languages: s("zh, en"),
            fix: s("{ zh = \"…\", en = \"…\" }"),
        },
        ValueNeverGiven {
            fact: s("d"),
            value: s("v"),
            no_case: true,
        },
        ValueNeverGiven {
            fact: s("d"),
            value: s("v"),
            no_case: false,
        },
    ]
}

/// Which kind a finding is: no arm is a wildcard, so a new kind cannot be left out of
/// [`every_problem`] without this failing to compile.
fn kind(problem: &LintProblem) -> usize {
    use LintProblem::*;
    match problem {
        NeverAsked { .. } => 0,
        NeverFires { .. } => 1,
        CaseUnreached { .. } => 2,
        NoCase { .. } => 3,
        EmptyPhase { .. } => 4,
        Overlap { .. } => 5,
        UnusedQuestion { .. } => 6,
        EmptyText { .. } => 7,
        NotChecked { .. } => 8,
        WholePackSkipped { .. } => 9,
        DeadlineUndated => 10,
        DeadlineOutside { .. } => 11,
        BudgetTooSmall { .. } => 12,
        TimelineTooLong { .. } => 13,
        SingleLanguage { .. } => 14,
        ValueNeverGiven { .. } => 15,
    }
}

/// How many kinds of finding there are.
const KINDS: usize = 16;

#[test]
fn every_kind_of_finding_is_listed() {
    let listed: std::collections::BTreeSet<usize> = every_problem().iter().map(kind).collect();
    assert_eq!(listed, (0..KINDS).collect());
}

#[test]
fn every_finding_is_worded_in_both_languages_with_an_l_code() {
    for problem in every_problem() {
        crate::diagnostic::assert_worded(&problem, 'L');
        let (zh, en) = (problem.message(Lang::Zh), problem.message(Lang::En));
        assert_ne!(zh, en, "{problem:?} says the same in both languages");
        assert!(
            !problem.help(Lang::Zh).is_empty(),
            "{problem:?} gives no advice"
        );
        assert_eq!(
            problem.shows(Lang::Zh).is_some(),
            problem.shows(Lang::En).is_some(),
            "{problem:?}"
        );
    }
}

#[test]
fn only_findings_of_the_whole_pack_have_no_label() {
    for problem in every_problem() {
        let unplaced = matches!(
            problem,
            LintProblem::NotChecked { .. } | LintProblem::WholePackSkipped { .. }
        );
        assert_eq!(problem.label(Lang::En).is_empty(), unplaced, "{problem:?}");
        assert_eq!(problem.label(Lang::Zh).is_empty(), unplaced, "{problem:?}");
    }
}

#[test]
fn the_findings_with_a_counterexample_say_what_it_shows() {
    let shown: Vec<&str> = every_problem()
        .iter()
        .filter(|p| p.shows(Lang::En).is_some())
        .map(LintProblem::code)
        .collect();
    assert_eq!(shown, ["L004", "L005", "L006"]);
}

#[test]
fn warnings_are_the_findings_a_pack_can_be_used_with() {
    let mut warnings: Vec<&str> = every_problem()
        .iter()
        .filter(|p| p.severity() == Severity::Warning)
        .map(LintProblem::code)
        .collect();
    warnings.sort_unstable();
    warnings.dedup();
    assert_eq!(warnings, ["L004", "L007", "L009", "L010", "L013", "L014"]);
}

#[test]
fn a_contradiction_names_its_parts_and_why_they_are_limited() {
    let problem = LintProblem::NeverFires {
        rule: "r".into(),
        why: Contradiction {
            culprit: Culprit::Both("n < 3".into(), "n > 5".into()),
            limits: vec![Limit::ValueOnlyWhen {
                fact: "d".into(),
                value: "v".into(),
                cases: vec![Some("n > 1".into()), None],
            }],
            follows: None,
        },
    };
    let d = problem.unplaced(Lang::En);
    assert_eq!(
        d.message,
        "rule `r` can never fire: `n < 3` and `n > 5` cannot both hold"
    );
    assert_eq!(d.help, ["`d` is `v` only when `n > 1` or otherwise"]);
    let zh = problem.unplaced(Lang::Zh);
    assert_eq!(zh.help, ["`d` 只在 `n > 1` 或 其他情况 时取值 `v`"]);
}

#[test]
fn an_unchecked_list_counts_what_it_does_not_name() {
    let problem = LintProblem::NotChecked {
        pack: "p".into(),
        named: vec![Subject::Rule("a".into()), Subject::Phase("act".into())],
        total: 5,
    };
    assert_eq!(
        problem.message(Lang::En),
        "pack `p` is not fully checked: rule `a`, phase `act` (+3)"
    );
    assert_eq!(
        problem.message(Lang::Zh),
        "规则包 `p` 未能完全检查：规则 `a`、阶段 `act` 等 5 项"
    );
}
