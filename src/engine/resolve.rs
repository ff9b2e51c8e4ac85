//! An answers file's entries checked against the pack and evaluated: every answer checked,
//! skip logic applied, dropped and missing answers reported.

use toml::Spanned;

use super::{Evaluation, evaluate};
use crate::answers::Answers;
use crate::condition::Var;
use crate::diagnostic::{Diagnostics, Problem, SHOWN_PER_FILE};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::answer_check::check_value;
use crate::pack::answer_problem::AnswersProblem;
use crate::source::{FileId, Loc};
use crate::text::LocalText;
use crate::value::RawAnswer;

/// Checks every answer against the pack, applies skip logic and evaluates the rules.
/// Returns the evaluation and warnings, or every error found.
pub fn resolve<'p>(
    pack: &'p Pack,
    entries: &[(String, Loc, Spanned<RawAnswer>)],
    file: FileId,
    lang: Lang,
) -> Result<(Evaluation<'p>, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut answers: Answers = vec![None; pack.questions.len()];
    let mut key_locs: Vec<Option<Loc>> = vec![None; pack.questions.len()];
    for (id, loc, value) in entries {
        match pack.var(id) {
            Some(Var::Question(q)) => {
                key_locs[q] = Some(loc.clone());
                match check_value(&pack.questions[q], value, file, lang) {
                    Ok(v) => answers[q] = Some(v),
                    Err(d) => diags.push(d),
                }
            }
            Some(Var::Derived(_)) => diags.push(
                AnswersProblem::DerivedAnswered { id: id.clone() }.diagnostic(loc.clone(), lang),
            ),
            None => {
                // Past the messages shown, the hint would never be read: skip its cost.
                let questions = (diags.items().len() < SHOWN_PER_FILE)
                    .then(|| pack.questions.iter().map(|q| q.id.clone()).collect());
                diags.push(
                    AnswersProblem::UnknownQuestion {
                        id: id.clone(),
                        pack: pack.id.clone(),
                        questions,
                    }
                    .diagnostic(loc.clone(), lang),
                );
            }
        }
    }
    let evaluation = evaluate(pack, answers);
    for &q in &evaluation.dropped {
        let question = &pack.questions[q];
        let problem = AnswersProblem::Dropped {
            question: question.id.clone(),
            when: question.when.as_ref().map(|w| w.source.clone()),
        };
        diags.push(match key_locs[q].clone() {
            Some(loc) => problem.diagnostic(loc, lang),
            None => problem.unplaced(lang),
        });
    }
    // A question whose answer was wrong is reported once, not also as missing.
    let missing: Vec<(String, LocalText)> = evaluation
        .missing
        .iter()
        .copied()
        .filter(|&q| key_locs[q].is_none())
        .map(|q| {
            (
                pack.questions[q].id.clone(),
                pack.questions[q].prompt.clone(),
            )
        })
        .collect();
    if !missing.is_empty() {
        diags.push(AnswersProblem::Missing { questions: missing }.unplaced(lang));
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok((evaluation, diags))
    }
}
