//! An open scoring round in the session file: it round-trips, reads as `docs/FORMAT.md`
//! shows it, and a broken one is reported at its document path.

use chrono::{TimeZone, Utc};
use verdict::model::{
    Cell, CriterionId, Lens, OptionId, Rater, RaterId, RoundScope, ScoringRound, Session,
    SolutionOption,
};
use verdict::store::{load_document, to_canonical_ron};

fn session_with_round() -> Session {
    let mut s = Session::new("Improve availability");
    s.options
        .push(SolutionOption::new("buy-cdn", "Buy a CDN", Lens::Buy).with_score("cost", 3.0));
    s.raters = vec![Rater::new("ana", "Ana"), Rater::new("bo", "Bo")];
    let started = Utc.with_ymd_and_hms(2026, 3, 4, 10, 0, 0).unwrap();
    let mut round = ScoringRound::new(
        1,
        RoundScope::Criterion(CriterionId::new("cost")),
        vec![Cell::new("buy-cdn", "cost")],
        started,
    );
    round.timer_seconds = Some(300);
    round.turn = Some(RaterId::new("ana"));
    round.finished.push(RaterId::new("bo"));
    round
        .scores
        .entry(RaterId::new("ana"))
        .or_default()
        .entry(OptionId::new("buy-cdn"))
        .or_default()
        .insert(CriterionId::new("cost"), 2.0);
    s.round = Some(round);
    s
}

#[test]
fn an_open_round_is_saved_and_read_back_unchanged() {
    let s = session_with_round();
    let text = to_canonical_ron(&s);
    assert!(text.contains("round: Some(("), "{text}");
    assert!(text.contains("scope: Criterion(\"cost\")"));
    assert_eq!(load_document(text.as_bytes()).unwrap(), s);
}

#[test]
fn a_session_without_a_round_writes_no_round_field() {
    let mut s = session_with_round();
    s.round = None;
    assert!(!to_canonical_ron(&s).contains("round:"));
}

#[test]
fn a_round_score_by_an_unknown_rater_off_its_scale_is_reported_at_its_path() {
    let s = session_with_round();
    let text = to_canonical_ron(&s)
        .replace("\"ana\": {", "\"cy\": {")
        .replace("\"cost\": 2.0", "\"cost\": 9.0");
    let err = load_document(text.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("round.scores.cy"), "{err}");
    assert!(
        err.contains("round.scores.cy.buy-cdn.cost: 9 is outside the scale"),
        "{err}"
    );
}
