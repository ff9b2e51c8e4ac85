//! The `fulcrum` binary: runs the command line and turns the outcome into an exit code.

use std::io::Write;
use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: loading a pack makes and frees many small strings and
/// maps, and glibc spent about a quarter of a large plan's time in malloc/free (consolidating
/// and unlinking chunks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    use fulcrum::error::Exit;
    use fulcrum::output::is_stderr_failure;
    // The hook itself never panics (a second panic would abort): it writes with `let _`, and
    // says nothing when the panic is that standard error could not be written.
    std::panic::set_hook(Box::new(|info| {
        if panic_message(info.payload()).is_some_and(is_stderr_failure) {
            return;
        }
        let _ = writeln!(
            std::io::stderr(),
            "fulcrum: internal error: {info}\nThis is a bug in fulcrum; please report it with the command you ran."
        );
    }));
    match std::panic::catch_unwind(fulcrum::app::run) {
        Ok(code) => code,
        Err(payload) => {
            if panic_message(&*payload).is_some_and(is_stderr_failure) {
                ExitCode::from(Exit::Output as u8)
            } else {
                ExitCode::from(Exit::Internal as u8)
            }
        }
    }
}

/// The text a panic was raised with, when it was raised with text.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> Option<&str> {
    payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
}
