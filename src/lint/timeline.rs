//! A timeline whose months question allows more months than can be dated.

use crate::diagnostic::Diagnostic;
use crate::engine::timeline::MAX_MONTHS;
use crate::lang::Lang;
use crate::pack::{Pack, QuestionKind};
use crate::tr;

use super::TIMELINE_TOO_LONG;

/// An error when the months question of `[pack.timeline]` allows more than
/// [`MAX_MONTHS`]: such answers would be scheduled as that many months, not as given.
pub fn check(pack: &Pack, lang: Lang) -> Option<Diagnostic> {
    let t = pack.timeline.as_ref()?;
    let question = &pack.questions[t.months];
    let QuestionKind::Number { max, .. } = question.kind else {
        return None;
    };
    (max > MAX_MONTHS).then(|| {
        Diagnostic::error(
            TIMELINE_TOO_LONG,
            tr!(
                lang,
                "时间线问题 `{}` 允许 {max} 个月，超过能排期的 {MAX_MONTHS} 个月",
                "timeline question `{}` allows {max} months, more than the {MAX_MONTHS} that can be dated",
                question.id
            ),
        )
        .at(question.loc.clone(), tr!(lang, "这个问题", "this question"))
        .help(tr!(
            lang,
            "把 max 降到 {MAX_MONTHS} 以内；更长的答案只按 {MAX_MONTHS} 个月排期",
            "lower `max` to {MAX_MONTHS} or less; longer answers are scheduled as {MAX_MONTHS} months"
        ))
    })
}
