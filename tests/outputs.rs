//! Workshop outputs: every plan format in both languages, the printable HTML's structure,
//! `-o`, templates, batch plans, the group summary and explanations.

use crate::common::{fulcrum, root};

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use quick_xml::Reader;
use quick_xml::events::Event;

const START: &str = "2026-01-05";

fn example(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn plan(answers: &Path, format: &str) -> Run {
    run(fulcrum()
        .args(["plan", "--start", START, "--format", format, "--answers"])
        .arg(answers))
}

// ---- every format, both languages -------------------------------------------------------

#[test]
fn every_format_in_both_languages_matches_its_snapshot() {
    for (file, lang) in [("red-vest.toml", "zh"), ("red-vest.en.toml", "en")] {
        for format in ["table", "markdown", "html", "json"] {
            let out = plan(&example(file), format);
            assert_eq!(out.code, 0, "{file} {format}: {}", out.stderr);
            insta::assert_snapshot!(format!("plan-{format}-{lang}"), out.stdout);
        }
    }
}

#[test]
fn markdown_escapes_values_and_keeps_checklists() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("odd.toml");
    let text = fs::read_to_string(example("red-vest.en.toml"))
        .unwrap()
        .replace("Evergreen Elderly Care Centre", "*Star* <b>Care</b> | [x]");
    fs::write(&answers, text).unwrap();
    let out = plan(&answers, "markdown");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(r"\*Star\* \<b\>Care\</b\> \| \[x\]"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("- [ ] **"));
    let html = plan(&answers, "html");
    assert!(
        html.stdout
            .contains("*Star* &lt;b&gt;Care&lt;&#x2f;b&gt; | [x]"),
        "{}",
        html.stdout
    );
    assert!(!html.stdout.contains("<b>Care</b>"));
}

#[test]
fn narrow_table_plans_wrap_their_headings() {
    for (file, lang) in [("red-vest.toml", "zh"), ("red-vest.en.toml", "en")] {
        for width in [40, 60] {
            let out = run(fulcrum()
                .args(["plan", "--start", START, "--width"])
                .arg(width.to_string())
                .arg("--answers")
                .arg(example(file)));
            assert_eq!(out.code, 0, "{}", out.stderr);
            for line in out.stdout.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= width,
                    "{lang} at {width}: {line}\n{}",
                    out.stdout
                );
            }
        }
    }
    // A heading too wide for the line puts the weeks under the title.
    let out = run(fulcrum()
        .args(["plan", "--start", START, "--width", "60", "--answers"])
        .arg(example("red-vest.en.toml")));
    assert!(
        out.stdout
            .contains("\n4. Review\n   weeks 37–57 (2026-09-14 to 2027-02-07; after the\n   project's end from week 44)\n"),
        "{}",
        out.stdout
    );
}

// ---- the printable HTML ------------------------------------------------------------------

/// Elements of a parsed XHTML document: (name, class attribute, text inside, in order).
#[derive(Debug, Default)]
struct Element {
    name: String,
    class: String,
    text: String,
}

/// Parses the HTML as XML (the built-in template is kept well-formed) and returns every
/// element with its class and all the text inside it.
fn parse(html: &str) -> Vec<Element> {
    let body = html
        .trim_start()
        .strip_prefix("<!DOCTYPE html>")
        .expect("starts with a doctype");
    let mut reader = Reader::from_str(body);
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(e) => {
                let class = e
                    .try_get_attribute("class")
                    .unwrap()
                    .map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                    .unwrap_or_default();
                elements.push(Element {
                    name: e.name().as_ref().to_string(),
                    class,
                    text: String::new(),
                });
                open.push(elements.len() - 1);
            }
            Event::End(_) => {
                open.pop().expect("balanced tags");
            }
            Event::Text(t) => {
                let text = t.to_string();
                for &i in &open {
                    elements[i].text.push_str(&text);
                }
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => format!("&{};", &*r),
                };
                for &i in &open {
                    elements[i].text.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "every element is closed");
    elements
}

