//! The problems of progress files (codes G001–G003 of docs/lint-codes.md) as data: one variant
//! per kind, with the values it needs, and the one place that gives each its code and words it
//! in each language. [`super::file`] reports these.

use crate::diagnostic::{Coded, Diagnostic, Worded, did_you_mean};
use crate::lang::Lang;
use crate::plan::Status;
use crate::tr;

/// A problem of a progress file. Every one is an error: the file is not used until it is fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressProblem {
    /// The file cannot be read (the loader's message is kept).
    Unreadable {
        /// What the loader said.
        reason: String,
    },
    /// The file is not valid TOML or not a progress file's shape (the TOML message is kept).
    NotToml {
        /// What the TOML reader said.
        reason: String,
    },
    /// A `status` that is not one of todo, doing, done or dropped.
    UnknownStatus {
        /// The status as written.
        given: String,
    },
    /// A date that is not `YYYY-MM-DD`.
    InvalidDate {
        /// The date as written.
        given: String,
    },
    /// Two entries for the same action of the same rule.
    DuplicateEntry {
        /// The rule.
        rule: String,
        /// The action's concept.
        concept: String,
        /// Where the first entry is (`file:line:column`).
        first: String,
    },
}

impl Coded for ProgressProblem {
    /// The stable code documented in docs/lint-codes.md.
    fn code(&self) -> &'static str {
        use ProgressProblem::*;
        match self {
            Unreadable { .. } | NotToml { .. } => "G001",
            UnknownStatus { .. } | InvalidDate { .. } => "G002",
            DuplicateEntry { .. } => "G003",
        }
    }
}

impl Worded for ProgressProblem {
    /// What is wrong, in one line.
    fn message(&self, lang: Lang) -> String {
        use ProgressProblem::*;
        match self {
            Unreadable { reason } | NotToml { reason } => reason.clone(),
            UnknownStatus { given } => {
                tr!(lang, "未知的状态 `{given}`", "unknown status `{given}`")
            }
            InvalidDate { given } => tr!(lang, "日期 `{given}` 无效", "`{given}` is not a date"),
            DuplicateEntry { rule, concept, .. } => tr!(
                lang,
                "规则 `{rule}` 的行动 `{concept}` 有两条记录",
                "two entries for the action `{concept}` of rule `{rule}`"
            ),
        }
    }

    /// The label under the caret.
    fn label(&self, lang: Lang) -> String {
        use ProgressProblem::*;
        match self {
            // The loader's and the TOML reader's labels are kept (`restate`).
            Unreadable { .. } | NotToml { .. } => String::new(),
            UnknownStatus { .. } => tr!(
                lang,
                "应为 todo、doing、done 或 dropped",
                "expected todo, doing, done or dropped"
            ),
            InvalidDate { .. } => tr!(lang, "应为 YYYY-MM-DD", "expected YYYY-MM-DD"),
            DuplicateEntry { .. } => tr!(lang, "第二条", "the second"),
        }
    }

    /// How to fix it.
    fn help(&self, lang: Lang) -> Vec<String> {
        use ProgressProblem::*;
        let line = match self {
            Unreadable { .. } => return Vec::new(),
            NotToml { .. } => tr!(
                lang,
                "进度文件的格式：`start = \"YYYY-MM-DD\"`，然后每条行动一个 [[action]] 表，含 `rule`、`concept`、`status`（todo、doing、done 或 dropped），可选 `date`、`note`、`observed`；见 docs/follow-through.md",
                "a progress file holds `start = \"YYYY-MM-DD\"`, then one [[action]] table per action with `rule`, `concept`, `status` (todo, doing, done or dropped), and optionally `date`, `note` and `observed`; see docs/follow-through.md"
            ),
            UnknownStatus { given } => match did_you_mean(given, Status::ALL.map(Status::id)) {
                Some(near) => tr!(lang, "是不是 `{near}`？", "did you mean `{near}`?"),
                None => tr!(
                    lang,
                    "状态可以是 todo（未开始）、doing（进行中）、done（已完成）或 dropped（已放弃）",
                    "a status is todo, doing, done or dropped"
                ),
            },
            InvalidDate { .. } => tr!(
                lang,
                "日期写成 \"2026-01-05\" 这样，带引号",
                "write dates as \"2026-01-05\", in quotes"
            ),
            DuplicateEntry { first, .. } => tr!(
                lang,
                "第一条在 {first}；请把两条合成一条",
                "the first is at {first}; merge them into one"
            ),
        };
        vec![line]
    }
}

impl ProgressProblem {
    /// A diagnostic of the loader or the TOML reader, said again as this problem: its code
    /// becomes this problem's and this problem's help is added; its message, place, label and
    /// help stay.
    pub fn restate(&self, mut diagnostic: Diagnostic, lang: Lang) -> Diagnostic {
        diagnostic.code = self.code();
        diagnostic.help.extend(self.help(lang));
        diagnostic
    }
}

#[cfg(test)]
pub(crate) mod tests;
