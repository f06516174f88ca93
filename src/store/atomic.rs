//! Atomic writes: a crash or kill at any moment leaves either the old file or the new one.
//!
//! The text goes to a temporary file in the same folder (so the final rename never crosses
//! filesystems), is flushed to disk, then renamed over the target, and the folder itself
//! is synced so the rename survives a power cut. Temporary files are named
//! `.NAME.PID-N.tmp` (the one that becomes the `.bak` is `.NAME.PID-N.bak.tmp`). The writer
//! holds an operating-system lock on its temporary file until the rename, so one left behind
//! by a killed process is recognised by its free lock, not by its process id, which the
//! system may since have given to another process; the next write to the same target
//! removes it. On any error the temporary file is removed and the target is untouched.

use super::canonical::to_canonical_ron;
use super::error::SaveError;
use super::stamp::{FileStamp, stamp_written};
use crate::model::Session;
use std::ffi::OsStr;
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
    write_atomic(path, to_canonical_ron(session).as_bytes(), true)
}

/// Like [`save_file`], returning the stamp of what was written for a later
/// [`super::check_unchanged`].
///
/// # Errors
/// As [`save_file`].
pub fn save_file_stamped(path: &Path, session: &Session) -> Result<FileStamp, SaveError> {
    let text = to_canonical_ron(session);
    write_atomic(path, text.as_bytes(), true)?;
    Ok(stamp_written(path, text.as_bytes()))
}

/// Writes `text` to `path` atomically, without a backup; exports use it.
///
/// # Errors
/// As [`save_file`].
pub fn write_text_atomic(path: &Path, text: &str) -> Result<(), SaveError> {
    write_atomic(path, text.as_bytes(), false)
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

fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    let target = resolve_symlink(path);
    let file_name = target
        .file_name()
        .filter(|n| !n.is_empty())
        .ok_or_else(|| SaveError::NotAFilePath {
            file: path.display().to_string(),
        })?
        .to_owned();
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |step: &'static str| {
        let file = path.display().to_string();
        move |source: io::Error| SaveError::Io { file, step, source }
    };
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
    let previous = fs::metadata(&target).ok().filter(|m| m.is_file());
    if let Some(meta) = &previous {
        // Best effort: a saved file keeps the permissions it had.
        let _ = temp.set_permissions(meta.permissions());
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

/// A symlinked document is saved through the link, so the link survives.
fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn temp_prefix(file_name: &OsStr) -> String {
    format!(".{}.", file_name.to_string_lossy())
}

fn create_temp(dir: &Path, file_name: &OsStr) -> io::Result<(File, PathBuf)> {
    loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("{}{}-{n}.tmp", temp_prefix(file_name), std::process::id());
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
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(".tmp"))
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
            backups.push((entry.path(), dir.join(format!("{prefix}{owner}.tmp"))));
        } else if !lock_holder_alive(&entry.path(), pid) {
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
