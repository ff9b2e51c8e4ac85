//! What each [`LintProblem`] says, in each language: the message, the label under the caret,
//! the help lines and, for findings with a counterexample, what the answers file shows.

use super::{Culprit, Item, Limit, LintProblem, NeverGiven, Subject, TextOf};
use crate::diagnostic::{Worded, list_names};
use crate::engine::timeline::MAX_MONTHS;
use crate::lang::Lang;
use crate::tr;

impl Worded for LintProblem {
    /// What is wrong, in one line.
    fn message(&self, lang: Lang) -> String {
        use LintProblem::*;
        match self {
            NeverAsked { question } => tr!(
                lang,
                "问题 `{question}` 的 when 永远不成立，这个问题永远不会被问到",
                "the `when` of question `{question}` can never hold: it is never asked"
            ),
            NeverFires { rule, why } => match culprit(&why.culprit, lang) {
                None => tr!(
                    lang,
                    "规则 `{rule}` 永远不会触发",
                    "rule `{rule}` can never fire"
                ),
                Some(what) => tr!(
                    lang,
                    "规则 `{rule}` 永远不会触发：{what}",
                    "rule `{rule}` can never fire: {what}"
                ),
            },
            CaseUnreached { fact, value } => tr!(
                lang,
                "`{fact}` 的这一条（值 `{value}`）永远不会被选中",
                "this case of `{fact}` (value `{value}`) is never the first to hold"
            ),
            NoCase { fact } => tr!(
                lang,
                "有些完整答案使 `{fact}` 没有值",
                "some complete answer sets give `{fact}` no value"
            ),
            EmptyPhase { phase } => tr!(
                lang,
                "有些完整答案使阶段 `{phase}` 没有任何行动",
                "some complete answer sets leave phase `{phase}` without any action"
            ),
            Overlap {
                group,
                first,
                second,
            } => tr!(
                lang,
                "互斥组 `{group}` 中的规则 `{first}` 和 `{second}` 可能同时触发",
                "rules `{first}` and `{second}` of exclusive group `{group}` can fire together"
            ),
            UnusedQuestion { question } => tr!(
                lang,
                "问题 `{question}` 的答案没有被任何条件、派生事实或文字读取",
                "no condition, derived fact or text reads question `{question}`"
            ),
            EmptyText { text, language } => {
                let name = text_name(text, lang);
                match language {
                    Some(c) => tr!(lang, "{name}（{c}）是空的", "{name} ({c}) is empty"),
                    None => tr!(lang, "{name} 是空的", "{name} is empty"),
                }
            }
            NotChecked { pack, named, total } => {
                let names: Vec<String> = named.iter().map(|s| subject(s, lang)).collect();
                let list = names.join(lang.list_separator());
                let more = total.saturating_sub(named.len());
                let list = if more > 0 {
                    tr!(lang, "{list} 等 {total} 项", "{list} (+{more})")
                } else {
                    list
                };
                tr!(
                    lang,
                    "规则包 `{pack}` 未能完全检查：{list}",
                    "pack `{pack}` is not fully checked: {list}"
                )
            }
            WholePackSkipped { pack, files } => {
                let names = quoted(files, lang);
                tr!(
                    lang,
                    "规则包 `{pack}` 未完全检查：{names} 无法解析，整包检查（L001–L007、L011）已跳过",
                    "pack `{pack}` is not fully checked: {names} does not parse, so the checks of the whole pack (L001–L007, L011) were skipped"
                )
            }
            DeadlineUndated => tr!(
                lang,
                "规则包没有 [pack.timeline]，deadline_weeks 无法换算成日期",
                "the pack has no [pack.timeline], so `deadline_weeks` gives no date"
            ),
            DeadlineOutside {
                weeks,
                phase,
                fewest,
                length,
            } => tr!(
                lang,
                "指标期限 {weeks} 周超出了阶段 `{phase}` 的时间窗：剩余 {fewest} 个月时，这个阶段只有 {length} 周",
                "the indicator's deadline of {weeks} weeks falls outside phase `{phase}`: with {fewest} months left the phase lasts {length} weeks"
            ),
            BudgetTooSmall {
                max,
                needed,
                first_steps,
                kept,
            } => tr!(
                lang,
                "长度预算 {max} 小于必须保留的行动数 {needed}（{first_steps} 项首要行动 + {kept} 项 keep 行动）",
                "a budget of {max} is smaller than the {needed} actions that are always kept ({first_steps} first steps + {kept} actions marked keep)"
            ),
            TimelineTooLong { question, max } => tr!(
                lang,
                "时间线问题 `{question}` 允许 {max} 个月，超过能排期的 {MAX_MONTHS} 个月",
                "timeline question `{question}` allows {max} months, more than the {MAX_MONTHS} that can be dated"
            ),
            SingleLanguage { languages, .. } => tr!(
                lang,
                "规则包用 {languages} 两种语言，这段文字只写了一种：两种语言的计划都会显示同样的文字",
                "the pack is written in {languages}, but this text is a plain string: plans in every language show the same words"
            ),
            ValueNeverGiven { fact, value, .. } => tr!(
                lang,
                "没有任何答案使 `{fact}` 取值 `{value}`",
                "no answer set gives `{fact}` the value `{value}`"
            ),
        }
    }

