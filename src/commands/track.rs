//! `fulcrum track`: the progress file beside an answers file. `--set RULE=STATUS` changes
//! entries without questions; in a terminal, a picker over the plan's actions, phase by phase,
//! changes a status and adds a note; otherwise the progress so far is printed.

use std::io::IsTerminal;
use std::path::Path;

use comfy_table::{ContentArrangement, Table, presets};
use inquire::error::InquireError;
use inquire::{Select, Text};
use unicode_width::UnicodeWidthStr;

use super::session::{
    Context, evaluate, read_answers, read_progress, report_gone, start_date, warn_other_start,
};
use crate::cli::TrackArgs;
use crate::clock::parse_date;
use crate::diagnostic::did_you_mean;
use crate::engine;
use crate::error::{Exit, Failure};
use crate::interview::prompt::{self, Escape, Reply, Screen, truncate};
use crate::lang::Lang;
use crate::outln;
use crate::plan::Plan;
use crate::progress::{self, Entry, Progress, Status, file};
use crate::terminal::sanitize;
use crate::tr;

/// Runs `fulcrum track`.
pub fn run(context: &Context, args: &TrackArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let mut catalog = context.catalog()?;
    let answers = read_answers(context, &mut catalog, &args.answers)?;
    let path = args
        .progress
        .clone()
        .unwrap_or_else(|| progress::default_path(&args.answers));
    let existing = if path.exists() {
        Some(read_progress(context, &mut catalog.sources, &path)?)
    } else {
        None
    };
    let start = match &existing {
        Some(p) => {
            warn_other_start(args.start.as_deref(), p, &path, ui);
            p.start
        }
        None => start_date(args.start.as_deref(), ui)?,
    };
    let evaluated = evaluate(
        context,
        &catalog,
        &answers,
        args.pack.as_deref(),
        &args.answers,
    )?;
    let plan = engine::assemble::build(
        evaluated.pack,
        &evaluated.evaluation,
        evaluated.lang,
        start,
        &catalog.sources,
    );
    let (mut current, gone) = progress::for_plan(
        &plan,
        existing.as_ref().unwrap_or(&Progress {
            start,
            entries: Vec::new(),
        }),
    );
    report_gone(&gone, &path, ui);
    let today = crate::clock::today();
    if !args.set.is_empty() {
        let date = match &args.date {
            Some(d) => parse_date(d).ok_or_else(|| {
                Failure::message(
                    Exit::Usage,
                    tr!(
                        ui,
                        "--date 需要 YYYY-MM-DD 格式的日期（如 2026-03-02），实际是 `{d}`",
                        "--date takes a date as YYYY-MM-DD, such as 2026-03-02, not `{d}`"
                    ),
                )
            })?,
            None => today,
        };
        let changes = args
            .set
            .iter()
            .map(|s| resolve_set(s, &plan, &gone, ui))
            .collect::<Result<Vec<_>, _>>()?;
        for (index, status) in changes {
            let entry = &mut current.entries[index];
            entry.status = status;
            entry.date = Some(date);
            if let Some(note) = &args.note {
                entry.note = Some(note.clone()).filter(|n| !n.trim().is_empty());
            }
            if let Some(observed) = &args.observed {
                entry.observed = Some(observed.clone()).filter(|o| !o.trim().is_empty());
            }
            let action = progress::plan_actions(&plan)[index];
            eprintln!(
                "{}",
                sanitize(&tr!(
                    ui,
                    "{} {}：{}",
                    "{} {}: {}",
                    status.mark(),
                    status.label(ui),
                    action.text
                ))
            );
        }
        save(&path, &current, &plan, ui)?;
        return Ok(Exit::Success);
    }
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        let screen = Screen {
            lang: plan.lang,
            width: context.env.widths.prompt(args.width),
            color: context.color,
        };
        return picker(&screen, &plan, &mut current, &path, today, ui);
    }
    if existing.is_none() {
        eprintln!(
            "{}",
            sanitize(&tr!(
                ui,
                "还没有进度文件 `{}`：用 `--set 规则=done` 记下第一项进展，或在终端里运行 `fulcrum track` 来选择。",
                "no progress file `{}` yet: record the first change with `--set RULE=done`, or run `fulcrum track` in a terminal to choose.",
                path.display()
            ))
        );
    }
    let mut marked = plan.clone();
    progress::apply(&mut marked, &current, today);
    let width = context.output_width(args.width);
    outln!("{}", table(&marked, width, std::io::stdout().is_terminal()));
    eprintln!(
        "{}",
        tr!(
            ui,
            "要更新一条行动：`fulcrum track --answers … --set 方括号中的ID=done`（或 todo、doing、dropped），可加 --note、--observed",
            "to update an action: `fulcrum track --answers … --set ID-IN-BRACKETS=done` (or todo, doing, dropped), with --note and --observed if you like"
        )
    );
    Ok(Exit::Success)
}

