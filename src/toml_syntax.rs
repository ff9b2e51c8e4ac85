//! TOML syntax mistakes that the parser reports at the wrong place, found again at the right one.
//!
//! The `toml` parser notices a missing `}` or an unclosed quote only where the next key begins,
//! often on the next line, and calls it `missing comma between key-value pairs`; it calls a
//! full-width `，` typed by a Chinese input method a missing comma; and it calls `[rule]`
//! written for `[[rule]]` a duplicate key. [`diagnose`] looks at the text around the reported
//! place for these mistakes and, when it finds one, says what it is, where it really is and how
//! to fix it.
//!
//! A leaf module: it reads the file's text and the parser's span and message, nothing else.

use std::ops::Range;

use crate::lang::Lang;
use crate::tr;

/// A syntax mistake found at its real place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// What is wrong, in one line.
    pub message: String,
    /// Where the mistake is, as a byte range of the text.
    pub span: Range<usize>,
    /// How to fix it.
    pub help: Vec<String>,
}

/// Looks for the real mistake behind a TOML error reported at `span` with `message`.
pub fn diagnose(text: &str, span: Range<usize>, message: &str, lang: Lang) -> Option<Mistake> {
    let at = span.start.min(text.len());
    full_width(text, at, lang)
        .or_else(|| header_mixup(text, at, message, lang))
        .or_else(|| unclosed(text, at, lang))
}

/// Full-width punctuation that Chinese input methods type, and what TOML needs instead:
/// (character, Chinese name, English name, ASCII replacement).
const FULL_WIDTH: &[(char, &str, &str, &str)] = &[
    ('，', "全角逗号", "full-width comma", ","),
    ('：', "全角冒号", "full-width colon", "="),
    ('＝', "全角等号", "full-width equals sign", "="),
    ('“', "中文左引号", "curly opening quote", "\""),
    ('”', "中文右引号", "curly closing quote", "\""),
    ('［', "全角左方括号", "full-width opening bracket", "["),
    ('］', "全角右方括号", "full-width closing bracket", "]"),
    ('｛', "全角左花括号", "full-width opening brace", "{"),
    ('｝', "全角右花括号", "full-width closing brace", "}"),
    ('\u{3000}', "全角空格", "full-width space", " "),
];

/// A full-width punctuation mark outside quotes and comments on the line of the error.
fn full_width(text: &str, at: usize, lang: Lang) -> Option<Mistake> {
    let line = line_around(text, at);
    let scan = Scan::run(text, line.start, line.end);
    let (pos, c) = text[line.clone()]
        .char_indices()
        .map(|(i, c)| (line.start + i, c))
        .find(|&(i, c)| FULL_WIDTH.iter().any(|(f, ..)| *f == c) && scan.is_code(i))?;
    let (_, zh, en, ascii) = FULL_WIDTH.iter().find(|(f, ..)| *f == c)?;
    let fix = if c == '：' {
        tr!(
            lang,
            "TOML 写成 `键 = 值`：把 `：` 换成 `=`",
            "TOML writes `key = value`: replace `：` with `=`"
        )
    } else {
        tr!(
            lang,
            "引号外要用半角的 `{ascii}`：把 `{c}` 换成 `{ascii}`（输入法切换到英文标点）",
            "outside quotes TOML needs the ASCII `{ascii}`: replace `{c}` with `{ascii}` (switch the input method to English punctuation)"
        )
    };
    Some(Mistake {
        message: tr!(
            lang,
            "TOML 错误：引号外有{zh} `{c}`",
            "invalid TOML: {en} `{c}` outside quotes"
        ),
        span: pos..pos + c.len_utf8(),
        help: vec![fix],
    })
}

/// `[rule]` written for `[[rule]]`: the parser says `duplicate key` (or, for a lone `[rule]`,
/// that an array was expected) at a header whose name is also written with one bracket.
fn header_mixup(text: &str, at: usize, message: &str, lang: Lang) -> Option<Mistake> {
    if message != "duplicate key" && !message.contains("expected a sequence") {
        return None;
    }
    let line = line_around(text, at);
    let (name, _) = header(&text[line])?;
    let (start, _) = headers(text).find(|(_, (n, double))| *n == name && !double)?;
    let open = start + text[start..].find('[')?;
    let len = name.len() + 2;
    Some(Mistake {
        message: tr!(
            lang,
            "TOML 错误：`[{name}]` 只有一层方括号，应为 `[[{name}]]`",
            "invalid TOML: `[{name}]` has one pair of brackets where `[[{name}]]` needs two"
        ),
        span: open..open + len,
        help: vec![tr!(
            lang,
            "每一项都写成 `[[{name}]]`（两层方括号）；`[{name}]` 是单独的一张表，只能出现一次",
            "write `[[{name}]]`, with two brackets, for each one; `[{name}]` is a single table and may appear only once"
        )],
    })
}

