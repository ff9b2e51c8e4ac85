//! The checks that need the analysis: questions never asked, rules that never fire, cases never
//! reached or missing, phases left empty, exclusive rules firing together.

use std::time::Duration;

use batsat::Lit;

use super::Finding;
use super::problem::{LintProblem, Subject};
use crate::analysis::example::answers_file;
use crate::analysis::{Analysis, Outcome};
use crate::answers::Answers;
use crate::condition::Condition;
use crate::diagnostic::Problem;
use crate::engine::evaluate;
use crate::lang::Lang;
use crate::pack::{DerivedKind, Pack};
use crate::source::Loc;

/// Runs every analysis check on a pack that loaded.
pub fn check(pack: &Pack, lang: Lang, budget: Duration) -> Vec<Finding> {
    let mut lint = Lint {
        analysis: Analysis::new(pack, budget),
        pack,
        lang,
        out: Vec::new(),
        unchecked: Unchecked::default(),
        never_given: Vec::new(),
    };
    lint.questions();
    let rules = lint.rule_literals();
    // Classifications first: a rule that can never fire because it reads a value no case
    // gives comes after that finding, and says it follows from it.
    let never = lint.never_firing(&rules);
    lint.classifications();
    lint.rules(&never);
    lint.phases(&rules);
    lint.exclusive_groups(&rules);
    lint.not_checked();
    lint.out
}

struct Lint<'p> {
    analysis: Analysis<'p>,
    pack: &'p Pack,
    lang: Lang,
    out: Vec<Finding>,
    /// What could not be decided within the budget.
    unchecked: Unchecked,
    /// Values of classifications, as (derived fact, value), that no answer set gives.
    never_given: Vec<(usize, usize)>,
}

/// How many undecided checks are named in the "not fully checked" finding.
const UNCHECKED_NAMED: usize = 8;

/// The checks that could not be decided: the first few named, all counted, so that memory
/// stays bounded however many checks the budget cuts short.
#[derive(Default)]
struct Unchecked {
    named: Vec<Subject>,
    total: usize,
}

impl Unchecked {
    fn push(&mut self, what: Subject) {
        if self.named.last() == Some(&what) {
            return;
        }
        self.total += 1;
        if self.named.len() < UNCHECKED_NAMED {
            self.named.push(what);
        }
    }
}

fn whole(c: &Condition) -> Loc {
    c.origin.locate(0..c.source.len())
}

/// Whether the engine accepts the answers as a complete answer set.
fn complete(pack: &Pack, answers: &Answers) -> bool {
    let eval = evaluate(pack, answers.clone());
    eval.missing.is_empty() && eval.dropped.is_empty()
}

