//! Runs a parsed command line: builds the context every command shares and dispatches.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, ColorChoice, Command, RulesCommand, WorkshopCommand};
use crate::commands;
use crate::commands::session::Context;
use crate::environment::Environment;
use crate::error::{Exit, Failure, error_line};
use crate::lang::Lang;
use crate::tr;

/// Runs fulcrum with the process's arguments and returns the exit code. A failure to write
/// to standard output (other than a closed pipe) ends with [`Exit::Output`], whatever the
/// command did.
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let env = Environment::read();
    let ui = Lang::for_messages(lang_in_args(&args), env.lang);
    let exit = run_command(args, env);
    match crate::output::stdout_failure() {
        Some(e) if exit != Exit::Internal && exit != Exit::Interrupted => {
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

/// Parses `args` and runs the command, with the environment read once at start.
fn run_command(args: Vec<std::ffi::OsString>, env: Environment) -> Exit {
    // The message language is needed before parsing, for the help texts.
    let early_ui = Lang::for_messages(lang_in_args(&args), env.lang);
    let mut command = crate::cli::help_zh::localize(Cli::command(), early_ui);
    let matches = command.try_get_matches_from_mut(&args);
    if let Ok(matches) = &matches
        && let Some(help) = crate::cli::help_zh::help_request(&mut command, matches)
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
            match crate::cli::usage_error::chinese(&e).filter(|_| early_ui == Lang::Zh) {
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
    let ui = Lang::for_messages(cli.lang, env.lang);
    let context = Context {
        ui,
        lang_flag: cli.lang,
        rules: cli.rules,
        color: use_color(cli.color),
        env,
    };
    let result = match cli.command {
        // A folder of answers files, or --out-dir: one plan per file.
        Some(Command::Plan(args)) if args.out_dir.is_some() || args.answers.is_dir() => {
            commands::batch::run(&context, &args)
        }
        Some(Command::Plan(args)) => commands::make_plan::run(&context, &args),
        Some(Command::Track(args)) => commands::track::run(&context, &args),
        Some(Command::Rules(RulesCommand::List)) => commands::rules::list(&context),
        Some(Command::Rules(RulesCommand::Synth {
            questions,
            rule_count,
            out,
        })) => commands::rules::synth(&context, questions, rule_count, &out),
        Some(Command::Explain(args)) => commands::explain::run(&context, &args),
        Some(Command::Compare(args)) => commands::compare::run(&context, &args),
        Some(Command::Review(args)) => commands::review::run(&context, &args),
        Some(Command::Workshop(WorkshopCommand::Summary(args))) => {
            commands::workshop::summary(&context, &args)
        }
        Some(Command::Workshop(WorkshopCommand::Serve(args))) => {
            commands::serve::run(&context, &args)
        }
        Some(Command::Rules(RulesCommand::Lint(args))) => commands::lint::run(&context, &args),
        Some(Command::Rules(RulesCommand::Test(args))) => commands::pack_test::run(&context, &args),
        Some(Command::Rules(RulesCommand::Schema)) => commands::rules::schema(),
        Some(Command::Rules(RulesCommand::New(args))) => commands::new_pack::run(&context, &args),
        Some(Command::Rules(RulesCommand::Show(args))) if args.texts => {
            commands::texts::show(&context, &args)
        }
        Some(Command::Rules(RulesCommand::Show(args))) => commands::show::run(&context, &args),
        Some(Command::Rules(RulesCommand::ExportTexts {
            pack,
            output,
            force,
        })) => commands::texts::export(&context, &pack, output.as_deref(), force),
        Some(Command::Rules(RulesCommand::Bundle { dir, output, force })) => {
            commands::share::bundle(&context, &dir, &output, force)
        }
        Some(Command::Rules(RulesCommand::Install { file, force })) => {
            commands::share::install(&context, &file, force)
        }
        Some(Command::Rules(RulesCommand::Remove { id })) => commands::share::remove(&context, &id),
        Some(Command::Rules(RulesCommand::ImportTexts { pack, file })) => {
            commands::texts::import(&context, &pack, &file)
        }
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
