//! Inline SVG charts for the HTML one-pager: the ranking as bars, and impact against cost
//! with trust risk as marker size. Every label goes through [`escape::html`].

use super::escape::html;
use super::summary::{Summary, number};
use crate::model::{Criterion, Direction};
use std::fmt::Write;

/// Width of both charts in SVG user units.
const WIDTH: f64 = 520.0;
/// Width of the label column of the ranking chart.
const LABEL_W: f64 = 200.0;
/// Height of one bar row.
const ROW_H: f64 = 30.0;
/// Space between the frame of the impact-vs-cost plot and the ends of its scales.
const PAD: f64 = 26.0;
/// Longest label drawn in a chart, in characters; the full text is in the table.
const MAX_LABEL: usize = 20;

/// The option key shown in charts and tables: A, B, …, Z, AA, AB, …
pub(super) fn key(option_idx: usize) -> String {
    let mut n = option_idx + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        // `rem` is below 26, so this is an ASCII capital letter.
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// `text` on one line and cut to [`MAX_LABEL`] characters with an ellipsis.
fn short(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_LABEL {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX_LABEL - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The ranking as horizontal bars, best first; vetoed options are hatched, unscored ones
/// are listed without a bar.
pub(super) fn ranking_chart(s: &Summary) -> String {
    let rows = &s.ranking.rows;
    let decimals = super::precision::total_decimals(&s.ranking);
    let height = ROW_H * rows.len().max(1) as f64 + 34.0;
    let bar_max = WIDTH - LABEL_W - 70.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-labelledby=\"ranking-title\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"ranking-title\">Ranking by weighted total, out of 100</title>\
         <defs><pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" class=\"hatch-bg\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" class=\"hatch-line\"/></pattern></defs>"
    );
    if rows.is_empty() {
        let _ = write!(
            out,
            "<text x=\"0\" y=\"20\" class=\"label\">No options to rank</text>"
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let o = &s.session.options[row.option_idx];
        let y = i as f64 * ROW_H;
        let label = format!("{} · {}", key(row.option_idx), short(&o.title));
        let _ = write!(
            out,
            "<g><title>{}</title><text x=\"0\" y=\"{}\" class=\"label\">{}</text>",
            html(&o.title),
            y + 20.0,
            html(&label)
        );
        match row.total {
            Some(total) => {
                let w = (bar_max * total / 100.0).max(2.0);
                let class = if row.is_vetoed() { "bar vetoed" } else { "bar" };
                let note = if row.is_vetoed() { " vetoed" } else { "" };
                let shown = super::precision::total(total, decimals);
                let _ = write!(
                    out,
                    "<rect x=\"{LABEL_W}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" \
                     class=\"{class}\"/><text x=\"{:.1}\" y=\"{}\" class=\"value\">{shown}{note}</text>",
                    y + 5.0,
                    ROW_H - 10.0,
                    LABEL_W + w + 6.0,
                    y + 20.0
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<text x=\"{LABEL_W}\" y=\"{}\" class=\"value muted\">unscored</text>",
                    y + 20.0
                );
            }
        }
        out.push_str("</g>");
    }
    let axis_y = ROW_H * rows.len().max(1) as f64 + 4.0;
    let _ = write!(
        out,
        "<line x1=\"{LABEL_W}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" class=\"axis\"/>\
         <text x=\"{LABEL_W}\" y=\"{}\" class=\"tick\">0</text>\
         <text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">100</text></svg>",
        LABEL_W + bar_max,
        axis_y + 22.0,
        LABEL_W + bar_max,
        axis_y + 22.0
    );
    out
}

/// The criteria the impact-vs-cost chart plots: impact (benefit), cost, and trust risk.
/// Prefers the default ids and falls back to the first benefit and cost criteria.
fn chart_axes(criteria: &[Criterion]) -> Option<(&Criterion, &Criterion, Option<&Criterion>)> {
    let by_id = |id: &str| criteria.iter().find(|c| c.id.as_str() == id);
    let impact =
        by_id("impact").or_else(|| criteria.iter().find(|c| c.direction == Direction::Benefit))?;
    let cost = by_id("cost").or_else(|| {
        criteria
            .iter()
            .find(|c| c.direction == Direction::Cost && c.id != impact.id)
    })?;
    let risk = by_id("trust-risk").or_else(|| {
        criteria
            .iter()
            .find(|c| c.direction == Direction::Cost && c.id != cost.id && c.id != impact.id)
    });
    Some((impact, cost, risk))
}

/// Where `value` sits on `criterion`'s scale, 0..1 from `lo` to `hi`.
fn position(criterion: &Criterion, value: f64) -> f64 {
    let span = criterion.scale.hi - criterion.scale.lo;
    if span > 0.0 && span.is_finite() {
        ((value - criterion.scale.lo) / span).clamp(0.0, 1.0)
    } else {
        0.5
    }
}

/// One option's marker in the impact-vs-cost chart.
#[derive(Clone, Copy, Debug)]
struct Point {
    option_idx: usize,
    x: f64,
    y: f64,
    radius: f64,
}

/// The axis words of `criterion`: its name, then its scale in its unit, e.g.
/// "Cost → (1–5)" or "Yearly run cost → (0–500 k$ / year)".
fn axis_words(criterion: &Criterion) -> String {
    let unit = match criterion.unit.trim() {
        "" => String::new(),
        unit => format!(" {unit}"),
    };
    format!(
        "{} → ({}–{}{unit})",
        criterion.name,
        number(criterion.scale.lo),
        number(criterion.scale.hi)
    )
}

/// The markers of the impact-vs-cost chart, in option order.
fn points(
    s: &Summary,
    (impact, cost, risk): (&Criterion, &Criterion, Option<&Criterion>),
    (left, top, plot_w, plot_h): (f64, f64, f64, f64),
) -> Vec<Point> {
    let mut points = Vec::new();
    for (option_idx, o) in s.session.options.iter().enumerate() {
        let (Some(i), Some(c)) = (o.score(&impact.id), o.score(&cost.id)) else {
            continue;
        };
        let r = risk
            .and_then(|r| o.score(&r.id).map(|sc| position(r, sc.likely)))
            .unwrap_or(0.5);
        // Inset by `PAD` so markers at the ends of a scale stay inside the frame.
        points.push(Point {
            option_idx,
            x: left + PAD + (plot_w - 2.0 * PAD) * position(cost, c.likely),
            y: top + PAD + (plot_h - 2.0 * PAD) * (1.0 - position(impact, i.likely)),
            radius: 10.0 + 14.0 * r,
        });
    }
    points
}

/// The markers that overlap, gathered into groups (each in option order, groups in the order
/// of their first option): a marker drawn over another would hide its letter, so a group's
/// letters are written together beside it.
fn overlapping(points: &[Point]) -> Vec<Vec<Point>> {
    let mut groups: Vec<Vec<Point>> = Vec::new();
    for &point in points {
        let touching: Vec<usize> = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                g.iter().any(|q| {
                    (q.x - point.x).hypot(q.y - point.y) < q.radius.max(point.radius) + 8.0
                })
            })
            .map(|(idx, _)| idx)
            .collect();
        let mut merged = vec![point];
        for idx in touching.iter().rev() {
            merged.extend(groups.remove(*idx));
        }
        merged.sort_by_key(|p| p.option_idx);
        groups.push(merged);
    }
    groups.sort_by_key(|g| g[0].option_idx);
    groups
}

/// The keys of options whose markers would sit on top of each other in the impact-vs-cost
/// chart, one list per spot, e.g. `[["F", "G"]]`; the legend names them.
pub(super) fn shared_spots(s: &Summary) -> Vec<Vec<String>> {
    let Some(axes) = chart_axes(&s.session.criteria) else {
        return Vec::new();
    };
    overlapping(&points(s, axes, PLOT))
        .into_iter()
        .filter(|g| g.len() > 1)
        .map(|g| g.iter().map(|p| key(p.option_idx)).collect())
        .collect()
}

/// Where the impact-vs-cost plot sits: left, top, width, height.
const PLOT: (f64, f64, f64, f64) = (40.0, 10.0, WIDTH - 50.0, 300.0);

/// Impact (up) against cost (right), one circle per option scored on both, its size growing
/// with trust risk. Markers that overlap keep their places and their letters are written
/// together beside them. `None` when the criteria have no benefit and cost pair to plot.
pub(super) fn impact_cost_chart(s: &Summary) -> Option<String> {
    let axes = chart_axes(&s.session.criteria)?;
    let (impact, cost, risk) = axes;
    let (left, top, plot_w, plot_h) = PLOT;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {}\" role=\"img\" \
         aria-labelledby=\"scatter-title\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"scatter-title\">{} against {}{}</title>\
         <rect x=\"{left}\" y=\"{top}\" width=\"{}\" height=\"{}\" class=\"sweet\"/>\
         <rect x=\"{left}\" y=\"{top}\" width=\"{plot_w}\" height=\"{plot_h}\" class=\"frame\"/>\
",
        top + plot_h + 60.0,
        html(&impact.name),
        html(&cost.name),
        risk.map_or_else(String::new, |r| format!(
            "; marker size is {}",
            html(&r.name)
        )),
        plot_w / 2.0,
        plot_h / 2.0
    );
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" class=\"axis-label\" text-anchor=\"middle\">{}</text>\
         <text transform=\"translate(22 {}) rotate(-90)\" class=\"axis-label\" \
         text-anchor=\"middle\">{}</text>",
        left + plot_w / 2.0,
        top + plot_h + 36.0,
        html(&axis_words(cost)),
        top + plot_h / 2.0,
        html(&axis_words(impact)),
    );
    let points = points(s, axes, PLOT);
    let groups = overlapping(&points);
    let mut drawn = points.clone();
    // Biggest markers first so small ones stay visible on top.
    drawn.sort_by(|a, b| {
        b.radius
            .total_cmp(&a.radius)
            .then(a.option_idx.cmp(&b.option_idx))
    });
    for p in drawn {
        let o = &s.session.options[p.option_idx];
        let vetoed = s.flags(p.option_idx).contains(&"vetoed");
        let class = if vetoed { "dot vetoed" } else { "dot" };
        let alone = groups
            .iter()
            .any(|g| g.len() == 1 && g[0].option_idx == p.option_idx);
        let label = if alone {
            format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"dot-label\" text-anchor=\"middle\">{}</text>",
                p.x,
                p.y + 5.0,
                key(p.option_idx)
            )
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<g><title>{}</title><circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" \
             class=\"{class}\"/>{label}</g>",
            html(&o.title),
            p.x,
            p.y,
            p.radius,
        );
    }
    // Each group of overlapping markers gets one label beside it naming every option in it,
    // on the side with room, joined to the group by a short leader line.
    for group in groups.iter().filter(|g| g.len() > 1) {
        let keys: Vec<String> = group.iter().map(|p| key(p.option_idx)).collect();
        let titles: Vec<String> = group
            .iter()
            .map(|p| html(&s.session.options[p.option_idx].title))
            .collect();
        let right = group
            .iter()
            .map(|p| p.x + p.radius)
            .fold(f64::NEG_INFINITY, f64::max);
        let leftmost = group
            .iter()
            .map(|p| p.x - p.radius)
            .fold(f64::INFINITY, f64::min);
        let y = group.iter().map(|p| p.y).sum::<f64>() / group.len() as f64;
        let text = keys.join(", ");
        // About 10 units a character at the label's size.
        let width = 10.0 * text.chars().count() as f64;
        let (line_from, line_to, anchor) = if right + 12.0 + width < left + plot_w {
            (right, right + 8.0, "start")
        } else {
            (leftmost, leftmost - 8.0, "end")
        };
        let text_x = if anchor == "start" {
            line_to + 3.0
        } else {
            line_to - 3.0
        };
        let _ = write!(
            out,
            "<g><title>{}</title><line x1=\"{line_from:.1}\" y1=\"{y:.1}\" x2=\"{line_to:.1}\" \
             y2=\"{y:.1}\" class=\"leader\"/><text x=\"{text_x:.1}\" y=\"{:.1}\" \
             class=\"group-label\" text-anchor=\"{anchor}\">{text}</text></g>",
            titles.join("; "),
            y + 5.0
        );
    }
    out.push_str("</svg>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_count_like_spreadsheet_columns() {
        let keys: Vec<String> = [0, 1, 25, 26, 27, 701, 702].into_iter().map(key).collect();
        assert_eq!(keys, ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(short("a\nb"), "a b");
        let cut = short(&"x".repeat(100));
        assert_eq!(cut.chars().count(), MAX_LABEL);
        assert!(cut.ends_with('…'));
    }
}
