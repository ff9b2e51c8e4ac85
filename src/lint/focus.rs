//! Checks on the plan's focus and schedule that need no answers: a length budget too small for
//! the actions it must keep, and an indicator deadline that cannot fit in its phase's window.

use crate::diagnostic::Diagnostic;
use crate::engine::timeline;
use crate::lang::Lang;
use crate::pack::{Pack, QuestionKind};
use crate::tr;

use super::{BUDGET_TOO_SMALL, DEADLINE_OUTSIDE};

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
        out.push(
            Diagnostic::error(
                BUDGET_TOO_SMALL,
                tr!(
                    lang,
                    "长度预算 {} 小于必须保留的行动数 {needed}（{} 项首要行动 + {kept} 项 keep 行动）",
                    "a budget of {} is smaller than the {needed} actions that are always kept ({} first steps + {kept} actions marked keep)",
                    budget.max,
                    focus.first_steps
                ),
            )
            .at(budget.loc.clone(), tr!(lang, "这个预算", "this budget"))
            .help(tr!(
                lang,
                "把 max 提高到至少 {needed}，或减少 first_steps 或 keep 标记",
                "raise `max` to at least {needed}, or mark fewer actions `keep` or lower `first_steps`"
            )),
        );
    }
}

/// A deadline counts from the start of the action's phase and must end inside its window. A
/// window is shortest when the fewest months are left, so that is the case checked.
fn deadlines(pack: &Pack, lang: Lang, out: &mut Vec<Diagnostic>) {
    let actions = pack.rules.iter().flat_map(|r| &r.actions);
    let Some(t) = &pack.timeline else {
        for action in actions.filter(|a| a.deadline_weeks.is_some()) {
            out.push(
                Diagnostic::warning(
                    DEADLINE_OUTSIDE,
                    tr!(
                        lang,
                        "规则包没有 [pack.timeline]，deadline_weeks 无法换算成日期",
                        "the pack has no [pack.timeline], so `deadline_weeks` gives no date"
                    ),
                )
                .at(action.loc.clone(), tr!(lang, "这项行动", "this action"))
                .help(tr!(
                    lang,
                    "加上 [pack.timeline]（months、min_months）和各阶段的 window",
                    "add [pack.timeline] (months, min_months) and phase windows"
                )),
            );
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
        out.push(
            Diagnostic::warning(
                DEADLINE_OUTSIDE,
                tr!(
                    lang,
                    "指标期限 {weeks} 周超出了阶段 `{}` 的时间窗：剩余 {fewest} 个月时，这个阶段只有 {length} 周",
                    "the indicator's deadline of {weeks} weeks falls outside phase `{}`: with {fewest} months left the phase lasts {length} weeks",
                    phase.id
                ),
            )
            .at(action.loc.clone(), tr!(lang, "这项行动", "this action"))
            .help(tr!(
                lang,
                "把 deadline_weeks 改为不超过 {length}（并相应改写指标文字），或放宽阶段的 window",
                "make `deadline_weeks` at most {length} (and reword the indicator), or widen the phase's window"
            )),
        );
    }
}
