//! The condition language of rule packs: `when` of questions, derived-fact cases and rules.
//!
//! A condition is parsed once when a pack loads ([`parser`]), checked against the pack's
//! questions and derived facts ([`compile`], with the checker in `condition/check.rs`), and
//! evaluated many times ([`Cond::eval`]). Every test compares one variable with literals, so a
//! condition is a union of boxes over finite domains; the language has no arithmetic and no
//! comparison of two variables.

pub mod ast;
pub mod lexer;
pub mod parser;

mod check;
pub(crate) mod problem;

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::Lang;
use crate::source::StringOrigin;
use ast::CmpOp;
use check::Checker;
use parser::ParseError;
use problem::ConditionProblem;

/// A question or derived fact a condition can read.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Var {
    /// A question, by its index in the pack.
    Question(usize),
    /// A derived fact, by its index in the pack.
    Derived(usize),
}

/// The values a variable can take, as the checker needs to know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Domain<'a> {
    /// One of these ids (single choice, derived classification).
    Choice(Vec<&'a str>),
    /// Any set of these ids (multiple choice).
    Multi(Vec<&'a str>),
    /// Yes or no.
    Bool,
    /// An integer (number question, derived sum).
    Number,
    /// Free text.
    Text,
}

/// What a condition may refer to.
pub trait Scope {
    /// The variable called `name`, with its domain.
    fn resolve(&self, name: &str) -> Option<(Var, Domain<'_>)>;
    /// Every name, for "did you mean".
    fn names(&self) -> Vec<&str>;
    /// Whether `name` is defined but its definition has errors of its own, already reported:
    /// a condition reading it is then not reported again as naming something unknown.
    fn is_broken(&self, _name: &str) -> bool {
        false
    }
}

/// The check a test makes once its variable is known to be answered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Check {
    /// The variable has a value.
    Answered,
    /// The variable has no value (its question was skipped or left empty).
    Skipped,
    /// The chosen option (by index) is in the mask.
    OneOf(u64),
    /// At least one chosen option is in the mask.
    HasAny(u64),
    /// Every option in the mask is chosen.
    HasAll(u64),
    /// The number compares true with the literal.
    Compare(CmpOp, i64),
    /// The yes/no answer equals this.
    Bool(bool),
}

/// One compiled test.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Test {
    /// The variable read.
    pub var: Var,
    /// What is checked.
    pub check: Check,
    /// Where the test is written, inside the condition.
    pub span: Range<usize>,
}

/// A compiled condition.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Cond {
    /// Every part holds.
    All(Vec<Cond>),
    /// Some part holds.
    Any(Vec<Cond>),
    /// The part does not hold.
    Not(Box<Cond>),
    /// One test.
    Test(Test),
}

/// A value as conditions see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact<'a> {
    /// The index of the chosen option or derived value.
    Choice(usize),
    /// The chosen options as a bit mask.
    Choices(u64),
    /// A yes/no answer.
    Bool(bool),
    /// A number or derived sum.
    Number(i64),
    /// Free text.
    Text(&'a str),
}

/// Gives conditions the current values.
pub trait Facts {
    /// The value of a variable, or `None` when it has none (skipped).
    fn fact(&self, var: Var) -> Option<Fact<'_>>;
}

impl Test {
    /// Evaluates the test. Every test on a variable without a value is false, except
    /// `is skipped`.
    pub fn eval(&self, facts: &impl Facts) -> bool {
        let Some(fact) = facts.fact(self.var) else {
            return self.check == Check::Skipped;
        };
        match (&self.check, fact) {
            (Check::Answered, _) => true,
            (Check::Skipped, _) => false,
            (Check::OneOf(mask), Fact::Choice(i)) => i < 64 && mask >> i & 1 == 1,
            (Check::HasAny(mask), Fact::Choices(set)) => set & mask != 0,
            (Check::HasAll(mask), Fact::Choices(set)) => set & mask == *mask,
            (Check::Compare(op, n), Fact::Number(v)) => op.apply(v, *n),
            (Check::Bool(b), Fact::Bool(v)) => v == *b,
            _ => false,
        }
    }
}

impl Cond {
    /// Evaluates the condition against the current values.
    pub fn eval(&self, facts: &impl Facts) -> bool {
        match self {
            Cond::All(parts) => parts.iter().all(|p| p.eval(facts)),
            Cond::Any(parts) => parts.iter().any(|p| p.eval(facts)),
            Cond::Not(inner) => !inner.eval(facts),
            Cond::Test(test) => test.eval(facts),
        }
    }

    /// Calls `f` for every test, left to right.
    pub fn for_each_test<'a>(&'a self, f: &mut impl FnMut(&'a Test)) {
        match self {
            Cond::All(parts) | Cond::Any(parts) => parts.iter().for_each(|p| p.for_each_test(f)),
            Cond::Not(inner) => inner.for_each_test(f),
            Cond::Test(test) => f(test),
        }
    }

    /// The variables the condition reads, in order of first use, without repeats.
    pub fn vars(&self) -> Vec<Var> {
        let mut vars = Vec::new();
        self.for_each_test(&mut |t| {
            if !vars.contains(&t.var) {
                vars.push(t.var);
            }
        });
        vars
    }
}

/// A condition as written in a pack, compiled, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Condition {
    /// The text as written.
    pub source: String,
    /// Where the text sits in its file.
    pub origin: StringOrigin,
    /// The compiled form.
    pub cond: Cond,
}

impl Condition {
    /// Evaluates the condition.
    pub fn eval(&self, facts: &impl Facts) -> bool {
        self.cond.eval(facts)
    }
}

/// Parses and checks a condition against a scope, reporting every problem with its place in
/// the file.
pub fn compile(
    source: &str,
    origin: &StringOrigin,
    scope: &dyn Scope,
    lang: Lang,
) -> Result<Condition, Vec<Diagnostic>> {
    let expr =
        parser::parse(source).map_err(|e| vec![parse_diagnostic(&e, source, origin, lang)])?;
    let mut checker = Checker {
        scope,
        origin,
        lang,
        errors: Vec::new(),
    };
    let cond = checker.expr(&expr);
    match cond {
        Some(cond) if checker.errors.is_empty() => Ok(Condition {
            source: source.to_string(),
            origin: origin.clone(),
            cond,
        }),
        _ => Err(checker.errors),
    }
}

fn parse_diagnostic(
    error: &ParseError,
    source: &str,
    origin: &StringOrigin,
    lang: Lang,
) -> Diagnostic {
    let loc = origin.locate(parser::error_span(error, source));
    let problem = match error {
        ParseError::BadChar { text, .. } => ConditionProblem::BadChar { text: text.clone() },
        ParseError::NumberTooLarge { .. } => ConditionProblem::NumberTooLarge,
        ParseError::Unexpected {
            found, expected, ..
        } => ConditionProblem::Unexpected {
            found: found.clone(),
            expected,
        },
        ParseError::TooDeep { .. } => ConditionProblem::TooDeep,
        ParseError::TooLong => ConditionProblem::TooLong,
        ParseError::Empty => ConditionProblem::Empty,
    };
    problem.diagnostic(loc, lang)
}

#[cfg(test)]
mod tests;
