//! Property test of the built-in pack against the domain spec's concept table
//! (`shared/domain/community-dependence.md`). The expectations below are written from the spec,
//! not from the pack files: for many random complete answer sets that respect the skip logic,
//! each concept must appear exactly when the spec's condition holds, in the spec's phase, cited
//! to the spec's speaker, and every phase must have at least one action.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use fulcrum::answers::{Answers, Value};
use fulcrum::engine::{assemble, evaluate};
use fulcrum::lang::Lang;
use fulcrum::pack::Pack;
use fulcrum::pack::load::load;

const FOCUS: [&str; 4] = [
    "volunteer_service",
    "specialist_service",
    "community_building",
    "embedded_social_work",
];
const WHO: [&str; 4] = ["residents", "committee", "street_office", "volunteers"];
const MANPOWER: [&str; 3] = ["frontline_tasks", "admin_support", "event_staffing"];
const SKILL: [&str; 4] = [
    "psych_support",
    "mobilization",
    "volunteer_management",
    "specialist_service",
];
const LEGACY: [&str; 7] = [
    "relationships",
    "livelihood_data",
    "volunteer_pool",
    "volunteer_leaders",
    "self_organized_model",
    "toolkits",
    "shared_awareness",
];
const GAPS: [&str; 5] = [
    "information_flow",
    "emergency_organization",
    "vulnerable_groups",
    "resident_participation",
    "volunteer_safety",
];

/// One complete answer set, as the spec names things.
#[derive(Debug, Clone)]
struct Case {
    org_focus: &'static str,
    months_left: i64,
    can_extend: Option<&'static str>,
    who: Vec<&'static str>,
    relies_on: Vec<&'static str>,
    our_role: &'static str,
    staff_absorbed: bool,
    demand_fit: &'static str,
    positioning: &'static str,
    troubled: bool,
    legacy: Vec<&'static str>,
    volunteers_drifting: Option<bool>,
    exposed_gaps: Vec<&'static str>,
    policy_window: bool,
    exit_designed: bool,
    strengths_known: &'static str,
    stakeholder_talks: &'static str,
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn flip(&mut self) -> bool {
        self.next().is_multiple_of(2)
    }
    fn subset(&mut self, items: &[&'static str], at_least_one: bool) -> Vec<&'static str> {
        loop {
            let chosen: Vec<&'static str> = items
                .iter()
                .copied()
                .filter(|_| self.next().is_multiple_of(3))
                .collect();
            if !at_least_one || !chosen.is_empty() {
                return chosen;
            }
        }
    }
}

fn random_case(rng: &mut Rng) -> Case {
    let months_left = rng.pick(&[0, 1, 2, 3, 4, 5, 6, 7, 12, 24, 120]);
    let legacy = if rng.next().is_multiple_of(5) {
        vec!["none"]
    } else {
        rng.subset(&LEGACY, true)
    };
    let exposed_gaps = if rng.next().is_multiple_of(5) {
        vec!["none_known"]
    } else {
        rng.subset(&GAPS, true)
    };
    let mut relies_on = rng.subset(&[&MANPOWER[..], &SKILL[..]].concat(), false);
    if relies_on.is_empty() || rng.next().is_multiple_of(4) {
        relies_on.push("material_aid");
    }
    Case {
        org_focus: rng.pick(&FOCUS),
        months_left,
        can_extend: (months_left < 6).then(|| rng.pick(&["yes", "maybe", "no"])),
        who: rng.subset(&WHO, true),
        relies_on,
        our_role: rng.pick(&["frontline", "fulcrum", "both"]),
        staff_absorbed: rng.flip(),
        demand_fit: rng.pick(&["fits", "partly", "conflicts"]),
        positioning: rng.pick(&["clear", "shifted", "unclear"]),
        troubled: rng.flip(),
        volunteers_drifting: legacy.contains(&"volunteer_pool").then(|| rng.flip()),
        legacy,
        exposed_gaps,
        policy_window: rng.flip(),
        exit_designed: rng.flip(),
        strengths_known: rng.pick(&["yes", "partly", "no"]),
        stakeholder_talks: rng.pick(&["open", "formal_only", "strained"]),
    }
}

/// The spec's derived facts.
fn dependency_type(c: &Case) -> &'static str {
    let manpower = c.relies_on.iter().any(|r| MANPOWER.contains(r));
    let skill = c.relies_on.iter().any(|r| SKILL.contains(r));
    match (manpower, skill) {
        (true, true) => "mixed",
        (true, false) => "manpower",
        (false, true) => "skill",
        (false, false) => "material",
    }
}

fn strategy(c: &Case) -> &'static str {
    match c.demand_fit {
        "fits" => "follow",
        "partly" => "follow_and_guide",
        _ => "guide",
    }
}

