//! An answers file's entries checked against the pack and evaluated: every answer checked,
//! skip logic applied, dropped and missing answers reported.

use toml::Spanned;

use super::{Evaluation, evaluate};
use crate::answers::Answers;
use crate::answers::file::question_hint;
use crate::condition::Var;
use crate::diagnostic::{Diagnostic, Diagnostics, SHOWN_PER_FILE};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::answer_check::check_value;
use crate::source::{FileId, Loc};
use crate::tr;
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
                Diagnostic::error(
                    "A002",
                    tr!(
                        lang,
                        "`{id}` 是派生事实，由其他答案算出，不能直接回答",
                        "`{id}` is a derived fact: it is computed from other answers, not answered"
                    ),
                )
                .at(loc.clone(), tr!(lang, "不是问题", "not a question"))
                .help(tr!(lang, "删除这一行", "remove this line")),
            ),
            None => {
                // Past the messages shown, the hint would never be read: skip its cost.
                let hint = if diags.items().len() < SHOWN_PER_FILE {
                    question_hint(pack, id, lang)
                } else {
                    String::new()
                };
                diags.push(
                    Diagnostic::error(
                        "A002",
                        tr!(
                            lang,
                            "规则包 `{}` 没有问题 `{id}`",
                            "pack `{}` has no question `{id}`",
                            pack.id
                        ),
                    )
                    .at(loc.clone(), tr!(lang, "未知的问题", "unknown question"))
                    .help(hint),
                );
            }
        }
    }
    let evaluation = evaluate(pack, answers);
    for &q in &evaluation.dropped {
        let question = &pack.questions[q];
        let mut d = Diagnostic::warning(
            "A008",
            tr!(
                lang,
                "`{}` 按跳题逻辑不会被问到，已忽略这个答案",
                "`{}` is not asked with these answers (skip logic); its answer was dropped",
                question.id
            ),
        )
        .help(match &question.when {
            Some(w) => tr!(
                lang,
                "只有在 `{}` 时才问",
                "it is asked only when `{}`",
                w.source
            ),
            None => String::new(),
        });
        if let Some(loc) = key_locs[q].clone() {
            d = d.at(loc, tr!(lang, "已忽略", "dropped"));
        }
        diags.push(d);
    }
    // A question whose answer was wrong is reported once, not also as missing.
    let missing: Vec<usize> = evaluation
        .missing
        .iter()
        .copied()
        .filter(|&q| key_locs[q].is_none())
        .collect();
    if !missing.is_empty() {
        let list: Vec<String> = missing
            .iter()
            .map(|&q| {
                tr!(
                    lang,
                    "`{}`（{}）",
                    "`{}` ({})",
                    pack.questions[q].id,
                    pack.questions[q].prompt.get(lang)
                )
            })
            .collect();
        let mut d = Diagnostic::error(
            "A007",
            tr!(lang, "缺少 {} 个必答问题的答案：{}", "missing answers to {} required question(s): {}", list.len(), list.join(lang.list_separator())),
        )
        .help(tr!(lang, "在 [answers] 中补上，或运行 `fulcrum run --answers FILE` 只回答缺少的问题", "add them under [answers], or run `fulcrum run --answers FILE` to answer only what is missing"));
        d.label = String::new();
        diags.push(d);
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok((evaluation, diags))
    }
}
