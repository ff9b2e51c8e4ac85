//! `fulcrum track` and `fulcrum plan` with a progress file: the file written by `--set`, the
//! plan marked in every format, a progress file that no longer matches the plan, a progress
//! file with mistakes, and the picker in a pseudo-terminal.
//!
//! Plans start on 2020-01-06, so that every phase window has ended whenever the tests run and
//! "overdue" does not depend on the day.

use std::path::{Path, PathBuf};

use crate::common::{fulcrum, path, stderr_of, stdout_of, with_mini};

const START: &str = "2020-01-06";

/// A folder holding a copy of the mini answers file, `mine.toml`.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("mine.toml");
    std::fs::copy(path("tests/fixtures/answers-mini-urgent.toml"), &answers).unwrap();
    (dir, answers)
}

fn progress_of(answers: &Path) -> PathBuf {
    answers.with_file_name("mine.progress.toml")
}

fn track(answers: &Path, args: &[&str]) -> std::process::Output {
    with_mini()
        .args(["--lang", "en", "track", "--answers"])
        .arg(answers)
        .args(args)
        .output()
        .unwrap()
}

fn plan(answers: &Path, args: &[&str]) -> std::process::Output {
    with_mini()
        .args(["plan", "--answers"])
        .arg(answers)
        .args(args)
        .output()
        .unwrap()
}

