//! Sharing packs as one file: `rules bundle DIR -o FILE` joins a pack's files into one,
//! `rules install FILE` checks it (lint must find no error) and puts it into the user's rules
//! folder, refusing to replace another version silently, and `rules remove ID` takes it out.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::session::Context;
use crate::diagnostic::Worded;
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::pack::load::load;
use crate::terminal::sanitize;
use crate::tr;

/// How long lint may think about a pack being installed.
const INSTALL_BUDGET: Duration = Duration::from_secs(10);

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string())
}

/// The `.toml` files of a pack folder, in the order they are read.
fn pack_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Joins the files of one pack into one text: the file with `[pack]` first, the others after
/// it without their `extends` line (the joined file is one pack).
pub fn join(files: &[(String, String)]) -> String {
    let defines = |text: &str| text.lines().any(|l| l.trim() == "[pack]");
    let mut ordered: Vec<&(String, String)> = files.iter().filter(|(_, t)| defines(t)).collect();
    ordered.extend(files.iter().filter(|(_, t)| !defines(t)));
    let has_pack = ordered.first().is_some_and(|(_, t)| defines(t));
    let mut out = String::from("# A pack in one file, made by `fulcrum rules bundle`.\n");
    let mut kept_extends = false;
    for (name, text) in ordered {
        out.push_str(&format!("\n# ---- {name} ----\n"));
        let mut in_tables = false;
        for line in text.lines() {
            let trimmed = line.trim_start();
            in_tables |= trimmed.starts_with('[');
            let is_extends = !in_tables && trimmed.starts_with("extends");
            if is_extends && (has_pack || kept_extends) {
                continue;
            }
            kept_extends |= is_extends;
            if trimmed.starts_with("#:schema") {
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `rules bundle DIR -o FILE`.
pub fn bundle(context: &Context, dir: &Path, out: &Path, force: bool) -> Result<Exit, Failure> {
    let ui = context.ui;
    let files = pack_files(dir);
    if files.is_empty() {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "`{}` 中没有 .toml 规则包文件",
                "`{}` holds no .toml pack file",
                shown(dir)
            ),
        ));
    }
    let mut texts = Vec::new();
    for f in &files {
        let text = crate::pack::load::read_text(f)
            .map_err(|p| Failure::message(Exit::InvalidPack, p.message(ui)))?;
        let name = f
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        texts.push((name, text));
    }
    let joined = join(&texts);
    // The bundle must be the same pack as the folder: load it alone and compare.
    let mut sources = crate::source::SourceMap::new();
    let (pack, diags) =
        crate::pack::load::load_text(&mut sources, "bundle.toml", &joined, "bundle", ui);
    if pack.is_none() {
        let printed: Vec<String> = diags
            .items()
            .iter()
            .map(|d| d.render(&sources, ui, false))
            .collect();
        let printed = printed.join("\n");
        return Err(Failure::message(
            Exit::InvalidPack,
            tr!(
                ui,
                "`{}` 合并后不是一个有效的规则包（先用 `fulcrum rules lint` 修好它）：\n{printed}",
                "the files of `{}` do not make a valid pack once joined (fix them with `fulcrum rules lint` first):\n{printed}",
                shown(dir)
            ),
        ));
    }
    crate::output::write_file(out, joined.as_bytes(), force, ui)?;
    eprintln!(
        "{}",
        tr!(
            ui,
            "已把 {} 个文件合并为 `{}`；对方用 `fulcrum rules install {}` 安装",
            "joined {} file(s) into `{}`; install it with `fulcrum rules install {}`",
            files.len(),
            shown(out),
            shown(out)
        )
    );
    Ok(Exit::Success)
}

/// The user's rules folder, or why there is none.
fn rules_dir(context: &Context, ui: Lang) -> Result<PathBuf, Failure> {
    context.env.rules_dir.clone().ok_or_else(|| {
        Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "没有规则文件夹：需要 HOME 或 XDG_CONFIG_HOME（绝对路径）",
                "there is no rules folder: HOME or XDG_CONFIG_HOME (an absolute path) is needed"
            ),
        )
    })
}

