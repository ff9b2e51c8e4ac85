//! Every example answers file yields a plan that contains exactly the concepts, derived facts,
//! cautions and first steps that `examples/README.md` promises (the concepts worked out from the
//! domain spec), in both languages. The README table is the single place those expectations are
//! written. A concept deferred by the length budget still counts as present.

use crate::common::{fulcrum, path, stderr_of};

struct Row {
    files: Vec<String>,
    derived: Vec<String>,
    present: Vec<String>,
    absent: Vec<String>,
    cautions: Vec<String>,
    first_steps: Vec<String>,
}

fn ticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn rows() -> Vec<Row> {
    let readme = std::fs::read_to_string(path("examples/README.md")).unwrap();
    readme
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|line| {
            let cells: Vec<&str> = line.split(" | ").collect();
            assert_eq!(cells.len(), 7, "a scenario row has seven columns: {line}");
            Row {
                files: ticked(cells[0]),
                derived: cells[2].split('/').map(|s| s.trim().to_string()).collect(),
                present: ticked(cells[3]),
                absent: ticked(cells[4]),
                cautions: ticked(cells[5]),
                first_steps: ticked(cells[6]),
            }
        })
        .collect()
}

#[test]
fn the_readme_lists_at_least_ten_scenarios_in_both_languages() {
    let rows = rows();
    assert!(rows.len() >= 10, "{} scenarios", rows.len());
    for row in &rows {
        assert_eq!(row.files.len(), 2, "{:?}", row.files);
        assert!(row.files.iter().any(|f| f.ends_with(".en.toml")));
    }
}

#[test]
fn every_example_plan_matches_its_expectations() {
    const ALWAYS: [&str; 5] = [
        "recognize.classify_dependence",
        "recognize.who_depends",
        "resolve.future_tense_planning",
        "review.debrief",
        "review.follow_up",
    ];
    for row in rows() {
        for file in &row.files {
            let out = fulcrum()
                .args([
                    "plan",
                    "--format",
                    "json",
                    "--start",
                    "2026-01-05",
                    "--answers",
                ])
                .arg(path(&format!("examples/{file}")))
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr_of(&out));
            assert!(out.stderr.is_empty(), "{file} warns: {}", stderr_of(&out));
            let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let lang = if file.ends_with(".en.toml") {
                "en"
            } else {
                "zh"
            };
            assert_eq!(plan["lang"], lang, "{file}");
            let in_phases: Vec<&str> = plan["phases"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|p| {
                    p["actions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| a["concept"].as_str().unwrap())
                })
                .collect();
            let concepts: Vec<&str> = in_phases
                .iter()
                .copied()
                .chain(
                    plan["deferred"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| a["concept"].as_str().unwrap()),
                )
                .collect();
            for c in row.present.iter().map(String::as_str).chain(ALWAYS) {
                assert!(concepts.contains(&c), "{file}: {c} missing");
            }
            for c in &row.absent {
                assert!(
                    !concepts.contains(&c.as_str()),
                    "{file}: {c} should be absent"
                );
            }
            let derived: Vec<&str> = ["dependency_type", "strategy", "urgency", "scope"]
                .iter()
                .map(|id| {
                    let fact = plan["derived"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|d| d["id"] == *id)
                        .unwrap();
                    fact["value"].as_str().unwrap()
                })
                .collect();
            assert_eq!(derived, row.derived, "{file}");
            let cautions: Vec<&str> = plan["cautions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["rule"].as_str().unwrap())
                .collect();
            assert_eq!(
                cautions,
                row.cautions.iter().map(String::as_str).collect::<Vec<_>>(),
                "{file}"
            );
            let first: Vec<&str> = plan["first_steps"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["concept"].as_str().unwrap())
                .collect();
            assert_eq!(
                first,
                row.first_steps
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
                "{file}"
            );
            let budget = if derived[3] == "wrap_up" { 10 } else { 18 };
            assert!(
                in_phases.len() <= budget,
                "{file}: {} actions in the phases",
                in_phases.len()
            );
            for phase in plan["phases"].as_array().unwrap() {
                assert!(
                    !phase["actions"].as_array().unwrap().is_empty(),
                    "{file}: empty phase {}",
                    phase["id"]
                );
            }
        }
    }
}

#[test]
fn the_transcript_scenarios_print_readably_at_80_columns() {
    for (file, lang) in [
        ("examples/nanhu-street.toml", "zh"),
        ("examples/red-vest.en.toml", "en"),
    ] {
        let out = fulcrum()
            .args([
                "plan",
                "--width",
                "80",
                "--start",
                "2026-01-05",
                "--answers",
            ])
            .arg(path(file))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        for line in text.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 80,
                "{file}: line too wide: {line}"
            );
        }
        insta::assert_snapshot!(format!("builtin_{lang}_80"), text);
    }
}