    /// The words under the caret.
    fn label(&self, lang: Lang) -> String {
        use LintProblem::*;
        match self {
            NeverAsked { .. } => unsatisfiable(lang),
            NeverFires { why, .. } if why.follows.is_some() => {
                tr!(lang, "这个取值永远不会出现", "this value is never given")
            }
            NeverFires { .. } => unsatisfiable(lang),
            CaseUnreached { .. } => tr!(
                lang,
                "前面的条或跳过逻辑已覆盖所有情况",
                "earlier cases or the skip logic cover every answer set"
            ),
            NoCase { .. } => tr!(lang, "没有一条成立", "no case holds"),
            EmptyPhase { .. } => tr!(lang, "可能为空", "can be empty"),
            Overlap { first, .. } => tr!(lang, "与 `{first}` 重叠", "overlaps `{first}`"),
            UnusedQuestion { .. } => tr!(
                lang,
                "答了也不影响计划",
                "its answer never changes the plan"
            ),
            EmptyText { .. } => tr!(lang, "文字为空", "empty text here"),
            NotChecked { .. } | WholePackSkipped { .. } => String::new(),
            DeadlineUndated | DeadlineOutside { .. } => tr!(lang, "这项行动", "this action"),
            BudgetTooSmall { .. } => tr!(lang, "这个预算", "this budget"),
            TimelineTooLong { .. } => tr!(lang, "这个问题", "this question"),
            SingleLanguage { .. } => tr!(lang, "只有一种语言", "one language only"),
            ValueNeverGiven { value, .. } => {
                tr!(
                    lang,
                    "取值 `{value}` 永远不会出现",
                    "value `{value}` is never given"
                )
            }
        }
    }