#[test]
fn html_handout_has_a_section_per_phase_with_checklist_rows() {
    for (file, lang) in [("red-vest.toml", "zh"), ("red-vest.en.toml", "en")] {
        let html = plan(&example(file), "html").stdout;
        let json: serde_json::Value =
            serde_json::from_str(&plan(&example(file), "json").stdout).unwrap();
        let elements = parse(&html);

        let header = elements
            .iter()
            .find(|e| e.name == "header")
            .expect("a header");
        for needle in [
            json["organization"].as_str().unwrap(),
            "community-dependence",
            START,
        ] {
            assert!(
                header.text.contains(needle),
                "{lang}: header lacks {needle}: {}",
                header.text
            );
        }
        assert!(elements.iter().any(|e| e.class == "diagnosis"));

        let phases = json["phases"].as_array().unwrap();
        let sections: Vec<&Element> = elements.iter().filter(|e| e.class == "phase").collect();
        assert_eq!(
            sections.len(),
            phases.len(),
            "{lang}: one section per phase"
        );
        for (section, phase) in sections.iter().zip(phases) {
            assert!(section.text.contains(phase["title"].as_str().unwrap()));
            let start = phase["window"]["start_date"].as_str().unwrap();
            assert!(section.text.contains(start), "{lang}: phase window shown");
        }
        let rows: Vec<&Element> = elements.iter().filter(|e| e.class == "action").collect();
        let actions: usize = phases
            .iter()
            .map(|p| p["actions"].as_array().unwrap().len())
            .sum();
        assert_eq!(rows.len(), actions, "{lang}: one checklist row per action");
        let first = &phases[0]["actions"][0];
        assert!(rows[0].text.starts_with('☐'));
        for key in ["owner", "indicator"] {
            assert!(
                rows[0].text.contains(first[key].as_str().unwrap()),
                "{lang}: row has the {key}"
            );
        }
        assert_eq!(
            elements.iter().filter(|e| e.class == "lines").count(),
            phases.len(),
            "room for notes"
        );

        assert!(html.contains("@page { size: A4"));
        assert!(html.contains("break-before: page"));
        assert!(html.contains("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif"));
        for external in [
            "http:", "https:", "url(", "src=", "href=", "@import", "<link", "<script",
        ] {
            assert!(
                !html.contains(external),
                "{lang}: no external resource ({external})"
            );
        }
    }
}

// ---- -o ----------------------------------------------------------------------------------

#[test]
fn output_file_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plan.html");
    fs::write(&target, "keep me").unwrap();
    let base = || {
        let mut cmd = fulcrum();
        cmd.args(["plan", "--start", START, "--format", "html", "--answers"])
            .arg(example("red-vest.en.toml"))
            .arg("-o")
            .arg(&target);
        cmd
    };
    let refused = run(&mut base());
    assert_eq!(refused.code, 5);
    assert!(
        refused.stderr.contains("already exists; add --force"),
        "{}",
        refused.stderr
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
    assert!(refused.stdout.is_empty());

    let forced = run(base().arg("--force"));
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let written = fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn output_dash_is_stdout_and_a_missing_folder_fails_cleanly() {
    let out = run(fulcrum()
        .args([
            "plan",
            "--start",
            START,
            "--format",
            "json",
            "-o",
            "-",
            "--answers",
        ])
        .arg(example("red-vest.en.toml")));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("\"schema\": \"fulcrum.plan/2\""));

    let dir = tempfile::tempdir().unwrap();
    let out = run(fulcrum()
        .args(["plan", "--start", START, "--answers"])
        .arg(example("red-vest.en.toml"))
        .arg("-o")
        .arg(dir.path().join("missing").join("plan.txt")));
    assert_eq!(out.code, 5);
    assert!(
        out.stderr
            .contains("missing` does not exist; create it first"),
        "{}",
        out.stderr
    );
}

// ---- templates ---------------------------------------------------------------------------

#[test]
fn a_trainer_template_renders_the_plan_data() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("mine.md");
    fs::write(
        &template,
        "{{ plan.organization }}: {% for p in plan.phases %}{{ p.id }}={{ p.actions | length }} {% endfor %}\n{{ words.owner }}\n",
    )
    .unwrap();
    let out = run(fulcrum()
        .args([
            "plan",
            "--start",
            START,
            "--format",
            "markdown",
            "--template",
        ])
        .arg(&template)
        .arg("--answers")
        .arg(example("red-vest.en.toml")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("Evergreen Elderly Care Centre: recognize="),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with(" Owner\n"),
        "blocks trim their newline: {}",
        out.stdout
    );
}

