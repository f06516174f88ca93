//! Replays the fuzz regression corpus (`tests/fixtures/fuzz/`): escape-heavy strings,
//! deeply nested input, absurd numbers. Each gives a session or an error, never a panic
//! or a stack overflow, and an error always names `<input>`.

use super::broken::fixture;
use std::fs;
use verdict::store;

#[test]
fn every_fuzz_regression_input_loads_or_fails_cleanly() {
    let mut replayed = 0;
    for entry in fs::read_dir(fixture("fuzz")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = fs::read(&path).unwrap();
        match store::load_document(&bytes) {
            Ok(session) => {
                let text = store::to_canonical_ron(&session);
                assert_eq!(store::load_document(text.as_bytes()).unwrap(), session);
            }
            Err(e) => {
                for line in e.lines() {
                    assert!(line.starts_with("<input>"), "{}: {line}", path.display());
                }
            }
        }
        replayed += 1;
    }
    assert!(replayed >= 10, "only {replayed} regression inputs");
}

#[test]
fn a_format_number_too_big_for_any_integer_is_refused_as_newer() {
    let bytes = fs::read(fixture("fuzz/format-overflow.ron")).unwrap();
    let err = store::load_document(&bytes).unwrap_err();
    assert!(
        matches!(
            err,
            store::LoadError::NewerFormat {
                found: u64::MAX,
                ..
            }
        ),
        "{err}"
    );
}
