//! `fulcrum run --again FILE`: a re-assessment some months after the first. Every question is
//! asked again with the earlier answer preselected ([`Interview::again`]); the new answers go to
//! a new file beside the earlier one, which is never touched, and the run ends by saying how to
//! compare the two.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::shell_word;
use crate::error::{Exit, Failure};
use crate::interview::draft::free_path;
use crate::interview::prompt::{Reply, Screen};
use crate::lang::Lang;
use crate::terminal::sanitize;
use crate::tr;

/// The error for `--again` without a terminal: a re-assessment is confirmed question by question.
pub(super) fn no_terminal(lang: Lang) -> Failure {
    Failure::message(
        Exit::Usage,
        tr!(
            lang,
            "`--again` 需要在终端里运行（标准输入不是终端）：每道题都要由人重新确认。没有终端时，可以复制一份答案文件、改成现在的情况，再用 `fulcrum compare 旧文件 新文件` 比较",
            "`--again` needs a terminal (stdin is not a terminal): every answer is confirmed again by a person. Without one, copy the answers file, edit the copy to how things are now, and compare the two with `fulcrum compare OLD NEW`"
        ),
    )
}

/// Says, after the usual introduction, what a re-assessment does.
pub(super) fn intro(screen: &Screen, earlier: &Path) {
    let file = sanitize(&earlier.display().to_string());
    screen.say(&tr!(
        screen.lang,
        "再次评估：每道题都会重新问一遍，并预先选好 `{file}` 里的答案。情况没变就按回车保留，变了就改成现在的样子。新答案另存为新文件，原文件不变。",
        "Re-assessment: every question is asked again with the answer from `{file}` preselected. Press Enter to keep an answer that still holds, or change it to how things are now. The new answers are saved in a new file; `{file}` is kept as it is."
    ));
}

/// Where the new answers go: `STEM-YYYY-MM-DD.toml` beside the earlier file, numbered when the
/// name is taken. The date of an earlier re-assessment at the end of the stem is replaced, so
/// that `mine-2026-03-02.toml` is followed by `mine-2026-09-01.toml`.
pub(super) fn new_path(earlier: &Path, today: Date) -> PathBuf {
    // `mine.toml` has the empty folder: the new file is `mine-….toml`, not `./mine-….toml`.
    let dir = earlier.parent().unwrap_or(Path::new(""));
    let stem = earlier.file_stem().map_or_else(
        || "answers".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let stem = without_date(&stem);
    free_path(dir, &format!("{stem}-{today}"), "toml")
}

/// `stem` without a `-YYYY-MM-DD` at its end.
fn without_date(stem: &str) -> &str {
    let Some(split) = stem.len().checked_sub(11) else {
        return stem;
    };
    let date = stem.get(split..).and_then(|t| t.strip_prefix('-'));
    match (stem.get(..split), date) {
        (Some(head), Some(date)) if !head.is_empty() && crate::clock::is_iso_date(date) => head,
        _ => stem,
    }
}

/// Saves the new answers as a new file beside the earlier one (never replacing a file) and says
/// how to compare the two. When that folder cannot be written, asks for another name. The reply
/// says whether the answers were saved.
pub(super) fn save(screen: &Screen, earlier: &Path, text: &str) -> Result<Reply<bool>, Failure> {
    let lang = screen.lang;
    let today = crate::clock::today();
    eprintln!();
    let mut path = new_path(earlier, today);
    // Another process may take the free name first: then the next one is tried.
    for _ in 0..100 {
        match crate::output::create_atomically(&path, text.as_bytes()) {
            Ok(()) => {
                screen.say(&tr!(
                    lang,
                    "新的答案已保存：{}",
                    "The new answers are saved: {}",
                    sanitize(&path.display().to_string())
                ));
                how_to_compare(screen, earlier, &path);
                return Ok(Reply::Value(true));
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => path = new_path(earlier, today),
            Err(e) => {
                screen.say(&tr!(
                    lang,
                    "无法写入 `{}`：{e}。请换一个位置保存新答案，或按 Esc 放弃。",
                    "cannot write `{}`: {e}. Give another place for the new answers, or press Esc to give up.",
                    sanitize(&path.display().to_string())
                ));
                break;
            }
        }
    }
    let stem = path.file_stem().map_or_else(
        || format!("answers-{today}"),
        |s| s.to_string_lossy().into_owned(),
    );
    super::save_file(
        screen,
        &tr!(lang, "新答案的文件名：", "File name for the new answers:"),
        &stem,
        "toml",
        text,
    )
}

/// The closing lines: the earlier file is unchanged, and the command that compares the two (and
/// carries the progress over, when there is a progress file).
fn how_to_compare(screen: &Screen, earlier: &Path, later: &Path) {
    let lang = screen.lang;
    let shown = |p: &Path| shell_word(&sanitize(&p.display().to_string()));
    let carry = if crate::progress::default_path(earlier).is_file() {
        " --carry-progress"
    } else {
        ""
    };
    screen.say(&tr!(
        lang,
        "先前的答案 `{}` 没有改动。看看两次评估之间有什么变化：",
        "The earlier answers in `{}` are unchanged. To see what changed between the two assessments:",
        sanitize(&earlier.display().to_string())
    ));
    eprintln!(
        "  fulcrum compare{carry} {} {}",
        shown(earlier),
        shown(later)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_file_is_named_after_the_earlier_one_and_the_day() {
        let dir = tempfile::tempdir().unwrap();
        let earlier = dir.path().join("mine.toml");
        let today = jiff::civil::date(2026, 9, 1);
        assert_eq!(
            new_path(&earlier, today),
            dir.path().join("mine-2026-09-01.toml")
        );
        std::fs::write(dir.path().join("mine-2026-09-01.toml"), "").unwrap();
        assert_eq!(
            new_path(&earlier, today),
            dir.path().join("mine-2026-09-01-2.toml"),
            "a name that is taken is never reused"
        );
        let second = dir.path().join("mine-2026-03-02.toml");
        assert_eq!(
            new_path(&second, jiff::civil::date(2026, 12, 1)),
            dir.path().join("mine-2026-12-01.toml"),
            "the date of an earlier re-assessment is replaced"
        );
        assert_eq!(
            new_path(Path::new("mine.toml"), today),
            Path::new("mine-2026-09-01.toml")
        );
        assert_eq!(without_date("2026-03-02"), "2026-03-02");
    }
}
