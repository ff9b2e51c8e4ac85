//! `--format table`: comfy-table tables that fit the width and line up Chinese text.
//!
//! Every column has a fixed share of the width, so all phases' tables have the same shape, and
//! cells are wrapped here (by display width, with Chinese line-breaking rules) rather than by
//! comfy-table, which would break before a full-width comma.

use std::fmt::Write as _;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
use unicode_width::UnicodeWidthStr;

use super::RenderOptions;
use super::words::{
    Words, action_with_progress, first_steps_title, indicator_text, project_end_text, window_text,
    words,
};
use super::wrap::{wrap, wrap_indented};
use crate::lang::Lang;
use crate::plan::{ActionOut, Plan};
use crate::terminal::sanitize;

/// Below this width each action is stacked into fewer columns.
const WIDE: u16 = 120;
/// Width of the numbering column.
const NUMBER_WIDTH: u16 = 4;

/// A table whose columns take the given shares (percent) of the width after `fixed` columns.
pub(crate) struct Layout {
    /// The table, to print.
    pub(crate) table: Table,
    content_widths: Vec<usize>,
}

impl Layout {
    /// A table `options.width` wide: `fixed` columns of those widths, then columns taking
    /// `shares` (percent) of what is left.
    pub(crate) fn new(options: RenderOptions, fixed: &[u16], shares: &[u16]) -> Self {
        let mut table = Table::new();
        table
            .load_style(if options.unicode {
                presets::UTF8_FULL_CONDENSED
            } else {
                presets::ASCII_FULL_CONDENSED
            })
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(options.width);
        let columns = fixed.len() + shares.len();
        let borders = columns as u16 + 1;
        let flexible = options
            .width
            .saturating_sub(borders + fixed.iter().sum::<u16>());
        let mut constraints = Vec::with_capacity(columns);
        let mut content_widths = Vec::with_capacity(columns);
        for w in fixed {
            constraints.push(ColumnConstraint::Absolute(Width::Fixed(*w)));
            content_widths.push(usize::from(w.saturating_sub(2)));
        }
        let mut left = flexible;
        for (i, share) in shares.iter().enumerate() {
            // The last column takes what rounding left, so every table is exactly as wide.
            let w = if i + 1 == shares.len() {
                left
            } else {
                flexible * share / 100
            };
            left -= w;
            constraints.push(ColumnConstraint::Absolute(Width::Fixed(w)));
            content_widths.push(usize::from(w.saturating_sub(2)));
        }
        table.set_constraints(constraints);
        Layout {
            table,
            content_widths,
        }
    }

    fn cells(&self, texts: Vec<String>) -> Vec<String> {
        texts
            .iter()
            .zip(&self.content_widths)
            .map(|(t, w)| wrap(&sanitize(t), *w))
            .collect()
    }

    /// Sets the header, each text wrapped to its column.
    pub(crate) fn header(&mut self, texts: Vec<String>) {
        let cells = self.cells(texts);
        self.table.set_header(cells);
    }

    /// Adds a row, each text wrapped to its column.
    pub(crate) fn row(&mut self, texts: Vec<String>) {
        let cells = self.cells(texts);
        self.table.add_row(cells);
    }
}

/// `first` and `second` on one line, after `prefix` and joined by `  ·  `, when they fit in
/// `width`; else each wrapped on lines of its own, indented as deep as `prefix`.
fn side_by_side(first: &str, second: &str, width: usize, prefix: &str) -> String {
    let line = format!("{prefix}{first}  ·  {second}");
    if line.width() <= width {
        return line;
    }
    let indent = " ".repeat(prefix.width());
    format!(
        "{}\n{}",
        wrap_indented(first, width, prefix, &indent),
        wrap_indented(second, width, &indent, &indent)
    )
}

