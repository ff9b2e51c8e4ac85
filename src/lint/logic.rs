//! The checks that need the analysis: questions never asked, rules that never fire, cases never
//! reached or missing, phases left empty, exclusive rules firing together.

use std::time::Duration;

use batsat::Lit;

use super::{
    CASE_UNREACHED, EMPTY_PHASE, Finding, NEVER_ASKED, NEVER_FIRES, NO_CASE, NOT_CHECKED, OVERLAP,
    VALUE_NEVER_GIVEN,
};
use crate::analysis::example::answers_file;
use crate::analysis::{Analysis, Outcome};
use crate::answers::Answers;
use crate::condition::Condition;
use crate::diagnostic::Diagnostic;
use crate::engine::evaluate;
use crate::lang::Lang;
use crate::pack::{DerivedKind, Pack};
use crate::source::Loc;
use crate::tr;

/// Runs every analysis check on a pack that loaded.
pub fn check(pack: &Pack, lang: Lang, budget: Duration) -> Vec<Finding> {
    let mut lint = Lint {
        analysis: Analysis::new(pack, budget),
        pack,
        lang,
        out: Vec::new(),
        unchecked: Unchecked::default(),
        never_given: Vec::new(),
    };
    lint.questions();
    let rules = lint.rule_literals();
    // Classifications first: a rule that can never fire because it reads a value no case
    // gives comes after that finding, and says it follows from it.
    let never = lint.never_firing(&rules);
    lint.classifications();
    lint.rules(&never);
    lint.phases(&rules);
    lint.exclusive_groups(&rules);
    lint.not_checked();
    lint.out
}

struct Lint<'p> {
    analysis: Analysis<'p>,
    pack: &'p Pack,
    lang: Lang,
    out: Vec<Finding>,
    /// What could not be decided within the budget.
    unchecked: Unchecked,
    /// Values of classifications, as (derived fact, value), that no answer set gives.
    never_given: Vec<(usize, usize)>,
}

/// How many undecided checks are named in the "not fully checked" finding.
const UNCHECKED_NAMED: usize = 8;

/// The checks that could not be decided: the first few named, all counted, so that memory
/// stays bounded however many checks the budget cuts short.
#[derive(Default)]
struct Unchecked {
    named: Vec<String>,
    total: usize,
}

impl Unchecked {
    fn push(&mut self, what: String) {
        if self.named.last() == Some(&what) {
            return;
        }
        self.total += 1;
        if self.named.len() < UNCHECKED_NAMED {
            self.named.push(what);
        }
    }
}

fn whole(c: &Condition) -> Loc {
    c.origin.locate(0..c.source.len())
}

/// Whether the engine accepts the answers as a complete answer set.
fn complete(pack: &Pack, answers: &Answers) -> bool {
    let eval = evaluate(pack, answers.clone());
    eval.missing.is_empty() && eval.dropped.is_empty()
}

