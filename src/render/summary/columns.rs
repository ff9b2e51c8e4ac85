//! Fitting the columns of the summary's text tables to the terminal: how wide each column gets,
//! where its cells break (Chinese between characters, paths after the folder), and splitting
//! tables with too many columns into several that each keep the file column.

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::render::wrap::{widest_part, widest_word, wrap};
use crate::terminal::sanitize;

/// Chinese may break between any two characters, but a column narrower than five of them
/// reads badly: text without spaces keeps up to this width on one line when it can.
const CJK_LEAST: usize = 10;
/// How much wider [`fit`] tries a column at a time.
const LOOKAHEAD: usize = 40;
/// The narrowest a column is made, however little room there is.
const NARROWEST: usize = 4;

/// Where the cells of a column may be broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Breaks {
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
pub(super) enum Kind {
    /// Words, in English or Chinese.
    Text,
    /// Paths of answers files: broken after the folder first.
    File,
    /// Counts, aligned to the right.
    Number,
}

/// A column of a text table: its header and cells, sanitized for the terminal.
#[derive(Debug, Clone)]
pub(super) struct TextColumn {
    header: String,
    cells: Vec<String>,
    kind: Kind,
}

impl TextColumn {
    pub(super) fn new(header: String, kind: Kind, cells: impl Iterator<Item = String>) -> Self {
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
pub(super) fn fit(columns: &[TextColumn], width: usize, breaks: Breaks) -> Option<Vec<usize>> {
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
pub(super) fn widths(columns: &[TextColumn], width: usize) -> Vec<usize> {
    [Breaks::Words, Breaks::Parts, Breaks::Anywhere]
        .into_iter()
        .find_map(|breaks| fit(columns, width, breaks))
        .unwrap_or_else(|| columns.iter().map(|c| c.least(Breaks::Anywhere)).collect())
}

/// The columns as one table when they fit `width`, else as several, each repeating the first
/// column (the file) and taking as many of the others, in order, as fit beside it.
pub(super) fn split_to_fit(columns: &[TextColumn], width: usize) -> Vec<Vec<TextColumn>> {
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
pub(super) fn height(columns: &[TextColumn], widths: &[usize]) -> usize {
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
pub(super) fn text_table(columns: &[TextColumn], widths: &[usize], unicode: bool) -> Table {
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
}
