//! The room: every participant's questionnaire in memory, each kept on disk as a draft after
//! every change, and the answers files written on submit.
//!
//! The questionnaire itself is [`crate::interview::machine`], the same as in the terminal; the
//! plan is made from the saved answers file exactly as `fulcrum plan` makes it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use jiff::civil::Date;

use super::drafts::{self, Draft};
use super::secret::{self, Secret};
use crate::answers::{Answers, Value, file};
use crate::engine;
use crate::interview::draft::{answers_toml, free_path};
use crate::interview::machine::{Interview, Position, Step};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::load::Catalog;
use crate::plan::Plan;
use crate::source::SourceMap;
use crate::tr;

/// Most participants one room takes (drafts on disk included); more are refused.
pub const MAX_PARTICIPANTS: usize = 2000;

/// Locks a mutex, going on with the data if another thread panicked while holding it (every
/// change is written to disk before the lock is released, so the data is never half-changed).
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One person answering.
#[derive(Debug)]
pub struct Participant {
    /// Their secret id.
    pub id: Secret,
    /// Their questionnaire.
    pub interview: Interview<'static>,
    /// The language they read.
    pub lang: Lang,
    /// The answers file, once submitted (a name in the room's folder).
    pub submitted: Option<String>,
}

/// What a participant did on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Answered the current question (`None` passes over an optional one).
    Answer(Option<Value>),
    /// Went back.
    Back,
    /// Picked a question to change from the review.
    Change(usize),
    /// Confirmed the review: write the answers file.
    Confirm,
}

/// Why an action did not move the questionnaire on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// An answer the question does not take, with the message to show.
    Invalid(String),
    /// The answers file could not be written; the message says why.
    NotSaved(String),
}

/// The room.
#[derive(Debug)]
pub struct Room {
    /// The packs (loaded once, kept for the life of the server).
    pub catalog: &'static Catalog,
    /// The pack answered.
    pub pack: &'static Pack,
    /// The folder answers files go to.
    pub dir: PathBuf,
    /// The folder drafts are kept in.
    drafts: PathBuf,
    /// The facilitator's token.
    pub token: Secret,
    /// First day of every plan's schedule.
    pub start: Date,
    /// Language of the facilitator's pages and of the room summary.
    pub ui: Lang,
    participants: Mutex<HashMap<u64, Arc<Mutex<Participant>>>>,
    /// Held while an answers file's name is chosen and the file written, so two
    /// participants with the same organization never get the same name.
    naming: Mutex<()>,
}

impl Room {
    /// Opens a room on `dir`, taking back the drafts left there by an earlier run. Returns
    /// the room and a message for each draft that could not be taken back.
    pub fn open(
        catalog: &'static Catalog,
        pack: &'static Pack,
        dir: &Path,
        start: Date,
        ui: Lang,
    ) -> std::io::Result<(Room, Vec<String>)> {
        let drafts_dir = dir.join(drafts::FOLDER);
        std::fs::create_dir_all(&drafts_dir)?;
        let room = Room {
            catalog,
            pack,
            dir: dir.to_path_buf(),
            drafts: drafts_dir,
            token: secret::new()?,
            start,
            ui,
            participants: Mutex::new(HashMap::new()),
            naming: Mutex::new(()),
        };
        let mut problems = Vec::new();
        let mut map = HashMap::new();
        for (path, loaded) in drafts::load_all(&room.drafts, ui)? {
            match loaded.and_then(|draft| room.restore(draft)) {
                Ok(p) => {
                    map.insert(p.id.key(), Arc::new(Mutex::new(p)));
                }
                Err(message) => problems.push(tr!(
                    ui,
                    "草稿 `{}` 未能恢复：{message}",
                    "draft `{}` not taken back: {message}",
                    path.display()
                )),
            }
        }
        *lock(&room.participants) = map;
        Ok((room, problems))
    }

