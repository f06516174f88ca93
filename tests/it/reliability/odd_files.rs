//! Files that are not what they seem: a folder, a symbolic link, a named pipe, a device, a
//! file that grows while it is read, a name that is not UTF-8, and a filesystem that cannot
//! sync a folder. Each gets a plain message naming the path and changes nothing; a link is
//! written through (the file it points at is replaced, the link stays).

use super::sandbox::{
    assert_exit, finish_within, is_root, names_in, returns_within, skip, stderr, verdict_bin,
};
use crate::store::generate::generated_session;
use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;
use verdict::store::{self, LoadError, SaveError};

/// `verdict ARGS`, failing if it runs for more than 20 s (a pipe must never block it).
fn verdict(args: &[&OsStr]) -> Output {
    let child = Command::new(verdict_bin())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish_within(child, Duration::from_secs(20), "verdict")
}

/// Every command that reads a session or writes a file, pointed at `odd`; each must exit 1
/// with a message naming `odd` and saying it is `kind`.
fn the_command_line_refuses(odd: &Path, kind: &str, session: &Path) {
    let o = odd.as_os_str();
    let runs: [Vec<&OsStr>; 5] = [
        vec!["check".as_ref(), o],
        vec!["fmt".as_ref(), o],
        vec!["rank".as_ref(), o],
        vec!["export".as_ref(), "--format".as_ref(), "md".as_ref(), o],
        vec![
            "export".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            "-o".as_ref(),
            o,
            session.as_os_str(),
        ],
    ];
    for args in runs {
        let out = verdict(&args);
        assert_exit(&out, 1);
        let text = stderr(&out);
        assert!(
            text.starts_with(&odd.display().to_string()),
            "{args:?}: {text}"
        );
        assert!(
            text.contains(&format!("this is {kind}")),
            "{args:?}: {text}"
        );
    }
}

fn a_session(dir: &Path) -> PathBuf {
    let path = dir.join("plan.ron");
    store::save_file(&path, &generated_session(3, 3, 21)).unwrap();
    path
}

#[test]
fn a_folder_given_as_the_session_is_refused_as_a_folder_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("plan.ron");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("inside.txt"), "keep me").unwrap();
    let err = store::load_file(&folder).unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::NotAFile {
                kind: "a folder",
                ..
            }
        ),
        "{err}"
    );
    let err = store::save_file(&folder, &generated_session(2, 2, 1)).unwrap_err();
    assert!(
        matches!(
            err,
            SaveError::NotAFile {
                kind: "a folder",
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("nothing was written"), "{err}");

    let elsewhere = tempfile::tempdir().unwrap();
    the_command_line_refuses(&folder, "a folder", &a_session(elsewhere.path()));
    assert_eq!(names_in(&folder), ["inside.txt"]);
    assert_eq!(names_in(dir.path()), ["plan.ron"]);
}

#[test]
fn saving_through_a_symbolic_link_replaces_the_file_it_points_at_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let real = dir.path().join("real/plan.ron");
    let first = generated_session(3, 3, 1);
    store::save_file(&real, &first).unwrap();
    let link = dir.path().join("plan.ron");
    symlink("real/plan.ron", &link).unwrap();

    let second = generated_session(4, 3, 2);
    store::save_file(&link, &second).unwrap();
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("real/plan.ron"));
    assert_eq!(store::load_file(&link).unwrap(), second);
    assert_eq!(store::load_file(&store::backup_path(&real)).unwrap(), first);
    assert_eq!(names_in(dir.path()), ["plan.ron", "real"]);
    assert_eq!(
        names_in(&dir.path().join("real")),
        ["plan.ron", "plan.ron.bak"]
    );

    // One document, one edit lock, whichever path it is opened by.
    let by_link = store::DocumentLock::acquire(&link).unwrap();
    let by_real = store::DocumentLock::acquire(&real).unwrap_err();
    assert!(
        matches!(by_real, store::LockError::InUse { .. }),
        "{by_real}"
    );
    drop(by_link);

    // An export aimed at a link to the session itself is refused before anything is read.
    let args: [&OsStr; 6] = [
        "export".as_ref(),
        "--format".as_ref(),
        "md".as_ref(),
        "-o".as_ref(),
        link.as_os_str(),
        real.as_os_str(),
    ];
    let out = verdict(&args);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("would overwrite the session itself"));
    assert_eq!(store::load_file(&real).unwrap(), second);

    // `verdict fmt` through the link, too.
    let crlf = store::to_canonical_ron(&second).replace('\n', "\r\n");
    fs::write(&real, &crlf).unwrap();
    assert_exit(&verdict(&["fmt".as_ref(), link.as_os_str()]), 0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&real).unwrap(),
        store::to_canonical_ron(&second)
    );
}

