//! `compare --format json`: the comparison as `fulcrum.compare/1` (see `docs/follow-through.md`).

use super::Comparison;
use crate::terminal::escape_json;

/// The comparison as pretty-printed JSON, ending with a newline.
pub fn render(comparison: &Comparison) -> String {
    let mut out = serde_json::to_string_pretty(comparison)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    escape_json(&out)
}
