//! No permission: a read-only file, a read-only folder, an unreadable file, and a recovery
//! folder that cannot be written, met by a user whom permissions bind.
//!
//! CI runs as root, whom permissions do not bind, so the part that meets the fault runs in
//! a child process as `nobody` (see `sandbox::unprivileged`): either the real `verdict`
//! binary, or this test binary re-run on the ignored helper below, which runs one named
//! case. The parent sets the tree up and checks, as root, that nothing changed.

use super::sandbox::{
    assert_exit, chmod, give_away, stderr, unprivileged, unprivileged_tree, verdict_bin,
};
use super::window_faults;
use crate::store::generate::generated_session;
use std::fs;
use std::path::Path;
use std::process::Output;
use verdict::store::{self, LoadError, SaveError};

const ENV_CASE: &str = "VERDICT_FAULT_CASE";
const ENV_DIR: &str = "VERDICT_FAULT_DIR";
const HELPER: &str = "reliability::permission::unprivileged_case_helper";

#[test]
#[ignore = "helper process for the permission tests; does nothing on its own"]
fn unprivileged_case_helper() {
    let (Ok(case), Ok(dir)) = (std::env::var(ENV_CASE), std::env::var(ENV_DIR)) else {
        return;
    };
    let dir = Path::new(&dir);
    match case.as_str() {
        "save-read-only-file" => save_over_a_read_only_file(dir),
        "save-in-read-only-folder" => save_in_a_read_only_folder(dir),
        "load-unreadable-file" => load_an_unreadable_file(dir),
        "window-recovery-folder-read-only" => window_faults::recovery_folder_read_only(dir),
        "window-save-read-only-file" => window_faults::save_over_a_read_only_file(dir),
        "window-open-unreadable-file" => window_faults::open_an_unreadable_file(dir),
        "window-read-only-folder" => window_faults::open_in_a_read_only_folder(dir),
        other => panic!("no such case: {other}"),
    }
    println!("VERDICT-CASE-PASSED {case}");
}

/// Runs `case` of the helper as `nobody` on `dir` and asserts it passed.
pub fn run_case(case: &str, dir: &Path) {
    let exe = std::env::current_exe().unwrap();
    let out = unprivileged(&exe, dir)
        .args([HELPER, "--exact", "--ignored", "--nocapture"])
        .arg("--test-threads=1")
        .env(ENV_CASE, case)
        .env(ENV_DIR, dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains(&format!("VERDICT-CASE-PASSED {case}")),
        "the case `{case}` failed as the unprivileged user:\n{stdout}\n{}",
        stderr(&out)
    );
}

/// A session file in `dir` owned by the unprivileged user, with `mode`; its bytes.
fn owned_session(dir: &Path, name: &str, mode: u32) -> Vec<u8> {
    let path = dir.join(name);
    store::save_file(&path, &generated_session(3, 3, 11)).unwrap();
    let bytes = fs::read(&path).unwrap();
    give_away(&path);
    chmod(&path, mode);
    bytes
}

/// The bytes of a file the test made unreadable (run as an ordinary user, the test is that
/// user too): readable again first.
fn read_back(path: &Path) -> Vec<u8> {
    chmod(path, 0o600);
    fs::read(path).unwrap()
}

fn save_over_a_read_only_file(dir: &Path) {
    let path = dir.join("plan.ron");
    let newer = generated_session(4, 3, 12);
    let err = store::save_file(&path, &newer).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnlyFile { .. }), "{err}");
    let text = err.to_string();
    assert!(text.starts_with(&path.display().to_string()), "{text}");
    assert!(
        text.contains("read-only") && text.contains("another name"),
        "{text}"
    );
    let export = store::write_text_atomic(&path, "x").unwrap_err();
    assert!(matches!(export, SaveError::ReadOnlyFile { .. }), "{export}");
    // Opening it for editing is refused up front, so nobody edits for hours first.
    let lock = store::DocumentLock::acquire(&path).unwrap_err();
    assert!(
        matches!(lock, store::LockError::ReadOnlyFile { .. }),
        "{lock}"
    );
    assert!(lock.to_string().contains("Save As"), "{lock}");
    // Saving under another name in the same folder works.
    store::save_file(&dir.join("plan-2.ron"), &newer).unwrap();
}

fn save_in_a_read_only_folder(dir: &Path) {
    let path = dir.join("shut").join("plan.ron");
    let err = store::save_file(&path, &generated_session(4, 3, 12)).unwrap_err();
    let text = err.to_string();
    assert_eq!(err.io_kind(), Some(std::io::ErrorKind::PermissionDenied));
    assert!(text.starts_with(&path.display().to_string()), "{text}");
    assert!(
        text.contains("create a temporary file in its folder"),
        "{text}"
    );
    assert!(
        text.contains("you are not allowed to write there"),
        "{text}"
    );
    assert!(text.contains("nothing was changed"), "{text}");
    let export = store::write_text_atomic(&dir.join("shut").join("new.md"), "x").unwrap_err();
    assert_eq!(export.io_kind(), Some(std::io::ErrorKind::PermissionDenied));
}

