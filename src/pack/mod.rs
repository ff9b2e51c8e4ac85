//! Rule packs: the questionnaire, derived facts and rules that trainers write in TOML.
//!
//! [`load`] finds and reads pack files, [`build`] checks them and turns them into a [`Pack`],
//! the model the engine, the questionnaire and the renderers work with.

pub mod answer_check;
pub mod answer_problem;
pub mod answer_rules;
pub mod build;
pub mod builtin;
pub mod cache;
pub mod inventory;
pub mod load;
pub mod placeholder;
pub mod raw;
pub mod scaffold;
pub mod schema;

use std::collections::BTreeMap;
use std::collections::HashMap;

use crate::condition::{Condition, Domain, Var};
use crate::lang::Lang;
use crate::source::{FileId, Loc};
use crate::text::LocalText;
use crate::tr;
use crate::value::RawAnswer;
use crate::value::Value;
use placeholder::Segment;
use serde::{Deserialize, Serialize};

/// The most options a question may have (they are kept as bits of a 64-bit mask).
pub const MAX_OPTIONS: usize = 64;

/// A checked, ready-to-use rule pack.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pack {
    /// Pack id.
    pub id: String,
    /// The pack's version.
    pub version: String,
    /// Title.
    pub title: LocalText,
    /// What the pack is for.
    pub description: Option<LocalText>,
    /// Languages the pack is written in.
    pub languages: Vec<Lang>,
    /// The language used when nothing else decides.
    pub default_lang: Lang,
    /// How phases become dates.
    pub timeline: Option<Timeline>,
    /// First steps and the length budget of a plan.
    pub focus: Option<Focus>,
    /// The text question holding the organization's name, printed in plan headers.
    pub organization: Option<usize>,
    /// Phases, in plan order.
    pub phases: Vec<Phase>,
    /// Speakers cited as sources.
    pub speakers: Vec<Speaker>,
    /// Sections of the questionnaire.
    pub sections: Vec<Section>,
    /// Questions, in questionnaire order.
    pub questions: Vec<Question>,
    /// Derived facts, in pack order.
    pub derived: Vec<Derived>,
    /// Derived facts in an order where each comes after those it reads.
    pub derived_order: Vec<usize>,
    /// Rules, in pack order.
    pub rules: Vec<Rule>,
    /// Questions for the review (复盘) report, in pack order.
    pub review_questions: Vec<ReviewQuestion>,
    /// Tests written in the pack (not kept in the pack cache: `rules test` reads the source).
    #[serde(skip)]
    pub tests: Vec<PackTest>,
    /// Where the pack came from.
    pub origin: PackOrigin,
    /// What the loader noticed for lint (not kept in the pack cache: lint reads the source).
    #[serde(skip)]
    pub lint_notes: LintNotes,
    /// Questions and derived facts by id (rebuilt from them after a cache read).
    #[serde(skip)]
    names: HashMap<String, Var>,
}

/// What the loader noticed about a pack that only `rules lint` reports.
#[derive(Debug, Clone, Default)]
pub struct LintNotes {
    /// Plain strings (`why = "…"`) in a pack written in two languages: the same words are
    /// shown in both (L013). Speakers' and sources' names are left out: a name is the same
    /// in every language.
    pub single_language: Vec<Loc>,
    /// Files of the pack that do not parse: the pack was built without them.
    pub unparsed: Vec<FileId>,
}

/// Where a pack's files came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackOrigin {
    /// Every file of the pack, in load order.
    pub files: Vec<FileId>,
    /// The places its files were read from, in load order, each once.
    pub places: Vec<Place>,
}

/// A place a pack's files were read from. Kept as data, not words, so that the pack cache
/// holds nothing in the language of one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    /// Built into fulcrum.
    Builtin,
    /// A file or folder, as it was named.
    Path(String),
    /// A folder whose `[pack]` defines a built-in pack again, which it replaces.
    Replacing(String),
}

