//! The real binary in a real window under Xvfb: it opens the example, shows it, names the
//! file in its title, and closes cleanly on Ctrl+Q.
//!
//! Needs Xvfb, xdotool and ImageMagick. Without them the test fails when `CI` is set and
//! otherwise prints why it did not run.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the child it holds when dropped, so a failing test leaves no process behind.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn tool_missing(name: &str) -> bool {
    Command::new(name)
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_err()
}

fn wait_until<T>(timeout: Duration, mut probe: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(found) = probe() {
            return Some(found);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Starts Xvfb on a display it picks itself (`-displayfd`), so tests running at the same
/// time never race for the same display number.
fn start_xvfb() -> (Reaped, String) {
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1400x900x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let xvfb = Reaped(child);
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = std::io::BufReader::new(stdout);
        let mut line = String::new();
        let _ = std::io::BufRead::read_line(&mut reader, &mut line);
        let _ = sender.send(line);
        // Keep reading until the server ends: a closed pipe would kill it (SIGPIPE) at its
        // next write to standard output.
        let _ = std::io::copy(&mut reader, &mut std::io::sink());
    });
    let number = receiver
        .recv_timeout(Duration::from_secs(20))
        .expect("Xvfb reports its display within 20 s");
    let number = number.trim();
    assert!(!number.is_empty(), "Xvfb exited without a display");
    let display = format!(":{number}");
    let answers = wait_until(Duration::from_secs(20), || {
        xdotool(&display, &["getdisplaygeometry"]).filter(|g| !g.trim().is_empty())
    });
    assert!(answers.is_some(), "Xvfb on {display} does not answer");
    (xvfb, display)
}

fn xdotool(display: &str, args: &[&str]) -> Option<String> {
    let out = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (out.status.success() && !text.is_empty()).then_some(text)
}

/// Starts the real binary on `file` in `display`, with its home and data folders in `home`.
fn spawn_verdict(display: &str, home: &std::path::Path, file: &std::path::Path) -> Reaped {
    let child = Command::new(env!("CARGO_BIN_EXE_verdict"))
        .arg(file)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdout(Stdio::null())
        .stderr(
            std::fs::File::create(home.join("verdict.log"))
                .map(Stdio::from)
                .unwrap_or_else(|_| Stdio::null()),
        )
        .spawn()
        .expect("the binary starts");
    Reaped(child)
}

/// Why a window named `name` did not show: whether the app still runs, what it printed and
/// which windows the X server has, so a failure under load can be told from a broken start.
fn why_no_window(app: &mut Reaped, display: &str, home: &std::path::Path, name: &str) -> String {
    let state = match app.0.try_wait() {
        Ok(Some(status)) => format!("the app exited ({status})"),
        Ok(None) => "the app still runs".to_owned(),
        Err(e) => format!("the app's state is unknown ({e})"),
    };
    let log = std::fs::read_to_string(home.join("verdict.log")).unwrap_or_default();
    let tail: Vec<&str> = log.lines().rev().take(15).collect();
    let windows = xdotool(display, &["search", "--name", "."]).unwrap_or_default();
    format!(
        "no window named {name:?} within the time allowed; {state}; windows: {:?}; \
         the app's last output (newest first): {tail:?}",
        windows.lines().collect::<Vec<_>>()
    )
}

/// A virtual X server with the app running in it on `file`, and the app's window id.
///
/// When the app cannot reach the server it has just been given (a failure of the machine
/// running the test, not of the app), both are started again, at most three times.
fn app_in_xvfb(
    home: &std::path::Path,
    file: &std::path::Path,
    name: &str,
) -> (Reaped, String, Reaped, String) {
    let mut last = String::new();
    for _ in 0..3 {
        let (xvfb, display) = start_xvfb();
        let mut app = spawn_verdict(&display, home, file);
        let window = wait_until(Duration::from_secs(60), || {
            let found = xdotool(&display, &["search", "--name", name]);
            let gone = matches!(app.0.try_wait(), Ok(Some(_)));
            (found.is_some() || gone).then_some(found)
        })
        .flatten();
        if let Some(window) = window {
            let window = window.lines().next().unwrap_or_default().to_owned();
            return (xvfb, display, app, window);
        }
        last = why_no_window(&mut app, &display, home, name);
        if !last.contains("connection to X server") {
            break;
        }
    }
    panic!("{last}");
}

