//! Printing plans. One module per format; each turns a [`Plan`] into text.

pub mod json;
pub mod table;
pub mod words;
pub mod wrap;

use crate::plan::Plan;

/// An output format for plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables sized to the terminal.
    Table,
    /// The JSON of `docs/plan-json.md`.
    Json,
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
    }
}
