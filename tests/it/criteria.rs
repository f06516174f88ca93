//! Shaping a session from the command line: starting from a criteria set, and importing a
//! matrix from CSV with the real binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use verdict::store;

fn verdict<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verdict"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the verdict binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(!text(&out.stderr).contains("panicked"));
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn new_starts_from_the_named_criteria_set_and_lists_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cloud.ron");
    let out = verdict(&[
        "new",
        "--goal",
        "Cut our cloud bill by 20 % this year",
        "--criteria",
        "cost-reduction",
        "--option",
        "Reserved instances:buy",
        "-o",
        path_str(&path),
    ]);
    assert_exit(&out, 0);
    let session = store::load_file(&path).unwrap();
    let names: Vec<String> = session
        .criteria
        .iter()
        .map(|c| c.name_with_unit())
        .collect();
    assert_eq!(names[0], "Annual savings (k$ / year)");
    assert!(session.criteria.iter().any(|c| c.veto.is_some()));
    assert_exit(&verdict(&["fmt", "--check", path_str(&path)]), 0);

    let listing = verdict(&["new", "--list-criteria"]);
    assert_exit(&listing, 0);
    for name in [
        "default",
        "cost-reduction",
        "availability",
        "build-vs-buy",
        "platform-migration",
    ] {
        assert!(
            text(&listing.stdout).contains(&format!("{name} — ")),
            "{name}"
        );
    }
}

#[test]
fn an_unknown_criteria_set_is_a_usage_mistake_that_lists_the_names() {
    let out = verdict(&["new", "--goal", "x", "--criteria", "cheap"]);
    assert_exit(&out, 2);
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains("unknown criteria set `cheap`: use one of default, cost-reduction"),
        "{err}"
    );
    assert_exit(&verdict(&["new", "--list-criteria", "--goal", "x"]), 2);
}

#[test]
fn an_exported_matrix_edited_in_a_spreadsheet_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("plan.ron");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/checkout-rewrite-kill.ron"),
        &session,
    )
    .unwrap();
    let csv = dir.path().join("matrix.csv");
    let out = verdict(&[
        "export",
        path_str(&session),
        "--format",
        "csv",
        "-o",
        path_str(&csv),
    ]);
    assert_exit(&out, 0);
    // A spreadsheet user adds a row for a new option and keeps the rest as exported.
    let before = store::load_file(&session).unwrap();
    let exported = fs::read_to_string(&csv).unwrap();
    let n_columns = exported.lines().next().unwrap().split(',').count();
    let mut added = vec![
        String::new(),
        "Profile first".into(),
        "Process / organisation".into(),
    ];
    added.extend(before.criteria.iter().map(|c| c.scale.lo.to_string()));
    added.resize(n_columns, String::new());
    fs::write(&csv, format!("{exported}{}\r\n", added.join(","))).unwrap();

    let out = verdict(&["import", path_str(&csv), path_str(&session)]);
    assert_exit(&out, 0);
    let n = before.options.len();
    assert!(
        text(&out.stderr).contains(&format!("1 option added, {n} updated")),
        "{}",
        text(&out.stderr)
    );
    let after = store::load_file(&session).unwrap();
    assert_eq!(after.options.len(), n + 1);
    assert_eq!(
        after.options[..n],
        before.options[..n],
        "a round trip changes no score"
    );
    assert_eq!(after.options[n].title, "Profile first");
    assert!(store::backup_path(&session).exists());
}

