//! Everything a portfolio answer says, as plain data: what `verdict portfolio --json`
//! prints and what the Markdown, HTML and CSV exports are written from.
//!
//! Rows are in *cut-line order*: the funded sessions first (best value per person-week
//! first), then the cut line, then the sessions left unfunded, then those not optimised.

use super::core_index::CoreReport;
use super::plan::round1;
use super::{ChangeKind, Plan, Portfolio, Standing};
use serde::Serialize;

/// A file of the folder that could not be used, with its located error.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProblemRow {
    /// The file, from the folder.
    pub path: String,
    /// The error lines.
    pub lines: Vec<String>,
}

/// An option as reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionRef {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
}

/// One session's row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SessionRow {
    /// Position of the session in [`Portfolio::entries`].
    #[serde(skip)]
    pub entry: usize,
    /// The file, from the folder.
    pub path: String,
    /// Title (or ask).
    pub title: String,
    /// Who gave the directive.
    pub given_by: String,
    /// The session's own outcome in a few words.
    pub status: String,
    /// `Open`, `Must`, `Excluded`, `Killed` or `NoStakes`.
    pub standing: Standing,
    /// Why it is not optimised; empty when it is.
    pub reason: String,
    /// True when the plan funds it.
    pub funded: bool,
    /// The option funded, if any.
    pub option: Option<OptionRef>,
    /// Effort of the funded option, person-weeks (0 when unfunded).
    pub effort: f64,
    /// Value of the funded option (0 when unfunded).
    pub value: f64,
    /// Value per person-week of the funded option; `null` when unfunded or it takes none.
    pub value_per_week: Option<f64>,
    /// The option the session chose itself, if any.
    pub chosen: Option<OptionRef>,
    /// How the plan differs from the session's own choice: `Kill`, `Shrink`, `Switch`,
    /// `Fund`, or `null` when they agree.
    pub change: Option<ChangeKind>,
    /// Share of Monte Carlo draws that fund it, when a run was made.
    pub core_index: Option<f64>,
    /// For an unfunded session: the cheapest way to fund it.
    pub to_fund_it: Option<DropRow>,
    /// The deferral date, if the session is deferred (its review date).
    pub review: Option<String>,
}

/// What to drop to fund one session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DropRow {
    /// The option to fund it with.
    pub option: OptionRef,
    /// The value lost overall.
    pub loss: f64,
    /// The other changes, in words.
    pub changes: Vec<String>,
}

/// A kill candidate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KillRow {
    /// The file.
    pub path: String,
    /// Title.
    pub title: String,
    /// The chosen option left unfunded.
    pub option: OptionRef,
    /// Person-weeks freed.
    pub frees_weeks: f64,
    /// Value given up.
    pub gives_up: f64,
}

/// A point of the frontier.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FrontierPoint {
    /// Person-weeks.
    pub effort: f64,
    /// Best value at that capacity.
    pub value: f64,
}

/// Today's plan beside the frontier.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TodayRow {
    /// Person-weeks today's choices take.
    pub effort: f64,
    /// Their value.
    pub value: f64,
    /// The best value for the same person-weeks.
    pub best_for_same_effort: f64,
    /// How much more that is, percent; `null` when today's value is 0.
    pub gain_percent: Option<f64>,
    /// Sessions whose chosen option cannot be funded and so count for nothing.
    pub not_counted: Vec<String>,
}

/// The whole answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PortfolioReport {
    /// The folder, as given.
    pub folder: String,
    /// The period, from `portfolio.ron`.
    pub period: String,
    /// The value unit.
    pub value_unit: String,
    /// The capacity used, person-weeks.
    pub capacity: f64,
    /// True when the capacity came from `portfolio.ron` or the command line.
    pub capacity_set: bool,
    /// Total value funded.
    pub value: f64,
    /// Total effort funded, person-weeks.
    pub effort: f64,
    /// Set when the musts do not fit.
    pub infeasible: Option<String>,
    /// Every session, in cut-line order.
    pub sessions: Vec<SessionRow>,
    /// How many of `sessions` are above the cut line (funded).
    pub above_cut: usize,
    /// Chosen work the plan leaves unfunded.
    pub kill_candidates: Vec<KillRow>,
    /// The disagreements with today's plan in sentences (sessions in `*…*`).
    pub sentences: Vec<String>,

    /// The frontier, from 0 to the total effort.
    pub frontier: Vec<FrontierPoint>,
    /// Today's plan.
    pub today: TodayRow,
    /// The Monte Carlo run, if one was asked for.
    pub core: Option<CoreSummary>,
    /// Files that did not load.
    pub problems: Vec<ProblemRow>,
    /// Sessions open in another window.
    pub in_use: Vec<String>,
}