#[test]
fn a_link_to_a_file_not_there_yet_creates_it_and_links_in_a_loop_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let dangling = dir.path().join("new.ron");
    symlink("drafts-new.ron", &dangling).unwrap();
    let session = generated_session(2, 2, 3);
    store::save_file(&dangling, &session).unwrap();
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        store::load_file(&dir.path().join("drafts-new.ron")).unwrap(),
        session
    );

    let a = dir.path().join("a.ron");
    symlink("b.ron", &a).unwrap();
    symlink("a.ron", dir.path().join("b.ron")).unwrap();
    let err = store::save_file(&a, &session).unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with(&a.display().to_string()), "{text}");
    assert!(
        text.contains("this is a symbolic link in a loop, not a file; nothing was written"),
        "{text}"
    );
    let err = store::load_file(&a).unwrap_err();
    assert!(
        err.to_string().starts_with(&a.display().to_string()),
        "{err}"
    );
    assert_eq!(
        names_in(dir.path()),
        ["a.ron", "b.ron", "drafts-new.ron", "new.ron"]
    );
}

#[test]
fn a_named_pipe_is_refused_at_once_for_reading_and_writing_and_stays_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let path = fifo.clone();
    // Nobody ever writes into this pipe: opening it plainly would wait forever.
    let err = returns_within(Duration::from_secs(10), "loading a pipe", move || {
        store::load_file(&path).map(|_| ())
    })
    .unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::NotAFile {
                kind: "a named pipe (FIFO)",
                ..
            }
        ),
        "{err}"
    );
    let path = fifo.clone();
    let err = returns_within(Duration::from_secs(10), "saving over a pipe", move || {
        store::save_file(&path, &generated_session(2, 2, 1))
    })
    .unwrap_err();
    assert!(matches!(err, SaveError::NotAFile { .. }), "{err}");

    let elsewhere = tempfile::tempdir().unwrap();
    the_command_line_refuses(&fifo, "a named pipe (FIFO)", &a_session(elsewhere.path()));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names_in(dir.path()), ["plan.ron"]);
}

#[test]
fn a_device_is_refused_for_reading_and_writing_and_stays_a_device() {
    let dir = tempfile::tempdir().unwrap();
    // As root, a device node of our own (the null device), so nothing shared is at risk.
    let device = if is_root() {
        let node = dir.path().join("device.ron");
        let made = Command::new("mknod")
            .arg(&node)
            .args(["c", "1", "3"])
            .status()
            .unwrap();
        assert!(made.success(), "mknod");
        node
    } else {
        PathBuf::from("/dev/null")
    };
    let err = store::load_file(&device).unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::NotAFile {
                kind: "a device",
                ..
            }
        ),
        "{err}"
    );
    let err = store::write_text_atomic(&device, "x").unwrap_err();
    assert!(
        matches!(
            err,
            SaveError::NotAFile {
                kind: "a device",
                ..
            }
        ),
        "{err}"
    );
    the_command_line_refuses(&device, "a device", &a_session(dir.path()));
    assert!(fs::metadata(&device).unwrap().file_type().is_char_device());
}