fn urgency(c: &Case) -> &'static str {
    if c.months_left < 3 && c.can_extend == Some("no") {
        "high"
    } else if c.months_left < 6 {
        "medium"
    } else {
        "low"
    }
}

/// The spec's concept table: (concept, phase, speaker, appears when).
fn spec_table(c: &Case) -> Vec<(&'static str, &'static str, &'static str, bool)> {
    let has = |list: &[&str], x: &str| list.contains(&x);
    let guiding = matches!(strategy(c), "guide" | "follow_and_guide");
    let dep = dependency_type(c);
    vec![
        (
            "recognize.name_the_problem",
            "recognize",
            "tan",
            c.troubled || c.staff_absorbed || urgency(c) != "low",
        ),
        (
            "recognize.happy_trouble",
            "recognize",
            "dong",
            !c.troubled && c.demand_fit == "fits",
        ),
        (
            "recognize.weigh_benefits",
            "recognize",
            "hong",
            ["relationships", "livelihood_data", "volunteer_pool"]
                .iter()
                .any(|x| has(&c.legacy, x)),
        ),
        ("recognize.classify_dependence", "recognize", "dong", true),
        ("recognize.who_depends", "recognize", "tan", true),
        (
            "recognize.provider_responsibility",
            "recognize",
            "tan",
            !c.exit_designed,
        ),
        (
            "recognize.check_positioning",
            "recognize",
            "dong",
            c.troubled || c.demand_fit != "fits" || c.positioning != "clear",
        ),
        (
            "extend.project_extension",
            "extend",
            "tan",
            c.months_left < 6 && c.can_extend != Some("no"),
        ),
        (
            "extend.staff_time",
            "extend",
            "tan",
            c.months_left < 6 && c.can_extend == Some("no"),
        ),
        (
            "extend.keep_relationship",
            "extend",
            "hong",
            c.months_left >= 6,
        ),
        (
            "resolve.follow_community",
            "resolve",
            "dong",
            matches!(strategy(c), "follow" | "follow_and_guide"),
        ),
        ("resolve.guide_demand", "resolve", "dong", guiding),
        (
            "resolve.guide.legacy",
            "resolve",
            "dong",
            guiding && !has(&c.legacy, "none"),
        ),
        (
            "resolve.guide.amplify_methods",
            "resolve",
            "dong",
            guiding && (has(&c.legacy, "self_organized_model") || has(&c.legacy, "toolkits")),
        ),
        (
            "resolve.guide.fix_gaps",
            "resolve",
            "dong",
            guiding && !has(&c.exposed_gaps, "none_known"),
        ),
        ("resolve.guide.problem", "resolve", "dong", guiding),
        (
            "resolve.guide.policy",
            "resolve",
            "dong",
            guiding && c.policy_window,
        ),
        ("resolve.guide.outcome", "resolve", "dong", guiding),
        (
            "resolve.clarify_positioning",
            "resolve",
            "dong",
            c.positioning != "clear" || c.demand_fit == "conflicts",
        ),
        (
            "resolve.build_capacity",
            "resolve",
            "dong",
            matches!(dep, "skill" | "mixed") || c.positioning == "shifted",
        ),
        (
            "resolve.become_fulcrum",
            "resolve",
            "dong",
            matches!(c.our_role, "frontline" | "both"),
        ),
        (
            "resolve.return_to_project_role",
            "resolve",
            "hong",
            c.staff_absorbed,
        ),
        (
            "resolve.cultivate_volunteer_teams",
            "resolve",
            "hong",
            has(&c.legacy, "volunteer_pool") || has(&c.legacy, "volunteer_leaders"),
        ),
        (
            "resolve.win_team_leaders",
            "resolve",
            "hong",
            has(&c.legacy, "volunteer_leaders") || c.volunteers_drifting == Some(true),
        ),
        (
            "resolve.backbone_sharing",
            "resolve",
            "hong",
            has(&c.legacy, "volunteer_leaders"),
        ),
        (
            "resolve.build_toolkit",
            "resolve",
            "hong",
            has(&c.legacy, "self_organized_model") || has(&c.relies_on, "volunteer_management"),
        ),
        (
            "resolve.protect_volunteers",
            "resolve",
            "hong",
            has(&c.exposed_gaps, "volunteer_safety")
                || (has(&c.relies_on, "frontline_tasks") && has(&c.legacy, "volunteer_pool")),
        ),
        (
            "resolve.use_livelihood_data",
            "resolve",
            "hong",
            has(&c.legacy, "livelihood_data"),
        ),
        (
            "resolve.strengths_based_redesign",
            "resolve",
            "tan",
            c.strengths_known != "yes" || dep == "material" || has(&c.who, "residents"),
        ),
        (
            "resolve.equal_communication",
            "resolve",
            "tan",
            c.stakeholder_talks != "open" || urgency(c) == "high",
        ),
        ("resolve.future_tense_planning", "resolve", "hong", true),
        ("review.debrief", "review", "tan", true),
        (
            "review.design_assumptions",
            "review",
            "tan",
            !c.exit_designed || dep == "material",
        ),
        (
            "review.positioning_review",
            "review",
            "dong",
            strategy(c) != "follow" || c.positioning != "clear",
        ),
    ]
}

