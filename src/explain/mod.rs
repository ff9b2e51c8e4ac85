//! Why a plan is what it is: for each rule that fired, the tests of its condition that held
//! and the values behind them; for each question, why it was asked or skipped; for a concept,
//! which part of which condition kept it out. [`text`] prints an explanation, [`json`] writes it
//! for other programs.
//!
//! Reasons come from walking the compiled [`Cond`] tree over the evaluation's state: a
//! condition that holds is explained by the tests that made it hold (every part of an `and`,
//! the first part of an `or` that holds), one that fails by the tests that made it fail (every
//! failing part of an `and`, every part of an `or`). A `not` swaps the two.

pub mod json;
pub mod text;

use serde::Serialize;

use crate::condition::{Check, Cond, Condition, Test, Var};
use crate::engine::{DerivedValue, Evaluation, State};
use crate::lang::Lang;
use crate::pack::{DerivedKind, Pack};
use crate::source::{Loc, SourceMap};
use crate::terminal::sanitize;
use crate::value::Value;

/// One test of a condition, with the value it read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The test as written in the condition.
    pub test: String,
    /// Whether the test holds.
    pub holds: bool,
    /// The question or derived fact it reads.
    pub var: String,
    /// That variable's value, as an answers file writes it; `None` when it has none.
    pub value: Option<String>,
}

/// A rule and why it fired or not.
#[derive(Debug, Clone, Serialize)]
pub struct RuleWhy {
    /// Rule id.
    pub id: String,
    /// Where it is written (`file:line`).
    pub defined_at: String,
    /// Its condition as written; `None` is always.
    pub condition: Option<String>,
    /// Whether it fired.
    pub fired: bool,
    /// The tests that decided it.
    pub reasons: Vec<Reason>,
    /// Its actions.
    pub actions: Vec<ActionRef>,
    /// How many cautions it raises.
    pub cautions: usize,
}

/// An action of a rule: its concept and phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRef {
    /// Phase id.
    pub phase: String,
    /// Concept id.
    pub concept: String,
}

/// A derived fact and the case that gave its value.
#[derive(Debug, Clone, Serialize)]
pub struct DerivedWhy {
    /// Id.
    pub id: String,
    /// The value; `None` when no case matched.
    pub value: Option<String>,
    /// Where the deciding case is written, for classifications.
    pub case_at: Option<String>,
    /// The deciding case's condition (`None`: "otherwise", or a sum).
    pub condition: Option<String>,
    /// The tests that made the case hold.
    pub reasons: Vec<Reason>,
    /// For a sum: what each term with a value added.
    pub parts: Vec<SumPart>,
}

/// One term of a sum and what it added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SumPart {
    /// The question or derived fact added.
    pub var: String,
    /// Its value, as an answers file writes it.
    pub value: String,
    /// What it added to the sum.
    pub adds: i64,
}

/// A question and why it was asked or skipped.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionWhy {
    /// Id.
    pub id: String,
    /// The question, in the explanation's language.
    pub prompt: String,
    /// Whether it was asked.
    pub asked: bool,
    /// Its `when`; `None` means always asked.
    pub condition: Option<String>,
    /// The tests that decided it.
    pub reasons: Vec<Reason>,
    /// The answer, as an answers file writes it; `None` when there is none.
    pub answer: Option<String>,
}

/// The whole explanation of a plan.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// The pack id.
    pub pack: String,
    /// Rules that fired, in pack order.
    pub rules: Vec<RuleWhy>,
    /// Derived facts, in pack order.
    pub derived: Vec<DerivedWhy>,
    /// Questions, in questionnaire order.
    pub questions: Vec<QuestionWhy>,
    /// When a derived value stops the plan: `id = value`.
    pub blocked: Option<String>,
}

/// Why one concept is in the plan or not.
#[derive(Debug, Clone, Serialize)]
pub struct ConceptWhy {
    /// The concept id.
    pub concept: String,
    /// Whether the plan has it (in a phase or deferred).
    pub present: bool,
    /// Whether it is among the actions past the plan's length budget.
    pub deferred: bool,
    /// Every rule that can give it, fired or not.
    pub rules: Vec<RuleWhy>,
    /// When a derived value stops the plan: `id = value`.
    pub blocked: Option<String>,
}

