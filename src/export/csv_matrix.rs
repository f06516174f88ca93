//! The scoring matrix as RFC 4180 CSV for spreadsheets: one row per option with its id,
//! title, lens, each criterion's likely score, total, rank and flags.
//!
//! Text cells that a spreadsheet would read as a formula are neutralised with
//! [`escape::csv_text`]; number cells are written as plain numbers and stay numbers.

use super::escape::csv_text;
use super::summary::{Summary, number};

/// The matrix of `session` as CSV with a header row and CRLF line ends.
pub(super) fn render(s: Summary) -> String {
    let mut header: Vec<String> = ["id", "title", "lens"].map(String::from).to_vec();
    // Headed by name and unit, e.g. "Yearly run cost (k$ / year)", which `verdict import` reads.
    header.extend(
        s.session
            .criteria
            .iter()
            .map(|c| csv_text(&c.name_with_unit())),
    );
    header.extend(["total", "rank", "flags"].map(String::from));
    let mut rows = vec![header];
    for (option_idx, o) in s.session.options.iter().enumerate() {
        let mut row = vec![
            csv_text(o.id.as_str()),
            csv_text(&o.title),
            csv_text(o.lens.label()),
        ];
        for c in &s.session.criteria {
            row.push(
                o.score(&c.id)
                    .map_or_else(String::new, |sc| number(sc.likely)),
            );
        }
        let ranked = s.ranking.row_for(option_idx);
        row.push(
            ranked
                .and_then(|r| r.total)
                .map_or_else(String::new, |t| crate::analysis::number::fixed(t, 2)),
        );
        row.push(
            ranked
                .and_then(|r| r.rank)
                .map_or_else(String::new, |r| r.to_string()),
        );
        row.push(s.flags(option_idx).join(" "));
        rows.push(row);
    }
    write_rows(&rows)
}

/// `rows` as CSV text: fields quoted when needed, CRLF after every record.
fn write_rows(rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail, and every row has the same number of fields.
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every field is a Rust string, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_quotes_commas_and_line_breaks_are_quoted() {
        let rows = vec![vec![
            "a,b".to_owned(),
            "say \"hi\"".to_owned(),
            "x\ny".to_owned(),
        ]];
        assert_eq!(write_rows(&rows), "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }
}
