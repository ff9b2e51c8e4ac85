//! The HTML pages, from minijinja templates embedded in the binary and parsed once. Every value
//! is HTML-escaped; pages carry no inline script and load nothing from outside.

use minijinja::value::{Serde, Value as Jinja};
use minijinja::{AutoEscape, Environment, context};
use serde::Serialize;

use crate::answers::Value;
use crate::interview::machine::{Ask, Interview};
use crate::interview::prompt::{place, shown};
use crate::lang::Lang;
use crate::pack::{Pack, QuestionKind};
use crate::tr;

/// The fixed words of the pages, in one language.
#[derive(Debug, Serialize)]
pub struct Words {
    /// "Print all plans"
    pub print_all: &'static str,
    landing: &'static str,
    start: &'static str,
    resume: &'static str,
    privacy: &'static str,
    next: &'static str,
    save_change: &'static str,
    back: &'static str,
    skip: &'static str,
    optional: &'static str,
    alone: &'static str,
    review_title: &'static str,
    change: &'static str,
    confirm: &'static str,
    actions: &'static str,
    submitted: &'static str,
    print: &'static str,
    download_html: &'static str,
    download_md: &'static str,
    download_answers: &'static str,
    dashboard: &'static str,
    answering: &'static str,
    submitted_count: &'static str,
    folder: &'static str,
    refreshes: &'static str,
    download_all: &'static str,
    participants: &'static str,
    summary: &'static str,
    none_yet: &'static str,
    switch: &'static str,
}

const ZH: Words = Words {
    landing: "回答一份问卷（约十分钟），在手机上得到你们机构的分阶段行动计划。每答一题都会自动保存：刷新页面或稍后回来都能接着答。",
    start: "开始回答",
    resume: "继续回答",
    privacy: "答案只保存在主持人的电脑上，不会上传到互联网。",
    next: "下一题",
    save_change: "保存修改",
    back: "上一题",
    skip: "跳过",
    optional: "可不填。",
    alone: "只能单独选择",
    review_title: "检查你的回答",
    change: "修改",
    confirm: "确认，生成行动计划",
    actions: "计划操作",
    submitted: "答案已提交给主持人。这是你们的行动计划：",
    print: "打印",
    download_html: "下载网页版（.html）",
    download_md: "下载 Markdown（.md）",
    download_answers: "下载答案文件（.toml）",
    dashboard: "主持人页面",
    answering: "人正在回答",
    submitted_count: "人已提交",
    folder: "答案文件夹",
    refreshes: "本页每 10 秒自动刷新",
    print_all: "打印全部计划",
    download_all: "下载全部（.zip）",
    participants: "已提交的答案",
    summary: "全场汇总",
    none_yet: "还没有人提交。",
    switch: "English",
};

const EN: Words = Words {
    landing: "Answer a questionnaire (about ten minutes) and get a staged action plan for your organization on your phone. Every answer is saved as you go: refresh the page or come back later and carry on.",
    start: "Start",
    resume: "Continue where I left off",
    privacy: "Your answers stay on the facilitator's laptop; nothing goes to the internet.",
    next: "Next",
    save_change: "Save the change",
    back: "Back",
    skip: "Skip",
    optional: "Optional.",
    alone: "only on its own",
    review_title: "Check your answers",
    change: "Change",
    confirm: "Confirm and show the plan",
    actions: "Plan actions",
    submitted: "Your answers are with the facilitator. Here is your action plan:",
    print: "Print",
    download_html: "Download as a web page (.html)",
    download_md: "Download Markdown (.md)",
    download_answers: "Download the answers file (.toml)",
    dashboard: "Facilitator",
    answering: "answering",
    submitted_count: "submitted",
    folder: "Answers folder",
    refreshes: "this page refreshes every 10 seconds",
    print_all: "Print all plans",
    download_all: "Download all (.zip)",
    participants: "Answers submitted",
    summary: "Room summary",
    none_yet: "No one has submitted yet.",
    switch: "中文",
};

/// The words of the pages in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The templates, parsed once.
pub struct Pages {
    env: Environment<'static>,
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pages")
    }
}

/// A link to the same page in the other language.
#[derive(Debug, Serialize)]
pub struct Switch {
    href: String,
    code: &'static str,
    label: &'static str,
}

impl Switch {
    /// A link to `path` in the other language of the pack, if it has one.
    pub fn to(pack: &Pack, lang: Lang, path: &str) -> Option<Switch> {
        let other = lang.other();
        pack.languages.contains(&other).then(|| Switch {
            href: format!("{path}?lang={}", other.code()),
            code: other.code(),
            label: words(lang).switch,
        })
    }
}

/// The built-in page templates.
const TEMPLATES: &[(&str, &str)] = &[
    ("layout", include_str!("templates/layout.html.j2")),
    ("landing", include_str!("templates/landing.html.j2")),
    ("question", include_str!("templates/question.html.j2")),
    ("review", include_str!("templates/review.html.j2")),
    ("message", include_str!("templates/message.html.j2")),
    ("plan_bar", include_str!("templates/plan_bar.html.j2")),
    ("dashboard", include_str!("templates/dashboard.html.j2")),
];

