//! Printing explanations as text, in the language of messages.

use std::fmt::Write as _;

use super::{ConceptWhy, Explanation, Reason, RuleWhy};
use crate::lang::Lang;
use crate::terminal::sanitize;
use crate::tr;

/// The whole explanation: actions by rule, derived facts, questions.
pub fn render(e: &Explanation, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "计划的由来（规则包 {}）",
            "Why the plan says what it says (pack {})",
            e.pack
        )
    );
    if let Some(blocked) = &e.blocked {
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                lang,
                "计划暂停：{blocked}，所以只列出注意事项，没有行动。",
                "The plan is stopped by {blocked}: it shows cautions only, no actions."
            )
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        tr!(lang, "规则与行动", "Rules and their actions")
    );
    for rule in &e.rules {
        rule_block(&mut out, rule, lang);
    }
    let _ = writeln!(out, "\n{}", tr!(lang, "派生事实", "Derived facts"));
    for d in &e.derived {
        let value = d.value.as_deref().unwrap_or("—");
        let _ = write!(out, "  {} = {value}", d.id);
        match (&d.case_at, &d.condition) {
            (Some(at), Some(cond)) => {
                let cond = sanitize(cond);
                let _ = writeln!(
                    out,
                    "{}",
                    tr!(lang, "  （{at}：`{cond}`）", "  ({at}: `{cond}`)")
                );
            }
            (Some(at), None) => {
                let _ = writeln!(
                    out,
                    "{}",
                    tr!(lang, "  （{at}：其余情况）", "  ({at}: otherwise)")
                );
            }
            _ => out.push('\n'),
        }
        reason_lines(&mut out, &d.reasons, "      ", lang);
        if !d.parts.is_empty() {
            let parts: Vec<String> = d
                .parts
                .iter()
                .map(|p| format!("{} ({} = {})", signed(p.adds), p.var, sanitize(&p.value)))
                .collect();
            let _ = writeln!(
                out,
                "      {}",
                tr!(lang, "求和：{}", "sum of: {}", parts.join(" "))
            );
        }
    }
    let _ = writeln!(out, "\n{}", tr!(lang, "问题", "Questions"));
    for q in &e.questions {
        let answer = q.answer.as_deref().map_or_else(
            || tr!(lang, "无答案", "no answer"),
            |a| tr!(lang, "答案 {}", "answer {}", sanitize(a)),
        );
        let status = match (q.asked, &q.condition) {
            (true, None) => tr!(lang, "问了（总是问）", "asked (always)"),
            (true, Some(c)) => tr!(
                lang,
                "问了，因为 `{}` 成立",
                "asked because `{}` holds",
                sanitize(c)
            ),
            (false, Some(c)) => tr!(
                lang,
                "跳过，因为 `{}` 不成立",
                "skipped because `{}` does not hold",
                sanitize(c)
            ),
            (false, None) => tr!(lang, "跳过", "skipped"),
        };
        let _ = writeln!(
            out,
            "  {} {}",
            mark(q.asked),
            tr!(
                lang,
                "{}：{status}；{answer}",
                "{}: {status}; {answer}",
                q.id
            )
        );
        if q.condition.is_some() {
            reason_lines(&mut out, &q.reasons, "      ", lang);
        }
    }
    out
}

/// Why one concept is in the plan or not.
pub fn render_concept(c: &ConceptWhy, lang: Lang) -> String {
    let mut out = String::new();
    let verdict = match (c.present, &c.blocked) {
        (true, _) if c.deferred => tr!(
            lang,
            "`{}` 在计划中，但列在“留待以后”：计划的篇幅预算先给了更重要的行动。",
            "`{}` is in the plan, under \"If time allows\": the plan's length budget went to more important actions first.",
            c.concept
        ),
        (true, _) => tr!(lang, "`{}` 在计划中。", "`{}` is in the plan.", c.concept),
        (false, Some(b)) => tr!(
            lang,
            "`{}` 不在计划中：计划被 {b} 暂停，不给出任何行动。",
            "`{}` is not in the plan: the plan is stopped by {b}, which gives no actions.",
            c.concept
        ),
        (false, None) => tr!(
            lang,
            "`{}` 不在计划中：给出它的规则都没有触发。",
            "`{}` is not in the plan: no rule that gives it fired.",
            c.concept
        ),
    };
    let _ = writeln!(out, "{verdict}");
    for rule in &c.rules {
        rule_block(&mut out, rule, lang);
    }
    out
}

fn rule_block(out: &mut String, rule: &RuleWhy, lang: Lang) {
    let status = if rule.fired {
        tr!(lang, "触发", "fired")
    } else {
        tr!(lang, "未触发", "did not fire")
    };
    let (mark, id, at) = (mark(rule.fired), &rule.id, &rule.defined_at);
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "  {mark} 规则 {id}（{at}）【{status}】",
            "  {mark} rule {id} ({at})  [{status}]"
        )
    );
    match &rule.condition {
        Some(c) => {
            let _ = writeln!(
                out,
                "      {}",
                tr!(lang, "条件：{}", "when: {}", sanitize(c))
            );
        }
        None => {
            let _ = writeln!(out, "      {}", tr!(lang, "条件：总是", "when: always"));
        }
    }
    if !rule.reasons.is_empty() {
        let label = if rule.fired {
            tr!(lang, "因为：", "because:")
        } else {
            tr!(lang, "没有成立的部分：", "failing part(s):")
        };
        let _ = writeln!(out, "      {label}");
        reason_lines(out, &rule.reasons, "        ", lang);
    }
    if !rule.actions.is_empty() {
        let list: Vec<String> = rule
            .actions
            .iter()
            .map(|a| tr!(lang, "{}（{}）", "{} ({})", a.concept, a.phase))
            .collect();
        let _ = writeln!(
            out,
            "      {}",
            tr!(
                lang,
                "行动：{}",
                "actions: {}",
                list.join(lang.list_separator())
            )
        );
    }
    if rule.cautions > 0 {
        let _ = writeln!(
            out,
            "      {}",
            tr!(lang, "注意事项：{}", "cautions: {}", rule.cautions)
        );
    }
}

fn reason_lines(out: &mut String, reasons: &[Reason], indent: &str, lang: Lang) {
    for r in reasons {
        let value = r.value.as_deref().map_or_else(
            || tr!(lang, "无（跳过或未答）", "none (skipped or unanswered)"),
            sanitize,
        );
        let (mark, test, var) = (mark(r.holds), sanitize(&r.test), &r.var);
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "{indent}{mark} {test}    （{var} = {value}）",
                "{indent}{mark} {test}    ({var} = {value})"
            )
        );
    }
}

/// A term of a sum as it adds: `+2`, `-1`, `+0`.
fn signed(n: i64) -> String {
    if n < 0 {
        n.to_string()
    } else {
        format!("+{n}")
    }
}

fn mark(yes: bool) -> &'static str {
    if yes { "✓" } else { "✗" }
}
