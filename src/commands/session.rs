//! The steps commands share, and the context they run in: loading the packs, reading and
//! evaluating answers files, choosing a pack and a language, reading `--start` and
//! `--template`, rendering a plan. `app` builds the [`Context`]; each command is a short list
//! of these steps.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::answers::file::{self, AnswersFile};
use crate::cli::PlanArgs;
use crate::clock;
use crate::diagnostic::{Diagnostic, Diagnostics, Problem, list_names};
use crate::engine::{self, Evaluation};
use crate::environment::Environment;
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::cache::PackCache;
use crate::pack::load::{Catalog, load, load_cached, read_text};
use crate::plan::Plan;
use crate::render::user_template::{self, Markup};
use crate::render::{self, Format, RenderOptions};
use crate::source::{FileId, SourceMap};
use crate::tr;

mod answers_files;
mod progress;
pub use answers_files::{AnswersFiles, answers_files};
pub use progress::{read_progress, recorded_progress, report_gone, warn_other_start};

/// What every command needs to know about the run.
#[derive(Debug, Clone)]
pub struct Context {
    /// Language of messages.
    pub ui: Lang,
    /// `--lang`, if given.
    pub lang_flag: Option<Lang>,
    /// `--rules` paths.
    pub rules: Vec<PathBuf>,
    /// Whether messages on stderr may use colour.
    pub color: bool,
    /// The environment, read once at start.
    pub env: Environment,
}

impl Context {
    /// Loads every pack, through the pack cache; prints load problems. Fails with the
    /// invalid-pack code on errors. Packs read from the cache carry no `[[test]]` tables.
    pub fn catalog(&self) -> Result<Catalog, Failure> {
        match self.catalog_with_errors() {
            (_, true) => Err(Failure::Reported(Exit::InvalidPack)),
            (catalog, false) => Ok(catalog),
        }
    }

    /// Loads every pack from its files, tests included, bypassing the pack cache.
    pub fn catalog_from_source(&self) -> Result<Catalog, Failure> {
        self.checked(load(&self.env.all_rule_paths(&self.rules), self.ui))
    }

    /// Loads every pack through the pack cache and prints load problems, without failing on
    /// errors (for `rules list`, which shows what did load). Also returns whether there were
    /// errors.
    pub fn catalog_with_errors(&self) -> (Catalog, bool) {
        let cache = self.env.cache_dir.as_ref().map(PackCache::at);
        let paths = self.env.all_rule_paths(&self.rules);
        let catalog = load_cached(&paths, self.ui, cache.as_ref());
        let failed = self.report_load(&catalog);
        (catalog, failed)
    }

    /// Prints load problems; fails with the invalid-pack code on errors.
    fn checked(&self, catalog: Catalog) -> Result<Catalog, Failure> {
        if self.report_load(&catalog) {
            return Err(Failure::Reported(Exit::InvalidPack));
        }
        Ok(catalog)
    }

    /// Prints load problems and, if there are errors, how many and where to look. Returns
    /// whether there are errors.
    fn report_load(&self, catalog: &Catalog) -> bool {
        self.report(&catalog.sources, catalog.diagnostics.items());
        let errors: Vec<&Diagnostic> = catalog
            .diagnostics
            .items()
            .iter()
            .filter(|d| d.is_error())
            .collect();
        if errors.is_empty() {
            return false;
        }
        let count = errors.len();
        eprintln!(
            "{}",
            tr!(
                self.ui,
                "规则包有 {count} 个错误，无法使用。",
                "{count} error(s) in rule packs; fix them and run again."
            )
        );
        // A pack in the user's rules folder is read at every start, whatever the command: say
        // where it is, since the user may not remember putting it there.
        if let Some(dir) = &self.env.rules_dir {
            let in_dir = errors.iter().any(|d| {
                d.loc.as_ref().is_some_and(|loc| {
                    catalog
                        .sources
                        .get(loc.file)
                        .path
                        .as_ref()
                        .is_some_and(|p| p.starts_with(dir))
                })
            });
            if in_dir {
                let shown = crate::terminal::sanitize(&dir.display().to_string());
                eprintln!(
                    "{}",
                    tr!(
                        self.ui,
                        "`{shown}` 中的规则包每次启动都会读取：请修好它们（用 `fulcrum rules lint` 检查），或把它们移出这个文件夹。",
                        "packs in `{shown}` are read at every start: fix them (check with `fulcrum rules lint`) or move them out of that folder."
                    )
                );
            }
        }
        true
    }

