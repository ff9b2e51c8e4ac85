//! `compare --format table`: the comparison as text tables that fit the width and line up
//! Chinese text, as plans print (see [`crate::render::table`]).

use std::fmt::Write as _;

use super::words::{Words, action_counts, stayed_count, words};
use super::{ActionRef, Answer, Comparison, MovedAction};
use crate::lang::Lang;
use crate::render::RenderOptions;
use crate::render::table::Layout;
use crate::render::words::words as plan_words;
use crate::render::wrap::{wrap, wrap_indented};
use crate::terminal::sanitize;

/// Renders the comparison as text tables.
pub fn render(comparison: &Comparison, options: RenderOptions) -> String {
    let lang = comparison.lang;
    let w = words(lang);
    let pw = plan_words(lang);
    let width = usize::from(options.width);
    let mut out = String::new();
    for line in header_lines(comparison) {
        let _ = writeln!(out, "{}", wrap(&sanitize(&line), width));
    }
    out.push('\n');
    if comparison.is_unchanged() {
        let _ = writeln!(out, "{}", wrap(w.no_change, width));
        return out;
    }

    let _ = writeln!(out, "{}{}", w.answers, pw.colon.trim_end());
    if comparison.answers.is_empty() {
        let _ = writeln!(out, "  {}\n", w.same_answers);
    } else {
        let mut table = Layout::new(options, &[], &[40, 30, 30]);
        table.header(vec![w.question.into(), w.before.into(), w.after.into()]);
        for change in &comparison.answers {
            table.row(vec![
                change.prompt.clone(),
                answer_text(change.before.as_ref(), w),
                answer_text(change.after.as_ref(), w),
            ]);
        }
        let _ = writeln!(out, "{}\n", table.table);
    }

    let _ = writeln!(out, "{}{}", w.diagnosis, pw.colon.trim_end());
    let blocked_changed = comparison.before.blocked != comparison.after.blocked;
    if comparison.diagnosis.is_empty() && !blocked_changed {
        let _ = writeln!(out, "  {}\n", w.same_diagnosis);
    } else {
        let mut table = Layout::new(options, &[], &[40, 30, 30]);
        table.header(vec![pw.diagnosis.into(), w.before.into(), w.after.into()]);
        for change in &comparison.diagnosis {
            table.row(vec![
                change.label.clone(),
                change.before.clone().unwrap_or_else(|| w.no_row.into()),
                change.after.clone().unwrap_or_else(|| w.no_row.into()),
            ]);
        }
        if blocked_changed {
            table.row(vec![
                pw.blocked.into(),
                comparison
                    .before
                    .blocked
                    .clone()
                    .unwrap_or_else(|| w.no_row.into()),
                comparison
                    .after
                    .blocked
                    .clone()
                    .unwrap_or_else(|| w.no_row.into()),
            ]);
        }
        let _ = writeln!(out, "{}\n", table.table);
    }

    let counts = action_counts(comparison.before.actions, comparison.after.actions, lang);
    let _ = writeln!(out, "{}\n", wrap(&counts, width));
    moved(
        &mut out,
        (w.left, w.left_note),
        &comparison.actions.left,
        lang,
        options,
    );
    moved(
        &mut out,
        (w.new, w.new_note),
        &comparison.actions.new,
        lang,
        options,
    );

    let stayed = &comparison.actions.stayed;
    let count = stayed_count(stayed.len(), lang);
    let _ = writeln!(
        out,
        "{}",
        wrap(&format!("{}{}{count}", w.stayed, pw.colon), width)
    );
    for s in stayed {
        let mut line = action_line(&s.after, w, pw.colon);
        if s.matched == super::Matched::Concept {
            line.push_str(w.other_rule);
        }
        push_status(&mut line, &s.before, lang);
        let _ = writeln!(
            out,
            "{}",
            wrap_indented(&sanitize(&line), width, "  - ", "    ")
        );
    }
    out
}

/// The lines above the comparison: title, organization, the two files, the pack.
pub(super) fn header_lines(comparison: &Comparison) -> Vec<String> {
    let w = words(comparison.lang);
    let pw = plan_words(comparison.lang);
    let organization = comparison
        .after
        .organization
        .as_deref()
        .or(comparison.before.organization.as_deref())
        .unwrap_or(pw.not_given);
    let version = if comparison.before.pack_version == comparison.after.pack_version {
        comparison.after.pack_version.clone()
    } else {
        format!(
            "{} → {}",
            comparison.before.pack_version, comparison.after.pack_version
        )
    };
    let mut lines = vec![
        w.title.to_string(),
        format!("{}{}{organization}", pw.organization, pw.colon),
        format!("{}{}{}", w.before, pw.colon, comparison.before.file),
        format!("{}{}{}", w.after, pw.colon, comparison.after.file),
        format!("{}{}{} {version}", pw.pack, pw.colon, comparison.pack),
    ];
    if let Some(progress) = &comparison.progress {
        lines.push(format!("{}{}{progress}", w.progress, pw.colon));
    }
    lines
}

/// Adds where an earlier action stood, from the earlier plan's progress file: ` (☑ done
/// 2026-02-01)`, `（☑ 已完成 2026-02-01）`. Nothing for an action still to do (as plans print
/// it), nor without a progress file.
pub(super) fn push_status(line: &mut String, action: &ActionRef, lang: Lang) {
    let Some(progress) = action
        .progress
        .as_ref()
        .filter(|p| p.status != crate::plan::Status::Todo)
    else {
        return;
    };
    let mut status = format!("{} {}", progress.status.mark(), progress.status.label(lang));
    if let Some(date) = &progress.date {
        status.push(' ');
        status.push_str(date);
    }
    match lang {
        Lang::Zh => line.push_str(&format!("（{status}）")),
        Lang::En => line.push_str(&format!(" ({status})")),
    }
}

/// An answer as people read it, or "not asked".
pub(super) fn answer_text(answer: Option<&Answer>, w: &Words) -> String {
    answer.map_or_else(|| w.not_asked.to_string(), |a| a.display.clone())
}

/// `Phase: action`, marked when it is left for when time allows.
pub(super) fn action_line(action: &ActionRef, w: &Words, colon: &str) -> String {
    let mut line = format!("{}{colon}{}", action.phase_title, action.text);
    if action.deferred {
        line.push_str(w.deferred);
    }
    line
}

/// The causes of a move, joined.
pub(super) fn because_text(moved: &MovedAction, w: &Words) -> String {
    moved
        .because
        .iter()
        .map(|c| c.label.as_str())
        .collect::<Vec<_>>()
        .join(w.list_sep)
}

/// A heading, a note and a table of actions that left or came.
fn moved(
    out: &mut String,
    heading: (&str, &str),
    list: &[MovedAction],
    lang: Lang,
    options: RenderOptions,
) {
    let w = words(lang);
    let colon = plan_words(lang).colon;
    let width = usize::from(options.width);
    let (title, note) = heading;
    if list.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            wrap(&format!("{title}{colon}{}", w.none), width)
        );
        return;
    }
    let _ = writeln!(out, "{}", wrap(&format!("{title}{colon}{note}"), width));
    let mut table = Layout::new(options, &[], &[16, 54, 30]);
    table.header(vec![w.phase.into(), w.action.into(), w.because.into()]);
    for m in list {
        let mut text = m.action.text.clone();
        if m.action.deferred {
            text.push_str(w.deferred);
        }
        push_status(&mut text, &m.action, lang);
        table.row(vec![m.action.phase_title.clone(), text, because_text(m, w)]);
    }
    let _ = writeln!(out, "{}\n", table.table);
}
