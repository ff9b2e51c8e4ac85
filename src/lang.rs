//! The two languages fulcrum speaks, and how the language of a run is chosen.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language of prompts, plans and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language code used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// What separates the items of a list in a sentence: `、` in Chinese, `, ` in English.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::Zh => "、",
            Lang::En => ", ",
        }
    }

    /// The other language, used as a fallback when a text is missing.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Reads a POSIX locale such as `zh_CN.UTF-8` or `en_GB`; `C`/`POSIX` mean nothing.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let lower = locale.trim().to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::Zh)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language for messages before any pack is known: `--lang`, then the environment's
    /// (`FULCRUM_LANG`, then the locale: [`crate::environment::Environment::lang`]), then
    /// English.
    pub fn for_messages(flag: Option<Lang>, preferred: Option<Lang>) -> Lang {
        flag.or(preferred).unwrap_or(Lang::En)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // The common spellings without allocating: every text of a pack is checked this way.
        match s {
            "zh" => return Ok(Lang::Zh),
            "en" => return Ok(Lang::En),
            _ => {}
        }
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh_cn" | "zh-hans" | "cn" | "chinese" | "中文" => Ok(Lang::Zh),
            "en" | "en-us" | "en-gb" | "english" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}`: use `zh` or `en`")),
        }
    }
}

/// `text` to follow Chinese words in a sentence: with a space before it when it starts with a
/// Latin letter, a digit or a code quote, as Chinese text is set apart from Latin text.
pub fn spaced(text: &str) -> String {
    if text.starts_with(|c: char| c.is_ascii_graphic()) {
        format!(" {text}")
    } else {
        text.to_string()
    }
}

/// Alternatives in a Chinese sentence: a、b 或 c, with spaces only where Latin text meets
/// Chinese (选项或 `[`; `a` 或 `b`).
pub fn zh_or(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let head = rest.join("、");
            let gap = if head.ends_with(|c: char| c.is_ascii_graphic()) {
                " "
            } else {
                ""
            };
            format!("{head}{gap}或{}", spaced(last))
        }
        _ => items.concat(),
    }
}

/// Formats a message in the given language: `tr!(lang, "中文 {x}", "English {x}")`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::lang::Lang::Zh => format!($zh $(, $arg)*),
            $crate::lang::Lang::En => format!($en $(, $arg)*),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_is_set_apart_from_chinese() {
        assert_eq!(format!("应为{}", spaced("`in`")), "应为 `in`");
        assert_eq!(
            format!("应为{}", spaced("0 到 9 的整数")),
            "应为 0 到 9 的整数"
        );
        assert_eq!(format!("应为{}", spaced("整数")), "应为整数");
    }

    #[test]
    fn alternatives_join_with_or() {
        let items = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(zh_or(&items(&["选项", "`[`"])), "选项或 `[`");
        assert_eq!(
            zh_or(&items(&["`and`", "`or`", "条件结尾"])),
            "`and`、`or` 或条件结尾"
        );
        assert_eq!(zh_or(&items(&["`,`", "`]`"])), "`,` 或 `]`");
        assert_eq!(zh_or(&items(&["整数"])), "整数");
    }

    #[test]
    fn locales_map_to_languages() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::from_locale("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), None);
        assert_eq!(Lang::from_locale("fr_FR"), None);
    }

    #[test]
    fn codes_parse_both_ways() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        }
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn tr_picks_the_language() {
        let n = 3;
        assert_eq!(tr!(Lang::Zh, "{n} 个", "{n} items"), "3 个");
        assert_eq!(tr!(Lang::En, "{} 个", "{} items", n), "3 items");
    }
}
