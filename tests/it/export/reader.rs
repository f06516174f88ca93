//! The record as a reader who was not in the room meets it: a support decision with a unit on
//! one criterion, two raters, a scoring round accepted after the decision and two next steps.
//! Each surface must say the same things: every next step, values with their unit, which
//! scores the matrix shows and that they changed after the decision.

use pulldown_cmark::{Event, Options, Parser};
use scraper::{Html, Selector};
use verdict::export::{Format, render};
use verdict::model::Session;

/// The support decision, exported on the day it was taken.
fn support() -> Session {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export/support-first-response-time.ron");
    verdict::store::load_file(&path).expect("the support session loads")
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid date")
}

/// The Markdown as a reader sees it once rendered: the text of every paragraph, item,
/// heading and table cell, with escapes resolved.
fn rendered_text(md: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(
        md,
        Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    ) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push('\n'),
            Event::Start(pulldown_cmark::Tag::Strikethrough) => text.push_str("<strike>"),
            _ => {}
        }
    }
    text
}

/// The text of the HTML page's body, SVG labels included.
fn html_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let body = Selector::parse("body").expect("valid selector");
    doc.select(&body)
        .flat_map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ")
}

const SECOND_STEP: &str = "Start the follow-the-sun weekend rota with the Manila contractor team";

#[test]
fn every_next_step_appears_with_its_owner_and_date_in_the_record_and_the_memo() {
    let s = support();
    for format in [Format::Markdown, Format::Memo] {
        let text = rendered_text(&render(&s, format, day()));
        assert!(
            text.contains(&format!("{SECOND_STEP} — Jonas Berg, by 2027-01-08")),
            "{format}: {text}"
        );
        assert!(
            text.contains("Tag billing intents in the help desk"),
            "{format}"
        );
    }
    for format in [Format::Html, Format::MemoHtml] {
        let text = html_text(&render(&s, format, day()));
        assert!(
            text.contains(&format!("{SECOND_STEP} — Jonas Berg, by 2027-01-08")),
            "{format}"
        );
    }
    let md = render(&s, Format::Markdown, day());
    assert!(md.contains("and 1 more under Next steps"), "{md}");
}

#[test]
fn a_criterion_with_a_unit_carries_it_in_headers_sentences_and_the_veto() {
    let s = support();
    let md = render(&s, Format::Markdown, day());
    let text = rendered_text(&md);
    assert!(
        text.contains("Yearly run cost (k$ / year)"),
        "matrix header"
    );
    assert!(
        text.contains("does better on Yearly run cost (0 k$ / year against 120 k$ / year)"),
        "{text}"
    );
    assert!(
        text.contains("Yearly run cost is 235 k$ / year"),
        "pros and cons"
    );
    assert!(
        md.contains("| lower is better, 0–500 k$ / year | 300 k$ / year |"),
        "the veto in its unit"
    );
    // Criteria without a unit stay bare numbers.
    assert!(
        text.contains("Cost is 3.5\n") || text.contains("Cost is 3.5 "),
        "{text}"
    );
    let html = html_text(&render(&s, Format::Html, day()));
    assert!(html.contains("k$ / year"), "the HTML matrix header");
    assert!(html.contains("Yearly run cost is 235 k$ / year"), "{html}");
    let csv = render(&s, Format::Csv, day());
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.contains("Yearly run cost (k$ / year)")),
        "{csv}"
    );
}

#[test]
fn dollars_and_lone_tildes_read_as_typed_and_are_never_escaped_in_the_markdown_source() {
    let mut s = support();
    s.framing.constraints.push("Keep ~90 k$ of slack".into());
    let md = render(&s, Format::Markdown, day());
    assert!(!md.contains(r"\$"), "a needless escape of $");
    assert!(!md.contains(r"\~"), "a needless escape of ~");
    assert!(md.contains("costs about 90-120 k$ a year, well under the 300 k$ veto"));
    let text = rendered_text(&md);
    assert!(text.contains("Keep ~90 k$ of slack"), "{text}");
    assert!(!text.contains("<strike>"), "nothing struck through");
}

