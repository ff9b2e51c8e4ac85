//! Inputs that must not cost minutes or gigabytes, and writes that must not be lost
//! (issue 14): each test here failed before its fix.

use crate::common;

use crate::common::{fulcrum_en, stderr_of, stdout_of};

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
    // The budget is what is checked here (the report says what was left unchecked); the
    // timeout only keeps a regression from hanging the run. Timings: benches/lint.rs.
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
    // How many overlaps are found within the budget depends on the machine's load; however
    // many, at most 50 are shown and the rest are counted.
    let shown = stdout.matches("error[L006]").count();
    assert!(shown <= 50, "{shown} L006 messages shown");
    assert!(
        shown < 50 || stdout.contains("more L006 message(s)"),
        "{stdout}"
    );
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

#[test]
fn long_timelines_never_panic_and_lint_refuses_them() {
    let dir = tempfile::tempdir().unwrap();
    let pack_dir = dir.path().join("mini");
    std::fs::create_dir(&pack_dir).unwrap();
    let pack = std::fs::read_to_string(common::path("tests/fixtures/packs/mini/pack.toml"))
        .unwrap()
        .replacen("max = 120", "max = 200000", 1);
    std::fs::write(pack_dir.join("pack.toml"), pack).unwrap();
    let answers = dir.path().join("long.toml");
    let text = std::fs::read_to_string(common::path("tests/fixtures/answers-mini-urgent.toml"))
        .unwrap()
        .replace("months_left = 1", "months_left = 200000");
    std::fs::write(&answers, text).unwrap();
    let out = fulcrum_en()
        .arg("--rules")
        .arg(&pack_dir)
        .args([
            "plan",
            "--start",
            "2026-01-05",
            "--format",
            "json",
            "--answers",
        ])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for phase in plan["phases"].as_array().unwrap() {
        let window = &phase["window"];
        let (from, to) = (window["start_date"].as_str(), window["end_date"].as_str());
        assert!(from >= Some("2026-01-05") && from < to, "{window}");
        assert!(to < Some("2400-01-01"), "{window}");
    }
    let lint = fulcrum_en()
        .args(["rules", "lint"])
        .arg(&pack_dir)
        .output()
        .unwrap();
    let findings = stdout_of(&lint);
    assert_eq!(lint.status.code(), Some(3), "{findings}");
    assert!(
        findings.contains(
            "error[L012]: timeline question `months_left` allows 200000 months, more than the 1200 that can be dated"
        ),
        "{findings}"
    );
}

/// `fulcrum` as a plain process, for tests that wire its standard streams themselves.
#[cfg(unix)]
fn process(args: &[&str]) -> std::process::Command {
    let mut cmd = common::command();
    cmd.env("FULCRUM_NO_CACHE", "1")
        .args(["--lang", "en"])
        .args(args);
    cmd
}

#[cfg(unix)]
fn dev_full() -> std::process::Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap()
        .into()
}

