//! Proof-reading and translating a pack: `rules show --texts` prints every text in both
//! languages side by side (as a table, or Markdown to send to a colleague), `rules
//! export-texts` writes them as CSV (id, field, zh, en) for translators, and `rules
//! import-texts` writes a translated CSV back into the pack's files, refusing one whose ids no
//! longer match the pack.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use comfy_table::{ContentArrangement, Table, presets};

use super::session::Context;
use crate::cli::ShowArgs;
use crate::diagnostic::Worded;
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::pack::inventory::{self, Entry};
use crate::pack::load::Catalog;
use crate::pack::raw::RawFile;
use crate::terminal::sanitize;
use crate::tr;

/// The texts of `pack`, read again from its files.
fn pack_entries(catalog: &Catalog, pack: &Pack) -> Vec<Entry> {
    let parsed: Vec<(crate::source::FileId, RawFile)> = pack
        .origin
        .files
        .iter()
        .filter_map(|&f| {
            toml::from_str::<RawFile>(&catalog.sources.get(f).text)
                .ok()
                .map(|raw| (f, raw))
        })
        .collect();
    let files: Vec<_> = parsed.iter().map(|(f, raw)| (*f, raw)).collect();
    inventory::entries(&files)
}

/// Where an action's phase sits: `act [0.25, 0.9]`.
fn phase_note(pack: &Pack, phase: &str, ui: Lang) -> String {
    let window = pack
        .phases
        .iter()
        .find(|p| p.id == phase)
        .and_then(|p| p.window)
        .map(|(a, b)| format!(" [{a}, {b}]"))
        .unwrap_or_default();
    tr!(ui, "阶段 {phase}{window}", "phase {phase}{window}")
}

/// `rules show PACK --texts`: every text in both languages, as a table or Markdown.
pub fn show(context: &Context, args: &ShowArgs) -> Result<Exit, Failure> {
    let catalog = &context.catalog_from_source()?;
    let pack = super::session::pack_by_id(catalog, &args.pack, context.ui)?;
    let (markdown, width) = (args.markdown, args.width);
    let ui = context.plan_lang(pack, None);
    let entries = pack_entries(catalog, pack);
    let header = [
        tr!(ui, "所属", "id"),
        tr!(ui, "字段", "field"),
        "zh".to_string(),
        "en".to_string(),
    ];
    let where_of = |e: &Entry| match &e.phase {
        Some(phase) => format!("{} ({})", e.id, phase_note(pack, phase, ui)),
        None => e.id.clone(),
    };
    let title = tr!(
        ui,
        "{}（{} {}）的全部文字",
        "Every text of {} ({} {})",
        pack.title.get(ui),
        pack.id,
        pack.version
    );
    let out = if markdown {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', "<br>");
        let mut out = format!("# {}\n\n", cell(&title));
        out.push_str(&format!("| {} |\n|---|---|---|---|\n", header.join(" | ")));
        for e in &entries {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&where_of(e)),
                cell(&e.field),
                cell(e.in_lang("zh")),
                cell(e.in_lang("en"))
            ));
        }
        out
    } else {
        let mut table = Table::new();
        table.load_style(presets::ASCII_FULL_CONDENSED);
        if let Some(w) = width {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(w);
        }
        table.set_header(header.to_vec());
        for e in &entries {
            table.add_row(vec![
                where_of(e),
                e.field.clone(),
                e.in_lang("zh").to_string(),
                e.in_lang("en").to_string(),
            ]);
        }
        format!("{title}\n{table}\n")
    };
    crate::outln!("{}", sanitize(out.trim_end()));
    Ok(Exit::Success)
}

/// `rules export-texts PACK`: the texts as CSV, on standard output or into a file.
pub fn export(
    context: &Context,
    pack_id: &str,
    out: Option<&Path>,
    force: bool,
) -> Result<Exit, Failure> {
    let catalog = context.catalog_from_source()?;
    let pack = super::session::pack_by_id(&catalog, pack_id, context.ui)?;
    let csv = inventory::to_csv(&pack_entries(&catalog, pack));
    match out {
        Some(path) => crate::output::write_file(path, csv.as_bytes(), force, context.ui)?,
        None => crate::output::print_text(&csv),
    }
    Ok(Exit::Success)
}

