//! Located messages about files people wrote (packs, answers), rendered with the offending line
//! and a caret under the problem.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::lang::Lang;
use crate::source::{FileId, Loc, SourceMap};
use crate::tr;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Warning,
    /// The file cannot be used as it is.
    Error,
}

/// What a kind of problem is: its stable code (docs/lint-codes.md) and how serious it is. Each
/// area's problem enum implements it in one place, beside the enum.
pub trait Coded {
    /// The stable code documented in docs/lint-codes.md.
    fn code(&self) -> &'static str;

    /// Whether the problem stops the file from being used (by default it does).
    fn severity(&self) -> Severity {
        Severity::Error
    }
}

/// How a problem is said in each language. Each area's problem enum implements it in its
/// wording module.
pub trait Worded {
    /// What is wrong, in one line.
    fn message(&self, lang: Lang) -> String;

    /// The words under the caret.
    fn label(&self, lang: Lang) -> String;

    /// Advice, one line each.
    fn help(&self, lang: Lang) -> Vec<String>;
}

/// A problem of a file people wrote, as data: every problem enum becomes a [`Diagnostic`] the
/// same way, once it has a place.
pub trait Problem: Coded + Worded {
    /// The problem as a diagnostic of no place in a file (paths, folders, sizes, missing
    /// answers), worded in `lang`.
    fn unplaced(&self, lang: Lang) -> Diagnostic {
        Diagnostic::new(self.severity(), self.code(), self.message(lang)).helps(self.help(lang))
    }

    /// The problem as a diagnostic at `loc`, worded in `lang`.
    fn diagnostic(&self, loc: Loc, lang: Lang) -> Diagnostic {
        self.unplaced(lang).at(loc, self.label(lang))
    }
}

impl<P: Coded + Worded> Problem for P {}

/// One problem found in a file, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code such as `P012`, documented in `docs/`.
    pub code: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// Where it is, if it has a place in a file.
    pub loc: Option<Loc>,
    /// The label under the caret.
    pub label: String,
    /// How to fix it.
    pub help: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic of `severity`, of no place yet.
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            loc: None,
            label: String::new(),
            help: Vec::new(),
        }
    }

    /// An error.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Error, code, message)
    }

    /// A warning.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Warning, code, message)
    }

    /// Places the diagnostic, with a label under the caret.
    pub fn at(mut self, loc: Loc, label: impl Into<String>) -> Self {
        self.loc = Some(loc);
        self.label = label.into();
        self
    }

    /// Adds a line of advice.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        let help = help.into();
        if !help.is_empty() {
            self.help.push(help);
        }
        self
    }

    /// Adds lines of advice, leaving out empty ones.
    pub fn helps(self, lines: impl IntoIterator<Item = String>) -> Self {
        lines.into_iter().fold(self, Diagnostic::help)
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic with the quoted source line, for a terminal or a log.
    pub fn render(&self, sources: &SourceMap, lang: Lang, color: bool) -> String {
        let level = match (self.severity, lang) {
            (Severity::Error, Lang::Zh) => Level::ERROR.with_name("错误"),
            (Severity::Error, Lang::En) => Level::ERROR,
            (Severity::Warning, Lang::Zh) => Level::WARNING.with_name("警告"),
            (Severity::Warning, Lang::En) => Level::WARNING,
        };
        let help_level = match lang {
            Lang::Zh => Level::HELP.with_name(ZH_HELP),
            Lang::En => Level::HELP,
        };
        let message = crate::terminal::sanitize(&self.message);
        let label = crate::terminal::sanitize(&self.label);
        let mut group = Group::with_title(level.primary_title(message.as_str()).id(self.code));
        let path;
        if let Some(loc) = &self.loc {
            let file = sources.get(loc.file);
            // File names come from the file system and may hold escape sequences too.
            path = crate::terminal::sanitize(&file.name);
            let span = clamp_span(&file.text, loc.span.clone());
            // Only the lines the message points at: quoting the whole file would make the
            // cost of many messages grow with the file's size times their number.
            let (lines, first_line) = file.lines_of(span.clone());
            let span = span.start - lines.start..span.end - lines.start;
            group = group.element(
                Snippet::source(&file.text[lines])
                    .line_start(first_line)
                    .path(path.as_str())
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(span).label(label.as_str())),
            );
        }
        let helps: Vec<String> = self
            .help
            .iter()
            .map(|h| crate::terminal::sanitize(h))
            .collect();
        for help in &helps {
            group = group.element(help_level.clone().message(help.as_str()));
        }
        let report: Vec<Group<'_>> = vec![group];
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let text = renderer
            .decor_style(DecorStyle::Ascii)
            .render(&report)
            .to_string();
        match lang {
            Lang::Zh => full_width_colons(&text),
            Lang::En => text,
        }
    }
}

