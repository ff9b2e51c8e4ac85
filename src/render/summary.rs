//! Printing the group summary of `fulcrum workshop summary`: table, Markdown, CSV or JSON.

use std::fmt::Write as _;

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::user_template::escape_markdown;
use super::wrap::{widest_part, widest_word, wrap};
use crate::group_summary::Summary;
use crate::lang::Lang;
use crate::terminal::{escape_json, sanitize};
use crate::tr;

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

/// Chinese may break between any two characters, but a column narrower than five of them
/// reads badly: text without spaces keeps up to this width on one line when it can.
const CJK_LEAST: usize = 10;
/// How much wider [`fit`] tries a column at a time.
const LOOKAHEAD: usize = 40;
/// The narrowest a column is made, however little room there is.
const NARROWEST: usize = 4;

/// Where the cells of a column may be broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Breaks {
    /// Between words (Chinese: between characters, keeping short texts whole), and after the
    /// folder of a path.
    Words,
    /// Also inside English words and file names, after separators such as `-`, `.` and `/`.
    Parts,
    /// Anywhere.
    Anywhere,
}

/// What a column holds, which decides how its cells are broken and aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Words, in English or Chinese.
    Text,
    /// Paths of answers files: broken after the folder first.
    File,
    /// Counts, aligned to the right.
    Number,
}

/// A column of a text table: its header and cells, sanitized for the terminal.
#[derive(Debug, Clone)]
struct TextColumn {
    header: String,
    cells: Vec<String>,
    kind: Kind,
}

impl TextColumn {
    fn new(header: String, kind: Kind, cells: impl Iterator<Item = String>) -> Self {
        TextColumn {
            header: sanitize(&header),
            cells: cells.map(|c| sanitize(&c)).collect(),
            kind,
        }
    }

    /// The width at which nothing is wrapped but the header's own line breaks.
    fn natural(&self) -> usize {
        std::iter::once(&self.header)
            .chain(&self.cells)
            .flat_map(|c| c.lines())
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    }

    /// The narrowest width at which cells are broken only as `breaks` allows.
    fn least(&self, breaks: Breaks) -> usize {
        let text = |t: &str| match breaks {
            Breaks::Words => widest_word(t).max(chinese_least(t)),
            Breaks::Parts => widest_part(t).max(chinese_least(t)),
            Breaks::Anywhere => t.width().min(NARROWEST),
        };
        let cells = self.cells.iter().map(|c| match (self.kind, breaks) {
            (Kind::File, Breaks::Words) => {
                let (folder, name) = split_path(c);
                folder.width().max(name.width())
            }
            _ => c.lines().map(text).max().unwrap_or(0),
        });
        cells
            .chain(self.header.lines().map(text))
            .max()
            .unwrap_or(0)
            // `wrap` makes no line narrower than this.
            .max(self.natural().min(NARROWEST))
    }

    /// A cell broken into lines of at most `width` columns.
    fn lay_out(&self, cell: &str, width: usize) -> String {
        if self.kind == Kind::File && cell.width() > width {
            let (folder, name) = split_path(cell);
            if !folder.is_empty() {
                return format!("{}\n{}", wrap(folder, width), wrap(name, width));
            }
        }
        wrap(cell, width)
    }
}

/// The narrowest width that keeps Chinese text between spaces whole, up to [`CJK_LEAST`].
fn chinese_least(text: &str) -> usize {
    text.split_whitespace()
        .filter(|run| run.chars().any(|c| c.width().unwrap_or(0) > 1))
        .map(|run| run.width().min(CJK_LEAST))
        .max()
        .unwrap_or(0)
}

/// A path as its folder (with the trailing separator) and its file name.
fn split_path(path: &str) -> (&str, &str) {
    path.rfind(['/', '\\'])
        .map_or(("", path), |i| path.split_at(i + 1))
}

/// The room for content in a table of `columns` columns that is `width` wide: what the
/// borders and one space of padding on each side of every cell leave.
fn room(width: usize, columns: usize) -> usize {
    width.saturating_sub(columns + 1 + 2 * columns)
}

