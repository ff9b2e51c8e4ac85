//! The command line, as clap sees it. Nothing else in the crate touches clap's types except
//! [`crate::app`], which turns them into actions.

pub mod help_zh;
pub mod usage_error;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::render::Format;

/// fulcrum: a staged action plan for social organizations whose community has come to depend
/// on them.
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
    /// Print the plan for an answers file.
    Plan(PlanArgs),
    /// Keep track of the plan's actions: to do, doing, done or dropped, with notes.
    Track(TrackArgs),
    /// Work with rule packs.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Explain a plan: why each action, question and absent concept.
    Explain(ExplainArgs),
    /// Compare two assessments: what changed in the answers, the diagnosis and the plan.
    Compare(CompareArgs),
    /// Write the review (复盘) report: what was handed over and what was not, what changed,
    /// and the pack's questions for the review meeting.
    Review(ReviewArgs),
    /// Tools for trainers running a workshop.
    #[command(subcommand)]
    Workshop(WorkshopCommand),
    /// Answer the questionnaire in the terminal and get the plan (the default).
    Run(RunArgs),
}

/// `fulcrum plan`
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The answers file (TOML), or a folder of them with --out-dir (one plan per file).
    #[arg(long, short = 'a', value_name = "FILE|DIR")]
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

    /// Write the plan to FILE (`-` is stdout). An existing file is kept unless --force.
    #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write one plan per answers file into DIR, named after the answers file.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Replace output files that already exist.
    #[arg(long)]
    pub force: bool,

    /// A minijinja template to render the plan with (markdown or html); see docs/outputs.md.
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,

    /// Also explain the plan on stderr: the rule behind each action, why each question was
    /// asked or skipped.
    #[arg(long)]
    pub explain: bool,

    /// A progress file to mark the actions with (see `fulcrum track`). Default: the answers
    /// file's, `NAME.progress.toml` beside it, when there is one.
    #[arg(long, value_name = "FILE", conflicts_with = "no_progress")]
    pub progress: Option<PathBuf>,

    /// Print the plan as it stands, without a progress file even when one is beside the
    /// answers file.
    #[arg(long)]
    pub no_progress: bool,
}

/// `fulcrum track`
#[derive(Debug, Args)]
pub struct TrackArgs {
    /// The answers file (TOML) whose plan to follow.
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: PathBuf,

    /// The pack to use, when several are loaded and the answers file does not say.
    #[arg(long, value_name = "ID")]
    pub pack: Option<String>,

    /// The progress file. Default: `NAME.progress.toml` beside the answers file; created on
    /// first use.
    #[arg(long, value_name = "FILE")]
    pub progress: Option<PathBuf>,

    /// First day of the schedule (YYYY-MM-DD), for a new progress file. Default: today. An
    /// existing progress file keeps its own.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,

    /// Set an action's status without questions: a rule id or concept id, `=`, and todo,
    /// doing, done or dropped. Repeatable.
    #[arg(long = "set", value_name = "RULE=STATUS")]
    pub set: Vec<String>,

    /// A note for the actions of --set.
    #[arg(long, value_name = "TEXT", requires = "set")]
    pub note: Option<String>,

    /// The indicator's observed value for the actions of --set, in your words.
    #[arg(long, value_name = "TEXT", requires = "set")]
    pub observed: Option<String>,

    /// The day of the change (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE", requires = "set")]
    pub date: Option<String>,

    /// Width of the progress table in columns. Default: the terminal's width, or 100 when
    /// piped.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
}

/// `fulcrum compare`
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier answers file (TOML).
    #[arg(value_name = "BEFORE")]
    pub before: PathBuf,

    /// The later answers file (TOML), for the same organization and pack.
    #[arg(value_name = "AFTER")]
    pub after: PathBuf,

    /// The pack to use, when several are loaded and the answers files do not say.
    #[arg(long, value_name = "ID")]
    pub pack: Option<String>,

    /// Output format. Default: table.
    #[arg(long, short = 'f', value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,

    /// Width of table output in columns. Default: the terminal's width, or 100 when piped.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,

    /// Write the comparison to FILE (`-` is stdout). An existing file is kept unless --force.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Start the later plan's progress file (beside AFTER) from BEFORE's: each action keeps
    /// the status, date, note and observed value of the earlier action it continues.
    #[arg(long)]
    pub carry_progress: bool,

    /// First day of the later plan's schedule, kept in the progress file --carry-progress
    /// writes (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,

    /// Replace the output file, and the progress file --carry-progress writes, if they exist.
    #[arg(long)]
    pub force: bool,
}

