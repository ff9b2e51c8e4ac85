//! `fulcrum run` (and `fulcrum` alone): the questionnaire in the terminal, then the plan.
//!
//! The decisions live in [`crate::interview::machine`]; this file wires the machine to the
//! prompts, keeps the draft up to date (`run/drafts.rs`) and offers to save the results.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::session::Context;
use super::session::{select_pack, start_date};
use crate::answers::Answers;
use crate::answers::file::{self, AnswersFile};
use crate::cli::RunArgs;
use crate::condition::Var;
use crate::diagnostic::{Diagnostic, Problem};
use crate::engine;
use crate::error::{Exit, Failure};
use crate::interview::draft::{answers_toml, free_path};
use crate::interview::machine::{Interview, Step};
use crate::interview::prompt::{self, Escape, Reply, ReviewChoice, Screen};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::answer_check::check_value;
use crate::pack::answer_problem::AnswersProblem;
use crate::pack::load::Catalog;
use crate::plan::Plan;
use crate::render::{self, Format, RenderOptions};
use crate::terminal::sanitize;
use crate::tr;

mod again;
mod drafts;

use drafts::{DraftKeeper, pick_draft};

/// Formats the plan can be saved in after a run, with their file extension. Add a format
/// here when a renderer for it exists.
const SAVE_FORMATS: &[(Format, &str)] = &[
    (Format::Html, "html"),
    (Format::Markdown, "md"),
    (Format::Json, "json"),
];

/// Answers a run starts from: a draft or an `--answers` file.
struct Seed {
    file: AnswersFile,
    path: PathBuf,
    is_draft: bool,
}

/// Runs `fulcrum run`.
pub fn run(context: &Context, args: &RunArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let interactive = std::io::stdin().is_terminal();
    if !interactive && args.again.is_some() {
        return Err(again::no_terminal(ui));
    }
    if !interactive && args.answers.is_none() {
        return Err(prompt::no_terminal(ui));
    }
    let start = start_date(args.start.as_deref(), ui)?;
    let mut catalog = context.catalog()?;
    let width = context.env.widths.prompt(args.width);
    let ui_screen = Screen {
        lang: ui,
        width,
        color: context.color,
    };
    // Esc at the pickers before the questionnaire ends the run.
    prompt::configure(ui, Escape::Cancel);
    let seed = if args.resume {
        match pick_draft(&ui_screen, &mut catalog, context.env.drafts_dir.as_deref())? {
            Reply::Value(seed) => Some(seed),
            Reply::Back | Reply::Stop => return Ok(Exit::Interrupted),
        }
    } else if let Some(path) = args.answers.as_ref().or(args.again.as_ref()) {
        let file = file::read(path, &mut catalog.sources, ui).map_err(|d| {
            context.report(&catalog.sources, &[d]);
            Failure::Reported(Exit::InvalidAnswers)
        })?;
        Some(Seed {
            file,
            path: path.clone(),
            is_draft: false,
        })
    } else {
        None
    };
    let in_file = seed
        .as_ref()
        .and_then(|s| s.file.pack.as_ref().map(|(p, _)| p.as_str()));
    let pack = if args.pack.is_none() && in_file.is_none() && catalog.packs.len() > 1 && interactive
    {
        match pick_pack(&ui_screen, &catalog)? {
            Reply::Value(i) => &catalog.packs[i],
            Reply::Back | Reply::Stop => return Ok(Exit::Interrupted),
        }
    } else {
        select_pack(&catalog, args.pack.as_deref(), in_file, ui)?
    };
    let lang = context.plan_lang(pack, seed.as_ref().and_then(|s| s.file.lang));
    let screen = Screen { lang, ..ui_screen };

    let answers = match &seed {
        Some(seed) => seed_answers(context, &catalog, pack, seed, interactive),
        None => vec![None; pack.questions.len()],
    };
    let (mut interview, dropped) = match &args.again {
        // Answers for questions the earlier answers do not ask are not asked again either.
        Some(_) => (Interview::again(pack, answers), Vec::new()),
        None => Interview::new(pack, answers),
    };
    report_dropped(&screen, pack, &dropped);
    if let Some(seed) = seed.as_ref().filter(|_| args.again.is_none()) {
        let (skipped, warnings) = file::skipped_questions(pack, &seed.file.skipped, ui);
        context.report(&catalog.sources, warnings.items());
        interview.decline(&skipped);
    }

    if !interactive {
        let missing = interview.missing_required();
        if !missing.is_empty() {
            return Err(missing_without_terminal(
                pack,
                &missing,
                args.answers.as_deref(),
                lang,
            ));
        }
        let plan = plan_for(pack, &interview, lang, start, &catalog);
        return print_plan(&plan, context.output_width(args.width), ui);
    }

    prompt::configure(lang, Escape::Back);
    let mut keeper = DraftKeeper::new(
        seed.as_ref().filter(|s| s.is_draft).map(|s| s.path.clone()),
        context.env.drafts_dir.clone(),
    );
    prompt::intro(
        &screen,
        pack,
        interview.missing().len(),
        interview.answered(),
    );
    if let Some(earlier) = &args.again {
        again::intro(&screen, earlier);
    }
    loop {
        match interview.step() {
            Step::Ask(ask) => {
                prompt::progress(&screen, pack, &ask);
                let question = &pack.questions[ask.question];
                match prompt::question(&screen, question, ask.preset.as_ref())? {
                    Reply::Value(value) => match interview.answer(value) {
                        Ok(dropped) => {
                            report_dropped(&screen, pack, &dropped);
                            keeper.save(&screen, pack, &interview);
                        }
                        Err(invalid) => screen.say(&invalid.message(question, lang)),
                    },
                    Reply::Back => {
                        if !interview.back() {
                            screen.note(&tr!(lang, "这是第一题。", "This is the first question."));
                        }
                    }
                    Reply::Stop => return Ok(keeper.stopped(&screen, interview.answered())),
                }
            }
            Step::Review => match prompt::review(&screen, &interview)? {
                Reply::Value(ReviewChoice::Confirm) => {
                    if !interview.confirm() {
                        screen.say(&tr!(
                            lang,
                            "还有问题没有回答。",
                            "Some questions still need an answer."
                        ));
                    }
                }
                Reply::Value(ReviewChoice::Change(q)) => {
                    interview.change(q);
                }
                Reply::Back => {
                    interview.back();
                }
                Reply::Stop => return Ok(keeper.stopped(&screen, interview.answered())),
            },
            Step::Done => break,
        }
    }

    let plan = plan_for(pack, &interview, lang, start, &catalog);
    eprintln!();
    let printed = print_plan(&plan, context.output_width(args.width), ui)?;
    // Esc at the offers to save declines them.
    prompt::configure(lang, Escape::Cancel);
    let rules_path =
        crate::pack::load::rules_path_of(pack, &catalog.sources, context.env.rules_dir.as_deref());
    let offered = match &args.again {
        Some(earlier) => {
            let text = saved_answers(&screen, pack, &interview, rules_path.as_deref(), true);
            match again::save(&screen, earlier, &text)? {
                Reply::Value(saved) => and_then(offer_plan(&screen, &plan)?, saved),
                other => other,
            }
        }
        None => offer_saving(&screen, pack, &interview, &plan, rules_path.as_deref())?,
    };
    match offered {
        Reply::Value(saved) => {
            if saved {
                keeper.discard();
            } else {
                keeper.kept(&screen);
            }
            Ok(printed)
        }
        Reply::Back | Reply::Stop => Ok(keeper.stopped(&screen, interview.answered())),
    }
}

