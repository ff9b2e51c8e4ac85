//! `fulcrum plan`: answers file in, plan out (to stdout or a file); a folder of answers files
//! goes to [`super::batch`].

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::answers::file::{self, AnswersFile};
use crate::app::Context;
use crate::cli::PlanArgs;
use crate::diagnostic::{Diagnostics, list_names};
use crate::engine::{self, Evaluation};
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::output::{self, Target};
use crate::pack::Pack;
use crate::pack::load::{Catalog, read_text};
use crate::plan::Plan;
use crate::render::template::{self, Markup};
use crate::render::{self, Format, RenderOptions};
use crate::source::{FileId, SourceMap};
use crate::tr;

/// Width used for tables when the output is not a terminal and no `--width` is given.
const PIPED_WIDTH: u16 = 100;

/// Runs `fulcrum plan`.
pub fn run(context: &Context, args: &PlanArgs) -> Result<Exit, Failure> {
    if args.out_dir.is_some() || args.answers.is_dir() {
        return super::batch::run(context, args);
    }
    let ui = context.ui;
    let start = start_date(args.start.as_deref(), ui)?;
    let mut catalog = context.catalog()?;
    let template = UserTemplate::load(context, &mut catalog.sources, args)?;
    let answers = read_answers(context, &mut catalog, &args.answers)?;
    let evaluated = evaluate(
        context,
        &catalog,
        &answers,
        args.pack.as_deref(),
        &args.answers,
    )?;
    let plan = engine::plan::build(
        evaluated.pack,
        &evaluated.evaluation,
        evaluated.lang,
        start,
        &catalog.sources,
    );
    let target = Target::from_flag(args.output.as_deref());
    let options = RenderOptions {
        width: output_width(args.width),
        unicode: target == Target::Stdout && std::io::stdout().is_terminal(),
    };
    let text = render_plan(
        context,
        &catalog.sources,
        &plan,
        args.format,
        template.as_ref(),
        options,
    )?;
    if args.explain {
        let explanation =
            crate::explain::explain(evaluated.pack, &evaluated.evaluation, &catalog.sources, ui);
        eprint!("{}", crate::explain::text::render(&explanation, ui));
    }
    output::write(&target, &text, args.force, ui)?;
    Ok(Exit::Success)
}

/// An answers file checked and evaluated against its pack.
pub struct Evaluated<'c> {
    /// The pack.
    pub pack: &'c Pack,
    /// The evaluation.
    pub evaluation: Evaluation<'c>,
    /// The plan's language.
    pub lang: Lang,
}

/// Reads an answers file into the catalog's source map, reporting a file that does not parse.
pub fn read_answers(
    context: &Context,
    catalog: &mut Catalog,
    path: &Path,
) -> Result<AnswersFile, Failure> {
    file::read(path, &mut catalog.sources, context.ui).map_err(|d| {
        context.report(&catalog.sources, &[d]);
        Failure::Reported(Exit::InvalidAnswers)
    })
}

/// Checks an answers file against its pack and evaluates it; prints warnings, and every
/// problem on failure.
pub fn evaluate<'c>(
    context: &Context,
    catalog: &'c Catalog,
    answers: &AnswersFile,
    pack_flag: Option<&str>,
    path: &Path,
) -> Result<Evaluated<'c>, Failure> {
    let ui = context.ui;
    let pack = select_pack(
        catalog,
        pack_flag,
        answers.pack.as_ref().map(|(p, _)| p.as_str()),
        ui,
    )?;
    let lang = plan_lang(pack, context.lang_flag.or(answers.lang));
    let (evaluation, warnings): (_, Diagnostics) =
        match file::resolve(pack, &answers.entries, answers.file, ui) {
            Ok(ok) => ok,
            Err(diags) => {
                context.report(&catalog.sources, diags.items());
                let count = diags.items().iter().filter(|d| d.is_error()).count();
                eprintln!(
                    "{}",
                    crate::terminal::sanitize(&tr!(
                        ui,
                        "答案文件 `{}` 有 {count} 个问题。",
                        "{count} problem(s) in answers file `{}`.",
                        path.display()
                    ))
                );
                return Err(Failure::Reported(Exit::InvalidAnswers));
            }
        };
    context.report(&catalog.sources, warnings.items());
    let (_, skipped_warnings) = file::skipped_questions(pack, &answers.skipped, ui);
    context.report(&catalog.sources, skipped_warnings.items());
    Ok(Evaluated {
        pack,
        evaluation,
        lang,
    })
}

