//! Condition parsing and compiling: any text as a `when` condition against a small scope of
//! every kind of variable; errors are rendered (their location must fall inside the file) and
//! a condition that compiles is evaluated.
#![no_main]

use std::sync::Arc;

use fulcrum::condition::{Domain, Fact, Facts, Scope, Var, compile};
use fulcrum::lang::Lang;
use fulcrum::source::{SourceMap, StringOrigin};
use libfuzzer_sys::fuzz_target;

struct Small;

const NAMES: [&str; 6] = ["focus", "who", "troubled", "months", "org_name", "load"];

impl Scope for Small {
    fn resolve(&self, name: &str) -> Option<(Var, Domain<'_>)> {
        Some(match name {
            "focus" => (
                Var::Question(0),
                Domain::Choice(vec!["care", "food", "other"]),
            ),
            "who" => (
                Var::Question(1),
                Domain::Multi(vec!["residents", "committee", "none"]),
            ),
            "troubled" => (Var::Question(2), Domain::Bool),
            "months" => (Var::Question(3), Domain::Number),
            "org_name" => (Var::Question(4), Domain::Text),
            "load" => (Var::Derived(0), Domain::Number),
            _ => return None,
        })
    }

    fn names(&self) -> Vec<&str> {
        NAMES.to_vec()
    }
}

struct Values;

impl Facts for Values {
    fn fact(&self, var: Var) -> Option<Fact<'_>> {
        match var {
            Var::Question(0) => Some(Fact::Choice(1)),
            Var::Question(1) => Some(Fact::Choices(0b101)),
            Var::Question(2) => Some(Fact::Bool(true)),
            Var::Question(3) => Some(Fact::Number(-7)),
            Var::Question(4) => Some(Fact::Text("Nanhu")),
            _ => None,
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(condition) = std::str::from_utf8(data) else {
        return;
    };
    // The condition as a TOML literal string value, as it sits in a pack file.
    let text = format!("'{condition}'");
    let mut sources = SourceMap::new();
    let file = sources.add("pack.toml", None, Arc::from(text.as_str()));
    let origin = StringOrigin::new(file, &text, 0..text.len());
    match compile(condition, &origin, &Small, Lang::En) {
        Ok(compiled) => {
            let _ = compiled.eval(&Values);
        }
        Err(diags) => {
            for d in diags {
                let _ = d.render(&sources, Lang::Zh, false);
            }
        }
    }
});
