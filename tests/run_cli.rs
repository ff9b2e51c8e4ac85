//! `fulcrum run` without a terminal: it never prompts or hangs, it fails at once naming
//! `--answers`, or prints the plan when the answers file is complete.
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn fulcrum(home: &Path) -> Command {
    let mut command = Command::cargo_bin("fulcrum").unwrap();
    command
        .current_dir(home)
        .env("HOME", home)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("FULCRUM_NO_CACHE")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("FULCRUM_LANG")
        .env_remove("FULCRUM_RULES")
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(20));
    command
}

fn mini() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/packs/mini")
        .display()
        .to_string()
}

fn answers(home: &Path, body: &str) -> String {
    let path = home.join("answers.toml");
    std::fs::write(
        &path,
        format!("pack = \"mini\"\nlang = \"en\"\n[answers]\n{body}"),
    )
    .unwrap();
    path.display().to_string()
}

#[test]
fn without_a_terminal_run_fails_at_once_and_names_answers() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        &["run"][..],
        &[],
        &["--lang", "zh", "run", "community-dependence"],
    ] {
        fulcrum(home.path())
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("--answers"))
            .stderr(predicate::str::contains("TTY").not());
    }
    fulcrum(home.path())
        .args(["--lang", "zh", "run"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("没有可以提问的终端"));
}

#[test]
fn without_a_terminal_missing_answers_are_listed() {
    let home = tempfile::tempdir().unwrap();
    let file = answers(home.path(), "focus = \"care\"\nmonths_left = 500\n");
    fulcrum(home.path())
        .args(["--rules", &mini(), "run", "--answers", &file])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("out of range 0–120"))
        .stderr(predicate::str::contains("asked again").not())
        .stderr(predicate::str::contains("`org_name`").not())
        .stderr(predicate::str::contains("`months_left`"))
        .stderr(predicate::str::contains("`who`"))
        .stderr(predicate::str::contains("--answers"));
}

#[test]
fn without_a_terminal_a_complete_answers_file_prints_the_plan_like_plan_does() {
    let home = tempfile::tempdir().unwrap();
    let file = answers(
        home.path(),
        "org_name = \"Lakeside\"\nfocus = \"care\"\nmonths_left = 1\ncan_extend = \"no\"\nwho = [\"residents\"]\ntroubled = true\n",
    );
    let plan = fulcrum(home.path())
        .args([
            "--rules",
            &mini(),
            "plan",
            "--answers",
            &file,
            "--start",
            "2026-01-05",
            "--width",
            "80",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let run = fulcrum(home.path())
        .args([
            "--rules",
            &mini(),
            "run",
            "--answers",
            &file,
            "--start",
            "2026-01-05",
            "--width",
            "80",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(run).unwrap(),
        String::from_utf8(plan.clone()).unwrap()
    );
    assert!(
        String::from_utf8(plan)
            .unwrap()
            .contains("Only 1 months left: move fast.")
    );
    assert!(
        !home.path().join("state").exists(),
        "no draft without a questionnaire"
    );
}

#[test]
fn resume_and_answers_cannot_be_combined() {
    let home = tempfile::tempdir().unwrap();
    fulcrum(home.path())
        .args(["run", "--resume", "--answers", "x.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn again_needs_a_terminal_and_leaves_the_earlier_file_alone() {
    let home = tempfile::tempdir().unwrap();
    let file = answers(home.path(), "focus = \"care\"\n");
    let before = std::fs::read_to_string(&file).unwrap();
    fulcrum(home.path())
        .args(["--rules", &mini(), "run", "--again", &file])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("`--again` needs a terminal"))
        .stderr(predicate::str::contains("fulcrum compare"));
    fulcrum(home.path())
        .args(["--lang", "zh", "--rules", &mini(), "run", "--again", &file])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`--again` 需要在终端里运行"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 1);
    for other in ["--answers", "--resume"] {
        let mut args = vec!["run", "--again", "x.toml", other];
        if other == "--answers" {
            args.push("y.toml");
        }
        fulcrum(home.path())
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot be used with"));
    }
}
