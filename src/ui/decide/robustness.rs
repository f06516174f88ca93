//! The Robustness view: how robust the winner is, in pictures and one plain line.
//!
//! [`robustness_ui`] draws a [`RobustnessReport`] (from
//! [`crate::app::analysis_worker::AnalysisWorker`]): the verdict line and its reasons,
//! Monte Carlo progress with a Cancel button, the analysis settings, a tornado chart of
//! weight flip points, rank-acceptability stacked bars, the TOPSIS cross-check, dominated
//! options and, with several raters, the cells to discuss first. Every chart is followed by
//! the same facts in words, so screen readers and tests can read them.

use crate::analysis::flip_points::FlipPoint;
use crate::analysis::robustness::{RobustnessConfig, RobustnessReport};
use crate::analysis::uncertainty::{DEFAULT_SAMPLES, SmaaConfig, WeightMode};
use crate::analysis::verdict::VerdictKind;
use crate::model::{CriterionId, OptionId};
use crate::ui::outbox::Intent;
use crate::ui::theme;
use crate::ui::view_ctx::{RobustnessShown, ViewCtx};
use egui::RichText;
use egui_plot::{Bar, BarChart, Legend, Plot};

/// How weights vary in Monte Carlo, as offered in the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightChoice {
    /// Only scores vary.
    AsSet,
    /// Weights vary within ±20 %.
    Jitter20,
    /// Any weights at all.
    Any,
}

impl WeightChoice {
    const ALL: [WeightChoice; 3] = [
        WeightChoice::AsSet,
        WeightChoice::Jitter20,
        WeightChoice::Any,
    ];

    fn label(self) -> &'static str {
        match self {
            WeightChoice::AsSet => "Weights as set",
            WeightChoice::Jitter20 => "Weights ±20 %",
            WeightChoice::Any => "Any weights",
        }
    }
}

/// The view's own settings (not part of the document).
#[derive(Clone, Debug, PartialEq)]
pub struct RobustnessSettings {
    /// How weights vary.
    pub weights: WeightChoice,
    /// Monte Carlo samples.
    pub samples: u32,
    /// The seed.
    pub seed: u64,
}

impl Default for RobustnessSettings {
    fn default() -> Self {
        Self {
            weights: WeightChoice::AsSet,
            samples: DEFAULT_SAMPLES,
            seed: 1,
        }
    }
}

impl RobustnessSettings {
    /// The analysis to run for these settings.
    pub fn config(&self) -> RobustnessConfig {
        RobustnessConfig {
            monte_carlo: Some(SmaaConfig {
                samples: self.samples.max(100),
                seed: self.seed,
                weights: match self.weights {
                    WeightChoice::AsSet => WeightMode::Fixed,
                    WeightChoice::Jitter20 => WeightMode::Jitter { percent: 20.0 },
                    WeightChoice::Any => WeightMode::Simplex,
                },
                ..SmaaConfig::default()
            }),
        }
    }
}