/// The Chinese name of help lines, as [`Diagnostic::render`] sets it.
const ZH_HELP: &str = "提示";

/// Makes the colons annotate-snippets writes after `错误[P001]` and `提示` full-width, as
/// Chinese punctuation is. `：` is as wide as `: `, so the layout stays aligned. Works on
/// coloured text too: the colon is the first `: ` after the name, past its colour codes.
fn full_width_colons(text: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let name_end = if i == 0 {
                Some(0)
            } else {
                line.find(ZH_HELP)
                    .filter(|&at| {
                        let before = &line[..at];
                        before.contains('=')
                            && before.chars().all(|c| {
                                c.is_ascii_whitespace() || "=\u{1b}[;m0123456789".contains(c)
                            })
                    })
                    .map(|at| at + ZH_HELP.len())
            };
            match name_end.and_then(|end| line[end..].find(": ").map(|c| end + c)) {
                Some(colon) => format!("{}：{}", &line[..colon], &line[colon + 2..]),
                None => line.to_string(),
            }
        })
        .collect();
    lines.join("\n")
}

/// Keeps a span inside the text and on character boundaries.
fn clamp_span(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// Many diagnostics, collected so every problem is reported at once.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// No findings yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a finding.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records a finding and returns it, so advice can be added.
    pub fn push_mut(&mut self, diagnostic: Diagnostic) -> &mut Diagnostic {
        let index = self.items.len();
        self.items.push(diagnostic);
        &mut self.items[index]
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// The findings, in the order they were found.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Takes the findings out.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    /// Adds all findings of another collection.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Whether there is no finding at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// How many messages about one file are shown; the others are counted, by code, in one line.
/// Rendering is linear in the messages shown, so a file with 300,000 mistakes costs no more to
/// report than one with 50.
pub const SHOWN_PER_FILE: usize = 50;

/// Messages of one code about one file that were left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omitted {
    /// The file, or `None` for messages without a place.
    pub file: Option<FileId>,
    /// The code of the messages left out.
    pub code: &'static str,
    /// How many.
    pub count: usize,
}

impl Omitted {
    /// "… and N more of the same kind" for this file and code.
    pub fn render(&self, sources: &SourceMap, lang: Lang) -> String {
        let count = self.count;
        let code = self.code;
        match self.file {
            Some(file) => {
                let name = crate::terminal::sanitize(&sources.get(file).name);
                tr!(
                    lang,
                    "……`{name}` 中还有 {count} 条 {code} 消息未显示（每个文件只显示前 {SHOWN_PER_FILE} 条）",
                    "… and {count} more {code} message(s) about `{name}` (only the first {SHOWN_PER_FILE} per file are shown)"
                )
            }
            None => tr!(
                lang,
                "……还有 {count} 条 {code} 消息未显示",
                "… and {count} more {code} message(s)"
            ),
        }
    }
}

/// Which messages to show: the first [`SHOWN_PER_FILE`] about each file, in order (a `true`
/// for each shown), and the others counted by file and code, in the order first met.
pub fn cap_per_file<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
) -> (Vec<bool>, Vec<Omitted>) {
    let mut per_file: std::collections::HashMap<Option<FileId>, usize> = Default::default();
    let mut omitted: Vec<Omitted> = Vec::new();
    let mut shown = Vec::new();
    for d in diagnostics {
        let file = d.loc.as_ref().map(|l| l.file);
        let seen = per_file.entry(file).or_insert(0);
        *seen += 1;
        let show = *seen <= SHOWN_PER_FILE;
        shown.push(show);
        if !show {
            match omitted
                .iter_mut()
                .find(|o| o.file == file && o.code == d.code)
            {
                Some(o) => o.count += 1,
                None => omitted.push(Omitted {
                    file,
                    code: d.code,
                    count: 1,
                }),
            }
        }
    }
    (shown, omitted)
}

