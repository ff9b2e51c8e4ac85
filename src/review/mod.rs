//! The review (复盘) report: the document for the review meeting at the end of a project,
//! printed by `fulcrum review`. It is built from a plan marked with its progress file
//! ([`crate::progress::apply`]), the entries of that file no longer in the plan, a
//! [`Comparison`] with an earlier assessment when there is one, and the pack's review
//! questions whose condition holds ([`crate::engine::Evaluation::review_questions`]).
//!
//! [`Report`] is the data the templates print; every text in it is already in the plan's
//! language, so the templates only lay it out. [`render`] prints it as Markdown or as a
//! print-ready A4 HTML page. See `docs/review-report.md`.

pub mod render;
pub mod words;

use serde::Serialize;

use crate::compare::{Comparison, MovedAction};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::ReviewQuestion;
use crate::plan::{ActionOut, Plan};
use crate::progress::{self, Entry, Status};
use crate::render::words::{indicator_text, project_end_text, window_text};

/// The report, as the templates receive it (`report`).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The language of the texts.
    pub lang: Lang,
    /// The organization's name, if the answers give it.
    pub organization: Option<String>,
    /// The pack's id, version and title.
    pub pack: crate::plan::PackInfo,
    /// The plan's first day (YYYY-MM-DD).
    pub start: String,
    /// When the project ends, as the plan's header says it; none without a timeline.
    pub project_end: Option<String>,
    /// The day the report is made (YYYY-MM-DD).
    pub date: String,
    /// The progress file read, as named; none when no progress was recorded.
    pub progress_file: Option<String>,
    /// The command that records progress, to print when there is none.
    pub track_command: String,
    /// How many actions stand where; none when no progress was recorded.
    pub standing: Option<Standing>,
    /// The actions done: handed over.
    pub handed_over: Vec<ReportAction>,
    /// The actions still open, then those dropped: not handed over.
    pub not_handed_over: Vec<ReportAction>,
    /// Why the plan gives no actions, when a finding stops it.
    pub blocked: Option<String>,
    /// The plan's phases with their actions.
    pub phases: Vec<ReportPhase>,
    /// The actions left for when time allows.
    pub deferred: Vec<ReportAction>,
    /// Entries of the progress file that match no action of the plan.
    pub gone: Vec<GoneEntry>,
    /// What changed since an earlier assessment, with `--compare`.
    pub changes: Option<Changes>,
    /// The review questions that hold, in pack order.
    pub questions: Vec<Question>,
}

/// How many of the plan's actions stand where (the phases' and the deferred ones).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// Every action.
    pub total: usize,
    /// Done.
    pub done: usize,
    /// Under way.
    pub doing: usize,
    /// Not started.
    pub todo: usize,
    /// Given up on purpose.
    pub dropped: usize,
    /// Still open, past their phase's window (a part of `doing` and `todo`).
    pub overdue: usize,
}

/// An action with where it stands.
#[derive(Debug, Clone, Serialize)]
pub struct ReportAction {
    /// The rule that gave it.
    pub rule: String,
    /// Its concept.
    pub concept: String,
    /// The title of its phase.
    pub phase: String,
    /// What to do.
    pub text: String,
    /// Who carries it.
    pub owner: String,
    /// How to know it worked, with its due date.
    pub indicator: String,
    /// `todo`, `doing`, `done` or `dropped`.
    pub status: Status,
    /// ☐, ◐, ☑ or ☒.
    pub mark: &'static str,
    /// The status in words.
    pub status_label: &'static str,
    /// When the status was set (YYYY-MM-DD).
    pub date: Option<String>,
    /// The staff's note: for a dropped action, why.
    pub note: Option<String>,
    /// The indicator's observed value.
    pub observed: Option<String>,
    /// Still open, and its phase's window has ended.
    pub overdue: bool,
    /// Deferred by the plan's length budget: to do if time allows.
    pub deferred: bool,
}

/// A phase and its actions.
#[derive(Debug, Clone, Serialize)]
pub struct ReportPhase {
    /// Phase id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Its weeks and dates, in words.
    pub schedule: Option<String>,
    /// Its actions.
    pub actions: Vec<ReportAction>,
}

/// An entry of the progress file that no action of the plan matches any more.
#[derive(Debug, Clone, Serialize)]
pub struct GoneEntry {
    /// The rule it was recorded against.
    pub rule: String,
    /// The concept it was recorded against.
    pub concept: String,
    /// ☐, ◐, ☑ or ☒.
    pub mark: &'static str,
    /// The status in words.
    pub status_label: &'static str,
    /// When the status was set.
    pub date: Option<String>,
    /// The note.
    pub note: Option<String>,
    /// The observed value.
    pub observed: Option<String>,
}

