//! Encodes a pack as a SAT problem whose solutions are exactly the complete answer sets.
//!
//! Every variable gets a finite domain: a choice is one literal per option, a multiple choice
//! one literal per option, a yes/no question one literal, a number one literal per interval
//! between the literals its conditions compare it with (or one per value when a sum adds it),
//! a text only "answered". Skip logic, required answers, selection counts, first-match
//! classifications and bounded sums become clauses, so no product of answers is enumerated.

use std::collections::BTreeMap;
use std::time::Instant;

use batsat::Lit;

use super::sat::Sat;
use crate::answers::Answers;
use crate::condition::{Check, Cond, Var};
use crate::pack::{DerivedKind, Pack, QuestionKind};
use crate::value::Value;

/// Numbers with at most this many values are encoded value by value when a sum adds them.
const EXACT_RANGE: i64 = 256;
/// Sums with more possible values than this are left unconstrained ("not fully checked").
const SUM_VALUES: usize = 1024;

/// An interval of numbers on which every comparison in the pack gives the same result.
#[derive(Debug, Clone, Copy)]
struct Atom {
    lo: i64,
    hi: i64,
    lit: Lit,
}

/// The literals of one question's answer.
enum Values {
    Choice(Vec<Lit>),
    Multi(Vec<Lit>),
    Bool(Lit),
    Number(Vec<Atom>),
    Text,
}

struct QuestionVars {
    asked: Lit,
    answered: Lit,
    values: Values,
}

enum DerivedValues {
    Class(Vec<Lit>),
    Number(Vec<Atom>),
}

struct DerivedVars {
    has: Lit,
    values: DerivedValues,
    /// Per case: the case is the first that holds.
    first: Vec<Lit>,
}

/// A pack as a SAT problem.
pub struct Encoding<'p> {
    /// The pack encoded.
    pub pack: &'p Pack,
    /// The problem.
    pub sat: Sat,
    questions: Vec<QuestionVars>,
    derived: Vec<DerivedVars>,
    /// Why some answers are over-approximated; empty when the encoding is exact.
    pub approximations: Vec<String>,
}

impl<'p> Encoding<'p> {
    /// Encodes `pack`; queries give up at `deadline`.
    pub fn new(pack: &'p Pack, deadline: Instant) -> Self {
        let mut enc = Encoding {
            pack,
            sat: Sat::new(deadline),
            questions: Vec::with_capacity(pack.questions.len()),
            derived: Vec::with_capacity(pack.derived.len()),
            approximations: Vec::new(),
        };
        let (cuts, derived_cuts) = literals(pack);
        let exact = summed_questions(pack);
        for (i, question) in pack.questions.iter().enumerate() {
            let vars = enc.question(i, &question.kind, &cuts[i], exact[i]);
            enc.questions.push(vars);
        }
        // Placeholders until each fact is encoded, in an order where it follows what it reads.
        for _ in &pack.derived {
            let placeholder = DerivedVars {
                has: enc.sat.truth(),
                values: DerivedValues::Class(Vec::new()),
                first: Vec::new(),
            };
            enc.derived.push(placeholder);
        }
        for &d in &pack.derived_order {
            let vars = enc.derived_fact(d, &derived_cuts[d]);
            enc.derived[d] = vars;
        }
        for (i, question) in pack.questions.iter().enumerate() {
            let asked = match &question.when {
                Some(c) => enc.cond(&c.cond),
                None => enc.sat.truth(),
            };
            let answered = enc.questions[i].answered;
            enc.questions[i].asked = asked;
            enc.sat.implies(answered, asked);
            if question.required {
                enc.sat.implies(asked, answered);
            }
        }
        enc
    }