/// The answers of a draft or answers file, checked one by one: invalid ones are reported and
/// left out, so that they are asked again.
fn seed_answers(
    context: &Context,
    catalog: &Catalog,
    pack: &Pack,
    seed: &Seed,
    interactive: bool,
) -> Answers {
    let ui = context.ui;
    let mut answers: Answers = vec![None; pack.questions.len()];
    let mut problems: Vec<Diagnostic> = Vec::new();
    for (id, loc, value) in &seed.file.entries {
        match pack.var(id) {
            Some(Var::Question(q)) => {
                match check_value(&pack.questions[q], value, seed.file.file, ui) {
                    Ok(v) => answers[q] = Some(v),
                    Err(d) if interactive => problems.push(d.help(tr!(
                        ui,
                        "这道题会重新问一次",
                        "this question will be asked again"
                    ))),
                    Err(d) => problems.push(d),
                }
            }
            _ => problems.push(
                AnswersProblem::UnknownQuestionIgnored {
                    id: id.clone(),
                    pack: pack.id.clone(),
                }
                .diagnostic(loc.clone(), ui),
            ),
        }
    }
    if !problems.is_empty() {
        context.report(&catalog.sources, &problems);
        if interactive {
            eprintln!(
                "{}",
                crate::terminal::sanitize(&tr!(
                    ui,
                    "`{}` 中有 {} 个问题，相关的题会重新提问。",
                    "{1} problem(s) in `{0}`; those questions will be asked again.",
                    seed.path.display(),
                    problems.len()
                ))
            );
        }
    }
    answers
}

