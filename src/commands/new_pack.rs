//! `fulcrum rules new ID`: writes a starter pack folder that passes lint and its own tests.

use super::session::Context;
use crate::cli::NewArgs;
use crate::error::{Exit, Failure};
use crate::lang::Lang;
use crate::pack::{scaffold, schema};
use crate::terminal::sanitize;
use crate::tr;

/// The pack file written in the new folder.
const PACK_FILE: &str = "pack.toml";
/// The schema copy written beside it, which its `#:schema` line points at.
const SCHEMA_FILE: &str = "pack.schema.json";

/// Runs `rules new`. Exit 2 for a bad id, 5 when the folder exists or cannot be written.
pub fn run(context: &Context, args: &NewArgs) -> Result<Exit, Failure> {
    let ui = context.ui;
    let id = args.id.as_str();
    if !scaffold::is_valid_id(id) {
        return Err(Failure::message(
            Exit::Usage,
            tr!(
                ui,
                "规则包 id `{}` 不可用：只能用小写英文字母、数字、- 和 _，以字母开头，最多 64 个字符（如 burnout-check）",
                "pack id `{}` cannot be used: use lowercase ASCII letters, digits, - and _, starting with a letter, at most 64 characters (e.g. burnout-check)",
                sanitize(id)
            ),
        ));
    }
    let mut languages: Vec<Lang> = Vec::new();
    for &lang in &args.languages {
        if !languages.contains(&lang) {
            languages.push(lang);
        }
    }
    if languages.is_empty() {
        languages = vec![Lang::Zh, Lang::En];
    }
    let folder = args.dir.join(id);
    let shown = sanitize(&folder.display().to_string());
    let fail = |e: std::io::Error| {
        Failure::message(
            Exit::Output,
            tr!(ui, "无法写入 `{shown}`：{e}", "cannot write `{shown}`: {e}"),
        )
    };
    if folder.exists() {
        return Err(Failure::message(
            Exit::Output,
            tr!(
                ui,
                "`{shown}` 已存在，不会覆盖；请换一个 id 或用 --dir 指定别的文件夹",
                "`{shown}` already exists and is left alone; choose another id or another --dir"
            ),
        ));
    }
    std::fs::create_dir_all(&args.dir).map_err(fail)?;
    // `create_dir` fails if the folder appeared meanwhile, so nothing is ever overwritten.
    std::fs::create_dir(&folder).map_err(fail)?;
    let pack = scaffold::pack_toml(id, &languages, ui, SCHEMA_FILE);
    std::fs::write(folder.join(PACK_FILE), pack).map_err(fail)?;
    std::fs::write(folder.join(SCHEMA_FILE), schema::json()).map_err(fail)?;
    eprintln!(
        "{}",
        tr!(
            ui,
            "已创建 {shown}/{PACK_FILE}。接下来：\n  fulcrum --rules {shown} rules lint {shown}\n  fulcrum --rules {shown} rules test {id}\n  fulcrum --rules {shown} rules show {id}",
            "Created {shown}/{PACK_FILE}. Next:\n  fulcrum --rules {shown} rules lint {shown}\n  fulcrum --rules {shown} rules test {id}\n  fulcrum --rules {shown} rules show {id}"
        )
    );
    Ok(Exit::Success)
}
