//! Checks on the plan's focus and schedule that need no answers: a length budget too small for
//! the actions it must keep, and an indicator deadline that cannot fit in its phase's window.

use crate::diagnostic::{Diagnostic, Problem};
use crate::engine::timeline;
use crate::lang::Lang;
use crate::pack::{Pack, QuestionKind};

use super::problem::LintProblem;

/// Budget and deadline findings.
pub fn check(pack: &Pack, lang: Lang) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    budgets(pack, lang, &mut out);
    deadlines(pack, lang, &mut out);
    out
}

/// A budget must hold what is never deferred: the first steps and every action marked `keep`.
/// (The first action of each phase is kept too, so budgeting never empties a phase.)
fn budgets(pack: &Pack, lang: Lang, out: &mut Vec<Diagnostic>) {
    let Some(focus) = &pack.focus else {
        return;
    };
    let kept = pack
        .rules
        .iter()
        .flat_map(|r| &r.actions)
        .filter(|a| a.keep)
        .count();
    let needed = kept + focus.first_steps;
    for budget in focus.budgets.iter().filter(|b| b.max < needed) {
        let problem = LintProblem::BudgetTooSmall {
            max: budget.max,
            needed,
            first_steps: focus.first_steps,
            kept,
        };
        out.push(problem.diagnostic(budget.loc.clone(), lang));
    }
}

/// A deadline counts from the start of the action's phase and must end inside its window. A
/// window is shortest when the fewest months are left, so that is the case checked.
fn deadlines(pack: &Pack, lang: Lang, out: &mut Vec<Diagnostic>) {
    let actions = pack.rules.iter().flat_map(|r| &r.actions);
    let Some(t) = &pack.timeline else {
        for action in actions.filter(|a| a.deadline_weeks.is_some()) {
            let problem = LintProblem::DeadlineUndated;
            out.push(problem.diagnostic(action.loc.clone(), lang));
        }
        return;
    };
    let fewest = match pack.questions[t.months].kind {
        QuestionKind::Number { min, .. } => min.max(0),
        _ => 0,
    };
    let horizon = timeline::horizon_weeks(t, Some(fewest));
    let end_week = timeline::weeks_in_months(fewest);
    let start = jiff::civil::date(2026, 1, 5);
    for action in pack.rules.iter().flat_map(|r| &r.actions) {
        let Some(weeks) = action.deadline_weeks else {
            continue;
        };
        let phase = &pack.phases[action.phase];
        let Some(window) = timeline::window(phase, horizon, Some(end_week), start) else {
            continue;
        };
        let length = window.end_week - window.start_week;
        if weeks <= length {
            continue;
        }
        let problem = LintProblem::DeadlineOutside {
            weeks,
            phase: phase.id.clone(),
            fewest,
            length,
        };
        out.push(problem.diagnostic(action.loc.clone(), lang));
    }
}
