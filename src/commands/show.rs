//! `fulcrum rules show PACK`: the questions, derived facts and rules of a pack as tables, so a
//! trainer can review a pack without reading every file.

use std::io::{IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};

use super::session::Context;
use crate::cli::ShowArgs;
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::pack::{DerivedKind, Pack, QuestionKind};
use crate::terminal::sanitize;
use crate::tr;

/// Runs `rules show`.
pub fn run(context: &Context, args: &ShowArgs) -> Result<Exit, Failure> {
    let catalog = context.catalog_from_source()?;
    let pack = super::session::pack_by_id(&catalog, &args.pack, context.ui)?;
    // The pack's texts and the table around them in one language: `--lang`, else the
    // environment's, else the pack's default (a C locale says nothing).
    let lang = context.plan_lang(pack, None);
    let ui = lang;
    let width = std::io::stdout()
        .is_terminal()
        .then(|| context.output_width(args.width))
        .or(args.width);
    let mut out = sanitize(&tr!(
        ui,
        "{}（{} {}）\n",
        "{} ({} {})\n",
        pack.title.get(lang),
        pack.id,
        pack.version
    ));
    let sections = [
        (
            tr!(ui, "问题", "Questions"),
            pack.questions.len(),
            questions(pack, ui, lang),
        ),
        (
            tr!(ui, "派生事实", "Derived facts"),
            pack.derived.len(),
            derived(pack, ui, lang),
        ),
        (tr!(ui, "规则", "Rules"), pack.rules.len(), rules(pack, ui)),
    ];
    for (title, count, mut table) in sections {
        if let Some(width) = width {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width);
        }
        out.push_str(&tr!(
            ui,
            "\n{title}（{count}）\n{table}\n",
            "\n{title} ({count})\n{table}\n"
        ));
    }
    // A reader that stops early (`| head`) is not an error.
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::message(
            Exit::Output,
            tr!(ui, "无法输出：{e}", "cannot write the output: {e}"),
        )),
        _ => Ok(Exit::Success),
    }
}

fn new_table(header: Vec<String>) -> Table {
    let mut table = Table::new();
    table.load_style(presets::ASCII_FULL_CONDENSED);
    table.set_header(header);
    table
}

fn questions(pack: &Pack, ui: Lang, lang: Lang) -> Table {
    let mut table = new_table(vec![
        "id".to_string(),
        tr!(ui, "类型", "kind"),
        tr!(ui, "何时询问", "asked when"),
        tr!(ui, "选项", "options"),
    ]);
    for q in &pack.questions {
        let options = match &q.kind {
            QuestionKind::Single { options } | QuestionKind::Multi { options, .. } => options
                .iter()
                .map(|o| {
                    let mut line = format!("{}: {}", o.id, o.label.get(lang));
                    if o.score != 0 {
                        line.push_str(&tr!(ui, "（{} 分）", " (score {})", o.score));
                    }
                    if o.exclusive {
                        line.push_str(&tr!(ui, "（排他）", " (exclusive)"));
                    }
                    line
                })
                .collect::<Vec<_>>()
                .join("\n"),
            QuestionKind::Number { min, max, unit } => {
                let unit = unit.as_ref().map_or("", |u| u.get(lang));
                format!("{min}–{max} {unit}").trim_end().to_string()
            }
            QuestionKind::Bool => tr!(ui, "是 / 否", "yes / no"),
            QuestionKind::Text { max_length } => {
                tr!(ui, "最多 {max_length} 字", "up to {max_length} characters")
            }
        };
        table.add_row(vec![
            sanitize(&q.id),
            kind_label(&q.kind, ui),
            sanitize(&when_text(q.when.as_ref().map(|c| c.source.as_str()), ui)),
            sanitize(&options),
        ]);
    }
    table
}

fn derived(pack: &Pack, ui: Lang, lang: Lang) -> Table {
    let mut table = new_table(vec![
        "id".to_string(),
        tr!(ui, "名称", "label"),
        tr!(ui, "计算方式", "how it is computed"),
    ]);
    for d in &pack.derived {
        let how = match &d.kind {
            DerivedKind::Sum { terms } => {
                let names: Vec<&str> = terms.iter().map(|&v| pack.var_id(v)).collect();
                tr!(ui, "求和：{}", "sum: {}", names.join(" + "))
            }
            DerivedKind::Classify { values, cases } => cases
                .iter()
                .map(|case| {
                    let value = &values[case.value];
                    let when = case
                        .when
                        .as_ref()
                        .map_or_else(|| tr!(ui, "其他情况", "otherwise"), |c| c.source.clone());
                    let mut line = format!("{} ← {when}", value.id);
                    if value.blocks.is_some() {
                        line.push_str(&tr!(ui, "（阻断计划）", " (blocks the plan)"));
                    }
                    line
                })
                .collect::<Vec<_>>()
                .join("\n"),
        };
        table.add_row(vec![
            sanitize(&d.id),
            sanitize(d.label.get(lang)),
            sanitize(&how),
        ]);
    }
    table
}

fn rules(pack: &Pack, ui: Lang) -> Table {
    let mut table = new_table(vec![
        "id".to_string(),
        tr!(ui, "条件", "when"),
        tr!(
            ui,
            "行动（阶段 / 概念 / 讲者）",
            "actions (phase / concept / speaker)"
        ),
        tr!(ui, "提醒", "cautions"),
    ]);
    for rule in &pack.rules {
        let actions: Vec<String> = rule
            .actions
            .iter()
            .map(|a| {
                format!(
                    "{} / {} / {}",
                    pack.phases[a.phase].id, a.concept, pack.speakers[a.speaker].id
                )
            })
            .collect();
        table.add_row(vec![
            sanitize(&rule.id),
            sanitize(&when_text(
                rule.when.as_ref().map(|c| c.source.as_str()),
                ui,
            )),
            sanitize(&actions.join("\n")),
            rule.cautions.len().to_string(),
        ]);
    }
    table
}

/// A condition as written, or "always".
/// A question's kind as written in the pack (`single`), with its meaning in Chinese.
fn kind_label(kind: &QuestionKind, ui: Lang) -> String {
    let gloss = match kind {
        QuestionKind::Single { .. } => "单选",
        QuestionKind::Multi { .. } => "多选",
        QuestionKind::Bool => "是否",
        QuestionKind::Number { .. } => "数字",
        QuestionKind::Text { .. } => "文字",
    };
    tr!(ui, "{}（{gloss}）", "{}", kind.name())
}

fn when_text(source: Option<&str>, ui: Lang) -> String {
    source.map_or_else(|| tr!(ui, "总是", "always"), str::to_string)
}
