//! `fulcrum explain`: why each action is in the plan, why each question was asked or skipped,
//! and with `--concept`, why a concept is in the plan or not.

use super::session::Context;
use crate::cli::{ExplainArgs, ExplainFormat};
use crate::diagnostic::{did_you_mean, list_names};
use crate::error::{Exit, Failure};
use crate::explain::{self, text};
use crate::output::{self, Target};
use crate::tr;

/// Runs `fulcrum explain`.
pub fn run(context: &Context, args: &ExplainArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let mut catalog = context.catalog()?;
    let answers = super::session::read_answers(context, &mut catalog, &args.answers)?;
    let evaluated = super::session::evaluate(
        context,
        &catalog,
        &answers,
        args.pack.as_deref(),
        &args.answers,
    )?;
    let (pack, eval) = (evaluated.pack, &evaluated.evaluation);
    let json = args.format == ExplainFormat::Json;
    let report = match &args.concept {
        None => {
            let why = explain::explain(pack, eval, &catalog.sources, ui);
            if json {
                explain::json::explanation(&why)
            } else {
                text::render(&why, ui)
            }
        }
        Some(concept) => match explain::explain_concept(pack, eval, &catalog.sources, concept) {
            Some(why) if json => explain::json::concept(&why),
            Some(why) => text::render_concept(&why, ui),
            None => {
                let known = explain::concepts(pack);
                let hint = did_you_mean(concept, known.iter().copied()).map_or_else(
                    || {
                        tr!(
                            ui,
                            "可用的概念：{}",
                            "known concepts: {}",
                            list_names(known.iter().copied(), 40, ui)
                        )
                    },
                    |s| tr!(ui, "是不是 `{s}`？", "did you mean `{s}`?"),
                );
                return Err(Failure::message(
                    Exit::Usage,
                    tr!(
                        ui,
                        "规则包 `{}` 中没有规则给出概念 `{concept}`；{hint}",
                        "no rule of pack `{}` gives the concept `{concept}`; {hint}",
                        pack.id
                    ),
                ));
            }
        },
    };
    output::write(&Target::Stdout, &report, false, ui)?;
    Ok(Exit::Success)
}
