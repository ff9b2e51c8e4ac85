//! `fulcrum rules lint` on the real binary: one bad pack per code, the built-in pack, and a
//! mutated built-in pack whose counterexample really shows an empty phase.

use crate::common::{fulcrum, fulcrum_en};

use std::path::Path;

use serde_json::Value;

/// Lints `path` as JSON; returns the findings and the exit code.
fn lint_json(path: &Path) -> (Vec<Value>, i32) {
    let out = fulcrum_en()
        .args(["rules", "lint", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let findings: Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        findings.as_array().unwrap().clone(),
        out.status.code().unwrap(),
    )
}

struct Case {
    dir: &'static str,
    code: &'static str,
    message: &'static str,
    file: &'static str,
    line: u64,
    column: u64,
    exit: i32,
    /// Lines the counterexample answers file must hold.
    example: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        dir: "P001-unknown-key",
        code: "P001",
        message: "unknown field `promt`",
        file: "pack.toml",
        line: 22,
        column: 1,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "P002-duplicate-id",
        code: "P002",
        message: "duplicate question id `size`",
        file: "pack.toml",
        line: 18,
        column: 6,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "P003-unknown-speaker",
        code: "P003",
        message: "unknown speaker `bob`",
        file: "pack.toml",
        line: 45,
        column: 11,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "P004-missing-language",
        code: "P004",
        message: "text missing in: en",
        file: "pack.toml",
        line: 23,
        column: 8,
        exit: 1,
        example: &[],
    },
    Case {
        dir: "P005-unknown-placeholder",
        code: "P005",
        message: "unknown placeholder `{sise}`",
        file: "pack.toml",
        line: 48,
        column: 35,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "P006-cycle",
        code: "P006",
        message: "a → b → a",
        file: "pack.toml",
        line: 64,
        column: 1,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "P007-bad-range",
        code: "P007",
        message: "`min` is greater than `max` in `size`",
        file: "pack.toml",
        line: 20,
        column: 7,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "P008-two-packs",
        code: "P008",
        message: "exactly one [pack] table",
        file: "pack.toml",
        line: 2,
        column: 1,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "P009-reads-later",
        code: "P009",
        message: "reads `color`, which is asked later",
        file: "pack.toml",
        line: 20,
        column: 9,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "P011-control-character",
        code: "P011",
        message: "control character U+001B",
        file: "pack.toml",
        line: 49,
        column: 7,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "P014-rule-does-nothing",
        code: "P014",
        message: "rule `idle` has no action and no caution",
        file: "pack.toml",
        line: 65,
        column: 6,
        exit: 1,
        example: &[],
    },
    Case {
        dir: "C001-syntax",
        code: "C001",
        message: "unexpected character `=`",
        file: "pack.toml",
        line: 53,
        column: 15,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "C002-unknown-name",
        code: "C002",
        message: "unknown question or derived fact `colour`",
        file: "pack.toml",
        line: 53,
        column: 9,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "C003-unknown-option",
        code: "C003",
        message: "`color` has no option `green`",
        file: "pack.toml",
        line: 53,
        column: 18,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "C004-kind-mismatch",
        code: "C004",
        message: "does not fit `color`",
        file: "pack.toml",
        line: 53,
        column: 19,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "C005-too-deep",
        code: "C005",
        message: "nested deeper than",
        file: "pack.toml",
        line: 53,
        column: 74,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "L001-never-asked",
        code: "L001",
        message: "question `extra` can never hold",
        file: "pack.toml",
        line: 42,
        column: 9,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "L002-never-fires",
        code: "L002",
        message: "rule `impossible` can never fire",
        file: "pack.toml",
        line: 66,
        column: 9,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "L003-case-unreached",
        code: "L003",
        message: "(value `tiny`) is never the first to hold",
        file: "pack.toml",
        line: 61,
        column: 9,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "L004-no-case",
        code: "L004",
        message: "give `scale` no value",
        file: "pack.toml",
        line: 39,
        column: 1,
        exit: 1,
        example: &["size = 6"],
    },
    Case {
        dir: "L005-empty-phase",
        code: "L005",
        message: "leave phase `later` without any action",
        file: "pack.toml",
        line: 39,
        column: 1,
        exit: 3,
        example: &["color = \"blue\""],
    },
    Case {
        dir: "L006-overlap",
        code: "L006",
        message: "rules `small` and `big` of exclusive group `size` can fire together",
        file: "pack.toml",
        line: 80,
        column: 9,
        exit: 3,
        example: &["size = 4"],
    },
    Case {
        dir: "L007-unused-question",
        code: "L007",
        message: "reads question `mood`",
        file: "pack.toml",
        line: 39,
        column: 1,
        exit: 1,
        example: &[],
    },
    Case {
        dir: "L014-value-never-given",
        code: "L014",
        message: "no answer set gives `scale` the value `huge`",
        file: "pack.toml",
        line: 45,
        column: 1,
        exit: 3,
        example: &[],
    },
    Case {
        dir: "L013-single-language",
        code: "L013",
        message: "this text is a plain string",
        file: "pack.toml",
        line: 62,
        column: 7,
        exit: 1,
        example: &[],
    },
    Case {
        dir: "L008-empty-text",
        code: "L008",
        message: "question `mood` prompt (en) is empty",
        file: "pack.toml",
        line: 43,
        column: 25,
        exit: 3,
        example: &[],
    },
];

