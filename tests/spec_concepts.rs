//! Property test of the built-in pack against the domain spec's concept table
//! (`shared/domain/community-dependence.md`, version 2). The expectations below are written from
//! the spec, not from the pack files: for many random complete answer sets that respect the skip
//! logic, each concept must appear (in the phases or among the deferred actions) exactly when the
//! spec's condition holds, in the spec's phase, cited to the spec's source; and the spec's focus
//! and timeline hold: at most 10 actions in the phases of a wrap-up plan and 18 otherwise, three
//! first steps that are in the phases, the kept concepts never deferred, no phase empty, a review
//! window that contains the follow-up three months after the project's end, and with six months
//! or more left, recognise, extend and resolve ending by the project's end.

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
const FUNDED_BY: [&str; 4] = ["government_purchase", "foundation", "mixed", "own"];
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
    funded_by: &'static str,
    months_left: i64,
    can_extend: Option<&'static str>,
    who: Vec<&'static str>,
    counterpart_capacity: Option<&'static str>,
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
    let who = rng.subset(&WHO, true);
    Case {
        org_focus: rng.pick(&FOCUS),
        funded_by: rng.pick(&FUNDED_BY),
        months_left,
        can_extend: (months_left < 6).then(|| rng.pick(&["yes", "maybe", "no"])),
        counterpart_capacity: (who.contains(&"committee") || who.contains(&"street_office"))
            .then(|| rng.pick(&["ready", "partly", "not_yet"])),
        who,
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

/// Spec v2: high below three months unless an extension is certain.
fn urgency(c: &Case) -> &'static str {
    if c.months_left < 3 && c.can_extend != Some("yes") {
        "high"
    } else if c.months_left < 6 {
        "medium"
    } else {
        "low"
    }
}

fn scope(c: &Case) -> &'static str {
    if urgency(c) == "high" {
        "wrap_up"
    } else {
        "full"
    }
}

