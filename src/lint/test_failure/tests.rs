use super::{TestFailure, UnknownValue};
use crate::diagnostic::Worded;
use crate::lang::Lang;
use crate::value::RawAnswer;

/// One failure of every kind, and of every shape its wording depends on.
pub(crate) fn every_failure() -> Vec<TestFailure> {
    use TestFailure::*;
    let s = |t: &str| t.to_string();
    let differs = |expected, unknown| DerivedDiffers {
        test: s("t"),
        fact: s("d"),
        actual: serde_json::Value::String(s("low")),
        expected,
        unknown,
    };
    vec![
        InvalidAnswers {
            test: s("t"),
            reason: s("…"),
        },
        UnknownLanguage {
            test: s("t"),
            code: s("fr"),
            available: vec![s("zh"), s("en")],
        },
        Missing {
            test: s("t"),
            concept: s("c"),
            blocked: None,
        },
        Missing {
            test: s("t"),
            concept: s("c"),
            blocked: Some(s("…")),
        },
        Unwanted {
            test: s("t"),
            concept: s("c"),
            rules: vec![s("r")],
        },
        NoSuchDerived {
            test: s("t"),
            fact: s("d"),
        },
        differs(RawAnswer::Str(s("high")), None),
        differs(
            RawAnswer::Str(s("hihg")),
            Some(UnknownValue {
                value: s("hihg"),
                near: Some(s("high")),
                values: vec![s("low"), s("high")],
            }),
        ),
        differs(
            RawAnswer::Str(s("x")),
            Some(UnknownValue {
                value: s("x"),
                near: None,
                values: vec![s("low"), s("high")],
            }),
        ),
        NoCaution {
            test: s("t"),
            rule: s("r"),
        },
        FirstSteps {
            test: s("t"),
            actual: vec![s("a"), s("b")],
            expected: vec![s("b"), s("a")],
        },
        NotDeferred {
            test: s("t"),
            concept: s("c"),
            in_phase: true,
        },
        NotDeferred {
            test: s("t"),
            concept: s("c"),
            in_phase: false,
        },
        TooMany {
            test: s("t"),
            count: 12,
            max: 10,
        },
        TextMissing {
            test: s("t"),
            phrase: s("p"),
        },
        TextPresent {
            test: s("t"),
            phrase: s("p"),
            found: s("…p…"),
        },
    ]
}

/// Which kind a failure is: no arm is a wildcard, so a new kind cannot be left out of
/// [`every_failure`] without this failing to compile.
fn kind(failure: &TestFailure) -> usize {
    use TestFailure::*;
    match failure {
        InvalidAnswers { .. } => 0,
        UnknownLanguage { .. } => 1,
        Missing { .. } => 2,
        Unwanted { .. } => 3,
        NoSuchDerived { .. } => 4,
        DerivedDiffers { .. } => 5,
        NoCaution { .. } => 6,
        FirstSteps { .. } => 7,
        NotDeferred { .. } => 8,
        TooMany { .. } => 9,
        TextMissing { .. } => 10,
        TextPresent { .. } => 11,
    }
}

/// How many kinds of failure there are.
const KINDS: usize = 12;

#[test]
fn every_kind_of_failure_is_listed() {
    let listed: std::collections::BTreeSet<usize> = every_failure().iter().map(kind).collect();
    assert_eq!(listed, (0..KINDS).collect());
}

#[test]
fn every_failure_is_worded_in_both_languages_with_a_t_code() {
    for failure in every_failure() {
        crate::diagnostic::assert_worded(&failure, 'T');
        let (zh, en) = (failure.message(Lang::Zh), failure.message(Lang::En));
        assert_ne!(zh, en, "{failure:?} says the same in both languages");
        assert!(!failure.label(Lang::Zh).is_empty(), "{failure:?}");
        assert!(!failure.label(Lang::En).is_empty(), "{failure:?}");
    }
}

#[test]
fn an_expected_value_that_is_no_value_of_the_fact_gets_a_suggestion() {
    let failure = &every_failure()[7];
    assert_eq!(
        failure.message(Lang::En),
        "test `t`: `d` is \"low\", expected \"hihg\""
    );
    assert_eq!(
        failure.help(Lang::En),
        ["`d` has no value `hihg`; did you mean `high`?"]
    );
    assert_eq!(
        every_failure()[8].help(Lang::Zh),
        ["`d` 没有值 `x`；它的值有：`low`、`high`"]
    );
}

#[test]
fn a_list_is_expected_by_the_name_of_its_kind() {
    let list = RawAnswer::List(Vec::new());
    assert_eq!(super::as_json(&list, Lang::En), "array");
    assert_eq!(super::as_json(&RawAnswer::Int(3), Lang::En), 3);
}

#[test]
fn refused_answers_keep_their_place_or_are_placed_at_the_answers_table() {
    use crate::diagnostic::Diagnostic;
    use crate::source::{FileId, Loc};
    let failure = TestFailure::InvalidAnswers {
        test: "t".into(),
        reason: "missing".into(),
    };
    let table = Loc::new(FileId(0), 10..20);
    let placed = Diagnostic::error("A004", "x")
        .at(Loc::new(FileId(0), 12..14), "unknown option")
        .help("choose one of …");
    let placed = failure.restate(placed, table.clone(), Lang::En);
    assert_eq!(
        (placed.code, placed.label.as_str()),
        ("T001", "unknown option")
    );
    assert_eq!(placed.loc, Some(Loc::new(FileId(0), 12..14)));
    assert_eq!(placed.help, ["choose one of …"]);
    let missing = failure.restate(Diagnostic::error("A007", "x"), table.clone(), Lang::En);
    assert_eq!(missing.loc, Some(table));
    assert_eq!(missing.label, "these answers");
    assert_eq!(
        missing.help,
        ["add the missing answers to this test's `answers`"]
    );
    assert_eq!(missing.message, "invalid answers in test `t`: missing");
}
