//! Tests of reading a matrix from CSV and applying it.

use super::*;

fn session() -> Session {
    let mut s = Session::new("cut the cloud bill");
    let mut option =
        SolutionOption::new("reserved", "Reserved instances", Lens::Buy).with_score("impact", 3.0);
    let cost = option.scores.get_mut(&CriterionId::new("impact")).unwrap();
    cost.low = Some(2.0);
    cost.high = Some(4.0);
    cost.rationale = "three-year commitment".into();
    s.options.push(option);
    s
}

fn messages(result: Result<MatrixImport, Vec<ImportIssue>>) -> Vec<String> {
    result
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

const HEADER: &str = "id,title,lens,Impact,Cost,Trust risk,total,rank,flags\r\n";

#[test]
fn the_csv_export_shape_updates_named_options_and_adds_the_rest() {
    let text = format!(
        "{HEADER}reserved,Reserved instances (3 years),Buy,4,2,,61.50,1,\r\n\
         ,Turn off idle staging,Process / organisation,3,1,1,,,\r\n\
         spot,Spot fleet,re-architect,2,3,4,,,unscored\r\n"
    );
    let import = parse_matrix_csv(&text, &session()).unwrap();
    assert_eq!(import.summary(), "2 options added, 1 updated, 8 scores set");
    let mut s = session();
    apply_import(&mut s, &import).unwrap();
    let ids: Vec<&str> = s.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["reserved", "turn-off-idle-staging", "spot"]);
    let reserved = &s.options[0];
    assert_eq!(reserved.title, "Reserved instances (3 years)");
    let impact = &reserved.scores[&CriterionId::new("impact")];
    assert_eq!(impact.likely, 4.0);
    assert_eq!(
        (impact.low, impact.high),
        (Some(2.0), Some(4.0)),
        "range kept"
    );
    assert_eq!(impact.rationale, "three-year commitment");
    assert!(
        !reserved
            .scores
            .contains_key(&CriterionId::new("trust-risk")),
        "empty cell left alone"
    );
    assert_eq!(s.options[1].lens, Lens::Process);
    assert_eq!(s.options[2].lens, Lens::ReArchitect);
    assert!(crate::model::validate(&s).is_empty());
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_column_and_nothing_is_read() {
    let text = format!(
        "{HEADER}reserved,,,5,,,,,\n\
         ,Spot fleet,Buy,abc,9,,,,\n\
         ,,Buy,1,1,1,,,\n\
         Bad Id,X,Buy,1,,,,,\n\
         reserved,,,3,,,,,\n\
         ,Short row\n"
    );
    assert_eq!(
        messages(parse_matrix_csv(&text, &session())),
        [
            "2:12: 5 is outside the range 2..4 this score already has on Impact; widen the \
             range in the window first, or leave the cell empty",
            "3:17: `abc` is not a number (use a dot for decimals)",
            "3:21: 9 is outside the scale 1..5 of Cost",
            "4:1: a new option needs a title (or an id of an option in the session)",
            "5:1: id `Bad Id` names no option and is not a valid new id (lowercase letters, \
             digits and single hyphens); leave it empty to add the option with an id made from \
             its title",
            "6:1: option `reserved` already has a row above; keep one row per option",
            "7:1: this row has 2 fields but the header has 9",
        ]
    );
}

#[test]
fn an_unknown_or_repeated_column_is_reported_in_the_header() {
    let text = "id,title,Impact,Savings,impact\n,A,1,2,3\n";
    assert_eq!(
        messages(parse_matrix_csv(text, &session())),
        [
            "1:17: column “Savings” names no criterion of this session (Impact, Cost, Trust \
             risk); rename it to one of them or add the criterion first",
            "1:25: column “impact” appears twice",
        ]
    );
    assert_eq!(
        messages(parse_matrix_csv("", &session()))[0],
        "1:1: the file is empty: expected a header row like the CSV export's \
         (id,title,lens,criteria…)"
    );
    assert!(messages(parse_matrix_csv("Impact\n3\n", &session()))[0].contains("needs an `id`"));
}

#[test]
fn criteria_are_matched_by_name_with_unit_or_id_and_quoted_fields_are_located() {
    let mut s = session();
    s.criteria[1].unit = "k$".into();
    let text = "\u{feff}title,\"Cost (k$)\",trust-risk\n\"Multi-line\ntitle, with a comma\",2,x\n";
    assert_eq!(
        messages(parse_matrix_csv(text, &s)),
        ["3:24: `x` is not a number (use a dot for decimals)"]
    );
}

#[test]
fn the_exports_formula_guard_is_taken_off_titles_again() {
    let text = "id,title,lens\n,'=1+1,'-custom-\n";
    let import = parse_matrix_csv(text, &session()).unwrap();
    assert_eq!(import.rows[0].title, "=1+1");
    assert_eq!(import.rows[0].lens, Some(Lens::Custom("-custom-".into())));
}

#[test]
fn an_import_read_for_an_older_session_fails_whole() {
    let text = "id,title,Impact\nreserved,,4\n,Spot fleet,2\n";
    let import = parse_matrix_csv(text, &session()).unwrap();
    let mut moved_on = session();
    moved_on.options.clear();
    let before = moved_on.clone();
    let err = apply_import(&mut moved_on, &import).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 2: there is no option with id `reserved` any more"
    );
    assert_eq!(moved_on, before);
    let mut narrowed = session();
    narrowed.options[0].scores.clear();
    narrowed.criteria[0].scale.hi = 3.0;
    narrowed.criteria[0].scale.levels.clear();
    let err = apply_import(&mut narrowed, &import).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the import would leave options[0].scores.impact.likely"),
        "{err}"
    );
}

#[test]
fn a_score_without_a_range_takes_any_new_value_on_its_scale() {
    let mut s = session();
    s.options[0]
        .scores
        .insert(CriterionId::new("cost"), Score::point(2.0));
    let import = parse_matrix_csv("id,Cost\nreserved,5\n", &s).unwrap();
    apply_import(&mut s, &import).unwrap();
    assert_eq!(s.options[0].scores[&CriterionId::new("cost")].likely, 5.0);
}

#[test]
fn a_column_named_after_two_criteria_must_use_an_id() {
    let mut s = session();
    s.criteria[2].name = "Cost".into();
    let errors = messages(parse_matrix_csv("title,Cost\nA,3\n", &s));
    assert_eq!(
        errors,
        [
            "1:7: column “Cost” could be any of the criteria cost, trust-risk; head it with one \
          of those ids instead"
        ]
    );
    let import = parse_matrix_csv("title,trust-risk\nA,3\n", &s).unwrap();
    assert_eq!(
        import.rows[0].scores,
        [(CriterionId::new("trust-risk"), 3.0)]
    );
}
