//! Carrying progress from the earlier plan to the later one (`compare --carry-progress`).
//!
//! The earlier progress file's entries are first matched to the earlier plan's actions, as
//! [`progress::for_plan`] matches them for `fulcrum plan` and `fulcrum track`. Each action of
//! the later plan then takes the entry of the earlier action it continues, paired as the
//! comparison pairs them (same rule and concept, else same concept: the concept is what the
//! work *is*), or starts to do. Entries with nothing to continue them are kept at the end of the
//! file, "no longer in the plan", as the progress module keeps them.

use jiff::civil::Date;

use super::{actions, partners};
use crate::plan::Plan;
use crate::progress::{self, Entry, Progress};

/// What carrying progress over gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    /// The later plan's progress: one entry per action in plan order, then the entries no
    /// longer in the plan (as [`progress::file::render`] expects).
    pub progress: Progress,
    /// How many of the later plan's actions keep something of the earlier plan's progress (a
    /// status other than `todo`, a date, a note or an observed value).
    pub kept: usize,
    /// The entries no longer in the plan, also at the end of `progress`.
    pub gone: Vec<Entry>,
}

/// The progress of `after`, which starts on `start`, carried over from `earlier`, the progress
/// of `before`. An earlier action that left the plan keeps its entry only when the entry says
/// something (an untouched `todo` is not worth keeping); entries that matched no action of
/// the earlier plan already are all kept as they are.
pub fn carry(earlier: &Progress, before: &Plan, after: &Plan, start: Date) -> Carried {
    let (matched, already_gone) = progress::for_plan(before, earlier);
    let earlier_actions = actions(before);
    let later_actions = actions(after);
    let partner = partners(&earlier_actions, &later_actions);
    let mut taken = vec![false; earlier_actions.len()];
    let mut kept = 0;
    let mut entries: Vec<Entry> = later_actions
        .iter()
        .zip(&partner)
        .map(|(action, partner)| {
            match partner.and_then(|(e, _)| matched.entries.get(e).map(|entry| (e, entry))) {
                Some((e, entry)) => {
                    taken[e] = true;
                    kept += usize::from(!entry.is_blank());
                    Entry {
                        rule: action.rule.clone(),
                        concept: action.concept.clone(),
                        ..entry.clone()
                    }
                }
                None => Entry::todo(&action.rule, &action.concept),
            }
        })
        .collect();
    let mut gone: Vec<Entry> = (0..earlier_actions.len())
        .filter(|&e| !taken[e])
        .filter_map(|e| matched.entries.get(e))
        .filter(|entry| !entry.is_blank())
        .cloned()
        .collect();
    gone.extend(already_gone);
    entries.extend(gone.iter().cloned());
    Carried {
        progress: Progress { start, entries },
        kept,
        gone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::plan;
    use crate::progress::Status;

    fn entry(rule: &str, concept: &str, status: Status, note: &str) -> Entry {
        Entry {
            status,
            date: Some(jiff::civil::date(2026, 2, 1)),
            note: (!note.is_empty()).then(|| note.to_string()),
            observed: Some("3 of 5".into()),
            ..Entry::todo(rule, concept)
        }
    }

    #[test]
    fn progress_follows_the_concept_and_starts_anew_for_new_actions() {
        let before = plan(
            &[],
            &[],
            &[
                ("start", "r-map", "c.map"),
                ("start", "r-train", "c.train"),
                ("finish", "r-hand", "c.handover"),
            ],
            &[],
        );
        let after = plan(
            &[],
            &[],
            &[
                ("start", "r-map", "c.map"),
                ("start", "r-new", "c.new"),
                ("finish", "r-hand-fast", "c.handover"),
            ],
            &[],
        );
        let earlier = Progress {
            start: jiff::civil::date(2026, 1, 5),
            entries: vec![
                entry("r-hand", "c.handover", Status::Doing, "two of five"),
                entry("r-map", "c.map", Status::Done, ""),
                entry("r-train", "c.train", Status::Dropped, "no trainer"),
            ],
        };
        let later_start = jiff::civil::date(2026, 7, 1);
        let carried = carry(&earlier, &before, &after, later_start);
        let p = &carried.progress;
        assert_eq!(p.start, later_start, "the later plan's start");
        assert_eq!(carried.kept, 2);
        let summary: Vec<(&str, &str, Status)> = p
            .entries
            .iter()
            .map(|e| (e.rule.as_str(), e.concept.as_str(), e.status))
            .collect();
        assert_eq!(
            summary,
            [
                ("r-map", "c.map", Status::Done),
                ("r-new", "c.new", Status::Todo),
                // Now given by another rule: the entry follows the concept, under the new rule.
                ("r-hand-fast", "c.handover", Status::Doing),
                // Left the plan: kept at the end, no longer in the plan.
                ("r-train", "c.train", Status::Dropped),
            ]
        );
        assert_eq!(p.entries[2].note.as_deref(), Some("two of five"));
        assert_eq!(p.entries[2].observed.as_deref(), Some("3 of 5"));
        assert_eq!(p.entries[2].date, Some(jiff::civil::date(2026, 2, 1)));
        assert_eq!(p.entries[1], Entry::todo("r-new", "c.new"));
        assert_eq!(carried.gone.len(), 1);
        assert_eq!(carried.gone[0].rule, "r-train");
    }

    #[test]
    fn untouched_entries_of_actions_that_left_are_not_kept_but_old_leftovers_are() {
        let before = plan(
            &[],
            &[],
            &[("start", "r1", "c.a"), ("start", "r2", "c.b")],
            &[],
        );
        let after = plan(&[], &[], &[("start", "r1", "c.a")], &[]);
        let earlier = Progress {
            start: jiff::civil::date(2026, 1, 5),
            entries: vec![Entry::todo("r2", "c.b"), Entry::todo("r-older", "c.older")],
        };
        let carried = carry(&earlier, &before, &after, jiff::civil::date(2026, 7, 1));
        assert_eq!(
            carried.progress.entries,
            [Entry::todo("r1", "c.a"), Entry::todo("r-older", "c.older")],
            "r2's blank entry goes; the entry already out of the earlier plan stays"
        );
        assert_eq!(carried.kept, 0);
        assert_eq!(carried.gone, [Entry::todo("r-older", "c.older")]);
    }

    #[test]
    fn the_carried_file_reads_back_as_the_later_plans_progress() {
        let before = plan(
            &[],
            &[],
            &[("start", "r1", "c.a")],
            &[("r9", "c.z")].map(|(r, c)| ("finish", r, c)),
        );
        let after = plan(
            &[],
            &[],
            &[("finish", "r1", "c.a"), ("start", "r2", "c.b")],
            &[],
        );
        let earlier = Progress {
            start: jiff::civil::date(2026, 1, 5),
            entries: vec![entry("r1", "c.a", Status::Done, "a \"quoted\" note")],
        };
        let carried = carry(&earlier, &before, &after, jiff::civil::date(2026, 7, 1));
        let text = progress::file::render(&carried.progress, &after, crate::lang::Lang::En);
        let mut sources = crate::source::SourceMap::new();
        let file = sources.add("p.toml", None, std::sync::Arc::<str>::from(text.as_str()));
        let read = progress::file::parse(file, &sources, crate::lang::Lang::En).unwrap();
        let (matched, gone) = progress::for_plan(&after, &read);
        assert!(gone.is_empty(), "{text}");
        assert_eq!(matched.entries[0].status, Status::Todo, "{text}");
        assert_eq!(matched.entries[1].status, Status::Done, "{text}");
        assert_eq!(
            matched.entries[1].note.as_deref(),
            Some("a \"quoted\" note")
        );
    }
}
