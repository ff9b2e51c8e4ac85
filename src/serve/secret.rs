//! Participant ids and the facilitator's token: 128 random bits each, written as 32 hex
//! digits, and compared in constant time.

use std::fmt;

/// A secret id or token.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// A new secret from the operating system's random source.
pub fn new() -> std::io::Result<Secret> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(Secret(bytes.iter().map(|b| format!("{b:02x}")).collect()))
}

impl Secret {
    /// A secret written earlier (in a draft), if it is 32 lowercase hex digits.
    pub fn parse(text: &str) -> Option<Secret> {
        (text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| Secret(text.to_string()))
    }

    /// The secret as written in addresses.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name of files kept for it (it is only hex digits).
    pub fn file_stem(&self) -> &str {
        &self.0
    }

    /// The key it is filed under: a hash, so that finding it takes no time that depends on
    /// how much of a guess is right.
    pub fn key(&self) -> u64 {
        Self::key_of(&self.0)
    }

    /// The key of any text given as a secret.
    pub fn key_of(text: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(text.as_bytes())
    }

    /// Whether `given` is this secret, compared in constant time.
    pub fn matches(&self, given: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), given.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_compared_whole() {
        let a = new().unwrap();
        let b = new().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 32);
        assert!(a.matches(a.as_str()));
        assert!(!a.matches(b.as_str()));
        assert!(!a.matches(&a.as_str()[..31]));
        assert!(!a.matches(""));
        assert_eq!(Secret::parse(a.as_str()), Some(a.clone()));
        assert_eq!(Secret::parse("../etc/passwd"), None);
        assert_eq!(Secret::parse(&"A".repeat(32)), None);
    }
}
