//! Finding and reading pack files: the built-in packs, `--rules` paths, `FULCRUM_RULES` and the
//! user's rules folder; grouping files into packs; building each pack. Parsing files is in
//! `load/parse.rs`, wording why a file is not read as a pack in `load/diagnose.rs`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::build::{PackFiles, build};
use super::builtin;
use super::cache::{CacheKey, PackCache};
use super::raw::RawFile;
use super::{Pack, Place};
use crate::diagnostic::{Diagnostic, Diagnostics, Problem};
use crate::lang::Lang;
use crate::source::{FileId, Loc, SourceMap, SourceText};

mod diagnose;
mod parse;
pub(crate) mod problem;

pub use diagnose::toml_error;
use diagnose::{claimed_pack, is_answers_file, not_a_file};
use parse::{accept, parse, parse_all};
pub use problem::LoadProblem;

/// The most `.toml` files read from one folder.
pub const MAX_FILES_PER_FOLDER: usize = 256;
/// The largest pack or answers file read, in bytes.
pub const MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;
/// The most bytes of pack files read in one run, all rules paths together (so every pack is
/// smaller): a 100,000-rule pack is about 36 MB.
pub const MAX_RULES_SIZE: u64 = 64 * 1024 * 1024;

/// What is left of [`MAX_RULES_SIZE`] while pack files are read.
struct ReadBudget {
    left: u64,
    /// Whether a file was refused already (it is reported once; later files are skipped).
    exceeded: bool,
}

impl ReadBudget {
    /// Takes `text`'s size from the budget, or says it does not fit (with an error the first
    /// time).
    fn take(&mut self, text: &str, path: &Path, lang: Lang) -> Result<(), Option<Diagnostic>> {
        let size = text.len() as u64;
        if !self.exceeded && size <= self.left {
            self.left -= size;
            return Ok(());
        }
        if std::mem::replace(&mut self.exceeded, true) {
            return Err(None);
        }
        Err(Some(
            LoadProblem::TooMuchRules {
                path: path.display().to_string(),
            }
            .unplaced(lang),
        ))
    }
}

/// Every pack available to a run, with the files read and what was wrong with them.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Every file read.
    pub sources: SourceMap,
    /// Packs that loaded without errors.
    pub packs: Vec<Pack>,
    /// Problems found while loading (errors make the pack unavailable).
    pub diagnostics: Diagnostics,
}

impl Catalog {
    /// The pack with this id.
    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }
}

/// The `--rules` path another run needs to load `pack` again: its file when it has one, the
/// folder of its files when it has several; `None` for a built-in pack and for a pack in the
/// user's rules folder `user_rules` (both are loaded without `--rules`).
pub fn rules_path_of(
    pack: &Pack,
    sources: &SourceMap,
    user_rules: Option<&Path>,
) -> Option<PathBuf> {
    let paths: Vec<&Path> = pack
        .origin
        .files
        .iter()
        .map(|&f| sources.get(f).path.as_deref())
        .collect::<Option<_>>()?;
    let path = match paths.as_slice() {
        [] => return None,
        [one] => one.to_path_buf(),
        [first, rest @ ..] => {
            let folder = first.parent()?;
            if rest.iter().any(|p| p.parent() != Some(folder)) {
                return None;
            }
            folder.to_path_buf()
        }
    };
    let path = std::path::absolute(&path).unwrap_or(path);
    let user = user_rules.and_then(|d| std::path::absolute(d).ok());
    if user.is_some_and(|dir| path.starts_with(dir)) {
        return None;
    }
    Some(path)
}

/// A file read and parsed, waiting to be grouped into a pack.
struct Parsed {
    file: FileId,
    raw: RawFile,
    /// The pack it belongs to, when the file says so itself.
    own_id: Option<String>,
    /// Whether it defines the pack (`[pack]`).
    defines: bool,
}

