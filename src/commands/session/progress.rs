//! The steps of following a plan that several commands share: reading the progress file of an
//! answers file, and saying what in it no longer matches the plan.

use std::path::{Path, PathBuf};

use super::Context;
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::progress::{self, Entry, Progress, file};
use crate::source::SourceMap;
use crate::terminal::sanitize;
use crate::tr;

/// The progress file of a plan, when there is one: `named` (`--progress`), else the file
/// beside `answers` if it exists; none with `--no-progress`. Its problems are printed (exit
/// code 6); a `--start` (`start_flag`) other than the date it records is warned about, since the
/// file's date is the one used.
pub fn recorded_progress(
    context: &Context,
    sources: &mut SourceMap,
    answers: &Path,
    named: Option<&Path>,
    no_progress: bool,
    start_flag: Option<&str>,
) -> Result<Option<(PathBuf, Progress)>, Failure> {
    let path = match (named, no_progress) {
        (_, true) => None,
        (Some(path), false) => Some(path.to_path_buf()),
        (None, false) => Some(progress::default_path(answers)).filter(|p| p.exists()),
    };
    let Some(path) = path else {
        return Ok(None);
    };
    let read = read_progress(context, sources, &path)?;
    warn_other_start(start_flag, &read, &path, context.ui);
    Ok(Some((path, read)))
}

/// Reads a progress file, printing every problem in it (exit code 6 when there are any).
pub fn read_progress(
    context: &Context,
    sources: &mut SourceMap,
    path: &Path,
) -> Result<Progress, Failure> {
    file::read(path, sources, context.ui).map_err(|diags| {
        context.report(sources, diags.items());
        let count = diags.items().iter().filter(|d| d.is_error()).count();
        eprintln!(
            "{}",
            sanitize(&tr!(
                context.ui,
                "进度文件 `{}` 有 {count} 个问题。",
                "{count} problem(s) in progress file `{}`.",
                path.display()
            ))
        );
        Failure::Reported(Exit::InvalidProgress)
    })
}

/// Lists on stderr the entries of a progress file that no action of the plan matches.
pub fn report_gone(gone: &[Entry], path: &Path, ui: Lang) {
    if gone.is_empty() {
        return;
    }
    let shown = path.display();
    eprintln!(
        "{}",
        sanitize(&tr!(
            ui,
            "`{shown}` 中有 {} 条记录已不在计划中（答案或规则包改了），仍保留在文件里：",
            "{} entr(ies) of `{shown}` no longer in the plan (the answers or the pack changed), kept in the file:",
            gone.len()
        ))
    );
    for e in gone {
        eprintln!(
            "  - {} ({}): {} {}",
            sanitize(&e.rule),
            sanitize(&e.concept),
            e.status.mark(),
            e.status.label(ui)
        );
    }
}

/// Says that an existing progress file keeps its start date when `--start` gives another.
pub fn warn_other_start(flag: Option<&str>, progress: &Progress, path: &Path, ui: Lang) {
    let Some(given) = flag else { return };
    if given == progress.start.to_string() {
        return;
    }
    eprintln!(
        "{}",
        sanitize(&tr!(
            ui,
            "警告：`{}` 记下的开始日期是 {}，计划仍按它排期；--start {given} 未使用（要改，请编辑该文件的 `start`）",
            "warning: `{}` records the start date {}, and the plan keeps it; --start {given} is not used (edit `start` in that file to change it)",
            path.display(),
            progress.start
        ))
    );
}
