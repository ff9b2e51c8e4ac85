//! Tests of the Chinese help: every text names a real command and argument, `help` shows
//! Chinese help of any command, and the help reads in Chinese.

use clap::CommandFactory;

use super::*;
use crate::cli::Cli;

#[test]
fn every_text_names_a_real_command_and_argument() {
    // `mut_arg` and `mut_subcommand` panic on unknown names when the command is built.
    localize(Cli::command(), Lang::Zh).debug_assert();
}

fn help_for(args: &[&str]) -> Option<Result<String, String>> {
    let mut command = localize(Cli::command(), Lang::Zh);
    let matches = command
        .try_get_matches_from_mut(std::iter::once("fulcrum").chain(args.iter().copied()))
        .expect("parses");
    help_request(&mut command, &matches)
}

#[test]
fn the_help_command_shows_chinese_help_of_any_command() {
    let lint = help_for(&["help", "rules", "lint"]).expect("a help request");
    assert!(
        lint.as_ref()
            .is_ok_and(|t| t.contains("用法：fulcrum rules lint")),
        "{lint:?}"
    );
    let top = help_for(&["help"]).expect("a help request");
    assert!(
        top.as_ref().is_ok_and(|t| t.contains("\n命令：\n")),
        "{top:?}"
    );
    let unknown = help_for(&["help", "rulez"]).expect("a help request");
    assert_eq!(
        unknown,
        Err(
            "没有命令 `rulez`；可用的命令：plan、track、rules、explain、compare、review、workshop、run"
                .to_string()
        )
    );
    assert!(help_for(&["rules", "list"]).is_none());
}

#[test]
fn chinese_help_reads_in_chinese() {
    let help = localize(Cli::command(), Lang::Zh)
        .render_long_help()
        .to_string();
    assert!(help.contains("用法："), "{help}");
    assert!(help.contains("根据答案文件输出行动计划"), "{help}");
    assert!(help.contains("\n选项：\n"), "{help}");
    assert!(help.contains("\n命令：\n"), "{help}");
    assert!(!help.contains("参数："), "{help}");
    assert!(!help.contains(":\n"), "clap's ASCII heading colon: {help}");
    let lint = localize(Cli::command(), Lang::Zh)
        .find_subcommand_mut("rules")
        .and_then(|c| c.find_subcommand_mut("lint"))
        .expect("rules lint")
        .render_long_help()
        .to_string();
    assert!(lint.contains("\n参数：\n  [PATH]..."), "{lint}");
    assert!(!lint.contains("命令："), "{lint}");
    let plan = localize(Cli::command(), Lang::Zh)
        .find_subcommand_mut("plan")
        .expect("plan")
        .render_long_help()
        .to_string();
    assert!(plan.contains("可选值：table（表格"), "{plan}");
    assert!(plan.contains("默认：table"), "{plan}");
    assert!(!plan.contains("Possible values"), "{plan}");
    assert!(!plan.contains("[default:"), "{plan}");
    let english = localize(Cli::command(), Lang::En)
        .render_long_help()
        .to_string();
    assert!(english.contains("Usage:"), "{english}");
}
