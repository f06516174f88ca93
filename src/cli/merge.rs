//! `verdict merge`: join raters' copies of one session.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The raters' copies.
    pub files: Vec<PathBuf>,
    /// Where to write the merged session.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// Runs `verdict merge`.
///
/// # Errors
/// When a file cannot be read.
pub fn run(args: &MergeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("merging {} files is not available yet", args.files.len())
}
