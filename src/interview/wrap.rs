//! Word wrapping for prompts on narrow terminals: English breaks at spaces, Chinese between
//! characters but never before closing punctuation (or after opening punctuation).
//!
//! inquire wraps long lines wherever the terminal edge falls, splitting words; prompts, help
//! texts and option labels are wrapped here first.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` into lines of at most `width` columns (existing newlines are kept).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    text.split('\n')
        .flat_map(|line| fill(&tokens(line), width))
        .collect()
}

/// Wraps `text` to `width` columns and joins the lines, indenting all but the first with
/// `indent` (which counts towards the width).
pub fn wrap_indented(text: &str, width: usize, indent: &str) -> String {
    wrap(text, width.saturating_sub(indent.width())).join(&format!("\n{indent}"))
}

/// The width of a terminal's stream, or 80 when it is not a terminal.
pub fn terminal_width() -> usize {
    terminal_size::terminal_size_of(std::io::stderr()).map_or(80, |(w, _)| usize::from(w.0))
}

struct Token {
    text: String,
    width: usize,
    space_before: bool,
}

fn closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | '”'
            | '’'
            | '…'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
    )
}

fn opening(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '《' | '“' | '‘' | '(')
}

/// A wide character lines may break around.
fn breakable(c: char) -> bool {
    c.width() == Some(2) && !closing(c) && !opening(c)
}

fn tokens(line: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut space = false;
    let mut current_space = false;
    let flush = |current: &mut String, current_space: bool, out: &mut Vec<Token>| {
        if !current.is_empty() {
            let text = std::mem::take(current);
            out.push(Token {
                width: text.width(),
                text,
                space_before: current_space,
            });
        }
    };
    for c in line.chars() {
        if c == ' ' {
            flush(&mut current, current_space, &mut out);
            space = true;
            continue;
        }
        let last = current.chars().last();
        let glued = closing(c) || last.is_some_and(opening);
        let starts_new = !glued
            && last.is_some_and(|l| {
                breakable(c) || breakable(l) || (closing(l) && l.width() == Some(2))
            });
        if starts_new {
            flush(&mut current, current_space, &mut out);
        }
        if current.is_empty() {
            current_space = space;
            space = false;
        }
        current.push(c);
    }
    flush(&mut current, current_space, &mut out);
    out
}

fn fill(tokens: &[Token], width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for token in tokens {
        let gap = usize::from(token.space_before && !line.is_empty());
        if line_width + gap + token.width > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        } else if gap == 1 {
            line.push(' ');
            line_width += 1;
        }
        if token.width > width {
            // A word longer than the line: cut it where the edge falls.
            for c in token.text.chars() {
                let w = c.width().unwrap_or(0);
                if line_width + w > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push(c);
                line_width += w;
            }
        } else {
            line.push_str(&token.text);
            line_width += token.width;
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_break_at_the_right_places() {
        let cases: &[(&str, usize, &[&str])] = &[
            ("short", 20, &["short"]),
            ("one two three four", 9, &["one two", "three", "four"]),
            (
                "谭红波强调化解依赖需要时间：不足",
                10,
                &["谭红波强调", "化解依赖需", "要时间：不", "足"],
            ),
            ("一二三四。五", 8, &["一二三", "四。五"]),
            ("一二（三四）五", 8, &["一二（三", "四）五"]),
            ("mixed 中文 text", 8, &["mixed 中", "文 text"]),
            ("abcdefghij", 8, &["abcdefgh", "ij"]),
            ("a\nb", 8, &["a", "b"]),
            ("", 8, &[""]),
        ];
        for (text, width, expected) in cases {
            let lines = wrap(text, *width);
            assert_eq!(&lines, expected, "{text:?} at {width}");
            for line in &lines {
                assert!(line.width() <= *width, "{line:?} is too wide");
            }
        }
    }

    #[test]
    fn narrow_chinese_never_starts_a_line_with_closing_punctuation() {
        let text = "董明伟据此看困扰从哪来：志愿服务类机构补位是本分，专门服务类、社区营造类机构才容易被依赖带偏。";
        for width in 8..30 {
            let lines = wrap(text, width);
            assert_eq!(lines.concat(), text);
            for line in &lines {
                assert!(line.width() <= width);
                assert!(
                    !line.starts_with(['，', '。', '、', '：']),
                    "{line:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn indented_lines_count_the_indent() {
        let text = wrap_indented("one two three four five", 10, "  ");
        assert_eq!(text, "one two\n  three\n  four\n  five");
    }
}
