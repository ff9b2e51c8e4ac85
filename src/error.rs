//! Failures a run can end with, and the exit code of each (see `docs/exit-codes.md`).

use std::process::ExitCode;

use crate::lang::Lang;
use crate::tr;

/// How a run ended, as an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything worked.
    Success = 0,
    /// Lint found warnings only, or some files of a batch failed.
    Findings = 1,
    /// The command line was wrong (clap uses 2 as well).
    Usage = 2,
    /// A rule pack is invalid.
    InvalidPack = 3,
    /// An answers file is invalid.
    InvalidAnswers = 4,
    /// An output file could not be written, or would be overwritten.
    Output = 5,
    /// A progress file is invalid.
    InvalidProgress = 6,
    /// The person stopped the run (Ctrl-C).
    Interrupted = 130,
    /// A bug in fulcrum.
    Internal = 70,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// A failure, with what to print.
#[derive(Debug)]
pub enum Failure {
    /// The problems were already printed (located diagnostics); only the exit code is left.
    Reported(Exit),
    /// A plain message still to print.
    Message {
        /// What went wrong and how to fix it.
        message: String,
        /// The exit code.
        exit: Exit,
    },
}

/// The line printed for a failure with a message: `error: …`, `错误：…`.
pub fn error_line(lang: Lang, message: &str) -> String {
    tr!(
        lang,
        "错误：{}",
        "error: {}",
        crate::terminal::sanitize(message)
    )
}

impl Failure {
    /// A plain failure.
    pub fn message(exit: Exit, message: impl Into<String>) -> Self {
        Failure::Message {
            message: message.into(),
            exit,
        }
    }

    /// The exit code.
    pub fn exit(&self) -> Exit {
        match self {
            Failure::Reported(exit) | Failure::Message { exit, .. } => *exit,
        }
    }
}
