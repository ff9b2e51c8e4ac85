//! The pack cache: packs that loaded cleanly in an earlier run, kept in a compact binary form,
//! so that a run on unchanged files does not parse and check the same TOML again.
//!
//! An entry is filed under a hash of everything that decides the packs: this build of fulcrum,
//! and the name and full text of every pack file in the order read. Not the language of
//! messages: a cached pack holds no words of fulcrum's own, so one entry serves both languages.
//! A changed file, a new file or a new fulcrum gives a new key, so a stale entry is never read;
//! a damaged entry fails its checksum and is ignored. Writing is best effort: a cache folder
//! that cannot be written only costs the time of parsing. `docs/performance.md` has the figures.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::Pack;
use crate::source::{FileId, SourceMap};

/// Identifies the build: the crate version and a hash of the sources it was compiled from
/// (written by `build.rs`), so that a cache written by another build is never read.
pub const BUILD_FINGERPRINT: &str =
    concat!(env!("CARGO_PKG_VERSION"), "+", env!("FULCRUM_SOURCE_HASH"));

/// Marks a cache entry, with the format's version in the last byte.
const MAGIC: &[u8; 8] = b"FULCRUM\x01";
/// Bytes before the packs: magic, key, payload length, payload checksum.
const HEADER_LEN: usize = 8 + 16 + 8 + 8;
/// Entries kept; older ones are removed when a new one is written.
pub const MAX_ENTRIES: usize = 16;
/// Bytes the entries may take together (a 100,000-rule pack's entry is about 25 MB); older
/// entries are removed when a new one would pass it, and a pack whose entry alone would take
/// more than half of it is not cached.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// How old an entry's time stamp may get before a read marks it as recently used again.
const TOUCH_AFTER: Duration = Duration::from_secs(3600);

/// A folder of cache entries.
#[derive(Debug, Clone)]
pub struct PackCache {
    dir: PathBuf,
    max_bytes: u64,
}

/// The name of a cache entry: a 128-bit hash of what the packs were built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheKey(u128);

/// Gathers what a [`CacheKey`] covers.
pub struct KeyBuilder {
    hasher: Xxh3,
}

impl CacheKey {
    /// Starts a key for this build of fulcrum.
    pub fn builder() -> KeyBuilder {
        let mut builder = KeyBuilder {
            hasher: Xxh3::new(),
        };
        builder.add(BUILD_FINGERPRINT);
        builder
    }
}

impl KeyBuilder {
    /// Adds a string (length first, so that "ab"+"c" and "a"+"bc" differ).
    pub fn add(&mut self, part: &str) {
        self.hasher.update(&(part.len() as u64).to_le_bytes());
        self.hasher.update(part.as_bytes());
    }

    /// Adds the name and the text of each file.
    pub fn add_files(&mut self, sources: &SourceMap, files: &[FileId]) {
        self.hasher.update(&(files.len() as u64).to_le_bytes());
        for &file in files {
            let file = sources.get(file);
            self.add(&file.name);
            self.add(&file.text);
        }
    }

    /// The key.
    pub fn finish(&self) -> CacheKey {
        CacheKey(self.hasher.digest128())
    }
}

