//! Running the `[[test]]` tables of a pack: answers in, expected concepts, derived facts and
//! cautions out, each failure located at the expectation that failed.

use super::plan_expectations;
use super::test_failure::{TestFailure, UnknownValue, as_json};
use crate::diagnostic::{Diagnostic, Problem, did_you_mean};
use crate::engine::assemble::build;
use crate::engine::resolve;
use crate::lang::Lang;
use crate::pack::{DerivedKind, Pack, PackTest};
use crate::source::{Loc, SourceMap};
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
    let id = || test.id.clone();
    let eval = match resolve(pack, &test.answers, test.file, lang) {
        Ok((eval, _warnings)) => eval,
        Err(errors) => {
            return errors
                .into_vec()
                .into_iter()
                .map(|d| {
                    let failure = TestFailure::InvalidAnswers {
                        test: id(),
                        reason: d.message.clone(),
                    };
                    failure.restate(d, test.answers_loc.clone(), lang)
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
                let failure = TestFailure::UnknownLanguage {
                    test: id(),
                    code: code.clone(),
                    available: pack.languages.iter().map(|l| l.to_string()).collect(),
                };
                failures.push(failure.diagnostic(loc.clone(), lang));
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
            let failure = TestFailure::Missing {
                test: id(),
                concept: concept.clone(),
                blocked: plan.blocked.clone(),
            };
            failures.push(failure.diagnostic(loc.clone(), lang));
        }
    }
    for (concept, loc) in &test.expect_absent {
        if present(concept) {
            let rules = plan
                .phases
                .iter()
                .flat_map(|p| &p.actions)
                .chain(&plan.deferred)
                .filter(|a| a.concept == *concept)
                .map(|a| a.rule.clone())
                .collect();
            let failure = TestFailure::Unwanted {
                test: id(),
                concept: concept.clone(),
                rules,
            };
            failures.push(failure.diagnostic(loc.clone(), lang));
        }
    }
    for (fact, loc, expected) in &test.expect_derived {
        let Some(actual) = plan.derived.iter().find(|d| d.id == *fact) else {
            let failure = TestFailure::NoSuchDerived {
                test: id(),
                fact: fact.clone(),
            };
            failures.push(failure.diagnostic(loc.clone(), lang));
            continue;
        };
        if actual.value == as_json(expected.get_ref(), lang) {
            continue;
        }
        let failure = TestFailure::DerivedDiffers {
            test: id(),
            fact: fact.clone(),
            actual: actual.value.clone(),
            expected: expected.get_ref().clone(),
            unknown: unknown_value(pack, fact, expected.get_ref()),
        };
        failures.push(failure.diagnostic(Loc::new(loc.file, expected.span()), lang));
    }
    for (rule, loc) in &test.expect_cautions {
        if !plan.cautions.iter().any(|c| c.rule == *rule) {
            let failure = TestFailure::NoCaution {
                test: id(),
                rule: rule.clone(),
            };
            failures.push(failure.diagnostic(loc.clone(), lang));
        }
    }
    failures.extend(plan_expectations::check(&plan, test, lang));
    failures
}

/// When a test expects a value that the derived fact `fact` does not have: the nearest of its
/// values, if one is close, and all of them.
fn unknown_value(pack: &Pack, fact: &str, expected: &RawAnswer) -> Option<UnknownValue> {
    let RawAnswer::Str(want) = expected else {
        return None;
    };
    let fact = pack.derived.iter().find(|d| d.id == fact)?;
    let DerivedKind::Classify { values, .. } = &fact.kind else {
        return None;
    };
    if values.iter().any(|v| v.id == *want) {
        return None;
    }
    let ids = values.iter().map(|v| v.id.as_str());
    Some(UnknownValue {
        value: want.clone(),
        near: did_you_mean(want, ids.clone()).map(str::to_string),
        values: ids.map(str::to_string).collect(),
    })
}
