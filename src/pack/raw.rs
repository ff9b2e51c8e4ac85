//! The pack format as written in TOML, before any checking. Field by field in
//! `docs/pack-format.md`. Every struct rejects unknown keys.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::text::LocalText;
use crate::value::RawAnswer;

/// An id, a condition or another string with where it is written.
pub type Str = Spanned<String>;
/// A localized text with where it is written.
pub type Text = Spanned<LocalText>;

/// One `.toml` file of a pack.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// `[pack]`: present in the one file that defines the pack.
    #[schemars(with = "Option<RawPackMeta>")]
    pub pack: Option<Spanned<RawPackMeta>>,
    /// `extends = "id"`: the pack this file adds to, when it is not in the pack's folder.
    #[schemars(with = "Option<String>")]
    pub extends: Option<Str>,
    /// `[[phase]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawPhase>")]
    pub phase: Vec<Spanned<RawPhase>>,
    /// `[[speaker]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawSpeaker>")]
    pub speaker: Vec<Spanned<RawSpeaker>>,
    /// `[[source]]`: sources that are not speakers (practice notes).
    #[serde(default)]
    #[schemars(with = "Vec<RawSource>")]
    pub source: Vec<Spanned<RawSource>>,
    /// `[[section]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawSection>")]
    pub section: Vec<Spanned<RawSection>>,
    /// `[[question]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawQuestion>")]
    pub question: Vec<Spanned<RawQuestion>>,
    /// `[[derived]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawDerived>")]
    pub derived: Vec<Spanned<RawDerived>>,
    /// `[[rule]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawRule>")]
    pub rule: Vec<Spanned<RawRule>>,
    /// `[[test]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawTest>")]
    pub test: Vec<Spanned<RawTest>>,
    /// `[[review_question]]`: questions the review (复盘) report asks.
    #[serde(default)]
    #[schemars(with = "Vec<RawReviewQuestion>")]
    pub review_question: Vec<Spanned<RawReviewQuestion>>,
}

/// `[pack]`: the pack's id, title and languages (in exactly one file of the pack).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPackMeta {
    /// The pack id, used by `--pack` and answers files.
    #[schemars(with = "String")]
    pub id: Str,
    /// The pack's own version.
    #[schemars(with = "String")]
    pub version: Str,
    /// The title printed on plans.
    #[schemars(with = "LocalText")]
    pub title: Text,
    /// One paragraph on what the pack is for.
    #[schemars(with = "Option<LocalText>")]
    pub description: Option<Text>,
    /// Languages every text must be written in.
    #[schemars(with = "Vec<String>", extend("items" = { "enum": ["zh", "en"] }))]
    pub languages: Spanned<Vec<Str>>,
    /// The language used when nothing else decides.
    #[schemars(with = "String", extend("enum" = ["zh", "en"]))]
    pub default_lang: Str,
    /// How phase windows become dates.
    #[schemars(with = "Option<RawTimeline>")]
    pub timeline: Option<Spanned<RawTimeline>>,
    /// The text question holding the organization's name (default: `org_name` if present).
    #[schemars(with = "Option<String>")]
    pub organization: Option<Str>,
    /// How many first steps a plan opens with, and how long it may be.
    #[schemars(with = "Option<RawFocus>")]
    pub focus: Option<Spanned<RawFocus>>,
}

/// `[pack.focus]`: the first steps and the length budget of a plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFocus {
    /// How many actions the plan opens with as its first steps.
    #[schemars(with = "Option<i64>")]
    pub first_steps: Option<Spanned<i64>>,
    /// Budgets: the first whose `when` holds (or has no `when`) sets the plan's length.
    #[serde(default)]
    #[schemars(with = "Vec<RawBudget>")]
    pub budget: Vec<Spanned<RawBudget>>,
}

