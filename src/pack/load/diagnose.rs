//! Why a file is not read as a pack, worded for the reader: TOML and schema errors with advice,
//! answers files and entries that are not files among pack files, and the pack a broken file
//! still says it belongs to.

use std::path::Path;

use super::LoadProblem;
use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::Lang;
use crate::source::{FileId, Loc};
use crate::text::LocalText;
use crate::toml_message::{self, OwnTypes};
use crate::toml_syntax;
use crate::value::RawAnswer;

/// The warning for an entry named `*.toml` in a rules folder that is not a file that can be
/// read (a dangling or looping link, a pipe…): it is skipped, but not in silence.
pub(super) fn not_a_file(path: &Path, what: crate::source::NotAFile, lang: Lang) -> Diagnostic {
    LoadProblem::NotAFile {
        path: path.display().to_string(),
        what,
    }
    .unplaced(lang)
}

/// The pack a file that does not parse says it belongs to (`[pack] id` or `extends`), when
/// that can still be read.
pub(super) fn claimed_pack(text: &str) -> Option<String> {
    if let Ok(table) = toml::from_str::<toml::Table>(text) {
        let id = table
            .get("pack")
            .and_then(|p| p.get("id"))
            .or_else(|| table.get("extends"));
        return id.and_then(toml::Value::as_str).map(str::to_string);
    }
    text.lines().find_map(|line| {
        let value = line.trim().strip_prefix("extends")?.trim_start();
        let value = value.strip_prefix('=')?.trim();
        let value = value.strip_prefix('"')?;
        value.split('"').next().map(str::to_string)
    })
}

/// Whether `text` is an answers file (an `[answers]` table, `pack = "…"` as a string) rather
/// than a pack file: the questionnaire saves them to the current folder, which may be a pack's.
pub(super) fn is_answers_file(text: &str) -> bool {
    toml::from_str::<toml::Table>(text).is_ok_and(|table| {
        table.get("answers").is_some_and(toml::Value::is_table)
            && table.get("pack").is_none_or(toml::Value::is_str)
    })
}

/// The warning for an answers file found among pack files: it is skipped, not read as a pack.
pub(super) fn answers_file_skipped(file: FileId, name: &str, lang: Lang) -> Diagnostic {
    LoadProblem::AnswersFileSkipped {
        name: name.to_string(),
    }
    .diagnostic(Loc::new(file, 0..0), lang)
}

/// Turns a TOML or schema error into a located diagnostic, worded in `lang`, with advice such
/// as "did you mean" for unknown keys (see [`crate::toml_message`]).
pub fn toml_error(e: &toml::de::Error, file: FileId, text: &str, lang: Lang) -> Diagnostic {
    let own = OwnTypes {
        text: LocalText::EXPECTING,
        answer: RawAnswer::EXPECTING,
    };
    let span = e.span().unwrap_or(0..0);
    if let Some(mistake) = toml_syntax::diagnose(text, span.clone(), e.message().trim(), lang) {
        let problem = LoadProblem::NotToml {
            message: mistake.message,
            help: mistake.help,
        };
        return problem.diagnostic(Loc::new(file, mistake.span), lang);
    }
    let explained = toml_message::explain(e.message().trim(), lang, own);
    let span = if span.is_empty() && span.start < text.len() {
        span.start..span.start + 1
    } else {
        span
    };
    LoadProblem::NotToml {
        message: explained.message,
        help: explained.help,
    }
    .diagnostic(Loc::new(file, span), lang)
}
