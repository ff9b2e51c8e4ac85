//! Files read by fulcrum (packs, answers) kept in memory so messages can quote them.

use std::ops::{Deref, Range};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Identifies a file in a [`SourceMap`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct FileId(pub u32);

/// A file's text: embedded in the binary (the built-in packs), or read at run time and shared.
/// Cloning never copies the text.
#[derive(Debug, Clone)]
pub enum SourceText {
    /// Compiled into the binary.
    Embedded(&'static str),
    /// Read from disk.
    Read(Arc<str>),
}

impl Deref for SourceText {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            SourceText::Embedded(text) => text,
            SourceText::Read(text) => text,
        }
    }
}

impl From<&'static str> for SourceText {
    fn from(text: &'static str) -> Self {
        SourceText::Embedded(text)
    }
}

impl From<Arc<str>> for SourceText {
    fn from(text: Arc<str>) -> Self {
        SourceText::Read(text)
    }
}

impl From<String> for SourceText {
    fn from(text: String) -> Self {
        SourceText::Read(Arc::from(text))
    }
}

/// One file's name and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// How messages name the file (a path, or `<built-in>/…` for embedded packs).
    pub name: String,
    /// The path on disk, if the file came from disk.
    pub path: Option<PathBuf>,
    /// The whole text.
    pub text: SourceText,
    /// Byte offsets where lines start, worked out the first time a location is described.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    fn new(name: String, path: Option<PathBuf>, text: SourceText) -> Self {
        SourceFile {
            name,
            path,
            text,
            line_starts: OnceLock::new(),
        }
    }

    /// Byte offsets where lines start, computed once.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// The 0-based line holding a byte offset (clamped to the text).
    fn line_of(&self, offset: usize) -> usize {
        match self
            .line_starts()
            .binary_search(&offset.min(self.text.len()))
        {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The whole lines a byte range touches, as a byte range of the text, and the 1-based
    /// number of the first: what a message quotes, so that quoting costs the lines shown and
    /// not the whole file.
    pub fn lines_of(&self, span: Range<usize>) -> (Range<usize>, usize) {
        let first = self.line_of(span.start);
        let last = self.line_of(span.end.saturating_sub(1).max(span.start));
        let starts = self.line_starts();
        let start = starts[first];
        let end = starts.get(last + 1).copied().unwrap_or(self.text.len());
        (start..end.max(start), first + 1)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_of(offset);
        let start = self.line_starts()[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

/// A location in a file: what messages point at.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Loc {
    /// The file.
    pub file: FileId,
    /// Byte range inside the file.
    pub span: Range<usize>,
}

impl Loc {
    /// A location.
    pub fn new(file: FileId, span: Range<usize>) -> Self {
        Loc { file, span }
    }
}

/// Every file read during a run.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(
        &mut self,
        name: impl Into<String>,
        path: Option<&Path>,
        text: impl Into<SourceText>,
    ) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile::new(
            name.into(),
            path.map(Path::to_path_buf),
            text.into(),
        ));
        id
    }

    /// The file behind an id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// `file:line:col` for a location.
    pub fn describe(&self, loc: &Loc) -> String {
        let file = self.get(loc.file);
        let (line, col) = file.line_col(loc.span.start);
        format!("{}:{line}:{col}", file.name)
    }
}

/// Where the content of a TOML string value sits in its file, so that a column inside the
/// string (a condition, a template) can be mapped back to the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StringOrigin {
    /// The file.
    pub file: FileId,
    /// The span of the whole TOML value, quotes included.
    pub value_span: Range<usize>,
    /// Byte offset of the first content byte, when content bytes map one to one to the file.
    content_start: Option<usize>,
}

impl StringOrigin {
    /// Works out where the content starts from the raw TOML token.
    pub fn new(file: FileId, source: &str, value_span: Range<usize>) -> Self {
        let raw = source.get(value_span.clone()).unwrap_or("");
        let content_start = if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
            let skip = if raw[3..].starts_with("\r\n") {
                5
            } else if raw[3..].starts_with('\n') {
                4
            } else {
                3
            };
            (raw.starts_with("'''") || !raw.contains('\\')).then_some(value_span.start + skip)
        } else if raw.starts_with('\'') || (raw.starts_with('"') && !raw.contains('\\')) {
            Some(value_span.start + 1)
        } else {
            None
        };
        StringOrigin {
            file,
            value_span,
            content_start,
        }
    }

    /// The file location of a byte range inside the string's content; the whole value when
    /// escapes make an exact mapping impossible.
    pub fn locate(&self, inner: Range<usize>) -> Loc {
        match self.content_start {
            Some(start) => Loc::new(self.file, start + inner.start..start + inner.end),
            None => Loc::new(self.file, self.value_span.clone()),
        }
    }

    /// The location of the whole value.
    pub fn whole(&self) -> Loc {
        Loc::new(self.file, self.value_span.clone())
    }
}

/// What a folder entry named `*.toml` is when it is not a file that can be read: such entries
/// are reported, never skipped in silence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    /// A symbolic link to nothing.
    DanglingLink,
    /// A symbolic link that leads back to itself.
    LinkLoop,
    /// A symbolic link that cannot be followed for another reason (permissions…).
    BrokenLink,
    /// A named pipe: reading it would wait for a writer.
    Fifo,
    /// A Unix socket.
    Socket,
    /// A device node.
    Device,
}

