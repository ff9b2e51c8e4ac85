//! Printing plans. One module per format; each turns a [`Plan`] into text.

pub mod html;
pub mod json;
pub mod markdown;
pub mod summary;
pub mod table;
pub mod user_template;
pub mod words;
pub mod wrap;

use crate::plan::Plan;

/// An output format for plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables sized to the terminal.
    Table,
    /// The JSON of `docs/plan-json.md`.
    Json,
    /// Markdown for documents and chat.
    Markdown,
    /// A self-contained HTML handout to print (A4).
    Html,
}

/// Options shared by the renderers.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// Width of the output in columns.
    pub width: u16,
    /// Whether box-drawing characters may be used (a terminal) or plain ASCII only.
    pub unicode: bool,
}

/// Renders a plan in a format.
pub fn render(plan: &Plan, format: Format, options: RenderOptions) -> String {
    match format {
        Format::Table => table::render(plan, options),
        Format::Json => json::render(plan),
        Format::Markdown => builtin(markdown::render(plan)),
        Format::Html => builtin(html::render(plan)),
    }
}

/// The output of a built-in template. They are tested with every example, so an error here is
/// a bug in fulcrum: it is shown in place of the plan rather than hidden.
fn builtin(result: Result<String, minijinja::Error>) -> String {
    result.unwrap_or_else(|e| {
        format!("internal error in a built-in template (a bug in fulcrum): {e:#}\n")
    })
}
