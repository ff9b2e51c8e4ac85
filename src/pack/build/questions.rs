//! Questions: their kinds, options and ranges, then their conditions and defaults once every
//! name is known.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::{Builder, DEFAULT_MAX_LENGTH, Declared, PackProblem, known};
use crate::condition::{Condition, Var};
use crate::pack::answer_check::check_value;
use crate::pack::raw::{RawFile, RawQuestion, Str};
use crate::pack::{Choice, MAX_OPTIONS, Question, QuestionKind, Section};
use crate::source::FileId;
use crate::value::Value;

impl<'r> Builder<'_> {
    /// Declares the questions of every file; those with errors are left out as broken.
    pub(super) fn declare_questions(
        &mut self,
        files: &'r [(FileId, RawFile)],
        sections: &[Section],
        declared: &mut Declared<'r>,
    ) {
        let Declared {
            questions,
            names,
            broken,
            raw_questions,
            ..
        } = declared;
        for (file, raw) in files {
            for q in &raw.question {
                if !self.unique("question", *file, &q.get_ref().id)
                    || !self.free_name(*file, &q.get_ref().id, names)
                {
                    continue;
                }
                match self.question(*file, q, sections) {
                    Some(question) => {
                        names.insert(question.id.clone(), Var::Question(questions.len()));
                        questions.push(question);
                        raw_questions.push((*file, q.get_ref()));
                    }
                    None => {
                        broken.insert(q.get_ref().id.get_ref().clone());
                    }
                }
            }
        }
    }

    /// The `when` and `default` of each declared question, in order.
    pub(super) fn question_conditions(
        &mut self,
        declared: &Declared<'_>,
    ) -> (Vec<Option<Condition>>, Vec<Option<Value>>) {
        let lang = self.lang;
        let questions = &declared.questions;
        let scope = declared.scope();
        let mut whens = Vec::with_capacity(questions.len());
        let mut defaults = Vec::with_capacity(questions.len());
        for (i, (file, raw)) in declared.raw_questions.iter().enumerate() {
            whens.push(
                raw.when
                    .as_ref()
                    .and_then(|w| self.condition(*file, w, &scope)),
            );
            defaults.push(raw.default.as_ref().and_then(|d| {
                match check_value(&questions[i], d, *file, lang) {
                    Ok(v) => Some(v),
                    Err(diag) => {
                        let problem = PackProblem::InvalidDefault {
                            reason: diag.message.clone(),
                        };
                        self.diags.push(problem.restate(diag, lang));
                        None
                    }
                }
            }));
        }
        (whens, defaults)
    }

    /// Questions and derived facts share names; reports a clash.
    pub(super) fn free_name(
        &mut self,
        file: FileId,
        id: &Str,
        names: &HashMap<String, Var>,
    ) -> bool {
        if names.contains_key(id.get_ref()) {
            self.report(
                PackProblem::NameTaken {
                    name: id.get_ref().clone(),
                },
                self.loc(file, id.span()),
            );
            return false;
        }
        true
    }

