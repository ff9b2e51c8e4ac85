//! Trainer tooling on the real binary: `rules new` scaffolds a pack that lints clean and passes
//! its own tests, `rules show` prints a pack as tables.

use crate::common;

use std::path::Path;

use crate::common::{assert_lint_clean, fulcrum, stderr_of, stdout_of};

fn scaffold(dir: &Path, id: &str, languages: &str) -> std::process::Output {
    fulcrum()
        .args([
            "--lang",
            "en",
            "rules",
            "new",
            id,
            "--languages",
            languages,
            "--dir",
        ])
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn rules_new_scaffolds_a_pack_that_lints_clean_and_passes_its_own_tests() {
    for languages in ["zh,en", "en", "zh"] {
        let tmp = tempfile::tempdir().unwrap();
        let out = scaffold(tmp.path(), "burnout", languages);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert!(stderr_of(&out).contains("rules test burnout"));
        let folder = tmp.path().join("burnout");
        let pack = std::fs::read_to_string(folder.join("pack.toml")).unwrap();
        assert!(pack.starts_with("#:schema pack.schema.json\n# Pack `burnout`"));
        let first = languages.split(',').next().unwrap();
        assert!(
            pack.contains(&format!("default_lang = \"{first}\"")),
            "{pack}"
        );
        assert_eq!(
            std::fs::read_to_string(folder.join("pack.schema.json")).unwrap(),
            std::fs::read_to_string(common::path("rules/pack.schema.json")).unwrap()
        );
        for section in [
            "[[question]]",
            "[[derived]]",
            "[[rule.caution]]",
            "[[test]]",
        ] {
            assert!(pack.contains(section), "{section} missing");
        }

        assert_lint_clean(
            fulcrum()
                .arg("--rules")
                .arg(&folder)
                .args(["rules", "lint"])
                .arg(&folder),
            languages,
        );

        let test = fulcrum()
            .arg("--rules")
            .arg(&folder)
            .args(["--lang", "en", "rules", "test", "burnout"])
            .output()
            .unwrap();
        assert_eq!(test.status.code(), Some(0));
        assert_eq!(
            stdout_of(&test),
            "pack `burnout`: 2 test(s)\n  ok    small-team\n  ok    money-with-partner\n"
        );
        assert_eq!(stderr_of(&test), "2 passed, 0 failed\n");
    }
}

#[test]
fn rules_new_comments_in_the_language_of_messages() {
    let tmp = tempfile::tempdir().unwrap();
    let out = fulcrum()
        .args(["--lang", "zh", "rules", "new", "demo", "--dir"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr_of(&out).starts_with("已创建 "));
    let pack = std::fs::read_to_string(tmp.path().join("demo/pack.toml")).unwrap();
    assert!(pack.contains("# 规则包 `demo`：由 `fulcrum rules new` 生成的起步模板。"));
    assert!(pack.contains("title = { zh = \"新规则包\", en = \"New pack\" }"));
}

#[test]
fn rules_new_never_overwrites_and_refuses_bad_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("taken");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("pack.toml"), "# mine\n").unwrap();
    let out = scaffold(tmp.path(), "taken", "en");
    assert_eq!(out.status.code(), Some(5));
    assert!(
        stderr_of(&out).contains("already exists and is left alone"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("pack.toml")).unwrap(),
        "# mine\n"
    );
    assert!(!folder.join("pack.schema.json").exists());

    let out = scaffold(tmp.path(), "Bad/Id", "en");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("pack id `Bad/Id` cannot be used"));
    assert!(!tmp.path().join("Bad").exists());
}

#[test]
fn rules_show_prints_questions_derived_facts_and_rules() {
    let out = common::with_mini()
        .args(["--lang", "en", "rules", "show", "mini"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(
        text.starts_with("Mini test pack (mini 0.1.0)\n\nQuestions (6)\n"),
        "{text}"
    );
    for row in [
        "| can_extend  | single | months_left < 6 | yes: Yes ",
        "| who         | multi  | always          | residents: residents (score 2)",
        "|             |        |                 | nobody: nobody (exclusive)",
        "| months_left | number | always          | 0–120 months ",
        "Derived facts (2)",
        "| load    | Load score | sum: who ",
        "| urgency | Urgency    | high ← months_left < 3 and can_extend is no |",
        "|         |            | low ← otherwise ",
        "Rules (3)",
        "| urgent        | urgency is high or (troubled and load >= 2) | start / start.hurry / ann           | 1 ",
    ] {
        assert!(text.contains(row), "missing `{row}` in\n{text}");
    }

    let zh = common::with_mini()
        .args(["--lang", "zh", "rules", "show", "mini"])
        .output()
        .unwrap();
    let text = stdout_of(&zh);
    assert!(
        text.starts_with("迷你测试包（mini 0.1.0）\n\n问题（6）\n"),
        "{text}"
    );
    for row in [
        "何时询问",
        "居民（2 分）",
        "low ← 其他情况",
        "| single（单选） |",
        "行动（阶段 / 概念 / 讲者）",
        "| always-start  | 总是 ",
    ] {
        assert!(text.contains(row), "missing `{row}` in\n{text}");
    }

    let missing = common::with_mini()
        .args(["--lang", "en", "rules", "show", "nope"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr_of(&missing).contains("no pack `nope` is loaded; loaded packs: "));
}

/// The lint walk-through of the authoring guides shows the real output of the real steps.
#[test]
fn the_guides_lint_example_is_what_lint_prints() {
    for (doc, lang) in [("docs/authoring.md", "en"), ("docs/authoring.zh.md", "zh")] {
        let guide = std::fs::read_to_string(common::path(doc)).unwrap();
        let start = guide
            .find("```\nerror[L005]")
            .or_else(|| guide.find("```\n错误[L005]"))
            .unwrap()
            + 4;
        let shown = &guide[start..start + guide[start..].find("```").unwrap()];

        let tmp = tempfile::tempdir().unwrap();
        let new = fulcrum()
            .current_dir(tmp.path())
            .args([
                "--lang",
                lang,
                "rules",
                "new",
                "burnout-check",
                "--dir",
                "my-packs",
            ])
            .output()
            .unwrap();
        assert_eq!(new.status.code(), Some(0));
        let file = tmp.path().join("my-packs/burnout-check/pack.toml");
        let pack = std::fs::read_to_string(&file).unwrap();
        let narrowed = pack.replace(
            "when = \"pressure is normal\"",
            "when = \"pressure is normal and team_size > 10\"",
        );
        assert_ne!(pack, narrowed);
        std::fs::write(&file, narrowed).unwrap();

        let lint = fulcrum()
            .current_dir(tmp.path())
            .args([
                "--lang",
                lang,
                "--rules",
                "my-packs/burnout-check",
                "rules",
                "lint",
            ])
            .arg("my-packs/burnout-check")
            .output()
            .unwrap();
        assert_eq!(lint.status.code(), Some(3));
        assert_eq!(stdout_of(&lint).trim_end(), shown.trim_end(), "{doc}");
    }
}
