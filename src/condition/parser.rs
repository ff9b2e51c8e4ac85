//! Recursive-descent parser for conditions. See `docs/conditions.md` for the grammar.

use std::ops::Range;

use super::ast::{CmpOp, Expr, HasMode, Name, Target, TestOp};
use super::lexer::{Tok, Token, tokenize};
use crate::lang::Lang;
use crate::tr;

/// The deepest nesting of parentheses and `not` a condition may have.
pub const MAX_DEPTH: usize = 64;
/// The longest condition, in bytes.
pub const MAX_LENGTH: usize = 4096;

/// Why a condition could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// A character the language does not use.
    BadChar {
        /// Where.
        span: Range<usize>,
        /// The character.
        text: String,
    },
    /// An integer that does not fit in 64 bits.
    NumberTooLarge {
        /// Where.
        span: Range<usize>,
    },
    /// Something other than what the grammar allows here.
    Unexpected {
        /// Where.
        span: Range<usize>,
        /// What was found, as written (empty at the end).
        found: String,
        /// What would have been accepted.
        expected: &'static [Expected],
    },
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep {
        /// Where the limit was crossed.
        span: Range<usize>,
    },
    /// Longer than [`MAX_LENGTH`].
    TooLong,
    /// Nothing but spaces.
    Empty,
}

/// Something the grammar accepts at a place, as an error message names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A word or sign of the language, written as is (`and`, `(`).
    Token(&'static str),
    /// The name of a question or derived fact.
    Subject,
    /// An option id.
    Choice,
    /// A whole number (after `<`, `>=`, …).
    WholeNumber,
    /// A number (after `is`).
    Number,
    /// The end of the condition.
    End,
}

impl Expected {
    /// How a message names it in `lang`.
    pub fn describe(self, lang: Lang) -> String {
        match (self, lang) {
            (Expected::Token(token), Lang::Zh) => format!("`{token}`"),
            (Expected::Token(token), Lang::En) => token.to_string(),
            (Expected::Subject, _) => tr!(lang, "问题或派生事实", "a question or derived fact"),
            (Expected::Choice, _) => tr!(lang, "选项", "an option"),
            (Expected::WholeNumber, _) => tr!(lang, "整数", "a whole number"),
            (Expected::Number, _) => tr!(lang, "数字", "a number"),
            (Expected::End, _) => tr!(lang, "条件结尾", "end of condition"),
        }
    }
}

const KEYWORDS: &[&str] = &[
    "and", "or", "not", "is", "in", "has", "any", "all", "of", "skipped", "answered",
];

/// Parses a condition into its syntax tree.
pub fn parse(src: &str) -> Result<Expr, ParseError> {
    if src.len() > MAX_LENGTH {
        return Err(ParseError::TooLong);
    }
    if src.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let tokens = tokenize(src).map_err(|e| {
        if e.number_too_large {
            ParseError::NumberTooLarge { span: e.span }
        } else {
            ParseError::BadChar {
                span: e.span,
                text: e.text,
            }
        }
    })?;
    let mut parser = Parser {
        src,
        tokens,
        pos: 0,
        depth: 0,
    };
    let expr = parser.or()?;
    match parser.peek().tok {
        Tok::End => Ok(expr),
        _ => {
            Err(parser.unexpected(&[Expected::Token("and"), Expected::Token("or"), Expected::End]))
        }
    }
}

