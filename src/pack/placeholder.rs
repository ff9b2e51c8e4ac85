//! Texts with placeholders: `{org_name}` is replaced by an answer or derived fact when a plan is
//! written; `{{` and `}}` stand for literal braces.

use std::ops::Range;

use crate::condition::Var;

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Segment {
    /// Text printed as is.
    Literal(String),
    /// An answer or derived fact.
    Value(Var),
}

/// A problem in a template, with its byte range inside the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// `{name}` where `name` is neither a question nor a derived fact.
    UnknownName {
        /// The name.
        name: String,
        /// Where, inside the text.
        span: Range<usize>,
    },
    /// A `{` without its `}`, or a lone `}`.
    Unbalanced {
        /// Where, inside the text.
        span: Range<usize>,
    },
}

/// Parses a template, resolving names with `resolve`.
pub fn parse(
    text: &str,
    resolve: &dyn Fn(&str) -> Option<Var>,
) -> Result<Vec<Segment>, Vec<TemplateError>> {
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let mut literal = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = bytes[i];
        if c == b'{' && bytes.get(i + 1) == Some(&b'{') {
            literal.push('{');
            i += 2;
        } else if c == b'}' && bytes.get(i + 1) == Some(&b'}') {
            literal.push('}');
            i += 2;
        } else if c == b'{' {
            let Some(close) = text[i + 1..].find('}').map(|p| i + 1 + p) else {
                errors.push(TemplateError::Unbalanced { span: i..i + 1 });
                break;
            };
            let name = text[i + 1..close].trim();
            match resolve(name) {
                Some(var) => {
                    if !literal.is_empty() {
                        segments.push(Segment::Literal(std::mem::take(&mut literal)));
                    }
                    segments.push(Segment::Value(var));
                }
                None => errors.push(TemplateError::UnknownName {
                    name: name.to_string(),
                    span: i..close + 1,
                }),
            }
            i = close + 1;
        } else if c == b'}' {
            errors.push(TemplateError::Unbalanced { span: i..i + 1 });
            i += 1;
        } else {
            let next = text[i..].find(['{', '}']).map_or(text.len(), |p| i + p);
            literal.push_str(&text[i..next]);
            i = next;
        }
    }
    if !literal.is_empty() {
        segments.push(Segment::Literal(literal));
    }
    if errors.is_empty() {
        Ok(segments)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(name: &str) -> Option<Var> {
        match name {
            "org_name" => Some(Var::Question(0)),
            "urgency" => Some(Var::Derived(1)),
            _ => None,
        }
    }

    #[test]
    fn placeholders_and_escapes() {
        let segments = parse("{org_name}：紧迫{urgency}，{{x}}", &resolve);
        assert_eq!(
            segments,
            Ok(vec![
                Segment::Value(Var::Question(0)),
                Segment::Literal("：紧迫".into()),
                Segment::Value(Var::Derived(1)),
                Segment::Literal("，{x}".into()),
            ])
        );
    }

    #[test]
    fn unknown_and_unbalanced_are_reported_with_spans() {
        assert_eq!(
            parse("a {nope} b", &resolve),
            Err(vec![TemplateError::UnknownName {
                name: "nope".into(),
                span: 2..8
            }])
        );
        assert_eq!(
            parse("a {org_name", &resolve),
            Err(vec![TemplateError::Unbalanced { span: 2..3 }])
        );
        assert_eq!(
            parse("a } b", &resolve),
            Err(vec![TemplateError::Unbalanced { span: 2..3 }])
        );
    }
}
