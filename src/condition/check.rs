//! Checking a parsed condition against what it may refer to (the pack's questions and derived
//! facts), turning it into compiled tests, and reporting every name, value or comparison that
//! does not fit, with advice.

use std::ops::Range;

use super::ast::{CmpOp, Expr, HasMode, Name, Target, TestOp};
use super::problem::{ConditionProblem, Kind};
use super::{Check, Cond, Domain, Scope, Test, Var};
use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::Lang;
use crate::source::StringOrigin;

/// Checks one condition, collecting every problem.
pub(super) struct Checker<'a> {
    pub(super) scope: &'a dyn Scope,
    pub(super) origin: &'a StringOrigin,
    pub(super) lang: Lang,
    pub(super) errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    pub(super) fn expr(&mut self, expr: &Expr) -> Option<Cond> {
        match expr {
            Expr::And(parts) => self.parts(parts).map(Cond::All),
            Expr::Or(parts) => self.parts(parts).map(Cond::Any),
            Expr::Not(inner) => self.expr(inner).map(|c| Cond::Not(Box::new(c))),
            Expr::Test { subject, op, span } => self.test(subject, op, span),
        }
    }

    fn parts(&mut self, parts: &[Expr]) -> Option<Vec<Cond>> {
        let compiled: Vec<Option<Cond>> = parts.iter().map(|p| self.expr(p)).collect();
        compiled.into_iter().collect()
    }

    fn report(&mut self, span: &Range<usize>, problem: ConditionProblem) {
        let loc = self.origin.locate(span.clone());
        self.errors.push(problem.diagnostic(loc, self.lang));
    }

    fn test(&mut self, subject: &Name, op: &TestOp, span: &Range<usize>) -> Option<Cond> {
        let Some((var, domain)) = self.scope.resolve(&subject.text) else {
            if self.scope.is_broken(&subject.text) {
                return None;
            }
            let known = self.scope.names().into_iter().map(str::to_string).collect();
            self.report(
                &subject.span,
                ConditionProblem::UnknownName {
                    name: subject.text.clone(),
                    known,
                },
            );
            return None;
        };
        let derived = matches!(var, Var::Derived(_));
        let check = self.check(subject, derived, &domain, op)?;
        Some(Cond::Test(Test {
            var,
            check,
            span: span.clone(),
        }))
    }

    /// The check `op` makes on `subject`, which is a derived fact when `derived`.
    fn check(
        &mut self,
        subject: &Name,
        derived: bool,
        domain: &Domain<'_>,
        op: &TestOp,
    ) -> Option<Check> {
        let name = subject.text.as_str();
        match (op, domain) {
            (
                TestOp::Equals {
                    negated,
                    target: Target::Skipped,
                    ..
                },
                _,
            ) => Some(if *negated {
                Check::Answered
            } else {
                Check::Skipped
            }),
            (
                TestOp::Equals {
                    negated,
                    target: Target::Answered,
                    ..
                },
                _,
            ) => Some(if *negated {
                Check::Skipped
            } else {
                Check::Answered
            }),
            (TestOp::Truthy, Domain::Bool) => Some(Check::Bool(true)),
            (
                TestOp::Equals {
                    negated,
                    target: Target::Name(t),
                    ..
                },
                Domain::Bool,
            ) => match t.text.as_str() {
                "true" | "yes" => Some(Check::Bool(!negated)),
                "false" | "no" => Some(Check::Bool(*negated)),
                _ => {
                    self.report(
                        &t.span,
                        ConditionProblem::NotTrueOrFalse {
                            name: name.to_string(),
                        },
                    );
                    None
                }
            },
            (
                TestOp::Equals {
                    negated,
                    target: Target::Name(t),
                    ..
                },
                Domain::Choice(options),
            ) => {
                let mask = self.mask(name, derived, options, std::slice::from_ref(t))?;
                Some(Check::OneOf(if *negated {
                    full(options.len()) & !mask
                } else {
                    mask
                }))
            }
            (TestOp::In { negated, items }, Domain::Choice(options)) => {
                let mask = self.mask(name, derived, options, items)?;
                Some(Check::OneOf(if *negated {
                    full(options.len()) & !mask
                } else {
                    mask
                }))
            }
            (TestOp::Has { mode, items }, Domain::Multi(options)) => {
                let mask = self.mask(name, derived, options, items)?;
                Some(match mode {
                    HasMode::Any => Check::HasAny(mask),
                    HasMode::All => Check::HasAll(mask),
                })
            }
            (TestOp::Compare { op, value, .. }, Domain::Number) => {
                Some(Check::Compare(*op, *value))
            }
            (
                TestOp::Equals {
                    negated,
                    target: Target::Number(n, _),
                    ..
                },
                Domain::Number,
            ) => Some(Check::Compare(
                if *negated { CmpOp::Ne } else { CmpOp::Eq },
                *n,
            )),
            (op, domain) => {
                let span = op_span(subject, op);
                self.report(
                    &span,
                    ConditionProblem::DoesNotFit {
                        name: name.to_string(),
                        kind: kind_of(derived, domain),
                    },
                );
                None
            }
        }
    }

    /// The mask of `items` among `options`; reports those that are not there, as options of a
    /// question or values of a derived fact.
    fn mask(&mut self, name: &str, derived: bool, options: &[&str], items: &[Name]) -> Option<u64> {
        let mut mask = 0u64;
        let mut ok = true;
        for item in items {
            match options.iter().position(|o| *o == item.text) {
                Some(i) if i < 64 => mask |= 1 << i,
                _ => {
                    ok = false;
                    self.report(
                        &item.span,
                        ConditionProblem::UnknownValue {
                            subject: name.to_string(),
                            derived,
                            given: item.text.clone(),
                            options: options.iter().map(|o| o.to_string()).collect(),
                        },
                    );
                }
            }
        }
        ok.then_some(mask)
    }
}

fn full(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

fn op_span(subject: &Name, op: &TestOp) -> Range<usize> {
    match op {
        TestOp::Compare { op_span, .. } => op_span.clone(),
        TestOp::Equals {
            target: Target::Name(t),
            ..
        } => t.span.clone(),
        TestOp::Equals {
            target: Target::Number(_, s),
            ..
        } => s.clone(),
        TestOp::In { items, .. } | TestOp::Has { items, .. } => items
            .first()
            .map_or(subject.span.clone(), |i| i.span.clone()),
        _ => subject.span.clone(),
    }
}

/// What a name is, for a test that does not fit it.
fn kind_of(derived: bool, domain: &Domain<'_>) -> Kind {
    match domain {
        Domain::Choice(_) if derived => Kind::Classification,
        Domain::Number if derived => Kind::Sum,
        Domain::Choice(_) => Kind::SingleChoice,
        Domain::Multi(_) => Kind::MultipleChoice,
        Domain::Bool => Kind::YesNo,
        Domain::Number => Kind::Number,
        Domain::Text => Kind::Text,
    }
}