    fn question(
        &mut self,
        file: FileId,
        q: &Spanned<RawQuestion>,
        sections: &[Section],
    ) -> Option<Question> {
        let raw = q.get_ref();
        let id = raw.id.get_ref().clone();
        let prompt = self.text(file, &raw.prompt);
        let short = self.opt_text(file, &raw.short);
        let help = self.text(file, &raw.help);
        let if_empty = self.opt_text(file, &raw.if_empty);
        let section = raw.section.as_ref().and_then(|s| {
            let found = sections.iter().position(|sec| &sec.id == s.get_ref());
            if found.is_none() {
                self.report(
                    PackProblem::UnknownSection {
                        name: s.get_ref().clone(),
                        known: known(sections.iter().map(|s| s.id.as_str())),
                    },
                    self.loc(file, s.span()),
                );
            }
            found
        });
        let kind_name = raw.kind.get_ref().as_str();
        let not_for = |b: &mut Self, present: bool, key: &'static str, span: Range<usize>| {
            if present {
                b.report(
                    PackProblem::KeyNotForKind {
                        key,
                        kind: kind_name.to_string(),
                    },
                    b.loc(file, span),
                );
            }
        };
        let qspan = q.span();
        if !matches!(kind_name, "single" | "multi") && !raw.option.is_empty() {
            not_for(self, true, "option", qspan.clone());
        }
        if kind_name != "number" {
            not_for(
                self,
                raw.min.is_some() || raw.max.is_some(),
                "min/max",
                qspan.clone(),
            );
            not_for(self, raw.unit.is_some(), "unit", qspan.clone());
        }
        if kind_name != "multi" {
            not_for(
                self,
                raw.min_selected.is_some() || raw.max_selected.is_some(),
                "min_selected/max_selected",
                qspan.clone(),
            );
        }
        if kind_name != "text" {
            not_for(self, raw.max_length.is_some(), "max_length", qspan.clone());
        }
        let kind = match kind_name {
            "single" | "multi" => {
                let options = self.options(file, raw, &id)?;
                if kind_name == "single" {
                    QuestionKind::Single { options }
                } else {
                    let required = raw.required.unwrap_or(true);
                    let n = options.len() as i64;
                    let min = raw
                        .min_selected
                        .as_ref()
                        .map_or(i64::from(required), |m| *m.get_ref());
                    let max = raw.max_selected.as_ref().map_or(n, |m| *m.get_ref());
                    if min < 0 || max < min.max(1) || max > n {
                        self.report(
                            PackProblem::InvalidSelectedRange {
                                question: id.clone(),
                                options: options.len(),
                            },
                            self.loc(file, qspan.clone()),
                        );
                        return None;
                    }
                    QuestionKind::Multi {
                        options,
                        min_selected: min as usize,
                        max_selected: max as usize,
                    }
                }
            }
            "bool" => QuestionKind::Bool,
            "number" => {
                let (Some(min), Some(max)) = (&raw.min, &raw.max) else {
                    self.report(
                        PackProblem::NumberWithoutRange { question: id },
                        self.loc(file, raw.kind.span()),
                    );
                    return None;
                };
                if min.get_ref() > max.get_ref() {
                    self.report(
                        PackProblem::MinAboveMax { question: id },
                        self.loc(file, min.span()),
                    );
                    return None;
                }
                let unit = self.opt_text(file, &raw.unit);
                QuestionKind::Number {
                    min: *min.get_ref(),
                    max: *max.get_ref(),
                    unit,
                }
            }
            "text" => {
                let max_length = raw
                    .max_length
                    .as_ref()
                    .map_or(DEFAULT_MAX_LENGTH, |m| *m.get_ref());
                if !(1..=100_000).contains(&max_length) {
                    self.report(
                        PackProblem::OutOfBounds {
                            key: "max_length",
                            lo: 1,
                            hi: 100_000,
                        },
                        self.loc(file, qspan.clone()),
                    );
                    return None;
                }
                QuestionKind::Text {
                    max_length: max_length as usize,
                }
            }
            other => {
                self.report(
                    PackProblem::UnknownQuestionKind {
                        kind: other.to_string(),
                    },
                    self.loc(file, raw.kind.span()),
                );
                return None;
            }
        };
        let required = raw
            .required
            .unwrap_or(!matches!(kind, QuestionKind::Text { .. }));
        Some(Question {
            id,
            section,
            kind,
            prompt,
            short,
            help,
            when: None,
            default: None,
            required,
            diagnosis: raw.diagnosis.unwrap_or(false),
            if_empty,
            loc: self.loc(file, qspan),
        })
    }

    fn options(&mut self, file: FileId, raw: &RawQuestion, id: &str) -> Option<Vec<Choice>> {
        if raw.option.is_empty() {
            self.report(
                PackProblem::NoOptions {
                    question: id.to_string(),
                },
                self.loc(file, raw.kind.span()),
            );
            return None;
        }
        if raw.option.len() > MAX_OPTIONS {
            self.report(
                PackProblem::TooManyOptions {
                    question: id.to_string(),
                    count: raw.option.len(),
                },
                self.loc(file, raw.kind.span()),
            );
            return None;
        }
        let mut options: Vec<Choice> = Vec::with_capacity(raw.option.len());
        for o in &raw.option {
            let o = o.get_ref();
            self.plain(file, &o.id);
            if let Some(first) = options.iter().find(|c| &c.id == o.id.get_ref()) {
                let first = first.id.clone();
                self.report(
                    PackProblem::DuplicateOption {
                        question: id.to_string(),
                        option: first,
                    },
                    self.loc(file, o.id.span()),
                );
                continue;
            }
            let label = self.text(file, &o.label);
            let help = self.opt_text(file, &o.help);
            options.push(Choice {
                id: o.id.get_ref().clone(),
                label,
                help,
                score: o.score.as_ref().map_or(0, |s| *s.get_ref()),
                exclusive: o.exclusive.unwrap_or(false),
            });
        }
        Some(options)
    }
}