/// `rules install FILE`.
pub fn install(context: &Context, file: &Path, force: bool) -> Result<Exit, Failure> {
    let ui = context.ui;
    let (catalog, findings) =
        crate::lint::lint_paths(&[file.to_path_buf()], &[], ui, INSTALL_BUDGET);
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.diagnostic.is_error())
        .collect();
    if !errors.is_empty() {
        for f in &errors {
            eprintln!("{}", f.diagnostic.render(&catalog.sources, ui, false));
        }
        eprintln!(
            "{}",
            tr!(
                ui,
                "`{}` 有 {} 个错误，没有安装（`fulcrum rules lint {}` 可看全部问题）",
                "`{}` has {} error(s): nothing was installed (`fulcrum rules lint {}` shows every problem)",
                shown(file),
                errors.len(),
                shown(file)
            )
        );
        return Err(Failure::Reported(Exit::InvalidPack));
    }
    let Some(pack) = catalog.packs.iter().find(|p| {
        p.origin
            .files
            .iter()
            .any(|f| catalog.sources.get(*f).path.as_deref() == Some(file))
    }) else {
        return Err(Failure::message(
            Exit::InvalidPack,
            tr!(
                ui,
                "`{}` 不是规则包文件",
                "`{}` is not a pack file",
                shown(file)
            ),
        ));
    };
    let dir = rules_dir(context, ui)?;
    let target = dir.join(format!("{}.toml", pack.id));
    if dir.join(&pack.id).is_dir() {
        return Err(Failure::message(
            Exit::Output,
            tr!(
                ui,
                "规则文件夹中已有文件夹 `{}`：先移走它",
                "the rules folder already holds a folder `{}`: move it out first",
                shown(&dir.join(&pack.id))
            ),
        ));
    }
    let text = std::fs::read(file).map_err(|e| {
        Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "无法读取 `{}`：{e}",
                "cannot read `{}`: {e}",
                shown(file)
            ),
        )
    })?;
    if let Ok(existing) = std::fs::read(&target) {
        if existing == text {
            eprintln!(
                "{}",
                tr!(
                    ui,
                    "`{}` {} 已经安装过，内容相同",
                    "`{}` {} is already installed, unchanged",
                    pack.id,
                    pack.version
                )
            );
            return Ok(Exit::Success);
        }
        if !force {
            let old = installed_version(&existing).unwrap_or_else(|| "?".into());
            return Err(Failure::message(
                Exit::Output,
                tr!(
                    ui,
                    "已安装的 `{}` 是 {old} 版，与要安装的 {} 版内容不同：没有替换。确认要替换，请加 --force",
                    "`{}` {old} is installed and differs from this {}: nothing was replaced. Add --force to replace it",
                    pack.id,
                    pack.version
                ),
            ));
        }
    }
    std::fs::create_dir_all(&dir)
        .and_then(|()| crate::output::replace_atomically(&target, &text))
        .map_err(|e| {
            Failure::message(
                Exit::Output,
                tr!(
                    ui,
                    "无法写入 `{}`：{e}",
                    "cannot write `{}`: {e}",
                    shown(&target)
                ),
            )
        })?;
    eprintln!(
        "{}",
        tr!(
            ui,
            "已安装 `{}` {} 到 `{}`；`fulcrum rules list` 可以看到它",
            "installed `{}` {} as `{}`; `fulcrum rules list` shows it",
            pack.id,
            pack.version,
            shown(&target)
        )
    );
    Ok(Exit::Success)
}

/// The version a pack file declares, read leniently.
fn installed_version(bytes: &[u8]) -> Option<String> {
    let table: toml::Table = toml::from_str(std::str::from_utf8(bytes).ok()?).ok()?;
    table
        .get("pack")?
        .get("version")?
        .as_str()
        .map(str::to_string)
}

/// `rules remove ID`: removes a pack's files from the user's rules folder.
pub fn remove(context: &Context, id: &str) -> Result<Exit, Failure> {
    let ui = context.ui;
    let dir = rules_dir(context, ui)?;
    let catalog = load(std::slice::from_ref(&dir), ui);
    let files: Vec<PathBuf> = catalog
        .pack(id)
        .map(|p| {
            p.origin
                .files
                .iter()
                .filter_map(|f| catalog.sources.get(*f).path.clone())
                .filter(|p| p.starts_with(&dir))
                .collect()
        })
        .unwrap_or_default();
    if files.is_empty() {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "规则文件夹 `{}` 中没有规则包 `{id}`（内置规则包不能删除）",
                "no pack `{id}` in the rules folder `{}` (built-in packs cannot be removed)",
                shown(&dir)
            ),
        ));
    }
    for f in &files {
        std::fs::remove_file(f).map_err(|e| {
            Failure::message(
                Exit::Output,
                tr!(
                    ui,
                    "无法删除 `{}`：{e}",
                    "cannot remove `{}`: {e}",
                    shown(f)
                ),
            )
        })?;
        // A pack folder left empty goes too; the rules folder stays.
        if let Some(parent) = f.parent().filter(|p| *p != dir) {
            let _ = std::fs::remove_dir(parent);
        }
    }
    eprintln!(
        "{}",
        tr!(
            ui,
            "已删除规则包 `{id}`（{} 个文件）",
            "removed pack `{id}` ({} file(s))",
            files.len()
        )
    );
    Ok(Exit::Success)
}
