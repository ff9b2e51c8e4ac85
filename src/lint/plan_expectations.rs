//! The `[[test]]` expectations about a plan's shape and words: its first steps, the actions
//! deferred by the length budget, how many actions the phases hold, and phrases its texts must
//! or must not contain.

use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::pack::PackTest;
use crate::plan::{ActionOut, Plan};
use crate::tr;

/// First steps that differ from `expect_first_steps`.
pub const FIRST_STEPS: &str = "T006";
/// A concept of `expect_deferred` that is not deferred.
pub const NOT_DEFERRED: &str = "T007";
/// More actions in the phases than `expect_max_actions`.
pub const TOO_MANY: &str = "T008";
/// A phrase of `expect_text` missing, or one of `expect_no_text` present.
pub const TEXT: &str = "T009";

/// Checks the test's expectations on `plan`; messages are in `lang`.
pub fn check(plan: &Plan, test: &PackTest, lang: Lang) -> Vec<Diagnostic> {
    let mut failures = Vec::new();
    let id = &test.id;
    if let Some((expected, loc)) = &test.expect_first_steps {
        let actual: Vec<&str> = plan
            .first_steps
            .iter()
            .map(|a| a.concept.as_str())
            .collect();
        if actual != *expected {
            failures.push(
                Diagnostic::error(
                    FIRST_STEPS,
                    tr!(
                        lang,
                        "测试 `{id}`：首要几步是 [{}]，预期 [{}]",
                        "test `{id}`: the first steps are [{}], expected [{}]",
                        actual.join(", "),
                        expected.join(", ")
                    ),
                )
                .at(loc.clone(), tr!(lang, "预期的首要几步", "expected first steps"))
                .help(tr!(
                    lang,
                    "首要几步是全计划 priority 最小的几项行动；调整相关行动的 priority",
                    "the first steps are the actions with the smallest priority in the whole plan; adjust the priorities"
                )),
            );
        }
    }
    for (concept, loc) in &test.expect_deferred {
        if !plan.deferred.iter().any(|a| a.concept == *concept) {
            let where_ = if plan.phase_concepts().contains(&concept.as_str()) {
                tr!(lang, "它留在了阶段里", "it stayed in its phase")
            } else {
                tr!(lang, "它不在计划中", "it is not in the plan")
            };
            failures.push(
                Diagnostic::error(
                    NOT_DEFERRED,
                    tr!(
                        lang,
                        "测试 `{id}`：`{concept}` 没有被留待以后",
                        "test `{id}`: `{concept}` is not deferred",
                    ),
                )
                .at(loc.clone(), tr!(lang, "预期留待以后", "expected deferred"))
                .help(where_),
            );
        }
    }
    if let Some((max, loc)) = &test.expect_max_actions {
        let count = plan.action_count();
        if i64::try_from(count).unwrap_or(i64::MAX) > *max {
            failures.push(
                Diagnostic::error(
                    TOO_MANY,
                    tr!(
                        lang,
                        "测试 `{id}`：各阶段共有 {count} 项行动，预期最多 {max} 项",
                        "test `{id}`: the phases hold {count} actions, expected at most {max}"
                    ),
                )
                .at(loc.clone(), tr!(lang, "上限", "the limit"))
                .help(tr!(
                    lang,
                    "检查 [pack.focus] 的 budget，以及标了 keep 的行动",
                    "check the budgets of [pack.focus] and the actions marked keep"
                )),
            );
        }
    }
    let texts = plan_texts(plan);
    for (phrase, loc) in &test.expect_text {
        if !texts.iter().any(|t| t.contains(phrase.as_str())) {
            failures.push(text_failure(test, phrase, loc, lang, true));
        }
    }
    for (phrase, loc) in &test.expect_no_text {
        if let Some(found) = texts.iter().find(|t| t.contains(phrase.as_str())) {
            failures.push(text_failure(test, phrase, loc, lang, false).help(tr!(
                lang,
                "出现在：{found}",
                "found in: {found}"
            )));
        }
    }
    failures
}

fn text_failure(
    test: &PackTest,
    phrase: &str,
    loc: &crate::source::Loc,
    lang: Lang,
    wanted: bool,
) -> Diagnostic {
    let id = &test.id;
    let message = if wanted {
        tr!(
            lang,
            "测试 `{id}`：计划的文字中没有“{phrase}”",
            "test `{id}`: the plan's texts do not contain \"{phrase}\""
        )
    } else {
        tr!(
            lang,
            "测试 `{id}`：计划的文字中不应有“{phrase}”",
            "test `{id}`: the plan's texts should not contain \"{phrase}\""
        )
    };
    let label = if wanted {
        tr!(lang, "预期出现", "expected here")
    } else {
        tr!(lang, "预期不出现", "expected absent")
    };
    Diagnostic::error(TEXT, message).at(loc.clone(), label)
}

/// Every text a reader of the plan sees in its actions and cautions.
fn plan_texts(plan: &Plan) -> Vec<&str> {
    let actions = plan
        .phases
        .iter()
        .flat_map(|p| &p.actions)
        .chain(&plan.deferred);
    let mut texts: Vec<&str> = actions.flat_map(action_texts).collect();
    texts.extend(plan.cautions.iter().map(|c| c.text.as_str()));
    texts
}

fn action_texts(a: &ActionOut) -> impl Iterator<Item = &str> {
    [&a.text, &a.why, &a.owner, &a.indicator]
        .into_iter()
        .map(String::as_str)
        .chain(a.partners.iter().map(String::as_str))
}
