//! The architecture map in the `//!` docs of `src/lib.rs`, checked as absences.
//!
//! Each rule names a part of `src/` and the words its code must not contain. Comments are
//! ignored (a doc comment may well say "knows nothing of egui"); everything else, tests
//! inside `src/` included, counts.

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

/// Code that touches the filesystem directly.
const FILESYSTEM: &[&str] = &["std::fs", "fs::", "File::", "OpenOptions"];

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
