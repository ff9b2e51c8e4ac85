//! Comparing two assessments of one organization: the answers given some months apart, and the
//! plans they lead to. What changed in the answers, in the diagnosis, and which actions left
//! the plan, came into it or stayed.
//!
//! A [`Comparison`] is computed from two [`Plan`]s ([`Comparison::of`]); [`why`] adds, for the
//! actions that left or came, which changed answers or findings decided it. [`table`] and
//! [`markdown`] print it, [`json`] writes it for other programs (`fulcrum.compare/1`). The
//! data model is meant to be reused by later reports (the review, 复盘, report prints "what
//! changed since the first assessment" from it).
//!
//! When the earlier plan carries progress (its progress file, see [`crate::progress`]), the
//! actions that stayed and those that left show where they stood; [`carry`] writes that
//! progress over to the later plan.

pub mod carry;
pub mod json;
pub mod markdown;
pub mod table;
pub mod why;
pub mod words;

use serde::Serialize;

use crate::lang::Lang;
use crate::plan::{ActionOut, ActionProgress, Plan};

/// Version tag of the JSON form.
pub const SCHEMA: &str = "fulcrum.compare/1";

/// Two assessments side by side: what changed between the earlier one (`before`) and the
/// later one (`after`). Texts are in the language of the plans compared ([`Comparison::lang`]).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The id of the pack both answers files are for.
    pub pack: String,
    /// The language of the texts.
    pub lang: Lang,
    /// The earlier assessment.
    pub before: Assessment,
    /// The later assessment.
    pub after: Assessment,
    /// Answers that differ, were asked only the second time or only the first time, in
    /// question order.
    pub answers: Vec<AnswerChange>,
    /// Rows of the diagnosis whose finding differs, in the later plan's order (rows only the
    /// earlier plan has come last).
    pub diagnosis: Vec<DiagnosisChange>,
    /// What happened to the plan's actions.
    pub actions: ActionChanges,
    /// The earlier plan's progress file, when its progress is shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
}

/// One of the two assessments compared.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    /// The answers file, as named on the command line.
    pub file: String,
    /// The organization's name, if given.
    pub organization: Option<String>,
    /// The version of the pack the plan was made with.
    pub pack_version: String,
    /// Why the plan gives no actions, when a finding stops it.
    pub blocked: Option<String>,
    /// How many actions the plan holds, in its phases and left for when time allows.
    pub actions: usize,
}

/// How an answer changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerChangeKind {
    /// Asked both times, answered differently.
    Changed,
    /// Asked the second time only (the skip logic asks it now).
    NewlyAsked,
    /// Asked the first time only (the skip logic no longer asks it).
    NoLongerAsked,
}

/// An answer as the plan holds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// As an answers file writes it (option ids, numbers, booleans, text).
    pub value: serde_json::Value,
    /// As people read it (option labels).
    pub display: String,
}

/// An answer that changed.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerChange {
    /// Question id.
    pub question: String,
    /// The question.
    pub prompt: String,
    /// How it changed.
    pub change: AnswerChangeKind,
    /// The earlier answer; `None` when the question was not asked.
    pub before: Option<Answer>,
    /// The later answer; `None` when the question was not asked.
    pub after: Option<Answer>,
}

/// A diagnosis row whose finding changed. Rows are matched by the question or derived fact
/// they show, not by their label.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosisChange {
    /// The question or derived fact the row shows.
    pub id: String,
    /// What is diagnosed.
    pub label: String,
    /// The earlier finding; `None` when the earlier plan has no such row.
    pub before: Option<String>,
    /// The later finding; `None` when the later plan has no such row.
    pub after: Option<String>,
}

/// What happened to the plan's actions.
///
/// Actions are matched in two passes: first by rule id and concept id together (the same rule
/// gives the same action), then, among those left over, by concept id alone (another rule now
/// gives the same kind of action, worded for the new situation). The concept is what a piece
/// of work *is*; rules are how a pack decides to ask for it. So work recorded against an
/// action, such as its progress, should be carried from the earlier plan to the later one
/// through [`StayedAction`]: each pairs an earlier action with the later action that continues
/// it, whichever pass matched them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ActionChanges {
    /// Actions of the earlier plan that the later plan no longer has: the situation no longer
    /// calls for them. In earlier plan order.
    pub left: Vec<MovedAction>,
    /// Actions of the later plan that the earlier plan did not have. In later plan order.
    pub new: Vec<MovedAction>,
    /// Actions in both plans. In later plan order.
    pub stayed: Vec<StayedAction>,
}

