//! `verdict export`: the decision summary as Markdown, HTML, CSV or JSON.

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
    /// The format: md, html, csv or json.
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
    let text = export::render(&session, args.format, args.date.unwrap_or(today));
    match &args.output {
        None => super::io::emit(&text)?,
        Some(path) => {
            super::io::write_text(path, &text)?;
            eprintln!("{}: {} written", path.display(), args.format.label());
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

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
