//! The plan: what renderers print and `--format json` emits. Its JSON form is documented in
//! `docs/plan-json.md`; change both together.

use serde::Serialize;

use crate::lang::Lang;
use crate::pack::SourceKind;

/// Version tag of the JSON form.
pub const SCHEMA: &str = "fulcrum.plan/2";

/// A tailored action plan.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The pack the plan comes from.
    pub pack: PackInfo,
    /// The language of the texts.
    pub lang: Lang,
    /// The day the schedule starts (YYYY-MM-DD).
    pub date: String,
    /// When the project ends, if the pack has a timeline.
    pub project_end: Option<ProjectEnd>,
    /// The organization's name, if given.
    pub organization: Option<String>,
    /// Every answer after skip logic, in question order.
    pub answers: Vec<AnswerOut>,
    /// Every derived fact, in pack order.
    pub derived: Vec<DerivedOut>,
    /// Rows of the diagnosis table: derived facts and key answers.
    pub diagnosis: Vec<DiagnosisRow>,
    /// Warnings shown above the actions.
    pub cautions: Vec<CautionOut>,
    /// Set when a derived value stops the plan: why no actions are given.
    pub blocked: Option<String>,
    /// The actions to start with: copies of the most important actions in the phases, in
    /// order of priority.
    pub first_steps: Vec<ActionOut>,
    /// The phases, in order, with their actions.
    pub phases: Vec<PhaseOut>,
    /// Actions past the plan's length budget, most important first: not dropped, left for
    /// when time allows.
    pub deferred: Vec<ActionOut>,
    /// The speakers cited by the plan.
    pub speakers: Vec<SpeakerOut>,
}

/// The end of the project on the plan's calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectEnd {
    /// Weeks after the start date.
    pub week: i64,
    /// The day it ends (YYYY-MM-DD).
    pub date: String,
}

impl ProjectEnd {
    /// Whether the project had already ended when the plan starts.
    pub fn has_ended(&self) -> bool {
        self.week <= 0
    }
}

/// When an indicator is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    /// Weeks after the start date.
    pub week: i64,
    /// The day (YYYY-MM-DD).
    pub date: String,
}

/// Which pack made the plan.
#[derive(Debug, Clone, Serialize)]
pub struct PackInfo {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Pack title in the plan's language.
    pub title: String,
}

/// One answer.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerOut {
    /// Question id.
    pub question: String,
    /// The question, in the plan's language.
    pub prompt: String,
    /// The answer as an answers file holds it (option ids, numbers, booleans, text).
    pub value: serde_json::Value,
    /// The answer as people read it (option labels).
    pub display: String,
}

/// One derived fact.
#[derive(Debug, Clone, Serialize)]
pub struct DerivedOut {
    /// Derived fact id.
    pub id: String,
    /// Its name, in the plan's language.
    pub label: String,
    /// The value id or number; null when no case matched.
    pub value: serde_json::Value,
    /// The value as people read it.
    pub display: String,
}

/// A row of the diagnosis.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosisRow {
    /// The question or derived fact the row shows. Not in the JSON form: `fulcrum compare`
    /// matches rows by it, since labels change with the language.
    #[serde(skip)]
    pub id: String,
    /// What is diagnosed.
    pub label: String,
    /// The finding.
    pub value: String,
}

/// A plan-level warning.
#[derive(Debug, Clone, Serialize)]
pub struct CautionOut {
    /// The rule that raised it.
    pub rule: String,
    /// The warning.
    pub text: String,
    /// Whose framework it comes from.
    pub speaker: Option<String>,
}

/// A phase and its actions.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseOut {
    /// Phase id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What the phase is about.
    pub summary: Option<String>,
    /// Its place in the schedule.
    pub window: Option<Window>,
    /// Its actions, by priority then pack order.
    pub actions: Vec<ActionOut>,
}

