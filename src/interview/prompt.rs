//! The inquire front end: one function per kind of screen. Each returns what the person did
//! ([`Reply`]); the decisions stay in [`super::machine`].
//!
//! Prompts and messages go to stderr (inquire draws there), so stdout carries only the plan.

use std::fmt;

use inquire::error::InquireError;
use inquire::list_option::ListOption;
use inquire::ui::{Color, RenderConfig, Styled};
use inquire::validator::Validation;
use inquire::{MultiSelect, Select, Text};
use unicode_width::UnicodeWidthStr;

use super::machine::Ask;
use super::validate::validate;
use crate::engine::assemble::join_labels;
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::pack::{Pack, Question, QuestionKind};
use crate::render::wrap::{lines as wrap, wrap_indented};
use crate::terminal::sanitize;
use crate::tr;
use crate::value::Value;

mod review;

pub use review::{review, shown, truncate};

/// What the person did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    /// Gave an answer.
    Value(T),
    /// Pressed Esc: go back.
    Back,
    /// Pressed Ctrl-C: stop and keep the draft.
    Stop,
}

/// What the person chose on the review screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewChoice {
    /// The answers are right: show the plan.
    Confirm,
    /// Change the answer to this question.
    Change(usize),
}

/// How prompts look: language and width.
#[derive(Debug, Clone, Copy)]
pub struct Screen {
    /// Language of prompts.
    pub lang: Lang,
    /// Columns available.
    pub width: usize,
    /// Whether dim text may use colour codes.
    pub color: bool,
}

impl Screen {
    /// Prints a line on stderr, dimmed when colour is allowed.
    pub fn note(&self, text: &str) {
        if self.color {
            eprintln!("\x1b[2m{text}\x1b[0m");
        } else {
            eprintln!("{text}");
        }
    }

    /// Prints wrapped text on stderr.
    pub fn say(&self, text: &str) {
        eprintln!("{}", wrap(text, self.width).join("\n"));
    }

    /// A prompt's message, wrapped after the `? ` inquire puts before it.
    fn message(&self, text: &str) -> String {
        wrap_indented(&sanitize(text), self.width.saturating_sub(12), "", "  ")
    }

    /// An answer as inquire leaves it after the prompt: on the prompt's last line when it
    /// fits, else wrapped on the lines below.
    fn answered(&self, message: &str, answer: &str) -> String {
        let last = message.rsplit('\n').next().unwrap_or_default().width();
        if last + answer.width() + 4 <= self.width {
            answer.to_string()
        } else {
            format!("\n  {}", wrap_indented(answer, self.width, "", "  "))
        }
    }

    /// A help text wrapped inside inquire's brackets, with the keys on the last line.
    fn help(&self, text: &str, keys: &str) -> String {
        let mut lines = if text.trim().is_empty() {
            Vec::new()
        } else {
            wrap(&sanitize(text), self.width.saturating_sub(2))
        };
        lines.push(keys.to_string());
        lines.join("\n")
    }
}

/// An option in a list: its label, and the label wrapped under the cursor column.
struct Item {
    label: String,
    shown: String,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

fn items<'a>(screen: &Screen, labels: impl Iterator<Item = &'a str>, indent: &str) -> Vec<Item> {
    labels
        .map(|label| {
            let label = sanitize(label);
            Item {
                shown: wrap_indented(&label, screen.width.saturating_sub(1), "", indent),
                label,
            }
        })
        .collect()
}

/// Turns inquire's outcome into a reply; a missing terminal or a broken one is a failure.
fn reply<T>(result: Result<T, InquireError>, lang: Lang) -> Result<Reply<T>, Failure> {
    match result {
        Ok(value) => Ok(Reply::Value(value)),
        Err(InquireError::OperationCanceled) => Ok(Reply::Back),
        Err(InquireError::OperationInterrupted) => Ok(Reply::Stop),
        Err(InquireError::NotTTY) => Err(no_terminal(lang)),
        Err(e) => Err(Failure::message(
            Exit::Internal,
            tr!(lang, "终端出错：{e}", "the terminal failed: {e}"),
        )),
    }
}

/// The failure when questions would have to be asked without a terminal.
pub fn no_terminal(lang: Lang) -> Failure {
    Failure::message(
        Exit::Usage,
        tr!(
            lang,
            "没有可以提问的终端（标准输入不是终端）。请用 `--answers 答案.toml` 提供全部答案，例如 `fulcrum run --answers 答案.toml` 或 `fulcrum plan --answers 答案.toml`",
            "no terminal to ask questions on (stdin is not a terminal). Give every answer in a file with `--answers FILE`, e.g. `fulcrum run --answers answers.toml` or `fulcrum plan --answers answers.toml`"
        ),
    )
}

