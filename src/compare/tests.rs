//! Unit tests of the comparison: over hand-made plans, and over the built-in pack with the
//! Nanhu Street example and its later assessment.

use std::path::PathBuf;

use serde_json::json;

use super::*;
use crate::plan::{AnswerOut, DerivedOut, DiagnosisRow, PackInfo, PhaseOut};

/// An action of a hand-made plan: (phase, rule, concept).
pub(super) type Act = (&'static str, &'static str, &'static str);

/// A plan of two phases with these answers (id, value), derived facts (id, value), and
/// actions in the phases and deferred.
pub(super) fn plan(
    answers: &[(&str, serde_json::Value)],
    derived: &[(&str, &str)],
    actions: &[Act],
    deferred: &[Act],
) -> Plan {
    let action = |(phase, rule, concept): &Act| ActionOut {
        rule: rule.to_string(),
        concept: concept.to_string(),
        phase: phase.to_string(),
        speaker: "s".into(),
        priority: 0,
        owner: String::new(),
        partners: Vec::new(),
        indicator: String::new(),
        due: None,
        text: format!("do {concept}"),
        why: String::new(),
        defined_at: String::new(),
        progress: None,
    };
    let phases = ["start", "finish"]
        .iter()
        .map(|id| PhaseOut {
            id: id.to_string(),
            title: id.to_uppercase(),
            summary: None,
            window: None,
            actions: actions.iter().filter(|a| a.0 == *id).map(action).collect(),
        })
        .collect();
    let mut diagnosis: Vec<DiagnosisRow> = derived
        .iter()
        .map(|(id, v)| DiagnosisRow {
            id: id.to_string(),
            label: format!("{id}:"),
            value: v.to_string(),
        })
        .collect();
    diagnosis.extend(answers.iter().map(|(id, v)| DiagnosisRow {
        id: id.to_string(),
        label: format!("{id}?"),
        value: v.to_string(),
    }));
    Plan {
        schema: crate::plan::SCHEMA,
        pack: PackInfo {
            id: "p".into(),
            version: "1".into(),
            title: "P".into(),
        },
        lang: Lang::En,
        date: "2026-01-05".into(),
        project_end: None,
        organization: Some("Org".into()),
        answers: answers
            .iter()
            .map(|(id, v)| AnswerOut {
                question: id.to_string(),
                prompt: format!("{id}?"),
                value: v.clone(),
                display: v.to_string(),
            })
            .collect(),
        derived: derived
            .iter()
            .map(|(id, v)| DerivedOut {
                id: id.to_string(),
                label: format!("{id}:"),
                value: json!(v),
                display: v.to_string(),
            })
            .collect(),
        diagnosis,
        cautions: Vec::new(),
        blocked: None,
        first_steps: Vec::new(),
        phases,
        deferred: deferred.iter().map(action).collect(),
        speakers: Vec::new(),
    }
}

fn concepts(list: &[MovedAction]) -> Vec<&str> {
    list.iter().map(|m| m.action.concept.as_str()).collect()
}

#[test]
fn the_same_plan_twice_is_no_change() {
    let p = plan(
        &[("a", json!(1)), ("b", json!("x"))],
        &[("kind", "mixed")],
        &[("start", "r1", "c1"), ("finish", "r2", "c2")],
        &[("finish", "r3", "c3")],
    );
    let c = Comparison::of("a.toml", &p, "b.toml", &p);
    assert!(c.is_unchanged(), "{c:#?}");
    assert_eq!(c.actions.stayed.len(), 3);
    assert!(c.actions.stayed.iter().all(|s| s.matched == Matched::Rule));
}

#[test]
fn answers_changed_newly_asked_and_no_longer_asked_keep_question_order() {
    let before = plan(
        &[("a", json!(8)), ("b", json!("x")), ("d", json!(true))],
        &[],
        &[],
        &[],
    );
    let after = plan(
        &[("a", json!(3)), ("c", json!("maybe")), ("d", json!(true))],
        &[],
        &[],
        &[],
    );
    let c = Comparison::of("a.toml", &before, "b.toml", &after);
    let seen: Vec<(&str, AnswerChangeKind)> = c
        .answers
        .iter()
        .map(|a| (a.question.as_str(), a.change))
        .collect();
    assert_eq!(
        seen,
        // `b` goes just before `d`, the next answer both plans have.
        vec![
            ("a", AnswerChangeKind::Changed),
            ("c", AnswerChangeKind::NewlyAsked),
            ("b", AnswerChangeKind::NoLongerAsked),
        ]
    );
    assert_eq!(c.answers[1].before, None);
    assert_eq!(c.answers[2].after, None);
    assert!(!c.is_unchanged());
}

#[test]
fn diagnosis_rows_compare_by_id_and_value_not_by_label() {
    let before = plan(&[("a", json!(1))], &[("kind", "mixed")], &[], &[]);
    let mut after = plan(&[("a", json!(1))], &[("kind", "skill")], &[], &[]);
    // A label in another wording is not a change by itself.
    for row in &mut after.diagnosis {
        row.label = format!("« {} »", row.label);
    }
    let c = Comparison::of("a.toml", &before, "b.toml", &after);
    assert_eq!(c.diagnosis.len(), 1, "{:#?}", c.diagnosis);
    assert_eq!(c.diagnosis[0].id, "kind");
    assert_eq!(c.diagnosis[0].before.as_deref(), Some("mixed"));
    assert_eq!(c.diagnosis[0].after.as_deref(), Some("skill"));
}

#[test]
fn actions_match_by_rule_and_concept_then_by_concept() {
    let before = plan(
        &[],
        &[],
        &[
            ("start", "who-a", "who"),
            ("start", "who-b", "who"),
            ("start", "pace-partly", "pace"),
            ("finish", "design", "design"),
        ],
        &[("finish", "follow-up", "follow_up")],
    );
    let after = plan(
        &[],
        &[],
        &[
            ("start", "who-b", "who"),
            ("start", "pace-ready", "pace"),
            ("start", "extend", "extend"),
            ("finish", "follow-up", "follow_up"),
        ],
        &[],
    );
    let c = Comparison::of("a.toml", &before, "b.toml", &after);
    assert_eq!(concepts(&c.actions.left), vec!["who", "design"]);
    assert_eq!(c.actions.left[0].action.rule, "who-a");
    assert_eq!(concepts(&c.actions.new), vec!["extend"]);
    let stayed: Vec<(&str, &str, Matched, bool, bool)> = c
        .actions
        .stayed
        .iter()
        .map(|s| {
            (
                s.before.rule.as_str(),
                s.after.rule.as_str(),
                s.matched,
                s.before.deferred,
                s.after.deferred,
            )
        })
        .collect();
    assert_eq!(
        stayed,
        vec![
            ("who-b", "who-b", Matched::Rule, false, false),
            ("pace-partly", "pace-ready", Matched::Concept, false, false),
            ("follow-up", "follow-up", Matched::Rule, true, false),
        ]
    );
    assert_eq!(c.actions.stayed[1].after.phase_title, "START");
}

#[test]
fn the_json_form_names_its_schema_and_kinds() {
    let before = plan(&[("a", json!(8))], &[], &[("start", "r1", "c1")], &[]);
    let after = plan(&[("a", json!(3))], &[], &[("start", "r2", "c2")], &[]);
    let c = Comparison::of("a.toml", &before, "b.toml", &after);
    let value: serde_json::Value = serde_json::from_str(&json::render(&c)).expect("valid JSON");
    assert_eq!(value["schema"], SCHEMA);
    assert_eq!(value["answers"][0]["change"], "changed");
    assert_eq!(value["answers"][0]["before"]["value"], 8);
    assert_eq!(value["actions"]["left"][0]["rule"], "r1");
    assert_eq!(value["actions"]["new"][0]["because"], json!([]));
}

/// The Nanhu Street example and its later assessment, evaluated against the built-in pack.
#[test]
fn causes_name_the_changed_answers_behind_a_move() {
    use crate::answers::file;
    use crate::engine;
    use crate::pack::load::load;

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut catalog = load(&[], Lang::En);
    let paths = [
        root.join("examples/nanhu-street.toml"),
        root.join("tests/fixtures/compare/nanhu-street-later.toml"),
    ];
    let files: Vec<_> = paths
        .iter()
        .map(|p| file::read(p, &mut catalog.sources, Lang::En).unwrap())
        .collect();
    let pack = catalog.pack("community-dependence").unwrap();
    let evals: Vec<_> = files
        .iter()
        .map(|f| {
            engine::resolve(pack, &f.entries, f.file, Lang::En)
                .unwrap()
                .0
        })
        .collect();
    let start = jiff::civil::date(2026, 1, 5);
    let plans: Vec<_> = evals
        .iter()
        .map(|e| engine::assemble::build(pack, e, Lang::En, start, &catalog.sources))
        .collect();
    let mut c = Comparison::of("before", &plans[0], "after", &plans[1]);
    why::add_causes(
        &mut c,
        pack,
        &catalog.sources,
        &why::Side {
            plan: &plans[0],
            evaluation: &evals[0],
        },
        &why::Side {
            plan: &plans[1],
            evaluation: &evals[1],
        },
    );
    let because = |list: &[MovedAction], rule: &str| -> Vec<String> {
        list.iter()
            .find(|m| m.action.rule == rule)
            .map(|m| m.because.iter().map(|c| c.id.clone()).collect())
            .unwrap_or_else(|| panic!("no {rule} in {list:#?}"))
    };
    assert_eq!(
        because(&c.actions.left, "resolve-return-to-project"),
        vec!["staff_absorbed"]
    );
    assert_eq!(
        because(&c.actions.left, "resolve-pace-partly"),
        vec!["counterpart_capacity"]
    );
    let extension = &c.actions.new[0];
    assert!(
        extension.because.iter().any(|c| c.id == "months_left"),
        "{extension:#?}"
    );
    let kinds: Vec<&str> = c.diagnosis.iter().map(|d| d.id.as_str()).collect();
    assert!(kinds.contains(&"dependency_type"), "{kinds:?}");
    assert!(!c.is_unchanged());
}
