//! The shape of the source tree, as docs/architecture.md describes it: no file in `src/` over
//! 600 lines, no import cycle between the top-level modules of `src/`, a paragraph in
//! docs/architecture.md for each of them, no command using another command (they share
//! `commands::session`); and every file of `tests/` declared in tests/lib.rs.
//! (docs/lint-codes.md is checked against the problem enums by `src/diagnostic/documented.rs`.)
//!
//! The source is read as text, not compiled: imports are the `crate::…` paths of each module's
//! code (comments and `#[cfg(test)]` code left out, since a test may bring modules together).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The most lines a file in `src/` may have.
const MAX_LINES: usize = 600;

/// Files allowed to be longer than [`MAX_LINES`], relative to `src/`. Keep this list short and
/// say why each file is on it.
const LONG_FILES: &[&str] = &[];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// `path` relative to `src/`, with `/` between folders.
fn relative(path: &Path) -> String {
    let src = root().join("src");
    let parts: Vec<String> = path
        .strip_prefix(&src)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// The top-level modules, as src/lib.rs declares them.
fn top_level_modules() -> Vec<String> {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let modules: Vec<String> = lib
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("mod "))?;
            Some(rest.strip_suffix(';')?.to_string())
        })
        .collect();
    assert!(
        modules.len() > 10,
        "src/lib.rs should declare the top-level modules: found {modules:?}"
    );
    modules
}

/// The top-level module a file belongs to (`None` for lib.rs and main.rs).
fn module_of(relative: &str) -> Option<String> {
    match relative.split_once('/') {
        Some((folder, _)) => Some(folder.to_string()),
        None => match relative.strip_suffix(".rs")? {
            "lib" | "main" => None,
            name => Some(name.to_string()),
        },
    }
}

/// Whether the module in `path` is declared `#[cfg(test)]` by its parent (`a/b.rs` by `a.rs`
/// or `a/mod.rs`): a module that only tests use.
fn declared_for_tests(path: &Path) -> bool {
    let (Some(name), Some(folder)) = (path.file_stem(), path.parent()) else {
        return false;
    };
    let name = name.to_string_lossy();
    let parents = [folder.with_extension("rs"), folder.join("mod.rs")];
    parents.iter().any(|parent| {
        let Ok(text) = std::fs::read_to_string(parent) else {
            return false;
        };
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        lines.windows(2).any(|pair| {
            pair[0] == "#[cfg(test)]"
                && pair[1]
                    .trim_start_matches("pub(crate) ")
                    .strip_prefix("mod ")
                    .is_some_and(|m| m == format!("{name};"))
        })
    })
}

/// The code of a file without comments and without test code: files named `tests.rs` or
/// declared `#[cfg(test)]`, and the item after each `#[cfg(test)]` (up to its closing brace,
/// which rustfmt puts at the item's indentation).
fn code_of(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "tests.rs") || declared_for_tests(path) {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let mut code = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // Skip the item the attribute is on.
            for item in lines.by_ref() {
                let item_trimmed = item.trim_start();
                if item_trimmed.is_empty() || item_trimmed.starts_with("#[") {
                    continue;
                }
                if item_trimmed.ends_with('{') {
                    let indent = &item[..item.len() - item_trimmed.len()];
                    let close = format!("{indent}}}");
                    for inner in lines.by_ref() {
                        if inner.starts_with(&close) {
                            break;
                        }
                    }
                }
                break;
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        // A comment after code: cut it when it is not inside a string.
        let line = match line.find(" //") {
            Some(at) if line[..at].matches('"').count() % 2 == 0 => &line[..at],
            _ => line,
        };
        code.push_str(line);
        code.push('\n');
    }
    code
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The first names of the paths after `crate::` in `code`: `crate::pack::Pack` gives `pack`,
/// `crate::{lang::Lang, tr}` gives `lang` and `tr`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(is_ident) {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // A group: the first name of each part at depth 0.
            let mut depth = 0usize;
            let mut part = String::new();
            let mut parts = Vec::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        parts.push(std::mem::take(&mut part));
                        continue;
                    }
                    _ => {}
                }
                part.push(c);
            }
            parts.push(part);
            for part in parts {
                let name: String = part.trim().chars().take_while(|&c| is_ident(c)).collect();
                if !name.is_empty() {
                    names.push(name);
                }
            }
        } else {
            let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    names
}

/// Which top-level module uses which, with the first file where it does.
fn import_graph() -> BTreeMap<String, BTreeMap<String, String>> {
    let modules: BTreeSet<String> = top_level_modules().into_iter().collect();
    let files = rust_files(&root().join("src"));
    // `macro_rules!` macros are exported at the crate root: `crate::tr` is a use of the module
    // that defines `tr`.
    let mut macros: BTreeMap<String, String> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(&relative(file)) else {
            continue;
        };
        for line in code_of(file).lines() {
            if let Some(rest) = line.trim().strip_prefix("macro_rules! ") {
                let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
                macros.insert(name, module.clone());
            }
        }
    }
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in &files {
        let shown = relative(file);
        let Some(module) = module_of(&shown) else {
            continue;
        };
        for name in crate_paths(&code_of(file)) {
            let used = if modules.contains(&name) {
                name
            } else if let Some(owner) = macros.get(&name) {
                owner.clone()
            } else {
                continue;
            };
            if used != module {
                graph
                    .entry(module.clone())
                    .or_default()
                    .entry(used)
                    .or_insert_with(|| format!("src/{shown}"));
            }
        }
    }
    graph
}

