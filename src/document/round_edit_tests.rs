//! Edit-script tests of a facilitated scoring round.

use super::*;
use crate::document::{Edit, apply};
use crate::model::{Lens, Rater};
use chrono::{Duration, TimeZone};

fn at(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap() + Duration::seconds(secs)
}

/// Two options, the default criteria (1–5 scales), raters Ana and Bo.
fn session() -> Session {
    let mut s = Session::new("ask");
    s.add_option("Buy a CDN", Lens::Buy);
    s.add_option("Do nothing", Lens::DoNothing);
    s.raters = vec![Rater::new("ana", "Ana"), Rater::new("bo", "Bo")];
    s
}

fn step(s: &mut Session, edit: RoundEdit, secs: i64) -> Result<(), EditError> {
    apply(s, Edit::Round(edit), at(secs))
}

fn start_on_cost(s: &mut Session) {
    let cells = vec![
        Cell::new("buy-a-cdn", "cost"),
        Cell::new("do-nothing", "cost"),
    ];
    step(
        s,
        RoundEdit::Start {
            scope: RoundScope::Criterion(CriterionId::new("cost")),
            cells,
            timer_seconds: None,
        },
        0,
    )
    .unwrap();
}

fn score(rater: &str, option: &str, value: f64) -> RoundEdit {
    RoundEdit::SetScore(
        RaterId::new(rater),
        OptionId::new(option),
        CriterionId::new("cost"),
        Some(value),
    )
}

#[test]
fn hidden_scores_stay_in_the_round_until_it_is_accepted() {
    let mut s = session();
    start_on_cost(&mut s);
    step(&mut s, score("ana", "buy-a-cdn", 2.0), 5).unwrap();
    step(&mut s, score("bo", "buy-a-cdn", 3.0), 6).unwrap();
    assert!(s.options.iter().all(|o| o.rater_scores.is_empty()));
    step(&mut s, RoundEdit::Reveal, 10).unwrap();
    step(&mut s, RoundEdit::Accept, 20).unwrap();
    assert!(s.round.is_none());
    let cost = CriterionId::new("cost");
    let cdn = &s.options[0].rater_scores;
    assert_eq!(cdn[&RaterId::new("ana")][&cost].likely, 2.0);
    assert_eq!(cdn[&RaterId::new("bo")][&cost].likely, 3.0);
    assert!(s.options[1].rater_scores.is_empty(), "nobody scored it");
}

#[test]
fn every_step_that_matters_is_logged_with_who_scored_and_when() {
    let mut s = session();
    start_on_cost(&mut s);
    step(&mut s, score("ana", "buy-a-cdn", 1.0), 5).unwrap();
    step(&mut s, score("bo", "buy-a-cdn", 5.0), 6).unwrap();
    step(&mut s, RoundEdit::Reveal, 42).unwrap();
    step(&mut s, RoundEdit::Accept, 50).unwrap();
    let events: Vec<&LogEvent> = s.log.iter().map(|e| &e.event).collect();
    assert_eq!(
        events,
        [
            &LogEvent::RoundStarted {
                number: 1,
                scope: RoundScope::Criterion(CriterionId::new("cost")),
                cells: 2
            },
            &LogEvent::RoundRevealed {
                number: 1,
                raters: vec![RaterId::new("ana"), RaterId::new("bo")],
                low_agreement: 1
            },
            &LogEvent::RoundAccepted {
                number: 1,
                cells: 1
            },
        ]
    );
    assert_eq!(s.log[1].at, at(42));
    assert_eq!(
        s.log[1].event.describe_in(&s),
        "Scoring round 1 revealed, scored by Ana, Bo; 1 cell in low agreement"
    );
}

#[test]
fn a_rerun_accepts_the_agreed_cells_and_reopens_only_the_low_agreement_ones() {
    let mut s = session();
    start_on_cost(&mut s);
    step(&mut s, score("ana", "buy-a-cdn", 1.0), 1).unwrap();
    step(&mut s, score("bo", "buy-a-cdn", 4.0), 2).unwrap();
    step(&mut s, score("ana", "do-nothing", 2.0), 3).unwrap();
    step(&mut s, score("bo", "do-nothing", 2.0), 4).unwrap();
    step(&mut s, RoundEdit::Reveal, 5).unwrap();
    step(&mut s, RoundEdit::Rerun, 6).unwrap();
    let round = s.round.as_ref().expect("a new round is open");
    assert_eq!(round.number, 2);
    assert_eq!(round.scope, RoundScope::Rerun);
    assert_eq!(round.cells, [Cell::new("buy-a-cdn", "cost")]);
    assert!(round.scores.is_empty() && round.is_scoring());
    let cost = CriterionId::new("cost");
    assert_eq!(
        s.options[1].rater_scores[&RaterId::new("bo")][&cost].likely,
        2.0,
        "the agreed cell was accepted"
    );
    assert!(
        s.options[0].rater_scores.is_empty(),
        "the disputed one was not"
    );
}