/// Draws the Robustness view.
///
/// `shown` is the latest report (`None` before the first one arrives) and the Monte Carlo
/// progress while it runs. Settings are changed in place; the analysis for them is asked
/// for through `cx`, and so is cancelling it.
pub fn robustness_ui(
    ui: &mut egui::Ui,
    cx: &mut ViewCtx<'_>,
    shown: RobustnessShown<'_>,
    settings: &mut RobustnessSettings,
) {
    let session = cx.session;
    let progress = shown.progress;
    ui.heading("Robustness");
    let Some(report) = shown.report else {
        ui.label("Working out how robust the winner is…");
        cx.push(Intent::Analyse(settings.config()));
        return;
    };
    verdict_ui(ui, report);
    ui.label(format!("Recommendation: {}", report.recommendation));
    ui.separator();

    ui.horizontal(|ui| {
        egui::ComboBox::from_label("Monte Carlo weights")
            .selected_text(settings.weights.label())
            .show_ui(ui, |ui| {
                for choice in WeightChoice::ALL {
                    ui.selectable_value(&mut settings.weights, choice, choice.label());
                }
            });
        let label = ui.label("Samples");
        ui.add(
            egui::DragValue::new(&mut settings.samples)
                .range(100..=200_000)
                .speed(100),
        )
        .labelled_by(label.id);
        let label = ui.label("Seed");
        ui.add(egui::DragValue::new(&mut settings.seed))
            .labelled_by(label.id);
    });
    if let Some(p) = progress {
        ui.horizontal(|ui| {
            ui.add(
                egui::ProgressBar::new(p)
                    .desired_width(240.0)
                    .text(format!("Monte Carlo {:.0} %", p * 100.0)),
            );
            if ui.button("Cancel").clicked() {
                cx.push(Intent::CancelAnalysis);
            }
        });
    }

    let title = |id: &OptionId| session.option_title(id).to_owned();
    let name = |id: &CriterionId| session.criterion_name(id).to_owned();

    if !report.weight_flips.is_empty() {
        ui.separator();
        ui.strong("How far a weight must move before the leader changes");
        tornado_ui(ui, report, &name);
        for flip in &report.weight_flips {
            let side = |p: &Option<FlipPoint>, dir: &str| match p {
                Some(p) => format!(
                    "{dir} to {}, and “{}” leads",
                    crate::analysis::number::percent(p.share),
                    title(&p.new_leader)
                ),
                None => format!("{dir}: never flips"),
            };
            ui.label(format!(
                "{} (now {}): {}; {}",
                name(&flip.criterion),
                crate::analysis::number::percent(flip.share),
                side(&flip.up, "up"),
                side(&flip.down, "down")
            ));
        }
    }

    if let Some(mc) = &report.monte_carlo {
        ui.separator();
        ui.strong(format!(
            "How often each option takes each place ({} samples)",
            mc.config.samples
        ));
        acceptability_ui(ui, report, &title);
        let mut rows: Vec<_> = mc.options.iter().collect();
        rows.sort_by(|a, b| b.p_best.total_cmp(&a.p_best));
        for row in rows {
            ui.label(format!(
                "“{}” wins {} of samples",
                title(&row.option),
                crate::analysis::number::percent(row.p_best)
            ));
        }
    }

    ui.separator();
    if let Some(t) = &report.topsis {
        if t.agrees {
            ui.label(format!(
                "TOPSIS agrees: “{}” wins both ways",
                title(&t.winner)
            ));
        } else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "TOPSIS disagrees: it prefers “{}” to “{}”",
                    title(&t.winner),
                    title(&t.weighted_sum_winner)
                ),
            );
        }
    }
    if report.dominated.is_empty() {
        ui.label("No option is dominated");
    }
    for d in &report.dominated {
        let by: Vec<String> = d.by.iter().map(|id| format!("“{}”", title(id))).collect();
        ui.label(format!(
            "“{}” is dominated by {}",
            title(&d.option),
            by.join(", ")
        ));
    }
    if let Some(raters) = &report.raters {
        ui.separator();
        ui.strong("Discuss these first");
        if raters.discuss_first.is_empty() {
            ui.label("Raters broadly agree on every score");
        }
        for cell in &raters.discuss_first {
            ui.label(format!(
                "“{}” on {}: from {} to {}",
                title(&cell.option),
                name(&cell.criterion),
                cell.min,
                cell.max
            ));
        }
    }
    cx.push(Intent::Analyse(settings.config()));
}

fn verdict_ui(ui: &mut egui::Ui, report: &RobustnessReport) {
    let visuals = ui.visuals();
    let colour = match report.verdict.kind {
        VerdictKind::ClearWinner => visuals.strong_text_color(),
        VerdictKind::FragileWinner | VerdictKind::NoClearWinner => visuals.warn_fg_color,
        VerdictKind::Kill => visuals.error_fg_color,
    };
    ui.label(
        RichText::new(&report.verdict.line)
            .size(theme::VERDICT_SIZE)
            .strong()
            .color(colour),
    );
    for reason in report.verdict.reasons.iter().skip(1) {
        ui.label(format!("Also: {reason}"));
    }
}

