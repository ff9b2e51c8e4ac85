//! The group summary of a workshop: one row per participant (organization, derived facts,
//! actions per phase) and how many plans contain each concept. Its JSON form is
//! `fulcrum.summary/1`, documented in `docs/outputs.md`.

use serde::Serialize;

use crate::lang::Lang;
use crate::plan::Plan;

/// Version tag of the JSON form.
pub const SCHEMA: &str = "fulcrum.summary/1";

/// The summary of a group's plans.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The language of labels.
    pub lang: Lang,
    /// Derived facts shown per participant, in pack order.
    pub derived: Vec<Column>,
    /// Phases, in plan order.
    pub phases: Vec<Column>,
    /// One entry per answers file that gave a plan, in the order read.
    pub participants: Vec<Participant>,
    /// Every concept the packs can give, most frequent first.
    pub concepts: Vec<ConceptCount>,
    /// Answers files that gave no plan.
    pub failed: Vec<String>,
}

/// A column: an id and its label.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Column {
    /// Id in the pack.
    pub id: String,
    /// Label in the summary's language.
    pub label: String,
}

/// One participant's plan, in a row.
#[derive(Debug, Clone, Serialize)]
pub struct Participant {
    /// The answers file.
    pub file: String,
    /// The organization's name, if given.
    pub organization: Option<String>,
    /// One per [`Summary::derived`] column: the value id (null when none) and its label.
    pub derived: Vec<Cell>,
    /// Actions per [`Summary::phases`] column.
    pub actions: Vec<usize>,
    /// Whether a derived value stopped the plan.
    pub blocked: bool,
    /// Actions done, open and overdue, when a progress file is beside the answers file;
    /// absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<crate::progress::Counts>,
}

/// A value and how people read it.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// The id or number, as in the plan JSON.
    pub value: serde_json::Value,
    /// The label.
    pub display: String,
}

/// How many plans contain a concept.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ConceptCount {
    /// Concept id.
    pub concept: String,
    /// Plans that contain it.
    pub count: usize,
}

impl Summary {
    /// An empty summary.
    pub fn new(lang: Lang) -> Self {
        Summary {
            schema: SCHEMA,
            lang,
            derived: Vec::new(),
            phases: Vec::new(),
            participants: Vec::new(),
            concepts: Vec::new(),
            failed: Vec::new(),
        }
    }

    /// Adds a participant's plan. `known` lists every concept its pack can give, so that
    /// concepts no one got are counted as 0.
    pub fn add(&mut self, file: &str, plan: &Plan, known: &[&str]) {
        for d in &plan.derived {
            add_column(&mut self.derived, &d.id, &d.label);
        }
        for p in &plan.phases {
            add_column(&mut self.phases, &p.id, &p.title);
        }
        for concept in known {
            if !self.concepts.iter().any(|c| c.concept == *concept) {
                self.concepts.push(ConceptCount {
                    concept: (*concept).to_string(),
                    count: 0,
                });
            }
        }
        let mut present = plan.concepts();
        present.sort_unstable();
        present.dedup();
        for concept in present {
            match self.concepts.iter_mut().find(|c| c.concept == concept) {
                Some(c) => c.count += 1,
                None => self.concepts.push(ConceptCount {
                    concept: concept.to_string(),
                    count: 1,
                }),
            }
        }
        let derived = self
            .derived
            .iter()
            .map(|col| {
                plan.derived.iter().find(|d| d.id == col.id).map_or(
                    Cell {
                        value: serde_json::Value::Null,
                        display: String::new(),
                    },
                    |d| Cell {
                        value: d.value.clone(),
                        display: d.display.clone(),
                    },
                )
            })
            .collect();
        let actions = self
            .phases
            .iter()
            .map(|col| {
                plan.phases
                    .iter()
                    .find(|p| p.id == col.id)
                    .map_or(0, |p| p.actions.len())
            })
            .collect();
        self.participants.push(Participant {
            file: file.to_string(),
            organization: plan.organization.clone(),
            derived,
            actions,
            blocked: plan.blocked.is_some(),
            progress: crate::progress::plan_actions(plan)
                .iter()
                .any(|a| a.progress.is_some())
                .then(|| crate::progress::counts(plan)),
        });
    }

    /// Whether any participant has a progress file, and so the progress columns are shown.
    pub fn has_progress(&self) -> bool {
        self.participants.iter().any(|p| p.progress.is_some())
    }

    /// Puts concepts in order, most frequent first, then by id, and pads every row to the
    /// final columns (a later plan may have added some).
    pub fn finish(&mut self) {
        self.concepts.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.concept.cmp(&b.concept))
        });
        for p in &mut self.participants {
            p.derived.resize(
                self.derived.len(),
                Cell {
                    value: serde_json::Value::Null,
                    display: String::new(),
                },
            );
            p.actions.resize(self.phases.len(), 0);
        }
    }
}

fn add_column(columns: &mut Vec<Column>, id: &str, label: &str) {
    if !columns.iter().any(|c| c.id == id) {
        columns.push(Column {
            id: id.to_string(),
            label: label.to_string(),
        });
    }
}