#[cfg(unix)]
#[test]
fn a_full_disk_on_stdout_is_an_output_failure() {
    let with_mini = ["--rules", "tests/fixtures/packs/mini"];
    for args in [
        &["rules", "schema"][..],
        &["rules", "list"],
        &["--version"],
        &["--help"],
        &[with_mini[0], with_mini[1], "rules", "test"],
    ] {
        let out = process(args).stdout(dev_full()).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(5), "{args:?}: {err}");
        assert!(
            err.contains("error: cannot write to standard output: No space left on device"),
            "{args:?}: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_full_disk_on_stderr_is_an_output_failure_not_an_abort() {
    let out = process(&[
        "--rules",
        "tests/fixtures/packs/mini",
        "plan",
        "--answers",
        "tests/corpus/answers/answers-option.toml",
    ])
    .stderr(dev_full())
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(out.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    for args in [
        &["rules", "schema"][..],
        &["rules", "show", "community-dependence"],
    ] {
        let mut child = process(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Read one byte and hang up, as `| head -c 1` does.
        let mut byte = [0u8; 1];
        let mut stdout = child.stdout.take().unwrap();
        stdout.read_exact(&mut byte).unwrap();
        drop(stdout);
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}

/// `plan --format markdown --template FILE` on the mini pack, with `template` as the file.
fn with_template(template: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.md");
    std::fs::write(&file, template).unwrap();
    fulcrum_en()
        .args([
            "--rules",
            "tests/fixtures/packs/mini",
            "plan",
            "--answers",
            "tests/fixtures/answers-mini-urgent.toml",
            "--format",
            "markdown",
            "--template",
        ])
        .arg(&file)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap()
}

#[test]
fn templates_that_never_end_run_out_of_fuel() {
    for template in [
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "{% set s = namespace(v=\"ab\") %}{% for i in range(100) %}{% set s.v = s.v ~ s.v %}{% endfor %}{{ s.v|length }}",
        "{{ \"ab\" * 100000000000 }}",
    ] {
        let out = with_template(template);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{template}: {err}");
        assert!(err.contains("engine ran out of fuel"), "{template}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn templates_with_endless_chains_are_refused_not_overflowed() {
    let long = [
        format!("{{{{ {}1 }}}}", "-".repeat(20_000)),
        format!("{{{{ 1{} }}}}", "|abs".repeat(50_000)),
        format!("{{{{ plan{} }}}}", ".a".repeat(50_000)),
        format!("{{{{ 1{} }}}}", " and 1".repeat(50_000)),
    ];
    for template in &long {
        let out = with_template(template);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("template error: the tag on line 1 chains more than 200 operators"),
            "{err}"
        );
    }
    // Up to the limit, a chain parses and renders (the stack holds it in a debug build too),
    // and string literals, comments and raw blocks do not count.
    let fine = format!(
        "{{{{ {}1 }}}} {{{{ \"{}\" }}}} {{# {} #}} {{% raw %}}{{{{ {} }}}}{{% endraw %}}",
        "-".repeat(200),
        "|".repeat(1000),
        "|".repeat(1000),
        "|".repeat(1000)
    );
    let out = with_template(&fine);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(text.starts_with("1 "), "{text}");
    assert_eq!(text.matches('|').count(), 2000, "{text}");
}

/// A folder of `count` copies of the mini answers file, named `a000.toml`….
fn answers_folder(dir: &std::path::Path, count: usize) -> std::path::PathBuf {
    let folder = dir.join("answers");
    std::fs::create_dir(&folder).unwrap();
    let text =
        std::fs::read_to_string(common::path("tests/fixtures/answers-mini-urgent.toml")).unwrap();
    for i in 0..count {
        std::fs::write(folder.join(format!("a{i:03}.toml")), &text).unwrap();
    }
    folder
}

#[cfg(unix)]
#[test]
fn concurrent_batches_into_one_folder_never_both_write_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let answers = answers_folder(dir.path(), 40);
    let out_dir = dir.path().join("plans");
    let spawn = || {
        process(&["--rules", "tests/fixtures/packs/mini", "plan", "--answers"])
            .arg(&answers)
            .arg("--out-dir")
            .arg(&out_dir)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let runs = [spawn(), spawn(), spawn()];
    let mut written = std::collections::HashMap::<String, usize>::new();
    for run in runs {
        let out = run.wait_with_output().unwrap();
        for line in stderr_of(&out).lines().filter(|l| l.starts_with('✓')) {
            *written.entry(line.to_string()).or_default() += 1;
        }
    }
    assert_eq!(written.len(), 40, "{written:?}");
    assert!(written.values().all(|&n| n == 1), "{written:?}");
}

#[cfg(unix)]
#[test]
fn force_replaces_regular_files_only_and_keeps_their_permissions() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let plan_to = |target: &std::path::Path| {
        fulcrum_en()
            .args([
                "--rules",
                "tests/fixtures/packs/mini",
                "plan",
                "--answers",
                "tests/fixtures/answers-mini-urgent.toml",
                "--format",
                "markdown",
                "--force",
                "-o",
            ])
            .arg(target)
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap()
    };
    let out = plan_to(&fifo);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("is not a regular file"), "{err}");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let kept = dir.path().join("plan.md");
    std::fs::write(&kept, "old").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = plan_to(&kept);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_ne!(std::fs::read_to_string(&kept).unwrap(), "old");
    let mode = std::fs::metadata(&kept).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[cfg(target_os = "linux")]
#[test]
fn a_batch_removes_what_an_interrupted_one_left_and_names_colliding_files() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers");
    std::fs::create_dir(&answers).unwrap();
    let text =
        std::fs::read_to_string(common::path("tests/fixtures/answers-mini-urgent.toml")).unwrap();
    // Two names that are not UTF-8 and read alike once made printable.
    for name in [&b"caf\xe9.toml"[..], b"caf\xe8.toml"] {
        std::fs::write(answers.join(std::ffi::OsStr::from_bytes(name)), &text).unwrap();
    }
    let out_dir = dir.path().join("plans");
    std::fs::create_dir(&out_dir).unwrap();
    // A process id above the kernel's maximum (2^22) never runs.
    let stale = out_dir.join(".old.md.4999999.0.tmp");
    std::fs::write(&stale, "half a plan").unwrap();
    let own = out_dir.join(format!(".mine.md.{}.0.tmp", std::process::id()));
    std::fs::write(&own, "being written").unwrap();
    let out = fulcrum_en()
        .args(["--rules", "tests/fixtures/packs/mini", "plan", "--answers"])
        .arg(&answers)
        .arg("--out-dir")
        .arg(&out_dir)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("would be written to the same file as") && err.contains("rename one of them"),
        "{err}"
    );
    assert!(!stale.exists(), "the stale temporary file is left");
    assert!(
        own.exists(),
        "a running process's temporary file was removed"
    );
}

/// A folder with one good answers file and, named `*.toml`, a link to nothing, a link to
/// itself and a named pipe.
#[cfg(unix)]
fn folder_with_entries_that_are_not_files(dir: &std::path::Path) -> std::path::PathBuf {
    let folder = answers_folder(dir, 1);
    std::os::unix::fs::symlink(folder.join("gone"), folder.join("dangling.toml")).unwrap();
    std::os::unix::fs::symlink(folder.join("loop.toml"), folder.join("loop.toml")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(folder.join("pipe.toml"))
        .status()
        .unwrap();
    assert!(fifo.success());
    folder
}

#[cfg(unix)]
#[test]
fn entries_of_answers_folders_that_are_not_files_are_reported_each() {
    let dir = tempfile::tempdir().unwrap();
    let answers = folder_with_entries_that_are_not_files(dir.path());
    let run = |lang: &str, args: &[&str]| {
        common::fulcrum()
            .args(["--lang", lang, "--rules", "tests/fixtures/packs/mini"])
            .args(args)
            .arg(&answers)
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap()
    };
    let plans = dir.path().join("plans");
    let out = run(
        "en",
        &["plan", "--out-dir", plans.to_str().unwrap(), "--answers"],
    );
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (name, what) in [
        ("dangling.toml", "is a symbolic link to nothing"),
        ("loop.toml", "is a symbolic link that loops back on itself"),
        ("pipe.toml", "is a named pipe (FIFO)"),
    ] {
        let line = format!(
            "warning: `{}` {what}, not an answers file: no plan written",
            answers.join(name).display()
        );
        assert!(err.contains(&line), "{line}\n{err}");
    }
    assert!(err.contains("3 of 4 answers file(s) failed."), "{err}");
    assert!(plans.join("a000.md").exists() || plans.join("a000.txt").exists());

    let out = run("zh", &["workshop", "summary", "--format", "json"]);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for what in [
        "指向不存在文件的符号链接",
        "循环的符号链接",
        "命名管道（FIFO）",
    ] {
        assert!(err.contains(what), "{what}\n{err}");
    }
    assert!(err.contains("不是答案文件：未计入汇总"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(json["participants"].as_array().unwrap().len(), 1);
    assert_eq!(json["failed"].as_array().unwrap().len(), 3, "{json}");
}

#[cfg(unix)]
#[test]
fn entries_of_rules_folders_that_are_not_files_are_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let pack = folder_with_entries_that_are_not_files(dir.path());
    // The folder becomes the mini pack: its answers file is replaced by the pack file.
    std::fs::remove_file(pack.join("a000.toml")).unwrap();
    std::fs::copy(
        common::path("tests/fixtures/packs/mini/pack.toml"),
        pack.join("pack.toml"),
    )
    .unwrap();
    let run = |lang: &str, command: &[&str]| {
        common::fulcrum()
            .args(["--lang", lang, "--rules"])
            .arg(&pack)
            .args(command)
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap()
    };
    let out = run("en", &["rules", "list"]);
    let err = stderr_of(&out);
    // A warning: the pack loads, and the command succeeds.
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(stdout_of(&out).contains("mini"));
    assert_eq!(err.matches("P016").count(), 3, "{err}");
    let pipe = format!(
        "`{}` is a named pipe (FIFO), not a pack file: skipped",
        pack.join("pipe.toml").display()
    );
    assert!(err.contains(&pipe), "{err}");
    // Lint counts them as warnings: findings.
    let out = run("zh", &["rules", "lint"]);
    let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("指向不存在文件的符号链接，不是规则包文件：已跳过"),
        "{text}"
    );
}

#[test]
fn start_dates_only_in_the_documented_form() {
    for (lang, expected) in [
        (
            "en",
            "--start takes a date as YYYY-MM-DD, such as 2026-01-05, not `",
        ),
        (
            "zh",
            "--start 需要 YYYY-MM-DD 格式的日期（如 2026-01-05），实际是 `",
        ),
    ] {
        for start in ["20260105", "2026-01-05T00:00", "2026-1-5", "+2026-01-05"] {
            let out = common::with_mini()
                .args(["--lang", lang, "plan", "--answers"])
                .arg("tests/fixtures/answers-mini-urgent.toml")
                .args(["--start", start])
                .output()
                .unwrap();
            let err = stderr_of(&out);
            assert_eq!(out.status.code(), Some(2), "{start}: {err}");
            assert!(err.contains(&format!("{expected}{start}`")), "{err}");
            assert!(out.stdout.is_empty());
        }
    }
    let out = common::with_mini()
        .args([
            "plan",
            "--answers",
            "tests/fixtures/answers-mini-urgent.toml",
        ])
        .args(["--start", "2026-01-05"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
}
