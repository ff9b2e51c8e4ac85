//! One module per subcommand.

pub mod plan;
pub mod rules;
pub mod run;