/// The closest candidate to a misspelt name, if one is close enough to suggest.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Lists names for a message: `` `a`, `b`, `c` `` (`` `a`、`b`、`c` `` in Chinese), shortened
/// past `max` names.
pub fn list_names<'a>(names: impl IntoIterator<Item = &'a str>, max: usize, lang: Lang) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    let shown: Vec<String> = names.iter().take(max).map(|n| format!("`{n}`")).collect();
    let list = shown.join(lang.list_separator());
    match (lang, names.len() > max) {
        (_, false) => list,
        (Lang::Zh, true) => format!("{list} 等 {} 个", names.len()),
        (Lang::En, true) => format!("{list}, … (+{})", names.len() - max),
    }
}

/// What the tests of every problem enum check of each problem: a code of `family` (the letter,
/// then three digits: `P007`), a message in both languages, and as many help lines in each.
/// Each enum's tests add what is particular to it.
#[cfg(test)]
pub fn assert_worded<P: Problem + std::fmt::Debug>(problem: &P, family: char) {
    let code = problem.code();
    let mut chars = code.chars();
    assert!(
        code.len() == 4 && chars.next() == Some(family) && chars.all(|c| c.is_ascii_digit()),
        "{problem:?} has the code {code}"
    );
    assert!(
        !problem.message(Lang::Zh).is_empty(),
        "{problem:?} is not worded"
    );
    assert!(
        !problem.message(Lang::En).is_empty(),
        "{problem:?} is not worded"
    );
    assert_eq!(
        problem.help(Lang::Zh).len(),
        problem.help(Lang::En).len(),
        "{problem:?} gives different advice in each language"
    );
}

