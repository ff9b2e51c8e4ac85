//! Terminal safety end to end: text that came from a pack or an answers file never reaches the
//! terminal with its control characters or escape sequences. Hostile files are refused with a
//! clean message; plans that carry such text anyway (a renderer fed directly) print it
//! neutralised in every format meant for a terminal.

use crate::common::{fulcrum, path, stderr_of};
use fulcrum::answers::file;
use fulcrum::engine;
use fulcrum::group_summary::Summary;
use fulcrum::lang::Lang;
use fulcrum::pack::load::load;
use fulcrum::plan::Plan;
use fulcrum::render::{self, Format, RenderOptions};
use fulcrum::terminal::is_unsafe;

/// An escape sequence that sets the window title, a colour change and a right-to-left override.
const HOSTILE: &str = "x\u{1b}]0;owned\u{7}\u{1b}[31m\u{202e}y";

fn assert_clean(what: &str, text: &str) {
    let bad: Vec<char> = text.chars().filter(|c| is_unsafe(*c)).collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in:\n{text}");
}

/// The mini pack's plan for the urgent answers, with hostile text in every field people read.
fn hostile_plan() -> Plan {
    let mut catalog = load(&[path("tests/fixtures/packs/mini")], Lang::En);
    let answers = file::read(
        &path("tests/fixtures/answers-mini-urgent.toml"),
        &mut catalog.sources,
        Lang::En,
    )
    .unwrap();
    let pack = catalog.pack("mini").unwrap();
    let (eval, _) = engine::resolve(pack, &answers.entries, answers.file, Lang::En).unwrap();
    let start = jiff::civil::date(2026, 1, 5);
    let mut plan = engine::assemble::build(pack, &eval, Lang::En, start, &catalog.sources);
    let h = || HOSTILE.to_string();
    plan.organization = Some(h());
    plan.pack.title = h();
    plan.pack.version = h();
    plan.blocked = None;
    for row in &mut plan.diagnosis {
        row.label = h();
        row.value = h();
    }
    for a in &mut plan.answers {
        a.prompt = h();
        a.display = h();
    }
    for c in &mut plan.cautions {
        c.text = h();
    }
    for phase in &mut plan.phases {
        phase.title = h();
        for a in &mut phase.actions {
            (a.text, a.why, a.owner, a.indicator) = (h(), h(), h(), h());
        }
    }
    for s in &mut plan.speakers {
        s.name = h();
        s.affiliation = Some(h());
    }
    assert!(plan.phases.iter().any(|p| !p.actions.is_empty()));
    plan
}

#[test]
fn every_plan_format_neutralises_hostile_text() {
    let plan = hostile_plan();
    for unicode in [true, false] {
        let options = RenderOptions {
            width: 100,
            unicode,
        };
        for format in [Format::Table, Format::Markdown, Format::Html] {
            let out = render::render(&plan, format, options).unwrap();
            assert_clean(&format!("{format:?}"), &out);
            // The text is still there, only its control characters replaced.
            assert!(
                out.contains("0;owned") && out.contains('\u{FFFD}'),
                "{format:?}:\n{out}"
            );
        }
    }
    // JSON escapes control characters itself (`\u001b`).
    assert_clean(
        "json",
        &render::render(
            &plan,
            Format::Json,
            RenderOptions {
                width: 80,
                unicode: true,
            },
        )
        .unwrap(),
    );
}

#[test]
fn the_group_summary_neutralises_hostile_text() {
    let plan = hostile_plan();
    let mut summary = Summary::new(Lang::En);
    summary.add(HOSTILE, &plan, &[]);
    summary.finish();
    assert_clean(
        "summary table",
        &render::summary::table(&summary, 100, true),
    );
    assert_clean("summary markdown", &render::summary::markdown(&summary));
}

