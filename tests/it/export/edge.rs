//! Sessions at the edges: empty, without criteria, with odd numbers, every outcome.

use super::fixture::{small_session, today};
use chrono::NaiveDate;
use verdict::export::{Format, render};
use verdict::model::{Outcome, Session};

#[test]
fn an_empty_session_exports_in_every_format() {
    let empty = Session::new("");
    for format in Format::ALL {
        let out = render(&empty, format, today());
        assert!(!out.is_empty(), "{format}");
    }
    let md = render(&empty, Format::Markdown, today());
    assert!(md.starts_with("---\nstatus: \"proposed\"\n"), "{md}");
    assert!(md.contains("\n---\n\n# Untitled decision\n"), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&render(&empty, Format::Json, today())).expect("valid JSON");
    assert_eq!(
        json["results"]["recommendation"]["reason"],
        "no_viable_option"
    );
}

#[test]
fn a_session_without_criteria_has_no_impact_chart_but_still_exports() {
    let mut s = small_session();
    s.criteria.clear();
    let html = render(&s, Format::Html, today());
    assert_eq!(html.matches("<svg").count(), 1, "only the ranking chart");
    let csv = render(&s, Format::Csv, today());
    assert!(
        csv.starts_with("id,title,lens,total,rank,flags\r\n"),
        "{csv}"
    );
}

#[test]
fn every_outcome_has_its_own_status_line() {
    let until = NaiveDate::from_ymd_opt(2026, 5, 1).expect("valid date");
    let cases = [
        (Outcome::Undecided, "Status: proposed"),
        (
            Outcome::Deferred {
                until,
                rationale: "wait for the trial".into(),
            },
            "Status: deferred until 2026-05-01",
        ),
        (
            Outcome::Reframe {
                rationale: "wrong problem".into(),
            },
            "Status: sent back to be reframed",
        ),
        (
            Outcome::Killed {
                rationale: "not worth it".into(),
            },
            "Status: rejected (project killed)",
        ),
    ];
    for (outcome, status) in cases {
        let mut s = small_session();
        s.outcome = outcome;
        let md = render(&s, Format::Markdown, today());
        assert!(md.contains(status), "{status:?} missing");
    }
}

#[test]
fn negative_and_fractional_scores_are_written_as_plain_numbers() {
    let mut s = small_session();
    s.criteria[0].scale.lo = -5.0;
    if let Some(score) = s.options[0]
        .scores
        .get_mut(&verdict::model::CriterionId::new("impact"))
    {
        score.likely = -2.5;
    }
    let md = render(&s, Format::Markdown, today());
    assert!(
        md.contains("| Buy a second CDN | Buy | -2.5 | 3 | 2 |"),
        "{md}"
    );
}
