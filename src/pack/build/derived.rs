//! Derived facts: their values, then their cases and sums once every name is known, the order
//! they are evaluated in, and the skip-order check that walks them.

use toml::Spanned;

use super::{Builder, Declared, MAX_DERIVED_DEPTH, PackProblem, known, known_names};
use crate::condition::{self, Condition, Var};
use crate::pack::raw::{RawDerived, RawFile};
use crate::pack::{Case, Derived, DerivedKind, DerivedValue, MAX_OPTIONS, Question};
use crate::source::FileId;

impl<'r> Builder<'_> {
    /// Declares the derived facts of every file; those with errors are left out as broken.
    pub(super) fn declare_derived(
        &mut self,
        files: &'r [(FileId, RawFile)],
        declared: &mut Declared<'r>,
    ) {
        let Declared {
            derived,
            names,
            broken,
            raw_derived,
            ..
        } = declared;
        for (file, raw) in files {
            for d in &raw.derived {
                if !self.unique("derived", *file, &d.get_ref().id)
                    || !self.free_name(*file, &d.get_ref().id, names)
                {
                    continue;
                }
                match self.derived_shell(*file, d) {
                    Some(fact) => {
                        names.insert(fact.id.clone(), Var::Derived(derived.len()));
                        derived.push(fact);
                        raw_derived.push((*file, d.get_ref()));
                    }
                    None => {
                        broken.insert(d.get_ref().id.get_ref().clone());
                    }
                }
            }
        }
    }

    /// The cases and the sum terms of each declared derived fact, in order.
    pub(super) fn derived_cases(
        &mut self,
        declared: &Declared<'_>,
    ) -> (Vec<Vec<Case>>, Vec<Vec<Var>>) {
        let (derived, names, broken) = (&declared.derived, &declared.names, &declared.broken);
        let scope = declared.scope();
        let mut cases_all = Vec::with_capacity(derived.len());
        let mut sums = Vec::with_capacity(derived.len());
        for (i, (file, raw)) in declared.raw_derived.iter().enumerate() {
            let mut cases = Vec::new();
            if let DerivedKind::Classify { values, .. } = &derived[i].kind {
                for c in &raw.case {
                    let c_ref = c.get_ref();
                    let when = match &c_ref.when {
                        Some(w) => match self.condition(*file, w, &scope) {
                            Some(cond) => Some(cond),
                            None => continue,
                        },
                        None => None,
                    };
                    match values.iter().position(|v| &v.id == c_ref.value.get_ref()) {
                        Some(value) => cases.push(Case {
                            when,
                            value,
                            loc: self.loc(*file, c.span()),
                        }),
                        None => {
                            self.report(
                                PackProblem::UnknownDerivedValue {
                                    fact: derived[i].id.clone(),
                                    value: c_ref.value.get_ref().clone(),
                                    known: known(values.iter().map(|v| v.id.as_str())),
                                },
                                self.loc(*file, c_ref.value.span()),
                            );
                        }
                    }
                }
            }
            cases_all.push(cases);
            let mut terms = Vec::new();
            if let Some(sum) = &raw.sum {
                for term in sum.get_ref() {
                    match names.get(term.get_ref()) {
                        Some(var) => terms.push(*var),
                        None if broken.contains(term.get_ref()) => {}
                        None => {
                            self.report(
                                PackProblem::UnknownSumTerm {
                                    name: term.get_ref().clone(),
                                    known: known_names(names),
                                },
                                self.loc(*file, term.span()),
                            );
                        }
                    }
                }
            }
            sums.push(terms);
        }
        (cases_all, sums)
    }

    pub(super) fn derived_shell(
        &mut self,
        file: FileId,
        d: &Spanned<RawDerived>,
    ) -> Option<Derived> {
        let raw = d.get_ref();
        let id = raw.id.get_ref().clone();
        let label = self.text(file, &raw.label);
        let help = self.opt_text(file, &raw.help);
        let kind = match (&raw.sum, raw.value.is_empty(), raw.case.is_empty()) {
            (Some(_), true, true) => DerivedKind::Sum { terms: Vec::new() },
            (None, false, false) => {
                let mut values: Vec<DerivedValue> = Vec::new();
                for v in &raw.value {
                    let v = v.get_ref();
                    self.plain(file, &v.id);
                    if values.iter().any(|x| &x.id == v.id.get_ref()) {
                        self.report(
                            PackProblem::DuplicateValue {
                                fact: id.clone(),
                                value: v.id.get_ref().clone(),
                            },
                            self.loc(file, v.id.span()),
                        );
                        continue;
                    }
                    if values.len() == MAX_OPTIONS {
                        self.report(
                            PackProblem::TooManyValues { fact: id.clone() },
                            self.loc(file, v.id.span()),
                        );
                        break;
                    }
                    let label = self.text(file, &v.label);
                    let blocks = self.opt_text(file, &v.blocks);
                    values.push(DerivedValue {
                        id: v.id.get_ref().clone(),
                        label,
                        blocks,
                    });
                }
                DerivedKind::Classify {
                    values,
                    cases: Vec::new(),
                }
            }
            _ => {
                self.report(
                    PackProblem::DerivedShape { fact: id },
                    self.loc(file, raw.id.span()),
                );
                return None;
            }
        };
        Some(Derived {
            id,
            label,
            help,
            kind,
            diagnosis: raw.diagnosis.unwrap_or(true),
            loc: self.loc(file, d.span()),
        })
    }

