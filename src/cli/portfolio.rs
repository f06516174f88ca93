//! `verdict portfolio`: which work a folder of sessions should fund with the capacity
//! there is, what to kill or shrink, the frontier, and how robust the funded set is.
//!
//! Files that do not load are listed with their located error on standard error and the
//! rest is optimised; the exit code is then 1. A broken `portfolio.ron` stops the command
//! (its capacity or musts would be guessed otherwise). The JSON shape is
//! [`crate::portfolio::PortfolioReport`], documented in `docs/CLI.md`.

use crate::analysis::number::tenths as num;
use crate::analysis::uncertainty::Control;
use crate::export::{Format, render_portfolio};
use crate::portfolio::core_index::{CoreConfig, core_indexes};
use crate::portfolio::{Portfolio, PortfolioReport, ProblemRow};
use crate::store;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Monte Carlo draws when `--samples` is not given.
pub const DEFAULT_DRAWS: u32 = 1_000;
/// Frontier steps printed in the text output before it is summarised.
const FRONTIER_LINES: usize = 12;

/// Arguments of `verdict portfolio`.
#[derive(Debug, clap::Args)]
pub struct PortfolioArgs {
    /// The folder of session files (subfolders included).
    #[arg(value_name = "DIR")]
    pub folder: PathBuf,
    /// The capacity in person-weeks, instead of the one in portfolio.ron.
    #[arg(long, value_name = "WEEKS", value_parser = parse_weeks, allow_hyphen_values = true)]
    pub capacity: Option<f64>,
    /// Print JSON (shape in docs/CLI.md) instead of text.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Monte Carlo draws for the core index; 0 skips it.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_DRAWS)]
    pub samples: u32,
    /// Seed of the random numbers: the same seed gives the same numbers.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Export instead of printing text: md, html, csv or json.
    #[arg(long, short, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn parse_weeks(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(w) if w.is_finite() && w >= 0.0 => Ok(w),
        _ => Err(format!(
            "{text:?} is not a number of person-weeks (0 or more)"
        )),
    }
}

/// The capacity to use and where it came from.
fn capacity_of(args: &PortfolioArgs, portfolio: &Portfolio) -> (f64, String) {
    if let Some(weeks) = args.capacity {
        return (weeks, "--capacity".to_owned());
    }
    if let Some(weeks) = portfolio.capacity() {
        return (weeks, "portfolio.ron".to_owned());
    }
    let today = portfolio.today().effort;
    if today > 0.0 {
        (
            today,
            "not set: today's commitments; set `capacity` in portfolio.ron or pass --capacity"
                .to_owned(),
        )
    } else {
        (
            portfolio.total_effort(),
            "not set: everything; set `capacity` in portfolio.ron or pass --capacity".to_owned(),
        )
    }
}

/// Runs `verdict portfolio`.
///
/// # Errors
/// When the folder cannot be read, `portfolio.ron` is broken, or output fails.
pub fn run(args: &PortfolioArgs) -> anyhow::Result<ExitCode> {
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let folder = store::load_portfolio(&args.folder, threads)?;
    if !folder.settings_problems.is_empty() {
        anyhow::bail!("{}", folder.settings_problems.join("\n"));
    }
    let portfolio = Portfolio::new(folder.settings.clone(), &folder.members)?;
    let (capacity, source) = capacity_of(args, &portfolio);
    let plan = portfolio.plan(capacity);
    let core = (args.samples > 0 && plan.infeasible.is_none())
        .then(|| {
            core_indexes(
                &portfolio,
                &CoreConfig {
                    samples: args.samples,
                    seed: args.seed,
                    capacity,
                    threads,
                },
                &Control::default(),
            )
        })
        .flatten();
    let problems: Vec<ProblemRow> = folder
        .problems
        .iter()
        .map(|p| ProblemRow {
            path: p.path.clone(),
            lines: p.lines.clone(),
        })
        .collect();
    let in_use = folder.in_use.iter().map(|(p, _)| p.clone()).collect();
    let mut report = portfolio.report(
        &args.folder.display().to_string(),
        &plan,
        core.as_ref(),
        problems,
        in_use,
    );
    report.capacity_set = args.capacity.is_some() || folder.settings.capacity.is_some();
    let format = if args.json {
        Some(Format::Json)
    } else {
        args.format
    };
    let text = match format {
        Some(format) => render_portfolio(&portfolio, &plan, &report, format),
        None => text(&report, &source),
    };
    match &args.output {
        None => super::io::emit(&text)?,
        Some(path) => {
            super::io::write_text(path, &text)?;
            eprintln!("{}: portfolio written", path.display());
        }
    }
    for problem in &folder.problems {
        for line in &problem.lines {
            eprintln!("{line}");
        }
    }
    if folder.problems.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{} file(s) left out; the plan covers the other {}",
            folder.problems.len(),
            folder.members.len()
        );
        Ok(ExitCode::FAILURE)
    }
}

/// Cuts `text` to `width` characters, ending with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        format!("{text:<width$}")
    } else {
        let cut: String = text.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}