/// A cycle in `graph`, as the modules along it (the first repeated at the end), if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeMap<String, String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeMap<String, String>>,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_string(), Mark::Open);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|uses| uses.keys()) {
            match marks.get(next) {
                Some(Mark::Open) => {
                    let start = path.iter().position(|m| m == next).unwrap();
                    let mut cycle = path[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(Mark::Done) => {}
                None => {
                    if let Some(cycle) = visit(next, graph, marks, path) {
                        return Some(cycle);
                    }
                }
            }
        }
        path.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if !marks.contains_key(node)
            && let Some(cycle) = visit(node, graph, &mut marks, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn no_file_in_src_is_over_600_lines() {
    let mut long = Vec::new();
    for file in rust_files(&root().join("src")) {
        let shown = relative(&file);
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        if lines > MAX_LINES && !LONG_FILES.contains(&shown.as_str()) {
            long.push(format!("src/{shown}: {lines} lines"));
        }
    }
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines (split them by what they do, as docs/architecture.md \
         says):\n{}",
        long.join("\n")
    );
}

#[test]
fn the_import_graph_is_read() {
    // Guards the reading itself: were `crate::` paths missed, the next test would pass on an
    // empty graph.
    let graph = import_graph();
    let uses = |from: &str, to: &str| graph.get(from).is_some_and(|u| u.contains_key(to));
    assert!(uses("app", "commands"), "{graph:#?}");
    assert!(uses("commands", "pack"), "{graph:#?}");
    assert!(uses("engine", "plan"), "{graph:#?}");
    assert!(
        uses("pack", "lang"),
        "`crate::tr` is a use of `lang`: {graph:#?}"
    );
    assert_eq!(
        crate_paths("use crate::{lang::{Lang, zh_or}, tr};\nlet x = crate::pack::load::load(p);"),
        ["lang", "tr", "pack"]
    );
}

#[test]
fn top_level_modules_do_not_import_each_other_in_a_cycle() {
    let graph = import_graph();
    if let Some(cycle) = find_cycle(&graph) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|pair| {
                format!(
                    "  {} uses {} in {}",
                    pair[0], pair[1], graph[&pair[0]][&pair[1]]
                )
            })
            .collect();
        panic!(
            "import cycle between top-level modules: {}\n{}",
            cycle.join(" -> "),
            steps.join("\n")
        );
    }
}

#[test]
fn no_command_uses_another_command_only_the_session() {
    let commands = root().join("src/commands");
    let names: Vec<String> = std::fs::read_dir(&commands)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".rs").map(str::to_string)
        })
        .filter(|n| n != "mod" && n != "session")
        .collect();
    assert!(names.len() > 10, "the commands should be found: {names:?}");
    let mut uses = Vec::new();
    for file in rust_files(&commands) {
        let code = code_of(&file);
        // A command's own file names its siblings `super::NAME`; any file, `crate::commands::NAME`.
        let direct = file.parent() == Some(commands.as_path());
        for name in &names {
            let own = file.file_stem().is_some_and(|s| *s == **name);
            let sibling = direct && !own && code.contains(&format!("super::{name}::"));
            let by_crate = code.contains(&format!("crate::commands::{name}::"));
            let by_use = direct && code.contains(&format!("use super::{name};"));
            if sibling || by_crate || by_use {
                uses.push(format!("{} uses {name}", relative(&file)));
            }
        }
    }
    assert!(
        uses.is_empty(),
        "commands share steps through commands::session, not each other: {uses:?}"
    );
}

#[test]
fn every_top_level_module_has_a_paragraph_in_the_architecture() {
    let doc = std::fs::read_to_string(root().join("docs/architecture.md")).unwrap();
    let missing: Vec<String> = top_level_modules()
        .into_iter()
        .filter(|m| !doc.lines().any(|l| l.starts_with(&format!("**`{m}`**"))))
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a paragraph (a line starting with **`name`**) in \
         docs/architecture.md: {missing:?}"
    );
}

/// `autotests` is off (Cargo.toml): a file of `tests/` that tests/lib.rs does not declare
/// would be neither compiled nor run, silently.
#[test]
fn every_file_of_tests_is_a_module_of_the_one_test_binary() {
    let lib = std::fs::read_to_string(root().join("tests/lib.rs")).unwrap();
    let declared: BTreeSet<&str> = lib
        .lines()
        .filter_map(|line| line.strip_prefix("mod ")?.strip_suffix(';'))
        .collect();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root().join("tests")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let module = if path.is_dir() && path.join("mod.rs").is_file() {
            name
        } else if let Some(stem) = name.strip_suffix(".rs") {
            stem.to_owned()
        } else {
            continue;
        };
        if module != "lib" && !declared.contains(module.as_str()) {
            missing.push(module);
        }
    }
    assert!(
        missing.is_empty(),
        "not declared in tests/lib.rs: {missing:?}"
    );
}
