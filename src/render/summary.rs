//! Printing the group summary of `fulcrum workshop summary`: table, Markdown, CSV or JSON.

use std::fmt::Write as _;

use comfy_table::{ContentArrangement, Table, presets};

use super::template::escape_markdown;
use crate::lang::Lang;
use crate::summary::Summary;
use crate::terminal::sanitize;
use crate::tr;

/// The header row: file, organization, derived facts, actions per phase.
fn header(s: &Summary) -> Vec<String> {
    let lang = s.lang;
    let mut row = vec![tr!(lang, "文件", "file"), tr!(lang, "机构", "organization")];
    row.extend(s.derived.iter().map(|d| d.label.clone()));
    row.extend(
        s.phases
            .iter()
            .map(|p| tr!(lang, "{}（行动数）", "{} (actions)", p.label)),
    );
    row
}

/// The participant rows, as display text.
fn rows(s: &Summary) -> Vec<Vec<String>> {
    s.participants
        .iter()
        .map(|p| {
            let mut row = vec![p.file.clone(), p.organization.clone().unwrap_or_default()];
            row.extend(p.derived.iter().map(|c| c.display.clone()));
            row.extend(p.actions.iter().map(usize::to_string));
            row
        })
        .collect()
}

fn concept_header(lang: Lang) -> [String; 2] {
    [tr!(lang, "概念", "concept"), tr!(lang, "计划数", "plans")]
}

/// Text tables sized to `width`.
pub fn table(s: &Summary, width: u16, unicode: bool) -> String {
    let new_table = || {
        let mut t = Table::new();
        t.load_style(if unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            presets::ASCII_FULL_CONDENSED
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
        t
    };
    let mut participants = new_table();
    participants.set_header(header(s).iter().map(|c| sanitize(c)).collect::<Vec<_>>());
    for row in rows(s) {
        participants.add_row(row.iter().map(|c| sanitize(c)).collect::<Vec<_>>());
    }
    let mut concepts = new_table();
    concepts.set_header(concept_header(s.lang).to_vec());
    let total = s.participants.len();
    for c in &s.concepts {
        concepts.add_row(vec![sanitize(&c.concept), format!("{}/{total}", c.count)]);
    }
    format!("{participants}\n\n{concepts}\n")
}

/// Markdown tables.
pub fn markdown(s: &Summary) -> String {
    let lang = s.lang;
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", tr!(lang, "参与者", "Participants"));
    md_row(&mut out, &header(s));
    md_row(&mut out, &vec!["---".to_string(); header(s).len()]);
    for row in rows(s) {
        md_row(
            &mut out,
            &row.iter().map(|c| escape_markdown(c)).collect::<Vec<_>>(),
        );
    }
    let _ = writeln!(
        out,
        "\n## {}\n",
        tr!(lang, "概念出现频次", "How often each concept comes up")
    );
    md_row(&mut out, &concept_header(lang));
    md_row(&mut out, &["---".to_string(), "---:".to_string()]);
    let total = s.participants.len();
    for c in &s.concepts {
        md_row(
            &mut out,
            &[format!("`{}`", c.concept), format!("{}/{total}", c.count)],
        );
    }
    // Labels and file names come from packs and the file system: keep escapes off the terminal.
    sanitize(&out)
}

fn md_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
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

/// Pretty JSON, ending with a newline.
pub fn json(s: &Summary) -> String {
    let mut out =
        serde_json::to_string_pretty(s).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
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
}
