//! The fixed words of printed plans, in each language.

use crate::lang::Lang;

/// Headings and labels used by the renderers.
#[derive(Debug, serde::Serialize)]
pub struct Words {
    /// "Action plan"
    pub plan: &'static str,
    /// "Organization"
    pub organization: &'static str,
    /// "Pack"
    pub pack: &'static str,
    /// "Date"
    pub date: &'static str,
    /// "Diagnosis"
    pub diagnosis: &'static str,
    /// "Item"
    pub item: &'static str,
    /// "Finding"
    pub finding: &'static str,
    /// "Cautions"
    pub cautions: &'static str,
    /// "Action"
    pub action: &'static str,
    /// "Why"
    pub why: &'static str,
    /// "Owner"
    pub owner: &'static str,
    /// "Indicator"
    pub indicator: &'static str,
    /// "Source"
    pub source: &'static str,
    /// "No actions in this phase."
    pub no_actions: &'static str,
    /// "Stopped"
    pub blocked: &'static str,
    /// "Sources"
    pub sources: &'static str,
    /// "not given"
    pub not_given: &'static str,
    /// The colon after a label: full width in Chinese.
    pub colon: &'static str,
    /// Brackets around a source.
    pub brackets: (&'static str, &'static str),
    /// "With" before the outside parties of an action.
    pub partners: &'static str,
    /// "due" before an indicator's date.
    pub due: &'static str,
    /// "Project ends"
    pub project_end: &'static str,
    /// Said when the project has already ended.
    pub project_ended: &'static str,
    /// "If time allows": the heading of the deferred actions.
    pub deferred: &'static str,
    /// What the deferred actions are.
    pub deferred_note: &'static str,
    /// "Phase" before a deferred action's phase.
    pub phase: &'static str,
    /// "overdue": an open action whose phase has ended.
    pub overdue: &'static str,
    /// "Note" before the staff's note on an action.
    pub note: &'static str,
    /// "Observed" before the indicator's observed value.
    pub observed: &'static str,
}

/// The words for a language.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: Words = Words {
    plan: "行动计划",
    organization: "机构",
    pack: "规则包",
    date: "日期",
    diagnosis: "诊断",
    item: "项目",
    finding: "结论",
    cautions: "注意",
    action: "行动",
    why: "理由",
    owner: "负责",
    indicator: "指标",
    source: "来源",
    no_actions: "这个阶段没有行动。",
    blocked: "计划暂停",
    sources: "来源",
    not_given: "未填写",
    colon: "：",
    brackets: ("（", "）"),
    partners: "协同",
    due: "截至",
    project_end: "项目结束",
    project_ended: "项目已结束：下面的时间表是从今天算起的交接期。",
    deferred: "留待以后",
    deferred_note: "计划篇幅有限，以下行动暂不排进各阶段；前面的做完、还有余力时再做。",
    phase: "阶段",
    overdue: "已逾期",
    note: "备注",
    observed: "实际情况",
};

static EN: Words = Words {
    plan: "Action plan",
    organization: "Organization",
    pack: "Pack",
    date: "Date",
    diagnosis: "Diagnosis",
    item: "Item",
    finding: "Finding",
    cautions: "Cautions",
    action: "Action",
    why: "Why",
    owner: "Owner",
    indicator: "Indicator",
    source: "Source",
    no_actions: "No actions in this phase.",
    blocked: "Plan stopped",
    sources: "Sources",
    not_given: "not given",
    colon: ": ",
    brackets: (" (", ")"),
    partners: "With",
    due: "due",
    project_end: "Project ends",
    project_ended: "The project has ended: the schedule below is the handover period from today.",
    deferred: "If time allows",
    deferred_note: "These actions did not fit in a plan of this length; take them up once the ones above are done.",
    phase: "Phase",
    overdue: "overdue",
    note: "Note",
    observed: "Observed",
};

/// An action's text with where it stands in front (`[☑ done 2026-02-01] …`), and its note
/// and observed value on lines of their own; the text alone without a progress file.
pub fn action_with_progress(action: &crate::plan::ActionOut, lang: Lang) -> String {
    let Some(p) = &action.progress else {
        return action.text.clone();
    };
    let w = words(lang);
    let mut out = match crate::progress::describe(p, lang) {
        Some(d) => match lang {
            Lang::Zh => format!("【{d}】{}", action.text),
            Lang::En => format!("[{d}] {}", action.text),
        },
        None => action.text.clone(),
    };
    if let Some(note) = &p.note {
        out.push_str(&format!("\n{}{}{note}", w.note, w.colon));
    }
    if let Some(observed) = &p.observed {
        out.push_str(&format!("\n{}{}{observed}", w.observed, w.colon));
    }
    out
}

