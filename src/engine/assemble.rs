//! Building a [`Plan`] from an [`Evaluation`]: texts rendered in one language, actions sorted,
//! phases placed on the calendar.

use jiff::civil::Date;

use super::focus::{self, Candidate};
use super::{DerivedValue, Evaluation, timeline};
use crate::condition::Var;
use crate::lang::Lang;
use crate::pack::placeholder::Segment;
use crate::pack::{DerivedKind, Pack, Template};
use crate::plan::{
    ActionOut, AnswerOut, CautionOut, DerivedOut, DiagnosisRow, Due, PackInfo, PhaseOut, Plan,
    SCHEMA, SpeakerOut,
};
use crate::source::SourceMap;
use crate::terminal::sanitize;
use crate::value::Value;

/// Renders the plan for an evaluation in `lang`, with the schedule starting on `start`.
pub fn build(
    pack: &Pack,
    eval: &Evaluation<'_>,
    lang: Lang,
    start: Date,
    sources: &SourceMap,
) -> Plan {
    let text = |t: &crate::text::LocalText| t.get(lang).to_string();
    let mut answers = Vec::new();
    let mut diagnosis = Vec::new();
    for (i, question) in pack.questions.iter().enumerate() {
        let Some(value) = &eval.state.answers()[i] else {
            continue;
        };
        let display = display_var(pack, eval, Var::Question(i), lang);
        answers.push(AnswerOut {
            question: question.id.clone(),
            prompt: text(&question.prompt),
            value: toml_to_json(&value.to_toml(question)),
            display: display.clone(),
        });
        if question.diagnosis {
            diagnosis.push(DiagnosisRow {
                id: question.id.clone(),
                label: match &question.short {
                    Some(short) => text(short),
                    None => diagnosis_label(&question.prompt, lang),
                },
                value: display,
            });
        }
    }
    let mut derived = Vec::new();
    for (i, fact) in pack.derived.iter().enumerate() {
        let value = match (eval.state.derived(i), &fact.kind) {
            (Some(DerivedValue::Class(v)), DerivedKind::Classify { values, .. }) => {
                serde_json::Value::String(values[v].id.clone())
            }
            (Some(DerivedValue::Number(n)), _) => serde_json::Value::from(n),
            _ => serde_json::Value::Null,
        };
        let display = display_var(pack, eval, Var::Derived(i), lang);
        if fact.diagnosis {
            diagnosis.push(DiagnosisRow {
                id: fact.id.clone(),
                label: text(&fact.label),
                value: display.clone(),
            });
        }
        derived.push(DerivedOut {
            id: fact.id.clone(),
            label: text(&fact.label),
            value,
            display,
        });
    }
    // Derived facts lead the diagnosis; key answers follow.
    diagnosis.sort_by_key(|row| !derived.iter().any(|d| d.label == row.label));

    let blocked = eval.blocked.and_then(|(d, v)| match &pack.derived[d].kind {
        DerivedKind::Classify { values, .. } => {
            values[v].blocks.as_ref().map(|b| b.get(lang).to_string())
        }
        DerivedKind::Sum { .. } => None,
    });

    let mut cautions = Vec::new();
    let mut phases: Vec<PhaseOut> = Vec::with_capacity(pack.phases.len());
    let months_left = pack
        .timeline
        .as_ref()
        .and_then(|t| match eval.state.answers()[t.months] {
            Some(Value::Number(n)) => Some(n),
            _ => None,
        });
    let horizon = pack
        .timeline
        .as_ref()
        .map(|t| timeline::horizon_weeks(t, months_left));
    let project_end = months_left
        .filter(|_| pack.timeline.is_some())
        .map(|m| timeline::project_end(m, start));
    let end_week = project_end.as_ref().map(|e| e.week);
    for phase in &pack.phases {
        phases.push(PhaseOut {
            id: phase.id.clone(),
            title: text(&phase.title),
            summary: phase.summary.as_ref().map(text),
            window: horizon.and_then(|h| timeline::window(phase, h, end_week, start)),
            actions: Vec::new(),
        });
    }
    let mut cited = vec![false; pack.speakers.len()];
    // Actions are sorted by small keys and moved once: sorting the actions themselves moved
    // each of them O(log n) times (40% of the time of a 10,000-rule plan).
    let mut order: Vec<(usize, i64, usize)> = Vec::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut outs: Vec<Option<ActionOut>> = Vec::new();
    for &r in &eval.fired {
        let rule = &pack.rules[r];
        for caution in &rule.cautions {
            if let Some(s) = caution.speaker {
                cited[s] = true;
            }
            cautions.push(CautionOut {
                rule: rule.id.clone(),
                text: render(pack, eval, &caution.text, lang),
                speaker: caution.speaker.map(|s| pack.speakers[s].id.clone()),
            });
        }
        if blocked.is_some() {
            continue;
        }
        for action in &rule.actions {
            cited[action.speaker] = true;
            let line = sources.describe(&action.loc);
            let defined_at = line
                .rsplit_once(':')
                .map_or(line.clone(), |(l, _)| l.to_string());
            order.push((action.phase, action.priority, outs.len()));
            candidates.push(Candidate {
                phase: action.phase,
                priority: action.priority,
                keep: action.keep,
            });
            let due = action
                .deadline_weeks
                .zip(phases[action.phase].window.as_ref())
                .map(|(weeks, window)| {
                    let week = window.start_week + weeks;
                    Due {
                        week,
                        date: timeline::date_after_weeks(start, week),
                    }
                });
            outs.push(Some(ActionOut {
                rule: rule.id.clone(),
                concept: action.concept.clone(),
                phase: pack.phases[action.phase].id.clone(),
                speaker: pack.speakers[action.speaker].id.clone(),
                priority: action.priority,
                owner: render(pack, eval, &action.owner, lang),
                partners: action
                    .partners
                    .iter()
                    .map(|p| render(pack, eval, p, lang))
                    .filter(|p| !p.trim().is_empty())
                    .collect(),
                indicator: render(pack, eval, &action.indicator, lang),
                due,
                text: render(pack, eval, &action.text, lang),
                why: render(pack, eval, &action.why, lang),
                defined_at,
                progress: None,
            }));
        }
    }
    let (first_count, budget) = match &pack.focus {
        Some(f) => (
            f.first_steps,
            f.budgets
                .iter()
                .find(|b| b.when.as_ref().is_none_or(|c| c.eval(&eval.state)))
                .map(|b| b.max),
        ),
        None => (0, None),
    };
    let selection = focus::select(&candidates, first_count, budget);
    let first_steps: Vec<ActionOut> = selection
        .first_steps
        .iter()
        .filter_map(|&i| outs[i].clone())
        .collect();
    let deferred: Vec<ActionOut> = selection
        .deferred
        .iter()
        .filter_map(|&i| outs[i].take())
        .collect();
    // The index breaks ties, so an unstable sort keeps pack order as a stable one would.
    order.sort_unstable();
    for (phase, _, index) in order {
        if let Some(action) = outs[index].take() {
            phases[phase].actions.push(action);
        }
    }
    let speakers = pack
        .speakers
        .iter()
        .zip(&cited)
        .filter(|(_, c)| **c)
        .map(|(s, _)| SpeakerOut {
            id: s.id.clone(),
            kind: s.kind,
            name: s.name.get(lang).to_string(),
            affiliation: s.affiliation.as_ref().map(|a| a.get(lang).to_string()),
            basis: s.basis.as_ref().map(|b| b.get(lang).to_string()),
        })
        .collect();
    let organization = pack
        .organization
        .and_then(|q| match &eval.state.answers()[q] {
            Some(Value::Text(t)) if !t.trim().is_empty() => Some(sanitize(t.trim())),
            _ => None,
        });
    Plan {
        schema: SCHEMA,
        pack: PackInfo {
            id: pack.id.clone(),
            version: pack.version.clone(),
            title: text(&pack.title),
        },
        lang,
        date: start.to_string(),
        project_end,
        organization,
        answers,
        derived,
        diagnosis,
        cautions,
        blocked,
        first_steps,
        phases,
        deferred,
        speakers,
    }
}

