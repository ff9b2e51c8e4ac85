//! The command line, as clap sees it. Nothing else in the crate touches clap's types except
//! [`crate::app`], which turns them into actions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::render::Format;

/// fulcrum: a staged action plan for social organizations whose community has come to depend
/// on them. 为依赖困境中的社会组织生成分阶段的行动计划。
#[derive(Debug, Parser)]
#[command(name = "fulcrum", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Language of prompts, plans and messages (zh or en). Default: FULCRUM_LANG, the system
    /// locale, then the pack's default.
    #[arg(long, global = true, value_parser = parse_lang, value_name = "zh|en")]
    pub lang: Option<Lang>,

    /// Extra rule packs: a pack folder, a folder of packs or a .toml file. Repeatable; also
    /// read from FULCRUM_RULES (a path list).
    #[arg(long = "rules", global = true, value_name = "PATH")]
    pub rules: Vec<PathBuf>,

    /// When to colour messages.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set or TERM is dumb.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the plan for an answers file. 根据答案文件输出行动计划。
    Plan(PlanArgs),
    /// Work with rule packs. 管理规则包。
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Answer the questionnaire in the terminal and get the plan (the default). 在终端回答问卷并生成计划（默认命令）。
    Run(RunArgs),
}

/// `fulcrum plan`
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The answers file (TOML).
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: PathBuf,

    /// The pack to use, when several are loaded and the answers file does not say.
    #[arg(long, value_name = "ID")]
    pub pack: Option<String>,

    /// Output format. Default: table.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Width of table output in columns. Default: the terminal's width, or 100 when piped.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,

    /// First day of the schedule (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
}

/// `fulcrum run`
#[derive(Debug, Default, Args)]
pub struct RunArgs {
    /// The pack to answer. Default: the answers file's or draft's pack, the only pack loaded,
    /// or a choice.
    #[arg(value_name = "PACK")]
    pub pack: Option<String>,

    /// Continue a draft (answers are saved as you go; Ctrl-C keeps them).
    #[arg(long, conflicts_with = "answers")]
    pub resume: bool,

    /// Start from an answers file: only missing or invalid answers are asked. Without a
    /// terminal, every answer must be in it.
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// First day of the schedule (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,

    /// Width of the plan and prompts in columns. Default: the terminal's width.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
}

/// `fulcrum rules …`
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List every loaded pack and where it came from. 列出所有规则包。
    List,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
