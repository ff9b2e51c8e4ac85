//! The fixed words of a printed comparison, in each language.

use crate::lang::Lang;

/// Headings and labels used by the comparison's renderers.
#[derive(Debug)]
pub struct Words {
    /// "Comparing two assessments"
    pub title: &'static str,
    /// "Before"
    pub before: &'static str,
    /// "After"
    pub after: &'static str,
    /// Said when nothing changed.
    pub no_change: &'static str,
    /// "What changed in the answers"
    pub answers: &'static str,
    /// "Question"
    pub question: &'static str,
    /// Shown for an answer to a question that was not asked.
    pub not_asked: &'static str,
    /// Shown for a diagnosis row a plan does not have.
    pub no_row: &'static str,
    /// Said when the answers are the same.
    pub same_answers: &'static str,
    /// "What changed in the diagnosis"
    pub diagnosis: &'static str,
    /// Said when the diagnosis is the same.
    pub same_diagnosis: &'static str,
    /// "Actions that left the plan"
    pub left: &'static str,
    /// Why actions leave.
    pub left_note: &'static str,
    /// "New actions"
    pub new: &'static str,
    /// Why actions come.
    pub new_note: &'static str,
    /// "Actions that stayed"
    pub stayed: &'static str,
    /// "Progress" (the earlier plan's progress file)
    pub progress: &'static str,
    /// "Phase"
    pub phase: &'static str,
    /// "Action"
    pub action: &'static str,
    /// Heading of the changes behind an action's move.
    pub because: &'static str,
    /// Marks an action left for when time allows.
    pub deferred: &'static str,
    /// Marks a stayed action now given by another rule.
    pub other_rule: &'static str,
    /// Said when a list is empty.
    pub none: &'static str,
    /// Separator between items of a list in a sentence.
    pub list_sep: &'static str,
}

/// The words for a language.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: Words = Words {
    title: "两次评估的比较",
    before: "之前",
    after: "之后",
    no_change: "没有变化：两次的答案相同，诊断和计划也相同。",
    answers: "答案的变化",
    question: "问题",
    not_asked: "（未问）",
    no_row: "（无）",
    same_answers: "答案没有变化。",
    diagnosis: "诊断的变化",
    same_diagnosis: "诊断没有变化。",
    left: "离开计划的行动",
    left_note: "情况已经不再需要这些行动。",
    new: "新增的行动",
    new_note: "情况现在需要这些行动。",
    stayed: "保留的行动",
    progress: "进度",
    phase: "阶段",
    action: "行动",
    because: "起因",
    deferred: "（留待以后）",
    other_rule: "（现由另一条规则给出）",
    none: "没有。",
    list_sep: "、",
};

static EN: Words = Words {
    title: "Comparing two assessments",
    before: "Before",
    after: "After",
    no_change: "No change: the answers are the same, and so are the diagnosis and the plan.",
    answers: "What changed in the answers",
    question: "Question",
    not_asked: "(not asked)",
    no_row: "(none)",
    same_answers: "The answers are the same.",
    diagnosis: "What changed in the diagnosis",
    same_diagnosis: "The diagnosis is the same.",
    left: "Actions that left the plan",
    left_note: "The situation no longer calls for them.",
    new: "New actions",
    new_note: "The situation now calls for them.",
    stayed: "Actions that stayed",
    progress: "Progress",
    phase: "Phase",
    action: "Action",
    because: "Because of a change in",
    deferred: " (if time allows)",
    other_rule: " (now from another rule)",
    none: "None.",
    list_sep: "; ",
};

/// "N actions are still in the plan."
pub fn stayed_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Zh, _) => format!("{n} 条行动仍在计划中。"),
        (Lang::En, 1) => "1 action is still in the plan.".to_string(),
        (Lang::En, _) => format!("{n} actions are still in the plan."),
    }
}

/// "Before: N actions; after: M."
pub fn action_counts(before: usize, after: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("之前的计划有 {before} 条行动，之后的有 {after} 条。"),
        Lang::En => format!("The earlier plan has {before} actions, the later one {after}."),
    }
}