/// What changed since the earlier assessment, from a [`Comparison`], in words.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    /// The earlier answers file, as named.
    pub earlier_file: String,
    /// Nothing changed at all.
    pub unchanged: bool,
    /// Answers that changed: question, before, after.
    pub answers: Vec<ChangeRow>,
    /// Findings that changed: what, before, after (a stop of the plan included).
    pub diagnosis: Vec<ChangeRow>,
    /// Actions the situation no longer calls for.
    pub left: Vec<MovedLine>,
    /// Actions the situation now calls for.
    pub new: Vec<MovedLine>,
    /// How many actions are in both plans, in a sentence.
    pub stayed: String,
}

/// A row of a before/after table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeRow {
    /// The question or the finding's name.
    pub label: String,
    /// Before.
    pub before: String,
    /// After.
    pub after: String,
}

/// An action that left the plan or came into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MovedLine {
    /// The title of its phase.
    pub phase: String,
    /// What to do.
    pub text: String,
    /// The changes behind the move, joined; empty when none can be named.
    pub because: String,
}

/// A review question, with whose it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Question id.
    pub id: String,
    /// The name of the speaker or source it comes from.
    pub speaker: String,
    /// The question.
    pub text: String,
    /// What to bring or look at when answering it.
    pub help: Option<String>,
}

/// What a report is built from, besides the plan.
pub struct Inputs<'a> {
    /// The progress file as named, when one was read (the plan is then marked with it).
    pub progress_file: Option<&'a str>,
    /// Entries of the progress file no longer in the plan.
    pub gone: &'a [Entry],
    /// The comparison with an earlier assessment, if asked for.
    pub comparison: Option<&'a Comparison>,
    /// The review questions that hold.
    pub questions: &'a [&'a ReviewQuestion],
    /// The pack, for the names of the questions' speakers.
    pub pack: &'a Pack,
    /// The answers file, as named, for the command that records progress.
    pub answers_file: &'a str,
    /// The day of the report.
    pub today: jiff::civil::Date,
}

