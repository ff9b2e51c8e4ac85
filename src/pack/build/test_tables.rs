//! The tests written in a pack (`[[test]]`), kept with their locations for `rules test`.

use toml::Spanned;

use super::Builder;
use crate::pack::PackTest;
use crate::pack::raw::{RawTest, Str};
use crate::source::{FileId, Loc};

impl Builder<'_> {
    /// Builds one `[[test]]` table.
    pub(super) fn test(&mut self, file: FileId, t: &Spanned<RawTest>) -> PackTest {
        let raw = t.get_ref();
        let list = |items: &Vec<Str>| -> Vec<(String, Loc)> {
            items
                .iter()
                .map(|s| (s.get_ref().clone(), Loc::new(file, s.span())))
                .collect()
        };
        PackTest {
            id: raw.id.get_ref().clone(),
            description: raw.description.as_ref().map(|d| d.get_ref().clone()),
            answers: raw
                .answers
                .get_ref()
                .iter()
                .map(|(k, v)| (k.get_ref().clone(), Loc::new(file, k.span()), (**v).clone()))
                .collect(),
            answers_loc: Loc::new(file, raw.answers.span()),
            expect_present: list(&raw.expect_present),
            expect_absent: list(&raw.expect_absent),
            expect_derived: raw
                .expect_derived
                .iter()
                .map(|(k, v)| (k.get_ref().clone(), Loc::new(file, k.span()), (**v).clone()))
                .collect(),
            expect_cautions: list(&raw.expect_cautions),
            lang: raw
                .lang
                .as_ref()
                .map(|l| (l.get_ref().clone(), Loc::new(file, l.span()))),
            expect_text: list(&raw.expect_text),
            expect_no_text: list(&raw.expect_no_text),
            expect_first_steps: raw.expect_first_steps.as_ref().map(|steps| {
                let span = steps.first().map_or(t.span(), |s| s.span());
                (
                    steps.iter().map(|s| s.get_ref().clone()).collect(),
                    Loc::new(file, span),
                )
            }),
            expect_deferred: list(&raw.expect_deferred),
            expect_max_actions: raw
                .expect_max_actions
                .as_ref()
                .map(|m| (*m.get_ref(), Loc::new(file, m.span()))),
            file,
            loc: Loc::new(file, t.span()),
        }
    }
}
