//! The two charts of the Portfolio view: the frontier with today's plan and the plan at
//! the slider's capacity, and each funded or fundable session's value against its effort,
//! labelled directly (no legend to decode, readable on a shared screen).

use super::{PortfolioScreen, num};
use crate::ui::theme;
use egui::{Align2, RichText, Ui};
use egui_plot::{Line, Plot, PlotPoint, PlotPoints, Points, Text, VLine};

const HEIGHT: f32 = 260.0;

/// The best value at every capacity, as a staircase, with today's plan and this plan.
pub(super) fn frontier_chart_ui(ui: &mut Ui, screen: &PortfolioScreen<'_>, capacity: f64) {
    let pal = theme::palette(ui);
    ui.label(RichText::new("Frontier: the best value at every capacity").strong());
    let frontier = screen.portfolio.frontier();
    let end = screen.portfolio.range_weeks().max(capacity);
    // The steps themselves as markers, joined by a thin line; past the last step the best
    // value stays flat.
    let mut steps: Vec<[f64; 2]> = frontier.iter().map(|&(e, v)| [e, v]).collect();
    let mut joined = steps.clone();
    if let Some(&[_, last]) = steps.last() {
        joined.push([end, last]);
    }
    let today = screen.portfolio.today();
    let unit = screen.portfolio.settings.value_unit.clone();
    Plot::new("portfolio-frontier")
        .height(HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(0.0)
        .include_y(0.0)
        .x_axis_label("person-weeks")
        .y_axis_label(unit)
        .show(ui, |plot| {
            plot.line(
                Line::new("best value", PlotPoints::from(joined))
                    .color(pal.accent)
                    .width(1.5),
            );
            plot.points(
                Points::new("steps", std::mem::take(&mut steps))
                    .radius(2.5)
                    .color(pal.accent),
            );
            plot.vline(VLine::new("capacity", capacity).color(pal.muted));
            plot.points(
                Points::new("today's plan", vec![[today.effort, today.value]])
                    .radius(6.0)
                    .color(pal.kill),
            );
            plot.text(
                Text::new(
                    "today label",
                    PlotPoint::new(today.effort, today.value),
                    format!("  Today's plan ({} wk)", num(today.effort)),
                )
                .color(pal.kill)
                .anchor(Align2::LEFT_TOP),
            );
            if screen.plan.infeasible.is_none() {
                let (x, y) = (screen.plan.effort, screen.plan.value);
                plot.points(
                    Points::new("this plan", vec![[x, y]])
                        .radius(6.0)
                        .color(pal.good),
                );
                plot.text(
                    Text::new("plan label", PlotPoint::new(x, y), "This plan  ")
                        .color(pal.good)
                        .anchor(Align2::RIGHT_BOTTOM),
                );
            }
        });
}

/// One marker per session: the funded option, or its best option per person-week when
/// unfunded (hollow), at (effort, value), sized by value per person-week.
pub(super) fn bubble_chart_ui(ui: &mut Ui, screen: &PortfolioScreen<'_>) {
    let pal = theme::palette(ui);
    ui.label(RichText::new("Value against effort, per session").strong());
    let portfolio = screen.portfolio;
    let mut marks = Vec::new();
    let funding: Vec<(usize, Option<usize>)> = if screen.plan.infeasible.is_some() {
        portfolio.optimised.iter().map(|&e| (e, None)).collect()
    } else {
        screen
            .plan
            .funding
            .iter()
            .map(|f| (f.entry, f.candidate))
            .collect()
    };
    for (e, funded) in funding {
        let entry = &portfolio.entries[e];
        let pick = funded.or_else(|| {
            (0..entry.candidates.len()).max_by(|&a, &b| {
                let ratio =
                    |c: usize| entry.candidates[c].value / entry.candidates[c].effort.max(0.1);
                ratio(a).total_cmp(&ratio(b))
            })
        });
        if let Some(c) = pick {
            let candidate = &entry.candidates[c];
            marks.push((
                entry.title.clone(),
                candidate.effort,
                candidate.value,
                funded.is_some(),
            ));
        }
    }
    let widest = marks.iter().map(|m| m.1).fold(1.0, f64::max);
    Plot::new("portfolio-bubbles")
        .height(HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(0.0)
        // Room on the right for the labels of the costliest sessions.
        .include_x(widest * 1.45)
        .include_y(0.0)
        .x_axis_label("effort, person-weeks")
        .y_axis_label(portfolio.settings.value_unit.clone())
        .show(ui, |plot| {
            for (i, (title, effort, value, funded)) in marks.iter().enumerate() {
                let per_week = value / effort.max(0.1);
                let radius = (3.0 + per_week.sqrt() as f32).min(14.0);
                let color = if *funded { pal.accent } else { pal.muted };
                plot.points(
                    Points::new(format!("{i} {title}"), vec![[*effort, *value]])
                        .radius(radius)
                        .color(color)
                        .filled(*funded),
                );
                plot.text(
                    Text::new(
                        format!("label {i}"),
                        PlotPoint::new(*effort, *value),
                        format!("  {title}"),
                    )
                    .color(color)
                    .anchor(Align2::LEFT_CENTER),
                );
            }
        });
    ui.label(
        RichText::new(
            "Filled: funded at this capacity; hollow: below the cut line (its best option per \
             person-week). Bigger means more value per person-week.",
        )
        .small()
        .weak(),
    );
}
