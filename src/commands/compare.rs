//! `fulcrum compare`: two answers files of one organization, some months apart, in; what
//! changed in the answers, the diagnosis and the plan out. A progress file beside the earlier
//! answers shows where the actions stood; `--carry-progress` starts the later one from it.

use std::io::IsTerminal;
use std::path::Path;

use super::session::{Context, evaluate, read_answers, read_progress, report_gone, start_date};
use crate::cli::{CompareArgs, CompareFormat};
use crate::compare::{self, carry, why};
use crate::engine;
use crate::error::{Exit, Failure};
use crate::output::{self, Target};
use crate::progress;
use crate::render::RenderOptions;
use crate::terminal::sanitize;
use crate::tr;

/// Runs `fulcrum compare`.
pub fn run(context: &Context, args: &CompareArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let later_start = start_date(args.start.as_deref(), ui)?;
    let earlier_progress_path = progress::default_path(&args.before);
    let has_progress = earlier_progress_path.is_file();
    let later_progress_path = progress::default_path(&args.after);
    if args.carry_progress {
        refuse_carrying(context, args, has_progress, &later_progress_path)?;
    }
    let mut catalog = context.catalog()?;
    let earlier_progress = if has_progress {
        Some(read_progress(
            context,
            &mut catalog.sources,
            &earlier_progress_path,
        )?)
    } else {
        None
    };
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
    let plan = |e: &super::session::Evaluated<'_>, start| {
        engine::assemble::build(e.pack, &e.evaluation, lang, start, &catalog.sources)
    };
    // The earlier plan on the schedule its progress file keeps, marked with that progress.
    let mut before_plan = plan(
        &earlier,
        earlier_progress.as_ref().map_or(later_start, |p| p.start),
    );
    if let Some(read) = &earlier_progress {
        let gone = progress::apply(&mut before_plan, read, crate::clock::today());
        report_gone(&gone, &earlier_progress_path, ui);
    }
    let after_plan = plan(&later, later_start);
    let mut comparison = why::compare(
        &args.before.display().to_string(),
        &why::Side {
            plan: &before_plan,
            evaluation: &earlier.evaluation,
        },
        &args.after.display().to_string(),
        &why::Side {
            plan: &after_plan,
            evaluation: &later.evaluation,
        },
        later.pack,
        &catalog.sources,
    );
    if has_progress {
        comparison.progress = Some(earlier_progress_path.display().to_string());
    }
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
    if let (true, Some(read)) = (args.carry_progress, &earlier_progress) {
        let carried = carry::carry(read, &before_plan, &after_plan, later_start);
        let text = progress::file::render(&carried.progress, &after_plan, lang);
        output::write_file(&later_progress_path, text.as_bytes(), args.force, ui)?;
        let shown = sanitize(&later_progress_path.display().to_string());
        let actions = progress::plan_actions(&after_plan).len();
        let kept = carried.kept;
        eprintln!(
            "{}",
            tr!(
                ui,
                "已写入 `{shown}`：后来的计划有 {actions} 条行动，其中 {kept} 条沿用了之前的进度，其余为 todo（未开始）。",
                "Wrote `{shown}`: {kept} of the later plan's {actions} actions keep their earlier progress; the others are to do."
            )
        );
        report_gone(&carried.gone, &later_progress_path, ui);
    }
    Ok(Exit::Success)
}

/// Checks `--carry-progress` before anything is computed: there must be a progress file to
/// carry, and the later one is not replaced without `--force`.
fn refuse_carrying(
    context: &Context,
    args: &CompareArgs,
    has_progress: bool,
    later: &Path,
) -> Result<(), Failure> {
    let shown = |p: &Path| sanitize(&p.display().to_string());
    if !has_progress {
        let earlier = shown(&progress::default_path(&args.before));
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                context.ui,
                "--carry-progress 需要先前答案旁边的进度文件 `{earlier}`，但它不存在。先用 `fulcrum track --answers {}` 记录进度",
                "--carry-progress needs the progress file beside the earlier answers, `{earlier}`, and there is none. Record progress first with `fulcrum track --answers {}`",
                shown(&args.before)
            ),
        ));
    }
    let same = |a: &Path, b: &Path| {
        a == b
            || std::fs::canonicalize(a)
                .is_ok_and(|a| std::fs::canonicalize(b).is_ok_and(|b| a == b))
    };
    if same(&args.before, &args.after) {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                context.ui,
                "BEFORE 和 AFTER 是同一个文件 `{}`：进度只能从先前的答案接到后来的答案上",
                "BEFORE and AFTER are the same file, `{}`: progress is carried from the earlier answers to the later ones",
                shown(&args.after)
            ),
        ));
    }
    if !args.force && std::fs::symlink_metadata(later).is_ok() {
        return Err(Failure::message(
            Exit::Output,
            tr!(
                context.ui,
                "`{}` 已存在，没有改动；加上 --force 才会用接过来的进度覆盖它",
                "`{}` already exists and was left as it is; add --force to replace it with the carried progress",
                shown(later)
            ),
        ));
    }
    Ok(())
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
