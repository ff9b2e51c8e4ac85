//! Drafts in `fulcrum run`: keeping the draft of a run on disk after every answer, and picking
//! a draft to continue with `--resume`.

use std::path::{Path, PathBuf};

use super::Seed;
use crate::answers::file;
use crate::error::{Exit, Failure};
use crate::interview::draft::{self, answers_toml, write_atomic};
use crate::interview::machine::Interview;
use crate::interview::prompt::{self, Reply, Screen};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::load::Catalog;
use crate::terminal::sanitize;
use crate::tr;

/// Keeps the draft of this run on disk after every answer.
pub(super) struct DraftKeeper {
    path: Option<PathBuf>,
    /// The drafts folder a new draft goes to.
    dir: Option<PathBuf>,
    /// Whether the draft on disk holds the latest answers.
    saved: bool,
    warned: bool,
}

impl DraftKeeper {
    pub(super) fn new(resumed: Option<PathBuf>, dir: Option<PathBuf>) -> Self {
        DraftKeeper {
            saved: resumed.is_some(),
            path: resumed,
            dir,
            warned: false,
        }
    }

    pub(super) fn save(&mut self, screen: &Screen, pack: &Pack, interview: &Interview<'_>) {
        let lang = screen.lang;
        let mut claimed = Ok(());
        if self.path.is_none() {
            match self
                .dir
                .as_ref()
                .map(|dir| draft::new_draft_path(dir, &pack.id))
            {
                Some(Ok(path)) => self.path = Some(path),
                Some(Err(e)) => claimed = Err(e.to_string()),
                None => {}
            }
        }
        let comment = tr!(
            lang,
            "fulcrum 草稿：用 `fulcrum run --resume` 继续回答。",
            "fulcrum draft: continue with `fulcrum run --resume`."
        );
        let result = match (&self.path, claimed) {
            (_, Err(e)) => Err(e),
            (Some(path), Ok(())) => write_atomic(
                path,
                &answers_toml(
                    pack,
                    lang,
                    interview.answers(),
                    &interview.declined(),
                    &comment,
                ),
            )
            .map_err(|e| e.to_string()),
            (None, Ok(())) => Err(tr!(
                lang,
                "没有 HOME 或 XDG_STATE_HOME",
                "neither HOME nor XDG_STATE_HOME is set"
            )),
        };
        self.saved = result.is_ok();
        if let (Err(e), false) = (result, self.warned) {
            self.warned = true;
            screen.say(&tr!(
                lang,
                "注意：无法保存草稿（{e}），停止后回答会丢失。",
                "note: the draft cannot be saved ({e}); answers will be lost if you stop."
            ));
        }
    }

    /// After Ctrl-C: says where the answers are and how to continue.
    pub(super) fn stopped(&self, screen: &Screen, answered: usize) -> Exit {
        let lang = screen.lang;
        eprintln!();
        match (&self.path, self.saved) {
            (Some(path), true) => {
                screen.say(&tr!(
                    lang,
                    "已停止。{answered} 个回答保存在草稿中：",
                    "Stopped. {answered} answer(s) are kept in the draft:"
                ));
                eprintln!("  {}", path.display());
                screen.say(&tr!(
                    lang,
                    "继续回答：fulcrum run --resume",
                    "To continue: fulcrum run --resume"
                ));
            }
            _ => screen.say(&tr!(
                lang,
                "已停止，没有需要保存的回答。",
                "Stopped; there were no answers to keep."
            )),
        }
        Exit::Interrupted
    }

    /// After the answers were saved: the draft is no longer needed.
    pub(super) fn discard(&self) {
        if let Some(path) = &self.path {
            let _ = std::fs::remove_file(path);
        }
    }

    /// After the answers were not saved: says where they still are.
    pub(super) fn kept(&self, screen: &Screen) {
        if let (Some(path), true) = (&self.path, self.saved) {
            screen.say(&tr!(
                screen.lang,
                "回答仍保存在草稿 {} 中。",
                "Your answers are still in the draft {}.",
                path.display()
            ));
        }
    }
}

