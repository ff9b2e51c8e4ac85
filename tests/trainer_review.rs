//! Trainers' mistakes of issue 15 that lint finds in what a pack says and how it is split:
//! single-language texts, files that do not parse, impossible rules named by their
//! contradicting part. Each test makes the mistake and checks the message in both languages.

use std::path::Path;

use crate::common::{fulcrum, path, stderr_of, stdout_of};

/// `rules lint PATH` in `lang`: exit code and standard output.
fn lint(dir: &Path, lang: &str) -> (Option<i32>, String) {
    let out = fulcrum()
        .args(["--lang", lang, "rules", "lint"])
        .arg(dir)
        .output()
        .unwrap();
    (out.status.code(), stdout_of(&out) + &stderr_of(&out))
}

#[test]
fn a_plain_string_in_a_two_language_pack_is_a_warning_with_the_fix() {
    let dir = path("tests/fixtures/lint/L013-single-language");
    let (code, en) = lint(&dir, "en");
    assert_eq!(code, Some(1), "{en}");
    assert!(
        en.contains(
            "warning[L013]: the pack is written in zh, en, but this text is a plain string"
        ),
        "{en}"
    );
    assert!(en.contains("L013-single-language/pack.toml:62:7"), "{en}");
    assert!(
        en.contains("write `{ zh = \"支柱三：社区自己决定\", en = \"…\" }`"),
        "{en}"
    );
    // A speaker's name is the same in every language: no finding for `name = "安"`.
    assert_eq!(en.matches("[L013]").count(), 1, "{en}");
    let (_, zh) = lint(&dir, "zh");
    assert!(
        zh.contains("警告[L013]：规则包用 zh, en 两种语言，这段文字只写了一种"),
        "{zh}"
    );
    assert!(
        zh.contains("写成 `{ zh = \"支柱三：社区自己决定\", en = \"…\" }`"),
        "{zh}"
    );
}

#[test]
fn an_english_plain_string_is_offered_as_the_english_text() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(path("tests/fixtures/lint/L013-single-language/pack.toml"))
        .unwrap()
        .replace("why = \"支柱三：社区自己决定\"", "why = \"Pillar three\"");
    std::fs::write(tmp.path().join("pack.toml"), text).unwrap();
    let (_, en) = lint(tmp.path(), "en");
    assert!(
        en.contains("write `{ zh = \"…\", en = \"Pillar three\" }`"),
        "{en}"
    );
}

#[test]
fn a_pack_in_one_language_takes_plain_strings() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(path("tests/fixtures/lint/L013-single-language/pack.toml"))
        .unwrap()
        .replace("languages = [\"zh\", \"en\"]", "languages = [\"zh\"]")
        .replace("default_lang = \"en\"", "default_lang = \"zh\"");
    std::fs::write(tmp.path().join("pack.toml"), text).unwrap();
    let (_, en) = lint(tmp.path(), "en");
    assert!(!en.contains("L013"), "{en}");
}

#[test]
fn a_file_that_does_not_parse_is_said_first_and_whole_pack_checks_are_skipped() {
    let dir = path("tests/fixtures/lint/L009-unparsed-file");
    let (code, en) = lint(&dir, "en");
    assert_eq!(code, Some(3), "{en}");
    let first = en.find("error[").unwrap();
    assert!(en[first..].starts_with("error[P001]"), "{en}");
    assert!(en.contains("rules.toml:13:8"), "{en}");
    assert!(
        en.contains("warning[L009]: pack `l009-unparsed-file` is not fully checked: ")
            && en.contains("rules.toml` does not parse, so the checks of the whole pack (L001–L007, L011) were skipped"),
        "{en}"
    );
    assert!(en.contains("fix the syntax error above first"), "{en}");
    // Before: L005 for phase `later` (its rules are in rules.toml) and L007 for `size`.
    assert!(!en.contains("[L005]") && !en.contains("[L007]"), "{en}");
    assert!(
        en.find("[P001]").unwrap() < en.find("[L009]").unwrap(),
        "{en}"
    );
    let (_, zh) = lint(&dir, "zh");
    assert!(
        zh.contains("无法解析，整包检查（L001–L007、L011）已跳过"),
        "{zh}"
    );
    assert!(!zh.contains("[L005]") && !zh.contains("[L007]"), "{zh}");
}

#[test]
fn errors_that_follow_from_a_file_that_does_not_parse_say_so() {
    let tmp = tempfile::tempdir().unwrap();
    let src = path("tests/fixtures/lint/L009-unparsed-file");
    let later = "[[phase]]\nid = \"later\"\ntitle = { zh = \"以后\", en = \"Later\" }\n";
    let pack = std::fs::read_to_string(src.join("pack.toml"))
        .unwrap()
        .replace(later, "")
        .replace("phase = \"now\"", "phase = \"later\"");
    let rules = std::fs::read_to_string(src.join("rules.toml"))
        .unwrap()
        .replacen("\n", &format!("\n{later}"), 1);
    std::fs::write(tmp.path().join("pack.toml"), pack).unwrap();
    std::fs::write(tmp.path().join("rules.toml"), rules).unwrap();
    let (code, en) = lint(tmp.path(), "en");
    assert_eq!(code, Some(3), "{en}");
    assert!(
        en.find("[P001]").unwrap() < en.find("[P003]").unwrap(),
        "{en}"
    );
    assert!(en.contains("this may only follow from `"), "{en}");
    assert!(en.contains("rules.toml` not parsing"), "{en}");
    let (_, zh) = lint(tmp.path(), "zh");
    assert!(zh.contains("无法解析（它的内容都没有读到）"), "{zh}");
}

