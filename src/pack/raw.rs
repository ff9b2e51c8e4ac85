//! The pack format as written in TOML, before any checking. Field by field in
//! `docs/pack-format.md`. Every struct rejects unknown keys.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::text::LocalText;
use crate::value::RawAnswer;

/// A value with where it is written: `toml::Spanned`, whose JSON schema
/// (`crate::pack::schema`) is the value's own, since a place exists only in a file. Derefs to
/// the `Spanned` it wraps; serializes as the value alone (the schema's defaults).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Sp<T>(Spanned<T>);

impl<T> std::ops::Deref for Sp<T> {
    type Target = Spanned<T>;

    fn deref(&self) -> &Spanned<T> {
        &self.0
    }
}

/// An id, a condition or another string with where it is written.
pub type Str = Sp<String>;
/// A localized text with where it is written.
pub type Text = Sp<LocalText>;

/// One `.toml` file of a pack.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// `[pack]`: present in the one file that defines the pack.
    pub pack: Option<Sp<RawPackMeta>>,
    /// `extends = "id"`: the pack this file adds to, when it is not in the pack's folder.
    pub extends: Option<Str>,
    /// `[[phase]]`
    #[serde(default)]
    pub phase: Vec<Sp<RawPhase>>,
    /// `[[speaker]]`
    #[serde(default)]
    pub speaker: Vec<Sp<RawSpeaker>>,
    /// `[[source]]`: sources that are not speakers (practice notes).
    #[serde(default)]
    pub source: Vec<Sp<RawSource>>,
    /// `[[section]]`
    #[serde(default)]
    pub section: Vec<Sp<RawSection>>,
    /// `[[question]]`
    #[serde(default)]
    pub question: Vec<Sp<RawQuestion>>,
    /// `[[derived]]`
    #[serde(default)]
    pub derived: Vec<Sp<RawDerived>>,
    /// `[[rule]]`
    #[serde(default)]
    pub rule: Vec<Sp<RawRule>>,
    /// `[[test]]`
    #[serde(default)]
    pub test: Vec<Sp<RawTest>>,
    /// `[[review_question]]`: questions the review (复盘) report asks.
    #[serde(default)]
    pub review_question: Vec<Sp<RawReviewQuestion>>,
}

/// `[pack]`: the pack's id, title and languages (in exactly one file of the pack).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPackMeta {
    /// The pack id, used by `--pack` and answers files.
    pub id: Str,
    /// The pack's own version.
    pub version: Str,
    /// The title printed on plans.
    pub title: Text,
    /// One paragraph on what the pack is for.
    pub description: Option<Text>,
    /// Languages every text must be written in.
    #[schemars(extend("items" = { "enum": ["zh", "en"] }))]
    pub languages: Sp<Vec<Str>>,
    /// The language used when nothing else decides.
    #[schemars(extend("enum" = ["zh", "en"]))]
    pub default_lang: Str,
    /// How phase windows become dates.
    pub timeline: Option<Sp<RawTimeline>>,
    /// The text question holding the organization's name (default: `org_name` if present).
    pub organization: Option<Str>,
    /// How many first steps a plan opens with, and how long it may be.
    pub focus: Option<Sp<RawFocus>>,
}

/// `[pack.focus]`: the first steps and the length budget of a plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFocus {
    /// How many actions the plan opens with as its first steps.
    pub first_steps: Option<Sp<i64>>,
    /// Budgets: the first whose `when` holds (or has no `when`) sets the plan's length.
    #[serde(default)]
    pub budget: Vec<Sp<RawBudget>>,
}

/// `[[pack.focus.budget]]`: at most `max` actions in the phases when `when` holds.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBudget {
    /// Condition; none means "otherwise".
    pub when: Option<Str>,
    /// Most actions in the phases; the rest are deferred.
    pub max: Sp<i64>,
}

/// `[pack.timeline]`: how phase windows become dates.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTimeline {
    /// A number question giving the months left.
    pub months: Str,
    /// The shortest horizon, in months, used when fewer months are left.
    pub min_months: Option<Sp<i64>>,
}

