//! `fulcrum review` end to end: the 复盘 report of the Nanhu Street example's later assessment,
//! with a progress file and the first assessment compared, in Markdown in both languages and
//! in HTML; the progress file found beside the answers file; no progress file; and the errors.
//!
//! Plans start on 2020-01-06 (the progress file's `start`, or `--start`), so that every phase
//! window has ended whenever the tests run. The report's date is today: snapshots show it as
//! `[today]`.

use std::path::{Path, PathBuf};

use crate::common::{fulcrum, path, stderr_of, stdout_of};

const FIRST: &str = "examples/nanhu-street.toml";
const LATER: &str = "tests/fixtures/compare/nanhu-street-later.toml";
const PROGRESS: &str = "tests/fixtures/review/nanhu-street.progress.toml";
const START: &str = "2020-01-06";

fn review(args: &[&str]) -> std::process::Output {
    fulcrum().arg("review").args(args).output().unwrap()
}

/// Standard output of a run that must succeed, with today's date shown as `[today]`.
fn ok(args: &[&str]) -> String {
    let out = review(args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    let today = fulcrum::clock::today().to_string();
    stdout_of(&out).replace(&today, "[today]")
}

/// The later assessment, its progress, the first assessment compared.
fn full(extra: &[&str]) -> String {
    let mut args = vec![
        "--answers",
        LATER,
        "--progress",
        PROGRESS,
        "--compare",
        FIRST,
    ];
    args.extend_from_slice(extra);
    ok(&args)
}

#[test]
fn markdown_in_chinese() {
    let text = full(&[]);
    for part in [
        "# 复盘报告 · ",
        "**计划开始**：2020-01-06",
        "**报告日期**：[today]",
        "## 进展概况",
        "## 已交接的事项",
        "实际情况：2020-01-14 例会纪要",
        "## 未交接的事项",
        "☒ 已放弃 2020-04-01",
        "放弃的原因：志愿者已由街道统一编队，不再由我们组织",
        "**已逾期**",
        "## 各阶段的行动",
        "## 已不在计划中的记录",
        "recognize-old-checklist",
        // The action it was recorded against left the plan with the later assessment.
        "resolve-return-to-project",
        "## 与上次评估相比",
        "| 项目或合同还剩几个月？ | 8 | 3 |",
        "### 离开计划的行动",
        "## 复盘会要回答的问题",
        "出自：谭红波",
        "**回答**：",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    insta::assert_snapshot!("markdown_zh", text);
}

#[test]
fn markdown_in_english() {
    let text = full(&["--lang", "en"]);
    for part in [
        "# Review report · ",
        "## What was handed over",
        "## What was not handed over",
        "Why dropped: ",
        "## Entries no longer in the plan",
        "## Since the earlier assessment",
        "| Months left in the project or contract? | 8 | 3 |",
        "## Questions for the review meeting",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    insta::assert_snapshot!("markdown_en", text);
}

#[test]
fn html_is_a_printable_page() {
    let text = full(&["--format", "html"]);
    for part in [
        "<!DOCTYPE html>",
        "@page { size: A4;",
        "<h2>复盘会要回答的问题</h2>",
        "<div class=\"lines\"></div>",
        "<td class=\"box\">☑</td>",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    assert!(!text.contains("{{") && !text.contains("{%"), "{text}");
    insta::assert_snapshot!("html_zh", text);
}

/// A folder holding a copy of the Nanhu Street answers, `mine.toml`.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("mine.toml");
    std::fs::copy(path(FIRST), &answers).unwrap();
    (dir, answers)
}

fn track(answers: &Path, args: &[&str]) {
    let out = fulcrum()
        .args(["--lang", "en", "track", "--answers"])
        .arg(answers)
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
}

#[test]
fn the_progress_file_beside_the_answers_is_found() {
    let (_dir, answers) = workspace();
    track(
        &answers,
        &[
            "--start",
            START,
            "--set",
            "review-debrief=done",
            "--note",
            "Held with the committee",
            "--observed",
            "Report of 2020-12-01",
            "--date",
            "2020-12-01",
        ],
    );
    let shown = answers.to_str().unwrap();
    let text = ok(&["--lang", "en", "--answers", shown]);
    assert!(text.contains("mine.progress.toml"), "{text}");
    assert!(
        text.contains("| 35 | 1 | 0 | 34 | 0 | 17 |"),
        "one done, the rest open; those in the phases late, the deferred ones not:\n{text}"
    );
    assert!(text.contains("Observed: Report of 2020-12-01"), "{text}");
    // --no-progress leaves it out.
    let text = ok(&["--lang", "en", "--answers", shown, "--no-progress"]);
    assert!(text.contains("No progress was recorded"), "{text}");
    assert!(!text.contains("Report of 2020-12-01"), "{text}");
}

#[test]
fn without_progress_the_report_says_so_and_how_to_record_it() {
    let text = ok(&["--answers", FIRST, "--start", START]);
    for part in [
        "还没有记录进展",
        "fulcrum track --answers examples/nanhu-street.toml --set …",
        "**计划开始**：2020-01-06",
        "## 各阶段的行动",
        "## 复盘会要回答的问题",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    for absent in ["## 已交接的事项", "已逾期", "## 与上次评估相比"] {
        assert!(!text.contains(absent), "{absent} present:\n{text}");
    }
}

#[test]
fn an_existing_output_is_kept_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("review.html");
    let shown = file.to_str().unwrap();
    let args = [
        "--answers",
        FIRST,
        "--start",
        START,
        "-f",
        "html",
        "-o",
        shown,
    ];
    let out = review(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let out = review(&args);
    assert_eq!(out.status.code(), Some(5), "{}", stderr_of(&out));
    let mut forced = args.to_vec();
    forced.push("--force");
    let out = review(&forced);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
}

#[test]
fn a_missing_answers_file_is_an_answers_error() {
    let out = review(&["--lang", "en", "--answers", "no/such/file.toml"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("cannot read"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn a_bad_progress_file_is_a_progress_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.progress.toml");
    std::fs::write(
        &bad,
        "start = \"2020-01-06\"\n\n[[action]]\nrule = \"review-debrief\"\nconcept = \"review.debrief\"\nstatus = \"finished\"\n",
    )
    .unwrap();
    let out = review(&[
        "--lang",
        "en",
        "--answers",
        FIRST,
        "--progress",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("finished"), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn an_earlier_assessment_of_another_pack_is_refused() {
    let out = fulcrum()
        .args([
            "--lang",
            "en",
            "--rules",
            "tests/fixtures/packs/mini",
            "review",
        ])
        .args(["--answers", FIRST, "--compare"])
        .arg(path("tests/fixtures/answers-mini-urgent.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("same pack"), "{}", stderr_of(&out));
}

#[test]
fn actions_deferred_by_the_budget_are_never_overdue() {
    // They are done if time allows: a window that has ended does not make them late.
    let out = fulcrum()
        .args(["plan", "--answers", LATER, "--progress", PROGRESS])
        .args(["--lang", "en", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let deferred = json["deferred"].as_array().unwrap();
    assert!(!deferred.is_empty());
    for action in deferred {
        assert_eq!(action["progress"]["overdue"], false, "{action}");
    }
    let late = json["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["actions"].as_array().unwrap())
        .filter(|a| a["progress"]["overdue"] == true)
        .count();
    assert!(late > 0, "open actions in the phases are overdue");
}
