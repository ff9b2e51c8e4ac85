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
}
