//! Reading and writing progress files: plain TOML a person can edit, every problem located
//! in the file (`file:line:column`) with help in the message language.
//!
//! ```toml
//! start = "2026-01-05"
//!
//! [[action]]
//! rule = "recognize-name-the-problem"
//! concept = "recognize.name_the_problem"
//! status = "done"
//! date = "2026-01-20"
//! note = "Talked it through at the team meeting"
//! observed = "Minutes of 2026-01-19"
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use super::problem::ProgressProblem;
use super::{Entry, Progress, Status};
use crate::diagnostic::{Diagnostics, Problem, Worded};
use crate::lang::Lang;
use crate::pack::load::read_text;
use crate::plan::Plan;
use crate::source::{FileId, Loc, SourceMap};
use crate::tr;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgress {
    start: Spanned<String>,
    #[serde(default)]
    action: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    rule: Spanned<String>,
    concept: Spanned<String>,
    status: Spanned<String>,
    date: Option<Spanned<String>>,
    note: Option<String>,
    observed: Option<String>,
}

/// Reads a progress file into the source map. Every problem is located in the file.
pub fn read(path: &Path, sources: &mut SourceMap, lang: Lang) -> Result<Progress, Diagnostics> {
    let text = read_text(path).map_err(|p| {
        let mut diags = Diagnostics::new();
        diags.push(
            ProgressProblem::Unreadable {
                reason: p.message(lang),
            }
            .restate(p.unplaced(lang), lang),
        );
        diags
    })?;
    let file = sources.add(path.display().to_string(), Some(path), Arc::from(text));
    parse(file, sources, lang)
}

/// Parses a progress file already in the source map.
pub fn parse(file: FileId, sources: &SourceMap, lang: Lang) -> Result<Progress, Diagnostics> {
    let text = &sources.get(file).text;
    let mut diags = Diagnostics::new();
    let raw: RawProgress = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let d = crate::pack::load::toml_error(&e, file, text, lang);
            let problem = ProgressProblem::NotToml {
                reason: d.message.clone(),
            };
            diags.push(problem.restate(d, lang));
            return Err(diags);
        }
    };
    let start = date(&raw.start, file, lang, &mut diags);
    let mut entries = Vec::with_capacity(raw.action.len());
    let mut seen: HashMap<(String, String), Loc> = HashMap::new();
    for e in raw.action {
        let status = match Status::parse(e.status.get_ref()) {
            Some(s) => Some(s),
            None => {
                diags.push(
                    ProgressProblem::UnknownStatus {
                        given: e.status.get_ref().clone(),
                    }
                    .diagnostic(Loc::new(file, e.status.span()), lang),
                );
                None
            }
        };
        let when = e
            .date
            .as_ref()
            .and_then(|d| date(d, file, lang, &mut diags));
        let key = (e.rule.get_ref().clone(), e.concept.get_ref().clone());
        let here = Loc::new(file, e.rule.span());
        if let Some(first) = seen.get(&key) {
            let (rule, concept) = &key;
            diags.push(
                ProgressProblem::DuplicateEntry {
                    rule: rule.clone(),
                    concept: concept.clone(),
                    first: sources.describe(first),
                }
                .diagnostic(here, lang),
            );
            continue;
        }
        seen.insert(key, here);
        if let Some(status) = status {
            entries.push(Entry {
                rule: e.rule.into_inner(),
                concept: e.concept.into_inner(),
                status,
                date: when,
                note: e.note.filter(|n| !n.trim().is_empty()),
                observed: e.observed.filter(|o| !o.trim().is_empty()),
            });
        }
    }
    match start {
        Some(start) if !diags.has_errors() => Ok(Progress { start, entries }),
        _ => Err(diags),
    }
}

/// Reads a `YYYY-MM-DD` value, reporting anything else.
fn date(
    value: &Spanned<String>,
    file: FileId,
    lang: Lang,
    diags: &mut Diagnostics,
) -> Option<Date> {
    let s = value.get_ref();
    match crate::clock::parse_date(s) {
        Some(d) => Some(d),
        None => {
            diags.push(
                ProgressProblem::InvalidDate { given: s.clone() }
                    .diagnostic(Loc::new(file, value.span()), lang),
            );
            None
        }
    }
}

