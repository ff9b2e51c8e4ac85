//! The starter pack written by `fulcrum rules new`: one commented file that shows every part of
//! the format (questions of several kinds with skip logic, a derived fact, rules in every phase,
//! a caution and tests) and passes `rules lint` and its own `rules test` as written.
//!
//! Comments are in the language of messages; texts in each language the pack declares.

use crate::lang::Lang;

/// Whether `id` can name a new pack and its folder: lowercase ASCII letters, digits, `-` and `_`,
/// starting with a letter, at most 64 characters.
pub fn is_valid_id(id: &str) -> bool {
    id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The text of the starter pack `id`, written in `languages` (the first is the default), with
/// comments in `ui`. `schema` is the path written on the `#:schema` line.
pub fn pack_toml(id: &str, languages: &[Lang], ui: Lang, schema: &str) -> String {
    let mut w = Writer {
        out: String::new(),
        languages,
        ui,
    };
    w.raw(&format!("#:schema {schema}"));
    w.comment(
        &format!("规则包 `{id}`：由 `fulcrum rules new` 生成的起步模板。"),
        &format!("Pack `{id}`: a starter made by `fulcrum rules new`."),
    );
    w.comment(
        "改写问题、规则和测试后运行：fulcrum --rules 本文件夹 rules lint 本文件夹",
        "Edit the questions, rules and tests, then run: fulcrum --rules THIS_FOLDER rules lint THIS_FOLDER",
    );
    w.comment(
        "以及 fulcrum --rules 本文件夹 rules test；格式说明见 docs/pack-format.md 和 docs/authoring.zh.md。",
        "and fulcrum --rules THIS_FOLDER rules test; the format is in docs/pack-format.md and docs/authoring.md.",
    );
    w.blank();
    w.raw("[pack]");
    w.raw(&format!("id = \"{id}\""));
    w.raw("version = \"0.1.0\"");
    w.text("title", "新规则包", "New pack");
    w.text(
        "description",
        "一句话说明这个规则包帮助谁、解决什么问题。",
        "One sentence on whom this pack helps and with what.",
    );
    let codes: Vec<String> = languages
        .iter()
        .map(|l| format!("\"{}\"", l.code()))
        .collect();
    w.raw(&format!("languages = [{}]", codes.join(", ")));
    w.raw(&format!(
        "default_lang = \"{}\"",
        languages.first().copied().unwrap_or(ui).code()
    ));
    w.blank();

    w.comment(
        "时间线：计划按项目剩余的月数给每个阶段排出周次和日期（months 是下面的数字题）；没有它，计划就没有日期。",
        "The timeline: plans date each phase in weeks and dates from the months left in the project (months names the number question below); without it a plan has no dates.",
    );
    w.raw("[pack.timeline]");
    w.raw("months = \"months_left\"");
    w.comment(
        "剩余不足 min_months 个月（包括项目已结束）时，仍按 min_months 个月排期。",
        "With fewer than min_months months left (or none, once the project has ended), plans are scheduled over min_months months.",
    );
    w.raw("min_months = 3");
    w.blank();

    w.comment(
        "阶段按声明顺序出现在计划里；名称由你定。window = [开始, 结束] 是阶段在剩余时间中所占的比例（0 是今天，1 是项目结束）；大于 1 的部分在项目结束之后，适合事后复盘。",
        "Phases appear in the plan in the order declared; name them as you like. window = [start, end] places a phase on the time left, as shares of it (0 is today, 1 the project's end); beyond 1 falls after the end, for a review some time later.",
    );
    for (phase, zh, en, window) in [
        ("prepare", "准备", "Prepare", "[0.0, 0.25]"),
        ("act", "行动", "Act", "[0.25, 0.9]"),
        ("review", "复盘", "Review", "[0.9, 1.2]"),
    ] {
        w.raw("[[phase]]");
        w.raw(&format!("id = \"{phase}\""));
        w.text("title", zh, en);
        w.raw(&format!("window = {window}"));
        w.blank();
    }

    w.comment(
        "每条行动和提醒都注明出处（讲者、框架或文件）。",
        "Every action and caution cites a source (a speaker, a framework, a document).",
    );
    w.raw("[[speaker]]");
    w.raw("id = \"trainer\"");
    w.text("name", "培训师", "The trainer");
    w.text(
        "framework",
        "这里写出处的核心观点，一两句话。",
        "The source's main idea, in a sentence or two.",
    );
    w.blank();

    w.raw("[[section]]");
    w.raw("id = \"basics\"");
    w.text("title", "基本情况", "Basics");
    w.blank();

    w.comment(
        "文本题：可不填；行动文字里用 {org_name} 引用，不填时显示 if_empty。",
        "A text question, optional; actions print it with {org_name}, or if_empty when left empty.",
    );
    w.raw("[[question]]");
    w.raw("id = \"org_name\"");
    w.raw("section = \"basics\"");
    w.raw("kind = \"text\"");
    w.raw("required = false");
    w.raw("max_length = 60");
    w.text(
        "prompt",
        "机构名称（可不填）",
        "Name of your organization (optional)",
    );
    w.text(
        "help",
        "只用于计划里的称呼。",
        "Used only to address you in the plan.",
    );
    w.text("if_empty", "本机构", "our organization");
    w.blank();

    w.comment(
        "数字题：min 和 max 是允许的范围，lint 会据此检查条件。",
        "A number question: min and max bound the answer, and lint reasons with them.",
    );
    w.raw("[[question]]");
    w.raw("id = \"team_size\"");
    w.raw("section = \"basics\"");
    w.raw("kind = \"number\"");
    w.raw("min = 0");
    w.raw("max = 500");
    w.text("unit", "人", "people");
    w.text(
        "prompt",
        "团队有多少人？",
        "How many people are on the team?",
    );
    w.text(
        "help",
        "人少时计划会提醒先分工。",
        "With few people the plan starts by sharing out the work.",
    );
    w.blank();

    w.comment(
        "[pack.timeline] 读这道题：计划从今天起按剩余月数排期。",
        "[pack.timeline] reads this question: plans are scheduled over the months left from today.",
    );
    w.raw("[[question]]");
    w.raw("id = \"months_left\"");
    w.raw("section = \"basics\"");
    w.raw("kind = \"number\"");
    w.raw("min = 0");
    w.raw("max = 120");
    w.text("unit", "个月", "months");
    w.text(
        "prompt",
        "项目还剩几个月？",
        "How many months are left in the project?",
    );
    w.text(
        "help",
        "计划按这个时间给每个阶段排出日期；已结束就填 0。",
        "The plan dates each phase within this time; 0 if it has ended.",
    );
    w.blank();

    w.comment(
        "单选题：答案文件里写选项 id。diagnosis = true 把答案放进计划的诊断表，表中用 short 作标签（不写就用整个问题）。",
        "A single-choice question: answers files hold the option id. diagnosis = true shows it in the plan's diagnosis table, labelled with short (the whole prompt without it).",
    );
    w.raw("[[question]]");
    w.raw("id = \"main_worry\"");
    w.raw("section = \"basics\"");
    w.raw("kind = \"single\"");
    w.raw("diagnosis = true");
    w.text(
        "prompt",
        "眼下最担心什么？",
        "What worries you most right now?",
    );
    w.text("short", "最担心", "Main worry");
    w.text(
        "help",
        "决定行动阶段的重点。",
        "Decides what the act phase focuses on.",
    );
    w.blank();
    for (option, zh, en) in [
        ("time", "时间不够", "not enough time"),
        ("money", "经费不够", "not enough money"),
        ("people", "人手不够", "not enough people"),
    ] {
        w.raw("[[question.option]]");
        w.raw(&format!("id = \"{option}\""));
        w.text("label", zh, en);
        w.blank();
    }

    w.comment(
        "是非题，带跳题逻辑：只有 when 成立时才问（只能引用前面的题目）。",
        "A yes/no question with skip logic: asked only when `when` holds (it may read earlier questions only).",
    );
    w.raw("[[question]]");
    w.raw("id = \"has_partner\"");
    w.raw("section = \"basics\"");
    w.raw("kind = \"bool\"");
    w.raw("when = \"main_worry is money\"");
    w.text(
        "prompt",
        "有没有可以一起申请经费的伙伴？",
        "Is there a partner you could apply for funds with?",
    );
    w.text(
        "help",
        "只在担心经费时问。",
        "Asked only when money is the worry.",
    );
    w.blank();

    w.comment(
        "派生事实：按顺序检查 case，第一个成立的给出取值；没有 when 的 case 是“其他情况”。",
        "A derived fact: cases are tried in order and the first that holds gives the value; a case without `when` is \"otherwise\".",
    );
    w.raw("[[derived]]");
    w.raw("id = \"pressure\"");
    w.text("label", "压力", "Pressure");
    w.blank();
    for (value, zh, en) in [("high", "高", "high"), ("normal", "一般", "normal")] {
        w.raw("[[derived.value]]");
        w.raw(&format!("id = \"{value}\""));
        w.text("label", zh, en);
        w.blank();
    }
    w.raw("[[derived.case]]");
    w.raw("when = \"main_worry is people and team_size < 5\"");
    w.raw("value = \"high\"");
    w.blank();
    w.raw("[[derived.case]]");
    w.raw("value = \"normal\"");
    w.blank();

    w.comment(
        "规则：when 成立时，把行动加入计划。没有 when 的规则总是生效。lint 会检查每个阶段对任何答案都至少有一条行动。",
        "Rules: when `when` holds, the actions join the plan. A rule without `when` always fires. Lint checks that every phase gets an action for any answers.",
    );
    w.raw("[[rule]]");
    w.raw("id = \"prepare-share-work\"");
    w.blank();
    w.raw("[[rule.action]]");
    w.raw("phase = \"prepare\"");
    w.raw("concept = \"prepare.share_work\"");
    w.raw("speaker = \"trainer\"");
    w.text("owner", "负责人", "The lead");
    w.text(
        "indicator",
        "一周内有一张分工表。",
        "A written split of tasks within a week.",
    );
    w.text(
        "text",
        "{org_name}的 {team_size} 人一起把要做的事列出来，分给具体的人。",
        "Everyone at {org_name}, the {team_size} of you: list what must be done and give each task to one person.",
    );
    w.text(
        "why",
        "事情有人认领才会动起来。",
        "Work moves when someone owns it.",
    );
    w.blank();

    w.comment(
        "提醒（caution）和行动分开显示，放在计划最前面。",
        "Cautions are shown apart from the actions, at the top of the plan.",
    );
    w.raw("[[rule]]");
    w.raw("id = \"act-high-pressure\"");
    w.raw("when = \"pressure is high\"");
    w.blank();
    w.raw("[[rule.action]]");
    w.raw("phase = \"act\"");
    w.raw("concept = \"act.find_helpers\"");
    w.raw("speaker = \"trainer\"");
    w.raw("priority = 10");
    w.text("owner", "负责人", "The lead");
    w.text(
        "indicator",
        "一个月内多两位固定帮手。",
        "Two more regular helpers within a month.",
    );
    w.text(
        "text",
        "人手太少：先找帮手，再接新任务。",
        "Too few hands: find helpers before taking on new work.",
    );
    w.text(
        "why",
        "压力是{pressure}，团队只有 {team_size} 人。",
        "Pressure is {pressure} with a team of {team_size}.",
    );
    w.blank();
    w.raw("[[rule.caution]]");
    w.text(
        "text",
        "别让一两个人扛下所有事。",
        "Do not let one or two people carry everything.",
    );
    w.raw("speaker = \"trainer\"");
    w.blank();

    w.raw("[[rule]]");
    w.raw("id = \"act-focus\"");
    w.raw("when = \"pressure is normal\"");
    w.blank();
    w.raw("[[rule.action]]");
    w.raw("phase = \"act\"");
    w.raw("concept = \"act.focus\"");
    w.raw("speaker = \"trainer\"");
    w.raw("priority = 20");
    w.text("owner", "全体成员", "Everyone");
    w.text(
        "indicator",
        "每周一次简短回顾。",
        "A short check-in every week.",
    );
    w.text(
        "text",
        "围绕“{main_worry}”定下三件最要紧的事。",
        "Pick the three things that matter most about \"{main_worry}\".",
    );
    w.text(
        "why",
        "聚焦比面面俱到更有效。",
        "Focus beats doing everything a little.",
    );
    w.blank();

    w.raw("[[rule]]");
    w.raw("id = \"act-apply-together\"");
    w.raw("when = \"has_partner\"");
    w.blank();
    w.raw("[[rule.action]]");
    w.raw("phase = \"act\"");
    w.raw("concept = \"act.joint_funding\"");
    w.raw("speaker = \"trainer\"");
    w.raw("priority = 30");
    w.text("owner", "负责人", "The lead");
    w.text(
        "indicator",
        "两个月内递交一份联合申请。",
        "A joint application sent within two months.",
    );
    w.text(
        "text",
        "和伙伴一起申请经费。",
        "Apply for funds together with your partner.",
    );
    w.text(
        "why",
        "联合申请更有说服力。",
        "Joint applications are more convincing.",
    );
    w.blank();

    w.raw("[[rule]]");
    w.raw("id = \"review-always\"");
    w.blank();
    w.raw("[[rule.action]]");
    w.raw("phase = \"review\"");
    w.raw("concept = \"review.look_back\"");
    w.raw("speaker = \"trainer\"");
    w.text("owner", "负责人", "The lead");
    w.text("indicator", "一页复盘记录。", "A one-page review.");
    w.text(
        "text",
        "回头看：哪些做成了，哪些没做成，为什么。",
        "Look back: what worked, what did not, and why.",
    );
    w.text(
        "why",
        "复盘让下一次做得更好。",
        "Reviewing makes the next round better.",
    );
    w.blank();

    w.comment(
        "测试：给出一组答案，写明计划里必须有、必须没有的概念，以及派生事实的取值。fulcrum rules test 运行它们。",
        "Tests: a set of answers, the concepts the plan must and must not hold, and derived values. fulcrum rules test runs them.",
    );
    w.raw("[[test]]");
    w.raw("id = \"small-team\"");
    w.raw("expect_present = [\"prepare.share_work\", \"act.find_helpers\", \"review.look_back\"]");
    w.raw("expect_absent = [\"act.focus\", \"act.joint_funding\"]");
    w.raw("expect_derived = { pressure = \"high\" }");
    w.raw("expect_cautions = [\"act-high-pressure\"]");
    w.raw("answers = { team_size = 3, months_left = 12, main_worry = \"people\" }");
    w.blank();
    w.raw("[[test]]");
    w.raw("id = \"money-with-partner\"");
    w.raw("expect_present = [\"act.focus\", \"act.joint_funding\"]");
    w.raw("expect_absent = [\"act.find_helpers\"]");
    w.raw("expect_derived = { pressure = \"normal\" }");
    w.raw(
        "answers = { team_size = 12, months_left = 12, main_worry = \"money\", has_partner = true }",
    );
    w.out
}

/// Builds the file line by line.
struct Writer<'a> {
    out: String,
    languages: &'a [Lang],
    ui: Lang,
}