#[test]
fn a_file_that_grows_while_it_is_read_is_refused_not_parsed_half_written() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let session = generated_session(200, 6, 4);
    store::save_file(&path, &session).unwrap();
    let start_len = fs::metadata(&path).unwrap().len();

    // Another program keeps appending comment lines; every prefix is still a valid file.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (path, stop) = (path.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut file = fs::OpenOptions::new().append(true).open(path).unwrap();
            let mut written = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                file.write_all(b"// a note\n").unwrap();
                written += 10;
                std::thread::sleep(Duration::from_micros(50));
            }
            written
        })
    };
    // Usually a handful of reads suffice; a machine too busy to run the writer often gets
    // up to 2,000 reads or 30 s.
    let started = std::time::Instant::now();
    let (mut refused, mut loaded) = (0, 0);
    while loaded < 2000 && started.elapsed() < Duration::from_secs(30) {
        match store::load_file(&path) {
            Ok(got) => {
                assert_eq!(got, session);
                loaded += 1;
            }
            Err(err @ LoadError::ChangedWhileReading { .. }) => {
                let text = err.to_string();
                assert!(text.starts_with(&path.display().to_string()), "{text}");
                assert!(text.contains("changed while it was being read"), "{text}");
                refused += 1;
            }
            Err(other) => panic!("neither loaded nor refused as changing: {other}"),
        }
        if refused >= 5 {
            break;
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writer.join().unwrap();
    println!("growing file: {refused} reads refused, {loaded} loaded a complete snapshot");
    assert!(
        refused > 0,
        "the growth was never noticed in {loaded} reads"
    );
    assert_eq!(
        fs::metadata(&path).unwrap().len(),
        start_len + written,
        "nothing written by the reader"
    );
}

#[test]
fn a_path_with_bytes_that_are_not_utf8_works_and_is_named_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(OsStr::from_bytes(b"caf\xe9"));
    fs::create_dir(&folder).unwrap();
    let path = folder.join(OsStr::from_bytes(b"d\xe9cision.ron"));
    let (first, second) = (generated_session(3, 3, 1), generated_session(3, 3, 2));
    store::save_file(&path, &first).unwrap();
    // A temporary file left by a killed save under this name is recognised and removed.
    let leftover = folder.join(OsStr::from_bytes(b".d\xe9cision.ron.4294967295-0.tmp"));
    fs::write(&leftover, "half a sess").unwrap();
    store::save_file(&path, &second).unwrap();
    assert_eq!(store::load_file(&path).unwrap(), second);
    assert_eq!(store::load_file(&store::backup_path(&path)).unwrap(), first);
    assert!(!leftover.exists());
    assert_eq!(
        fs::read_dir(&folder).unwrap().count(),
        2,
        "the file and its .bak"
    );

    let out = verdict(&["check".as_ref(), path.as_os_str()]);
    assert_exit(&out, 0);
    let export = folder.join(OsStr::from_bytes(b"r\xe9sum\xe9.md"));
    let args: [&OsStr; 6] = [
        "export".as_ref(),
        "--format".as_ref(),
        "md".as_ref(),
        "-o".as_ref(),
        export.as_os_str(),
        path.as_os_str(),
    ];
    assert_exit(&verdict(&args), 0);
    // The whole record: its front matter, then its title.
    let record = fs::read_to_string(&export).unwrap();
    assert!(
        record.starts_with("---\n") && record.contains("\n# "),
        "{record}"
    );

    let broken = folder.join(OsStr::from_bytes(b"br\xefken.ron"));
    fs::write(&broken, "(format: 1, title: ").unwrap();
    let out = verdict(&["fmt".as_ref(), broken.as_os_str()]);
    assert_exit(&out, 1);
    let named = broken.display().to_string();
    assert!(named.contains('\u{FFFD}'));
    assert!(stderr(&out).starts_with(&named), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&broken).unwrap(), "(format: 1, title: ");
}

#[test]
fn unsaved_work_of_a_file_whose_name_is_not_utf8_is_kept_for_recovery() {
    use chrono::TimeZone;
    let dir = tempfile::tempdir().unwrap();
    let recovery = store::RecoveryStore::new(dir.path().join("recovery"));
    let original = dir.path().join(OsStr::from_bytes(b"d\xe9cision.ron"));
    let entry = store::RecoveryEntry {
        original: Some(original.clone()),
        original_stamp: None,
        pid: 4_194_400,
        written_at: chrono::Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap(),
        session: generated_session(2, 2, 9),
    };
    let copy = recovery.write(&entry).unwrap();
    assert_eq!(recovery.read(&copy).unwrap(), entry);
    assert_eq!(recovery.list().len(), 1);
}

/// Builds the preloadable library that makes syncing a folder fail, or skips without a C
/// compiler (CI installs gcc).
fn no_dir_fsync_library(dir: &Path) -> Option<PathBuf> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/faults/no_dir_fsync.c");
    let library = dir.join("no_dir_fsync.so");
    let built = Command::new("cc")
        .args(["-shared", "-fPIC", "-o"])
        .arg(&library)
        .arg(&source)
        .arg("-ldl")
        .output();
    match built {
        Ok(out) if out.status.success() => Some(library),
        Ok(out) => skip(&format!("cc failed: {}", stderr(&out))),
        Err(e) => skip(&format!("no C compiler to build the fault library ({e})")),
    }
}

#[test]
fn on_a_filesystem_that_cannot_sync_a_folder_saving_still_succeeds() {
    let tools = tempfile::tempdir().unwrap();
    let Some(library) = no_dir_fsync_library(tools.path()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let canonical = store::to_canonical_ron(&generated_session(3, 3, 8));
    fs::write(&path, canonical.replace('\n', "\r\n")).unwrap();
    let under_fault = |args: &[&OsStr]| {
        Command::new(verdict_bin())
            .args(args)
            .env("LD_PRELOAD", &library)
            .output()
            .unwrap()
    };
    let out = under_fault(&["fmt".as_ref(), path.as_os_str()]);
    assert_exit(&out, 0);
    assert!(
        stderr(&out).contains("no-dir-fsync: refused fsync on a folder"),
        "the fault was met: {}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), canonical);

    let export = dir.path().join("decision.md");
    let args: [&OsStr; 6] = [
        "export".as_ref(),
        "--format".as_ref(),
        "md".as_ref(),
        "-o".as_ref(),
        export.as_os_str(),
        path.as_os_str(),
    ];
    let out = under_fault(&args);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("refused fsync on a folder"));
    // The whole record: its front matter, then its title.
    let record = fs::read_to_string(&export).unwrap();
    assert!(
        record.starts_with("---\n") && record.contains("\n# "),
        "{record}"
    );
    assert_eq!(names_in(dir.path()), ["decision.md", "plan.ron"]);
}
