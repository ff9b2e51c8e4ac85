//! Trainers' mistakes, second round (issue 15): each test makes a mistake a new trainer made
//! and checks what fulcrum says about it, in both languages.

use std::path::{Path, PathBuf};

use crate::common::{fulcrum, path, stderr_of, stdout_of};

/// The clean lint fixture copied into a temporary folder, with `from` replaced by `to`.
fn broken_pack(from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pack");
    std::fs::create_dir(&dir).unwrap();
    let text = std::fs::read_to_string(path("tests/fixtures/lint/clean/pack.toml")).unwrap();
    assert!(text.contains(from), "fixture has `{from}`");
    std::fs::write(dir.join("pack.toml"), text.replacen(from, to, 1)).unwrap();
    (tmp, dir)
}

/// `rules lint DIR` in `lang`: exit code, and standard output and error together.
fn lint(dir: &Path, lang: &str) -> (Option<i32>, String) {
    let out = fulcrum()
        .args(["--lang", lang, "rules", "lint"])
        .arg(dir)
        .output()
        .unwrap();
    (out.status.code(), stdout_of(&out) + &stderr_of(&out))
}

/// Lints in both languages and checks the location and that each language's words appear.
fn assert_lint_says(dir: &Path, at: &str, en: &[&str], zh: &[&str]) {
    for (lang, words) in [("en", en), ("zh", zh)] {
        let (code, err) = lint(dir, lang);
        assert_eq!(code, Some(3), "{err}");
        assert!(
            err.contains(at),
            "{lang}: expected location {at} in:\n{err}"
        );
        for word in words {
            assert!(err.contains(word), "{lang}: expected `{word}` in:\n{err}");
        }
    }
}

#[test]
fn a_missing_brace_is_reported_where_the_table_opens() {
    let (_tmp, dir) = broken_pack(
        "title = { zh = \"现在\", en = \"Now\" }",
        "title = { zh = \"现在\", en = \"Now\"",
    );
    assert_lint_says(
        &dir,
        "pack.toml:11:9",
        &[
            "the inline table that starts here is not closed with `}`",
            "help: end it with `}` on the same line",
            "noticed it only at line 13, column 1",
        ],
        &[
            "这里开始的内联表没有用 `}` 结束",
            "提示：在同一行末尾加上 `}`",
            "到第 13 行第 1 列才发现",
        ],
    );
}

#[test]
fn full_width_punctuation_is_named() {
    let (_tmp, dir) = broken_pack("\"现在\", en", "\"现在\"， en");
    assert_lint_says(
        &dir,
        "pack.toml:11:20",
        &[
            "full-width comma `，` outside quotes",
            "replace `，` with `,`",
        ],
        &["引号外有全角逗号 `，`", "把 `，` 换成 `,`"],
    );
    let (_tmp, dir) = broken_pack("min = 0", "min ： 0");
    assert_lint_says(
        &dir,
        "pack.toml:20:5",
        &[
            "full-width colon `：` outside quotes",
            "replace `：` with `=`",
        ],
        &["引号外有全角冒号 `：`", "把 `：` 换成 `=`"],
    );
}

#[test]
fn an_unclosed_quote_in_an_inline_table_is_found() {
    let (_tmp, dir) = broken_pack("\"现在\", en", "\"现在, en");
    assert_lint_says(
        &dir,
        "pack.toml:11:16",
        &[
            "the text that starts at this quote is not closed",
            "add the closing `\"` after `现在`",
        ],
        &[
            "这个引号开始的文字没有结束的引号",
            "在 `现在` 后面加上结束的 `\"`",
        ],
    );
}

#[test]
fn one_bracket_for_rule_says_to_use_two() {
    let (_tmp, dir) = broken_pack("[[rule]]\nid = \"red\"", "[rule]\nid = \"red\"");
    assert_lint_says(
        &dir,
        "pack.toml:51:1",
        &[
            "`[rule]` has one pair of brackets where `[[rule]]` needs two",
            "write `[[rule]]`, with two brackets, for each one",
        ],
        &["应为 `[[rule]]`", "每一项都写成 `[[rule]]`（两层方括号）"],
    );
    for lang in ["en", "zh"] {
        assert!(!lint(&dir, lang).1.contains("remove the extra one"));
    }
}

#[test]
fn an_answers_file_in_a_rules_folder_is_skipped_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mini");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir(path("tests/fixtures/packs/mini")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    std::fs::copy(
        path("tests/fixtures/answers-mini-urgent.toml"),
        dir.join("fulcrum-answers-2026-01-05.toml"),
    )
    .unwrap();
    for (lang, words) in [
        (
            "en",
            [
                "warning[P015]",
                "fulcrum-answers-2026-01-05.toml` is an answers file, not a pack file: skipped",
                "help: keep rules folders for packs only: move the answers file elsewhere",
            ],
        ),
        (
            "zh",
            [
                "警告[P015]",
                "fulcrum-answers-2026-01-05.toml` 是答案文件，不是规则包文件：已跳过",
                "提示：规则文件夹只放规则包：把答案文件移到别处",
            ],
        ),
    ] {
        // The pack still loads: the plan is made, with the warning on the side.
        let out = fulcrum()
            .args(["--lang", lang, "--rules"])
            .arg(&dir)
            .args(["plan", "--start", "2026-01-05", "--answers"])
            .arg(path("tests/fixtures/answers-mini-urgent.toml"))
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(0), "{err}");
        for word in words {
            assert!(err.contains(word), "{lang}: expected `{word}` in:\n{err}");
        }
        assert!(!err.contains("unknown field"), "{err}");
        // Lint reports it as a warning (exit 1), not an error (exit 3).
        let (code, all) = lint(&dir, lang);
        assert_eq!(code, Some(1), "{all}");
        assert!(all.contains("P015"), "{all}");
    }
}