fn set(pack: &Pack, answers: &mut Answers, id: &str, value: Value) {
    let (i, _) = pack
        .question(id)
        .unwrap_or_else(|| panic!("the pack lacks question {id}"));
    answers[i] = Some(value);
}

fn choice(pack: &Pack, id: &str, option: &str) -> Value {
    let (_, q) = pack.question(id).unwrap();
    Value::Choice(
        q.kind
            .options()
            .iter()
            .position(|o| o.id == option)
            .unwrap_or_else(|| panic!("{id} lacks {option}")),
    )
}

fn choices(pack: &Pack, id: &str, options: &[&str]) -> Value {
    let (_, q) = pack.question(id).unwrap();
    let mut mask = 0u64;
    for option in options {
        let i = q
            .kind
            .options()
            .iter()
            .position(|o| o.id == *option)
            .unwrap_or_else(|| panic!("{id} lacks {option}"));
        mask |= 1 << i;
    }
    Value::Choices(mask)
}

fn answers_for(pack: &Pack, c: &Case) -> Answers {
    let mut a: Answers = vec![None; pack.questions.len()];
    set(pack, &mut a, "org_name", Value::Text("Test Org".into()));
    set(
        pack,
        &mut a,
        "org_focus",
        choice(pack, "org_focus", c.org_focus),
    );
    set(pack, &mut a, "months_left", Value::Number(c.months_left));
    if let Some(x) = c.can_extend {
        set(pack, &mut a, "can_extend", choice(pack, "can_extend", x));
    }
    set(
        pack,
        &mut a,
        "who_depends",
        choices(pack, "who_depends", &c.who),
    );
    set(
        pack,
        &mut a,
        "relies_on",
        choices(pack, "relies_on", &c.relies_on),
    );
    set(
        pack,
        &mut a,
        "our_role",
        choice(pack, "our_role", c.our_role),
    );
    set(
        pack,
        &mut a,
        "staff_absorbed",
        Value::Bool(c.staff_absorbed),
    );
    set(
        pack,
        &mut a,
        "demand_fit",
        choice(pack, "demand_fit", c.demand_fit),
    );
    set(
        pack,
        &mut a,
        "positioning",
        choice(pack, "positioning", c.positioning),
    );
    set(pack, &mut a, "troubled", Value::Bool(c.troubled));
    set(pack, &mut a, "legacy", choices(pack, "legacy", &c.legacy));
    if let Some(x) = c.volunteers_drifting {
        set(pack, &mut a, "volunteers_drifting", Value::Bool(x));
    }
    set(
        pack,
        &mut a,
        "exposed_gaps",
        choices(pack, "exposed_gaps", &c.exposed_gaps),
    );
    set(pack, &mut a, "policy_window", Value::Bool(c.policy_window));
    set(pack, &mut a, "exit_designed", Value::Bool(c.exit_designed));
    set(
        pack,
        &mut a,
        "strengths_known",
        choice(pack, "strengths_known", c.strengths_known),
    );
    set(
        pack,
        &mut a,
        "stakeholder_talks",
        choice(pack, "stakeholder_talks", c.stakeholder_talks),
    );
    a
}

