//! What fulcrum reads from its environment, read once at start by [`crate::app`] and passed on
//! as plain values: the preferred language, the user's folders, more rule paths, the terminal.
//!
//! The user's folders follow one rule, the XDG base directory one: `$XDG_CONFIG_HOME`,
//! `$XDG_CACHE_HOME` and `$XDG_STATE_HOME` when set to an absolute path, else `~/.config`,
//! `~/.cache` and `~/.local/state` when `$HOME` is an absolute path; relative paths are
//! ignored.
//!
//! Not `etcetera` or `sys-locale`: both read the process's environment themselves, while
//! [`Environment::from_vars`] reads it through a function, so that tests give it any
//! environment without changing the process's (which would race with the other tests). The
//! rules they would replace are the few lines of `from_vars`, tested below.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::lang::Lang;

/// Width of tables and plans when the output is not a terminal and no `--width` is given.
const PIPED_WIDTH: u16 = 100;
/// Width of prompts when stderr is not a terminal and no `--width` is given.
const PROMPT_WIDTH: u16 = 80;
/// The narrowest width anything is laid out for.
const MIN_WIDTH: u16 = 40;

/// The environment as fulcrum uses it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// The language asked for without `--lang`: `FULCRUM_LANG`, else the system locale
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`).
    pub lang: Option<Lang>,
    /// The user's rules folder, `fulcrum/rules` in the config folder (read when it exists).
    pub rules_dir: Option<PathBuf>,
    /// The pack cache, `fulcrum/packs` in the cache folder; none when `FULCRUM_NO_CACHE` is
    /// set to anything but an empty value.
    pub cache_dir: Option<PathBuf>,
    /// Where questionnaire drafts are kept, `fulcrum/drafts` in the state folder.
    pub drafts_dir: Option<PathBuf>,
    /// More pack folders or files from `FULCRUM_RULES` (a path list).
    pub rule_paths: Vec<PathBuf>,
    /// Terminal widths.
    pub widths: Widths,
}

/// The widths the terminal gives, in columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Widths {
    /// The terminal on stdout, if it is one.
    pub stdout: Option<u16>,
    /// The terminal on stderr, if it is one.
    pub stderr: Option<u16>,
    /// `COLUMNS`.
    pub columns: Option<u16>,
}

impl Widths {
    /// The width of tables and plans: `--width`, else the terminal's (stdout, or stderr when
    /// stdout is piped to a pager), else `COLUMNS`, else 100 columns; at least 40.
    pub fn output(&self, flag: Option<u16>) -> u16 {
        flag.or(self.stdout)
            .or(self.stderr)
            .or(self.columns)
            .unwrap_or(PIPED_WIDTH)
            .max(MIN_WIDTH)
    }

    /// The width of the questionnaire, which prompts on stderr: `--width`, else stderr's
    /// terminal, else 80 columns; at least 40.
    pub fn prompt(&self, flag: Option<u16>) -> usize {
        usize::from(flag.or(self.stderr).unwrap_or(PROMPT_WIDTH).max(MIN_WIDTH))
    }
}

impl Environment {
    /// Reads the process's environment and terminal.
    pub fn read() -> Self {
        Self::from_vars(
            |name| std::env::var_os(name),
            Widths {
                stdout: terminal_size::terminal_size().map(|(w, _)| w.0),
                stderr: terminal_size::terminal_size_of(std::io::stderr()).map(|(w, _)| w.0),
                columns: None,
            },
        )
    }

    /// The environment given by `var` (a variable's value, if set) and the terminal widths.
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>, widths: Widths) -> Self {
        let text = |name: &str| var(name).and_then(|v| v.into_string().ok());
        let lang = text("FULCRUM_LANG")
            .and_then(|v| v.parse().ok())
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .filter_map(|name| text(name))
                    .find(|value| !value.is_empty())
                    .and_then(|value| Lang::from_locale(&value))
            });
        let absolute = |name: &str| var(name).map(PathBuf::from).filter(|p| p.is_absolute());
        let home = absolute("HOME");
        let base = |name: &str, default: &[&str]| {
            absolute(name).or_else(|| {
                home.as_ref()
                    .map(|h| default.iter().fold(h.clone(), |p, part| p.join(part)))
            })
        };
        let no_cache = var("FULCRUM_NO_CACHE").is_some_and(|v| !v.is_empty());
        let rule_paths = var("FULCRUM_RULES")
            .map(|list| {
                std::env::split_paths(&list)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default();
        Environment {
            lang,
            rules_dir: base("XDG_CONFIG_HOME", &[".config"])
                .map(|b| b.join("fulcrum").join("rules")),
            cache_dir: base("XDG_CACHE_HOME", &[".cache"])
                .filter(|_| !no_cache)
                .map(|b| b.join("fulcrum").join("packs")),
            drafts_dir: base("XDG_STATE_HOME", &[".local", "state"])
                .map(|b| b.join("fulcrum").join("drafts")),
            rule_paths,
            widths: Widths {
                columns: text("COLUMNS").and_then(|c| c.trim().parse().ok()),
                ..widths
            },
        }
    }

    /// Where packs are read from, in order: the user's rules folder when it exists,
    /// `FULCRUM_RULES`, then `--rules`.
    pub fn all_rule_paths(&self, flags: &[PathBuf]) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        if let Some(dir) = self.rules_dir.as_ref().filter(|d| d.is_dir()) {
            paths.push(dir.clone());
        }
        paths.extend(self.rule_paths.iter().cloned());
        paths.extend(flags.iter().cloned());
        paths
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(vars: &[(&str, &str)]) -> Environment {
        let vars: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        Environment::from_vars(|name| vars.get(name).cloned(), Widths::default())
    }

    #[test]
    fn fulcrum_lang_comes_before_the_locale() {
        assert_eq!(env(&[("LANG", "zh_CN.UTF-8")]).lang, Some(Lang::Zh));
        assert_eq!(
            env(&[("FULCRUM_LANG", "en"), ("LANG", "zh_CN.UTF-8")]).lang,
            Some(Lang::En)
        );
        // A value that is no language falls through to the locale; an empty locale to the next.
        assert_eq!(
            env(&[("FULCRUM_LANG", "fr"), ("LC_ALL", ""), ("LANG", "zh_TW")]).lang,
            Some(Lang::Zh)
        );
        assert_eq!(env(&[("LANG", "C")]).lang, None);
    }

    #[test]
    fn folders_follow_one_rule() {
        let e = env(&[("HOME", "/home/a"), ("XDG_CACHE_HOME", "/var/c")]);
        assert_eq!(e.rules_dir, Some("/home/a/.config/fulcrum/rules".into()));
        assert_eq!(e.cache_dir, Some("/var/c/fulcrum/packs".into()));
        assert_eq!(
            e.drafts_dir,
            Some("/home/a/.local/state/fulcrum/drafts".into())
        );
        // Relative paths are ignored, wherever they are given.
        let e = env(&[
            ("HOME", "/home/a"),
            ("XDG_CONFIG_HOME", "rel"),
            ("XDG_STATE_HOME", "x"),
        ]);
        assert_eq!(e.rules_dir, Some("/home/a/.config/fulcrum/rules".into()));
        assert_eq!(
            e.drafts_dir,
            Some("/home/a/.local/state/fulcrum/drafts".into())
        );
        let e = env(&[("HOME", "home")]);
        assert_eq!((e.rules_dir, e.cache_dir, e.drafts_dir), (None, None, None));
        let e = env(&[("HOME", "/h"), ("FULCRUM_NO_CACHE", "1")]);
        assert_eq!(e.cache_dir, None);
        assert!(
            env(&[("HOME", "/h"), ("FULCRUM_NO_CACHE", "")])
                .cache_dir
                .is_some()
        );
    }

    #[test]
    fn widths_fall_back_in_order() {
        let e = env(&[("COLUMNS", " 120 ")]);
        assert_eq!(e.widths.output(None), 120);
        assert_eq!(e.widths.output(Some(10)), 40);
        assert_eq!(e.widths.prompt(None), 80);
        let w = Widths {
            stdout: None,
            stderr: Some(90),
            columns: Some(120),
        };
        assert_eq!(w.output(None), 90);
        assert_eq!(w.prompt(Some(60)), 60);
        assert_eq!(Widths::default().output(None), 100);
    }
}
