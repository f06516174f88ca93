//! The JSON export read back with serde_json.

use super::fixture::{hostile_session, small_session, today};
use verdict::export::{Format, render};
use verdict::model::Session;

#[test]
fn the_json_holds_the_document_and_its_results() {
    let out = render(&small_session(), Format::Json, today());
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(
        value["verdict_export"],
        verdict::export::JSON_EXPORT_VERSION
    );
    assert_eq!(value["exported_on"], "2026-03-14");
    let session: Session = serde_json::from_value(value["session"].clone()).expect("a session");
    let mut expected = small_session();
    expected.notes.clear();
    for o in &mut expected.options {
        o.notes.clear();
    }
    assert_eq!(session, expected);
    let ranking = value["results"]["ranking"].as_array().expect("ranking");
    assert_eq!(ranking.len(), 4);
    assert_eq!(ranking[0]["option"], "multi-cdn");
    assert_eq!(ranking[0]["rank"], 1);
    assert_eq!(ranking[0]["total"], 68.75);
    assert_eq!(ranking[1]["vetoed_by"][0], "trust-risk");
    assert_eq!(ranking[3]["rank"], serde_json::Value::Null);
    let advice = &value["results"]["recommendation"];
    assert_eq!(advice["kind"], "choose");
    assert_eq!(advice["option"], "multi-cdn");
}

#[test]
fn hostile_text_survives_exactly_and_bidi_controls_are_escaped() {
    let out = render(&hostile_session(), Format::Json, today());
    assert!(!out.contains('\u{202E}'));
    assert!(out.contains("\\u202e"));
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(
        value["session"]["options"][6]["title"],
        "evil\u{202E}gnp.exe"
    );
    assert_eq!(value["results"]["recommendation"]["kind"], "kill");
    assert_eq!(
        value["results"]["recommendation"]["reason"],
        "kill_criterion_tripped"
    );
}
