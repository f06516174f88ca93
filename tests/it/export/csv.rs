//! The CSV matrix read back with a CSV reader.

use super::fixture::{HOSTILE, hostile_session, small_session, today};
use verdict::export::escape::visible;
use verdict::export::{Format, render};

fn read(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| {
            r.expect("valid CSV record")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

#[test]
fn the_matrix_reads_back_with_the_same_cells_and_numeric_columns() {
    let rows = read(&render(&small_session(), Format::Csv, today()));
    assert_eq!(
        rows[0],
        [
            "id",
            "title",
            "lens",
            "Impact",
            "Cost",
            "Trust risk",
            "total",
            "rank",
            "flags"
        ]
    );
    assert_eq!(rows.len(), 5);
    assert_eq!(
        rows[1],
        [
            "multi-cdn",
            "Buy a second CDN",
            "Buy",
            "4",
            "3",
            "2",
            "68.75",
            "1",
            ""
        ]
    );
    assert_eq!(rows[2][8], "vetoed");
    assert_eq!(rows[4][8], "unscored");
    for row in &rows[1..] {
        for cell in &row[3..8] {
            assert!(
                cell.is_empty() || cell.parse::<f64>().is_ok(),
                "{cell:?} is not a number"
            );
        }
    }
}

#[test]
fn hostile_titles_come_back_as_text_and_never_as_formulas() {
    let rows = read(&render(&hostile_session(), Format::Csv, today()));
    assert_eq!(rows.len(), 1 + HOSTILE.len());
    for (row, title) in rows[1..].iter().zip(HOSTILE) {
        assert_eq!(row.len(), rows[0].len());
        let expected = visible(title);
        let expected = if expected.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{expected}")
        } else {
            expected
        };
        assert_eq!(row[1], expected);
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{cell:?}");
        }
    }
    assert_eq!(rows[2][1], "'=HYPERLINK(\"http://x\")");
}

#[test]
fn negative_scores_stay_numbers() {
    let mut s = small_session();
    s.criteria[0].scale.lo = -5.0;
    s.options[0]
        .scores
        .get_mut(&verdict::model::CriterionId::new("impact"))
        .expect("scored")
        .likely = -2.0;
    let rows = read(&render(&s, Format::Csv, today()));
    assert_eq!(rows[1][3], "-2");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn any_title_reads_back_as_one_cell_that_is_never_a_formula(
        title in r#"[a-z0-9 \t\r\n",;=+\-@'\x{202E}é🚀]{0,24}"#
    ) {
        let mut s = small_session();
        s.options[0].title = title.clone();
        let rows = read(&render(&s, Format::Csv, today()));
        proptest::prop_assert_eq!(rows.len(), 5);
        proptest::prop_assert_eq!(rows[1].len(), rows[0].len());
        proptest::prop_assert_eq!(&rows[1][1], &verdict::export::escape::csv_text(&title));
        proptest::prop_assert!(!rows[1][1].starts_with(['=', '+', '-', '@', '\t', '\r']));
        proptest::prop_assert!(!rows[1][1].contains('\u{202E}'), "a raw bidi override");
    }
}
