//! `compare --format markdown`: the comparison for documents and chat, as plans print.

use std::fmt::Write as _;

use super::table::{action_line, answer_text, because_text, header_lines, push_status};
use super::words::{action_counts, stayed_count, words};
use super::{Comparison, Matched, MovedAction};
use crate::lang::Lang;
use crate::render::user_template::escape_markdown;
use crate::render::words::words as plan_words;
use crate::terminal::sanitize;

/// Renders the comparison as Markdown.
pub fn render(comparison: &Comparison) -> String {
    let lang = comparison.lang;
    let w = words(lang);
    let pw = plan_words(lang);
    let mut out = String::new();
    let lines = header_lines(comparison);
    let mut lines = lines.iter().map(|l| escape_markdown(l));
    if let Some(title) = lines.next() {
        let _ = writeln!(out, "# {title}\n");
    }
    for line in lines {
        // Two spaces end a line without starting a paragraph.
        let _ = writeln!(out, "{line}  ");
    }
    out.push('\n');
    if comparison.is_unchanged() {
        let _ = writeln!(out, "{}", w.no_change);
        return sanitize(&out);
    }

    let _ = writeln!(out, "## {}\n", w.answers);
    if comparison.answers.is_empty() {
        let _ = writeln!(out, "{}\n", w.same_answers);
    } else {
        row(&mut out, &[w.question, w.before, w.after].map(String::from));
        let _ = writeln!(out, "|---|---|---|");
        for change in &comparison.answers {
            row(
                &mut out,
                &[
                    escape_markdown(&change.prompt),
                    escape_markdown(&answer_text(change.before.as_ref(), w)),
                    escape_markdown(&answer_text(change.after.as_ref(), w)),
                ],
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", w.diagnosis);
    let blocked_changed = comparison.before.blocked != comparison.after.blocked;
    if comparison.diagnosis.is_empty() && !blocked_changed {
        let _ = writeln!(out, "{}\n", w.same_diagnosis);
    } else {
        row(
            &mut out,
            &[pw.diagnosis, w.before, w.after].map(String::from),
        );
        let _ = writeln!(out, "|---|---|---|");
        let shown = |v: Option<&String>| escape_markdown(v.map_or(w.no_row, String::as_str));
        for change in &comparison.diagnosis {
            row(
                &mut out,
                &[
                    escape_markdown(&change.label),
                    shown(change.before.as_ref()),
                    shown(change.after.as_ref()),
                ],
            );
        }
        if blocked_changed {
            row(
                &mut out,
                &[
                    pw.blocked.to_string(),
                    shown(comparison.before.blocked.as_ref()),
                    shown(comparison.after.blocked.as_ref()),
                ],
            );
        }
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "{}\n",
        action_counts(comparison.before.actions, comparison.after.actions, lang)
    );
    moved(
        &mut out,
        (w.left, w.left_note),
        &comparison.actions.left,
        lang,
    );
    moved(&mut out, (w.new, w.new_note), &comparison.actions.new, lang);

    let stayed = &comparison.actions.stayed;
    let _ = writeln!(out, "## {}\n", w.stayed);
    let _ = writeln!(out, "{}\n", stayed_count(stayed.len(), lang));
    for s in stayed {
        let mut line = action_line(&s.after, w, pw.colon);
        if s.matched == Matched::Concept {
            line.push_str(w.other_rule);
        }
        push_status(&mut line, &s.before, lang);
        let _ = writeln!(out, "- {}", escape_markdown(&line));
    }
    // Texts come from packs, answers and the file system: keep escapes off the terminal.
    sanitize(&out)
}

/// A table row of cells already written as Markdown.
fn row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// A heading, a note and a list of actions that left or came, each with its phase and the
/// changes behind it.
fn moved(out: &mut String, heading: (&str, &str), list: &[MovedAction], lang: Lang) {
    let w = words(lang);
    let colon = plan_words(lang).colon;
    let (title, note) = heading;
    let _ = writeln!(out, "## {title}\n");
    if list.is_empty() {
        let _ = writeln!(out, "{}\n", w.none);
        return;
    }
    let _ = writeln!(out, "{note}\n");
    for m in list {
        let mut line = action_line(&m.action, w, colon);
        push_status(&mut line, &m.action, lang);
        let line = escape_markdown(&line);
        let because = because_text(m, w);
        if because.is_empty() {
            let _ = writeln!(out, "- {line}");
        } else {
            let _ = writeln!(
                out,
                "- {line}  \n  *{}{colon}{}*",
                w.because,
                escape_markdown(&because)
            );
        }
    }
    out.push('\n');
}
