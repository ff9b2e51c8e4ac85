//! Printing plans. One module per format; each turns a [`Plan`] into text.

pub mod html;
pub mod json;
pub mod markdown;
pub mod summary;
pub mod table;
pub mod user_template;
pub mod words;
pub mod wrap;

use std::fmt;

use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::plan::Plan;
use crate::tr;

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

/// A built-in renderer failed. The built-in templates are tested with every example, so this
/// is a bug in fulcrum: the run ends with exit code 70 rather than printing a broken plan.
#[derive(Debug)]
pub struct RenderError(String);

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RenderError {}

impl From<minijinja::Error> for RenderError {
    fn from(e: minijinja::Error) -> Self {
        RenderError(format!("{e:#}"))
    }
}

impl From<serde_json::Error> for RenderError {
    fn from(e: serde_json::Error) -> Self {
        RenderError(e.to_string())
    }
}

impl RenderError {
    /// The failure a command ends with: an internal error (exit code 70), worded in `lang`.
    pub fn into_failure(self, lang: Lang) -> Failure {
        Failure::message(
            Exit::Internal,
            tr!(
                lang,
                "内置模板出错（这是 fulcrum 的缺陷，请报告）：{self}",
                "a built-in template failed (a bug in fulcrum; please report it): {self}"
            ),
        )
    }
}

/// Renders a plan in a format.
pub fn render(plan: &Plan, format: Format, options: RenderOptions) -> Result<String, RenderError> {
    Ok(match format {
        Format::Table => table::render(plan, options),
        Format::Json => json::render(plan)?,
        Format::Markdown => markdown::render(plan)?,
        Format::Html => html::render(plan)?,
    })
}
