//! Exact analysis of a pack over the finite domains of its answers.
//!
//! [`encode`] turns a pack into a SAT problem whose solutions are exactly its complete answer
//! sets (skip logic, required answers, selection limits, classifications and sums included).
//! Questions such as "can this rule fire?" or "can this phase stay empty?" are then single
//! solver calls; a satisfying assignment is shrunk into a small counterexample, checked again
//! with the real engine, and printed as an answers file. Every query runs under a time budget
//! and answers [`Outcome::Unknown`] past it.

pub mod encode;
pub mod example;
pub mod sat;

use std::time::{Duration, Instant};

use batsat::Lit;

use crate::answers::Answers;
use crate::pack::Pack;
use encode::Encoding;
use sat::Solved;

/// How long the analysis of one pack may take before it reports "not fully checked".
pub const DEFAULT_BUDGET: Duration = Duration::from_secs(10);

/// The result of looking for an answer set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// No complete answer set has the property.
    Never,
    /// This complete answer set has it (small, and confirmed by the engine when checked).
    Example(Answers),
    /// The budget ran out, or the encoding is approximate and the example did not hold.
    Unknown,
}

/// A pack ready to be asked questions about its answer sets.
pub struct Analysis<'p> {
    /// The encoding.
    pub enc: Encoding<'p>,
    preferences: Vec<Lit>,
}

impl<'p> Analysis<'p> {
    /// Encodes `pack`; every later query gives up once `budget` has passed from now.
    pub fn new(pack: &'p Pack, budget: Duration) -> Self {
        let enc = Encoding::new(pack, Instant::now() + budget);
        let preferences = enc.preferences();
        Analysis { enc, preferences }
    }

    /// Whether the encoding is exact (no sum or number had to be over-approximated).
    pub fn is_exact(&self) -> bool {
        self.enc.approximations.is_empty()
    }

    /// Whether the budget has run out.
    pub fn expired(&self) -> bool {
        self.enc.sat.expired()
    }

    /// Whether some complete answer set makes every literal of `goal` true. Does not build
    /// an example.
    pub fn possible(&mut self, goal: &[Lit]) -> Option<bool> {
        match self.enc.sat.solve(goal) {
            Solved::Sat => Some(true),
            Solved::Unsat => Some(false),
            Solved::Unknown => None,
        }
    }

    /// Looks for a complete answer set making every literal of `goal` true, and shrinks it
    /// so it answers as little as it can. `confirm` checks the example with the real engine;
    /// an example it rejects is reported as [`Outcome::Unknown`].
    pub fn find(&mut self, goal: &[Lit], confirm: impl Fn(&Pack, &Answers) -> bool) -> Outcome {
        match self.enc.sat.solve(goal) {
            // Approximations only add answer sets, so "none" stays true.
            Solved::Unsat => return Outcome::Never,
            Solved::Unknown => return Outcome::Unknown,
            Solved::Sat => {}
        }
        let mut assumptions = goal.to_vec();
        for &preference in &self.preferences {
            assumptions.push(preference);
            match self.enc.sat.solve(&assumptions) {
                Solved::Sat => {}
                Solved::Unsat => {
                    assumptions.pop();
                }
                Solved::Unknown => {
                    assumptions.pop();
                    break;
                }
            }
        }
        if self.enc.sat.solve(&assumptions) != Solved::Sat
            && self.enc.sat.solve(goal) != Solved::Sat
        {
            return Outcome::Unknown;
        }
        let answers = self.enc.answers();
        if confirm(self.enc.pack, &answers) {
            Outcome::Example(answers)
        } else {
            Outcome::Unknown
        }
    }
}
