//! Runs a parsed command line: builds the context every command shares and dispatches.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, ColorChoice, Command, RulesCommand, WorkshopCommand};
use crate::commands;
use crate::diagnostic::Diagnostic;
use crate::error::{Exit, Failure, error_line};
use crate::lang::Lang;
use crate::pack::cache::PackCache;
use crate::pack::load::{Catalog, load, load_cached, rule_paths, user_rules_dir};
use crate::source::SourceMap;
use crate::tr;

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
        self.checked(load(&rule_paths(&self.rules), self.ui))
    }

    /// Loads every pack through the pack cache and prints load problems, without failing on
    /// errors (for `rules list`, which shows what did load). Also returns whether there were
    /// errors.
    pub fn catalog_with_errors(&self) -> (Catalog, bool) {
        let cache = PackCache::from_env();
        let catalog = load_cached(&rule_paths(&self.rules), self.ui, cache.as_ref());
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
        if let Some(dir) = user_rules_dir() {
            let in_dir = errors.iter().any(|d| {
                d.loc.as_ref().is_some_and(|loc| {
                    catalog
                        .sources
                        .get(loc.file)
                        .path
                        .as_ref()
                        .is_some_and(|p| p.starts_with(&dir))
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

/// Runs fulcrum with the process's arguments and returns the exit code. A failure to write
/// to standard output (other than a closed pipe) ends with [`Exit::Output`], whatever the
/// command did.
pub fn run() -> ExitCode {
    let exit = run_command();
    match crate::output::stdout_failure() {
        Some(e) if exit != Exit::Internal && exit != Exit::Interrupted => {
            let ui = Lang::for_messages(lang_in_args(&std::env::args_os().collect::<Vec<_>>()));
            let message = tr!(
                ui,
                "无法写到标准输出：{e}",
                "cannot write to standard output: {e}"
            );
            eprintln!("{}", error_line(ui, &message));
            Exit::Output.into()
        }
        _ => exit.into(),
    }
}

fn run_command() -> Exit {
    // The message language is needed before parsing, for the help texts.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early_ui = Lang::for_messages(lang_in_args(&args));
    let mut command = crate::help_zh::localize(Cli::command(), early_ui);
    let matches = command.try_get_matches_from_mut(&args);
    if let Ok(matches) = &matches
        && let Some(help) = crate::help_zh::help_request(&mut command, matches)
    {
        return match help {
            Ok(text) => {
                crate::output::print_text(&text);
                Exit::Success
            }
            Err(message) => {
                eprintln!("{}", error_line(Lang::Zh, &message));
                Exit::Usage
            }
        };
    }
    let parsed = matches.and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            match crate::usage_error::chinese(&e).filter(|_| early_ui == Lang::Zh) {
                Some(text) if e.use_stderr() => {
                    eprintln!("{}", crate::terminal::sanitize(&text));
                }
                _ => {
                    if let Err(err) = e.print()
                        && !e.use_stderr()
                    {
                        crate::output::note_stdout_error(err);
                    }
                }
            }
            return if e.use_stderr() {
                Exit::Usage
            } else {
                Exit::Success
            };
        }
    };
    let ui = Lang::for_messages(cli.lang);
    let context = Context {
        ui,
        lang_flag: cli.lang,
        rules: cli.rules,
        color: use_color(cli.color),
    };
    let result = match cli.command {
        Some(Command::Plan(args)) => commands::plan::run(&context, &args),
        Some(Command::Rules(RulesCommand::List)) => commands::rules::list(&context),
        Some(Command::Rules(RulesCommand::Synth {
            questions,
            rule_count,
            out,
        })) => commands::rules::synth(&context, questions, rule_count, &out),
        Some(Command::Explain(args)) => commands::explain::run(&context, &args),
        Some(Command::Workshop(WorkshopCommand::Summary(args))) => {
            commands::workshop::summary(&context, &args)
        }
        Some(Command::Rules(RulesCommand::Lint(args))) => commands::lint::run(&context, &args),
        Some(Command::Rules(RulesCommand::Test(args))) => commands::pack_test::run(&context, &args),
        Some(Command::Rules(RulesCommand::Schema)) => commands::rules::schema(),
        Some(Command::Rules(RulesCommand::New(args))) => commands::scaffold::run(&context, &args),
        Some(Command::Rules(RulesCommand::Show(args))) => commands::show::run(&context, &args),
        Some(Command::Run(args)) => commands::run::run(&context, &args),
        None => commands::run::run(&context, &crate::cli::RunArgs::default()),
    };
    match result {
        Ok(exit) => exit,
        Err(Failure::Reported(exit)) => exit,
        Err(Failure::Message { message, exit }) => {
            eprintln!("{}", error_line(ui, &message));
            exit
        }
    }
}

/// The value of `--lang` among the raw arguments, if any and valid.
fn lang_in_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .or_else(|| (*a == "--lang").then(|| args.get(i + 1).copied()).flatten())
            .and_then(|v| v.parse().ok())
    })
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}
