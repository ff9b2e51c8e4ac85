//! `fulcrum plan`: answers file in, plan out (to stdout or a file); `app` sends a folder of
//! answers files to [`super::batch`]. A progress file beside the answers file (or `--progress`) marks
//! each action with where it stands.

use std::io::IsTerminal;

use super::session::{
    Context, UserTemplate, evaluate, read_answers, recorded_progress, render_plan, report_gone,
    start_date,
};
use crate::cli::PlanArgs;
use crate::engine;
use crate::error::{Exit, Failure};
use crate::output::{self, Target};
use crate::progress;
use crate::render::RenderOptions;

/// Runs `fulcrum plan`.
pub fn run(context: &Context, args: &PlanArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let mut start = start_date(args.start.as_deref(), ui)?;
    let mut catalog = context.catalog()?;
    let template = UserTemplate::load(context, &mut catalog.sources, args)?;
    let answers = read_answers(context, &mut catalog, &args.answers)?;
    let progress = recorded_progress(
        context,
        &mut catalog.sources,
        &args.answers,
        args.progress.as_deref(),
        args.no_progress,
        args.start.as_deref(),
    )?;
    if let Some((_, read)) = &progress {
        start = read.start;
    }
    let evaluated = evaluate(
        context,
        &catalog,
        &answers,
        args.pack.as_deref(),
        &args.answers,
    )?;
    let mut plan = engine::assemble::build(
        evaluated.pack,
        &evaluated.evaluation,
        evaluated.lang,
        start,
        &catalog.sources,
    );
    if let Some((path, read)) = &progress {
        let gone = progress::apply(&mut plan, read, crate::clock::today());
        report_gone(&gone, path, ui);
    }
    let target = Target::from_flag(args.output.as_deref());
    let options = RenderOptions {
        width: context.output_width(args.width),
        unicode: target == Target::Stdout && std::io::stdout().is_terminal(),
    };
    let text = render_plan(
        context,
        &catalog.sources,
        &plan,
        args.format,
        template.as_ref(),
        options,
    )?;
    if args.explain {
        let explanation =
            crate::explain::explain(evaluated.pack, &evaluated.evaluation, &catalog.sources, ui);
        eprint!("{}", crate::explain::text::render(&explanation, ui));
    }
    output::write(&target, &text, args.force, ui)?;
    Ok(Exit::Success)
}
