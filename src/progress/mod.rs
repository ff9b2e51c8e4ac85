//! Following a plan through: the progress file kept beside an answers file
//! (`mine.progress.toml` beside `mine.toml`), matched to the plan as it is today, and marked
//! on the plan.
//!
//! A plan changes when its answers or its pack change. Entries are matched to the plan's
//! actions by rule id and concept id together, then by rule id alone, then by concept id alone;
//! an entry that matches no action is kept in the file and listed as "no longer in the plan",
//! never dropped. See `docs/follow-through.md`.

pub mod file;
pub(crate) mod problem;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::lang::Lang;
pub use crate::plan::Status;
use crate::plan::{ActionOut, ActionProgress, Plan};

/// "overdue" in a language.
pub fn overdue_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "已逾期",
        Lang::En => "overdue",
    }
}

/// One action's progress, as the file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The rule that gave the action.
    pub rule: String,
    /// The action's concept.
    pub concept: String,
    /// Where it stands.
    pub status: Status,
    /// When the status was set (YYYY-MM-DD).
    pub date: Option<Date>,
    /// A note.
    pub note: Option<String>,
    /// The indicator's observed value, in the staff's words.
    pub observed: Option<String>,
}

impl Entry {
    /// A new entry for an action, to do.
    pub fn todo(rule: &str, concept: &str) -> Self {
        Entry {
            rule: rule.to_string(),
            concept: concept.to_string(),
            status: Status::Todo,
            date: None,
            note: None,
            observed: None,
        }
    }

    /// Whether the entry says anything an untouched one would not.
    pub fn is_blank(&self) -> bool {
        self.status == Status::Todo
            && self.date.is_none()
            && self.note.is_none()
            && self.observed.is_none()
    }
}

/// A progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The plan's first day: the schedule stays where it was when tracking began.
    pub start: Date,
    /// The entries, in file order.
    pub entries: Vec<Entry>,
}

/// The progress file of an answers file: `mine.progress.toml` beside `mine.toml`.
pub fn default_path(answers: &Path) -> PathBuf {
    let stem = answers
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    answers.with_file_name(format!("{stem}.progress.toml"))
}

/// Whether a file is named as a progress file (`*.progress.toml`): a folder of answers files
/// leaves these out.
pub fn is_progress_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".progress.toml"))
}

/// The plan's actions as matching sees them: the phases', then the deferred ones, in plan
/// order.
pub fn plan_actions(plan: &Plan) -> Vec<&ActionOut> {
    plan.phases
        .iter()
        .flat_map(|p| p.actions.iter())
        .chain(plan.deferred.iter())
        .collect()
}

/// How entries and actions were paired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matching {
    /// For each action (in the order given), the index of its entry.
    pub entry_of: Vec<Option<usize>>,
    /// Entries no action took, in file order: "no longer in the plan".
    pub unmatched: Vec<usize>,
}

/// Whether an action, given as (rule, concept), and an entry agree in one matching pass.
type Same = dyn Fn(&(&str, &str), &Entry) -> bool;

/// Pairs entries with actions, given as (rule, concept): first where both ids agree, then by
/// rule id alone (a concept renamed in the pack), then by concept id alone (the same action
/// now given by another rule). Each entry goes to at most one action, the first in plan order.
pub fn match_entries(actions: &[(&str, &str)], entries: &[Entry]) -> Matching {
    let mut entry_of: Vec<Option<usize>> = vec![None; actions.len()];
    let mut taken = vec![false; entries.len()];
    let passes: [&Same; 3] = [
        &|a, e| a.0 == e.rule && a.1 == e.concept,
        &|a, e| a.0 == e.rule,
        &|a, e| a.1 == e.concept,
    ];
    for same in passes {
        for (i, action) in actions.iter().enumerate() {
            if entry_of[i].is_some() {
                continue;
            }
            if let Some(j) = (0..entries.len()).find(|&j| !taken[j] && same(action, &entries[j])) {
                taken[j] = true;
                entry_of[i] = Some(j);
            }
        }
    }
    let unmatched = (0..entries.len()).filter(|&j| !taken[j]).collect();
    Matching {
        entry_of,
        unmatched,
    }
}