/// One action.
#[derive(Debug, Clone, Serialize)]
pub struct ActionOut {
    /// The rule that produced it.
    pub rule: String,
    /// Concept id.
    pub concept: String,
    /// Phase id.
    pub phase: String,
    /// Speaker id.
    pub speaker: String,
    /// Smaller comes first.
    pub priority: i64,
    /// Who carries it: a role inside the organization.
    pub owner: String,
    /// Outside parties who take part.
    pub partners: Vec<String>,
    /// How to know it worked.
    pub indicator: String,
    /// When the indicator is due, if the pack says.
    pub due: Option<Due>,
    /// What to do.
    pub text: String,
    /// Why.
    pub why: String,
    /// Where the rule is written (`file:line`).
    pub defined_at: String,
    /// Where the action stands, when the plan is printed with a progress file; absent
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<ActionProgress>,
}

/// An action's progress, from the progress file (`docs/follow-through.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionProgress {
    /// `todo`, `doing`, `done` or `dropped`.
    pub status: Status,
    /// When the status was set (YYYY-MM-DD), if the file says.
    pub date: Option<String>,
    /// The staff's note.
    pub note: Option<String>,
    /// The indicator's observed value, in the staff's words.
    pub observed: Option<String>,
    /// Still open, and its phase's window ended before today.
    pub overdue: bool,
}

/// A cited source: a speaker or a practice note.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerOut {
    /// Source id.
    pub id: String,
    /// `speaker` or `practice`.
    pub kind: SourceKind,
    /// Name.
    pub name: String,
    /// Organization or role.
    pub affiliation: Option<String>,
    /// What a practice note rests on.
    pub basis: Option<String>,
}

impl Plan {
    /// Every concept in the plan, in plan order: the phases, then the deferred actions.
    pub fn concepts(&self) -> Vec<&str> {
        let mut concepts = self.phase_concepts();
        concepts.extend(self.deferred.iter().map(|a| a.concept.as_str()));
        concepts
    }

    /// The concepts of the actions in the phases, in plan order.
    pub fn phase_concepts(&self) -> Vec<&str> {
        self.phases
            .iter()
            .flat_map(|p| p.actions.iter().map(|a| a.concept.as_str()))
            .collect()
    }

    /// How many actions the phases hold.
    pub fn action_count(&self) -> usize {
        self.phases.iter().map(|p| p.actions.len()).sum()
    }

    /// The name of a cited speaker.
    pub fn speaker_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.speakers
            .iter()
            .find(|s| s.id == id)
            .map_or(id, |s| s.name.as_str())
    }
}

/// A phase's place in the schedule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Window {
    /// First week, counted from 0 at the start date.
    pub start_week: i64,
    /// Week the phase ends (exclusive).
    pub end_week: i64,
    /// First day.
    pub start_date: String,
    /// Last day.
    pub end_date: String,
    /// The first week of the window that falls after the project's end, if any does.
    pub after_end_week: Option<i64>,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not started.
    Todo,
    /// Under way.
    Doing,
    /// Finished.
    Done,
    /// Given up on purpose.
    Dropped,
}

impl Status {
    /// Every status, in the order the picker offers them.
    pub const ALL: [Status; 4] = [Status::Todo, Status::Doing, Status::Done, Status::Dropped];

    /// The word the progress file uses.
    pub fn id(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    /// Reads the word the progress file uses.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.id() == s)
    }

    /// Whether the action still needs doing.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Todo | Status::Doing)
    }

    /// The mark printed before the action: ☑ done, ◐ doing, ☒ dropped, ☐ to do.
    pub fn mark(self) -> &'static str {
        match self {
            Status::Todo => "☐",
            Status::Doing => "◐",
            Status::Done => "☑",
            Status::Dropped => "☒",
        }
    }

    /// The status as people read it.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Todo, Lang::Zh) => "未开始",
            (Status::Doing, Lang::Zh) => "进行中",
            (Status::Done, Lang::Zh) => "已完成",
            (Status::Dropped, Lang::Zh) => "已放弃",
            (Status::Todo, Lang::En) => "to do",
            (Status::Doing, Lang::En) => "doing",
            (Status::Done, Lang::En) => "done",
            (Status::Dropped, Lang::En) => "dropped",
        }
    }
}
