//! The `verdict` binary: with a subcommand, the command line; without one, the window.
//!
//! Exit codes: 0 success, 1 a bad document or a failed check, 2 a usage mistake.

use clap::Parser;
use std::process::ExitCode;
use verdict::cli::{self, Cli, Context};

fn main() -> ExitCode {
    let args = Cli::parse();
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
            let context = Context {
                today: chrono::Utc::now().date_naive(),
            };
            match cli::run(command, &context) {
                Ok(code) => code,
                Err(err) => {
                    eprintln!("{err:#}");
                    cli::exit_code_for(&err)
                }
            }
        }
    }
}
