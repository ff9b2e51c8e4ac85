//! The plan's focus: which actions open the plan as its first steps, and which fall past the
//! pack's length budget and are deferred.
//!
//! Actions are ranked by priority (smaller first), then phase order, then pack order. The first
//! steps are the top of that ranking. The budget is filled first with what must stay (the first
//! steps, actions marked `keep`, and the first action of every phase, so no phase is left
//! empty), then by rank; whatever is left over is deferred, never dropped.

/// What the selection needs to know of one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Index of its phase.
    pub phase: usize,
    /// Smaller is more important.
    pub priority: i64,
    /// Never deferred.
    pub keep: bool,
}

/// The outcome, as indices into the candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The first steps, most important first.
    pub first_steps: Vec<usize>,
    /// Whether each candidate stays in its phase.
    pub in_phases: Vec<bool>,
    /// The deferred candidates, most important first.
    pub deferred: Vec<usize>,
}

/// Chooses the first steps and applies a budget of at most `budget` actions in the phases
/// (`None`: no limit). Candidates are given in pack order.
pub fn select(candidates: &[Candidate], first_steps: usize, budget: Option<usize>) -> Selection {
    let mut ranked: Vec<usize> = (0..candidates.len()).collect();
    ranked.sort_unstable_by_key(|&i| (candidates[i].priority, candidates[i].phase, i));
    let first: Vec<usize> = ranked.iter().copied().take(first_steps).collect();

    let mut in_phases = vec![false; candidates.len()];
    for &i in &first {
        in_phases[i] = true;
    }
    let mut phase_has_head = Vec::new();
    for &i in &ranked {
        let c = candidates[i];
        if phase_has_head.len() <= c.phase {
            phase_has_head.resize(c.phase + 1, false);
        }
        if !phase_has_head[c.phase] {
            phase_has_head[c.phase] = true;
            in_phases[i] = true;
        }
        if c.keep {
            in_phases[i] = true;
        }
    }
    let mut count = in_phases.iter().filter(|k| **k).count();
    let mut deferred = Vec::new();
    for &i in &ranked {
        if in_phases[i] {
            continue;
        }
        if budget.is_none_or(|max| count < max) {
            in_phases[i] = true;
            count += 1;
        } else {
            deferred.push(i);
        }
    }
    Selection {
        first_steps: first,
        in_phases,
        deferred,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(phase: usize, priority: i64) -> Candidate {
        Candidate {
            phase,
            priority,
            keep: false,
        }
    }

    #[test]
    fn without_a_budget_everything_stays() {
        let cands = [c(0, 30), c(1, 10), c(0, 20)];
        let s = select(&cands, 2, None);
        assert_eq!(s.first_steps, vec![1, 2]);
        assert_eq!(s.in_phases, vec![true; 3]);
        assert!(s.deferred.is_empty());
    }

    #[test]
    fn the_budget_defers_the_least_important() {
        let cands = [c(0, 10), c(0, 20), c(0, 30), c(1, 40), c(0, 50)];
        let s = select(&cands, 1, Some(3));
        assert_eq!(s.first_steps, vec![0]);
        // Phase 1's only action stays although four others rank above it.
        assert_eq!(s.in_phases, vec![true, true, false, true, false]);
        assert_eq!(s.deferred, vec![2, 4]);
    }

    #[test]
    fn kept_actions_and_first_steps_are_never_deferred() {
        let mut cands = vec![c(0, 10), c(0, 20), c(0, 30), c(0, 90)];
        cands[3].keep = true;
        let s = select(&cands, 2, Some(2));
        // The kept set (two first steps and the kept action) is larger than the budget.
        assert_eq!(s.in_phases, vec![true, true, false, true]);
        assert_eq!(s.deferred, vec![2]);
    }

    #[test]
    fn ties_go_to_the_earlier_phase_then_pack_order() {
        let cands = [c(1, 10), c(0, 10), c(0, 10)];
        let s = select(&cands, 3, None);
        assert_eq!(s.first_steps, vec![1, 2, 0]);
    }

    #[test]
    fn no_phase_is_emptied() {
        let cands = [c(0, 1), c(0, 2), c(1, 50), c(2, 60), c(3, 70)];
        let s = select(&cands, 0, Some(1));
        assert_eq!(s.in_phases, vec![true, false, true, true, true]);
        assert_eq!(s.deferred, vec![1]);
    }
}
