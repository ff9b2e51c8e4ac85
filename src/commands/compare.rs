//! `fulcrum compare`: two answers files of one organization, some months apart, in; what
//! changed in the answers, the diagnosis and the plan out.

use std::io::IsTerminal;
use std::path::Path;

use super::session::{Context, evaluate, read_answers};
use crate::cli::{CompareArgs, CompareFormat};
use crate::compare::{self, Comparison, why};
use crate::engine;
use crate::error::{Exit, Failure};
use crate::output::{self, Target};
use crate::render::RenderOptions;
use crate::terminal::sanitize;
use crate::tr;

/// Runs `fulcrum compare`.
pub fn run(context: &Context, args: &CompareArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let mut catalog = context.catalog()?;
    let before = read_answers(context, &mut catalog, &args.before)?;
    let after = read_answers(context, &mut catalog, &args.after)?;
    if let (Some((a, _)), Some((b, _))) = (&before.pack, &after.pack)
        && a != b
    {
        return Err(different_packs(context, args, a, b));
    }
    let pack_flag = args.pack.as_deref();
    let earlier = evaluate(context, &catalog, &before, pack_flag, &args.before)?;
    let later = evaluate(context, &catalog, &after, pack_flag, &args.after)?;
    if earlier.pack.id != later.pack.id {
        return Err(different_packs(
            context,
            args,
            &earlier.pack.id,
            &later.pack.id,
        ));
    }
    // Both plans in one language, so labels compare and print alike.
    let lang = context.plan_lang(later.pack, after.lang.or(before.lang));
    let start = crate::clock::today();
    let plan = |e: &super::session::Evaluated<'_>| {
        engine::assemble::build(e.pack, &e.evaluation, lang, start, &catalog.sources)
    };
    let (before_plan, after_plan) = (plan(&earlier), plan(&later));
    let mut comparison = Comparison::of(
        &args.before.display().to_string(),
        &before_plan,
        &args.after.display().to_string(),
        &after_plan,
    );
    why::add_causes(
        &mut comparison,
        later.pack,
        &catalog.sources,
        &why::Side {
            plan: &before_plan,
            evaluation: &earlier.evaluation,
        },
        &why::Side {
            plan: &after_plan,
            evaluation: &later.evaluation,
        },
    );
    let target = Target::from_flag(args.output.as_deref());
    let options = RenderOptions {
        width: context.output_width(args.width),
        unicode: target == Target::Stdout && std::io::stdout().is_terminal(),
    };
    let text = match args.format {
        CompareFormat::Table => compare::table::render(&comparison, options),
        CompareFormat::Markdown => compare::markdown::render(&comparison),
        CompareFormat::Json => compare::json::render(&comparison),
    };
    output::write(&target, &text, args.force, ui)?;
    Ok(Exit::Success)
}

/// The error for answers files of two different packs.
fn different_packs(context: &Context, args: &CompareArgs, before: &str, after: &str) -> Failure {
    let shown = |p: &Path| sanitize(&p.display().to_string());
    let (first, second) = (shown(&args.before), shown(&args.after));
    Failure::message(
        Exit::Usage,
        tr!(
            context.ui,
            "`{first}` 是规则包 `{before}` 的答案，`{second}` 是规则包 `{after}` 的：只能比较用同一个规则包做的两次评估",
            "`{first}` answers pack `{before}` and `{second}` answers pack `{after}`: only two assessments made with the same pack can be compared"
        ),
    )
}
