//! The memo and the record as a VP who was not in the room reads them: the nightly-reports
//! decision (one sceptical stakeholder, constraints but no tenets, a vetoed Do nothing, a
//! second success metric nobody judged). Who is affected is said, the provenance of the
//! sections is said once, the summary sentence reads like a person wrote it, nothing is
//! listed twice, and the memo and the record use the same words for a veto.

use super::fixture::{shipped, today};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use scraper::{Html, Selector};
use verdict::export::{Format, render};
use verdict::model::{CriterionId, MemoSection, Score, Session};

/// The nightly-reports decision, as a new user saved it.
fn nightly() -> Session {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export/nightly-reports.ron");
    verdict::store::load_file(&path).expect("the nightly-reports session loads")
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid date")
}

/// The Markdown as a reader sees it: the text of each block (paragraph, item, heading),
/// escapes resolved, one block a line.
fn md_blocks(md: &str) -> Vec<String> {
    let mut blocks = vec![String::new()];
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => {
                if let Some(last) = blocks.last_mut() {
                    last.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(last) = blocks.last_mut() {
                    last.push(' ');
                }
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item)
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                blocks.push(String::new());
            }
            _ => {}
        }
    }
    blocks.retain(|b| !b.trim().is_empty());
    blocks
}

/// The text of every element matching `selector` in the page.
fn html_texts(page: &str, selector: &str) -> Vec<String> {
    let doc = Html::parse_document(page);
    let selector = Selector::parse(selector).expect("valid selector");
    doc.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

fn memo_texts(session: &Session) -> [(&'static str, Vec<String>); 2] {
    [
        ("memo", md_blocks(&render(session, Format::Memo, day()))),
        (
            "memo-html",
            html_texts(
                &render(session, Format::MemoHtml, day()),
                "body p, body li, body h2, body h3",
            ),
        ),
    ]
}

#[test]
fn the_memo_says_who_is_affected_and_where_each_stands() {
    for (format, blocks) in memo_texts(&nightly()) {
        assert!(
            blocks.iter().any(|b| b == "Who is affected"),
            "{format}: {blocks:#?}"
        );
        assert!(
            blocks
                .iter()
                .any(|b| b == "Priya Shah (VP Sales) is sceptical, and was consulted."),
            "{format}: {blocks:#?}"
        );
        assert!(
            blocks.iter().any(|b| b
                == "Also consulted: Ama Owusu; kept informed: Sales leadership and Data team."),
            "{format}: {blocks:#?}"
        );
    }
}

#[test]
fn the_memo_says_once_which_sections_were_drawn_from_the_data() {
    for (format, blocks) in memo_texts(&nightly()) {
        let notes: Vec<&String> = blocks
            .iter()
            .filter(|b| b.contains("session's data"))
            .collect();
        assert_eq!(
            notes,
            ["Every section below is drawn from the session's data; none was written by hand."],
            "{format}"
        );
    }
    // The shipped example has prose for some sections: the one line names both kinds.
    for (format, blocks) in memo_texts(&shipped("live-streams")) {
        let notes: Vec<&String> = blocks
            .iter()
            .filter(|b| b.contains("session's data"))
            .collect();
        assert_eq!(notes.len(), 1, "{format}: {notes:?}");
        assert!(
            notes[0].starts_with("Written by hand: Introduction"),
            "{format}: {notes:?}"
        );
        assert!(
            notes[0].contains(". Drawn from the session's data: The problem as we framed it"),
            "{format}: {notes:?}"
        );
    }
}

#[test]
fn the_one_sentence_summary_says_who_asked_what_was_decided_and_why() {
    let expected = "In one sentence: Kofi Mensah, Head of Data, asked us about “Nightly reports \
                    ready by 7 am”; we chose “Reframe: guarantee the 5 reports sales read at \
                    stand-up, let the rest land by 10 am”: sales need 5 reports at stand-up, \
                    not 40.";
    for (format, blocks) in memo_texts(&nightly()) {
        assert!(
            blocks.iter().any(|b| b == expected),
            "{format}: {blocks:#?}"
        );
        assert!(
            !blocks.iter().any(|b| b.contains("In the context of")),
            "{format}"
        );
    }
}

#[test]
fn without_written_tenets_the_memo_has_no_tenets_and_lists_each_constraint_once() {
    for (format, blocks) in memo_texts(&nightly()) {
        assert!(!blocks.iter().any(|b| b == "Tenets"), "{format}");
        for constraint in [
            "No new headcount before Q2.",
            "Warehouse budget capped at +15% for 2027.",
        ] {
            let times = blocks.iter().filter(|b| *b == constraint).count();
            assert_eq!(times, 1, "{format}: {constraint}");
        }
    }
    let mut written = nightly();
    *written.memo.get_mut(MemoSection::Tenets) = "Sales stand-up comes first.".to_owned();
    for (format, blocks) in memo_texts(&written) {
        let at = blocks
            .iter()
            .position(|b| b == "Tenets")
            .unwrap_or_else(|| panic!("{format}: written tenets are kept"));
        assert_eq!(blocks[at + 1], "Sales stand-up comes first.", "{format}");
    }
}

#[test]
fn the_memo_and_the_record_give_a_veto_in_the_same_words() {
    let words = "vetoed by Weeks to first on-time month: 26 weeks against the veto of at most \
                 20 weeks";
    let session = nightly();
    let record = md_blocks(&render(&session, Format::Markdown, day()));
    assert!(
        record
            .iter()
            .any(|b| b.ends_with(&format!("(Do nothing): {words}."))),
        "{record:#?}"
    );
    for (format, blocks) in memo_texts(&session) {
        let line = blocks
            .iter()
            .find(|b| b.starts_with("“Do nothing: keep the current batch"))
            .unwrap_or_else(|| panic!("{format}: Do nothing is described"));
        assert!(
            line.ends_with(&format!(" V{}.", &words[1..])),
            "{format}: {line}"
        );
        assert!(!line.contains("by the scores"), "{format}: {line}");
    }
}

#[test]
fn the_record_reads_without_doubled_stops_or_bare_counts() {
    let session = nightly();
    let md = render(&session, Format::Markdown, day());
    let html = render(&session, Format::Html, day());
    let blocks = md_blocks(&md);
    let items = html_texts(&html, "body p, body li");
    for (format, texts) in [("md", &blocks), ("html", &items)] {
        for text in texts.iter() {
            assert!(!text.contains(".:"), "{format}: {text}");
        }
        assert!(
            texts.iter().any(|t| t.starts_with(
                "Expected on Top-5 sales reports ready by 7:00 am on 95% of business days \
                 (measured over 20 days): 5 reports by 6:45 am"
            )),
            "{format}: {texts:#?}"
        );
        assert!(
            texts.iter().any(|t| t.contains(
                "this reaches the target (“Top-5 sales reports ready by \
                                      7:00 am on 95% of business days (measured over 20 \
                                      days)”). One other success metric is not judged yet."
            )),
            "{format}: {texts:#?}"
        );
        assert!(
            !texts.iter().any(|t| t.contains("Other success metric:")),
            "{format}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with(
                "It gives up nothing on the criteria: it is at least as good as “Process: \
                 on-call owner"
            ) && t.ends_with("on every one.")),
            "{format}: {texts:#?}"
        );
        assert!(
            !texts.iter().any(|t| t.starts_with("What it gives up:")),
            "{format}"
        );
    }
}