/// Finds the action and status of one `--set RULE=STATUS`: the index of the action among
/// [`progress::plan_actions`].
fn resolve_set(
    given: &str,
    plan: &Plan,
    gone: &[Entry],
    ui: Lang,
) -> Result<(usize, Status), Failure> {
    let usage = |message: String| Failure::message(Exit::Usage, message);
    let Some((key, status)) = given.split_once('=') else {
        return Err(usage(tr!(
            ui,
            "--set 要写成 规则=状态，例如 `--set recognize-name-the-problem=done`，实际是 `{given}`",
            "--set takes RULE=STATUS, such as `--set recognize-name-the-problem=done`, not `{given}`"
        )));
    };
    let (key, status) = (key.trim(), status.trim());
    let status = Status::parse(status).ok_or_else(|| {
        usage(tr!(
            ui,
            "未知的状态 `{status}`；状态可以是 todo、doing、done 或 dropped",
            "unknown status `{status}`; a status is todo, doing, done or dropped"
        ))
    })?;
    let actions = progress::plan_actions(plan);
    let by_rule: Vec<usize> = (0..actions.len())
        .filter(|&i| actions[i].rule == key)
        .collect();
    let found: Vec<usize> = if by_rule.is_empty() {
        (0..actions.len())
            .filter(|&i| actions[i].concept == key)
            .collect()
    } else {
        by_rule
    };
    match found.as_slice() {
        [one] => Ok((*one, status)),
        [] => {
            let mut message = if gone.iter().any(|e| e.rule == key || e.concept == key) {
                tr!(
                    ui,
                    "`{key}` 已不在计划中；它的记录仍在进度文件里，可以直接编辑",
                    "`{key}` is no longer in the plan; its entry is still in the progress file, to edit by hand"
                )
            } else {
                tr!(
                    ui,
                    "计划中没有规则或概念 `{key}`",
                    "no rule or concept `{key}` in the plan"
                )
            };
            let ids = actions
                .iter()
                .flat_map(|a| [a.rule.as_str(), a.concept.as_str()]);
            if let Some(near) = did_you_mean(key, ids) {
                message.push_str(&tr!(ui, "。是不是 `{near}`？", "; did you mean `{near}`?"));
            } else {
                message.push_str(&tr!(
                    ui,
                    "。不加 --set 运行 `fulcrum track` 可列出各条行动",
                    "; run `fulcrum track` without --set to list the actions"
                ));
            }
            Err(usage(message))
        }
        several => {
            let concepts: Vec<&str> = several
                .iter()
                .map(|&i| actions[i].concept.as_str())
                .collect();
            Err(usage(tr!(
                ui,
                "规则 `{key}` 给出了多条行动；请用概念 id 指明是哪一条：{}",
                "rule `{key}` gives several actions; name one by its concept id: {}",
                crate::diagnostic::list_names(concepts, 20, ui)
            )))
        }
    }
}