/// A template given with `--template`, kept in the source map so errors can quote it.
pub struct UserTemplate {
    /// Its file in the source map.
    pub file: FileId,
    /// The markup it writes.
    pub markup: Markup,
}

impl UserTemplate {
    /// Reads `--template` if given, checks it goes with `--format` and that it parses.
    pub fn load(
        context: &Context,
        sources: &mut SourceMap,
        args: &PlanArgs,
    ) -> Result<Option<Self>, Failure> {
        let ui = context.ui;
        let Some(path) = &args.template else {
            return Ok(None);
        };
        let markup = match args.format {
            Format::Markdown => Markup::Markdown,
            Format::Html => Markup::Html,
            Format::Table | Format::Json => {
                return Err(Failure::message(
                    Exit::Usage,
                    tr!(
                        ui,
                        "--template 只能用于 --format markdown 或 --format html",
                        "--template works with --format markdown or --format html only"
                    ),
                ));
            }
        };
        let text = read_text(path, ui).map_err(|d| {
            context.report(sources, &[d]);
            Failure::Reported(Exit::Usage)
        })?;
        let file = sources.add(path.display().to_string(), Some(path), Arc::from(text));
        let source = &sources.get(file).text;
        if let Err(e) = template::check(markup, &sources.get(file).name, source) {
            context.report(sources, &[template::error_diagnostic(&e, file, source, ui)]);
            return Err(Failure::Reported(Exit::Usage));
        }
        Ok(Some(UserTemplate { file, markup }))
    }
}

/// Renders a plan in a format, or with the user's template; a template that fails is reported
/// with its place in the file (exit code 2).
pub fn render_plan(
    context: &Context,
    sources: &SourceMap,
    plan: &Plan,
    format: Format,
    template: Option<&UserTemplate>,
    options: RenderOptions,
) -> Result<String, Failure> {
    let Some(user) = template else {
        return Ok(render::render(plan, format, options));
    };
    let file = sources.get(user.file);
    template::render(plan, user.markup, &file.name, &file.text).map_err(|e| {
        context.report(
            sources,
            &[template::error_diagnostic(
                &e, user.file, &file.text, context.ui,
            )],
        );
        Failure::Reported(Exit::Usage)
    })
}

/// The file name extension of a format's output.
pub fn extension(format: Format) -> &'static str {
    match format {
        Format::Table => "txt",
        Format::Json => "json",
        Format::Markdown => "md",
        Format::Html => "html",
    }
}

/// `DIR/NAME.EXT` for the answers file `NAME.toml`.
pub fn output_path(out_dir: &Path, answers: &Path, format: Format) -> PathBuf {
    let stem = answers
        .file_stem()
        .map_or_else(|| "plan".into(), |s| s.to_string_lossy());
    out_dir.join(format!("{stem}.{}", extension(format)))
}

/// The width for tables: `--width`, else the terminal's (stdout, or stderr when stdout is piped
/// to a pager), else `COLUMNS`, else 100 columns.
pub fn output_width(flag: Option<u16>) -> u16 {
    flag.or_else(|| terminal_size::terminal_size().map(|(w, _)| w.0))
        .or_else(|| terminal_size::terminal_size_of(std::io::stderr()).map(|(w, _)| w.0))
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
        })
        .unwrap_or(PIPED_WIDTH)
        .max(40)
}