#[test]
fn a_rerun_without_low_agreement_is_refused_and_changes_nothing() {
    let mut s = session();
    start_on_cost(&mut s);
    step(&mut s, score("ana", "buy-a-cdn", 3.0), 1).unwrap();
    step(&mut s, score("bo", "buy-a-cdn", 3.0), 2).unwrap();
    step(&mut s, RoundEdit::Reveal, 3).unwrap();
    let before = s.clone();
    assert!(matches!(
        step(&mut s, RoundEdit::Rerun, 4),
        Err(EditError::Round(_))
    ));
    assert_eq!(s, before);
}

#[test]
fn scores_are_refused_after_the_reveal_and_outside_the_round_or_the_scale() {
    let mut s = session();
    start_on_cost(&mut s);
    let impact = RoundEdit::SetScore(
        RaterId::new("ana"),
        OptionId::new("buy-a-cdn"),
        CriterionId::new("impact"),
        Some(3.0),
    );
    assert!(matches!(step(&mut s, impact, 1), Err(EditError::Round(_))));
    assert!(matches!(
        step(&mut s, score("ana", "buy-a-cdn", 9.0), 1),
        Err(EditError::BadNumber(_))
    ));
    assert!(matches!(
        step(&mut s, score("cy", "buy-a-cdn", 3.0), 1),
        Err(EditError::UnknownRater(_))
    ));
    step(&mut s, RoundEdit::Reveal, 2).unwrap();
    assert!(matches!(
        step(&mut s, score("ana", "buy-a-cdn", 3.0), 3),
        Err(EditError::Round(_))
    ));
}

#[test]
fn a_round_needs_two_raters_and_only_one_is_open_at_a_time() {
    let mut s = session();
    s.raters.truncate(1);
    let start = |cells| RoundEdit::Start {
        scope: RoundScope::All,
        cells,
        timer_seconds: None,
    };
    assert!(matches!(
        step(&mut s, start(vec![Cell::new("buy-a-cdn", "cost")]), 0),
        Err(EditError::Round(_))
    ));
    let mut s = session();
    step(&mut s, start(vec![Cell::new("buy-a-cdn", "cost")]), 0).unwrap();
    assert!(matches!(
        step(&mut s, start(vec![Cell::new("buy-a-cdn", "cost")]), 1),
        Err(EditError::Round(_))
    ));
    step(&mut s, RoundEdit::Cancel, 2).unwrap();
    assert!(s.round.is_none());
    step(&mut s, start(vec![Cell::new("buy-a-cdn", "impact")]), 3).unwrap();
    assert_eq!(
        s.round.as_ref().map(|r| r.number),
        Some(2),
        "numbers count on"
    );
}

#[test]
fn finishing_a_turn_hands_the_keyboard_back_and_records_who_finished() {
    let mut s = session();
    start_on_cost(&mut s);
    step(&mut s, RoundEdit::SetTurn(Some(RaterId::new("ana"))), 1).unwrap();
    step(&mut s, RoundEdit::FinishTurn(RaterId::new("ana")), 2).unwrap();
    let round = s.round.as_ref().unwrap();
    assert_eq!(round.turn, None);
    assert_eq!(round.finished, [RaterId::new("ana")]);
}

#[test]
fn the_undo_label_of_a_hidden_score_never_names_the_number() {
    let s = session();
    let label = Edit::Round(score("ana", "buy-a-cdn", 4.0)).label(&s);
    assert_eq!(label, "record Ana's hidden score");
    assert!(!label.contains('4'));
}

#[test]
fn accepting_keeps_a_raters_earlier_range_around_the_new_score() {
    let mut s = session();
    let cost = CriterionId::new("cost");
    let mut earlier = Score::point(3.0);
    earlier.low = Some(2.0);
    earlier.high = Some(3.5);
    s.options[0]
        .rater_scores
        .entry(RaterId::new("ana"))
        .or_default()
        .insert(cost.clone(), earlier);
    start_on_cost(&mut s);
    step(&mut s, score("ana", "buy-a-cdn", 4.0), 1).unwrap();
    step(&mut s, RoundEdit::Reveal, 2).unwrap();
    step(&mut s, RoundEdit::Accept, 3).unwrap();
    let now = &s.options[0].rater_scores[&RaterId::new("ana")][&cost];
    assert_eq!((now.low, now.likely, now.high), (Some(2.0), 4.0, Some(4.0)));
    assert!(crate::model::validate(&s).is_empty());
}