/// An inline table left open, or a quote left open inside one.
fn unclosed(text: &str, at: usize, lang: Lang) -> Option<Mistake> {
    let scan = Scan::run(text, 0, at);
    let brace = *scan.open_braces.last()?;
    let noticed = position(text, at);
    let noticed = tr!(
        lang,
        "TOML 解析器到第 {} 行第 {} 列才发现",
        "the TOML parser noticed it only at line {}, column {}",
        noticed.0,
        noticed.1
    );
    let quote_help = |content: &str| {
        tr!(
            lang,
            "在 `{content}` 后面加上结束的 `\"`",
            "add the closing `\"` after `{content}`"
        )
    };
    let quote_message = tr!(
        lang,
        "TOML 错误：这个引号开始的文字没有结束的引号",
        "invalid TOML: the text that starts at this quote is not closed"
    );
    // A quote that runs to the end of its line, on the line of the open brace or after it.
    if let Some(&(quote, end)) = scan.unclosed_strings.iter().rev().find(|(q, _)| *q > brace) {
        let content = text[quote + 1..end].trim_end_matches(['}', ' ', '\t', '\r']);
        return Some(Mistake {
            message: quote_message,
            span: quote..quote + 1,
            help: vec![quote_help(content.trim_end()), noticed],
        });
    }
    // A quote closed too late: the string just before the error swallowed `, key = `.
    if let Some((quote, end)) = scan.last_string
        && quote > brace
        && text[end..at].trim().is_empty()
        && let Some(before) = swallowed_key(&text[quote + 1..end - 1])
    {
        return Some(Mistake {
            message: quote_message,
            span: quote..quote + 1,
            help: vec![quote_help(before)],
        });
    }
    if line_around(text, brace) == line_around(text, at) {
        return None;
    }
    Some(Mistake {
        message: tr!(
            lang,
            "TOML 错误：这里开始的内联表没有用 `}}` 结束",
            "invalid TOML: the inline table that starts here is not closed with `}}`"
        ),
        span: brace..brace + 1,
        help: vec![
            tr!(
                lang,
                "在同一行末尾加上 `}}`：`{{ zh = \"…\", en = \"…\" }}`",
                "end it with `}}` on the same line: `{{ zh = \"…\", en = \"…\" }}`"
            ),
            noticed,
        ],
    })
}

/// When a string's content ends with `, key = ` (its closing quote was meant for the next
/// value's opening one), the content before the comma.
fn swallowed_key(content: &str) -> Option<&str> {
    let rest = content.trim_end().strip_suffix('=')?.trim_end();
    let key_len = rest
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .count();
    if key_len == 0 {
        return None;
    }
    let rest = rest[..rest.len() - key_len].trim_end().strip_suffix(',')?;
    Some(rest.trim_end())
}

/// The byte range of the line containing `at`, without its line break.
fn line_around(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// The 1-based line and column (in characters) of `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let line = text[..at].matches('\n').count() + 1;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..at].chars().count() + 1)
}

/// A table header line: its name, and whether it has two brackets (`[[name]]`).
fn header(line: &str) -> Option<(&str, bool)> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("[[") {
        Some((rest.split_once("]]")?.0.trim(), true))
    } else {
        let rest = line.strip_prefix('[')?;
        Some((rest.split_once(']')?.0.trim(), false))
    }
}

/// Every table header of the text, with the byte offset of its line.
fn headers(text: &str) -> impl Iterator<Item = (usize, (&str, bool))> {
    text.split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line))
        })
        .filter_map(|(start, line)| header(line).map(|h| (start, h)))
}

/// What a left-to-right reading of TOML text finds: strings, comments and inline-table braces.
#[derive(Debug, Default)]
struct Scan {
    /// Byte ranges of strings, quotes included.
    strings: Vec<Range<usize>>,
    /// Byte ranges of comments.
    comments: Vec<Range<usize>>,
    /// Offsets of the `{` still open at the end of the reading.
    open_braces: Vec<usize>,
    /// One-line strings that ran to the end of their line: (opening quote, line end).
    unclosed_strings: Vec<(usize, usize)>,
    /// The last string closed: (opening quote, just after the closing quote).
    last_string: Option<(usize, usize)>,
}

impl Scan {
    /// Reads `text[from..to]`, from a place outside any string.
    fn run(text: &str, from: usize, to: usize) -> Scan {
        let mut scan = Scan::default();
        let bytes = text.as_bytes();
        let mut i = from;
        while i < to {
            match bytes[i] {
                b'#' => {
                    let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                    scan.comments.push(i..end);
                    i = end;
                }
                b'{' => {
                    scan.open_braces.push(i);
                    i += 1;
                }
                b'}' => {
                    scan.open_braces.pop();
                    i += 1;
                }
                quote @ (b'"' | b'\'') => {
                    let triple = if quote == b'"' { "\"\"\"" } else { "'''" };
                    let end = if text[i..].starts_with(triple) {
                        text[i + 3..].find(triple).map_or(text.len(), |n| i + 6 + n)
                    } else {
                        match one_line_string(text, i, quote) {
                            Ok(end) => end,
                            Err(end) => {
                                scan.unclosed_strings.push((i, end));
                                end
                            }
                        }
                    };
                    scan.strings.push(i..end);
                    scan.last_string = Some((i, end));
                    i = end;
                }
                _ => i += 1,
            }
        }
        scan
    }

