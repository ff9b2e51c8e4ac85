//! Answers loading: any bytes as an answers file for the mini pack
//! (`tests/fixtures/packs/mini/pack.toml`), parsed, checked and resolved; problems are
//! rendered, and answers that resolve are turned into a plan and rendered.
#![no_main]

use std::sync::{Arc, LazyLock};

use fulcrum::answers::file;
use fulcrum::engine;
use fulcrum::lang::Lang;
use fulcrum::pack::Pack;
use fulcrum::pack::load::load_text;
use fulcrum::render::{self, Format, RenderOptions};
use fulcrum::source::SourceMap;
use libfuzzer_sys::fuzz_target;

const MINI: &str = include_str!("../../tests/fixtures/packs/mini/pack.toml");

static PACK: LazyLock<(SourceMap, Pack)> = LazyLock::new(|| {
    let mut sources = SourceMap::new();
    let (pack, _) = load_text(&mut sources, "mini/pack.toml", MINI, "mini", Lang::En);
    (sources, pack.expect("the mini pack builds"))
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (base, pack) = &*PACK;
    let mut sources = base.clone();
    let id = sources.add("answers.toml", None, Arc::from(text));
    let parsed = match file::parse(id, &sources, Lang::En) {
        Ok(parsed) => parsed,
        Err(d) => {
            let _ = d.render(&sources, Lang::En, false);
            return;
        }
    };
    match engine::resolve(pack, &parsed.entries, id, Lang::Zh) {
        Ok((eval, warnings)) => {
            for d in warnings.items() {
                let _ = d.render(&sources, Lang::Zh, false);
            }
            let start = jiff::civil::date(2026, 1, 5);
            let plan = engine::assemble::build(pack, &eval, Lang::Zh, start, &sources);
            let options = RenderOptions {
                width: 60,
                unicode: false,
            };
            for format in [Format::Table, Format::Json, Format::Markdown, Format::Html] {
                let _ = render::render(&plan, format, options);
            }
        }
        Err(diags) => {
            for d in diags.items() {
                let _ = d.render(&sources, Lang::En, true);
            }
        }
    }
});
