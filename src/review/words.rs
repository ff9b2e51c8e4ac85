//! The fixed words of the review report, in each language: the plan's words
//! ([`crate::render::words`]), the comparison's where the report shows what changed
//! ([`crate::compare::words`]), and the report's own.

use serde::Serialize;

use crate::lang::Lang;
use crate::render::words::Words as PlanWords;

/// The words the report templates receive (`words`).
#[derive(Debug, Serialize)]
pub struct ReviewWords {
    /// The plan's words: organization, pack, owner, indicator, note, observed, colon…
    #[serde(flatten)]
    pub plan: &'static PlanWords,
    /// The report's own.
    #[serde(flatten)]
    pub own: &'static Own,
    /// "What changed in the answers"
    pub answers_changed: &'static str,
    /// "Question"
    pub question: &'static str,
    /// "Before"
    pub before: &'static str,
    /// "After"
    pub after: &'static str,
    /// Said when the answers are the same.
    pub same_answers: &'static str,
    /// "What changed in the diagnosis"
    pub diagnosis_changed: &'static str,
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
    /// "Because of a change in"
    pub because: &'static str,
    /// Said when nothing changed.
    pub no_change: &'static str,
    /// Said when a list is empty.
    pub none: &'static str,
}

/// The report's own words.
#[derive(Debug, Serialize)]
pub struct Own {
    /// The report's title.
    pub title: &'static str,
    /// "Plan started"
    pub start: &'static str,
    /// "Report date"
    pub report_date: &'static str,
    /// "Progress record": the progress file read.
    pub progress_file: &'static str,
    /// "Where things stand"
    pub standing: &'static str,
    /// "All actions"
    pub total: &'static str,
    /// "Done"
    pub done: &'static str,
    /// "Doing"
    pub doing: &'static str,
    /// "To do"
    pub todo: &'static str,
    /// "Dropped"
    pub dropped: &'static str,
    /// "Overdue"
    pub overdue_heading: &'static str,
    /// Said when there is no progress file.
    pub no_progress: &'static str,
    /// Before the command that records progress.
    pub how_to_track: &'static str,
    /// "What was handed over"
    pub handed_over: &'static str,
    /// What the list of handed-over actions holds.
    pub handed_over_note: &'static str,
    /// Said when no action is done.
    pub nothing_handed_over: &'static str,
    /// "What was not handed over"
    pub not_handed_over: &'static str,
    /// What the list of actions not handed over holds.
    pub not_handed_over_note: &'static str,
    /// Said when every action is done.
    pub all_handed_over: &'static str,
    /// "Why dropped": before a dropped action's note.
    pub reason: &'static str,
    /// "The plan's actions, phase by phase"
    pub by_phase: &'static str,
    /// "Status"
    pub status: &'static str,
    /// "Entries no longer in the plan"
    pub gone: &'static str,
    /// What those entries are.
    pub gone_note: &'static str,
    /// "Rule"
    pub rule: &'static str,
    /// "Since the earlier assessment"
    pub changes: &'static str,
    /// "Earlier answers file"
    pub earlier_file: &'static str,
    /// "Questions for the review meeting"
    pub questions: &'static str,
    /// How to use the questions.
    pub questions_note: &'static str,
    /// "From": before a question's speaker.
    pub asked_by: &'static str,
    /// "Answer"
    pub answer: &'static str,
    /// Said when no review question holds.
    pub no_questions: &'static str,
    /// "Language"
    pub language: &'static str,
    /// The language's own name.
    pub language_name: &'static str,
}

/// The words for a language.
pub fn words(lang: Lang) -> ReviewWords {
    let c = crate::compare::words::words(lang);
    ReviewWords {
        plan: crate::render::words::words(lang),
        own: match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        },
        answers_changed: c.answers,
        question: c.question,
        before: c.before,
        after: c.after,
        same_answers: c.same_answers,
        diagnosis_changed: c.diagnosis,
        same_diagnosis: c.same_diagnosis,
        left: c.left,
        left_note: c.left_note,
        new: c.new,
        new_note: c.new_note,
        because: c.because,
        no_change: c.no_change,
        none: c.none,
    }
}

static ZH: Own = Own {
    title: "复盘报告",
    start: "计划开始",
    report_date: "报告日期",
    progress_file: "进度记录",
    standing: "进展概况",
    total: "行动总数",
    done: "已完成",
    doing: "进行中",
    todo: "未开始",
    dropped: "已放弃",
    overdue_heading: "已逾期",
    no_progress: "还没有记录进展：没有找到进度文件，所以说不出哪些事已经交出去、哪些还没有。下面各条行动都按未开始列出。",
    how_to_track: "要记下每条行动的进展，用",
    handed_over: "已交接的事项",
    handed_over_note: "已经完成的行动，附完成日期、指标的实际情况和备注。",
    nothing_handed_over: "还没有已完成的行动。",
    not_handed_over: "未交接的事项",
    not_handed_over_note: "还在进行或尚未开始的行动，以及已放弃的行动；放弃的行动以备注作为原因。",
    all_handed_over: "没有：每条行动都已完成。",
    reason: "放弃的原因",
    by_phase: "各阶段的行动",
    status: "状态",
    gone: "已不在计划中的记录",
    gone_note: "进度文件里的这些记录，对应的行动已不在现在的计划中（答案或规则包改过）；记录仍保留在进度文件里。",
    rule: "规则",
    changes: "与上次评估相比",
    earlier_file: "上次评估的答案文件",
    questions: "复盘会要回答的问题",
    questions_note: "会上逐一讨论，把大家的回答记在下面。",
    asked_by: "出自",
    answer: "回答",
    no_questions: "规则包没有适用于这份计划的复盘问题。",
    language: "语言",
    language_name: "中文",
};

static EN: Own = Own {
    title: "Review report",
    start: "Plan started",
    report_date: "Report date",
    progress_file: "Progress record",
    standing: "Where things stand",
    total: "All actions",
    done: "Done",
    doing: "Doing",
    todo: "To do",
    dropped: "Dropped",
    overdue_heading: "Overdue",
    no_progress: "No progress was recorded: there is no progress file, so this report cannot say what was handed over and what was not. Every action below is listed as to do.",
    how_to_track: "To record where each action stands, use",
    handed_over: "What was handed over",
    handed_over_note: "The actions done, with the date, the indicator's observed value and the note.",
    nothing_handed_over: "No action is done yet.",
    not_handed_over: "What was not handed over",
    not_handed_over_note: "The actions under way or not started, then those dropped; a dropped action's note says why.",
    all_handed_over: "None: every action is done.",
    reason: "Why dropped",
    by_phase: "The plan's actions, phase by phase",
    status: "Status",
    gone: "Entries no longer in the plan",
    gone_note: "These entries of the progress file match no action of the plan as it is now (the answers or the pack changed); they are kept in the progress file.",
    rule: "Rule",
    changes: "Since the earlier assessment",
    earlier_file: "Earlier answers file",
    questions: "Questions for the review meeting",
    questions_note: "Take them one by one at the meeting and write the answers below.",
    asked_by: "From",
    answer: "Answer",
    no_questions: "The pack has no review question for this plan.",
    language: "Language",
    language_name: "English",
};