impl PackOrigin {
    /// How `rules list` describes the origin: `built-in`, a folder, or both joined with `+`.
    pub fn describe(&self, lang: Lang) -> String {
        let places: Vec<String> = self
            .places
            .iter()
            .map(|place| match place {
                Place::Builtin => tr!(lang, "内置", "built-in"),
                Place::Path(path) => path.clone(),
                Place::Replacing(path) => {
                    tr!(lang, "{path}（替换内置）", "{path} (replaces built-in)")
                }
            })
            .collect();
        places.join(" + ")
    }
}

/// How the plan's phases become a schedule.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Timeline {
    /// The number question giving the months left.
    pub months: usize,
    /// The shortest horizon in months.
    pub min_months: i64,
}

/// How a plan opens and how long it may be (`[pack.focus]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Focus {
    /// How many actions the plan opens with as its first steps.
    pub first_steps: usize,
    /// Budgets; the first that holds sets the length.
    pub budgets: Vec<Budget>,
}

/// A length budget: at most `max` actions in the phases when `when` holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Budget {
    /// Condition; `None` is "otherwise".
    pub when: Option<Condition>,
    /// Most actions in the phases.
    pub max: usize,
    /// Where it is defined.
    pub loc: Loc,
}

/// A question the review meeting answers (`[[review_question]]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReviewQuestion {
    /// Question id.
    pub id: String,
    /// Asked only when this holds.
    pub when: Option<Condition>,
    /// Index of the speaker or source it comes from.
    pub speaker: usize,
    /// The question.
    pub text: LocalText,
    /// What to look at when answering it.
    pub help: Option<LocalText>,
    /// Where it is defined.
    pub loc: Loc,
}

/// A phase of the plan.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Phase {
    /// Phase id.
    pub id: String,
    /// Title.
    pub title: LocalText,
    /// What the phase is about.
    pub summary: Option<LocalText>,
    /// Start and end as shares of the horizon.
    pub window: Option<(f64, f64)>,
    /// The window reaches at least this many months past the project's end.
    pub past_end_months: Option<i64>,
    /// Where it is defined.
    pub loc: Loc,
}

/// What kind of source a [`Speaker`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A person whose framework the pack follows (`[[speaker]]`).
    Speaker,
    /// Advice the pack's authors add from sector practice (`[[source]]`).
    Practice,
}

/// A source cited by actions: a speaker or a practice note.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Speaker {
    /// Source id.
    pub id: String,
    /// Speaker or practice note.
    pub kind: SourceKind,
    /// What a practice note rests on.
    pub basis: Option<LocalText>,
    /// Name.
    pub name: LocalText,
    /// Organization or role.
    pub affiliation: Option<LocalText>,
    /// Their framework in a few words.
    pub framework: Option<LocalText>,
}

/// A group of questions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    /// Section id.
    pub id: String,
    /// Title.
    pub title: LocalText,
    /// Shown when the questionnaire enters it.
    pub intro: Option<LocalText>,
}

/// One question of the questionnaire.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    /// Id, the key in answers files.
    pub id: String,
    /// Index of its section.
    pub section: Option<usize>,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// The question.
    pub prompt: LocalText,
    /// A short label for tables, when the prompt is too long for one.
    pub short: Option<LocalText>,
    /// Why it is asked.
    pub help: LocalText,
    /// Asked only when this holds.
    pub when: Option<Condition>,
    /// Preselected answer.
    pub default: Option<Value>,
    /// Whether an answer is needed.
    pub required: bool,
    /// Shown in the plan's diagnosis.
    pub diagnosis: bool,
    /// Used by placeholders when left empty.
    pub if_empty: Option<LocalText>,
    /// Where it is defined.
    pub loc: Loc,
}

/// The kinds of question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum QuestionKind {
    /// Exactly one option.
    Single {
        /// The options.
        options: Vec<Choice>,
    },
    /// Several options.
    Multi {
        /// The options.
        options: Vec<Choice>,
        /// Fewest selections.
        min_selected: usize,
        /// Most selections.
        max_selected: usize,
    },
    /// Yes or no.
    Bool,
    /// A whole number in a range.
    Number {
        /// Smallest value.
        min: i64,
        /// Largest value.
        max: i64,
        /// Unit shown after the value.
        unit: Option<LocalText>,
    },
    /// Free text.
    Text {
        /// Longest answer in characters.
        max_length: usize,
    },
}

