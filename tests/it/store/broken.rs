//! Broken files in `tests/fixtures/broken/`, each starting with a `// expect: …` comment:
//! the text the error must contain (when it starts with `:`, the error must start with the
//! file's path followed by it, i.e. a `FILE:LINE:COL` location).

use std::fs;
use std::path::{Path, PathBuf};
use verdict::store;

pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn expectation(path: &Path) -> String {
    let bytes = fs::read(path).unwrap();
    let first = bytes.split(|&b| b == b'\n').next().unwrap();
    let first = std::str::from_utf8(first).unwrap();
    first
        .strip_prefix("// expect: ")
        .unwrap_or_else(|| panic!("{} has no `// expect:` line", path.display()))
        .to_owned()
}

#[test]
fn every_broken_fixture_gets_a_located_message_naming_the_file() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in fs::read_dir(fixture("broken")).unwrap() {
        let path = entry.unwrap().path();
        let expect = expectation(&path);
        let name = path.display().to_string();
        let err = match store::load_file(&path) {
            Ok(_) => {
                failures.push(format!("{name}: loaded without error"));
                continue;
            }
            Err(e) => e,
        };
        let text = err.to_string();
        let ok = if expect.starts_with(':') {
            text.starts_with(&format!("{name}{expect}"))
        } else {
            text.contains(&expect)
        };
        if !ok {
            failures.push(format!("{name}: expected {expect:?}, got {text:?}"));
        }
        for line in err.lines() {
            if !line.starts_with(&format!("{name}:")) {
                failures.push(format!("{name}: line does not name the file: {line:?}"));
            }
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 25, "only {checked} broken fixtures");
}

#[test]
fn the_format_1_fixture_still_loads() {
    let s = store::load_file(&fixture("format/v1.ron")).unwrap();
    assert_eq!(s.format, 1);
    assert_eq!(s.options.len(), 3);
    assert!(s.weights_locked);
}
