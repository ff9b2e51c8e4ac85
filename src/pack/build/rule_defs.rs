//! Rules: their conditions, actions, cautions and the templates in their texts.

use toml::Spanned;

use super::{Builder, DEFAULT_PRIORITY, Names, PackProblem, known, known_names};
use crate::condition::{self, Condition};
use crate::lang::Lang;
use crate::pack::placeholder::{self, TemplateError};
use crate::pack::raw::{RawAction, RawRule, Str, Text};
use crate::pack::{Action, Caution, Phase, Rule, Speaker, Template};
use crate::source::{FileId, StringOrigin};

impl Builder<'_> {
    pub(super) fn condition(
        &mut self,
        file: FileId,
        when: &Str,
        scope: &Names<'_>,
    ) -> Option<Condition> {
        let origin = StringOrigin::new(file, &self.sources.get(file).text, when.span());
        match condition::compile(when.get_ref(), &origin, scope, self.lang) {
            Ok(c) => Some(c),
            Err(errors) => {
                self.diags.extend(errors);
                None
            }
        }
    }

    pub(super) fn rule(
        &mut self,
        file: FileId,
        r: &Spanned<RawRule>,
        scope: &Names<'_>,
        phases: &[Phase],
        speakers: &[Speaker],
    ) -> Option<Rule> {
        let raw = r.get_ref();
        let when = match &raw.when {
            Some(w) => Some(self.condition(file, w, scope)?),
            None => None,
        };
        let mut actions = Vec::new();
        for a in &raw.action {
            if let Some(action) = self.action(file, a, scope, phases, speakers) {
                actions.push(action);
            }
        }
        let mut cautions = Vec::new();
        for c in &raw.caution {
            let c_ref = c.get_ref();
            let speaker = c_ref
                .speaker
                .as_ref()
                .and_then(|s| self.speaker_ref(file, s, speakers));
            let text = self.template(file, &c_ref.text, scope);
            cautions.push(Caution {
                text,
                speaker,
                loc: self.loc(file, c.span()),
            });
        }
        if raw.action.is_empty() && raw.caution.is_empty() {
            self.report(
                PackProblem::RuleDoesNothing {
                    rule: raw.id.get_ref().clone(),
                },
                self.loc(file, raw.id.span()),
            );
        }
        Some(Rule {
            id: raw.id.get_ref().clone(),
            when,
            exclusive_group: raw.exclusive_group.as_ref().map(|g| g.get_ref().clone()),
            actions,
            cautions,
            loc: self.loc(file, r.span()),
        })
    }

    pub(super) fn speaker_ref(
        &mut self,
        file: FileId,
        s: &Str,
        speakers: &[Speaker],
    ) -> Option<usize> {
        let found = speakers.iter().position(|x| &x.id == s.get_ref());
        if found.is_none() {
            self.report(
                PackProblem::UnknownSpeaker {
                    name: s.get_ref().clone(),
                    known: known(speakers.iter().map(|x| x.id.as_str())),
                },
                self.loc(file, s.span()),
            );
        }
        found
    }

    fn action(
        &mut self,
        file: FileId,
        a: &Spanned<RawAction>,
        scope: &Names<'_>,
        phases: &[Phase],
        speakers: &[Speaker],
    ) -> Option<Action> {
        let raw = a.get_ref();
        let phase = phases.iter().position(|p| &p.id == raw.phase.get_ref());
        if phase.is_none() {
            self.report(
                PackProblem::UnknownPhase {
                    name: raw.phase.get_ref().clone(),
                    known: known(phases.iter().map(|p| p.id.as_str())),
                },
                self.loc(file, raw.phase.span()),
            );
        }
        let speaker = self.speaker_ref(file, &raw.speaker, speakers);
        self.plain(file, &raw.concept);
        if raw.concept.get_ref().trim().is_empty() {
            self.report(
                PackProblem::EmptyConcept,
                self.loc(file, raw.concept.span()),
            );
        }
        let owner = self.template(file, &raw.owner, scope);
        let partners = raw
            .partners
            .iter()
            .map(|p| self.template(file, p, scope))
            .collect();
        let indicator = self.template(file, &raw.indicator, scope);
        let deadline_weeks = raw
            .deadline_weeks
            .as_ref()
            .and_then(|d| self.bounded(file, d, "deadline_weeks", 1..=520));
        let text = self.template(file, &raw.text, scope);
        let why = self.template(file, &raw.why, scope);
        Some(Action {
            phase: phase?,
            concept: raw.concept.get_ref().clone(),
            speaker: speaker?,
            priority: raw
                .priority
                .as_ref()
                .map_or(DEFAULT_PRIORITY, |p| *p.get_ref()),
            owner,
            partners,
            keep: raw.keep.unwrap_or(false),
            indicator,
            deadline_weeks,
            text,
            why,
            loc: self.loc(file, a.span()),
        })
    }

    fn template(&mut self, file: FileId, text: &Text, scope: &Names<'_>) -> Template {
        let local = self.text(file, text);
        let mut template = Template::default();
        let source = self.sources.get(file).text.clone();
        let value_src = source.get(text.span()).unwrap_or("");
        for (code, content) in local.entries() {
            let resolve = |name: &str| scope.map.get(name).copied();
            match placeholder::parse(content, &resolve) {
                Ok(segments) => match code {
                    None => {
                        for l in &self.languages {
                            template.by_lang.insert(*l, segments.clone());
                        }
                    }
                    Some(code) => {
                        if let Ok(l) = code.parse::<Lang>() {
                            template.by_lang.insert(l, segments);
                        }
                    }
                },
                Err(errors) => {
                    // Map the error to the file when the content appears there verbatim.
                    let base = value_src.find(content).map(|p| text.span().start + p);
                    for error in errors {
                        if let TemplateError::UnknownName { name, .. } = &error
                            && scope.broken.contains(name)
                        {
                            continue;
                        }
                        let (span, problem) = match error {
                            TemplateError::UnknownName { name, span } => (
                                span,
                                PackProblem::UnknownPlaceholder {
                                    name,
                                    known: known_names(scope.map),
                                },
                            ),
                            TemplateError::Unbalanced { span } => {
                                (span, PackProblem::UnbalancedBrace)
                            }
                        };
                        let loc = match base {
                            Some(b) => self.loc(file, b + span.start..b + span.end),
                            None => self.loc(file, text.span()),
                        };
                        self.report(problem, loc);
                    }
                }
            }
        }
        template
    }
}
