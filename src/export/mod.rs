//! Exports of the decision summary as strings; no I/O.
//!
//! [`render`] turns a [`Session`] into one of four [`Format`]s. Output depends only on the
//! session and the date passed in, so the same inputs always give the same bytes. User text is
//! treated as data in every format: escaped for HTML and Markdown, neutralised for CSV, and
//! bidirectional-override characters are made visible everywhere.

mod csv_matrix;
pub mod escape;
mod html;
mod html_style;
mod json;
mod markdown;
mod portfolio;
mod summary;
mod svg;

pub use json::JSON_EXPORT_VERSION;
pub use portfolio::{num, render_portfolio};

use crate::model::Session;
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A Markdown decision record (CommonMark with GFM tables).
    Markdown,
    /// A self-contained HTML one-pager with inline CSS and SVG charts.
    Html,
    /// The scoring matrix as RFC 4180 CSV.
    Csv,
    /// The document plus its computed results as JSON.
    Json,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Csv, Format::Json];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// A name for menus, e.g. "Markdown decision record".
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown decision record",
            Format::Html => "HTML one-pager",
            Format::Csv => "CSV matrix",
            Format::Json => "JSON document and results",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// A format name that is none of `md`, `html`, `csv` or `json`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format `{0}`: use one of md, html, csv, json")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

/// The decision summary of `session` in `format`, dated `today`.
///
/// Private notes are never included. The result is deterministic given its inputs.
pub fn render(session: &Session, format: Format, today: NaiveDate) -> String {
    // Readers of the summary see the scores the ranking used: with several raters, their
    // aggregate. The JSON keeps the document exactly as saved.
    let scored = crate::analysis::raters::aggregated(session);
    match format {
        Format::Markdown => markdown::render(&scored, today),
        Format::Csv => csv_matrix::render(&scored, today),
        Format::Json => json::render(session, today),
        Format::Html => html::render(&scored, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip_through_display_and_from_str() {
        for format in Format::ALL {
            assert_eq!(format.to_string().parse::<Format>(), Ok(format));
        }
        assert!("pdf".parse::<Format>().is_err());
    }
}
