//! Real faults for the fault tests: a small filesystem that is full, an unprivileged user,
//! and the checks every fault test shares.
//!
//! CI runs as root on Debian 12, where both are real: the full disk is a `tmpfs` of a few
//! hundred KiB mounted on a temporary folder and filled to the last byte, and "another
//! user" is `nobody`, switched to with util-linux's `setpriv`. Run as an ordinary user,
//! the permission tests run as that user (permissions bind them already) and the full-disk
//! tests print why they cannot mount, unless `CI` is set: then that is a failure.

use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The user and group id of `nobody` on Debian.
pub const NOBODY: u32 = 65534;

/// Whether this process runs as the superuser, whom permissions do not bind.
pub fn is_root() -> bool {
    static ROOT: OnceLock<bool> = OnceLock::new();
    *ROOT.get_or_init(|| {
        let probe = tempfile::tempfile().expect("a temporary file");
        probe.metadata().expect("its metadata").uid() == 0
    })
}

/// The names in `dir`, sorted; `.tmp` leftovers would show here.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Skips (returning `None`) with a printed reason, or fails when `CI` is set, since CI
/// provides everything these tests need.
pub fn skip<T>(reason: &str) -> Option<T> {
    assert!(
        std::env::var_os("CI").is_none(),
        "{reason}, and CI is set: CI runs as root on Debian 12, where this works"
    );
    eprintln!("skipped: {reason} (set CI to make this a failure)");
    None
}

/// A small `tmpfs` mounted on a temporary folder, unmounted on drop.
pub struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// Mounts a 512 KiB `tmpfs`, or skips (see [`skip`]) where mounting is impossible.
    pub fn mount() -> Option<Self> {
        if !is_root() {
            return skip("mounting a small filesystem needs root");
        }
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=512k,mode=0755", "verdict-full"])
            .arg(dir.path())
            .output()
            .expect("mount runs");
        if !out.status.success() {
            return skip(&format!(
                "mount -t tmpfs failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Some(Self { dir })
    }

    /// The mounted folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Takes every byte left with a file named `filler`; afterwards even one more byte
    /// anywhere on this filesystem fails with "No space left on device".
    pub fn fill(&self) {
        let mut filler = File::create(self.path().join("filler")).unwrap();
        let chunk = vec![b'x'; 64 * 1024];
        for size in [64 * 1024, 4096, 512, 1] {
            loop {
                match filler.write(&chunk[..size]) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e) if e.raw_os_error() == Some(28) => break,
                    Err(e) => panic!("filling the small disk: {e}"),
                }
            }
        }
        let probe = fs::write(self.path().join("probe"), "x");
        let _ = fs::remove_file(self.path().join("probe"));
        assert_eq!(
            probe.map_err(|e| e.raw_os_error()),
            Err(Some(28)),
            "the disk is full"
        );
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let unmounted = Command::new("umount").arg(self.dir.path()).status();
        if !unmounted.is_ok_and(|s| s.success()) {
            let _ = Command::new("umount")
                .arg("-l")
                .arg(self.dir.path())
                .status();
        }
    }
}

/// A temporary folder the unprivileged user owns (the test itself, as root, can still
/// look into it and check what happened).
pub fn unprivileged_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    if is_root() {
        std::os::unix::fs::chown(dir.path(), Some(NOBODY), Some(NOBODY)).unwrap();
    }
    dir
}

/// Hands `path` (a file or folder made by the test) to the unprivileged user.
pub fn give_away(path: &Path) {
    if is_root() {
        std::os::unix::fs::lchown(path, Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

/// Sets `path`'s permission bits.
pub fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// `program` run as `nobody` when this process is root (as itself otherwise), from `/`,
/// with `HOME` set to `home`. The program is first made reachable by `nobody`: a checkout
/// under `/root` is not, so it is linked or copied to a shared folder.
pub fn unprivileged(program: &Path, home: &Path) -> Command {
    let mut cmd = if is_root() {
        let mut cmd = Command::new("setpriv");
        cmd.arg(format!("--reuid={NOBODY}"))
            .arg(format!("--regid={NOBODY}"))
            .args(["--clear-groups", "--"])
            .arg(reachable_by_nobody(program));
        cmd
    } else {
        Command::new(program)
    };
    cmd.current_dir("/")
        .env("HOME", home)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null());
    cmd
}

/// `program`, or a link to it (a copy if linking is impossible) in a folder everyone may
/// enter, when `nobody` cannot run it where it is; made once per test run.
fn reachable_by_nobody(program: &Path) -> PathBuf {
    static DONE: OnceLock<Mutex<Vec<(PathBuf, PathBuf)>>> = OnceLock::new();
    let mut done = DONE.get_or_init(Mutex::default).lock().unwrap();
    if let Some((_, reachable)) = done.iter().find(|(p, _)| p == program) {
        return reachable.clone();
    }
    let can_run = Command::new("setpriv")
        .arg(format!("--reuid={NOBODY}"))
        .arg(format!("--regid={NOBODY}"))
        .args(["--clear-groups", "--", "test", "-x"])
        .arg(program)
        .status()
        .is_ok_and(|s| s.success());
    let reachable = if can_run {
        program.to_path_buf()
    } else {
        let shared = std::env::temp_dir().join("verdict-tests-as-nobody");
        fs::create_dir_all(&shared).unwrap();
        chmod(&shared, 0o755);
        let target = shared.join(program.file_name().unwrap());
        let staging = shared.join(format!(".{}.staging", std::process::id()));
        let _ = fs::remove_file(&staging);
        if fs::hard_link(program, &staging).is_err() {
            fs::copy(program, &staging).unwrap();
            chmod(&staging, 0o755);
        }
        fs::rename(&staging, &target).unwrap();
        target
    };
    done.push((program.to_path_buf(), reachable.clone()));
    reachable
}

/// Waits for `child` up to `limit`; kills it and fails if it is still running then (a
/// fault must never freeze Verdict).
pub fn finish_within(mut child: std::process::Child, limit: Duration, what: &str) -> Output {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}; it must not block");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Runs `f` on a thread and fails if it has not returned within `limit`.
pub fn returns_within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(f());
    });
    receive
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("{what}: no answer within {limit:?}; it must not block"))
}

/// Standard error of `out` as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the exit code and that nothing panicked, showing both streams otherwise.
pub fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(out)
    );
    assert!(!stderr(out).contains("panicked"), "{}", stderr(out));
}

/// The real `verdict` binary.
pub fn verdict_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_verdict"))
}
