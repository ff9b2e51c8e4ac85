//! The pack format as written in TOML, before any checking. Field by field in
//! `docs/pack-format.md`. Every struct rejects unknown keys.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::answers::raw::RawAnswer;
use crate::text::LocalText;

/// An id, a condition or another string with where it is written.
pub type Str = Spanned<String>;
/// A localized text with where it is written.
pub type Text = Spanned<LocalText>;

/// One `.toml` file of a pack.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// `[pack]`: present in the one file that defines the pack.
    pub pack: Option<Spanned<RawPackMeta>>,
    /// `extends = "id"`: the pack this file adds to, when it is not in the pack's folder.
    pub extends: Option<Str>,
    /// `[[phase]]`
    #[serde(default)]
    pub phase: Vec<Spanned<RawPhase>>,
    /// `[[speaker]]`
    #[serde(default)]
    pub speaker: Vec<Spanned<RawSpeaker>>,
    /// `[[section]]`
    #[serde(default)]
    pub section: Vec<Spanned<RawSection>>,
    /// `[[question]]`
    #[serde(default)]
    pub question: Vec<Spanned<RawQuestion>>,
    /// `[[derived]]`
    #[serde(default)]
    pub derived: Vec<Spanned<RawDerived>>,
    /// `[[rule]]`
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
    /// `[[test]]`
    #[serde(default)]
    pub test: Vec<Spanned<RawTest>>,
}

/// `[pack]`
#[derive(Debug, Deserialize)]
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
    pub languages: Spanned<Vec<Str>>,
    /// The language used when nothing else decides.
    pub default_lang: Str,
    /// How phase windows become dates.
    pub timeline: Option<Spanned<RawTimeline>>,
    /// The text question holding the organization's name (default: `org_name` if present).
    pub organization: Option<Str>,
}

/// `[pack.timeline]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimeline {
    /// A number question giving the months left.
    pub months: Str,
    /// The shortest horizon, in months, used when fewer months are left.
    pub min_months: Option<Spanned<i64>>,
}

/// `[[phase]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhase {
    /// Phase id.
    pub id: Str,
    /// Title.
    pub title: Text,
    /// What the phase is about.
    pub summary: Option<Text>,
    /// `[start, end]` as shares of the horizon.
    pub window: Option<Spanned<Vec<f64>>>,
}

/// `[[speaker]]`
#[derive(Debug, Deserialize)]
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

/// `[[section]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    /// Section id.
    pub id: Str,
    /// Title.
    pub title: Text,
    /// Shown when the questionnaire enters the section.
    pub intro: Option<Text>,
}

/// `[[question]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Question id, the key in answers files.
    pub id: Str,
    /// The section it belongs to.
    pub section: Option<Str>,
    /// `single`, `multi`, `bool`, `number` or `text`.
    pub kind: Str,
    /// The question.
    pub prompt: Text,
    /// Why it is asked.
    pub help: Text,
    /// Skip logic: asked only when this holds.
    pub when: Option<Str>,
    /// Preselected answer.
    pub default: Option<Spanned<RawAnswer>>,
    /// Whether an answer is needed (default: yes, except for text).
    pub required: Option<bool>,
    /// Show the answer in the plan's diagnosis.
    pub diagnosis: Option<bool>,
    /// Used by placeholders when a text question is left empty.
    pub if_empty: Option<Text>,
    /// `[[question.option]]`
    #[serde(default)]
    pub option: Vec<Spanned<RawOption>>,
    /// Number: smallest value.
    pub min: Option<Spanned<i64>>,
    /// Number: largest value.
    pub max: Option<Spanned<i64>>,
    /// Number: unit shown after the value.
    pub unit: Option<Text>,
    /// Multiple choice: fewest options.
    pub min_selected: Option<Spanned<i64>>,
    /// Multiple choice: most options.
    pub max_selected: Option<Spanned<i64>>,
    /// Text: longest answer, in characters.
    pub max_length: Option<Spanned<i64>>,
}

/// `[[question.option]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    /// Option id, the value in answers files.
    pub id: Str,
    /// Label.
    pub label: Text,
    /// More words on the option.
    pub help: Option<Text>,
    /// Points for sums.
    pub score: Option<Spanned<i64>>,
    /// Cannot be chosen together with other options.
    pub exclusive: Option<bool>,
}

/// `[[derived]]`
#[derive(Debug, Deserialize)]
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
    pub value: Vec<Spanned<RawValue>>,
    /// Classification: ordered cases, first match wins.
    #[serde(default)]
    pub case: Vec<Spanned<RawCase>>,
    /// Sum: questions whose scores or numbers are added.
    pub sum: Option<Spanned<Vec<Str>>>,
    /// Whether the diagnosis shows it (default: yes).
    pub diagnosis: Option<bool>,
}

/// `[[derived.value]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawValue {
    /// Value id.
    pub id: Str,
    /// Label.
    pub label: Text,
    /// When set, a plan with this value shows only cautions: the pack stops here.
    pub blocks: Option<Text>,
}

/// `[[derived.case]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    /// Condition; none means "otherwise".
    pub when: Option<Str>,
    /// The value when it holds.
    pub value: Str,
}

/// `[[rule]]`
#[derive(Debug, Deserialize)]
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
    pub action: Vec<Spanned<RawAction>>,
    /// `[[rule.caution]]`
    #[serde(default)]
    pub caution: Vec<Spanned<RawCaution>>,
}

/// `[[rule.action]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    /// Phase id.
    pub phase: Str,
    /// Concept id.
    pub concept: Str,
    /// Speaker id.
    pub speaker: Str,
    /// Smaller comes first within a phase.
    pub priority: Option<Spanned<i64>>,
    /// Who carries it.
    pub owner: Text,
    /// How to know it worked.
    pub indicator: Text,
    /// What to do.
    pub text: Text,
    /// Why.
    pub why: Text,
}

/// `[[rule.caution]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCaution {
    /// The warning.
    pub text: Text,
    /// Whose framework it comes from.
    pub speaker: Option<Str>,
}

/// `[[test]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    /// Test id.
    pub id: Str,
    /// What the test shows.
    pub description: Option<Text>,
    /// The answers, as in an answers file.
    pub answers: Spanned<BTreeMap<Str, Spanned<RawAnswer>>>,
    /// Concepts that must be in the plan.
    #[serde(default)]
    pub expect_present: Vec<Str>,
    /// Concepts that must not be in the plan.
    #[serde(default)]
    pub expect_absent: Vec<Str>,
    /// Derived facts and the values they must have.
    #[serde(default)]
    pub expect_derived: BTreeMap<Str, Spanned<RawAnswer>>,
    /// Rules whose cautions must be shown.
    #[serde(default)]
    pub expect_cautions: Vec<Str>,
}