/// Formats of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Tables sized to the terminal.
    Table,
    /// Markdown for documents and chat.
    Markdown,
    /// JSON (`fulcrum.compare/1`, see docs/follow-through.md).
    Json,
}

/// `fulcrum review`
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The answers file (TOML) whose plan to review.
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: PathBuf,

    /// The progress file. Default: `NAME.progress.toml` beside the answers file, when there
    /// is one.
    #[arg(long, value_name = "FILE", conflicts_with = "no_progress")]
    pub progress: Option<PathBuf>,

    /// Make the report without a progress file even when one is beside the answers file.
    #[arg(long)]
    pub no_progress: bool,

    /// An earlier answers file of the same organization: the report then says what changed
    /// since that assessment.
    #[arg(long, value_name = "EARLIER")]
    pub compare: Option<PathBuf>,

    /// Output format. Default: markdown.
    #[arg(long, short = 'f', value_enum, default_value_t = ReviewFormat::Markdown)]
    pub format: ReviewFormat,

    /// Write the report to FILE (`-` is stdout). An existing file is kept unless --force.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,

    /// First day of the schedule (YYYY-MM-DD), when there is no progress file. Default:
    /// today. A progress file keeps its own.
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,

    /// The pack to use, when several are loaded and the answers file does not say.
    #[arg(long, value_name = "ID")]
    pub pack: Option<String>,
}

/// Formats of the review report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    /// Markdown for documents and chat.
    Markdown,
    /// A self-contained HTML page to print (A4).
    Html,
}

/// `fulcrum explain`
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The answers file (TOML).
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: PathBuf,

    /// The pack to use, when several are loaded and the answers file does not say.
    #[arg(long, value_name = "ID")]
    pub pack: Option<String>,

    /// Explain one concept: which rules give it, and which part of their condition failed.
    #[arg(long, value_name = "ID")]
    pub concept: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

/// Output formats of `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// Sentences, for people.
    Text,
    /// JSON (`fulcrum.explain/1`), for programs.
    Json,
}

/// `fulcrum workshop …`
#[derive(Debug, Subcommand)]
pub enum WorkshopCommand {
    /// One row per participant and how often each concept comes up.
    Summary(SummaryArgs),
    /// Serve the questionnaire to the room's phones over the local network (no internet).
    Serve(ServeArgs),
}

/// `fulcrum workshop serve`
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The pack to answer. Default: the only pack loaded.
    #[arg(value_name = "PACK")]
    pub pack: Option<String>,

    /// The folder answers files go to. Default: a new dated folder in the current one. Give
    /// the same folder again to carry on after a stop: drafts are taken back.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The port to listen on (0 picks a free one).
    #[arg(long, value_name = "N", default_value_t = 8080)]
    pub port: u16,

    /// The address to listen on. Default: every interface, so phones on the room's network
    /// can join; 127.0.0.1 keeps it to this computer.
    #[arg(long, value_name = "ADDR", default_value = "0.0.0.0")]
    pub bind: std::net::IpAddr,
}

/// `fulcrum workshop summary`
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// Answers files, or folders of them.
    #[arg(required = true, value_name = "FILES|DIR")]
    pub paths: Vec<PathBuf>,

    /// The pack to use, when several are loaded and an answers file does not say.
    #[arg(long, value_name = "ID")]
    pub pack: Option<String>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,

    /// Width of table output in columns. Default: the terminal's width, or 100 when piped.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
}