/// A question prompt shortened for a diagnosis label: without a trailing question mark.
fn diagnosis_label(prompt: &crate::text::LocalText, lang: Lang) -> String {
    prompt
        .get(lang)
        .trim_end_matches(['?', '？', ':', '：'])
        .to_string()
}

/// Renders a template with the evaluation's values.
pub fn render(pack: &Pack, eval: &Evaluation<'_>, template: &Template, lang: Lang) -> String {
    let mut out = String::new();
    for segment in template.segments(lang) {
        match segment {
            Segment::Literal(s) => out.push_str(s),
            Segment::Value(var) => out.push_str(&display_var(pack, eval, *var, lang)),
        }
    }
    out
}

/// A variable's value as people read it, in `lang`.
pub fn display_var(pack: &Pack, eval: &Evaluation<'_>, var: Var, lang: Lang) -> String {
    let empty = |if_empty: Option<&crate::text::LocalText>| {
        if_empty.map_or_else(|| "—".to_string(), |t| t.get(lang).to_string())
    };
    match var {
        Var::Question(i) => {
            let question = &pack.questions[i];
            let options = question.kind.options();
            match &eval.state.answers()[i] {
                None => empty(question.if_empty.as_ref()),
                Some(Value::Text(t)) if t.trim().is_empty() => empty(question.if_empty.as_ref()),
                Some(Value::Text(t)) => sanitize(t.trim()),
                Some(Value::Choice(c)) => options[*c].label.get(lang).to_string(),
                Some(Value::Choices(mask)) => join_labels(
                    options
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| mask >> j & 1 == 1)
                        .map(|(_, o)| o.label.get(lang))
                        .collect(),
                    lang,
                ),
                Some(Value::Bool(b)) => yes_no(*b, lang).to_string(),
                Some(Value::Number(n)) => n.to_string(),
            }
        }
        Var::Derived(i) => match (eval.state.derived(i), &pack.derived[i].kind) {
            (Some(DerivedValue::Class(v)), DerivedKind::Classify { values, .. }) => {
                values[v].label.get(lang).to_string()
            }
            (Some(DerivedValue::Number(n)), _) => n.to_string(),
            _ => "—".to_string(),
        },
    }
}