#[test]
fn what_the_winner_gives_up_is_still_named_when_the_rival_does_better_somewhere() {
    let mut session = nightly();
    // The runner-up now needs less time than the winner: that is what the winner gives up.
    let process = session
        .options
        .iter_mut()
        .find(|o| o.title.starts_with("Process:"))
        .expect("the Process option");
    process.scores.insert(
        CriterionId::new("weeks-to-first-on-time-month"),
        Score::point(3.0),
    );
    let blocks = md_blocks(&render(&session, Format::Markdown, day()));
    assert!(
        blocks
            .iter()
            .any(|b| b.starts_with("What it gives up: “Process:")
                && b.ends_with(
                    "does better on Weeks to first on-time month (3 weeks against 4 weeks)."
                )),
        "{blocks:#?}"
    );
}

#[test]
fn the_html_record_says_who_asked_and_when_in_its_header() {
    let html = render(&nightly(), Format::Html, day());
    let header = html_texts(&html, "header p");
    assert!(
        header.iter().any(|p| p
            == "Asked by Kofi Mensah, Head of Data, received 2026-11-30, answer due 2027-01-15"),
        "{header:#?}"
    );
    // A directive with nobody named says only what is known.
    let mut anonymous = shipped("live-streams");
    anonymous.directive.given_by.clear();
    anonymous.directive.deadline = None;
    let header = html_texts(&render(&anonymous, Format::Html, today()), "header p");
    let received = anonymous
        .directive
        .received
        .expect("the example has a date");
    assert!(
        header.iter().any(|p| *p == format!("Received {received}")),
        "{header:#?}"
    );
}