    /// A participant from a draft on disk, at the place they left.
    fn restore(&self, draft: Draft) -> Result<Participant, String> {
        if draft.pack != self.pack.id {
            return Err(tr!(
                self.ui,
                "它属于规则包 `{}`",
                "it belongs to the pack `{}`",
                draft.pack
            ));
        }
        let id = Secret::parse(&draft.id)
            .ok_or_else(|| tr!(self.ui, "编号无效", "its id is not valid"))?;
        let (answers, skipped) = draft.answers(self.pack);
        let position = draft.position(self.pack);
        let (mut interview, _) = Interview::new(self.pack, answers);
        interview.decline(&skipped);
        let submitted = draft
            .submitted
            .filter(|name| drafts::is_plain_name(name) && self.dir.join(name).is_file());
        let position = match (position, &submitted) {
            (_, Some(_)) => Position::Done,
            (Position::Done, None) => Position::Review,
            (position, None) => position,
        };
        interview.resume_at(position);
        Ok(Participant {
            id,
            interview,
            lang: self.pack.resolve_lang(Some(draft.lang)),
            submitted,
        })
    }

    /// Starts a questionnaire for a new participant. `None` when the room is full.
    pub fn join(&self, lang: Lang) -> std::io::Result<Option<Secret>> {
        let id = secret::new()?;
        let (interview, _) = Interview::new(self.pack, vec![None; self.pack.questions.len()]);
        let participant = Participant {
            id: id.clone(),
            interview,
            lang: self.pack.resolve_lang(Some(lang)),
            submitted: None,
        };
        let mut all = lock(&self.participants);
        if all.len() >= MAX_PARTICIPANTS {
            return Ok(None);
        }
        self.save_draft(&participant)?;
        all.insert(id.key(), Arc::new(Mutex::new(participant)));
        Ok(Some(id))
    }

    /// The participant with this id, compared in constant time.
    pub fn participant(&self, id: &str) -> Option<Arc<Mutex<Participant>>> {
        let key = Secret::key_of(id);
        let found = lock(&self.participants).get(&key).cloned()?;
        let matches = lock(&found).id.matches(id);
        matches.then_some(found)
    }

    /// How many are answering and how many have submitted.
    pub fn counts(&self) -> (usize, usize) {
        let all: Vec<Arc<Mutex<Participant>>> =
            lock(&self.participants).values().cloned().collect();
        let submitted = all.iter().filter(|p| lock(p).submitted.is_some()).count();
        (all.len() - submitted, submitted)
    }

    /// The submitted answers files, by name.
    pub fn submitted(&self) -> Vec<(String, Lang)> {
        let all: Vec<Arc<Mutex<Participant>>> =
            lock(&self.participants).values().cloned().collect();
        let mut files: Vec<(String, Lang)> = all
            .iter()
            .filter_map(|p| {
                let p = lock(p);
                p.submitted.clone().map(|name| (name, p.lang))
            })
            .collect();
        files.sort();
        files
    }

    /// Sets the language a participant reads, and keeps it in the draft.
    pub fn set_lang(&self, participant: &mut Participant, lang: Lang) -> std::io::Result<()> {
        participant.lang = self.pack.resolve_lang(Some(lang));
        self.save_draft(participant)
    }

    /// Applies what a participant did, then keeps the draft on disk.
    pub fn act(&self, participant: &mut Participant, action: Action) -> Result<(), Refused> {
        let lang = participant.lang;
        let interview = &mut participant.interview;
        let io = |e: std::io::Error| {
            Refused::NotSaved(tr!(
                lang,
                "无法保存草稿：{e}",
                "the draft could not be saved: {e}"
            ))
        };
        match action {
            Action::Answer(value) => {
                if let Step::Ask(ask) = interview.step() {
                    let question = &self.pack.questions[ask.question];
                    if let Err(invalid) = interview.answer(value) {
                        return Err(Refused::Invalid(invalid.message(question, lang)));
                    }
                }
            }
            Action::Back => {
                interview.back();
            }
            Action::Change(q) => {
                interview.change(q);
            }
            Action::Confirm => {
                if participant.submitted.is_none() && interview.confirm() {
                    match self.write_answers(participant) {
                        Ok(name) => participant.submitted = Some(name),
                        Err(e) => {
                            participant.interview.resume_at(Position::Review);
                            return Err(Refused::NotSaved(tr!(
                                lang,
                                "无法保存答案文件：{e}。请再试一次，或告诉主持人。",
                                "the answers file could not be saved: {e}. Try again, or tell the facilitator."
                            )));
                        }
                    }
                }
            }
        }
        self.save_draft(participant).map_err(io)
    }