    /// Advice, one line each.
    fn help(&self, lang: Lang) -> Vec<String> {
        use LintProblem::*;
        let line = match self {
            NeverAsked { .. } => tr!(
                lang,
                "检查条件是否与选项、数字范围或前面问题的跳过逻辑矛盾",
                "check it against the options, number ranges and the skip logic of the questions it reads"
            ),
            NeverFires { why, .. } => return never_fires_help(why, lang),
            CaseUnreached { .. } => tr!(
                lang,
                "分类按顺序取第一条成立的；把更具体的条放在前面",
                "the first case that holds wins: put more specific cases first"
            ),
            NoCase { .. } => tr!(
                lang,
                "在最后加一条不带 when 的 [[derived.case]] 作为“其他”",
                "add a last [[derived.case]] without `when`, meaning \"otherwise\""
            ),
            EmptyPhase { .. } => tr!(
                lang,
                "加一条总会给这个阶段行动的规则，或放宽已有规则的条件；反例见下",
                "add a rule that always gives this phase an action, or widen the conditions of existing ones; see the counterexample below"
            ),
            Overlap { .. } => tr!(
                lang,
                "收紧其中一条的条件，例如加上 `and not (…)`；反例见下",
                "narrow one of the conditions, for example with `and not (…)`; see the counterexample below"
            ),
            UnusedQuestion { question } => tr!(
                lang,
                "在条件或 {{{question}}} 占位符中使用它，设 `diagnosis = true` 在诊断中显示，或删除它",
                "use it in a condition or a {{{question}}} placeholder, show it with `diagnosis = true`, or remove it"
            ),
            EmptyText { .. } => tr!(
                lang,
                "写上文字，或删除这个可选的键",
                "write the text, or remove the key if it is optional"
            ),
            NotChecked { .. } => tr!(
                lang,
                "超出了时间预算，或和太大只能近似；可用 --budget 加大预算，或缩小数字范围",
                "the time budget ran out, or a sum has too many values to check exactly; raise --budget or narrow the number ranges"
            ),
            WholePackSkipped { .. } => tr!(
                lang,
                "这些检查会把缺失文件中的问题、规则和阶段当作不存在，报告的只是它的缺失；先修好上面的语法错误，再运行 `fulcrum rules lint`",
                "without that file its questions, rules and phases are missing, and those checks would only report their absence: fix the syntax error above first, then run `fulcrum rules lint` again"
            ),
            DeadlineUndated => tr!(
                lang,
                "加上 [pack.timeline]（months、min_months）和各阶段的 window",
                "add [pack.timeline] (months, min_months) and phase windows"
            ),
            DeadlineOutside { length, .. } => tr!(
                lang,
                "把 deadline_weeks 改为不超过 {length}（并相应改写指标文字），或放宽阶段的 window",
                "make `deadline_weeks` at most {length} (and reword the indicator), or widen the phase's window"
            ),
            BudgetTooSmall { needed, .. } => tr!(
                lang,
                "把 max 提高到至少 {needed}，或减少 first_steps 或 keep 标记",
                "raise `max` to at least {needed}, or mark fewer actions `keep` or lower `first_steps`"
            ),
            TimelineTooLong { .. } => tr!(
                lang,
                "把 max 降到 {MAX_MONTHS} 以内；更长的答案只按 {MAX_MONTHS} 个月排期",
                "lower `max` to {MAX_MONTHS} or less; longer answers are scheduled as {MAX_MONTHS} months"
            ),
            SingleLanguage { fix, .. } => tr!(
                lang,
                "写成 `{fix}`，每种语言一段（名字等各语言相同的文字可以忽略这个警告）",
                "write `{fix}`, one text per language (ignore this for words that are the same in every language, such as names)"
            ),
            ValueNeverGiven {
                value,
                no_case: true,
                ..
            } => tr!(
                lang,
                "没有一条 [[derived.case]] 给出 `{value}`：加上一条，或删除这个取值",
                "no [[derived.case]] gives `{value}`: add one, or remove the value"
            ),
            ValueNeverGiven { value, .. } => tr!(
                lang,
                "给出 `{value}` 的条都被前面的条覆盖（见上面的 L003）：把更具体的条放在前面",
                "the cases giving `{value}` are covered by earlier ones (L003 above): put more specific cases first"
            ),
        };
        vec![line]
    }
}

impl LintProblem {
    /// What the counterexample of the finding shows, for those that come with one.
    pub fn shows(&self, lang: Lang) -> Option<String> {
        use LintProblem::*;
        Some(match self {
            NoCase { fact } => tr!(
                lang,
                "`{fact}` 没有任何一条成立",
                "no case of `{fact}` holds"
            ),
            EmptyPhase { phase } => tr!(
                lang,
                "阶段 `{phase}` 没有任何行动",
                "phase `{phase}` gets no action"
            ),
            Overlap { first, second, .. } => tr!(
                lang,
                "`{first}` 和 `{second}` 同时触发",
                "`{first}` and `{second}` both fire"
            ),
            _ => return None,
        })
    }
}

fn unsatisfiable(lang: Lang) -> String {
    tr!(
        lang,
        "任何完整答案都不满足",
        "no complete answer set satisfies this"
    )
}

/// Names joined as `` `a`、`b` `` or `` `a`, `b` ``, all of them.
fn quoted(names: &[String], lang: Lang) -> String {
    list_names(names.iter().map(String::as_str), usize::MAX, lang)
}

/// The end of an L002 message: the part that contradicts, or `None` when the whole condition
/// is meant.
fn culprit(culprit: &Culprit, lang: Lang) -> Option<String> {
    Some(match culprit {
        Culprit::Whole => return None,
        Culprit::One(a) => tr!(lang, "`{a}` 永远不成立", "`{a}` can never hold"),
        Culprit::Both(a, b) => tr!(
            lang,
            "`{a}` 和 `{b}` 不能同时成立",
            "`{a}` and `{b}` cannot both hold"
        ),
        Culprit::NeverGiven(part) => tr!(
            lang,
            "`{part}` 永远不成立，这是上面 L014 的结果",
            "`{part}` never holds, which follows from the L014 above"
        ),
    })
}

