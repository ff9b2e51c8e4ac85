//! The parsed form of a condition, before names are checked against a pack.

use std::ops::Range;

/// A name as written, with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The text.
    pub text: String,
    /// Where it is in the condition.
    pub span: Range<usize>,
}

/// A comparison operator on numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

impl CmpOp {
    /// Applies the operator.
    pub fn apply(self, left: i64, right: i64) -> bool {
        match self {
            CmpOp::Lt => left < right,
            CmpOp::Le => left <= right,
            CmpOp::Gt => left > right,
            CmpOp::Ge => left >= right,
            CmpOp::Eq => left == right,
            CmpOp::Ne => left != right,
        }
    }

    /// How it is written.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
        }
    }
}

/// Which members `has` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HasMode {
    /// `has x` or `has any [...]`
    Any,
    /// `has all [...]`
    All,
}

/// What a name is compared with after `is`, `==` or `!=`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An option or value id, or `true`/`false`.
    Name(Name),
    /// An integer.
    Number(i64, Range<usize>),
    /// `skipped`
    Skipped,
    /// `answered`
    Answered,
}

/// The operator part of a test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestOp {
    /// The name alone: a yes/no question that is answered yes.
    Truthy,
    /// `is`, `is not`, `==`, `!=`.
    Equals {
        /// `is not` or `!=`.
        negated: bool,
        /// Whether it was written `==`/`!=` rather than `is`.
        symbolic: bool,
        /// What is compared with.
        target: Target,
    },
    /// `in [...]` or `not in [...]`.
    In {
        /// `not in`.
        negated: bool,
        /// The options listed.
        items: Vec<Name>,
    },
    /// `has x`, `has any [...]`, `has all [...]`.
    Has {
        /// Any or all.
        mode: HasMode,
        /// The options listed.
        items: Vec<Name>,
    },
    /// `<`, `<=`, `>`, `>=` against an integer.
    Compare {
        /// The operator.
        op: CmpOp,
        /// The literal.
        value: i64,
        /// The operator's span.
        op_span: Range<usize>,
    },
}

/// A condition as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Every part holds.
    And(Vec<Expr>),
    /// At least one part holds.
    Or(Vec<Expr>),
    /// The part does not hold.
    Not(Box<Expr>),
    /// A test about one question or derived fact.
    Test {
        /// The question or derived fact.
        subject: Name,
        /// What is tested.
        op: TestOp,
        /// The span of the whole test.
        span: Range<usize>,
    },
}
