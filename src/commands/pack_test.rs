//! `fulcrum rules test [PACK]`: runs the `[[test]]` tables of packs and lists the rules no
//! test fires. Exit 0 when every test passes, 1 on failures, 3 when a pack is invalid.

use super::session::Context;
use crate::cli::PackTestArgs;
use crate::diagnostic::list_names;
use crate::error::{Exit, Failure};
use crate::lint::pack_tests;
use crate::pack::Pack;
use crate::tr;

/// Runs `rules test`.
pub fn run(context: &Context, args: &PackTestArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let catalog = context.catalog_from_source()?;
    let packs: Vec<&Pack> = match &args.pack {
        Some(id) => vec![super::session::pack_by_id(&catalog, id, ui)?],
        None => catalog.packs.iter().collect(),
    };
    let (mut passed, mut failed) = (0usize, 0usize);
    for pack in packs {
        let report = pack_tests::run(pack, &catalog.sources, ui);
        crate::outln!(
            "{}",
            tr!(
                ui,
                "规则包 `{}`：{} 个测试",
                "pack `{}`: {} test(s)",
                pack.id,
                report.results.len()
            )
        );
        for result in &report.results {
            if result.failures.is_empty() {
                passed += 1;
                crate::outln!("  {}  {}", tr!(ui, "通过", "ok  "), result.test.id);
            } else {
                failed += 1;
                crate::outln!("  {}  {}", tr!(ui, "失败", "FAIL"), result.test.id);
                context.report(&catalog.sources, &result.failures);
            }
        }
        if !report.unfired.is_empty() {
            let names = report.unfired.iter().map(|&r| pack.rules[r].id.as_str());
            crate::outln!(
                "  {}",
                tr!(
                    ui,
                    "没有测试触发的规则（{}）：{}",
                    "rules no test fires ({}): {}",
                    report.unfired.len(),
                    list_names(names, 50, ui)
                )
            );
        }
    }
    eprintln!(
        "{}",
        tr!(
            ui,
            "{passed} 个通过，{failed} 个失败",
            "{passed} passed, {failed} failed"
        )
    );
    Ok(if failed > 0 {
        Exit::Findings
    } else {
        Exit::Success
    })
}
