//! Writing outputs: `-` is stdout; a file is never overwritten without `--force`, and is
//! written atomically (a temporary file in the same folder, then a rename), so a failed write
//! leaves the old file as it was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::tr;

/// Prints to standard output like `println!`, but a reader that went away (`| head`) is not
/// an error: the rest of the output is simply dropped instead of panicking.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::print_text(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// Writes text to standard output, ignoring a closed pipe (see [`outln!`](crate::outln)). Any
/// other failure (a full disk) is kept for [`stdout_failure`], so the run ends with
/// [`Exit::Output`] instead of success.
pub fn print_text(text: &str) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        note_stdout_error(e);
    }
}

/// The first failure to write to standard output, other than a closed pipe.
static STDOUT_FAILURE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Records a failure to write to standard output; a closed pipe is not one.
pub fn note_stdout_error(e: io::Error) {
    if e.kind() != io::ErrorKind::BrokenPipe {
        let _ = STDOUT_FAILURE.set(e.to_string());
    }
}

/// What went wrong writing to standard output with [`print_text`], if anything did.
pub fn stdout_failure() -> Option<&'static str> {
    STDOUT_FAILURE.get().map(String::as_str)
}

/// Whether a panic message is the one `eprintln!` raises when standard error cannot be
/// written: not a bug, but a failed output.
pub fn is_stderr_failure(panic_message: &str) -> bool {
    panic_message.starts_with("failed printing to stderr")
}

/// Where an output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A file.
    File(PathBuf),
}

impl Target {
    /// `-` or nothing is stdout; anything else is a file.
    pub fn from_flag(flag: Option<&Path>) -> Self {
        match flag {
            None => Target::Stdout,
            Some(p) if p.as_os_str() == "-" => Target::Stdout,
            Some(p) => Target::File(p.to_path_buf()),
        }
    }
}

/// Writes `text` to `target`. Fails with [`Exit::Output`] when the file exists and `force` is
/// off, or when it cannot be written; a broken pipe on stdout is not an error.
pub fn write(target: &Target, text: &str, force: bool, lang: Lang) -> Result<(), Failure> {
    match target {
        Target::Stdout => {
            let mut stdout = io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::message(
                    Exit::Output,
                    tr!(
                        lang,
                        "无法写到标准输出：{e}",
                        "cannot write to standard output: {e}"
                    ),
                )),
                _ => Ok(()),
            }
        }
        Target::File(path) => write_file(path, text.as_bytes(), force, lang),
    }
}

/// Writes a file atomically; see the module documentation. Without `force`, the file is
/// created only if nothing has that name, even when another run creates it at the same moment;
/// with `force`, only a regular file is replaced (never a pipe or a device), and it keeps its
/// permissions.
pub fn write_file(path: &Path, bytes: &[u8], force: bool, lang: Lang) -> Result<(), Failure> {
    let shown = path.display();
    if let Some(problem) = unusable_target(path, lang) {
        return Err(Failure::message(Exit::Output, problem));
    }
    let exists = || {
        Failure::message(
            Exit::Output,
            tr!(
                lang,
                "`{shown}` 已存在；加上 --force 才会覆盖",
                "`{shown}` already exists; add --force to replace it"
            ),
        )
    };
    if !force && fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    if force && fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(Failure::message(
            Exit::Output,
            tr!(
                lang,
                "`{shown}` 不是普通文件（而是管道、设备等）；--force 只会替换普通文件",
                "`{shown}` is not a regular file (a pipe, a device…); --force only replaces regular files"
            ),
        ));
    }
    let written = if force {
        replace_atomically(path, bytes)
    } else {
        create_atomically(path, bytes)
    };
    written.map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            return exists();
        }
        Failure::message(
            Exit::Output,
            tr!(
                lang,
                "无法写入 `{shown}`：{e}；原有文件（如有）保持不变",
                "cannot write `{shown}`: {e}; the old file, if any, is unchanged"
            ),
        )
    })
}