    fn question(
        &mut self,
        i: usize,
        kind: &QuestionKind,
        cuts: &[i64],
        exact: bool,
    ) -> QuestionVars {
        let answered = self.sat.fresh();
        let values = match kind {
            QuestionKind::Single { options } => {
                let lits: Vec<Lit> = options.iter().map(|_| self.sat.fresh()).collect();
                self.one_hot(answered, &lits);
                Values::Choice(lits)
            }
            QuestionKind::Multi {
                options,
                min_selected,
                max_selected,
            } => {
                let lits: Vec<Lit> = options.iter().map(|_| self.sat.fresh()).collect();
                for &l in &lits {
                    self.sat.implies(l, answered);
                }
                for (o, option) in options.iter().enumerate() {
                    if option.exclusive {
                        for (p, &other) in lits.iter().enumerate() {
                            if p != o {
                                self.sat.clause(&[!lits[o], !other]);
                            }
                        }
                    }
                }
                let bound = (*min_selected).max(max_selected + 1).min(lits.len());
                let at_least = self.sat.at_least(&lits, bound);
                if *min_selected > 0 {
                    self.sat
                        .implies(answered, at_least[(*min_selected).min(bound)]);
                }
                if *max_selected < bound {
                    self.sat.clause(&[!at_least[max_selected + 1]]);
                }
                Values::Multi(lits)
            }
            QuestionKind::Bool => {
                let yes = self.sat.fresh();
                self.sat.implies(yes, answered);
                Values::Bool(yes)
            }
            QuestionKind::Number { min, max, .. } => {
                let intervals = if exact && max.saturating_sub(*min) < EXACT_RANGE {
                    (*min..=*max).map(|v| (v, v)).collect()
                } else {
                    if exact {
                        self.approximations
                            .push(format!("{} ({}..={})", self.pack.questions[i].id, min, max));
                    }
                    intervals(*min, *max, cuts)
                };
                let atoms: Vec<Atom> = intervals
                    .into_iter()
                    .map(|(lo, hi)| Atom {
                        lo,
                        hi,
                        lit: self.sat.fresh(),
                    })
                    .collect();
                let lits: Vec<Lit> = atoms.iter().map(|a| a.lit).collect();
                self.one_hot(answered, &lits);
                Values::Number(atoms)
            }
            QuestionKind::Text { .. } => Values::Text,
        };
        QuestionVars {
            asked: self.sat.truth(),
            answered,
            values,
        }
    }

    /// Exactly one of `lits` when `on` holds, none otherwise.
    fn one_hot(&mut self, on: Lit, lits: &[Lit]) {
        for &l in lits {
            self.sat.implies(l, on);
        }
        let mut any = vec![!on];
        any.extend_from_slice(lits);
        self.sat.clause(&any);
        self.sat.at_most_one(lits);
    }

    fn derived_fact(&mut self, d: usize, cuts: &[i64]) -> DerivedVars {
        match &self.pack.derived[d].kind {
            DerivedKind::Classify { values, cases } => {
                let mut none_before = self.sat.truth();
                let mut first = Vec::with_capacity(cases.len());
                let mut by_value: Vec<Vec<Lit>> = vec![Vec::new(); values.len()];
                for case in cases {
                    let holds = match &case.when {
                        Some(c) => self.cond(&c.cond),
                        None => self.sat.truth(),
                    };
                    let is_first = self.sat.and(&[holds, none_before]);
                    first.push(is_first);
                    by_value[case.value].push(is_first);
                    none_before = self.sat.and(&[none_before, !holds]);
                }
                let lits = by_value.iter().map(|l| self.sat.or(l)).collect();
                DerivedVars {
                    has: !none_before,
                    values: DerivedValues::Class(lits),
                    first,
                }
            }
            DerivedKind::Sum { terms } => {
                let atoms = self.sum(d, terms, cuts);
                DerivedVars {
                    has: self.sat.truth(),
                    values: DerivedValues::Number(atoms),
                    first: Vec::new(),
                }
            }
        }
    }

    /// The possible values of a sum, each with the literal saying the sum has it.
    fn sum(&mut self, d: usize, terms: &[Var], cuts: &[i64]) -> Vec<Atom> {
        let mut groups: Vec<Vec<(Lit, i64)>> = Vec::new();
        let mut exact = true;
        for &term in terms {
            match term {
                Var::Question(i) => {
                    let options = self.pack.questions[i].kind.options();
                    match &self.questions[i].values {
                        Values::Choice(lits) => groups.push(
                            lits.iter()
                                .zip(options)
                                .map(|(l, o)| (*l, o.score))
                                .collect(),
                        ),
                        Values::Multi(lits) => {
                            for (l, o) in lits.iter().zip(options) {
                                groups.push(vec![(*l, o.score)]);
                            }
                        }
                        Values::Bool(yes) => groups.push(vec![(*yes, 1)]),
                        Values::Number(atoms) => {
                            exact &= atoms.iter().all(|a| a.lo == a.hi);
                            groups.push(atoms.iter().map(|a| (a.lit, a.lo)).collect());
                        }
                        Values::Text => {}
                    }
                }
                Var::Derived(j) => {
                    if let DerivedValues::Number(atoms) = &self.derived[j].values {
                        exact &= atoms.iter().all(|a| a.lo == a.hi);
                        groups.push(atoms.iter().map(|a| (a.lit, a.lo)).collect());
                    }
                }
            }
        }
        let mut partial: BTreeMap<i64, Lit> = BTreeMap::from([(0, self.sat.truth())]);
        for group in &groups {
            if !exact {
                break;
            }
            let lits: Vec<Lit> = group.iter().map(|(l, _)| *l).collect();
            let none = !self.sat.or(&lits);
            let mut next: BTreeMap<i64, Vec<Lit>> = BTreeMap::new();
            for (&sum, &at) in &partial {
                for &(lit, add) in group.iter().chain(std::iter::once(&(none, 0))) {
                    let both = self.sat.and(&[at, lit]);
                    next.entry(sum.saturating_add(add)).or_default().push(both);
                }
            }
            if next.len() > SUM_VALUES {
                exact = false;
                break;
            }
            partial = next
                .into_iter()
                .map(|(v, ls)| (v, self.sat.or(&ls)))
                .collect();
        }
        if exact {
            return partial
                .into_iter()
                .map(|(v, lit)| Atom { lo: v, hi: v, lit })
                .collect();
        }
        self.approximations.push(self.pack.derived[d].id.clone());
        let atoms: Vec<Atom> = intervals(i64::MIN / 4, i64::MAX / 4, cuts)
            .into_iter()
            .map(|(lo, hi)| Atom {
                lo,
                hi,
                lit: self.sat.fresh(),
            })
            .collect();
        let lits: Vec<Lit> = atoms.iter().map(|a| a.lit).collect();
        let truth = self.sat.truth();
        self.one_hot(truth, &lits);
        atoms
    }