/// The spec's concept table: (concept, phase, source, appears when).
fn spec_table(c: &Case) -> Vec<(&'static str, &'static str, &'static str, bool)> {
    let has = |list: &[&str], x: &str| list.contains(&x);
    let guiding = matches!(strategy(c), "guide" | "follow_and_guide");
    let dep = dependency_type(c);
    let w = scope(c) == "wrap_up";
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
            c.demand_fit == "fits" && !c.troubled && !c.staff_absorbed && urgency(c) == "low",
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
            guiding
                && !w
                && [
                    "shared_awareness",
                    "self_organized_model",
                    "volunteer_pool",
                    "volunteer_leaders",
                ]
                .iter()
                .any(|x| has(&c.legacy, x)),
        ),
        (
            "resolve.guide.amplify_methods",
            "resolve",
            "dong",
            guiding && !w && (has(&c.legacy, "self_organized_model") || has(&c.legacy, "toolkits")),
        ),
        (
            "resolve.guide.fix_gaps",
            "resolve",
            "dong",
            guiding && !w && !has(&c.exposed_gaps, "none_known"),
        ),
        ("resolve.guide.problem", "resolve", "dong", guiding && !w),
        (
            "resolve.guide.policy",
            "resolve",
            "dong",
            guiding && !w && c.policy_window,
        ),
        ("resolve.guide.outcome", "resolve", "dong", guiding && !w),
        (
            "resolve.clarify_positioning",
            "resolve",
            "dong",
            (c.positioning != "clear" || c.demand_fit == "conflicts") && !w,
        ),
        (
            "resolve.build_capacity",
            "resolve",
            "dong",
            (matches!(dep, "skill" | "mixed") || c.positioning == "shifted") && !w,
        ),
        (
            "resolve.become_fulcrum",
            "resolve",
            "dong",
            matches!(c.our_role, "frontline" | "both")
                && !(c.org_focus == "volunteer_service" && c.demand_fit == "fits"),
        ),
        (
            "resolve.return_to_project_role",
            "resolve",
            "hong",
            c.staff_absorbed && c.months_left > 0,
        ),
        (
            "resolve.pace_handover",
            "resolve",
            "dong",
            matches!(c.counterpart_capacity, Some("partly" | "not_yet")),
        ),
        (
            "resolve.support_community_workers",
            "resolve",
            "hong",
            has(&c.who, "committee"),
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
            has(&c.legacy, "volunteer_leaders") && !w,
        ),
        (
            "resolve.register_volunteer_teams",
            "resolve",
            "practice",
            has(&c.legacy, "volunteer_pool") || has(&c.legacy, "volunteer_leaders"),
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
            "resolve.taper_material_aid",
            "resolve",
            "practice",
            has(&c.relies_on, "material_aid"),
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
        ("review.follow_up", "review", "practice", true),
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
        (
            "review.evaluation_link",
            "review",
            "practice",
            c.funded_by != "own",
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
    set(
        pack,
        &mut a,
        "funded_by",
        choice(pack, "funded_by", c.funded_by),
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
    if let Some(x) = c.counterpart_capacity {
        set(
            pack,
            &mut a,
            "counterpart_capacity",
            choice(pack, "counterpart_capacity", x),
        );
    }
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
            assert_eq!(
                derived("scope"),
                Some(scope(&case).into()),
                "case {n}: {case:?}"
            );
            // Deferred actions are part of the plan.
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
                for a in plan.deferred.iter().filter(|a| a.concept == concept) {
                    assert_eq!(
                        (a.phase.as_str(), a.speaker.as_str()),
                        (phase, speaker),
                        "case {n}: deferred {concept}"
                    );
                }
            }
            check_focus(&plan, &case, n);
            check_timeline(&plan, &case, start, n);
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

/// Spec v2, focus: the length budget, the first steps, what is never deferred.
fn check_focus(plan: &fulcrum::plan::Plan, case: &Case, n: usize) {
    let budget = if scope(case) == "wrap_up" { 10 } else { 18 };
    assert!(
        plan.action_count() <= budget,
        "case {n}: {} actions in the phases, budget {budget}, for {case:?}",
        plan.action_count()
    );
    assert_eq!(
        plan.first_steps.len(),
        3,
        "case {n}: first steps for {case:?}"
    );
    for step in &plan.first_steps {
        assert!(
            plan.phases
                .iter()
                .any(|p| p.actions.iter().any(|a| a.rule == step.rule
                    && a.concept == step.concept
                    && a.text == step.text)),
            "case {n}: first step {} is not in the phases",
            step.concept
        );
        assert!(
            !plan
                .deferred
                .iter()
                .any(|a| a.rule == step.rule && a.text == step.text),
            "case {n}: first step {} is deferred",
            step.concept
        );
    }
    // The pack's judgement (spec: "in a wrap-up plan the first steps are about handing over"):
    // a wrap-up plan opens with its handing-over actions, a full plan with the recognise work.
    for step in &plan.first_steps {
        if scope(case) == "wrap_up" {
            assert!(
                [
                    "extend.staff_time",
                    "resolve.equal_communication",
                    "resolve.future_tense_planning",
                    "recognize.who_depends",
                ]
                .contains(&step.concept.as_str()),
                "case {n}: wrap-up first step {} for {case:?}",
                step.concept
            );
        } else {
            assert_eq!(
                step.phase, "recognize",
                "case {n}: first step {}",
                step.concept
            );
        }
    }
    for kept in ["recognize.name_the_problem", "review.debrief"] {
        assert!(
            !plan.deferred.iter().any(|a| a.concept == kept),
            "case {n}: {kept} deferred for {case:?}"
        );
    }
    if !plan.deferred.is_empty() {
        assert_eq!(
            plan.action_count(),
            budget,
            "case {n}: deferred below the budget"
        );
    }
}

/// Spec v2, timeline: the project's end, the follow-up inside the review window, and the first
/// three phases ending by the end when six months or more are left.
fn check_timeline(plan: &fulcrum::plan::Plan, case: &Case, start: jiff::civil::Date, n: usize) {
    let end_date = start
        .checked_add(jiff::Span::new().months(case.months_left))
        .unwrap();
    let end = plan
        .project_end
        .as_ref()
        .expect("the plan states the project's end");
    assert_eq!(end.date, end_date.to_string(), "case {n}: project end");
    let follow_up = end_date
        .checked_add(jiff::Span::new().months(3))
        .unwrap()
        .to_string();
    let window = |id: &str| {
        plan.phases
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.window.clone())
            .unwrap_or_else(|| panic!("case {n}: phase {id} has no window"))
    };
    let review = window("review");
    assert!(
        review.start_date <= follow_up && follow_up <= review.end_date,
        "case {n}: follow-up {follow_up} outside the review window {} to {} for {case:?}",
        review.start_date,
        review.end_date
    );
    if case.months_left >= 6 {
        for id in ["recognize", "extend", "resolve"] {
            let w = window(id);
            assert!(
                w.end_week <= end.week && w.end_date <= end.date,
                "case {n}: {id} ends in week {} ({}), after the project's end in week {} ({})",
                w.end_week,
                w.end_date,
                end.week,
                end.date
            );
        }
    }
}