impl QuestionKind {
    /// The options of a choice question.
    pub fn options(&self) -> &[Choice] {
        match self {
            QuestionKind::Single { options } | QuestionKind::Multi { options, .. } => options,
            _ => &[],
        }
    }

    /// The kind's name as written in packs.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multi { .. } => "multi",
            QuestionKind::Bool => "bool",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Text { .. } => "text",
        }
    }
}

/// An option of a choice question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Choice {
    /// Id, the value in answers files.
    pub id: String,
    /// Label.
    pub label: LocalText,
    /// More words.
    pub help: Option<LocalText>,
    /// Points for sums.
    pub score: i64,
    /// Cannot be combined with other options.
    pub exclusive: bool,
}

/// A fact computed from answers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Derived {
    /// Id.
    pub id: String,
    /// Name shown in the diagnosis.
    pub label: LocalText,
    /// What it means.
    pub help: Option<LocalText>,
    /// How it is computed.
    pub kind: DerivedKind,
    /// Whether the diagnosis shows it.
    pub diagnosis: bool,
    /// Where it is defined.
    pub loc: Loc,
}

/// How a derived fact is computed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum DerivedKind {
    /// Ordered cases; the first that holds gives the value.
    Classify {
        /// The possible values.
        values: Vec<DerivedValue>,
        /// The cases.
        cases: Vec<Case>,
    },
    /// The sum of option scores and numbers.
    Sum {
        /// The variables added.
        terms: Vec<Var>,
    },
}

/// A possible value of a classification.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DerivedValue {
    /// Id.
    pub id: String,
    /// Label.
    pub label: LocalText,
    /// When set, a plan with this value shows only cautions, with this explanation.
    pub blocks: Option<LocalText>,
}

/// One case of a classification.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Case {
    /// Condition; `None` is "otherwise".
    pub when: Option<Condition>,
    /// Index of the value it gives.
    pub value: usize,
    /// Where it is defined.
    pub loc: Loc,
}

/// A rule: a condition and what it adds to the plan.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rule {
    /// Id.
    pub id: String,
    /// Condition; `None` is always.
    pub when: Option<Condition>,
    /// Rules of one group must never fire together.
    pub exclusive_group: Option<String>,
    /// Actions added to the plan.
    pub actions: Vec<Action>,
    /// Cautions added above the actions.
    pub cautions: Vec<Caution>,
    /// Where it is defined.
    pub loc: Loc,
}

/// One action of a plan.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Action {
    /// Index of its phase.
    pub phase: usize,
    /// Concept id.
    pub concept: String,
    /// Index of its speaker.
    pub speaker: usize,
    /// Smaller comes first.
    pub priority: i64,
    /// Who carries it.
    pub owner: Template,
    /// Outside parties who take part.
    pub partners: Vec<Template>,
    /// Never deferred by the length budget.
    pub keep: bool,
    /// How to know it worked.
    pub indicator: Template,
    /// The indicator's deadline, in weeks from the start of the phase.
    pub deadline_weeks: Option<i64>,
    /// What to do.
    pub text: Template,
    /// Why.
    pub why: Template,
    /// Where it is defined.
    pub loc: Loc,
}

/// A warning shown above the actions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Caution {
    /// The warning.
    pub text: Template,
    /// Whose framework it comes from.
    pub speaker: Option<usize>,
    /// Where it is defined.
    pub loc: Loc,
}

/// A text with placeholders, parsed for each language it is written in.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Template {
    /// Segments per language.
    pub by_lang: BTreeMap<Lang, Vec<Segment>>,
}

impl Template {
    /// The segments for `lang`, falling back to the other language.
    pub fn segments(&self, lang: Lang) -> &[Segment] {
        self.by_lang
            .get(&lang)
            .or_else(|| self.by_lang.get(&lang.other()))
            .map_or(&[], Vec::as_slice)
    }
}

