//! Printing the review report from its built-in templates: `templates/review.md.j2` for
//! Markdown, `templates/review.html.j2` for one self-contained A4 page to print, laid out like
//! the plan's handout. Templates render in the plans' environment
//! ([`crate::render::user_template::environment`]): values are escaped for the markup, and
//! control characters are neutralised in the output.

use minijinja::value::{Serde, Value};

use super::Report;
use super::words::words;
use crate::render::RenderError;
use crate::render::user_template::{Markup, environment};
use crate::terminal::sanitize;

/// The built-in Markdown template.
pub const MARKDOWN: &str = include_str!("templates/review.md.j2");

/// The built-in HTML template.
pub const HTML: &str = include_str!("templates/review.html.j2");

/// The report as Markdown.
pub fn markdown(report: &Report) -> Result<String, RenderError> {
    render(report, Markup::Markdown, "review.md", MARKDOWN)
}

/// The report as a printable HTML page.
pub fn html(report: &Report) -> Result<String, RenderError> {
    render(report, Markup::Html, "review.html", HTML)
}

fn render(
    report: &Report,
    markup: Markup,
    name: &str,
    source: &str,
) -> Result<String, RenderError> {
    let env = environment(markup);
    let template = env.template_from_named_str(name, source)?;
    let context = minijinja::context! {
        report => Value::from(Serde(report)),
        words => Value::from(Serde(words(report.lang))),
    };
    Ok(sanitize(&template.render(context)?))
}
