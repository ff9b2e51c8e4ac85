use std::collections::HashMap;

use super::*;
use crate::source::{FileId, StringOrigin};

struct TestScope;

const FOCUS: [&str; 3] = [
    "volunteer_service",
    "specialist_service",
    "community_building",
];
const WHO: [&str; 3] = ["residents", "committee", "street_office"];

impl Scope for TestScope {
    fn resolve(&self, name: &str) -> Option<(Var, Domain<'_>)> {
        match name {
            "org_focus" => Some((Var::Question(0), Domain::Choice(FOCUS.to_vec()))),
            "who_depends" => Some((Var::Question(1), Domain::Multi(WHO.to_vec()))),
            "troubled" => Some((Var::Question(2), Domain::Bool)),
            "months_left" => Some((Var::Question(3), Domain::Number)),
            "org_name" => Some((Var::Question(4), Domain::Text)),
            "load" => Some((Var::Derived(0), Domain::Number)),
            "risk" => Some((Var::Derived(1), Domain::Choice(vec!["low", "high"]))),
            _ => None,
        }
    }

    fn names(&self) -> Vec<&str> {
        vec![
            "org_focus",
            "who_depends",
            "troubled",
            "months_left",
            "org_name",
            "load",
            "risk",
        ]
    }
}

#[derive(Default)]
struct Values(HashMap<Var, Fact<'static>>);

impl Facts for Values {
    fn fact(&self, var: Var) -> Option<Fact<'_>> {
        self.0.get(&var).copied()
    }
}

fn origin(src: &str) -> StringOrigin {
    // The condition sits in `when = "…"`, so its content starts at byte 8.
    let line = format!("when = \"{src}\"");
    StringOrigin::new(FileId(0), &line, 7..line.len())
}

fn compiled(src: &str) -> Condition {
    match compile(src, &origin(src), &TestScope, Lang::En) {
        Ok(c) => c,
        Err(e) => panic!("{src}: {e:?}"),
    }
}

fn errors(src: &str) -> Vec<Diagnostic> {
    compile(src, &origin(src), &TestScope, Lang::En)
        .err()
        .unwrap_or_default()
}

fn sample() -> Values {
    let mut v = Values::default();
    v.0.insert(Var::Question(0), Fact::Choice(2));
    v.0.insert(Var::Question(1), Fact::Choices(0b011));
    v.0.insert(Var::Question(2), Fact::Bool(true));
    v.0.insert(Var::Question(3), Fact::Number(4));
    v.0.insert(Var::Derived(0), Fact::Number(7));
    v
}

#[test]
fn evaluation_table() {
    let values = sample();
    let table = [
        ("org_focus is community_building", true),
        ("org_focus is not community_building", false),
        ("org_focus == volunteer_service", false),
        ("org_focus != volunteer_service", true),
        ("org_focus in [volunteer_service, community_building]", true),
        ("org_focus not in [community_building]", false),
        ("who_depends has committee", true),
        ("who_depends has street_office", false),
        ("who_depends has any [street_office, residents]", true),
        ("who_depends has all [committee, residents]", true),
        ("who_depends has all [committee, street_office]", false),
        ("troubled", true),
        ("not troubled", false),
        ("troubled is false", false),
        ("troubled == true", true),
        ("months_left < 6", true),
        ("months_left >= 6", false),
        ("months_left == 4", true),
        ("months_left != 4", false),
        ("load > 6 and months_left <= 4", true),
        ("org_name is skipped", true),
        ("org_name is answered", false),
        ("org_name is not skipped", false),
        ("months_left is answered", true),
        (
            "not (troubled and months_left > 10) or org_focus is volunteer_service",
            true,
        ),
        (
            "troubled and (months_left > 10 or who_depends has residents)",
            true,
        ),
    ];
    for (src, expected) in table {
        assert_eq!(compiled(src).eval(&values), expected, "{src}");
    }
}

#[test]
fn every_test_on_a_skipped_variable_is_false() {
    let empty = Values::default();
    for src in [
        "org_focus is community_building",
        "org_focus != volunteer_service",
        "org_focus not in [community_building]",
        "who_depends has any [residents]",
        "troubled",
        "troubled is false",
        "months_left != 4",
        "months_left is answered",
    ] {
        assert!(!compiled(src).eval(&empty), "{src}");
    }
    assert!(compiled("not troubled").eval(&empty));
    assert!(compiled("months_left is skipped").eval(&empty));
}

#[test]
fn unknown_names_suggest_the_closest() {
    let errs = errors("month_left < 6");
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].code, "C002");
    assert!(
        errs[0].help.iter().any(|h| h.contains("`months_left`")),
        "{errs:?}"
    );
    // Column: content starts at byte 8; the name is at 0..10.
    assert_eq!(errs[0].loc.as_ref().map(|l| l.span.clone()), Some(8..18));
}