/// `[[phase]]`: a phase of the plan; phases print in the order declared.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPhase {
    /// Phase id.
    pub id: Str,
    /// Title.
    pub title: Text,
    /// What the phase is about.
    pub summary: Option<Text>,
    /// `[start, end]` as shares of the horizon.
    #[schemars(extend("minItems" = 2, "maxItems" = 2))]
    pub window: Option<Sp<Vec<f64>>>,
    /// The window reaches at least this many months past the project's end.
    pub past_end_months: Option<Sp<i64>>,
}

/// `[[speaker]]`: a source that actions and cautions cite.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSpeaker {
    /// Speaker id.
    pub id: Str,
    /// Name.
    pub name: Text,
    /// Organization or role.
    pub affiliation: Option<Text>,
    /// The framework they contribute, in a few words.
    pub framework: Option<Text>,
}

/// `[[source]]`: a source cited by actions that is not a speaker, such as sector practice.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Source id.
    pub id: Str,
    /// Name printed with the actions that cite it.
    pub name: Text,
    /// What it rests on (studies, regulations).
    pub basis: Option<Text>,
}

/// `[[section]]`: a group of questions.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    /// Section id.
    pub id: Str,
    /// Title.
    pub title: Text,
    /// Shown when the questionnaire enters the section.
    pub intro: Option<Text>,
}

/// `[[question]]`: one question of the questionnaire, asked in file order.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Question id, the key in answers files.
    pub id: Str,
    /// The section it belongs to.
    pub section: Option<Str>,
    /// `single`, `multi`, `bool`, `number` or `text`.
    #[schemars(extend("enum" = ["single", "multi", "bool", "number", "text"]))]
    pub kind: Str,
    /// The question.
    pub prompt: Text,
    /// A short label for tables (the plan's diagnosis), instead of the whole prompt.
    pub short: Option<Text>,
    /// Why it is asked.
    pub help: Text,
    /// Skip logic: asked only when this holds.
    pub when: Option<Str>,
    /// Preselected answer.
    pub default: Option<Sp<RawAnswer>>,
    /// Whether an answer is needed (default: yes, except for text).
    pub required: Option<bool>,
    /// Show the answer in the plan's diagnosis.
    pub diagnosis: Option<bool>,
    /// Used by placeholders when a text question is left empty.
    pub if_empty: Option<Text>,
    /// `[[question.option]]`
    #[serde(default)]
    pub option: Vec<Sp<RawOption>>,
    /// Number: smallest value.
    pub min: Option<Sp<i64>>,
    /// Number: largest value.
    pub max: Option<Sp<i64>>,
    /// Number: unit shown after the value.
    pub unit: Option<Text>,
    /// Multiple choice: fewest options.
    pub min_selected: Option<Sp<i64>>,
    /// Multiple choice: most options.
    pub max_selected: Option<Sp<i64>>,
    /// Text: longest answer, in characters.
    pub max_length: Option<Sp<i64>>,
}

/// `[[question.option]]`: an option of a `single` or `multi` question.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    /// Option id, the value in answers files.
    pub id: Str,
    /// Label.
    pub label: Text,
    /// More words on the option.
    pub help: Option<Text>,
    /// Points for sums.
    pub score: Option<Sp<i64>>,
    /// Cannot be chosen together with other options.
    pub exclusive: Option<bool>,
}

/// `[[derived]]`: a fact computed from answers: a `sum`, or `[[derived.value]]`s chosen by
/// ordered `[[derived.case]]`s (first match wins).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDerived {
    /// Derived fact id.
    pub id: Str,
    /// Name shown in the diagnosis.
    pub label: Text,
    /// What it means.
    pub help: Option<Text>,
    /// Classification: possible values.
    #[serde(default)]
    pub value: Vec<Sp<RawValue>>,
    /// Classification: ordered cases, first match wins.
    #[serde(default)]
    pub case: Vec<Sp<RawCase>>,
    /// Sum: questions whose scores or numbers are added.
    pub sum: Option<Sp<Vec<Str>>>,
    /// Whether the diagnosis shows it (default: yes).
    pub diagnosis: Option<bool>,
}