/// Explains an evaluation. `lang` is the language of question prompts.
pub fn explain(pack: &Pack, eval: &Evaluation<'_>, sources: &SourceMap, lang: Lang) -> Explanation {
    let lang = pack.resolve_lang(Some(lang));
    let rules = eval
        .fired
        .iter()
        .map(|&r| rule_why(pack, eval, r, sources))
        .collect();
    let derived = (0..pack.derived.len())
        .map(|d| derived_why(pack, eval, d, sources))
        .collect();
    let questions = pack
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            // A question's `when` reads only earlier questions, whose answers are final.
            let (reasons, condition) = match &q.when {
                Some(c) => (
                    reasons(c, &eval.state, pack, eval.asked[i]),
                    Some(c.source.clone()),
                ),
                None => (Vec::new(), None),
            };
            QuestionWhy {
                id: q.id.clone(),
                prompt: q.prompt.get(lang).to_string(),
                asked: eval.asked[i],
                condition,
                reasons,
                answer: value_text(pack, &eval.state, Var::Question(i)),
            }
        })
        .collect();
    Explanation {
        pack: pack.id.clone(),
        rules,
        derived,
        questions,
        blocked: blocked(pack, eval),
    }
}

/// Explains why `concept` is in the plan or not; `None` when no rule of the pack gives it.
pub fn explain_concept(
    pack: &Pack,
    eval: &Evaluation<'_>,
    sources: &SourceMap,
    concept: &str,
) -> Option<ConceptWhy> {
    let rules: Vec<RuleWhy> = pack
        .rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.actions.iter().any(|a| a.concept == concept))
        .map(|(r, _)| rule_why(pack, eval, r, sources))
        .collect();
    if rules.is_empty() {
        return None;
    }
    let blocked = blocked(pack, eval);
    let present = blocked.is_none() && rules.iter().any(|r| r.fired);
    // Whether the budget deferred it does not depend on the language or the dates.
    let deferred = present && {
        let plan = crate::engine::assemble::build(
            pack,
            eval,
            pack.default_lang,
            jiff::civil::date(2026, 1, 5),
            sources,
        );
        plan.deferred.iter().any(|a| a.concept == concept)
            && !plan.phase_concepts().contains(&concept)
    };
    Some(ConceptWhy {
        concept: concept.to_string(),
        present,
        deferred,
        rules,
        blocked,
    })
}

