//! Command-line mistakes (an unknown option, a bad value, a missing argument) in Chinese.
//!
//! clap words its errors in English only. When messages are in Chinese, the common kinds are
//! worded again here from the details clap gives with each error; rarer kinds keep clap's text.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::lang::Lang;

/// The error in Chinese, or `None` when clap's own text is kept (English messages, or a kind
/// worded nowhere here).
pub fn chinese(error: &clap::Error) -> Option<String> {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let quoted = |items: &[String]| {
        crate::diagnostic::list_names(items.iter().map(String::as_str), usize::MAX, Lang::Zh)
    };
    // clap's "did you mean", if it has one for this kind of context.
    let suggest = |lines: &mut Vec<String>, kind| {
        let suggested = strings(kind);
        if !suggested.is_empty() {
            lines.push(format!("提示：是不是 {}？", quoted(&suggested)));
        }
    };
    let mut lines = Vec::new();
    match error.kind() {
        ErrorKind::UnknownArgument => {
            let arg = string(ContextKind::InvalidArg)?;
            lines.push(format!("错误：无法识别的参数 `{arg}`"));
            suggest(&mut lines, ContextKind::SuggestedArg);
        }
        ErrorKind::InvalidSubcommand => {
            let sub = string(ContextKind::InvalidSubcommand)?;
            lines.push(format!("错误：没有子命令 `{sub}`"));
            suggest(&mut lines, ContextKind::SuggestedSubcommand);
        }
        ErrorKind::InvalidValue => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            if value.is_empty() {
                lines.push(format!("错误：`{arg}` 需要一个值"));
            } else {
                lines.push(format!("错误：`{arg}` 不接受 `{value}`"));
            }
            let valid = strings(ContextKind::ValidValue);
            if !valid.is_empty() {
                lines.push(format!("可选值：{}", quoted(&valid)));
            }
            suggest(&mut lines, ContextKind::SuggestedValue);
        }
        ErrorKind::ValueValidation => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            let reason = std::error::Error::source(error)
                .map(|e| format!("：{}", chinese_reason(&e.to_string())))
                .unwrap_or_default();
            lines.push(format!("错误：`{arg}` 的值 `{value}` 无效{reason}"));
        }
        ErrorKind::MissingRequiredArgument => {
            let args = strings(ContextKind::InvalidArg);
            if args.is_empty() {
                return None;
            }
            lines.push(format!("错误：缺少必需的参数：{}", quoted(&args)));
        }
        ErrorKind::ArgumentConflict => {
            let arg = string(ContextKind::InvalidArg)?;
            let prior = strings(ContextKind::PriorArg);
            if prior.contains(&arg) {
                lines.push(format!("错误：`{arg}` 只能用一次"));
            } else if prior.is_empty() {
                lines.push(format!("错误：`{arg}` 不能与其他参数同时使用"));
            } else {
                lines.push(format!("错误：`{arg}` 不能与 {} 同时使用", quoted(&prior)));
            }
        }
        ErrorKind::TooManyValues => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            lines.push(format!("错误：`{arg}` 多出了值 `{value}`"));
        }
        ErrorKind::MissingSubcommand => {
            let command = string(ContextKind::InvalidSubcommand)?;
            lines.push(format!("错误：`{command}` 需要一个子命令"));
            let valid = strings(ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                lines.push(format!("子命令：{}", quoted(&valid)));
            }
        }
        _ => return None,
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        lines.push(String::new());
        lines.push(format!("用法：{usage}"));
    }
    lines.push(String::new());
    lines.push("更多信息请用 `--help`。".to_string());
    Some(lines.join("\n"))
}

/// Why a value was refused, in Chinese, for the reasons fulcrum's options give (a language, a
/// number in a range); other reasons keep their English.
fn chinese_reason(reason: &str) -> String {
    if reason.starts_with("unknown language ") {
        return "应为 `zh` 或 `en`".to_string();
    }
    if let Some((_, range)) = reason.split_once(" is not in ")
        && let Some((low, high)) = range.split_once("..=")
    {
        return format!("应在 {low} 到 {high} 之间");
    }
    match reason {
        "invalid digit found in string" | "cannot parse integer from empty string" => "应为整数",
        "number too large to fit in target type" => "数字太大",
        "number too small to fit in target type" => "数字太小",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    fn error_of(args: &[&str]) -> clap::Error {
        let mut argv = vec!["fulcrum"];
        argv.extend_from_slice(args);
        Cli::command()
            .try_get_matches_from(argv)
            .expect_err("the arguments are wrong")
    }

    #[test]
    fn unknown_options_are_named_with_a_suggestion() {
        let text = chinese(&error_of(&["plan", "--formt", "json"])).expect("worded");
        assert!(text.contains("无法识别的参数 `--formt`"), "{text}");
        assert!(text.contains("`--format`"), "{text}");
        assert!(text.contains("用法："), "{text}");
    }

    #[test]
    fn bad_values_list_the_valid_ones() {
        let text = chinese(&error_of(&["plan", "--format", "pdf"])).expect("worded");
        assert!(text.contains("`--format <FORMAT>` 不接受 `pdf`"), "{text}");
        assert!(text.contains("`json`"), "{text}");
    }

    #[test]
    fn refused_values_say_why_in_chinese() {
        for (args, reason) in [
            (
                &["--lang", "fr", "rules", "list"][..],
                "`fr` 无效：应为 `zh` 或 `en`",
            ),
            (
                &["plan", "--answers", "a", "--width", "3"][..],
                "`3` 无效：应在 40 到 1000 之间",
            ),
            (
                &["plan", "--answers", "a", "--width", "wide"][..],
                "`wide` 无效：应为整数",
            ),
        ] {
            let text = chinese(&error_of(args)).expect("worded");
            assert!(text.contains(reason), "{text}");
        }
    }

    #[test]
    fn unknown_subcommands_are_named() {
        let text = chinese(&error_of(&["plam"])).expect("worded");
        assert!(text.contains("没有子命令 `plam`"), "{text}");
        assert!(text.contains("`plan`"), "{text}");
    }

    #[test]
    fn missing_arguments_are_listed() {
        let text = chinese(&error_of(&["rules", "new"])).expect("worded");
        assert!(text.contains("缺少必需的参数"), "{text}");
    }
}
