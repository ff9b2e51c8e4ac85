//! Benchmarks of the path from files to plan: loading a pack (TOML parse and build; `parse` is
//! the TOML part alone; `catalog-cached` reads the files and the packs from the pack cache),
//! evaluating an answers file against it and building the plan, and linting. Run with `cargo bench`; the figures and how to read them are in
//! `docs/performance.md`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fulcrum::answers::file;
use fulcrum::engine;
use fulcrum::lang::Lang;
use fulcrum::pack::build::{PackFiles, build};
use fulcrum::pack::cache::PackCache;
use fulcrum::pack::load::{load, load_cached};
use fulcrum::pack::raw::RawFile;
use fulcrum::pack::{Pack, builtin};
use fulcrum::source::SourceMap;
use fulcrum::synth;
use jiff::civil::date;

/// The binary's allocator (see `src/main.rs`), so the figures match what `fulcrum` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Sizes of the synthetic packs, in rules (60 questions each).
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const QUESTIONS: usize = 60;

/// The files of one pack, as (name, text).
type Files = Vec<(String, String)>;

/// Parses and builds a pack from its files, as `pack::load` does after reading them.
fn load_pack(id: &str, files: &Files) -> (SourceMap, Pack) {
    let mut sources = SourceMap::new();
    let mut parsed = Vec::with_capacity(files.len());
    for (name, text) in files {
        let file = sources.add(name.clone(), None, Arc::from(text.as_str()));
        let raw: RawFile = toml::from_str(text).unwrap();
        parsed.push((file, raw));
    }
    let (pack, diags) = build(
        PackFiles {
            id: id.to_string(),
            files: parsed,
            places: vec![fulcrum::pack::Place::Path("bench".into())],
            unparsed: Vec::new(),
        },
        &sources,
        Lang::En,
    );
    assert!(!diags.has_errors());
    (sources, pack.unwrap())
}

/// Reads an answers file, checks it against the pack, evaluates it and builds the plan.
fn plan(pack: &Pack, sources: &mut SourceMap, answers: &str) -> usize {
    let file = sources.add("answers.toml", None, Arc::from(answers));
    let parsed = file::parse(file, sources, Lang::En).unwrap();
    let (eval, _) = engine::resolve(pack, &parsed.entries, file, Lang::En).unwrap();
    let plan = engine::assemble::build(pack, &eval, Lang::En, date(2026, 1, 5), sources);
    plan.phases.len()
}

fn builtin_files() -> Files {
    builtin::FILES
        .iter()
        .filter(|(folder, _, _)| *folder == "community-dependence")
        .map(|(_, name, text)| ((*name).to_string(), (*text).to_string()))
        .collect()
}

fn builtin_pack(c: &mut Criterion) {
    let files = builtin_files();
    let answers = include_str!("../examples/nanhu-street.toml");
    let mut group = c.benchmark_group("builtin");
    group.bench_function("load", |b| {
        b.iter(|| load_pack("community-dependence", black_box(&files)))
    });
    let (mut sources, pack) = load_pack("community-dependence", &files);
    group.bench_function("evaluate+plan", |b| {
        b.iter(|| plan(&pack, &mut sources, black_box(answers)))
    });
    group.bench_function("catalog", |b| b.iter(|| load(&[], Lang::Zh)));
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = PackCache::at(cache_dir.path());
    load_cached(&[], Lang::Zh, Some(&cache));
    group.bench_function("catalog-cached", |b| {
        b.iter(|| load_cached(&[], Lang::Zh, Some(&cache)))
    });
    group.bench_function("lint", |b| {
        b.iter(|| fulcrum::lint::lint_pack(&pack, &sources, Lang::En, Duration::from_secs(10)))
    });
    group.finish();
}

fn synthetic_packs(c: &mut Criterion) {
    let answers = synth::answers_toml(QUESTIONS);
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    for rules in SIZES {
        let files = synth::pack_files(QUESTIONS, rules);
        group.throughput(Throughput::Elements(rules as u64));
        group.bench_with_input(BenchmarkId::new("parse", rules), &files, |b, files| {
            b.iter(|| {
                files
                    .iter()
                    .map(|(_, text)| toml::from_str::<RawFile>(text).unwrap())
                    .collect::<Vec<_>>()
            })
        });
        group.bench_with_input(BenchmarkId::new("load", rules), &files, |b, files| {
            b.iter(|| load_pack("synthetic", files))
        });
        let folder = tempfile::tempdir().unwrap();
        let pack_dir = folder.path().join("synthetic");
        std::fs::create_dir(&pack_dir).unwrap();
        for (name, text) in &files {
            std::fs::write(pack_dir.join(name), text).unwrap();
        }
        let cache = PackCache::at(folder.path().join("cache"));
        let paths = [pack_dir];
        assert!(
            load_cached(&paths, Lang::En, Some(&cache))
                .diagnostics
                .is_empty()
        );
        group.bench_with_input(
            BenchmarkId::new("catalog-cached", rules),
            &paths,
            |b, paths| b.iter(|| load_cached(paths, Lang::En, Some(&cache))),
        );
        let (mut sources, pack) = load_pack("synthetic", &files);
        group.bench_with_input(
            BenchmarkId::new("evaluate+plan", rules),
            &answers,
            |b, answers| b.iter(|| plan(&pack, &mut sources, answers)),
        );
    }
    group.finish();
}

fn synthetic_lint(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic-lint");
    group.sample_size(10);
    let (sources, pack) = load_pack("synthetic", &synth::pack_files(QUESTIONS, 2_000));
    group.bench_function("lint/2000", |b| {
        b.iter(|| fulcrum::lint::lint_pack(&pack, &sources, Lang::En, Duration::from_secs(60)))
    });
    group.finish();
}

criterion_group!(benches, builtin_pack, synthetic_packs, synthetic_lint);
criterion_main!(benches);
