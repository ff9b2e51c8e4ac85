//! Embeds the shipped rule packs (`rules/<pack-id>/*.toml`) in the binary, so an installed
//! `fulcrum` works from any folder.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-changed=rules");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut files = Vec::new();
    if let Ok(entries) = fs::read_dir(&root) {
        for pack in entries.flatten().filter(|e| e.path().is_dir()) {
            let pack_path = pack.path();
            println!("cargo::rerun-if-changed={}", pack_path.display());
            let Ok(inner) = fs::read_dir(&pack_path) else {
                continue;
            };
            for file in inner.flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "toml") {
                    files.push((pack.file_name().to_string_lossy().into_owned(), path));
                }
            }
        }
    }
    files.sort();
    let mut out = String::from(
        "/// Shipped pack files: (pack folder, file name, contents).\npub const FILES: &[(&str, &str, &str)] = &[\n",
    );
    for (pack, path) in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    ({pack:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("builtin_packs.rs");
    if let Err(e) = fs::write(&dest, out) {
        println!("cargo::error=cannot write {}: {e}", dest.display());
    }
}
