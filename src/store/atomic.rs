//! Atomic writes: a crash or kill at any moment leaves either the old file or the new one.
//!
//! The text goes to a temporary file in the same folder (so the final rename never crosses
//! filesystems), is flushed to disk, then renamed over the target, and the folder itself
//! is synced so the rename survives a power cut. Temporary files are named
//! `.NAME.PID-N.tmp` (the one that becomes the `.bak` is `.NAME.PID-N.bak.tmp`). The writer
//! holds an operating-system lock on its temporary file until the rename, so one left behind
//! by a killed process is recognised by its free lock, not by its process id, which the
//! system may since have given to another process; the next write to the same target
//! removes it (unless it is still empty, under two seconds old and its process runs: it may
//! be just created and not locked yet). On any error the temporary file is removed and the target is untouched.
//!
//! Before anything is written the target is looked at: a symbolic link is followed, so the
//! file it points at is replaced and the link stays; a folder, a pipe, a device or a socket
//! is refused, and so is an existing file this process may not write (a read-only file is
//! not replaced, though the folder would allow it). A folder that cannot be synced is not
//! an error: the file's own content was synced already.

use super::canonical::to_canonical_ron;
use super::error::{LoadError, SaveError};
use super::path_kind::{follow_links, may_write, not_a_file};
use super::stamp::{DiskState, FileStamp, check_unchanged, stamp_written};
use crate::model::Session;
use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Saves `session` to `path` in canonical form, atomically. When `path` already exists its
/// previous content is kept as `NAME.bak` next to it (e.g. `plan.ron.bak`).
///
/// # Errors
/// [`SaveError`] naming `path` and the step that failed; the previous file is unchanged and
/// no temporary file is left behind.
pub fn save_file(path: &Path, session: &Session) -> Result<(), SaveError> {
    write_atomic(path, to_canonical_ron(session).as_bytes(), true, None)
}

/// Like [`save_file`], returning the stamp of what was written for a later
/// [`super::check_unchanged`].
///
/// # Errors
/// As [`save_file`].
pub fn save_file_stamped(path: &Path, session: &Session) -> Result<FileStamp, SaveError> {
    let text = to_canonical_ron(session);
    write_atomic(path, text.as_bytes(), true, None)?;
    Ok(stamp_written(path, text.as_bytes()))
}

/// Like [`save_file_stamped`], but only while the file on disk is still the one `expected`
/// describes (or is gone): the check is made just before the new version replaces it, so
/// a change made by someone else meanwhile is not overwritten.
///
/// # Errors
/// [`SaveError::ChangedOnDisk`] when the file changed; otherwise as [`save_file`].
pub fn save_file_if_unchanged(
    path: &Path,
    session: &Session,
    expected: &FileStamp,
) -> Result<FileStamp, SaveError> {
    let text = to_canonical_ron(session);
    write_atomic(path, text.as_bytes(), true, Some(expected))?;
    Ok(stamp_written(path, text.as_bytes()))
}

/// Writes `text` to `path` atomically, without a backup; exports use it.
///
/// # Errors
/// As [`save_file`].
pub fn write_text_atomic(path: &Path, text: &str) -> Result<(), SaveError> {
    write_atomic(path, text.as_bytes(), false, None)
}

/// Like [`write_text_atomic`], only while the file is still the one `expected` describes
/// (or is gone); `verdict fmt` uses it so a concurrent writer's version is never lost.
///
/// # Errors
/// [`SaveError::ChangedOnDisk`] when the file changed; otherwise as [`save_file`].
pub fn write_text_if_unchanged(
    path: &Path,
    text: &str,
    expected: &FileStamp,
) -> Result<(), SaveError> {
    write_atomic(path, text.as_bytes(), false, Some(expected))
}

