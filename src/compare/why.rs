//! Which changed answers or findings moved an action out of the plan or into it, from
//! [`crate::explain`]: the tests of the action's rule that fail where the rule did not fire,
//! kept when they read an answer or a derived fact that changed between the two assessments.

use super::{Cause, Comparison, MovedAction};
use crate::engine::Evaluation;
use crate::explain;
use crate::pack::Pack;
use crate::plan::Plan;
use crate::source::SourceMap;

/// One assessment: its plan and the evaluation the plan was made from.
pub struct Side<'a, 'p> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its evaluation.
    pub evaluation: &'a Evaluation<'p>,
}

/// The comparison of two assessments, named by their files, with the changed answers behind
/// each action that left or came ([`add_causes`]): what `compare` and `review --compare` show.
pub fn compare(
    before_file: &str,
    before: &Side<'_, '_>,
    after_file: &str,
    after: &Side<'_, '_>,
    pack: &Pack,
    sources: &SourceMap,
) -> Comparison {
    let mut comparison = Comparison::of(before_file, before.plan, after_file, after.plan);
    add_causes(&mut comparison, pack, sources, before, after);
    comparison
}

/// Fills `because` for the actions that left the plan (why the rule does not fire in the
/// later assessment) and for the new ones (why it did not fire in the earlier one). Both
/// evaluations are of `pack`.
pub fn add_causes(
    comparison: &mut Comparison,
    pack: &Pack,
    sources: &SourceMap,
    before: &Side<'_, '_>,
    after: &Side<'_, '_>,
) {
    let changed = changed_vars(before.plan, after.plan);
    if changed.is_empty() {
        return;
    }
    let label = |id: &str| label(before.plan, after.plan, id);
    let fill = |moved: &mut Vec<MovedAction>, evaluation: &Evaluation<'_>| {
        for m in moved {
            m.because = causes(pack, sources, evaluation, m, &changed, &label);
        }
    };
    fill(&mut comparison.actions.left, after.evaluation);
    fill(&mut comparison.actions.new, before.evaluation);
}

/// The questions and derived facts whose value differs between the two plans.
fn changed_vars(before: &Plan, after: &Plan) -> Vec<String> {
    let mut changed = Vec::new();
    for a in &after.answers {
        if before
            .answers
            .iter()
            .find(|b| b.question == a.question)
            .is_none_or(|b| b.value != a.value)
        {
            changed.push(a.question.clone());
        }
    }
    for b in &before.answers {
        if !after.answers.iter().any(|a| a.question == b.question) {
            changed.push(b.question.clone());
        }
    }
    for d in &after.derived {
        if before
            .derived
            .iter()
            .find(|b| b.id == d.id)
            .is_none_or(|b| b.value != d.value)
        {
            changed.push(d.id.clone());
        }
    }
    changed
}

/// What a question or derived fact is called: its diagnosis label when it has a row, else the
/// question (without its question mark, as diagnosis labels are) or the derived fact's name.
fn label(before: &Plan, after: &Plan, id: &str) -> String {
    [after, before]
        .iter()
        .find_map(|plan| {
            plan.diagnosis
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.label.clone())
                .or_else(|| {
                    plan.derived
                        .iter()
                        .find(|d| d.id == id)
                        .map(|d| d.label.clone())
                })
                .or_else(|| {
                    plan.answers
                        .iter()
                        .find(|a| a.question == id)
                        .map(|a| a.prompt.trim_end_matches(['?', '？']).to_string())
                })
        })
        .unwrap_or_else(|| id.to_string())
}

/// The changed variables read by the failing tests of the moved action's rule, in
/// `evaluation`, where the rule does not fire.
fn causes(
    pack: &Pack,
    sources: &SourceMap,
    evaluation: &Evaluation<'_>,
    moved: &MovedAction,
    changed: &[String],
    label: &dyn Fn(&str) -> String,
) -> Vec<Cause> {
    let Some(why) = explain::explain_concept(pack, evaluation, sources, &moved.action.concept)
    else {
        return Vec::new();
    };
    let Some(rule) = why.rules.iter().find(|r| r.id == moved.action.rule) else {
        return Vec::new();
    };
    if rule.fired {
        // The rule still holds: the action moved for another reason (the plan stopped).
        return Vec::new();
    }
    let mut causes: Vec<Cause> = Vec::new();
    for reason in rule.reasons.iter().filter(|r| !r.holds) {
        if changed.contains(&reason.var) && !causes.iter().any(|c| c.id == reason.var) {
            causes.push(Cause {
                id: reason.var.clone(),
                label: label(&reason.var),
            });
        }
    }
    causes
}
