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
pub mod text;
pub mod timeline;

use std::time::Duration;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::source::SourceMap;
use crate::tr;

/// A question whose `when` can never hold.
pub const NEVER_ASKED: &str = "L001";
/// A rule whose condition can never hold.
pub const NEVER_FIRES: &str = "L002";
/// A classification case that is never the first to hold.
pub const CASE_UNREACHED: &str = "L003";
/// A complete answer set for which no case of a classification holds.
pub const NO_CASE: &str = "L004";
/// A complete answer set that leaves a phase without actions.
pub const EMPTY_PHASE: &str = "L005";
/// Two rules of one exclusive group that can fire together.
pub const OVERLAP: &str = "L006";
/// A question that no condition, derived fact or text reads.
pub const UNUSED_QUESTION: &str = "L007";
/// A text that is empty in some language.
pub const EMPTY_TEXT: &str = "L008";
/// The analysis ran out of budget or had to approximate.
pub const NOT_CHECKED: &str = "L009";
/// An indicator's deadline that does not fit in its phase's window.
pub const DEADLINE_OUTSIDE: &str = "L010";
/// A length budget smaller than the actions that are always kept.
pub const BUDGET_TOO_SMALL: &str = "L011";
/// A timeline whose months question allows more months than can be dated.
pub const TIMELINE_TOO_LONG: &str = "L012";

/// A plain string in a pack written in two languages.
pub const SINGLE_LANGUAGE: &str = "L013";
/// A value of a classification that no case can give.
pub const VALUE_NEVER_GIVEN: &str = "L014";

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

/// The finding that says which checks were skipped because files of the pack do not parse.
fn skipped(pack: &Pack, sources: &SourceMap, lang: Lang) -> Diagnostic {
    let names: Vec<String> = pack
        .lint_notes
        .unparsed
        .iter()
        .map(|f| format!("`{}`", sources.get(*f).name))
        .collect();
    let names = names.join(lang.list_separator());
    Diagnostic::warning(
        NOT_CHECKED,
        tr!(
            lang,
            "规则包 `{}` 未完全检查：{names} 无法解析，整包检查（L001–L007、L011）已跳过",
            "pack `{}` is not fully checked: {names} does not parse, so the checks of the whole pack (L001–L007, L011) were skipped",
            pack.id
        ),
    )
    .help(tr!(
        lang,
        "这些检查会把缺失文件中的问题、规则和阶段当作不存在，报告的只是它的缺失；先修好上面的语法错误，再运行 `fulcrum rules lint`",
        "without that file its questions, rules and phases are missing, and those checks would only report their absence: fix the syntax error above first, then run `fulcrum rules lint` again"
    ))
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