/// Lets the person pick a draft (the only one is taken directly).
pub(super) fn pick_draft(
    screen: &Screen,
    catalog: &mut Catalog,
    drafts_dir: Option<&Path>,
) -> Result<Reply<Seed>, Failure> {
    let lang = screen.lang;
    let Some(dir) = drafts_dir else {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                lang,
                "找不到草稿文件夹：HOME 和 XDG_STATE_HOME 都没有设置",
                "no drafts folder: neither HOME nor XDG_STATE_HOME is set"
            ),
        ));
    };
    let mut drafts = Vec::new();
    let mut broken = 0usize;
    for (path, modified) in draft::list(dir) {
        match file::read(&path, &mut catalog.sources, lang) {
            Ok(file) => drafts.push((
                Seed {
                    file,
                    path,
                    is_draft: true,
                },
                modified,
            )),
            // A draft that cannot be read is named with what is wrong, never passed over.
            Err(d) => {
                broken += 1;
                eprintln!(
                    "{}
",
                    d.render(&catalog.sources, lang, screen.color)
                );
            }
        }
    }
    if drafts.is_empty() && broken > 0 {
        return Err(Failure::message(
            Exit::InvalidAnswers,
            tr!(
                lang,
                "{} 中的草稿都无法读取（见上）：修好或删除它们，或运行 `fulcrum run` 重新开始",
                "no draft in {} can be read (see above): fix or remove them, or start again with `fulcrum run`",
                dir.display()
            ),
        ));
    }
    if broken > 0 {
        screen.say(&tr!(
            lang,
            "无法读取的草稿（见上）不在列表中。",
            "Drafts that cannot be read (see above) are not offered."
        ));
    }
    if drafts.is_empty() {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                lang,
                "{} 中没有草稿；运行 `fulcrum run` 开始回答",
                "no drafts in {}; start with `fulcrum run`",
                dir.display()
            ),
        ));
    }
    if drafts.len() == 1 {
        return Ok(Reply::Value(drafts.remove(0).0));
    }
    let labels: Vec<String> = drafts
        .iter()
        .map(|(seed, modified)| draft_label(catalog, seed, *modified, lang))
        .collect();
    Ok(
        match prompt::pick(
            screen,
            &tr!(
                lang,
                "继续哪一份草稿？",
                "Which draft do you want to continue?"
            ),
            labels,
        )? {
            Reply::Value(i) => Reply::Value(drafts.swap_remove(i).0),
            Reply::Back => Reply::Back,
            Reply::Stop => Reply::Stop,
        },
    )
}

/// "2026-01-05 14:30 · Lakeside Care · mini · 4 answers"
fn draft_label(
    catalog: &Catalog,
    seed: &Seed,
    modified: std::time::SystemTime,
    lang: Lang,
) -> String {
    let pack_id = seed.file.pack.as_ref().map_or("?", |(p, _)| p.as_str());
    let organization_id = catalog
        .pack(pack_id)
        .and_then(|pack| pack.organization.map(|q| pack.questions[q].id.as_str()));
    let organization = seed
        .file
        .entries
        .iter()
        .find(|(id, _, _)| Some(id.as_str()) == organization_id)
        .and_then(|(_, _, v)| match v.get_ref() {
            crate::value::RawAnswer::Str(s) if !s.trim().is_empty() => Some(sanitize(s.trim())),
            _ => None,
        })
        .unwrap_or_else(|| tr!(lang, "（未填机构名）", "(no organization name)"));
    let count = seed.file.entries.len();
    tr!(
        lang,
        "{} · {organization} · {pack_id} · 已答 {count} 题",
        "{} · {organization} · {pack_id} · {count} answer(s)",
        draft::local_time(modified)
    )
}