/// `[[derived.value]]`: a possible value of a classification.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawValue {
    /// Value id.
    pub id: Str,
    /// Label.
    pub label: Text,
    /// When set, a plan with this value shows only cautions: the pack stops here.
    pub blocks: Option<Text>,
}

/// `[[derived.case]]`: a condition and the value it gives; the first that holds wins.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    /// Condition; none means "otherwise".
    pub when: Option<Str>,
    /// The value when it holds.
    pub value: Str,
}

/// `[[rule]]`: a condition and the actions and cautions it adds to the plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Rule id.
    pub id: Str,
    /// Condition; none means always.
    pub when: Option<Str>,
    /// Rules in the same group must never fire together (checked by lint).
    pub exclusive_group: Option<Str>,
    /// `[[rule.action]]`
    #[serde(default)]
    pub action: Vec<Sp<RawAction>>,
    /// `[[rule.caution]]`
    #[serde(default)]
    pub caution: Vec<Sp<RawCaution>>,
}

/// `[[rule.action]]`: one action of the plan, in a phase.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    /// Phase id.
    pub phase: Str,
    /// Concept id.
    pub concept: Str,
    /// Speaker id.
    pub speaker: Str,
    /// Smaller comes first within a phase.
    pub priority: Option<Sp<i64>>,
    /// Who carries it: a role inside the organization.
    pub owner: Text,
    /// Outside parties who take part.
    #[serde(default)]
    pub partners: Vec<Text>,
    /// Never deferred by the plan's length budget.
    pub keep: Option<bool>,
    /// How to know it worked.
    pub indicator: Text,
    /// The indicator's deadline, in weeks from the start of the action's phase.
    pub deadline_weeks: Option<Sp<i64>>,
    /// What to do.
    pub text: Text,
    /// Why.
    pub why: Text,
}

/// `[[rule.caution]]`: a warning shown above the actions.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCaution {
    /// The warning.
    pub text: Text,
    /// Whose framework it comes from.
    pub speaker: Option<Str>,
}

/// `[[review_question]]`: a question the review meeting answers, printed with space for the
/// answer by `fulcrum review`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReviewQuestion {
    /// Question id.
    pub id: Str,
    /// Asked only when this holds; none means always.
    pub when: Option<Str>,
    /// Speaker or source id: whose framework the question comes from.
    pub speaker: Str,
    /// The question.
    pub text: Text,
    /// What to look at when answering it.
    pub help: Option<Text>,
}

/// `[[test]]`: answers and what the plan must (not) contain; run by `fulcrum rules test`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    /// Test id.
    pub id: Str,
    /// What the test shows.
    pub description: Option<Text>,
    /// The answers, as in an answers file.
    pub answers: Sp<BTreeMap<Str, Sp<RawAnswer>>>,
    /// Concepts that must be in the plan.
    #[serde(default)]
    pub expect_present: Vec<Str>,
    /// Concepts that must not be in the plan.
    #[serde(default)]
    pub expect_absent: Vec<Str>,
    /// Derived facts and the values they must have.
    #[serde(default)]
    pub expect_derived: BTreeMap<Str, Sp<RawAnswer>>,
    /// Rules whose cautions must be shown.
    #[serde(default)]
    pub expect_cautions: Vec<Str>,
    /// The language the plan is made in for the text checks (default: the pack's).
    pub lang: Option<Str>,
    /// Words the plan's texts must contain.
    #[serde(default)]
    pub expect_text: Vec<Str>,
    /// Words the plan's texts must not contain.
    #[serde(default)]
    pub expect_no_text: Vec<Str>,
    /// The concepts of the first steps, in order.
    pub expect_first_steps: Option<Vec<Str>>,
    /// Concepts that must be among the deferred actions.
    #[serde(default)]
    pub expect_deferred: Vec<Str>,
    /// At most this many actions in the phases.
    pub expect_max_actions: Option<Sp<i64>>,
}
