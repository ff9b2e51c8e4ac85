//! Sharing a pack as one file (issue 15, point 7): `rules bundle`, `rules install` (lint must
//! pass; another version is never replaced silently), `rules list` with the version, and
//! `rules remove`.

use crate::common;

use std::path::Path;

use crate::common::{stderr_of, stdout_of};
use assert_cmd::Command;

/// `fulcrum --lang LANG` with its rules folder under `home`, run in `cwd`.
fn fulcrum(home: &Path, cwd: &Path, lang: &str) -> Command {
    let mut cmd = common::fulcrum();
    cmd.current_dir(cwd)
        .env("XDG_CONFIG_HOME", home)
        .env("FULCRUM_NO_CACHE", "1")
        .args(["--lang", lang]);
    cmd
}

#[test]
fn a_pack_goes_into_one_file_installs_lists_with_its_version_and_is_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let (home, cwd) = (tmp.path().join("home"), tmp.path());
    let f = |lang: &str| fulcrum(&home, cwd, lang);
    assert!(
        f("en")
            .args(["rules", "new", "demo", "--dir", "p"])
            .output()
            .unwrap()
            .status
            .success()
    );
    std::fs::write(
        cwd.join("p/demo/zz-more.toml"),
        "extends = \"demo\"\n\n[[speaker]]\nid = \"bob\"\nname = \"Bob\"\n",
    )
    .unwrap();
    let out = f("en")
        .args(["rules", "bundle", "p/demo", "-o", "demo.fulcrum.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("joined 2 file(s) into `demo.fulcrum.toml`"));
    let bundle = std::fs::read_to_string(cwd.join("demo.fulcrum.toml")).unwrap();
    assert!(
        bundle.contains("id = \"bob\"") && !bundle.contains("extends"),
        "{bundle}"
    );

    let out = f("en")
        .args(["rules", "install", "demo.fulcrum.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(home.join("fulcrum/rules/demo.toml").is_file());
    let list = stdout_of(&f("en").args(["rules", "list"]).output().unwrap());
    let row = list.lines().find(|l| l.contains("| demo ")).unwrap();
    assert!(row.contains("| 0.1.0 "), "{row}");

    // Another version is not installed over it without --force.
    std::fs::write(
        cwd.join("demo.fulcrum.toml"),
        bundle.replace("version = \"0.1.0\"", "version = \"0.2.0\""),
    )
    .unwrap();
    for (lang, words) in [
        (
            "en",
            "`demo` 0.1.0 is installed and differs from this 0.2.0: nothing was replaced. Add --force",
        ),
        (
            "zh",
            "已安装的 `demo` 是 0.1.0 版，与要安装的 0.2.0 版内容不同：没有替换",
        ),
    ] {
        let out = f(lang)
            .args(["rules", "install", "demo.fulcrum.toml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(5));
        assert!(stderr_of(&out).contains(words), "{}", stderr_of(&out));
    }
    let out = f("en")
        .args(["rules", "install", "--force", "demo.fulcrum.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let list = stdout_of(&f("en").args(["rules", "list"]).output().unwrap());
    assert!(
        list.lines()
            .any(|l| l.contains("| demo ") && l.contains("| 0.2.0 ")),
        "{list}"
    );

    let out = f("zh").args(["rules", "remove", "demo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("已删除规则包 `demo`"));
    assert!(!home.join("fulcrum/rules/demo.toml").exists());
    let out = f("en")
        .args(["rules", "remove", "community-dependence"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("built-in packs cannot be removed"));
}

#[test]
fn a_pack_with_lint_errors_is_not_installed_and_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let (home, cwd) = (tmp.path().join("home"), tmp.path());
    let fixture = common::path("tests/fixtures/lint/L002-never-fires/pack.toml");
    for (lang, words) in [
        ("en", "has 1 error(s): nothing was installed"),
        ("zh", "有 1 个错误，没有安装"),
    ] {
        let out = fulcrum(&home, cwd, lang)
            .args(["rules", "install"])
            .arg(&fixture)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3));
        let err = stderr_of(&out);
        assert!(err.contains("[L002]") && err.contains(words), "{err}");
    }
    assert!(!home.join("fulcrum/rules").exists());
}
