//! Tests of the rater edits in `edit`.

use super::*;
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
}

fn session() -> Session {
    let mut s = Session::new("ask");
    s.add_option("Buy a CDN", Lens::Buy);
    s
}

#[test]
fn adding_raters_with_the_same_name_gives_each_a_fresh_id() {
    let mut s = session();
    apply(&mut s, Edit::AddRater("Ana".into(), "SRE".into()), now()).unwrap();
    apply(&mut s, Edit::AddRater("Ana".into(), String::new()), now()).unwrap();
    let ids: Vec<&str> = s.raters.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["ana", "ana-2"]);
    assert_eq!(s.raters[0].role, "SRE");
}

#[test]
fn a_rater_score_is_stored_under_the_rater_and_cleared_again() {
    let mut s = session();
    apply(&mut s, Edit::AddRater("Ana".into(), String::new()), now()).unwrap();
    let option = s.options[0].id.clone();
    let (ana, cost) = (RaterId::new("ana"), CriterionId::new("cost"));
    let set = |score| Edit::SetRaterScore(option.clone(), ana.clone(), cost.clone(), score);
    apply(&mut s, set(Some(Score::point(4.0))), now()).unwrap();
    assert_eq!(s.options[0].rater_scores[&ana][&cost].likely, 4.0);
    assert!(
        s.options[0].score(&cost).is_none(),
        "shared scores untouched"
    );
    apply(&mut s, set(None), now()).unwrap();
    assert!(s.options[0].rater_scores.is_empty());
}

#[test]
fn a_rater_score_outside_the_scale_or_for_an_unknown_rater_is_refused() {
    let mut s = session();
    apply(&mut s, Edit::AddRater("Ana".into(), String::new()), now()).unwrap();
    let option = s.options[0].id.clone();
    let cost = CriterionId::new("cost");
    let bad = Edit::SetRaterScore(
        option.clone(),
        RaterId::new("ana"),
        cost.clone(),
        Some(Score::point(99.0)),
    );
    assert!(matches!(
        apply(&mut s, bad, now()),
        Err(EditError::BadNumber(_))
    ));
    let nobody = Edit::SetRaterScore(option, RaterId::new("bo"), cost, Some(Score::point(3.0)));
    assert_eq!(
        apply(&mut s, nobody, now()),
        Err(EditError::UnknownRater("bo".into()))
    );
    assert!(s.options[0].rater_scores.is_empty());
}

#[test]
fn rater_score_edits_merge_per_cell_and_rater() {
    let edit = |r: &str, c: &str| {
        Edit::SetRaterScore(
            OptionId::new("x"),
            RaterId::new(r),
            CriterionId::new(c),
            None,
        )
        .merge_key()
    };
    assert_eq!(edit("ana", "cost"), edit("ana", "cost"));
    assert_ne!(edit("ana", "cost"), edit("bo", "cost"));
    assert_ne!(edit("ana", "cost"), edit("ana", "impact"));
    assert_ne!(
        edit("ana", "cost"),
        Edit::SetScore(OptionId::new("x"), CriterionId::new("cost"), None).merge_key()
    );
}

#[test]
fn the_aggregation_can_be_switched_to_median() {
    let mut s = session();
    apply(&mut s, Edit::SetAggregation(Aggregation::Median), now()).unwrap();
    assert_eq!(s.aggregation, Aggregation::Median);
    assert_eq!(
        Edit::SetAggregation(Aggregation::Median).label(&s),
        "aggregate raters by median"
    );
}

#[test]
fn renaming_a_rater_keeps_their_id_and_scores() {
    let mut s = session();
    apply(&mut s, Edit::AddRater("Ana".into(), String::new()), now()).unwrap();
    let option = s.options[0].id.clone();
    let (ana, cost) = (RaterId::new("ana"), CriterionId::new("cost"));
    let score = Edit::SetRaterScore(option, ana.clone(), cost.clone(), Some(Score::point(2.0)));
    apply(&mut s, score, now()).unwrap();
    let rename = Edit::SetRater(ana.clone(), "Ana Lima".into(), "SRE lead".into());
    assert_eq!(rename.label(&s), "rename rater Ana to Ana Lima");
    apply(&mut s, rename, now()).unwrap();
    assert_eq!(
        (s.raters[0].name.as_str(), s.raters[0].role.as_str()),
        ("Ana Lima", "SRE lead")
    );
    assert_eq!(s.options[0].rater_scores[&ana][&cost].likely, 2.0);
    let role = Edit::SetRater(ana, "Ana Lima".into(), "SRE".into());
    assert_eq!(role.label(&s), "change the role of Ana Lima");
}

#[test]
fn removing_a_rater_removes_their_scores_and_only_theirs() {
    let mut s = session();
    s.add_option("Reframe", Lens::Reframe);
    for name in ["Ana", "Bo"] {
        apply(&mut s, Edit::AddRater(name.into(), String::new()), now()).unwrap();
    }
    let cost = CriterionId::new("cost");
    for option in s.options.iter().map(|o| o.id.clone()).collect::<Vec<_>>() {
        for rater in ["ana", "bo"] {
            let edit = Edit::SetRaterScore(
                option.clone(),
                RaterId::new(rater),
                cost.clone(),
                Some(Score::point(3.0)),
            );
            apply(&mut s, edit, now()).unwrap();
        }
    }
    let remove = Edit::RemoveRater(RaterId::new("ana"));
    assert_eq!(remove.label(&s), "remove rater Ana");
    apply(&mut s, remove.clone(), now()).unwrap();
    assert_eq!(s.raters.len(), 1);
    for option in &s.options {
        let raters: Vec<&str> = option.rater_scores.keys().map(|r| r.as_str()).collect();
        assert_eq!(raters, ["bo"]);
    }
    assert!(crate::model::validate(&s).is_empty());
    assert_eq!(
        apply(&mut s, remove, now()),
        Err(EditError::UnknownRater("ana".into()))
    );
}
