//! The answers files a command is given: one file, or the `*.toml` files of a folder (a batch,
//! a workshop's summary).

use std::path::Path;

use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::source::{TomlEntries, toml_entries};
use crate::terminal::sanitize;
use crate::tr;

/// The answers files given: the `*.toml` files of a folder (sorted by name), or the one file.
/// Entries named `*.toml` that are not files that can be read (a dangling or looping link, a
/// pipe…) are reported each, and counted as failed files of the batch.
pub type AnswersFiles = TomlEntries;

impl AnswersFiles {
    /// How many `*.toml` entries there are, files or not.
    pub fn total(&self) -> usize {
        self.files.len() + self.not_files.len()
    }

    /// Prints the warning for each entry that is not a file, with `then` (what becomes of it).
    pub fn report_not_files(&self, ui: Lang, then: &str) {
        for (path, what) in &self.not_files {
            eprintln!(
                "{}",
                sanitize(&tr!(
                    ui,
                    "警告：`{}` 是{}，不是答案文件：{then}",
                    "warning: `{}` is {}, not an answers file: {then}",
                    path.display(),
                    what.describe(ui)
                ))
            );
        }
    }
}

/// The answers files of a folder (`*.toml`, sorted by name), or the one file given.
pub fn answers_files(path: &Path, ui: Lang) -> Result<AnswersFiles, Failure> {
    if !path.is_dir() {
        return Ok(AnswersFiles {
            files: vec![path.to_path_buf()],
            not_files: Vec::new(),
        });
    }
    let mut entries = toml_entries(path).map_err(|e| {
        Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "无法读取文件夹 `{}`：{e}",
                "cannot read the folder `{}`: {e}",
                path.display()
            ),
        )
    })?;
    // Progress files sit beside their answers files: they are not answers.
    entries
        .files
        .retain(|f| !crate::progress::is_progress_file(f));
    entries
        .not_files
        .retain(|(f, _)| !crate::progress::is_progress_file(f));
    if entries.files.is_empty() && entries.not_files.is_empty() {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "文件夹 `{}` 中没有答案文件（*.toml）",
                "no answers files (*.toml) in the folder `{}`",
                path.display()
            ),
        ));
    }
    Ok(entries)
}
