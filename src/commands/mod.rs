//! One module per subcommand.

pub mod batch;
pub mod compare;
pub mod explain;
pub mod lint;
pub mod make_plan;
pub mod new_pack;
pub mod pack_test;
pub mod review;
pub mod rules;
pub mod run;
pub mod serve;
pub mod session;
pub mod share;
pub mod show;
pub mod texts;
pub mod track;
pub mod workshop;
