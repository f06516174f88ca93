//! `verdict analyze`: how robust the winner is.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// The session file.
    pub file: PathBuf,
}

/// Runs `verdict analyze`.
///
/// # Errors
/// When the file cannot be read.
pub fn run(args: &AnalyzeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("{}: analysis is not available yet", args.file.display())
}
