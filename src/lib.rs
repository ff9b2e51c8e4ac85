//! fulcrum turns a panel's frameworks on community dependence into a decision-support tool:
//! staff answer a questionnaire; rule packs written in TOML turn the answers into a staged,
//! bilingual action plan.
//!
//! The pipeline: [`pack`] loads and checks rule packs (with [`condition`] for the condition
//! language), [`answers`] reads and checks answers, [`engine`] applies skip logic, derived facts
//! and rules, and [`render`] prints the resulting [`plan::Plan`].
//!
//! The commands share these steps through [`commands::session`]. `docs/architecture.md` gives
//! a paragraph per module, the data flow, and where to add a question kind, a command, an
//! output format or a message.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]
// Diagnostics are large but travel only on the error path, once per problem.
#![allow(clippy::result_large_err)]

pub mod analysis;
pub mod answers;
pub mod app;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod compare;
pub mod condition;
pub mod diagnostic;
pub mod engine;
pub mod environment;
pub mod error;
pub mod explain;
pub mod group_summary;
pub mod interview;
pub mod lang;
pub mod lint;
pub mod output;
pub mod pack;
pub mod plan;
pub mod progress;
pub mod render;
pub mod review;
pub mod serve;
pub mod source;
pub mod synth;
pub mod terminal;
pub mod text;
pub mod toml_message;
pub mod toml_syntax;
pub mod value;
