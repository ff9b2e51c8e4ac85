//! Evaluation: answers → skip logic → derived facts → rules that fire.
//!
//! [`evaluate`] is a single pass over the questions in pack order: a question's `when` may
//! only read earlier questions (the pack builder checks that), so each answer is final when it
//! is read, and each derived fact is computed at most once, on first use.

pub mod plan;
pub mod timeline;

use std::cell::OnceCell;

use crate::answers::{Answers, Value};
use crate::condition::{Fact, Facts, Var};
use crate::pack::{DerivedKind, Pack};

/// The value of a derived fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DerivedValue {
    /// Index of the classification's value.
    Class(usize),
    /// A sum.
    Number(i64),
}

/// Answers and derived facts at one moment, readable by conditions.
pub struct State<'p> {
    pack: &'p Pack,
    answers: Answers,
    derived: Vec<OnceCell<Option<DerivedValue>>>,
}

impl<'p> State<'p> {
    /// A state over the given answers (one slot per question).
    pub fn new(pack: &'p Pack, mut answers: Answers) -> Self {
        answers.resize(pack.questions.len(), None);
        State {
            pack,
            answers,
            derived: vec![OnceCell::new(); pack.derived.len()],
        }
    }

    /// The answers.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// Whether question `index` is asked, given the answers to the questions before it.
    pub fn is_asked(&self, index: usize) -> bool {
        self.pack.questions[index]
            .when
            .as_ref()
            .is_none_or(|c| c.eval(self))
    }

    /// The value of derived fact `index`, computed on first use.
    pub fn derived(&self, index: usize) -> Option<DerivedValue> {
        *self.derived[index].get_or_init(|| self.compute(index))
    }

    fn compute(&self, index: usize) -> Option<DerivedValue> {
        match &self.pack.derived[index].kind {
            DerivedKind::Classify { cases, .. } => cases
                .iter()
                .find(|case| case.when.as_ref().is_none_or(|c| c.eval(self)))
                .map(|case| DerivedValue::Class(case.value)),
            DerivedKind::Sum { terms } => Some(DerivedValue::Number(
                terms.iter().fold(0i64, |sum, term| {
                    sum.saturating_add(self.contribution(*term))
                }),
            )),
        }
    }

    fn contribution(&self, var: Var) -> i64 {
        match var {
            Var::Question(i) => {
                let options = self.pack.questions[i].kind.options();
                match &self.answers[i] {
                    Some(Value::Choice(c)) => options[*c].score,
                    Some(Value::Choices(mask)) => options
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| mask >> j & 1 == 1)
                        .fold(0i64, |s, (_, o)| s.saturating_add(o.score)),
                    Some(Value::Number(n)) => *n,
                    Some(Value::Bool(b)) => i64::from(*b),
                    Some(Value::Text(_)) | None => 0,
                }
            }
            Var::Derived(i) => match self.derived(i) {
                Some(DerivedValue::Number(n)) => n,
                _ => 0,
            },
        }
    }
}

impl Facts for State<'_> {
    fn fact(&self, var: Var) -> Option<Fact<'_>> {
        match var {
            Var::Question(i) => self.answers[i].as_ref().map(|v| match v {
                Value::Choice(c) => Fact::Choice(*c),
                Value::Choices(m) => Fact::Choices(*m),
                Value::Bool(b) => Fact::Bool(*b),
                Value::Number(n) => Fact::Number(*n),
                Value::Text(t) => Fact::Text(t),
            }),
            Var::Derived(i) => self.derived(i).map(|d| match d {
                DerivedValue::Class(c) => Fact::Choice(c),
                DerivedValue::Number(n) => Fact::Number(n),
            }),
        }
    }
}

/// What evaluating a set of answers found.
pub struct Evaluation<'p> {
    /// Answers and derived facts after skip logic.
    pub state: State<'p>,
    /// Whether each question is asked.
    pub asked: Vec<bool>,
    /// Questions that were answered but are not asked: their answers were dropped.
    pub dropped: Vec<usize>,
    /// Required questions that are asked but have no answer.
    pub missing: Vec<usize>,
    /// Rules whose condition holds, in pack order.
    pub fired: Vec<usize>,
    /// A derived fact whose value stops the plan: (derived index, value index).
    pub blocked: Option<(usize, usize)>,
}

/// Applies skip logic, computes derived facts and finds the rules that fire.
pub fn evaluate(pack: &Pack, answers: Answers) -> Evaluation<'_> {
    let mut state = State::new(pack, answers);
    let mut asked = Vec::with_capacity(pack.questions.len());
    let mut dropped = Vec::new();
    let mut missing = Vec::new();
    for (i, question) in pack.questions.iter().enumerate() {
        let is_asked = state.is_asked(i);
        asked.push(is_asked);
        if !is_asked {
            if state.answers[i].take().is_some() {
                dropped.push(i);
            }
        } else if state.answers[i].is_none() && question.required {
            missing.push(i);
        }
    }
    let blocked =
        pack.derived_order
            .iter()
            .find_map(|&d| match (&pack.derived[d].kind, state.derived(d)) {
                (DerivedKind::Classify { values, .. }, Some(DerivedValue::Class(v))) => {
                    values[v].blocks.as_ref().map(|_| (d, v))
                }
                _ => None,
            });
    let fired = pack
        .rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.when.as_ref().is_none_or(|c| c.eval(&state)))
        .map(|(i, _)| i)
        .collect();
    Evaluation {
        state,
        asked,
        dropped,
        missing,
        fired,
        blocked,
    }
}