/// Marks `urgent` done with a note and an observed value, `start.note` dropped.
fn with_progress() -> (tempfile::TempDir, PathBuf) {
    let (dir, answers) = workspace();
    let out = track(
        &answers,
        &[
            "--start",
            START,
            "--set",
            "urgent=done",
            "--note",
            "Told the board",
            "--observed",
            "Minutes of 2020-01-10",
            "--date",
            "2020-01-10",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let out = track(
        &answers,
        &["--set", "start.note=dropped", "--date", "2020-01-12"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    (dir, answers)
}

#[test]
fn set_writes_a_progress_file_beside_the_answers() {
    let (_dir, answers) = with_progress();
    let text = std::fs::read_to_string(progress_of(&answers)).unwrap();
    insta::assert_snapshot!("track_progress_file", text);
}

#[test]
fn set_says_what_changed_and_where_it_is_saved() {
    let (_dir, answers) = workspace();
    let out = track(&answers, &["--set", "finish.review=doing"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("◐ doing: "), "{err}");
    assert!(err.contains("progress saved to"), "{err}");
    // A new file starts on today's date, as a plan without --start does.
    let text = std::fs::read_to_string(progress_of(&answers)).unwrap();
    assert!(text.contains("rule = \"always-finish\""), "{text}");
}

#[test]
fn set_names_the_action_or_says_what_is_wrong() {
    let (_dir, answers) = workspace();
    let out = track(&answers, &["--set", "urgnt=done"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("did you mean `urgent`?"),
        "{}",
        stderr_of(&out)
    );
    let out = track(&answers, &["--set", "always-start=done"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("rule `always-start` gives several actions") && err.contains("start.note"),
        "{err}"
    );
    let out = track(&answers, &["--set", "urgent=finished"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("unknown status `finished`"));
    let out = track(&answers, &["--set", "urgent"]);
    assert_eq!(out.status.code(), Some(2));
    let out = track(&answers, &["--set", "urgent=done", "--date", "2020-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!progress_of(&answers).exists(), "nothing written on errors");
}

#[test]
fn without_a_terminal_track_prints_the_progress() {
    let (_dir, answers) = workspace();
    let out = track(&answers, &["--start", START, "--width", "80"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("no progress file"));
    assert!(!progress_of(&answers).exists(), "printing writes nothing");
    let (_dir, answers) = with_progress();
    let out = track(&answers, &["--width", "80"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    insta::assert_snapshot!("track_table_en", stdout_of(&out));
}

#[test]
fn the_plan_is_marked_in_markdown_in_both_languages() {
    let (_dir, answers) = with_progress();
    for lang in ["en", "zh"] {
        let out = plan(&answers, &["--lang", lang, "--format", "markdown"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        insta::assert_snapshot!(format!("plan_progress_markdown_{lang}"), stdout_of(&out));
    }
}

#[test]
fn the_plan_is_marked_in_a_table() {
    let (_dir, answers) = with_progress();
    let out = plan(&answers, &["--lang", "en", "--width", "80"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    insta::assert_snapshot!("plan_progress_table_en", stdout_of(&out));
}

#[test]
fn the_plan_is_marked_in_html() {
    let (_dir, answers) = with_progress();
    let out = plan(&answers, &["--lang", "en", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let html = stdout_of(&out);
    assert!(
        html.contains("<td class=\"box\">☑</td>") && html.contains("☒ dropped 2020-01-12"),
        "{html}"
    );
    assert!(html.contains("☑ done 2020-01-10"), "{html}");
    assert!(html.contains("Note: Told the board"), "{html}");
    assert!(html.contains("overdue"), "{html}");
}

#[test]
fn the_plan_json_has_progress_per_action() {
    let (_dir, answers) = with_progress();
    let out = plan(&answers, &["--lang", "en", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["date"], START, "the start date comes from the file");
    let start = &json["phases"][0]["actions"];
    assert_eq!(start[0]["rule"], "urgent");
    assert_eq!(start[0]["progress"]["status"], "done");
    assert_eq!(start[0]["progress"]["date"], "2020-01-10");
    assert_eq!(start[0]["progress"]["note"], "Told the board");
    assert_eq!(start[0]["progress"]["observed"], "Minutes of 2020-01-10");
    assert_eq!(start[0]["progress"]["overdue"], false);
    assert_eq!(start[1]["progress"]["status"], "todo");
    assert_eq!(start[1]["progress"]["overdue"], true);
    // The first steps are chosen again among the open actions: `urgent` is done.
    let first: Vec<&str> = json["first_steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["rule"].as_str().unwrap())
        .collect();
    assert!(!first.contains(&"urgent"), "{first:?}");
    assert!(first.contains(&"always-start"), "{first:?}");
}

#[test]
fn no_progress_prints_the_plan_as_without_a_file() {
    let (dir, answers) = with_progress();
    let marked = plan(&answers, &["--start", START, "--format", "json"]);
    let ignored = plan(
        &answers,
        &["--start", START, "--format", "json", "--no-progress"],
    );
    let plain = dir.path().join("plain.toml");
    std::fs::copy(&answers, &plain).unwrap();
    let without = plan(&plain, &["--start", START, "--format", "json"]);
    assert_eq!(stdout_of(&ignored), stdout_of(&without));
    assert_ne!(stdout_of(&marked), stdout_of(&without));
    assert!(!stdout_of(&without).contains("\"progress\""));
}

#[test]
fn the_start_date_of_the_file_wins_over_start() {
    let (_dir, answers) = with_progress();
    let out = plan(&answers, &["--lang", "en", "--start", "2021-03-01"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout_of(&out).contains("Date: 2020-01-06"));
    assert!(
        stderr_of(&out).contains("records the start date 2020-01-06"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn entries_no_longer_in_the_plan_are_listed_and_kept() {
    let (_dir, answers) = with_progress();
    let progress = progress_of(&answers);
    let mut text = std::fs::read_to_string(&progress).unwrap();
    text.push_str(
        "\n[[action]]\nrule = \"old-rule\"\nconcept = \"start.old\"\nstatus = \"done\"\nnote = \"from the first plan\"\n",
    );
    std::fs::write(&progress, &text).unwrap();
    let out = plan(&answers, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("1 entr(ies) of") && err.contains("no longer in the plan"),
        "{err}"
    );
    assert!(err.contains("old-rule (start.old): ☑ done"), "{err}");
    // Another change keeps the entry, at the end, under its heading.
    let out = track(&answers, &["--set", "finish.review=doing"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let after = std::fs::read_to_string(&progress).unwrap();
    let heading = after.find("# No longer in the plan").unwrap();
    let old = after.find("rule = \"old-rule\"").unwrap();
    assert!(heading < old, "{after}");
    assert!(after.contains("note = \"from the first plan\""));
    let out = track(&answers, &["--set", "old-rule=doing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("`old-rule` is no longer in the plan"));
}

#[test]
fn a_progress_file_with_mistakes_is_reported_where_they_are() {
    let (_dir, answers) = workspace();
    let progress = progress_of(&answers);
    std::fs::write(
        &progress,
        "start = \"2020-01-06\"\n\n[[action]]\nrule = \"urgent\"\nconcept = \"start.hurry\"\nstatus = \"don\"\n",
    )
    .unwrap();
    let out = plan(&answers, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(6));
    assert!(out.stdout.is_empty());
    let err = stderr_of(&out);
    assert!(err.contains("mine.progress.toml:6:10"), "{err}");
    assert!(err.contains("unknown status `don`"), "{err}");
    assert!(err.contains("did you mean `done`?"), "{err}");
    assert!(err.contains("1 problem(s) in progress file"), "{err}");

    std::fs::write(&progress, "start = \"2020-01-06\"\n[[action]\n").unwrap();
    let out = with_mini()
        .args(["--lang", "zh", "track", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let err = stderr_of(&out);
    assert!(err.contains("mine.progress.toml:2:"), "{err}");
    assert!(err.contains("进度文件的格式"), "{err}");

    std::fs::write(&progress, "strat = \"2020-01-06\"\n").unwrap();
    let out = plan(&answers, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(6));
    assert!(stderr_of(&out).contains("G001"), "{}", stderr_of(&out));
}

#[test]
fn a_missing_progress_file_given_by_name_is_an_error() {
    let (dir, answers) = workspace();
    let out = plan(
        &answers,
        &["--progress", dir.path().join("nope.toml").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(6));
}

#[cfg(unix)]
mod pty {
    //! The picker, driven through a pseudo-terminal as `tests/pty.rs` drives the
    //! questionnaire: real keys, each step waiting for its text on screen.

    use crate::pty::{DOWN, ENTER, ESC, Pty};

    #[test]
    fn the_picker_sets_a_status_and_a_note() {
        let home = tempfile::tempdir().unwrap();
        let answers = home.path().join("mine.toml");
        std::fs::copy(
            super::path("tests/fixtures/answers-mini-urgent.toml"),
            &answers,
        )
        .unwrap();
        let rules = super::path("tests/fixtures/packs/mini");
        let mut pty = Pty::start(
            home.path(),
            &[
                "--lang",
                "en",
                "--rules",
                rules.to_str().unwrap(),
                "track",
                "--answers",
                "mine.toml",
                "--start",
                super::START,
            ],
        );
        // The list opens on the first action, after "Finish"; its phase is named.
        pty.wait("Choose an action to update:");
        pty.wait("1. Start");
        pty.keys(ENTER);
        pty.at("Status of", &format!("{DOWN}{DOWN}{ENTER}"));
        pty.at("Note (may be empty):", &format!("Board agreed{ENTER}"));
        pty.wait("progress saved to");
        // Back in the list, the action carries its mark; Esc at the status keeps it.
        pty.wait("☑ 1. Start");
        pty.keys(&format!("{DOWN}{ENTER}"));
        pty.at("Status of", ESC);
        pty.wait("Choose an action to update:");
        pty.keys(ESC);
        assert_eq!(pty.exit_code(), 0);
        let text = std::fs::read_to_string(home.path().join("mine.progress.toml")).unwrap();
        assert!(text.contains("start = \"2020-01-06\""), "{text}");
        let urgent = text.find("rule = \"urgent\"").unwrap();
        let entry = &text[urgent..];
        assert!(
            entry.contains("status = \"done\"") && entry.contains("note = \"Board agreed\""),
            "{text}"
        );
        assert_eq!(text.matches("status = \"done\"").count(), 1, "{text}");
    }
}

#[test]
fn the_workshop_summary_counts_progress_where_there_is_some() {
    let (dir, answers) = with_progress();
    std::fs::copy(&answers, dir.path().join("other.toml")).unwrap();
    let out = with_mini()
        .args(["--lang", "en", "workshop", "summary", "--format", "csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let csv = stdout_of(&out);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",Done,Open,Overdue"), "{csv}");
    // mine.toml: urgent done, start.note dropped, two open and overdue; other.toml: none.
    assert!(
        lines[1].contains("mine.toml") && lines[1].ends_with(",1,2,2"),
        "{csv}"
    );
    assert!(
        lines[2].contains("other.toml") && lines[2].ends_with(",,,"),
        "{csv}"
    );
    let out = with_mini()
        .args(["--lang", "zh", "workshop", "summary", "--width", "100"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let table = stdout_of(&out);
    assert!(
        table.contains("已完成") && table.contains("已逾期"),
        "{table}"
    );
}

#[test]
fn first_steps_are_chosen_again_only_among_phases_already_begun() {
    // Residents depend on a volunteer organization with 10 months left, started today: once
    // the top first step is done, the next by priority is the review's debrief, months ahead;
    // the first steps stay with what can be started now.
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("mine.toml");
    std::fs::write(
        &answers,
        r#"pack = "community-dependence"

[answers]
org_focus = "volunteer_service"
funded_by = "government_purchase"
months_left = 10
who_depends = ["residents"]
relies_on = ["frontline_tasks"]
our_role = "frontline"
staff_absorbed = true
demand_fit = "fits"
positioning = "clear"
troubled = true
legacy = ["relationships"]
exposed_gaps = ["information_flow"]
policy_window = true
exit_designed = true
strengths_known = "yes"
stakeholder_talks = "open"
"#,
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = fulcrum()
            .arg("--lang")
            .arg("en")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        out
    };
    let first_steps = |out: &std::process::Output| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["first_steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["phase"].as_str().unwrap().to_string())
            .collect()
    };
    let shown = answers.to_str().unwrap();
    let before = first_steps(&run(&["plan", "--answers", shown, "--format", "json"]));
    assert_eq!(before.len(), 3);
    run(&[
        "track",
        "--answers",
        shown,
        "--set",
        "recognize-name-the-problem=done",
    ]);
    let after = first_steps(&run(&["plan", "--answers", shown, "--format", "json"]));
    assert_eq!(after.len(), 3, "{after:?}");
    assert!(!after.iter().any(|phase| phase == "review"), "{after:?}");
}