impl PackCache {
    /// The cache in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        PackCache {
            dir: dir.into(),
            max_bytes: MAX_TOTAL_BYTES,
        }
    }

    fn path(&self, key: &CacheKey) -> PathBuf {
        self.dir.join(format!("{:032x}.bin", key.0))
    }

    /// The packs stored under `key`, if there is a sound entry.
    pub fn get(&self, key: &CacheKey) -> Option<Vec<Pack>> {
        let path = self.path(key);
        let mut file = fs::File::open(&path).ok()?;
        let metadata = file.metadata().ok()?;
        // No sound entry is larger than half the budget (`put` writes none): a larger one is
        // damaged, and its claimed size must not be allocated (a sparse file may claim 1 TB).
        let limit = self.max_bytes / 2;
        if metadata.len() > limit {
            return None;
        }
        let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).ok()?);
        file.by_ref().take(limit + 1).read_to_end(&mut bytes).ok()?;
        if bytes.len() as u64 > limit {
            return None;
        }
        let payload = check_entry(&bytes, key)?;
        let mut packs: Vec<Pack> = postcard::from_bytes(payload).ok()?;
        for pack in &mut packs {
            pack.restore_names();
        }
        // Recently used entries are the last to be removed; marking them once an hour is
        // precise enough and spares most runs two system calls.
        let age = metadata.modified().ok().and_then(|t| t.elapsed().ok());
        if age.is_none_or(|age| age > TOUCH_AFTER)
            && let Ok(file) = fs::File::options().write(true).open(&path)
        {
            let _ = file.set_modified(SystemTime::now());
        }
        Some(packs)
    }

    /// Stores packs under `key`, replacing any entry atomically (without waiting for the disk:
    /// a torn entry fails its checksum), and removes the oldest entries beyond [`MAX_ENTRIES`]
    /// or [`MAX_TOTAL_BYTES`]. Failures are ignored: the cache only saves time.
    pub fn put(&self, key: &CacheKey, packs: &[Pack]) {
        let Ok(payload) = postcard::to_stdvec(packs) else {
            return;
        };
        let size = (HEADER_LEN + payload.len()) as u64;
        if size > self.max_bytes / 2 {
            return;
        }
        let mut bytes = Vec::with_capacity(HEADER_LEN + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&key.0.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        let path = self.path(key);
        if fs::create_dir_all(&self.dir).is_ok()
            && crate::output::replace_unsynced(&path, &bytes).is_ok()
        {
            self.prune(&path);
        }
    }

    /// Removes the least recently used entries, oldest first, until at most [`MAX_ENTRIES`]
    /// are left and they fit in the size budget; `keep`, the entry just written, stays.
    fn prune(&self, keep: &Path) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let mut found: Vec<(SystemTime, u64, PathBuf)> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "bin"))
            .filter_map(|p| {
                let metadata = fs::metadata(&p).ok()?;
                Some((metadata.modified().ok()?, metadata.len(), p))
            })
            .collect();
        found.sort();
        let mut count = found.len();
        let mut total: u64 = found.iter().map(|(_, len, _)| len).sum();
        for (_, len, path) in &found {
            if count <= MAX_ENTRIES && total <= self.max_bytes {
                break;
            }
            if path != keep && fs::remove_file(path).is_ok() {
                count -= 1;
                total -= len;
            }
        }
    }
}