#[test]
fn hostile_files_are_refused_with_clean_messages_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    // An answers file whose name and organization name hold escape sequences.
    let name = dir.path().join("n\u{1b}[1mame.toml");
    std::fs::write(
        &name,
        "pack = \"mini\"\n[answers]\norg_name = \"a\u{1b}[31mb\u{202e}c\"\n",
    )
    .unwrap();
    let escaped = dir.path().join("escaped.toml");
    std::fs::write(
        &escaped,
        "pack = \"mini\"\nlang = \"en\"\n[answers]\norg_name = \"a\\u001b]0;t\\u0007\"\nfocus = \"care\"\n",
    )
    .unwrap();
    // A pack folder whose name holds an escape sequence.
    let pack_dir = dir.path().join("p\u{1b}[2Jack");
    std::fs::create_dir(&pack_dir).unwrap();
    std::fs::copy(
        path("tests/fixtures/packs/mini/pack.toml"),
        pack_dir.join("pack.toml"),
    )
    .unwrap();
    let runs: Vec<(Vec<&std::ffi::OsStr>, i32)> = vec![
        (
            vec!["plan".as_ref(), "--answers".as_ref(), name.as_os_str()],
            4,
        ),
        (
            vec!["plan".as_ref(), "--answers".as_ref(), escaped.as_os_str()],
            4,
        ),
        (
            vec![
                "plan".as_ref(),
                "--format".as_ref(),
                "markdown".as_ref(),
                "--answers".as_ref(),
                escaped.as_os_str(),
            ],
            4,
        ),
        (
            vec![
                "explain".as_ref(),
                "--answers".as_ref(),
                escaped.as_os_str(),
            ],
            4,
        ),
        (
            vec![
                "workshop".as_ref(),
                "summary".as_ref(),
                dir.path().as_os_str(),
            ],
            // Participants whose file is refused are left out, with the reason: findings.
            1,
        ),
        (vec!["rules".as_ref(), "list".as_ref()], 0),
    ];
    for (args, exit) in runs {
        let out = fulcrum()
            .args(["--lang", "en", "--rules"])
            .arg(&pack_dir)
            .args(&args)
            .output()
            .unwrap();
        let shown = format!("{args:?}");
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(exit), "{shown}:\n{err}");
        assert_clean(&shown, &err);
        assert_clean(&shown, &String::from_utf8_lossy(&out.stdout));
        if exit != 0 {
            assert!(
                err.contains("A011") || err.contains("A001"),
                "{shown}:\n{err}"
            );
        }
    }
}

/// A right-to-left override and C1 controls (CSI, NEL) as they can appear in a file name.
const BIDI_AND_C1: &str = "a\u{202e}b\u{9b}31m\u{85}c";

#[test]
fn the_group_summary_json_escapes_what_plan_json_escapes() {
    let plan = hostile_plan();
    let mut summary = Summary::new(Lang::En);
    summary.add(&format!("{BIDI_AND_C1}.toml"), &plan, &[BIDI_AND_C1]);
    summary.finish();
    let json = render::summary::json(&summary).unwrap();
    assert_clean("summary json", &json);
    assert!(json.contains("a\\u202eb\\u009b31m\\u0085c.toml"), "{json}");
    // The same values, only escaped.
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        back["participants"][0]["file"],
        format!("{BIDI_AND_C1}.toml")
    );
}

#[test]
fn the_markdown_summary_escapes_every_cell() {
    const IMG: &str = "<img src=x onerror=alert(1)>";
    let mut plan = hostile_plan();
    for d in &mut plan.derived {
        d.label = format!("{IMG} *label*");
        d.display = format!("{IMG} | cell");
    }
    for phase in &mut plan.phases {
        phase.title = format!("{IMG} [t](javascript:x)");
        for a in &mut phase.actions {
            a.concept = format!("{IMG}`code`");
        }
    }
    plan.organization = Some(format!("{IMG}\nnext"));
    assert!(!plan.derived.is_empty() && !plan.phases.is_empty());
    let mut summary = Summary::new(Lang::En);
    summary.add(&format!("{IMG}.toml"), &plan, &[IMG]);
    summary.finish();
    let md = render::summary::markdown(&summary);
    // Every `<`, `[` and `` ` `` is escaped, but for the code style of plain concept ids.
    let rest = md.replace("`start.note`", "");
    let escaped = |c: char| {
        rest.match_indices(c)
            .all(|(i, _)| rest[..i].ends_with('\\'))
    };
    assert!(escaped('<') && escaped('[') && escaped('`'), "{md}");
    assert!(md.contains("\\<img src=x onerror=alert(1)\\>"), "{md}");
    // Every row keeps its columns: no cell adds a `|` of its own.
    let columns = |line: &str| line.matches(" | ").count();
    let lines: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(columns(lines[0]), columns(lines[2]), "{md}");
}