fn keys_choose(lang: Lang) -> String {
    tr!(
        lang,
        "↑↓ 移动 · 回车 确认 · Esc 上一题",
        "↑↓ move · Enter choose · Esc back"
    )
}

/// Keys of lists outside the questions (packs, drafts, saving), where Esc cancels.
fn keys_pick(lang: Lang) -> String {
    tr!(
        lang,
        "↑↓ 移动 · 回车 确认 · Esc 取消",
        "↑↓ move · Enter choose · Esc cancel"
    )
}

fn keys_multi(lang: Lang) -> String {
    tr!(
        lang,
        "↑↓ 移动 · 空格 勾选 · 回车 确认 · Esc 上一题",
        "↑↓ move · Space tick · Enter confirm · Esc back"
    )
}

fn keys_type(lang: Lang) -> String {
    tr!(lang, "回车 确认 · Esc 上一题", "Enter confirm · Esc back")
}

/// What Esc does at the prompts that follow, and so what it leaves where the prompt was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// Esc goes back to the previous question: "← back".
    Back,
    /// Esc cancels the choice: "(cancelled)".
    Cancel,
}

/// Sets how the prompts that follow look: Esc leaves "← back" or "(cancelled)" behind, in
/// `lang`, instead of inquire's English `<canceled>`.
pub fn configure(lang: Lang, escape: Escape) {
    let left = match (escape, lang) {
        (Escape::Back, Lang::Zh) => "← 返回",
        (Escape::Back, Lang::En) => "← back",
        (Escape::Cancel, Lang::Zh) => "（已取消）",
        (Escape::Cancel, Lang::En) => "(cancelled)",
    };
    inquire::set_global_render_config(
        RenderConfig::default()
            .with_canceled_prompt_indicator(Styled::new(left).with_fg(Color::DarkGrey)),
    );
}

/// Prints the short introduction: what the tool does, how long it takes, the keys.
/// `to_answer` questions are still open; `answered` were answered before (a draft or file).
pub fn intro(screen: &Screen, pack: &Pack, to_answer: usize, answered: usize) {
    let lang = screen.lang;
    let title = sanitize(pack.title.get(lang));
    // About forty seconds a question.
    let minutes = (to_answer * 2).div_ceil(3).max(1);
    eprintln!();
    screen.say(&tr!(lang, "fulcrum · {title}", "fulcrum · {title}"));
    if answered == 0 {
        screen.say(&tr!(
            lang,
            "回答大约 {to_answer} 个问题（约 {minutes} 分钟），最后得到一份分阶段的行动计划。每答一题都会自动保存草稿。",
            "Answer about {to_answer} questions (about {minutes} minutes) and get a staged action plan. Every answer is saved in a draft as you go."
        ));
    } else {
        screen.say(&tr!(
            lang,
            "已有 {answered} 个回答，还剩 {to_answer} 题。每答一题都会自动保存草稿。",
            "{answered} answer(s) already given, {to_answer} question(s) to go. Every answer is saved in a draft as you go."
        ));
    }
    screen.note(&wrap(
        &tr!(
            lang,
            "按键：↑↓ 移动 · 回车 确认 · 空格 勾选多选题 · Esc 回到上一题 · Ctrl-C 停止（保留草稿，之后用 fulcrum run --resume 继续）",
            "Keys: ↑↓ move · Enter confirm · Space tick (multiple choice) · Esc previous question · Ctrl-C stop (the draft is kept; continue with fulcrum run --resume)"
        ),
        screen.width,
    )
    .join("\n"));
}

/// Prints the section title (when entering a section) and the progress line.
pub fn progress(screen: &Screen, pack: &Pack, ask: &Ask) {
    let lang = screen.lang;
    let question = &pack.questions[ask.question];
    let section = question.section.map(|s| &pack.sections[s]);
    eprintln!();
    let place = place(lang, ask);
    match section {
        Some(section) if ask.section_start => {
            screen.say(&format!("== {} ==", sanitize(section.title.get(lang))));
            if let Some(intro) = &section.intro {
                screen.say(&sanitize(intro.get(lang)));
            }
            screen.note(&place);
        }
        Some(section) => screen.note(&format!("{} · {place}", sanitize(section.title.get(lang)))),
        None => screen.note(&place),
    }
}

