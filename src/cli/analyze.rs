//! `verdict analyze`: how robust the winner is, as plain text or as JSON.
//!
//! The JSON shape is documented in `docs/CLI-analyze.md`; [`AnalyzeJson`] is that shape.

use crate::analysis::flip_points::FlipKind;
use crate::analysis::number::{fixed, short};
use crate::analysis::robustness::{RobustnessConfig, RobustnessReport, analyze};
use crate::analysis::uncertainty::{DEFAULT_SAMPLES, SmaaConfig, WeightMode};
use crate::analysis::verdict::FRAGILE_SHARE_CHANGE;
use crate::model::{CriterionId, OptionId, Session};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// The session file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Monte Carlo samples; 0 skips Monte Carlo.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_SAMPLES)]
    pub samples: u32,
    /// Seed of the random numbers: the same seed gives the same numbers.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Also vary every weight uniformly within ± this percentage (0 to 100).
    #[arg(long, value_name = "PCT", value_parser = parse_percent, conflicts_with = "any_weights")]
    pub weights_jitter: Option<f64>,
    /// Draw weights uniformly from all possible weightings (no preference assumed).
    #[arg(long)]
    pub any_weights: bool,
    /// Print JSON (shape in docs/CLI-analyze.md) instead of text.
    #[arg(long)]
    pub json: bool,
}

fn parse_percent(text: &str) -> Result<f64, String> {
    match text.trim().trim_end_matches('%').parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!("{text:?} is not a percentage from 0 to 100")),
    }
}

impl AnalyzeArgs {
    /// The analysis these arguments ask for.
    pub fn config(&self) -> RobustnessConfig {
        let weights = match (self.weights_jitter, self.any_weights) {
            (_, true) => WeightMode::Simplex,
            (Some(percent), false) if percent > 0.0 => WeightMode::Jitter { percent },
            _ => WeightMode::Fixed,
        };
        RobustnessConfig {
            monte_carlo: (self.samples > 0).then(|| SmaaConfig {
                samples: self.samples,
                seed: self.seed,
                weights,
                ..SmaaConfig::default()
            }),
        }
    }
}

/// What `verdict analyze --json` prints.
#[derive(Debug, Serialize)]
pub struct AnalyzeJson<'a> {
    /// The session's title, or its directive when it has no title.
    pub title: String,
    /// The settings used.
    pub config: &'a RobustnessConfig,
    /// Every result.
    pub report: &'a RobustnessReport,
}