impl Lint<'_> {
    fn possible(&mut self, goal: &[Lit], what: Subject) -> bool {
        match self.analysis.possible(goal) {
            Some(p) => p,
            None => {
                self.unchecked.push(what);
                true
            }
        }
    }

    fn example(
        &mut self,
        goal: &[Lit],
        what: Subject,
        confirm: impl Fn(&Pack, &Answers) -> bool,
    ) -> Option<Answers> {
        match self
            .analysis
            .find(goal, |p, a| complete(p, a) && confirm(p, a))
        {
            Outcome::Example(answers) => Some(answers),
            Outcome::Never => None,
            Outcome::Unknown => {
                self.unchecked.push(what);
                None
            }
        }
    }

    /// Reports `problem` at `loc`, with the answers that show it when there are some.
    fn push(&mut self, problem: LintProblem, loc: Option<Loc>, example: Option<&Answers>) {
        let lang = self.lang;
        let counterexample = example.map(|answers| {
            let shows = problem.shows(lang).unwrap_or_default();
            answers_file(self.pack, lang, answers, &shows)
        });
        self.out.push(Finding {
            diagnostic: match loc {
                Some(loc) => problem.diagnostic(loc, lang),
                None => problem.unplaced(lang),
            },
            counterexample,
        });
    }

    fn questions(&mut self) {
        for (i, q) in self.pack.questions.iter().enumerate() {
            let Some(when) = &q.when else { continue };
            let asked = self.analysis.enc.asked(i);
            if !self.possible(&[asked], Subject::Question(q.id.clone())) {
                let problem = LintProblem::NeverAsked {
                    question: q.id.clone(),
                };
                self.push(problem, Some(whole(when)), None);
            }
        }
    }

    fn rule_literals(&mut self) -> Vec<Lit> {
        let truth = self.analysis.enc.sat.truth();
        self.pack
            .rules
            .iter()
            .map(|r| {
                r.when
                    .as_ref()
                    .map_or(truth, |c| self.analysis.enc.cond(&c.cond))
            })
            .collect()
    }

    /// The rules whose condition can never hold.
    fn never_firing(&mut self, rules: &[Lit]) -> Vec<usize> {
        let mut never = Vec::new();
        // One satisfying assignment usually fires many rules: those need no query of their own.
        let mut witnessed = vec![false; rules.len()];
        for (r, rule) in self.pack.rules.iter().enumerate() {
            if rule.when.is_none() || witnessed[r] {
                continue;
            }
            match self.analysis.possible(&[rules[r]]) {
                Some(true) => {
                    for (seen, &lit) in witnessed.iter_mut().zip(rules) {
                        *seen |= self.analysis.enc.sat.value(lit);
                    }
                    continue;
                }
                None => {
                    self.unchecked.push(Subject::Rule(rule.id.clone()));
                    continue;
                }
                Some(false) => never.push(r),
            }
        }
        never
    }

    /// Reports the rules that can never fire, with the part of their condition that
    /// contradicts.
    fn rules(&mut self, never: &[usize]) {
        for &r in never {
            let rule = &self.pack.rules[r];
            let Some(when) = &rule.when else { continue };
            let found = super::contradiction::explain(
                &mut self.analysis,
                self.pack,
                when,
                &self.never_given,
            );
            let problem = LintProblem::NeverFires {
                rule: rule.id.clone(),
                why: found.why,
            };
            self.push(problem, Some(when.origin.locate(found.span)), None);
        }
    }

    fn classifications(&mut self) {
        for (d, derived) in self.pack.derived.iter().enumerate() {
            let DerivedKind::Classify { values, cases } = &derived.kind else {
                continue;
            };
            let subject = || Subject::Derived(derived.id.clone());
            let firsts = self.analysis.enc.first_cases(d).to_vec();
            for (case, first) in cases.iter().zip(firsts) {
                if !self.possible(&[first], subject()) {
                    let problem = LintProblem::CaseUnreached {
                        fact: derived.id.clone(),
                        value: values[case.value].id.clone(),
                    };
                    let loc = case.when.as_ref().map_or(case.loc.clone(), whole);
                    self.push(problem, Some(loc), None);
                }
            }
            for (v, value) in values.iter().enumerate() {
                let given = self.analysis.enc.derived_is(d, v);
                if self.possible(&[given], subject()) {
                    continue;
                }
                self.never_given.push((d, v));
                let problem = LintProblem::ValueNeverGiven {
                    fact: derived.id.clone(),
                    value: value.id.clone(),
                    no_case: !cases.iter().any(|c| c.value == v),
                };
                self.push(problem, Some(derived.loc.clone()), None);
            }
            let has = self.analysis.enc.derived_has(d);
            let confirm =
                move |p: &Pack, a: &Answers| evaluate(p, a.clone()).state.derived(d).is_none();
            if let Some(answers) = self.example(&[!has], subject(), confirm) {
                let problem = LintProblem::NoCase {
                    fact: derived.id.clone(),
                };
                self.push(problem, Some(derived.loc.clone()), Some(&answers));
            }
        }
    }

    /// Literals saying "the plan is not blocked".
    fn not_blocked(&mut self) -> Vec<Lit> {
        let mut lits = Vec::new();
        for (d, derived) in self.pack.derived.iter().enumerate() {
            if let DerivedKind::Classify { values, .. } = &derived.kind {
                for (v, value) in values.iter().enumerate() {
                    if value.blocks.is_some() {
                        lits.push(!self.analysis.enc.derived_is(d, v));
                    }
                }
            }
        }
        lits
    }

    fn phases(&mut self, rules: &[Lit]) {
        let not_blocked = self.not_blocked();
        for (p, phase) in self.pack.phases.iter().enumerate() {
            let givers: Vec<usize> = (0..self.pack.rules.len())
                .filter(|&r| self.pack.rules[r].actions.iter().any(|a| a.phase == p))
                .collect();
            let mut goal: Vec<Lit> = givers.iter().map(|&r| !rules[r]).collect();
            goal.extend(&not_blocked);
            let confirm = move |pack: &Pack, a: &Answers| {
                let eval = evaluate(pack, a.clone());
                eval.blocked.is_none()
                    && !eval
                        .fired
                        .iter()
                        .any(|&r| pack.rules[r].actions.iter().any(|x| x.phase == p))
            };
            if let Some(answers) = self.example(&goal, Subject::Phase(phase.id.clone()), confirm) {
                let problem = LintProblem::EmptyPhase {
                    phase: phase.id.clone(),
                };
                self.push(problem, Some(phase.loc.clone()), Some(&answers));
            }
        }
    }

    /// Pairs of rules of one exclusive group that can fire together. Only rules of the same
    /// group are paired; once the budget has run out, the groups left are named as not
    /// checked instead of every pair.
    fn exclusive_groups(&mut self, rules: &[Lit]) {
        let pack = self.pack;
        let mut members: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        let mut given_up: std::collections::HashSet<&str> = Default::default();
        for (r2, second) in pack.rules.iter().enumerate() {
            let Some(group) = second.exclusive_group.as_deref() else {
                continue;
            };
            let earlier = members.entry(group).or_default();
            for &r1 in earlier.iter() {
                if given_up.contains(group) {
                    break;
                }
                if self.analysis.expired() {
                    given_up.insert(group);
                    self.unchecked.push(Subject::Group(group.to_string()));
                    break;
                }
                self.overlap(rules, r1, r2, group);
            }
            earlier.push(r2);
        }
    }

    /// Whether rules `r1` and `r2` of `group` can fire together.
    fn overlap(&mut self, rules: &[Lit], r1: usize, r2: usize, group: &str) {
        let (first, second) = (&self.pack.rules[r1], &self.pack.rules[r2]);
        let confirm = move |p: &Pack, a: &Answers| {
            let fired = evaluate(p, a.clone()).fired;
            fired.contains(&r1) && fired.contains(&r2)
        };
        let what = Subject::Rules(first.id.clone(), second.id.clone());
        if let Some(answers) = self.example(&[rules[r1], rules[r2]], what, confirm) {
            let problem = LintProblem::Overlap {
                group: group.to_string(),
                first: first.id.clone(),
                second: second.id.clone(),
            };
            let loc = second.when.as_ref().map_or(second.loc.clone(), whole);
            self.push(problem, Some(loc), Some(&answers));
        }
    }

    fn not_checked(&mut self) {
        let mut what = std::mem::take(&mut self.unchecked);
        for a in &self.analysis.enc.approximations {
            what.push(Subject::Approximation(a.to_string()));
        }
        if what.total == 0 {
            return;
        }
        let problem = LintProblem::NotChecked {
            pack: self.pack.id.clone(),
            named: what.named,
            total: what.total,
        };
        self.push(problem, None, None);
    }
}
