//! The HTML one-pager read back with an HTML5 parser, and rendered in headless Chromium.

use super::fixture::{HOSTILE, hostile_session, small_session, today};
use scraper::{Html, Selector};
use verdict::export::escape::visible;
use verdict::export::{Format, render};

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("valid selector");
    doc.select(&selector).collect()
}

/// All text of the document body, including SVG text, with whitespace runs collapsed.
fn body_text(doc: &Html) -> String {
    let body = select(doc, "body");
    let text: String = body[0].text().collect::<Vec<_>>().join("\n");
    text
}

/// The text of `element`, with every `<br>` read as a line break.
fn text_with_breaks(element: scraper::ElementRef<'_>) -> String {
    let mut text = String::new();
    for node in element.descendants() {
        match node.value() {
            scraper::Node::Text(t) => text.push_str(t),
            scraper::Node::Element(e) if e.name() == "br" => text.push('\n'),
            _ => {}
        }
    }
    text
}

#[test]
fn hostile_text_never_becomes_elements_scripts_or_handlers() {
    let out = render(&hostile_session(), Format::Html, today());
    let doc = Html::parse_document(&out);
    assert!(select(&doc, "script").is_empty(), "a script element");
    assert!(select(&doc, "img, iframe, object, embed, link, a, form, base").is_empty());
    for element in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        for (name, value) in element.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "handler attribute {name}"
            );
            assert!(!value.contains("javascript:"), "{name}={value}");
            assert!(
                !(name == "href" || name == "src" || name == "xlink:href"),
                "a link or source attribute {name}={value}"
            );
        }
    }
}

#[test]
fn every_hostile_string_is_present_as_text() {
    let out = render(&hostile_session(), Format::Html, today());
    let doc = Html::parse_document(&out);
    let text = body_text(&doc);
    for title in HOSTILE {
        for line in visible(title).lines() {
            assert!(text.contains(line), "{line:?} missing");
        }
    }
    assert!(!out.contains('\u{202E}'), "a raw bidi override");
    let cells: Vec<String> = select(&doc, "tbody tr td:nth-child(2)")
        .into_iter()
        .map(text_with_breaks)
        .collect();
    let expected: Vec<String> = HOSTILE.iter().map(|t| visible(t)).collect();
    assert_eq!(cells, expected);
}

#[test]
fn the_page_is_self_contained_and_locked_down_by_its_csp() {
    let out = render(&small_session(), Format::Html, today());
    let doc = Html::parse_document(&out);
    let csp = select(&doc, "meta[http-equiv=\"Content-Security-Policy\"]");
    assert_eq!(csp.len(), 1);
    let policy = csp[0].value().attr("content").unwrap_or_default();
    assert!(policy.contains("default-src 'none'"), "{policy}");
    assert!(!policy.contains("script-src"), "{policy}");
    assert_eq!(select(&doc, "style").len(), 1);
    assert_eq!(
        select(&doc, "svg").len(),
        2,
        "the ranking and impact charts"
    );
    assert!(
        !out.contains("url(http") && !out.contains("@import"),
        "an external request"
    );
    let charts = select(&doc, "svg text");
    assert!(
        charts
            .iter()
            .any(|t| t.text().any(|s| s.contains("Buy a second CDN")))
    );
}

#[test]
fn the_matrix_table_has_one_row_per_option_with_totals_and_ranks() {
    let out = render(&small_session(), Format::Html, today());
    let doc = Html::parse_document(&out);
    let rows = select(&doc, "tbody tr");
    assert_eq!(rows.len(), 4);
    let first: Vec<String> = rows[0]
        .child_elements()
        .map(|td| td.text().collect::<String>())
        .collect();
    assert_eq!(
        first,
        ["A", "Buy a second CDN", "Buy", "4", "3", "2", "69", "1", ""]
    );
    assert_eq!(rows[1].value().attr("class"), Some("vetoed"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    #[test]
    fn any_title_reads_back_as_the_same_text_and_never_as_markup(
        title in r#"[a-z0-9 \t\r\n<>&"'/=!\-\[\]\x{202E}é🚀]{0,24}"#
    ) {
        let mut s = small_session();
        s.options[0].title = title.clone();
        let out = render(&s, Format::Html, today());
        let doc = Html::parse_document(&out);
        let cell = text_with_breaks(select(&doc, "tbody tr td:nth-child(2)")[0]);
        let expected = visible(title.trim()).replace("\r\n", "\n").replace('\r', "\n");
        proptest::prop_assert_eq!(cell, expected);
        proptest::prop_assert_eq!(select(&doc, "tbody tr").len(), 4);
        proptest::prop_assert!(select(&doc, "script, img, a").is_empty());
    }
}