/// Every concept the pack's rules can give, sorted, for "did you mean".
pub fn concepts(pack: &Pack) -> Vec<&str> {
    let mut all: Vec<&str> = pack
        .rules
        .iter()
        .flat_map(|r| r.actions.iter().map(|a| a.concept.as_str()))
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

fn rule_why(pack: &Pack, eval: &Evaluation<'_>, r: usize, sources: &SourceMap) -> RuleWhy {
    let rule = &pack.rules[r];
    let fired = eval.fired.contains(&r);
    RuleWhy {
        id: rule.id.clone(),
        defined_at: file_line(sources, &rule.loc),
        condition: rule.when.as_ref().map(|c| c.source.clone()),
        fired,
        reasons: rule
            .when
            .as_ref()
            .map_or_else(Vec::new, |c| reasons(c, &eval.state, pack, fired)),
        actions: rule
            .actions
            .iter()
            .map(|a| ActionRef {
                phase: pack.phases[a.phase].id.clone(),
                concept: a.concept.clone(),
            })
            .collect(),
        cautions: rule.cautions.len(),
    }
}

fn derived_why(pack: &Pack, eval: &Evaluation<'_>, d: usize, sources: &SourceMap) -> DerivedWhy {
    let fact = &pack.derived[d];
    let value = value_text(pack, &eval.state, Var::Derived(d));
    let mut why = DerivedWhy {
        id: fact.id.clone(),
        value,
        case_at: None,
        condition: None,
        reasons: Vec::new(),
        parts: Vec::new(),
    };
    if let DerivedKind::Sum { terms } = &fact.kind {
        why.parts = terms
            .iter()
            .filter_map(|&term| {
                let value = value_text(pack, &eval.state, term)?;
                Some(SumPart {
                    var: pack.var_id(term).to_string(),
                    value,
                    adds: eval.state.contribution(term),
                })
            })
            .collect();
    }
    if let DerivedKind::Classify { cases, .. } = &fact.kind
        && let Some(case) = cases
            .iter()
            .find(|c| c.when.as_ref().is_none_or(|w| w.eval(&eval.state)))
    {
        why.case_at = Some(file_line(sources, &case.loc));
        why.condition = case.when.as_ref().map(|c| c.source.clone());
        why.reasons = case
            .when
            .as_ref()
            .map_or_else(Vec::new, |c| reasons(c, &eval.state, pack, true));
    }
    why
}

fn blocked(pack: &Pack, eval: &Evaluation<'_>) -> Option<String> {
    eval.blocked.map(|(d, _)| {
        let value = value_text(pack, &eval.state, Var::Derived(d)).unwrap_or_default();
        format!("{} = {value}", pack.derived[d].id)
    })
}

/// The tests that decided a condition: those that made it hold when `holds`, else those that
/// made it fail.
///
/// A test under a `not` is shown as the condition reads it: `not (legacy has none)`, and a
/// yes/no question as its answer, `exit_criteria is no`, rather than the bare test that fails.
pub fn reasons(condition: &Condition, state: &State<'_>, pack: &Pack, holds: bool) -> Vec<Reason> {
    let mut tests = Vec::new();
    collect(&condition.cond, state, holds, false, &mut tests);
    tests
        .into_iter()
        .map(|(test, negated)| {
            let written = condition
                .source
                .get(test.span.clone())
                .unwrap_or("")
                .trim()
                .to_string();
            let var = pack.var_id(test.var).to_string();
            let value = value_text(pack, state, test.var);
            let text = match (&test.check, negated) {
                // `not x` (or `not (x is false)`) with an answer: the answer it asks for.
                (Check::Bool(expected), true) if value.is_some() => {
                    format!("{var} is {}", if *expected { "no" } else { "yes" })
                }
                (_, true) => format!("not ({written})"),
                (_, false) => written,
            };
            Reason {
                test: text,
                holds: test.eval(state) != negated,
                var,
                value,
            }
        })
        .collect()
}

/// Pushes the tests that explain why `cond` evaluates to `outcome` (which it does), each with
/// whether it sits under an odd number of `not`s.
fn collect<'c>(
    cond: &'c Cond,
    state: &State<'_>,
    outcome: bool,
    negated: bool,
    out: &mut Vec<(&'c Test, bool)>,
) {
    match (cond, outcome) {
        (Cond::Test(test), _) => out.push((test, negated)),
        (Cond::Not(inner), _) => collect(inner, state, !outcome, !negated, out),
        // All held: every part counts. Any failed: every part failed.
        (Cond::All(parts), true) | (Cond::Any(parts), false) => {
            parts
                .iter()
                .for_each(|p| collect(p, state, outcome, negated, out));
        }
        // All failed: the parts that failed. Any held: the first part that held.
        (Cond::All(parts), false) => parts
            .iter()
            .filter(|p| !p.eval(state))
            .for_each(|p| collect(p, state, false, negated, out)),
        (Cond::Any(parts), true) => {
            if let Some(p) = parts.iter().find(|p| p.eval(state)) {
                collect(p, state, true, negated, out);
            }
        }
    }
}

/// A variable's value as an answers file (or a condition) writes it.
pub fn value_text(pack: &Pack, state: &State<'_>, var: Var) -> Option<String> {
    match var {
        Var::Question(i) => {
            let question = &pack.questions[i];
            let options = question.kind.options();
            state.answers()[i].as_ref().map(|value| match value {
                Value::Choice(c) => options[*c].id.clone(),
                Value::Choices(mask) => {
                    let ids: Vec<&str> = options
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| mask >> j & 1 == 1)
                        .map(|(_, o)| o.id.as_str())
                        .collect();
                    format!("[{}]", ids.join(", "))
                }
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                Value::Text(t) => format!("{:?}", sanitize(t)),
            })
        }
        Var::Derived(i) => state.derived(i).map(|v| match (v, &pack.derived[i].kind) {
            (DerivedValue::Class(c), DerivedKind::Classify { values, .. }) => values[c].id.clone(),
            (DerivedValue::Number(n), _) => n.to_string(),
            (DerivedValue::Class(c), DerivedKind::Sum { .. }) => c.to_string(),
        }),
    }
}

/// `file:line` of a location.
fn file_line(sources: &SourceMap, loc: &Loc) -> String {
    let full = sources.describe(loc);
    full.rsplit_once(':')
        .map_or(full.clone(), |(l, _)| l.to_string())
}
