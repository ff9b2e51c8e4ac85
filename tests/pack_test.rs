//! `fulcrum rules test` on the real binary.

use crate::common::{fulcrum, fulcrum_en};

#[test]
fn the_built_in_transcript_scenarios_pass_and_fire_every_rule() {
    let out = fulcrum_en()
        .args(["rules", "test", "community-dependence"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("pack `community-dependence`: 32 test(s)\n  ok    nanhu-street\n"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("FAIL") && !stdout.contains("no test fires"),
        "{stdout}"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "32 passed, 0 failed\n"
    );
}

#[test]
fn failures_are_located_at_the_expectation_and_unfired_rules_listed() {
    let out = fulcrum_en()
        .args([
            "--rules",
            "tests/fixtures/packtest/failing",
            "rules",
            "test",
            "failing",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "pack `failing`: 2 test(s)\n  ok    passes\n  FAIL  fails\n  rules no test fires (1): `huge`\n"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "error[T002]: test `fails`: `now.red` is not in the plan\n  --> tests/fixtures/packtest/failing/pack.toml:81:19",
        "error[T003]: test `fails`: `now.base` should not be in the plan\n  --> tests/fixtures/packtest/failing/pack.toml:82:18",
        "= help: given by: base",
        "error[T005]: test `fails`: no caution from rule `huge`\n  --> tests/fixtures/packtest/failing/pack.toml:83:20",
        "1 passed, 1 failed\n",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in\n{stderr}"
        );
    }
}

#[test]
fn results_are_in_chinese_under_lang_zh() {
    let out = fulcrum()
        .args([
            "--lang",
            "zh",
            "--rules",
            "tests/fixtures/packtest/failing",
            "rules",
            "test",
            "failing",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "规则包 `failing`：2 个测试\n  通过  passes\n  失败  fails\n  没有测试触发的规则（1）：`huge`\n"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.ends_with("1 个通过，1 个失败\n"), "{stderr}");
}

#[test]
fn an_unknown_pack_is_a_usage_error() {
    fulcrum_en()
        .args(["rules", "test", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no pack `nope` is loaded"));
    fulcrum()
        .args(["--lang", "zh", "rules", "test", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with("错误：没有规则包 `nope`"));
}

#[test]
fn an_invalid_pack_exits_three() {
    fulcrum_en()
        .args([
            "--rules",
            "tests/fixtures/lint/L008-empty-text",
            "--rules",
            "tests/fixtures/lint/P003-unknown-speaker",
            "rules",
            "test",
        ])
        .assert()
        .code(3);
}

#[test]
fn a_path_where_a_pack_id_belongs_gets_a_hint_to_use_rules() {
    let out = fulcrum_en()
        .args(["rules", "test", "./rules/community-dependence"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("looks like a path: load a pack folder or file with --rules"),
        "{err}"
    );
    let out = fulcrum_en()
        .args(["rules", "test", "community-dependenc"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("did you mean `community-dependence`?"),
        "{err}"
    );
}

/// The mini pack with `test` added, in a folder of its own, and the line of the added text
/// that starts with `marker`.
fn mini_with_test(test: &str, marker: &str) -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string("tests/fixtures/packs/mini/pack.toml").unwrap();
    let text = format!("{pack}\n{test}");
    std::fs::write(dir.path().join("pack.toml"), &text).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let line = lines.iter().rposition(|l| l.starts_with(marker)).unwrap() + 1;
    (dir, line)
}

#[test]
fn an_expected_value_a_derived_fact_does_not_have_gets_a_did_you_mean() {
    let (dir, line) = mini_with_test(
        "[[test]]\nid = \"typo\"\nexpect_derived = { urgency = \"hgh\" }\n\n[test.answers]\nfocus = \"care\"\nmonths_left = 12\nwho = [\"residents\"]\ntroubled = false\n",
        "expect_derived",
    );
    let out = fulcrum_en()
        .arg("--rules")
        .arg(dir.path())
        .args(["rules", "test", "mini"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("error[T004]: test `typo`: `urgency` is \"low\", expected \"hgh\""),
        "{err}"
    );
    // The value is underlined, not the key.
    assert!(err.contains(&format!("pack.toml:{line}:30")), "{err}");
    assert!(
        err.contains("= help: `urgency` has no value `hgh`; did you mean `high`?"),
        "{err}"
    );
}

#[test]
fn missing_answers_of_a_test_point_at_its_answers_table_with_advice_for_a_test() {
    let (dir, line) = mini_with_test(
        "[[test]]\nid = \"short\"\nexpect_present = []\n\n[test.answers]\nfocus = \"care\"\nmonths_left = 12\n",
        "[test.answers]",
    );
    for (lang, expected) in [
        (
            "en",
            [
                "error[T001]: invalid answers in test `short`: missing answers to 2 required question(s)",
                "^ these answers",
                "= help: add the missing answers to this test's `answers`",
            ],
        ),
        (
            "zh",
            [
                "错误[T001]：测试 `short` 的答案无效：缺少 2 个必答问题的答案",
                "^ 这组答案",
                "= 提示：在这个测试的 answers 中补上缺少的回答",
            ],
        ),
    ] {
        let out = fulcrum()
            .args(["--lang", lang, "--rules"])
            .arg(dir.path())
            .args(["rules", "test", "mini"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("pack.toml:{line}:1")), "{err}");
        for part in expected {
            assert!(err.contains(part), "{part:?} not in\n{err}");
        }
        // The advice of an answers file (`fulcrum run --answers`) does not fit a test.
        assert!(!err.contains("fulcrum run"), "{err}");
    }
}