/// An action as the comparison shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRef {
    /// The rule that produced it.
    pub rule: String,
    /// Concept id.
    pub concept: String,
    /// Phase id.
    pub phase: String,
    /// The phase's title.
    pub phase_title: String,
    /// What to do.
    pub text: String,
    /// Whether it is among the actions left for when time allows.
    pub deferred: bool,
    /// Where it stood, from the earlier plan's progress file (earlier actions only, and only
    /// when there is one). `overdue` is always false here: the later plan has its own
    /// schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<ActionProgress>,
}

/// An action that left the plan or came into it.
#[derive(Debug, Clone, Serialize)]
pub struct MovedAction {
    /// The action.
    #[serde(flatten)]
    pub action: ActionRef,
    /// The changed answers and findings that decided it: tests of its rule's condition that
    /// read them. Empty when no single change can be named (or not worked out).
    pub because: Vec<Cause>,
}

/// A changed answer or finding behind an action's move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cause {
    /// The question or derived fact.
    pub id: String,
    /// What it is: the question, or the derived fact's name.
    pub label: String,
}

/// How a stayed action was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Matched {
    /// Same rule and concept.
    Rule,
    /// Same concept, from another rule.
    Concept,
}

/// An action in both plans.
#[derive(Debug, Clone, Serialize)]
pub struct StayedAction {
    /// The action in the earlier plan.
    pub before: ActionRef,
    /// The action in the later plan.
    pub after: ActionRef,
    /// How the two were matched.
    pub matched: Matched,
}

impl Comparison {
    /// Compares two plans made from the same pack, in the same language. `before_file` and
    /// `after_file` name the answers files. Actions are matched as [`ActionChanges`] says;
    /// `because` is left empty (see [`why::add_causes`]).
    pub fn of(before_file: &str, before: &Plan, after_file: &str, after: &Plan) -> Self {
        Comparison {
            schema: SCHEMA,
            pack: after.pack.id.clone(),
            lang: after.lang,
            before: assessment(before_file, before),
            after: assessment(after_file, after),
            answers: answer_changes(before, after),
            diagnosis: diagnosis_changes(before, after),
            actions: action_changes(before, after),
            progress: None,
        }
    }

    /// Whether nothing changed: same answers, same findings, same actions, same stop.
    pub fn is_unchanged(&self) -> bool {
        self.answers.is_empty()
            && self.diagnosis.is_empty()
            && self.actions.left.is_empty()
            && self.actions.new.is_empty()
            && self.before.blocked == self.after.blocked
    }
}

fn assessment(file: &str, plan: &Plan) -> Assessment {
    Assessment {
        file: file.to_string(),
        organization: plan.organization.clone(),
        pack_version: plan.pack.version.clone(),
        blocked: plan.blocked.clone(),
        actions: plan.action_count() + plan.deferred.len(),
    }
}

fn answer_changes(before: &Plan, after: &Plan) -> Vec<AnswerChange> {
    let answer = |a: &crate::plan::AnswerOut| Answer {
        value: a.value.clone(),
        display: a.display.clone(),
    };
    let mut changes = Vec::new();
    for a in &after.answers {
        let earlier = before.answers.iter().find(|b| b.question == a.question);
        let change = match earlier {
            None => AnswerChangeKind::NewlyAsked,
            Some(b) if b.value != a.value => AnswerChangeKind::Changed,
            Some(_) => continue,
        };
        changes.push(AnswerChange {
            question: a.question.clone(),
            prompt: a.prompt.clone(),
            change,
            before: earlier.map(answer),
            after: Some(answer(a)),
        });
    }
    for b in &before.answers {
        if after.answers.iter().any(|a| a.question == b.question) {
            continue;
        }
        changes.push(AnswerChange {
            question: b.question.clone(),
            prompt: b.prompt.clone(),
            change: AnswerChangeKind::NoLongerAsked,
            before: Some(answer(b)),
            after: None,
        });
    }
    // Question order: both plans list answers in pack order, so an answer only the earlier
    // plan has goes just before the first answer after it that the later plan has too.
    let order = |id: &str| -> (usize, u8) {
        if let Some(i) = after.answers.iter().position(|a| a.question == id) {
            return (i, 1);
        }
        let i = before
            .answers
            .iter()
            .position(|b| b.question == id)
            .unwrap_or(before.answers.len());
        let anchor = before.answers[i..]
            .iter()
            .find_map(|b| after.answers.iter().position(|a| a.question == b.question))
            .unwrap_or(after.answers.len());
        (anchor, 0)
    };
    changes.sort_by_key(|c| order(&c.question));
    changes
}