#[test]
fn unknown_options_list_the_valid_ones() {
    let errs = errors("org_focus is community_buildng or who_depends has mayor");
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert_eq!(errs[0].code, "C003");
    assert!(
        errs[0]
            .help
            .iter()
            .any(|h| h.contains("`community_building`"))
    );
    assert!(
        errs[1]
            .help
            .iter()
            .any(|h| h.contains("valid options: `residents`"))
    );
    let start = "org_focus is community_buildng or who_depends has ".len();
    assert_eq!(errs[1].loc.as_ref().map(|l| l.span.start), Some(8 + start));
}

#[test]
fn derived_facts_have_values_not_options() {
    let errs = errors("risk is meduim");
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].message, "`risk` has no value `meduim`");
    assert_eq!(errs[0].label, "unknown value");
    assert!(
        errs[0]
            .help
            .iter()
            .any(|h| h.contains("valid values: `low`, `high`"))
    );
    let zh = compile(
        "risk is meduim",
        &origin("risk is meduim"),
        &TestScope,
        Lang::Zh,
    )
    .expect_err("unknown value");
    assert_eq!(zh[0].message, "`risk` 没有取值 `meduim`");
    let errs = errors("risk has low");
    assert!(
        errs[0].message.contains("which is a classification"),
        "{errs:?}"
    );
    assert!(
        errs[0].help.iter().any(|h| h.contains("`risk is <value>`")),
        "{errs:?}"
    );
}

#[test]
fn operators_must_fit_the_kind() {
    for (src, needle) in [
        ("org_focus", "single choice"),
        ("org_focus has volunteer_service", "single choice"),
        ("who_depends is residents", "multiple choice"),
        ("who_depends in [residents]", "multiple choice"),
        ("troubled is maybe", "yes/no"),
        ("months_left is few", "number"),
        ("org_focus < 3", "single choice"),
        ("org_name is x", "free text"),
    ] {
        let errs = errors(src);
        assert_eq!(errs.len(), 1, "{src}: {errs:?}");
        assert!(
            errs[0].message.contains(needle) || errs[0].help.iter().any(|h| h.contains(needle)),
            "{src}: {errs:?}"
        );
        assert!(matches!(errs[0].code, "C004"), "{src}");
    }
}

#[test]
fn syntax_errors_point_at_the_token() {
    let errs = errors("troubled and and months_left < 3");
    assert_eq!(errs[0].code, "C001");
    assert_eq!(
        errs[0].loc.as_ref().map(|l| l.span.clone()),
        Some(8 + 13..8 + 16)
    );
    let errs = errors("org_focus = fits");
    assert!(errs[0].help.iter().any(|h| h.contains("`==`")));
}

#[test]
fn messages_follow_the_language() {
    let src = "month_left < 6";
    let errs = compile(src, &origin(src), &TestScope, Lang::Zh)
        .err()
        .unwrap_or_default();
    assert!(errs[0].message.contains("未知"), "{errs:?}");
}

#[test]
fn syntax_errors_name_what_was_expected_in_each_language() {
    let cases = [
        (
            "troubled and and months_left < 3",
            "条件语法错误：此处应为问题或派生事实、`not` 或 `(`，实际是 `and`",
            "syntax error in condition: expected a question or derived fact or not or (, found `and`",
        ),
        (
            "months_left <",
            "条件语法错误：此处应为整数，实际是条件结尾",
            "syntax error in condition: expected a whole number, found end of condition",
        ),
        (
            "troubled troubled",
            "条件语法错误：此处应为 `and`、`or` 或条件结尾，实际是 `troubled`",
            "syntax error in condition: expected and or or or end of condition, found `troubled`",
        ),
        (
            "who_depends has",
            "条件语法错误：此处应为选项或 `[`，实际是条件结尾",
            "syntax error in condition: expected an option or [, found end of condition",
        ),
    ];
    for (src, zh, en) in cases {
        for (lang, message) in [(Lang::Zh, zh), (Lang::En, en)] {
            let errs = compile(src, &origin(src), &TestScope, lang)
                .err()
                .unwrap_or_default();
            assert_eq!(errs[0].message, message, "{src}");
        }
    }
}

#[test]
fn vars_lists_each_variable_once() {
    let c = compiled("troubled or months_left < 3 and troubled or load > 2");
    assert_eq!(
        c.cond.vars(),
        vec![Var::Question(2), Var::Question(3), Var::Derived(0)]
    );
}