    /// Writes a participant's answers file into the room's folder under a new name.
    fn write_answers(&self, participant: &Participant) -> std::io::Result<String> {
        let lang = participant.lang;
        let today = crate::clock::today();
        let comment = tr!(
            lang,
            "fulcrum 答案文件，{today} 由 fulcrum workshop serve 保存。\n重新生成计划：fulcrum plan --answers 本文件",
            "fulcrum answers, saved by fulcrum workshop serve on {today}.\nMake the plan again: fulcrum plan --answers THIS-FILE"
        );
        let interview = &participant.interview;
        let text = answers_toml(
            self.pack,
            lang,
            interview.answers(),
            &interview.declined(),
            &comment,
        );
        let stem = file_stem(self.pack, interview.answers());
        let _naming = lock(&self.naming);
        let path = free_path(&self.dir, &stem, "toml");
        crate::output::replace_atomically(&path, text.as_bytes())?;
        Ok(path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()))
    }

    /// Keeps a participant's state on disk (atomically).
    fn save_draft(&self, participant: &Participant) -> std::io::Result<()> {
        let draft = Draft::of(self.pack, participant);
        let path = self
            .drafts
            .join(format!("{}.json", participant.id.file_stem()));
        crate::output::replace_atomically(&path, draft.to_json().as_bytes())
    }

    /// The plan of a submitted answers file in `lang`, made from the file on disk as
    /// `fulcrum --lang LANG plan --answers FILE` makes it.
    pub fn plan(&self, name: &str, lang: Option<Lang>) -> Result<Plan, String> {
        let ui = self.ui;
        let mut sources = SourceMap::new();
        let path = self.dir.join(name);
        let answers = file::read(&path, &mut sources, ui).map_err(|d| d.message)?;
        let (evaluation, _) = engine::resolve(self.pack, &answers.entries, answers.file, ui)
            .map_err(|d| {
                d.items()
                    .first()
                    .map_or_else(String::new, |d| d.message.clone())
            })?;
        let lang = self.pack.resolve_lang(lang.or(answers.lang));
        Ok(engine::assemble::build(
            self.pack,
            &evaluation,
            lang,
            self.start,
            &self.catalog.sources,
        ))
    }

    /// The text of a submitted answers file.
    pub fn answers_text(&self, name: &str) -> std::io::Result<String> {
        std::fs::read_to_string(self.dir.join(name))
    }
}

/// A readable file name for an answers file: the organization's name (letters and digits of
/// any script, other characters as `-`), else `participant`.
pub fn file_stem(pack: &Pack, answers: &Answers) -> String {
    let name = pack
        .organization
        .and_then(|q| match answers.get(q) {
            Some(Some(Value::Text(t))) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("");
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= 40 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "participant".to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::testing::mini;

    #[test]
    fn file_names_come_from_the_organization_and_stay_plain() {
        let pack = mini();
        let mut answers: Answers = vec![None; pack.questions.len()];
        assert_eq!(file_stem(&pack, &answers), "participant");
        answers[0] = Some(Value::Text("../Lakeside Care / 湖畔".into()));
        assert_eq!(file_stem(&pack, &answers), "Lakeside-Care-湖畔");
        answers[0] = Some(Value::Text("…".into()));
        assert_eq!(file_stem(&pack, &answers), "participant");
    }
}
