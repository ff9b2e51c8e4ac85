//! `fulcrum plan`: answers file in, plan out (to stdout or a file); a folder of answers files
//! goes to [`super::batch`]. A progress file beside the answers file (or `--progress`) marks
//! each action with where it stands.

use std::io::IsTerminal;

use super::session::{Context, UserTemplate, evaluate, read_answers, render_plan, start_date};
use super::track;
use crate::cli::PlanArgs;
use crate::engine;
use crate::error::{Exit, Failure};
use crate::output::{self, Target};
use crate::progress;
use crate::render::RenderOptions;

/// Runs `fulcrum plan`.
pub fn run(context: &Context, args: &PlanArgs) -> Result<Exit, Failure> {
    if args.out_dir.is_some() || args.answers.is_dir() {
        return super::batch::run(context, args);
    }
    let ui = context.ui;
    let mut start = start_date(args.start.as_deref(), ui)?;
    let mut catalog = context.catalog()?;
    let template = UserTemplate::load(context, &mut catalog.sources, args)?;
    let answers = read_answers(context, &mut catalog, &args.answers)?;
    // The progress file named, else the one beside the answers file if there is one.
    let progress_path = match (&args.progress, args.no_progress) {
        (_, true) => None,
        (Some(path), false) => Some(path.clone()),
        (None, false) => Some(progress::default_path(&args.answers)).filter(|p| p.exists()),
    };
    let progress = match &progress_path {
        Some(path) => {
            let read = track::read_progress(context, &mut catalog.sources, path)?;
            track::warn_other_start(args.start.as_deref(), &read, path, ui);
            start = read.start;
            Some((path, read))
        }
        None => None,
    };
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
        track::report_gone(&gone, path, ui);
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
