//! The architecture map in the `//!` docs of `src/lib.rs`, checked as absences.
//!
//! Each rule names a part of `src/` and the words its code must not contain, or the
//! `crate::` modules it may import. Comments are ignored (a doc comment may well say
//! "knows nothing of egui"); everything else, tests inside `src/` included, counts.

use std::fs;
use std::path::{Path, PathBuf};

/// Code that talks to a GUI toolkit or a file dialog.
const GUI: &[&str] = &[
    "egui",
    "eframe",
    "egui_extras",
    "egui_plot",
    "egui_kittest",
    "rfd",
];

/// Code that touches the filesystem directly, or asks it what is there.
const FILESYSTEM: &[&str] = &[
    "std::fs",
    "fs::",
    "File::",
    "OpenOptions",
    "is_file",
    "is_dir",
    ".exists(",
    "try_exists",
    "path::absolute",
    "metadata",
    "symlink_metadata",
    "read_dir",
    "canonicalize",
];

/// The map of `src/lib.rs`: each layer and the other `crate::` modules it may import.
const LAYERS: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("analysis", &["model"]),
    ("portfolio", &["model", "analysis"]),
    ("export", &["model", "analysis", "portfolio"]),
    ("store", &["model"]),
    ("import", &["model"]),
    ("document", &["model", "import"]),
    (
        "ui",
        &["model", "analysis", "portfolio", "export", "document"],
    ),
    (
        "app",
        &[
            "model",
            "analysis",
            "portfolio",
            "export",
            "import",
            "store",
            "document",
            "ui",
        ],
    ),
    (
        "cli",
        &[
            "model",
            "analysis",
            "portfolio",
            "export",
            "import",
            "store",
        ],
    ),
];

/// What `src/main.rs` may use of the library.
const MAIN_USES: &[&str] = &["app", "cli"];

/// Code that reads the clock or a random source instead of being given them.
const NONDETERMINISM: &[&str] = &[
    "Utc::now",
    "Local::now",
    "SystemTime::now",
    "Instant::now",
    "thread_rng",
    "rand::rng",
    "from_entropy",
    "from_os_rng",
    "OsRng",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The file's text with `//` comments removed, line by line (numbers kept).
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let code = match line.find("//") {
                Some(at) => &line[..at],
                None => line,
            };
            (i + 1, code.to_owned())
        })
        .collect()
}

/// True when `word` occurs in `code` not as part of a longer identifier.
fn mentions(code: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        let starts_clean =
            before.is_none_or(|c| !is_ident(c)) || !word.starts_with(|c: char| is_ident(c));
        let ends_clean =
            after.is_none_or(|c| !is_ident(c)) || !word.ends_with(|c: char| is_ident(c));
        starts_clean && ends_clean
    })
}

/// `file:line: word` for every forbidden word in the files `select` accepts.
fn violations(select: impl Fn(&str) -> bool, forbidden: &[&str]) -> Vec<String> {
    let root = src();
    let mut found = Vec::new();
    for path in rust_files(&root) {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !select(&rel) {
            continue;
        }
        for (line_no, code) in code_lines(&path) {
            if let Some(word) = forbidden.iter().find(|word| mentions(&code, word)) {
                found.push(format!(
                    "src/{rel}:{line_no}: `{word}` in `{}`",
                    code.trim()
                ));
            }
        }
    }
    found
}

fn in_layer(rel: &str, layers: &[&str]) -> bool {
    layers
        .iter()
        .any(|layer| rel.starts_with(&format!("{layer}/")) || rel == format!("{layer}.rs"))
}

#[test]
fn the_scan_sees_the_whole_source_tree() {
    let files = rust_files(&src());
    for expected in [
        "lib.rs",
        "main.rs",
        "model/mod.rs",
        "store/mod.rs",
        "cli/mod.rs",
    ] {
        assert!(
            files.iter().any(|f| f.ends_with(expected)),
            "src/{expected} not found by the scan"
        );
    }
}

#[test]
fn the_word_matcher_finds_paths_but_not_longer_names() {
    assert!(mentions("use egui::Ui;", "egui"));
    assert!(mentions("let f = std::fs::read(p);", "std::fs"));
    assert!(mentions("File::open(p)", "File::"));
    assert!(mentions("if p.is_file() {", "is_file"));
    assert!(mentions("p.exists()", ".exists("));
    assert!(!mentions("let is_file_name = 1;", "is_file"));
    assert!(!mentions("let pegui = 1;", "egui"));
    assert!(!mentions("NamedFile::open", "File::"));
    assert!(!mentions("fn refs() {}", "fs::"));
}

#[test]
fn the_pure_layers_know_nothing_of_the_gui() {
    let pure = [
        "model",
        "analysis",
        "portfolio",
        "store",
        "export",
        "import",
        "document",
    ];
    let found = violations(|rel| in_layer(rel, &pure), GUI);
    assert!(
        found.is_empty(),
        "GUI code in a pure layer:\n{}",
        found.join("\n")
    );
}

