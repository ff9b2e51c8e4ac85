//! The `fulcrum` binary: runs the command line and turns the outcome into an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "fulcrum: internal error: {info}\nThis is a bug in fulcrum; please report it with the command you ran."
        );
    }));
    match std::panic::catch_unwind(fulcrum::app::run) {
        Ok(code) => code,
        Err(_) => ExitCode::from(fulcrum::error::Exit::Internal as u8),
    }
}
