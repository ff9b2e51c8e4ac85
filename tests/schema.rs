//! `fulcrum rules schema`: the committed copy is current, the shipped pack files point at it,
//! and every pack file in the repository validates against it.
//!
//! The validator below covers exactly the draft-07 keywords the generated schema uses, and
//! fails on any other keyword, so a new kind of constraint cannot be skipped silently.

use crate::common;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn committed() -> String {
    std::fs::read_to_string(common::path("rules/pack.schema.json")).unwrap()
}

#[test]
fn the_committed_schema_is_what_rules_schema_prints() {
    let out = common::fulcrum()
        .args(["rules", "schema"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed = common::stdout_of(&out);
    assert!(
        printed == committed(),
        "rules/pack.schema.json is out of date: run `cargo run -- rules schema > rules/pack.schema.json`"
    );
    let schema: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
}

#[test]
fn every_shipped_pack_file_points_at_the_schema() {
    for file in toml_files(&common::path("rules")) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("#:schema ../pack.schema.json\n"),
            "{} does not start with the #:schema line",
            file.display()
        );
    }
}

#[test]
fn every_pack_file_in_the_repository_validates() {
    let schema: Value = serde_json::from_str(&committed()).unwrap();
    let mut files = toml_files(&common::path("rules"));
    files.extend(toml_files(&common::path("tests/fixtures/packs")));
    files.extend(toml_files(&common::path("examples/packs")));
    files.extend(toml_files(&common::path("examples/extend")));
    assert!(files.len() >= 9, "{files:?}");
    for file in files {
        let value: Value = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let errors = validate(&schema, &value);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn the_scaffolded_pack_validates() {
    let schema: Value = serde_json::from_str(&committed()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = common::fulcrum()
        .args(["rules", "new", "fresh", "--dir"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(tmp.path().join("fresh/pack.toml")).unwrap();
    let errors = validate(&schema, &toml::from_str(&text).unwrap());
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_rejects_typos_wrong_kinds_and_wrong_types() {
    let schema: Value = serde_json::from_str(&committed()).unwrap();
    let bad = [
        (
            "[[question]]\nid = \"q\"\nkind = \"single\"\nprompt = \"?\"\nhelp = \"h\"\nwhne = \"x\"\n",
            "/question/0: unknown key `whne`",
        ),
        (
            "[[question]]\nid = \"q\"\nkind = \"radio\"\nprompt = \"?\"\nhelp = \"h\"\n",
            "/question/0/kind: not one of",
        ),
        (
            "[[question]]\nid = \"q\"\nkind = \"bool\"\nprompt = { zh = \"?\", fr = \"?\" }\nhelp = \"h\"\n",
            "/question/0/prompt: no alternative matches",
        ),
        ("[[rule]]\nwhen = \"a\"\n", "/rule/0: missing key `id`"),
        (
            "[[phase]]\nid = \"p\"\ntitle = \"P\"\nwindow = [0.5]\n",
            "/phase/0/window: fewer than 2 items",
        ),
        (
            "[[test]]\nid = \"t\"\nanswers = { q = 1.5 }\n",
            "/test/0/answers/q: no alternative matches",
        ),
    ];
    for (toml_text, expected) in bad {
        let value: Value = toml::from_str(toml_text).unwrap();
        let errors = validate(&schema, &value);
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "{toml_text}\nwanted `{expected}`, got {errors:#?}"
        );
    }
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(toml_files(&path));
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Every way `value` breaks `root`, as "pointer: problem".
fn validate(root: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(root, root, value, "", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let Value::Object(schema) = schema else {
        panic!("{at}: schema is not an object: {schema}");
    };
    for (key, rule) in schema {
        match key.as_str() {
            "$schema" | "title" | "description" | "definitions" | "format" | "default" => {}
            "$ref" => {
                let name = rule
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/definitions/"))
                    .unwrap();
                check(root, &root["definitions"][name], value, at, errors);
            }
            "type" => {
                let allowed: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("{at}: bad type {rule}"),
                };
                if !allowed.iter().any(|t| has_type(value, t)) {
                    errors.push(format!("{at}: expected {allowed:?}, found {value}"));
                }
            }
            "enum" => {
                if !rule.as_array().unwrap().contains(value) {
                    errors.push(format!("{at}: not one of {rule}"));
                }
            }
            "properties" => {
                if let Value::Object(map) = value {
                    for (name, sub) in rule.as_object().unwrap() {
                        if let Some(v) = map.get(name) {
                            check(root, sub, v, &format!("{at}/{name}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Value::Object(map) = value {
                    let known = schema.get("properties").and_then(Value::as_object);
                    for (name, v) in map {
                        if known.is_some_and(|k| k.contains_key(name)) {
                            continue;
                        }
                        match rule {
                            Value::Bool(false) => {
                                errors.push(format!("{at}: unknown key `{name}`"));
                            }
                            Value::Bool(true) => {}
                            sub => check(root, sub, v, &format!("{at}/{name}"), errors),
                        }
                    }
                }
            }
            "required" => {
                if let Value::Object(map) = value {
                    for name in rule.as_array().unwrap() {
                        let name = name.as_str().unwrap();
                        if !map.contains_key(name) {
                            errors.push(format!("{at}: missing key `{name}`"));
                        }
                    }
                }
            }
            "items" => {
                if let Value::Array(items) = value {
                    for (i, item) in items.iter().enumerate() {
                        check(root, rule, item, &format!("{at}/{i}"), errors);
                    }
                }
            }
            "minItems" | "maxItems" => {
                if let Value::Array(items) = value {
                    let bound = usize::try_from(rule.as_u64().unwrap()).unwrap();
                    if key == "minItems" && items.len() < bound {
                        errors.push(format!("{at}: fewer than {bound} items"));
                    }
                    if key == "maxItems" && items.len() > bound {
                        errors.push(format!("{at}: more than {bound} items"));
                    }
                }
            }
            "allOf" => {
                for sub in rule.as_array().unwrap() {
                    check(root, sub, value, at, errors);
                }
            }
            "anyOf" => {
                let matches = rule.as_array().unwrap().iter().any(|sub| {
                    let mut inner = Vec::new();
                    check(root, sub, value, at, &mut inner);
                    inner.is_empty()
                });
                if !matches {
                    errors.push(format!("{at}: no alternative matches {value}"));
                }
            }
            other => panic!("{at}: the test validator does not know the keyword `{other}`"),
        }
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "null" => value.is_null(),
        _ => panic!("unknown type {name}"),
    }
}
