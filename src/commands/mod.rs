//! One module per subcommand.

pub mod lint;
pub mod pack_test;
pub mod plan;
pub mod rules;