/// Loads the built-in packs and every pack under `paths`, reading every file from source.
pub fn load(paths: &[PathBuf], lang: Lang) -> Catalog {
    load_cached(paths, lang, None)
}

/// Loads the built-in packs and every pack under `paths`. With a cache, packs whose files are
/// unchanged since an earlier run are read from it instead of being parsed and checked again;
/// packs that loaded cleanly are written to it. The result is the same either way, except that
/// packs read from the cache carry no `[[test]]` tables.
pub fn load_cached(paths: &[PathBuf], lang: Lang, cache: Option<&PackCache>) -> Catalog {
    let mut catalog = Catalog::default();
    let mut builtin_folders: Vec<(&str, Vec<FileId>)> = Vec::new();
    for (folder, name, text) in builtin::FILES {
        let display = format!("<built-in>/{folder}/{name}");
        let file = catalog.sources.add(display, None, *text);
        match builtin_folders.iter_mut().find(|(id, _)| id == folder) {
            Some((_, files)) => files.push(file),
            None => builtin_folders.push((folder, vec![file])),
        }
    }
    let mut budget = ReadBudget {
        left: MAX_RULES_SIZE,
        exceeded: false,
    };
    let folders: Vec<InputFolder> = paths
        .iter()
        .flat_map(|path| read_path(&mut catalog, path, lang, &mut budget))
        .collect();
    // Files that could not be read are reported each time: only clean reads use the cache.
    let key = cache
        .filter(|_| catalog.diagnostics.is_empty())
        .map(|_| cache_key(&catalog.sources, &builtin_folders, &folders));
    if let (Some(cache), Some(key)) = (cache, &key)
        && let Some(packs) = cache.get(key)
    {
        catalog.packs = packs;
        return catalog;
    }

    let mut groups: Vec<(String, Vec<Parsed>, Vec<Place>)> = Vec::new();
    // Files that do not parse, by the pack they belong to: the pack is built without them,
    // and lint skips the checks their absence makes meaningless.
    let mut unparsed: Vec<(String, FileId)> = Vec::new();
    for (id, files) in builtin_folders {
        let parsed: Vec<Parsed> = files
            .into_iter()
            .filter_map(|file| parse(&mut catalog, file, lang))
            .collect();
        if !parsed.is_empty() {
            groups.push((id.to_string(), parsed, vec![Place::Builtin]));
        }
    }
    for folder in folders {
        let folder = parse_folder(&mut catalog, folder, lang);
        assign(
            &mut groups,
            &mut unparsed,
            folder,
            lang,
            &mut catalog.diagnostics,
            &catalog.sources,
        );
    }
    for (id, files, places) in groups {
        let input = PackFiles {
            unparsed: unparsed
                .iter()
                .filter(|(pack, _)| *pack == id)
                .map(|(_, file)| *file)
                .collect(),
            id,
            files: files.into_iter().map(|p| (p.file, p.raw)).collect(),
            places,
        };
        let (pack, diags) = build(input, &catalog.sources, lang);
        catalog.diagnostics.extend(diags.into_vec());
        if let Some(pack) = pack {
            catalog.packs.push(pack);
        }
    }
    if let (Some(cache), Some(key)) = (cache, key)
        && catalog.diagnostics.is_empty()
    {
        cache.put(&key, &catalog.packs);
    }
    catalog
}

/// What the cache entry of a set of files is filed under: how the files are grouped, and
/// every file's name and text. Not the language of messages: a cached pack holds no words of
/// fulcrum's own (its origin is a [`Place`]), and only packs without diagnostics are cached.
fn cache_key(
    sources: &SourceMap,
    builtin_folders: &[(&str, Vec<FileId>)],
    folders: &[InputFolder],
) -> CacheKey {
    let mut key = CacheKey::builder();
    for (id, files) in builtin_folders {
        key.add(id);
        key.add_files(sources, files);
    }
    for folder in folders {
        key.add(folder.name.as_deref().unwrap_or("\0"));
        key.add(&folder.place);
        key.add_files(sources, &folder.files);
    }
    key.finish()
}

