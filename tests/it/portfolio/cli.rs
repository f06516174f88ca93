//! `verdict portfolio` run as the real binary.

use super::folder::{messy_folder, write};
use std::path::Path;
use std::process::{Command, Output};

fn verdict(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verdict"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the verdict binary runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_shipped_portfolio_prints_the_funded_set_the_cut_line_and_a_kill_candidate() {
    let o = verdict(&["portfolio", "saves/portfolio", "--samples", "200"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let text = out(&o);
    for expected in [
        "Capacity 60 person-weeks (portfolio.ron); values in k$ / year",
        "cut line",
        "Kill candidates",
        "Mobile app cold start",
        "funds the cheaper option “Move to a managed warehouse” for *Leave the old data warehouse*",
        "Today's plan",
        "Frontier",
        "Core index",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    let cut = text.find("cut line").unwrap();
    let kill = text.find("Kill candidates").unwrap();
    let mobile = text.find("Mobile app cold start").unwrap();
    assert!(
        cut < mobile && mobile < kill,
        "the killed work sits below the cut line:\n{text}"
    );
}

#[test]
fn the_json_is_reproducible_for_a_seed_and_follows_the_capacity() {
    let run = |capacity: &str, seed: &str| {
        let o = verdict(&[
            "portfolio",
            "saves/portfolio",
            "--json",
            "--capacity",
            capacity,
            "--samples",
            "100",
            "--seed",
            seed,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let a = run("60", "7");
    assert_eq!(a, run("60", "7"));
    assert_eq!(a["capacity"], 60.0);
    assert!(a["effort"].as_f64().unwrap() <= 60.0);
    let rows = a["sessions"].as_array().unwrap();
    assert_eq!(rows.len(), 8);
    let above = a["above_cut"].as_u64().unwrap() as usize;
    assert!(rows[..above].iter().all(|r| r["funded"] == true));
    assert!(rows[above..].iter().all(|r| r["funded"] == false));
    assert!(rows.iter().any(|r| r["core_index"].is_number()));
    assert!(!a["kill_candidates"].as_array().unwrap().is_empty());
    let small = run("20", "7");
    assert!(small["value"].as_f64().unwrap() < a["value"].as_f64().unwrap());
    let frontier = a["frontier"].as_array().unwrap();
    assert!(frontier.len() > 3);
}

#[test]
fn a_messy_folder_is_optimised_with_its_bad_files_listed_and_exit_1() {
    let dir = messy_folder();
    let o = verdict(&[
        "portfolio",
        path(dir.path()),
        "--capacity",
        "5",
        "--samples",
        "0",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        out(&o).contains("Funded: 150 points with 5 of 5 person-weeks."),
        "{}",
        out(&o)
    );
    let e = err(&o);
    assert!(e.contains("broken.ron:3:"), "{e}");
    assert!(e.contains("newer Verdict (format 9)"), "{e}");
    assert!(e.contains("2 file(s) left out"), "{e}");
    assert!(!e.contains("panicked"));
}

#[test]
fn a_bad_settings_file_stops_the_command_with_its_located_error() {
    let dir = messy_folder();
    write(
        dir.path(),
        "portfolio.ron",
        "(format: 1, capacity: Some(-1.0))",
    );
    let o = verdict(&["portfolio", path(dir.path())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("portfolio.ron: capacity: capacity -1 person-weeks is negative"),
        "{}",
        err(&o)
    );
    assert!(out(&o).is_empty());
}

#[test]
fn a_negative_capacity_on_the_command_line_is_a_usage_error() {
    let o = verdict(&["portfolio", "saves/portfolio", "--capacity", "-3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("is not a number of person-weeks"),
        "{}",
        err(&o)
    );
}

#[test]
fn exports_write_markdown_html_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    for (format, needle) in [
        ("md", "— cut line:"),
        ("html", "<tr class=\"cut\">"),
        ("csv", "path,directive,given_by"),
    ] {
        let file = dir.path().join(format!("p.{format}"));
        let o = verdict(&[
            "portfolio",
            "saves/portfolio",
            "--format",
            format,
            "--samples",
            "0",
            "-o",
            path(&file),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(needle), "{format}: {text}");
        assert!(text.contains("Mobile app cold start"), "{format}");
    }
}