#[test]
fn empty_texts_are_named_in_chinese() {
    let out = fulcrum()
        .args(["--lang", "zh", "rules", "lint"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/L008-empty-text"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("错误[L008]：问题 `mood` 的 `prompt`（en）是空的"),
        "{text}"
    );
}

#[test]
fn every_code_is_reported_where_it_happens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint");
    for case in CASES {
        let (findings, exit) = lint_json(&root.join(case.dir));
        assert_eq!(exit, case.exit, "{}: exit code", case.dir);
        let finding = findings
            .iter()
            .find(|f| f["code"] == case.code)
            .unwrap_or_else(|| panic!("{}: no {} in {findings:#?}", case.dir, case.code));
        let message = finding["message"].as_str().unwrap();
        assert!(
            message.contains(case.message),
            "{}: message {message:?}",
            case.dir
        );
        let file = finding["file"].as_str().unwrap();
        assert!(
            file.ends_with(&format!("{}/{}", case.dir, case.file)),
            "{}: file {file}",
            case.dir
        );
        assert_eq!(
            (finding["line"].as_u64(), finding["column"].as_u64()),
            (Some(case.line), Some(case.column)),
            "{}: place",
            case.dir
        );
        let example = finding["counterexample"].as_str().unwrap_or("");
        for line in case.example {
            assert!(
                example.lines().any(|l| l == *line),
                "{}: counterexample lacks {line:?}:\n{example}",
                case.dir
            );
        }
        if !case.example.is_empty() {
            assert!(
                example.contains(&format!("pack = \"{}\"", case.dir.to_lowercase())),
                "{}",
                case.dir
            );
            assert!(
                example.contains("lang = \"en\"\n\n[answers]\n"),
                "{}",
                case.dir
            );
        }
    }
}

#[test]
fn budget_and_wide_sums_are_reported_as_not_fully_checked() {
    let (findings, exit) = lint_json(Path::new("tests/fixtures/lint/L009-not-checked"));
    assert_eq!(exit, 1);
    let finding = findings.iter().find(|f| f["code"] == "L009").unwrap();
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("not fully checked: `people (0..=100000)`, `load`")
    );
}

