//! The classic value/effort 2×2: impact against cost for every option, trust risk as the
//! marker size, quadrants split at the scale midpoints and named.

use crate::analysis::number::short;
use crate::model::{Criterion, Direction, Session, SolutionOption};
use crate::ui::label_layout::{Marker, PlacedLabel, leader_end, place_labels};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{Align2, RichText, Ui};
use egui_plot::{HLine, HoverPosition, Plot, PlotPoint, PlotTransform, Points, Text, VLine};
use std::sync::Arc;

/// Marker sizes come in this many steps, one plot series each.
const SIZE_STEPS: usize = 5;
/// Radius of the smallest marker, points.
const MIN_RADIUS: f32 = 4.0;
/// Radius added per size step, points.
const RADIUS_STEP: f32 = 2.5;
/// The widest a marker's name may be, as a share of the chart's width, before it wraps: a
/// wider label could not sit beside a marker in the middle of the chart.
const LABEL_WIDTH_SHARE: f32 = 0.5;

/// Which criteria the chart plots, by position in `session.criteria`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartAxes {
    /// Vertical axis: `impact`, else the first benefit criterion.
    pub impact: usize,
    /// Horizontal axis: `cost`, else the first cost criterion.
    pub cost: usize,
    /// Marker size: `trust-risk`, else the next cost criterion; `None` when there is none.
    pub risk: Option<usize>,
}

impl ChartAxes {
    /// The axes for `session`, or `None` when it lacks a benefit or a cost criterion.
    pub fn of(session: &Session) -> Option<Self> {
        let criteria = &session.criteria;
        let by_id = |id: &str| criteria.iter().position(|c| c.id.as_str() == id);
        let first = |direction: Direction, skip: Option<usize>| {
            criteria
                .iter()
                .enumerate()
                .position(|(i, c)| c.direction == direction && Some(i) != skip)
        };
        let impact = by_id("impact").or_else(|| first(Direction::Benefit, None))?;
        let cost = by_id("cost")
            .filter(|&i| i != impact)
            .or_else(|| first(Direction::Cost, Some(impact)))?;
        let risk = by_id("trust-risk")
            .filter(|&i| i != impact && i != cost)
            .or_else(|| {
                criteria
                    .iter()
                    .enumerate()
                    .skip(cost + 1)
                    .chain(criteria.iter().enumerate().take(cost))
                    .find(|(i, c)| c.direction == Direction::Cost && *i != impact)
                    .map(|(i, _)| i)
            });
        Some(Self { impact, cost, risk })
    }
}

/// The size step of a risk score: 0 for the scale's low end up to `SIZE_STEPS - 1`.
fn size_step(criterion: &Criterion, score: f64) -> usize {
    let span = criterion.scale.hi - criterion.scale.lo;
    if span.is_nan() || span <= 0.0 {
        return 0;
    }
    let t = ((score - criterion.scale.lo) / span).clamp(0.0, 1.0);
    (t * (SIZE_STEPS - 1) as f64).round() as usize
}

/// Which colour group an option's marker falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Recommended,
    Vetoed,
    Other,
}