struct Parser<'s> {
    src: &'s str,
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn bump(&mut self) -> Token {
        let token = self.peek().clone();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        token
    }

    fn at_keyword(&self, word: &str) -> bool {
        matches!(&self.peek().tok, Tok::Ident(w) if w == word)
    }

    fn eat_keyword(&mut self, word: &str) -> bool {
        if self.at_keyword(word) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn unexpected(&self, expected: &'static [Expected]) -> ParseError {
        let token = self.peek();
        ParseError::Unexpected {
            span: token.span.clone(),
            found: self.src[token.span.clone()].to_string(),
            expected,
        }
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError::TooDeep {
                span: self.peek().span.clone(),
            });
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut parts = vec![self.and()?];
        while self.eat_keyword("or") {
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut parts = vec![self.unary()?];
        while self.eat_keyword("and") {
            parts.push(self.unary()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if self.eat_keyword("not") {
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        if self.peek().tok == Tok::LParen {
            self.bump();
            self.enter()?;
            let inner = self.or()?;
            self.depth -= 1;
            if self.peek().tok != Tok::RParen {
                return Err(self.unexpected(&[
                    Expected::Token(")"),
                    Expected::Token("and"),
                    Expected::Token("or"),
                ]));
            }
            self.bump();
            return Ok(inner);
        }
        self.test()
    }

    fn name(&mut self, expected: &'static [Expected]) -> Result<Name, ParseError> {
        match &self.peek().tok {
            Tok::Ident(word) if !KEYWORDS.contains(&word.as_str()) => {
                let token = self.bump();
                Ok(Name {
                    text: self.src[token.span.clone()].to_string(),
                    span: token.span,
                })
            }
            _ => Err(self.unexpected(expected)),
        }
    }

    fn test(&mut self) -> Result<Expr, ParseError> {
        let subject = self.name(&[
            Expected::Subject,
            Expected::Token("not"),
            Expected::Token("("),
        ])?;
        let start = subject.span.start;
        let op = self.test_op()?;
        let end = self.tokens[self.pos.saturating_sub(1)]
            .span
            .end
            .max(subject.span.end);
        Ok(Expr::Test {
            subject,
            op,
            span: start..end,
        })
    }

    fn test_op(&mut self) -> Result<TestOp, ParseError> {
        let token = self.peek().clone();
        match &token.tok {
            Tok::Ident(word) if word == "is" => {
                self.bump();
                let negated = self.eat_keyword("not");
                let target = self.target()?;
                Ok(TestOp::Equals {
                    negated,
                    symbolic: false,
                    target,
                })
            }
            Tok::Eq | Tok::Ne => {
                self.bump();
                let target = self.target()?;
                Ok(TestOp::Equals {
                    negated: token.tok == Tok::Ne,
                    symbolic: true,
                    target,
                })
            }
            Tok::Ident(word) if word == "in" => {
                self.bump();
                Ok(TestOp::In {
                    negated: false,
                    items: self.list()?,
                })
            }
            Tok::Ident(word) if word == "not" => {
                self.bump();
                if !self.eat_keyword("in") {
                    return Err(self.unexpected(&[Expected::Token("in")]));
                }
                Ok(TestOp::In {
                    negated: true,
                    items: self.list()?,
                })
            }
            Tok::Ident(word) if word == "has" => {
                self.bump();
                let mode = if self.eat_keyword("all") {
                    HasMode::All
                } else {
                    self.eat_keyword("any");
                    HasMode::Any
                };
                self.eat_keyword("of");
                let items = if self.peek().tok == Tok::LBracket {
                    self.list()?
                } else {
                    vec![self.name(&[Expected::Choice, Expected::Token("[")])?]
                };
                Ok(TestOp::Has { mode, items })
            }
            Tok::Lt | Tok::Le | Tok::Gt | Tok::Ge => {
                self.bump();
                let op = match token.tok {
                    Tok::Lt => CmpOp::Lt,
                    Tok::Le => CmpOp::Le,
                    Tok::Gt => CmpOp::Gt,
                    _ => CmpOp::Ge,
                };
                match self.peek().tok {
                    Tok::Number(value) => {
                        self.bump();
                        Ok(TestOp::Compare {
                            op,
                            value,
                            op_span: token.span,
                        })
                    }
                    _ => Err(self.unexpected(&[Expected::WholeNumber])),
                }
            }
            _ => Ok(TestOp::Truthy),
        }
    }

    fn target(&mut self) -> Result<Target, ParseError> {
        let token = self.peek().clone();
        match &token.tok {
            Tok::Number(n) => {
                self.bump();
                Ok(Target::Number(*n, token.span))
            }
            Tok::Ident(word) if word == "skipped" => {
                self.bump();
                Ok(Target::Skipped)
            }
            Tok::Ident(word) if word == "answered" => {
                self.bump();
                Ok(Target::Answered)
            }
            _ => Ok(Target::Name(self.name(&[
                Expected::Choice,
                Expected::Number,
                Expected::Token("skipped"),
                Expected::Token("answered"),
            ])?)),
        }
    }

    fn list(&mut self) -> Result<Vec<Name>, ParseError> {
        if self.peek().tok != Tok::LBracket {
            return Err(self.unexpected(&[Expected::Token("[")]));
        }
        self.bump();
        let mut items = Vec::new();
        loop {
            if self.peek().tok == Tok::RBracket && !items.is_empty() {
                self.bump();
                return Ok(items);
            }
            items.push(self.name(&[Expected::Choice])?);
            match self.peek().tok {
                Tok::Comma => {
                    self.bump();
                }
                Tok::RBracket => {}
                _ => return Err(self.unexpected(&[Expected::Token(","), Expected::Token("]")])),
            }
        }
    }
}

/// Span of a parse error, if it has one.
pub fn error_span(error: &ParseError, src: &str) -> Range<usize> {
    match error {
        ParseError::BadChar { span, .. }
        | ParseError::NumberTooLarge { span }
        | ParseError::Unexpected { span, .. }
        | ParseError::TooDeep { span } => span.clone(),
        ParseError::TooLong | ParseError::Empty => 0..src.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(expr: &Expr) -> &str {
        match expr {
            Expr::Test { subject, .. } => &subject.text,
            _ => "",
        }
    }

    #[test]
    fn precedence_and_binds_tighter_than_or() {
        let expr = parse("a or b and c").unwrap_or(Expr::And(vec![]));
        match expr {
            Expr::Or(parts) => {
                assert_eq!(parts.len(), 2);
                assert!(matches!(&parts[1], Expr::And(inner) if inner.len() == 2));
            }
            other => panic!("expected or, got {other:?}"),
        }
    }

    #[test]
    fn every_test_form_parses() {
        let cases = [
            "org_focus is embedded_social_work",
            "org_focus is not volunteer_service",
            "demand_fit == fits",
            "demand_fit != fits",
            "strategy in [guide, follow_and_guide]",
            "strategy not in [follow]",
            "legacy has none",
            "legacy has any [relationships, livelihood_data]",
            "legacy has any of [relationships]",
            "legacy has all [toolkits, volunteer_pool]",
            "months_left < 6",
            "months_left >= 6",
            "months_left == 0",
            "troubled",
            "troubled is false",
            "can_extend is skipped",
            "can_extend is answered",
            "not (troubled or staff_absorbed)",
        ];
        for case in cases {
            assert!(parse(case).is_ok(), "{case}: {:?}", parse(case));
        }
    }

    #[test]
    fn spans_cover_the_test() {
        let expr = parse("a and  bb is x").unwrap_or(Expr::And(vec![]));
        let Expr::And(parts) = expr else {
            panic!("expected and")
        };
        assert_eq!(subject(&parts[1]), "bb");
        assert!(matches!(&parts[1], Expr::Test { span, .. } if *span == (7..14)));
    }

    #[test]
    fn errors_say_what_was_expected_and_where() {
        let table: &[(&str, Range<usize>)] = &[
            ("a is", 4..4),
            ("a and or b", 6..8),
            ("(a or b", 7..7),
            ("a in [b c]", 8..9),
            ("a < b", 4..5),
            ("a is b c", 7..8),
            ("a not b", 6..7),
        ];
        for (src, span) in table {
            let err = parse(src).err();
            assert!(
                matches!(&err, Some(ParseError::Unexpected { span: s, .. }) if s == span),
                "{src}: {err:?}"
            );
        }
        assert!(matches!(parse("a = b"), Err(ParseError::BadChar { .. })));
        assert!(matches!(parse("  "), Err(ParseError::Empty)));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        assert!(matches!(parse(&deep), Err(ParseError::TooDeep { .. })));
        let nots = format!("{}a", "not ".repeat(100));
        assert!(matches!(parse(&nots), Err(ParseError::TooDeep { .. })));
        let ok = format!("{}a{}", "(".repeat(10), ")".repeat(10));
        assert!(parse(&ok).is_ok());
        assert!(matches!(
            parse(&"a or ".repeat(1000)),
            Err(ParseError::TooLong)
        ));
    }
}