/// Why `path` cannot take a file at all, if it cannot: it is a folder, or its folder does not
/// exist (folders are not created: a mistyped folder name should not quietly make a new one).
pub fn unusable_target(path: &Path, lang: Lang) -> Option<String> {
    let shown = path.display();
    if path.is_dir() {
        return Some(tr!(
            lang,
            "`{shown}` 是一个文件夹；请给出文件名，例如 `{shown}/plan.html`",
            "`{shown}` is a folder; give a file name, such as `{shown}/plan.html`"
        ));
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.is_dir())?;
    let folder = folder.display();
    Some(tr!(
        lang,
        "文件夹 `{folder}` 不存在；请先创建它",
        "the folder `{folder}` does not exist; create it first"
    ))
}

/// How [`write_through_temp`] puts the file in place.
#[derive(Debug, Clone, Copy)]
struct How {
    /// Wait for the disk before the file takes its name.
    sync: bool,
    /// Replace a file of that name (else fail with `AlreadyExists`).
    replace: bool,
    /// Readable by the user only (mode 0600 on Unix).
    private: bool,
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader or a crash sees the old file or the new one, never half of one. On failure the
/// temporary file is removed and the old file is untouched. A replaced file keeps its
/// permissions.
pub fn replace_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_through_temp(
        path,
        bytes,
        How {
            sync: true,
            replace: true,
            private: false,
        },
    )
}

/// [`replace_atomically`] without waiting for the disk: for files whose loss after a crash
/// costs nothing but time (the pack cache, whose entries carry a checksum).
pub fn replace_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_through_temp(
        path,
        bytes,
        How {
            sync: false,
            replace: true,
            private: false,
        },
    )
}

/// [`replace_atomically`] for a file only the user may read (drafts hold people's answers).
pub fn replace_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_through_temp(
        path,
        bytes,
        How {
            sync: true,
            replace: true,
            private: true,
        },
    )
}

/// Like [`replace_atomically`], but fails with `AlreadyExists` when `path` exists, even when
/// another process creates it while this one writes: the complete file takes the name with a
/// hard link, which never replaces anything.
pub fn create_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_through_temp(
        path,
        bytes,
        How {
            sync: true,
            replace: false,
            private: false,
        },
    )
}

fn write_through_temp(path: &Path, bytes: &[u8], how: How) -> io::Result<()> {
    // Removed when dropped, so an error anywhere below leaves nothing behind.
    let mut temp = temp_file(path, how.private)?;
    temp.write_all(bytes)?;
    if how.sync {
        temp.as_file().sync_all()?;
    }
    if !how.replace {
        return persist_new(temp, path, bytes);
    }
    if !how.private
        && let Ok(old) = fs::metadata(path)
        && old.is_file()
    {
        fs::set_permissions(temp.path(), old.permissions())?;
    }
    temp.persist(path).map(drop).map_err(|e| e.error)
}

/// Gives the complete file `temp` the name `path` if nothing has it (`persist_noclobber`: a
/// rename that never replaces, or a hard link). On a file system that can do neither, the file
/// is written under its name with create-new instead.
fn persist_new(temp: NamedTempFile, path: &Path, bytes: &[u8]) -> io::Result<()> {
    match temp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(e.error),
        Err(_) => {
            let file = OpenOptions::new().write(true).create_new(true).open(path)?;
            fill(file, bytes, true)
        }
    }
}

/// Removes the temporary files (named `.NAME.PID.N.tmp` beside their target) that runs which ended before renaming them
/// left in `dir`: those of processes that no longer run, or, where that cannot be known, those
/// older than a day.
pub fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_file_pid) else {
            continue;
        };
        let stale = if Path::new("/proc/self").exists() {
            pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600)
        };
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in the name of a temporary file `.{name}.{pid}.{random}.tmp`.
fn temp_file_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let mut parts = rest.rsplitn(3, '.');
    let random = parts.next()?;
    let pid = parts.next()?;
    parts.next()?;
    if random.is_empty() || !random.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    pid.parse().ok()
}

fn fill(mut file: File, bytes: &[u8], sync: bool) -> io::Result<()> {
    file.write_all(bytes)?;
    if sync { file.sync_all() } else { Ok(()) }
}