/// Where a question stands: "question 3 · 4 more to come" (also shown by the web questionnaire).
pub fn place(lang: Lang, ask: &Ask) -> String {
    match ask.remaining {
        _ if ask.from_review => tr!(
            lang,
            "第 {} 题 · 改完回到检查页",
            "question {} · then back to the review",
            ask.number
        ),
        0 if ask.more_possible => tr!(
            lang,
            "第 {} 题 · 之后可能还有题，取决于这里的回答",
            "question {} · more may follow, depending on this answer",
            ask.number
        ),
        0 => tr!(
            lang,
            "第 {} 题 · 最后一题",
            "question {} · the last one",
            ask.number
        ),
        n => tr!(
            lang,
            "第 {} 题 · 之后还有 {n} 题",
            "question {} · {n} more to come",
            ask.number
        ),
    }
}

/// Asks one question. `None` in the reply passes over an optional question.
pub fn question(
    screen: &Screen,
    question: &Question,
    preset: Option<&Value>,
) -> Result<Reply<Option<Value>>, Failure> {
    let lang = screen.lang;
    let message = screen.message(question.prompt.get(lang));
    let help_text = question.help.get(lang);
    match &question.kind {
        QuestionKind::Single { options } => {
            let mut labels: Vec<&str> = options.iter().map(|o| o.label.get(lang)).collect();
            let skip = tr!(lang, "（跳过）", "(skip)");
            if !question.required {
                labels.push(&skip);
            }
            let start = match preset {
                Some(Value::Choice(i)) => *i,
                _ => 0,
            };
            let help = screen.help(help_text, &keys_choose(lang));
            let list = items(screen, labels.into_iter(), "  ");
            let page = list.len().min(12);
            let format = |o: ListOption<&Item>| screen.answered(&message, &o.value.label);
            let chosen = Select::new(&message, list)
                .with_help_message(&help)
                .with_starting_cursor(start)
                .with_page_size(page)
                .with_formatter(&format)
                .raw_prompt();
            Ok(map(reply(chosen, lang)?, |o| {
                (o.index < options.len()).then_some(Value::Choice(o.index))
            }))
        }
        QuestionKind::Bool => {
            let yes = tr!(lang, "是", "Yes");
            let no = tr!(lang, "否", "No");
            let mut labels = vec![yes.as_str(), no.as_str()];
            let skip = tr!(lang, "（跳过）", "(skip)");
            if !question.required {
                labels.push(&skip);
            }
            let start = match preset {
                Some(Value::Bool(false)) => 1,
                _ => 0,
            };
            let help = screen.help(help_text, &keys_choose(lang));
            let chosen = Select::new(&message, items(screen, labels.into_iter(), "  "))
                .with_help_message(&help)
                .with_starting_cursor(start)
                .raw_prompt();
            Ok(map(reply(chosen, lang)?, |o| {
                (o.index < 2).then_some(Value::Bool(o.index == 0))
            }))
        }
        QuestionKind::Multi { options, .. } => {
            let defaults: Vec<usize> = match preset {
                Some(Value::Choices(mask)) => {
                    (0..options.len()).filter(|i| mask >> i & 1 == 1).collect()
                }
                _ => Vec::new(),
            };
            let help = screen.help(help_text, &keys_multi(lang));
            let list = items(screen, options.iter().map(|o| o.label.get(lang)), "      ");
            let page = list.len().min(12);
            let checked = question.clone();
            let format = |selected: &[ListOption<&Item>]| {
                let labels: Vec<&str> = selected.iter().map(|o| o.value.label.as_str()).collect();
                screen.answered(&message, &join_labels(labels, lang))
            };
            let chosen = MultiSelect::new(&message, list)
                .with_help_message(&help)
                .with_default(&defaults)
                .with_page_size(page)
                .with_formatter(&format)
                .with_validator(move |selected: &[ListOption<&Item>]| {
                    let mask = selected.iter().fold(0u64, |m, o| m | 1 << o.index);
                    Ok(verdict(&checked, &Value::Choices(mask), lang))
                })
                .raw_prompt();
            Ok(map(reply(chosen, lang)?, |selected| {
                Some(Value::Choices(
                    selected.iter().fold(0u64, |m, o| m | 1 << o.index),
                ))
            }))
        }
        QuestionKind::Number { min, max, unit } => {
            let unit = unit.as_ref().map(|u| sanitize(u.get(lang)));
            let range = match &unit {
                Some(u) => tr!(lang, "{min}–{max} {u}", "{min}–{max} {u}"),
                None => format!("{min}–{max}"),
            };
            let help = screen.help(help_text, &format!("{range} · {}", keys_type(lang)));
            let default = match preset {
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            let checked = question.clone();
            let mut prompt =
                Text::new(&message)
                    .with_help_message(&help)
                    .with_validator(move |input: &str| {
                        Ok(match parse_number(&checked, input) {
                            Ok(value) => {
                                value.map_or(Validation::Valid, |v| verdict(&checked, &v, lang))
                            }
                            Err(e) => Validation::Invalid(e.message(lang).into()),
                        })
                    });
            if !default.is_empty() {
                prompt = prompt.with_default(&default);
            }
            let typed = reply(prompt.prompt(), lang)?;
            Ok(map(typed, |input| {
                parse_number(question, &input).ok().flatten()
            }))
        }
        QuestionKind::Text { .. } => {
            let initial = match preset {
                Some(Value::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let note = if question.required {
                keys_type(lang)
            } else {
                tr!(lang, "可不填 · {}", "optional · {}", keys_type(lang))
            };
            let help = screen.help(help_text, &note);
            let checked = question.clone();
            let format = |input: &str| screen.answered(&message, input.trim());
            let typed = Text::new(&message)
                .with_help_message(&help)
                .with_initial_value(&initial)
                .with_formatter(&format)
                .with_validator(move |input: &str| {
                    Ok(verdict(
                        &checked,
                        &Value::Text(input.trim().to_string()),
                        lang,
                    ))
                })
                .prompt();
            Ok(map(reply(typed, lang)?, |input| {
                Some(Value::Text(input.trim().to_string()))
            }))
        }
    }
}

/// Text typed for a number question that is not a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

impl NotANumber {
    /// The message to show.
    pub fn message(self, lang: Lang) -> String {
        tr!(
            lang,
            "请输入整数，例如 12。",
            "Type a whole number, such as 12."
        )
    }
}

/// A number typed at a prompt (or in a web form): `Ok(None)` for an empty answer.
pub fn parse_number(question: &Question, input: &str) -> Result<Option<Value>, NotANumber> {
    let input = input.trim();
    if input.is_empty() && !question.required {
        return Ok(None);
    }
    input
        .parse::<i64>()
        .map(|n| Some(Value::Number(n)))
        .map_err(|_| NotANumber)
}

/// The validator's verdict on a value, with the machine's message.
fn verdict(question: &Question, value: &Value, lang: Lang) -> Validation {
    match validate(question, Some(value)) {
        Ok(()) => Validation::Valid,
        Err(invalid) => Validation::Invalid(invalid.message(question, lang).into()),
    }
}

fn map<T, U>(reply: Reply<T>, f: impl FnOnce(T) -> U) -> Reply<U> {
    match reply {
        Reply::Value(v) => Reply::Value(f(v)),
        Reply::Back => Reply::Back,
        Reply::Stop => Reply::Stop,
    }
}

/// A list to pick one item from (packs, drafts, formats).
pub fn pick(screen: &Screen, message: &str, labels: Vec<String>) -> Result<Reply<usize>, Failure> {
    let lang = screen.lang;
    let list = items(screen, labels.iter().map(String::as_str), "  ");
    let page = list.len().min(10);
    let chosen = Select::new(message, list)
        .with_help_message(&keys_pick(lang))
        .with_page_size(page)
        .without_filtering()
        .raw_prompt();
    Ok(map(reply(chosen, lang)?, |o| o.index))
}

/// A yes/no question, as a list so that it works the same in both languages.
pub fn yes_no(screen: &Screen, message: &str, default: bool) -> Result<Reply<bool>, Failure> {
    let lang = screen.lang;
    let labels = vec![tr!(lang, "是", "Yes"), tr!(lang, "否", "No")];
    let chosen = Select::new(&screen.message(message), labels)
        .with_help_message(&keys_pick(lang))
        .with_starting_cursor(usize::from(!default))
        .without_filtering()
        .raw_prompt();
    Ok(map(reply(chosen, lang)?, |o| o.index == 0))
}

/// Asks for a file name, offering `default`.
pub fn file_name(screen: &Screen, message: &str, default: &str) -> Result<Reply<String>, Failure> {
    let lang = screen.lang;
    let typed = Text::new(&screen.message(message))
        .with_initial_value(default)
        .with_help_message(&keys_type(lang))
        .with_validator(move |input: &str| {
            Ok(if input.trim().is_empty() {
                Validation::Invalid(tr!(lang, "请输入文件名。", "Type a file name.").into())
            } else {
                Validation::Valid
            })
        })
        .prompt();
    Ok(map(reply(typed, lang)?, |s| s.trim().to_string()))
}

#[cfg(test)]
mod tests;
