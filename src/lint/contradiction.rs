//! Why a rule can never fire (L002): the part of its condition that contradicts, and what it
//! contradicts (the `when` of a question it reads, a number range, the cases of a derived
//! value), so that the trainer does not have to find it by hand.

use std::ops::Range;

use super::problem::{Contradiction, Culprit, Limit, NeverGiven};
use crate::analysis::Analysis;
use crate::condition::{Check, Cond, Condition, Var};
use crate::pack::{DerivedKind, Pack, QuestionKind};

/// How many parts of an `and` are paired to find two that contradict each other.
const MAX_PARTS: usize = 12;

/// What makes a condition impossible, and where in the condition.
pub struct Found {
    /// The contradicting part(s), as a span of the condition's text.
    pub span: Range<usize>,
    /// What contradicts and why.
    pub why: Contradiction,
}

/// The span of a part: from its first test to its last.
fn span_of(cond: &Cond) -> Option<Range<usize>> {
    let mut span: Option<Range<usize>> = None;
    cond.for_each_test(&mut |t| {
        span = Some(match span.take() {
            Some(s) => s.start.min(t.span.start)..s.end.max(t.span.end),
            None => t.span.clone(),
        });
    });
    span
}

/// Finds what makes `when` impossible. `never_given` holds the (derived fact, value) pairs
/// that no complete answer set gives.
pub fn explain(
    analysis: &mut Analysis<'_>,
    pack: &Pack,
    when: &Condition,
    never_given: &[(usize, usize)],
) -> Found {
    let whole = 0..when.source.len();
    // A test on a derived value that is never given: the rule follows from that finding.
    let mut follows = None;
    when.cond.for_each_test(&mut |t| {
        if follows.is_some() {
            return;
        }
        if let (Var::Derived(d), Check::OneOf(mask)) = (t.var, &t.check) {
            let values: Vec<usize> = (0..64).filter(|v| mask >> v & 1 == 1).collect();
            if !values.is_empty()
                && values.iter().all(|v| never_given.contains(&(d, *v)))
                && let DerivedKind::Classify { values: defs, .. } = &pack.derived[d].kind
            {
                follows = Some((
                    t.span.clone(),
                    NeverGiven {
                        fact: pack.derived[d].id.clone(),
                        values: values
                            .iter()
                            .filter_map(|v| defs.get(*v))
                            .map(|v| v.id.clone())
                            .collect(),
                    },
                ));
            }
        }
    });
    if let Some((span, follows)) = follows {
        let part = when.source.get(span.clone()).unwrap_or("").to_string();
        return Found {
            span,
            why: Contradiction {
                culprit: Culprit::NeverGiven(part),
                limits: Vec::new(),
                follows: Some(follows),
            },
        };
    }
    let parts: Vec<&Cond> = match &when.cond {
        Cond::All(parts) if parts.len() > 1 => parts.iter().take(MAX_PARTS).collect(),
        other => vec![other],
    };
    let lits: Vec<_> = parts.iter().map(|p| analysis.enc.cond(p)).collect();
    let mut culprit: Option<Vec<usize>> = None;
    if parts.len() > 1 {
        culprit = (0..parts.len())
            .find(|&i| analysis.possible(&[lits[i]]) == Some(false))
            .map(|i| vec![i]);
        'pairs: for i in 0..parts.len() {
            if culprit.is_some() {
                break;
            }
            for j in i + 1..parts.len() {
                if analysis.possible(&[lits[i], lits[j]]) == Some(false) {
                    culprit = Some(vec![i, j]);
                    break 'pairs;
                }
            }
        }
    }
    let chosen: Vec<&Cond> = match &culprit {
        Some(indices) => indices.iter().map(|&i| parts[i]).collect(),
        None => vec![&when.cond],
    };
    let text = |c: &Cond| {
        span_of(c)
            .and_then(|s| when.source.get(s))
            .unwrap_or("")
            .to_string()
    };
    let what = match chosen.as_slice() {
        [one] if culprit.is_some() => Culprit::One(text(one)),
        [a, b] => Culprit::Both(text(a), text(b)),
        _ => Culprit::Whole,
    };
    let span = match &culprit {
        Some(_) => chosen
            .iter()
            .filter_map(|c| span_of(c))
            .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
            .unwrap_or(whole.clone()),
        None => whole,
    };
    let mut limits = Vec::new();
    // A number range explains one part alone; two parts contradict each other whatever it is.
    let single = chosen.len() == 1;
    for part in chosen {
        part.for_each_test(&mut |t| {
            for limit in reason(pack, t.var, &t.check, single) {
                if !limits.contains(&limit) {
                    limits.push(limit);
                }
            }
        });
    }
    Found {
        span,
        why: Contradiction {
            culprit: what,
            limits,
            follows: None,
        },
    }
}

/// What limits the values of one test's variable: the `when` of its question, its number
/// range, the cases giving a derived value.
/// For a derived value, the `when` of the questions its cases read come after.
fn reason(pack: &Pack, var: Var, check: &Check, single: bool) -> Vec<Limit> {
    let mut limits: Vec<Limit> = Vec::new();
    if let Some(limit) = direct_reason(pack, var, check, single) {
        limits.push(limit);
    }
    if let (Var::Derived(d), Check::OneOf(mask), false) = (var, check, limits.is_empty())
        && let DerivedKind::Classify { cases, .. } = &pack.derived[d].kind
    {
        for case in cases
            .iter()
            .filter(|c| c.value < 64 && mask >> c.value & 1 == 1)
        {
            if let Some(when) = &case.when {
                when.cond.for_each_test(&mut |t| {
                    if let Some(limit) = direct_reason(pack, t.var, &t.check, false)
                        && !limits.contains(&limit)
                        && matches!(t.var, Var::Question(_))
                    {
                        limits.push(limit);
                    }
                });
            }
        }
    }
    limits
}

/// What limits a test's variable itself.
fn direct_reason(pack: &Pack, var: Var, check: &Check, single: bool) -> Option<Limit> {
    match var {
        Var::Question(q) => {
            let question = &pack.questions[q];
            // One comparison alone that never holds: the number range says why.
            let range_only = single && matches!(check, Check::Compare(..));
            if let Some(when) = &question.when
                && *check != Check::Skipped
                && !range_only
            {
                return Some(Limit::AskedOnlyWhen {
                    question: question.id.clone(),
                    condition: when.source.to_string(),
                });
            }
            if let (QuestionKind::Number { min, max, .. }, Check::Compare(..), true) =
                (&question.kind, check, single)
            {
                return Some(Limit::Range {
                    question: question.id.clone(),
                    min: *min,
                    max: *max,
                });
            }
            None
        }
        Var::Derived(d) => {
            let derived = &pack.derived[d];
            let (DerivedKind::Classify { values, cases }, Check::OneOf(mask)) =
                (&derived.kind, check)
            else {
                return None;
            };
            let giving: Vec<Option<String>> = cases
                .iter()
                .filter(|c| c.value < 64 && mask >> c.value & 1 == 1)
                .map(|c| c.when.as_ref().map(|w| w.source.to_string()))
                .collect();
            let named: Vec<&str> = (0..values.len())
                .filter(|v| *v < 64 && mask >> v & 1 == 1)
                .map(|v| values[v].id.as_str())
                .collect();
            let [value] = named.as_slice() else {
                return None;
            };
            if giving.is_empty() || giving.len() > 3 {
                return None;
            }
            Some(Limit::ValueOnlyWhen {
                fact: derived.id.clone(),
                value: value.to_string(),
                cases: giving,
            })
        }
    }
}