/// A new temporary file beside `path`, hidden and named with this process's id (for
/// [`remove_stale_temp_files`]) and random letters; readable by the user only when `private`,
/// else created like any file (mode 0666 less the umask), not tempfile's default 0600.
fn temp_file(path: &Path, private: bool) -> io::Result<NamedTempFile> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy());
    let prefix = format!(".{name}.{}.", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(6);
    #[cfg(unix)]
    let mode = if private { 0o600 } else { 0o666 };
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(mode));
    #[cfg(not(unix))]
    let _ = private;
    builder.tempfile_in(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_not_a_file_name_even_with_force() {
        let dir = tempfile::tempdir().expect("temp dir");
        for force in [false, true] {
            let err = write_file(dir.path(), b"x", force, Lang::En).expect_err("refused");
            assert!(
                matches!(&err, Failure::Message { message, exit: Exit::Output } if message.contains("is a folder; give a file name")),
                "{err:?}"
            );
        }
    }

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.md");
        write_file(&path, b"old", false, Lang::En).unwrap();
        let err = write_file(&path, b"new", false, Lang::En).unwrap_err();
        assert_eq!(err.exit(), Exit::Output);
        assert!(matches!(&err, Failure::Message { message, .. } if message.contains("--force")));
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        write_file(&path, b"new", true, Lang::En).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a non-empty folder, so the final rename fails after the data is written.
        let path = dir.path().join("plan.md");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("keep"), "x").unwrap();
        let err = write_file(&path, b"new", true, Lang::En).unwrap_err();
        assert_eq!(err.exit(), Exit::Output);
        assert_eq!(fs::read_to_string(path.join("keep")).unwrap(), "x");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("plan.md")],
            "temporary file removed"
        );
    }

    #[test]
    fn a_missing_folder_is_an_output_error_that_says_nothing_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("plan.md");
        let err = write_file(&path, b"new", true, Lang::En).unwrap_err();
        assert_eq!(err.exit(), Exit::Output);
        assert!(
            matches!(&err, Failure::Message { message, .. }
                if message.contains("no-such-folder") && message.contains("does not exist")),
            "{err:?}"
        );
        assert!(!dir.path().join("no-such-folder").exists());
    }

    #[test]
    fn a_read_only_folder_keeps_the_old_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
        // Root may write anywhere: only check when the folder really is read-only.
        let writable = File::create(dir.path().join("probe")).is_ok();
        let result = write_file(&path, b"new", true, Lang::En);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        if !writable {
            let err = result.unwrap_err();
            assert_eq!(err.exit(), Exit::Output);
            assert!(
                matches!(&err, Failure::Message { message, .. } if message.contains("unchanged"))
            );
            assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        }
    }

    #[test]
    fn dash_is_stdout() {
        assert_eq!(Target::from_flag(Some(Path::new("-"))), Target::Stdout);
        assert_eq!(Target::from_flag(None), Target::Stdout);
        assert_eq!(
            Target::from_flag(Some(Path::new("a.md"))),
            Target::File("a.md".into())
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_the_usual_mode_and_drafts_the_owners_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |name: &str| {
            fs::metadata(dir.path().join(name))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        fs::write(dir.path().join("usual"), "x").unwrap();
        create_atomically(&dir.path().join("plan.md"), b"x").unwrap();
        replace_atomically(&dir.path().join("summary.md"), b"x").unwrap();
        replace_private(&dir.path().join("draft.json"), b"x").unwrap();
        assert_eq!(
            mode("plan.md"),
            mode("usual"),
            "like any file the user makes"
        );
        assert_eq!(mode("summary.md"), mode("usual"));
        assert_eq!(mode("draft.json"), 0o600);
    }

    #[test]
    fn create_atomically_never_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.md");
        create_atomically(&path, b"first").unwrap();
        let err = create_atomically(&path, b"second").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn temporary_files_are_known_by_the_process_id_in_their_name() {
        assert_eq!(temp_file_pid(".plan.md.4242.aB3xZ9.tmp"), Some(4242));
        assert_eq!(temp_file_pid(".plan.md.4242.0.tmp"), Some(4242));
        assert_eq!(temp_file_pid("plan.md.4242.aB3xZ9.tmp"), None);
        assert_eq!(temp_file_pid(".plan.md.x.aB3xZ9.tmp"), None);
        assert_eq!(temp_file_pid(".plan.md.4242..tmp"), None);
    }
}
