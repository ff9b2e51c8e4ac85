//! The pack cache seen from outside: plans are the same with a cold cache, a warm cache and no
//! cache; an edited pack is never served stale; a damaged or unwritable cache only costs time;
//! packs with warnings are not cached, so their warnings show on every run.
use crate::common;

use std::fs;
use std::path::Path;

use crate::common::{fulcrum, path, stderr_of, stdout_of};
use assert_cmd::Command;

/// `fulcrum` with its cache in `cache`.
fn cached(cache: &Path) -> Command {
    let mut cmd = fulcrum();
    cmd.env("XDG_CACHE_HOME", cache)
        .env_remove("FULCRUM_NO_CACHE");
    cmd
}

fn entries(cache: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(cache.join("fulcrum/packs"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

fn plan_json(mut cmd: Command, answers: &str, extra: &[&str]) -> String {
    let out = cmd
        .args([
            "plan",
            "--format",
            "json",
            "--start",
            "2026-03-02",
            "--answers",
        ])
        .arg(path(answers))
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(out.stderr.is_empty(), "{}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn plans_are_the_same_cold_warm_and_uncached() {
    let cache = tempfile::tempdir().unwrap();
    for answers in [
        "examples/nanhu-street.toml",
        "examples/red-vest.en.toml",
        "examples/project-ended.toml",
    ] {
        let cold = plan_json(cached(cache.path()), answers, &[]);
        assert_eq!(
            entries(cache.path()).len(),
            1,
            "one entry for the built-in pack"
        );
        let warm = plan_json(cached(cache.path()), answers, &[]);
        let mut off = cached(cache.path());
        off.env("FULCRUM_NO_CACHE", "1");
        let uncached = plan_json(off, answers, &[]);
        assert_eq!(cold, warm, "{answers}");
        assert_eq!(cold, uncached, "{answers}");
    }
}

#[test]
fn one_entry_serves_both_languages_and_each_reads_its_own_words() {
    let cache = tempfile::tempdir().unwrap();
    let list = |lang: &str| {
        let out = cached(cache.path())
            .args(["--lang", lang, "rules", "list"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        stdout_of(&out)
    };
    let en = list("en");
    assert_eq!(entries(cache.path()).len(), 1);
    let zh = list("zh");
    assert_eq!(
        entries(cache.path()).len(),
        1,
        "the Chinese run reads the entry the English one wrote"
    );
    assert!(en.contains("built-in") && !en.contains("内置"), "{en}");
    assert!(zh.contains("内置") && !zh.contains("built-in"), "{zh}");
}

#[test]
fn explain_from_the_cache_names_the_same_lines() {
    let cache = tempfile::tempdir().unwrap();
    let explain = || {
        let out = cached(cache.path())
            .args(["--lang", "en", "explain", "--answers"])
            .arg(path("examples/nanhu-street.en.toml"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        stdout_of(&out)
    };
    let cold = explain();
    assert!(cold.contains("<built-in>/community-dependence/"), "{cold}");
    assert_eq!(cold, explain());
}

#[test]
fn an_edited_pack_is_read_again() {
    let cache = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let pack = work.path().join("mini");
    fs::create_dir(&pack).unwrap();
    let source = fs::read_to_string(path("tests/fixtures/packs/mini/pack.toml")).unwrap();
    fs::write(pack.join("pack.toml"), &source).unwrap();
    let list = || {
        let out = cached(cache.path())
            .args(["--lang", "en", "--rules"])
            .arg(&pack)
            .args(["rules", "list"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        stdout_of(&out)
    };
    let before = list();
    assert_eq!(before, list(), "a warm cache gives the same list");
    let (version_line, _) = source
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("version"))
        .expect("the mini pack has a version");
    let edited: Vec<String> = source
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == version_line {
                "version = \"9.9.9\"".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    fs::write(pack.join("pack.toml"), edited.join("\n")).unwrap();
    let after = list();
    assert!(after.contains("9.9.9"), "{after}");
    assert!(!before.contains("9.9.9"), "{before}");
}

#[test]
fn a_damaged_entry_is_ignored_and_replaced() {
    let cache = tempfile::tempdir().unwrap();
    let good = plan_json(cached(cache.path()), "examples/nanhu-street.toml", &[]);
    let entry = entries(cache.path()).pop().expect("an entry");
    let mut bytes = fs::read(&entry).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    fs::write(&entry, &bytes).unwrap();
    assert_eq!(
        plan_json(cached(cache.path()), "examples/nanhu-street.toml", &[]),
        good
    );
    fs::write(&entry, b"not a cache entry").unwrap();
    assert_eq!(
        plan_json(cached(cache.path()), "examples/nanhu-street.toml", &[]),
        good
    );
    assert_ne!(fs::read(&entry).unwrap(), b"not a cache entry");
}

#[test]
fn an_unwritable_cache_only_costs_time() {
    let work = tempfile::tempdir().unwrap();
    let blocker = work.path().join("cache");
    fs::write(&blocker, "a file where the cache folder should be").unwrap();
    let plan = plan_json(cached(&blocker), "examples/nanhu-street.toml", &[]);
    assert!(plan.contains("\"concept\""));
}

#[test]
fn pack_tests_still_run_after_a_cached_load() {
    let cache = tempfile::tempdir().unwrap();
    plan_json(cached(cache.path()), "examples/nanhu-street.toml", &[]);
    assert_eq!(entries(cache.path()).len(), 1);
    let run = |no_cache: &str| {
        let out = cached(cache.path())
            .env("FULCRUM_NO_CACHE", no_cache)
            .args(["--lang", "en", "rules", "test"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        (stdout_of(&out), stderr_of(&out))
    };
    let (warm_out, warm_err) = run("");
    assert!(warm_out.contains("  ok    "), "{warm_out}");
    assert!(warm_err.contains(" passed, 0 failed"), "{warm_err}");
    assert!(!warm_err.starts_with("0 passed"), "{warm_err}");
    assert_eq!((warm_out, warm_err), run("1"));
}

#[test]
fn packs_with_warnings_are_not_cached() {
    let cache = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let source = fs::read_to_string(path("tests/fixtures/packs/mini/pack.toml")).unwrap();
    let noisy = work.path().join("noisy.toml");
    fs::write(
        &noisy,
        format!("{source}\n[[rule]]\nid = \"does_nothing\"\n"),
    )
    .unwrap();
    for _ in 0..2 {
        let out = cached(cache.path())
            .args(["--lang", "en", "--rules"])
            .arg(&noisy)
            .args(["rules", "list"])
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert!(
            err.contains("P014"),
            "the warning shows on every run: {err}"
        );
    }
    assert!(entries(cache.path()).is_empty());
}

#[test]
fn every_test_has_a_pack_cache_of_its_own() {
    let mine = common::private_cache();
    let other = std::thread::Builder::new()
        .name("some_other_test".into())
        .spawn(common::private_cache)
        .unwrap()
        .join()
        .unwrap();
    assert_ne!(mine, other);
    assert!(
        mine.ends_with("every_test_has_a_pack_cache_of_its_own"),
        "{mine:?}"
    );
    assert!(mine.starts_with(env!("CARGO_TARGET_TMPDIR")), "{mine:?}");
    // Without --rules of its own, `fulcrum` caches the built-in pack: in this test's folder.
    let out = fulcrum().args(["rules", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(!entries(&mine).is_empty());
    assert!(entries(&other).is_empty());
}