/// Content widths at which cells are broken only as `breaks` allows, or `None` when the width
/// is too small for that. What is left over goes where it saves the most lines.
fn fit(columns: &[TextColumn], width: usize, breaks: Breaks) -> Option<Vec<usize>> {
    let least: Vec<usize> = columns.iter().map(|c| c.least(breaks)).collect();
    let natural: Vec<usize> = columns.iter().map(TextColumn::natural).collect();
    let mut spare = room(width, columns.len()).checked_sub(least.iter().sum())?;
    if natural
        .iter()
        .zip(&least)
        .map(|(n, l)| n.saturating_sub(*l))
        .sum::<usize>()
        <= spare
    {
        return Some(natural);
    }
    // Lines of every cell (the header first) at every width a column may get.
    let lines: Vec<Vec<Vec<usize>>> = columns
        .iter()
        .zip(least.iter().zip(&natural))
        .map(|(c, (&l, &n))| {
            (l..=n.min(l + spare))
                .map(|w| {
                    std::iter::once(&c.header)
                        .chain(&c.cells)
                        .map(|cell| c.lay_out(cell, w).lines().count())
                        .collect()
                })
                .collect()
        })
        .collect();
    let at = |widths: &[usize], i: usize| &lines[i][widths[i] - least[i]];
    let rows = columns.first().map_or(0, |c| c.cells.len()) + 1;
    let cells = |widths: &[usize]| -> usize {
        (0..columns.len())
            .map(|i| at(widths, i).iter().sum::<usize>())
            .sum()
    };
    // More than the cells' lines can ever be, so that height comes first in the cost.
    let weight = cells(&least) + 1;
    // What a layout costs: the height of the table, then the lines of all its cells.
    let cost = |widths: &[usize]| -> usize {
        let height: usize = (0..rows)
            .map(|row| {
                (0..columns.len())
                    .map(|i| at(widths, i)[row])
                    .max()
                    .unwrap_or(0)
            })
            .sum();
        height * weight + cells(widths)
    };
    let mut widths = least.clone();
    // Widen the column that saves the most per column of width, until nothing is saved.
    loop {
        let now = cost(&widths);
        let mut best: Option<(usize, usize, usize)> = None;
        for i in 0..columns.len() {
            let most = spare
                .min(natural[i].saturating_sub(widths[i]))
                .min(LOOKAHEAD);
            for more in 1..=most {
                let mut wider = widths.clone();
                wider[i] += more;
                let saved = now.saturating_sub(cost(&wider));
                // saved / more beats best_saved / best_more.
                if saved > 0 && best.is_none_or(|(_, m, s)| saved * m > s * more) {
                    best = Some((i, more, saved));
                }
            }
        }
        match best {
            Some((i, more, _)) => {
                widths[i] += more;
                spare -= more;
            }
            None => return Some(widths),
        }
    }
}

/// Content widths that fit `width`, breaking words only when whole words do not fit, and then
/// after separators first. Only a table of very many columns may still be too wide.
fn widths(columns: &[TextColumn], width: usize) -> Vec<usize> {
    [Breaks::Words, Breaks::Parts, Breaks::Anywhere]
        .into_iter()
        .find_map(|breaks| fit(columns, width, breaks))
        .unwrap_or_else(|| columns.iter().map(|c| c.least(Breaks::Anywhere)).collect())
}

/// The columns as one table when they fit `width`, else as several, each repeating the first
/// column (the file) and taking as many of the others, in order, as fit beside it.
fn split_to_fit(columns: &[TextColumn], width: usize) -> Vec<Vec<TextColumn>> {
    let Some((key, rest)) = columns.split_first() else {
        return Vec::new();
    };
    if fit(columns, width, Breaks::Anywhere).is_some() {
        return vec![columns.to_vec()];
    }
    let mut parts: Vec<Vec<TextColumn>> = Vec::new();
    let mut part = vec![key.clone()];
    for column in rest {
        part.push(column.clone());
        if part.len() > 2 && fit(&part, width, Breaks::Anywhere).is_none() {
            let column = part.pop();
            parts.push(std::mem::replace(&mut part, vec![key.clone()]));
            part.extend(column);
        }
    }
    parts.push(part);
    parts
}

/// The lines a table of the columns at the given content widths takes, borders aside.
fn height(columns: &[TextColumn], widths: &[usize]) -> usize {
    let rows = columns.first().map_or(0, |c| c.cells.len());
    (0..=rows)
        .map(|row| {
            columns
                .iter()
                .zip(widths)
                .map(|(c, w)| {
                    let cell = if row == 0 {
                        &c.header
                    } else {
                        &c.cells[row - 1]
                    };
                    c.lay_out(cell, *w).lines().count()
                })
                .max()
                .unwrap_or(0)
        })
        .sum()
}

