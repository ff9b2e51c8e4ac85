//! The `[[test]]` expectations about a plan's shape and words: its first steps, the actions
//! deferred by the length budget, how many actions the phases hold, and phrases its texts must
//! or must not contain.

use super::test_failure::TestFailure;
use crate::diagnostic::{Diagnostic, Problem};
use crate::lang::Lang;
use crate::pack::PackTest;
use crate::plan::{ActionOut, Plan};

/// Checks the test's expectations on `plan`; messages are in `lang`.
pub fn check(plan: &Plan, test: &PackTest, lang: Lang) -> Vec<Diagnostic> {
    let mut failures = Vec::new();
    let id = || test.id.clone();
    if let Some((expected, loc)) = &test.expect_first_steps {
        let actual: Vec<&str> = plan
            .first_steps
            .iter()
            .map(|a| a.concept.as_str())
            .collect();
        if actual != *expected {
            let failure = TestFailure::FirstSteps {
                test: id(),
                actual: actual.iter().map(|c| c.to_string()).collect(),
                expected: expected.clone(),
            };
            failures.push(failure.diagnostic(loc.clone(), lang));
        }
    }
    for (concept, loc) in &test.expect_deferred {
        if !plan.deferred.iter().any(|a| a.concept == *concept) {
            let failure = TestFailure::NotDeferred {
                test: id(),
                concept: concept.clone(),
                in_phase: plan.phase_concepts().contains(&concept.as_str()),
            };
            failures.push(failure.diagnostic(loc.clone(), lang));
        }
    }
    if let Some((max, loc)) = &test.expect_max_actions {
        let count = plan.action_count();
        if i64::try_from(count).unwrap_or(i64::MAX) > *max {
            let failure = TestFailure::TooMany {
                test: id(),
                count,
                max: *max,
            };
            failures.push(failure.diagnostic(loc.clone(), lang));
        }
    }
    let texts = plan_texts(plan);
    for (phrase, loc) in &test.expect_text {
        if !texts.iter().any(|t| t.contains(phrase.as_str())) {
            let failure = TestFailure::TextMissing {
                test: id(),
                phrase: phrase.clone(),
            };
            failures.push(failure.diagnostic(loc.clone(), lang));
        }
    }
    for (phrase, loc) in &test.expect_no_text {
        if let Some(found) = texts.iter().find(|t| t.contains(phrase.as_str())) {
            let failure = TestFailure::TextPresent {
                test: id(),
                phrase: phrase.clone(),
                found: found.to_string(),
            };
            failures.push(failure.diagnostic(loc.clone(), lang));
        }
    }
    failures
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