/// Runs `verdict analyze`.
///
/// # Errors
/// When the file cannot be read or is not a valid session, or output fails.
pub fn run(args: &AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let session = super::io::load(&args.file)?;
    let config = args.config();
    let report = analyze(&session, &config);
    let text = if args.json {
        let json = AnalyzeJson {
            title: title_of(&session),
            config: &config,
            report: &report,
        };
        serde_json::to_string_pretty(&json)? + "\n"
    } else {
        to_text(&session, &report)
    };
    super::io::emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn title_of(session: &Session) -> String {
    if session.title.trim().is_empty() {
        session.directive.ask.clone()
    } else {
        session.title.clone()
    }
}

/// The report as text for a terminal.
pub fn to_text(session: &Session, report: &RobustnessReport) -> String {
    let opt = |id: &OptionId| session.option_title(id).to_owned();
    let crit = |id: &CriterionId| session.criterion_name(id).to_owned();
    let mut out = String::new();
    // Writing to a String cannot fail.
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(title_of(session));
    line(String::new());
    line(report.verdict.line.clone());
    for reason in report.verdict.reasons.iter().skip(1) {
        line(format!("  also: {reason}"));
    }
    line(format!("Recommendation: {}", report.recommendation));

    line(String::new());
    line("Weighted totals (of 100)".into());
    for row in &report.totals {
        line(format!(
            "  {:>3}. {:<40} {:>6}",
            row.rank,
            fit(&opt(&row.option)),
            fixed(row.total, 1)
        ));
    }
    for left in &report.excluded {
        let why = match &left.reason {
            crate::analysis::matrix::ExclusionReason::Unscored { missing } => format!(
                "no score on {}",
                missing.iter().map(crit).collect::<Vec<_>>().join(", ")
            ),
            crate::analysis::matrix::ExclusionReason::Vetoed { by } => format!(
                "vetoed by {}",
                by.iter().map(crit).collect::<Vec<_>>().join(", ")
            ),
        };
        line(format!("   left out: {} ({why})", opt(&left.option)));
    }
    if !report.criteria_left_out.is_empty() {
        let names: Vec<String> = report.criteria_left_out.iter().map(crit).collect();
        line(format!(
            "   weight 0, in no total and no analysis (vetoes still apply): {}",
            names.join(", ")
        ));
    }

    if !report.weight_flips.is_empty() {
        line(String::new());
        line("Weight flip points (the other weights keep their ratios)".into());
        for flip in &report.weight_flips {
            let side = |p: &Option<crate::analysis::flip_points::FlipPoint>| match p {
                Some(p) => format!(
                    "at {} ({} %) → {}",
                    short(p.weight),
                    fixed(p.share * 100.0, 0),
                    opt(&p.new_leader)
                ),
                None => "never flips".into(),
            };
            line(format!(
                "  {:<20} weight {} ({} %)   up: {}   down: {}",
                crit(&flip.criterion),
                short(flip.weight),
                fixed(flip.share * 100.0, 0),
                side(&flip.up),
                side(&flip.down)
            ));
        }
        line(format!(
            "  (a flip within {} points of a criterion's share makes the winner fragile)",
            short(FRAGILE_SHARE_CHANGE * 100.0)
        ));
    }

    if let (Some(leader), Some(runner_up)) = (&report.leader, &report.runner_up) {
        line(String::new());
        line(format!(
            "Score flip points: {} against {} (smallest first; just past the point {} leads)",
            opt(leader),
            opt(runner_up),
            opt(runner_up)
        ));
        if report.score_flips.is_empty() {
            line("  no single score change can make them swap".into());
        }
        for flip in report.score_flips.iter().take(5) {
            let how = match flip.by {
                FlipKind::Crossing => "the totals cross",
                FlipKind::Veto => "vetoed past it",
            };
            line(format!(
                "  {} on {}: {} → {} ({} % of the scale; {how})",
                opt(&flip.option),
                crit(&flip.criterion),
                short(flip.from),
                short(flip.to),
                fixed(flip.scale_fraction * 100.0, 0)
            ));
        }
    }

    if let Some(mc) = &report.monte_carlo {
        line(String::new());
        let weights = match &mc.config.weights {
            WeightMode::Fixed => "the set weights".to_owned(),
            WeightMode::Jitter { percent } => format!("weights within ±{} %", short(*percent)),
            WeightMode::Simplex => "any weights".to_owned(),
        };
        line(format!(
            "Monte Carlo: {} samples, seed {}, {weights}",
            mc.config.samples, mc.config.seed
        ));
        // Five columns at most; with more places the last one sums the rest, so every row
        // adds up to 100 %.
        let places = mc.options.len();
        let shown = places.min(5);
        let label = |k: usize| {
            if k == shown && places > shown {
                format!("#{k} or worse")
            } else {
                format!("#{k}")
            }
        };
        let widths: Vec<usize> = (1..=shown).map(|k| label(k).len().max(6)).collect();
        let header: String = (1..=shown)
            .map(|k| format!(" {:>w$}", label(k), w = widths[k - 1]))
            .collect();
        line(format!("  {:<40} {:>7}{header}", "option", "P(best)"));
        let mut rows: Vec<_> = mc.options.iter().collect();
        rows.sort_by(|a, b| b.p_best.total_cmp(&a.p_best));
        let pct = |p: f64| format!("{}%", fixed(p * 100.0, 1));
        for row in &rows {
            let ranks: String = (0..shown)
                .map(|k| {
                    let p = if k + 1 == shown {
                        row.rank_acceptability[k..].iter().sum()
                    } else {
                        row.rank_acceptability[k]
                    };
                    format!(" {:>w$}", pct(p), w = widths[k])
                })
                .collect();
            line(format!(
                "  {:<40} {:>7}{ranks}",
                fit(&opt(&row.option)),
                pct(row.p_best)
            ));
        }
        let names: Vec<String> = mc.criteria.iter().map(crit).collect();
        let weights_vary = mc.config.weights != WeightMode::Fixed;
        for row in rows.iter().filter(|_| weights_vary) {
            if let Some(weights) = &row.central_weights {
                let parts: Vec<String> = names
                    .iter()
                    .zip(weights)
                    .map(|(n, w)| format!("{n} {} %", fixed(w * 100.0, 0)))
                    .collect();
                line(format!(
                    "  {} wins with weights around: {}",
                    opt(&row.option),
                    parts.join(", ")
                ));
            }
        }
    }

    if let Some(t) = &report.topsis {
        line(String::new());
        if t.agrees {
            line(format!("TOPSIS agrees: {} wins both ways", opt(&t.winner)));
        } else {
            line(format!(
                "TOPSIS disagrees: it prefers {}, the weighted sum {}",
                opt(&t.winner),
                opt(&t.weighted_sum_winner)
            ));
        }
        let mut scores: Vec<_> = t.scores.iter().collect();
        scores.sort_by(|a, b| b.closeness.total_cmp(&a.closeness));
        for s in scores {
            line(format!(
                "  {:<40} closeness {}",
                fit(&opt(&s.option)),
                fixed(s.closeness, 3)
            ));
        }
    }

    line(String::new());
    if report.dominated.is_empty() {
        line("Dominated options: none".into());
    } else {
        line("Dominated options (another is as good everywhere and better somewhere)".into());
        for d in &report.dominated {
            let by: Vec<String> = d.by.iter().map(opt).collect();
            line(format!("  {} by {}", opt(&d.option), by.join(", ")));
        }
    }

    if let Some(raters) = &report.raters {
        line(String::new());
        line(format!(
            "Raters: {} ({} of their scores)",
            raters.raters.len(),
            raters.aggregation.label()
        ));
        if raters.discuss_first.is_empty() {
            line("  no cell splits the raters by a quarter of its scale or more".into());
        } else {
            line("  Discuss these first:".into());
        }
        for cell in &raters.discuss_first {
            let ratings: Vec<String> = cell
                .ratings
                .iter()
                .map(|(r, v)| format!("{r} {}", short(*v)))
                .collect();
            line(format!(
                "  {} / {}: {} (spread {} % of the scale)",
                opt(&cell.option),
                crit(&cell.criterion),
                ratings.join(", "),
                fixed(cell.spread * 100.0, 0)
            ));
        }
    }
    out
}

/// A title cut to fit a 40-column table cell.
fn fit(title: &str) -> String {
    if title.chars().count() <= 40 {
        title.to_owned()
    } else {
        title.chars().take(39).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, SolutionOption};

    #[test]
    fn the_text_starts_with_the_verdict_and_names_every_section() {
        let mut s = Session::new("make checkout faster");
        for (id, title, impact, cost) in
            [("cdn", "Buy a CDN", 4.0, 2.0), ("rw", "Rewrite", 5.0, 5.0)]
        {
            s.options.push(
                SolutionOption::new(id, title, Lens::Buy)
                    .with_score("impact", impact)
                    .with_score("cost", cost)
                    .with_score("trust-risk", 2.0),
            );
        }
        let report = analyze(&s, &RobustnessConfig::default());
        let text = to_text(&s, &report);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "make checkout faster");
        assert!(lines[2].contains("“Buy a CDN”"), "{text}");
        for section in [
            "Weight flip points",
            "Score flip points",
            "Monte Carlo",
            "TOPSIS",
        ] {
            assert!(text.contains(section), "{section} missing from\n{text}");
        }
    }

    #[test]
    fn percentages_outside_0_to_100_are_refused() {
        assert_eq!(parse_percent("15%"), Ok(15.0));
        assert!(parse_percent("120").is_err());
        assert!(parse_percent("ten").is_err());
    }
}