#[test]
fn the_window_opens_the_example_shows_it_and_closes_cleanly() {
    let missing: Vec<&str> = ["Xvfb", "xdotool", "import"]
        .into_iter()
        .filter(|tool| tool_missing(tool))
        .collect();
    if !missing.is_empty() {
        let why = format!(
            "window smoke test not run: {} not installed",
            missing.join(", ")
        );
        assert!(std::env::var_os("CI").is_none(), "{why}");
        eprintln!("{why}");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let (_xvfb, display, mut app, window) = app_in_xvfb(
        home.path(),
        "saves/live-streams.ron".as_ref(),
        "live-streams.ron",
    );
    let title = xdotool(&display, &["getwindowname", &window]).unwrap_or_default();
    assert_eq!(title, "live-streams.ron — Verdict");

    // Give it a moment to paint, then look at the screen.
    std::thread::sleep(Duration::from_secs(2));
    let shot = home.path().join("shot.png");
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(&shot)
        .env("DISPLAY", &display)
        .status()
        .expect("import runs");
    assert!(status.success());
    let colours = Command::new("identify")
        .args(["-format", "%k"])
        .arg(&shot)
        .output()
        .expect("identify runs");
    let colours: u32 = String::from_utf8_lossy(&colours.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    assert!(colours >= 20, "the screen looks blank: {colours} colours");

    xdotool(&display, &["windowfocus", "--sync", &window]);
    Command::new("xdotool")
        .args(["key", "--window", &window, "ctrl+q"])
        .env("DISPLAY", &display)
        .status()
        .expect("xdotool runs");
    let exit = wait_until(Duration::from_secs(20), || app.0.try_wait().ok().flatten())
        .expect("the window closes after Ctrl+Q");
    assert!(exit.success(), "exit status {exit:?}");
}

/// Promise 3 of docs/RELIABILITY.md, on the real process: an edit typed into the window is
/// in the recovery file within 2 s, survives a SIGKILL, and the document on disk is untouched.
#[test]
fn unsaved_work_in_the_real_window_survives_a_kill() {
    let missing: Vec<&str> = ["Xvfb", "xdotool"]
        .into_iter()
        .filter(|tool| tool_missing(tool))
        .collect();
    if !missing.is_empty() {
        let why = format!("crash test not run: {} not installed", missing.join(", "));
        assert!(std::env::var_os("CI").is_none(), "{why}");
        eprintln!("{why}");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let original = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/live-streams.ron"),
    )
    .unwrap();
    let file = home.path().join("crash-me.ron");
    std::fs::write(&file, &original).unwrap();
    let (_xvfb, display, mut app, window) = app_in_xvfb(home.path(), &file, "crash-me.ron");
    std::thread::sleep(Duration::from_secs(2));

    // Click into the session title on the Directive place and type at its end.
    xdotool(&display, &["windowfocus", "--sync", &window]);
    for args in [
        &["mousemove", "--window", &window, "620", "98"][..],
        &["click", "1"],
        &["key", "End"],
        &["type", "--delay", "30", " EDITED"],
    ] {
        let status = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &display)
            .status()
            .expect("xdotool runs");
        assert!(status.success(), "xdotool {args:?}");
    }
    // xdotool returns once the last key is sent: the last edit is now.
    let typed_at = Instant::now();
    wait_until(Duration::from_secs(10), || {
        xdotool(&display, &["getwindowname", &window]).filter(|t| t.contains('•'))
    })
    .expect("the title shows unsaved changes after typing");

    let store = verdict::store::RecoveryStore::new(home.path().join("data/verdict/recovery"));
    let recovered = wait_until(Duration::from_secs(10), || {
        store.list().into_iter().find_map(|listing| {
            let entry = listing.entry.ok()?;
            entry.session.title.ends_with(" EDITED").then_some(entry)
        })
    })
    .expect("the edit reaches the recovery file");
    let delay = typed_at.elapsed();
    assert!(
        delay <= Duration::from_millis(2500),
        "recovery written after {delay:?}"
    );
    assert_eq!(recovered.original.as_deref(), Some(file.as_path()));

    app.0.kill().expect("SIGKILL the window");
    app.0.wait().expect("the killed process is reaped");
    let after = store
        .list()
        .into_iter()
        .find_map(|listing| listing.entry.ok())
        .expect("the recovery file outlives the process");
    assert!(after.session.title.ends_with(" EDITED"));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        original,
        "the document on disk is untouched"
    );
}
