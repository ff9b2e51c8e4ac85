//! A thin layer over the SAT solver: fresh literals, gates built with Tseitin clauses, and
//! solving under a deadline.

use std::time::Instant;

use batsat::{Callbacks, Lit, SolverInterface, SolverOpts, lbool};

/// Stops the solver once the deadline has passed.
#[derive(Debug, Clone, Copy)]
pub struct Deadline(pub Instant);

impl Callbacks for Deadline {
    fn stop(&self) -> bool {
        Instant::now() >= self.0
    }
}

/// The answer to one satisfiability question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Solved {
    /// Some assignment satisfies the clauses and assumptions; read it with [`Sat::value`].
    Sat,
    /// None does.
    Unsat,
    /// The budget ran out before the solver knew.
    Unknown,
}

/// A SAT problem being built and queried.
pub struct Sat {
    solver: batsat::Solver<Deadline>,
    truth: Lit,
    deadline: Instant,
}

impl Sat {
    /// An empty problem whose queries give up at `deadline`.
    pub fn new(deadline: Instant) -> Self {
        let mut solver = batsat::Solver::new(SolverOpts::default(), Deadline(deadline));
        let truth = Lit::new(solver.new_var_default(), true);
        solver.add_clause_reuse(&mut vec![truth]);
        Sat {
            solver,
            truth,
            deadline,
        }
    }

    /// A literal that is always true.
    pub fn truth(&self) -> Lit {
        self.truth
    }

    /// A literal that is always false.
    pub fn falsity(&self) -> Lit {
        !self.truth
    }

    /// A fresh, unconstrained literal.
    pub fn fresh(&mut self) -> Lit {
        Lit::new(self.solver.new_var_default(), true)
    }

    /// Adds a clause: at least one literal holds.
    pub fn clause(&mut self, lits: &[Lit]) {
        let mut clause = lits.to_vec();
        self.solver.add_clause_reuse(&mut clause);
    }

    /// `a` implies `b`.
    pub fn implies(&mut self, a: Lit, b: Lit) {
        self.clause(&[!a, b]);
    }

    /// A literal equivalent to the conjunction of `lits`.
    pub fn and(&mut self, lits: &[Lit]) -> Lit {
        let lits: Vec<Lit> = lits.iter().copied().filter(|l| *l != self.truth).collect();
        if lits.contains(&self.falsity()) {
            return self.falsity();
        }
        match lits.as_slice() {
            [] => self.truth,
            [one] => *one,
            _ => {
                let gate = self.fresh();
                let mut long = vec![gate];
                for &l in &lits {
                    self.implies(gate, l);
                    long.push(!l);
                }
                self.clause(&long);
                gate
            }
        }
    }

    /// A literal equivalent to the disjunction of `lits`.
    pub fn or(&mut self, lits: &[Lit]) -> Lit {
        let negated: Vec<Lit> = lits.iter().map(|l| !*l).collect();
        !self.and(&negated)
    }

    /// At most one of `lits` holds.
    pub fn at_most_one(&mut self, lits: &[Lit]) {
        if lits.len() <= 6 {
            for (i, &a) in lits.iter().enumerate() {
                for &b in &lits[i + 1..] {
                    self.clause(&[!a, !b]);
                }
            }
            return;
        }
        // Sequential encoding: `seen[i]` holds when one of the first i+1 literals does.
        let mut seen = lits[0];
        for &l in &lits[1..] {
            self.clause(&[!seen, !l]);
            let next = self.fresh();
            self.implies(seen, next);
            self.implies(l, next);
            seen = next;
        }
    }

    /// Literals `at_least[t]` equivalent to "at least `t` of `lits` hold", for `t` in
    /// `0..=bound` (index 0 is always true).
    pub fn at_least(&mut self, lits: &[Lit], bound: usize) -> Vec<Lit> {
        let mut counts = vec![self.truth];
        counts.extend(std::iter::repeat_n(self.falsity(), bound));
        for &l in lits {
            let mut next = vec![self.truth];
            for t in 1..=bound {
                let carried = self.and(&[counts[t - 1], l]);
                next.push(self.or(&[counts[t], carried]));
            }
            counts = next;
        }
        counts
    }

    /// Whether the deadline has passed: every query from now on answers [`Solved::Unknown`].
    pub fn expired(&self) -> bool {
        Instant::now() >= self.deadline
    }

    /// Solves under assumptions.
    pub fn solve(&mut self, assumptions: &[Lit]) -> Solved {
        if self.expired() {
            return Solved::Unknown;
        }
        let result = self.solver.solve_limited(assumptions);
        if result == lbool::TRUE {
            Solved::Sat
        } else if result == lbool::FALSE {
            Solved::Unsat
        } else {
            Solved::Unknown
        }
    }

    /// The value of a literal in the last satisfying assignment.
    pub fn value(&self, lit: Lit) -> bool {
        SolverInterface::value_lit(&self.solver, lit) == lbool::TRUE
    }
}
