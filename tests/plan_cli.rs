//! `fulcrum plan` end to end: both formats, both languages, and every class of bad answers.

use crate::common;

use crate::common::{fulcrum, stderr_of, stdout_of, with_mini};

fn plan(answers: &str, extra: &[&str]) -> std::process::Output {
    with_mini()
        .args(["plan", "--answers", answers, "--start", "2026-01-05"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn table_plan_in_english() {
    let out = plan(
        "tests/fixtures/answers-mini-urgent.toml",
        &["--width", "80"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    insta::assert_snapshot!("mini_table_en", stdout_of(&out));
}

#[test]
fn table_plan_in_chinese() {
    let out = plan(
        "tests/fixtures/answers-mini-urgent.toml",
        &["--width", "80", "--lang", "zh"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(text.contains("只剩1个月，赶快。"), "{text}");
    insta::assert_snapshot!("mini_table_zh", text);
}

#[test]
fn wide_tables_have_one_column_per_field() {
    let out = plan(
        "tests/fixtures/answers-mini-urgent.toml",
        &["--width", "140"],
    );
    let text = stdout_of(&out);
    for header in ["Action", "Why", "Owner", "Indicator", "Source"] {
        assert!(
            text.contains(&format!("| {header}")),
            "{header} missing:\n{text}"
        );
    }
}

#[test]
fn piped_tables_use_ascii_only() {
    let out = plan("tests/fixtures/answers-mini-urgent.toml", &["--lang", "zh"]);
    let text = stdout_of(&out);
    assert!(!text.contains('│') && !text.contains('─'), "{text}");
    assert!(text.contains("+---"));
}

#[test]
fn json_plan_has_the_documented_shape() {
    let out = plan(
        "tests/fixtures/answers-mini-urgent.toml",
        &["--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "fulcrum.plan/2");
    assert_eq!(json["pack"]["id"], "mini");
    assert_eq!(json["lang"], "en");
    assert_eq!(json["organization"], "Lakeside Care");
    assert_eq!(json["derived"][1]["id"], "urgency");
    assert_eq!(json["derived"][1]["value"], "high");
    assert_eq!(json["derived"][0]["value"], 3);
    assert_eq!(json["cautions"][0]["rule"], "urgent");
    let phases = json["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 2);
    assert_eq!(phases[0]["id"], "start");
    assert_eq!(phases[0]["window"]["start_date"], "2026-01-05");
    let actions = phases[0]["actions"].as_array().unwrap();
    // Ordered by priority: `start.hurry` (10) before `start.look` (20).
    assert_eq!(actions[0]["concept"], "start.hurry");
    assert_eq!(actions[1]["concept"], "start.look");
    for key in [
        "rule",
        "concept",
        "phase",
        "speaker",
        "priority",
        "owner",
        "indicator",
        "text",
        "why",
    ] {
        assert!(actions[0].get(key).is_some(), "action lacks {key}");
    }
    assert_eq!(
        actions[1]["text"],
        "Lakeside Care: look at who depends on you: residents and the committee."
    );
    insta::assert_snapshot!("mini_json", stdout_of(&out));
}

#[test]
fn every_answer_problem_is_reported_at_once() {
    let out = plan("tests/fixtures/answers/all-errors.toml", &[]);
    assert_eq!(out.status.code(), Some(4));
    assert!(out.stdout.is_empty());
    let err = stderr_of(&out);
    for needle in [
        "error[A004]: `focus` has no option `cares`",
        "all-errors.toml:5:9",
        "did you mean `care`?",
        "valid options: `care`, `build`",
        "error[A002]: pack `mini` has no question `month_left`",
        "did you mean `months_left`?",
        "error[A006]: `nobody` cannot be combined with other options in `who`",
        "error[A003]: wrong type for `troubled`",
        "drop the quotes: `troubled = true`",
        "`load` is a derived fact",
        "error[A007]: missing answers to 1 required question(s): `months_left`",
        "6 problem(s) in answers file",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn numbers_out_of_range_are_located() {
    let out = plan("tests/fixtures/answers/out-of-range.toml", &[]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(
        err.contains("error[A005]: `months_left` = 500 is out of range 0–120"),
        "{err}"
    );
    assert!(err.contains("out-of-range.toml:4:15"), "{err}");
}

#[test]
fn wrong_types_get_a_fix() {
    let out = plan("tests/fixtures/answers/wrong-types.toml", &[]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert_eq!(err.matches("error[A003]").count(), 5, "{err}");
    assert!(
        err.contains("multiple choice takes a list: `who = [\"residents\"]`"),
        "{err}"
    );
    assert!(err.contains("drop the quotes: `months_left = 3`"), "{err}");
}

#[test]
fn answer_errors_name_value_kinds_in_chinese() {
    let out = plan("tests/fixtures/answers/wrong-types.toml", &["--lang", "zh"]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    for needle in [
        "错误[A003]：`org_name` 的答案类型不对：应为文字（字符串），实际是整数",
        "错误[A003]：`focus` 的答案类型不对：应为一个选项（字符串），实际是数组",
        "错误[A003]：`months_left` 的答案类型不对：应为 0 到 120 的整数，实际是字符串",
        "= 提示：去掉引号：`months_left = 3`",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    let out = plan("tests/fixtures/answers/syntax.toml", &["--lang", "zh"]);
    let err = stderr_of(&out);
    assert!(
        err.contains("错误[A001]：TOML 错误：表头没有闭合，此处应为 `]`"),
        "{err}"
    );
    let out = plan("tests/fixtures/answers/missing.toml", &["--lang", "zh"]);
    let err = stderr_of(&out);
    assert!(
        err.contains("缺少 3 个必答问题的答案：`months_left`（还剩几个月？）、`who`（"),
        "{err}"
    );
}

#[test]
fn missing_answers_are_listed_together() {
    let out = plan("tests/fixtures/answers/missing.toml", &[]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(err.contains("missing answers to 3 required question(s): `months_left` (Months left?), `who` (Who depends on us?), `troubled`"), "{err}");
}

#[test]
fn answers_the_skip_logic_does_not_ask_are_dropped_with_a_warning() {
    let out = plan("tests/fixtures/answers/dropped.toml", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr_of(&out);
    assert!(
        err.contains("warning[A008]: `can_extend` is not asked"),
        "{err}"
    );
    assert!(
        err.contains("it is asked only when `months_left < 6`"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["answers"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["question"] != "can_extend")
    );
}

#[test]
fn a_skipped_list_is_read_and_unknown_ids_in_it_are_warned_about() {
    let out = plan("tests/fixtures/answers/skipped.toml", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("warning[A012]: `skipped` names `foucs`, which is not a question of pack `mini`; ignored"),
        "{err}"
    );
    assert!(err.contains("skipped.toml:3:"), "{err}");
    assert!(err.contains("did you mean `focus`?"), "{err}");
    assert!(
        !err.contains("`org_name`"),
        "a known id is not reported: {err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["schema"].is_string());
}

#[test]
fn toml_syntax_errors_are_located() {
    let out = plan("tests/fixtures/answers/syntax.toml", &[]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(err.contains("error[A001]: invalid TOML"), "{err}");
    assert!(err.contains("syntax.toml:2:"), "{err}");
}

#[test]
fn messages_follow_the_language() {
    let out = plan(
        "tests/fixtures/answers/out-of-range.toml",
        &["--lang", "zh"],
    );
    let err = stderr_of(&out);
    assert!(
        err.contains("错误[A005]：`months_left` 的数值 500 超出范围 0–120"),
        "{err}"
    );
}

#[test]
fn a_missing_answers_file_is_an_answers_error() {
    let out = plan("tests/fixtures/answers/nope.toml", &[]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr_of(&out).contains("cannot read"));
}

#[test]
fn bad_start_dates_are_usage_errors() {
    let out = with_mini()
        .args([
            "plan",
            "--answers",
            "tests/fixtures/answers-mini-urgent.toml",
            "--start",
            "05/01/2026",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("--start takes a date as YYYY-MM-DD"));
}

#[test]
fn unknown_packs_and_mismatches_are_usage_errors() {
    let out = plan(
        "tests/fixtures/answers-mini-urgent.toml",
        &["--pack", "nope"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("--pack is `nope` but the answers file says `mini`"));
}

#[test]
fn help_is_in_chinese_when_the_language_is_chinese() {
    let out = common::fulcrum()
        .args(["--lang", "zh", "plan", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = stdout_of(&out);
    assert!(text.contains("用法：fulcrum plan"), "{text}");
    assert!(
        text.contains("时间表的第一天（YYYY-MM-DD），默认今天"),
        "{text}"
    );
    assert!(text.contains("显示帮助"), "{text}");
    let out = common::fulcrum()
        .env("LANG", "zh_CN.UTF-8")
        .arg("--help")
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("根据答案文件输出行动计划"));
    let out = common::fulcrum().args(["--help"]).output().unwrap();
    assert!(stdout_of(&out).contains("Print the plan for an answers file"));
}

#[test]
fn command_line_mistakes_are_worded_in_the_message_language() {
    let zh = fulcrum()
        .args(["--lang", "zh", "plan", "--formt", "json"])
        .output()
        .unwrap();
    assert_eq!(zh.status.code(), Some(2));
    let err = stderr_of(&zh);
    assert!(err.contains("错误：无法识别的参数 `--formt`"), "{err}");
    assert!(err.contains("是不是 `--format`"), "{err}");
    assert!(!err.contains("unexpected argument"), "{err}");
    assert!(zh.stdout.is_empty());

    let en = fulcrum()
        .args(["--lang", "en", "plan", "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(en.status.code(), Some(2));
    assert!(
        stderr_of(&en).contains("invalid value 'pdf'"),
        "{}",
        stderr_of(&en)
    );

    let zh_value = fulcrum()
        .env("LANG", "zh_CN.UTF-8")
        .args(["plan", "--format", "pdf", "--answers", "x.toml"])
        .output()
        .unwrap();
    assert_eq!(zh_value.status.code(), Some(2));
    let err = stderr_of(&zh_value);
    assert!(
        err.contains("不接受 `pdf`") && err.contains("`markdown`"),
        "{err}"
    );
}

#[test]
fn command_line_mistakes_never_echo_escape_sequences() {
    let out = fulcrum()
        .args(["--lang", "zh", "plan", "--\u{1b}[31mred"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("无法识别的参数"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn a_start_date_far_from_now_is_taken_as_a_typing_mistake() {
    let out = with_mini()
        .args([
            "plan",
            "--answers",
            "tests/fixtures/answers-mini-urgent.toml",
        ])
        .args(["--start", "9999-12-31"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr_of(&out);
    assert!(
        err.contains("--start must fall between the years 1900 and 2199, not `9999-12-31`"),
        "{err}"
    );
}

#[test]
fn an_answers_file_of_the_first_pack_version_names_the_new_questions() {
    let out = fulcrum()
        .args([
            "--lang",
            "en",
            "plan",
            "--answers",
            "tests/fixtures/answers-v1-nanhu.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(
        err.contains("error[A007]: missing answers to 2 required question(s): `funded_by`"),
        "{err}"
    );
    assert!(err.contains("`counterpart_capacity`"), "{err}");
    assert!(
        err.contains("run `fulcrum run --answers FILE` to answer only what is missing"),
        "{err}"
    );
}
