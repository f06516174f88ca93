//! `verdict check`: validate session files and report every problem with its location.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The session files to check.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Print nothing for files that are fine.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Runs `verdict check`: problems go to stderr as `FILE:LINE:COL: message` or
/// `FILE: path: message`, one per line; exit 1 when any file is bad.
///
/// # Errors
/// Never: every problem is reported and turned into the exit code.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let mut bad = 0usize;
    for file in &args.files {
        match super::io::load(file) {
            Ok(session) => {
                if !args.quiet {
                    super::io::emit(&format!(
                        "{}: ok ({} options, {} criteria)\n",
                        file.display(),
                        session.options.len(),
                        session.criteria.len()
                    ))?;
                }
            }
            Err(err) => {
                bad += 1;
                eprintln!("{err}");
            }
        }
    }
    if bad == 0 {
        Ok(ExitCode::SUCCESS)
    } else {
        if args.files.len() > 1 {
            eprintln!("{bad} of {} files have problems", args.files.len());
        }
        Ok(ExitCode::FAILURE)
    }
}
