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
    /// Write the updated session to FILE, which must not exist yet, instead of over SESSION.
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
    if args
        .output
        .as_ref()
        .is_some_and(|out| *out == args.csv || super::io::same_file(out, &args.csv))
    {
        return Err(super::UsageError(format!(
            "{}: the output would overwrite the CSV being imported; choose another -o",
            args.csv.display()
        ))
        .into());
    }
    let (read, loaded) = super::io::load_with_bytes(&args.session)?;
    let mut session = loaded.session;
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
    let output = args
        .output
        .as_ref()
        .filter(|out| !super::io::same_file(out, &args.session));
    let target = output.unwrap_or(&args.session);
    if args.dry_run {
        eprintln!(
            "{}: would import {}: {summary} (nothing written)",
            target.display(),
            args.csv.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    match output {
        Some(out) => super::io::create_new(out, &session)?,
        // Only over the very bytes that were read: a version someone saved meanwhile is kept.
        None => super::io::save_with_backup_over(&args.session, &session, &read)?,
    }
    eprintln!(
        "{}: imported {}: {summary}",
        target.display(),
        args.csv.display()
    );
    Ok(ExitCode::SUCCESS)
}
