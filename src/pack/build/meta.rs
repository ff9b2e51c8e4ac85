//! The pack's metadata: the `[pack]` table with its languages and timeline, and the phases,
//! speakers and sections that questions and actions refer to.

use super::{Builder, Names, PackProblem};
use crate::condition::Var;
use crate::lang::Lang;
use crate::pack::raw::{RawFile, RawPackMeta, Sp};
use crate::pack::{Phase, QuestionKind, Section, SourceKind, Speaker, Timeline};
use crate::source::FileId;
use crate::text::LocalText;

/// The checked `[pack]` table.
pub(super) struct Meta<'r> {
    /// The file that holds it.
    pub file: FileId,
    /// The table as written.
    pub raw: &'r RawPackMeta,
    /// The pack's languages, without repeats (English when none is valid).
    pub languages: Vec<Lang>,
    /// The language used when nothing else decides.
    pub default_lang: Lang,
    /// Title.
    pub title: LocalText,
    /// Description.
    pub description: Option<LocalText>,
}

/// What questions and actions refer to: phases, speakers and sections.
pub(super) struct Outline {
    /// Phases, in pack order.
    pub phases: Vec<Phase>,
    /// Speakers, in pack order.
    pub speakers: Vec<Speaker>,
    /// Sections, in pack order.
    pub sections: Vec<Section>,
}

