//! Tests of the stakes edit in `edit`.

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
