//! The second pack in `examples/packs/` proves the format is general: summed scores,
//! first-match classification with a blocking value, cautions apart from actions, phases of its
//! own naming. It lints clean, its tests pass, and its example answers give the plans promised.

use crate::common::{assert_lint_clean, fulcrum, stderr_of, stdout_of};

const PACK: &str = "examples/packs/volunteer-burnout";

#[test]
fn the_burnout_pack_lints_clean_and_its_tests_pass() {
    assert_lint_clean(
        fulcrum().args(["--lang", "en", "--rules", PACK, "rules", "lint", PACK]),
        PACK,
    );

    let test = fulcrum()
        .args([
            "--lang",
            "en",
            "--rules",
            PACK,
            "rules",
            "test",
            "volunteer-burnout",
        ])
        .output()
        .unwrap();
    assert_eq!(test.status.code(), Some(0), "{}", stdout_of(&test));
    assert_eq!(
        stdout_of(&test),
        "pack `volunteer-burnout`: 4 test(s)\n  ok    stretched-team\n  ok    tiring-but-supported\n  ok    steady-team\n  ok    safety-concern-blocks\n"
    );
    assert_eq!(stderr_of(&test), "4 passed, 0 failed\n");
}

#[test]
fn a_stretched_team_gets_a_plan_in_the_packs_own_phases() {
    let out = fulcrum()
        .args([
            "--rules",
            PACK,
            "plan",
            "--start",
            "2026-01-05",
            "--width",
            "200",
        ])
        .args([
            "--answers",
            "examples/answers/volunteer-burnout/stretched.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let plan = stdout_of(&out);
    for expected in [
        "Volunteer team burnout check · Action plan",
        "Organization: Riverside food bank",
        "Cautions:\n  ! Burnout is not weakness: do not single out people who missed shifts.",
        "1. Pause and take stock",
        "2. Lighten the load",
        "3. Sustain",
    ] {
        assert!(plan.contains(expected), "missing `{expected}` in\n{plan}");
    }
    assert!(!plan.contains("Plan stopped"), "{plan}");

    let json = fulcrum()
        .args([
            "--rules",
            PACK,
            "plan",
            "-f",
            "json",
            "--start",
            "2026-01-05",
        ])
        .args([
            "--answers",
            "examples/answers/volunteer-burnout/stretched.toml",
        ])
        .output()
        .unwrap();
    let plan: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(plan["blocked"].is_null());
    let derived: Vec<(String, String)> = plan["derived"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().into(),
                d["display"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        derived,
        [
            ("strain".into(), "10".into()),
            ("risk".into(), "high".into())
        ]
    );
    let concepts: Vec<(&str, Vec<&str>)> = plan["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let actions = p["actions"].as_array().unwrap();
            (
                p["id"].as_str().unwrap(),
                actions
                    .iter()
                    .map(|a| a["concept"].as_str().unwrap())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        concepts,
        [
            ("pause", vec!["pause.one_to_one", "pause.listening_session"]),
            (
                "lighten",
                vec![
                    "lighten.cut_activities",
                    "lighten.recruit",
                    "lighten.listener"
                ]
            ),
            ("sustain", vec!["sustain.recognition", "sustain.recheck"]),
        ]
    );
    let cautions: Vec<&str> = plan["cautions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap())
        .collect();
    assert_eq!(cautions, ["no-blame", "lighten-cut"]);
}

#[test]
fn a_safety_concern_blocks_the_plan_and_shows_only_cautions_and_the_reason() {
    let out = fulcrum()
        .args([
            "--rules",
            PACK,
            "plan",
            "--start",
            "2026-01-05",
            "--width",
            "200",
        ])
        .args([
            "--answers",
            "examples/answers/volunteer-burnout/safety-concern.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let plan = stdout_of(&out);
    assert!(plan.contains("| 倦怠风险 "), "{plan}");
    assert!(plan.contains("| 需要先处理安全问题 "), "{plan}");
    assert!(
        plan.contains("注意：\n  ! 不要把这件事当作团队管理问题来处理，也不要在群里讨论当事人。（示例规则包作者）"),
        "{plan}"
    );
    assert!(
        plan.contains("计划暂停：有志愿者的身心安全需要马上关注。"),
        "{plan}"
    );
    for phase in ["停下来盘点", "减负\n", "长效维护"] {
        assert!(
            !plan.contains(phase),
            "`{phase}` shown in a blocked plan:\n{plan}"
        );
    }

    let json = fulcrum()
        .args([
            "--rules",
            PACK,
            "plan",
            "-f",
            "json",
            "--start",
            "2026-01-05",
        ])
        .args([
            "--answers",
            "examples/answers/volunteer-burnout/safety-concern.toml",
        ])
        .output()
        .unwrap();
    let plan: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        plan["blocked"]
            .as_str()
            .unwrap()
            .starts_with("有志愿者的身心安全")
    );
    assert_eq!(plan["cautions"][0]["rule"], "safety-first");
    assert_eq!(plan["cautions"].as_array().unwrap().len(), 1);
    let phases = plan["phases"].as_array().unwrap();
    assert_eq!(
        phases
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["pause", "lighten", "sustain"]
    );
    assert!(
        phases
            .iter()
            .all(|p| p["actions"].as_array().unwrap().is_empty())
    );
}

#[test]
fn a_file_in_examples_extend_adds_a_question_a_rule_and_a_test_to_the_built_in_pack() {
    const EXTEND: &str = "examples/extend";
    assert_lint_clean(
        fulcrum().args(["--lang", "en", "--rules", EXTEND, "rules", "lint", EXTEND]),
        EXTEND,
    );

    let test = fulcrum()
        .args([
            "--lang",
            "en",
            "--rules",
            EXTEND,
            "rules",
            "test",
            "community-dependence",
        ])
        .output()
        .unwrap();
    assert_eq!(test.status.code(), Some(0), "{}", stdout_of(&test));
    let report = stdout_of(&test);
    assert!(
        report.starts_with("pack `community-dependence`: 34 test(s)\n"),
        "{report}"
    );
    assert!(
        report
            .ends_with("  ok    community-fund-handover\n  ok    community-fund-needs-residents\n"),
        "{report}"
    );
    assert_eq!(stderr_of(&test), "34 passed, 0 failed\n");

    let list = fulcrum()
        .args(["--lang", "en", "--rules", EXTEND, "rules", "list"])
        .output()
        .unwrap();
    assert!(
        stdout_of(&list).contains("| built-in + examples/extend |"),
        "{}",
        stdout_of(&list)
    );

    let answers = "examples/answers/community-fund.toml";
    let plan = fulcrum()
        .args([
            "--rules",
            EXTEND,
            "plan",
            "-f",
            "json",
            "--start",
            "2026-01-05",
            "--answers",
            answers,
        ])
        .output()
        .unwrap();
    assert_eq!(plan.status.code(), Some(0), "{}", stderr_of(&plan));
    let plan: serde_json::Value = serde_json::from_slice(&plan.stdout).unwrap();
    let handover: Vec<&serde_json::Value> = plan["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["actions"].as_array().unwrap())
        .filter(|a| a["concept"] == "resolve.community_fund_handover")
        .collect();
    assert_eq!(handover.len(), 1);
    assert_eq!(handover[0]["phase"], "resolve");
    assert_eq!(handover[0]["speaker"], "local-trainer");
    assert_eq!(
        handover[0]["text"],
        "陪居民骨干申请社区基金，把花园社区营造中心现在做的服务交给他们的自组织接着做。"
    );

    // Without the extension the same answers name a question the pack does not have.
    let plain = fulcrum()
        .args(["--lang", "en", "plan", "--answers", answers])
        .output()
        .unwrap();
    assert_eq!(plain.status.code(), Some(4));
    assert!(
        stderr_of(&plain).contains("pack `community-dependence` has no question `community_fund`")
    );
}

#[test]
fn a_folder_defining_the_built_in_pack_again_is_listed_as_replacing_it() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("community-dependence");
    std::fs::create_dir(&copy).unwrap();
    for file in std::fs::read_dir(crate::common::path("rules/community-dependence")).unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(&file, copy.join(file.file_name().unwrap())).unwrap();
    }
    for (lang, from) in [
        (
            "en",
            format!("{} (replaces built-in) + examples/extend", copy.display()),
        ),
        (
            "zh",
            format!("{}（替换内置） + examples/extend", copy.display()),
        ),
    ] {
        let list = fulcrum()
            .args(["--lang", lang, "--rules"])
            .arg(&copy)
            .args(["--rules", "examples/extend", "rules", "list"])
            .output()
            .unwrap();
        assert!(list.status.success(), "{}", stderr_of(&list));
        let table = stdout_of(&list);
        assert!(table.contains(&from), "{from} not in\n{table}");
        assert!(
            !table.contains("| built-in") && !table.contains("| 内置"),
            "{table}"
        );
    }
}
