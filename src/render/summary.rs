//! Printing the group summary of `fulcrum workshop summary`: table, Markdown, CSV or JSON.
//! How the text table's columns are fitted to the terminal is in `summary/columns.rs`.

use std::fmt::Write as _;

mod columns;

use super::user_template::escape_markdown;
use crate::group_summary::Summary;
use crate::lang::Lang;
use crate::terminal::{escape_json, sanitize};
use crate::tr;
use columns::{Breaks, Kind, TextColumn, fit, height, split_to_fit, text_table, widths};

/// The header row: file, organization, derived facts, actions per phase.
fn header(s: &Summary) -> Vec<String> {
    let lang = s.lang;
    let mut row = vec![file_word(lang), organization_word(lang)];
    row.extend(s.derived.iter().map(|d| d.label.clone()));
    row.extend(
        s.phases
            .iter()
            .map(|p| tr!(lang, "{}（行动数）", "{}: actions", p.label)),
    );
    if s.has_progress() {
        row.extend(progress_words(lang).map(String::from));
    }
    row
}

/// The headers of the progress columns: done, open, overdue.
fn progress_words(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => ["已完成", "未完成", "已逾期"],
        Lang::En => ["Done", "Open", "Overdue"],
    }
}

/// A participant's progress counts as cells: empty without a progress file.
fn progress_cells(p: &crate::group_summary::Participant) -> [String; 3] {
    match &p.progress {
        Some(c) => [c.done, c.open, c.overdue].map(|n| n.to_string()),
        None => [String::new(), String::new(), String::new()],
    }
}

fn file_word(lang: Lang) -> String {
    tr!(lang, "文件", "File")
}

fn organization_word(lang: Lang) -> String {
    tr!(lang, "机构", "Organization")
}

/// The participant rows, as display text.
fn rows(s: &Summary) -> Vec<Vec<String>> {
    s.participants
        .iter()
        .map(|p| {
            let mut row = vec![p.file.clone(), p.organization.clone().unwrap_or_default()];
            row.extend(p.derived.iter().map(|c| c.display.clone()));
            row.extend(p.actions.iter().map(usize::to_string));
            if s.has_progress() {
                row.extend(progress_cells(p));
            }
            row
        })
        .collect()
}

fn concept_header(lang: Lang) -> [String; 2] {
    [tr!(lang, "概念", "Concept"), tr!(lang, "计划数", "Plans")]
}

