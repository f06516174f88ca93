//! A full disk: saving, the recovery copy, exports, `verdict fmt` and `verdict export -o`
//! onto a filesystem with no byte left. Each must fail saying which file and that the disk
//! is full, leave the old file byte for byte and no temporary file, and a save elsewhere
//! must still work.

use super::sandbox::{SmallDisk, assert_exit, names_in, stderr, verdict_bin};
use crate::store::generate::generated_session;
use chrono::TimeZone;
use std::fs;
use std::path::Path;
use std::process::Command;
use verdict::store::{self, RecoveryEntry, RecoveryStore, SaveError};

/// Asserts the message names `path` first and says, in words, that the disk is full.
fn says_disk_full(message: &str, path: &Path) {
    assert!(
        message.starts_with(&path.display().to_string()),
        "names the file first: {message}"
    );
    assert!(message.contains("the disk is full"), "{message}");
    assert!(message.contains("free some space"), "{message}");
    assert!(message.contains("nothing was changed"), "{message}");
}

#[test]
fn saving_onto_a_full_disk_fails_plainly_and_keeps_the_file_and_its_backup() {
    let Some(disk) = SmallDisk::mount() else {
        return;
    };
    let path = disk.path().join("plan.ron");
    store::save_file(&path, &generated_session(3, 3, 1)).unwrap();
    store::save_file(&path, &generated_session(3, 3, 2)).unwrap();
    let (before, bak_before) = (
        fs::read(&path).unwrap(),
        fs::read(store::backup_path(&path)).unwrap(),
    );
    disk.fill();

    let newer = generated_session(30, 6, 3);
    let err = store::save_file(&path, &newer).unwrap_err();
    says_disk_full(&err.to_string(), &path);
    assert!(err.to_string().contains("write the new version"), "{err}");
    assert_eq!(err.io_kind(), Some(std::io::ErrorKind::StorageFull));
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the old file, byte for byte"
    );
    assert_eq!(fs::read(store::backup_path(&path)).unwrap(), bak_before);
    assert_eq!(
        names_in(disk.path()),
        ["filler", "plan.ron", "plan.ron.bak"]
    );

    let elsewhere = tempfile::tempdir().unwrap();
    let other = elsewhere.path().join("plan.ron");
    store::save_file(&other, &newer).unwrap();
    assert_eq!(store::load_file(&other).unwrap(), newer);
}

#[test]
fn the_recovery_copy_on_a_full_disk_fails_naming_it_and_keeps_the_older_copy() {
    let Some(disk) = SmallDisk::mount() else {
        return;
    };
    let recovery = RecoveryStore::new(disk.path().join("recovery"));
    let entry = |ask: &str| RecoveryEntry {
        original: Some(disk.path().join("plan.ron")),
        original_stamp: None,
        // Above the kernel's process-id limit: no owner lock is taken for it.
        pid: 4_194_400,
        written_at: chrono::Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap(),
        session: generated_session(2, 2, ask.len() as u64),
    };
    let copy = recovery.write(&entry("first")).unwrap();
    let before = fs::read(&copy).unwrap();
    disk.fill();

    let err = recovery.write(&entry("second, longer")).unwrap_err();
    says_disk_full(&err.to_string(), &copy);
    assert_eq!(fs::read(&copy).unwrap(), before);
    assert_eq!(
        names_in(recovery.dir()),
        [copy.file_name().unwrap().to_str().unwrap()]
    );
    assert_eq!(recovery.list().len(), 1, "the older copy is still offered");
}

#[test]
fn an_export_onto_a_full_disk_fails_naming_it_and_keeps_the_older_export() {
    let Some(disk) = SmallDisk::mount() else {
        return;
    };
    let path = disk.path().join("summary.md");
    store::write_text_atomic(&path, "# The older summary\n").unwrap();
    disk.fill();
    let err = store::write_text_atomic(&path, "# A new summary\n").unwrap_err();
    says_disk_full(&err.to_string(), &path);
    assert!(matches!(err, SaveError::Io { .. }));
    assert_eq!(fs::read_to_string(&path).unwrap(), "# The older summary\n");
    assert_eq!(names_in(disk.path()), ["filler", "summary.md"]);
}

#[test]
fn verdict_fmt_on_a_full_disk_exits_1_naming_the_file_and_leaves_it_as_it_was() {
    let Some(disk) = SmallDisk::mount() else {
        return;
    };
    let path = disk.path().join("plan.ron");
    let canonical = store::to_canonical_ron(&generated_session(4, 3, 5));
    // Windows line endings: loads fine, but is not canonical, so fmt rewrites it.
    let crlf = canonical.replace('\n', "\r\n");
    fs::write(&path, &crlf).unwrap();
    disk.fill();

    let out = Command::new(verdict_bin())
        .arg("fmt")
        .arg(&path)
        .output()
        .unwrap();
    assert_exit(&out, 1);
    says_disk_full(&stderr(&out), &path);
    assert_eq!(fs::read_to_string(&path).unwrap(), crlf);
    assert_eq!(names_in(disk.path()), ["filler", "plan.ron"]);

    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("plan.ron");
    fs::write(&copy, &crlf).unwrap();
    assert_exit(
        &Command::new(verdict_bin())
            .arg("fmt")
            .arg(&copy)
            .output()
            .unwrap(),
        0,
    );
    assert_eq!(fs::read_to_string(&copy).unwrap(), canonical);
}

#[test]
fn verdict_export_to_a_full_disk_exits_1_naming_the_output_and_leaves_nothing() {
    let Some(disk) = SmallDisk::mount() else {
        return;
    };
    let source = tempfile::tempdir().unwrap();
    let session = source.path().join("plan.ron");
    store::save_file(&session, &generated_session(5, 3, 6)).unwrap();
    let older = disk.path().join("older.md");
    fs::write(&older, "kept").unwrap();
    disk.fill();

    let out_path = disk.path().join("decision.md");
    let export = |to: &Path| {
        Command::new(verdict_bin())
            .args(["export", "--format", "md", "--date", "2026-11-30", "-o"])
            .arg(to)
            .arg(&session)
            .output()
            .unwrap()
    };
    let out = export(&out_path);
    assert_exit(&out, 1);
    says_disk_full(&stderr(&out), &out_path);
    assert_eq!(names_in(disk.path()), ["filler", "older.md"]);
    let out = export(&older);
    assert_exit(&out, 1);
    assert_eq!(fs::read_to_string(&older).unwrap(), "kept");
    assert_eq!(names_in(disk.path()), ["filler", "older.md"]);

    let elsewhere = source.path().join("decision.md");
    assert_exit(&export(&elsewhere), 0);
    // The whole record: its front matter, then its title.
    let record = fs::read_to_string(&elsewhere).unwrap();
    assert!(
        record.starts_with("---\n") && record.contains("\n# "),
        "{record}"
    );
}
