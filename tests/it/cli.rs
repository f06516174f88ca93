//! The real `verdict` binary on the shipped sessions and on broken files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Arguments of mixed kinds (`&str`, `&Path`, `&PathBuf`) as one list.
macro_rules! args {
    ($($arg:expr),* $(,)?) => {
        [$(std::ffi::OsString::from($arg)),*]
    };
}

const LIVE: &str = "saves/live-streams.ron";
const KILL: &str = "saves/checkout-rewrite-kill.ron";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `verdict ARGS` from the repository root.
fn verdict<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verdict"))
        .args(args)
        .current_dir(root())
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the verdict binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the exit code and that nothing panicked.
fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
    assert!(!stderr(out).contains("panicked"), "{}", stderr(out));
}

/// Writes `text` to `name` in a fresh temporary folder and returns the folder and the path.
fn file_with(name: &str, text: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    (dir, path)
}

fn shipped(name: &str) -> String {
    fs::read_to_string(root().join(name)).unwrap()
}

fn rank_json(path: impl AsRef<std::ffi::OsStr>) -> serde_json::Value {
    let out = verdict(&args!["rank", path.as_ref(), "--json"]);
    assert_exit(&out, 0);
    serde_json::from_slice(&out.stdout).expect("rank --json prints JSON")
}

#[test]
fn shipped_sessions_pass_check_and_fmt_check() {
    let out = verdict(&["check", LIVE, KILL]);
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("live-streams.ron: ok (7 options"));
    assert_exit(&verdict(&["fmt", "--check", LIVE, KILL]), 0);
}

#[test]
fn every_shipped_session_in_saves_is_valid_and_canonical() {
    let mut files = Vec::new();
    let mut folders = vec![root().join("saves")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "ron")
                && path.file_name().is_some_and(|n| n != "portfolio.ron")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 2, "{files:?}");
    let mut args = vec![PathBuf::from("check"), PathBuf::from("--quiet")];
    args.extend(files.iter().cloned());
    assert_exit(&verdict(&args), 0);
    args[0] = PathBuf::from("fmt");
    args[1] = PathBuf::from("--check");
    assert_exit(&verdict(&args), 0);
}

#[test]
fn rank_recommends_kill_on_the_kill_example() {
    let report = rank_json(KILL);
    assert_eq!(report["recommendation"]["kind"], "kill");
    assert_eq!(report["recommendation"]["reason"], "kill_criterion_tripped");
    assert_eq!(report["ranking"][0]["lens"], "do-nothing");
    assert_eq!(report["outcome"], "Killed");
    let text = stdout(&verdict(&["rank", KILL]));
    assert!(text.contains("Recommendation: Kill:"), "{text}");
}