impl Report {
    /// Builds the report of a plan, marked with its progress when `inputs` names a progress
    /// file.
    pub fn build(plan: &Plan, inputs: &Inputs<'_>) -> Self {
        let lang = plan.lang;
        let recorded = inputs.progress_file.is_some();
        let in_phases = plan.action_count();
        let all: Vec<ReportAction> = progress::plan_actions(plan)
            .into_iter()
            .enumerate()
            .map(|(i, a)| report_action(plan, a, i >= in_phases))
            .collect();
        let standing = recorded.then(|| standing(&all));
        let (handed_over, not_handed_over) = if recorded {
            let done = all.iter().filter(|a| a.status == Status::Done);
            let open = all.iter().filter(|a| a.status.is_open());
            let dropped = all.iter().filter(|a| a.status == Status::Dropped);
            (
                done.cloned().collect(),
                open.chain(dropped).cloned().collect(),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let phases = plan
            .phases
            .iter()
            .map(|p| ReportPhase {
                id: p.id.clone(),
                title: p.title.clone(),
                schedule: p.window.as_ref().map(|w| window_text(w, lang)),
                actions: p
                    .actions
                    .iter()
                    .map(|a| report_action(plan, a, false))
                    .collect(),
            })
            .collect();
        Report {
            lang,
            organization: plan.organization.clone(),
            pack: plan.pack.clone(),
            start: plan.date.clone(),
            project_end: plan.project_end.as_ref().map(|e| project_end_text(e, lang)),
            date: inputs.today.to_string(),
            progress_file: inputs.progress_file.map(str::to_string),
            track_command: format!(
                "fulcrum track --answers {} --set …",
                shell_word(inputs.answers_file)
            ),
            standing,
            handed_over,
            not_handed_over,
            blocked: plan.blocked.clone(),
            phases,
            deferred: plan
                .deferred
                .iter()
                .map(|a| report_action(plan, a, true))
                .collect(),
            gone: inputs.gone.iter().map(|e| gone_entry(e, lang)).collect(),
            changes: inputs.comparison.map(changes),
            questions: inputs
                .questions
                .iter()
                .map(|q| question(plan, inputs.pack, q))
                .collect(),
        }
    }
}

/// A file name as a shell command line needs it: quoted when it holds anything but plain
/// characters.
fn shell_word(s: &str) -> String {
    let plain = !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn report_action(plan: &Plan, a: &ActionOut, deferred: bool) -> ReportAction {
    let lang = plan.lang;
    let progress = a.progress.as_ref();
    let status = progress.map_or(Status::Todo, |p| p.status);
    ReportAction {
        rule: a.rule.clone(),
        concept: a.concept.clone(),
        phase: plan
            .phases
            .iter()
            .find(|p| p.id == a.phase)
            .map_or_else(|| a.phase.clone(), |p| p.title.clone()),
        text: a.text.clone(),
        owner: a.owner.clone(),
        indicator: indicator_text(&a.indicator, a.due.as_ref(), lang),
        status,
        mark: status.mark(),
        status_label: status.label(lang),
        date: progress.and_then(|p| p.date.clone()),
        note: progress.and_then(|p| p.note.clone()),
        observed: progress.and_then(|p| p.observed.clone()),
        overdue: progress.is_some_and(|p| p.overdue),
        deferred,
    }
}

fn standing(actions: &[ReportAction]) -> Standing {
    let mut s = Standing {
        total: actions.len(),
        ..Standing::default()
    };
    for a in actions {
        match a.status {
            Status::Done => s.done += 1,
            Status::Doing => s.doing += 1,
            Status::Todo => s.todo += 1,
            Status::Dropped => s.dropped += 1,
        }
        if a.overdue {
            s.overdue += 1;
        }
    }
    s
}

fn gone_entry(e: &Entry, lang: Lang) -> GoneEntry {
    GoneEntry {
        rule: e.rule.clone(),
        concept: e.concept.clone(),
        mark: e.status.mark(),
        status_label: e.status.label(lang),
        date: e.date.map(|d| d.to_string()),
        note: e.note.clone(),
        observed: e.observed.clone(),
    }
}

fn changes(c: &Comparison) -> Changes {
    let w = crate::compare::words::words(c.lang);
    let blocked = crate::render::words::words(c.lang).blocked;
    let shown = |v: Option<&String>| v.map_or_else(|| w.no_row.to_string(), Clone::clone);
    let answer = |a: Option<&crate::compare::Answer>| {
        a.map_or_else(|| w.not_asked.to_string(), |a| a.display.clone())
    };
    let answers = c
        .answers
        .iter()
        .map(|a| ChangeRow {
            label: a.prompt.clone(),
            before: answer(a.before.as_ref()),
            after: answer(a.after.as_ref()),
        })
        .collect();
    let mut diagnosis: Vec<ChangeRow> = c
        .diagnosis
        .iter()
        .map(|d| ChangeRow {
            label: d.label.clone(),
            before: shown(d.before.as_ref()),
            after: shown(d.after.as_ref()),
        })
        .collect();
    if c.before.blocked != c.after.blocked {
        diagnosis.push(ChangeRow {
            label: blocked.to_string(),
            before: shown(c.before.blocked.as_ref()),
            after: shown(c.after.blocked.as_ref()),
        });
    }
    let moved = |m: &MovedAction| MovedLine {
        phase: m.action.phase_title.clone(),
        text: if m.action.deferred {
            format!("{}{}", m.action.text, w.deferred)
        } else {
            m.action.text.clone()
        },
        because: m
            .because
            .iter()
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>()
            .join(w.list_sep),
    };
    Changes {
        earlier_file: c.before.file.clone(),
        unchanged: c.is_unchanged(),
        answers,
        diagnosis,
        left: c.actions.left.iter().map(moved).collect(),
        new: c.actions.new.iter().map(moved).collect(),
        stayed: crate::compare::words::stayed_count(c.actions.stayed.len(), c.lang),
    }
}

/// A review question in the plan's language, with its speaker's name: as the plan cites the
/// speaker, else as the pack names them.
fn question(plan: &Plan, pack: &Pack, q: &ReviewQuestion) -> Question {
    let lang = plan.lang;
    let speaker = pack.speakers.get(q.speaker);
    let name = speaker.map_or_else(String::new, |s| {
        plan.speakers
            .iter()
            .find(|out| out.id == s.id)
            .map_or_else(|| s.name.get(lang).to_string(), |out| out.name.clone())
    });
    Question {
        id: q.id.clone(),
        speaker: name,
        text: q.text.get(lang).to_string(),
        help: q.help.as_ref().map(|h| h.get(lang).to_string()),
    }
}

#[cfg(test)]
mod tests;
