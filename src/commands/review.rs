//! `fulcrum review`: the review (复盘) report of an answers file's plan, marked with its
//! progress file (found beside the answers file by default), with what changed since an
//! earlier assessment (`--compare`) and the pack's questions for the review meeting.

use std::path::Path;

use super::session::{Context, Evaluated, evaluate, read_answers, recorded_progress, start_date};
use crate::cli::{ReviewArgs, ReviewFormat};
use crate::compare::why;
use crate::engine;
use crate::error::{Exit, Failure};
use crate::output::{self, Target};
use crate::progress;
use crate::review::{self, Inputs, Report};
use crate::terminal::sanitize;
use crate::tr;

/// Runs `fulcrum review`.
pub fn run(context: &Context, args: &ReviewArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let mut start = start_date(args.start.as_deref(), ui)?;
    let mut catalog = context.catalog()?;
    let answers = read_answers(context, &mut catalog, &args.answers)?;
    let earlier_answers = match &args.compare {
        Some(path) => Some((path, read_answers(context, &mut catalog, path)?)),
        None => None,
    };
    let recorded = recorded_progress(
        context,
        &mut catalog.sources,
        &args.answers,
        args.progress.as_deref(),
        args.no_progress,
        args.start.as_deref(),
    )?;
    if let Some((_, read)) = &recorded {
        start = read.start;
    }
    let current = evaluate(
        context,
        &catalog,
        &answers,
        args.pack.as_deref(),
        &args.answers,
    )?;
    let lang = current.lang;
    let build = |e: &Evaluated<'_>| {
        engine::assemble::build(e.pack, &e.evaluation, lang, start, &catalog.sources)
    };
    let mut plan = build(&current);
    let today = crate::clock::today();
    let gone = match &recorded {
        Some((_, read)) => progress::apply(&mut plan, read, today),
        None => Vec::new(),
    };
    let comparison = match &earlier_answers {
        Some((path, earlier)) => {
            if let (Some((a, _)), Some((b, _))) = (&earlier.pack, &answers.pack)
                && a != b
            {
                return Err(different_packs(context, path, a, &args.answers, b));
            }
            let before = evaluate(context, &catalog, earlier, args.pack.as_deref(), path)?;
            if before.pack.id != current.pack.id {
                return Err(different_packs(
                    context,
                    path,
                    &before.pack.id,
                    &args.answers,
                    &current.pack.id,
                ));
            }
            let before_plan = build(&before);
            Some(why::compare(
                &path.display().to_string(),
                &why::Side {
                    plan: &before_plan,
                    evaluation: &before.evaluation,
                },
                &args.answers.display().to_string(),
                &why::Side {
                    plan: &plan,
                    evaluation: &current.evaluation,
                },
                current.pack,
                &catalog.sources,
            ))
        }
        None => None,
    };
    let questions = current.evaluation.review_questions(current.pack);
    let progress_file = recorded.as_ref().map(|(p, _)| p.display().to_string());
    let answers_file = args.answers.display().to_string();
    let report = Report::build(
        &plan,
        &Inputs {
            progress_file: progress_file.as_deref(),
            gone: &gone,
            comparison: comparison.as_ref(),
            questions: &questions,
            pack: current.pack,
            answers_file: &answers_file,
            today,
        },
    );
    let text = match args.format {
        ReviewFormat::Markdown => review::render::markdown(&report),
        ReviewFormat::Html => review::render::html(&report),
    }
    .map_err(|e| e.into_failure(ui))?;
    output::write(
        &Target::from_flag(args.output.as_deref()),
        &text,
        args.force,
        ui,
    )?;
    Ok(Exit::Success)
}

/// The error for an earlier answers file of another pack.
fn different_packs(
    context: &Context,
    earlier: &Path,
    earlier_pack: &str,
    current: &Path,
    current_pack: &str,
) -> Failure {
    let shown = |p: &Path| sanitize(&p.display().to_string());
    let (first, second) = (shown(earlier), shown(current));
    Failure::message(
        Exit::Usage,
        tr!(
            context.ui,
            "`{first}` 是规则包 `{earlier_pack}` 的答案，`{second}` 是规则包 `{current_pack}` 的：--compare 只能比较用同一个规则包做的两次评估",
            "`{first}` answers pack `{earlier_pack}` and `{second}` answers pack `{current_pack}`: --compare takes an earlier assessment made with the same pack"
        ),
    )
}
