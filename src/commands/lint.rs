//! `fulcrum rules lint [PATH]...`: every problem of the packs at once, as text or JSON.
//!
//! Findings go to stdout (they are what the command produces), the summary to stderr. Exit 0
//! when clean, 1 with warnings only, 3 with errors.

use std::io::IsTerminal;
use std::time::Duration;

use super::session::Context;
use crate::cli::{LintArgs, LintFormat};
use crate::error::{Exit, Failure};
use crate::lint::lint_paths;
use crate::tr;

/// Runs `rules lint`.
pub fn run(context: &Context, args: &LintArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    if !(args.budget.is_finite() && args.budget > 0.0 && args.budget <= 3600.0) {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "--budget 需要 0 到 3600 之间的秒数",
                "--budget takes a number of seconds between 0 and 3600"
            ),
        ));
    }
    let budget = Duration::from_secs_f64(args.budget);
    let (catalog, findings) = lint_paths(
        &args.paths,
        &context.env.all_rule_paths(&context.rules),
        ui,
        budget,
    );
    let errors = findings.iter().filter(|f| f.diagnostic.is_error()).count();
    let warnings = findings.len() - errors;
    match args.format {
        LintFormat::Json => {
            let json: Vec<_> = findings
                .iter()
                .map(|f| f.to_json(&catalog.sources))
                .collect();
            let text = serde_json::to_string_pretty(&json).map_err(|e| {
                Failure::message(
                    Exit::Internal,
                    tr!(ui, "无法生成 JSON：{e}", "cannot write JSON: {e}"),
                )
            })?;
            crate::outln!("{}", crate::terminal::escape_json(&text));
        }
        LintFormat::Text => {
            let color = context.color && std::io::stdout().is_terminal();
            let (shown, omitted) =
                crate::diagnostic::cap_per_file(findings.iter().map(|f| &f.diagnostic));
            for (f, _) in findings.iter().zip(shown).filter(|(_, show)| *show) {
                crate::outln!("{}", f.diagnostic.render(&catalog.sources, ui, color));
                if let Some(example) = &f.counterexample {
                    crate::outln!(
                        "{}",
                        tr!(
                            ui,
                            "反例（存为答案文件后运行 `fulcrum plan --answers 文件`）：",
                            "counterexample (save as an answers file and run `fulcrum plan --answers FILE`):"
                        )
                    );
                    crate::outln!("{example}");
                }
            }
            for o in omitted {
                crate::outln!("{}\n", o.render(&catalog.sources, ui));
            }
        }
    }
    eprintln!(
        "{}",
        tr!(
            ui,
            "{errors} 个错误，{warnings} 个警告",
            "{errors} error(s), {warnings} warning(s)"
        )
    );
    Ok(if errors > 0 {
        Exit::InvalidPack
    } else if warnings > 0 {
        Exit::Findings
    } else {
        Exit::Success
    })
}