/// The value behind a diagnosis row, to compare rows by value rather than by their text.
fn row_value<'p>(plan: &'p Plan, id: &str) -> Option<&'p serde_json::Value> {
    plan.derived
        .iter()
        .find(|d| d.id == id)
        .map(|d| &d.value)
        .or_else(|| {
            plan.answers
                .iter()
                .find(|a| a.question == id)
                .map(|a| &a.value)
        })
}

fn diagnosis_changes(before: &Plan, after: &Plan) -> Vec<DiagnosisChange> {
    let mut changes = Vec::new();
    for row in &after.diagnosis {
        let earlier = before.diagnosis.iter().find(|b| b.id == row.id);
        if earlier.is_some() && row_value(before, &row.id) == row_value(after, &row.id) {
            continue;
        }
        changes.push(DiagnosisChange {
            id: row.id.clone(),
            label: row.label.clone(),
            before: earlier.map(|b| b.value.clone()),
            after: Some(row.value.clone()),
        });
    }
    for row in &before.diagnosis {
        if after.diagnosis.iter().any(|a| a.id == row.id) {
            continue;
        }
        changes.push(DiagnosisChange {
            id: row.id.clone(),
            label: row.label.clone(),
            before: Some(row.value.clone()),
            after: None,
        });
    }
    changes
}

/// Every action of a plan, phases first, then those left for when time allows.
fn actions(plan: &Plan) -> Vec<ActionRef> {
    let entry = |a: &ActionOut, deferred: bool| ActionRef {
        rule: a.rule.clone(),
        concept: a.concept.clone(),
        phase: a.phase.clone(),
        phase_title: plan
            .phases
            .iter()
            .find(|p| p.id == a.phase)
            .map_or_else(|| a.phase.clone(), |p| p.title.clone()),
        text: a.text.clone(),
        deferred,
        progress: a.progress.clone().map(|p| ActionProgress {
            overdue: false,
            ..p
        }),
    };
    plan.phases
        .iter()
        .flat_map(|p| p.actions.iter().map(|a| entry(a, false)))
        .chain(plan.deferred.iter().map(|a| entry(a, true)))
        .collect()
}

/// Whether two actions are the same, for one pass of matching.
type SameAction = fn(&ActionRef, &ActionRef) -> bool;

/// For each later action, the earlier action it continues (an index into `earlier`), and how
/// the two were matched; see [`ActionChanges`].
fn partners(earlier: &[ActionRef], later: &[ActionRef]) -> Vec<Option<(usize, Matched)>> {
    let mut partner: Vec<Option<(usize, Matched)>> = vec![None; later.len()];
    let mut taken = vec![false; earlier.len()];
    let passes: [(Matched, SameAction); 2] = [
        (Matched::Rule, |a, b| {
            a.rule == b.rule && a.concept == b.concept
        }),
        (Matched::Concept, |a, b| a.concept == b.concept),
    ];
    for (how, same) in passes {
        for (l, action) in later.iter().enumerate() {
            if partner[l].is_some() {
                continue;
            }
            if let Some(e) = (0..earlier.len()).find(|&e| !taken[e] && same(&earlier[e], action)) {
                taken[e] = true;
                partner[l] = Some((e, how));
            }
        }
    }
    partner
}

fn action_changes(before: &Plan, after: &Plan) -> ActionChanges {
    let earlier = actions(before);
    let later = actions(after);
    let partner = partners(&earlier, &later);
    let mut taken = vec![false; earlier.len()];
    for (e, _) in partner.iter().flatten() {
        taken[*e] = true;
    }
    let mut changes = ActionChanges::default();
    for (e, action) in earlier.iter().enumerate() {
        if !taken[e] {
            changes.left.push(MovedAction {
                action: action.clone(),
                because: Vec::new(),
            });
        }
    }
    for (action, partner) in later.into_iter().zip(partner) {
        match partner {
            Some((e, matched)) => changes.stayed.push(StayedAction {
                before: earlier[e].clone(),
                after: action,
                matched,
            }),
            None => changes.new.push(MovedAction {
                action,
                because: Vec::new(),
            }),
        }
    }
    changes
}

#[cfg(test)]
mod tests;