#[test]
fn nothing_outside_the_store_touches_the_filesystem() {
    let found = violations(|rel| !in_layer(rel, &["store"]), FILESYSTEM);
    assert!(
        found.is_empty(),
        "filesystem access outside src/store (go through verdict::store):\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_app_and_the_command_line_read_the_clock_or_a_random_source() {
    let found = violations(
        |rel| !in_layer(rel, &["app", "cli", "main"]),
        NONDETERMINISM,
    );
    assert!(
        found.is_empty(),
        "clock or randomness read inside; pass it in instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn views_never_reach_the_store_and_the_command_line_never_reaches_the_window() {
    let mut found = violations(|rel| in_layer(rel, &["ui"]), &["store::"]);
    found.extend(violations(
        |rel| in_layer(rel, &["cli"]),
        &[
            "crate::app",
            "crate::ui",
            "crate::document",
            "egui",
            "eframe",
            "rfd",
        ],
    ));
    assert!(found.is_empty(), "layer crossed:\n{}", found.join("\n"));
}

/// The top-level modules `code` names after `prefix` (`crate::`, `verdict::`), including
/// those inside a `prefix{a, b::c}` group.
fn modules_named(code: &str, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        let ident = |text: &str| -> String {
            text.trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            found.extend(inner.split(',').map(ident).filter(|m| !m.is_empty()));
        } else {
            found.push(ident(rest));
        }
    }
    found
}

#[test]
fn the_module_reader_finds_single_and_grouped_imports() {
    assert_eq!(
        modules_named("use crate::model::Session;", "crate::"),
        ["model"]
    );
    assert_eq!(
        modules_named("use crate::{store, ui::nav::Place};", "crate::"),
        ["store", "ui"]
    );
    assert!(modules_named("use other_crate::x;", "crate::").is_empty());
}

#[test]
fn every_layer_imports_only_what_the_map_allows() {
    let root = src();
    let mut found = Vec::new();
    for path in rust_files(&root) {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let (prefix, allowed): (&str, Vec<&str>) = if rel == "main.rs" {
            ("verdict::", MAIN_USES.to_vec())
        } else if let Some((layer, uses)) = LAYERS.iter().find(|(l, _)| in_layer(&rel, &[l])) {
            let mut allowed = uses.to_vec();
            allowed.push(layer);
            ("crate::", allowed)
        } else {
            continue;
        };
        for (line_no, code) in code_lines(&path) {
            for module in modules_named(&code, prefix) {
                if !allowed.contains(&module.as_str()) {
                    found.push(format!(
                        "src/{rel}:{line_no}: `{prefix}{module}` in `{}`",
                        code.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "a layer imports what the map in src/lib.rs does not allow:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_layer_of_the_source_tree_is_on_the_map() {
    let root = src();
    for path in rust_files(&root) {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let known = ["lib.rs", "main.rs"].contains(&rel.as_str())
            || LAYERS.iter().any(|(layer, _)| in_layer(&rel, &[layer]));
        assert!(known, "src/{rel} belongs to no layer of the map");
    }
}

#[test]
fn colours_are_design_tokens_not_literals_in_views() {
    let found = violations(
        |rel| (in_layer(rel, &["ui"]) || in_layer(rel, &["app"])) && rel != "ui/theme.rs",
        &[
            "Color32::from_rgb",
            "Color32::from_rgba",
            "Color32::from_gray",
            "Color32::RED",
            "Color32::WHITE",
            "Color32::BLACK",
        ],
    );
    assert!(
        found.is_empty(),
        "a literal colour outside src/ui/theme.rs (add a token there):\n{}",
        found.join("\n")
    );
}

/// `file:line` for every call in the views that spaces or sizes things with a number
/// instead of a token: `add_space(8.0)`, `.size(20.0)`, `item_spacing.x = 2.0`, ….
fn literal_spacing() -> Vec<String> {
    let root = src();
    let calls = ["add_space(", ".size(", "inner_margin(", "Margin::same("];
    let mut found = Vec::new();
    for path in rust_files(&root) {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !(in_layer(&rel, &["ui"]) || in_layer(&rel, &["app"])) || rel == "ui/theme.rs" {
            continue;
        }
        for (line_no, code) in code_lines(&path) {
            let starts_with_digit =
                |rest: &str| rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
            let call = calls.iter().any(|call| {
                code.match_indices(call)
                    .any(|(at, _)| starts_with_digit(&code[at + call.len()..]))
            });
            let assigned = code.contains("item_spacing")
                && code
                    .split_once('=')
                    .is_some_and(|(_, value)| starts_with_digit(value));
            if call || assigned {
                found.push(format!("src/{rel}:{line_no}: `{}`", code.trim()));
            }
        }
    }
    found
}

#[test]
fn spacing_and_type_sizes_are_design_tokens_not_literals_in_views() {
    let found = literal_spacing();
    assert!(
        found.is_empty(),
        "a literal space or size outside src/ui/theme.rs (use a SPACE_* or size token):\n{}",
        found.join("\n")
    );
}
