//! Texts written in several languages, as trainers write them in packs.

use std::collections::BTreeMap;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::lang::Lang;

/// A text in one or more languages. In TOML either a table `{ zh = "…", en = "…" }` or a plain
/// string, which then serves every language. Compact binary formats (the pack cache) store the
/// variant as well, since they cannot tell a string from a table by looking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalText {
    /// The same text in every language (names, for instance).
    Same(String),
    /// One text per language code.
    ByLang(BTreeMap<String, String>),
}

impl LocalText {
    /// What a text is, as serde says when something else is written (and as the Chinese
    /// wording of TOML errors recognises it).
    pub const EXPECTING: &'static str =
        "a text: a string, or a table such as { zh = \"…\", en = \"…\" }";

    /// The text in `lang` if written, else in the other language, else empty.
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(lang)
            .or_else(|| self.exact(lang.other()))
            .unwrap_or("")
    }

    /// The text in exactly `lang`, if written.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        match self {
            LocalText::Same(s) => Some(s),
            LocalText::ByLang(map) => map.get(lang.code()).map(String::as_str),
        }
    }

    /// Each (language code, text) pair as written.
    pub fn entries(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            LocalText::Same(s) => vec![(None, s.as_str())],
            LocalText::ByLang(map) => map
                .iter()
                .map(|(k, v)| (Some(k.as_str()), v.as_str()))
                .collect(),
        }
    }

    /// A text with the same words in every language.
    pub fn same(text: impl Into<String>) -> Self {
        LocalText::Same(text.into())
    }
}

/// How compact binary formats store a [`LocalText`]: with its variant.
#[derive(Serialize, Deserialize)]
enum Tagged<S, M> {
    Same(S),
    ByLang(M),
}

impl Serialize for LocalText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self, serializer.is_human_readable()) {
            (LocalText::Same(text), true) => text.serialize(serializer),
            (LocalText::ByLang(map), true) => map.serialize(serializer),
            (LocalText::Same(text), false) => {
                Tagged::<&String, &BTreeMap<String, String>>::Same(text).serialize(serializer)
            }
            (LocalText::ByLang(map), false) => {
                Tagged::<&String, &BTreeMap<String, String>>::ByLang(map).serialize(serializer)
            }
        }
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        if !deserializer.is_human_readable() {
            return Ok(
                match Tagged::<String, BTreeMap<String, String>>::deserialize(deserializer)? {
                    Tagged::Same(text) => LocalText::Same(text),
                    Tagged::ByLang(map) => LocalText::ByLang(map),
                },
            );
        }

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = LocalText;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(LocalText::EXPECTING)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<LocalText, E> {
                Ok(LocalText::Same(v.to_string()))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LocalText, A::Error> {
                let mut texts = BTreeMap::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    texts.insert(lang, text);
                }
                Ok(LocalText::ByLang(texts))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_other_language() {
        let mut map = BTreeMap::new();
        map.insert("en".to_string(), "hello".to_string());
        let text = LocalText::ByLang(map);
        assert_eq!(text.get(Lang::En), "hello");
        assert_eq!(text.get(Lang::Zh), "hello");
        assert_eq!(text.exact(Lang::Zh), None);
    }

    #[test]
    fn compact_formats_keep_the_variant() {
        let mut map = BTreeMap::new();
        map.insert("zh".to_string(), "你好".to_string());
        for text in [LocalText::same("洪桢文"), LocalText::ByLang(map)] {
            let bytes = postcard::to_stdvec(&text).expect("serializes");
            let back: LocalText = postcard::from_bytes(&bytes).expect("deserializes");
            assert_eq!(back, text);
            let json = serde_json::to_string(&text).expect("serializes");
            assert!(!json.contains("Same") && !json.contains("ByLang"), "{json}");
        }
    }

    #[test]
    fn plain_strings_serve_every_language() {
        let text = LocalText::same("洪桢文");
        assert_eq!(text.exact(Lang::En), Some("洪桢文"));
    }
}
