//! The integration tests of the `fulcrum` binary, in one test binary.
//!
//! Each file of `tests/` is a module here rather than a test binary of its own: every binary
//! links the whole crate and its dependencies, and linking some thirty of them was most of a
//! cold `cargo test` (docs/performance.md). `Cargo.toml` turns `autotests` off, so a new file
//! must be declared below (tests/structure.rs checks that none is forgotten). Run one file's
//! tests with a filter: `cargo test --test integration plan_cli::`.
//!
//! The tests share one process and run in parallel: none may change this process's
//! environment or working folder. [`common::command`] gives every fulcrum it starts its own
//! pack cache and drafts folder.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod web;

mod compare;
mod corpus;
mod example_packs;
mod examples;
mod failed_writes;
mod hardening;
mod lint;
mod outputs;
mod pack_cache;
mod pack_errors;
mod pack_test;
mod plan_cli;
mod plan_focus;
mod pty;
mod review;
mod run_cli;
mod schema;
mod serve_browser;
mod serve_http;
mod serve_load;
mod spec_concepts;
mod structure;
mod terminal_safety;
mod track;
mod trainer;
mod trainer_details;
mod trainer_mistakes;
mod trainer_review;
mod trainer_share;
mod trainer_texts;