/// Where the previous version of `path` is kept: the same name with `.bak` appended.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Removes the temporary file on drop unless the write went through.
struct TempGuard {
    path: PathBuf,
    armed: bool,
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn write_atomic(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    expected: Option<&FileStamp>,
) -> Result<(), SaveError> {
    let file = path.display().to_string();
    let fail = |step: &'static str| {
        let file = file.clone();
        move |source: io::Error| SaveError::Io { file, step, source }
    };
    let target = follow_links(path)
        .map_err(fail("follow the symbolic link"))?
        .ok_or_else(|| SaveError::NotAFile {
            file: file.clone(),
            kind: "a symbolic link in a loop",
        })?;
    let file_name = target
        .file_name()
        .filter(|n| !n.is_empty())
        .ok_or_else(|| SaveError::NotAFilePath { file: file.clone() })?
        .to_owned();
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let previous = existing_file(&target, &file)?;
    remove_stale_temps(&dir, &file_name);

    let (mut temp, guard_path) =
        create_temp(&dir, &file_name).map_err(fail("create a temporary file in its folder"))?;
    let mut guard = TempGuard {
        path: guard_path,
        armed: true,
    };
    // Held until the rename: a free lock is what marks an abandoned temporary file.
    let _ = temp.try_lock();
    temp.write_all(bytes)
        .and_then(|()| temp.sync_all())
        .map_err(fail("write the new version to disk"))?;
    if let Some(meta) = &previous {
        // Best effort: a saved file keeps the permissions it had.
        let _ = temp.set_permissions(meta.permissions());
    }
    if let Some(expected) = expected {
        match check_unchanged(&target, expected) {
            Ok(DiskState::Unchanged | DiskState::Missing) => {}
            Ok(DiskState::Changed(_)) => return Err(SaveError::ChangedOnDisk { file }),
            Err(e) => {
                let source = match e {
                    LoadError::Io { source, .. } => source,
                    other => io::Error::other(other.to_string()),
                };
                return Err(fail("compare it with the version on disk")(source));
            }
        }
    }
    if keep_backup && previous.is_some() {
        write_backup(&target, &guard.path)
            .map_err(fail("keep the previous version as a .bak file"))?;
    }
    fs::rename(&guard.path, &target).map_err(fail("replace the file with the new version"))?;
    guard.armed = false;
    drop(temp);
    sync_dir(&dir);
    Ok(())
}

/// The metadata of the regular file at `target` if there is one. Anything else there (a
/// folder, a pipe, a device) is refused, and so is a file this process may not write, so
/// a read-only file is never replaced behind its owner's back.
fn existing_file(target: &Path, file: &str) -> Result<Option<fs::Metadata>, SaveError> {
    // Not there (or its folder is missing): creating the temporary file says it plainly.
    let Ok(meta) = fs::symlink_metadata(target) else {
        return Ok(None);
    };
    if let Some(kind) = not_a_file(&meta.file_type()) {
        return Err(SaveError::NotAFile {
            file: file.to_owned(),
            kind,
        });
    }
    match may_write(target) {
        Ok(true) => Ok(Some(meta)),
        Ok(false) => Err(SaveError::ReadOnlyFile {
            file: file.to_owned(),
        }),
        Err(source) => Err(SaveError::Io {
            file: file.to_owned(),
            step: "open the existing file for writing",
            source,
        }),
    }
}

/// `.NAME.`, the start of every temporary file name for `file_name`; the bytes of a name
/// that is not UTF-8 are kept as they are.
fn temp_prefix(file_name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(file_name);
    prefix.push(".");
    prefix
}