/// Formats of the group summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Tables sized to the terminal.
    Table,
    /// Markdown tables.
    Markdown,
    /// Comma-separated values, one row per participant.
    Csv,
    /// JSON (`fulcrum.summary/1`).
    Json,
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

    /// Answer again some months later: every question is asked with the answer in FILE
    /// preselected, and the new answers are saved beside it in a new file (FILE is kept).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["answers", "resume"])]
    pub again: Option<PathBuf>,

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
    /// List every loaded pack and where it came from.
    List,
    /// Write a synthetic pack and a matching answers file (for benchmarks).
    #[command(hide = true)]
    Synth {
        /// Number of questions.
        #[arg(long, default_value_t = 60)]
        questions: usize,
        /// Number of rules.
        #[arg(long = "rule-count", default_value_t = 1000)]
        rule_count: usize,
        /// Folder to write the pack (`synthetic/*.toml`) and `answers.toml` into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Check packs: every problem at once, with counterexamples.
    Lint(LintArgs),
    /// Run the [[test]] tables of packs.
    Test(PackTestArgs),
    /// Print the JSON Schema of pack files (for editors).
    Schema,
    /// Create a starter pack that passes lint and its own tests.
    New(NewArgs),
    /// Print a pack's questions, derived facts and rules as tables.
    Show(ShowArgs),
    /// Write every text of a pack as CSV (id, field, zh, en) for translators.
    ExportTexts {
        /// The pack whose texts to write.
        #[arg(value_name = "PACK")]
        pack: String,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Join a pack folder's files into one file to send.
    Bundle {
        /// The pack's folder.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// The file to write, e.g. my-pack.fulcrum.toml.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Check a pack file and put it into your rules folder.
    Install {
        /// The pack file, as `rules bundle` writes it.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace an installed pack of the same id that differs.
        #[arg(long)]
        force: bool,
    },
    /// Remove a pack from your rules folder.
    Remove {
        /// The pack's id.
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Write the texts of a translated CSV back into a pack's files.
    ImportTexts {
        /// The pack to write the texts into.
        #[arg(value_name = "PACK")]
        pack: String,
        /// The CSV, as `rules export-texts` writes it.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// `fulcrum rules new`
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new pack's id, also the folder's name (lowercase letters, digits, - and _).
    #[arg(value_name = "ID")]
    pub id: String,

    /// Languages of the pack's texts, the first being its default (the global --lang sets
    /// the language of messages and comments).
    #[arg(long, value_delimiter = ',', value_parser = parse_lang, value_name = "zh,en", default_value = "zh,en")]
    pub languages: Vec<Lang>,

    /// The folder to create the pack's folder in.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// `fulcrum rules show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The pack to show.
    #[arg(value_name = "PACK")]
    pub pack: String,

    /// Every text of the pack in both languages side by side, for proof-reading.
    #[arg(long)]
    pub texts: bool,

    /// With --texts: as Markdown, to send to a colleague.
    #[arg(long, requires = "texts")]
    pub markdown: bool,

    /// Width of the tables in columns. Default: the terminal's width; unwrapped when piped.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
}

/// `fulcrum rules test`
#[derive(Debug, Args)]
pub struct PackTestArgs {
    /// The pack whose tests to run. Default: every loaded pack.
    #[arg(value_name = "PACK")]
    pub pack: Option<String>,
}

/// `fulcrum rules lint`
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Pack folders or files to lint. Default: every loaded pack.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = LintFormat::Text)]
    pub format: LintFormat,

    /// Seconds the analysis of one pack may take before it reports "not fully checked".
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub budget: f64,
}

/// Output formats of `rules lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Messages with the source line, and counterexample answers files.
    Text,
    /// A JSON array of findings.
    Json,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

/// `--format` of `plan`: the renderer's formats, with the help `plan --help` lists (the render
/// module knows nothing of the command line).
impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[Format::Table, Format::Json, Format::Markdown, Format::Html]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let (name, help) = match self {
            Format::Table => ("table", "Tables sized to the terminal"),
            Format::Json => ("json", "The JSON of `docs/plan-json.md`"),
            Format::Markdown => ("markdown", "Markdown for documents and chat"),
            Format::Html => ("html", "A self-contained HTML handout to print (A4)"),
        };
        Some(clap::builder::PossibleValue::new(name).help(help))
    }
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