/// A TOML string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A text on one comment line.
fn comment(s: &str) -> String {
    crate::terminal::sanitize(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The file's text: a header saying what it is, the entries of the plan's actions in plan
/// order, each under a comment naming the action, then the entries no longer in the plan.
/// `progress` holds the plan's entries first, as [`super::for_plan`] gives them.
pub fn render(progress: &Progress, plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "# fulcrum 进度文件：可以直接编辑。status 为 todo（未开始）、doing（进行中）、done（已完成）或 dropped（已放弃）。\n# `fulcrum track` 会改写它；`fulcrum plan` 读取它。见 docs/follow-through.md",
            "# fulcrum progress file: edit it freely. status is todo, doing, done or dropped.\n# `fulcrum track` rewrites it; `fulcrum plan` reads it. See docs/follow-through.md"
        )
    );
    let _ = writeln!(out, "start = {}", quoted(&progress.start.to_string()));
    let actions = super::plan_actions(plan);
    for (i, entry) in progress.entries.iter().enumerate() {
        out.push('\n');
        match actions.get(i) {
            Some(action) => {
                let phase = plan
                    .phases
                    .iter()
                    .find(|p| p.id == action.phase)
                    .map_or(action.phase.as_str(), |p| p.title.as_str());
                let _ = writeln!(out, "# {}: {}", comment(phase), comment(&action.text));
            }
            None if i == actions.len() => {
                let _ = writeln!(
                    out,
                    "{}",
                    tr!(
                        lang,
                        "# 以下记录已不在计划中（答案或规则包改了）：保留在这里，不会删除。",
                        "# No longer in the plan (the answers or the pack changed): kept here, never dropped."
                    )
                );
            }
            None => {}
        }
        out.push_str("[[action]]\n");
        let _ = writeln!(out, "rule = {}", quoted(&entry.rule));
        let _ = writeln!(out, "concept = {}", quoted(&entry.concept));
        let _ = writeln!(out, "status = {}", quoted(entry.status.id()));
        if let Some(date) = entry.date {
            let _ = writeln!(out, "date = {}", quoted(&date.to_string()));
        }
        if let Some(note) = &entry.note {
            let _ = writeln!(out, "note = {}", quoted(note));
        }
        if let Some(observed) = &entry.observed {
            let _ = writeln!(out, "observed = {}", quoted(observed));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Progress, Diagnostics> {
        let mut sources = SourceMap::new();
        let file = sources.add("p.toml", None, Arc::<str>::from(text));
        parse(file, &sources, Lang::En)
    }

    #[test]
    fn a_progress_file_reads_back() {
        let p = parsed(
            "start = \"2026-01-05\"\n[[action]]\nrule = \"r\"\nconcept = \"c\"\nstatus = \"done\"\ndate = \"2026-02-01\"\nnote = \"ok\"\n",
        )
        .unwrap();
        assert_eq!(p.start, jiff::civil::date(2026, 1, 5));
        assert_eq!(p.entries.len(), 1);
        assert_eq!(p.entries[0].status, Status::Done);
        assert_eq!(p.entries[0].note.as_deref(), Some("ok"));
        assert_eq!(p.entries[0].observed, None);
    }

    #[test]
    fn every_bad_value_is_reported() {
        let diags = parsed(
            "start = \"5.1.2026\"\n[[action]]\nrule = \"r\"\nconcept = \"c\"\nstatus = \"don\"\n[[action]]\nrule = \"r\"\nconcept = \"c\"\nstatus = \"done\"\n",
        )
        .unwrap_err();
        let codes: Vec<&str> = diags.items().iter().map(|d| d.code).collect();
        assert_eq!(codes, ["G002", "G002", "G003"]);
        assert!(diags.items()[1].help[0].contains("`done`"));
    }

    #[test]
    fn quoted_texts_survive_a_round_trip() {
        let text = "a \"quoted\" note\nwith a second line";
        let value: toml::Value = toml::from_str(&format!("x = {}", quoted(text))).unwrap();
        assert_eq!(value["x"].as_str(), Some(text));
    }
}
