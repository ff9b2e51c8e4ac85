//! `fulcrum plan`: answers file in, plan out.

use std::io::{IsTerminal, Write};

use jiff::civil::Date;

use crate::answers::file;
use crate::app::Context;
use crate::cli::PlanArgs;
use crate::diagnostic::list_names;
use crate::engine;
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::load::Catalog;
use crate::render::{self, RenderOptions};
use crate::tr;

/// Width used for tables when the output is not a terminal and no `--width` is given.
const PIPED_WIDTH: u16 = 100;

/// Runs `fulcrum plan`.
pub fn run(context: &Context, args: &PlanArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let start = start_date(args.start.as_deref(), ui)?;
    let mut catalog = context.catalog()?;
    let answers = file::read(&args.answers, &mut catalog.sources, ui).map_err(|d| {
        context.report(&catalog.sources, &[d]);
        Failure::Reported(Exit::InvalidAnswers)
    })?;
    let pack = select_pack(
        &catalog,
        args.pack.as_deref(),
        answers.pack.as_ref().map(|(p, _)| p.as_str()),
        ui,
    )?;
    let lang = plan_lang(pack, context.lang_flag.or(answers.lang));
    let (evaluation, warnings) = match file::resolve(pack, &answers.entries, answers.file, ui) {
        Ok(ok) => ok,
        Err(diags) => {
            context.report(&catalog.sources, diags.items());
            let count = diags.items().iter().filter(|d| d.is_error()).count();
            eprintln!(
                "{}",
                tr!(
                    ui,
                    "答案文件 `{}` 有 {count} 个问题。",
                    "{count} problem(s) in answers file `{}`.",
                    args.answers.display()
                )
            );
            return Err(Failure::Reported(Exit::InvalidAnswers));
        }
    };
    context.report(&catalog.sources, warnings.items());
    let plan = engine::plan::build(pack, &evaluation, lang, start, &catalog.sources);
    let options = RenderOptions {
        width: output_width(args.width),
        unicode: std::io::stdout().is_terminal(),
    };
    let text = render::render(&plan, args.format, options);
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(Failure::message(
            Exit::Output,
            tr!(ui, "无法写出计划：{e}", "cannot write the plan: {e}"),
        ));
    }
    Ok(Exit::Success)
}

/// The width for tables: `--width`, else the terminal's (stdout, or stderr when stdout is piped
/// to a pager), else `COLUMNS`, else [`PIPED_WIDTH`].
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
    let ids = || list_names(catalog.packs.iter().map(|p| p.id.as_str()), 20);
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
        Some(id) => catalog.pack(id).ok_or_else(|| {
            Failure::message(
                Exit::Usage,
                tr!(
                    ui,
                    "没有规则包 `{id}`；已加载：{}",
                    "no pack `{id}` is loaded; loaded packs: {}",
                    ids()
                ),
            )
        }),
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

/// Parses `--start`, or gives today's date.
pub fn start_date(flag: Option<&str>, ui: Lang) -> Result<Date, Failure> {
    match flag {
        Some(s) => s.parse::<Date>().map_err(|_| {
            Failure::message(
                Exit::Usage,
                tr!(
                    ui,
                    "--start 需要 YYYY-MM-DD 格式的日期，实际是 `{s}`",
                    "--start takes a date as YYYY-MM-DD, not `{s}`"
                ),
            )
        }),
        None => Ok(jiff::ZonedDateTime::now().date()),
    }
}
