//! docs/lint-codes.md against the problem enums: every code a problem can be reported with has
//! a row, with the severity the enum gives it, and every row is a code some problem has.

use std::collections::{BTreeMap, BTreeSet};

use super::{Problem, Severity};

/// Every code the problem enums report, with the severities its problems have.
fn reported() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    fn word(severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
    fn of<P: Problem>(problems: Vec<P>) -> Vec<(&'static str, Severity)> {
        problems.iter().map(|p| (p.code(), p.severity())).collect()
    }
    let mut codes = of(crate::pack::build::problem::tests::every_problem());
    codes.extend(of(crate::pack::load::problem::tests::every_problem()));
    codes.extend(of(crate::pack::answer_problem::tests::every_problem()));
    codes.extend(of(crate::lint::problem::tests::every_problem()));
    codes.extend(of(crate::condition::problem::tests::every_problem()));
    codes.extend(of(crate::progress::problem::tests::every_problem()));
    codes.extend(of(crate::lint::test_failure::tests::every_failure()));
    // User templates have one kind of problem.
    codes.push((
        crate::render::user_template::TEMPLATE_PROBLEM,
        Severity::Error,
    ));
    let mut by_code: BTreeMap<&'static str, BTreeSet<&'static str>> = BTreeMap::new();
    for (code, severity) in codes {
        by_code.entry(code).or_default().insert(word(severity));
    }
    by_code
}

/// The rows of the tables: code and the severity column, when the table has one.
fn documented() -> BTreeMap<String, Option<String>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/lint-codes.md");
    let doc = std::fs::read_to_string(path).unwrap_or_default();
    doc.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.strip_prefix('|')?.split('|').map(str::trim).collect();
            let code = *cells.first()?;
            let mut chars = code.chars();
            let is_code = code.len() == 4
                && chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && chars.all(|c| c.is_ascii_digit());
            let severity = cells
                .get(1)
                .filter(|s| s.contains("error") || s.contains("warning"))
                .map(|s| s.to_string());
            is_code.then(|| (code.to_string(), severity))
        })
        .collect()
}

#[test]
fn every_code_of_the_enums_has_a_row_and_every_row_a_code() {
    let reported = reported();
    let documented = documented();
    assert!(documented.len() > 40, "docs/lint-codes.md was not read");
    let reported_codes: BTreeSet<String> = reported.keys().map(|c| c.to_string()).collect();
    let documented_codes: BTreeSet<String> = documented.keys().cloned().collect();
    let missing: Vec<&String> = reported_codes.difference(&documented_codes).collect();
    assert!(missing.is_empty(), "codes without a row: {missing:?}");
    // P001 (the TOML reader's own message) and the pack-file loader's codes are worded by
    // LoadProblem too; what no enum reports is a stale row.
    let stale: Vec<&String> = documented_codes.difference(&reported_codes).collect();
    assert!(stale.is_empty(), "rows for codes no problem has: {stale:?}");
}

#[test]
fn every_row_gives_the_severity_the_enum_gives() {
    let documented = documented();
    for (code, severities) in reported() {
        let Some(Some(column)) = documented.get(code) else {
            continue;
        };
        for severity in severities {
            assert!(
                column.contains(severity),
                "{code} is documented as {column:?} but is reported as {severity}"
            );
        }
    }
}
