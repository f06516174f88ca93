//! `verdict import`: add and update options and their scores from a CSV shaped like the CSV
//! export, all or nothing.

use crate::import::{apply_import, parse_matrix_csv};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The matrix to read: `id,title,lens`, one column per criterion (by name, name with
    /// unit, or id), and optionally the export's `total,rank,flags` (ignored).
    #[arg(value_name = "FILE.csv")]
    pub csv: PathBuf,
    /// The session to update; it is saved in place, the previous version kept as `.bak`.
    #[arg(value_name = "SESSION.ron")]
    pub session: PathBuf,
    /// Write the updated session to FILE instead of over SESSION.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Check the CSV and say what would change, writing nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `verdict import`.
///
/// # Errors
/// When a file cannot be read or written, or the CSV has problems (each printed as
/// `FILE.csv:LINE:COL: message` first); nothing is written then.
pub fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    if args.output.as_ref() == Some(&args.csv) {
        return Err(super::UsageError(format!(
            "{}: the output would overwrite the CSV being imported; choose another -o",
            args.csv.display()
        ))
        .into());
    }
    let mut session = super::io::load(&args.session)?;
    let text = super::io::read_text(&args.csv)?;
    let import = match parse_matrix_csv(&text, &session) {
        Ok(import) => import,
        Err(issues) => {
            for issue in &issues {
                eprintln!("{}:{issue}", args.csv.display());
            }
            anyhow::bail!(
                "{}: {} {}; nothing was imported",
                args.csv.display(),
                issues.len(),
                if issues.len() == 1 {
                    "problem"
                } else {
                    "problems"
                }
            );
        }
    };
    let summary = import.summary();
    apply_import(&mut session, &import)
        .map_err(|err| anyhow::anyhow!("{}: {err}; nothing was imported", args.csv.display()))?;
    let target = args.output.as_ref().unwrap_or(&args.session);
    if args.dry_run {
        eprintln!(
            "{}: would import {}: {summary} (nothing written)",
            target.display(),
            args.csv.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    super::io::save_with_backup(target, &session)?;
    eprintln!(
        "{}: imported {}: {summary}",
        target.display(),
        args.csv.display()
    );
    Ok(ExitCode::SUCCESS)
}