#[test]
fn a_broken_template_is_reported_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let syntax = dir.path().join("syntax.html");
    fs::write(
        &syntax,
        "<h1>{{ plan.pack.title }}</h1>\n{% for p in plan.phases %}\n<p>{{ p.title }</p>\n",
    )
    .unwrap();
    let out = run(fulcrum()
        .args(["plan", "--format", "html", "--template"])
        .arg(&syntax)
        .arg("--answers")
        .arg(example("red-vest.en.toml")));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("template error"), "{}", out.stderr);
    assert!(
        out.stderr.contains("syntax.html:3:"),
        "located: {}",
        out.stderr
    );

    let undefined = dir.path().join("undefined.md");
    fs::write(
        &undefined,
        "# {{ plan.pack.title }}\n\n{{ plan.organisation }}\n",
    )
    .unwrap();
    let out = run(fulcrum()
        .args(["plan", "--format", "markdown", "--template"])
        .arg(&undefined)
        .arg("--answers")
        .arg(example("red-vest.en.toml")));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("undefined.md:3:"),
        "located: {}",
        out.stderr
    );
    assert!(out.stderr.contains("docs/outputs.md"));

    let wrong_format = run(fulcrum()
        .args(["plan", "--format", "json", "--template"])
        .arg(&undefined)
        .arg("--answers")
        .arg(example("red-vest.en.toml")));
    assert_eq!(wrong_format.code, 2);
    assert!(
        wrong_format
            .stderr
            .contains("--template works with --format markdown or --format html")
    );
}

// ---- batch -------------------------------------------------------------------------------

#[test]
fn batch_writes_one_plan_per_file_and_reports_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers");
    fs::create_dir(&answers).unwrap();
    fs::copy(example("red-vest.toml"), answers.join("red-vest.toml")).unwrap();
    fs::copy(
        example("happy-fit.en.toml"),
        answers.join("happy-fit.en.toml"),
    )
    .unwrap();
    fs::write(
        answers.join("broken.toml"),
        "pack = \"community-dependence\"\n[answers]\nmonths_left = \"ten\"\n",
    )
    .unwrap();
    fs::write(answers.join("notes.txt"), "not an answers file").unwrap();
    let out_dir = dir.path().join("plans");
    let out = run(fulcrum()
        .args(["plan", "--start", START, "--format", "html", "--answers"])
        .arg(&answers)
        .arg("--out-dir")
        .arg(&out_dir));
    assert_eq!(out.code, 1, "some failed: {}", out.stderr);
    assert!(out.stderr.contains("broken.toml"), "{}", out.stderr);
    assert!(
        out.stderr.contains("1 of 3 answers file(s) failed"),
        "{}",
        out.stderr
    );
    let mut written: Vec<String> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    assert_eq!(written, ["happy-fit.en.html", "red-vest.html"]);
    assert!(
        fs::read_to_string(out_dir.join("red-vest.html"))
            .unwrap()
            .contains("lang=\"zh-Hans\"")
    );

    // A second run keeps the plans unless --force, and says so per file.
    let again = run(fulcrum()
        .args(["plan", "--start", START, "--format", "html", "--answers"])
        .arg(&answers)
        .arg("--out-dir")
        .arg(&out_dir));
    assert_eq!(again.code, 1);
    assert!(
        again
            .stderr
            .contains("red-vest.html` already exists; add --force"),
        "{}",
        again.stderr
    );
}

#[test]
fn a_folder_of_answers_needs_out_dir() {
    let out = run(fulcrum()
        .args(["plan", "--answers"])
        .arg(root().join("examples")));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--out-dir"), "{}", out.stderr);
}

// ---- group summary -----------------------------------------------------------------------

