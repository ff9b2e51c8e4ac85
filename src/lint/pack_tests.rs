//! Running the `[[test]]` tables of a pack: answers in, expected concepts, derived facts and
//! cautions out, each failure located at the expectation that failed.

use super::plan_expectations;
use crate::diagnostic::{Diagnostic, did_you_mean, list_names};
use crate::engine::assemble::build;
use crate::engine::resolve;
use crate::lang::Lang;
use crate::pack::{DerivedKind, Pack, PackTest};
use crate::source::{Loc, SourceMap};
use crate::tr;
use crate::value::RawAnswer;

/// The outcome of one test.
#[derive(Debug)]
pub struct TestResult<'p> {
    /// The test.
    pub test: &'p PackTest,
    /// What went wrong; empty when it passed.
    pub failures: Vec<Diagnostic>,
}

/// The outcome of every test of a pack.
#[derive(Debug)]
pub struct Report<'p> {
    /// One result per test, in pack order.
    pub results: Vec<TestResult<'p>>,
    /// Rules that no test fires, by index.
    pub unfired: Vec<usize>,
}

/// Runs every test of `pack`.
pub fn run<'p>(pack: &'p Pack, sources: &SourceMap, lang: Lang) -> Report<'p> {
    let mut fired = vec![false; pack.rules.len()];
    let results = pack
        .tests
        .iter()
        .map(|test| TestResult {
            test,
            failures: run_one(pack, test, sources, lang, &mut fired),
        })
        .collect();
    let unfired = (0..pack.rules.len()).filter(|&r| !fired[r]).collect();
    Report { results, unfired }
}

