//! Evaluation: answers → skip logic → derived facts → rules that fire.
//!
//! [`evaluate`] is a single pass over the questions in pack order: a question's `when` may
//! only read earlier questions (the pack builder checks that), so each answer is final when it
//! is read, and each derived fact is computed at most once, on first use.

pub mod assemble;
pub mod focus;
mod resolve;
pub mod timeline;

pub use resolve::resolve;

use std::cell::OnceCell;

use crate::answers::Answers;
use crate::condition::{Fact, Facts, Var};
use crate::pack::{DerivedKind, Pack, ReviewQuestion};
use crate::value::Value;

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

    /// What a term of a sum adds: an option's score, a number, 1 for yes; 0 without a value.
    pub fn contribution(&self, var: Var) -> i64 {
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

impl Evaluation<'_> {
    /// The pack's review questions whose condition holds, in pack order.
    pub fn review_questions<'q>(&self, pack: &'q Pack) -> Vec<&'q ReviewQuestion> {
        pack.review_questions
            .iter()
            .filter(|q| q.when.as_ref().is_none_or(|c| c.eval(&self.state)))
            .collect()
    }
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::lang::Lang;
    use crate::pack::load::load_text;
    use crate::source::SourceMap;

    /// The mini fixture pack: focus, months_left, can_extend (when months_left < 6), who
    /// (scores 2/1/0, `nobody` exclusive), troubled; derived `load` = sum of who, `urgency` =
    /// high when months_left < 3 and can_extend is no.
    fn mini() -> Pack {
        let text = include_str!("../../tests/fixtures/packs/mini/pack.toml");
        let (pack, diags) = load_text(&mut SourceMap::new(), "mini.toml", text, "mini", Lang::En);
        assert!(!diags.has_errors(), "{:?}", diags.items());
        pack.unwrap()
    }

    /// Answers by question id: focus, months_left, can_extend, who (mask), troubled.
    fn answers(
        pack: &Pack,
        focus: usize,
        months: i64,
        extend: Option<usize>,
        who: u64,
        troubled: bool,
    ) -> Answers {
        let mut a = vec![None; pack.questions.len()];
        let mut set = |id: &str, v: Value| a[pack.question(id).unwrap().0] = Some(v);
        set("focus", Value::Choice(focus));
        set("months_left", Value::Number(months));
        if let Some(e) = extend {
            set("can_extend", Value::Choice(e));
        }
        set("who", Value::Choices(who));
        set("troubled", Value::Bool(troubled));
        a
    }

    fn rule_ids<'p>(pack: &'p Pack, eval: &Evaluation<'_>) -> Vec<&'p str> {
        eval.fired
            .iter()
            .map(|&r| pack.rules[r].id.as_str())
            .collect()
    }

    #[test]
    fn skip_logic_asks_drops_and_reports_missing() {
        let pack = mini();
        let can_extend = pack.question("can_extend").unwrap().0;
        // (months_left, can_extend given, asked?, dropped?, missing?)
        let table = [
            (1, Some(1), true, false, false),
            (5, None, true, false, true),
            (6, Some(0), false, true, false),
            (12, None, false, false, false),
        ];
        for (months, extend, asked, dropped, missing) in table {
            let eval = evaluate(&pack, answers(&pack, 0, months, extend, 0b01, false));
            assert_eq!(eval.asked[can_extend], asked, "months {months}");
            assert_eq!(
                eval.dropped.contains(&can_extend),
                dropped,
                "months {months}"
            );
            assert_eq!(
                eval.missing.contains(&can_extend),
                missing,
                "months {months}"
            );
            if dropped {
                assert_eq!(eval.state.answers()[can_extend], None);
            }
        }
    }

    #[test]
    fn derived_facts_follow_their_definitions() {
        let pack = mini();
        let load = pack.derived.iter().position(|d| d.id == "load").unwrap();
        let urgency = pack.derived.iter().position(|d| d.id == "urgency").unwrap();
        // (months, can_extend, who mask, expected load, expected urgency value index)
        let table = [
            (1, Some(1), 0b011, 3, 0), // < 3 months and no extension: high
            (1, Some(0), 0b001, 2, 1), // extension possible: low
            (2, Some(1), 0b100, 0, 0), // nobody: score 0
            (9, None, 0b010, 1, 1),    // can_extend skipped: its test is false
        ];
        for (months, extend, who, expected_load, expected_urgency) in table {
            let eval = evaluate(&pack, answers(&pack, 0, months, extend, who, false));
            assert_eq!(
                eval.state.derived(load),
                Some(DerivedValue::Number(expected_load))
            );
            assert_eq!(
                eval.state.derived(urgency),
                Some(DerivedValue::Class(expected_urgency))
            );
        }
    }

    #[test]
    fn rules_fire_when_their_conditions_hold() {
        let pack = mini();
        // (months, can_extend, who mask, troubled, rules expected to fire)
        type Row = (i64, Option<usize>, u64, bool, &'static [&'static str]);
        let table: [Row; 4] = [
            (
                1,
                Some(1),
                0b001,
                false,
                &["always-start", "urgent", "always-finish"],
            ),
            (
                9,
                None,
                0b001,
                true,
                &["always-start", "urgent", "always-finish"],
            ),
            (9, None, 0b010, true, &["always-start", "always-finish"]),
            (9, None, 0b001, false, &["always-start", "always-finish"]),
        ];
        for (months, extend, who, troubled, expected) in table {
            let eval = evaluate(&pack, answers(&pack, 1, months, extend, who, troubled));
            assert_eq!(
                rule_ids(&pack, &eval),
                expected,
                "{months} {who:b} {troubled}"
            );
            assert!(eval.missing.is_empty() && eval.dropped.is_empty());
        }
    }

    #[test]
    fn the_plan_orders_actions_by_phase_then_priority() {
        let pack = mini();
        let eval = evaluate(&pack, answers(&pack, 0, 1, Some(1), 0b011, true));
        let start = jiff::civil::Date::new(2026, 1, 5).unwrap();
        let mut sources = SourceMap::new();
        let text = include_str!("../../tests/fixtures/packs/mini/pack.toml");
        sources.add("mini.toml", None, Arc::from(text));
        let plan = assemble::build(&pack, &eval, Lang::En, start, &sources);
        assert_eq!(
            plan.phase_concepts(),
            vec!["start.hurry", "start.look", "finish.review"]
        );
        // The urgent budget of three defers the least important action, kept in `concepts`.
        let deferred: Vec<&str> = plan.deferred.iter().map(|a| a.concept.as_str()).collect();
        assert_eq!(deferred, vec!["start.note"]);
        assert_eq!(plan.concepts().len(), 4);
        let first: Vec<&str> = plan
            .first_steps
            .iter()
            .map(|a| a.concept.as_str())
            .collect();
        assert_eq!(first, vec!["start.hurry", "start.look"]);
        assert_eq!(
            plan.phases[0].actions[1].partners,
            vec!["the committee contact"]
        );
        assert_eq!(
            plan.phases[0].actions[1]
                .due
                .as_ref()
                .map(|d| d.date.as_str()),
            Some("2026-01-19")
        );
        assert_eq!(
            plan.phases[0].actions[1].text,
            "our organization: look at who depends on you: residents and the committee."
        );
        assert_eq!(plan.phases[1].actions[0].text, "Review: urgency was high.");
        assert_eq!(plan.cautions.len(), 1);
        let zh = assemble::build(&pack, &eval, Lang::Zh, start, &sources);
        assert_eq!(
            zh.phases[0].actions[1].text,
            "本机构先看清谁在依赖：居民和居委会。"
        );
    }
}
