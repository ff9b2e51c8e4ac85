//! `fulcrum workshop summary`: the room at a glance. Bad answers files are reported and left
//! out; the run then ends with exit code 1, and prints nothing on stdout when no file was good.

use std::io::IsTerminal;

use super::session::Context;
use crate::cli::{SummaryArgs, SummaryFormat};
use crate::engine;
use crate::error::{Exit, Failure, error_line};
use crate::explain;
use crate::group_summary::Summary;
use crate::output::{self, Target};
use crate::render::summary as render;
use crate::tr;

/// Runs `fulcrum workshop summary`.
pub fn summary(context: &Context, args: &SummaryArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let mut given = super::session::AnswersFiles::default();
    for path in &args.paths {
        let more = super::session::answers_files(path, ui)?;
        given.files.extend(more.files);
        given.not_files.extend(more.not_files);
    }
    given.report_not_files(ui, &tr!(ui, "未计入汇总", "left out of the summary"));
    let files = &given.files;
    let mut catalog = context.catalog()?;
    let today = super::session::start_date(None, ui)?;
    let mut summary = Summary::new(ui);
    for file in files {
        let shown = file.display().to_string();
        let result =
            super::session::read_answers(context, &mut catalog, file).and_then(|answers| {
                // The progress file beside the answers file, if there is one, gives the
                // done / open / overdue columns.
                let beside = crate::progress::default_path(file);
                let progress = if beside.exists() {
                    Some(super::session::read_progress(
                        context,
                        &mut catalog.sources,
                        &beside,
                    )?)
                } else {
                    None
                };
                let evaluated = super::session::evaluate(
                    context,
                    &catalog,
                    &answers,
                    args.pack.as_deref(),
                    file,
                )?;
                // Every plan in the summary's language, so the room reads as one table.
                let lang = evaluated
                    .pack
                    .resolve_lang(Some(context.lang_flag.unwrap_or(ui)));
                let plan = engine::assemble::build(
                    evaluated.pack,
                    &evaluated.evaluation,
                    lang,
                    progress.as_ref().map_or(today, |p| p.start),
                    &catalog.sources,
                );
                let plan = match &progress {
                    Some(p) => {
                        let mut marked = plan;
                        crate::progress::apply(&mut marked, p, today);
                        marked
                    }
                    None => plan,
                };
                Ok((
                    plan,
                    explain::concepts(evaluated.pack)
                        .into_iter()
                        .map(str::to_string)
                        .collect::<Vec<_>>(),
                ))
            });
        match result {
            Ok((plan, known)) => {
                let known: Vec<&str> = known.iter().map(String::as_str).collect();
                summary.add(&shown, &plan, &known);
            }
            Err(failure) => {
                if let Failure::Message { message, .. } = &failure {
                    eprintln!("{}", error_line(ui, message));
                }
                eprintln!(
                    "✗ {}",
                    crate::terminal::sanitize(&tr!(
                        ui,
                        "{shown}：未计入汇总",
                        "{shown}: left out of the summary"
                    ))
                );
                summary.failed.push(shown);
            }
        }
    }
    summary.failed.extend(
        given
            .not_files
            .iter()
            .map(|(path, _)| path.display().to_string()),
    );
    summary.finish();
    // A summary of no one is no result: like any failing command, print nothing on stdout.
    if summary.participants.is_empty() {
        return Ok(left_out(&summary, given.total()));
    }
    let text = match args.format {
        SummaryFormat::Table => render::table(
            &summary,
            context.output_width(args.width),
            std::io::stdout().is_terminal(),
        ),
        SummaryFormat::Markdown => render::markdown(&summary),
        SummaryFormat::Csv => render::csv(&summary),
        SummaryFormat::Json => render::json(&summary)
            .map_err(|e| crate::render::RenderError::from(e).into_failure(ui))?,
    };
    output::write(&Target::Stdout, &text, false, ui)?;
    Ok(left_out(&summary, given.total()))
}

/// Says on stderr how many of the `files` answers files were left out, and gives the exit code:
/// 1 when any was.
fn left_out(summary: &Summary, files: usize) -> Exit {
    if summary.failed.is_empty() {
        return Exit::Success;
    }
    eprintln!(
        "{}",
        tr!(
            summary.lang,
            "{} 个答案文件中有 {} 个未计入。",
            "{1} of {0} answers file(s) left out.",
            files,
            summary.failed.len()
        )
    );
    Exit::Findings
}
