//! The problems of finding and reading pack files (codes P001, P008, P010, P015 and P016 of
//! docs/lint-codes.md), as data: one variant per kind, with the paths and numbers it needs,
//! and the one place that gives each its code and severity and words it in each language.
//! Building a pack from the files it read reports [`crate::pack::build`]'s `PackProblem`s.

use super::{MAX_FILE_SIZE, MAX_FILES_PER_FOLDER, MAX_RULES_SIZE};
use crate::diagnostic::{Coded, Severity, Worded};
use crate::lang::Lang;
use crate::source::NotAFile;
use crate::tr;

/// A problem found while finding, reading or sorting pack files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// A file that is not valid TOML or not a pack file's shape, worded already by the TOML
    /// reader's explanations ([`crate::toml_syntax`], [`crate::toml_message`]).
    NotToml {
        /// What is wrong, in the reader's language.
        message: String,
        /// How to fix it, in the reader's language.
        help: Vec<String>,
    },
    /// A file that does not say which pack it belongs to.
    NoPackId {
        /// The file's name.
        name: String,
    },
    /// The pack files read in one run passed [`MAX_RULES_SIZE`].
    TooMuchRules {
        /// The first file not read.
        path: String,
    },
    /// A rules path that does not exist.
    NoSuchPath {
        /// The path as given.
        place: String,
    },
    /// A folder with more than [`MAX_FILES_PER_FOLDER`] `.toml` files.
    TooManyFiles {
        /// The folder.
        folder: String,
        /// How many `.toml` files it holds.
        count: usize,
    },
    /// A file that cannot be read.
    Unreadable {
        /// The file.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// A file larger than [`MAX_FILE_SIZE`].
    TooLarge {
        /// The file.
        path: String,
        /// Its size in bytes, when the file system said it; `None` when reading passed the
        /// limit.
        size: Option<u64>,
    },
    /// A file that is not UTF-8 text.
    NotUtf8 {
        /// The file.
        path: String,
        /// The byte where it stops being UTF-8.
        at: usize,
    },
    /// An answers file among pack files, skipped.
    AnswersFileSkipped {
        /// The file's name.
        name: String,
    },
    /// An entry named `*.toml` that is not a file that can be read, skipped.
    NotAFile {
        /// The entry.
        path: String,
        /// What it is.
        what: NotAFile,
    },
}