fn report_dropped(screen: &Screen, pack: &Pack, dropped: &[usize]) {
    for &q in dropped {
        let prompt = sanitize(pack.questions[q].prompt.get(screen.lang));
        screen.say(&tr!(
            screen.lang,
            "“{prompt}”按现在的回答不再需要回答，它的答案已删除。",
            "“{prompt}” no longer applies with these answers; its answer was removed."
        ));
    }
}

fn missing_without_terminal(
    pack: &Pack,
    missing: &[usize],
    path: Option<&Path>,
    lang: Lang,
) -> Failure {
    let list: Vec<String> = missing
        .iter()
        .map(|&q| {
            tr!(
                lang,
                "`{}`（{}）",
                "`{}` ({})",
                pack.questions[q].id,
                sanitize(pack.questions[q].prompt.get(lang))
            )
        })
        .collect();
    let file = path.map_or_else(String::new, |p| p.display().to_string());
    Failure::message(
        Exit::Usage,
        tr!(
            lang,
            "`{file}` 缺少 {} 个回答，而且没有终端可以提问：{}。请在 --answers 给出的文件中补上，或在终端里运行",
            "`{file}` lacks {} answer(s) and there is no terminal to ask them: {}. Add them to the file given with --answers, or run in a terminal",
            list.len(),
            list.join(lang.list_separator())
        ),
    )
}

fn plan_for(
    pack: &Pack,
    interview: &Interview<'_>,
    lang: Lang,
    start: Date,
    catalog: &Catalog,
) -> Plan {
    let evaluation = interview.evaluation();
    engine::assemble::build(pack, &evaluation, lang, start, &catalog.sources)
}

/// Prints the plan on stdout as `fulcrum plan` does.
fn print_plan(plan: &Plan, width: u16, ui: Lang) -> Result<Exit, Failure> {
    let options = RenderOptions {
        width,
        unicode: std::io::stdout().is_terminal(),
    };
    let text = render::render(plan, Format::Table, options).map_err(|e| e.into_failure(ui))?;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::message(
            Exit::Output,
            tr!(ui, "无法写出计划：{e}", "cannot write the plan: {e}"),
        )),
        _ => Ok(Exit::Success),
    }
}

/// Offers to save the answers file and the plan. The reply says whether the answers were saved.
/// The answers file's header says how to make the plan again, with the `--rules` path a pack
/// that is not built in needs.
fn offer_saving(
    screen: &Screen,
    pack: &Pack,
    interview: &Interview<'_>,
    plan: &Plan,
    rules_path: Option<&std::path::Path>,
) -> Result<Reply<bool>, Failure> {
    let lang = screen.lang;
    let today = crate::clock::today();
    eprintln!();
    let saved = match prompt::yes_no(
        screen,
        &tr!(
            lang,
            "保存答案文件吗？之后可以用它重新生成计划。",
            "Save your answers? You can make the plan again from them."
        ),
        true,
    )? {
        Reply::Value(true) => {
            let text = saved_answers(screen, pack, interview, rules_path, false);
            match save_file(
                screen,
                &tr!(lang, "答案文件名：", "File name for the answers:"),
                &format!("fulcrum-answers-{today}"),
                "toml",
                &text,
            )? {
                Reply::Value(saved) => saved,
                Reply::Back => false,
                Reply::Stop => return Ok(Reply::Stop),
            }
        }
        Reply::Value(false) | Reply::Back => false,
        Reply::Stop => return Ok(Reply::Stop),
    };
    Ok(and_then(offer_plan(screen, plan)?, saved))
}

/// The answers file's text. Its header says how to make the plan again, with the `--rules`
/// path a pack that is not built in needs.
fn saved_answers(
    screen: &Screen,
    pack: &Pack,
    interview: &Interview<'_>,
    rules_path: Option<&Path>,
    again: bool,
) -> String {
    let lang = screen.lang;
    let today = crate::clock::today();
    let rules = rules_path
        .map(|path| format!(" --rules {}", shell_word(&path.display().to_string())))
        .unwrap_or_default();
    let how = if again { " --again" } else { "" };
    let comment = tr!(
        lang,
        "fulcrum 答案文件，{today} 由 fulcrum run{how} 保存。\n重新生成计划：fulcrum plan{rules} --answers 本文件",
        "fulcrum answers, saved by fulcrum run{how} on {today}.\nMake the plan again: fulcrum plan{rules} --answers THIS-FILE"
    );
    answers_toml(
        pack,
        lang,
        interview.answers(),
        &interview.declined(),
        &comment,
    )
}