fn run_one(
    pack: &Pack,
    test: &PackTest,
    sources: &SourceMap,
    lang: Lang,
    fired: &mut [bool],
) -> Vec<Diagnostic> {
    let eval = match resolve(pack, &test.answers, test.file, lang) {
        Ok((eval, _warnings)) => eval,
        Err(errors) => {
            return errors
                .into_vec()
                .into_iter()
                .map(|mut d| {
                    d.code = "T001";
                    d.message = tr!(
                        lang,
                        "测试 `{}` 的答案无效：{}",
                        "invalid answers in test `{}`: {}",
                        test.id,
                        d.message
                    );
                    d
                })
                .collect();
        }
    };
    for &r in &eval.fired {
        fired[r] = true;
    }
    let date = jiff::civil::date(2026, 1, 5);
    let mut failures = Vec::new();
    let plan_lang = match &test.lang {
        Some((code, loc)) => match code.parse::<Lang>() {
            Ok(l) if pack.languages.contains(&l) => l,
            _ => {
                failures.push(
                    Diagnostic::error(
                        "T001",
                        tr!(
                            lang,
                            "测试 `{}`：规则包没有语言 `{code}`",
                            "test `{}`: the pack has no language `{code}`",
                            test.id
                        ),
                    )
                    .at(loc.clone(), tr!(lang, "未知语言", "unknown language"))
                    .help(tr!(
                        lang,
                        "可用：{}",
                        "available: {}",
                        pack.languages
                            .iter()
                            .map(|l| l.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
                pack.default_lang
            }
        },
        None => pack.default_lang,
    };
    let plan = build(pack, &eval, plan_lang, date, sources);
    let concepts = plan.concepts();
    let present = |concept: &str| concepts.contains(&concept);
    for (concept, loc) in &test.expect_present {
        if !present(concept) {
            failures.push(
                Diagnostic::error(
                    "T002",
                    tr!(
                        lang,
                        "测试 `{}`：计划中没有 `{concept}`",
                        "test `{}`: `{concept}` is not in the plan",
                        test.id
                    ),
                )
                .at(loc.clone(), tr!(lang, "预期出现", "expected here"))
                .help(match plan.blocked.as_deref() {
                    Some(why) => tr!(lang, "计划被阻断：{why}", "the plan is blocked: {why}"),
                    None => tr!(
                        lang,
                        "检查给出它的规则的条件",
                        "check the conditions of the rules that give it"
                    ),
                }),
            );
        }
    }
    for (concept, loc) in &test.expect_absent {
        if present(concept) {
            let rules: Vec<&str> = plan
                .phases
                .iter()
                .flat_map(|p| &p.actions)
                .chain(&plan.deferred)
                .filter(|a| a.concept == *concept)
                .map(|a| a.rule.as_str())
                .collect();
            failures.push(
                Diagnostic::error(
                    "T003",
                    tr!(
                        lang,
                        "测试 `{}`：计划中不应有 `{concept}`",
                        "test `{}`: `{concept}` should not be in the plan",
                        test.id
                    ),
                )
                .at(loc.clone(), tr!(lang, "预期不出现", "expected absent"))
                .help(tr!(
                    lang,
                    "由这些规则给出：{}",
                    "given by: {}",
                    rules.join(", ")
                )),
            );
        }
    }
    for (id, loc, expected) in &test.expect_derived {
        let Some(actual) = plan.derived.iter().find(|d| d.id == *id) else {
            failures.push(
                Diagnostic::error(
                    "T004",
                    tr!(
                        lang,
                        "测试 `{}`：没有派生事实 `{id}`",
                        "test `{}`: there is no derived fact `{id}`",
                        test.id
                    ),
                )
                .at(loc.clone(), tr!(lang, "未知", "unknown")),
            );
            continue;
        };
        let want = match expected.get_ref() {
            RawAnswer::Str(s) => serde_json::Value::String(s.clone()),
            RawAnswer::Int(n) => serde_json::Value::from(*n),
            RawAnswer::Bool(b) => serde_json::Value::Bool(*b),
            other => serde_json::Value::String(other.kind_name(lang).to_string()),
        };
        if actual.value != want {
            let mut failure = Diagnostic::error(
                "T004",
                tr!(
                    lang,
                    "测试 `{}`：`{id}` 是 {}，预期 {want}",
                    "test `{}`: `{id}` is {}, expected {want}",
                    test.id,
                    actual.value
                ),
            )
            .at(
                Loc::new(loc.file, expected.span()),
                tr!(lang, "预期值", "expected value"),
            );
            if let Some(help) = unknown_value_help(pack, id, expected.get_ref(), lang) {
                failure = failure.help(help);
            }
            failures.push(failure);
        }
    }
    for (rule, loc) in &test.expect_cautions {
        if !plan.cautions.iter().any(|c| c.rule == *rule) {
            failures.push(
                Diagnostic::error(
                    "T005",
                    tr!(
                        lang,
                        "测试 `{}`：没有规则 `{rule}` 的提醒",
                        "test `{}`: no caution from rule `{rule}`",
                        test.id
                    ),
                )
                .at(loc.clone(), tr!(lang, "预期出现", "expected here"))
                .help(tr!(
                    lang,
                    "expect_cautions 列出的是规则 id",
                    "expect_cautions lists rule ids"
                )),
            );
        }
    }
    failures.extend(plan_expectations::check(&plan, test, lang));
    failures
}

/// When a test expects a value that the derived fact `id` does not have: its values, with a
/// "did you mean".
fn unknown_value_help(pack: &Pack, id: &str, expected: &RawAnswer, lang: Lang) -> Option<String> {
    let RawAnswer::Str(want) = expected else {
        return None;
    };
    let fact = pack.derived.iter().find(|d| d.id == id)?;
    let DerivedKind::Classify { values, .. } = &fact.kind else {
        return None;
    };
    if values.iter().any(|v| v.id == *want) {
        return None;
    }
    let ids = values.iter().map(|v| v.id.as_str());
    Some(match did_you_mean(want, ids.clone()) {
        Some(near) => tr!(
            lang,
            "`{id}` 没有值 `{want}`；是不是 `{near}`？",
            "`{id}` has no value `{want}`; did you mean `{near}`?"
        ),
        None => tr!(
            lang,
            "`{id}` 没有值 `{want}`；它的值有：{}",
            "`{id}` has no value `{want}`; its values are: {}",
            list_names(ids, 12, lang)
        ),
    })
}
