//! Ids and localized texts: every id unique per kind and free of control characters, every
//! text in the pack's languages.

use super::{Builder, PackProblem};
use crate::lang::Lang;
use crate::pack::raw::{Str, Text};
use crate::source::FileId;
use crate::text::LocalText;

impl Builder<'_> {
    /// Reports an id, version or concept that holds a control character or escape sequence:
    /// they are printed in plans, lists and messages.
    pub(super) fn plain(&mut self, file: FileId, value: &Str) {
        if let Some(bad) = value
            .get_ref()
            .chars()
            .find(|c| crate::terminal::is_unsafe(*c))
        {
            self.report(
                PackProblem::ControlCharacter { code: bad as u32 },
                self.loc(file, value.span()),
            );
        }
    }

    /// Records an id; reports a duplicate when it was seen before.
    pub(super) fn unique(&mut self, kind: &'static str, file: FileId, id: &Str) -> bool {
        let loc = self.loc(file, id.span());
        self.plain(file, id);
        if id.get_ref().trim().is_empty() {
            self.report(PackProblem::EmptyId { kind }, loc);
            return false;
        }
        match self.ids.get(&(kind, id.get_ref().clone())) {
            Some(first) => {
                let first = self.sources.describe(first);
                self.report(
                    PackProblem::DuplicateId {
                        kind,
                        id: id.get_ref().clone(),
                        first,
                    },
                    loc,
                );
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
        let loc = self.loc(file, text.span());
        for (code, content) in text.get_ref().entries() {
            if let Some(code) = code
                && (code.parse::<Lang>().is_err() || code.len() != 2)
            {
                self.report(
                    PackProblem::UnknownLanguage {
                        code: code.to_string(),
                    },
                    loc.clone(),
                );
                continue;
            }
            if let Some(bad) = content.chars().find(|c| crate::terminal::is_unsafe(*c)) {
                self.report(
                    PackProblem::ControlCharacterInText { code: bad as u32 },
                    loc.clone(),
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
                self.report(PackProblem::MissingLanguages { missing }, loc);
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
