//! Promise 4, second half: a second opener is told the document is in use, by whom, and
//! the lock goes away with the process that held it.

use super::{spawn_helper, wait_for_line};
use std::path::Path;
use verdict::store::{self, DocumentLock, LockError};

const ENV_DOC: &str = "VERDICT_LOCK_HOLDER_DOC";
const HELPER: &str = "reliability::lock::lock_holder_helper";

#[test]
#[ignore = "helper process for the lock tests; does nothing on its own"]
fn lock_holder_helper() {
    let Ok(doc) = std::env::var(ENV_DOC) else {
        return;
    };
    let _lock = DocumentLock::acquire(Path::new(&doc)).unwrap();
    println!("VERDICT-HELPER-LOCKED");
    // Bounded, so an orphan left by a failed test stops on its own.
    std::thread::sleep(std::time::Duration::from_secs(30));
}

#[test]
fn a_second_opener_learns_the_file_is_in_use_and_by_which_process() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("plan.ron");
    let first = DocumentLock::acquire(&doc).unwrap();
    let err = DocumentLock::acquire(&doc).unwrap_err();
    let me = std::process::id();
    assert!(
        matches!(err, LockError::InUse { pid: Some(pid), .. } if pid == me),
        "{err}"
    );
    assert!(err.to_string().contains(&format!("process {me}")), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(store::lock_holder(&doc), Some(Some(me)));
    drop(first);
    assert!(
        !store::lock_path(&doc).exists(),
        "the lock file is removed on release"
    );
    assert_eq!(store::lock_holder(&doc), None);
    DocumentLock::acquire(&doc).unwrap();
}

#[test]
fn the_lock_of_a_killed_process_is_released_by_the_system() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("plan.ron");
    let mut child = spawn_helper(HELPER, &[(ENV_DOC, doc.to_str().unwrap())]);
    assert!(wait_for_line(&mut child, "VERDICT-HELPER-LOCKED"));
    let err = DocumentLock::acquire(&doc).unwrap_err();
    assert!(
        matches!(err, LockError::InUse { pid: Some(pid), .. } if pid == child.id()),
        "{err}"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        store::lock_path(&doc).exists(),
        "a killed holder leaves its lock file"
    );
    let lock = DocumentLock::acquire(&doc).expect("the stale lock file is taken over");
    assert_eq!(store::lock_holder(&doc), Some(Some(std::process::id())));
    drop(lock);
}

#[test]
fn saving_into_a_folder_that_does_not_exist_names_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("nowhere").join("plan.ron");
    let err = DocumentLock::acquire(&doc).unwrap_err();
    assert!(matches!(err, LockError::NoFolder { .. }), "{err}");
    let folder = dir.path().join("nowhere").display().to_string();
    assert!(
        err.to_string()
            .contains(&format!("the folder {folder} does not exist")),
        "{err}"
    );
}
