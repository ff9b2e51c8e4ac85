//! `--format markdown`: a plan that pastes well into documents and chat, from the built-in
//! template `templates/plan.md.j2`.

use super::user_template::{self, Markup};
use crate::plan::Plan;

/// The built-in template.
pub const TEMPLATE: &str = include_str!("templates/plan.md.j2");

/// Renders the plan with the built-in template.
pub fn render(plan: &Plan) -> Result<String, minijinja::Error> {
    user_template::render(plan, Markup::Markdown, "plan.md", TEMPLATE)
}
