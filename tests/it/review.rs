//! The real binary: the exported robustness sentence is `verdict analyze`'s verdict, and a
//! session past its review date is listed by `verdict review`, reviewed, and logged.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn verdict(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_verdict"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the verdict binary runs");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn ok(args: &[&str]) -> String {
    let out = verdict(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "verdict {args:?}\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn the_exported_robustness_sentence_is_the_verdict_analyze_prints_for_the_same_seed() {
    for file in [
        "saves/live-streams.ron",
        "saves/checkout-rewrite-kill.ron",
        "saves/raters/merged.ron",
    ] {
        let analyze = ok(&["analyze", file, "--seed", "1"]);
        // The verdict is the third line: title, a blank line, then the verdict.
        let line = analyze.lines().nth(2).expect("a verdict line");
        assert!(!line.is_empty(), "{analyze}");
        let md = ok(&["export", file, "--format", "md", "--date", "2026-03-14"]);
        let robust = md
            .lines()
            .find_map(|l| l.strip_prefix("**How robust:** "))
            .expect("a robustness line in the record");
        let unescaped = robust.replace('\\', "");
        assert_eq!(
            unescaped.trim_end_matches('.'),
            line.trim_end_matches('.'),
            "{file}"
        );
        let memo = ok(&["export", file, "--format", "memo", "--date", "2026-03-14"]);
        assert!(memo.contains(robust), "{file}: the memo says the same");
    }
}

#[test]
fn a_session_past_its_review_date_is_listed_reviewed_and_logged() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("decisions");
    fs::create_dir_all(&folder).unwrap();
    let file = folder.join("streams.ron");
    fs::copy(root().join("saves/live-streams.ron"), &file).unwrap();
    let not_due = folder.join("checkout.ron");
    fs::copy(root().join("saves/checkout-rewrite-kill.ron"), &not_due).unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    let file_arg = file.to_str().unwrap();

    let before = ok(&["review", dir_arg, "--date", "2026-06-20"]);
    assert!(before.contains("streams.ron"), "{before}");
    assert!(
        before.contains("review date 2026-06-15 has passed"),
        "{before}"
    );
    assert!(
        before.contains("expected: Stream availability during match minutes"),
        "{before}"
    );
    assert!(
        before.contains("overdue since 2026-04-30: Report availability"),
        "{before}"
    );
    assert!(!before.contains("checkout.ron"), "not due yet: {before}");

    let recorded = ok(&[
        "review",
        file_arg,
        "--happened",
        "99.94 % over eight weeks; one origin outage of 4 minutes",
        "--decision",
        "good",
        "--outcome",
        "mixed",
        "--steps-done",
        "--next-review",
        "2026-12-01",
    ]);
    assert!(
        recorded.contains("review recorded (decision good, outcome mixed)"),
        "{recorded}"
    );
    let saved = fs::read_to_string(&file).unwrap();
    assert!(saved.contains("Reviewed("), "{saved}");
    assert!(saved.contains("decision: Good") && saved.contains("outcome: Mixed"));
    assert!(saved.contains("expected: \"Stream availability during match minutes"));
    assert!(saved.contains("review_date: Some(\"2026-12-01\")"));
    assert!(
        file.with_file_name("streams.ron.bak").is_file(),
        "the previous file is kept"
    );
    ok(&["check", file_arg]);

    let after = ok(&["review", dir_arg, "--date", "2026-06-20"]);
    assert!(
        after.contains("Nothing is due for review on 2026-06-20."),
        "{after}"
    );
    let md = ok(&["export", file_arg, "--format", "md", "--date", "2026-06-20"]);
    assert!(
        md.contains("Reviewed: 99.94 % over eight weeks; one origin outage of 4 minutes. \
                     Decision quality (a good call with what we knew then?): good; outcome quality: mixed"),
        "{md}"
    );
}

#[test]
fn recording_a_review_needs_one_file_and_both_judgements() {
    let two = verdict(&[
        "review",
        "saves/live-streams.ron",
        "saves/checkout-rewrite-kill.ron",
        "--happened",
        "x",
        "--decision",
        "good",
        "--outcome",
        "good",
    ]);
    assert_eq!(two.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&two.stderr).contains("exactly one session file"));
    let half = verdict(&[
        "review",
        "saves/live-streams.ron",
        "--happened",
        "x",
        "--decision",
        "good",
    ]);
    assert_eq!(half.status.code(), Some(2));
    let bad = verdict(&[
        "review",
        "saves/live-streams.ron",
        "--happened",
        "x",
        "--decision",
        "great",
        "--outcome",
        "good",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("use good, mixed or poor"));
}

#[test]
fn a_folder_scan_names_files_that_are_not_sessions_once_and_still_reports_broken_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    fs::copy(
        root().join("saves/live-streams.ron"),
        folder.join("streams.ron"),
    )
    .unwrap();
    // The window's own settings, a RON map, live in a data folder a user may point at.
    let settings = folder.join("app.ron");
    fs::write(
        &settings,
        "{\n    \"window\": \"(fullscreen:false)\",\n    \"verdict-prefs\": \"(dark:true)\",\n}\n",
    )
    .unwrap();
    let dir_arg = folder.to_str().unwrap();

    let out = verdict(&["review", dir_arg, "--date", "2026-06-20"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("streams.ron"),
        "the session is still listed"
    );
    assert_eq!(
        stderr.trim(),
        format!("not sessions, skipped: {}", settings.display()),
        "one quiet line"
    );

    // A session with a mistake inside is still a problem to report.
    fs::write(folder.join("broken.ron"), "(format: 1, title: )\n").unwrap();
    let out = verdict(&["review", dir_arg, "--date", "2026-06-20"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("broken.ron:1:"), "{stderr}");

    // Named on its own, a file that is not a session is an error, not a skip.
    let out = verdict(&["review", settings.to_str().unwrap(), "--date", "2026-06-20"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("app.ron:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
