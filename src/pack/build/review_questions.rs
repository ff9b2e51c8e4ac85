//! `[[review_question]]`: the questions a review (复盘) meeting answers, with their conditions
//! and sources checked.

use super::{Builder, Names};
use crate::pack::raw::RawFile;
use crate::pack::{ReviewQuestion, Speaker};
use crate::source::FileId;

impl Builder<'_> {
    /// Every `[[review_question]]` of the pack, in file order; those with errors are reported
    /// and left out.
    pub(super) fn review_questions(
        &mut self,
        files: &[(FileId, RawFile)],
        scope: &Names<'_>,
        speakers: &[Speaker],
    ) -> Vec<ReviewQuestion> {
        let mut out = Vec::new();
        for (file, raw) in files {
            let file = *file;
            for q in &raw.review_question {
                let q_ref = q.get_ref();
                if !self.unique("review_question", file, &q_ref.id) {
                    continue;
                }
                let when = match &q_ref.when {
                    Some(w) => self.condition(file, w, scope).map(Some),
                    None => Some(None),
                };
                let speaker = self.speaker_ref(file, &q_ref.speaker, speakers);
                let text = self.text(file, &q_ref.text);
                let help = self.opt_text(file, &q_ref.help);
                if let (Some(when), Some(speaker)) = (when, speaker) {
                    out.push(ReviewQuestion {
                        id: q_ref.id.get_ref().clone(),
                        when,
                        speaker,
                        text,
                        help,
                        loc: self.loc(file, q.span()),
                    });
                }
            }
        }
        out
    }
}