    /// A literal equivalent to the condition.
    pub fn cond(&mut self, cond: &Cond) -> Lit {
        match cond {
            Cond::All(parts) => {
                let lits: Vec<Lit> = parts.iter().map(|p| self.cond(p)).collect();
                self.sat.and(&lits)
            }
            Cond::Any(parts) => {
                let lits: Vec<Lit> = parts.iter().map(|p| self.cond(p)).collect();
                self.sat.or(&lits)
            }
            Cond::Not(inner) => !self.cond(inner),
            Cond::Test(test) => self.test(test.var, &test.check),
        }
    }

    fn test(&mut self, var: Var, check: &Check) -> Lit {
        let has = self.has(var);
        let lits: Vec<Lit> = match (check, self.values(var)) {
            (Check::Answered, _) => return has,
            (Check::Skipped, _) => return !has,
            (Check::OneOf(mask), Some(Choices::Lits(lits))) => pick(&lits, *mask),
            (Check::HasAny(mask), Some(Choices::Lits(lits))) => pick(&lits, *mask),
            (Check::HasAll(mask), Some(Choices::Lits(lits))) => {
                let mut all = pick(&lits, *mask);
                all.push(has);
                return self.sat.and(&all);
            }
            (Check::Compare(op, n), Some(Choices::Atoms(atoms))) => atoms
                .iter()
                .filter(|a| op.apply(a.lo, *n))
                .map(|a| a.lit)
                .collect(),
            (Check::Bool(true), Some(Choices::Yes(yes))) => return yes,
            (Check::Bool(false), Some(Choices::Yes(yes))) => return self.sat.and(&[has, !yes]),
            _ => return self.sat.falsity(),
        };
        self.sat.or(&lits)
    }

    fn has(&self, var: Var) -> Lit {
        match var {
            Var::Question(i) => self.questions[i].answered,
            Var::Derived(d) => self.derived[d].has,
        }
    }

    fn values(&self, var: Var) -> Option<Choices> {
        match var {
            Var::Question(i) => match &self.questions[i].values {
                Values::Choice(l) | Values::Multi(l) => Some(Choices::Lits(l.clone())),
                Values::Bool(yes) => Some(Choices::Yes(*yes)),
                Values::Number(atoms) => Some(Choices::Atoms(atoms.clone())),
                Values::Text => None,
            },
            Var::Derived(d) => match &self.derived[d].values {
                DerivedValues::Class(l) => Some(Choices::Lits(l.clone())),
                DerivedValues::Number(atoms) => Some(Choices::Atoms(atoms.clone())),
            },
        }
    }

    /// The literal "question `i` is asked".
    pub fn asked(&self, i: usize) -> Lit {
        self.questions[i].asked
    }

    /// The literal "question `i` is answered".
    pub fn answered(&self, i: usize) -> Lit {
        self.questions[i].answered
    }

    /// The literal "derived fact `d` has a value".
    pub fn derived_has(&self, d: usize) -> Lit {
        self.derived[d].has
    }

    /// The literals "case `c` of classification `d` is the first that holds".
    pub fn first_cases(&self, d: usize) -> &[Lit] {
        &self.derived[d].first
    }

    /// The literal "classification `d` has value `v`".
    pub fn derived_is(&mut self, d: usize, v: usize) -> Lit {
        match &self.derived[d].values {
            DerivedValues::Class(lits) => lits.get(v).copied().unwrap_or(self.sat.falsity()),
            DerivedValues::Number(_) => self.sat.falsity(),
        }
    }

