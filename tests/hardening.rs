//! Inputs that must not cost minutes or gigabytes, and writes that must not be lost
//! (issue 14): each test here failed before its fix.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fulcrum_en, stderr_of, stdout_of};

/// An answers file with `count` keys that are not questions of the mini pack.
fn unknown_keys(count: usize) -> String {
    let mut text = String::from("pack = \"mini\"\n[answers]\n");
    for i in 0..count {
        text.push_str(&format!("k{i} = 1\n"));
    }
    text
}

#[test]
fn many_messages_about_one_file_are_counted_not_all_shown() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.toml");
    std::fs::write(&file, unknown_keys(20_000)).unwrap();
    let out = fulcrum_en()
        .args(["--rules", "tests/fixtures/packs/mini", "plan", "--answers"])
        .arg(&file)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(stdout_of(&out).is_empty());
    assert_eq!(err.matches("error[A002]").count(), 50, "{err}");
    assert!(err.contains("k49 = 1"), "{err}");
    assert!(
        err.contains("… and 19950 more A002 message(s) about `"),
        "{err}"
    );
    assert!(err.contains("20001 problem(s) in answers file"), "{err}");
    assert!(err.len() < 32 * 1024, "{} bytes of messages", err.len());
}

#[test]
fn a_large_exclusive_group_stays_within_the_lint_budget() {
    let dir = tempfile::tempdir().unwrap();
    let pack_dir = dir.path().join("group");
    std::fs::create_dir(&pack_dir).unwrap();
    let mut text =
        std::fs::read_to_string(common::path("tests/fixtures/packs/mini/pack.toml")).unwrap();
    for i in 0..5_000 {
        text.push_str(&format!(
            "\n[[rule]]\nid = \"g{i}\"\nwhen = \"months_left >= {}\"\nexclusive_group = \"g\"\n\n\
             [[rule.caution]]\ntext = {{ zh = \"注意\", en = \"Careful.\" }}\n",
            i % 30
        ));
    }
    std::fs::write(pack_dir.join("pack.toml"), text).unwrap();
    let started = std::time::Instant::now();
    let out = fulcrum_en()
        .args(["rules", "lint", "--budget", "1"])
        .arg(&pack_dir)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stdout = stdout_of(&out);
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    assert!(
        stdout.contains("is not fully checked") && stdout.contains("exclusive group `g`"),
        "{stdout}"
    );
    assert!(stdout.contains("more L006 message(s)"), "{stdout}");
    // Loading and the text checks come on top of the budget, but not minutes.
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[cfg(unix)]
#[test]
fn endless_files_are_read_only_up_to_the_limit() {
    // A device that never ends, as answers and as a template: refused at the limit, not read
    // until memory runs out.
    let out = fulcrum_en()
        .args([
            "--rules",
            "tests/fixtures/packs/mini",
            "plan",
            "--answers",
            "/dev/zero",
        ])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(
        err.contains("`/dev/zero` is over 4194304 bytes, more than the limit of 4194304"),
        "{err}"
    );
    let out = fulcrum_en()
        .args([
            "--rules",
            "tests/fixtures/packs/mini",
            "plan",
            "--answers",
            "tests/fixtures/answers-mini-urgent.toml",
            "--format",
            "markdown",
            "--template",
            "/dev/zero",
        ])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("more than the limit of 4194304"), "{err}");
    assert!(stdout_of(&out).is_empty());
}

#[test]
fn pack_files_together_have_a_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let pack_dir = dir.path().join("big");
    std::fs::create_dir(&pack_dir).unwrap();
    let padding = "# padding\n".repeat(390_000);
    for i in 0..18 {
        std::fs::write(pack_dir.join(format!("{i:02}.toml")), &padding).unwrap();
    }
    let out = fulcrum_en()
        .arg("--rules")
        .arg(&pack_dir)
        .args(["rules", "list"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("pack files together pass the limit of 67108864 bytes")
            && err.contains("17.toml` and the files after it are not read"),
        "{err}"
    );
}