impl Lint<'_> {
    fn possible(&mut self, goal: &[Lit], what: String) -> bool {
        match self.analysis.possible(goal) {
            Some(p) => p,
            None => {
                self.unchecked.push(what);
                true
            }
        }
    }

    fn example(
        &mut self,
        goal: &[Lit],
        what: String,
        confirm: impl Fn(&Pack, &Answers) -> bool,
    ) -> Option<Answers> {
        match self
            .analysis
            .find(goal, |p, a| complete(p, a) && confirm(p, a))
        {
            Outcome::Example(answers) => Some(answers),
            Outcome::Never => None,
            Outcome::Unknown => {
                self.unchecked.push(what);
                None
            }
        }
    }

    fn push(&mut self, diagnostic: Diagnostic, example: Option<(&Answers, String)>) {
        let counterexample =
            example.map(|(answers, shows)| answers_file(self.pack, self.lang, answers, &shows));
        self.out.push(Finding {
            diagnostic,
            counterexample,
        });
    }

    fn questions(&mut self) {
        let lang = self.lang;
        for (i, q) in self.pack.questions.iter().enumerate() {
            let Some(when) = &q.when else { continue };
            let asked = self.analysis.enc.asked(i);
            if !self.possible(&[asked], tr!(lang, "问题 `{}`", "question `{}`", q.id)) {
                let d = Diagnostic::error(NEVER_ASKED, tr!(lang, "问题 `{}` 的 when 永远不成立，这个问题永远不会被问到", "the `when` of question `{}` can never hold: it is never asked", q.id))
                    .at(whole(when), tr!(lang, "任何完整答案都不满足", "no complete answer set satisfies this"))
                    .help(tr!(lang, "检查条件是否与选项、数字范围或前面问题的跳过逻辑矛盾", "check it against the options, number ranges and the skip logic of the questions it reads"));
                self.push(d, None);
            }
        }
    }

    fn rule_literals(&mut self) -> Vec<Lit> {
        let truth = self.analysis.enc.sat.truth();
        self.pack
            .rules
            .iter()
            .map(|r| {
                r.when
                    .as_ref()
                    .map_or(truth, |c| self.analysis.enc.cond(&c.cond))
            })
            .collect()
    }

    /// The rules whose condition can never hold.
    fn never_firing(&mut self, rules: &[Lit]) -> Vec<usize> {
        let lang = self.lang;
        let mut never = Vec::new();
        // One satisfying assignment usually fires many rules: those need no query of their own.
        let mut witnessed = vec![false; rules.len()];
        for (r, rule) in self.pack.rules.iter().enumerate() {
            if rule.when.is_none() || witnessed[r] {
                continue;
            }
            match self.analysis.possible(&[rules[r]]) {
                Some(true) => {
                    for (seen, &lit) in witnessed.iter_mut().zip(rules) {
                        *seen |= self.analysis.enc.sat.value(lit);
                    }
                    continue;
                }
                None => {
                    self.unchecked
                        .push(tr!(lang, "规则 `{}`", "rule `{}`", rule.id));
                    continue;
                }
                Some(false) => never.push(r),
            }
        }
        never
    }

    /// Reports the rules that can never fire, with the part of their condition that
    /// contradicts.
    fn rules(&mut self, never: &[usize]) {
        let lang = self.lang;
        for &r in never {
            let rule = &self.pack.rules[r];
            let Some(when) = &rule.when else { continue };
            let found = super::contradiction::explain(
                &mut self.analysis,
                self.pack,
                lang,
                when,
                &self.never_given,
            );
            let message = if found.what.is_empty() {
                tr!(
                    lang,
                    "规则 `{}` 永远不会触发",
                    "rule `{}` can never fire",
                    rule.id
                )
            } else {
                tr!(
                    lang,
                    "规则 `{}` 永远不会触发：{}",
                    "rule `{}` can never fire: {}",
                    rule.id,
                    found.what
                )
            };
            let label = if found.follows.is_some() {
                tr!(lang, "这个取值永远不会出现", "this value is never given")
            } else {
                tr!(
                    lang,
                    "任何完整答案都不满足",
                    "no complete answer set satisfies this"
                )
            };
            let mut d =
                Diagnostic::error(NEVER_FIRES, message).at(when.origin.locate(found.span), label);
            if let Some(follows) = found.follows {
                d = d.help(follows);
            }
            for why in found.why {
                d = d.help(why);
            }
            if d.help.is_empty() {
                d = d.help(tr!(lang, "条件与选项、数字范围或跳过逻辑矛盾（被跳过的问题在条件中只满足 `is skipped`）", "the condition contradicts the options, number ranges or skip logic (a skipped question only satisfies `is skipped`)"));
            }
            self.push(d, None);
        }
    }

    fn classifications(&mut self) {
        let lang = self.lang;
        for (d, derived) in self.pack.derived.iter().enumerate() {
            let DerivedKind::Classify { values, cases } = &derived.kind else {
                continue;
            };
            let firsts = self.analysis.enc.first_cases(d).to_vec();
            for (case, first) in cases.iter().zip(firsts) {
                if !self.possible(
                    &[first],
                    tr!(lang, "派生事实 `{}`", "derived `{}`", derived.id),
                ) {
                    let value = &values[case.value].id;
                    let d = Diagnostic::error(
                        CASE_UNREACHED,
                        tr!(
                            lang,
                            "`{}` 的这一条（值 `{value}`）永远不会被选中",
                            "this case of `{}` (value `{value}`) is never the first to hold",
                            derived.id
                        ),
                    )
                    .at(
                        case.when.as_ref().map_or(case.loc.clone(), whole),
                        tr!(
                            lang,
                            "前面的条或跳过逻辑已覆盖所有情况",
                            "earlier cases or the skip logic cover every answer set"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "分类按顺序取第一条成立的；把更具体的条放在前面",
                        "the first case that holds wins: put more specific cases first"
                    ));
                    self.push(d, None);
                }
            }
            for (v, value) in values.iter().enumerate() {
                let given = self.analysis.enc.derived_is(d, v);
                let what = tr!(lang, "派生事实 `{}`", "derived `{}`", derived.id);
                if self.possible(&[given], what) {
                    continue;
                }
                self.never_given.push((d, v));
                let no_case = !cases.iter().any(|c| c.value == v);
                let diag = Diagnostic::warning(
                    VALUE_NEVER_GIVEN,
                    tr!(
                        lang,
                        "没有任何答案使 `{}` 取值 `{}`",
                        "no answer set gives `{}` the value `{}`",
                        derived.id,
                        value.id
                    ),
                )
                .at(
                    derived.loc.clone(),
                    tr!(lang, "取值 `{}` 永远不会出现", "value `{}` is never given", value.id),
                )
                .help(if no_case {
                    tr!(
                        lang,
                        "没有一条 [[derived.case]] 给出 `{}`：加上一条，或删除这个取值",
                        "no [[derived.case]] gives `{}`: add one, or remove the value",
                        value.id
                    )
                } else {
                    tr!(
                        lang,
                        "给出 `{}` 的条都被前面的条覆盖（见上面的 L003）：把更具体的条放在前面",
                        "the cases giving `{}` are covered by earlier ones (L003 above): put more specific cases first",
                        value.id
                    )
                });
                self.push(diag, None);
            }
            let has = self.analysis.enc.derived_has(d);
            let confirm =
                move |p: &Pack, a: &Answers| evaluate(p, a.clone()).state.derived(d).is_none();
            if let Some(answers) = self.example(
                &[!has],
                tr!(lang, "派生事实 `{}`", "derived `{}`", derived.id),
                confirm,
            ) {
                let shows = tr!(
                    lang,
                    "`{}` 没有任何一条成立",
                    "no case of `{}` holds",
                    derived.id
                );
                let diag = Diagnostic::warning(
                    NO_CASE,
                    tr!(
                        lang,
                        "有些完整答案使 `{}` 没有值",
                        "some complete answer sets give `{}` no value",
                        derived.id
                    ),
                )
                .at(
                    derived.loc.clone(),
                    tr!(lang, "没有一条成立", "no case holds"),
                )
                .help(tr!(
                    lang,
                    "在最后加一条不带 when 的 [[derived.case]] 作为“其他”",
                    "add a last [[derived.case]] without `when`, meaning \"otherwise\""
                ));
                self.push(diag, Some((&answers, shows)));
            }
        }
    }

    /// Literals saying "the plan is not blocked".
    fn not_blocked(&mut self) -> Vec<Lit> {
        let mut lits = Vec::new();
        for (d, derived) in self.pack.derived.iter().enumerate() {
            if let DerivedKind::Classify { values, .. } = &derived.kind {
                for (v, value) in values.iter().enumerate() {
                    if value.blocks.is_some() {
                        lits.push(!self.analysis.enc.derived_is(d, v));
                    }
                }
            }
        }
        lits
    }

    fn phases(&mut self, rules: &[Lit]) {
        let lang = self.lang;
        let not_blocked = self.not_blocked();
        for (p, phase) in self.pack.phases.iter().enumerate() {
            let givers: Vec<usize> = (0..self.pack.rules.len())
                .filter(|&r| self.pack.rules[r].actions.iter().any(|a| a.phase == p))
                .collect();
            let mut goal: Vec<Lit> = givers.iter().map(|&r| !rules[r]).collect();
            goal.extend(&not_blocked);
            let confirm = move |pack: &Pack, a: &Answers| {
                let eval = evaluate(pack, a.clone());
                eval.blocked.is_none()
                    && !eval
                        .fired
                        .iter()
                        .any(|&r| pack.rules[r].actions.iter().any(|x| x.phase == p))
            };
            if let Some(answers) = self.example(
                &goal,
                tr!(lang, "阶段 `{}`", "phase `{}`", phase.id),
                confirm,
            ) {
                let shows = tr!(
                    lang,
                    "阶段 `{}` 没有任何行动",
                    "phase `{}` gets no action",
                    phase.id
                );
                let d = Diagnostic::error(EMPTY_PHASE, tr!(lang, "有些完整答案使阶段 `{}` 没有任何行动", "some complete answer sets leave phase `{}` without any action", phase.id))
                    .at(phase.loc.clone(), tr!(lang, "可能为空", "can be empty"))
                    .help(tr!(lang, "加一条总会给这个阶段行动的规则，或放宽已有规则的条件；反例见下", "add a rule that always gives this phase an action, or widen the conditions of existing ones; see the counterexample below"));
                self.push(d, Some((&answers, shows)));
            }
        }
    }

    /// Pairs of rules of one exclusive group that can fire together. Only rules of the same
    /// group are paired; once the budget has run out, the groups left are named as not
    /// checked instead of every pair.
    fn exclusive_groups(&mut self, rules: &[Lit]) {
        let lang = self.lang;
        let pack = self.pack;
        let mut members: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        let mut given_up: std::collections::HashSet<&str> = Default::default();
        for (r2, second) in pack.rules.iter().enumerate() {
            let Some(group) = second.exclusive_group.as_deref() else {
                continue;
            };
            let earlier = members.entry(group).or_default();
            for &r1 in earlier.iter() {
                if given_up.contains(group) {
                    break;
                }
                if self.analysis.expired() {
                    given_up.insert(group);
                    self.unchecked
                        .push(tr!(lang, "互斥组 `{group}`", "exclusive group `{group}`"));
                    break;
                }
                self.overlap(rules, r1, r2, group);
            }
            earlier.push(r2);
        }
    }

    /// Whether rules `r1` and `r2` of `group` can fire together.
    fn overlap(&mut self, rules: &[Lit], r1: usize, r2: usize, group: &str) {
        let lang = self.lang;
        let (first, second) = (&self.pack.rules[r1], &self.pack.rules[r2]);
        let confirm = move |p: &Pack, a: &Answers| {
            let fired = evaluate(p, a.clone()).fired;
            fired.contains(&r1) && fired.contains(&r2)
        };
        let what = tr!(
            lang,
            "规则 `{}` 和 `{}`",
            "rules `{}` and `{}`",
            first.id,
            second.id
        );
        if let Some(answers) = self.example(&[rules[r1], rules[r2]], what, confirm) {
            let shows = tr!(
                lang,
                "`{}` 和 `{}` 同时触发",
                "`{}` and `{}` both fire",
                first.id,
                second.id
            );
            let d = Diagnostic::error(OVERLAP, tr!(lang, "互斥组 `{group}` 中的规则 `{}` 和 `{}` 可能同时触发", "rules `{}` and `{}` of exclusive group `{group}` can fire together", first.id, second.id))
                .at(second.when.as_ref().map_or(second.loc.clone(), whole), tr!(lang, "与 `{}` 重叠", "overlaps `{}`", first.id))
                .help(tr!(lang, "收紧其中一条的条件，例如加上 `and not (…)`；反例见下", "narrow one of the conditions, for example with `and not (…)`; see the counterexample below"));
            self.push(d, Some((&answers, shows)));
        }
    }

    fn not_checked(&mut self) {
        let lang = self.lang;
        let mut what = std::mem::take(&mut self.unchecked);
        for a in &self.analysis.enc.approximations {
            what.push(format!("`{a}`"));
        }
        if what.total == 0 {
            return;
        }
        let more = what.total - what.named.len();
        let list = what.named.join(lang.list_separator());
        let list = if more > 0 {
            let total = what.total;
            tr!(lang, "{list} 等 {total} 项", "{list} (+{more})")
        } else {
            list
        };
        let d = Diagnostic::warning(NOT_CHECKED, tr!(lang, "规则包 `{}` 未能完全检查：{list}", "pack `{}` is not fully checked: {list}", self.pack.id))
            .help(tr!(lang, "超出了时间预算，或和太大只能近似；可用 --budget 加大预算，或缩小数字范围", "the time budget ran out, or a sum has too many values to check exactly; raise --budget or narrow the number ranges"));
        self.push(d, None);
    }
}
