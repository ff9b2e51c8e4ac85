//! One module per subcommand.

pub mod lint;
pub mod plan;
pub mod rules;
