//! Plans through minijinja templates: the built-in Markdown and HTML templates and the ones
//! trainers pass with `--template`. Every template receives the same data, documented in
//! `docs/outputs.md`: `plan` (the [`Plan`], as in `docs/plan-json.md`) and `words` (the fixed
//! headings of the plan's language), plus the filters `schedule` and `speaker`.

use std::fmt::Write as _;

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior};
use serde::Serialize;

use super::words::{Words, first_steps_title, window_text, words};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::plan::Plan;
use crate::plan::Window;
use crate::source::{FileId, Loc};

/// The code of every problem of a user template (docs/lint-codes.md): one that does not parse
/// or fails while rendering.
pub const TEMPLATE_PROBLEM: &str = "U001";
use crate::terminal::sanitize;
use crate::tr;

/// The markup a template writes, which decides how values are escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Markdown: values are escaped so that they print as written.
    Markdown,
    /// HTML: values are HTML-escaped.
    Html,
}

/// The name of minijinja's custom escaping for Markdown.
const MARKDOWN_ESCAPE: &str = "markdown";

/// Headings that only handouts need, on top of [`Words`].
#[derive(Debug, Serialize)]
struct HandoutWords {
    #[serde(flatten)]
    base: &'static Words,
    /// "Language"
    language: &'static str,
    /// The language's own name.
    language_name: &'static str,
    /// "Notes"
    notes: &'static str,
    /// "Done"
    done: &'static str,
    /// The heading of the first steps, with their number: "First three steps".
    first_steps: String,
}

fn handout_words(plan: &Plan) -> HandoutWords {
    let lang = plan.lang;
    let base = words(lang);
    let first_steps = first_steps_title(plan.first_steps.len(), lang);
    match lang {
        Lang::Zh => HandoutWords {
            base,
            language: "语言",
            language_name: "中文",
            notes: "笔记",
            done: "完成",
            first_steps,
        },
        Lang::En => HandoutWords {
            base,
            language: "Language",
            language_name: "English",
            notes: "Notes",
            done: "Done",
            first_steps,
        },
    }
}

/// Renders `plan` with a template's source. `name` is how errors name the template.
///
/// Plans are often printed straight to a terminal, and both the plan's texts and a
/// `--template` come from other people: control characters and escape sequences are
/// neutralised in the output, whatever the template does with its values.
pub fn render(plan: &Plan, markup: Markup, name: &str, source: &str) -> Result<String, Error> {
    guard(source)?;
    let mut env = environment(markup);
    env.set_fuel(Some(fuel(plan)));
    let template = env.template_from_named_str(name, source)?;
    let context = minijinja::context! {
        plan => Value::from(Serde(plan)),
        words => Value::from(Serde(handout_words(plan))),
    };
    template.render(context).map(|out| sanitize(&out))
}

/// Checks that a template parses, before any plan is rendered with it.
pub fn check(markup: Markup, name: &str, source: &str) -> Result<(), Error> {
    guard(source)?;
    environment(markup)
        .template_from_named_str(name, source)
        .map(|_| ())
}

/// Fuel a render may use whatever the plan: loops, string building and output of a template
/// that never ends are stopped by it (one fuel is about one instruction or 64 bytes of data).
const FUEL_BASE: u64 = 4_000_000;
/// Fuel for each item of the plan (answer, fact, caution, action, phase, speaker): the
/// built-in templates need a few hundred.
const FUEL_PER_ITEM: u64 = 2_000;

/// The fuel of one render of `plan`: proportional to the plan, so a large plan renders, and
/// bounded, so that no template runs for ever or fills memory.
fn fuel(plan: &Plan) -> u64 {
    let actions = plan.action_count();
    let items = plan.answers.len()
        + plan.derived.len()
        + plan.diagnosis.len()
        + plan.cautions.len()
        + plan.first_steps.len()
        + plan.phases.len()
        + actions
        + plan.deferred.len()
        + plan.speakers.len();
    FUEL_BASE.saturating_add(FUEL_PER_ITEM.saturating_mul(items as u64))
}

/// The most operators (filters, attribute lookups, calls, arithmetic, `and`/`or`) one tag may
/// hold: minijinja parses, compiles and drops chains of them recursively, and a chain of some
/// thousands overflows the stack.
const MAX_OPERATORS_PER_TAG: usize = 200;