#[test]
fn tildes_that_could_strike_text_through_stay_literal() {
    let mut s = support();
    s.framing
        .constraints
        .push("~~not struck~~ and a~b~c".into());
    let text = rendered_text(&render(&s, Format::Markdown, day()));
    assert!(!text.contains("<strike>"), "{text}");
    assert!(text.contains("~~not struck~~ and a~b~c"), "{text}");
}

#[test]
fn the_html_matrix_gives_option_titles_room_and_scrolls_sideways_instead_of_breaking_words() {
    let html = render(&support(), Format::Html, day());
    let doc = Html::parse_document(&html);
    let cells = Selector::parse("div.table-scroll > table.matrix td.option-title").expect("css");
    assert_eq!(
        doc.select(&cells).count(),
        7,
        "every option title in the matrix"
    );
    for rule in [
        ".table-scroll { overflow-x: auto; }",
        "table.matrix td, table.matrix th { overflow-wrap: normal; word-break: normal;",
        "table.matrix .option-title { min-width:",
    ] {
        assert!(html.contains(rule), "missing {rule}");
    }
}

/// The circles and the labels of the impact-vs-cost chart, in drawing order.
struct Scatter {
    circles: Vec<(f64, f64, f64)>,
    /// Label text, x, y and how many circles were drawn before it.
    labels: Vec<(String, f64, f64, usize)>,
}