impl Coded for LoadProblem {
    /// The stable code documented in docs/lint-codes.md.
    fn code(&self) -> &'static str {
        use LoadProblem::*;
        match self {
            NotToml { .. } => "P001",
            NoPackId { .. } => "P008",
            TooMuchRules { .. }
            | NoSuchPath { .. }
            | TooManyFiles { .. }
            | Unreadable { .. }
            | TooLarge { .. }
            | NotUtf8 { .. } => "P010",
            AnswersFileSkipped { .. } => "P015",
            NotAFile { .. } => "P016",
        }
    }

    /// Whether the problem stops a pack from being used; the files skipped are warnings.
    fn severity(&self) -> Severity {
        match self {
            LoadProblem::AnswersFileSkipped { .. } | LoadProblem::NotAFile { .. } => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

impl Worded for LoadProblem {
    /// What is wrong, in one line.
    fn message(&self, lang: Lang) -> String {
        use LoadProblem::*;
        match self {
            NotToml { message, .. } => message.clone(),
            NoPackId { name } => tr!(
                lang,
                "`{name}` 没有说明属于哪个规则包",
                "`{name}` does not say which pack it belongs to"
            ),
            TooMuchRules { path } => tr!(
                lang,
                "规则文件合计超过上限 {MAX_RULES_SIZE} 字节：从 `{path}` 起的文件不再读取",
                "pack files together pass the limit of {MAX_RULES_SIZE} bytes: `{path}` and the files after it are not read"
            ),
            NoSuchPath { place } => tr!(
                lang,
                "找不到规则路径 `{place}`",
                "rules path `{place}` does not exist"
            ),
            TooManyFiles { folder, count } => tr!(
                lang,
                "`{folder}` 中有 {count} 个 .toml 文件，最多读取 {MAX_FILES_PER_FOLDER} 个",
                "`{folder}` holds {count} .toml files; at most {MAX_FILES_PER_FOLDER} are read"
            ),
            Unreadable { path, reason } => tr!(
                lang,
                "无法读取 `{path}`：{reason}",
                "cannot read `{path}`: {reason}"
            ),
            TooLarge { path, size } => {
                let size = match size {
                    Some(size) => size.to_string(),
                    None => tr!(lang, "超过 {MAX_FILE_SIZE}", "over {MAX_FILE_SIZE}"),
                };
                tr!(
                    lang,
                    "`{path}` 有 {size} 字节，超过上限 {MAX_FILE_SIZE} 字节",
                    "`{path}` is {size} bytes, more than the limit of {MAX_FILE_SIZE}"
                )
            }
            NotUtf8 { path, at } => tr!(
                lang,
                "`{path}` 不是 UTF-8 文本（第 {at} 字节处）",
                "`{path}` is not UTF-8 text (at byte {at})"
            ),
            AnswersFileSkipped { name } => tr!(
                lang,
                "`{name}` 是答案文件，不是规则包文件：已跳过",
                "`{name}` is an answers file, not a pack file: skipped"
            ),
            NotAFile { path, what } => tr!(
                lang,
                "`{path}` 是{}，不是规则包文件：已跳过",
                "`{path}` is {}, not a pack file: skipped",
                what.describe(lang)
            ),
        }
    }

    /// The label under the caret; empty for the problems of no place in a file.
    fn label(&self, lang: Lang) -> String {
        use LoadProblem::*;
        match self {
            NotToml { .. } | NoPackId { .. } => tr!(lang, "这里", "here"),
            AnswersFileSkipped { .. } => tr!(lang, "答案文件", "an answers file"),
            TooMuchRules { .. }
            | NoSuchPath { .. }
            | TooManyFiles { .. }
            | Unreadable { .. }
            | TooLarge { .. }
            | NotUtf8 { .. }
            | NotAFile { .. } => String::new(),
        }
    }

    /// How to fix it. Empty lines are left out when the diagnostic is made.
    fn help(&self, lang: Lang) -> Vec<String> {
        use LoadProblem::*;
        let line = match self {
            NotToml { help, .. } => return help.clone(),
            Unreadable { .. } => return Vec::new(),
            NoPackId { .. } => tr!(
                lang,
                "加上 [pack]，或写 `extends = \"community-dependence\"`",
                "add [pack], or `extends = \"community-dependence\"`"
            ),
            TooMuchRules { .. } => tr!(
                lang,
                "--rules、FULCRUM_RULES 和用户规则文件夹应只放规则包",
                "point --rules, FULCRUM_RULES and the user's rules folder at packs only"
            ),
            NoSuchPath { .. } => tr!(
                lang,
                "--rules 和 FULCRUM_RULES 需要规则包文件夹或 .toml 文件",
                "--rules and FULCRUM_RULES take a pack folder or a .toml file"
            ),
            TooManyFiles { .. } => tr!(
                lang,
                "--rules 应指向规则包文件夹，而不是任意文件夹",
                "point --rules at a pack folder, not an arbitrary folder"
            ),
            TooLarge { .. } => tr!(lang, "把规则包拆成几个文件", "split it into several files"),
            NotUtf8 { .. } => tr!(
                lang,
                "请用 UTF-8 编码另存这个文件",
                "save the file as UTF-8"
            ),
            AnswersFileSkipped { .. } => tr!(
                lang,
                "规则文件夹只放规则包：把答案文件移到别处（`fulcrum plan --answers 文件` 可以从任何地方读取它）",
                "keep rules folders for packs only: move the answers file elsewhere (`fulcrum plan --answers FILE` reads it from anywhere)"
            ),
            NotAFile { .. } => tr!(
                lang,
                "删除它，或让它指向一个真正的 .toml 文件",
                "remove it, or make it a real .toml file"
            ),
        };
        vec![line]
    }
}

#[cfg(test)]
pub(crate) mod tests;
