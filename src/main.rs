//! The `fulcrum` binary: runs the command line and turns the outcome into an exit code.

use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: loading a pack makes and frees many small strings and
/// maps, and glibc spent about a quarter of a large plan's time in malloc/free (consolidating
/// and unlinking chunks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