/// The progress file rewritten for `plan`: one entry per action in plan order (the matched
/// entry, with the action's current ids, or a new one to do), then the entries no longer in
/// the plan, unchanged.
pub fn for_plan(plan: &Plan, progress: &Progress) -> (Progress, Vec<Entry>) {
    let actions = plan_actions(plan);
    let ids: Vec<(&str, &str)> = actions
        .iter()
        .map(|a| (a.rule.as_str(), a.concept.as_str()))
        .collect();
    let matching = match_entries(&ids, &progress.entries);
    let mut entries: Vec<Entry> = ids
        .iter()
        .zip(&matching.entry_of)
        .map(|((rule, concept), entry)| match entry {
            Some(j) => Entry {
                rule: (*rule).to_string(),
                concept: (*concept).to_string(),
                ..progress.entries[*j].clone()
            },
            None => Entry::todo(rule, concept),
        })
        .collect();
    let gone: Vec<Entry> = matching
        .unmatched
        .iter()
        .map(|&j| progress.entries[j].clone())
        .collect();
    entries.extend(gone.iter().cloned());
    (
        Progress {
            start: progress.start,
            entries,
        },
        gone,
    )
}

/// Whether an action that is still open is late: its phase's window ended before `today`.
fn is_overdue(plan: &Plan, action: &ActionOut, status: Status, today: Date) -> bool {
    status.is_open()
        && plan
            .phases
            .iter()
            .find(|p| p.id == action.phase)
            .and_then(|p| p.window.as_ref())
            .and_then(|w| w.end_date.parse::<Date>().ok())
            .is_some_and(|end| end < today)
}

/// Marks every action of `plan` with its progress, and chooses the first steps again among
/// the actions still open. Returns the entries no longer in the plan.
pub fn apply(plan: &mut Plan, progress: &Progress, today: Date) -> Vec<Entry> {
    let (matched, gone) = for_plan(plan, progress);
    // Deferred actions come after those in the phases; they are done if time allows, so they
    // are never overdue.
    let in_phases = plan.action_count();
    let marks: Vec<ActionProgress> = plan_actions(plan)
        .iter()
        .zip(&matched.entries)
        .enumerate()
        .map(|(i, (action, entry))| ActionProgress {
            status: entry.status,
            date: entry.date.map(|d| d.to_string()),
            note: entry.note.clone(),
            observed: entry.observed.clone(),
            overdue: i < in_phases && is_overdue(plan, action, entry.status, today),
        })
        .collect();
    let mut marks = marks.into_iter();
    for action in plan
        .phases
        .iter_mut()
        .flat_map(|p| p.actions.iter_mut())
        .chain(plan.deferred.iter_mut())
    {
        action.progress = marks.next();
    }
    plan.first_steps = open_first_steps(plan, today);
    gone
}

/// The first steps among the actions still open, as many as the plan had: ranked as the
/// engine ranks them (priority, then phase, then pack order, which the phases keep). Only
/// actions whose phase has begun by `today` are taken, while there are any: a step to start
/// now is not one whose phase (the review at the end, say) lies months ahead.
fn open_first_steps(plan: &Plan, today: Date) -> Vec<ActionOut> {
    let count = plan.first_steps.len();
    let begun = |phase: &crate::plan::PhaseOut| {
        phase
            .window
            .as_ref()
            .and_then(|w| w.start_date.parse::<Date>().ok())
            .is_none_or(|start| start <= today)
    };
    let open_in = |only_begun: bool| -> Vec<(i64, usize, usize, &ActionOut)> {
        plan.phases
            .iter()
            .enumerate()
            .filter(|(_, phase)| !only_begun || begun(phase))
            .flat_map(|(p, phase)| {
                phase
                    .actions
                    .iter()
                    .enumerate()
                    .map(move |(i, a)| (a.priority, p, i, a))
            })
            .filter(|(_, _, _, a)| a.progress.as_ref().is_none_or(|p| p.status.is_open()))
            .collect()
    };
    let mut open = open_in(true);
    if open.is_empty() {
        open = open_in(false);
    }
    open.sort_by_key(|(priority, p, i, _)| (*priority, *p, *i));
    open.into_iter()
        .take(count)
        .map(|(_, _, _, a)| a.clone())
        .collect()
}

/// How many actions are done, still open, and overdue (a part of the open ones).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Done.
    pub done: usize,
    /// To do or doing.
    pub open: usize,
    /// Open, and past their phase's window.
    pub overdue: usize,
}

