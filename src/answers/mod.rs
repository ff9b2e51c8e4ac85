//! Answers: the values a person gave, one slot per question of a pack.
//!
//! [`file`](mod@file) reads answers files; each value is checked by
//! [`crate::pack::answer_check::check_value`], shared by answers files, question defaults and
//! pack tests.

pub mod file;

pub use crate::value::Value;

/// The answers of one person, one slot per question of the pack.
pub type Answers = Vec<Option<Value>>;