fn load_an_unreadable_file(dir: &Path) {
    let path = dir.join("secret.ron");
    let err = store::load_file(&path).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }), "{err}");
    let text = err.to_string();
    assert!(text.starts_with(&path.display().to_string()), "{text}");
    assert!(text.contains("you are not allowed to read it"), "{text}");
    assert!(store::FileStamp::read(&path).is_err());
}

#[test]
fn a_read_only_file_is_not_replaced_and_the_message_says_to_save_under_another_name() {
    let dir = unprivileged_tree();
    let before = owned_session(dir.path(), "plan.ron", 0o444);
    run_case("save-read-only-file", dir.path());
    assert_eq!(fs::read(dir.path().join("plan.ron")).unwrap(), before);
    assert_eq!(
        super::sandbox::names_in(dir.path()),
        ["plan-2.ron", "plan.ron"],
        "no temporary file, no .bak"
    );
}

#[test]
fn saving_into_a_read_only_folder_fails_and_keeps_the_old_file() {
    let dir = unprivileged_tree();
    let shut = dir.path().join("shut");
    fs::create_dir(&shut).unwrap();
    give_away(&shut);
    let before = owned_session(&shut, "plan.ron", 0o644);
    chmod(&shut, 0o555);
    run_case("save-in-read-only-folder", dir.path());
    assert_eq!(fs::read(shut.join("plan.ron")).unwrap(), before);
    assert_eq!(super::sandbox::names_in(&shut), ["plan.ron"]);
    // So that an ordinary user running the tests can remove the tree.
    chmod(&shut, 0o755);
}

#[test]
fn an_unreadable_file_is_reported_as_not_readable_by_this_user() {
    let dir = unprivileged_tree();
    let before = owned_session(dir.path(), "secret.ron", 0o200);
    run_case("load-unreadable-file", dir.path());
    assert_eq!(read_back(&dir.path().join("secret.ron")), before);
}

/// `verdict ARGS` as the unprivileged user.
fn verdict_as_nobody(home: &Path, args: &[&std::ffi::OsStr]) -> Output {
    unprivileged(verdict_bin(), home)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_as_an_unprivileged_user_reports_each_permission_fault_and_changes_nothing() {
    let dir = unprivileged_tree();
    let root = dir.path();
    // A read-only file in canonical form except for its line endings.
    let read_only = root.join("read-only.ron");
    let crlf = store::to_canonical_ron(&generated_session(3, 2, 4)).replace('\n', "\r\n");
    fs::write(&read_only, &crlf).unwrap();
    give_away(&read_only);
    chmod(&read_only, 0o444);
    // A folder the user may not write, holding a session that fmt would rewrite.
    let shut = root.join("shut");
    fs::create_dir(&shut).unwrap();
    let inside = shut.join("plan.ron");
    fs::write(&inside, &crlf).unwrap();
    give_away(&inside);
    give_away(&shut);
    chmod(&shut, 0o555);
    let unreadable = root.join("secret.ron");
    let secret = owned_session(root, "secret.ron", 0o200);

    let out = verdict_as_nobody(root, &["fmt".as_ref(), read_only.as_os_str()]);
    assert_exit(&out, 1);
    assert!(stderr(&out).starts_with(&read_only.display().to_string()));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));

    let out = verdict_as_nobody(root, &["fmt".as_ref(), inside.as_os_str()]);
    assert_exit(&out, 1);
    assert!(
        stderr(&out).contains("you are not allowed to write there"),
        "{}",
        stderr(&out)
    );

    let export = shut.join("decision.md");
    let args = ["export", "--format", "md", "-o"].map(std::ffi::OsStr::new);
    let out = verdict_as_nobody(
        root,
        &[&args[..], &[export.as_os_str(), read_only.as_os_str()]].concat(),
    );
    assert_exit(&out, 1);
    assert!(stderr(&out).starts_with(&export.display().to_string()));
    assert!(
        stderr(&out).contains("not allowed to write"),
        "{}",
        stderr(&out)
    );

    let out = verdict_as_nobody(root, &["check".as_ref(), unreadable.as_os_str()]);
    assert_exit(&out, 1);
    assert!(
        stderr(&out).contains("you are not allowed to read it"),
        "{}",
        stderr(&out)
    );

    assert_eq!(read_back(&unreadable), secret);
    assert_eq!(fs::read_to_string(&read_only).unwrap(), crlf);
    assert_eq!(fs::read_to_string(&inside).unwrap(), crlf);
    assert_eq!(super::sandbox::names_in(&shut), ["plan.ron"]);
    chmod(&shut, 0o755);
}