/// Parses and builds a pack written as one text, as `load` does with each file it finds: for
/// tests, benchmarks, fuzzing and synthetic packs. The text is added to `sources`.
pub fn load_text(
    sources: &mut SourceMap,
    name: &str,
    text: &str,
    id: &str,
    lang: Lang,
) -> (Option<Pack>, Diagnostics) {
    let file = sources.add(name, None, Arc::from(text));
    match toml::from_str::<RawFile>(text) {
        Ok(raw) => {
            let input = PackFiles {
                id: id.to_string(),
                files: vec![(file, raw)],
                places: vec![Place::Path(name.to_string())],
                unparsed: Vec::new(),
            };
            build(input, sources, lang)
        }
        Err(e) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(toml_error(&e, file, text, lang));
            (None, diagnostics)
        }
    }
}

/// The files of one folder (or one file given alone) as read, before parsing.
struct InputFolder {
    /// The folder's name, the default pack id of its files.
    name: Option<String>,
    /// Where the files were read from, for `rules list`.
    place: String,
    files: Vec<FileId>,
}

/// The files of one folder (or one file given alone), parsed, with the folder's name.
struct Folder {
    name: Option<String>,
    /// Where the files were read from, for `rules list`.
    place: String,
    /// Pack files that do not parse, with the pack they say they belong to when that can be
    /// read.
    unparsed: Vec<(FileId, Option<String>)>,
    files: Vec<Parsed>,
}

/// Reads a `--rules` path: a file, or a folder and each folder inside it.
fn read_path(
    catalog: &mut Catalog,
    path: &Path,
    lang: Lang,
    budget: &mut ReadBudget,
) -> Vec<InputFolder> {
    let place = path.display().to_string();
    if path.is_file() {
        return read_text(path)
            .map_err(|p| Some(p.unplaced(lang)))
            .and_then(|text| budget.take(&text, path, lang).map(|()| text))
            .map_err(|d| catalog.diagnostics.extend(d))
            .map(|text| {
                let file = catalog
                    .sources
                    .add(place.clone(), Some(path), Arc::from(text));
                vec![InputFolder {
                    name: None,
                    place: place.clone(),
                    files: vec![file],
                }]
            })
            .unwrap_or_default();
    }
    if !path.is_dir() {
        catalog
            .diagnostics
            .push(LoadProblem::NoSuchPath { place }.unplaced(lang));
        return Vec::new();
    }
    let mut folders = vec![read_folder(catalog, path, lang, budget)];
    for sub in sorted_entries(path).into_iter().filter(|p| p.is_dir()) {
        folders.push(read_folder(catalog, &sub, lang, budget));
    }
    folders
}

