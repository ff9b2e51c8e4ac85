//! Answers files: reading them, checking every answer against the pack, and applying skip
//! logic, with every problem reported at once.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::condition::Var;
use crate::diagnostic::{Diagnostic, Diagnostics, Problem, SHOWN_PER_FILE, Worded};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::answer_problem::AnswersProblem;
use crate::pack::load::read_text;
use crate::source::{FileId, Loc, SourceMap};
use crate::value::RawAnswer;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswersFile {
    pack: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    skipped: Vec<Spanned<String>>,
    #[serde(default)]
    answers: BTreeMap<Spanned<String>, Spanned<RawAnswer>>,
}

/// An answers file as read, before it is checked against a pack.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    /// The file.
    pub file: FileId,
    /// `pack = "…"`, if given.
    pub pack: Option<(String, Loc)>,
    /// `lang = "…"`, if given.
    pub lang: Option<Lang>,
    /// `skipped = [ … ]`: optional questions passed over in the questionnaire, with where each
    /// id is. They have no answer; the questionnaire does not ask them again.
    pub skipped: Vec<(String, Loc)>,
    /// Each answer: question id, where the key is, the value.
    pub entries: Vec<(String, Loc, Spanned<RawAnswer>)>,
}

/// Reads and parses an answers file. Errors are located in the file.
pub fn read(path: &Path, sources: &mut SourceMap, lang: Lang) -> Result<AnswersFile, Diagnostic> {
    let text = read_text(path).map_err(|p| {
        AnswersProblem::Unreadable {
            reason: p.message(lang),
        }
        .restate(p.unplaced(lang), lang)
    })?;
    let file = sources.add(path.display().to_string(), Some(path), Arc::from(text));
    parse(file, sources, lang)
}

/// Parses an answers file already in the source map.
pub fn parse(file: FileId, sources: &SourceMap, lang: Lang) -> Result<AnswersFile, Diagnostic> {
    let text = &sources.get(file).text;
    let raw: RawAnswersFile = toml::from_str(text).map_err(|e| {
        let d = crate::pack::load::toml_error(&e, file, text, lang);
        AnswersProblem::NotToml {
            reason: d.message.clone(),
        }
        .restate(d, lang)
    })?;
    let file_lang = match &raw.lang {
        Some(l) => Some(l.get_ref().parse::<Lang>().map_err(|_| {
            AnswersProblem::UnknownLanguage {
                code: l.get_ref().clone(),
            }
            .diagnostic(Loc::new(file, l.span()), lang)
        })?),
        None => None,
    };
    let mut entries: Vec<(String, Loc, Spanned<RawAnswer>)> = raw
        .answers
        .into_iter()
        .map(|(k, v)| (k.get_ref().clone(), Loc::new(file, k.span()), v))
        .collect();
    entries.sort_by_key(|(_, loc, _)| loc.span.start);
    Ok(AnswersFile {
        file,
        pack: raw
            .pack
            .map(|p| (p.get_ref().clone(), Loc::new(file, p.span()))),
        lang: file_lang,
        skipped: raw
            .skipped
            .into_iter()
            .map(|id| (id.get_ref().clone(), Loc::new(file, id.span())))
            .collect(),
        entries,
    })
}

/// The questions listed under `skipped`, as indices. An id that is not a question of the pack
/// gets a warning and is left out: the list only spares the questionnaire a question.
pub fn skipped_questions(
    pack: &Pack,
    skipped: &[(String, Loc)],
    lang: Lang,
) -> (Vec<usize>, Diagnostics) {
    let mut questions = Vec::new();
    let mut diags = Diagnostics::new();
    for (id, loc) in skipped {
        if let Some(Var::Question(q)) = pack.var(id) {
            questions.push(q);
            continue;
        }
        let questions = (diags.items().len() < SHOWN_PER_FILE)
            .then(|| question_ids(pack).into_iter().map(str::to_string).collect());
        diags.push(
            AnswersProblem::UnknownSkipped {
                id: id.clone(),
                pack: pack.id.clone(),
                questions,
            }
            .diagnostic(loc.clone(), lang),
        );
    }
    (questions, diags)
}

/// The ids of the pack's questions, in pack order.
fn question_ids(pack: &Pack) -> Vec<&str> {
    pack.questions.iter().map(|q| q.id.as_str()).collect()
}
