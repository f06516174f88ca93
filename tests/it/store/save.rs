//! Saving: canonical bytes, atomic replacement, `.bak`, clear errors, nothing left behind.

use super::broken::fixture;
use super::generate::generated_session;
use std::fs;
use std::path::Path;
use verdict::model::Session;
use verdict::store::{self, LoadError, SaveError};

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn saving_writes_canonical_text_and_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let session = generated_session(20, 5, 1);
    store::save_file(&path, &session).unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        store::to_canonical_ron(&session)
    );
    assert_eq!(store::load_file(&path).unwrap(), session);
    assert_eq!(names_in(dir.path()), ["plan.ron"]);
}

#[test]
fn saving_over_a_file_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let first = generated_session(3, 3, 1);
    let second = generated_session(4, 3, 2);
    store::save_file(&path, &first).unwrap();
    store::save_file(&path, &second).unwrap();
    assert_eq!(store::load_file(&path).unwrap(), second);
    let bak = store::backup_path(&path);
    assert_eq!(bak.file_name().unwrap(), "plan.ron.bak");
    assert_eq!(store::load_file(&bak).unwrap(), first);
    assert_eq!(names_in(dir.path()), ["plan.ron", "plan.ron.bak"]);
}

#[test]
fn exports_are_written_atomically_without_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summary.md");
    store::write_text_atomic(&path, "one\n").unwrap();
    store::write_text_atomic(&path, "two\n").unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "two\n");
    assert_eq!(names_in(dir.path()), ["summary.md"]);
}

#[test]
fn saving_into_a_vanished_folder_fails_naming_the_path_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone").join("plan.ron");
    let err = store::save_file(&path, &Session::new("x")).unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with(&path.display().to_string()), "{text}");
    assert!(text.contains("temporary file"), "{text}");
    assert_eq!(err.io_kind(), Some(std::io::ErrorKind::NotFound));
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn saving_to_a_folder_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = store::save_file(dir.path(), &Session::new("x")).unwrap_err();
    assert!(
        err.to_string().contains("this is a folder, not a file"),
        "{err}"
    );
    assert!(dir.path().is_dir());
}

#[test]
fn stale_temporary_files_from_a_dead_process_are_removed_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // Process ids are below 2^22 on Linux, so this one is not running.
    let stale = dir.path().join(".plan.ron.4294967295-0.tmp");
    fs::write(&stale, "half a sess").unwrap();
    let other = dir.path().join(".other.ron.4294967295-0.tmp");
    fs::write(&other, "not ours").unwrap();
    assert_eq!(
        store::stale_temps(dir.path(), "plan.ron".as_ref()),
        std::slice::from_ref(&stale)
    );
    store::save_file(&path, &Session::new("x")).unwrap();
    assert!(!stale.exists());
    assert!(
        other.exists(),
        "temporary files of other documents are left alone"
    );
}

#[test]
fn a_leftover_named_after_a_process_id_now_in_use_is_still_removed() {
    // The system reuses process ids, so a killed writer's id may belong to a running process
    // (here: this one). What marks the file as abandoned is that nobody holds its lock.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let pid = std::process::id();
    let leftover = dir.path().join(format!(".plan.ron.{pid}-999999.tmp"));
    fs::write(&leftover, "half a sess").unwrap();
    let leftover_bak = dir.path().join(format!(".plan.ron.{pid}-999999.bak.tmp"));
    fs::write(&leftover_bak, "old").unwrap();
    let orphan_bak = dir.path().join(".plan.ron.1-5.bak.tmp");
    fs::write(&orphan_bak, "old").unwrap();
    store::save_file(&path, &Session::new("x")).unwrap();
    store::save_file(&path, &Session::new("y")).unwrap();
    assert_eq!(names_in(dir.path()), ["plan.ron", "plan.ron.bak"]);
}

#[test]
fn an_old_empty_leftover_goes_even_when_its_process_id_now_runs_something_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // Process 1 always runs; the file is empty, as a writer killed before writing leaves it.
    let leftover = dir.path().join(".plan.ron.1-7.tmp");
    let file = fs::File::create(&leftover).unwrap();
    let young = store::stale_temps(dir.path(), "plan.ron".as_ref());
    assert!(young.is_empty(), "a new empty file may be a writer's");
    file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60))
        .unwrap();
    drop(file);
    store::save_file(&path, &Session::new("x")).unwrap();
    assert_eq!(names_in(dir.path()), ["plan.ron"]);
}