/// What a question page shows besides the question: the error of the last try and the text
/// typed then.
#[derive(Debug, Default)]
pub struct Retry<'a> {
    /// The message.
    pub error: Option<&'a str>,
    /// What was typed (text and number questions).
    pub typed: Option<&'a str>,
}

impl Pages {
    /// Parses the templates.
    pub fn new() -> Result<Pages, minijinja::Error> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()?;
        env.set_syntax(syntax);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)?;
        }
        Ok(Pages { env })
    }

    fn render(&self, name: &str, ctx: Jinja) -> String {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .unwrap_or_else(|e| {
                format!("internal error in a page template (a bug in fulcrum): {e:#}")
            })
    }

    /// A whole page around `body`.
    pub fn layout(&self, lang: Lang, title: &str, body: String, switch: Option<Switch>) -> String {
        self.layout_refreshing(lang, title, body, switch, None)
    }

    /// A whole page that reloads itself every `refresh` seconds.
    pub fn layout_refreshing(
        &self,
        lang: Lang,
        title: &str,
        body: String,
        switch: Option<Switch>,
        refresh: Option<u32>,
    ) -> String {
        self.render(
            "layout",
            context! {
                html_lang => html_lang(lang),
                title,
                brand => "fulcrum",
                switch => Jinja::from(Serde(switch)),
                refresh,
                body => Jinja::from_safe_string(body),
            },
        )
    }

    /// The page people open first.
    pub fn landing(&self, pack: &Pack, lang: Lang, resume: Option<String>) -> String {
        let title = pack.title.get(lang);
        let body = self.render(
            "landing",
            context! {
                pack_title => title,
                description => pack.description.as_ref().map(|d| d.get(lang)),
                words => Jinja::from(Serde(words(lang))),
                lang => lang.code(),
                resume,
            },
        );
        self.layout(lang, title, body, Switch::to(pack, lang, "/"))
    }

    /// A page with a heading, a sentence and maybe a link.
    pub fn message(
        &self,
        lang: Lang,
        heading: &str,
        text: &str,
        link: Option<(&str, String)>,
    ) -> String {
        let link = link.map(|(label, href)| context! { label, href });
        let body = self.render("message", context! { heading, text, link });
        self.layout(lang, heading, body, None)
    }

    /// A question page.
    pub fn question(
        &self,
        interview: &Interview<'_>,
        ask: &Ask,
        lang: Lang,
        base: &str,
        retry: &Retry<'_>,
    ) -> String {
        let pack = interview.pack();
        let question = &pack.questions[ask.question];
        let section = question
            .section
            .filter(|_| ask.section_start)
            .map(|s| &pack.sections[s])
            .map(|s| {
                context! {
                    title => s.title.get(lang),
                    intro => s.intro.as_ref().map(|i| i.get(lang)),
                }
            });
        let preset = ask.preset.as_ref();
        let checked = |i: usize| match preset {
            Some(Value::Choice(c)) => *c == i,
            Some(Value::Choices(mask)) => mask >> i & 1 == 1,
            _ => false,
        };
        let mut options: Vec<Jinja> = question
            .kind
            .options()
            .iter()
            .enumerate()
            .map(|(i, o)| {
                context! {
                    value => i,
                    label => o.label.get(lang),
                    help => o.help.as_ref().map(|h| h.get(lang)),
                    exclusive => o.exclusive,
                    checked => checked(i),
                }
            })
            .collect();
        let (mut text, mut max_length, mut unit, mut range) = (String::new(), 0, None, None);
        match &question.kind {
            QuestionKind::Bool => {
                options = [
                    (true, tr!(lang, "是", "Yes")),
                    (false, tr!(lang, "否", "No")),
                ]
                .into_iter()
                .map(|(yes, label)| {
                    context! {
                        value => if yes { "yes" } else { "no" },
                        label,
                        checked => preset == Some(&Value::Bool(yes)),
                    }
                })
                .collect();
            }
            QuestionKind::Number { min, max, unit: u } => {
                unit = u.as_ref().map(|u| u.get(lang).to_string());
                range = Some(match &unit {
                    Some(u) => format!("{min}–{max} {u}"),
                    None => format!("{min}–{max}"),
                });
                if let Some(Value::Number(n)) = preset {
                    text = n.to_string();
                }
            }
            QuestionKind::Text { max_length: m } => {
                max_length = *m;
                if let Some(Value::Text(t)) = preset {
                    text.clone_from(t);
                }
            }
            QuestionKind::Single { .. } | QuestionKind::Multi { .. } => {}
        }
        if let Some(typed) = retry.typed {
            text = typed.to_string();
        }
        let help = question.help.get(lang);
        let body = self.render(
            "question",
            context! {
                section,
                place => place(lang, ask),
                action => base,
                at => question.id.as_str(),
                prompt => question.prompt.get(lang),
                help => (!help.is_empty()).then_some(help),
                error => retry.error,
                kind => question.kind.name(),
                options,
                text,
                max_length,
                unit,
                range,
                optional => !question.required,
                can_back => ask.number > 1 || ask.from_review,
                from_review => ask.from_review,
                words => Jinja::from(Serde(words(lang))),
            },
        );
        self.layout(
            lang,
            question.prompt.get(lang),
            body,
            Switch::to(pack, lang, base),
        )
    }

    /// The review page.
    pub fn review(
        &self,
        interview: &Interview<'_>,
        lang: Lang,
        base: &str,
        error: Option<&str>,
    ) -> String {
        let pack = interview.pack();
        let evaluation = interview.evaluation();
        let rows: Vec<Jinja> = interview
            .review()
            .iter()
            .map(|row| {
                let question = &pack.questions[row.question];
                context! {
                    id => question.id.as_str(),
                    prompt => question.prompt.get(lang),
                    answer => shown(pack, interview, &evaluation, row.question, lang),
                }
            })
            .collect();
        let w = words(lang);
        let body = self.render(
            "review",
            context! { rows, action => base, error, words => Jinja::from(Serde(w)) },
        );
        self.layout(lang, w.review_title, body, Switch::to(pack, lang, base))
    }

    /// The plan page: the printable handout of `fulcrum plan --format html`, with a bar of
    /// buttons (print, downloads, language) that is not printed.
    pub fn plan(&self, handout: &str, pack: &Pack, lang: Lang, base: &str) -> String {
        let bar = self.render(
            "plan_bar",
            context! {
                base,
                words => Jinja::from(Serde(words(lang))),
                switch => Jinja::from(Serde(Switch::to(pack, lang, &format!("{base}/plan")))),
            },
        );
        with_bar(handout, &bar)
    }

    /// The facilitator's dashboard.
    #[allow(clippy::too_many_arguments)]
    pub fn dashboard(
        &self,
        pack: &Pack,
        lang: Lang,
        token: &str,
        folder: &str,
        (answering, submitted): (usize, usize),
        files: &[String],
        summary: &str,
    ) -> String {
        let w = words(lang);
        let title = pack.title.get(lang);
        let body = self.render(
            "dashboard",
            context! {
                words => Jinja::from(Serde(w)),
                pack_title => title,
                answering,
                submitted,
                folder,
                colon => tr!(lang, "：", ": "),
                files => Jinja::from(Serde(files)),
                token,
                summary,
            },
        );
        self.layout_refreshing(lang, w.dashboard, body, None, Some(10))
    }
}

