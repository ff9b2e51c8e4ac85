//! Failed writes of plans: a missing folder, or a target that cannot be replaced, leaves the
//! previous file as it was and says so (exit 5, or 1 for a batch with failures).
//! Read-only folders are covered in `src/output.rs` (when not running as root) and drafts and
//! saved answers in `src/interview/draft.rs`.

use crate::common::{stderr_of, with_mini};

const ANSWERS: &str = "tests/fixtures/answers-mini-urgent.toml";

#[test]
fn plan_into_a_missing_folder_fails_with_exit_5_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing").join("plan.md");
    let out = with_mini()
        .args([
            "--lang",
            "en",
            "plan",
            "--format",
            "markdown",
            "--answers",
            ANSWERS,
            "-o",
        ])
        .arg(&target)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(
        err.contains("missing` does not exist; create it first"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    assert!(!dir.path().join("missing").exists());
}

#[test]
fn plan_that_cannot_replace_its_target_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    // A non-empty folder where the plan should go: refused before anything is written (the
    // failed rename itself is tested on `output::replace_atomically`).
    let target = dir.path().join("plan.md");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("notes.txt"), "keep me").unwrap();
    let out = with_mini()
        .args([
            "--lang",
            "en",
            "plan",
            "--force",
            "--answers",
            ANSWERS,
            "-o",
        ])
        .arg(&target)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("is a folder; give a file name"), "{err}");
    assert_eq!(
        std::fs::read_to_string(target.join("notes.txt")).unwrap(),
        "keep me"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left behind");
}

#[test]
fn batch_keeps_the_previous_plans_it_cannot_replace() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers");
    std::fs::create_dir(&answers).unwrap();
    std::fs::copy(ANSWERS, answers.join("a.toml")).unwrap();
    std::fs::copy(ANSWERS, answers.join("b.toml")).unwrap();
    let plans = dir.path().join("plans");
    // Write both plans once, then block one of them.
    let first = with_mini()
        .args(["--lang", "en", "plan", "--format", "json", "--answers"])
        .arg(&answers)
        .arg("--out-dir")
        .arg(&plans)
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stderr_of(&first));
    let mut written: Vec<_> = std::fs::read_dir(&plans)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    written.sort();
    assert_eq!(written.len(), 2);
    std::fs::remove_file(&written[0]).unwrap();
    std::fs::create_dir(&written[0]).unwrap();
    std::fs::write(written[0].join("x"), "x").unwrap();
    let again = with_mini()
        .args([
            "--lang",
            "en",
            "plan",
            "--force",
            "--format",
            "json",
            "--answers",
        ])
        .arg(&answers)
        .arg("--out-dir")
        .arg(&plans)
        .output()
        .unwrap();
    let err = stderr_of(&again);
    assert_eq!(again.status.code(), Some(1), "{err}");
    assert!(err.contains("is a folder"), "{err}");
    assert!(err.contains("a.toml: no plan written"), "{err}");
    assert!(err.contains("1 of 2 answers file(s) failed"), "{err}");
    assert!(written[0].join("x").exists());
    // The other plan was written again.
    let other: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&written[1]).unwrap()).unwrap();
    assert_eq!(other["schema"], "fulcrum.plan/2");
}