fn create_temp(dir: &Path, file_name: &OsStr) -> io::Result<(File, PathBuf)> {
    loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut name = temp_prefix(file_name);
        name.push(format!("{}-{n}.tmp", std::process::id()));
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((file, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// The temporary name of the `.bak` made while `main_temp` is being written.
fn backup_temp_path(main_temp: &Path) -> PathBuf {
    main_temp.with_extension("bak.tmp")
}

/// Keeps the current content of `target` as `NAME.bak`, itself replaced atomically: a hard
/// link when the filesystem allows it (no copy), otherwise a flushed copy.
fn write_backup(target: &Path, main_temp: &Path) -> io::Result<()> {
    let backup = backup_path(target);
    let guard = TempGuard {
        path: backup_temp_path(main_temp),
        armed: true,
    };
    // A leftover of an earlier save under the same name is replaced, never linked over.
    let _ = fs::remove_file(&guard.path);
    if fs::hard_link(target, &guard.path).is_err() {
        fs::copy(target, &guard.path)?;
        File::open(&guard.path)?.sync_all()?;
    }
    fs::rename(&guard.path, &backup)?;
    // When the `.bak` already is the current file (a save killed between keeping the `.bak`
    // and replacing the file leaves them as one file under two names), renaming one name of
    // a file onto another does nothing and leaves the temporary name behind: it goes here.
    let _ = fs::remove_file(&guard.path);
    std::mem::forget(guard);
    Ok(())
}

/// Flushes the folder entry so the rename is durable. Some filesystems cannot sync a
/// folder; the data itself is already on disk then, so that is not reported.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Temporary files for `file_name` in `dir` that no running save owns: their writer was
/// killed or crashed. A main temporary file is abandoned when its lock is free (or, where
/// locks are unsupported, when the process named in it is not running); the `.bak` one
/// when its main temporary file is gone or abandoned.
pub fn stale_temps(dir: &Path, file_name: &OsStr) -> Vec<PathBuf> {
    let prefix = temp_prefix(file_name);
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut stale = Vec::new();
    let mut backups = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(middle) = name
            .as_encoded_bytes()
            .strip_prefix(prefix.as_encoded_bytes())
            .and_then(|n| n.strip_suffix(b".tmp"))
            .and_then(|n| std::str::from_utf8(n).ok())
        else {
            continue;
        };
        let (owner, is_backup) = match middle.strip_suffix(".bak") {
            Some(owner) => (owner, true),
            None => (middle, false),
        };
        let Some((pid, n)) = owner.split_once('-') else {
            continue;
        };
        let (Ok(pid), Ok(_)) = (pid.parse::<u32>(), n.parse::<u64>()) else {
            continue;
        };
        if is_backup {
            let mut main = prefix.clone();
            main.push(format!("{owner}.tmp"));
            backups.push((entry.path(), dir.join(main)));
        } else if !lock_holder_alive(&entry.path(), pid) && !just_created(&entry.path(), pid) {
            stale.push(entry.path());
        }
    }
    for (backup, main) in backups {
        if !main.exists() || stale.contains(&main) {
            stale.push(backup);
        }
    }
    stale.sort();
    stale
}

/// How long an empty temporary file of a running process is taken to be in the instant
/// between its creation and its lock. Far longer than that instant ever lasts, and short
/// enough that an empty file left by a killed writer whose process id the system has since
/// given to another process is still removed by a later save.
const JUST_CREATED_FOR: std::time::Duration = std::time::Duration::from_secs(2);

/// Whether `path` may be a temporary file that its writer (`pid`, running) has created but
/// not locked yet: it is still empty and new then, and removing it would make that save fail.
fn just_created(path: &Path, pid: u32) -> bool {
    let new_and_empty = fs::metadata(path).is_ok_and(|m| {
        m.len() == 0
            && m.modified()
                .ok()
                .and_then(|at| at.elapsed().ok())
                .is_none_or(|age| age < JUST_CREATED_FOR)
    });
    new_and_empty && (pid == std::process::id() || process_alive(pid))
}

/// Whether the process that locks `path` while it works (as `pid`) is still at work: the
/// lock is held. Where the file cannot be opened or locks are unsupported, `pid` decides.
pub(crate) fn lock_holder_alive(path: &Path, pid: u32) -> bool {
    match File::open(path).map(|file| file.try_lock()) {
        Ok(Ok(())) => false,
        Ok(Err(fs::TryLockError::WouldBlock)) => true,
        Ok(Err(fs::TryLockError::Error(_))) | Err(_) => {
            pid == std::process::id() || process_alive(pid)
        }
    }
}

fn remove_stale_temps(dir: &Path, file_name: &OsStr) {
    for path in stale_temps(dir, file_name) {
        let _ = fs::remove_file(path);
    }
}

/// Whether a process with this id is running. Only Linux can tell cheaply (`/proc`);
/// elsewhere another process's temporary file is assumed abandoned, which at worst makes
/// that process's own save fail with a clear error.
pub(crate) fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        false
    }
}