/// A `[[test]]` of a pack, kept as written until it runs.
#[derive(Debug, Clone)]
pub struct PackTest {
    /// Id.
    pub id: String,
    /// What it shows.
    pub description: Option<LocalText>,
    /// The answers, with where each is written.
    pub answers: Vec<(String, Loc, toml::Spanned<RawAnswer>)>,
    /// Where the answers table is written: where a problem of the answers as a whole (a
    /// missing answer) is shown.
    pub answers_loc: Loc,
    /// Concepts that must be present.
    pub expect_present: Vec<(String, Loc)>,
    /// Concepts that must be absent.
    pub expect_absent: Vec<(String, Loc)>,
    /// Derived facts and their expected values.
    pub expect_derived: Vec<(String, Loc, toml::Spanned<RawAnswer>)>,
    /// Rules whose cautions must show.
    pub expect_cautions: Vec<(String, Loc)>,
    /// The language of the plan for the text checks, as written.
    pub lang: Option<(String, Loc)>,
    /// Words the plan's texts must contain.
    pub expect_text: Vec<(String, Loc)>,
    /// Words the plan's texts must not contain.
    pub expect_no_text: Vec<(String, Loc)>,
    /// The concepts of the first steps, in order.
    pub expect_first_steps: Option<(Vec<String>, Loc)>,
    /// Concepts that must be deferred.
    pub expect_deferred: Vec<(String, Loc)>,
    /// Most actions in the phases.
    pub expect_max_actions: Option<(i64, Loc)>,
    /// The file it is in.
    pub file: FileId,
    /// Where it is defined.
    pub loc: Loc,
}

impl Pack {
    /// Indexes questions and derived facts by id again, after the pack was read from the cache
    /// (ids are unique: `build` checked them).
    pub fn restore_names(&mut self) {
        let questions = self.questions.iter().enumerate();
        let derived = self.derived.iter().enumerate();
        self.names = questions
            .map(|(i, q)| (q.id.clone(), Var::Question(i)))
            .chain(derived.map(|(i, d)| (d.id.clone(), Var::Derived(i))))
            .collect();
    }

    /// The question or derived fact called `name`.
    pub fn var(&self, name: &str) -> Option<Var> {
        self.names.get(name).copied()
    }

    /// The id of a variable.
    pub fn var_id(&self, var: Var) -> &str {
        match var {
            Var::Question(i) => &self.questions[i].id,
            Var::Derived(i) => &self.derived[i].id,
        }
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<(usize, &Question)> {
        match self.var(id) {
            Some(Var::Question(i)) => Some((i, &self.questions[i])),
            _ => None,
        }
    }

    /// The phase with this id.
    pub fn phase_index(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.id == id)
    }

    /// The language a plan uses when `wanted` is asked for: it if the pack has it, else the
    /// pack's default.
    pub fn resolve_lang(&self, wanted: Option<Lang>) -> Lang {
        wanted
            .filter(|l| self.languages.contains(l))
            .unwrap_or(self.default_lang)
    }

    /// The domain of a variable, as conditions see it.
    pub fn domain(&self, var: Var) -> Domain<'_> {
        domain_of(&self.questions, &self.derived, var)
    }
}

/// The domain of a variable among these questions and derived facts, as conditions see it.
pub fn domain_of<'a>(questions: &'a [Question], derived: &'a [Derived], var: Var) -> Domain<'a> {
    match var {
        Var::Question(i) => match &questions[i].kind {
            QuestionKind::Single { options } => {
                Domain::Choice(options.iter().map(|o| o.id.as_str()).collect())
            }
            QuestionKind::Multi { options, .. } => {
                Domain::Multi(options.iter().map(|o| o.id.as_str()).collect())
            }
            QuestionKind::Bool => Domain::Bool,
            QuestionKind::Number { .. } => Domain::Number,
            QuestionKind::Text { .. } => Domain::Text,
        },
        Var::Derived(i) => match &derived[i].kind {
            DerivedKind::Classify { values, .. } => {
                Domain::Choice(values.iter().map(|v| v.id.as_str()).collect())
            }
            DerivedKind::Sum { .. } => Domain::Number,
        },
    }
}
