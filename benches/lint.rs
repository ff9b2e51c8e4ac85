//! How long `fulcrum rules lint` takes to analyse a pack: the built-in pack (target: well under
//! 100 ms) and a synthetic pack of 60 questions and 2,000 rules from `fulcrum::synth` (target:
//! under 2 s). Loading is outside the measurement; each pack is checked first to be fully
//! analysed (no L009), so the figures are never those of a run that gave up at its budget. (A
//! few random synthetic rules are unsatisfiable and reported as L002; that is part of the work.)
//!
//! `cargo bench --bench lint`; figures go to `docs/performance.md`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use fulcrum::lang::Lang;
use fulcrum::lint::lint_pack;
use fulcrum::pack::load::{Catalog, load};

/// The budget `rules lint` uses by default.
const BUDGET: Duration = Duration::from_secs(10);

fn loaded(paths: &[PathBuf], id: &str) -> Catalog {
    let catalog = load(paths, Lang::En);
    assert!(!catalog.diagnostics.has_errors(), "{id} does not load");
    let pack = catalog.pack(id).unwrap();
    let findings = lint_pack(pack, &catalog.sources, Lang::En, BUDGET);
    let codes: Vec<&str> = findings.iter().map(|f| f.diagnostic.code).collect();
    assert!(
        !codes.contains(&"L009"),
        "{id} is not fully checked: {codes:?}"
    );
    if id == "community-dependence" {
        assert!(
            codes.is_empty(),
            "the built-in pack does not lint clean: {codes:?}"
        );
    }
    catalog
}

fn built_in(c: &mut Criterion) {
    let catalog = loaded(&[], "community-dependence");
    let pack = catalog.pack("community-dependence").unwrap();
    c.bench_function("lint built-in community-dependence", |b| {
        b.iter(|| lint_pack(black_box(pack), &catalog.sources, Lang::En, BUDGET));
    });
}

fn synthetic(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("synthetic");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("pack.toml"),
        fulcrum::synth::pack_toml(60, 2_000),
    )
    .unwrap();
    let catalog = loaded(&[folder], "synthetic");
    let pack = catalog.pack("synthetic").unwrap();
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    group.bench_function("lint 60 questions x 2000 rules", |b| {
        b.iter(|| lint_pack(black_box(pack), &catalog.sources, Lang::En, BUDGET));
    });
    group.finish();
}

criterion_group!(benches, built_in, synthetic);
criterion_main!(benches);
