//! `verdict export`: the decision record as Markdown or HTML, the narrative memo, the matrix
//! as CSV, or the document and results as JSON.

use crate::export::{self, Format};
use chrono::NaiveDate;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The session file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The format: md, html, memo, memo-html, csv or json. `memo` written to an `.html` file
    /// is the HTML memo.
    #[arg(long, short, value_name = "FORMAT")]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The date printed in the summary, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::model::parse_date(text).map_err(|e| e.to_string())
}

/// The format to write: `memo` becomes the HTML memo when the output file ends in `.html`
/// or `.htm`; every other format is taken as given.
fn format_for(format: Format, output: Option<&std::path::Path>) -> Format {
    let html = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    if format == Format::Memo {
        format.as_html(html)
    } else {
        format
    }
}

/// Runs `verdict export`; `today` is used when no `--date` is given.
///
/// # Errors
/// When the session cannot be loaded or the output cannot be written.
pub fn run(args: &ExportArgs, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let overwrites_session = args
        .output
        .as_ref()
        .is_some_and(|out| out == &args.file || super::io::same_file(out, &args.file));
    if overwrites_session {
        return Err(super::UsageError(format!(
            "{}: the export would overwrite the session itself; choose another -o file",
            args.file.display()
        ))
        .into());
    }
    let session = super::io::load(&args.file)?;
    let format = format_for(args.format, args.output.as_deref());
    let text = export::render(&session, format, args.date.unwrap_or(today));
    match &args.output {
        None => super::io::emit(&text)?,
        Some(path) => {
            super::io::write_text(path, &text)?;
            eprintln!("{}: {} written", path.display(), format.label());
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memo_written_to_an_html_file_is_the_html_memo() {
        let html = Some(std::path::Path::new("memo.HTML"));
        assert_eq!(format_for(Format::Memo, html), Format::MemoHtml);
        assert_eq!(
            format_for(Format::Memo, Some(std::path::Path::new("memo.md"))),
            Format::Memo
        );
        assert_eq!(format_for(Format::Memo, None), Format::Memo);
        assert_eq!(format_for(Format::Markdown, html), Format::Markdown);
    }

    #[test]
    fn dates_must_be_iso_calendar_dates() {
        assert_eq!(
            parse_date("2026-03-31"),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap())
        );
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("31/03/2026").is_err());
    }
}
