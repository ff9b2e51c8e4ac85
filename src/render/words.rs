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
};

/// A phase's schedule as people read it: "weeks 0–3 (2026-01-05 – 2026-01-25)".
pub fn window_text(window: &crate::plan::Window, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "第 {}–{} 周（{} 至 {}）",
            window.start_week + 1,
            window.end_week,
            window.start_date,
            window.end_date
        ),
        Lang::En => format!(
            "weeks {}–{} ({} to {})",
            window.start_week + 1,
            window.end_week,
            window.start_date,
            window.end_date
        ),
    }
}