    /// The plan's language: `--lang`, else the answers file's, then the environment's
    /// (`FULCRUM_LANG`, the locale), and the pack's default; always one the pack is written in.
    pub fn plan_lang(&self, pack: &Pack, in_file: Option<Lang>) -> Lang {
        pack.resolve_lang(self.lang_flag.or(in_file).or(self.env.lang))
    }

    /// The width of tables and plans for `--width` (see [`crate::environment::Widths::output`]).
    pub fn output_width(&self, flag: Option<u16>) -> u16 {
        self.env.widths.output(flag)
    }

    /// Prints diagnostics to stderr.
    /// Only the first [`SHOWN_PER_FILE`](crate::diagnostic::SHOWN_PER_FILE) about each file are
    /// shown; the others are counted.
    pub fn report(&self, sources: &SourceMap, diagnostics: &[Diagnostic]) {
        let (shown, omitted) = crate::diagnostic::cap_per_file(diagnostics);
        for (d, _) in diagnostics.iter().zip(shown).filter(|(_, show)| *show) {
            eprintln!("{}\n", d.render(sources, self.ui, self.color));
        }
        for o in omitted {
            eprintln!("{}\n", o.render(sources, self.ui));
        }
    }
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
    let lang = context.plan_lang(pack, answers.lang);
    let (evaluation, warnings): (_, Diagnostics) =
        match engine::resolve(pack, &answers.entries, answers.file, ui) {
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
        let text = read_text(path).map_err(|p| {
            context.report(sources, &[p.unplaced(ui)]);
            Failure::Reported(Exit::Usage)
        })?;
        let file = sources.add(path.display().to_string(), Some(path), Arc::from(text));
        let source = &sources.get(file).text;
        if let Err(e) = user_template::check(markup, &sources.get(file).name, source) {
            context.report(
                sources,
                &[user_template::error_diagnostic(&e, file, source, ui)],
            );
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
        return render::render(plan, format, options).map_err(|e| e.into_failure(context.ui));
    };
    let file = sources.get(user.file);
    user_template::render(plan, user.markup, &file.name, &file.text).map_err(|e| {
        context.report(
            sources,
            &[user_template::error_diagnostic(
                &e, user.file, &file.text, context.ui,
            )],
        );
        Failure::Reported(Exit::Usage)
    })
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

/// Parses `--start`, or gives today's date.
pub fn start_date(flag: Option<&str>, ui: Lang) -> Result<Date, Failure> {
    let Some(s) = flag else {
        return Ok(crate::clock::today());
    };
    let wrong_form = || {
        Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "--start 需要 YYYY-MM-DD 格式的日期（如 2026-01-05），实际是 `{s}`",
                "--start takes a date as YYYY-MM-DD, such as 2026-01-05, not `{s}`"
            ),
        )
    };
    // Only the documented form: jiff also reads `20260105` and `2026-01-05T00:00`.
    if !clock::is_iso_date(s) {
        return Err(wrong_form());
    }
    let date = s.parse::<Date>().map_err(|_| wrong_form())?;
    if !clock::START_YEARS.contains(&date.year()) {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "--start 的年份应在 {} 到 {} 之间，实际是 `{s}`",
                "--start must fall between the years {} and {}, not `{s}`",
                clock::START_YEARS.start(),
                clock::START_YEARS.end()
            ),
        ));
    }
    Ok(date)
}
