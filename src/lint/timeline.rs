//! A timeline whose months question allows more months than can be dated.

use crate::diagnostic::{Diagnostic, Problem};
use crate::engine::timeline::MAX_MONTHS;
use crate::lang::Lang;
use crate::pack::{Pack, QuestionKind};

use super::problem::LintProblem;

/// An error when the months question of `[pack.timeline]` allows more than
/// [`MAX_MONTHS`]: such answers would be scheduled as that many months, not as given.
pub fn check(pack: &Pack, lang: Lang) -> Option<Diagnostic> {
    let t = pack.timeline.as_ref()?;
    let question = &pack.questions[t.months];
    let QuestionKind::Number { max, .. } = question.kind else {
        return None;
    };
    (max > MAX_MONTHS).then(|| {
        LintProblem::TimelineTooLong {
            question: question.id.clone(),
            max,
        }
        .diagnostic(question.loc.clone(), lang)
    })
}
