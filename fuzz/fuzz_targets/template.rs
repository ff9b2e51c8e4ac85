//! Template parsing (text interpolation): any text as an action text with `{placeholders}`.
//! Every error span must be a slice of the text, since diagnostics point at it.
#![no_main]

use fulcrum::condition::Var;
use fulcrum::pack::placeholder::{Segment, TemplateError, parse};
use libfuzzer_sys::fuzz_target;

fn resolve(name: &str) -> Option<Var> {
    match name {
        "org_name" => Some(Var::Question(0)),
        "months_left" => Some(Var::Question(1)),
        "load" => Some(Var::Derived(0)),
        _ => None,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse(text, &resolve) {
        Ok(segments) => {
            // Literal text never grows: each `{{`/`}}` becomes one brace.
            let literal: usize = segments
                .iter()
                .map(|s| match s {
                    Segment::Literal(l) => l.len(),
                    Segment::Value(_) => 0,
                })
                .sum();
            assert!(literal <= text.len());
        }
        Err(errors) => {
            for e in errors {
                let span = match e {
                    TemplateError::UnknownName { span, .. }
                    | TemplateError::Unbalanced { span } => span,
                };
                assert!(
                    text.get(span).is_some(),
                    "error span is not a slice of the text"
                );
            }
        }
    }
});
