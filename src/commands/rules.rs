//! `fulcrum rules …`: looking at the loaded packs.

use std::io::IsTerminal;

use comfy_table::{ContentArrangement, Table, presets};

use super::session::Context;
use crate::error::{Exit, Failure};
use crate::tr;

/// `fulcrum rules list`: every pack, its size and where it came from.
/// Packs with errors are reported and left out of the table; the exit code is then the
/// invalid-pack one.
pub fn list(context: &Context) -> Result<Exit, Failure> {
    let (catalog, failed) = context.catalog_with_errors();
    let lang = context.ui;
    let mut table = Table::new();
    table.load_style(presets::ASCII_FULL_CONDENSED);
    // Wrap to the terminal; when piped, keep one line per pack so the output greps well.
    if std::io::stdout().is_terminal() {
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(context.output_width(None));
    }
    table.set_header(vec![
        tr!(lang, "规则包", "Pack"),
        tr!(lang, "版本", "Version"),
        tr!(lang, "标题", "Title"),
        tr!(lang, "语言", "Languages"),
        tr!(lang, "问题", "Questions"),
        tr!(lang, "规则", "Rules"),
        tr!(lang, "来源", "From"),
    ]);
    for pack in &catalog.packs {
        let languages: Vec<&str> = pack.languages.iter().map(|l| l.code()).collect();
        table.add_row(vec![
            pack.id.clone(),
            pack.version.clone(),
            pack.title.get(lang).to_string(),
            languages.join(", "),
            pack.questions.len().to_string(),
            pack.rules.len().to_string(),
            // Folder names come from the file system: keep escape sequences off the terminal.
            crate::terminal::sanitize(&pack.origin.describe(lang)),
        ]);
    }
    crate::outln!("{table}");
    Ok(if failed {
        Exit::InvalidPack
    } else {
        Exit::Success
    })
}

/// `fulcrum rules synth`: writes a synthetic pack and answers for benchmarks.
pub fn synth(
    context: &Context,
    questions: usize,
    rules: usize,
    out: &std::path::Path,
) -> Result<Exit, Failure> {
    let lang = context.ui;
    let pack_dir = out.join("synthetic");
    let write = |path: std::path::PathBuf, text: String| {
        std::fs::create_dir_all(path.parent().unwrap_or(out))
            .and_then(|()| std::fs::write(&path, text))
            .map_err(|e| {
                Failure::message(
                    Exit::Output,
                    tr!(
                        lang,
                        "无法写入 `{}`：{e}",
                        "cannot write `{}`: {e}",
                        path.display()
                    ),
                )
            })
    };
    // Rule files left by a larger run would otherwise join this pack.
    for stale in std::fs::read_dir(&pack_dir).into_iter().flatten().flatten() {
        let name = stale.file_name().to_string_lossy().into_owned();
        if name == "pack.toml" || (name.starts_with("10-rules-") && name.ends_with(".toml")) {
            let path = stale.path();
            std::fs::remove_file(&path).map_err(|e| {
                Failure::message(
                    Exit::Output,
                    tr!(
                        lang,
                        "无法删除旧文件 `{}`：{e}",
                        "cannot remove the old file `{}`: {e}",
                        path.display()
                    ),
                )
            })?;
        }
    }
    for (name, text) in crate::synth::pack_files(questions, rules) {
        write(pack_dir.join(name), text)?;
    }
    write(
        out.join("answers.toml"),
        crate::synth::answers_toml(questions),
    )?;
    Ok(Exit::Success)
}

/// `fulcrum rules schema`: the JSON Schema of pack files, on stdout.
pub fn schema() -> Result<Exit, Failure> {
    crate::output::print_text(&crate::pack::schema::json());
    Ok(Exit::Success)
}