/// `value` after an offer that was not stopped.
fn and_then<T>(offer: Reply<()>, value: T) -> Reply<T> {
    match offer {
        Reply::Value(()) => Reply::Value(value),
        Reply::Back => Reply::Back,
        Reply::Stop => Reply::Stop,
    }
}

/// Offers to save the plan as a file too.
fn offer_plan(screen: &Screen, plan: &Plan) -> Result<Reply<()>, Failure> {
    let lang = screen.lang;
    let today = crate::clock::today();
    let mut labels = vec![tr!(lang, "不用了", "No, thanks")];
    labels.extend(SAVE_FORMATS.iter().map(|(format, ext)| {
        // Chinese puts a space before a Latin name, none before a Chinese one.
        let name = match format {
            Format::Html => tr!(lang, "可打印的网页", "printable HTML"),
            Format::Markdown => tr!(lang, " Markdown", "Markdown"),
            _ => tr!(lang, " {}", "{}", ext.to_uppercase()),
        };
        tr!(lang, "保存为{name}（.{ext}）", "Save it as {name} (.{ext})")
    }));
    match prompt::pick(
        screen,
        &tr!(
            lang,
            "也把计划保存为文件吗？",
            "Save the plan as a file too?"
        ),
        labels,
    )? {
        Reply::Value(0) | Reply::Back => {}
        Reply::Value(n) => {
            let (format, ext) = SAVE_FORMATS[n - 1];
            let text = render::render(
                plan,
                format,
                RenderOptions {
                    width: 100,
                    unicode: false,
                },
            )
            .map_err(|e| e.into_failure(lang))?;
            if let Reply::Stop = save_file(
                screen,
                &tr!(lang, "计划文件名：", "File name for the plan:"),
                &format!("fulcrum-plan-{today}"),
                ext,
                &text,
            )? {
                return Ok(Reply::Stop);
            }
        }
        Reply::Stop => return Ok(Reply::Stop),
    }
    Ok(Reply::Value(()))
}

/// Asks for a file name (offering one that does not exist yet), asks before overwriting, and
/// writes atomically. The reply says whether the file was written.
fn save_file(
    screen: &Screen,
    message: &str,
    stem: &str,
    ext: &str,
    text: &str,
) -> Result<Reply<bool>, Failure> {
    let lang = screen.lang;
    let mut default = free_path(Path::new("."), stem, ext)
        .file_name()
        .map_or_else(
            || format!("{stem}.{ext}"),
            |n| n.to_string_lossy().into_owned(),
        );
    loop {
        let name = match prompt::file_name(screen, message, &default)? {
            Reply::Value(name) => name,
            Reply::Back => return Ok(Reply::Value(false)),
            Reply::Stop => return Ok(Reply::Stop),
        };
        let path = PathBuf::from(&name);
        if let Some(problem) = crate::output::unusable_target(&path, lang) {
            screen.say(&problem);
            default = name;
            continue;
        }
        if path.exists() {
            let question = tr!(
                lang,
                "`{name}` 已经存在，覆盖它吗？",
                "`{name}` already exists. Overwrite it?"
            );
            match prompt::yes_no(screen, &question, false)? {
                Reply::Value(true) => {}
                Reply::Value(false) | Reply::Back => {
                    default = name;
                    continue;
                }
                Reply::Stop => return Ok(Reply::Stop),
            }
        }
        match crate::output::replace_atomically(&path, text.as_bytes()) {
            Ok(()) => {
                screen.say(&tr!(lang, "已保存：{name}", "Saved: {name}"));
                return Ok(Reply::Value(true));
            }
            // Asked again, so that the answers can still be kept somewhere else.
            Err(e) => {
                screen.say(&tr!(
                    lang,
                    "无法写入 `{name}`：{e}；原有文件（如有）保持不变。请换一个位置，或按 Esc 放弃。",
                    "cannot write `{name}`: {e}; the old file, if any, is unchanged. Give another place, or press Esc to give up."
                ));
                default = name;
            }
        }
    }
}

/// Lets the person pick one of several loaded packs.
fn pick_pack(screen: &Screen, catalog: &Catalog) -> Result<Reply<usize>, Failure> {
    let lang = screen.lang;
    let labels = catalog
        .packs
        .iter()
        .map(|p| {
            tr!(
                lang,
                "{}（{}，{}）",
                "{} ({}, {})",
                sanitize(p.title.get(lang)),
                p.id,
                sanitize(&p.origin.describe(lang))
            )
        })
        .collect();
    prompt::pick(
        screen,
        &tr!(
            lang,
            "回答哪个规则包的问卷？",
            "Which pack's questionnaire?"
        ),
        labels,
    )
}

/// `word` as one shell word: as it is when it is plain, in single quotes otherwise.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+:,@".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
