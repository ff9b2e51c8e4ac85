//! Checks the files of one pack and builds the [`Pack`] model, reporting every problem at once.
//!
//! [`build`] runs the steps in order, each kept in the module for what it builds: `meta` (the
//! `[pack]` table, phases, speakers, sections, timeline), `texts` (ids and localized texts),
//! `questions` and `derived` (declared first, then their conditions, defaults, cases and sums
//! once every name is known), `rules` (rules, actions, cautions, templates),
//! `review_questions` (the `[[review_question]]` tables) and `test_tables` (the `[[test]]`
//! tables). What they find is a `problem::PackProblem`, worded in `problem`.

mod derived;
mod focus;
mod meta;
pub(crate) mod problem;
mod questions;
mod review_questions;
mod rule_defs;
mod test_tables;
mod texts;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::Place;
use super::raw::{RawDerived, RawFile, RawQuestion};
use super::{Derived, DerivedKind, Pack, PackOrigin, Question};
use crate::condition::{Domain, Scope, Var};
use crate::diagnostic::{Diagnostics, Problem, list_names};
use crate::lang::Lang;
use crate::source::{FileId, Loc, SourceMap};
use problem::PackProblem;

/// The files that make up one pack, in load order.
pub struct PackFiles {
    /// The pack id the files were grouped under.
    pub id: String,
    /// Parsed files.
    pub files: Vec<(FileId, RawFile)>,
    /// Where the files were read from.
    pub places: Vec<Place>,
    /// Files that belong to the pack but do not parse: the pack is built without them.
    pub unparsed: Vec<FileId>,
}

/// Default longest text answer, in characters.
const DEFAULT_MAX_LENGTH: i64 = 500;
/// How many derived facts deep a derived fact may read.
pub const MAX_DERIVED_DEPTH: usize = 32;
/// Default priority of an action.
const DEFAULT_PRIORITY: i64 = 100;

/// Checks a pack's files and builds it. Returns `None` when any error was found; warnings
/// (such as a text missing in one language) are returned either way.
pub fn build(input: PackFiles, sources: &SourceMap, lang: Lang) -> (Option<Pack>, Diagnostics) {
    let mut builder = Builder {
        sources,
        lang,
        diags: Diagnostics::new(),
        languages: Vec::new(),
        ids: HashMap::new(),
        single_language: Vec::new(),
    };
    let unparsed = input.unparsed.clone();
    let pack = builder.pack(input);
    let pack = if builder.diags.has_errors() {
        None
    } else {
        pack
    };
    let mut diags = builder.diags;
    if !unparsed.is_empty() {
        let names = list_names(
            unparsed.iter().map(|f| sources.get(*f).name.as_str()),
            usize::MAX,
            lang,
        );
        let follows = problem::unparsed_note(&names, lang);
        let mut marked = Diagnostics::new();
        marked.extend(diags.into_vec().into_iter().map(|d| {
            if problem::may_follow_from_unparsed(d.code) {
                d.help(follows.clone())
            } else {
                d
            }
        }));
        diags = marked;
    }
    (pack, diags)
}

struct Builder<'a> {
    sources: &'a SourceMap,
    lang: Lang,
    diags: Diagnostics,
    languages: Vec<Lang>,
    /// First definition of each id, per kind of thing, for duplicate reports.
    ids: HashMap<(&'static str, String), Loc>,
    /// Plain strings where the pack has two languages, for lint (L013).
    single_language: Vec<Loc>,
}

/// Names that conditions and templates can read.
struct Names<'p> {
    questions: &'p [Question],
    derived: &'p [Derived],
    map: &'p HashMap<String, Var>,
    /// Questions and derived facts left out because their definitions have errors.
    broken: &'p HashSet<String>,
}

impl Scope for Names<'_> {
    fn resolve(&self, name: &str) -> Option<(Var, Domain<'_>)> {
        let var = *self.map.get(name)?;
        Some((var, super::domain_of(self.questions, self.derived, var)))
    }

    fn names(&self) -> Vec<&str> {
        sorted_names(self.map)
    }

    fn is_broken(&self, name: &str) -> bool {
        self.broken.contains(name)
    }
}

/// The names of `map` in alphabetical order, so that "known names" hints read the same on
/// every run (a hash map's order changes from run to run).
fn sorted_names(map: &HashMap<String, Var>) -> Vec<&str> {
    let mut names: Vec<&str> = map.keys().map(String::as_str).collect();
    names.sort_unstable();
    names
}

/// The names of `map` in alphabetical order, to suggest one in a problem.
fn known_names(map: &HashMap<String, Var>) -> Vec<String> {
    sorted_names(map).into_iter().map(str::to_string).collect()
}