/// Renders the plan as text tables.
pub fn render(plan: &Plan, options: RenderOptions) -> String {
    let w = words(plan.lang);
    let width = usize::from(options.width);
    let mut out = String::new();
    let title = format!("{} · {}", sanitize(&plan.pack.title), w.plan);
    let _ = writeln!(out, "{}", wrap(&title, width));
    let organization = plan.organization.as_deref().unwrap_or(w.not_given);
    let organization = format!("{}{}{}", w.organization, w.colon, sanitize(organization));
    let _ = writeln!(out, "{}", wrap(&organization, width));
    let pack = format!(
        "{}{}{} {}",
        w.pack,
        w.colon,
        sanitize(&plan.pack.id),
        sanitize(&plan.pack.version)
    );
    let date = format!("{}{}{}", w.date, w.colon, plan.date);
    let _ = writeln!(out, "{}", side_by_side(&pack, &date, width, ""));
    if let Some(end) = &plan.project_end {
        let _ = writeln!(out, "{}", wrap(&project_end_text(end, plan.lang), width));
    }
    out.push('\n');

    if plan.blocked.is_none() && !plan.first_steps.is_empty() {
        let title = first_steps_title(plan.first_steps.len(), plan.lang);
        let _ = writeln!(out, "{title}{}", w.colon.trim_end());
        for (i, a) in plan.first_steps.iter().enumerate() {
            let number = format!("  {}. ", i + 1);
            let indent = " ".repeat(number.width());
            let _ = writeln!(
                out,
                "{}",
                wrap_indented(
                    &sanitize(&action_with_progress(a, plan.lang)),
                    width,
                    &number,
                    &indent
                )
            );
            let detail = compact_detail(plan, a, w, true);
            let _ = writeln!(
                out,
                "{}",
                wrap_indented(&sanitize(&detail), width, &indent, &indent)
            );
        }
        out.push('\n');
    }

    let mut diagnosis = Layout::new(options, &[], &[45, 55]);
    diagnosis.header(vec![w.diagnosis.into(), w.finding.into()]);
    for row in &plan.diagnosis {
        diagnosis.row(vec![row.label.clone(), row.value.clone()]);
    }
    let _ = writeln!(out, "{}\n", diagnosis.table);

    if !plan.cautions.is_empty() {
        let _ = writeln!(out, "{}{}", w.cautions, w.colon.trim_end());
        for caution in &plan.cautions {
            let source = caution
                .speaker
                .as_deref()
                .map(|s| format!("{}{}{}", w.brackets.0, plan.speaker_name(s), w.brackets.1))
                .unwrap_or_default();
            let text = sanitize(&format!("{}{source}", caution.text));
            let _ = writeln!(out, "{}", wrap_indented(&text, width, "  ! ", "    "));
        }
        out.push('\n');
    }
    if let Some(reason) = &plan.blocked {
        let text = format!("{}{}{}", w.blocked, w.colon, sanitize(reason));
        let _ = writeln!(out, "{}\n", wrap(&text, width));
        return out;
    }

    for (n, phase) in plan.phases.iter().enumerate() {
        let number = format!("{}. ", n + 1);
        let title = sanitize(&phase.title);
        let heading = match &phase.window {
            Some(win) => side_by_side(&title, &window_text(win, plan.lang), width, &number),
            None => wrap_indented(&title, width, &number, &" ".repeat(number.len())),
        };
        let _ = writeln!(out, "{heading}");
        if phase.actions.is_empty() {
            let _ = writeln!(out, "   {}\n", w.no_actions);
            continue;
        }
        let wide = options.width >= WIDE;
        let mut actions = if wide {
            Layout::new(options, &[NUMBER_WIDTH], &[30, 24, 12, 20, 14])
        } else {
            Layout::new(options, &[NUMBER_WIDTH], &[62, 38])
        };
        if wide {
            actions.header(
                ["#", w.action, w.why, w.owner, w.indicator, w.source]
                    .map(String::from)
                    .to_vec(),
            );
        } else {
            actions.header(vec![
                "#".into(),
                format!("{} · {}", w.action, w.why),
                format!("{} · {} · {}", w.owner, w.indicator, w.source),
            ]);
        }
        for (i, a) in phase.actions.iter().enumerate() {
            let source = plan.speaker_name(&a.speaker).to_string();
            let owner = owner_text(a, w, plan.lang);
            let indicator = indicator_text(&a.indicator, a.due.as_ref(), plan.lang);
            if wide {
                actions.row(vec![
                    (i + 1).to_string(),
                    action_with_progress(a, plan.lang),
                    a.why.clone(),
                    owner,
                    indicator,
                    source,
                ]);
            } else {
                actions.row(vec![
                    (i + 1).to_string(),
                    format!(
                        "{}\n{}{}{}",
                        action_with_progress(a, plan.lang),
                        w.why,
                        w.colon,
                        a.why
                    ),
                    format!("{owner}\n{indicator}\n{source}"),
                ]);
            }
        }
        let _ = writeln!(out, "{}\n", actions.table);
    }
    if !plan.deferred.is_empty() {
        let _ = writeln!(out, "{}{}", w.deferred, w.colon.trim_end());
        let _ = writeln!(out, "{}", wrap_indented(w.deferred_note, width, "  ", "  "));
        for a in &plan.deferred {
            let phase = plan
                .phases
                .iter()
                .find(|p| p.id == a.phase)
                .map_or(a.phase.as_str(), |p| p.title.as_str());
            let line = format!(
                "{}{}{}",
                sanitize(phase),
                w.colon,
                sanitize(&action_with_progress(a, plan.lang))
            );
            let _ = writeln!(out, "{}", wrap_indented(&line, width, "  - ", "    "));
            let detail = compact_detail(plan, a, w, false);
            let _ = writeln!(
                out,
                "{}",
                wrap_indented(&sanitize(&detail), width, "    ", "    ")
            );
        }
        out.push('\n');
    }
    if !plan.speakers.is_empty() {
        let _ = writeln!(out, "{}{}", w.sources, w.colon.trim_end());
        for s in &plan.speakers {
            let affiliation = s
                .affiliation
                .as_deref()
                .map(|a| format!(" — {}", sanitize(a)))
                .unwrap_or_default();
            let basis = s
                .basis
                .as_deref()
                .map(|b| format!(" — {}", sanitize(b)))
                .unwrap_or_default();
            let line = format!("{}{affiliation}{basis}", sanitize(&s.name));
            let _ = writeln!(out, "{}", wrap_indented(&line, width, "  ", "    "));
        }
    }
    out
}

