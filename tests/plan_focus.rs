//! A plan's focus and schedule on the real binary: first steps, deferred actions, partners,
//! due dates and the project's end in every format; the `[[test]]` expectations about them;
//! and the lint checks of budgets and deadlines.

use crate::common;

use std::path::Path;

use crate::common::{stderr_of, stdout_of, with_mini};
use serde_json::Value;

const MINI: &str = include_str!("fixtures/packs/mini/pack.toml");

/// A copy of the mini pack with `extra` appended, in a temporary folder.
fn mini_plus(extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pack.toml"), format!("{MINI}\n{extra}")).unwrap();
    dir
}

/// `fulcrum --rules DIR` with messages in `lang`.
fn with_pack(dir: &Path, lang: &str) -> assert_cmd::Command {
    let mut cmd = common::fulcrum();
    cmd.args(["--lang", lang, "--rules", dir.to_str().unwrap()]);
    cmd
}

fn urgent_plan(format: &str, lang: &str) -> String {
    let out = with_mini()
        .args([
            "--lang",
            lang,
            "plan",
            "--answers",
            "tests/fixtures/answers-mini-urgent.toml",
            "--start",
            "2026-01-05",
            "--format",
            format,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn the_json_plan_has_first_steps_deferred_actions_and_the_project_end() {
    let plan: Value = serde_json::from_str(&urgent_plan("json", "en")).unwrap();
    assert_eq!(plan["schema"], "fulcrum.plan/2");
    assert_eq!(plan["project_end"]["date"], "2026-02-05");
    assert_eq!(plan["project_end"]["week"], 4);
    let concepts = |key: &str| -> Vec<String> {
        plan[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["concept"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(concepts("first_steps"), ["start.hurry", "start.look"]);
    assert_eq!(concepts("deferred"), ["start.note"]);
    assert_eq!(plan["deferred"][0]["phase"], "start");
    // First steps are copies of actions that stay in their phases.
    let start = &plan["phases"][0]["actions"];
    assert_eq!(start[0], plan["first_steps"][0]);
    assert_eq!(start[1]["partners"][0], "the committee contact");
    assert_eq!(start[1]["due"]["date"], "2026-01-19");
    // The finish phase lies wholly after the end (week 4); it reaches a month past the end.
    assert_eq!(plan["phases"][1]["window"]["after_end_week"], 10);
    let practice = plan["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "practice")
        .expect("the practice note is cited by the deferred action");
    assert_eq!(practice["kind"], "practice");
    assert_eq!(practice["basis"], "Common project-management practice");
}

#[test]
fn markdown_opens_with_the_first_steps_and_closes_with_what_was_deferred() {
    let md = urgent_plan("markdown", "en");
    let first = md.find("## First two steps").expect("first steps");
    let diagnosis = md.find("## Diagnosis").unwrap();
    let deferred = md.find("## If time allows").expect("deferred");
    let finish = md.find("## 2. Finish").unwrap();
    assert!(first < diagnosis && finish < deferred, "{md}");
    // A Markdown line break (two spaces) keeps the project end on a line of its own.
    assert!(
        md.contains("**Date**: 2026-01-05  \n**Project ends**: 2026-02-05\n"),
        "{md}"
    );
    // Every deferred item ends its line, and the sources start a block of their own.
    assert!(
        md.contains("Indicator: A one-page note.\n\n## Sources"),
        "{md}"
    );
    assert!(md.contains("With: the committee contact"), "{md}");
    assert!(md.contains("(due 2026-01-19)"), "{md}");
    assert!(md.contains("- Start: Write down what you saw."), "{md}");
    assert!(md.contains("all after the project's end"), "{md}");

    let zh = urgent_plan("markdown", "zh");
    assert!(zh.contains("## 首要两件事"), "{zh}");
    assert!(zh.contains("## 留待以后"), "{zh}");
    assert!(zh.contains("协同：居委会对接人"), "{zh}");
    assert!(zh.contains("（截至 2026-01-19）"), "{zh}");
}

#[test]
fn the_html_handout_keeps_first_steps_on_the_first_page_and_deferred_on_the_last() {
    let html = urgent_plan("html", "zh");
    let first = html.find("<section class=\"first-steps\">").unwrap();
    let diagnosis = html.find("<section class=\"diagnosis\">").unwrap();
    let phase = html.find("<section class=\"phase\"").unwrap();
    let deferred = html.find("<section class=\"deferred\">").unwrap();
    assert!(first < diagnosis && diagnosis < phase && phase < deferred);
    assert!(html.contains("<li data-concept=\"start.note\">"), "{html}");
    assert!(html.contains("<span class=\"partners\">协同：居委会对接人</span>"));
    assert!(html.contains("<span class=\"due\">截至 2026-01-19</span>"));
}

#[test]
fn a_project_that_has_ended_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("ended.toml");
    std::fs::write(
        &answers,
        "pack = \"mini\"\n[answers]\nfocus = \"care\"\nmonths_left = 0\ncan_extend = \"no\"\nwho = [\"residents\"]\ntroubled = false\n",
    )
    .unwrap();
    for (lang, said) in [
        (
            "en",
            "The project has ended: the schedule below is the handover period from today.",
        ),
        ("zh", "项目已结束：下面的时间表是从今天算起的交接期。"),
    ] {
        let out = with_mini()
            .args(["--lang", lang, "plan", "--start", "2026-01-05", "--answers"])
            .arg(&answers)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let text = stdout_of(&out);
        assert!(text.contains(said), "{text}");
    }
}

#[test]
fn failed_focus_and_text_expectations_are_located_and_explained() {
    let dir = mini_plus(
        r#"[[test]]
id = "wrong"
expect_first_steps = ["start.look", "start.hurry"]
expect_deferred = ["finish.review"]
expect_max_actions = 2
lang = "en"
expect_text = ["move slowly"]
expect_no_text = ["move fast"]

[test.answers]
focus = "care"
months_left = 1
can_extend = "no"
who = ["residents"]
troubled = false
"#,
    );
    let out = with_pack(dir.path(), "en")
        .args(["rules", "test", "mini"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    for expected in [
        "error[T006]: test `wrong`: the first steps are [start.hurry, start.look], expected [start.look, start.hurry]",
        "= help: the first steps are the actions with the smallest priority in the whole plan; adjust the priorities",
        "error[T007]: test `wrong`: `finish.review` is not deferred",
        "= help: it stayed in its phase",
        "error[T008]: test `wrong`: the phases hold 3 actions, expected at most 2",
        "error[T009]: test `wrong`: the plan's texts do not contain \"move slowly\"",
        "error[T009]: test `wrong`: the plan's texts should not contain \"move fast\"",
        "= help: found in: Only 1 months left: move fast.",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    assert!(err.contains("pack.toml:"), "{err}");

    let out = with_pack(dir.path(), "zh")
        .args(["rules", "test", "mini"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    for expected in [
        "错误[T006]：测试 `wrong`：首要几步是 [start.hurry, start.look]，预期 [start.look, start.hurry]",
        "错误[T007]：测试 `wrong`：`finish.review` 没有被留待以后",
        "错误[T008]：测试 `wrong`：各阶段共有 3 项行动，预期最多 2 项",
        "错误[T009]：测试 `wrong`：计划的文字中没有“move slowly”",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
}

#[test]
fn lint_refuses_a_budget_smaller_than_the_kept_actions() {
    let dir = mini_plus("[[pack.focus.budget]]\nmax = 2\n");
    let out = with_pack(dir.path(), "en")
        .args(["rules", "lint"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let err = stdout_of(&out);
    assert!(
        err.contains("error[L011]: a budget of 2 is smaller than the 3 actions that are always kept (2 first steps + 1 actions marked keep)"),
        "{err}"
    );
    assert!(err.contains("= help: raise `max` to at least 3"), "{err}");

    let out = with_pack(dir.path(), "zh")
        .args(["rules", "lint"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        stdout_of(&out).contains("错误[L011]：长度预算 2 小于必须保留的行动数 3"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn lint_warns_of_a_deadline_that_cannot_fit_its_window() {
    // The start phase is the first fifth of at least three months: three weeks.
    let pack = MINI.replace("deadline_weeks = 2", "deadline_weeks = 6");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pack.toml"), pack).unwrap();
    let out = with_pack(dir.path(), "en")
        .args(["rules", "lint"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let err = stdout_of(&out);
    assert!(
        err.contains("warning[L010]: the indicator's deadline of 6 weeks falls outside phase `start`: with 0 months left the phase lasts 3 weeks"),
        "{err}"
    );
    assert!(err.contains("make `deadline_weeks` at most 3"), "{err}");
}

#[test]
fn focus_values_out_of_range_are_located_errors() {
    let pack = MINI.replace("first_steps = 2", "first_steps = 99");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pack.toml"), pack).unwrap();
    let out = with_pack(dir.path(), "en")
        .args(["rules", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(
        err.contains("error[P007]: `first_steps` must be between 0 and 20"),
        "{err}"
    );
    assert!(err.contains("first_steps = 99"), "{err}");
}

#[test]
fn explain_says_when_a_concept_was_deferred() {
    let run = |lang: &str, format: &str, concept: &str| {
        let out = with_mini()
            .args([
                "--lang",
                lang,
                "explain",
                "--answers",
                "tests/fixtures/answers-mini-urgent.toml",
                "--format",
                format,
                "--concept",
                concept,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        stdout_of(&out)
    };
    let text = run("en", "text", "start.note");
    assert!(
        text.starts_with("`start.note` is in the plan, under \"If time allows\""),
        "{text}"
    );
    assert!(run("zh", "text", "start.note").starts_with("`start.note` 在计划中，但列在“留待以后”"));
    let json: Value = serde_json::from_str(&run("en", "json", "start.note")).unwrap();
    assert_eq!(
        (json["present"].clone(), json["deferred"].clone()),
        (Value::Bool(true), Value::Bool(true))
    );
    let json: Value = serde_json::from_str(&run("en", "json", "start.look")).unwrap();
    assert_eq!(json["deferred"], Value::Bool(false));
    assert_eq!(
        run("en", "text", "start.look").lines().next(),
        Some("`start.look` is in the plan.")
    );
}