/// The plan's language: the flag or the answers file, then `FULCRUM_LANG`, the locale, and the
/// pack's default; always one the pack is written in.
pub fn plan_lang(pack: &Pack, explicit: Option<Lang>) -> Lang {
    let wanted = explicit
        .or_else(|| {
            std::env::var("FULCRUM_LANG")
                .ok()
                .and_then(|v| v.parse().ok())
        })
        .or_else(Lang::from_system);
    pack.resolve_lang(wanted)
}

/// Picks the pack: `--pack`, the answers file's `pack`, or the only pack loaded.
pub fn select_pack<'c>(
    catalog: &'c Catalog,
    flag: Option<&str>,
    in_file: Option<&str>,
    ui: Lang,
) -> Result<&'c Pack, Failure> {
    let ids = || list_names(catalog.packs.iter().map(|p| p.id.as_str()), 20, ui);
    if let (Some(flag), Some(in_file)) = (flag, in_file)
        && flag != in_file
    {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "--pack 是 `{flag}`，但答案文件写的是 `{in_file}`",
                "--pack is `{flag}` but the answers file says `{in_file}`"
            ),
        ));
    }
    match flag.or(in_file) {
        Some(id) => pack_by_id(catalog, id, ui),
        None => match catalog.packs.as_slice() {
            [only] => Ok(only),
            _ => Err(Failure::message(
                Exit::Usage,
                tr!(
                    ui,
                    "加载了多个规则包，请用 --pack 指定，或在答案文件中写 `pack = \"…\"`；已加载：{}",
                    "several packs are loaded: name one with --pack or `pack = \"…\"` in the answers file; loaded: {}",
                    ids()
                ),
            )),
        },
    }
}

/// The loaded pack with this id, or a usage error listing the loaded packs.
/// A path given where a pack id is expected gets a hint to load it with `--rules`.
pub fn pack_by_id<'c>(catalog: &'c Catalog, id: &str, ui: Lang) -> Result<&'c Pack, Failure> {
    catalog.pack(id).ok_or_else(|| {
        let ids = catalog.packs.iter().map(|p| p.id.as_str());
        let mut message = tr!(
            ui,
            "没有规则包 `{id}`；已加载：{}",
            "no pack `{id}` is loaded; loaded packs: {}",
            list_names(ids.clone(), 20, ui)
        );
        if id.contains(['/', '\\']) || id.ends_with(".toml") || Path::new(id).exists() {
            message.push_str(&tr!(
                ui,
                "。`{id}` 像是一个路径：规则包的文件夹或文件要用 --rules 加载，再写规则包的 id，例如 `fulcrum --rules {id} rules test <ID>`",
                ". `{id}` looks like a path: load a pack folder or file with --rules, then name the pack by its id, e.g. `fulcrum --rules {id} rules test <ID>`"
            ));
        } else if let Some(near) = crate::diagnostic::did_you_mean(id, ids) {
            message.push_str(&tr!(ui, "。是不是 `{near}`？", "; did you mean `{near}`?"));
        }
        Failure::message(Exit::Usage, message)
    })
}

/// Dates outside these years are taken as typing mistakes: a schedule runs weeks to a few years.
const START_YEARS: std::ops::RangeInclusive<i16> = 1900..=2199;

/// Parses `--start`, or gives today's date.
pub fn start_date(flag: Option<&str>, ui: Lang) -> Result<Date, Failure> {
    let Some(s) = flag else {
        return Ok(crate::clock::today());
    };
    let date = s.parse::<Date>().map_err(|_| {
        Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "--start 需要 YYYY-MM-DD 格式的日期，实际是 `{s}`",
                "--start takes a date as YYYY-MM-DD, not `{s}`"
            ),
        )
    })?;
    if !START_YEARS.contains(&date.year()) {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "--start 的年份应在 {} 到 {} 之间，实际是 `{s}`",
                "--start must fall between the years {} and {}, not `{s}`",
                START_YEARS.start(),
                START_YEARS.end()
            ),
        ));
    }
    Ok(date)
}
