//! One module per subcommand.

pub mod batch;
pub mod explain;
pub mod lint;
pub mod pack_test;
pub mod plan;
pub mod rules;
pub mod run;
pub mod scaffold;
pub mod session;
pub mod show;
pub mod workshop;
