//! `--format table`: comfy-table tables that fit the width and line up Chinese text.

use std::fmt::Write as _;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::RenderOptions;
use super::words::{window_text, words};
use crate::plan::Plan;
use crate::terminal::sanitize;

/// Below this width each action is stacked into fewer columns.
const WIDE: u16 = 120;

fn table(options: RenderOptions) -> Table {
    let mut table = Table::new();
    table
        .load_style(if options.unicode {
            presets::UTF8_FULL_CONDENSED
        } else {
            presets::ASCII_FULL_CONDENSED
        })
        .set_content_arrangement(ContentArrangement::DynamicFullWidth)
        .set_width(options.width);
    table
}

/// Renders the plan as text tables.
pub fn render(plan: &Plan, options: RenderOptions) -> String {
    let w = words(plan.lang);
    let mut out = String::new();
    let _ = writeln!(out, "{} · {}", sanitize(&plan.pack.title), w.plan);
    let organization = plan.organization.as_deref().unwrap_or(w.not_given);
    let _ = writeln!(
        out,
        "{}{c}{}\n{}{c}{} {}  ·  {}{c}{}",
        w.organization,
        sanitize(organization),
        w.pack,
        plan.pack.id,
        plan.pack.version,
        w.date,
        plan.date,
        c = w.colon
    );
    out.push('\n');

    let mut diagnosis = table(options);
    diagnosis.set_header(vec![w.diagnosis, w.finding]);
    for row in &plan.diagnosis {
        diagnosis.add_row(vec![sanitize(&row.label), sanitize(&row.value)]);
    }
    let _ = writeln!(out, "{diagnosis}\n");

    if !plan.cautions.is_empty() {
        let _ = writeln!(out, "{}{}", w.cautions, w.colon.trim_end());
        for caution in &plan.cautions {
            let source = caution
                .speaker
                .as_deref()
                .map(|s| format!("{}{}{}", w.brackets.0, plan.speaker_name(s), w.brackets.1))
                .unwrap_or_default();
            let text = format!("{}{source}", sanitize(&caution.text));
            let _ = writeln!(
                out,
                "{}",
                wrap(&text, usize::from(options.width), "  ! ", "    ")
            );
        }
        out.push('\n');
    }
    if let Some(reason) = &plan.blocked {
        let _ = writeln!(out, "{}{}{}\n", w.blocked, w.colon, sanitize(reason));
        return out;
    }

    for (n, phase) in plan.phases.iter().enumerate() {
        let schedule = phase
            .window
            .as_ref()
            .map(|win| format!("  ·  {}", window_text(win, plan.lang)))
            .unwrap_or_default();
        let _ = writeln!(out, "{}. {}{schedule}", n + 1, sanitize(&phase.title));
        if phase.actions.is_empty() {
            let _ = writeln!(out, "   {}\n", w.no_actions);
            continue;
        }
        let mut actions = table(options);
        if options.width >= WIDE {
            actions.set_header(vec!["#", w.action, w.why, w.owner, w.indicator, w.source]);
            for (i, a) in phase.actions.iter().enumerate() {
                actions.add_row(vec![
                    (i + 1).to_string(),
                    sanitize(&a.text),
                    sanitize(&a.why),
                    sanitize(&a.owner),
                    sanitize(&a.indicator),
                    plan.speaker_name(&a.speaker).to_string(),
                ]);
            }
        } else {
            let details = format!("{} · {} · {}", w.owner, w.indicator, w.source);
            actions.set_header(vec![
                "#".to_string(),
                format!("{} · {}", w.action, w.why),
                details,
            ]);
            for (i, a) in phase.actions.iter().enumerate() {
                actions.add_row(vec![
                    (i + 1).to_string(),
                    format!(
                        "{}\n{}{}{}",
                        sanitize(&a.text),
                        w.why,
                        w.colon,
                        sanitize(&a.why)
                    ),
                    format!(
                        "{}\n{}\n{}",
                        sanitize(&a.owner),
                        sanitize(&a.indicator),
                        plan.speaker_name(&a.speaker)
                    ),
                ]);
            }
        }
        // Fixed shares keep every phase's table in the same shape.
        let shares: &[u16] = if options.width >= WIDE {
            &[30, 24, 12, 18, 10]
        } else {
            &[58, 34]
        };
        let mut constraints = vec![ColumnConstraint::Absolute(Width::Fixed(4))];
        constraints.extend(
            shares
                .iter()
                .map(|p| ColumnConstraint::Absolute(Width::Percentage(*p))),
        );
        actions.set_constraints(constraints);
        let _ = writeln!(out, "{actions}\n");
    }
    if !plan.speakers.is_empty() {
        let _ = writeln!(out, "{}{}", w.sources, w.colon.trim_end());
        for s in &plan.speakers {
            let affiliation = s
                .affiliation
                .as_deref()
                .map(|a| format!(" — {}", sanitize(a)))
                .unwrap_or_default();
            let line = format!("{}{affiliation}", sanitize(&s.name));
            let _ = writeln!(
                out,
                "{}",
                wrap(&line, usize::from(options.width), "  ", "    ")
            );
        }
    }
    out
}

/// Wraps text to `width` columns (counting CJK characters as two), with a prefix on the first
/// line and an indent on the others.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::from(first);
    let mut column = first.len();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if column + w > width && column > rest.len() {
            out.push('\n');
            out.push_str(rest);
            column = rest.len();
        }
        out.push(c);
        column += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_by_display_width() {
        assert_eq!(wrap("一二三四五", 8, "! ", "  "), "! 一二三\n  四五");
        assert_eq!(wrap("abc", 80, "! ", "  "), "! abc");
    }
}
