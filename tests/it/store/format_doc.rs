//! The annotated example in `docs/FORMAT.md` is a real, valid session using every field.

use std::fs;
use std::path::PathBuf;
use verdict::model::Outcome;
use verdict::store;

fn example() -> String {
    let doc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/FORMAT.md");
    let text = fs::read_to_string(doc).unwrap();
    let start = text.find("```ron\n").expect("a ```ron block") + "```ron\n".len();
    let len = text[start..].find("```").expect("the block ends");
    text[start..start + len].to_owned()
}

#[test]
fn the_annotated_example_in_the_format_doc_loads_and_uses_every_part() {
    let session = store::load_document(example().as_bytes()).unwrap();
    assert_eq!(session.criteria.len(), 2);
    assert!(session.criteria[1].veto.is_some());
    assert_eq!(session.options.len(), 3);
    assert!(session.options[0].scores.values().any(|s| s.low.is_some()));
    assert!(matches!(session.outcome, Outcome::Chosen { .. }));
    assert_eq!(session.log.len(), 4);
    let written = &session.options[0];
    assert!(!written.owner.is_empty() && !written.strongest_case.is_empty());
    assert!(!written.wrong_if.is_empty() && written.first_result_weeks.is_some());
    assert_eq!(written.expected_results[0].reaches, Some(false));
    assert!(session.review_date.is_some() && session.reversibility.is_some());
    assert_eq!(session.next_steps.len(), 1);
    assert!(!session.people.is_empty() && !session.memo.is_empty());
    assert!(session.weights_locked && !session.notes.is_empty());
    assert!(session.directive.deadline.is_some());
    assert_eq!(session.framing.stakeholders.len(), 2);
}

#[test]
fn the_annotated_example_equals_the_format_1_fixture() {
    let fixture = super::broken::fixture("format/v1.ron");
    assert_eq!(
        store::load_document(example().as_bytes()).unwrap(),
        store::load_file(&fixture).unwrap()
    );
}