/// The payload of an entry, if its header is ours, names `key` and its checksum holds.
fn check_entry<'a>(bytes: &'a [u8], key: &CacheKey) -> Option<&'a [u8]> {
    let (header, payload) = bytes.split_at_checked(HEADER_LEN)?;
    let (magic, rest) = header.split_at(8);
    let (stored_key, rest) = rest.split_at(16);
    let (length, checksum) = rest.split_at(8);
    let sound = magic == MAGIC
        && u128::from_le_bytes(stored_key.try_into().ok()?) == key.0
        && u64::from_le_bytes(length.try_into().ok()?) == payload.len() as u64
        && u64::from_le_bytes(checksum.try_into().ok()?) == xxh3_64(payload);
    sound.then_some(payload)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::pack::load::load;

    fn builtin_packs() -> Vec<Pack> {
        let catalog = load(&[], Lang::En);
        assert!(catalog.diagnostics.is_empty());
        catalog.packs
    }

    fn key(text: &str) -> CacheKey {
        let mut builder = CacheKey::builder();
        builder.add(text);
        builder.finish()
    }

    #[test]
    fn stored_packs_come_back_equal() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = PackCache::at(dir.path());
        let packs = builtin_packs();
        cache.put(&key("a"), &packs);
        let back = cache.get(&key("a")).expect("entry is read");
        let bytes = |packs: &[Pack]| postcard::to_stdvec(packs).expect("serializes");
        assert_eq!(bytes(&back), bytes(&packs));
        for (old, new) in packs.iter().zip(&back) {
            assert!(new.tests.is_empty());
            let ids = old.questions.iter().map(|q| &q.id);
            for id in ids.chain(old.derived.iter().map(|d| &d.id)) {
                assert_eq!(new.var(id), old.var(id), "{id}");
            }
        }
        assert!(cache.get(&key("b")).is_none());
    }

    #[test]
    fn keys_change_with_any_part() {
        let mut ab = CacheKey::builder();
        ab.add("ab");
        ab.add("c");
        let mut a = CacheKey::builder();
        a.add("a");
        a.add("bc");
        assert_ne!(ab.finish(), a.finish());
        assert_eq!(key("x"), key("x"));
    }

    #[test]
    fn damaged_entries_are_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = PackCache::at(dir.path());
        cache.put(&key("a"), &builtin_packs());
        let path = cache.path(&key("a"));
        let mut bytes = fs::read(&path).expect("entry written");
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        fs::write(&path, &bytes).expect("rewritten");
        assert!(cache.get(&key("a")).is_none());
        fs::write(&path, &bytes[..HEADER_LEN - 1]).expect("rewritten");
        assert!(cache.get(&key("a")).is_none());
    }

    #[test]
    fn a_huge_entry_is_damaged_and_not_allocated() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = PackCache::at(dir.path());
        cache.put(&key("a"), &builtin_packs());
        // A sparse terabyte: allocating its size would abort the process.
        let file = fs::File::options()
            .write(true)
            .open(cache.path(&key("a")))
            .expect("entry written");
        file.set_len(1 << 40).expect("sparse file");
        assert!(cache.get(&key("a")).is_none());
    }

    #[test]
    fn only_the_newest_entries_are_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = PackCache::at(dir.path());
        let packs = builtin_packs();
        for i in 0..MAX_ENTRIES + 3 {
            cache.put(&key(&i.to_string()), &packs);
        }
        let kept = fs::read_dir(dir.path()).expect("folder").count();
        assert_eq!(kept, MAX_ENTRIES);
    }

    #[test]
    fn entries_are_removed_to_stay_within_the_size_budget() {
        let dir = tempfile::tempdir().expect("temp dir");
        let packs = builtin_packs();
        let entry_size = (HEADER_LEN + postcard::to_stdvec(&packs).expect("ok").len()) as u64;
        let mut cache = PackCache::at(dir.path());
        cache.max_bytes = entry_size * 3;
        for i in 0..5 {
            cache.put(&key(&i.to_string()), &packs);
            // Distinct time stamps even on coarse file systems.
            let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000 + i);
            let file = fs::File::options()
                .write(true)
                .open(cache.path(&key(&i.to_string())));
            file.expect("entry written")
                .set_modified(when)
                .expect("time set");
        }
        let kept: Vec<bool> = (0..5)
            .map(|i| cache.path(&key(&i.to_string())).exists())
            .collect();
        assert_eq!(kept, [false, false, true, true, true]);
    }

    #[test]
    fn an_entry_larger_than_half_the_budget_is_not_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cache = PackCache::at(dir.path());
        cache.max_bytes = 1024;
        cache.put(&key("a"), &builtin_packs());
        assert!(cache.get(&key("a")).is_none());
        assert_eq!(
            fs::read_dir(dir.path()).map(Iterator::count).unwrap_or(0),
            0
        );
    }

    #[test]
    fn an_unwritable_folder_is_not_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("file");
        fs::write(&blocker, "not a folder").expect("written");
        let cache = PackCache::at(blocker.join("packs"));
        cache.put(&key("a"), &builtin_packs());
        assert!(cache.get(&key("a")).is_none());
    }
}
