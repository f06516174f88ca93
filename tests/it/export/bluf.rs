//! The record and the memo lead with their bottom line, read back with a CommonMark parser
//! and an HTML parser: the three lines come first, the front matter is MADR's, the record's
//! date is the decision's, and generated memo sections say so.

use super::fixture::{HOSTILE, hostile_session, shipped, small_session, today};
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use scraper::{Html, Selector};
use verdict::export::{Format, render};
use verdict::model::Session;

fn sessions() -> Vec<(&'static str, Session)> {
    vec![
        ("small", small_session()),
        ("live-streams", shipped("live-streams")),
        ("checkout-rewrite-kill", shipped("checkout-rewrite-kill")),
        ("raters/merged", shipped("raters/merged")),
    ]
}

fn events(md: &str) -> Vec<Event<'_>> {
    Parser::new_ext(
        md,
        Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    )
    .collect()
}

/// The front matter's text, and the blocks after it as (kind, plain text, bold parts).
fn blocks(md: &str) -> (String, Vec<(String, String, Vec<String>)>) {
    let mut front = String::new();
    let mut out: Vec<(String, String, Vec<String>)> = Vec::new();
    let (mut in_meta, mut depth, mut in_strong) = (false, 0usize, false);
    for event in events(md) {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Text(t) if in_meta => front.push_str(&t),
            Event::Start(tag) => {
                let strong = matches!(tag, Tag::Strong);
                if depth == 0 {
                    let kind = match tag {
                        Tag::Heading { level, .. } => format!("{level:?}"),
                        Tag::Paragraph => "p".to_owned(),
                        other => format!("{other:?}"),
                    };
                    out.push((kind, String::new(), Vec::new()));
                }
                if strong {
                    in_strong = true;
                    if let Some(b) = out.last_mut() {
                        b.2.push(String::new());
                    }
                }
                depth += 1;
            }
            Event::End(end) => {
                depth -= 1;
                if matches!(end, TagEnd::Strong) {
                    in_strong = false;
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(b) = out.last_mut() {
                    b.1.push_str(&t);
                    if in_strong && let Some(s) = b.2.last_mut() {
                        s.push_str(&t);
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = out.last_mut() {
                    b.1.push('\n');
                }
            }
            _ => {}
        }
    }
    (front, out)
}

fn bluf_labels(bold: &[String]) -> Vec<&str> {
    bold.iter().map(|b| b.trim_end_matches(':')).collect()
}

fn assert_bluf_labels(labels: &[&str], context: &str) {
    assert_eq!(labels.len(), 3, "{context}: {labels:?}");
    assert!(
        ["Decision", "Recommendation (not yet decided)"].contains(&labels[0]),
        "{context}: {labels:?}"
    );
    assert_eq!(labels[1..], ["Expected result", "Owner"], "{context}");
}

#[test]
fn the_three_bottom_line_lines_are_the_first_content_of_the_markdown_record_and_memo() {
    for (name, session) in sessions() {
        for format in [Format::Markdown, Format::Memo] {
            let md = render(&session, format, today());
            let (_, blocks) = blocks(&md);
            assert_eq!(blocks[0].0, "H1", "{name} {format}: the title first");
            let (kind, text, bold) = &blocks[1];
            assert_eq!(kind, "p", "{name} {format}");
            assert_bluf_labels(&bluf_labels(bold), &format!("{name} {format}"));
            assert_eq!(text.lines().count(), 3, "{name} {format}: {text}");
            assert!(
                text.contains("Next step:") && text.contains("Review:"),
                "{text}"
            );
        }
    }
}

#[test]
fn the_three_bottom_line_lines_are_the_first_content_of_the_html_record_and_memo() {
    let first = Selector::parse("body > section").unwrap();
    let lines = Selector::parse("p").unwrap();
    let strong = Selector::parse("strong").unwrap();
    let header = Selector::parse("body > header").unwrap();
    for (name, session) in sessions() {
        for format in [Format::Html, Format::MemoHtml] {
            let doc = Html::parse_document(&render(&session, format, today()));
            let head = doc.select(&header).next().expect("a header");
            assert_eq!(head.text().filter(|t| t.contains("Why")).count(), 0);
            let bluf = doc.select(&first).next().expect("a first section");
            assert_eq!(bluf.value().attr("class"), Some("bluf"), "{name} {format}");
            let labels: Vec<String> = bluf
                .select(&lines)
                .map(|p| p.select(&strong).next().unwrap().text().collect())
                .collect();
            let labels: Vec<&str> = labels.iter().map(|l| l.trim_end_matches(':')).collect();
            assert_bluf_labels(&labels, &format!("{name} {format}"));
        }
    }
}

#[test]
fn a_chosen_option_that_falls_short_of_its_metric_says_so_in_the_bottom_line() {
    let md = render(&shipped("live-streams"), Format::Markdown, today());
    let (_, blocks) = blocks(&md);
    let expected = blocks[1].1.lines().nth(1).unwrap();
    assert!(
        expected.contains("this does not reach the target"),
        "{expected}"
    );
    assert!(expected.contains("99.93 %"), "{expected}");
}

#[test]
fn the_front_matter_is_madr_and_dated_by_the_decision_not_the_export() {
    let md = render(&shipped("live-streams"), Format::Markdown, today());
    let (front, blocks) = blocks(&md);
    let fields: Vec<(&str, &str)> = front
        .lines()
        .map(|l| l.split_once(": ").expect("key: value"))
        .collect();
    let keys: Vec<&str> = fields.iter().map(|f| f.0).collect();
    assert_eq!(
        keys,
        ["status", "date", "deciders", "consulted", "informed"]
    );
    assert_eq!(fields[0].1, "\"accepted\"");
    assert_eq!(
        fields[1].1, "2026-03-17",
        "the day the outcome was last changed"
    );
    assert_eq!(fields[2].1, "\"Dana Okafor\"");
    let provenance = &blocks[2].1;
    assert!(
        provenance.contains(&format!("Exported on {}", today())),
        "{provenance}"
    );
}

#[test]
fn hostile_names_in_the_front_matter_stay_quoted_on_one_line() {
    let md = render(&hostile_session(), Format::Markdown, today());
    let (front, _) = blocks(&md);
    for line in front.lines() {
        let (_, value) = line.split_once(": ").expect("key: value");
        if value.starts_with('"') {
            assert!(value.ends_with('"'), "{line}");
            let inner = &value[1..value.len() - 1];
            let unescaped_quote = inner
                .char_indices()
                .any(|(i, c)| c == '"' && !inner[..i].ends_with('\\'));
            assert!(!unescaped_quote, "{line}");
            assert!(!inner.contains(['<', '>', '\n', '\u{202E}']), "{line}");
        }
    }
    assert!(front.contains("\\u003Cscript\\u003E"), "{front}");
}

#[test]
fn memo_sections_keep_written_prose_and_carry_no_note_of_their_own() {
    let md = render(&shipped("live-streams"), Format::Memo, today());
    let (_, blocks) = blocks(&md);
    let after = |heading: &str| {
        let at = blocks
            .iter()
            .position(|b| b.0 == "H2" && b.1 == heading)
            .unwrap_or_else(|| panic!("no section {heading:?}"));
        blocks[at + 1].1.clone()
    };
    assert!(after("Introduction").starts_with("Dana asked us in February"));
    for heading in [
        "The problem as we framed it",
        "The options we considered",
        "Asks",
        "FAQ",
    ] {
        assert!(!after(heading).contains("session's data"), "{heading}");
    }
    let y = &blocks[2].1;
    assert!(y.starts_with("In one sentence: "), "{y}");
    assert!(y.contains("we chose “Buy a multi-CDN service"), "{y}");
    assert!(
        y.ends_with(
            "”: highest total with a range that stays ahead of the runner-up, a cheap \
                     exit through the paid trial, and the CDN accounts for most lost match \
                     minutes."
        ),
        "{y}"
    );
}

#[test]
fn the_html_memo_stays_self_contained_and_inert_with_hostile_text() {
    let out = render(&hostile_session(), Format::MemoHtml, today());
    let doc = Html::parse_document(&out);
    let active =
        Selector::parse("script, img, a, iframe, object, embed, link, form, base").unwrap();
    assert_eq!(
        doc.select(&active).count(),
        0,
        "active elements in the memo"
    );
    let all = Selector::parse("*").unwrap();
    for element in doc.select(&all) {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}={value}");
            if name != "xmlns" {
                assert!(!value.contains("http"), "external reference {name}={value}");
            }
        }
    }
    let csp = Selector::parse("meta[http-equiv=\"Content-Security-Policy\"]").unwrap();
    let policy = doc
        .select(&csp)
        .next()
        .expect("a policy")
        .value()
        .attr("content");
    assert!(policy.is_some_and(|p| p.starts_with("default-src 'none'")));
    let text: String = doc.root_element().text().collect();
    assert!(
        text.contains("<script>alert(1)</script>"),
        "hostile text is shown as text"
    );
    assert!(!text.contains('\u{202E}') && text.contains("⟦U+202E⟧"));
}

#[test]
fn the_markdown_memo_never_turns_hostile_text_into_markup() {
    let md = render(&hostile_session(), Format::Memo, today());
    for event in events(&md) {
        assert!(
            !matches!(event, Event::Html(_) | Event::InlineHtml(_)),
            "{event:?}"
        );
        if let Event::Start(tag) = &event {
            assert!(
                !matches!(
                    tag,
                    Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)
                ),
                "{tag:?}"
            );
        }
    }
    let (_, blocks) = blocks(&md);
    let text: String = blocks.iter().map(|b| b.1.as_str()).collect();
    for title in HOSTILE {
        for line in verdict::export::escape::visible(title).lines() {
            assert!(text.contains(line.trim()), "{line:?} missing");
        }
    }
}

#[test]
fn the_memo_length_counts_words_against_six_pages() {
    let session = shipped("live-streams");
    let report = verdict::export::robustness_report(&session);
    let length = verdict::export::memo_length(&session, &report);
    assert!(length.words > 1000 && length.words < 3000, "{length:?}");
    assert_eq!(length.budget, 6);
    let per_page = verdict::export::WORDS_PER_PAGE as f64;
    assert!((length.pages - length.words as f64 / per_page).abs() < 1e-9);
    assert!(!length.over_budget());
}