impl<'r> Builder<'_> {
    /// Finds the one `[pack]` table and checks it; `None` when no file has one.
    pub(super) fn meta(&mut self, id: &str, files: &'r [(FileId, RawFile)]) -> Option<Meta<'r>> {
        let metas: Vec<(FileId, &Sp<RawPackMeta>)> = files
            .iter()
            .filter_map(|(f, raw)| raw.pack.as_ref().map(|m| (*f, m)))
            .collect();
        let Some(&(meta_file, meta)) = metas.first() else {
            let file = files.first().map_or(FileId(0), |(f, _)| *f);
            self.report(
                PackProblem::NoPackTable {
                    pack: id.to_string(),
                },
                self.loc(file, 0..0),
            );
            return None;
        };
        for &(file, extra) in metas.iter().skip(1) {
            let first = self.sources.describe(&self.loc(meta_file, meta.span()));
            self.report(
                PackProblem::SecondPackTable { first },
                self.loc(file, extra.span()),
            );
        }
        let meta = meta.get_ref();
        self.plain(meta_file, &meta.id);
        self.plain(meta_file, &meta.version);
        let mut languages = Vec::new();
        for code in meta.languages.get_ref() {
            match code.get_ref().parse::<Lang>() {
                Ok(l) if !languages.contains(&l) => languages.push(l),
                Ok(_) => {}
                Err(_) => {
                    self.report(
                        PackProblem::UnsupportedLanguage {
                            code: code.get_ref().clone(),
                        },
                        self.loc(meta_file, code.span()),
                    );
                }
            }
        }
        if languages.is_empty() {
            self.report(
                PackProblem::EmptyLanguages,
                self.loc(meta_file, meta.languages.span()),
            );
            languages.push(Lang::En);
        }
        self.languages = languages.clone();
        let default_lang = match meta.default_lang.get_ref().parse::<Lang>() {
            Ok(l) if languages.contains(&l) => l,
            _ => {
                self.report(
                    PackProblem::DefaultLangNotDeclared,
                    self.loc(meta_file, meta.default_lang.span()),
                );
                languages[0]
            }
        };
        let title = self.text(meta_file, &meta.title);
        let description = self.opt_text(meta_file, &meta.description);
        Some(Meta {
            file: meta_file,
            raw: meta,
            languages,
            default_lang,
            title,
            description,
        })
    }

    /// Builds the phases, speakers and sections of every file.
    pub(super) fn outline(&mut self, files: &[(FileId, RawFile)], meta_file: FileId) -> Outline {
        let mut phases = Vec::new();
        let mut speakers = Vec::new();
        let mut sections = Vec::new();
        for (file, raw) in files {
            let file = *file;
            for p in &raw.phase {
                let p_ref = p.get_ref();
                if !self.unique("phase", file, &p_ref.id) {
                    continue;
                }
                let window = p_ref
                    .window
                    .as_ref()
                    .and_then(|w| match w.get_ref().as_slice() {
                        [a, b] if *a >= 0.0 && a <= b && *b <= 3.0 => Some((*a, *b)),
                        _ => {
                            self.report(PackProblem::InvalidWindow, self.loc(file, w.span()));
                            None
                        }
                    });
                let title = self.text(file, &p_ref.title);
                let summary = self.opt_text(file, &p_ref.summary);
                let past_end_months = p_ref
                    .past_end_months
                    .as_ref()
                    .and_then(|m| self.bounded(file, m, "past_end_months", 0..=120));
                phases.push(Phase {
                    id: p_ref.id.get_ref().clone(),
                    title,
                    summary,
                    window,
                    past_end_months,
                    loc: self.loc(file, p.span()),
                });
            }
            for s in &raw.speaker {
                let s = s.get_ref();
                if !self.unique("speaker", file, &s.id) {
                    continue;
                }
                let name = self.name(file, &s.name);
                let affiliation = self.opt_text(file, &s.affiliation);
                let framework = self.opt_text(file, &s.framework);
                speakers.push(Speaker {
                    id: s.id.get_ref().clone(),
                    kind: SourceKind::Speaker,
                    basis: None,
                    name,
                    affiliation,
                    framework,
                });
            }
            for s in &raw.source {
                let s = s.get_ref();
                if !self.unique("speaker", file, &s.id) {
                    continue;
                }
                let name = self.name(file, &s.name);
                let basis = self.opt_text(file, &s.basis);
                speakers.push(Speaker {
                    id: s.id.get_ref().clone(),
                    kind: SourceKind::Practice,
                    basis,
                    name,
                    affiliation: None,
                    framework: None,
                });
            }
            for s in &raw.section {
                let s = s.get_ref();
                if !self.unique("section", file, &s.id) {
                    continue;
                }
                let title = self.text(file, &s.title);
                let intro = self.opt_text(file, &s.intro);
                sections.push(Section {
                    id: s.id.get_ref().clone(),
                    title,
                    intro,
                });
            }
        }
        if phases.is_empty() {
            self.report(PackProblem::NoPhases, self.loc(meta_file, 0..0));
        }
        Outline {
            phases,
            speakers,
            sections,
        }
    }

    /// The timeline: `months` must name a number question.
    pub(super) fn timeline(&mut self, meta: &Meta<'_>, scope: &Names<'_>) -> Option<Timeline> {
        let meta_file = meta.file;
        let (names, questions, broken) = (scope.map, scope.questions, scope.broken);
        meta.raw.timeline.as_ref().and_then(|t| {
            let t_ref = t.get_ref();
            let min_months = t_ref.min_months.as_ref().map_or(1, |m| *m.get_ref());
            if !(0..=1200).contains(&min_months) {
                self.report(
                    PackProblem::OutOfBounds {
                        key: "min_months",
                        lo: 0,
                        hi: 1200,
                    },
                    self.loc(meta_file, t.span()),
                );
            }
            match names.get(t_ref.months.get_ref()) {
                Some(Var::Question(q))
                    if matches!(questions[*q].kind, QuestionKind::Number { .. }) =>
                {
                    Some(Timeline {
                        months: *q,
                        min_months,
                    })
                }
                None if broken.contains(t_ref.months.get_ref()) => None,
                _ => {
                    self.report(
                        PackProblem::TimelineMonthsNotNumber,
                        self.loc(meta_file, t_ref.months.span()),
                    );
                    None
                }
            }
        })
    }

    /// The question holding the organization's name: `organization`, or a text question named
    /// `org_name`.
    pub(super) fn organization(&mut self, meta: &Meta<'_>, scope: &Names<'_>) -> Option<usize> {
        let meta_file = meta.file;
        let (names, questions, broken) = (scope.map, scope.questions, scope.broken);
        match &meta.raw.organization {
            Some(name) => match names.get(name.get_ref()) {
                Some(Var::Question(q))
                    if matches!(questions[*q].kind, QuestionKind::Text { .. }) =>
                {
                    Some(*q)
                }
                None if broken.contains(name.get_ref()) => None,
                _ => {
                    self.report(
                        PackProblem::OrganizationNotText,
                        self.loc(meta_file, name.span()),
                    );
                    None
                }
            },
            None => match names.get("org_name") {
                Some(Var::Question(q))
                    if matches!(questions[*q].kind, QuestionKind::Text { .. }) =>
                {
                    Some(*q)
                }
                _ => None,
            },
        }
    }
}
