//! Making text from packs and answers files safe to print on a terminal.

/// Replaces control characters and escape sequences with visible stand-ins, keeping newlines
/// and tabs, so a hostile pack cannot move the cursor, change colours or set the title.
pub fn sanitize(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_string();
    }
    text.chars()
        .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// Control characters other than newline and tab, and the bidirectional overrides.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Writes the characters [`is_unsafe`] finds as `\uXXXX` escapes in a JSON text: the same
/// JSON value, safe on a terminal. serde_json escapes most control characters itself but not
/// the bidirectional overrides, DEL or the C1 controls. Outside strings JSON holds only ASCII,
/// so every such character is inside a string. Every JSON output goes through this.
pub fn escape_json(json: &str) -> String {
    if !json.chars().any(is_unsafe) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            // A char above U+FFFF is never unsafe, so four digits are enough.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_neutralised() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(sanitize("line\nnext\tcol"), "line\nnext\tcol");
        assert_eq!(sanitize("中文"), "中文");
        assert!(is_unsafe('\u{7}'));
        assert!(is_unsafe('\u{202E}'));
    }

    #[test]
    fn json_escapes_mean_the_same_value() {
        let json = serde_json::to_string(&"a\u{202e}b\u{1b}c\u{9b}d\u{85}").unwrap();
        let escaped = escape_json(&json);
        assert_eq!(escaped, "\"a\\u202eb\\u001bc\\u009bd\\u0085\"");
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{202e}b\u{1b}c\u{9b}d\u{85}");
    }
}