#[test]
fn summary_over_the_examples_counts_every_participant_and_concept() {
    let out = run(fulcrum()
        .args(["workshop", "summary", "--format", "json"])
        .arg(root().join("examples")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["schema"], "fulcrum.summary/1");
    let participants = json["participants"].as_array().unwrap();
    assert_eq!(participants.len(), 24);
    let derived: Vec<&str> = json["derived"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(derived, ["dependency_type", "strategy", "urgency", "scope"]);
    let red = participants
        .iter()
        .find(|p| p["file"].as_str().unwrap().ends_with("red-vest.en.toml"))
        .unwrap();
    let values: Vec<&str> = red["derived"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["manpower", "guide", "low", "full"]);
    let count = |concept: &str| {
        json["concepts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["concept"] == concept)
            .map(|c| c["count"].as_u64().unwrap())
    };
    assert_eq!(
        count("recognize.classify_dependence"),
        Some(24),
        "in every plan"
    );
    // Only happy-fit and psych-hotline (two files each) are a nice problem to have; since pack
    // 0.2.0, short-extend-yes (two months left) is not.
    assert_eq!(count("recognize.happy_trouble"), Some(4));

    let csv = run(fulcrum()
        .args(["workshop", "summary", "--format", "csv"])
        .arg(root().join("examples")));
    let first = csv.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("\u{feff}File,Organization,"),
        "a byte-order mark, for Excel: {first:?}"
    );
    assert_eq!(csv.stdout.lines().take_while(|l| !l.is_empty()).count(), 25);
}

#[test]
fn summary_formats_match_their_snapshots() {
    let files = [
        "examples/red-vest.toml",
        "examples/student-subsidy.toml",
        "examples/happy-fit.en.toml",
    ];
    // At 140 columns the English table is split in two; at 160 the Chinese one is whole.
    for (format, lang, width) in [
        ("table", "en", "140"),
        ("table", "zh", "160"),
        ("markdown", "zh", "140"),
        ("csv", "en", "140"),
    ] {
        let out = run(fulcrum()
            .current_dir(root())
            .args([
                "--lang", lang, "workshop", "summary", "--width", width, "--format", format,
            ])
            .args(files));
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("summary-{format}-{lang}"), out.stdout);
    }
}

#[test]
fn summary_leaves_out_bad_files_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, "[answers\n").unwrap();
    let out = run(fulcrum()
        .args(["workshop", "summary", "--format", "json"])
        .arg(example("red-vest.toml"))
        .arg(&bad));
    assert_eq!(out.code, 1);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["participants"].as_array().unwrap().len(), 1);
    assert!(json["failed"][0].as_str().unwrap().ends_with("bad.toml"));
}

