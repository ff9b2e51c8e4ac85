//! The questionnaire as a pure state machine: the answers so far decide what to ask next.
//!
//! The machine knows nothing of terminals. It is at a question, at the review ("check your
//! answers") or done. Answering moves on to the next asked question still without an answer
//! (so partial answers and drafts ask only what is missing); going back moves to the previous
//! asked question with its answer preselected; changing an answer re-applies the skip logic and
//! drops, and reports, the answers of questions that are no longer asked.

use crate::answers::Answers;
use crate::condition::Var;
use crate::engine::{self, Evaluation};
use crate::pack::{DerivedKind, Pack};
use crate::value::Value;

use super::validate::{Invalid, validate};

/// Where the questionnaire is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    Question(usize),
    Review,
    Done,
}

/// What the front end should do now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Ask a question.
    Ask(Ask),
    /// Show every answer and let the person change one or confirm.
    Review,
    /// Every answer is confirmed: show the plan.
    Done,
}

/// A question to ask, with what the front end shows around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// Index of the question in the pack.
    pub question: usize,
    /// Its position among the questions asked with the current answers (1-based).
    pub number: usize,
    /// Asked questions other than this one still without an answer.
    pub remaining: usize,
    /// Whether a later question not asked now may still be asked, depending on the answers
    /// still to give (this one included): then this is not said to be the last question.
    pub more_possible: bool,
    /// The answer to preselect: the previous answer, else (in a re-assessment) the earlier
    /// one, else the pack's default.
    pub preset: Option<Value>,
    /// Whether this is the first asked question of its section (show the section's title).
    pub section_start: bool,
    /// Whether the question was picked from the review, which comes back after it.
    pub from_review: bool,
}

/// Where a questionnaire stands, to keep with a draft and resume from later (the web
/// questionnaire keeps one per participant across requests and restarts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// At a question; `from_review` when it was picked from the review.
    Question {
        /// Index of the question.
        question: usize,
        /// Whether the review comes back after it.
        from_review: bool,
    },
    /// At the review.
    Review,
    /// Confirmed.
    Done,
}

/// One line of the review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    /// Index of the question.
    pub question: usize,
    /// Its answer, if any.
    pub value: Option<Value>,
}

/// The state of one questionnaire.
#[derive(Debug, Clone)]
pub struct Interview<'p> {
    pack: &'p Pack,
    answers: Answers,
    /// Optional questions passed over without an answer.
    declined: Vec<bool>,
    /// Whether each question is asked with the current answers.
    asked: Vec<bool>,
    at: At,
    /// Whether the current question was picked from the review (back returns there).
    from_review: bool,
    /// In a re-assessment, the earlier answers: preselected where no answer is given yet.
    earlier: Answers,
}

impl<'p> Interview<'p> {
    /// Starts a questionnaire from answers already given (none, a draft or a partial answers
    /// file). Returns it with the questions whose answers were dropped by skip logic.
    pub fn new(pack: &'p Pack, mut answers: Answers) -> (Self, Vec<usize>) {
        answers.resize(pack.questions.len(), None);
        let mut interview = Interview {
            pack,
            answers,
            declined: vec![false; pack.questions.len()],
            asked: Vec::new(),
            at: At::Review,
            from_review: false,
            earlier: Vec::new(),
        };
        let dropped = interview.apply_skip_logic();
        interview.at = interview.first_open(0);
        (interview, dropped)
    }

    /// Starts a re-assessment: every question is asked again, as in a new questionnaire, with
    /// the `earlier` answer (where it is still valid) preselected instead of the pack's default.
    pub fn again(pack: &'p Pack, earlier: Answers) -> Self {
        let (mut interview, _) = Interview::new(pack, Vec::new());
        interview.earlier = earlier;
        interview
    }

