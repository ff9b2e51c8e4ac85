//! `[pack.focus]` (first steps and length budgets) and the bounded whole numbers that the
//! focus and timeline keys take.

use std::ops::RangeInclusive;

use toml::Spanned;

use super::{Builder, Names, PackProblem};
use crate::pack::raw::RawFocus;
use crate::pack::{Budget, Focus};
use crate::source::FileId;

impl Builder<'_> {
    /// A whole number that must lie in `range`; reports it otherwise.
    pub(super) fn bounded(
        &mut self,
        file: FileId,
        value: &Spanned<i64>,
        key: &'static str,
        range: RangeInclusive<i64>,
    ) -> Option<i64> {
        let n = *value.get_ref();
        if range.contains(&n) {
            return Some(n);
        }
        let (lo, hi) = (*range.start(), *range.end());
        self.report(
            PackProblem::OutOfBounds { key, lo, hi },
            self.loc(file, value.span()),
        );
        None
    }

    /// `[pack.focus]`: first steps and budgets, with their conditions checked.
    pub(super) fn focus(
        &mut self,
        file: FileId,
        raw: &Spanned<RawFocus>,
        scope: &Names<'_>,
    ) -> Option<Focus> {
        let raw_ref = raw.get_ref();
        let first_steps = match &raw_ref.first_steps {
            Some(n) => self.bounded(file, n, "first_steps", 0..=20)?,
            None => 0,
        };
        let mut budgets = Vec::new();
        for b in &raw_ref.budget {
            let b_ref = b.get_ref();
            let when = match &b_ref.when {
                Some(w) => Some(self.condition(file, w, scope)?),
                None => None,
            };
            let max = self.bounded(file, &b_ref.max, "max", 1..=100_000)?;
            budgets.push(Budget {
                when,
                max: usize::try_from(max).unwrap_or(usize::MAX),
                loc: self.loc(file, b.span()),
            });
        }
        Some(Focus {
            first_steps: usize::try_from(first_steps).unwrap_or(0),
            budgets,
        })
    }
}
