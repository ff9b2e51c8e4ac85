//! Checking a parsed condition against what it may refer to (the pack's questions and derived
//! facts), turning it into compiled tests, and reporting every name, value or comparison that
//! does not fit, with advice.

use std::ops::Range;

use super::ast::{CmpOp, Expr, HasMode, Name, Target, TestOp};
use super::{Check, Cond, Domain, Scope, Test, Var};
use crate::diagnostic::{Diagnostic, did_you_mean, list_names};
use crate::lang::Lang;
use crate::source::StringOrigin;
use crate::tr;

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

    fn error(&mut self, span: &Range<usize>, message: String, label: String, help: String) {
        self.errors.push(
            Diagnostic::error("C004", message)
                .at(self.origin.locate(span.clone()), label)
                .help(help),
        );
    }

    fn test(&mut self, subject: &Name, op: &TestOp, span: &Range<usize>) -> Option<Cond> {
        let lang = self.lang;
        let Some((var, domain)) = self.scope.resolve(&subject.text) else {
            if self.scope.is_broken(&subject.text) {
                return None;
            }
            let names = self.scope.names();
            let hint = did_you_mean(&subject.text, names.iter().copied())
                .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
                .unwrap_or_else(|| {
                    tr!(
                        lang,
                        "可用的名字：{}",
                        "known names: {}",
                        list_names(names.iter().copied(), 12, lang)
                    )
                });
            self.errors.push(
                Diagnostic::error(
                    "C002",
                    tr!(
                        lang,
                        "未知的问题或派生事实 `{}`",
                        "unknown question or derived fact `{}`",
                        subject.text
                    ),
                )
                .at(
                    self.origin.locate(subject.span.clone()),
                    tr!(lang, "未定义", "not defined"),
                )
                .help(hint),
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
        let lang = self.lang;
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
                    self.error(
                        &t.span,
                        tr!(
                            lang,
                            "`{name}` 是是非题，只能与 true 或 false 比较",
                            "`{name}` is a yes/no question: compare it with `true` or `false`"
                        ),
                        tr!(lang, "应为 true 或 false", "expected `true` or `false`"),
                        tr!(
                            lang,
                            "也可以直接写 `{name}` 或 `not {name}`",
                            "or simply write `{name}` or `not {name}`"
                        ),
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
                let (kind, advice) = kind_advice(name, derived, domain, lang);
                let span = op_span(subject, op);
                self.error(
                    &span,
                    tr!(
                        lang,
                        "这个运算不适用于{kind} `{name}`",
                        "this test does not fit `{name}`, which is {kind}"
                    ),
                    tr!(lang, "不适用", "does not fit"),
                    advice,
                );
                None
            }
        }
    }

    /// The mask of `items` among `options`; reports those that are not there, as options of a
    /// question or values of a derived fact.
    fn mask(&mut self, name: &str, derived: bool, options: &[&str], items: &[Name]) -> Option<u64> {
        let lang = self.lang;
        let (zh, en, zh_all, en_all) = if derived {
            ("取值", "value", "可用的取值", "valid values")
        } else {
            ("选项", "option", "可选", "valid options")
        };
        let mut mask = 0u64;
        let mut ok = true;
        for item in items {
            match options.iter().position(|o| *o == item.text) {
                Some(i) if i < 64 => mask |= 1 << i,
                _ => {
                    ok = false;
                    let hint = did_you_mean(&item.text, options.iter().copied())
                        .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
                        .unwrap_or_default();
                    self.errors.push(
                        Diagnostic::error(
                            "C003",
                            tr!(
                                lang,
                                "`{name}` 没有{zh} `{}`",
                                "`{name}` has no {en} `{}`",
                                item.text
                            ),
                        )
                        .at(
                            self.origin.locate(item.span.clone()),
                            tr!(lang, "未知{zh}", "unknown {en}"),
                        )
                        .help(hint)
                        .help(tr!(
                            lang,
                            "{zh_all}：{}",
                            "{en_all}: {}",
                            list_names(options.iter().copied(), 20, lang)
                        )),
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

fn kind_advice(name: &str, derived: bool, domain: &Domain<'_>, lang: Lang) -> (String, String) {
    match domain {
        Domain::Choice(_) if derived => (
            tr!(lang, "分类", "a classification"),
            tr!(
                lang,
                "写 `{name} is <取值>` 或 `{name} in [<取值>, …]`",
                "write `{name} is <value>` or `{name} in [<value>, …]`"
            ),
        ),
        Domain::Number if derived => (
            tr!(lang, "求和", "a sum"),
            tr!(
                lang,
                "与整数比较：`{name} < 6`、`{name} == 0`",
                "compare it with a whole number: `{name} < 6`, `{name} == 0`"
            ),
        ),
        Domain::Choice(_) => (
            tr!(lang, "单选题", "a single choice"),
            tr!(
                lang,
                "写 `{name} is <选项>` 或 `{name} in [<选项>, …]`",
                "write `{name} is <option>` or `{name} in [<option>, …]`"
            ),
        ),
        Domain::Multi(_) => (
            tr!(lang, "多选题", "a multiple choice"),
            tr!(
                lang,
                "写 `{name} has <选项>`、`has any [...]` 或 `has all [...]`",
                "write `{name} has <option>`, `has any [...]` or `has all [...]`"
            ),
        ),
        Domain::Bool => (
            tr!(lang, "是非题", "a yes/no question"),
            tr!(
                lang,
                "写 `{name}`、`not {name}` 或 `{name} is false`",
                "write `{name}`, `not {name}` or `{name} is false`"
            ),
        ),
        Domain::Number => (
            tr!(lang, "数字", "a number"),
            tr!(
                lang,
                "与整数比较：`{name} < 6`、`{name} == 0`",
                "compare it with a whole number: `{name} < 6`, `{name} == 0`"
            ),
        ),
        Domain::Text => (
            tr!(lang, "文字题", "free text"),
            tr!(
                lang,
                "文字只能判断 `{name} is answered` 或 `{name} is skipped`",
                "text can only be tested with `{name} is answered` or `{name} is skipped`"
            ),
        ),
    }
}