/// The help of an L002: the L014 it follows from, then why each part is limited, or a general
/// line when nothing more precise was found.
fn never_fires_help(why: &super::Contradiction, lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = why.follows.iter().map(|f| follows(f, lang)).collect();
    lines.extend(why.limits.iter().map(|l| limit(l, lang)));
    if lines.is_empty() {
        lines.push(tr!(
            lang,
            "条件与选项、数字范围或跳过逻辑矛盾（被跳过的问题在条件中只满足 `is skipped`）",
            "the condition contradicts the options, number ranges or skip logic (a skipped question only satisfies `is skipped`)"
        ));
    }
    lines
}

fn follows(never: &NeverGiven, lang: Lang) -> String {
    let NeverGiven { fact, values } = never;
    let names = quoted(values, lang);
    tr!(
        lang,
        "没有任何答案使 `{fact}` 取值 {names}：先修好上面的 L014（以及它提到的 L003），这条规则就会随之解决",
        "no answer set gives `{fact}` the value {names}: fix the L014 above (and any L003 it names) first, and this rule follows"
    )
}

fn limit(limit: &Limit, lang: Lang) -> String {
    match limit {
        Limit::AskedOnlyWhen {
            question,
            condition,
        } => tr!(
            lang,
            "`{question}` 只在 `{condition}` 时才问（被跳过的问题只满足 `is skipped`）",
            "`{question}` is asked only when `{condition}` (a skipped question only satisfies `is skipped`)"
        ),
        Limit::Range { question, min, max } => tr!(
            lang,
            "`{question}` 的答案在 {min} 到 {max} 之间",
            "`{question}` is answered between {min} and {max}"
        ),
        Limit::ValueOnlyWhen { fact, value, cases } => {
            let cases: Vec<String> = cases
                .iter()
                .map(|c| match c {
                    Some(when) => format!("`{when}`"),
                    None => tr!(lang, "其他情况", "otherwise"),
                })
                .collect();
            let cases = cases.join(tr!(lang, " 或 ", " or ").as_str());
            tr!(
                lang,
                "`{fact}` 只在 {cases} 时取值 `{value}`",
                "`{fact}` is `{value}` only when {cases}"
            )
        }
    }
}

/// What a `NotChecked` finding names.
fn subject(subject: &Subject, lang: Lang) -> String {
    match subject {
        Subject::Question(id) => tr!(lang, "问题 `{id}`", "question `{id}`"),
        Subject::Rule(id) => tr!(lang, "规则 `{id}`", "rule `{id}`"),
        Subject::Derived(id) => tr!(lang, "派生事实 `{id}`", "derived `{id}`"),
        Subject::Phase(id) => tr!(lang, "阶段 `{id}`", "phase `{id}`"),
        Subject::Group(name) => tr!(lang, "互斥组 `{name}`", "exclusive group `{name}`"),
        Subject::Rules(a, b) => tr!(lang, "规则 `{a}` 和 `{b}`", "rules `{a}` and `{b}`"),
        Subject::Approximation(what) => format!("`{what}`"),
    }
}

/// Names one text: "phase `act` title", "阶段 `act` 的 `title`".
fn text_name(text: &TextOf, lang: Lang) -> String {
    match text {
        TextOf::Pack(key) => format!("pack.{key}"),
        TextOf::Item { kind, id, key } => {
            let (zh, en) = item(*kind);
            tr!(lang, "{zh} `{id}` 的 `{key}`", "{en} `{id}` {key}")
        }
        TextOf::Action {
            rule,
            concept,
            part,
        } => tr!(
            lang,
            "规则 `{rule}` 中行动 `{concept}` 的 `{part}`",
            "rule `{rule}` action `{concept}` {part}"
        ),
        TextOf::Caution { rule } => tr!(lang, "规则 `{rule}` 的注意事项", "rule `{rule}` caution"),
    }
}

/// An item's kind, as messages name it in Chinese and in English.
fn item(kind: Item) -> (&'static str, &'static str) {
    match kind {
        Item::Phase => ("阶段", "phase"),
        Item::Speaker => ("讲者", "speaker"),
        Item::Section => ("部分", "section"),
        Item::Question => ("问题", "question"),
        Item::Option => ("选项", "option"),
        Item::Derived => ("派生事实", "derived"),
        Item::Value => ("取值", "value"),
    }
}