#[test]
fn rank_json_lists_every_option_in_rank_order_with_the_documented_fields() {
    let report = rank_json(LIVE);
    let rows = report["ranking"].as_array().unwrap();
    assert_eq!(rows.len(), 7);
    let totals: Vec<f64> = rows.iter().map(|r| r["total"].as_f64().unwrap()).collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
    for key in [
        "rank",
        "id",
        "title",
        "lens",
        "lens_label",
        "total",
        "vetoed",
        "vetoed_by",
        "unscored",
        "missing",
    ] {
        assert!(rows[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(rows[0]["id"], "multi-cdn");
    assert_eq!(rows[0]["rank"], 1);
    assert_eq!(report["recommendation"]["kind"], "choose");
    assert_eq!(report["recommendation"]["option"], "multi-cdn");
    let vetoed: Vec<&str> = rows
        .iter()
        .filter(|r| r["vetoed"] == true)
        .map(|r| r["lens"].as_str().unwrap())
        .collect();
    assert_eq!(vetoed, ["do-nothing"]);
}

#[test]
fn a_syntax_error_is_reported_as_file_line_column() {
    let broken = shipped(LIVE).replacen("    title: ", "    title ", 1);
    let (_dir, path) = file_with("broken.ron", broken.as_bytes());
    let out = verdict(&args!["check", &path]);
    assert_exit(&out, 1);
    let expected = format!("{}:3:", path.display());
    assert!(stderr(&out).starts_with(&expected), "{}", stderr(&out));
}

#[test]
fn semantic_errors_name_the_file_and_the_document_path() {
    let broken = shipped(LIVE).replacen("likely: 3.0", "likely: 9.0", 1);
    let (_dir, path) = file_with("out-of-scale.ron", broken.as_bytes());
    let out = verdict(&args!["rank", &path]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("{}: options[", path.display())),
        "{err}"
    );
    assert!(err.contains(".likely: 9 is outside the scale"), "{err}");
}

#[test]
fn an_unknown_field_is_an_error_naming_the_field() {
    let broken = shipped(KILL).replacen("    title: ", "    titel: ", 1);
    let (_dir, path) = file_with("typo.ron", broken.as_bytes());
    let out = verdict(&args!["check", &path]);
    assert_exit(&out, 1);
    assert!(stderr(&out).contains("titel"), "{}", stderr(&out));
    assert!(stderr(&out).starts_with(&format!("{}:3:", path.display())));
}

#[test]
fn broken_files_of_every_kind_exit_1_with_a_message_naming_the_file() {
    let live = shipped(LIVE);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.ron", Vec::new()),
        ("garbage.ron", b"\x00\xff\xfe not ron at all".to_vec()),
        ("truncated.ron", live.as_bytes()[..live.len() / 2].to_vec()),
        (
            "newer.ron",
            live.replacen("format: 1", "format: 99", 1).into_bytes(),
        ),
        (
            "nan.ron",
            live.replacen("weight: 50.0", "weight: NaN", 1).into_bytes(),
        ),
        (
            "duplicate.ron",
            live.replacen("id: \"degrade-not-fail\"", "id: \"multi-cdn\"", 1)
                .into_bytes(),
        ),
        ("json.ron", br#"{"format": 1}"#.to_vec()),
    ];
    for (name, bytes) in cases {
        let (_dir, path) = file_with(name, &bytes);
        for sub in ["check", "rank", "fmt"] {
            let out = verdict(&args![sub, &path]);
            assert_exit(&out, 1);
            assert!(
                stderr(&out).starts_with(&path.display().to_string()),
                "{sub} {name}: {}",
                stderr(&out)
            );
        }
    }
}

#[test]
fn a_newer_format_is_refused_with_a_clear_message_and_left_untouched() {
    let newer = shipped(LIVE).replacen("format: 1", "format: 2", 1);
    let (_dir, path) = file_with("newer.ron", newer.as_bytes());
    let out = verdict(&args!["fmt", &path]);
    assert_exit(&out, 1);
    assert!(stderr(&out).contains("newer"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn a_missing_file_exits_1_and_names_it() {
    let out = verdict(&["rank", "saves/no-such-session.ron"]);
    assert_exit(&out, 1);
    assert!(stderr(&out).starts_with("saves/no-such-session.ron: cannot read"));
}

#[test]
fn check_reports_each_bad_file_and_still_checks_the_rest() {
    let (_dir, bad) = file_with("bad.ron", b"(format: 1");
    let out = verdict(&args!["check", LIVE, &bad, KILL]);
    assert_exit(&out, 1);
    assert!(stdout(&out).contains("live-streams.ron: ok"));
    assert!(stdout(&out).contains("checkout-rewrite-kill.ron: ok"));
    assert!(stderr(&out).contains("1 of 3 files have problems"));
}

#[test]
fn new_then_check_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.ron");
    let out = verdict(&args![
        "new",
        "--goal",
        "Make checkout faster",
        "--option",
        "Cache the basket:re-architect",
        "--option",
        "Wait and see:do-nothing",
        "-o",
        &path,
    ]);
    assert_exit(&out, 0);
    assert_exit(&verdict(&args!["check", &path]), 0);
    assert_exit(&verdict(&args!["fmt", "--check", &path]), 0);
    let report = rank_json(&path);
    let ids: Vec<&str> = report["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["cache-the-basket", "wait-and-see"]);
    assert_eq!(report["ranking"][0]["unscored"], true);
    assert_eq!(report["recommendation"]["reason"], "no_viable_option");

    let printed = verdict(&["new", "--goal", "Make checkout faster"]);
    assert_exit(&printed, 0);
    let (_dir2, copy) = file_with("printed.ron", &printed.stdout);
    assert_exit(&verdict(&args!["fmt", "--check", &copy]), 0);
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let (_dir, path) = file_with("taken.ron", b"keep me");
    let out = verdict(&args!["new", "--goal", "x", "-o", &path,]);
    assert_exit(&out, 1);
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), b"keep me");
}

#[test]
fn fmt_check_detects_non_canonical_files_and_fmt_fixes_them() {
    let crlf = shipped(LIVE).replace('\n', "\r\n");
    let (_dir, path) = file_with("crlf.ron", crlf.as_bytes());
    assert_exit(&verdict(&args!["check", &path]), 0);
    let out = verdict(&args!["fmt", "--check", &path]);
    assert_exit(&out, 1);
    assert!(
        stderr(&out).contains("not in canonical form"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        crlf,
        "--check changed the file"
    );

    assert_exit(&verdict(&args!["fmt", &path]), 0);
    assert_eq!(fs::read_to_string(&path).unwrap(), shipped(LIVE));
    assert_exit(&verdict(&args!["fmt", "--check", &path]), 0);
}

#[test]
fn export_is_deterministic_given_a_date_and_writes_the_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("decision.md");
    let args = |o: &Path| {
        vec![
            "export".into(),
            KILL.into(),
            "--format".into(),
            "md".into(),
            "--date".into(),
            "2026-10-02".into(),
            "-o".into(),
            o.as_os_str().to_owned(),
        ]
    };
    let args: Vec<std::ffi::OsString> = args(&out_path);
    assert_exit(&verdict(&args), 0);
    let first = fs::read(&out_path).unwrap();
    assert!(String::from_utf8_lossy(&first).contains("2026-10-02"));
    let printed = verdict(&["export", KILL, "--format", "md", "--date", "2026-10-02"]);
    assert_exit(&printed, 0);
    assert_eq!(printed.stdout, first);
}

#[test]
fn usage_mistakes_exit_2_and_change_nothing() {
    for args in [
        vec!["rank"],
        vec!["rank", LIVE, "--jsn"],
        vec!["frobnicate", LIVE],
        vec!["new"],
        vec!["new", "--goal", "   "],
        vec!["new", "--goal", "x", "--option", ":buy"],
        vec!["export", LIVE, "--format", "pdf"],
        vec!["export", LIVE, "--format", "md", "--date", "2026-02-30"],
        vec!["check"],
        vec!["fmt"],
    ] {
        let out = verdict(&args);
        assert_exit(&out, 2);
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let before = shipped(LIVE);
    let out = verdict(&["export", LIVE, "--format", "md", "-o", LIVE]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("would overwrite the session"));
    assert_eq!(shipped(LIVE), before);
    assert!(
        stderr(&verdict(&["new", "--goal", "x", "--option", ":buy"]))
            .contains("the option title must not be empty")
    );
}

#[test]
fn new_keeps_colons_and_urls_in_titles_and_splits_only_a_known_trailing_lens() {
    let out = verdict(&[
        "new",
        "--goal",
        "x",
        "--option",
        "Option A: cache it",
        "--option",
        "Status page https://status.example.com:buy",
        "--option=-5 % errors:do-nothing",
    ]);
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("title: \"Option A: cache it\""), "{text}");
    assert!(
        text.contains("title: \"Status page https://status.example.com\""),
        "{text}"
    );
    assert!(text.contains("lens: Buy"), "{text}");
    assert!(text.contains("title: \"-5 % errors\""), "{text}");
    assert!(text.contains("lens: DoNothing"), "{text}");
    let typo = verdict(&["new", "--goal", "x", "--option", "Buy a CDN:bye"]);
    assert_exit(&typo, 0);
    assert!(stdout(&typo).contains("title: \"Buy a CDN:bye\""));
    assert!(
        stderr(&typo).contains("did you mean `buy`?"),
        "{}",
        stderr(&typo)
    );
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["new", "check", "fmt", "rank", "export", "analyze", "merge"] {
        let out = verdict(&[sub, "--help"]);
        assert_exit(&out, 0);
        assert!(
            stdout(&out).contains(&format!("Usage: verdict {sub}")),
            "{sub}"
        );
    }
    let out = verdict(&["--help"]);
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("Usage: verdict [FILE]"));
}

#[test]
fn oversized_files_and_folders_are_refused_with_a_message_naming_them() {
    let cap = usize::try_from(verdict::store::MAX_FILE_BYTES).unwrap();
    let mut huge = shipped(LIVE).into_bytes();
    huge.resize(cap + 1, b' ');
    let (dir, path) = file_with("huge.ron", &huge);
    let out = verdict(&args!["check", &path]);
    assert_exit(&out, 1);
    assert!(stderr(&out).contains("limit"), "{}", stderr(&out));
    let out = verdict(&args!["rank", dir.path()]);
    assert_exit(&out, 1);
    assert!(
        stderr(&out).starts_with(&dir.path().display().to_string()),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_value_of_the_wrong_type_is_located() {
    let broken = shipped(LIVE).replacen("weight: 50.0", "weight: \"heavy\"", 1);
    let (_dir, path) = file_with("wrong-type.ron", broken.as_bytes());
    let out = verdict(&args!["check", &path]);
    assert_exit(&out, 1);
    let line = 1 + shipped(LIVE)[..shipped(LIVE).find("weight: 50.0").unwrap()]
        .matches('\n')
        .count();
    assert!(
        stderr(&out).starts_with(&format!("{}:{line}:", path.display())),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_mistyped_subcommand_is_named_instead_of_opening_the_window() {
    for args in [vec!["rnak", LIVE], vec!["chek"]] {
        let out = verdict(&args);
        assert_exit(&out, 2);
        assert!(
            stderr(&out).contains("did you mean `verdict"),
            "{}",
            stderr(&out)
        );
    }
    assert!(stderr(&verdict(&["rnak", LIVE])).contains("`verdict rank`"));
}