/// The owner, with the outside parties who take part on a line of their own.
fn owner_text(a: &ActionOut, w: &Words, lang: Lang) -> String {
    if a.partners.is_empty() {
        return a.owner.clone();
    }
    let partners = a.partners.join(match lang {
        Lang::Zh => "、",
        Lang::En => "; ",
    });
    format!("{}\n{}{}{partners}", a.owner, w.partners, w.colon)
}

/// Owner, partners, indicator with its date and (when asked) the source, on one line.
fn compact_detail(plan: &Plan, a: &ActionOut, w: &Words, with_source: bool) -> String {
    let mut parts = vec![format!("{}{}{}", w.owner, w.colon, a.owner)];
    if !a.partners.is_empty() {
        let sep = match plan.lang {
            Lang::Zh => "、",
            Lang::En => "; ",
        };
        parts.push(format!("{}{}{}", w.partners, w.colon, a.partners.join(sep)));
    }
    parts.push(format!(
        "{}{}{}",
        w.indicator,
        w.colon,
        indicator_text(&a.indicator, a.due.as_ref(), plan.lang)
    ));
    if with_source {
        parts.push(format!(
            "{}{}{}",
            w.source,
            w.colon,
            plan.speaker_name(&a.speaker)
        ));
    }
    parts.join(" · ")
}