/// Refuses a template with a tag of more than [`MAX_OPERATORS_PER_TAG`] operators, before
/// minijinja sees it. Text, comments, string literals and `raw` blocks are not counted.
fn guard(source: &str) -> Result<(), Error> {
    let bytes = source.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        let close: &[u8] = match (bytes[i], bytes[i + 1]) {
            (b'{', b'{') => b"}}",
            (b'{', b'%') => b"%}",
            (b'{', b'#') => b"#}",
            _ => {
                i += 1;
                continue;
            }
        };
        let start = i;
        i += 2;
        let mut operators = 0;
        let mut quote: Option<u8> = None;
        let mut words = String::new();
        while i < bytes.len() {
            let b = bytes[i];
            if let Some(q) = quote {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            } else if bytes[i..].starts_with(close) {
                break;
            } else if close != b"#}" {
                match b {
                    b'\'' | b'"' => quote = Some(b),
                    b'|' | b'.' | b'(' | b'[' | b'+' | b'-' | b'*' | b'/' | b'%' | b'~' | b'<'
                    | b'>' | b'=' | b'!' => operators += 1,
                    _ => {}
                }
                if b.is_ascii_alphabetic() {
                    words.push(b as char);
                } else {
                    if words == "and" || words == "or" {
                        operators += 1;
                    }
                    words.clear();
                }
            }
            i += 1;
        }
        if operators > MAX_OPERATORS_PER_TAG {
            let line = source[..start].matches('\n').count() + 1;
            return Err(Error::new(
                ErrorKind::SyntaxError,
                format!(
                    "the tag on line {line} chains more than {MAX_OPERATORS_PER_TAG} operators"
                ),
            ));
        }
        i += close.len();
        // The text of a raw block is not template code.
        let tag = source.get(start + 2..i.saturating_sub(2)).unwrap_or("");
        if close == b"%}"
            && tag.trim_matches(|c: char| c.is_whitespace() || c == '-' || c == '+') == "raw"
        {
            match source[i.min(source.len())..].find("endraw") {
                Some(at) => i += at,
                None => break,
            }
        }
    }
    Ok(())
}

/// The environment every template renders in: Markdown or HTML escaping of values, the
/// layout of blocks, and the filters of `docs/outputs.md`. The review report's templates
/// ([`crate::review::render`]) render in it too.
pub fn environment<'s>(markup: Markup) -> Environment<'s> {
    let mut env = Environment::new();
    env.set_debug(true);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.set_auto_escape_callback(move |_| match markup {
        Markup::Html => AutoEscape::Html,
        Markup::Markdown => AutoEscape::Custom(MARKDOWN_ESCAPE.into()),
    });
    env.set_formatter(|out, state, value| {
        if *state.auto_escape() == AutoEscape::Custom(MARKDOWN_ESCAPE.into()) {
            let text = if value.is_safe() {
                value.to_string()
            } else {
                escape_markdown(&value.to_string())
            };
            out.write_str(&text).map_err(Error::from)
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    env.add_filter("schedule", schedule);
    env.add_filter("speaker", speaker);
    env.add_filter("phase_title", phase_title);
    env.add_filter("progress", progress);
    env
}

/// `{{ action.progress | progress }}`: where an action stands, with its mark and date and
/// whether it is overdue (`☑ done 2026-02-01`, `◐ doing · overdue`); empty for an action to
/// do and on time, or a plan printed without a progress file.
fn progress(state: &State, value: Value) -> Result<String, Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(String::new());
    }
    let status = value
        .get_attr("status")
        .ok()
        .and_then(|s| s.as_str().and_then(crate::progress::Status::parse))
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOperation,
                "`progress` takes an action's `progress`",
            )
        })?;
    let date = value
        .get_attr("date")
        .ok()
        .filter(|d| !d.is_none() && !d.is_undefined())
        .map(|d| d.to_string());
    let overdue = value.get_attr("overdue").is_ok_and(|o| o.is_true());
    let shown = crate::plan::ActionProgress {
        status,
        date,
        note: None,
        observed: None,
        overdue,
    };
    Ok(crate::progress::describe(&shown, plan_lang(state)).unwrap_or_default())
}