fn read_folder(
    catalog: &mut Catalog,
    dir: &Path,
    lang: Lang,
    budget: &mut ReadBudget,
) -> InputFolder {
    let entries = crate::source::toml_entries(dir).unwrap_or_default();
    let mut paths = entries.files;
    for (path, what) in entries.not_files {
        catalog.diagnostics.push(not_a_file(&path, what, lang));
    }
    if paths.len() > MAX_FILES_PER_FOLDER {
        catalog.diagnostics.push(
            LoadProblem::TooManyFiles {
                folder: dir.display().to_string(),
                count: paths.len(),
            }
            .unplaced(lang),
        );
        paths.truncate(MAX_FILES_PER_FOLDER);
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in &paths {
        if budget.exceeded {
            break;
        }
        match read_text(path)
            .map_err(|p| Some(p.unplaced(lang)))
            .and_then(|text| {
                budget.take(&text, path, lang)?;
                Ok(text)
            }) {
            Ok(text) => files.push(catalog.sources.add(
                path.display().to_string(),
                Some(path),
                Arc::from(text),
            )),
            Err(d) => catalog.diagnostics.extend(d),
        }
    }
    InputFolder {
        name: dir.file_name().map(|n| n.to_string_lossy().into_owned()),
        place: dir.display().to_string(),
        files,
    }
}

/// Parses a folder's files side by side (large packs) and keeps them in order.
fn parse_folder(catalog: &mut Catalog, folder: InputFolder, lang: Lang) -> Folder {
    let texts: Vec<SourceText> = folder
        .files
        .iter()
        .map(|&file| catalog.sources.get(file).text.clone())
        .collect();
    let parsed = parse_all(&texts);
    let unparsed = folder
        .files
        .iter()
        .zip(&texts)
        .zip(&parsed)
        .filter(|((_, text), result)| result.is_err() && !is_answers_file(text))
        .map(|((file, text), _)| (*file, claimed_pack(text)))
        .collect();
    let files = folder
        .files
        .into_iter()
        .zip(parsed)
        .filter_map(|(file, result)| accept(catalog, file, result, lang))
        .collect();
    Folder {
        name: folder.name,
        place: folder.place,
        unparsed,
        files,
    }
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    entries
}

/// Reads a file from disk with the size and encoding checks every input file gets. The size
/// is checked on the bytes read, not only on what the file system says: `/dev/zero`, a pipe or
/// a file that grows while it is read stop at the limit too. What went wrong is returned as
/// data, for the caller to word in its reader's language.
pub fn read_text(path: &Path) -> Result<String, LoadProblem> {
    use std::io::Read;
    let shown = path.display().to_string();
    let cannot_read = |e: std::io::Error| LoadProblem::Unreadable {
        path: shown.clone(),
        reason: e.to_string(),
    };
    let too_large = |size: Option<u64>| LoadProblem::TooLarge {
        path: shown.clone(),
        size,
    };
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let meta = file.metadata().map_err(cannot_read)?;
    if meta.len() > MAX_FILE_SIZE {
        return Err(too_large(Some(meta.len())));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_large(None));
    }
    let text = String::from_utf8(bytes).map_err(|e| LoadProblem::NotUtf8 {
        path: shown.clone(),
        at: e.utf8_error().valid_up_to(),
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// Places a folder's files into pack groups.
fn assign(
    groups: &mut Vec<(String, Vec<Parsed>, Vec<Place>)>,
    unparsed: &mut Vec<(String, FileId)>,
    folder: Folder,
    lang: Lang,
    diags: &mut Diagnostics,
    sources: &SourceMap,
) {
    let definers: Vec<String> = folder
        .files
        .iter()
        .filter(|p| p.defines)
        .filter_map(|p| p.own_id.clone())
        .collect();
    let default_id = match definers.as_slice() {
        [only] => Some(only.clone()),
        _ => folder.name.clone(),
    };
    // A folder that defines a built-in pack again replaces it, whatever order its files sort in.
    for id in &definers {
        if let Some((_, files, places)) = groups
            .iter_mut()
            .find(|(g, _, p)| g == id && *p == [Place::Builtin])
        {
            files.clear();
            *places = vec![Place::Replacing(folder.place.clone())];
        }
    }
    for (file, claimed) in folder.unparsed {
        if let Some(id) = claimed.or_else(|| default_id.clone()) {
            unparsed.push((id, file));
        }
    }
    for parsed in folder.files {
        let Some(id) = parsed.own_id.clone().or_else(|| default_id.clone()) else {
            diags.push(
                LoadProblem::NoPackId {
                    name: sources.get(parsed.file).name.clone(),
                }
                .diagnostic(Loc::new(parsed.file, 0..0), lang),
            );
            continue;
        };
        let place = Place::Path(folder.place.clone());
        match groups.iter_mut().find(|(g, _, _)| *g == id) {
            Some((_, files, places)) => {
                let replaced = Place::Replacing(folder.place.clone());
                if !places.contains(&place) && !places.contains(&replaced) {
                    places.push(place);
                }
                files.push(parsed);
            }
            None => groups.push((id, vec![parsed], vec![place])),
        }
    }
}
