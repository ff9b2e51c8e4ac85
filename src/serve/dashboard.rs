//! What the facilitator sees: the room summary (the data of `fulcrum workshop summary`), every
//! handout in one document to print, and every file in one zip.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::room::Room;
use crate::group_summary::Summary;
use crate::render::{self, Format, RenderOptions};

/// The room summary as the table `fulcrum workshop summary` prints, with plans in the
/// facilitator's language.
pub fn summary(room: &Room, files: &[String]) -> String {
    let lang = room.pack.resolve_lang(Some(room.ui));
    let known: Vec<&str> = crate::explain::concepts(room.pack);
    let mut summary = Summary::new(room.ui);
    for name in files {
        match room.plan(name, Some(lang)) {
            Ok(plan) => summary.add(name, &plan, &known),
            Err(_) => summary.failed.push(name.clone()),
        }
    }
    summary.finish();
    if summary.participants.is_empty() {
        return String::new();
    }
    render::summary::table(&summary, 100, true)
}

/// The handout of one submitted answers file, exactly as `fulcrum plan --format html` prints
/// it from the file.
pub fn handout(room: &Room, name: &str) -> Result<String, String> {
    room.plan(name, None)
        .and_then(|plan| render::render(&plan, Format::Html, options()).map_err(|e| e.to_string()))
}

/// The options renderers get (HTML and Markdown do not use them).
pub fn options() -> RenderOptions {
    RenderOptions {
        width: 100,
        unicode: false,
    }
}

/// A zip of every answers file (`answers/`) and its handout (`plans/`).
pub fn zip(room: &Room, files: &[String]) -> std::io::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for name in files {
        let text = room.answers_text(name)?;
        zip.start_file(format!("answers/{name}"), options)
            .map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())?;
        if let Ok(html) = handout(room, name) {
            let stem = name.strip_suffix(".toml").unwrap_or(name);
            zip.start_file(format!("plans/{stem}.html"), options)
                .map_err(std::io::Error::other)?;
            zip.write_all(html.as_bytes())?;
        }
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(std::io::Error::other)
}
