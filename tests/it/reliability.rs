//! Integration tests: reliability — nothing lost, nothing frozen.
//!
//! Child processes are this same test binary re-run on one ignored helper test, selected
//! by name, with an environment variable telling it what to do. The faults of
//! `docs/RELIABILITY.md` section 7 are met for real: `disk_full` on a small mounted
//! filesystem, `permission` and part of `window_faults` as the user `nobody`, `odd_files`
//! with folders, links, pipes, devices, growing files and odd names, `two_writers` with
//! concurrent `verdict fmt` processes; `sandbox` provides the faults.

mod change;
mod disk_full;
mod kill;
mod lock;
mod odd_files;
mod permission;
mod sandbox;
mod two_writers;
mod window_faults;

use std::process::{Child, Command, Stdio};

/// Starts this test binary running only the helper test `name`, with `env` set.
pub fn spawn_helper(name: &str, env: &[(&str, &str)]) -> Child {
    let exe = std::env::current_exe().unwrap();
    let mut cmd = Command::new(exe);
    cmd.args([
        name,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().unwrap()
}

/// Reads the child's stdout until a line ending with `marker` (the test harness may print
/// the test's name on the same line); false if the output ended first.
pub fn wait_for_line(child: &mut Child, marker: &str) -> bool {
    use std::io::{BufRead, BufReader};
    let Some(out) = child.stdout.take() else {
        return false;
    };
    let mut reader = BufReader::new(out);
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) if line.trim_end().ends_with(marker) => {
                // Keep the pipe open so the child never blocks or dies writing to it.
                std::mem::forget(reader);
                return true;
            }
            Ok(_) => {}
        }
    }
}