fn scatter(html: &str) -> Scatter {
    let doc = Html::parse_document(html);
    let svg = Selector::parse("svg[aria-labelledby=scatter-title]").expect("css");
    let svg = doc.select(&svg).next().expect("the impact-vs-cost chart");
    let mut out = Scatter {
        circles: Vec::new(),
        labels: Vec::new(),
    };
    let attr = |e: &scraper::node::Element, name: &str| -> f64 {
        e.attr(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    for node in svg.descendants() {
        let Some(element) = scraper::ElementRef::wrap(node) else {
            continue;
        };
        let e = element.value();
        match (e.name(), e.attr("class")) {
            ("circle", _) => out
                .circles
                .push((attr(e, "cx"), attr(e, "cy"), attr(e, "r"))),
            ("text", Some("dot-label" | "group-label")) => out.labels.push((
                element.text().collect(),
                attr(e, "x"),
                attr(e, "y") - 5.0,
                out.circles.len(),
            )),
            _ => {}
        }
    }
    out
}

#[test]
fn chart_labels_of_overlapping_options_stay_readable_and_name_both() {
    let html = render(&support(), Format::Html, day());
    let chart = scatter(&html);
    // Do nothing (F) and Kill (G) have the same impact and cost.
    assert!(
        chart.labels.iter().any(|(text, ..)| text == "F, G"),
        "{:?}",
        chart.labels.iter().map(|l| &l.0).collect::<Vec<_>>()
    );
    for (text, x, y, drawn_before) in &chart.labels {
        let covered = chart.circles[*drawn_before..]
            .iter()
            .any(|(cx, cy, r)| (cx - x).hypot(cy - y) < *r);
        assert!(!covered, "label {text} is under a circle drawn after it");
    }
    let mut keys: Vec<String> = chart
        .labels
        .iter()
        .flat_map(|(text, ..)| text.split(", ").map(str::to_owned).collect::<Vec<_>>())
        .collect();
    keys.sort();
    assert_eq!(keys, ["A", "B", "C", "D", "E", "F", "G"]);
    assert!(html.contains("labelled together beside them: F and G"));
}

#[test]
fn the_record_says_scores_changed_after_the_decision_on_every_surface() {
    let s = support();
    let sentence = "Scores changed after this decision was recorded (1 change on 2026-11-30: \
                    scoring round 1 accepted for 28 cells): the ranking below is today's";
    for format in [Format::Markdown, Format::Memo] {
        let text = rendered_text(&render(&s, format, day()));
        assert!(text.contains(sentence), "{format}: {text}");
    }
    for format in [Format::Html, Format::MemoHtml] {
        assert!(
            html_text(&render(&s, format, day())).contains(sentence),
            "{format}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, Format::Json, day())).expect("JSON");
    assert!(
        json["results"]["changed_after_decision"]
            .as_str()
            .is_some_and(|t| t.starts_with(sentence)),
        "{}",
        json["results"]
    );
}

#[test]
fn nothing_is_said_about_later_changes_when_the_decision_came_last() {
    let mut s = support();
    // The decision is the last thing logged.
    let decided = s
        .log
        .iter()
        .position(|e| matches!(e.event, verdict::model::LogEvent::OutcomeChanged { .. }))
        .expect("a decision");
    s.log.truncate(decided + 1);
    let md = render(&s, Format::Markdown, day());
    assert!(!md.contains("changed after this decision"), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, Format::Json, day())).expect("JSON");
    assert!(json["results"]["changed_after_decision"].is_null());
}

#[test]
fn the_matrix_says_it_shows_the_raters_mean_and_every_rationale_is_kept() {
    let s = support();
    let note = "Scores are the mean of 2 raters where raters scored, as the ranking uses them.";
    let shared = "62 % of new tickets are billing questions";
    for format in [Format::Markdown, Format::Memo] {
        let text = rendered_text(&render(&s, format, day()));
        assert!(text.contains(note), "{format}");
    }
    let md = rendered_text(&render(&s, Format::Markdown, day()));
    assert!(md.contains(&format!("Shared score 4: {shared}")), "{md}");
    for format in [Format::Html, Format::MemoHtml] {
        let text = html_text(&render(&s, format, day()));
        assert!(text.contains(note), "{format}");
    }
    assert!(html_text(&render(&s, Format::Html, day())).contains(shared));

    // A rater's own reason is kept beside the shared one.
    let mut s = s;
    let fast_lane = s
        .options
        .iter_mut()
        .find(|o| o.title.starts_with("Billing fast lane"))
        .expect("the fast lane");
    let jonas = fast_lane
        .rater_scores
        .values_mut()
        .next()
        .expect("a rater's scores");
    jonas
        .get_mut(&verdict::model::CriterionId::new("impact"))
        .expect("an impact score")
        .rationale = "The pilot numbers convinced me".into();
    let text = rendered_text(&render(&s, Format::Markdown, day()));
    assert!(text.contains(shared) && text.contains("Jonas: The pilot numbers convinced me"));
}

#[test]
fn the_json_ranks_on_the_same_scores_as_the_record() {
    let s = support();
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, Format::Json, day())).expect("JSON");
    let first = &json["results"]["ranking"][0];
    assert_eq!(first["rank"], 1);
    assert_eq!(
        first["option"], "billing-fast-lane-triage-by-intent-and-a-follow-the-sun-we",
        "the raters' aggregate puts the fast lane first"
    );
    let md = render(&s, Format::Markdown, day());
    let total = first["total"].as_f64().expect("a total");
    assert!(
        md.contains(&format!(
            "with {} of 100",
            verdict::analysis::number::fixed(total, 0)
        )),
        "JSON total {total} is not the record's"
    );
}

#[test]
fn the_memo_answers_a_disagreement_on_a_criterion_with_a_unit_in_that_unit() {
    let mut s = support();
    let fast_lane = s
        .options
        .iter_mut()
        .find(|o| o.title.starts_with("Billing fast lane"))
        .expect("the fast lane");
    for (rater, value) in [("jonas", 0.0), ("priya", 400.0)] {
        fast_lane
            .rater_scores
            .get_mut(&verdict::model::RaterId::new(rater))
            .and_then(|scores| scores.get_mut(&verdict::model::CriterionId::new("yearly-run-cost")))
            .expect("a rater's yearly run cost")
            .likely = value;
    }
    let text = rendered_text(&render(&s, Format::Memo, day()));
    assert!(
        text.contains(
            "Jonas gave 0 k$ / year, Priya gave 400 k$ / year; the ranking uses the mean \
             (200 k$ / year)"
        ),
        "{text}"
    );
}