impl NotAFile {
    /// What the entry is, worded for a message: "a symbolic link to nothing".
    pub fn describe(self, lang: crate::lang::Lang) -> String {
        match self {
            NotAFile::DanglingLink => crate::tr!(
                lang,
                "指向不存在文件的符号链接",
                "a symbolic link to nothing"
            ),
            NotAFile::LinkLoop => crate::tr!(
                lang,
                "循环的符号链接",
                "a symbolic link that loops back on itself"
            ),
            NotAFile::BrokenLink => crate::tr!(
                lang,
                "无法跟随的符号链接",
                "a symbolic link that cannot be followed"
            ),
            NotAFile::Fifo => crate::tr!(lang, "命名管道（FIFO）", "a named pipe (FIFO)"),
            NotAFile::Socket => crate::tr!(lang, "套接字", "a socket"),
            NotAFile::Device => crate::tr!(lang, "设备文件", "a device node"),
        }
    }

    /// What `path` is when it is neither a file that can be read nor a folder.
    pub fn of(path: &Path) -> Option<NotAFile> {
        let link = std::fs::symlink_metadata(path).ok()?;
        let target = match std::fs::metadata(path) {
            Ok(meta) => meta,
            // Gone between the two calls.
            Err(_) if !link.file_type().is_symlink() => return None,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Some(NotAFile::DanglingLink);
            }
            // `ErrorKind::FilesystemLoop` (ELOOP) cannot be named on stable Rust yet.
            Err(e) if format!("{:?}", e.kind()) == "FilesystemLoop" => {
                return Some(NotAFile::LinkLoop);
            }
            Err(_) => return Some(NotAFile::BrokenLink),
        };
        let kind = target.file_type();
        if kind.is_file() || kind.is_dir() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(NotAFile::Fifo);
            }
            if kind.is_socket() {
                return Some(NotAFile::Socket);
            }
        }
        Some(NotAFile::Device)
    }
}

/// The `*.toml` entries of a folder, sorted by name. Folders are left out.
#[derive(Debug, Default)]
pub struct TomlEntries {
    /// The files (links to files included).
    pub files: Vec<PathBuf>,
    /// The entries that are not files that can be read, with what they are.
    pub not_files: Vec<(PathBuf, NotAFile)>,
}

/// The `*.toml` entries of the folder `dir`.
pub fn toml_entries(dir: &Path) -> std::io::Result<TomlEntries> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut entries = TomlEntries::default();
    for path in paths {
        if path.is_file() {
            entries.files.push(path);
        } else if let Some(what) = NotAFile::of(&path) {
            entries.not_files.push((path, what));
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let mut map = SourceMap::new();
        let id = map.add("a.toml", None, Arc::from("a = 1\n名 = \"x\"\n"));
        let file = map.get(id);
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(6), (2, 1));
        // the quote after "名 = ": 名 is 3 bytes but one column
        assert_eq!(file.line_col(6 + 3 + 3), (2, 5));
        assert_eq!(map.describe(&Loc::new(id, 6..7)), "a.toml:2:1");
    }

    #[test]
    fn lines_of_a_span_are_whole_lines() {
        let mut map = SourceMap::new();
        let id = map.add("a.toml", None, Arc::from("a = 1\nb = 2\nc = 3"));
        let file = map.get(id);
        assert_eq!(file.lines_of(6..7), (6..12, 2));
        assert_eq!(file.lines_of(2..8), (0..12, 1));
        assert_eq!(file.lines_of(0..6), (0..6, 1));
        assert_eq!(file.lines_of(13..17), (12..17, 3));
        assert_eq!(file.lines_of(17..17), (12..17, 3));
    }

    #[test]
    fn string_origin_maps_inner_offsets() {
        let src = r#"when = "a and b""#;
        let origin = StringOrigin::new(FileId(0), src, 7..16);
        assert_eq!(origin.locate(6..7).span, 14..15);
        let literal = "when = 'x'";
        assert_eq!(
            StringOrigin::new(FileId(0), literal, 7..10)
                .locate(0..1)
                .span,
            8..9
        );
        let escaped = r#"when = "a \"b\"""#;
        let origin = StringOrigin::new(FileId(0), escaped, 7..escaped.len());
        assert_eq!(origin.locate(3..4).span, 7..escaped.len());
        let multi = "when = \"\"\"\nab\"\"\"";
        assert_eq!(
            StringOrigin::new(FileId(0), multi, 7..multi.len())
                .locate(1..2)
                .span,
            12..13
        );
    }

    #[cfg(unix)]
    #[test]
    fn entries_that_are_not_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("b.toml"), "").unwrap();
        std::fs::write(d.join("notes.txt"), "").unwrap();
        std::fs::create_dir(d.join("folder.toml")).unwrap();
        std::os::unix::fs::symlink(d.join("b.toml"), d.join("a.toml")).unwrap();
        std::os::unix::fs::symlink(d.join("gone"), d.join("c.toml")).unwrap();
        std::os::unix::fs::symlink(d.join("d.toml"), d.join("d.toml")).unwrap();
        let fifo = std::process::Command::new("mkfifo")
            .arg(d.join("e.toml"))
            .status()
            .unwrap();
        assert!(fifo.success());
        let TomlEntries { files, not_files } = toml_entries(d).unwrap();
        assert_eq!(files, [d.join("a.toml"), d.join("b.toml")]);
        assert_eq!(
            not_files,
            [
                (d.join("c.toml"), NotAFile::DanglingLink),
                (d.join("d.toml"), NotAFile::LinkLoop),
                (d.join("e.toml"), NotAFile::Fifo),
            ]
        );
    }
}
