//! The review screen ("check your answers"): every answer in a table, as people read it, then
//! confirm or pick one to change.

use comfy_table::{ContentArrangement, Table, presets};
use inquire::Select;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Reply, ReviewChoice, Screen, map, reply};
use crate::condition::Var;
use crate::engine::assemble::display_var;
use crate::error::Failure;
use crate::interview::machine::Interview;
use crate::lang::Lang;
use crate::pack::{Pack, QuestionKind};
use crate::render::wrap::lines as wrap;
use crate::terminal::sanitize;
use crate::tr;
use crate::value::Value;

/// An answer as people read it: option labels, yes/no, the number with its unit, or "not
/// given".
pub fn shown(
    pack: &Pack,
    interview: &Interview<'_>,
    evaluation: &crate::engine::Evaluation<'_>,
    q: usize,
    lang: Lang,
) -> String {
    let question = &pack.questions[q];
    let text = display_var(pack, evaluation, Var::Question(q), lang);
    match (&question.kind, &interview.answers()[q]) {
        (_, None) => tr!(lang, "（未填）", "(not given)"),
        (_, Some(Value::Text(t))) if t.trim().is_empty() => tr!(lang, "（未填）", "(not given)"),
        (
            QuestionKind::Number {
                unit: Some(unit), ..
            },
            Some(_),
        ) => format!("{text} {}", sanitize(unit.get(lang))),
        _ => text,
    }
}

/// The review ("check your answers"): every answer in a table, then confirm or pick one to
/// change.
pub fn review(screen: &Screen, interview: &Interview<'_>) -> Result<Reply<ReviewChoice>, Failure> {
    let lang = screen.lang;
    let pack = interview.pack();
    let evaluation = interview.evaluation();
    let rows = interview.review();
    // Cells are wrapped here (Chinese and English alike) so the table fits the screen.
    let inner = screen.width.saturating_sub(12).max(30);
    let question_width = inner * 11 / 20;
    let answer_width = inner - question_width;
    let cell = |text: &str, width: usize| wrap(text, width).join("\n");
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            String::from("#"),
            tr!(lang, "问题", "Question"),
            tr!(lang, "你的回答", "Your answer"),
        ]);
    for (n, row) in rows.iter().enumerate() {
        table.add_row(vec![
            (n + 1).to_string(),
            cell(
                &sanitize(pack.questions[row.question].prompt.get(lang)),
                question_width,
            ),
            cell(
                &shown(pack, interview, &evaluation, row.question, lang),
                answer_width,
            ),
        ]);
    }
    eprintln!();
    screen.say(&tr!(lang, "== 检查你的回答 ==", "== Check your answers =="));
    eprintln!("{table}");
    let mut labels = vec![tr!(lang, "确认，生成行动计划", "Confirm and show the plan")];
    for (n, row) in rows.iter().enumerate() {
        let prompt = sanitize(pack.questions[row.question].prompt.get(lang));
        let label = tr!(lang, "修改 {}：{prompt}", "Change {}: {prompt}", n + 1);
        labels.push(truncate(&label, screen.width.saturating_sub(4)));
    }
    let help = tr!(
        lang,
        "↑↓ 移动 · 回车 选择 · Esc 回到最后一题",
        "↑↓ move · Enter choose · Esc back to the last question"
    );
    let chosen = Select::new(
        &tr!(lang, "回答都对吗？", "Are these answers right?"),
        labels,
    )
    .with_help_message(&help)
    .with_page_size(10)
    .without_filtering()
    .raw_prompt();
    Ok(map(reply(chosen, lang)?, |o| match o.index {
        0 => ReviewChoice::Confirm,
        n => ReviewChoice::Change(rows[n - 1].question),
    }))
}

/// Cuts a one-line text to `width` columns, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}
