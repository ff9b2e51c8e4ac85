//! What each [`TestFailure`] says, in each language: the message, the label under the caret and
//! the help lines.

use super::{TestFailure, UnknownValue};
use crate::diagnostic::{Worded, list_names};
use crate::lang::Lang;
use crate::tr;

impl Worded for TestFailure {
    /// What failed, in one line.
    fn message(&self, lang: Lang) -> String {
        use TestFailure::*;
        match self {
            InvalidAnswers { test, reason } => tr!(
                lang,
                "测试 `{test}` 的答案无效：{reason}",
                "invalid answers in test `{test}`: {reason}"
            ),
            UnknownLanguage { test, code, .. } => tr!(
                lang,
                "测试 `{test}`：规则包没有语言 `{code}`",
                "test `{test}`: the pack has no language `{code}`"
            ),
            Missing { test, concept, .. } => tr!(
                lang,
                "测试 `{test}`：计划中没有 `{concept}`",
                "test `{test}`: `{concept}` is not in the plan"
            ),
            Unwanted { test, concept, .. } => tr!(
                lang,
                "测试 `{test}`：计划中不应有 `{concept}`",
                "test `{test}`: `{concept}` should not be in the plan"
            ),
            NoSuchDerived { test, fact } => tr!(
                lang,
                "测试 `{test}`：没有派生事实 `{fact}`",
                "test `{test}`: there is no derived fact `{fact}`"
            ),
            DerivedDiffers {
                test,
                fact,
                actual,
                expected,
                ..
            } => {
                let want = super::as_json(expected, lang);
                tr!(
                    lang,
                    "测试 `{test}`：`{fact}` 是 {actual}，预期 {want}",
                    "test `{test}`: `{fact}` is {actual}, expected {want}"
                )
            }
            NoCaution { test, rule } => tr!(
                lang,
                "测试 `{test}`：没有规则 `{rule}` 的提醒",
                "test `{test}`: no caution from rule `{rule}`"
            ),
            FirstSteps {
                test,
                actual,
                expected,
            } => {
                let (actual, expected) = (actual.join(", "), expected.join(", "));
                tr!(
                    lang,
                    "测试 `{test}`：首要几步是 [{actual}]，预期 [{expected}]",
                    "test `{test}`: the first steps are [{actual}], expected [{expected}]"
                )
            }
            NotDeferred { test, concept, .. } => tr!(
                lang,
                "测试 `{test}`：`{concept}` 没有被留待以后",
                "test `{test}`: `{concept}` is not deferred"
            ),
            TooMany { test, count, max } => tr!(
                lang,
                "测试 `{test}`：各阶段共有 {count} 项行动，预期最多 {max} 项",
                "test `{test}`: the phases hold {count} actions, expected at most {max}"
            ),
            TextMissing { test, phrase } => tr!(
                lang,
                "测试 `{test}`：计划的文字中没有“{phrase}”",
                "test `{test}`: the plan's texts do not contain \"{phrase}\""
            ),
            TextPresent { test, phrase, .. } => tr!(
                lang,
                "测试 `{test}`：计划的文字中不应有“{phrase}”",
                "test `{test}`: the plan's texts should not contain \"{phrase}\""
            ),
        }
    }

    /// The words under the caret, at the expectation.
    fn label(&self, lang: Lang) -> String {
        use TestFailure::*;
        match self {
            InvalidAnswers { .. } => tr!(lang, "这组答案", "these answers"),
            UnknownLanguage { .. } => tr!(lang, "未知语言", "unknown language"),
            Missing { .. } | NoCaution { .. } | TextMissing { .. } => {
                tr!(lang, "预期出现", "expected here")
            }
            Unwanted { .. } | TextPresent { .. } => tr!(lang, "预期不出现", "expected absent"),
            NoSuchDerived { .. } => tr!(lang, "未知", "unknown"),
            DerivedDiffers { .. } => tr!(lang, "预期值", "expected value"),
            FirstSteps { .. } => tr!(lang, "预期的首要几步", "expected first steps"),
            NotDeferred { .. } => tr!(lang, "预期留待以后", "expected deferred"),
            TooMany { .. } => tr!(lang, "上限", "the limit"),
        }
    }

    /// Advice, one line each.
    fn help(&self, lang: Lang) -> Vec<String> {
        use TestFailure::*;
        let line = match self {
            NoSuchDerived { .. } | TextMissing { .. } => return Vec::new(),
            InvalidAnswers { .. } => tr!(
                lang,
                "在这个测试的 answers 中补上缺少的回答",
                "add the missing answers to this test's `answers`"
            ),
            UnknownLanguage { available, .. } => {
                tr!(lang, "可用：{}", "available: {}", available.join(", "))
            }
            Missing {
                blocked: Some(why), ..
            } => tr!(lang, "计划被阻断：{why}", "the plan is blocked: {why}"),
            Missing { .. } => tr!(
                lang,
                "检查给出它的规则的条件",
                "check the conditions of the rules that give it"
            ),
            Unwanted { rules, .. } => {
                tr!(lang, "由这些规则给出：{}", "given by: {}", rules.join(", "))
            }
            DerivedDiffers {
                fact,
                unknown: Some(unknown),
                ..
            } => unknown_value(fact, unknown, lang),
            DerivedDiffers { .. } => return Vec::new(),
            NoCaution { .. } => tr!(
                lang,
                "expect_cautions 列出的是规则 id",
                "expect_cautions lists rule ids"
            ),
            FirstSteps { .. } => tr!(
                lang,
                "首要几步是全计划 priority 最小的几项行动；调整相关行动的 priority",
                "the first steps are the actions with the smallest priority in the whole plan; adjust the priorities"
            ),
            NotDeferred { in_phase: true, .. } => {
                tr!(lang, "它留在了阶段里", "it stayed in its phase")
            }
            NotDeferred { .. } => tr!(lang, "它不在计划中", "it is not in the plan"),
            TooMany { .. } => tr!(
                lang,
                "检查 [pack.focus] 的 budget，以及标了 keep 的行动",
                "check the budgets of [pack.focus] and the actions marked keep"
            ),
            TextPresent { found, .. } => tr!(lang, "出现在：{found}", "found in: {found}"),
        };
        vec![line]
    }
}

/// "`fact` has no value `x`; did you mean `y`?", or its values.
fn unknown_value(fact: &str, unknown: &UnknownValue, lang: Lang) -> String {
    let want = &unknown.value;
    match &unknown.near {
        Some(near) => tr!(
            lang,
            "`{fact}` 没有值 `{want}`；是不是 `{near}`？",
            "`{fact}` has no value `{want}`; did you mean `{near}`?"
        ),
        None => tr!(
            lang,
            "`{fact}` 没有值 `{want}`；它的值有：{}",
            "`{fact}` has no value `{want}`; its values are: {}",
            list_names(unknown.values.iter().map(String::as_str), 12, lang)
        ),
    }
}
