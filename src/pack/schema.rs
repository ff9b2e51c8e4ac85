//! The JSON Schema of pack files, generated from the structs in [`super::raw`] so that it cannot
//! fall behind the format. Editors (Taplo, Even Better TOML) read it through the `#:schema`
//! line at the top of a pack file; a copy is committed as `rules/pack.schema.json`.
//!
//! The schema is draft-07, the newest draft Taplo validates.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use super::raw::{RawFile, Sp};
use crate::text::LocalText;
use crate::value::RawAnswer;

/// Where the committed copy lives, relative to the repository root.
pub const COMMITTED_PATH: &str = "rules/pack.schema.json";

/// The schema as pretty-printed JSON with a final newline, exactly as committed.
pub fn json() -> String {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawFile>()
        .to_value();
    if let Value::Object(root) = &mut schema {
        root.insert("title".into(), "fulcrum rule pack file".into());
        root.insert(
            "description".into(),
            "One .toml file of a fulcrum rule pack. 规则包文件。See docs/pack-format.md.".into(),
        );
    }
    drop_null(&mut schema);
    // A `Value` always serializes; the fallback only keeps the function total.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// TOML has no null: removes the `null` alternatives schemars adds for optional keys, so editors
/// do not offer it.
fn drop_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                let Some(Value::Array(alternatives)) = map.get_mut(key) else {
                    continue;
                };
                alternatives.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                if let [only] = alternatives.as_slice() {
                    let only = only.clone();
                    map.remove(key);
                    // Draft-07 ignores the siblings of `$ref`: keep a reference under `allOf`.
                    match only {
                        Value::Object(inner) if !inner.contains_key("$ref") => map.extend(inner),
                        only => {
                            map.insert("allOf".into(), Value::Array(vec![only]));
                        }
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// A value with its place is described as the value alone.
impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

impl JsonSchema for LocalText {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text: { zh = \"…\", en = \"…\" }, or one string for every language.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": {
                        "zh": { "type": "string", "description": "中文" },
                        "en": { "type": "string", "description": "English" }
                    },
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for RawAnswer {
    fn schema_name() -> Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An answer: an option id or text, a whole number, true/false, or a list of option ids.",
            "anyOf": [
                { "type": "string" },
                { "type": "integer" },
                { "type": "boolean" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    #[test]
    fn is_draft_07_and_closed() {
        let schema: Value = serde_json::from_str(&super::json()).unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
        assert!(schema["definitions"]["RawQuestion"]["properties"]["kind"]["enum"].is_array());
        assert!(!super::json().contains("\"null\""));
    }
}