#[test]
fn concepts_appear_exactly_when_the_spec_says() {
    let catalog = load(&[], Lang::En);
    assert!(
        !catalog.diagnostics.has_errors(),
        "{:?}",
        catalog.diagnostics.items()
    );
    let pack = catalog.pack("community-dependence").expect("built-in pack");
    let start = jiff::civil::Date::new(2026, 1, 5).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for n in 0..3000 {
        let case = random_case(&mut rng);
        let eval = evaluate(pack, answers_for(pack, &case));
        assert!(
            eval.missing.is_empty(),
            "case {n}: missing answers {:?} for {case:?}",
            eval.missing
        );
        assert!(
            eval.dropped.is_empty(),
            "case {n}: skip logic dropped {:?} for {case:?}",
            eval.dropped
        );
        for lang in [Lang::En, Lang::Zh] {
            let plan = assemble::build(pack, &eval, lang, start, &catalog.sources);
            let derived = |id: &str| {
                plan.derived
                    .iter()
                    .find(|d| d.id == id)
                    .map(|d| d.value.clone())
            };
            assert_eq!(
                derived("dependency_type"),
                Some(dependency_type(&case).into()),
                "case {n}: {case:?}"
            );
            assert_eq!(
                derived("strategy"),
                Some(strategy(&case).into()),
                "case {n}: {case:?}"
            );
            assert_eq!(
                derived("urgency"),
                Some(urgency(&case).into()),
                "case {n}: {case:?}"
            );
            let present: BTreeSet<&str> = plan.concepts().into_iter().collect();
            for (concept, phase, speaker, expected) in spec_table(&case) {
                assert_eq!(
                    present.contains(concept),
                    expected,
                    "case {n}: {concept} should be {}present for {case:?}",
                    if expected { "" } else { "ab" }
                );
                for p in &plan.phases {
                    for a in p.actions.iter().filter(|a| a.concept == concept) {
                        assert_eq!(
                            (a.phase.as_str(), a.speaker.as_str()),
                            (phase, speaker),
                            "case {n}: {concept}"
                        );
                        assert_eq!(p.id, phase);
                    }
                }
            }
            for p in &plan.phases {
                assert!(
                    !p.actions.is_empty(),
                    "case {n}: phase {} is empty for {case:?}",
                    p.id
                );
                for a in &p.actions {
                    assert!(
                        !a.text.contains('{') && !a.text.trim().is_empty(),
                        "case {n}: {}",
                        a.text
                    );
                }
            }
        }
    }
}
