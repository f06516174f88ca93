//! Tests of the edits a portfolio reads: a session's stakes and an option's effort.

use super::*;
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 0).unwrap()
}

fn session() -> Session {
    Session::new("ask")
}

#[test]
fn stakes_are_set_cleared_and_refused_when_negative_or_not_finite() {
    let mut s = session();
    apply(&mut s, Edit::SetStakes(Some(250.0)), now()).unwrap();
    assert_eq!(s.stakes, Some(250.0));
    for bad in [-1.0, f64::NAN, 2e12] {
        assert!(apply(&mut s, Edit::SetStakes(Some(bad)), now()).is_err());
        assert_eq!(s.stakes, Some(250.0), "a refused edit changes nothing");
    }
    apply(&mut s, Edit::SetStakes(None), now()).unwrap();
    assert_eq!(s.stakes, None);
    assert_eq!(
        Edit::SetStakes(Some(1.0)).merge_key(),
        Edit::SetStakes(None).merge_key(),
        "typing a number is one undo step"
    );
}

#[test]
fn an_option_effort_is_set_cleared_and_refused_out_of_order() {
    let mut s = session();
    let id = s.add_option("Buy a CDN", Lens::Buy);
    let effort = Effort {
        likely: 4.0,
        low: Some(3.0),
        high: Some(8.0),
    };
    apply(
        &mut s,
        Edit::SetOptionEffort(id.clone(), Some(effort.clone())),
        now(),
    )
    .unwrap();
    assert_eq!(s.options[0].effort, Some(effort.clone()));
    let reversed = Effort {
        likely: 4.0,
        low: Some(5.0),
        high: None,
    };
    for bad in [reversed, Effort::weeks(-1.0), Effort::weeks(f64::INFINITY)] {
        assert!(apply(&mut s, Edit::SetOptionEffort(id.clone(), Some(bad)), now()).is_err());
        assert_eq!(s.options[0].effort, Some(effort.clone()));
    }
    apply(&mut s, Edit::SetOptionEffort(id, None), now()).unwrap();
    assert_eq!(s.options[0].effort, None);
}
