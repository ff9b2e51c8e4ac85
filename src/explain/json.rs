//! Explanations as JSON (`fulcrum.explain/1`), for programs that check or display why a plan
//! is what it is. The fields are those of [`Explanation`] and [`ConceptWhy`]; see
//! `docs/outputs.md`.

use serde::Serialize;

use super::{ConceptWhy, Explanation};

/// The schema tag of explanation JSON.
pub const SCHEMA: &str = "fulcrum.explain/1";

/// An explanation with its schema tag in front.
#[derive(Serialize)]
struct Tagged<'a, T> {
    schema: &'static str,
    #[serde(flatten)]
    body: &'a T,
}

fn render<T: Serialize>(body: &T) -> String {
    let tagged = Tagged {
        schema: SCHEMA,
        body,
    };
    // Serializing plain structs of strings, booleans and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&tagged).unwrap_or_default();
    text.push('\n');
    crate::terminal::escape_json(&text)
}

/// The whole explanation of a plan as JSON.
pub fn explanation(why: &Explanation) -> String {
    render(why)
}

/// Why one concept is in the plan or not, as JSON.
pub fn concept(why: &ConceptWhy) -> String {
    render(why)
}