    /// Literals to try making true, in order, so counterexamples answer as little as they can:
    /// optional questions left empty, options not chosen, "no" to yes/no questions.
    pub fn preferences(&self) -> Vec<Lit> {
        let mut prefs = Vec::new();
        for (q, vars) in self.pack.questions.iter().zip(&self.questions) {
            if !q.required {
                prefs.push(!vars.answered);
            }
            match &vars.values {
                Values::Multi(lits) => prefs.extend(lits.iter().map(|l| !*l)),
                Values::Bool(yes) => prefs.push(!*yes),
                Values::Choice(_) | Values::Number(_) | Values::Text => {}
            }
        }
        prefs
    }

    /// The answers of the last satisfying assignment.
    pub fn answers(&self) -> Answers {
        self.questions
            .iter()
            .map(|vars| {
                if !self.sat.value(vars.answered) {
                    return None;
                }
                Some(match &vars.values {
                    Values::Choice(lits) => {
                        Value::Choice(lits.iter().position(|l| self.sat.value(*l)).unwrap_or(0))
                    }
                    Values::Multi(lits) => Value::Choices(
                        lits.iter()
                            .enumerate()
                            .filter(|(_, l)| self.sat.value(**l))
                            .fold(0u64, |m, (o, _)| m | 1 << o),
                    ),
                    Values::Bool(yes) => Value::Bool(self.sat.value(*yes)),
                    Values::Number(atoms) => Value::Number(
                        atoms
                            .iter()
                            .find(|a| self.sat.value(a.lit))
                            .map_or(0, |a| nice(a.lo, a.hi)),
                    ),
                    Values::Text => Value::Text("…".to_string()),
                })
            })
            .collect()
    }
}

/// The literal sets a test can pick from.
enum Choices {
    Lits(Vec<Lit>),
    Yes(Lit),
    Atoms(Vec<Atom>),
}

fn pick(lits: &[Lit], mask: u64) -> Vec<Lit> {
    lits.iter()
        .enumerate()
        .filter(|(i, _)| *i < 64 && mask >> i & 1 == 1)
        .map(|(_, l)| *l)
        .collect()
}

/// A value of `lo..=hi` people would write: zero if in range, else the end nearest zero.
fn nice(lo: i64, hi: i64) -> i64 {
    0.clamp(lo, hi)
}

/// Splits `min..=max` so that each cut value is an interval of its own.
fn intervals(min: i64, max: i64, cuts: &[i64]) -> Vec<(i64, i64)> {
    let mut points: Vec<i64> = cuts
        .iter()
        .copied()
        .filter(|c| (min..=max).contains(c))
        .collect();
    points.sort_unstable();
    points.dedup();
    let mut out = Vec::new();
    let mut start = min;
    for p in points {
        if start < p {
            out.push((start, p - 1));
        }
        out.push((p, p));
        start = p + 1;
    }
    if start <= max {
        out.push((start, max));
    }
    out
}

/// The numbers conditions compare each question and each derived fact with, gathered in one
/// pass over the pack's conditions: (per question, per derived fact).
fn literals(pack: &Pack) -> (Vec<Vec<i64>>, Vec<Vec<i64>>) {
    let mut questions = vec![Vec::new(); pack.questions.len()];
    let mut derived = vec![Vec::new(); pack.derived.len()];
    for_each_condition(pack, &mut |cond| {
        cond.for_each_test(&mut |t| {
            if let Check::Compare(_, n) = &t.check {
                match t.var {
                    Var::Question(i) => questions[i].push(*n),
                    Var::Derived(d) => derived[d].push(*n),
                }
            }
        });
    });
    (questions, derived)
}

/// Which questions a sum adds (their exact value matters).
fn summed_questions(pack: &Pack) -> Vec<bool> {
    let mut summed = vec![false; pack.questions.len()];
    for derived in &pack.derived {
        if let DerivedKind::Sum { terms } = &derived.kind {
            for term in terms {
                if let Var::Question(i) = term {
                    summed[*i] = true;
                }
            }
        }
    }
    summed
}

/// Calls `f` on every condition of the pack: question `when`s, cases and rules.
pub fn for_each_condition(pack: &Pack, f: &mut impl FnMut(&Cond)) {
    for q in &pack.questions {
        if let Some(c) = &q.when {
            f(&c.cond);
        }
    }
    for d in &pack.derived {
        if let DerivedKind::Classify { cases, .. } = &d.kind {
            for c in cases.iter().filter_map(|c| c.when.as_ref()) {
                f(&c.cond);
            }
        }
    }
    for r in &pack.rules {
        if let Some(c) = &r.when {
            f(&c.cond);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::intervals;

    #[test]
    fn intervals_isolate_every_cut() {
        assert_eq!(
            intervals(0, 10, &[3, 6, 6, 20]),
            vec![(0, 2), (3, 3), (4, 5), (6, 6), (7, 10)]
        );
        assert_eq!(intervals(0, 3, &[0, 3]), vec![(0, 0), (1, 2), (3, 3)]);
        assert_eq!(intervals(5, 5, &[]), vec![(5, 5)]);
    }
}
