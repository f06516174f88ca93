//! `verdict fmt`: rewrite session files in canonical form, or check that they are.
//!
//! Canonical form is what the store writes: the same document always gives the same bytes,
//! with `\n` newlines and no byte-order mark, so diffs in git show only real changes.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict fmt`.
#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// The session files to format.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Change nothing; list the files that are not canonical and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
}

/// Runs `verdict fmt`.
///
/// A file that does not load is reported and left untouched; the others are still handled.
/// A file that changes while it is formatted is left as the other writer made it.
///
/// # Errors
/// Never: every problem is reported and turned into the exit code.
pub fn run(args: &FmtArgs) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for file in &args.files {
        let (bytes, loaded) = match super::io::load_with_bytes(file) {
            Ok(loaded) => loaded,
            Err(err) => {
                eprintln!("{err}");
                failed = true;
                continue;
            }
        };
        let canonical = super::io::canonical_ron(&loaded.session)?;
        if bytes == canonical.as_bytes() {
            continue;
        }
        if args.check {
            eprintln!(
                "{}: not in canonical form; run `verdict fmt {}` to rewrite it",
                file.display(),
                file.display()
            );
            failed = true;
            continue;
        }
        // An upgrade from an older format keeps the original next to it, as the app does.
        // Either way the file is replaced only if it still holds what was read: another
        // program (or another `verdict fmt`) may have written it meanwhile.
        let (written, note) = match loaded.migrated_from {
            Some(old) => (
                super::io::save_with_backup_over(file, &loaded.session, &bytes),
                format!(" (upgraded from format {old}; the original is kept as .bak)"),
            ),
            None => (
                super::io::replace_text(file, &canonical, &bytes),
                String::new(),
            ),
        };
        match written {
            Err(err) => {
                eprintln!("{err}");
                failed = true;
            }
            Ok(()) => super::io::emit(&format!("{}: formatted{note}\n", file.display()))?,
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
