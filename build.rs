//! Embeds the shipped rule packs (`rules/<pack-id>/*.toml`) in the binary, so an installed
//! `fulcrum` works from any folder.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-changed=rules");
    source_hash();
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

/// Sets `FULCRUM_SOURCE_HASH` to a hash of the Rust sources and `Cargo.lock`: the pack cache
/// (src/pack/cache.rs) never reads entries written by a build from other sources, whose packs
/// may be laid out differently.
fn source_hash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo::rerun-if-changed=src");
    println!("cargo::rerun-if-changed=Cargo.lock");
    let mut files = vec![root.join("Cargo.lock")];
    let mut folders = vec![root.join("src")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    // FNV-1a: enough to tell builds apart, and no dependency for the build script.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let name = file.strip_prefix(root).unwrap_or(file).to_string_lossy();
        let bytes = fs::read(file).unwrap_or_default();
        for byte in name
            .as_bytes()
            .iter()
            .chain([0u8].iter())
            .chain(bytes.iter())
        {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo::rustc-env=FULCRUM_SOURCE_HASH={hash:016x}");
}
