//! Helpers shared by the integration tests: a `fulcrum` command isolated from the developer's
//! environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use assert_cmd::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path below the repository root.
pub fn path(rel: &str) -> PathBuf {
    root().join(rel)
}

/// A folder of `kind` (`pack-cache`, `state`) for the running test only
/// (`$CARGO_TARGET_TMPDIR/KIND/integration/MODULE/TEST`), emptied the first time the test asks
/// for it: results never depend on what other tests, or earlier runs, put there. Each test
/// runs on a thread named after it (`compare::json_en`), and all the tests share one process
/// (tests/lib.rs); `cargo nextest` runs each test in a process of its own.
fn private_dir(kind: &str) -> PathBuf {
    static EMPTIED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("unnamed");
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    // `integration-3edc654203591c20`: the same folder after the binary is rebuilt.
    let binary = binary.rsplit_once('-').map_or(&*binary, |(name, _)| name);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(kind)
        .join(binary)
        .join(test.replace("::", "/"));
    let mut emptied = EMPTIED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !emptied.contains(&dir) {
        let _ = std::fs::remove_dir_all(&dir);
        emptied.push(dir.clone());
    }
    dir
}

/// The pack cache folder of the running test ([`private_dir`]).
pub fn private_cache() -> PathBuf {
    private_dir("pack-cache")
}

/// The state (drafts) folder of the running test ([`private_dir`]).
pub fn private_state() -> PathBuf {
    private_dir("state")
}

/// The `fulcrum` binary as a plain process, isolated from the developer's environment and
/// from the other tests: no user configuration, no language settings, a pack cache and a
/// drafts folder of the test's own, and the repository as the working directory. Every helper
/// that starts fulcrum starts from this one (the tests share one process, so nothing is set
/// in this process's environment: it is all given to the child).
pub fn command() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_fulcrum"));
    cmd.current_dir(root())
        .env_remove("FULCRUM_LANG")
        .env_remove("FULCRUM_RULES")
        .env_remove("FULCRUM_NO_CACHE")
        .env("XDG_CACHE_HOME", private_cache())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("HOME", root().join("target").join("no-home"))
        .env("XDG_CONFIG_HOME", root().join("tests/fixtures/no-config"))
        .env("XDG_STATE_HOME", private_state());
    cmd
}

/// [`command`] with `assert_cmd`'s conveniences.
pub fn fulcrum() -> Command {
    Command::from_std(command())
}

/// [`fulcrum`] with English messages.
pub fn fulcrum_en() -> Command {
    let mut cmd = fulcrum();
    cmd.args(["--lang", "en"]);
    cmd
}

/// `fulcrum` with the mini fixture pack loaded.
pub fn with_mini() -> Command {
    let mut cmd = fulcrum();
    cmd.args(["--rules", "tests/fixtures/packs/mini"]);
    cmd
}

/// Standard error of a finished command as text.
pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output of a finished command as text.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Whether a path exists (for clarity in assertions).
pub fn exists(p: &Path) -> bool {
    p.exists()
}

/// Runs `rules lint` as `cmd` says and asserts it is clean: exit 0, the summary line only.
pub fn assert_lint_clean(cmd: &mut Command, context: &str) {
    let lint = cmd.output().expect("fulcrum runs");
    assert_eq!(
        (
            lint.status.code(),
            stderr_of(&lint).as_str(),
            stdout_of(&lint).as_str()
        ),
        (Some(0), "0 error(s), 0 warning(s)\n", ""),
        "{context}"
    );
}