/// Joins labels the way each language lists things: `a、b和c`, `a, b and c`. When a label
/// itself contains the words that join (`居委会和社区工作者`, `schools, clinics and shops`), the
/// list is joined with semicolons instead, so its items stay apart.
pub fn join_labels(labels: Vec<&str>, lang: Lang) -> String {
    let (sep, last, inner): (&str, &str, &[&str]) = match lang {
        Lang::Zh => ("、", "和", &["、", "和"]),
        Lang::En => (", ", " and ", &[", ", " and "]),
    };
    if labels.len() > 1 && labels.iter().any(|l| inner.iter().any(|w| l.contains(w))) {
        let sep = match lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        };
        return labels.join(sep);
    }
    match labels.split_last() {
        None => String::new(),
        Some((only, [])) => (*only).to_string(),
        Some((tail, init)) => format!("{}{last}{tail}", init.join(sep)),
    }
}

/// Yes or no in a language.
pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (value, lang) {
        (true, Lang::Zh) => "是",
        (false, Lang::Zh) => "否",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

fn toml_to_json(value: &toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => serde_json::Value::String(s.clone()),
        toml::Value::Integer(n) => serde_json::Value::from(*n),
        toml::Value::Boolean(b) => serde_json::Value::Bool(*b),
        toml::Value::Array(items) => {
            serde_json::Value::Array(items.iter().map(toml_to_json).collect())
        }
        other => serde_json::Value::String(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_join_per_language() {
        assert_eq!(
            join_labels(vec!["居民", "居委会", "街道"], Lang::Zh),
            "居民、居委会和街道"
        );
        assert_eq!(
            join_labels(vec!["residents", "the committee"], Lang::En),
            "residents and the committee"
        );
        assert_eq!(join_labels(vec!["one"], Lang::En), "one");
        assert_eq!(
            join_labels(vec!["居民", "居委会和社区工作者", "街道"], Lang::Zh),
            "居民；居委会和社区工作者；街道"
        );
        assert_eq!(
            join_labels(vec!["residents", "schools and clinics"], Lang::En),
            "residents; schools and clinics"
        );
        assert_eq!(
            join_labels(vec!["居委会和社区工作者"], Lang::Zh),
            "居委会和社区工作者"
        );
        assert_eq!(join_labels(vec![], Lang::En), "");
    }
}