/// The settings of a Monte Carlo run, as reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoreSummary {
    /// Draws.
    pub samples: u32,
    /// Seed.
    pub seed: u64,
    /// Draws in which the musts did not fit.
    pub infeasible_draws: u32,
}

/// Above this many optimised sessions the report leaves out "what to drop to fund it"
/// (one solve per unfunded session); the window still answers it for one session at a time.
pub const DROP_ADVICE_LIMIT: usize = 300;

fn option_ref(entry: &super::Entry, candidate: usize) -> OptionRef {
    let c = &entry.candidates[candidate];
    OptionRef {
        id: c.id.to_string(),
        title: c.title.clone(),
    }
}

fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Portfolio {
    /// The sentences saying where `plan` disagrees with the sessions' own outcomes, e.g.
    /// "funds the cheaper option “Cache the basket” for *Checkout* to make room for
    /// *Streams*"; session names go through `session` and option names through `option`
    /// (for escaping in an export).
    pub fn sentences_with(
        &self,
        plan: &Plan,
        session: &dyn Fn(&str) -> String,
        option: &dyn Fn(&str) -> String,
    ) -> Vec<String> {
        let gainers: Vec<String> = plan
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Fund || c.frees_weeks < 0.0)
            .map(|c| session(&self.entries[c.entry].title))
            .collect();
        let room = if gainers.is_empty() {
            String::new()
        } else {
            format!(" to make room for {}", and_list(&gainers))
        };
        plan.changes
            .iter()
            .filter_map(|c| {
                let entry = &self.entries[c.entry];
                let name = session(&entry.title);
                let to = c.to.map(|to| option(&entry.candidates[to].title));
                match c.kind {
                    ChangeKind::Kill => Some(format!(
                        "leaves {name} unfunded (a kill candidate: frees {} person-weeks, \
                         gives up {}){room}",
                        round1(c.frees_weeks),
                        round1(c.gives_up)
                    )),
                    ChangeKind::Shrink => {
                        to.map(|to| format!("funds the cheaper option {to} for {name}{room}"))
                    }
                    ChangeKind::Switch => {
                        to.map(|to| format!("funds {to} instead of the chosen option for {name}"))
                    }
                    ChangeKind::Fund => {
                        to.map(|to| format!("funds {to} for {name}, which has not chosen it"))
                    }
                }
            })
            .collect()
    }

    /// [`Self::sentences_with`] in plain text: sessions in `*…*`, options in “…”.
    pub fn sentences(&self, plan: &Plan) -> Vec<String> {
        self.sentences_with(plan, &|s| format!("*{s}*"), &|o| format!("“{o}”"))
    }

    /// The change `plan` makes to `entry`, described for a row.
    fn describe_change(&self, change: &super::Change) -> String {
        let entry = &self.entries[change.entry];
        let name = |c: Option<usize>| {
            c.map_or_else(
                || "nothing".to_owned(),
                |c| format!("“{}”", entry.candidates[c].title),
            )
        };
        format!(
            "{}: {} → {} (frees {} person-weeks, gives up {})",
            entry.title,
            name(change.from),
            name(change.to),
            round1(change.frees_weeks),
            round1(change.gives_up)
        )
    }

    /// The rows of `plan` in cut-line order, and how many are above the cut line.
    /// `drop_advice` computes [`SessionRow::to_fund_it`] (one solve per unfunded session).
    pub fn rows(
        &self,
        plan: &Plan,
        core: Option<&CoreReport>,
        drop_advice: bool,
    ) -> (Vec<SessionRow>, usize) {
        let n = self.entries.len();
        let mut funded_of = vec![None; n];
        for f in &plan.funding {
            funded_of[f.entry] = f.candidate;
        }
        let mut change_of = vec![None; n];
        for c in &plan.changes {
            change_of[c.entry] = Some(c.kind);
        }
        let mut core_of = vec![None; n];
        for s in core.map_or(&[][..], |r| &r.sessions[..]) {
            core_of[s.entry] = Some(s.funded);
        }
        let mut rows: Vec<(u8, f64, SessionRow)> = Vec::new();
        for (e, entry) in self.entries.iter().enumerate() {
            let funded = funded_of[e];
            let change = change_of[e];
            let (effort, value) = funded.map_or((0.0, 0.0), |c| {
                (entry.candidates[c].effort, entry.candidates[c].value)
            });
            let optimised = entry.standing.is_optimised();
            let to_fund_it =
                if drop_advice && optimised && funded.is_none() && plan.infeasible.is_none() {
                    self.what_to_drop(plan, e).map(|advice| DropRow {
                        option: option_ref(entry, advice.candidate),
                        loss: advice.loss,
                        changes: advice
                            .changes
                            .iter()
                            .map(|c| self.describe_change(c))
                            .collect(),
                    })
                } else {
                    None
                };
            let best_ratio = entry
                .candidates
                .iter()
                .map(|c| c.value / c.effort.max(0.1))
                .fold(0.0, f64::max);
            let (band, key) = match (funded.is_some(), optimised) {
                (true, _) => (
                    0,
                    if effort > 0.0 {
                        value / effort
                    } else {
                        f64::INFINITY
                    },
                ),
                (false, true) => (1, best_ratio),
                (false, false) => (2, 0.0),
            };
            let chosen = entry.chosen.as_ref().map(|id| OptionRef {
                id: id.to_string(),
                title: entry
                    .session
                    .option(id)
                    .map_or_else(|| id.to_string(), |o| o.title.clone()),
            });
            rows.push((
                band,
                key,
                SessionRow {
                    entry: e,
                    path: entry.path.clone(),
                    title: entry.title.clone(),
                    given_by: entry.session.directive.given_by.clone(),
                    status: entry.status(),
                    standing: entry.standing.clone(),
                    reason: entry.standing.reason().to_owned(),
                    funded: funded.is_some(),
                    option: funded.map(|c| option_ref(entry, c)),
                    effort,
                    value,
                    value_per_week: funded.filter(|_| effort > 0.0).map(|_| value / effort),
                    chosen,
                    change,
                    core_index: core_of[e],
                    to_fund_it,
                    review: match &entry.session.outcome {
                        crate::model::Outcome::Deferred { until, .. } => Some(until.to_string()),
                        _ => None,
                    },
                },
            ));
        }
        // Stable: equal keys keep the portfolio's order.
        rows.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        let above = rows.iter().filter(|r| r.0 == 0).count();
        (rows.into_iter().map(|r| r.2).collect(), above)
    }

    /// The whole answer for `plan`.
    pub fn report(
        &self,
        folder: &str,
        plan: &Plan,
        core: Option<&CoreReport>,
        problems: Vec<ProblemRow>,
        in_use: Vec<String>,
    ) -> PortfolioReport {
        let drop_advice = self.optimised.len() <= DROP_ADVICE_LIMIT;
        let (sessions, above_cut) = self.rows(plan, core, drop_advice);
        let kill_candidates = plan
            .kill_candidates()
            .filter_map(|c| {
                let entry = &self.entries[c.entry];
                Some(KillRow {
                    path: entry.path.clone(),
                    title: entry.title.clone(),
                    option: option_ref(entry, c.from?),
                    frees_weeks: c.frees_weeks,
                    gives_up: c.gives_up,
                })
            })
            .collect();
        let today = self.today();
        PortfolioReport {
            folder: folder.to_owned(),
            period: self.settings.period.clone(),
            value_unit: self.settings.value_unit.clone(),
            capacity: plan.capacity,
            capacity_set: self.settings.capacity.is_some(),
            value: plan.value,
            effort: plan.effort,
            infeasible: plan.infeasible.clone(),
            sessions,
            above_cut,
            kill_candidates,
            sentences: self.sentences(plan),

            frontier: self
                .frontier()
                .into_iter()
                .map(|(effort, value)| FrontierPoint { effort, value })
                .collect(),
            today: TodayRow {
                effort: today.effort,
                value: today.value,
                best_for_same_effort: today.best_for_same_effort,
                gain_percent: today.gain_percent(),
                not_counted: today.not_counted,
            },
            core: core.map(|c| CoreSummary {
                samples: c.config.samples,
                seed: c.config.seed,
                infeasible_draws: c.infeasible_draws,
            }),
            problems,
            in_use,
        }
    }
}