/// `rules import-texts PACK FILE`: writes the CSV's texts back into the pack's files.
pub fn import(context: &Context, pack_id: &str, csv_path: &Path) -> Result<Exit, Failure> {
    let ui = context.ui;
    let catalog = context.catalog_from_source()?;
    let pack = super::session::pack_by_id(&catalog, pack_id, ui)?;
    let shown = sanitize(&csv_path.display().to_string());
    let usage = |message: String| Failure::message(Exit::Usage, message);
    let text = crate::pack::load::read_text(csv_path).map_err(|p| {
        usage(tr!(
            ui,
            "无法读取 `{shown}`：{}",
            "cannot read `{shown}`: {}",
            p.message(ui)
        ))
    })?;
    let records = inventory::parse_csv(&text).map_err(|line| {
        usage(tr!(
            ui,
            "`{shown}` 第 {line} 行的引号没有闭合",
            "`{shown}`: the quoted field that starts on line {line} is not closed"
        ))
    })?;
    let Some((head, rows)) = records.split_first() else {
        return Err(usage(tr!(ui, "`{shown}` 是空的", "`{shown}` is empty")));
    };
    if head
        .iter()
        .map(String::as_str)
        .ne(["id", "field", "zh", "en"])
    {
        return Err(usage(tr!(
            ui,
            "`{shown}` 的第一行应为 `id,field,zh,en`（用 `fulcrum rules export-texts {pack_id}` 导出）",
            "the first line of `{shown}` must be `id,field,zh,en` (as `fulcrum rules export-texts {pack_id}` writes it)"
        )));
    }
    let entries = pack_entries(&catalog, pack);
    let mut given: HashMap<(String, String), (String, String)> = HashMap::new();
    for (n, row) in rows.iter().enumerate() {
        let [id, field, zh, en] = row.as_slice() else {
            return Err(usage(tr!(
                ui,
                "`{shown}` 第 {} 条记录应有 4 列（id、field、zh、en），实际 {} 列",
                "`{shown}`: record {} has {} field(s), not 4 (id, field, zh, en)",
                n + 2,
                row.len()
            )));
        };
        given.insert((id.clone(), field.clone()), (zh.clone(), en.clone()));
    }
    let expected: BTreeSet<(String, String)> = entries
        .iter()
        .map(|e| (e.id.clone(), e.field.clone()))
        .collect();
    let found: BTreeSet<(String, String)> = given.keys().cloned().collect();
    let name = |(id, field): &(String, String)| format!("{id} {field}");
    let missing: Vec<String> = expected.difference(&found).map(name).collect();
    let unknown: Vec<String> = found.difference(&expected).map(name).collect();
    if !missing.is_empty() || !unknown.is_empty() {
        let list = |v: &[String]| {
            let shown: Vec<&str> = v.iter().take(10).map(String::as_str).collect();
            let more = v.len().saturating_sub(10);
            let mut s = shown.join(", ");
            if more > 0 {
                s.push_str(&tr!(ui, " 等另外 {more} 项", " and {more} more"));
            }
            s
        };
        let mut message = tr!(
            ui,
            "`{shown}` 与规则包 `{pack_id}` 的文字不再对应，什么都没有导入：",
            "`{shown}` no longer matches the texts of pack `{pack_id}`; nothing was imported:"
        );
        if !unknown.is_empty() {
            message.push_str(&tr!(
                ui,
                "\n  规则包中没有：{}",
                "\n  not in the pack: {}",
                list(&unknown)
            ));
        }
        if !missing.is_empty() {
            message.push_str(&tr!(
                ui,
                "\n  文件中缺少：{}",
                "\n  missing from the file: {}",
                list(&missing)
            ));
        }
        message.push_str(&tr!(
            ui,
            "\n用 `fulcrum rules export-texts {pack_id}` 重新导出，再把译文填进去",
            "\nexport again with `fulcrum rules export-texts {pack_id}` and carry the translations over"
        ));
        return Err(usage(message));
    }
    write_back(&catalog, pack, &entries, &given, ui)
}

/// Replaces each changed text in its file with a `{ zh = …, en = … }` table.
fn write_back(
    catalog: &Catalog,
    pack: &Pack,
    entries: &[Entry],
    given: &HashMap<(String, String), (String, String)>,
    ui: Lang,
) -> Result<Exit, Failure> {
    let mut edits: HashMap<crate::source::FileId, Vec<(std::ops::Range<usize>, String)>> =
        HashMap::new();
    let mut changed = 0usize;
    for e in entries {
        let Some((zh, en)) = given.get(&(e.id.clone(), e.field.clone())) else {
            continue;
        };
        if zh == e.in_lang("zh") && en == e.in_lang("en") {
            continue;
        }
        let mut parts = Vec::new();
        for (code, text) in [("zh", zh), ("en", en)] {
            if pack.languages.iter().any(|l| l.code() == code) && !text.is_empty() {
                parts.push(format!("{code} = {}", inventory::toml_string(text)));
            }
        }
        let written = &catalog.sources.get(e.file).text[e.span.clone()];
        if !written.starts_with(['"', '\'', '{']) {
            return Err(Failure::message(
                Exit::Usage,
                tr!(
                    ui,
                    "{} {} 不是写在一行里的文字，无法自动替换：请手工修改",
                    "{} {} is not written on one line, so it cannot be replaced: edit it by hand",
                    e.id,
                    e.field
                ),
            ));
        }
        edits
            .entry(e.file)
            .or_default()
            .push((e.span.clone(), format!("{{ {} }}", parts.join(", "))));
        changed += 1;
    }
    for (file, mut list) in edits {
        let source = catalog.sources.get(file);
        let Some(path) = &source.path else {
            return Err(Failure::message(
                Exit::Usage,
                tr!(
                    ui,
                    "内置规则包不能直接修改：先把它复制到自己的规则文件夹",
                    "a built-in pack cannot be changed in place: copy it into your rules folder first"
                ),
            ));
        };
        list.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
        let mut text = source.text.to_string();
        for (span, replacement) in list {
            text.replace_range(span, &replacement);
        }
        crate::output::replace_atomically(path, text.as_bytes()).map_err(|e| {
            Failure::message(
                Exit::Output,
                tr!(
                    ui,
                    "无法写入 `{}`：{e}",
                    "cannot write `{}`: {e}",
                    sanitize(&path.display().to_string())
                ),
            )
        })?;
    }
    eprintln!(
        "{}",
        tr!(
            ui,
            "已导入 {changed} 段改动的文字；用 `fulcrum rules lint` 检查",
            "imported {changed} changed text(s); check with `fulcrum rules lint`"
        )
    );
    Ok(Exit::Success)
}
