//! Broken rule packs: located messages and the invalid-pack exit code.

use crate::common;

use crate::common::{fulcrum, path, stderr_of};

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
fn rules_list_names_the_built_in_source_in_chinese() {
    let out = fulcrum()
        .args(["--lang", "zh", "rules", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("来源") && text.contains("内置"), "{text}");
    assert!(!text.contains("built-in"), "{text}");
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

#[test]
fn known_names_are_listed_in_the_same_order_on_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string(path("tests/fixtures/packs/mini/pack.toml")).unwrap();
    let broken = pack.replacen("{org_name}先看清", "{xyzzy}先看清", 1);
    assert_ne!(broken, pack);
    std::fs::write(dir.path().join("pack.toml"), broken).unwrap();
    let run = || {
        let out = fulcrum()
            .args(["--lang", "en", "--rules"])
            .arg(dir.path())
            .args(["rules", "list"])
            .env("FULCRUM_NO_CACHE", "1")
            .output()
            .unwrap();
        stderr_of(&out)
    };
    let err = run();
    assert!(
        err.contains(
            "help: known: `can_extend`, `focus`, `load`, `months_left`, `org_name`, `troubled`, `urgency`, `who`"
        ),
        "{err}"
    );
    for _ in 0..3 {
        assert_eq!(run(), err);
    }
}

#[test]
fn a_question_with_errors_is_reported_once_not_at_every_use() {
    // `troubled` has an unknown kind and is read by a condition; `months_left` has min > max
    // and is read by conditions, placeholders and the timeline.
    for (pack, only) in [
        (
            "tests/corpus/packs/bad-kind",
            "error[P019]: unknown question kind `boolean`",
        ),
        (
            "tests/corpus/packs/min-above-max",
            "error[P007]: `min` is greater than `max` in `months_left`",
        ),
    ] {
        let out = list_with(pack, "en");
        assert_eq!(out.status.code(), Some(3));
        let err = stderr_of(&out);
        let headers: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
            .collect();
        assert_eq!(headers, [only], "{err}");
    }
}

/// The mini pack with `min = 0` written as `min = "500"`, in a temporary folder.
fn mini_with_quoted_number() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string(path("tests/fixtures/packs/mini/pack.toml")).unwrap();
    let broken = pack.replacen("\nmin = 0\n", "\nmin = \"500\"\n", 1);
    assert_ne!(pack, broken);
    std::fs::write(dir.path().join("pack.toml"), broken).unwrap();
    dir
}

#[test]
fn toml_errors_are_worded_in_chinese_with_a_fix() {
    let dir = mini_with_quoted_number();
    let out = list_with(dir.path().to_str().unwrap(), "zh");
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(
        err.contains("错误[P001]：类型不对：写的是字符串 \"500\"，应为整数"),
        "{err}"
    );
    assert!(err.contains("pack.toml:66:7"), "{err}");
    assert!(err.contains("= 提示：去掉引号：写成 `500`"), "{err}");
    assert!(
        !err.contains("invalid type") && !err.contains("i64"),
        "{err}"
    );

    let out = list_with(dir.path().to_str().unwrap(), "en");
    let err = stderr_of(&out);
    assert!(
        err.contains("error[P001]: invalid TOML: invalid type: string \"500\", expected i64"),
        "{err}"
    );
    assert!(
        err.contains("= help: drop the quotes: write `500`"),
        "{err}"
    );
}

#[test]
fn condition_syntax_errors_name_what_was_expected_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string(path("tests/fixtures/packs/mini/pack.toml")).unwrap();
    let broken = pack.replacen(
        "when = \"months_left < 6\"",
        "when = \"and months_left\"",
        1,
    );
    assert_ne!(pack, broken);
    std::fs::write(dir.path().join("pack.toml"), broken).unwrap();
    let out = list_with(dir.path().to_str().unwrap(), "zh");
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "错误[C001]：条件语法错误：此处应为问题或派生事实、`not` 或 `(`，实际是 `and`"
        ),
        "{err}"
    );
    assert!(
        err.contains("^^^ 应为问题或派生事实、`not` 或 `(`"),
        "{err}"
    );
}

#[test]
fn a_broken_pack_in_the_user_rules_folder_is_named_and_rules_list_still_lists() {
    let config = tempfile::tempdir().unwrap();
    let rules = config.path().join("fulcrum/rules/bad-kind");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::copy(
        path("tests/corpus/packs/bad-kind/pack.toml"),
        rules.join("pack.toml"),
    )
    .unwrap();
    let folder = config.path().join("fulcrum/rules").display().to_string();
    let run = |args: &[&str]| {
        fulcrum()
            .env("XDG_CONFIG_HOME", config.path())
            .args(["--lang", "en"])
            .args(args)
            .output()
            .unwrap()
    };
    let list = run(&["rules", "list"]);
    assert_eq!(list.status.code(), Some(3));
    let table = String::from_utf8(list.stdout.clone()).unwrap();
    assert!(table.contains("community-dependence"), "{table}");
    assert!(!table.contains("bad-kind"), "{table}");
    let err = stderr_of(&list);
    assert!(err.contains("error[P019]"), "{err}");
    assert!(
        err.contains(&format!("packs in `{folder}` are read at every start")),
        "{err}"
    );
    let plan = run(&["plan", "--answers", "examples/red-vest.en.toml"]);
    assert_eq!(plan.status.code(), Some(3));
    assert!(plan.stdout.is_empty());
    assert!(stderr_of(&plan).contains("move them out of that folder"));
}

/// The mini pack with `extra` appended to its one file, in a temporary folder.
fn mini_plus(extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string(path("tests/fixtures/packs/mini/pack.toml")).unwrap();
    std::fs::write(dir.path().join("pack.toml"), pack + extra).unwrap();
    dir
}

#[test]
fn review_questions_are_checked_like_rules() {
    let dir = mini_plus(
        r#"
[[review_question]]
id = "handed-over"
when = "troubld"
speaker = "bob"
text = { zh = "交出去了什么？", en = "What was handed over?" }

[[review_question]]
id = "handed-over"
speaker = "ann"
text = { zh = "还有什么？", en = "What else?" }
"#,
    );
    let out = list_with(dir.path().to_str().unwrap(), "en");
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("error[C002]"), "{err}");
    assert!(err.contains("did you mean `troubled`?"), "{err}");
    assert!(err.contains("error[P003]: unknown speaker `bob`"), "{err}");
    assert!(
        err.contains("error[P002]: duplicate review_question id `handed-over`"),
        "{err}"
    );
}

#[test]
fn a_well_formed_review_question_loads_and_is_listed_for_translators() {
    let dir = mini_plus(
        r#"
[[review_question]]
id = "handed-over"
when = "troubled"
speaker = "ann"
text = { zh = "交出去了什么？", en = "What was handed over?" }
help = { zh = "带上清单。", en = "Bring the list." }
"#,
    );
    let out = list_with(dir.path().to_str().unwrap(), "en");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let csv = fulcrum()
        .args(["--lang", "en", "--rules"])
        .arg(dir.path())
        .args(["rules", "export-texts", "mini"])
        .output()
        .unwrap();
    let csv = common::stdout_of(&csv);
    assert!(
        csv.contains("review_question.handed-over,text,交出去了什么？,What was handed over?"),
        "{csv}"
    );
    assert!(
        csv.contains("review_question.handed-over,help,带上清单。,Bring the list."),
        "{csv}"
    );
}
