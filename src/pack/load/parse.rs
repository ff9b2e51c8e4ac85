//! Parsing pack files: each text into a raw file, on several threads when a folder is large,
//! keeping the files that parse and reporting the ones that do not.

use super::diagnose::{answers_file_skipped, is_answers_file, toml_error};
use super::{Catalog, Parsed};
use crate::lang::Lang;
use crate::pack::raw::RawFile;
use crate::source::{FileId, SourceText};

/// Parses one file (a built-in pack's), keeping it or reporting why it does not parse.
pub(super) fn parse(catalog: &mut Catalog, file: FileId, lang: Lang) -> Option<Parsed> {
    let text = catalog.sources.get(file).text.clone();
    let result = toml::from_str::<RawFile>(&text);
    accept(catalog, file, result, lang)
}

/// Folders holding fewer bytes than this are parsed on one thread: starting threads would
/// cost more than it saves.
const PARALLEL_BYTES: usize = 512 * 1024;

/// Parses every text, on as many threads as there are cores when there is enough to parse.
/// Results are in the order of `texts`.
pub(super) fn parse_all(texts: &[SourceText]) -> Vec<Result<RawFile, toml::de::Error>> {
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(texts.len());
    if threads < 2 || total < PARALLEL_BYTES {
        return texts.iter().map(|t| toml::from_str(t)).collect();
    }
    let mut results: Vec<Option<Result<RawFile, toml::de::Error>>> =
        texts.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|worker| {
                scope.spawn(move || {
                    (worker..texts.len())
                        .step_by(threads)
                        .map(|i| (i, toml::from_str::<RawFile>(&texts[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for worker in workers {
            match worker.join() {
                Ok(parsed) => {
                    for (i, result) in parsed {
                        results[i] = Some(result);
                    }
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    results.into_iter().flatten().collect()
}

/// Keeps a parsed file, or reports why it does not parse.
pub(super) fn accept(
    catalog: &mut Catalog,
    file: FileId,
    result: Result<RawFile, toml::de::Error>,
    lang: Lang,
) -> Option<Parsed> {
    match result {
        Ok(raw) => {
            let defines = raw.pack.is_some();
            let own_id = raw
                .pack
                .as_ref()
                .map(|p| p.get_ref().id.get_ref().clone())
                .or_else(|| raw.extends.as_ref().map(|e| e.get_ref().clone()));
            Some(Parsed {
                file,
                raw,
                own_id,
                defines,
            })
        }
        Err(e) => {
            let text = catalog.sources.get(file).text.clone();
            let diagnostic = if is_answers_file(&text) {
                answers_file_skipped(file, &catalog.sources.get(file).name, lang)
            } else {
                toml_error(&e, file, &text, lang)
            };
            catalog.diagnostics.push(diagnostic);
            None
        }
    }
}
