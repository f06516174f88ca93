//! `verdict analyze` run as a real program on the shipped sessions.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("saves"))
        .expect("saves/ exists")
        .chain(
            std::fs::read_dir(root().join("saves/raters"))
                .into_iter()
                .flatten(),
        )
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn analyze(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_verdict"))
        .arg("analyze")
        .args(args)
        .current_dir(root())
        .output()
        .expect("the verdict binary runs")
}

#[test]
fn analyze_runs_on_every_shipped_session_with_the_documented_json() {
    let files = shipped();
    assert!(files.len() >= 2);
    for file in files {
        let file = file.to_string_lossy().into_owned();
        let out = analyze(&[&file, "--json", "--samples", "2000"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        for key in ["title", "config", "report"] {
            assert!(json.get(key).is_some(), "{file}: no {key}");
        }
        let report = &json["report"];
        for key in [
            "verdict",
            "recommendation",
            "totals",
            "leader",
            "runner_up",
            "excluded",
            "criteria_left_out",
            "weight_flips",
            "score_flips",
            "topsis",
            "dominated",
            "monte_carlo",
            "raters",
        ] {
            assert!(report.get(key).is_some(), "{file}: no report.{key}");
        }
        let kind = report["verdict"]["kind"].as_str().expect("a verdict kind");
        assert!(["ClearWinner", "FragileWinner", "NoClearWinner", "Kill"].contains(&kind));
        assert_eq!(report["monte_carlo"]["config"]["samples"], 2000);
    }
}

#[test]
fn the_same_seed_prints_the_same_text_and_the_verdict_comes_first() {
    let file = "saves/live-streams.ron";
    let a = analyze(&[file, "--seed", "7", "--weights-jitter", "20"]);
    let b = analyze(&[file, "--seed", "7", "--weights-jitter", "20"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8_lossy(&a.stdout);
    let third = text.lines().nth(2).unwrap_or_default();
    assert!(
        ["Clear winner", "Fragile winner", "No clear winner", "Kill"]
            .iter()
            .any(|v| third.starts_with(v)),
        "{text}"
    );
    assert!(text.contains("weights within ±20 %"));
}

#[test]
fn a_bad_jitter_is_a_usage_error_and_a_missing_file_a_located_failure() {
    let out = analyze(&["saves/live-streams.ron", "--weights-jitter", "150"]);
    assert_eq!(out.status.code(), Some(2));
    let out = analyze(&["saves/no-such-file.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.ron"));
}

fn merge(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_verdict"))
        .arg("merge")
        .args(args)
        .current_dir(root())
        .output()
        .expect("the verdict binary runs")
}

#[test]
fn merging_the_shipped_copies_gives_the_shipped_merged_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("merged.ron");
    let files = [
        "saves/raters/ana.ron",
        "saves/raters/bo.ron",
        "saves/raters/cy.ron",
    ];
    let mut args: Vec<&std::ffi::OsStr> = files.iter().map(|f| f.as_ref()).collect();
    args.extend(["-o".as_ref(), out.as_os_str()]);
    let result = merge(&args);
    assert_eq!(
        result.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let written = std::fs::read_to_string(&out).expect("written");
    let shipped = std::fs::read_to_string(root().join("saves/raters/merged.ron")).expect("shipped");
    assert_eq!(written, shipped);
}

#[test]
fn a_conflicting_edit_is_reported_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let edited = dir.path().join("bo.ron");
    let text = std::fs::read_to_string(root().join("saves/raters/bo.ron")).expect("shipped");
    let text = text.replacen("Keep email alerts", "Keep email alerts, louder", 1);
    std::fs::write(&edited, text).expect("written");
    let out = dir.path().join("merged.ron");
    let ana = root().join("saves/raters/ana.ron");
    let result = merge(&[
        ana.as_os_str(),
        edited.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("options[3].title"), "{stderr}");
    assert!(stderr.contains("\"Keep email alerts, louder\""), "{stderr}");
    assert!(!out.exists());

    let kept = merge(&[
        ana.as_os_str(),
        edited.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--keep-first".as_ref(),
    ]);
    assert_eq!(kept.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&out)
            .expect("written")
            .contains("\"Keep email alerts\"")
    );
}
