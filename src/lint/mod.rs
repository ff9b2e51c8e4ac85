//! `fulcrum rules lint`: everything that can be known about a pack before anyone answers it.
//!
//! The loader's own checks (TOML, schema, references, kinds, placeholders, cycles, languages,
//! control characters) come first; [`text`] adds empty texts and questions nothing reads;
//! [`logic`] uses [`crate::analysis`] to prove questions askable, rules and cases reachable,
//! phases never empty and exclusive rules apart, with a counterexample answers file for every
//! gap or overlap. Codes are documented in `docs/lint-codes.md`.

pub mod contradiction;
pub mod focus;
pub mod logic;
pub mod pack_tests;
pub mod plan_expectations;
pub mod problem;
pub mod test_failure;
pub mod text;
pub mod timeline;

use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Problem, Severity};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::load::{Catalog, load};
use crate::source::SourceMap;
use problem::LintProblem;

/// One lint finding: a diagnostic, and an answers file showing it when there is one.
#[derive(Debug, Clone)]
pub struct Finding {
    /// What is wrong and where.
    pub diagnostic: Diagnostic,
    /// A ready-to-run answers file that shows the problem.
    pub counterexample: Option<String>,
}

impl From<Diagnostic> for Finding {
    fn from(diagnostic: Diagnostic) -> Self {
        Finding {
            diagnostic,
            counterexample: None,
        }
    }
}

/// Lints one pack that loaded: text checks, then the analysis within `budget`. When some of
/// the pack's files do not parse, the checks of the whole pack (reachability, gaps, overlaps,
/// unread questions, budgets) would only report what the missing files hold: they are skipped,
/// and a first finding says so.
pub fn lint_pack(pack: &Pack, sources: &SourceMap, lang: Lang, budget: Duration) -> Vec<Finding> {
    let unparsed = &pack.lint_notes.unparsed;
    if !unparsed.is_empty() {
        let mut findings = vec![Finding::from(skipped(pack, sources, lang))];
        findings.extend(
            text::check_texts(pack, sources, lang)
                .into_iter()
                .chain(text::single_language(pack, sources, lang))
                .chain(timeline::check(pack, lang))
                .map(Finding::from),
        );
        return findings;
    }
    let mut findings: Vec<Finding> = text::check(pack, sources, lang)
        .into_iter()
        .chain(text::single_language(pack, sources, lang))
        .chain(focus::check(pack, lang))
        .chain(timeline::check(pack, lang))
        .map(Finding::from)
        .collect();
    findings.extend(logic::check(pack, lang, budget));
    findings
}

/// Loads and lints: the packs with a file under `paths`, or every pack of `rule_paths` (where
/// packs are read from) when `paths` is empty.
pub fn lint_paths(
    paths: &[PathBuf],
    rule_paths: &[PathBuf],
    lang: Lang,
    budget: Duration,
) -> (Catalog, Vec<Finding>) {
    let catalog = if paths.is_empty() {
        load(rule_paths, lang)
    } else {
        load(paths, lang)
    };
    let selected = |file: crate::source::FileId| {
        paths.is_empty()
            || catalog
                .sources
                .get(file)
                .path
                .as_ref()
                .is_some_and(|p| paths.iter().any(|root| p.starts_with(root)))
    };
    let mut findings: Vec<Finding> = catalog
        .diagnostics
        .items()
        .iter()
        .filter(|d| d.loc.as_ref().is_none_or(|l| selected(l.file)))
        .cloned()
        .map(Finding::from)
        .collect();
    // A file that does not parse is said first: what follows may only come from its absence.
    findings.sort_by_key(|f| f.diagnostic.code != "P001");
    let packs: Vec<&Pack> = catalog
        .packs
        .iter()
        .filter(|p| p.origin.files.iter().any(|f| selected(*f)))
        .collect();
    for pack in packs {
        findings.extend(lint_pack(pack, &catalog.sources, lang, budget));
    }
    (catalog, findings)
}

/// The finding that says which checks were skipped because files of the pack do not parse.
fn skipped(pack: &Pack, sources: &SourceMap, lang: Lang) -> Diagnostic {
    let files = pack
        .lint_notes
        .unparsed
        .iter()
        .map(|f| sources.get(*f).name.clone())
        .collect();
    LintProblem::WholePackSkipped {
        pack: pack.id.clone(),
        files,
    }
    .unplaced(lang)
}

/// A finding as `--format json` prints it.
#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    /// Stable code.
    pub code: &'a str,
    /// `error` or `warning`.
    pub severity: Severity,
    /// What is wrong.
    pub message: &'a str,
    /// File name, when located.
    pub file: Option<&'a str>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
    /// The label under the problem.
    pub label: &'a str,
    /// Advice.
    pub help: &'a [String],
    /// An answers file showing the problem.
    pub counterexample: Option<&'a str>,
}

impl Finding {
    /// The JSON form, with the location resolved to line and column.
    pub fn to_json<'a>(&'a self, sources: &'a SourceMap) -> JsonFinding<'a> {
        let d = &self.diagnostic;
        let (file, line, column) = match &d.loc {
            Some(loc) => {
                let f = sources.get(loc.file);
                let (line, column) = f.line_col(loc.span.start);
                (Some(f.name.as_str()), Some(line), Some(column))
            }
            None => (None, None, None),
        };
        JsonFinding {
            code: d.code,
            severity: d.severity,
            message: &d.message,
            file,
            line,
            column,
            label: &d.label,
            help: &d.help,
            counterexample: self.counterexample.as_deref(),
        }
    }
}
