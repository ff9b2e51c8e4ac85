//! One module per subcommand.

pub mod batch;
pub mod explain;
pub mod plan;
pub mod rules;
pub mod workshop;
