//! The condition language of rule packs: `when` of questions, derived-fact cases and rules.
//!
//! A condition is parsed once when a pack loads ([`parser`]), checked against the pack's
//! questions and derived facts ([`compile`]), and evaluated many times ([`Cond::eval`]). Every
//! test compares one variable with literals, so a condition is a union of boxes over finite
//! domains; the language has no arithmetic and no comparison of two variables.

pub mod ast;
pub mod lexer;
pub mod parser;

use std::ops::Range;

use crate::diagnostic::{Diagnostic, did_you_mean, list_names};
use crate::lang::{Lang, spaced, zh_or};
use crate::source::StringOrigin;
use crate::tr;
use ast::{CmpOp, Expr, HasMode, Name, Target, TestOp};
use parser::{Expected, ParseError};

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
    match error {
        ParseError::BadChar { text, .. } => {
            let hint = match text.as_str() {
                "=" => tr!(
                    lang,
                    "比较请写 `==` 或 `is`",
                    "to compare, write `==` or `is`"
                ),
                "&" | "|" | "!" => tr!(
                    lang,
                    "逻辑运算请写 `and`、`or`、`not`",
                    "write `and`, `or` and `not` in words"
                ),
                "\"" | "'" => tr!(
                    lang,
                    "选项不需要加引号：写 `x is fits`",
                    "options need no quotes: write `x is fits`"
                ),
                _ => String::new(),
            };
            Diagnostic::error(
                "C001",
                tr!(
                    lang,
                    "条件中出现无法识别的字符 `{text}`",
                    "unexpected character `{text}` in condition"
                ),
            )
            .at(loc, tr!(lang, "这里", "here"))
            .help(hint)
        }
        ParseError::NumberTooLarge { .. } => {
            Diagnostic::error("C001", tr!(lang, "数字太大", "number too large")).at(
                loc,
                tr!(
                    lang,
                    "超出 64 位整数范围",
                    "does not fit in a 64-bit integer"
                ),
            )
        }
        ParseError::Unexpected {
            found, expected, ..
        } => {
            let found = if found.is_empty() {
                Expected::End.describe(lang)
            } else {
                format!("`{found}`")
            };
            let expected = one_of(expected, lang);
            let (zh_expected, zh_found) = (spaced(&expected), spaced(&found));
            Diagnostic::error(
                "C001",
                tr!(
                    lang,
                    "条件语法错误：此处应为{zh_expected}，实际是{zh_found}",
                    "syntax error in condition: expected {expected}, found {found}"
                ),
            )
            .at(
                loc,
                tr!(lang, "应为{zh_expected}", "expected {expected}"),
            )
            .help(tr!(
                lang,
                "条件的写法见 docs/conditions.md，例如 `months_left < 6 and who_depends has committee`",
                "see docs/conditions.md; for example `months_left < 6 and who_depends has committee`"
            ))
        }
        ParseError::TooDeep { .. } => Diagnostic::error(
            "C005",
            tr!(
                lang,
                "条件嵌套超过 {} 层",
                "condition nested deeper than {} levels",
                parser::MAX_DEPTH
            ),
        )
        .at(loc, tr!(lang, "嵌套过深", "too deep"))
        .help(tr!(
            lang,
            "把条件拆成派生事实（[[derived]]）",
            "split it into derived facts ([[derived]])"
        )),
        ParseError::TooLong => Diagnostic::error(
            "C005",
            tr!(
                lang,
                "条件超过 {} 字节",
                "condition longer than {} bytes",
                parser::MAX_LENGTH
            ),
        )
        .at(loc, tr!(lang, "太长", "too long"))
        .help(tr!(
            lang,
            "把条件拆成派生事实（[[derived]]）",
            "split it into derived facts ([[derived]])"
        )),
        ParseError::Empty => Diagnostic::error("C001", tr!(lang, "条件为空", "empty condition"))
            .at(loc, tr!(lang, "这里需要条件", "a condition is needed here"))
            .help(tr!(
                lang,
                "删除 `when` 表示总是成立",
                "remove `when` to mean always"
            )),
    }
}

/// What the grammar accepts, for a message: `a or b or c` in English, `a、b 或 c` in Chinese.
fn one_of(expected: &[Expected], lang: Lang) -> String {
    let names: Vec<String> = expected.iter().map(|e| e.describe(lang)).collect();
    match lang {
        Lang::Zh => zh_or(&names),
        Lang::En => names.join(" or "),
    }
}

struct Checker<'a> {
    scope: &'a dyn Scope,
    origin: &'a StringOrigin,
    lang: Lang,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn expr(&mut self, expr: &Expr) -> Option<Cond> {
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

#[cfg(test)]
mod tests;