/// A table of the columns at the given content widths; counts are aligned to the right.
fn text_table(columns: &[TextColumn], widths: &[usize], unicode: bool) -> Table {
    let mut table = Table::new();
    table
        .load_style(if unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            presets::ASCII_FULL_CONDENSED
        })
        // The cells are broken here, with the Chinese rules, so comfy-table must not.
        .set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(
        columns
            .iter()
            .zip(widths)
            .map(|(c, w)| c.lay_out(&c.header, *w))
            .collect::<Vec<_>>(),
    );
    let rows = columns.first().map_or(0, |c| c.cells.len());
    for row in 0..rows {
        table.add_row(
            columns
                .iter()
                .zip(widths)
                .map(|(c, w)| c.lay_out(&c.cells[row], *w))
                .collect::<Vec<_>>(),
        );
    }
    for (i, c) in columns.iter().enumerate() {
        if c.kind == Kind::Number
            && let Some(column) = table.column_mut(i)
        {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
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
pub fn json(s: &Summary) -> String {
    let mut out =
        serde_json::to_string_pretty(s).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    escape_json(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(header: &str, kind: Kind, cells: &[&str]) -> TextColumn {
        TextColumn::new(header.into(), kind, cells.iter().map(|c| c.to_string()))
    }

    fn widest_line(columns: &[TextColumn], widths: &[usize]) -> Vec<usize> {
        columns
            .iter()
            .zip(widths)
            .map(|(c, w)| {
                std::iter::once(&c.header)
                    .chain(&c.cells)
                    .flat_map(|cell| {
                        c.lay_out(cell, *w)
                            .lines()
                            .map(UnicodeWidthStr::width)
                            .collect::<Vec<_>>()
                    })
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    fn sample() -> Vec<TextColumn> {
        vec![
            column(
                "File",
                Kind::File,
                &[
                    "answers/no-extension-medium.en.toml",
                    "answers/red-vest.toml",
                ],
            ),
            column(
                "Organization",
                Kind::Text,
                &[
                    "Harmony Community Development Centre",
                    "南湖街三社联动社工站",
                ],
            ),
            column("认清问题\n（行动数）", Kind::Number, &["6", "15"]),
        ]
    }

    #[test]
    fn columns_get_what_they_need_and_no_more() {
        let columns = sample();
        // Room for everything: every column as wide as its widest line.
        assert_eq!(widths(&columns, 120), [35, 36, 10]);
        // Less room: words, file names and 认清问题 stay whole.
        let narrow = widths(&columns, 60);
        assert!(narrow.iter().sum::<usize>() <= room(60, 3), "{narrow:?}");
        assert!(
            narrow[0] >= "no-extension-medium.en.toml".len(),
            "{narrow:?}"
        );
        assert!(narrow[1] >= "Development".len(), "{narrow:?}");
        assert_eq!(narrow[2], 10);
    }

    #[test]
    fn tables_fit_however_narrow() {
        let columns = sample();
        for width in 25..=80 {
            let widths = widths(&columns, width);
            let widest = widest_line(&columns, &widths);
            assert!(
                widest.iter().sum::<usize>() <= room(width, 3),
                "{width}: {widths:?} {widest:?}"
            );
        }
    }

    #[test]
    fn too_many_columns_are_split_into_tables_that_each_keep_the_file() {
        let mut columns = sample();
        for fact in ["Type", "Strategy", "Urgency", "Scope", "Focus"] {
            columns.push(column(fact, Kind::Text, &["wrap up", "follow"]));
        }
        assert_eq!(split_to_fit(&columns, 200).len(), 1);
        let parts = split_to_fit(&columns, 40);
        assert!(parts.len() > 1, "{}", parts.len());
        let mut headers = Vec::new();
        for part in &parts {
            assert_eq!(part[0].header, "File");
            assert!(fit(part, 40, Breaks::Anywhere).is_some());
            headers.extend(part[1..].iter().map(|c| c.header.clone()));
        }
        // Every column but the file appears once, in order.
        let expected: Vec<String> = columns[1..].iter().map(|c| c.header.clone()).collect();
        assert_eq!(headers, expected);
    }

    #[test]
    fn paths_break_after_the_folder_first() {
        let files = &sample()[0];
        assert_eq!(
            files.lay_out("answers/red-vest.toml", 16),
            "answers/\nred-vest.toml"
        );
        assert_eq!(
            files.lay_out("answers/red-vest.toml", 21),
            "answers/red-vest.toml"
        );
    }

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