/// Horizontal bars per criterion, most sensitive on top: left is lowering the weight,
/// right raising it, in percentage points of its share.
fn tornado_ui(ui: &mut egui::Ui, report: &RobustnessReport, name: &dyn Fn(&CriterionId) -> String) {
    let distance = |p: &Option<FlipPoint>| p.as_ref().map(|p| p.share_change.abs());
    let mut flips: Vec<_> = report.weight_flips.iter().collect();
    flips.sort_by(|a, b| {
        let key = |f: &&crate::analysis::flip_points::WeightFlip| {
            distance(&f.up)
                .into_iter()
                .chain(distance(&f.down))
                .fold(f64::INFINITY, f64::min)
        };
        key(b).total_cmp(&key(a))
    });
    let names: Vec<String> = flips.iter().map(|f| name(&f.criterion)).collect();
    let mut flip_bars = Vec::new();
    let mut never_bars = Vec::new();
    for (y, f) in flips.iter().enumerate() {
        let y = y as f64;
        match &f.up {
            Some(p) => flip_bars.push(Bar::new(y, p.share_change * 100.0).name(&names[y as usize])),
            None => never_bars.push(Bar::new(y, (1.0 - f.share) * 100.0)),
        }
        match &f.down {
            Some(p) => flip_bars.push(Bar::new(y, p.share_change * 100.0).name(&names[y as usize])),
            None if f.share > 0.0 => never_bars.push(Bar::new(y, -f.share * 100.0)),
            None => {}
        }
    }
    let height = 40.0 + 28.0 * flips.len() as f32;
    let palette = theme::palette(ui);
    Plot::new("robustness-tornado")
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .legend(Legend::default())
        .x_axis_label("change of share, percentage points")
        .y_axis_formatter(move |mark, _| label_at(&names, mark.value))
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("flips the leader", flip_bars)
                    .horizontal()
                    .color(palette.flip)
                    .width(0.6),
            );
            plot.bar_chart(
                BarChart::new("never flips", never_bars)
                    .horizontal()
                    .color(palette.never_flips)
                    .width(0.3),
            );
        });
}

/// One stacked bar per option: its chance of rank 1, 2, 3, 4 and 5 or worse.
fn acceptability_ui(
    ui: &mut egui::Ui,
    report: &RobustnessReport,
    title: &dyn Fn(&OptionId) -> String,
) {
    let Some(mc) = &report.monte_carlo else {
        return;
    };
    let mut rows: Vec<_> = mc.options.iter().collect();
    rows.sort_by(|a, b| a.p_best.total_cmp(&b.p_best));
    let names: Vec<String> = rows.iter().map(|r| title(&r.option)).collect();
    let mut charts: Vec<BarChart> = Vec::new();
    let ramp = &theme::palette(ui).rank_ramp;
    for (k, fill) in ramp.iter().enumerate() {
        let bars = rows
            .iter()
            .enumerate()
            .map(|(y, r)| {
                let p: f64 = if k + 1 < ramp.len() {
                    r.rank_acceptability.get(k).copied().unwrap_or(0.0)
                } else {
                    r.rank_acceptability.iter().skip(k).sum()
                };
                Bar::new(y as f64, p * 100.0)
            })
            .collect();
        let label = if k + 1 < ramp.len() {
            format!("rank {}", k + 1)
        } else {
            format!("rank {} or worse", k + 1)
        };
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(label, bars)
            .horizontal()
            .color(*fill)
            .width(0.6)
            .stack_on(&refs);
        charts.push(chart);
    }
    let height = 40.0 + 28.0 * rows.len() as f32;
    Plot::new("robustness-acceptability")
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_x(0.0)
        .include_x(100.0)
        .legend(Legend::default())
        .x_axis_label("% of samples")
        .y_axis_formatter(move |mark, _| label_at(&names, mark.value))
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

/// The name at an integer axis position, empty between rows.
fn label_at(names: &[String], value: f64) -> String {
    let idx = value.round();
    if (value - idx).abs() > 1e-6 || idx < 0.0 {
        return String::new();
    }
    names.get(idx as usize).cloned().unwrap_or_default()
}
