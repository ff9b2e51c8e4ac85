//! Why a rule can never fire (L002): the part of its condition that contradicts, and what it
//! contradicts (the `when` of a question it reads, a number range, the cases of a derived
//! value), so that the trainer does not have to find it by hand.

use std::ops::Range;

use crate::analysis::Analysis;
use crate::condition::{Check, Cond, Condition, Var};
use crate::lang::Lang;
use crate::pack::{DerivedKind, Pack, QuestionKind};
use crate::tr;

/// How many parts of an `and` are paired to find two that contradict each other.
const MAX_PARTS: usize = 12;

/// What makes a condition impossible.
pub struct Contradiction {
    /// The contradicting part(s), as a span of the condition's text.
    pub span: Range<usize>,
    /// The message's end: "`a` and `b` cannot both hold", or empty when the whole condition
    /// is named.
    pub what: String,
    /// Why, one line each: "`q` is asked only when …".
    pub why: Vec<String>,
    /// Whether it follows from a value no case gives (reported before, as L003 or L014).
    pub follows: Option<String>,
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
    lang: Lang,
    when: &Condition,
    never_given: &[(usize, usize)],
) -> Contradiction {
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
                let names: Vec<String> = values
                    .iter()
                    .filter_map(|v| defs.get(*v))
                    .map(|v| format!("`{}`", v.id))
                    .collect();
                let names = names.join(lang.list_separator());
                let id = &pack.derived[d].id;
                follows = Some((
                    t.span.clone(),
                    tr!(
                        lang,
                        "没有任何答案使 `{id}` 取值 {names}：先修好上面的 L014（以及它提到的 L003），这条规则就会随之解决",
                        "no answer set gives `{id}` the value {names}: fix the L014 above (and any L003 it names) first, and this rule follows"
                    ),
                ));
            }
        }
    });
    if let Some((span, follows)) = follows {
        let part = when.source.get(span.clone()).unwrap_or("");
        return Contradiction {
            span,
            what: tr!(
                lang,
                "`{part}` 永远不成立，这是上面 L014 的结果",
                "`{part}` never holds, which follows from the L014 above"
            ),
            why: Vec::new(),
            follows: Some(follows),
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
        [one] if culprit.is_some() => {
            let a = text(one);
            tr!(lang, "`{a}` 永远不成立", "`{a}` can never hold")
        }
        [a, b] => {
            let (a, b) = (text(a), text(b));
            tr!(
                lang,
                "`{a}` 和 `{b}` 不能同时成立",
                "`{a}` and `{b}` cannot both hold"
            )
        }
        _ => String::new(),
    };
    let span = match &culprit {
        Some(_) => chosen
            .iter()
            .filter_map(|c| span_of(c))
            .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
            .unwrap_or(whole.clone()),
        None => whole,
    };
    let mut why = Vec::new();
    // A number range explains one part alone; two parts contradict each other whatever it is.
    let single = chosen.len() == 1;
    for part in chosen {
        part.for_each_test(&mut |t| {
            for line in reason(pack, lang, t.var, &t.check, single) {
                if !why.contains(&line) {
                    why.push(line);
                }
            }
        });
    }
    Contradiction {
        span,
        what,
        why,
        follows: None,
    }
}

/// What limits the values of one test's variable: the `when` of its question, its number
/// range, the cases giving a derived value.
/// For a derived value, the `when` of the questions its cases read come after.
fn reason(pack: &Pack, lang: Lang, var: Var, check: &Check, single: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if let Some(line) = direct_reason(pack, lang, var, check, single) {
        lines.push(line);
    }
    if let (Var::Derived(d), Check::OneOf(mask), false) = (var, check, lines.is_empty())
        && let DerivedKind::Classify { cases, .. } = &pack.derived[d].kind
    {
        for case in cases
            .iter()
            .filter(|c| c.value < 64 && mask >> c.value & 1 == 1)
        {
            if let Some(when) = &case.when {
                when.cond.for_each_test(&mut |t| {
                    if let Some(line) = direct_reason(pack, lang, t.var, &t.check, false)
                        && !lines.contains(&line)
                        && matches!(t.var, Var::Question(_))
                    {
                        lines.push(line);
                    }
                });
            }
        }
    }
    lines
}

/// The one line about a test's variable itself.
fn direct_reason(pack: &Pack, lang: Lang, var: Var, check: &Check, single: bool) -> Option<String> {
    match var {
        Var::Question(q) => {
            let question = &pack.questions[q];
            let id = &question.id;
            // One comparison alone that never holds: the number range says why.
            let range_only = single && matches!(check, Check::Compare(..));
            if let Some(when) = &question.when
                && *check != Check::Skipped
                && !range_only
            {
                let cond = &when.source;
                return Some(tr!(
                    lang,
                    "`{id}` 只在 `{cond}` 时才问（被跳过的问题只满足 `is skipped`）",
                    "`{id}` is asked only when `{cond}` (a skipped question only satisfies `is skipped`)"
                ));
            }
            if let (QuestionKind::Number { min, max, .. }, Check::Compare(..), true) =
                (&question.kind, check, single)
            {
                return Some(tr!(
                    lang,
                    "`{id}` 的答案在 {min} 到 {max} 之间",
                    "`{id}` is answered between {min} and {max}"
                ));
            }
            None
        }
        Var::Derived(d) => {
            let derived = &pack.derived[d];
            let id = &derived.id;
            let (DerivedKind::Classify { values, cases }, Check::OneOf(mask)) =
                (&derived.kind, check)
            else {
                return None;
            };
            let giving: Vec<String> = cases
                .iter()
                .filter(|c| c.value < 64 && mask >> c.value & 1 == 1)
                .map(|c| match &c.when {
                    Some(w) => format!("`{}`", w.source),
                    None => tr!(lang, "其他情况", "otherwise"),
                })
                .collect();
            let named: Vec<String> = (0..values.len())
                .filter(|v| *v < 64 && mask >> v & 1 == 1)
                .map(|v| format!("`{}`", values[v].id))
                .collect();
            if giving.is_empty() || giving.len() > 3 || named.len() != 1 {
                return None;
            }
            let value = &named[0];
            let cases = giving.join(tr!(lang, " 或 ", " or ").as_str());
            Some(tr!(
                lang,
                "`{id}` 只在 {cases} 时取值 {value}",
                "`{id}` is {value} only when {cases}"
            ))
        }
    }
}