/// Draws the chart, or says why it cannot.
pub fn impact_cost_chart_ui(ui: &mut Ui, cx: &ViewCtx<'_>, height: f32) {
    // The scores the ranking uses: the raters' aggregate wherever raters scored.
    let session = cx.scored;
    let Some(axes) = ChartAxes::of(session) else {
        ui.label("The impact-versus-cost chart needs one benefit and one cost criterion.");
        return;
    };
    let impact = &session.criteria[axes.impact];
    let cost = &session.criteria[axes.cost];
    let risk = axes.risk.map(|i| &session.criteria[i]);
    let recommended = cx.recommendation.chosen();
    // One series per (colour group, size step): a handful of plot items for any number
    // of options.
    let mut series: Vec<Vec<[f64; 2]>> = vec![Vec::new(); 3 * SIZE_STEPS];
    // Every plotted option, to be named beside its marker once the plot is laid out.
    let mut named: Vec<([f64; 2], f32, &str)> = Vec::new();
    let groups = [Group::Recommended, Group::Vetoed, Group::Other];
    // The ranking lists every option once, with its veto status.
    for row in &cx.ranking.rows {
        let Some(option) = session.options.get(row.option_idx) else {
            continue;
        };
        let Some(point) = point_of(option, impact, cost) else {
            continue;
        };
        let group = if row.is_vetoed() {
            Group::Vetoed
        } else if recommended == Some(&option.id) {
            Group::Recommended
        } else {
            Group::Other
        };
        let step = risk
            .and_then(|r| option.score(&r.id).map(|s| size_step(r, s.likely)))
            .unwrap_or(0);
        let g = groups.iter().position(|x| *x == group).unwrap_or(2);
        series[g * SIZE_STEPS + step].push(point);
        named.push((point, MIN_RADIUS + RADIUS_STEP * step as f32, &option.title));
    }
    let (x_mid, y_mid) = (mid(cost), mid(impact));
    // Quadrant names sit in bands above and below the scale, clear of every marker.
    let label_band = (impact.scale.hi - impact.scale.lo) * 0.12;
    let label = |pos: &HoverPosition<'_>| match pos {
        HoverPosition::NearDataPoint { position, .. } => {
            hover_text(session, impact, cost, risk, *position)
        }
        HoverPosition::Elsewhere { .. } => None,
    };
    let palette = theme::palette(ui);
    let plotted = Plot::new("decide-impact-cost-chart")
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(cost.scale.lo)
        .include_x(cost.scale.hi)
        .include_y(impact.scale.lo - label_band)
        .include_y(impact.scale.hi + label_band)
        .x_axis_label(format!("{} (lower is cheaper)", cost.name))
        .y_axis_label(impact.name.clone())
        .label_formatter(label)
        .show(ui, |plot| {
            let guide = palette.muted;
            plot.hline(HLine::new("impact midpoint", y_mid).color(guide));
            plot.vline(VLine::new("cost midpoint", x_mid).color(guide));
            let quadrant = |name: &str, x: f64, y: f64, anchor: Align2| {
                Text::new(name, PlotPoint::new(x, y), RichText::new(name).strong())
                    .color(guide)
                    .anchor(anchor)
            };
            let (lo_x, hi_x) = (cost.scale.lo, cost.scale.hi);
            let (lo_y, hi_y) = (impact.scale.lo, impact.scale.hi);
            let (top, bottom) = (hi_y + label_band, lo_y - label_band);
            plot.text(quadrant("Quick wins", lo_x, top, Align2::LEFT_TOP));
            plot.text(quadrant("Big bets", hi_x, top, Align2::RIGHT_TOP));
            plot.text(quadrant("Fill-ins", lo_x, bottom, Align2::LEFT_BOTTOM));
            plot.text(quadrant("Money pits", hi_x, bottom, Align2::RIGHT_BOTTOM));
            for (i, points) in series.into_iter().enumerate() {
                if points.is_empty() {
                    continue;
                }
                let (group, step) = (groups[i / SIZE_STEPS], i % SIZE_STEPS);
                let color = match group {
                    Group::Recommended => palette.accent,
                    Group::Vetoed => palette.muted,
                    Group::Other => theme::series_color(9),
                };
                let radius = MIN_RADIUS + RADIUS_STEP * step as f32;
                plot.points(
                    Points::new(format!("{group:?} {step}"), points)
                        .radius(radius)
                        .color(color)
                        .filled(group != Group::Vetoed),
                );
            }
        });
    name_markers_ui(ui, &plotted.transform, &named, (&impact.name, &cost.name));
    let size_note = risk.map_or_else(
        || "All markers the same size: no risk criterion.".to_owned(),
        |r| format!("Marker size: {} (bigger is riskier).", r.name),
    );
    ui.label(
        RichText::new(format!(
            "{size_note} Blue: recommended; hollow grey: vetoed. Options on the same spot \
             are listed together."
        ))
        .small()
        .weak(),
    );
}

/// Writes every option's name beside its marker (options on one spot share a label;
/// labels pushed away from a crowd get a leader line). Labels are real widgets, so the
/// names are in the accessibility tree without hovering.
fn name_markers_ui(
    ui: &mut Ui,
    transform: &PlotTransform,
    named: &[([f64; 2], f32, &str)],
    axes: (&str, &str),
) {
    let markers: Vec<Marker> = named
        .iter()
        .map(|&([x, y], radius, title)| Marker {
            pos: transform.position_from_point(&PlotPoint::new(x, y)),
            radius,
            name: title.to_owned(),
        })
        .collect();
    let frame = *transform.frame();
    // A long name wraps rather than running past the chart's edge (large type on a narrow
    // screen): a label may take this share of the chart's width beside its marker.
    let wrap_width = frame.width() * LABEL_WIDTH_SHARE;
    let measure = |text: &str| {
        egui::WidgetText::from(text)
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Wrap),
                wrap_width,
                egui::TextStyle::Small,
            )
            .size()
    };
    // Placing hundreds of labels is the chart's dearest step: it is done again only when a
    // marker, a name, the chart's frame or the text size changed.
    let key = placement_key(&markers, frame, wrap_width, ui);
    let cache = ui.scope_id().with("label-placement");
    let cached = ui
        .data(|d| d.get_temp::<(u64, Arc<Vec<PlacedLabel>>)>(cache))
        .filter(|(k, _)| *k == key);
    let labels = match cached {
        Some((_, labels)) => labels,
        None => {
            let labels = Arc::new(place_labels(&markers, frame, 1.0, measure));
            ui.data_mut(|d| d.insert_temp(cache, (key, Arc::clone(&labels))));
            labels
        }
    };
    let labels = labels.iter().cloned();
    let painter = ui.painter_at(frame);
    let stroke = egui::Stroke::new(1.0, ui.visuals().weak_text_color());
    for label in labels {
        if label.leader {
            painter.line_segment([label.anchor, leader_end(label.rect, label.anchor)], stroke);
        }
        let [x, y] = named[label.members[0]].0;
        let spoken = format!(
            "{}: {} {}, {} {}",
            label.text.replace('\n', ", "),
            axes.0,
            short(y),
            axes.1,
            short(x)
        );
        // A child that takes no room in the layout: the chart's own space already holds it.
        // It wraps at the width it was measured at, so its lines break where they did then.
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(label.rect.with_max_x(label.rect.left() + wrap_width))
                .layout(egui::Layout::top_down(egui::Align::LEFT)),
        );
        let response = child.add(
            egui::Label::new(RichText::new(label.text).small())
                .wrap_mode(egui::TextWrapMode::Wrap)
                .selectable(false),
        );
        // Screen readers (and tests) hear where the marker is, not just its name.
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_value(spoken));
    }
}