/// Counts a marked plan's actions (dropped ones are in none of the counts).
pub fn counts(plan: &Plan) -> Counts {
    let mut counts = Counts::default();
    for p in plan_actions(plan)
        .iter()
        .filter_map(|a| a.progress.as_ref())
    {
        match p.status {
            Status::Done => counts.done += 1,
            Status::Todo | Status::Doing => counts.open += 1,
            Status::Dropped => {}
        }
        if p.overdue {
            counts.overdue += 1;
        }
    }
    counts
}

/// The mark and words of an action's progress, or nothing for an action to do and on time:
/// `☑ done 2026-02-01`, `◐ doing · overdue`.
pub fn describe(progress: &ActionProgress, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if progress.status != Status::Todo {
        let mut s = format!("{} {}", progress.status.mark(), progress.status.label(lang));
        if let Some(date) = &progress.date {
            s.push(' ');
            s.push_str(date);
        }
        parts.push(s);
    }
    if progress.overdue {
        parts.push(overdue_word(lang).to_string());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(rule: &str, concept: &str, status: Status) -> Entry {
        Entry {
            status,
            ..Entry::todo(rule, concept)
        }
    }

    #[test]
    fn entries_match_by_both_ids_first() {
        let entries = vec![
            entry("r1", "c.b", Status::Done),
            entry("r1", "c.a", Status::Doing),
        ];
        let m = match_entries(&[("r1", "c.a"), ("r1", "c.b")], &entries);
        assert_eq!(m.entry_of, vec![Some(1), Some(0)]);
        assert!(m.unmatched.is_empty());
    }

    #[test]
    fn a_renamed_concept_keeps_its_entry_by_rule() {
        let entries = vec![entry("r1", "c.old", Status::Done)];
        let m = match_entries(&[("r1", "c.new")], &entries);
        assert_eq!(m.entry_of, vec![Some(0)]);
    }

    #[test]
    fn a_concept_given_by_another_rule_keeps_its_entry() {
        let entries = vec![entry("r-old", "c.a", Status::Doing)];
        let m = match_entries(&[("r-new", "c.a")], &entries);
        assert_eq!(m.entry_of, vec![Some(0)]);
    }

    #[test]
    fn the_rule_wins_over_the_concept() {
        // The entry of r1 goes to r1's action, though another action has its concept.
        let entries = vec![entry("r1", "c.a", Status::Done)];
        let m = match_entries(&[("r2", "c.a"), ("r1", "c.b")], &entries);
        assert_eq!(m.entry_of, vec![None, Some(0)]);
    }

    #[test]
    fn entries_out_of_the_plan_are_kept_in_file_order() {
        let entries = vec![
            entry("gone", "c.gone", Status::Done),
            entry("r1", "c.a", Status::Todo),
            entry("also-gone", "c.x", Status::Dropped),
        ];
        let m = match_entries(&[("r1", "c.a")], &entries);
        assert_eq!(m.entry_of, vec![Some(1)]);
        assert_eq!(m.unmatched, vec![0, 2]);
    }

    #[test]
    fn an_entry_goes_to_one_action_only() {
        let entries = vec![entry("r1", "c.a", Status::Done)];
        let m = match_entries(&[("r1", "c.x"), ("r1", "c.y")], &entries);
        assert_eq!(m.entry_of, vec![Some(0), None]);
    }

    #[test]
    fn statuses_read_as_written() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.id()), Some(s));
        }
        assert_eq!(Status::parse("Done"), None);
        assert!(Status::Doing.is_open() && !Status::Dropped.is_open());
    }

    #[test]
    fn progress_files_sit_beside_the_answers() {
        assert_eq!(
            default_path(Path::new("dir/mine.toml")),
            Path::new("dir/mine.progress.toml")
        );
        assert!(is_progress_file(&default_path(Path::new("dir/mine.toml"))));
        assert!(!is_progress_file(Path::new("dir/mine.toml")));
    }

    #[test]
    fn progress_is_described_with_its_mark() {
        let p = ActionProgress {
            status: Status::Doing,
            date: Some("2026-02-01".into()),
            note: None,
            observed: None,
            overdue: true,
        };
        assert_eq!(
            describe(&p, Lang::En).as_deref(),
            Some("◐ doing 2026-02-01 · overdue")
        );
        assert_eq!(
            describe(&p, Lang::Zh).as_deref(),
            Some("◐ 进行中 2026-02-01 · 已逾期")
        );
        let todo = ActionProgress {
            status: Status::Todo,
            date: None,
            note: None,
            observed: None,
            overdue: false,
        };
        assert_eq!(describe(&todo, Lang::En), None);
    }
}