/// Writes the progress file atomically; says where on stderr.
fn save(path: &Path, progress: &Progress, plan: &Plan, ui: Lang) -> Result<(), Failure> {
    if let Some(problem) = crate::output::unusable_target(path, ui) {
        return Err(Failure::message(Exit::Output, problem));
    }
    let text = file::render(progress, plan, plan.lang);
    crate::output::replace_atomically(path, text.as_bytes()).map_err(|e| {
        Failure::message(
            Exit::Output,
            tr!(
                ui,
                "无法写入 `{}`：{e}；原有文件（如有）保持不变",
                "cannot write `{}`: {e}; the old file, if any, is unchanged",
                path.display()
            ),
        )
    })?;
    eprintln!(
        "{}",
        sanitize(&tr!(
            ui,
            "进度已保存到 `{}`",
            "progress saved to `{}`",
            path.display()
        ))
    );
    Ok(())
}

/// The progress as a table: one row per action, phase by phase, with its status, date, note
/// and observed value; the deferred actions last.
pub fn table(plan: &Plan, width: u16, unicode: bool) -> String {
    let lang = plan.lang;
    let mut t = Table::new();
    t.load_style(if unicode {
        presets::UTF8_FULL_CONDENSED
    } else {
        presets::ASCII_FULL_CONDENSED
    })
    .set_content_arrangement(ContentArrangement::Dynamic)
    .set_width(width);
    let (action_h, status_h, note_h) = match lang {
        Lang::Zh => ("行动", "进展", "备注 · 指标实际情况"),
        Lang::En => ("Action", "Status", "Note · observed"),
    };
    t.set_header(vec![action_h, status_h, note_h]);
    let mut rows: Vec<(String, &crate::plan::ActionOut)> = Vec::new();
    for (n, phase) in plan.phases.iter().enumerate() {
        for a in &phase.actions {
            rows.push((format!("{}. {}", n + 1, phase.title), a));
        }
    }
    let deferred = crate::render::words::words(lang).deferred;
    for a in &plan.deferred {
        rows.push((deferred.to_string(), a));
    }
    let all = progress::plan_actions(plan);
    for (phase, a) in rows {
        let Some(p) = &a.progress else { continue };
        // What `--set` takes for this action: its rule, or its concept when the rule gives
        // several actions.
        let key = if all.iter().filter(|b| b.rule == a.rule).count() > 1 {
            &a.concept
        } else {
            &a.rule
        };
        let mut status = format!("{} {}", p.status.mark(), p.status.label(lang));
        if let Some(d) = &p.date {
            status.push('\n');
            status.push_str(d);
        }
        if p.overdue {
            status.push('\n');
            status.push_str(progress::overdue_word(lang));
        }
        let notes: Vec<&str> = [p.note.as_deref(), p.observed.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        t.add_row(vec![
            sanitize(&format!("{phase}\n{}\n[{key}]", a.text)),
            status,
            sanitize(&notes.join("\n")),
        ]);
    }
    t.to_string()
}

/// Turns inquire's outcome into a reply.
fn reply<T>(result: Result<T, InquireError>, lang: Lang) -> Result<Reply<T>, Failure> {
    match result {
        Ok(value) => Ok(Reply::Value(value)),
        Err(InquireError::OperationCanceled) => Ok(Reply::Back),
        Err(InquireError::OperationInterrupted) => Ok(Reply::Stop),
        Err(InquireError::NotTTY) => Err(prompt::no_terminal(lang)),
        Err(e) => Err(Failure::message(
            Exit::Internal,
            tr!(lang, "终端出错：{e}", "the terminal failed: {e}"),
        )),
    }
}

/// The picker: the plan's actions phase by phase, each with its mark; choosing one asks its
/// status, then a note. Every change is saved at once, so leaving (the first item, Esc or
/// Ctrl-C) loses nothing.
fn picker(
    screen: &Screen,
    plan: &Plan,
    current: &mut Progress,
    path: &Path,
    today: jiff::civil::Date,
    ui: Lang,
) -> Result<Exit, Failure> {
    let lang = screen.lang;
    prompt::configure(lang, Escape::Cancel);
    let actions = progress::plan_actions(plan);
    let deferred = crate::render::words::words(lang).deferred;
    let mut cursor = 1;
    loop {
        let mut marked = plan.clone();
        progress::apply(&mut marked, current, today);
        let mut labels = vec![tr!(lang, "✓ 完成，退出", "✓ Finish")];
        for (n, phase) in marked.phases.iter().enumerate() {
            for a in &phase.actions {
                labels.push(item_label(
                    &format!("{}. {}", n + 1, phase.title),
                    a,
                    screen,
                ));
            }
        }
        for a in &marked.deferred {
            labels.push(item_label(deferred, a, screen));
        }
        let message = tr!(
            lang,
            "选择一条行动来更新进展：",
            "Choose an action to update:"
        );
        let page = labels.len().min(12);
        // Once chosen, the action is shown after the question on one line: shortened so the
        // line does not wrap.
        let answer_width = screen
            .width
            .saturating_sub(UnicodeWidthStr::width(message.as_str()) + 3);
        let chosen = Select::new(&message, labels)
            .with_formatter(&|o| truncate(o.value, answer_width))
            .with_help_message(&tr!(
                lang,
                "↑↓ 移动 · 输入文字筛选 · 回车 确认 · Esc 退出",
                "↑↓ move · type to filter · Enter choose · Esc leave"
            ))
            .with_page_size(page)
            .with_starting_cursor(cursor.min(actions.len()))
            .raw_prompt();
        let index = match reply(chosen, lang)? {
            Reply::Value(o) if o.index > 0 => o.index - 1,
            Reply::Value(_) | Reply::Back | Reply::Stop => return Ok(Exit::Success),
        };
        cursor = index + 1;
        let entry = &current.entries[index];
        let statuses: Vec<String> = Status::ALL
            .iter()
            .map(|s| format!("{} {}", s.mark(), s.label(lang)))
            .collect();
        let at = Status::ALL
            .iter()
            .position(|s| *s == entry.status)
            .unwrap_or(0);
        // "? Status of …? ☑ done" on one line, the chosen status included.
        let text = truncate(
            &sanitize(&actions[index].text),
            screen.width.saturating_sub(30),
        );
        let chosen = Select::new(&tr!(lang, "{text} 的进展？", "Status of {text}?"), statuses)
            .with_help_message(&tr!(
                lang,
                "↑↓ 移动 · 回车 确认 · Esc 取消",
                "↑↓ move · Enter choose · Esc cancel"
            ))
            .with_starting_cursor(at)
            .without_filtering()
            .raw_prompt();
        let status = match reply(chosen, lang)? {
            Reply::Value(o) => Status::ALL[o.index.min(Status::ALL.len() - 1)],
            Reply::Back => continue,
            Reply::Stop => return Ok(Exit::Success),
        };
        let typed = Text::new(&tr!(lang, "备注（可留空）：", "Note (may be empty):"))
            .with_initial_value(entry.note.as_deref().unwrap_or_default())
            .with_help_message(&tr!(
                lang,
                "回车 保存 · Esc 不改备注",
                "Enter save · Esc keep the note as it was"
            ))
            .prompt();
        let note = match reply(typed, lang)? {
            Reply::Value(n) => Some(Some(n.trim().to_string()).filter(|n| !n.is_empty())),
            Reply::Back => None,
            Reply::Stop => return Ok(Exit::Success),
        };
        let entry = &mut current.entries[index];
        if entry.status != status {
            entry.date = Some(today);
        }
        entry.status = status;
        if let Some(note) = note {
            entry.note = note;
        }
        save(path, current, plan, ui)?;
    }
}

/// One action in the picker: its phase, mark and text, cut to the screen.
fn item_label(phase: &str, a: &crate::plan::ActionOut, screen: &Screen) -> String {
    let lang = screen.lang;
    let mark = a.progress.as_ref().map_or("☐", |p| p.status.mark());
    let overdue = a
        .progress
        .as_ref()
        .filter(|p| p.overdue)
        .map(|_| format!(" ({})", progress::overdue_word(lang)))
        .unwrap_or_default();
    truncate(
        &sanitize(&format!("{mark} {phase} · {}{overdue}", a.text)),
        screen.width.saturating_sub(4),
    )
}
