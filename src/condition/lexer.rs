//! Splits a condition into tokens, each with its byte span inside the condition.

use std::ops::Range;

/// A token kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// A name: question, option, derived fact or keyword.
    Ident(String),
    /// An integer literal.
    Number(i64),
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `,`
    Comma,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// The end of the condition.
    End,
}

/// A token and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// Byte range inside the condition.
    pub span: Range<usize>,
}

/// A character the language does not know, or a number too large.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    /// Where.
    pub span: Range<usize>,
    /// The offending text.
    pub text: String,
    /// Whether this was a number out of range rather than a stray character.
    pub number_too_large: bool,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-' || c == '.'
}

/// Tokenizes a whole condition.
pub fn tokenize(src: &str) -> Result<Vec<Token>, LexError> {
    let mut tokens = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let single = match c {
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            '[' => Some(Tok::LBracket),
            ']' => Some(Tok::RBracket),
            ',' => Some(Tok::Comma),
            _ => None,
        };
        if let Some(tok) = single {
            chars.next();
            tokens.push(Token {
                tok,
                span: start..start + 1,
            });
            continue;
        }
        if matches!(c, '=' | '!' | '<' | '>') {
            chars.next();
            let followed_by_eq = chars.peek().is_some_and(|&(_, n)| n == '=');
            let tok = match (c, followed_by_eq) {
                ('=', true) => Tok::Eq,
                ('!', true) => Tok::Ne,
                ('<', true) => Tok::Le,
                ('>', true) => Tok::Ge,
                ('<', false) => Tok::Lt,
                ('>', false) => Tok::Gt,
                _ => {
                    return Err(LexError {
                        span: start..start + 1,
                        text: c.to_string(),
                        number_too_large: false,
                    });
                }
            };
            if followed_by_eq {
                chars.next();
            }
            let len = if followed_by_eq { 2 } else { 1 };
            tokens.push(Token {
                tok,
                span: start..start + len,
            });
            continue;
        }
        if c.is_ascii_digit() || (c == '-' && next_is_digit(src, start)) {
            chars.next();
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                if d.is_ascii_digit() || d == '_' {
                    chars.next();
                    end = i + 1;
                } else {
                    break;
                }
            }
            let text: String = src[start..end].chars().filter(|&d| d != '_').collect();
            let value = text.parse::<i64>().map_err(|_| LexError {
                span: start..end,
                text: src[start..end].to_string(),
                number_too_large: true,
            })?;
            tokens.push(Token {
                tok: Tok::Number(value),
                span: start..end,
            });
            continue;
        }
        if is_name_char(c) && c != '-' && c != '.' {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek() {
                if is_name_char(d) {
                    chars.next();
                    end = i + d.len_utf8();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                tok: Tok::Ident(src[start..end].to_string()),
                span: start..end,
            });
            continue;
        }
        return Err(LexError {
            span: start..start + c.len_utf8(),
            text: c.to_string(),
            number_too_large: false,
        });
    }
    tokens.push(Token {
        tok: Tok::End,
        span: src.len()..src.len(),
    });
    Ok(tokens)
}

fn next_is_digit(src: &str, at: usize) -> bool {
    src[at + 1..].starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        tokenize(src)
            .map(|t| t.into_iter().map(|t| t.tok).collect())
            .unwrap_or_default()
    }

    #[test]
    fn tokens_and_spans() {
        let toks = tokenize("months_left <= 6").unwrap_or_default();
        assert_eq!(toks[0].tok, Tok::Ident("months_left".into()));
        assert_eq!(toks[1].tok, Tok::Le);
        assert_eq!(toks[1].span, 12..14);
        assert_eq!(toks[2].tok, Tok::Number(6));
        assert_eq!(toks[3].tok, Tok::End);
    }

    #[test]
    fn operators_lists_and_negative_numbers() {
        assert_eq!(
            kinds("x in [a, b] or n != -3"),
            vec![
                Tok::Ident("x".into()),
                Tok::Ident("in".into()),
                Tok::LBracket,
                Tok::Ident("a".into()),
                Tok::Comma,
                Tok::Ident("b".into()),
                Tok::RBracket,
                Tok::Ident("or".into()),
                Tok::Ident("n".into()),
                Tok::Ne,
                Tok::Number(-3),
                Tok::End
            ]
        );
    }

    #[test]
    fn stray_characters_are_errors() {
        let err = tokenize("a = b").err();
        assert_eq!(err.map(|e| e.span), Some(2..3));
        let err = tokenize("a is 名 & b").err();
        assert_eq!(err.map(|e| e.text), Some("&".to_string()));
        let err = tokenize("n > 99999999999999999999").err();
        assert!(err.is_some_and(|e| e.number_too_large));
    }
}