#[test]
fn a_bad_import_names_every_bad_row_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("plan.ron");
    let out = verdict(&["new", "--goal", "x", "-o", path_str(&session)]);
    assert_exit(&out, 0);
    let original = fs::read(&session).unwrap();
    let csv = dir.path().join("matrix.csv");
    fs::write(&csv, "title,Impact,Cost\nA,3,2\nB,7,2\nC,3,cheap\n").unwrap();
    let out = verdict(&["import", path_str(&csv), path_str(&session)]);
    assert_exit(&out, 1);
    let err = text(&out.stderr);
    let csv_name = csv.display().to_string();
    assert!(
        err.contains(&format!(
            "{csv_name}:3:3: 7 is outside the scale 1..5 of Impact"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{csv_name}:4:5: `cheap` is not a number")),
        "{err}"
    );
    assert!(err.contains("2 problems; nothing was imported"), "{err}");
    assert_eq!(fs::read(&session).unwrap(), original);

    let dry = verdict(&["import", "--dry-run", path_str(&csv), path_str(&session)]);
    assert_exit(&dry, 1);
    fs::write(&csv, "title,Impact\nA,3\n").unwrap();
    let dry = verdict(&["import", "--dry-run", path_str(&csv), path_str(&session)]);
    assert_exit(&dry, 0);
    assert!(
        text(&dry.stderr).contains("would import"),
        "{}",
        text(&dry.stderr)
    );
    assert_eq!(fs::read(&session).unwrap(), original);
}

#[test]
fn an_import_written_elsewhere_leaves_the_session_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("plan.ron");
    assert_exit(
        &verdict(&["new", "--goal", "x", "-o", path_str(&session)]),
        0,
    );
    let original = fs::read(&session).unwrap();
    let csv = dir.path().join("matrix.csv");
    fs::write(&csv, "title,Impact\nA,3\n").unwrap();
    let out_path = dir.path().join("out.ron");
    let args = [
        "import",
        path_str(&csv),
        path_str(&session),
        "-o",
        path_str(&out_path),
    ];
    assert_exit(&verdict(&args), 0);
    assert_eq!(fs::read(&session).unwrap(), original);
    assert_eq!(store::load_file(&out_path).unwrap().options.len(), 1);
    let again = verdict(&args);
    assert_exit(&again, 1);
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );
    let onto_csv = verdict(&[
        "import",
        path_str(&csv),
        path_str(&session),
        "-o",
        path_str(&csv),
    ]);
    assert_exit(&onto_csv, 2);
    assert_eq!(fs::read_to_string(&csv).unwrap(), "title,Impact\nA,3\n");
}

mod properties {
    use proptest::prelude::*;
    use verdict::analysis::rank;
    use verdict::document::{Edit, apply};
    use verdict::model::{Lens, Score, Session, SolutionOption};

    /// The default criteria with `rows` of (impact, cost, trust risk) scores on 1..5.
    fn session_of(rows: &[(u8, u8, u8)]) -> Session {
        let mut s = Session::new("generated");
        for (o_idx, (impact, cost, risk)) in rows.iter().enumerate() {
            let mut option = SolutionOption::new(&format!("o{o_idx}"), "O", Lens::Buy);
            for (criterion, value) in [("impact", impact), ("cost", cost), ("trust-risk", risk)] {
                let mut score = Score::point(f64::from(*value));
                score.low = Some(1.0);
                option.scores.insert(criterion.into(), score);
            }
            s.options.push(option);
        }
        s
    }

    proptest! {
        #[test]
        fn rescaling_a_criterion_changes_no_total_and_no_rank(
            rows in prop::collection::vec((1u8..=5, 1u8..=5, 1u8..=5), 1..8),
            lo in -1000.0f64..1000.0,
            span in 0.001f64..5000.0,
            which in 0usize..3,
        ) {
            let mut s = session_of(&rows);
            let before = rank(&s);
            let id = s.criteria[which].id.clone();
            apply(&mut s, Edit::RescaleCriterion(id, lo, lo + span), chrono::DateTime::UNIX_EPOCH)
                .unwrap();
            prop_assert!(verdict::model::validate(&s).is_empty());
            let after = rank(&s);
            for (b, a) in before.rows.iter().zip(&after.rows) {
                prop_assert_eq!(b.option_idx, a.option_idx);
                prop_assert_eq!(b.rank, a.rank);
                let (bt, at) = (b.total.unwrap_or(0.0), a.total.unwrap_or(0.0));
                prop_assert!((bt - at).abs() < 1e-6, "{} became {}", bt, at);
            }
        }
    }
}
