//! Ids and localized texts: every id unique per kind and free of control characters, every
//! text in the pack's languages.

use super::Builder;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::lang::Lang;
use crate::pack::raw::{Str, Text};
use crate::source::FileId;
use crate::text::LocalText;
use crate::tr;

impl Builder<'_> {
    /// Reports an id, version or concept that holds a control character or escape sequence:
    /// they are printed in plans, lists and messages.
    pub(super) fn plain(&mut self, file: FileId, value: &Str) {
        let lang = self.lang;
        if let Some(bad) = value
            .get_ref()
            .chars()
            .find(|c| crate::terminal::is_unsafe(*c))
        {
            self.error(
                "P011",
                self.loc(file, value.span()),
                tr!(
                    lang,
                    "含有控制字符 U+{:04X}",
                    "contains the control character U+{:04X}",
                    bad as u32
                ),
                tr!(
                    lang,
                    "不能包含控制字符或终端转义序列",
                    "control characters and terminal escape sequences are not allowed"
                ),
            );
        }
    }

    /// Records an id; reports a duplicate when it was seen before.
    pub(super) fn unique(&mut self, kind: &'static str, file: FileId, id: &Str) -> bool {
        let loc = self.loc(file, id.span());
        let lang = self.lang;
        self.plain(file, id);
        if id.get_ref().trim().is_empty() {
            self.error(
                "P018",
                loc,
                tr!(lang, "{kind} 的 id 为空", "empty {kind} id"),
                tr!(lang, "需要 id", "an id is needed"),
            );
            return false;
        }
        match self.ids.get(&(kind, id.get_ref().clone())) {
            Some(first) => {
                let first = self.sources.describe(first);
                self.error(
                    "P002",
                    loc,
                    tr!(
                        lang,
                        "重复的 {kind} id `{}`",
                        "duplicate {kind} id `{}`",
                        id.get_ref()
                    ),
                    tr!(lang, "已在 {first} 定义", "already defined at {first}"),
                )
                .help
                .push(tr!(
                    lang,
                    "同一规则包的所有文件中，id 必须唯一",
                    "ids must be unique across all files of a pack"
                ));
                false
            }
            None => {
                self.ids.insert((kind, id.get_ref().clone()), loc);
                true
            }
        }
    }

    /// Checks a localized text: known languages only, every pack language present, no control
    /// characters.
    pub(super) fn text(&mut self, file: FileId, text: &Text) -> LocalText {
        if let LocalText::Same(words) = text.get_ref()
            && self.languages.len() > 1
            && has_words(words)
        {
            self.single_language.push(self.loc(file, text.span()));
        }
        self.name(file, text)
    }

    /// Checks a name (a speaker's, a source's): like [`Self::text`], but a plain string is
    /// expected, since a name is the same in every language.
    pub(super) fn name(&mut self, file: FileId, text: &Text) -> LocalText {
        let lang = self.lang;
        let loc = self.loc(file, text.span());
        for (code, content) in text.get_ref().entries() {
            if let Some(code) = code
                && (code.parse::<Lang>().is_err() || code.len() != 2)
            {
                let hint = did_you_mean(code, ["zh", "en"])
                    .map(|s| tr!(lang, "是不是 `{s}`？", "did you mean `{s}`?"))
                    .unwrap_or_default();
                self.error(
                    "P017",
                    loc.clone(),
                    tr!(lang, "未知的语言 `{code}`", "unknown language `{code}`"),
                    tr!(lang, "只支持 zh 和 en", "only `zh` and `en` are supported"),
                )
                .help
                .push(hint);
                continue;
            }
            if let Some(bad) = content.chars().find(|c| crate::terminal::is_unsafe(*c)) {
                self.error(
                    "P011",
                    loc.clone(),
                    tr!(
                        lang,
                        "文字中含有控制字符 U+{:04X}",
                        "text contains the control character U+{:04X}",
                        bad as u32
                    ),
                    tr!(
                        lang,
                        "不能包含控制字符或终端转义序列",
                        "control characters and terminal escape sequences are not allowed"
                    ),
                );
            }
        }
        if let LocalText::ByLang(map) = text.get_ref() {
            let missing: Vec<&str> = self
                .languages
                .iter()
                .filter(|l| !map.contains_key(l.code()))
                .map(|l| l.code())
                .collect();
            if !missing.is_empty() {
                let missing = missing.join(", ");
                self.diags.push(
                    Diagnostic::warning(
                        "P004",
                        tr!(
                            lang,
                            "文字缺少语言：{missing}",
                            "text missing in: {missing}"
                        ),
                    )
                    .at(
                        loc,
                        tr!(
                            lang,
                            "将使用另一种语言代替",
                            "the other language will be shown instead"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "补上 `{missing} = \"…\"`",
                        "add `{missing} = \"…\"`"
                    )),
                );
            }
        }
        text.get_ref().clone()
    }

    pub(super) fn opt_text(&mut self, file: FileId, text: &Option<Text>) -> Option<LocalText> {
        text.as_ref().map(|t| self.text(file, t))
    }
}

/// Whether a text has words to translate: letters outside `{placeholders}`.
fn has_words(text: &str) -> bool {
    let mut depth = 0usize;
    text.chars().any(|c| {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => return depth == 0 && c.is_alphabetic(),
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::has_words;

    #[test]
    fn words_are_letters_outside_placeholders() {
        assert!(has_words("支柱三"));
        assert!(has_words("Do {size} now"));
        assert!(!has_words("{size}"));
        assert!(!has_words("— 3 —"));
    }
}