/// `[[pack.focus.budget]]`: at most `max` actions in the phases when `when` holds.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBudget {
    /// Condition; none means "otherwise".
    #[schemars(with = "Option<String>")]
    pub when: Option<Str>,
    /// Most actions in the phases; the rest are deferred.
    #[schemars(with = "i64")]
    pub max: Spanned<i64>,
}

/// `[pack.timeline]`: how phase windows become dates.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTimeline {
    /// A number question giving the months left.
    #[schemars(with = "String")]
    pub months: Str,
    /// The shortest horizon, in months, used when fewer months are left.
    #[schemars(with = "Option<i64>")]
    pub min_months: Option<Spanned<i64>>,
}

/// `[[phase]]`: a phase of the plan; phases print in the order declared.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPhase {
    /// Phase id.
    #[schemars(with = "String")]
    pub id: Str,
    /// Title.
    #[schemars(with = "LocalText")]
    pub title: Text,
    /// What the phase is about.
    #[schemars(with = "Option<LocalText>")]
    pub summary: Option<Text>,
    /// `[start, end]` as shares of the horizon.
    #[schemars(with = "Option<Vec<f64>>", extend("minItems" = 2, "maxItems" = 2))]
    pub window: Option<Spanned<Vec<f64>>>,
    /// The window reaches at least this many months past the project's end.
    #[schemars(with = "Option<i64>")]
    pub past_end_months: Option<Spanned<i64>>,
}

/// `[[speaker]]`: a source that actions and cautions cite.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSpeaker {
    /// Speaker id.
    #[schemars(with = "String")]
    pub id: Str,
    /// Name.
    #[schemars(with = "LocalText")]
    pub name: Text,
    /// Organization or role.
    #[schemars(with = "Option<LocalText>")]
    pub affiliation: Option<Text>,
    /// The framework they contribute, in a few words.
    #[schemars(with = "Option<LocalText>")]
    pub framework: Option<Text>,
}

/// `[[source]]`: a source cited by actions that is not a speaker, such as sector practice.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Source id.
    #[schemars(with = "String")]
    pub id: Str,
    /// Name printed with the actions that cite it.
    #[schemars(with = "LocalText")]
    pub name: Text,
    /// What it rests on (studies, regulations).
    #[schemars(with = "Option<LocalText>")]
    pub basis: Option<Text>,
}

/// `[[section]]`: a group of questions.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    /// Section id.
    #[schemars(with = "String")]
    pub id: Str,
    /// Title.
    #[schemars(with = "LocalText")]
    pub title: Text,
    /// Shown when the questionnaire enters the section.
    #[schemars(with = "Option<LocalText>")]
    pub intro: Option<Text>,
}

/// `[[question]]`: one question of the questionnaire, asked in file order.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Question id, the key in answers files.
    #[schemars(with = "String")]
    pub id: Str,
    /// The section it belongs to.
    #[schemars(with = "Option<String>")]
    pub section: Option<Str>,
    /// `single`, `multi`, `bool`, `number` or `text`.
    #[schemars(
        with = "String",
        extend("enum" = ["single", "multi", "bool", "number", "text"])
    )]
    pub kind: Str,
    /// The question.
    #[schemars(with = "LocalText")]
    pub prompt: Text,
    /// A short label for tables (the plan's diagnosis), instead of the whole prompt.
    #[schemars(with = "Option<LocalText>")]
    pub short: Option<Text>,
    /// Why it is asked.
    #[schemars(with = "LocalText")]
    pub help: Text,
    /// Skip logic: asked only when this holds.
    #[schemars(with = "Option<String>")]
    pub when: Option<Str>,
    /// Preselected answer.
    #[schemars(with = "Option<RawAnswer>")]
    pub default: Option<Spanned<RawAnswer>>,
    /// Whether an answer is needed (default: yes, except for text).
    pub required: Option<bool>,
    /// Show the answer in the plan's diagnosis.
    pub diagnosis: Option<bool>,
    /// Used by placeholders when a text question is left empty.
    #[schemars(with = "Option<LocalText>")]
    pub if_empty: Option<Text>,
    /// `[[question.option]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawOption>")]
    pub option: Vec<Spanned<RawOption>>,
    /// Number: smallest value.
    #[schemars(with = "Option<i64>")]
    pub min: Option<Spanned<i64>>,
    /// Number: largest value.
    #[schemars(with = "Option<i64>")]
    pub max: Option<Spanned<i64>>,
    /// Number: unit shown after the value.
    #[schemars(with = "Option<LocalText>")]
    pub unit: Option<Text>,
    /// Multiple choice: fewest options.
    #[schemars(with = "Option<i64>")]
    pub min_selected: Option<Spanned<i64>>,
    /// Multiple choice: most options.
    #[schemars(with = "Option<i64>")]
    pub max_selected: Option<Spanned<i64>>,
    /// Text: longest answer, in characters.
    #[schemars(with = "Option<i64>")]
    pub max_length: Option<Spanned<i64>>,
}

