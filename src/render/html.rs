//! `--format html`: one self-contained A4 handout to print at a workshop, from the built-in
//! template `templates/plan.html.j2` (no external resources; every value HTML-escaped).

use super::user_template::{self, Markup};
use crate::plan::Plan;

/// The built-in template.
pub const TEMPLATE: &str = include_str!("templates/plan.html.j2");

/// Renders the plan with the built-in template.
pub fn render(plan: &Plan) -> Result<String, minijinja::Error> {
    user_template::render(plan, Markup::Html, "plan.html", TEMPLATE)
}