    /// Orders derived facts so each follows those it reads; reports cycles.
    pub(super) fn derived_order(&mut self, derived: &[Derived]) -> Vec<usize> {
        let deps: Vec<Vec<usize>> = derived.iter().map(derived_deps).collect();
        let mut indegree = vec![0usize; derived.len()];
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); derived.len()];
        for (i, ds) in deps.iter().enumerate() {
            for &d in ds {
                indegree[i] += 1;
                users[d].push(i);
            }
        }
        let mut ready: std::collections::VecDeque<usize> =
            (0..derived.len()).filter(|&i| indegree[i] == 0).collect();
        let mut order = Vec::with_capacity(derived.len());
        while let Some(i) = ready.pop_front() {
            order.push(i);
            for &u in &users[i] {
                indegree[u] -= 1;
                if indegree[u] == 0 {
                    ready.push_back(u);
                }
            }
        }
        if order.len() < derived.len() {
            // Walk from a node left over to find one cycle to show.
            let start = (0..derived.len()).find(|i| indegree[*i] > 0).unwrap_or(0);
            let mut path = vec![start];
            let mut node = start;
            while let Some(&next) = deps[node].iter().find(|d| indegree[**d] > 0) {
                if let Some(pos) = path.iter().position(|p| *p == next) {
                    path.drain(..pos);
                    path.push(next);
                    break;
                }
                path.push(next);
                node = next;
            }
            let chain: Vec<&str> = path.iter().map(|i| derived[*i].id.as_str()).collect();
            let chain = chain.join(" → ");
            self.report(
                PackProblem::DerivedCycle { chain },
                derived[path[0]].loc.clone(),
            );
        }
        order
    }

    /// Derived facts may read other derived facts at most [`MAX_DERIVED_DEPTH`] levels deep, so
    /// evaluating them cannot exhaust the stack. Reports the first fact past the limit.
    pub(super) fn derived_depth(&mut self, derived: &[Derived], order: &[usize]) -> bool {
        let mut depth = vec![0usize; derived.len()];
        for &i in order {
            depth[i] = 1 + derived_deps(&derived[i])
                .iter()
                .map(|d| depth[*d])
                .max()
                .unwrap_or(0);
            if depth[i] > MAX_DERIVED_DEPTH {
                self.report(
                    PackProblem::DerivedTooDeep {
                        fact: derived[i].id.clone(),
                    },
                    derived[i].loc.clone(),
                );
                return false;
            }
        }
        true
    }

    /// A question's skip logic may only read questions asked before it.
    pub(super) fn check_skip_order(&mut self, questions: &[Question], derived: &[Derived]) {
        // The latest question each derived fact reads, directly or through other facts.
        let mut latest: Vec<Option<Option<usize>>> = vec![None; derived.len()];
        for (i, question) in questions.iter().enumerate() {
            let Some(when) = &question.when else { continue };
            let mut seen = std::collections::HashSet::new();
            for test in tests_of(when) {
                let (reads, via) = match test.var {
                    Var::Question(q) => (Some(q), None),
                    Var::Derived(d) => (latest_question(d, derived, &mut latest), Some(d)),
                };
                if let Some(q) = reads.filter(|q| *q >= i) {
                    if !seen.insert((q, via)) {
                        continue;
                    }
                    let question_id = question.id.clone();
                    let via = via.map(|d| derived[d].id.clone());
                    let problem = if q == i {
                        PackProblem::WhenReadsItself {
                            question: question_id,
                            via,
                        }
                    } else {
                        PackProblem::WhenReadsLater {
                            question: question_id,
                            later: questions[q].id.clone(),
                            via,
                        }
                    };
                    self.report(problem, when.origin.locate(test.span.clone()));
                }
            }
        }
    }
}

fn tests_of(condition: &Condition) -> Vec<&condition::Test> {
    let mut tests = Vec::new();
    condition.cond.for_each_test(&mut |t| tests.push(t));
    tests
}

/// The derived facts a derived fact reads directly.
fn derived_deps(fact: &Derived) -> Vec<usize> {
    let mut deps = Vec::new();
    let mut add = |var: Var| {
        if let Var::Derived(d) = var
            && !deps.contains(&d)
        {
            deps.push(d);
        }
    };
    match &fact.kind {
        DerivedKind::Classify { cases, .. } => {
            for case in cases {
                if let Some(when) = &case.when {
                    when.cond.vars().into_iter().for_each(&mut add);
                }
            }
        }
        DerivedKind::Sum { terms } => terms.iter().copied().for_each(&mut add),
    }
    deps
}

/// The latest question a derived fact reads, through other facts too (memoised; cycles were
/// reported before and count as reading nothing more).
fn latest_question(
    d: usize,
    derived: &[Derived],
    memo: &mut Vec<Option<Option<usize>>>,
) -> Option<usize> {
    if let Some(known) = memo[d] {
        return known;
    }
    memo[d] = Some(None);
    let mut vars = Vec::new();
    match &derived[d].kind {
        DerivedKind::Classify { cases, .. } => {
            for case in cases {
                if let Some(when) = &case.when {
                    vars.extend(when.cond.vars());
                }
            }
        }
        DerivedKind::Sum { terms } => vars.extend(terms.iter().copied()),
    }
    let mut latest = None;
    for var in vars {
        let q = match var {
            Var::Question(q) => Some(q),
            Var::Derived(e) => latest_question(e, derived, memo),
        };
        latest = latest.max(q);
    }
    memo[d] = Some(latest);
    latest
}
