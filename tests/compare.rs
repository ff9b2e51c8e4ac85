//! `fulcrum compare` end to end: the Nanhu Street example against the same organization
//! months later, in every format and both languages, no change, and the errors.

use crate::common;

use crate::common::{fulcrum, stderr_of, stdout_of};
use unicode_width::UnicodeWidthStr;

const BEFORE: &str = "examples/nanhu-street.toml";
const AFTER: &str = "tests/fixtures/compare/nanhu-street-later.toml";

fn compare(extra: &[&str]) -> std::process::Output {
    fulcrum()
        .args(["compare", BEFORE, AFTER])
        .args(extra)
        .output()
        .unwrap()
}

/// Standard output of a run that must succeed.
fn ok(extra: &[&str]) -> String {
    let out = compare(extra);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    stdout_of(&out)
}

#[test]
fn markdown_in_chinese() {
    let text = ok(&["--format", "markdown"]);
    for part in [
        "## 答案的变化",
        "| 项目或合同还剩几个月？ | 8 | 3 |",
        "| 项目能延期吗？ | （未问） | 有可能，需要争取 |",
        "| 依赖类型 | 人力加技能的混合依赖 | 专业技能依赖 |",
        "## 离开计划的行动",
        "情况已经不再需要这些行动。",
        "## 新增的行动",
        "30 条行动仍在计划中。",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    insta::assert_snapshot!("markdown_zh", text);
}

#[test]
fn markdown_in_english() {
    let text = ok(&["--format", "markdown", "--lang", "en"]);
    for part in [
        "| Can someone on the community side take over your work now? | partly, with coaching | yes, someone can take it over now |",
        "The situation no longer calls for them.",
        "*Because of a change in: Do your social workers stand in for community staff for long stretches*",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    insta::assert_snapshot!("markdown_en", text);
}

#[test]
fn table_in_chinese() {
    let text = ok(&["--width", "80"]);
    assert!(text.lines().all(|l| l.width() <= 80), "{text}");
    insta::assert_snapshot!("table_zh", text);
}

#[test]
fn table_in_english() {
    let text = ok(&["--width", "80", "--lang", "en"]);
    assert!(text.lines().all(|l| l.width() <= 80), "{text}");
    insta::assert_snapshot!("table_en", text);
}

#[test]
fn json() {
    let text = ok(&["--format", "json", "--lang", "en"]);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema"], "fulcrum.compare/1");
    assert_eq!(value["pack"], "community-dependence");
    assert_eq!(value["before"]["file"], BEFORE);
    let left = value["actions"]["left"].as_array().unwrap();
    let pace = left
        .iter()
        .find(|a| a["rule"] == "resolve-pace-partly")
        .unwrap();
    assert_eq!(pace["because"][0]["id"], "counterpart_capacity");
    insta::assert_snapshot!("json_en", text);
}

#[test]
fn the_same_answers_twice_say_no_change() {
    for (lang, words) in [
        ("zh", "没有变化：两次的答案相同"),
        ("en", "No change: the answers are the same"),
    ] {
        for format in ["table", "markdown"] {
            let out = fulcrum()
                .args(["--lang", lang, "compare", BEFORE, BEFORE, "-f", format])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
            let text = stdout_of(&out);
            assert!(text.contains(words), "{text}");
            assert!(!text.contains("## "), "{text}");
        }
    }
    let out = fulcrum()
        .args(["compare", BEFORE, BEFORE, "-f", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["answers"], serde_json::json!([]));
    assert_eq!(value["actions"]["left"], serde_json::json!([]));
    assert_eq!(value["actions"]["stayed"].as_array().unwrap().len(), 35);
}

#[test]
fn answers_files_of_two_packs_are_refused() {
    let out = fulcrum()
        .args([
            "--rules",
            "examples/packs/volunteer-burnout",
            "compare",
            BEFORE,
            "examples/answers/volunteer-burnout/stretched.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    let err = stderr_of(&out);
    assert!(
        err.contains("answers pack `community-dependence`")
            && err.contains("answers pack `volunteer-burnout`")
            && err.contains("only two assessments made with the same pack can be compared"),
        "{err}"
    );
    let zh = fulcrum()
        .args([
            "--lang",
            "zh",
            "--rules",
            "examples/packs/volunteer-burnout",
            "compare",
            BEFORE,
            "examples/answers/volunteer-burnout/stretched.toml",
        ])
        .output()
        .unwrap();
    assert!(
        stderr_of(&zh).contains("只能比较用同一个规则包做的两次评估"),
        "{}",
        stderr_of(&zh)
    );
}

#[test]
fn a_missing_file_is_named() {
    let out = fulcrum()
        .args(["compare", BEFORE, "tests/fixtures/compare/absent.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(stdout_of(&out), "");
    let err = stderr_of(&out);
    assert!(
        err.contains("error[A001]") && err.contains("tests/fixtures/compare/absent.toml"),
        "{err}"
    );
}

#[test]
fn a_broken_file_shows_where() {
    let out = fulcrum()
        .args(["compare", "tests/fixtures/compare/broken.toml", AFTER])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(stdout_of(&out), "");
    let err = stderr_of(&out);
    assert!(
        err.contains("--> tests/fixtures/compare/broken.toml:5:15"),
        "{err}"
    );
}

#[test]
fn a_pack_flag_that_disagrees_with_the_files_is_a_usage_error() {
    let out = compare(&["--pack", "volunteer-burnout"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("--pack is `volunteer-burnout` but the answers file says"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn output_goes_to_a_file_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("changes.md");
    let path = file.to_str().unwrap();
    let first = compare(&["-f", "markdown", "--output", path]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr_of(&first));
    assert_eq!(stdout_of(&first), "");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.starts_with("# 两次评估的比较"), "{written}");
    let again = compare(&["-f", "markdown", "--output", path]);
    assert_eq!(again.status.code(), Some(5));
    let forced = compare(&["-f", "markdown", "--output", path, "--force"]);
    assert_eq!(forced.status.code(), Some(0));
}

#[test]
fn chinese_help_describes_the_command() {
    let out = fulcrum()
        .args(["--lang", "zh", "compare", "--help"])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(text.contains("比较两次评估"), "{text}");
    assert!(text.contains("可选值：table"), "{text}");
    assert!(!text.contains("Possible values"), "{text}");
}

/// The two assessments copied into a folder of their own, with progress tracked on the first:
/// the problem named (done), the volunteer teams under way (an action the later plan gives by
/// another rule), keeping the relationship dropped (an action that leaves the plan).
fn tracked() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::path(BEFORE), dir.path().join("mine.toml")).unwrap();
    std::fs::copy(common::path(AFTER), dir.path().join("later.toml")).unwrap();
    for (set, extra) in [
        (
            "recognize-name-the-problem=done",
            ["--note", "named at the team meeting"],
        ),
        (
            "resolve-volunteers-drifting=doing",
            ["--observed", "2 of 5 teams meet on their own"],
        ),
        ("extend-keep-relationship=dropped", ["--note", "declined"]),
    ] {
        let out = fulcrum()
            .current_dir(dir.path())
            .args(["track", "--answers", "mine.toml", "--start", "2026-01-05"])
            .args(["--set", set, "--date", "2026-03-01"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    }
    dir
}

fn compare_in(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    fulcrum()
        .current_dir(dir)
        .args(["compare", "mine.toml", "later.toml", "--lang", "en"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn progress_beside_the_earlier_answers_shows_where_actions_stood() {
    let dir = tracked();
    let out = compare_in(dir.path(), &["--width", "100"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let table = stdout_of(&out);
    for part in [
        "Progress: mine.progress.toml",
        "(☒ dropped 2026-03-01)",
        "(☑ done 2026-03-01)",
        "(now from another rule) (◐ doing 2026-03-01)",
    ] {
        assert!(table.contains(part), "{part} missing:\n{table}");
    }
    assert!(
        !table.contains("to do"),
        "actions to do are not marked:\n{table}"
    );

    let markdown = stdout_of(&compare_in(dir.path(), &["-f", "markdown"]));
    assert!(
        markdown.contains("Progress: mine.progress.toml  \n"),
        "{markdown}"
    );
    assert!(markdown.contains("(☑ done 2026-03-01)\n"), "{markdown}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&compare_in(dir.path(), &["-f", "json"]))).unwrap();
    assert_eq!(json["progress"], "mine.progress.toml");
    let left = json["actions"]["left"].as_array().unwrap();
    let dropped = left
        .iter()
        .find(|a| a["rule"] == "extend-keep-relationship")
        .unwrap();
    assert_eq!(dropped["progress"]["status"], "dropped");
    assert_eq!(dropped["progress"]["note"], "declined");
    let stayed = json["actions"]["stayed"].as_array().unwrap();
    let teams = stayed
        .iter()
        .find(|s| s["before"]["rule"] == "resolve-volunteers-drifting")
        .unwrap();
    assert_eq!(teams["matched"], "concept");
    assert_eq!(
        teams["before"]["progress"]["observed"],
        "2 of 5 teams meet on their own"
    );
    assert!(teams["after"].get("progress").is_none(), "{teams}");
    assert!(
        !dir.path().join("later.progress.toml").exists(),
        "nothing is written without --carry-progress"
    );
}

#[test]
fn carry_progress_starts_the_later_progress_file_from_the_earlier_one() {
    let dir = tracked();
    let out = compare_in(dir.path(), &["--carry-progress", "--start", "2026-07-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let said = stderr_of(&out);
    assert!(
        said.contains("Wrote `later.progress.toml`: 2 of the later plan's 31 actions keep their earlier progress"),
        "{said}"
    );
    assert!(said.contains("extend-keep-relationship"), "{said}");
    let carried = std::fs::read_to_string(dir.path().join("later.progress.toml")).unwrap();
    assert!(carried.contains("start = \"2026-07-01\""), "{carried}");
    // The volunteer teams' entry now names the rule of the later plan.
    assert!(
        carried.contains("concept = \"resolve.cultivate_volunteer_teams\"\nstatus = \"doing\"\ndate = \"2026-03-01\"\nobserved = \"2 of 5 teams meet on their own\""),
        "{carried}"
    );
    assert!(
        !carried.contains("rule = \"resolve-volunteers-drifting\""),
        "{carried}"
    );
    let (kept, gone) = carried
        .split_once("No longer in the plan")
        .or_else(|| carried.split_once("已不在计划中"))
        .expect("a part for the entries no longer in the plan");
    assert!(kept.contains("status = \"done\""), "{kept}");
    assert!(gone.contains("rule = \"extend-keep-relationship\"\nconcept = \"extend.keep_relationship\"\nstatus = \"dropped\""), "{gone}");

    // The later plan reads it: the named problem is done.
    let plan = fulcrum()
        .current_dir(dir.path())
        .args(["plan", "--answers", "later.toml", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(plan.status.code(), Some(0), "{}", stderr_of(&plan));
    let plan: serde_json::Value = serde_json::from_str(&stdout_of(&plan)).unwrap();
    assert_eq!(
        plan["phases"][0]["actions"][0]["progress"]["status"],
        "done"
    );

    // Kept unless forced, and the earlier files are never touched.
    let before = std::fs::read_to_string(dir.path().join("mine.progress.toml")).unwrap();
    let again = compare_in(dir.path(), &["--carry-progress"]);
    assert_eq!(again.status.code(), Some(5));
    assert_eq!(
        stdout_of(&again),
        "",
        "nothing is printed before the refusal"
    );
    assert!(
        stderr_of(&again).contains("add --force"),
        "{}",
        stderr_of(&again)
    );
    let forced = compare_in(
        dir.path(),
        &["--carry-progress", "--force", "--start", "2026-08-01"],
    );
    assert_eq!(forced.status.code(), Some(0), "{}", stderr_of(&forced));
    let replaced = std::fs::read_to_string(dir.path().join("later.progress.toml")).unwrap();
    assert!(replaced.contains("start = \"2026-08-01\""), "{replaced}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.progress.toml")).unwrap(),
        before
    );
}

#[test]
fn carry_progress_without_a_progress_file_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::path(BEFORE), dir.path().join("mine.toml")).unwrap();
    std::fs::copy(common::path(AFTER), dir.path().join("later.toml")).unwrap();
    let out = compare_in(dir.path(), &["--carry-progress"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout_of(&out), "");
    let said = stderr_of(&out);
    assert!(said.contains("`mine.progress.toml`"), "{said}");
    assert!(said.contains("fulcrum track --answers mine.toml"), "{said}");
    assert!(!dir.path().join("later.progress.toml").exists());
}

#[test]
fn carry_progress_never_writes_over_the_earlier_progress_file() {
    let dir = tracked();
    let before = std::fs::read_to_string(dir.path().join("mine.progress.toml")).unwrap();
    let out = fulcrum()
        .current_dir(dir.path())
        .args(["--lang", "en", "compare", "mine.toml", "./mine.toml"])
        .args(["--carry-progress", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("the same file"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.progress.toml")).unwrap(),
        before
    );
}