/// The findings' codes and messages of `rules lint --format json` on `dir`, in order.
fn lint_codes(dir: &Path) -> Vec<(String, String, Vec<String>)> {
    let out = fulcrum()
        .args(["--lang", "en", "rules", "lint", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let help = f["help"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h.as_str().unwrap().to_string())
                .collect();
            (
                f["code"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
                help,
            )
        })
        .collect()
}

#[test]
fn a_rule_that_can_never_fire_names_the_part_that_contradicts() {
    let dir = path("tests/fixtures/lint/L014-value-never-given");
    let findings = lint_codes(&dir);
    let rule = |id: &str| {
        findings
            .iter()
            .find(|(code, m, _)| code == "L002" && m.starts_with(&format!("rule `{id}`")))
            .unwrap_or_else(|| panic!("no L002 for {id} in {findings:#?}"))
    };
    let (_, message, help) = rule("long_planned_pilot");
    assert_eq!(
        message,
        "rule `long_planned_pilot` can never fire: `pilot_run is planned` and `pilot_months > 3` cannot both hold"
    );
    assert_eq!(
        help,
        &[
            "`pilot_months` is asked only when `pilot_run in [done, ongoing]` (a skipped question only satisfies `is skipped`)"
        ]
    );
    let (_, message, help) = rule("very_long_pilot");
    assert!(
        message.ends_with("`pilot_months > 100` can never hold"),
        "{message}"
    );
    assert_eq!(help, &["`pilot_months` is answered between 0 and 60"]);
    let (_, _, help) = rule("big");
    assert_eq!(help[0], "`scale` is `big` only when `pilot_months > 6`");
    assert!(
        help[1].starts_with("`pilot_months` is asked only when"),
        "{help:?}"
    );

    let (code, zh) = lint(&dir, "zh");
    assert_eq!(code, Some(3));
    assert!(
        zh.contains("规则 `long_planned_pilot` 永远不会触发：`pilot_run is planned` 和 `pilot_months > 3` 不能同时成立"),
        "{zh}"
    );
    assert!(
        zh.contains("`pilot_months` 只在 `pilot_run in [done, ongoing]` 时才问"),
        "{zh}"
    );
    assert!(zh.contains("`pilot_months` 的答案在 0 到 60 之间"), "{zh}");
    // The label points at the two parts, not at the whole line.
    let (_, en) = lint(&dir, "en");
    assert!(en.contains("pack.toml:95:31"), "{en}");
}

#[test]
fn a_value_no_case_gives_is_its_own_finding_and_rules_reading_it_follow() {
    let dir = path("tests/fixtures/lint/L014-value-never-given");
    let findings = lint_codes(&dir);
    let value = findings
        .iter()
        .position(|(code, _, _)| code == "L014")
        .unwrap();
    let rule = findings
        .iter()
        .position(|(code, m, _)| code == "L002" && m.starts_with("rule `huge`"))
        .unwrap();
    assert!(value < rule, "{findings:#?}");
    assert_eq!(
        findings[rule].1,
        "rule `huge` can never fire: `scale is huge` never holds, which follows from the L014 above"
    );
    assert_eq!(
        findings[value].2,
        ["no [[derived.case]] gives `huge`: add one, or remove the value"]
    );
    let (_, zh) = lint(&dir, "zh");
    assert!(
        zh.contains("警告[L014]：没有任何答案使 `scale` 取值 `huge`"),
        "{zh}"
    );
    assert!(
        zh.contains("`scale is huge` 永远不成立，这是上面 L014 的结果"),
        "{zh}"
    );
}

#[test]
fn an_l002_that_follows_from_an_l003_comes_after_it() {
    let tmp = tempfile::tempdir().unwrap();
    let rule = "\n[[rule]]\nid = \"tiny\"\nwhen = \"scale is tiny\"\n\n[[rule.action]]\nphase = \"now\"\nconcept = \"now.tiny\"\nspeaker = \"ann\"\nowner = { zh = \"我们\", en = \"Us\" }\nindicator = { zh = \"完成\", en = \"Done\" }\ntext = { zh = \"做\", en = \"Do\" }\nwhy = { zh = \"因为\", en = \"Because\" }\n";
    let text = std::fs::read_to_string(path("tests/fixtures/lint/L003-case-unreached/pack.toml"))
        .unwrap()
        + rule;
    std::fs::write(tmp.path().join("pack.toml"), text).unwrap();
    let codes: Vec<String> = lint_codes(tmp.path()).into_iter().map(|f| f.0).collect();
    assert_eq!(codes, ["L003", "L014", "L002"]);
    let findings = lint_codes(tmp.path());
    assert!(
        findings[1].2[0].contains("covered by earlier ones (L003 above)"),
        "{findings:#?}"
    );
    assert!(
        findings[2].1.contains("follows from the L014 above"),
        "{findings:#?}"
    );
    assert!(
        findings[2].2[0].contains("and any L003 it names"),
        "{findings:#?}"
    );
}