/// Ids to suggest one in a problem.
fn known<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    ids.into_iter().map(str::to_string).collect()
}

/// Questions and derived facts once declared, with the tables their conditions, defaults, cases
/// and sums are read from once every name is known.
#[derive(Default)]
struct Declared<'r> {
    /// Questions without errors, in pack order.
    questions: Vec<Question>,
    /// Derived facts without errors, in pack order.
    derived: Vec<Derived>,
    /// Questions and derived facts by id: they share one namespace.
    names: HashMap<String, Var>,
    /// Questions and derived facts left out because their definitions have errors.
    broken: HashSet<String>,
    /// The table of each question.
    raw_questions: Vec<(FileId, &'r RawQuestion)>,
    /// The table of each derived fact.
    raw_derived: Vec<(FileId, &'r RawDerived)>,
}

impl Declared<'_> {
    /// The names conditions and templates can read.
    fn scope(&self) -> Names<'_> {
        Names {
            questions: &self.questions,
            derived: &self.derived,
            map: &self.names,
            broken: &self.broken,
        }
    }
}

impl Builder<'_> {
    fn loc(&self, file: FileId, span: Range<usize>) -> Loc {
        Loc::new(file, span)
    }

    /// Reports a problem at `loc`, worded in the language of the run.
    fn report(&mut self, problem: PackProblem, loc: Loc) {
        self.diags.push(problem.diagnostic(loc, self.lang));
    }

    fn pack(&mut self, input: PackFiles) -> Option<Pack> {
        let files: &[(FileId, RawFile)] = &input.files;
        let meta = self.meta(&input.id, files)?;
        let outline = self.outline(files, meta.file);

        // Questions and derived facts share one namespace. Those whose definitions have errors
        // are left out, and uses of them are not reported again.
        let mut declared = Declared::default();
        self.declare_questions(files, &outline.sections, &mut declared);
        self.declare_derived(files, &mut declared);

        // Defaults, conditions, sums: everything that needs every name.
        let (whens, defaults) = self.question_conditions(&declared);
        let (cases_all, sums) = self.derived_cases(&declared);
        let Declared {
            mut questions,
            mut derived,
            names,
            broken,
            ..
        } = declared;
        for (question, (when, default)) in questions.iter_mut().zip(whens.into_iter().zip(defaults))
        {
            question.when = when;
            question.default = default;
        }
        for (fact, (cases, terms)) in derived.iter_mut().zip(cases_all.into_iter().zip(sums)) {
            match &mut fact.kind {
                DerivedKind::Classify { cases: slot, .. } => *slot = cases,
                DerivedKind::Sum { terms: slot } => *slot = terms,
            }
        }
        let derived_order = self.derived_order(&derived);
        // Skip-order checks walk derived facts recursively: only once they are known to be
        // acyclic and shallow.
        if derived_order.len() == derived.len() && self.derived_depth(&derived, &derived_order) {
            self.check_skip_order(&questions, &derived);
        }
        let scope = Names {
            questions: &questions,
            derived: &derived,
            map: &names,
            broken: &broken,
        };
        let mut rules = Vec::new();
        let mut tests = Vec::new();
        for (file, raw) in files {
            for r in &raw.rule {
                if !self.unique("rule", *file, &r.get_ref().id) {
                    continue;
                }
                if let Some(rule) = self.rule(*file, r, &scope, &outline.phases, &outline.speakers)
                {
                    rules.push(rule);
                }
            }
            for t in &raw.test {
                if !self.unique("test", *file, &t.get_ref().id) {
                    continue;
                }
                tests.push(self.test(*file, t));
            }
        }
        let focus = meta
            .raw
            .focus
            .as_ref()
            .and_then(|f| self.focus(meta.file, f, &scope));
        let review_questions = self.review_questions(files, &scope, &outline.speakers);
        let timeline = self.timeline(&meta, &scope);
        let organization = self.organization(&meta, &scope);

        if self.diags.has_errors() {
            return None;
        }
        Some(Pack {
            id: meta.raw.id.get_ref().clone(),
            version: meta.raw.version.get_ref().clone(),
            title: meta.title,
            description: meta.description,
            languages: meta.languages,
            default_lang: meta.default_lang,
            timeline,
            focus,
            organization,
            phases: outline.phases,
            speakers: outline.speakers,
            sections: outline.sections,
            questions,
            derived,
            derived_order,
            rules,
            review_questions,
            tests,
            origin: PackOrigin {
                files: files.iter().map(|(f, _)| *f).collect(),
                places: input.places.clone(),
            },
            lint_notes: super::LintNotes {
                single_language: std::mem::take(&mut self.single_language),
                unparsed: input.unparsed.clone(),
            },
            names,
        })
    }
}
