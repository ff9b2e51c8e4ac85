//! Smaller things trainers asked for in issue 15 (point 8): short labels in tables, explain's
//! wording, the questionnaire's "last question", the language of `rules show`, and the
//! timeline in the guide and starter pack. Both languages where text is printed.

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::{fulcrum, path, stdout_of};

/// The mini fixture pack copied into a temporary folder, with `from` replaced by `to`.
fn mini_with(from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mini");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir(path("tests/fixtures/packs/mini")).unwrap() {
        let entry = entry.unwrap();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let text = if text.contains(from) {
            text.replacen(from, to, 1)
        } else {
            text
        };
        std::fs::write(dir.join(entry.file_name()), text).unwrap();
    }
    (tmp, dir)
}

/// `plan --answers` of the urgent mini answers with the pack in `dir`, in `lang`.
fn plan(dir: &Path, lang: &str) -> String {
    let out = fulcrum()
        .args(["--lang", lang, "--rules"])
        .arg(dir)
        .args([
            "plan",
            "--answers",
            "tests/fixtures/answers-mini-urgent.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn a_short_label_replaces_the_prompt_in_the_diagnosis_table() {
    let prompt = "prompt = { zh = \"机构定位？\", en = \"What is the focus?\" }";
    let (_tmp, dir) = mini_with(
        prompt,
        &format!("{prompt}\nshort = {{ zh = \"定位\", en = \"Focus\" }}"),
    );
    let en = plan(&dir, "en");
    assert!(en.contains("| Focus "), "{en}");
    assert!(!en.contains("What is the focus"), "{en}");
    let zh = plan(&dir, "zh");
    assert!(zh.contains("| 定位 "), "{zh}");
    assert!(!zh.contains("机构定位"), "{zh}");
    // Without `short`, the prompt without its question mark.
    let en = plan(&path("tests/fixtures/packs/mini"), "en");
    assert!(en.contains("| What is the focus |"), "{en}");
}

#[test]
fn the_starter_pack_has_a_timeline_and_phase_windows_and_its_plans_have_dates() {
    for (lang, comment, weeks, short) in [
        (
            "en",
            "# The timeline: plans date each phase",
            "weeks 1–",
            "| Main worry ",
        ),
        ("zh", "# 时间线：计划按项目剩余的月数", "第 1–", "| 最担心 "),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let new = fulcrum()
            .current_dir(tmp.path())
            .args(["--lang", lang, "rules", "new", "demo", "--dir", "p"])
            .output()
            .unwrap();
        assert_eq!(new.status.code(), Some(0));
        let pack = std::fs::read_to_string(tmp.path().join("p/demo/pack.toml")).unwrap();
        for needle in [
            comment,
            "[pack.timeline]\nmonths = \"months_left\"",
            "window = [0.0, 0.25]",
            "window = [0.9, 1.2]",
            "short = { zh = \"最担心\", en = \"Main worry\" }",
        ] {
            assert!(pack.contains(needle), "{lang}: no {needle:?} in\n{pack}");
        }
        std::fs::write(
            tmp.path().join("a.toml"),
            "pack = \"demo\"\n[answers]\nteam_size = 3\nmonths_left = 6\nmain_worry = \"people\"\n",
        )
        .unwrap();
        let plan = fulcrum()
            .current_dir(tmp.path())
            .args([
                "--lang",
                lang,
                "--rules",
                "p/demo",
                "plan",
                "--answers",
                "a.toml",
            ])
            .args(["--start", "2027-01-04"])
            .output()
            .unwrap();
        assert_eq!(plan.status.code(), Some(0), "{}", common::stderr_of(&plan));
        let text = stdout_of(&plan);
        assert!(text.contains(weeks), "{lang}: {text}");
        assert!(text.contains("2027-01-04"), "{lang}: {text}");
        assert!(text.contains(short), "{lang}: {text}");
    }
}

/// `explain --answers` of the urgent mini answers with `troubled` set to `troubled`, in `lang`.
fn explain(dir: &Path, lang: &str, troubled: bool) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let answers = std::fs::read_to_string(path("tests/fixtures/answers-mini-urgent.toml"))
        .unwrap()
        .replace("troubled = true", &format!("troubled = {troubled}"));
    let file = tmp.path().join("answers.toml");
    std::fs::write(&file, answers).unwrap();
    let out = fulcrum()
        .args(["--lang", lang, "--rules"])
        .arg(dir)
        .arg("explain")
        .arg("--answers")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn explain_shows_what_each_term_of_a_sum_added() {
    let (_tmp, dir) = mini_with("sum = [\"who\"]", "sum = [\"who\", \"months_left\"]");
    let en = explain(&dir, "en", true);
    assert!(en.contains("  load = 4\n"), "{en}");
    assert!(
        en.contains("      sum of: +3 (who = [residents, committee]) +1 (months_left = 1)\n"),
        "{en}"
    );
    let zh = explain(&dir, "zh", true);
    assert!(
        zh.contains("      求和：+3 (who = [residents, committee]) +1 (months_left = 1)\n"),
        "{zh}"
    );
}

#[test]
fn explain_words_a_negated_yes_no_question_as_its_answer() {
    let (_tmp, dir) = mini_with(
        "when = \"urgency is high or (troubled and load >= 2)\"",
        "when = \"urgency is high and not troubled\"",
    );
    let en = explain(&dir, "en", false);
    assert!(
        en.contains("        ✓ troubled is no    (troubled = false)\n"),
        "{en}"
    );
    assert!(!en.contains("✗ troubled"), "{en}");
    let zh = explain(&dir, "zh", false);
    assert!(
        zh.contains("✓ troubled is no    （troubled = false）"),
        "{zh}"
    );
    // A rule that did not fire because of it names the failing part as written.
    let en = explain(&dir, "en", true);
    assert!(!en.contains("rule urgent"), "{en}");
}

#[test]
fn a_negated_test_reads_as_the_condition_says_it() {
    let (_tmp, dir) = mini_with(
        "when = \"urgency is high or (troubled and load >= 2)\"",
        "when = \"urgency is high and not (who has residents)\"",
    );
    let out = fulcrum()
        .args(["--lang", "en", "--rules"])
        .arg(&dir)
        .args([
            "explain",
            "--answers",
            "tests/fixtures/answers-mini-urgent.toml",
            "--concept",
            "start.hurry",
        ])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("✗ not (who has residents)    (who = [residents, committee])"),
        "{text}"
    );
}

#[test]
fn rules_show_follows_the_packs_default_language_when_the_locale_says_nothing() {
    let (_tmp, dir) = mini_with("default_lang = \"en\"", "default_lang = \"zh\"");
    let show = |env: Option<&str>| {
        let mut cmd = fulcrum();
        cmd.arg("--rules").arg(&dir).args(["rules", "show", "mini"]);
        if let Some(lang) = env {
            cmd.env("FULCRUM_LANG", lang);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", common::stderr_of(&out));
        stdout_of(&out)
    };
    // LANG=C: the pack's default, Chinese, for its texts and the tables around them.
    let zh = show(None);
    assert!(zh.contains("问题（6）"), "{zh}");
    assert!(zh.contains("何时询问"), "{zh}");
    assert!(!zh.contains("Questions"), "{zh}");
    let en = show(Some("en"));
    assert!(en.contains("Questions (6)"), "{en}");
    assert!(en.contains("asked when"), "{en}");
}
