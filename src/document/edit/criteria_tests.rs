//! Tests of the criteria edits: definition checks, reordering, duplicating, rescaling,
//! weights set by a comparison method, and a matrix imported from CSV.

use super::*;
use crate::document::{Document, scores_outside};
use crate::model::{Scale, ScaleLevel, WeightMethod};
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 16, 0, 0).unwrap()
}

/// The default criteria, two options scored 2 and 4 on cost, and Ana's 5 on cost for the first.
fn session() -> Session {
    let mut s = Session::new("cut the cloud bill by 20 %");
    s.options
        .push(SolutionOption::new("a", "Reserved instances", Lens::Buy).with_score("cost", 2.0));
    s.options.push(
        SolutionOption::new("b", "Rewrite the batch jobs", Lens::ReArchitect)
            .with_score("cost", 4.0),
    );
    s.raters.push(crate::model::Rater::new("ana", "Ana"));
    s.options[0]
        .rater_scores
        .entry(RaterId::new("ana"))
        .or_default()
        .insert(CriterionId::new("cost"), Score::point(5.0));
    s
}

fn cost() -> CriterionId {
    CriterionId::new("cost")
}

fn ids(s: &Session) -> Vec<&str> {
    s.criteria.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn a_criterion_gets_a_unit_a_money_scale_and_a_veto_in_one_edit() {
    let mut s = Session::new("x");
    apply(
        &mut s,
        Edit::AddCriterion("Annual savings".into(), Direction::Benefit),
        now(),
    )
    .unwrap();
    let id = CriterionId::new("annual-savings");
    let mut c = s.criterion(&id).unwrap().clone();
    c.unit = "k$ / year".into();
    c.scale = Scale {
        lo: 0.0,
        hi: 500.0,
        levels: vec![ScaleLevel {
            value: 100.0,
            meaning: "pays one engineer".into(),
        }],
    };
    c.veto = Some(50.0);
    apply(&mut s, Edit::SetCriterion(id.clone(), c), now()).unwrap();
    let c = s.criterion(&id).unwrap();
    assert_eq!(c.name_with_unit(), "Annual savings (k$ / year)");
    assert!(c.vetoes(40.0) && !c.vetoes(60.0));
    assert!(crate::model::validate(&s).is_empty());
}

#[test]
fn a_veto_or_level_outside_the_scale_is_refused_with_its_path() {
    let mut s = session();
    let mut c = s.criteria[1].clone();
    c.veto = Some(9.0);
    let err = apply(&mut s, Edit::SetCriterion(cost(), c), now()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "criteria[1].veto: veto 9 is outside the scale 1..5"
    );
    let mut c = s.criteria[1].clone();
    c.scale.levels.push(ScaleLevel {
        value: 0.0,
        meaning: "free".into(),
    });
    let err = apply(&mut s, Edit::SetCriterion(cost(), c), now()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("criteria[1].scale.levels[5].value"),
        "{err}"
    );
}

#[test]
fn narrowing_a_scale_under_scores_is_refused_naming_every_score_outside() {
    let mut s = session();
    let before = s.clone();
    let mut c = s.criteria[1].clone();
    c.scale = Scale {
        lo: 1.0,
        hi: 3.0,
        levels: Vec::new(),
    };
    let err = apply(&mut s, Edit::SetCriterion(cost(), c.clone()), now()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "2 scores on Cost would fall outside 1..3: \
         “Reserved instances” by Ana 5 (options[0].rater_scores.ana.cost.likely), \
         “Rewrite the batch jobs” 4 (options[1].scores.cost.likely); \
         rescale them with the scale, or change them first"
    );
    assert_eq!(s, before, "nothing changed, nothing clamped");
    let paths: Vec<String> = scores_outside(&s, &cost(), &c.scale)
        .into_iter()
        .map(|o| o.path)
        .collect();
    assert_eq!(
        paths,
        [
            "options[0].rater_scores.ana.cost.likely",
            "options[1].scores.cost.likely"
        ]
    );
}

#[test]
fn widening_a_scale_keeps_the_scores_as_they_are() {
    let mut s = session();
    let mut c = s.criteria[1].clone();
    c.scale.hi = 10.0;
    apply(&mut s, Edit::SetCriterion(cost(), c), now()).unwrap();
    assert_eq!(s.options[1].scores[&cost()].likely, 4.0);
}

#[test]
fn rescaling_moves_scores_levels_and_veto_proportionally_as_one_undo_step() {
    let mut doc = Document::new(session());
    let mut c = doc.session().criteria[1].clone();
    c.veto = Some(4.0);
    doc.apply(Edit::SetCriterion(cost(), c), now()).unwrap();
    doc.seal();
    let mut ranged = Score::point(3.0);
    ranged.low = Some(2.0);
    ranged.high = Some(5.0);
    doc.apply(
        Edit::SetScore(OptionId::new("a"), cost(), Some(ranged)),
        now(),
    )
    .unwrap();
    doc.seal();
    let before = doc.session().clone();
    doc.apply(Edit::RescaleCriterion(cost(), 0.0, 500.0), now())
        .unwrap();
    let s = doc.session();
    let a = &s.options[0].scores[&cost()];
    assert_eq!((a.low, a.likely, a.high), (Some(125.0), 250.0, Some(500.0)));
    assert_eq!(s.options[1].scores[&cost()].likely, 375.0);
    assert_eq!(
        s.options[0].rater_scores[&RaterId::new("ana")][&cost()].likely,
        500.0
    );
    let c = &s.criteria[1];
    assert_eq!((c.scale.lo, c.scale.hi, c.veto), (0.0, 500.0, Some(375.0)));
    let levels: Vec<f64> = c.scale.levels.iter().map(|l| l.value).collect();
    assert_eq!(levels, [0.0, 125.0, 250.0, 375.0, 500.0]);
    assert!(crate::model::validate(s).is_empty());
    assert_eq!(
        doc.undo_label().as_deref(),
        Some("Undo: rescale Cost to 0..500")
    );
    doc.undo();
    assert_eq!(doc.session(), &before);
}

#[test]
fn an_empty_or_reversed_rescale_is_refused() {
    let mut s = session();
    for (lo, hi) in [(5.0, 5.0), (10.0, 0.0), (0.0, f64::INFINITY)] {
        assert!(matches!(
            apply(&mut s, Edit::RescaleCriterion(cost(), lo, hi), now()),
            Err(EditError::InvalidCriterion { .. })
        ));
    }
}

#[test]
fn criteria_move_and_duplicate_without_touching_the_ranking() {
    let mut s = session();
    apply(&mut s, Edit::MoveCriterion(cost(), 0), now()).unwrap();
    assert_eq!(ids(&s), ["cost", "impact", "trust-risk"]);
    apply(&mut s, Edit::MoveCriterion(cost(), 99), now()).unwrap();
    assert_eq!(ids(&s), ["impact", "trust-risk", "cost"]);
    apply(&mut s, Edit::DuplicateCriterion(cost()), now()).unwrap();
    assert_eq!(ids(&s), ["impact", "trust-risk", "cost", "cost-copy"]);
    let copy = &s.criteria[3];
    assert_eq!((copy.name.as_str(), copy.weight), ("Cost (copy)", 0.0));
    let copied = CriterionId::new("cost-copy");
    assert_eq!(s.options[1].scores[&copied].likely, 4.0);
    assert_eq!(
        s.options[0].rater_scores[&RaterId::new("ana")][&copied].likely,
        5.0
    );
    assert!(matches!(
        apply(
            &mut s,
            Edit::MoveCriterion(CriterionId::new("nope"), 0),
            now()
        ),
        Err(EditError::UnknownCriterion(_))
    ));
}

#[test]
fn a_reversed_range_is_refused_naming_the_bound_that_is_out_of_order() {
    let mut s = session();
    let mut score = Score::point(2.0);
    score.low = Some(4.0);
    let err = apply(
        &mut s,
        Edit::SetScore(OptionId::new("a"), cost(), Some(score)),
        now(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "low 4 is above likely 2: need low ≤ likely ≤ high"
    );
    let mut score = Score::point(4.0);
    score.high = Some(3.0);
    let err = apply(
        &mut s,
        Edit::SetScore(OptionId::new("a"), cost(), Some(score)),
        now(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "high 3 is below likely 4: need low ≤ likely ≤ high"
    );
    assert_eq!(s.options[0].scores[&cost()].likely, 2.0);
}

fn swing_weights() -> Edit {
    Edit::SetWeights {
        weights: vec![
            (CriterionId::new("impact"), 50.0),
            (cost(), 30.0),
            (CriterionId::new("trust-risk"), 20.0),
        ],
        method: WeightMethod::Swing,
    }
}

#[test]
fn weights_from_a_method_are_one_undo_step_and_one_log_entry() {
    let mut doc = Document::new(session());
    doc.apply(swing_weights(), now()).unwrap();
    let s = doc.session();
    let weights: Vec<f64> = s.criteria.iter().map(|c| c.weight).collect();
    assert_eq!(weights, [50.0, 30.0, 20.0]);
    assert_eq!(s.log.len(), 1);
    assert_eq!(
        s.log[0].event.describe(),
        "Weights set by swing weighting: `impact` 50, `cost` 30, `trust-risk` 20"
    );
    assert_eq!(
        doc.undo_label().as_deref(),
        Some("Undo: set the weights by swing weighting")
    );
    doc.undo();
    assert_eq!(doc.session().criteria[1].weight, 25.0);
    assert!(doc.session().log.is_empty());
}

#[test]
fn weights_set_while_locked_log_every_change_like_typed_ones() {
    let mut s = session();
    s.weights_locked = true;
    apply(&mut s, swing_weights(), now()).unwrap();
    let changed: Vec<&str> = s
        .log
        .iter()
        .filter_map(|e| match &e.event {
            LogEvent::WeightChanged { criterion, .. } => Some(criterion.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(changed, ["cost", "trust-risk"], "impact stayed at 50");
    assert!(matches!(s.log[2].event, LogEvent::WeightsSet { .. }));
}

#[test]
fn weights_must_name_every_criterion_once_and_not_all_be_zero() {
    let mut s = session();
    let before = s.clone();
    let partial = Edit::SetWeights {
        weights: vec![(CriterionId::new("impact"), 1.0)],
        method: WeightMethod::Swing,
    };
    assert!(
        apply(&mut s, partial, now())
            .unwrap_err()
            .to_string()
            .contains("Cost has no weight")
    );
    let zeros = Edit::SetWeights {
        weights: s.criteria.iter().map(|c| (c.id.clone(), 0.0)).collect(),
        method: WeightMethod::Pairwise {
            consistency_ratio: 0.0,
        },
    };
    assert!(apply(&mut s, zeros, now()).is_err());
    let twice = Edit::SetWeights {
        weights: vec![(cost(), 1.0), (cost(), 2.0)],
        method: WeightMethod::Swing,
    };
    assert!(apply(&mut s, twice, now()).is_err());
    assert_eq!(s, before);
}

#[test]
fn fractions_become_percentages_to_the_hundredth() {
    assert_eq!(
        crate::document::as_percentages(&[0.5, 1.0 / 3.0, 1.0 / 6.0]),
        [50.0, 33.33, 16.67]
    );
}

#[test]
fn a_criteria_set_replaces_the_criteria_only_before_scoring_starts() {
    let mut s = Session::new("cut the cloud bill");
    s.add_option("Reserved instances", Lens::Buy);
    apply(&mut s, Edit::UseCriteriaSet("cost-reduction".into()), now()).unwrap();
    assert_eq!(s.criteria[0].name_with_unit(), "Annual savings (k$ / year)");
    assert!(apply(&mut s, Edit::UseCriteriaSet("nope".into()), now()).is_err());
    let mut scored = session();
    let before = scored.clone();
    let err = apply(
        &mut scored,
        Edit::UseCriteriaSet("availability".into()),
        now(),
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("2 options are already scored"),
        "{err}"
    );
    assert_eq!(scored, before);
}

#[test]
fn an_imported_matrix_is_one_undo_step_and_fails_whole_when_the_session_moved_on() {
    let text = "id,title,Cost\na,,3\n,Spot fleet,2\n";
    let import = crate::import::parse_matrix_csv(text, &session()).unwrap();
    let mut doc = Document::new(session());
    doc.apply(Edit::ImportMatrix(import.clone()), now())
        .unwrap();
    assert_eq!(doc.session().options.len(), 3);
    assert_eq!(doc.session().options[0].scores[&cost()].likely, 3.0);
    assert_eq!(
        doc.undo_label().as_deref(),
        Some("Undo: import 2 rows from CSV")
    );
    doc.undo();
    assert_eq!(doc.session(), &session());
    // The option the import updates is gone: nothing at all is imported.
    doc.apply(Edit::RemoveOption(OptionId::new("a")), now())
        .unwrap();
    let before = doc.session().clone();
    assert!(matches!(
        doc.apply(Edit::ImportMatrix(import), now()),
        Err(EditError::Import(_))
    ));
    assert_eq!(doc.session(), &before);
}

#[test]
fn typing_a_criterions_new_name_is_one_step_labelled_with_its_old_name() {
    let mut doc = Document::new(session());
    for typed in ["R", "Ru", "Run cost"] {
        let mut c = doc.session().criteria[1].clone();
        c.name = typed.into();
        doc.apply(Edit::SetCriterion(cost(), c), now()).unwrap();
    }
    assert_eq!(
        doc.undo_label().as_deref(),
        Some("Undo: rename criterion Cost")
    );
    doc.undo();
    assert_eq!(doc.session().criteria[1].name, "Cost");
}
