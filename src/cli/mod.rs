//! The `verdict` command line: arguments turned into a validated plan, then run.
//!
//! Clap parses and checks every argument (lens names, formats, dates) before any file is
//! touched, so a usage mistake exits with code 2 and does nothing. Each subcommand lives in
//! its own file and returns an exit code: 0 when all is well, 1 for a bad document or a
//! failed check. Files are reached only through [`crate::store`], via [`io`].

pub mod analyze;
pub mod check;
pub mod export;
pub mod fmt;
pub mod import;
pub mod io;
pub mod lens_name;
pub mod merge;
pub mod new;
pub mod portfolio;
pub mod rank;
pub mod review;
pub mod typo;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// `verdict`: turn a vague directive into a defensible decision.
#[derive(Debug, Parser)]
#[command(
    name = "verdict",
    version,
    about = "Turn a vague directive into a defensible decision: frame, expand, score, decide, share.",
    long_about = "Turn a vague directive into a defensible decision: frame, expand, score, decide, share.\n\n\
        With no subcommand, opens the window on FILE (or on the last session).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A session file to open in the window (a folder opens as a portfolio).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// What to do instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a session from a criteria set and print it (or write it with -o).
    New(new::NewArgs),
    /// Validate session files; problems are printed with their location.
    Check(check::CheckArgs),
    /// Rewrite session files in canonical form, or check that they are (--check).
    Fmt(fmt::FmtArgs),
    /// Rank the options and print the recommendation.
    Rank(rank::RankArgs),
    /// Export the decision summary as Markdown, HTML, CSV or JSON.
    Export(export::ExportArgs),
    /// How robust the winner is: flip points, uncertainty, a TOPSIS cross-check.
    Analyze(analyze::AnalyzeArgs),
    /// Join raters' copies of one session into one file.
    Merge(merge::MergeArgs),
    /// List the sessions due for review, or record a review of one (--happened).
    Review(review::ReviewArgs),
    /// Add and update options and scores from a CSV shaped like the CSV export.
    Import(import::ImportArgs),
    /// Which work a folder of sessions should fund with the capacity there is, and what
    /// to kill or shrink to make room.
    Portfolio(portfolio::PortfolioArgs),
}

/// A usage mistake found after parsing, when it depends on two arguments together; the
/// binary exits with code 2 and nothing has been touched.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The exit code for `err`: 2 for a [`UsageError`], 1 for anything else.
pub fn exit_code_for(err: &anyhow::Error) -> ExitCode {
    if err.is::<UsageError>() {
        ExitCode::from(2)
    } else {
        ExitCode::FAILURE
    }
}

/// The message for `err`: each cause in the chain joined by `: `, leaving out a cause
/// whose text the message already holds. The store's errors quote the system's own
/// message in plain words, so printing it again as a cause would only repeat it.
pub fn error_text(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let part = cause.to_string();
        if text.contains(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

/// What the command line was asked to do, with everything it needs from outside.
#[derive(Debug)]
pub struct Context {
    /// Today's date (UTC), read from the clock by the caller.
    pub today: NaiveDate,
    /// The time now (UTC), for entries written to a decision log.
    pub now: chrono::DateTime<chrono::Utc>,
}

/// Runs one subcommand.
///
/// # Errors
/// When a file cannot be read or written; the message names the file and what to do.
pub fn run(command: &Command, context: &Context) -> anyhow::Result<ExitCode> {
    match command {
        Command::New(args) => new::run(args),
        Command::Check(args) => check::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Rank(args) => rank::run(args),
        Command::Export(args) => export::run(args, context.today),
        Command::Analyze(args) => analyze::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Review(args) => review::run(args, context),
        Command::Import(args) => import::run(args),
        Command::Portfolio(args) => portfolio::run(args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_argument_definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_bare_file_opens_the_window_and_a_subcommand_runs_instead() {
        let window = Cli::try_parse_from(["verdict", "saves/live-streams.ron"]).unwrap();
        assert!(window.command.is_none());
        assert_eq!(
            window.file.as_deref(),
            Some(std::path::Path::new("saves/live-streams.ron"))
        );
        let rank = Cli::try_parse_from(["verdict", "rank", "saves/x.ron", "--json"]).unwrap();
        assert!(rank.file.is_none());
        assert!(matches!(rank.command, Some(Command::Rank(ref a)) if a.json));
        assert!(Cli::try_parse_from(["verdict"]).unwrap().command.is_none());
    }

    #[test]
    fn a_cause_already_quoted_in_the_message_is_not_repeated() {
        let disk_full = std::io::Error::from_raw_os_error(28);
        let err = anyhow::Error::new(crate::store::SaveError::Io {
            file: "out.md".into(),
            step: "write the new version to disk",
            source: disk_full,
        });
        let text = error_text(&err);
        assert_eq!(text.matches("os error 28").count(), 1, "{text}");
        assert!(text.starts_with("out.md: could not write"), "{text}");
        let wrapped = anyhow::anyhow!("the inner cause").context("the outer step");
        assert_eq!(error_text(&wrapped), "the outer step: the inner cause");
    }

    #[test]
    fn a_file_and_a_subcommand_together_are_a_usage_error() {
        let err = Cli::try_parse_from(["verdict", "x.ron", "rank", "y.ron"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