/// `[[question.option]]`: an option of a `single` or `multi` question.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    /// Option id, the value in answers files.
    #[schemars(with = "String")]
    pub id: Str,
    /// Label.
    #[schemars(with = "LocalText")]
    pub label: Text,
    /// More words on the option.
    #[schemars(with = "Option<LocalText>")]
    pub help: Option<Text>,
    /// Points for sums.
    #[schemars(with = "Option<i64>")]
    pub score: Option<Spanned<i64>>,
    /// Cannot be chosen together with other options.
    pub exclusive: Option<bool>,
}

/// `[[derived]]`: a fact computed from answers: a `sum`, or `[[derived.value]]`s chosen by
/// ordered `[[derived.case]]`s (first match wins).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDerived {
    /// Derived fact id.
    #[schemars(with = "String")]
    pub id: Str,
    /// Name shown in the diagnosis.
    #[schemars(with = "LocalText")]
    pub label: Text,
    /// What it means.
    #[schemars(with = "Option<LocalText>")]
    pub help: Option<Text>,
    /// Classification: possible values.
    #[serde(default)]
    #[schemars(with = "Vec<RawValue>")]
    pub value: Vec<Spanned<RawValue>>,
    /// Classification: ordered cases, first match wins.
    #[serde(default)]
    #[schemars(with = "Vec<RawCase>")]
    pub case: Vec<Spanned<RawCase>>,
    /// Sum: questions whose scores or numbers are added.
    #[schemars(with = "Option<Vec<String>>")]
    pub sum: Option<Spanned<Vec<Str>>>,
    /// Whether the diagnosis shows it (default: yes).
    pub diagnosis: Option<bool>,
}

/// `[[derived.value]]`: a possible value of a classification.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawValue {
    /// Value id.
    #[schemars(with = "String")]
    pub id: Str,
    /// Label.
    #[schemars(with = "LocalText")]
    pub label: Text,
    /// When set, a plan with this value shows only cautions: the pack stops here.
    #[schemars(with = "Option<LocalText>")]
    pub blocks: Option<Text>,
}

/// `[[derived.case]]`: a condition and the value it gives; the first that holds wins.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    /// Condition; none means "otherwise".
    #[schemars(with = "Option<String>")]
    pub when: Option<Str>,
    /// The value when it holds.
    #[schemars(with = "String")]
    pub value: Str,
}

/// `[[rule]]`: a condition and the actions and cautions it adds to the plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Rule id.
    #[schemars(with = "String")]
    pub id: Str,
    /// Condition; none means always.
    #[schemars(with = "Option<String>")]
    pub when: Option<Str>,
    /// Rules in the same group must never fire together (checked by lint).
    #[schemars(with = "Option<String>")]
    pub exclusive_group: Option<Str>,
    /// `[[rule.action]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawAction>")]
    pub action: Vec<Spanned<RawAction>>,
    /// `[[rule.caution]]`
    #[serde(default)]
    #[schemars(with = "Vec<RawCaution>")]
    pub caution: Vec<Spanned<RawCaution>>,
}

