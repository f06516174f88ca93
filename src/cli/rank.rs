//! `verdict rank`: the ranking and the recommendation, as a table or as JSON.
//!
//! The JSON shape is documented in `docs/CLI.md`; [`RankReport`] is that shape.

use super::lens_name;
use crate::analysis::number::fixed;
use crate::analysis::{self, KillReason, Ranking, Recommendation};
use crate::model::{Outcome, Session};
use serde::Serialize;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `verdict rank`.
#[derive(Debug, clap::Args)]
pub struct RankArgs {
    /// The session file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print JSON (shape in docs/CLI.md) instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// What `verdict rank --json` prints.
#[derive(Debug, Serialize)]
pub struct RankReport {
    /// The session's title, or its directive when it has no title.
    pub title: String,
    /// Every option: ranked ones by rank, then unscored ones.
    pub ranking: Vec<RankRow>,
    /// What the numbers advise.
    pub recommendation: RecommendationReport,
    /// The recorded outcome: `Undecided`, `Chosen`, `Killed`, `Deferred` or `Reframe`.
    pub outcome: &'static str,
    /// The outcome in words for the table, e.g. `Chosen: “Buy a CDN”`; not in the JSON.
    #[serde(skip)]
    pub outcome_text: String,
}

/// One option in [`RankReport::ranking`].
#[derive(Debug, Serialize)]
pub struct RankRow {
    /// 1-based rank shared on ties; `null` when unscored.
    pub rank: Option<usize>,
    /// The option's id.
    pub id: String,
    /// The option's title.
    pub title: String,
    /// The lens keyword, e.g. `do-nothing`.
    pub lens: &'static str,
    /// The lens as shown to people (a custom lens's own label).
    pub lens_label: String,
    /// Weighted total 0..100; `null` when unscored.
    pub total: Option<f64>,
    /// True when a veto threshold disqualifies it.
    pub vetoed: bool,
    /// The criteria whose veto it breaks.
    pub vetoed_by: Vec<String>,
    /// True when a weighted criterion has no score (false when no criterion has weight:
    /// then nothing is ranked and nobody is missing anything).
    pub unscored: bool,
    /// The weighted criteria it has no score for.
    pub missing: Vec<String>,
}

/// The recommendation in [`RankReport`].
#[derive(Debug, Serialize)]
pub struct RecommendationReport {
    /// `choose`, `kill`, or `none` when nothing can be ranked.
    pub kind: &'static str,
    /// The recommended option's id for `choose`; for a kill because a stopping option is in
    /// the top group, that option's id; otherwise `null`.
    pub option: Option<String>,
    /// For `choose`, and for a kill because of a stopping option: the other options not
    /// vetoed in the same tie group.
    pub tied_with: Vec<String>,
    /// For `choose`: vetoed options ranked above the recommended one.
    pub vetoed_above: Vec<String>,
    /// For `kill`: `kill_criterion_tripped`, `no_viable_option` or
    /// `stopping_option_ranks_first`; for `none`: `no_weighted_criterion`; `null` for
    /// `choose`.
    pub reason: Option<&'static str>,
    /// For `kill_criterion_tripped`, the conditions that came true.
    pub tripped: Vec<String>,
    /// The advice in one sentence.
    pub text: String,
}

/// Builds the report for `session`.
pub fn report(session: &Session) -> RankReport {
    let ranking = analysis::rank(session);
    let recommendation = analysis::recommend_from(session, &ranking);
    RankReport {
        title: display_title(session),
        ranking: rows(session, &ranking),
        recommendation: recommendation_report(session, &recommendation),
        outcome: session.outcome.label(),
        outcome_text: outcome_text(session),
    }
}

fn outcome_text(session: &Session) -> String {
    match &session.outcome {
        Outcome::Chosen { option, .. } => {
            let title = session.option_title(option);
            format!("Chosen: “{title}”")
        }
        Outcome::Deferred { until, .. } => format!("Deferred until {until}"),
        other => other.label().to_owned(),
    }
}

fn display_title(session: &Session) -> String {
    if session.title.trim().is_empty() {
        session.directive.ask.clone()
    } else {
        session.title.clone()
    }
}

fn rows(session: &Session, ranking: &Ranking) -> Vec<RankRow> {
    let ids = |v: &[crate::model::CriterionId]| v.iter().map(|c| c.to_string()).collect();
    ranking
        .rows
        .iter()
        .map(|row| {
            let option = &session.options[row.option_idx];
            RankRow {
                rank: row.rank,
                id: option.id.to_string(),
                title: option.title.clone(),
                lens: lens_name::keyword(&option.lens),
                lens_label: option.lens.label().to_owned(),
                total: row.total,
                vetoed: row.is_vetoed(),
                vetoed_by: ids(&row.vetoed_by),
                unscored: !row.missing.is_empty(),
                missing: ids(&row.missing),
            }
        })
        .collect()
}

fn recommendation_report(session: &Session, rec: &Recommendation) -> RecommendationReport {
    let ids = |v: &[crate::model::OptionId]| v.iter().map(ToString::to_string).collect();
    let mut report = RecommendationReport {
        kind: rec.kind_code(),
        option: None,
        tied_with: Vec::new(),
        vetoed_above: Vec::new(),
        reason: rec.reason_code(),
        tripped: Vec::new(),
        text: rec.plain(session),
    };
    match rec {
        Recommendation::Choose {
            option,
            tied_with,
            vetoed_above,
            ..
        } => {
            report.option = Some(option.to_string());
            report.tied_with = ids(tied_with);
            report.vetoed_above = ids(vetoed_above);
        }
        Recommendation::Kill {
            reason: KillReason::KillCriterionTripped { conditions },
        } => report.tripped = conditions.clone(),
        Recommendation::Kill {
            reason:
                KillReason::StoppingOptionRanksFirst {
                    option, tied_with, ..
                },
        } => {
            report.option = Some(option.to_string());
            report.tied_with = ids(tied_with);
        }
        Recommendation::Kill {
            reason: KillReason::NoViableOption,
        }
        | Recommendation::NothingRanked => {}
    }
    report
}

/// The report as an aligned plain-text table followed by the recommendation.
pub fn to_text(report: &RankReport) -> String {
    let width = |s: &str| s.chars().count();
    let rank_cell = |r: &RankRow| r.rank.map_or_else(|| "-".to_owned(), |n| n.to_string());
    let total_cell = |r: &RankRow| r.total.map_or_else(|| "-".to_owned(), |t| fixed(t, 1));
    let flags = |r: &RankRow| {
        let mut flags = Vec::new();
        if r.vetoed {
            flags.push(format!("vetoed by {}", r.vetoed_by.join(", ")));
        }
        if r.unscored {
            flags.push(format!("unscored: no {}", r.missing.join(", ")));
        }
        flags.join("; ")
    };
    let option_w = report
        .ranking
        .iter()
        .map(|r| width(&r.title))
        .chain([width("option")])
        .max()
        .unwrap_or(0);
    let lens_w = report
        .ranking
        .iter()
        .map(|r| width(&r.lens_label))
        .chain([width("lens")])
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", report.title);
    let line = |out: &mut String, cells: [&str; 5]| {
        let [rank, total, option, lens, flags] = cells;
        let pad = |s: &str, w: usize| " ".repeat(w.saturating_sub(width(s)));
        let text = format!(
            "{}{rank}  {}{total}  {option}{}  {lens}{}  {flags}",
            pad(rank, 4),
            pad(total, 5),
            pad(option, option_w),
            pad(lens, lens_w),
        );
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(&mut out, ["rank", "total", "option", "lens", "flags"]);
    for row in &report.ranking {
        line(
            &mut out,
            [
                &rank_cell(row),
                &total_cell(row),
                &row.title,
                &row.lens_label,
                &flags(row),
            ],
        );
    }
    if report.ranking.is_empty() {
        let _ = writeln!(out, "(no options yet)");
    }
    let _ = writeln!(out, "\nRecommendation: {}", report.recommendation.text);
    let _ = writeln!(out, "Outcome: {}", report.outcome_text);
    out
}

/// Runs `verdict rank`.
///
/// # Errors
/// When the file cannot be read or is not a valid session.
pub fn run(args: &RankArgs) -> anyhow::Result<ExitCode> {
    let session = super::io::load(&args.file)?;
    let report = report(&session);
    if args.json {
        super::io::emit(&(serde_json::to_string_pretty(&report)? + "\n"))?;
    } else {
        super::io::emit(&to_text(&report))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, SolutionOption};

    fn session() -> Session {
        let mut s = Session::new("make checkout faster");
        s.options.push(
            SolutionOption::new("wait", "Wait a quarter", Lens::DoNothing)
                .with_score("impact", 2.0)
                .with_score("cost", 1.0)
                .with_score("trust-risk", 1.0),
        );
        s.options.push(
            SolutionOption::new("rewrite", "Rewrite checkout", Lens::ReArchitect)
                .with_score("impact", 4.0)
                .with_score("cost", 5.0)
                .with_score("trust-risk", 5.0),
        );
        s.options.push(
            SolutionOption::new("idea", "Half an idea", Lens::Reframe).with_score("cost", 2.0),
        );
        s
    }

    #[test]
    fn the_report_lists_ranked_rows_first_and_explains_a_kill() {
        let r = report(&session());
        let ids: Vec<_> = r.ranking.iter().map(|row| row.id.as_str()).collect();
        assert_eq!(ids, ["wait", "rewrite", "idea"]);
        assert_eq!(r.ranking[0].lens, "do-nothing");
        assert_eq!(r.ranking[2].missing, ["impact", "trust-risk"]);
        assert_eq!(r.recommendation.kind, "kill");
        assert_eq!(r.recommendation.reason, Some("stopping_option_ranks_first"));
        assert_eq!(r.recommendation.option.as_deref(), Some("wait"));
    }

    #[test]
    fn the_text_table_aligns_columns_and_ends_with_the_advice() {
        let text = to_text(&report(&session()));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "make checkout faster");
        assert_eq!(
            lines[2].find("option"),
            lines[3].find("Wait a quarter"),
            "{text}"
        );
        assert!(lines[5].starts_with("   -      -  Half an idea"), "{text}");
        assert!(
            lines[5].ends_with("unscored: no impact, trust-risk"),
            "{text}"
        );
        assert!(text.contains("Recommendation: Kill: doing nothing ranks first"));
    }

    #[test]
    fn the_text_names_the_chosen_option_and_the_json_keeps_the_label() {
        let mut s = session();
        assert!(to_text(&report(&s)).ends_with("Outcome: Undecided\n"));
        s.outcome = Outcome::Chosen {
            option: "rewrite".into(),
            rationale: "we will".into(),
        };
        let r = report(&s);
        assert!(to_text(&r).ends_with("Outcome: Chosen: “Rewrite checkout”\n"));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["outcome"], "Chosen");
        assert!(json.get("outcome_text").is_none());
    }
}
