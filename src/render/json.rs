//! `--format json`: the plan as documented in `docs/plan-json.md`.

use crate::plan::Plan;
use crate::terminal::escape_json;

/// The plan as pretty-printed JSON, ending with a newline.
pub fn render(plan: &Plan) -> Result<String, serde_json::Error> {
    let mut out = serde_json::to_string_pretty(plan)?;
    out.push('\n');
    Ok(escape_json(&out))
}