/// `[[rule.action]]`: one action of the plan, in a phase.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    /// Phase id.
    #[schemars(with = "String")]
    pub phase: Str,
    /// Concept id.
    #[schemars(with = "String")]
    pub concept: Str,
    /// Speaker id.
    #[schemars(with = "String")]
    pub speaker: Str,
    /// Smaller comes first within a phase.
    #[schemars(with = "Option<i64>")]
    pub priority: Option<Spanned<i64>>,
    /// Who carries it: a role inside the organization.
    #[schemars(with = "LocalText")]
    pub owner: Text,
    /// Outside parties who take part.
    #[serde(default)]
    #[schemars(with = "Vec<LocalText>")]
    pub partners: Vec<Text>,
    /// Never deferred by the plan's length budget.
    pub keep: Option<bool>,
    /// How to know it worked.
    #[schemars(with = "LocalText")]
    pub indicator: Text,
    /// The indicator's deadline, in weeks from the start of the action's phase.
    #[schemars(with = "Option<i64>")]
    pub deadline_weeks: Option<Spanned<i64>>,
    /// What to do.
    #[schemars(with = "LocalText")]
    pub text: Text,
    /// Why.
    #[schemars(with = "LocalText")]
    pub why: Text,
}

/// `[[rule.caution]]`: a warning shown above the actions.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCaution {
    /// The warning.
    #[schemars(with = "LocalText")]
    pub text: Text,
    /// Whose framework it comes from.
    #[schemars(with = "Option<String>")]
    pub speaker: Option<Str>,
}

/// `[[review_question]]`: a question the review meeting answers, printed with space for the
/// answer by `fulcrum review`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReviewQuestion {
    /// Question id.
    #[schemars(with = "String")]
    pub id: Str,
    /// Asked only when this holds; none means always.
    #[schemars(with = "Option<String>")]
    pub when: Option<Str>,
    /// Speaker or source id: whose framework the question comes from.
    #[schemars(with = "String")]
    pub speaker: Str,
    /// The question.
    #[schemars(with = "LocalText")]
    pub text: Text,
    /// What to look at when answering it.
    #[schemars(with = "Option<LocalText>")]
    pub help: Option<Text>,
}

/// `[[test]]`: answers and what the plan must (not) contain; run by `fulcrum rules test`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    /// Test id.
    #[schemars(with = "String")]
    pub id: Str,
    /// What the test shows.
    #[schemars(with = "Option<LocalText>")]
    pub description: Option<Text>,
    /// The answers, as in an answers file.
    #[schemars(with = "BTreeMap<String, RawAnswer>")]
    pub answers: Spanned<BTreeMap<Str, Spanned<RawAnswer>>>,
    /// Concepts that must be in the plan.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub expect_present: Vec<Str>,
    /// Concepts that must not be in the plan.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub expect_absent: Vec<Str>,
    /// Derived facts and the values they must have.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RawAnswer>")]
    pub expect_derived: BTreeMap<Str, Spanned<RawAnswer>>,
    /// Rules whose cautions must be shown.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub expect_cautions: Vec<Str>,
    /// The language the plan is made in for the text checks (default: the pack's).
    #[schemars(with = "Option<String>")]
    pub lang: Option<Str>,
    /// Words the plan's texts must contain.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub expect_text: Vec<Str>,
    /// Words the plan's texts must not contain.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub expect_no_text: Vec<Str>,
    /// The concepts of the first steps, in order.
    #[schemars(with = "Option<Vec<String>>")]
    pub expect_first_steps: Option<Vec<Str>>,
    /// Concepts that must be among the deferred actions.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub expect_deferred: Vec<Str>,
    /// At most this many actions in the phases.
    #[schemars(with = "Option<i64>")]
    pub expect_max_actions: Option<Spanned<i64>>,
}
