//! The Markdown decision record read back with a CommonMark parser.

use super::fixture::{HOSTILE, hostile_session, small_session, today};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use verdict::export::{Format, render};

fn parse(md: &str) -> Vec<Event<'_>> {
    Parser::new_ext(
        md,
        Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    )
    .collect()
}

/// The cells of the first table after the heading `heading`, as plain text, header first.
fn table_after(md: &str, heading: &str) -> Vec<Vec<String>> {
    let events = parse(md);
    let mut in_heading = false;
    let mut heading_text = String::new();
    let mut found = false;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut in_table = false;
    for event in events {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading_text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                found = heading_text == heading;
            }
            Event::Start(Tag::Table(_)) if found => in_table = true,
            Event::End(TagEnd::Table) if in_table => return rows,
            Event::Start(Tag::TableHead | Tag::TableRow) if in_table => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) if in_table => {
                if let Some(row) = rows.last_mut() {
                    row.push(String::new());
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if in_heading {
                    heading_text.push_str(&t);
                } else if in_table && let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.push_str(&t);
                }
            }
            _ => {}
        }
    }
    panic!("no table after heading {heading:?}");
}

/// All text of the document, with soft and hard breaks as newlines.
fn all_text(md: &str) -> String {
    let mut text = String::new();
    for event in parse(md) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push('\n'),
            _ => {}
        }
    }
    text
}

#[test]
fn the_matrix_is_a_table_with_one_row_per_option_and_the_expected_cells() {
    let md = render(&small_session(), Format::Markdown, today());
    let rows = table_after(&md, "Scoring matrix");
    assert_eq!(
        rows[0],
        [
            "Option",
            "Lens",
            "Impact",
            "Cost",
            "Trust risk",
            "Total",
            "Rank",
            "Flags"
        ]
    );
    assert_eq!(rows.len(), 5, "{rows:#?}");
    assert_eq!(
        rows[1],
        ["Buy a second CDN", "Buy", "4", "3", "2", "69", "1", ""]
    );
    assert_eq!(rows[2][7], "vetoed");
    assert_eq!(
        rows[4],
        [
            "Offer replays instead",
            "Reframe",
            "2",
            "–",
            "–",
            "–",
            "–",
            "unscored"
        ]
    );
}

#[test]
fn hostile_text_never_becomes_markup_or_extra_cells() {
    let md = render(&hostile_session(), Format::Markdown, today());
    for event in parse(&md) {
        assert!(
            !matches!(event, Event::Html(_) | Event::InlineHtml(_)),
            "raw HTML in the output: {event:?}"
        );
        if let Event::Start(tag) = &event {
            assert!(
                !matches!(
                    tag,
                    Tag::Link { .. }
                        | Tag::Image { .. }
                        | Tag::Emphasis
                        | Tag::Strikethrough
                        | Tag::CodeBlock(_)
                ),
                "user text became markup: {tag:?}"
            );
        }
        assert!(
            !matches!(event, Event::Code(_)),
            "user text became code: {event:?}"
        );
    }
    let rows = table_after(&md, "Scoring matrix");
    assert_eq!(rows.len(), 1 + HOSTILE.len());
    for (row, title) in rows[1..].iter().zip(HOSTILE) {
        assert_eq!(row.len(), rows[0].len(), "{row:?}");
        let expected = verdict::export::escape::visible(title).replace('\n', " ");
        assert_eq!(row[0], expected);
    }
}

#[test]
fn every_hostile_title_reads_back_as_the_same_text() {
    let md = render(&hostile_session(), Format::Markdown, today());
    let text = all_text(&md);
    for title in HOSTILE {
        for line in verdict::export::escape::visible(title).lines() {
            assert!(text.contains(line), "{line:?} missing from\n{text}");
        }
    }
    assert!(!text.contains('\u{202E}'));
    assert!(text.contains("⟦U+202E⟧"));
}

#[test]
fn private_notes_are_never_exported() {
    for format in Format::ALL {
        let out = render(&small_session(), format, today());
        assert!(!out.contains("PRIVATE"), "{format} leaks notes");
    }
}

#[test]
fn the_record_has_the_decision_record_sections() {
    let md = render(&small_session(), Format::Markdown, today());
    let text = all_text(&md);
    for section in [
        "Why",
        "What we rejected and why",
        "Risks and tripwires",
        "Appendix",
        "Context and problem statement",
        "Decision drivers",
        "Pros and cons of the options",
        "Scoring matrix",
        "Ranking",
        "Kill criteria",
        "Decision log",
        "Improve availability for our live sports streams",
        "Yes: churn follows outages within a week",
        "we chose “Buy a second CDN”",
    ] {
        assert!(text.contains(section), "{section:?} missing");
    }
}

/// The sequence of block-level elements, to check user text adds or removes none.
fn block_shape(md: &str) -> Vec<String> {
    parse(md)
        .into_iter()
        .filter_map(|event| match event {
            Event::Start(
                tag @ (Tag::Heading { .. }
                | Tag::List(_)
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::Table(_)
                | Tag::TableRow),
            ) => Some(format!("{tag:?}")),
            Event::Rule => Some("Rule".to_owned()),
            _ => None,
        })
        .collect()
}

/// The text a title should read as in a table cell: visible, lines trimmed and joined.
fn expected_cell(title: &str) -> String {
    let visible = verdict::export::escape::visible(title);
    let lines: Vec<&str> = visible
        .split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" ")
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn any_title_reads_back_as_exactly_one_cell_with_the_same_text(
        title in r"[a-z0-9 \t\r\n\\`*_\[\]()<>|~#&;!=+\-.:$@'\x{202E}é🚀]{0,24}"
    ) {
        let mut s = small_session();
        s.options[0].title = title.clone();
        s.directive.ask = title.clone();
        s.framing.problem_statements = vec![title.clone()];
        s.kill_criteria[0].condition = title.clone();
        let md = render(&s, Format::Markdown, today());
        let text = all_text(&md);
        for line in verdict::export::escape::visible(&title).split(['\r', '\n']) {
            proptest::prop_assert!(text.contains(line.trim()), "{:?} missing", line);
        }
        let plain = {
            let mut p = s.clone();
            p.options[0].title = "plain".into();
            p.directive.ask = "plain".into();
            p.framing.problem_statements = vec!["plain".into()];
            p.kill_criteria[0].condition = "plain".into();
            render(&p, Format::Markdown, today())
        };
        // Blank text is left out of lists on purpose, which changes the shape.
        if !expected_cell(&title).is_empty() {
            proptest::prop_assert_eq!(block_shape(&md), block_shape(&plain));
        }
        let rows = table_after(&md, "Scoring matrix");
        proptest::prop_assert_eq!(rows[1].len(), rows[0].len());
        proptest::prop_assert_eq!(&rows[1][0], &expected_cell(&title));
        for event in parse(&md) {
            proptest::prop_assert!(!matches!(event, Event::Html(_) | Event::InlineHtml(_)));
        }
    }
}