/// `{{ phase.window | schedule }}`: a phase's weeks and dates in the plan's language.
fn schedule(state: &State, window: Value) -> Result<String, Error> {
    if window.is_none() || window.is_undefined() {
        return Ok(String::new());
    }
    let number = |key: &str| window.get_attr(key).ok().and_then(|v| v.as_i64());
    let text = |key: &str| window.get_attr(key).ok().map(|v| v.to_string());
    let (Some(start_week), Some(end_week), Some(start_date), Some(end_date)) = (
        number("start_week"),
        number("end_week"),
        text("start_date"),
        text("end_date"),
    ) else {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            "`schedule` takes a phase's `window`",
        ));
    };
    let window = Window {
        start_week,
        end_week,
        start_date,
        end_date,
        after_end_week: number("after_end_week"),
    };
    Ok(window_text(&window, plan_lang(state)))
}

/// `{{ action.speaker | speaker }}`: the name of a cited source.
fn speaker(state: &State, id: &str) -> String {
    lookup_name(state, "speakers", "name", id)
}

/// `{{ action.phase | phase_title }}`: the title of a phase.
fn phase_title(state: &State, id: &str) -> String {
    lookup_name(state, "phases", "title", id)
}

/// The `field` of the item of `plan.<list>` whose id is `id`; the id itself if none.
fn lookup_name(state: &State, list: &str, field: &str, id: &str) -> String {
    state
        .lookup("plan")
        .and_then(|plan| plan.get_attr(list).ok())
        .and_then(|items| items.try_iter().ok().map(|it| it.collect::<Vec<_>>()))
        .and_then(|items| {
            items.into_iter().find_map(|item| {
                let matches = item
                    .get_attr("id")
                    .ok()
                    .is_some_and(|v| v.as_str() == Some(id));
                matches
                    .then(|| item.get_attr(field).ok().map(|n| n.to_string()))
                    .flatten()
            })
        })
        .unwrap_or_else(|| id.to_string())
}

fn plan_lang(state: &State) -> Lang {
    state
        .lookup("plan")
        .and_then(|plan| plan.get_attr("lang").ok())
        .and_then(|lang| lang.as_str().and_then(|l| l.parse().ok()))
        .unwrap_or(Lang::En)
}

/// Escapes the characters Markdown would read as formatting, and folds line breaks, so a
/// value prints as written in a paragraph, a list item or a table cell.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A located message for a template that does not parse or fails to render. `file` is the
/// template's file in the source map.
pub fn error_diagnostic(error: &Error, file: FileId, source: &str, lang: Lang) -> Diagnostic {
    let detail = error
        .detail()
        .map_or_else(|| error.kind().to_string(), str::to_string);
    let span = error
        .range()
        .or_else(|| error.line().map(|line| line_span(source, line)))
        .unwrap_or(0..0);
    let mut message = tr!(lang, "模板错误：{detail}", "template error: {detail}");
    if error.kind() == ErrorKind::UndefinedError {
        let _ = write!(
            message,
            "{}",
            tr!(
                lang,
                "（模板能用的数据见 docs/outputs.md）",
                " (see docs/outputs.md for the data templates receive)"
            )
        );
    }
    Diagnostic::error(TEMPLATE_PROBLEM, message)
        .at(Loc::new(file, span), tr!(lang, "这里", "here"))
        .help(tr!(
            lang,
            "模板使用 minijinja（Jinja2）语法；模板的数据和内置模板见 docs/outputs.md",
            "templates use minijinja (Jinja2) syntax; docs/outputs.md lists their data and where the built-in ones are"
        ))
}

/// The byte range of a 1-based line.
fn line_span(source: &str, line: usize) -> std::ops::Range<usize> {
    let mut start = 0;
    for (n, l) in source.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            return start..start + l.trim_end().len();
        }
        start += l.len();
    }
    0..0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_keeps_text_as_written() {
        assert_eq!(
            escape_markdown("a*b_c [x] <y> | #1"),
            "a\\*b\\_c \\[x\\] \\<y\\> \\| \\#1"
        );
        assert_eq!(escape_markdown("两行\n文字"), "两行 文字");
    }

    #[test]
    fn lines_map_to_byte_ranges() {
        assert_eq!(line_span("ab\ncd\n", 2), 3..5);
        assert_eq!(line_span("ab", 9), 0..0);
    }
}