    /// Whether `at` is outside strings and comments.
    fn is_code(&self, at: usize) -> bool {
        !self
            .strings
            .iter()
            .chain(&self.comments)
            .any(|r| r.contains(&at))
    }
}

/// The end of a one-line string opened at `start` (just after its closing quote), or `Err` with
/// the end of its line when it is not closed there.
fn one_line_string(text: &str, start: usize, quote: u8) -> Result<usize, usize> {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\n' => {
                return Err(if i > 0 && bytes[i - 1] == b'\r' {
                    i - 1
                } else {
                    i
                });
            }
            b if b == quote => return Ok(i + 1),
            _ => i += 1,
        }
    }
    Err(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Diagnoses `text` as the `toml` crate reports it, in both languages.
    fn both(text: &str) -> Option<(Mistake, Mistake)> {
        let e = toml::from_str::<toml::Table>(text).expect_err("should not parse");
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().to_string();
        Some((
            diagnose(text, span.clone(), &message, Lang::En)?,
            diagnose(text, span, &message, Lang::Zh)?,
        ))
    }

    #[test]
    fn a_missing_brace_is_reported_at_the_open_brace() {
        let text = "[a]\ntitle = { zh = \"现在\", en = \"Now\"\n\n[b]\nx = 1\n";
        let (en, zh) = both(text).unwrap();
        assert_eq!(&text[en.span.clone()], "{");
        assert!(en.message.contains("not closed with `}`"), "{en:?}");
        assert!(en.help[0].contains("end it with `}`"), "{en:?}");
        assert!(en.help[1].contains("line 4, column 1"), "{en:?}");
        assert!(zh.message.contains("没有用 `}` 结束"), "{zh:?}");
        assert!(zh.help[1].contains("第 4 行第 1 列"), "{zh:?}");
    }

    #[test]
    fn full_width_punctuation_is_named() {
        let text = "[a]\ntitle = { zh = \"现在，\"， en = \"Now\" }\n";
        let (en, zh) = both(text).unwrap();
        assert_eq!(&text[en.span.clone()], "，");
        // The comma inside the quotes is fine: the one outside is named.
        assert_eq!(en.span.start, text.rfind('，').unwrap());
        assert_eq!(
            en.message,
            "invalid TOML: full-width comma `，` outside quotes"
        );
        assert!(en.help[0].contains("replace `，` with `,`"));
        assert_eq!(zh.message, "TOML 错误：引号外有全角逗号 `，`");

        let text = "[a]\nmin ： 0\n";
        let (en, zh) = both(text).unwrap();
        assert_eq!(
            en.message,
            "invalid TOML: full-width colon `：` outside quotes"
        );
        assert!(en.help[0].contains("replace `：` with `=`"));
        assert!(zh.help[0].contains("把 `：` 换成 `=`"));
    }

    #[test]
    fn an_unclosed_quote_inside_an_inline_table_is_found() {
        let text = "[a]\ntitle = { zh = \"现在, en = \"Now\" }\n";
        let (en, zh) = both(text).unwrap();
        assert_eq!(en.span.start, text.find('"').unwrap());
        assert_eq!(
            en.message,
            "invalid TOML: the text that starts at this quote is not closed"
        );
        assert_eq!(en.help, ["add the closing `\"` after `现在`"]);
        assert_eq!(zh.help, ["在 `现在` 后面加上结束的 `\"`"]);

        let text = "[a]\ntitle = { zh = \"现在\", en = \"Now }\n\n[b]\n";
        let (en, _) = both(text).unwrap();
        assert_eq!(en.span.start, text.rfind('"').unwrap());
        assert_eq!(en.help[0], "add the closing `\"` after `Now`");
    }

    #[test]
    fn one_bracket_for_an_array_of_tables_is_named() {
        for text in [
            "[[rule]]\nid = \"a\"\n\n[rule]\nid = \"b\"\n",
            "[rule]\nid = \"a\"\n\n[[rule]]\nid = \"b\"\n",
            "[rule]\nid = \"a\"\n\n[rule]\nid = \"b\"\n",
        ] {
            let (en, zh) = both(text).unwrap();
            assert_eq!(&text[en.span.clone()], "[rule]", "{text}");
            assert!(en.help[0].contains("write `[[rule]]`, with two brackets"));
            assert!(zh.help[0].contains("写成 `[[rule]]`（两层方括号）"));
        }
        // A lone `[rule]` is caught by the schema: "expected a sequence".
        let text = "[rule]\nid = \"a\"\n";
        let m = diagnose(
            text,
            0..6,
            "invalid type: map, expected a sequence",
            Lang::En,
        )
        .unwrap();
        assert_eq!(m.span, 0..6);
    }

    #[test]
    fn other_errors_are_left_to_the_parser() {
        let text = "[a]\nx = \n";
        assert!(both(text).is_none());
        let text = "[a]\nx = 1\nx = 2\n";
        assert!(both(text).is_none());
        // A full-width comma inside a comment is no mistake.
        assert!(full_width("x = 1 # 好，\n", 2, Lang::En).is_none());
    }
}