impl Writer<'_> {
    fn raw(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    fn comment(&mut self, zh: &str, en: &str) {
        let text = match self.ui {
            Lang::Zh => zh,
            Lang::En => en,
        };
        self.raw(&format!("# {text}"));
    }

    /// `key = { zh = "…", en = "…" }` with the pack's languages, in their order.
    fn text(&mut self, key: &str, zh: &str, en: &str) {
        let parts: Vec<String> = self
            .languages
            .iter()
            .map(|l| {
                let text = match l {
                    Lang::Zh => zh,
                    Lang::En => en,
                };
                format!("{} = {}", l.code(), quote(text))
            })
            .collect();
        self.raw(&format!("{key} = {{ {} }}", parts.join(", ")));
    }
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_can_name_a_folder() {
        assert!(is_valid_id("burnout-check_2"));
        for bad in ["", "Upper", "1abc", "a/b", "a b", "..", &"x".repeat(65)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn texts_follow_the_chosen_languages() {
        let en = pack_toml("p", &[Lang::En], Lang::En, "pack.schema.json");
        assert!(en.contains("title = { en = \"New pack\" }"));
        assert!(en.contains("default_lang = \"en\""));
        let both = pack_toml("p", &[Lang::Zh, Lang::En], Lang::Zh, "pack.schema.json");
        assert!(both.contains("title = { zh = \"新规则包\", en = \"New pack\" }"));
        assert!(both.contains("# 阶段按声明顺序"));
    }
}