/// The heading of the first steps: "首要三件事", "First three steps".
pub fn first_steps_title(count: usize, lang: Lang) -> String {
    const ZH: [&str; 11] = [
        "零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    const EN: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    match (lang, count) {
        (Lang::Zh, 1) => "首要一件事".to_string(),
        (Lang::Zh, n) if n < ZH.len() => format!("首要{}件事", ZH[n]),
        (Lang::Zh, n) => format!("首要 {n} 件事"),
        (Lang::En, 1) => "First step".to_string(),
        (Lang::En, n) if n < EN.len() => format!("First {} steps", EN[n]),
        (Lang::En, n) => format!("First {n} steps"),
    }
}

/// When the project ends, as the plan's header says it.
pub fn project_end_text(end: &crate::plan::ProjectEnd, lang: Lang) -> String {
    let w = words(lang);
    if end.has_ended() {
        return w.project_ended.to_string();
    }
    match lang {
        Lang::Zh => format!(
            "{}{}{}（第 {} 周）",
            w.project_end, w.colon, end.date, end.week
        ),
        Lang::En => format!(
            "{}{}{} (week {})",
            w.project_end, w.colon, end.date, end.week
        ),
    }
}

/// An indicator with its due date, if it has one.
pub fn indicator_text(indicator: &str, due: Option<&crate::plan::Due>, lang: Lang) -> String {
    let w = words(lang);
    match due {
        Some(due) => format!(
            "{indicator}{}{} {}{}",
            w.brackets.0, w.due, due.date, w.brackets.1
        ),
        None => indicator.to_string(),
    }
}

/// A phase's schedule as people read it: "weeks 1–3 (2026-01-05 to 2026-01-25)", with the
/// weeks that fall after the project's end marked.
pub fn window_text(window: &crate::plan::Window, lang: Lang) -> String {
    let after = window.after_end_week.map(|week| {
        let whole = week <= window.start_week;
        match (lang, whole) {
            (Lang::Zh, true) => "；全在项目结束之后".to_string(),
            (Lang::Zh, false) => format!("；第 {} 周起在项目结束之后", week + 1),
            (Lang::En, true) => "; all after the project's end".to_string(),
            (Lang::En, false) => format!("; after the project's end from week {}", week + 1),
        }
    });
    let after = after.unwrap_or_default();
    match lang {
        Lang::Zh => format!(
            "第 {}–{} 周（{} 至 {}{after}）",
            window.start_week + 1,
            window.end_week,
            window.start_date,
            window.end_date
        ),
        Lang::En => format!(
            "weeks {}–{} ({} to {}{after})",
            window.start_week + 1,
            window.end_week,
            window.start_date,
            window.end_date
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Due, ProjectEnd, Window};

    fn window(after_end_week: Option<i64>) -> Window {
        Window {
            start_week: 4,
            end_week: 12,
            start_date: "2026-02-02".into(),
            end_date: "2026-03-29".into(),
            after_end_week,
        }
    }

    #[test]
    fn windows_mark_the_weeks_after_the_end() {
        assert_eq!(
            window_text(&window(None), Lang::En),
            "weeks 5–12 (2026-02-02 to 2026-03-29)"
        );
        assert_eq!(
            window_text(&window(Some(8)), Lang::En),
            "weeks 5–12 (2026-02-02 to 2026-03-29; after the project's end from week 9)"
        );
        assert_eq!(
            window_text(&window(Some(4)), Lang::Zh),
            "第 5–12 周（2026-02-02 至 2026-03-29；全在项目结束之后）"
        );
        assert_eq!(
            window_text(&window(Some(8)), Lang::Zh),
            "第 5–12 周（2026-02-02 至 2026-03-29；第 9 周起在项目结束之后）"
        );
    }

    #[test]
    fn first_steps_are_counted_in_words() {
        assert_eq!(first_steps_title(3, Lang::Zh), "首要三件事");
        assert_eq!(first_steps_title(2, Lang::Zh), "首要两件事");
        assert_eq!(first_steps_title(3, Lang::En), "First three steps");
        assert_eq!(first_steps_title(1, Lang::En), "First step");
        assert_eq!(first_steps_title(12, Lang::En), "First 12 steps");
    }

    #[test]
    fn the_project_end_is_stated() {
        let end = ProjectEnd {
            week: 26,
            date: "2026-07-05".into(),
        };
        assert_eq!(
            project_end_text(&end, Lang::En),
            "Project ends: 2026-07-05 (week 26)"
        );
        assert_eq!(
            project_end_text(&end, Lang::Zh),
            "项目结束：2026-07-05（第 26 周）"
        );
        let ended = ProjectEnd {
            week: 0,
            date: "2026-01-05".into(),
        };
        assert!(project_end_text(&ended, Lang::Zh).starts_with("项目已结束"));
    }

    #[test]
    fn indicators_carry_their_due_date() {
        let due = Due {
            week: 2,
            date: "2026-01-19".into(),
        };
        assert_eq!(
            indicator_text("Minutes", Some(&due), Lang::En),
            "Minutes (due 2026-01-19)"
        );
        assert_eq!(
            indicator_text("会议纪要", Some(&due), Lang::Zh),
            "会议纪要（截至 2026-01-19）"
        );
        assert_eq!(indicator_text("会议纪要", None, Lang::Zh), "会议纪要");
    }
}
