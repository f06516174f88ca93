//! `verdict merge`: join raters' copies of one session.
//!
//! The first file is the base. Every copy's raters and rater scores are added; any other
//! difference is a conflict. Conflicts are listed on standard error as
//! `OUT: path: FILE has X, FILE has Y`; the merged file is written only when there are none,
//! or with `--keep-first`, which keeps the first file's value for each.

use crate::analysis::merge::{NamedCopy, merge};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The raters' copies; the first is the base.
    #[arg(value_name = "FILE", required = true, num_args = 2..)]
    pub files: Vec<PathBuf>,
    /// Where to write the merged session.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Write even when copies conflict, keeping the first file's value for each conflict.
    #[arg(long)]
    pub keep_first: bool,
}

/// Runs `verdict merge`.
///
/// # Errors
/// When a file cannot be read or is not a valid session, the copies are not of the same
/// session, or the output cannot be written.
pub fn run(args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let mut copies = Vec::with_capacity(args.files.len());
    for file in &args.files {
        copies.push(NamedCopy {
            name: file.display().to_string(),
            session: super::io::load(file)?,
        });
    }
    let merged = merge(&copies)?;
    let out = args.output.display();
    for conflict in &merged.conflicts {
        let values: Vec<String> = conflict
            .values
            .iter()
            .map(|(file, value)| format!("{file} has {value}"))
            .collect();
        eprintln!("{out}: {}: {}", conflict.path, values.join(", "));
    }
    if !merged.conflicts.is_empty() && !args.keep_first {
        eprintln!(
            "{out}: not written: {} conflicting edits; make the copies agree, or pass \
             --keep-first to keep {}'s values",
            merged.conflicts.len(),
            copies[0].name
        );
        return Ok(ExitCode::FAILURE);
    }
    let issues = crate::model::validate(&merged.session);
    if let Some(first) = issues.first() {
        anyhow::bail!("{out}: the merged session is not valid: {first}");
    }
    super::io::write_text(&args.output, &super::io::canonical_ron(&merged.session)?)?;
    let raters = merged.session.raters.len();
    let kept = if merged.conflicts.is_empty() {
        String::new()
    } else {
        format!(
            "; kept {}'s value in {} conflicts",
            copies[0].name,
            merged.conflicts.len()
        )
    };
    super::io::emit(&format!(
        "{out}: merged {} copies, {raters} raters{kept}\n",
        copies.len()
    ))?;
    Ok(ExitCode::SUCCESS)
}
