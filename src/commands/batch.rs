//! `fulcrum plan --answers DIR --out-dir DIR`: one plan per answers file. A bad file is
//! reported with its errors and the others go on; the run then ends with exit code 1.

use std::path::{Path, PathBuf};

use super::session::{self, Context, UserTemplate, answers_files};
use crate::cli::PlanArgs;
use crate::engine;
use crate::error::{Exit, Failure, error_line};
use crate::output;
use crate::pack::load::Catalog;
use crate::render::{Format, RenderOptions};
use crate::terminal::sanitize;
use crate::tr;

/// Runs a batch: every `*.toml` of `--answers` (a folder, or one file) into `--out-dir`.
pub fn run(context: &Context, args: &PlanArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let Some(out_dir) = &args.out_dir else {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "`{}` 是文件夹：请用 --out-dir 指定放计划的文件夹",
                "`{}` is a folder: name the folder for the plans with --out-dir",
                args.answers.display()
            ),
        ));
    };
    let start = session::start_date(args.start.as_deref(), ui)?;
    let given = answers_files(&args.answers, ui)?;
    let files = &given.files;
    std::fs::create_dir_all(out_dir).map_err(|e| {
        Failure::message(
            Exit::Output,
            tr!(
                ui,
                "无法创建文件夹 `{}`：{e}",
                "cannot create the folder `{}`: {e}",
                out_dir.display()
            ),
        )
    })?;
    // What an interrupted batch left behind.
    output::remove_stale_temp_files(out_dir);
    let mut catalog = context.catalog()?;
    let template = UserTemplate::load(context, &mut catalog.sources, args)?;
    given.report_not_files(ui, &tr!(ui, "未生成计划", "no plan written"));
    let mut failed = given.not_files.len();
    // Names that are not UTF-8 can map to one output name: the second file would overwrite
    // (with --force) or be refused as the first one's plan.
    let mut targets: std::collections::HashMap<PathBuf, &Path> = Default::default();
    for file in files {
        let target = output_path(out_dir, file, args.format);
        let result = match targets.get(&target) {
            Some(first) => Err(Failure::message(
                Exit::Output,
                tr!(
                    ui,
                    "`{}` 与 `{}` 的计划同名（`{}`）：请改名其中一个",
                    "`{}` would be written to the same file as `{}` (`{}`): rename one of them",
                    sanitize(&file.display().to_string()),
                    sanitize(&first.display().to_string()),
                    sanitize(&target.display().to_string())
                ),
            )),
            None => {
                targets.insert(target.clone(), file);
                one(
                    context,
                    &mut catalog,
                    args,
                    file,
                    &target,
                    template.as_ref(),
                    start,
                )
            }
        };
        match result {
            Ok(()) => eprintln!(
                "✓ {} → {}",
                sanitize(&file.display().to_string()),
                sanitize(&target.display().to_string())
            ),
            Err(failure) => {
                failed += 1;
                if let Failure::Message { message, .. } = &failure {
                    eprintln!("{}", error_line(ui, message));
                }
                eprintln!(
                    "✗ {}",
                    tr!(
                        ui,
                        "{}：未生成计划",
                        "{}: no plan written",
                        sanitize(&file.display().to_string())
                    )
                );
            }
        }
    }
    let total = given.total();
    if failed > 0 {
        eprintln!(
            "{}",
            tr!(
                ui,
                "{total} 个答案文件中有 {failed} 个失败。",
                "{failed} of {total} answers file(s) failed."
            )
        );
        Ok(Exit::Findings)
    } else {
        eprintln!(
            "{}",
            crate::terminal::sanitize(&tr!(
                ui,
                "已写出 {total} 份计划到 `{}`。",
                "wrote {total} plan(s) to `{}`.",
                out_dir.display()
            ))
        );
        Ok(Exit::Success)
    }
}

fn one(
    context: &Context,
    catalog: &mut Catalog,
    args: &PlanArgs,
    file: &Path,
    target: &Path,
    template: Option<&UserTemplate>,
    start: jiff::civil::Date,
) -> Result<(), Failure> {
    let answers = session::read_answers(context, catalog, file)?;
    let evaluated = session::evaluate(context, catalog, &answers, args.pack.as_deref(), file)?;
    let built = engine::assemble::build(
        evaluated.pack,
        &evaluated.evaluation,
        evaluated.lang,
        start,
        &catalog.sources,
    );
    let options = RenderOptions {
        width: args.width.unwrap_or(100),
        unicode: false,
    };
    let text = session::render_plan(
        context,
        &catalog.sources,
        &built,
        args.format,
        template,
        options,
    )?;
    if args.explain {
        let why = crate::explain::explain(
            evaluated.pack,
            &evaluated.evaluation,
            &catalog.sources,
            context.ui,
        );
        eprint!("{}", crate::explain::text::render(&why, context.ui));
    }
    output::write_file(target, text.as_bytes(), args.force, context.ui)
}

/// The file name extension of a format's output.
pub fn extension(format: Format) -> &'static str {
    match format {
        Format::Table => "txt",
        Format::Json => "json",
        Format::Markdown => "md",
        Format::Html => "html",
    }
}

/// `DIR/NAME.EXT` for the answers file `NAME.toml`.
pub fn output_path(out_dir: &Path, answers: &Path, format: Format) -> PathBuf {
    let stem = answers
        .file_stem()
        .map_or_else(|| "plan".into(), |s| s.to_string_lossy());
    out_dir.join(format!("{stem}.{}", extension(format)))
}