/// The plain-text answer.
pub fn text(report: &PortfolioReport, capacity_source: &str) -> String {
    let mut out = String::new();
    let unit = &report.value_unit;
    let _ = write!(out, "Portfolio {}", report.folder);
    if !report.period.is_empty() {
        let _ = write!(out, " — {}", report.period);
    }
    let _ = writeln!(
        out,
        "\nCapacity {} person-weeks ({capacity_source}); values in {unit}\n",
        num(report.capacity)
    );
    if let Some(why) = &report.infeasible {
        let _ = writeln!(out, "No plan fits: {why}.");
        return out;
    }
    let _ = writeln!(
        out,
        "Funded: {} {unit} with {} of {} person-weeks.\n",
        num(report.value),
        num(report.effort),
        num(report.capacity)
    );
    let _ = writeln!(
        out,
        "   {} {} {} {:>7} {:>8} {:>8} {:>5}",
        fit("directive", 30),
        fit("given by", 14),
        fit("funded option", 28),
        "effort",
        "value",
        "value/wk",
        "core"
    );
    let mut n = 0;
    for (i, row) in report.sessions.iter().enumerate() {
        if i == report.above_cut {
            let _ = writeln!(
                out,
                "   ──── cut line: {} of {} person-weeks ────",
                num(report.effort),
                num(report.capacity)
            );
        }
        let option = match (&row.option, &row.chosen, row.reason.is_empty()) {
            (Some(o), ..) => o.title.clone(),
            (None, _, false) => format!("— {}", row.reason),
            (None, Some(c), true) => format!("— (chose {})", c.title),
            (None, None, true) => "—".to_owned(),
        };
        let marker = if row.funded {
            n += 1;
            format!("{n:>2}")
        } else {
            "  ".to_owned()
        };
        let _ = writeln!(
            out,
            "{marker} {} {} {} {:>7} {:>8} {:>8} {:>5}",
            fit(&row.title, 30),
            fit(&row.given_by, 14),
            fit(&option, 28),
            num(row.effort),
            num(row.value),
            row.value_per_week.map_or_else(String::new, num),
            row.core_index
                .map_or_else(String::new, |c| format!("{:.0}%", 100.0 * c))
        );
    }
    if report.above_cut == report.sessions.len() {
        let _ = writeln!(
            out,
            "   ──── cut line: {} of {} person-weeks ────",
            num(report.effort),
            num(report.capacity)
        );
    }
    if !report.kill_candidates.is_empty() {
        let _ = writeln!(
            out,
            "\nKill candidates (chosen work the best plan leaves unfunded):"
        );
        for k in &report.kill_candidates {
            let _ = writeln!(
                out,
                "  {} — “{}”: frees {} person-weeks, gives up {} {unit}",
                k.title,
                k.option.title,
                num(k.frees_weeks),
                num(k.gives_up)
            );
        }
    }
    if !report.sentences.is_empty() {
        let _ = writeln!(out, "\nThe best plan:");
        for s in &report.sentences {
            let _ = writeln!(out, "  - {s}");
        }
    }
    let advice: Vec<_> = report
        .sessions
        .iter()
        .filter_map(|r| r.to_fund_it.as_ref().map(|d| (r, d)))
        .collect();
    if !advice.is_empty() {
        let _ = writeln!(out, "\nTo fund what is below the cut line:");
        for (row, d) in advice {
            let _ = write!(
                out,
                "  {} with “{}” costs {} {unit} overall",
                row.title,
                d.option.title,
                num(d.loss)
            );
            if d.changes.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, ": {}", d.changes.join("; "));
            }
        }
    }
    let t = &report.today;
    let _ = write!(
        out,
        "\nToday's plan (the sessions' own outcomes): {} person-weeks for {} {unit}; the same \
         people could bring {}",
        num(t.effort),
        num(t.value),
        num(t.best_for_same_effort)
    );
    match t.gain_percent {
        Some(gain) => {
            let _ = writeln!(out, " ({} % more).", num(gain));
        }
        None => out.push_str(".\n"),
    }
    if !t.not_counted.is_empty() {
        let _ = writeln!(
            out,
            "  Not counted (chosen option cannot be funded): {}",
            t.not_counted.join(", ")
        );
    }
    let steps: Vec<String> = report
        .frontier
        .iter()
        .map(|p| format!("{} → {}", num(p.effort), num(p.value)))
        .collect();
    let _ = write!(out, "\nFrontier (person-weeks → best {unit}): ");
    if steps.len() <= FRONTIER_LINES {
        let _ = writeln!(out, "{}", steps.join(", "));
    } else {
        let _ = writeln!(
            out,
            "{}, … {} (of {} steps; all of them with --json)",
            steps[..FRONTIER_LINES / 2].join(", "),
            steps[steps.len() - FRONTIER_LINES / 2..].join(", "),
            steps.len()
        );
    }
    if let Some(core) = &report.core {
        let _ = writeln!(
            out,
            "Core index: share of {} draws (seed {}) in which each session is funded when \
             scores and efforts vary within their ranges.",
            core.samples, core.seed
        );
        if core.infeasible_draws > 0 {
            let _ = writeln!(
                out,
                "  In {} draws the sessions that must be funded did not fit.",
                core.infeasible_draws
            );
        }
    }
    for path in &report.in_use {
        let _ = writeln!(out, "{path}: open in another window; counted as last saved");
    }
    out
}
