//! The bad-input corpus: rule packs and answers files that people get wrong, each with the exit
//! code and the words fulcrum must answer with. No case may panic, print a plan, or leave a
//! message without the file's name.

use std::path::Path;

use crate::common::{fulcrum, path, stderr_of, stdout_of};
use fulcrum::terminal::is_unsafe;
use serde::Deserialize;

#[derive(Deserialize)]
struct Manifest {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    kind: String,
    exit: i32,
    contains: Vec<String>,
}

fn run(kind: &str, file: &Path) -> std::process::Output {
    let mut cmd = fulcrum();
    cmd.args(["--lang", "en"]);
    if kind == "pack" {
        cmd.arg("--rules")
            .arg(file.parent().unwrap())
            .args(["rules", "list"]);
    } else {
        cmd.args([
            "--rules",
            "tests/fixtures/packs/mini",
            "plan",
            "--pack",
            "mini",
            "--answers",
        ])
        .arg(file);
    }
    cmd.output().unwrap()
}

fn check(kind: &str, file: &Path, exit: i32, contains: &[&str]) {
    let out = run(kind, file);
    let err = stderr_of(&out);
    let shown = file.display().to_string();
    assert_eq!(
        out.status.code(),
        Some(exit),
        "{shown}: exit code; stderr:\n{err}"
    );
    assert!(
        out.stdout.is_empty() || kind == "pack",
        "{shown}: printed a plan"
    );
    assert!(!err.contains("internal error"), "{shown}: panicked:\n{err}");
    assert!(
        !err.chars().chain(stdout_of(&out).chars()).any(is_unsafe),
        "{shown}: a control character or escape sequence reached the terminal:\n{err:?}"
    );
    assert!(
        err.contains(file.file_name().unwrap().to_str().unwrap()),
        "{shown}: file not named:\n{err}"
    );
    for needle in contains {
        assert!(
            err.contains(needle),
            "{shown}: missing {needle:?} in:\n{err}"
        );
    }
}

#[test]
fn every_corpus_case_fails_cleanly_with_its_message() {
    let manifest: Manifest =
        toml::from_str(&std::fs::read_to_string(path("tests/corpus/cases.toml")).unwrap()).unwrap();
    assert!(manifest.case.len() >= 40, "{} cases", manifest.case.len());
    for case in &manifest.case {
        let file = path(&format!("tests/corpus/{}", case.file));
        let contains: Vec<&str> = case.contains.iter().map(String::as_str).collect();
        check(&case.kind, &file, case.exit, &contains);
        // Located problems name the line and column.
        let err = stderr_of(&run(&case.kind, &file));
        let located = err.lines().any(|l| l.trim_start().starts_with("-->"));
        let unlocated_codes = ["A007", "P008", "P010"];
        assert!(
            located || unlocated_codes.iter().any(|c| err.contains(c)),
            "{}: no location in:\n{err}",
            case.file
        );
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn binary_and_oversized_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bad_utf8 = write(
        dir.path(),
        "latin1.toml",
        b"pack = \"mini\"\n[answers]\norg_name = \"caf\xe9\"\n",
    );
    check("answers", &bad_utf8, 4, &["not UTF-8 text (at byte 39)"]);
    let nul = write(dir.path(), "nul.toml", b"pack = \"mini\"\n\0[answers]\n");
    check("answers", &nul, 4, &["A001"]);
    let big = dir.path().join("big.toml");
    let mut text = String::from("pack = \"mini\"\n[answers]\n");
    text.push_str(&"# padding\n".repeat(1_100_000));
    std::fs::write(&big, text).unwrap();
    check("answers", &big, 4, &["more than the limit of 4194304"]);
    let pack_dir = dir.path().join("bin-pack");
    std::fs::create_dir(&pack_dir).unwrap();
    let bin = write(&pack_dir, "pack.toml", b"\xff\xfe[pack]\n");
    check("pack", &bin, 3, &["P010", "not UTF-8"]);
}

#[test]
fn byte_order_marks_and_crlf_line_ends_are_fine() {
    let dir = tempfile::tempdir().unwrap();
    let original =
        std::fs::read_to_string(path("tests/fixtures/answers-mini-urgent.toml")).unwrap();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(original.replace('\n', "\r\n").into_bytes());
    let file = write(dir.path(), "bom-crlf.toml", &bytes);
    let out = fulcrum()
        .args([
            "--rules",
            "tests/fixtures/packs/mini",
            "plan",
            "--format",
            "json",
            "--answers",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["organization"], "Lakeside Care");
}

#[test]
fn errors_in_crlf_files_keep_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "crlf.toml",
        b"pack = \"mini\"\r\n[answers]\r\nfocus = \"nursing\"\r\n",
    );
    check("answers", &file, 4, &["crlf.toml:3:9"]);
}

#[test]
fn long_chains_of_derived_facts_are_refused_not_overflowed() {
    let dir = tempfile::tempdir().unwrap();
    let pack_dir = dir.path().join("chain");
    std::fs::create_dir(&pack_dir).unwrap();
    let mut text = std::fs::read_to_string(path("tests/fixtures/packs/mini/pack.toml")).unwrap();
    for i in 0..20_000 {
        let source = if i == 0 {
            "who".to_string()
        } else {
            format!("d{}", i - 1)
        };
        text.push_str(&format!(
            "\n[[derived]]\nid = \"d{i}\"\nlabel = \"d\"\nsum = [\"{source}\"]\n"
        ));
    }
    let file = write(&pack_dir, "pack.toml", text.as_bytes());
    check("pack", &file, 3, &["P006", "more than 32 derived facts"]);
}
