//! Pack loading: any bytes as a pack file, through the TOML parser and `pack::build`, with
//! every diagnostic rendered (its location must fall inside the file). A pack that builds is
//! evaluated with no answers and its plan rendered.
#![no_main]

use fulcrum::engine;
use fulcrum::lang::Lang;
use fulcrum::pack::load::load_text;
use fulcrum::render::{self, Format, RenderOptions};
use fulcrum::source::SourceMap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut sources = SourceMap::new();
    let (pack, diags) = load_text(&mut sources, "pack.toml", text, "fuzz", Lang::Zh);
    for d in diags.items() {
        let _ = d.render(&sources, Lang::Zh, true);
    }
    if let Some(pack) = pack {
        let eval = engine::evaluate(&pack, vec![None; pack.questions.len()]);
        let start = jiff::civil::date(2026, 1, 5);
        let plan = engine::assemble::build(&pack, &eval, Lang::En, start, &sources);
        let options = RenderOptions {
            width: 80,
            unicode: true,
        };
        let _ = render::render(&plan, Format::Table, options);
        let _ = render::render(&plan, Format::Json, options);
    }
});
