//! Proof-reading and translating a pack (issue 15, point 6): `rules show --texts` side by side
//! and as Markdown, and the CSV round trip of `rules export-texts` / `rules import-texts`,
//! which refuses a file whose ids no longer match.

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::{fulcrum, stderr_of, stdout_of};

/// A starter pack `demo` in a temporary folder; returns the folder and the pack's folder.
fn starter() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = fulcrum()
        .current_dir(tmp.path())
        .args(["--lang", "en", "rules", "new", "demo", "--dir", "p"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let dir = tmp.path().join("p/demo");
    (tmp, dir)
}

/// `fulcrum --lang LANG --rules DIR ARGS…`.
fn run(dir: &Path, lang: &str, args: &[&str]) -> std::process::Output {
    fulcrum()
        .args(["--lang", lang, "--rules"])
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn show_texts_puts_both_languages_side_by_side_with_phase_and_window() {
    let (_tmp, dir) = starter();
    let out = run(&dir, "en", &["rules", "show", "demo", "--texts"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(
        text.starts_with("Every text of New pack (demo 0.1.0)"),
        "{text}"
    );
    let row = text
        .lines()
        .find(|l| l.contains("| phase.prepare") && l.contains("| title"))
        .unwrap();
    assert!(row.contains("| 准备") && row.contains("| Prepare"), "{row}");
    let owner = text
        .lines()
        .find(|l| l.contains("rule.prepare-share-work.prepare.share_work") && l.contains("| owner"))
        .unwrap();
    assert!(owner.contains("(phase prepare [0, 0.25])"), "{owner}");
    assert!(
        owner.contains("负责人") && owner.contains("The lead"),
        "{owner}"
    );
    assert!(text.contains("| indicator"), "{text}");

    let zh = stdout_of(&run(&dir, "zh", &["rules", "show", "demo", "--texts"]));
    assert!(zh.starts_with("新规则包（demo 0.1.0）的全部文字"), "{zh}");
    assert!(
        zh.contains("（阶段 prepare [0, 0.25]）") || zh.contains("(阶段 prepare [0, 0.25])"),
        "{zh}"
    );

    let md = stdout_of(&run(
        &dir,
        "en",
        &["rules", "show", "demo", "--texts", "--markdown"],
    ));
    assert!(
        md.starts_with(
            "# Every text of New pack (demo 0.1.0)\n\n| id | field | zh | en |\n|---|---|---|---|\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("| phase.prepare | title | 准备 | Prepare |"),
        "{md}"
    );
}

#[test]
fn texts_go_out_as_csv_and_come_back_into_the_pack_files() {
    let (tmp, dir) = starter();
    let csv = tmp.path().join("texts.csv");
    let out = run(&dir, "en", &["rules", "export-texts", "demo", "-o"]);
    assert_eq!(out.status.code(), Some(2), "-o needs a file");
    let out = fulcrum()
        .args(["--lang", "en", "--rules"])
        .arg(&dir)
        .args(["rules", "export-texts", "demo", "-o"])
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let exported = std::fs::read_to_string(&csv).unwrap();
    assert!(
        exported.starts_with("id,field,zh,en\npack,title,新规则包,New pack\n"),
        "{exported}"
    );
    let stdout = stdout_of(&run(&dir, "en", &["rules", "export-texts", "demo"]));
    assert_eq!(stdout, exported);

    // A translator's changes, with a comma and quotes to survive the round trip.
    let changed = exported.replace(
        "phase.prepare,title,准备,Prepare",
        "phase.prepare,title,准备阶段,\"Get ready, \"\"now\"\"\"",
    );
    assert_ne!(changed, exported);
    std::fs::write(&csv, changed).unwrap();
    let out = fulcrum()
        .args(["--lang", "en", "--rules"])
        .arg(&dir)
        .args(["rules", "import-texts", "demo"])
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("imported 1 changed text(s)"));
    let pack = std::fs::read_to_string(dir.join("pack.toml")).unwrap();
    assert!(
        pack.contains("title = { zh = \"准备阶段\", en = \"Get ready, \\\"now\\\"\" }"),
        "{pack}"
    );
    common::assert_lint_clean(
        fulcrum()
            .args(["--lang", "en", "--rules"])
            .arg(&dir)
            .args(["rules", "lint"])
            .arg(&dir),
        "after import",
    );
    // Exported again, the file is what was imported.
    let again = stdout_of(&run(&dir, "en", &["rules", "export-texts", "demo"]));
    assert_eq!(again, std::fs::read_to_string(&csv).unwrap());
}

#[test]
fn a_csv_whose_ids_no_longer_match_is_refused_and_says_which() {
    let (tmp, dir) = starter();
    let csv = tmp.path().join("texts.csv");
    let exported = stdout_of(&run(&dir, "en", &["rules", "export-texts", "demo"]));
    std::fs::write(
        &csv,
        exported.replace("phase.prepare,title,", "phase.prep,title,"),
    )
    .unwrap();
    let before = std::fs::read_to_string(dir.join("pack.toml")).unwrap();
    for (lang, words) in [
        (
            "en",
            [
                "no longer matches the texts of pack `demo`; nothing was imported",
                "not in the pack: phase.prep title",
                "missing from the file: phase.prepare title",
            ],
        ),
        (
            "zh",
            [
                "与规则包 `demo` 的文字不再对应，什么都没有导入",
                "规则包中没有：phase.prep title",
                "文件中缺少：phase.prepare title",
            ],
        ),
    ] {
        let out = fulcrum()
            .args(["--lang", lang, "--rules"])
            .arg(&dir)
            .args(["rules", "import-texts", "demo"])
            .arg(&csv)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr_of(&out);
        for w in words {
            assert!(err.contains(w), "{lang}: no {w:?} in {err}");
        }
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("pack.toml")).unwrap(),
        before
    );
}
