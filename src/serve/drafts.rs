//! Participants' drafts on disk: one small JSON file per participant in a hidden folder of the
//! answers folder, written atomically after every page, so a refresh, a closed tab or a server
//! restart (even a `kill -9`) resumes at the same question.
//!
//! Answers are kept by question id and checked again when read back, so a draft from another
//! version of the pack loses only the answers that no longer fit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::room::Participant;
use crate::answers::{Answers, Value};
use crate::interview::machine::Position;
use crate::interview::validate::validate;
use crate::lang::Lang;
use crate::pack::Pack;
use crate::tr;

/// The folder, inside the answers folder, drafts are kept in (hidden, so that `fulcrum plan
/// --answers DIR` and `workshop summary DIR` see only answers files).
pub const FOLDER: &str = ".fulcrum-drafts";

/// Largest draft file read back; a larger one is not a draft of ours.
const MAX_DRAFT_BYTES: u64 = 1 << 20;

/// Where the questionnaire stood, by question id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum At {
    /// At a question.
    Question {
        /// Its id.
        id: String,
        /// Whether it was picked from the review.
        from_review: bool,
    },
    /// At the review.
    Review,
    /// Submitted.
    Done,
}

/// One participant's draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The participant's id.
    pub id: String,
    /// The pack answered.
    pub pack: String,
    /// The language they read.
    pub lang: Lang,
    /// Answers by question id.
    pub answers: BTreeMap<String, Value>,
    /// Optional questions passed over.
    #[serde(default)]
    pub skipped: Vec<String>,
    /// Where they were.
    pub at: At,
    /// The answers file written on submit, a name in the answers folder.
    #[serde(default)]
    pub submitted: Option<String>,
}

impl Draft {
    /// The draft of a participant now.
    pub fn of(pack: &Pack, participant: &Participant) -> Draft {
        let interview = &participant.interview;
        let id = |q: usize| pack.questions[q].id.clone();
        Draft {
            id: participant.id.as_str().to_string(),
            pack: pack.id.clone(),
            lang: participant.lang,
            answers: interview
                .answers()
                .iter()
                .enumerate()
                .filter_map(|(q, v)| v.clone().map(|v| (id(q), v)))
                .collect(),
            skipped: interview.declined().into_iter().map(id).collect(),
            at: match interview.position() {
                Position::Question {
                    question,
                    from_review,
                } => At::Question {
                    id: id(question),
                    from_review,
                },
                Position::Review => At::Review,
                Position::Done => At::Done,
            },
            submitted: participant.submitted.clone(),
        }
    }

    /// The draft as written on disk.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The answers that still fit the pack, and the passed-over questions.
    pub fn answers(&self, pack: &Pack) -> (Answers, Vec<usize>) {
        let mut answers: Answers = vec![None; pack.questions.len()];
        for (id, value) in &self.answers {
            if let Some((q, question)) = pack.question(id)
                && validate(question, Some(value)).is_ok()
            {
                answers[q] = Some(value.clone());
            }
        }
        let skipped = self
            .skipped
            .iter()
            .filter_map(|id| pack.question(id).map(|(q, _)| q))
            .collect();
        (answers, skipped)
    }

    /// Where the participant was, in the pack's terms (an unknown question means the start).
    pub fn position(&self, pack: &Pack) -> Position {
        match &self.at {
            At::Question { id, from_review } => match pack.question(id) {
                Some((question, _)) => Position::Question {
                    question,
                    from_review: *from_review,
                },
                None => Position::Question {
                    question: 0,
                    from_review: false,
                },
            },
            At::Review => Position::Review,
            At::Done => Position::Done,
        }
    }
}

/// Whether a file name read from a draft is a plain name in the answers folder (no folder,
/// no hidden file).
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0'])
        && name.ends_with(".toml")
}

/// Every draft in `dir`, each read or with the reason it could not be.
pub fn load_all(dir: &Path, ui: Lang) -> std::io::Result<Vec<(PathBuf, Result<Draft, String>)>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|path| {
            let read = read(&path, ui);
            (path, read)
        })
        .collect())
}

fn read(path: &Path, ui: Lang) -> Result<Draft, String> {
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_DRAFT_BYTES {
        return Err(tr!(ui, "文件太大", "the file is too large"));
    }
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::testing::mini;

    #[test]
    fn answers_that_no_longer_fit_are_left_out() {
        let pack = mini();
        let draft = Draft {
            id: "0".repeat(32),
            pack: "mini".into(),
            lang: Lang::Zh,
            answers: BTreeMap::from([
                ("months_left".to_string(), Value::Number(12)),
                ("focus".to_string(), Value::Choice(9)),
                ("gone".to_string(), Value::Bool(true)),
            ]),
            skipped: vec!["org_name".into(), "gone".into()],
            at: At::Question {
                id: "who".into(),
                from_review: false,
            },
            submitted: None,
        };
        let back: Draft = serde_json::from_str(&draft.to_json()).unwrap();
        assert_eq!(back, draft);
        let (answers, skipped) = back.answers(&pack);
        assert_eq!(answers.iter().flatten().count(), 1);
        assert_eq!(skipped, [0]);
        assert_eq!(
            back.position(&pack),
            Position::Question {
                question: 4,
                from_review: false
            }
        );
    }

    #[test]
    fn only_plain_names_are_taken_from_drafts() {
        assert!(is_plain_name("Lakeside-2.toml"));
        for bad in ["../x.toml", ".hidden.toml", "a/b.toml", "x.json", ""] {
            assert!(!is_plain_name(bad), "{bad}");
        }
    }
}