/// The handout with the bar after `<body>` and its style and script in the head.
fn with_bar(handout: &str, bar: &str) -> String {
    let head = "<link rel=\"stylesheet\" href=\"/assets/plan.css\"/>\n<script src=\"/assets/room.js\" defer></script>\n</head>";
    let out = handout.replacen("</head>", head, 1);
    out.replacen("<body>\n", &format!("<body>\n{bar}"), 1)
}

/// Several handouts as one document to print, each starting on a new page.
pub fn print_all(handouts: &[String]) -> String {
    let Some(first) = handouts.first() else {
        return String::new();
    };
    let head_end = first.find("<body>").unwrap_or(0);
    let mut out = first[..head_end].replacen(
        "</head>",
        "<style>.handout + .handout { break-before: page; page-break-before: always; }</style>\n</head>",
        1,
    );
    out.push_str("<body>\n");
    for handout in handouts {
        let start = handout.find("<body>\n").map_or(0, |i| i + "<body>\n".len());
        let end = handout.rfind("</body>").unwrap_or(handout.len());
        out.push_str("<div class=\"handout\">\n");
        out.push_str(&handout[start..end.max(start)]);
        out.push_str("</div>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-Hans",
        Lang::En => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::testing::mini;

    #[test]
    fn texts_are_escaped_and_pages_are_whole() {
        let mut pack = mini();
        pack.questions[0].prompt = crate::text::LocalText::same("<script>alert(1)</script>");
        let pages = Pages::new().unwrap();
        let (interview, _) = Interview::new(&pack, vec![None; pack.questions.len()]);
        let crate::interview::machine::Step::Ask(ask) = interview.step() else {
            panic!()
        };
        let html = pages.question(&interview, &ask, Lang::En, "/p/x", &Retry::default());
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    }

    #[test]
    fn print_all_keeps_one_head_and_every_body() {
        let a = "<html lang=\"en\"><head><style>x</style></head>\n<body>\nA\n</body>\n</html>\n";
        let b = a.replace('A', "B");
        let all = print_all(&[a.to_string(), b]);
        assert_eq!(all.matches("<head>").count(), 1);
        assert!(all.contains("<div class=\"handout\">\nA\n</div>"));
        assert!(all.contains("<div class=\"handout\">\nB\n</div>"));
    }
}