    /// Marks optional questions as passed over (from a draft's `skipped` list), so that they
    /// are not asked again; required ones and answered ones are left as they are.
    pub fn decline(&mut self, questions: &[usize]) {
        for &q in questions {
            if q < self.answers.len()
                && !self.pack.questions[q].required
                && self.answers[q].is_none()
                && self.asked[q]
            {
                self.declined[q] = true;
            }
        }
        if let At::Question(_) = self.at {
            self.at = self.first_open(0);
        }
    }

    /// Optional questions passed over without an answer (and still asked), in pack order.
    pub fn declined(&self) -> Vec<usize> {
        (0..self.answers.len())
            .filter(|&q| self.declined[q] && self.asked[q] && self.answers[q].is_none())
            .collect()
    }

    /// The pack being answered.
    pub fn pack(&self) -> &'p Pack {
        self.pack
    }

    /// The answers so far, one slot per question.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// Whether every asked question is answered (or passed over when optional).
    pub fn is_complete(&self) -> bool {
        self.first_open(0) == At::Review
    }

    /// Asked questions not answered yet (the questionnaire will ask them).
    pub fn missing(&self) -> Vec<usize> {
        (0..self.answers.len())
            .filter(|&i| self.is_open(i))
            .collect()
    }

    /// Asked required questions without an answer: a plan cannot be made without them.
    pub fn missing_required(&self) -> Vec<usize> {
        (0..self.answers.len())
            .filter(|&i| self.is_open(i) && self.pack.questions[i].required)
            .collect()
    }

    /// The evaluation of the current answers (for the plan and for showing values).
    pub fn evaluation(&self) -> Evaluation<'p> {
        engine::evaluate(self.pack, self.answers.clone())
    }

    /// What to do now.
    pub fn step(&self) -> Step {
        match self.at {
            At::Question(q) => Step::Ask(self.ask(q)),
            At::Review => Step::Review,
            At::Done => Step::Done,
        }
    }

    /// Answers the current question (`None` passes over an optional one). On success returns
    /// the questions whose answers were dropped because they are no longer asked, and moves on.
    pub fn answer(&mut self, value: Option<Value>) -> Result<Vec<usize>, Invalid> {
        let At::Question(q) = self.at else {
            return Err(Invalid::WrongKind);
        };
        validate(&self.pack.questions[q], value.as_ref())?;
        self.declined[q] = value.is_none();
        self.answers[q] = value;
        let dropped = self.apply_skip_logic();
        self.at = match self.next_open_after(q) {
            At::Review if self.from_review => At::Review,
            next => next,
        };
        if self.at == At::Review {
            self.from_review = false;
        }
        Ok(dropped)
    }

    /// Goes back to the previous asked question (or, for a question picked from the review,
    /// to the review). Returns false when there is nothing before.
    pub fn back(&mut self) -> bool {
        let before = match self.at {
            At::Question(_) if self.from_review => {
                self.from_review = false;
                self.at = At::Review;
                return true;
            }
            At::Question(q) => q,
            At::Review | At::Done => self.asked.len(),
        };
        match (0..before).rev().find(|&i| self.asked[i]) {
            Some(previous) => {
                self.at = At::Question(previous);
                true
            }
            None => false,
        }
    }

    /// Every asked question and its answer, in pack order.
    pub fn review(&self) -> Vec<ReviewRow> {
        (0..self.answers.len())
            .filter(|&i| self.asked[i])
            .map(|i| ReviewRow {
                question: i,
                value: self.answers[i].clone(),
            })
            .collect()
    }

    /// From the review, asks question `q` again. Returns false if it is not asked.
    pub fn change(&mut self, q: usize) -> bool {
        if self.at != At::Review || !self.asked.get(q).copied().unwrap_or(false) {
            return false;
        }
        self.at = At::Question(q);
        self.from_review = true;
        true
    }

    /// From the review, confirms the answers. Returns false if some are still missing (the
    /// machine then moves to the first of them).
    pub fn confirm(&mut self) -> bool {
        if self.at != At::Review {
            return false;
        }
        self.at = match self.first_open(0) {
            At::Review => At::Done,
            open => open,
        };
        self.at == At::Done
    }

    /// Where the questionnaire stands.
    pub fn position(&self) -> Position {
        match self.at {
            At::Question(question) => Position::Question {
                question,
                from_review: self.from_review,
            },
            At::Review => Position::Review,
            At::Done => Position::Done,
        }
    }

    /// Moves back to a position kept earlier. A question no longer asked, or a review or a
    /// confirmation with answers still missing, is refused (returns false): the machine stays
    /// at the first open question.
    pub fn resume_at(&mut self, position: Position) -> bool {
        let at = match position {
            Position::Question { question, .. } if self.asked.get(question) != Some(&true) => {
                return false;
            }
            Position::Question { question, .. } => At::Question(question),
            Position::Review | Position::Done if !self.is_complete() => return false,
            Position::Review => At::Review,
            Position::Done => At::Done,
        };
        self.at = at;
        self.from_review = matches!(
            position,
            Position::Question {
                from_review: true,
                ..
            }
        );
        true
    }

    fn ask(&self, q: usize) -> Ask {
        let question = &self.pack.questions[q];
        let previous_asked = (0..q).rev().find(|&i| self.asked[i]);
        Ask {
            question: q,
            number: (0..=q).filter(|&i| self.asked[i]).count(),
            remaining: (0..self.answers.len())
                .filter(|&i| i != q && self.is_open(i))
                .count(),
            more_possible: (q + 1..self.answers.len()).any(|i| {
                !self.asked[i]
                    && self.pack.questions[i]
                        .when
                        .as_ref()
                        .is_some_and(|w| self.reads_unsettled(&w.cond.vars(), q, 0))
            }),
            preset: self.answers[q]
                .clone()
                .or_else(|| self.earlier.get(q).cloned().flatten())
                .or_else(|| question.default.clone()),
            section_start: previous_asked
                .is_none_or(|p| self.pack.questions[p].section != question.section),
            from_review: self.from_review,
        }
    }

    /// Re-applies skip logic: answers to questions no longer asked are dropped.
    fn apply_skip_logic(&mut self) -> Vec<usize> {
        let evaluation = engine::evaluate(self.pack, self.answers.clone());
        self.asked = evaluation.asked;
        for &q in &evaluation.dropped {
            self.answers[q] = None;
            self.declined[q] = false;
        }
        evaluation.dropped
    }

    /// Whether any of `vars` depends (through derived facts too) on a question still to be
    /// answered: `current`, or an open one.
    fn reads_unsettled(&self, vars: &[Var], current: usize, depth: usize) -> bool {
        if depth > crate::pack::build::MAX_DERIVED_DEPTH {
            return true;
        }
        vars.iter().any(|&var| match var {
            Var::Question(j) => j == current || self.is_open(j),
            Var::Derived(d) => {
                let reads: Vec<Var> = match &self.pack.derived[d].kind {
                    DerivedKind::Classify { cases, .. } => cases
                        .iter()
                        .filter_map(|c| c.when.as_ref())
                        .flat_map(|w| w.cond.vars())
                        .collect(),
                    DerivedKind::Sum { terms } => terms.clone(),
                };
                self.reads_unsettled(&reads, current, depth + 1)
            }
        })
    }

    fn is_open(&self, q: usize) -> bool {
        self.asked[q] && self.answers[q].is_none() && !self.declined[q]
    }

    /// The first open question from `from` on, else the review.
    fn first_open(&self, from: usize) -> At {
        (from..self.answers.len())
            .find(|&i| self.is_open(i))
            .map_or(At::Review, At::Question)
    }

    /// The next open question after `q`, else the first open one before it, else the review.
    fn next_open_after(&self, q: usize) -> At {
        match self.first_open(q + 1) {
            At::Review => self.first_open(0),
            next => next,
        }
    }
}

#[cfg(test)]
mod tests;
