//! The `verdict` binary: with a subcommand, the command line; without one, the window.
//!
//! Exit codes: 0 success, 1 a bad document or a failed check, 2 a usage mistake.

use clap::Parser;
use std::ffi::OsString;
use std::process::ExitCode;
use verdict::cli::{self, Cli, Context};

fn main() -> ExitCode {
    let raw: Vec<OsString> = std::env::args_os().collect();
    // A bare first word close to a subcommand is a typo, not a file to open in the window.
    let typo = raw
        .get(1)
        .and_then(|word| word.to_str())
        .and_then(|word| cli::typo::meant_subcommand(word).map(|meant| (word, meant)));
    let parsed = Cli::try_parse_from(&raw);
    let opens_window = matches!(&parsed, Ok(args) if args.command.is_none());
    if let Some((word, meant)) = typo.filter(|_| parsed.is_err() || opens_window) {
        eprintln!(
            "error: `{word}` is not a subcommand; did you mean `verdict {meant}`? \
             (to open a file of that name, write ./{word})"
        );
        return ExitCode::from(2);
    }
    let args = match parsed {
        Ok(args) => args,
        Err(err) => err.exit(),
    };
    match &args.command {
        None => match verdict::app::run(args.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("verdict: cannot open the window: {err}");
                ExitCode::FAILURE
            }
        },
        Some(command) => {
            // The clock is read here, once, and passed in.
            let now = chrono::Utc::now();
            let context = Context {
                today: now.date_naive(),
                now,
            };
            match cli::run(command, &context) {
                Ok(code) => code,
                Err(err) => {
                    eprintln!("{}", cli::error_text(&err));
                    cli::exit_code_for(&err)
                }
            }
        }
    }
}
