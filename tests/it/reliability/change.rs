//! Promise 4, first half, and promise 5: someone else's change is noticed before saving;
//! old formats open and newer ones are refused untouched.

use crate::store::broken::fixture;
use crate::store::generate::generated_session;
use std::fs;
use verdict::model::FORMAT_VERSION;
use verdict::store::{self, DiskState};

#[test]
fn a_change_by_someone_else_is_detected_before_saving() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let stamp = store::save_file_stamped(&path, &generated_session(3, 3, 1)).unwrap();
    assert_eq!(
        store::check_unchanged(&path, &stamp).unwrap(),
        DiskState::Unchanged
    );
    let (loaded, load_stamp) = store::load_file_stamped(&path).unwrap();
    assert_eq!(load_stamp.hash, stamp.hash);

    // Same length, one digit different: only the hash can tell.
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen("title: \"Generated 3", "title: \"Generated 4", 1);
    assert_eq!(edited.len(), text.len());
    fs::write(&path, &edited).unwrap();
    assert!(matches!(
        store::check_unchanged(&path, &stamp).unwrap(),
        DiskState::Changed(_)
    ));

    // Rewritten with identical bytes: unchanged.
    fs::write(&path, &text).unwrap();
    assert_eq!(
        store::check_unchanged(&path, &stamp).unwrap(),
        DiskState::Unchanged
    );

    fs::write(&path, format!("{text}\n")).unwrap();
    assert!(matches!(
        store::check_unchanged(&path, &stamp).unwrap(),
        DiskState::Changed(_)
    ));
    fs::remove_file(&path).unwrap();
    assert_eq!(
        store::check_unchanged(&path, &stamp).unwrap(),
        DiskState::Missing
    );
    assert_eq!(loaded.migrated_from, None);
}

#[test]
fn every_released_format_fixture_loads_into_the_current_format() {
    let mut seen = Vec::new();
    for version in store::OLDEST_FORMAT..=FORMAT_VERSION {
        let path = fixture(&format!("format/v{version}.ron"));
        let loaded = store::load_file_info(&path).unwrap();
        assert_eq!(loaded.session.format, FORMAT_VERSION);
        let expected = (version < FORMAT_VERSION).then_some(version);
        assert_eq!(loaded.migrated_from, expected);
        seen.push(version);
    }
    assert_eq!(seen.first(), Some(&1));
}

#[test]
fn saving_a_loaded_fixture_keeps_the_original_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    let original = fs::read(fixture("format/v1.ron")).unwrap();
    fs::write(&path, &original).unwrap();
    let session = store::load_file(&path).unwrap();
    store::save_file(&path, &session).unwrap();
    assert_eq!(fs::read(store::backup_path(&path)).unwrap(), original);
    assert_eq!(store::load_file(&path).unwrap(), session);
}
