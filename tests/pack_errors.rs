//! Broken rule packs: located messages and the invalid-pack exit code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fulcrum, path, stderr_of};

fn list_with(pack: &str, lang: &str) -> std::process::Output {
    fulcrum()
        .args(["--lang", lang, "--rules"])
        .arg(path(pack))
        .args(["rules", "list"])
        .output()
        .unwrap()
}

#[test]
fn a_condition_error_points_at_the_column_of_the_bad_token() {
    let out = list_with("tests/fixtures/bad-packs/cond-error", "en");
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(
        err.contains("error[C002]: unknown question or derived fact `lod`"),
        "{err}"
    );
    // `when = "urgency is high or (troubled and lod >= 2)"`: `lod` starts at column 42.
    assert!(err.contains("cond-error/pack.toml:157:42"), "{err}");
    assert!(err.contains("^^^ not defined"), "{err}");
    assert!(err.contains("did you mean `load`?"), "{err}");
}

#[test]
fn unknown_keys_suggest_the_right_one() {
    let out = list_with("tests/fixtures/bad-packs/unknown-key", "en");
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(
        err.contains("error[P001]: invalid TOML: unknown field `max_len`"),
        "{err}"
    );
    assert!(err.contains("unknown-key/pack.toml:40:1"), "{err}");
    assert!(err.contains("did you mean `max_length`?"), "{err}");
}

#[test]
fn pack_errors_are_bilingual() {
    let out = list_with("tests/fixtures/bad-packs/cond-error", "zh");
    let err = stderr_of(&out);
    assert!(
        err.contains("错误[C002]：未知的问题或派生事实 `lod`"),
        "{err}"
    );
    assert!(err.contains("规则包有 1 个错误"), "{err}");
}

#[test]
fn rules_list_shows_where_packs_come_from() {
    let out = fulcrum()
        .arg("--rules")
        .arg(path("tests/fixtures/packs/mini"))
        .args(["rules", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("community-depend") && text.contains("built-in"),
        "{text}"
    );
    assert!(
        text.contains("mini") && text.contains("tests/fixtures/packs/mini"),
        "{text}"
    );
}

#[test]
fn a_missing_rules_path_is_reported() {
    let out = fulcrum()
        .args(["--rules", "no/such/dir", "rules", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr_of(&out).contains("rules path `no/such/dir` does not exist"));
}
