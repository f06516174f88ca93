//! Golden files: the small fixed session and the hostile one in every format, and the
//! shipped example sessions as decision records and memos, compared byte for byte.
//! Run with `UPDATE_GOLDEN=1` to rewrite them after an intended change, then review the diff.

use super::fixture::{hostile_session, shipped, small_session, today};
use std::path::PathBuf;
use verdict::export::{Format, render};
use verdict::model::Session;

/// The golden file of `name` in `format`; the memo's files are `NAME.memo.md` and
/// `NAME.memo.html`, apart from the record's.
fn golden_name(name: &str, format: Format) -> String {
    match format {
        Format::Memo | Format::MemoHtml => format!("{name}.memo.{}", format.extension()),
        _ => format!("{name}.{}", format.extension()),
    }
}

fn check(name: &str, session: &Session, format: Format) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(golden_name(name, format));
    let actual = render(session, format, today());
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "{} differs from the export at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             run with UPDATE_GOLDEN=1 to accept the change, then review the diff",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn the_small_session_matches_its_golden_files_in_every_format() {
    for format in Format::ALL {
        check("small-session", &small_session(), format);
    }
}

#[test]
fn the_hostile_session_matches_its_golden_files_in_every_format() {
    for format in Format::ALL {
        check("hostile-session", &hostile_session(), format);
    }
}

#[test]
fn the_shipped_sessions_match_their_golden_records_and_memos() {
    for name in ["live-streams", "checkout-rewrite-kill", "raters/merged"] {
        let session = shipped(name);
        let golden = format!("shipped-{}", name.replace('/', "-"));
        for format in [
            Format::Markdown,
            Format::Html,
            Format::Memo,
            Format::MemoHtml,
        ] {
            check(&golden, &session, format);
        }
    }
}

#[test]
fn exports_are_deterministic() {
    for format in Format::ALL {
        let a = render(&small_session(), format, today());
        let b = render(&small_session().clone(), format, today());
        assert_eq!(a, b, "{format}");
    }
}