#[cfg(test)]
mod documented;

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn shows_the_first_messages_of_each_file_and_counts_the_rest() {
        let mut sources = SourceMap::new();
        let a = sources.add("a.toml", None, Arc::from("x = 1\n"));
        let b = sources.add("b.toml", None, Arc::from("y = 1\n"));
        let mut all = Vec::new();
        for i in 0..SHOWN_PER_FILE + 7 {
            let code = if i % 2 == 0 { "A002" } else { "A003" };
            all.push(Diagnostic::error(code, "m").at(Loc::new(a, 0..1), ""));
        }
        all.push(Diagnostic::error("A004", "m").at(Loc::new(b, 0..1), ""));
        let (shown, omitted) = cap_per_file(&all);
        assert_eq!(shown.iter().filter(|s| **s).count(), SHOWN_PER_FILE + 1);
        assert!(
            shown[SHOWN_PER_FILE + 7],
            "the other file's message is shown"
        );
        let counts: Vec<_> = omitted.iter().map(|o| (o.code, o.count)).collect();
        assert_eq!(counts, [("A002", 4), ("A003", 3)]);
        assert_eq!(
            omitted[0].render(&sources, Lang::En),
            "… and 4 more A002 message(s) about `a.toml` (only the first 50 per file are shown)"
        );
        assert!(
            omitted[1]
                .render(&sources, Lang::Zh)
                .contains("`a.toml` 中还有 3 条 A003")
        );
    }

    #[test]
    fn quotes_only_the_lines_pointed_at() {
        let mut sources = SourceMap::new();
        let text = format!(
            "{}bad = 1\n{}",
            "# line\n".repeat(1000),
            "# line\n".repeat(1000)
        );
        let file = sources.add("p.toml", None, Arc::from(text.as_str()));
        let at = text.find("bad").unwrap();
        let rendered = Diagnostic::error("A002", "unknown")
            .at(Loc::new(file, at..at + 3), "here")
            .render(&sources, Lang::En, false);
        assert!(rendered.contains("p.toml:1001:1"), "{rendered}");
        assert!(rendered.contains("1001 | bad = 1"), "{rendered}");
        assert!(!rendered.contains("# line"), "{rendered}");
    }

    #[test]
    fn advice_leaves_out_empty_lines() {
        let d = Diagnostic::new(Severity::Warning, "P004", "m").helps([
            "a".to_string(),
            String::new(),
            "b".to_string(),
        ]);
        assert_eq!(d.help, ["a", "b"]);
        assert_eq!(d.severity, Severity::Warning);
    }

    #[test]
    fn suggests_close_names_only() {
        let names = ["months_left", "org_focus", "who_depends"];
        assert_eq!(did_you_mean("month_left", names), Some("months_left"));
        assert_eq!(did_you_mean("zzz", names), None);
    }

    #[test]
    fn lists_names_in_each_language() {
        let names = ["a", "b", "c"];
        assert_eq!(list_names(names, 5, Lang::En), "`a`, `b`, `c`");
        assert_eq!(list_names(names, 2, Lang::En), "`a`, `b`, … (+1)");
        assert_eq!(list_names(names, 2, Lang::Zh), "`a`、`b` 等 3 个");
    }

    #[test]
    fn renders_file_line_and_caret() {
        let mut sources = SourceMap::new();
        let file = sources.add("p.toml", None, Arc::from("a = 1\nwhen = \"x is y\"\n"));
        let text = Diagnostic::error("C001", "unknown question `x`")
            .at(Loc::new(file, 14..15), "not a question")
            .help("did you mean `y`?")
            .render(&sources, Lang::En, false);
        assert!(text.contains("error[C001]: unknown question `x`"), "{text}");
        assert!(text.contains("p.toml:2:9"), "{text}");
        assert!(text.contains("^ not a question"), "{text}");
        assert!(text.contains("help: did you mean `y`?"), "{text}");
    }

    #[test]
    fn renders_in_chinese_with_full_width_colons() {
        let mut sources = SourceMap::new();
        let file = sources.add("p.toml", None, Arc::from("a = 1: 2\n"));
        let diagnostic = Diagnostic::warning("W1", "注意: 这里")
            .at(Loc::new(file, 4..5), "标签: 一")
            .help("提示: 二");
        let text = diagnostic.render(&sources, Lang::Zh, false);
        assert!(text.starts_with("警告[W1]：注意: 这里\n"), "{text}");
        assert!(text.contains("a = 1: 2"), "{text}");
        assert!(text.contains("^ 标签: 一"), "{text}");
        assert!(text.contains("= 提示：提示: 二"), "{text}");
        // With colour, the same text once the colour codes are taken out.
        let coloured = diagnostic.render(&sources, Lang::Zh, true);
        let mut plain = String::new();
        let mut in_code = false;
        for c in coloured.chars() {
            match c {
                '\u{1b}' => in_code = true,
                'm' if in_code => in_code = false,
                _ if in_code => {}
                _ => plain.push(c),
            }
        }
        assert_eq!(plain, text);
        let english = diagnostic.render(&sources, Lang::En, false);
        assert!(english.starts_with("warning[W1]: 注意"), "{english}");
    }
}