#[test]
fn a_summary_of_no_readable_file_prints_nothing_on_stdout() {
    for format in ["table", "json"] {
        let out = run(fulcrum()
            .args(["workshop", "summary", "--format", format])
            .arg(root().join("nonexist.toml")));
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        assert_eq!(out.stdout, "", "{format}: a failing command prints no data");
        assert!(out.stderr.contains("nonexist.toml"), "{}", out.stderr);
        assert!(
            out.stderr.contains("1 of 1 answers file(s) left out."),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_summary_with_some_bad_files_shows_the_good_ones() {
    let out = run(fulcrum()
        .args(["workshop", "summary", "--width", "120"])
        .args(["examples/red-vest.en.toml", "nonexist.toml"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("| examples/red-vest.en.toml | Evergreen Elderly"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("nonexist"), "{}", out.stdout);
    assert!(
        out.stderr.contains("1 of 2 answers file(s) left out."),
        "{}",
        out.stderr
    );
}

/// The header lines of every table in piped (ASCII) output, as the text of each cell.
fn header_cells(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut in_header = false;
    for line in text.lines() {
        if line.starts_with("+-") && !in_header {
            in_header = true;
        } else if line.starts_with("+=") {
            in_header = false;
        } else if in_header && line.starts_with('|') {
            cells.extend(
                line.trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty()),
            );
        }
    }
    cells
}

#[test]
fn summary_headers_keep_their_words_whole_at_width_100() {
    for (lang, fixed) in [
        (
            "en",
            ["File", "Organization", "(actions)", "Concept", "Plans"],
        ),
        ("zh", ["文件", "机构", "（行动数）", "概念", "计划数"]),
    ] {
        let summary = |format: &str| {
            let out = run(fulcrum()
                .args(["--lang", lang, "workshop", "summary", "--width", "100"])
                .args(["--format", format])
                .arg(root().join("examples")));
            assert_eq!(out.code, 0, "{}", out.stderr);
            out.stdout
        };
        let json: serde_json::Value = serde_json::from_str(&summary("json")).unwrap();
        // Every word a header may have: English words, and Chinese labels, which have no spaces.
        let mut words: Vec<String> = fixed.iter().map(|w| w.to_string()).collect();
        for column in ["derived", "phases"] {
            for c in json[column].as_array().unwrap() {
                words.extend(
                    c["label"]
                        .as_str()
                        .unwrap()
                        .split_whitespace()
                        .map(String::from),
                );
            }
        }
        let table = summary("table");
        let cells = header_cells(&table);
        assert!(cells.len() > 8, "{lang}: {cells:?}");
        for cell in cells {
            for word in cell.split_whitespace() {
                assert!(
                    words.iter().any(|w| w == word),
                    "{lang}: `{word}` is part of a header word:\n{table}"
                );
            }
        }
    }
}

#[test]
fn summary_tables_fit_widths_from_40_to_120() {
    for lang in ["en", "zh"] {
        for width in [40, 60, 80, 100, 120] {
            let out = run(fulcrum()
                .args(["--lang", lang, "workshop", "summary", "--width"])
                .arg(width.to_string())
                .arg(root().join("examples")));
            assert_eq!(out.code, 0, "{}", out.stderr);
            for line in out.stdout.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= width,
                    "{lang} at {width}: {line}"
                );
            }
        }
    }
}

#[test]
fn summary_counts_are_aligned_right() {
    let out = run(fulcrum()
        .args(["workshop", "summary", "--width", "100"])
        .arg(example("red-vest.en.toml"))
        .arg(example("nanhu-street.en.toml")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let concept = out
        .stdout
        .lines()
        .find(|l| l.starts_with("| recognize.classify_dependence "))
        .unwrap();
    assert!(concept.ends_with("|   2/2 |"), "{}", out.stdout);
}

// ---- explanations ------------------------------------------------------------------------

#[test]
fn explain_shows_rules_derived_facts_and_questions() {
    let out = run(fulcrum()
        .args(["explain", "--answers"])
        .arg(example("red-vest.en.toml")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout;
    assert!(text.contains("✓ rule resolve-guide-demand ("), "{text}");
    assert!(text.contains("50-resolve.toml:"), "rule location: {text}");
    assert!(text.contains("when: strategy in [guide, follow_and_guide]"));
    assert!(
        text.contains("✓ strategy in [guide, follow_and_guide]    (strategy = guide)"),
        "{text}"
    );
    assert!(text.contains("resolve.guide_demand (resolve)"));
    assert!(text.contains("dependency_type = manpower"));
    assert!(text.contains("✓ org_name: asked (always)"), "{text}");
    insta::assert_snapshot!("explain-red-vest-en", text);
}

#[test]
fn explain_in_chinese_uses_chinese_brackets() {
    let out = run(fulcrum()
        .args(["--lang", "zh", "explain", "--answers"])
        .arg(example("red-vest.toml")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout;
    assert!(
        text.contains(
            "✓ 规则 resolve-guide-demand（<built-in>/community-dependence/50-resolve.toml:"
        ),
        "{text}"
    );
    assert!(text.contains("）【触发】\n"), "{text}");
    assert!(text.contains("    （strategy = guide）\n"), "{text}");
    assert!(!text.contains("  [触发]"), "{text}");
}

#[test]
fn explain_a_present_and_an_absent_concept() {
    let present = run(fulcrum()
        .args(["explain", "--concept", "resolve.guide_demand", "--answers"])
        .arg(example("red-vest.en.toml")));
    assert_eq!(present.code, 0, "{}", present.stderr);
    assert!(
        present
            .stdout
            .starts_with("`resolve.guide_demand` is in the plan."),
        "{}",
        present.stdout
    );

    let absent = run(fulcrum()
        .args([
            "explain",
            "--concept",
            "recognize.happy_trouble",
            "--answers",
        ])
        .arg(example("red-vest.en.toml")));
    assert_eq!(absent.code, 0, "{}", absent.stderr);
    let text = &absent.stdout;
    assert!(
        text.starts_with("`recognize.happy_trouble` is not in the plan"),
        "{text}"
    );
    assert!(text.contains("✗ rule recognize-happy-trouble ("), "{text}");
    assert!(text.contains(
        "when: demand_fit is fits and not troubled and not staff_absorbed and urgency is low"
    ));
    // Two parts of the `and` fail: demand_fit conflicts, and `not troubled` asks for "no".
    assert!(
        text.contains("✗ troubled is no    (troubled = true)"),
        "{text}"
    );
    assert!(
        text.contains("✗ demand_fit is fits    (demand_fit = conflicts)"),
        "{text}"
    );

    let zh = run(fulcrum()
        .args([
            "--lang",
            "zh",
            "explain",
            "--concept",
            "recognize.happy_trouble",
            "--answers",
        ])
        .arg(example("red-vest.toml")));
    assert!(
        zh.stdout
            .starts_with("`recognize.happy_trouble` 不在计划中"),
        "{}",
        zh.stdout
    );

    let unknown = run(fulcrum()
        .args([
            "explain",
            "--concept",
            "recognize.happy_troubles",
            "--answers",
        ])
        .arg(example("red-vest.en.toml")));
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("did you mean `recognize.happy_trouble`?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn explain_as_json_says_the_same_as_the_text() {
    let out = run(fulcrum()
        .args(["explain", "--format", "json", "--answers"])
        .arg(example("red-vest.en.toml")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(json["schema"], "fulcrum.explain/1");
    assert_eq!(json["pack"], "community-dependence");
    let rules = json["rules"].as_array().expect("rules");
    let guide = rules
        .iter()
        .find(|r| r["id"] == "resolve-guide-demand")
        .expect("the rule that fired");
    assert_eq!(guide["fired"], true);
    assert_eq!(
        guide["condition"],
        "strategy in [guide, follow_and_guide] and scope is full"
    );
    assert!(
        guide["defined_at"]
            .as_str()
            .unwrap()
            .contains("50-resolve.toml:")
    );
    assert_eq!(guide["reasons"][0]["var"], "strategy");
    assert_eq!(guide["reasons"][0]["value"], "guide");
    assert_eq!(guide["reasons"][0]["holds"], true);
    assert_eq!(
        guide["actions"][0],
        serde_json::json!({"phase": "resolve", "concept": "resolve.guide_demand"})
    );
    let questions = json["questions"].as_array().expect("questions");
    let org = questions.iter().find(|q| q["id"] == "org_name").unwrap();
    assert_eq!(org["asked"], true);
    assert!(
        json["derived"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == "dependency_type" && d["value"] == "manpower")
    );
    assert!(json["blocked"].is_null());

    let absent = run(fulcrum()
        .args([
            "explain",
            "-f",
            "json",
            "--concept",
            "recognize.happy_trouble",
        ])
        .arg("--answers")
        .arg(example("red-vest.en.toml")));
    assert_eq!(absent.code, 0, "{}", absent.stderr);
    let json: serde_json::Value = serde_json::from_str(&absent.stdout).expect("JSON");
    assert_eq!(json["schema"], "fulcrum.explain/1");
    assert_eq!(json["concept"], "recognize.happy_trouble");
    assert_eq!(json["present"], false);
    let rule = &json["rules"][0];
    assert_eq!(rule["fired"], false);
    let failing: Vec<&str> = rule["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["test"].as_str().unwrap())
        .collect();
    assert_eq!(failing, ["demand_fit is fits", "troubled is no"]);
}

#[test]
fn plan_explain_goes_to_stderr() {
    let out = run(fulcrum()
        .args(["plan", "--explain", "--format", "json", "--answers"])
        .arg(example("red-vest.en.toml")));
    assert_eq!(out.code, 0);
    assert!(
        serde_json::from_str::<serde_json::Value>(&out.stdout).is_ok(),
        "stdout stays JSON"
    );
    assert!(out.stderr.contains("Rules and their actions"));
}
