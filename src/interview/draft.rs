//! Keeping answers on disk: answers files written atomically, and drafts in the user's state
//! folder (`$XDG_STATE_HOME/fulcrum/drafts`, else `~/.local/state/fulcrum/drafts`).
//!
//! A draft is an ordinary answers file, so it can also be given to `fulcrum plan` or
//! `fulcrum run --answers`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::answers::Answers;
use crate::lang::Lang;
use crate::pack::Pack;

/// An answers file as text: `pack`, `lang`, the optional questions passed over (`skipped`,
/// when there are any) and `[answers]` in question order, after a comment saying what the
/// file is.
pub fn answers_toml(
    pack: &Pack,
    lang: Lang,
    answers: &Answers,
    skipped: &[usize],
    comment: &str,
) -> String {
    let mut out = String::new();
    for line in comment.lines() {
        let _ = writeln!(out, "# {line}");
    }
    let _ = writeln!(out, "pack = {}", toml::Value::String(pack.id.clone()));
    let _ = writeln!(out, "lang = \"{}\"", lang.code());
    if !skipped.is_empty() {
        let ids: Vec<String> = skipped
            .iter()
            .filter_map(|&q| pack.questions.get(q))
            .map(|q| toml::Value::String(q.id.clone()).to_string())
            .collect();
        let _ = writeln!(out, "skipped = [{}]", ids.join(", "));
    }
    let _ = writeln!(out, "\n[answers]");
    for (question, value) in pack.questions.iter().zip(answers) {
        if let Some(value) = value {
            let _ = writeln!(out, "{} = {}", key(&question.id), value.to_toml(question));
        }
    }
    out
}

/// A TOML key: bare when it can be, quoted otherwise.
fn key(id: &str) -> String {
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        id.to_string()
    } else {
        toml::Value::String(id.to_string()).to_string()
    }
}

/// Writes `text` to `path` atomically (see [`crate::output::replace_atomically`]), creating
/// the folder first. The file is readable by the user only: drafts hold people's answers.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    crate::output::replace_private(path, text.as_bytes())
}

/// A path in `dir` named `{stem}.{ext}`, or `{stem}-2.{ext}`, `{stem}-3.{ext}`… so that no
/// existing file is overwritten.
pub fn free_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.{ext}"));
    if !first.exists() {
        return first;
    }
    (2u32..)
        .map(|n| dir.join(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Creates an empty file for a new draft of `pack`, named after the pack and the time
/// (`-2`, `-3`… when taken), and returns its path. The name is taken with create-new, so two
/// runs that start a draft in the same second never share one.
pub fn new_draft_path(dir: &Path, pack: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let stem = format!("{pack}-{}", crate::clock::now().strftime("%Y%m%d-%H%M%S"));
    let names = std::iter::once(format!("{stem}.toml"))
        .chain((2u32..10_000).map(|n| format!("{stem}-{n}.toml")));
    let mut last = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
    for name in names {
        let path = dir.join(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// The drafts in `dir`, most recent first.
pub fn list(dir: &Path) -> Vec<(PathBuf, SystemTime)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut drafts: Vec<(PathBuf, SystemTime)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "toml")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .filter_map(|p| {
            let modified = p.metadata().and_then(|m| m.modified()).ok()?;
            Some((p, modified))
        })
        .collect();
    drafts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    drafts
}

/// A time as people read it in lists: `2026-01-05 14:30`, in the local time zone.
pub fn local_time(time: SystemTime) -> String {
    jiff::Timestamp::try_from(time)
        .map(|t| {
            t.to_zoned_datetime(crate::clock::time_zone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::file;
    use crate::interview::testing::mini;
    use crate::source::SourceMap;
    use crate::value::Value;

    #[test]
    fn drafts_started_in_the_same_second_get_their_own_files() {
        let dir = tempfile::tempdir().unwrap();
        let first = new_draft_path(dir.path(), "p").unwrap();
        let second = new_draft_path(dir.path(), "p").unwrap();
        assert_ne!(first, second);
        assert!(first.is_file() && second.is_file());
        write_atomic(&first, "x").unwrap();
        #[cfg(unix)]
        for path in [&first, &second] {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{}", path.display());
        }
    }

    #[test]
    fn answers_files_read_back_to_the_same_answers() {
        let pack = mini();
        let mut answers = vec![None; pack.questions.len()];
        answers[0] = Some(Value::Text("湖畔 \"Care\"".into()));
        answers[2] = Some(Value::Number(3));
        answers[4] = Some(Value::Choices(0b11));
        answers[5] = Some(Value::Bool(true));
        let text = answers_toml(&pack, Lang::Zh, &answers, &[1], "a draft\nsecond line");
        assert!(
            text.starts_with(
                "# a draft\n# second line\npack = \"mini\"\nlang = \"zh\"\nskipped = [\"focus\"]\n\n[answers]\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("who = [\"residents\", \"committee\"]"),
            "{text}"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("a.toml");
        write_atomic(&path, &text).unwrap();
        write_atomic(&path, &text).unwrap();
        let mut sources = SourceMap::default();
        let read = file::read(&path, &mut sources, Lang::En).unwrap();
        assert_eq!(read.pack.unwrap().0, "mini");
        assert_eq!(read.lang, Some(Lang::Zh));
        let ids: Vec<&str> = read.entries.iter().map(|(id, _, _)| id.as_str()).collect();
        assert_eq!(ids, ["org_name", "months_left", "who", "troubled"]);
        let skipped: Vec<&str> = read.skipped.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(skipped, ["focus"]);
        let (questions, warnings) = file::skipped_questions(&pack, &read.skipped, Lang::En);
        assert_eq!(questions, [1]);
        assert!(warnings.is_empty());
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_failed_write_keeps_the_previous_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.toml");
        write_atomic(&path, "old").unwrap();
        // A target that cannot be replaced (a folder with content): the rename fails, and the
        // temporary file is cleaned up.
        let blocked = dir.path().join("blocked.toml");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("x"), "x").unwrap();
        assert!(write_atomic(&blocked, "new").is_err());
        assert_eq!(std::fs::read_to_string(blocked.join("x")).unwrap(), "x");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names.len(),
            2,
            "no temporary file is left behind: {names:?}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        // A folder where the parent folder should be.
        let under_file = dir.path().join("answers.toml").join("draft.toml");
        assert!(write_atomic(&under_file, "new").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    }

    #[test]
    fn free_paths_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let first = free_path(dir.path(), "fulcrum-answers-2026-01-05", "toml");
        assert_eq!(
            first.file_name().unwrap(),
            "fulcrum-answers-2026-01-05.toml"
        );
        std::fs::write(&first, "").unwrap();
        let second = free_path(dir.path(), "fulcrum-answers-2026-01-05", "toml");
        assert_eq!(
            second.file_name().unwrap(),
            "fulcrum-answers-2026-01-05-2.toml"
        );
        std::fs::write(&second, "").unwrap();
        assert!(
            free_path(dir.path(), "fulcrum-answers-2026-01-05", "toml")
                .ends_with("fulcrum-answers-2026-01-05-3.toml")
        );
        assert_eq!(list(dir.path()).len(), 2);
        assert!(list(&dir.path().join("missing")).is_empty());
    }

    #[test]
    fn keys_are_quoted_only_when_needed() {
        assert_eq!(key("months_left"), "months_left");
        assert_eq!(key("a b"), "\"a b\"");
    }
}
