//! `--format json`: the plan as documented in `docs/plan-json.md`.

use std::fmt::Write as _;

use crate::plan::Plan;
use crate::terminal::is_unsafe;

/// The plan as pretty-printed JSON, ending with a newline.
pub fn render(plan: &Plan) -> String {
    let mut out =
        serde_json::to_string_pretty(plan).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    escape_unsafe(&out)
}

/// serde_json escapes control characters but not bidirectional overrides: write those as
/// `\uXXXX` escapes too, the same JSON value, so the output is safe on a terminal. Outside
/// strings, JSON holds only ASCII, so every such character is inside a string.
fn escape_unsafe(json: &str) -> String {
    if !json.chars().any(is_unsafe) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_overrides_are_escaped_and_mean_the_same() {
        let json = serde_json::to_string(&"a\u{202e}b\u{1b}c").unwrap();
        let escaped = escape_unsafe(&json);
        assert_eq!(escaped, "\"a\\u202eb\\u001bc\"");
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{202e}b\u{1b}c");
    }
}