/// A digest of everything label placement reads.
fn placement_key(markers: &[Marker], frame: egui::Rect, wrap_width: f32, ui: &Ui) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    for m in markers {
        [m.pos.x, m.pos.y, m.radius].map(f32::to_bits).hash(&mut h);
        m.name.hash(&mut h);
    }
    let small = ui.text_style_height(&egui::TextStyle::Small);
    [
        frame.min.x,
        frame.min.y,
        frame.max.x,
        frame.max.y,
        wrap_width,
        small,
    ]
    .map(f32::to_bits)
    .hash(&mut h);
    h.finish()
}

/// The plotted position of an option: (cost, impact), when it has both scores.
fn point_of(option: &SolutionOption, impact: &Criterion, cost: &Criterion) -> Option<[f64; 2]> {
    let y = option.score(&impact.id)?.likely;
    let x = option.score(&cost.id)?.likely;
    Some([x, y])
}

/// The midpoint of a criterion's scale.
fn mid(criterion: &Criterion) -> f64 {
    (criterion.scale.lo + criterion.scale.hi) / 2.0
}

/// Names every option at `position`, with the three values.
fn hover_text(
    session: &Session,
    impact: &Criterion,
    cost: &Criterion,
    risk: Option<&Criterion>,
    position: PlotPoint,
) -> Option<String> {
    let mut lines: Vec<String> = session
        .options
        .iter()
        .filter(|o| point_of(o, impact, cost) == Some([position.x, position.y]))
        .map(|o| {
            let risk = risk
                .and_then(|r| o.score(&r.id).map(|s| format!(", {} {}", r.name, s.likely)))
                .unwrap_or_default();
            format!("{}{risk}", o.title)
        })
        .collect();
    if lines.is_empty() {
        // Near a quadrant line rather than a marker.
        return None;
    }
    lines.push(format!(
        "{} {} · {} {}",
        impact.name, position.y, cost.name, position.x
    ));
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_criteria_give_impact_cost_and_trust_risk() {
        let s = Session::new("x");
        let axes = ChartAxes::of(&s).expect("defaults have both directions");
        assert_eq!(
            axes,
            ChartAxes {
                impact: 0,
                cost: 1,
                risk: Some(2)
            }
        );
    }

    #[test]
    fn without_the_usual_ids_the_first_benefit_and_cost_criteria_are_used() {
        let mut s = Session::new("x");
        s.criteria = vec![
            Criterion::new("effort", "Effort", 1.0, Direction::Cost),
            Criterion::new("reach", "Reach", 1.0, Direction::Benefit),
            Criterion::new("risk", "Risk", 1.0, Direction::Cost),
        ];
        assert_eq!(
            ChartAxes::of(&s),
            Some(ChartAxes {
                impact: 1,
                cost: 0,
                risk: Some(2)
            })
        );
        s.criteria.pop();
        assert_eq!(ChartAxes::of(&s).and_then(|a| a.risk), None);
        s.criteria.remove(0);
        assert_eq!(ChartAxes::of(&s), None);
    }

    #[test]
    fn riskier_scores_get_bigger_markers() {
        let s = Session::new("x");
        let risk = &s.criteria[2];
        assert_eq!(size_step(risk, 1.0), 0);
        assert_eq!(size_step(risk, 3.0), 2);
        assert_eq!(size_step(risk, 5.0), SIZE_STEPS - 1);
    }

    #[test]
    fn hovering_a_marker_names_every_option_on_it() {
        let mut s = Session::new("x");
        for (id, title) in [("a", "Buy a CDN"), ("b", "Tune caches"), ("c", "Rewrite")] {
            let impact = if id == "c" { 5.0 } else { 4.0 };
            s.options.push(
                SolutionOption::new(id, title, crate::model::Lens::Buy)
                    .with_score("impact", impact)
                    .with_score("cost", 2.0),
            );
        }
        let text = hover_text(
            &s,
            &s.criteria[0],
            &s.criteria[1],
            None,
            PlotPoint::new(2.0, 4.0),
        );
        let text = text.expect("two options sit at (2, 4)");
        assert!(text.contains("Buy a CDN") && text.contains("Tune caches"));
        assert!(!text.contains("Rewrite"));
        let nothing = hover_text(
            &s,
            &s.criteria[0],
            &s.criteria[1],
            None,
            PlotPoint::new(3.0, 3.0),
        );
        assert_eq!(nothing, None);
    }
}