/// Text tables sized to `width`: the participants, then the concepts. Columns are as wide as
/// their content needs, and words and file names are broken only when the width leaves no
/// room. When the participants do not fit in one table, their actions per phase get a table of
/// their own.
pub fn table(s: &Summary, width: u16, unicode: bool) -> String {
    let lang = s.lang;
    let width = usize::from(width);
    let files = TextColumn::new(
        file_word(lang),
        Kind::File,
        s.participants.iter().map(|p| p.file.clone()),
    );
    let mut facts = vec![
        files.clone(),
        TextColumn::new(
            organization_word(lang),
            Kind::Text,
            s.participants
                .iter()
                .map(|p| p.organization.clone().unwrap_or_default()),
        ),
    ];
    facts.extend(s.derived.iter().enumerate().map(|(i, d)| {
        TextColumn::new(
            d.label.clone(),
            Kind::Text,
            s.participants.iter().map(|p| p.derived[i].display.clone()),
        )
    }));
    let phase = |i: usize, header: String| {
        TextColumn::new(
            header,
            Kind::Number,
            s.participants.iter().map(|p| p.actions[i].to_string()),
        )
    };

    let progress: Vec<TextColumn> = if s.has_progress() {
        progress_words(lang)
            .into_iter()
            .enumerate()
            .map(|(i, header)| {
                TextColumn::new(
                    header.to_string(),
                    Kind::Number,
                    s.participants.iter().map(|p| progress_cells(p)[i].clone()),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut out = String::new();
    let mut all = facts.clone();
    all.extend(
        s.phases
            .iter()
            .enumerate()
            .map(|(i, p)| phase(i, tr!(lang, "{}\n（行动数）", "{}\n(actions)", p.label))),
    );
    all.extend(progress.iter().cloned());
    let _ = writeln!(out, "{}", tr!(lang, "参与者", "Participants"));
    let facts_widths = widths(&facts, width);
    // One table when the counts fit beside the facts without wrapping them more (but for the
    // header's line "(actions)"), else the counts in a table of their own.
    let together = fit(&all, width, Breaks::Words)
        .filter(|w| height(&all, w) <= height(&facts, &facts_widths) + 1);
    if let Some(widths) = together {
        let _ = writeln!(out, "{}\n", text_table(&all, &widths, unicode));
    } else {
        for part in split_to_fit(&facts, width) {
            let part_widths = widths(&part, width);
            let _ = writeln!(out, "{}\n", text_table(&part, &part_widths, unicode));
        }
        if !s.phases.is_empty() || !progress.is_empty() {
            let mut actions = vec![files];
            actions.extend(
                s.phases
                    .iter()
                    .enumerate()
                    .map(|(i, p)| phase(i, p.label.clone())),
            );
            actions.extend(progress);
            let _ = writeln!(out, "{}", tr!(lang, "各阶段的行动数", "Actions per phase"));
            let _ = writeln!(
                out,
                "{}\n",
                text_table(&actions, &widths(&actions, width), unicode)
            );
        }
    }

    let total = s.participants.len();
    let [concept, plans] = concept_header(lang);
    let concepts = [
        TextColumn::new(
            concept,
            Kind::Text,
            s.concepts.iter().map(|c| c.concept.clone()),
        ),
        TextColumn::new(
            plans,
            Kind::Number,
            s.concepts.iter().map(|c| format!("{}/{total}", c.count)),
        ),
    ];
    let _ = writeln!(
        out,
        "{}\n{}",
        tr!(lang, "概念出现频次", "How often each concept comes up"),
        text_table(&concepts, &widths(&concepts, width), unicode)
    );
    out
}

/// Markdown tables.
pub fn markdown(s: &Summary) -> String {
    let lang = s.lang;
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", tr!(lang, "参与者", "Participants"));
    let header = header(s);
    md_row(&mut out, &md_cells(&header));
    md_row(&mut out, &vec!["---".to_string(); header.len()]);
    for row in rows(s) {
        md_row(&mut out, &md_cells(&row));
    }
    let _ = writeln!(
        out,
        "\n## {}\n",
        tr!(lang, "概念出现频次", "How often each concept comes up")
    );
    md_row(&mut out, &md_cells(&concept_header(lang)));
    md_row(&mut out, &["---".to_string(), "---:".to_string()]);
    let total = s.participants.len();
    for c in &s.concepts {
        md_row(
            &mut out,
            &[concept_cell(&c.concept), format!("{}/{total}", c.count)],
        );
    }
    // Labels and file names come from packs and the file system: keep escapes off the terminal.
    sanitize(&out)
}

/// A table row of cells already written as Markdown.
fn md_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// Cells of text from packs, answers and the file system, escaped so that they print as
/// written (`<img onerror=…>` stays text, a `|` does not add a column).
fn md_cells(cells: &[String]) -> Vec<String> {
    cells.iter().map(|c| escape_markdown(c)).collect()
}

/// A concept id in code style when it is a plain id, else escaped like any text: inside
/// backticks nothing can be escaped.
fn concept_cell(concept: &str) -> String {
    let plain = !concept.is_empty()
        && concept
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '/'));
    if plain {
        format!("`{concept}`")
    } else {
        escape_markdown(concept)
    }
}

/// CSV (RFC 4180): the participant rows, then a blank line, then the concept counts. It starts
/// with a byte-order mark, without which Excel reads UTF-8 as the system's code page and turns
/// Chinese into mojibake.
pub fn csv(s: &Summary) -> String {
    let mut out = String::from('\u{feff}');
    csv_row(&mut out, &header(s));
    for row in rows(s) {
        csv_row(&mut out, &row);
    }
    out.push_str("\r\n");
    csv_row(&mut out, &concept_header(s.lang));
    for c in &s.concepts {
        csv_row(&mut out, &[c.concept.clone(), c.count.to_string()]);
    }
    out
}

fn csv_row(out: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// A CSV field, quoted when needed; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a
/// spreadsheet does not run it as a formula.
fn csv_cell(cell: &str) -> String {
    let cell = sanitize(cell);
    let cell = if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// Pretty JSON, ending with a newline, escaped as the plan's JSON is (file names may hold
/// right-to-left overrides and C1 controls).
pub fn json(s: &Summary) -> Result<String, serde_json::Error> {
    let mut out = serde_json::to_string_pretty(s)?;
    out.push('\n');
    Ok(escape_json(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
    }

    #[test]
    fn concept_ids_keep_code_style_only_when_plain() {
        assert_eq!(concept_cell("trust.repair-1"), "`trust.repair-1`");
        assert_eq!(concept_cell("a`b"), "a\\`b");
        assert_eq!(concept_cell("<x>"), "\\<x\\>");
    }
}