#[test]
fn a_temporary_file_whose_writer_is_still_at_work_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // Named after a process that is not running, but its lock is held: a writer is busy.
    let busy = dir.path().join(".plan.ron.4294967295-3.tmp");
    let held = fs::File::create(&busy).unwrap();
    held.lock().unwrap();
    let busy_bak = dir.path().join(".plan.ron.4294967295-3.bak.tmp");
    fs::write(&busy_bak, "old").unwrap();
    assert!(store::stale_temps(dir.path(), "plan.ron".as_ref()).is_empty());
    store::save_file(&path, &Session::new("x")).unwrap();
    assert!(busy.exists() && busy_bak.exists());
    drop(held);
    assert_eq!(
        store::stale_temps(dir.path(), "plan.ron".as_ref()),
        [busy_bak, busy]
    );
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).unwrap();
    file.set_len(store::MAX_FILE_BYTES + 1).unwrap();
    let err = store::load_file(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(
        err.to_string().contains("over the 16777216-byte limit"),
        "{err}"
    );
    let in_memory = vec![b' '; store::MAX_FILE_BYTES as usize + 1];
    assert!(matches!(
        store::load_document(&in_memory),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn a_missing_file_or_a_folder_gives_a_read_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.ron");
    let err = store::load_file(&missing).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{}: cannot read", missing.display()))
    );
    let err = store::load_file(dir.path()).unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
}

#[test]
fn bom_and_crlf_files_load_like_the_canonical_file() {
    let session = generated_session(5, 3, 3);
    let canonical = store::to_canonical_ron(&session);
    let crlf = format!("\u{feff}{}", canonical.replace('\n', "\r\n"));
    assert_eq!(store::load_document(crlf.as_bytes()).unwrap(), session);
}

#[test]
fn markup_control_characters_and_odd_unicode_round_trip() {
    let mut session = Session::new("<script>alert(1)</script>");
    session.title = "\u{202E}evil\u{200B} \u{1F600} e\u{301} \"q\" \\ \t\r\n\0 '' r#\"x\"#".into();
    session.notes = "\u{FEFF}starts with a BOM\u{2028}line separator".into();
    let text = store::to_canonical_ron(&session);
    assert!(!text.contains('\r'), "newlines inside strings are escaped");
    assert_eq!(store::load_document(text.as_bytes()).unwrap(), session);
}

#[test]
fn a_newer_file_is_left_untouched_when_refused() {
    let path = fixture("broken/newer-format.ron");
    let before = fs::read(&path).unwrap();
    let err = store::load_file(&path).unwrap_err();
    assert!(
        matches!(err, LoadError::NewerFormat { found: 7, .. }),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn deeply_nested_input_is_an_error_not_a_stack_overflow() {
    for depth in [200, 100_000] {
        for (before, open, close) in [
            (
                "(format: 1, title: \"t\", directive: (ask: \"a\"), criteria: ",
                "[",
                "]",
            ),
            ("(format: 1, title: ", "(", ")"),
            ("", "(", ")"),
            (
                "(format: 1, title: \"t\", directive: (ask: \"a\"), criteria: [], outcome: Chosen(option: ",
                "Some(",
                ")",
            ),
        ] {
            let text = format!("{before}{}{}", open.repeat(depth), close.repeat(depth));
            let err = store::load_document(text.as_bytes()).unwrap_err();
            assert!(matches!(err, LoadError::Syntax { .. }), "{err}");
        }
    }
}

#[test]
fn a_save_failing_at_the_last_step_removes_its_temporary_file() {
    // The file changed after it was read: found once the new version is on disk, just
    // before it would replace the file, even for the superuser.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let read = store::save_file_stamped(&path, &generated_session(2, 2, 1)).unwrap();
    fs::write(&path, "someone else's version").unwrap();
    let err = store::save_file_if_unchanged(&path, &Session::new("x"), &read).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
    assert!(err.to_string().contains("nothing was written"), "{err}");
    assert_eq!(names_in(dir.path()), ["plan.ron"]);
    assert_eq!(fs::read_to_string(&path).unwrap(), "someone else's version");
}

#[test]
fn a_save_under_a_path_through_a_file_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "a file, not a folder").unwrap();
    let path = dir.path().join("notes.txt").join("plan.ron");
    let err = store::write_text_atomic(&path, "x").unwrap_err();
    assert!(
        err.to_string().starts_with(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(names_in(dir.path()), ["notes.txt"]);
}