#[test]
fn a_clean_pack_exits_zero_and_says_so() {
    fulcrum_en()
        .args(["rules", "lint", "tests/fixtures/lint/clean"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("0 error(s), 0 warning(s)\n");
}

#[test]
fn text_output_underlines_the_line_and_prints_the_counterexample() {
    let out = fulcrum_en()
        .args(["rules", "lint", "tests/fixtures/lint/L006-overlap"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "error[L006]: rules `small` and `big` of exclusive group `size` can fire together"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("80 | when = \"size > 3\""), "{stdout}");
    assert!(stdout.contains("^^^^^^^^ overlaps `small`"), "{stdout}");
    assert!(stdout.contains("counterexample (save as an answers file and run `fulcrum plan --answers FILE`):\n# `small` and `big` both fire\n"), "{stdout}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "1 error(s), 0 warning(s)\n"
    );
}

#[test]
fn counterexamples_run_and_show_the_problem() {
    let (findings, _) = lint_json(Path::new("tests/fixtures/lint/L006-overlap"));
    let example = findings[0]["counterexample"].as_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    std::fs::write(&file, example).unwrap();
    let out = fulcrum_en()
        .args([
            "--rules",
            "tests/fixtures/lint/L006-overlap",
            "plan",
            "--format",
            "json",
            "--start",
            "2026-01-05",
            "--answers",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    let concepts: Vec<&str> = plan["phases"][0]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["concept"].as_str().unwrap())
        .collect();
    assert!(
        concepts.contains(&"now.small") && concepts.contains(&"now.big"),
        "{concepts:?}"
    );
}

#[test]
fn the_built_in_pack_lints_clean() {
    fulcrum_en()
        .args(["rules", "lint"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("0 error(s), 0 warning(s)\n");
}

#[test]
fn a_missing_path_is_an_error() {
    let (findings, exit) = lint_json(Path::new("tests/fixtures/lint/no-such-pack"));
    assert_eq!(exit, 3);
    assert_eq!(findings[0]["code"], "P010");
}

#[test]
fn removing_the_debrief_rules_leaves_review_empty_and_the_counterexample_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("community-dependence");
    std::fs::create_dir(&pack).unwrap();
    for entry in std::fs::read_dir("rules/community-dependence").unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.ends_with("60-review.toml") {
            // The rules that give every plan a review action: the debrief and the follow-up
            // (each in a handover and a partnership variant), written before the conditional
            // review rules.
            let start = text.find("[[rule]]\nid = \"review-debrief\"").unwrap();
            let end = text.find("# Spec v2 review.evaluation_link").unwrap();
            text.replace_range(start..end, "");
            assert!(!text.contains("review.debrief"));
            assert!(!text.contains("review.follow_up"));
        }
        std::fs::write(pack.join(path.file_name().unwrap()), text).unwrap();
    }
    let (findings, exit) = lint_json(&pack);
    assert_eq!(exit, 3);
    let finding = findings.iter().find(|f| f["code"] == "L005").unwrap();
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("phase `review`")
    );
    assert!(finding["file"].as_str().unwrap().ends_with("00-pack.toml"));
    let answers = dir.path().join("counterexample.toml");
    std::fs::write(&answers, finding["counterexample"].as_str().unwrap()).unwrap();
    let out = fulcrum_en()
        .arg("--rules")
        .arg(&pack)
        .args([
            "plan",
            "--format",
            "json",
            "--start",
            "2026-01-05",
            "--answers",
        ])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    let review = plan["phases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "review")
        .unwrap();
    assert_eq!(review["actions"].as_array().unwrap().len(), 0, "{review:#}");
    let others: usize = plan["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["actions"].as_array().unwrap().len())
        .sum();
    assert!(others > 0, "the other phases still have actions");
}

#[test]
fn an_empty_text_is_underlined_where_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let pack = std::fs::read_to_string("tests/fixtures/packs/mini/pack.toml").unwrap();
    let why = "why = { zh = \"看清才好行动。\", en = \"You act better when you see clearly.\" }";
    assert!(pack.contains(why));
    // One empty text written inline, one written as a table of its own.
    let broken = pack
        .replacen(why, "why = { zh = \"看清才好行动。\", en = \"  \" }", 1)
        .replacen(
            "[[rule.action]]\nphase = \"start\"\nconcept = \"start.look\"",
            "[[rule.action]]\nphase = \"start\"\nconcept = \"start.look\"\nowner.zh = \"\"\nowner.en = \"Lead\"",
            1,
        )
        .replacen("owner = { zh = \"负责人\", en = \"Lead\" }\npartners", "partners", 1);
    std::fs::write(dir.path().join("pack.toml"), &broken).unwrap();
    let line_of = |needle: &str| broken.lines().position(|l| l.starts_with(needle)).unwrap() + 1;
    let (findings, exit) = lint_json(dir.path());
    assert_eq!(exit, 3);
    let at = |message: &str| {
        let f = findings
            .iter()
            .find(|f| f["message"] == message)
            .unwrap_or_else(|| panic!("{message} not in {findings:#?}"));
        (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap())
    };
    // `why = { zh = "看清才好行动。", en = "  " }`: the `en` entry, in characters.
    assert_eq!(
        at("rule `always-start` action `start.look` why (en) is empty"),
        (
            line_of("why = { zh = \"看清才好行动。\", en = \"  \" }") as u64,
            25
        )
    );
    // A dotted key is not looked for: the action's header, three lines above, is shown.
    let header = line_of("owner.zh = \"\"") - 3;
    assert_eq!(
        at("rule `always-start` action `start.look` owner (zh) is empty"),
        (header as u64, 1)
    );
}
