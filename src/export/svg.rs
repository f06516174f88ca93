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

/// Impact (up) against cost (right), one circle per option scored on both, its size growing
/// with trust risk. `None` when the criteria have no benefit and cost pair to plot.
pub(super) fn impact_cost_chart(s: &Summary) -> Option<String> {
    let (impact, cost, risk) = chart_axes(&s.session.criteria)?;
    let (left, top, plot_w, plot_h) = (40.0, 10.0, WIDTH - 50.0, 300.0);
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
        "<text x=\"{}\" y=\"{}\" class=\"axis-label\" text-anchor=\"middle\">{} → ({}–{})</text>\
         <text transform=\"translate(22 {}) rotate(-90)\" class=\"axis-label\" \
         text-anchor=\"middle\">{} → ({}–{})</text>",
        left + plot_w / 2.0,
        top + plot_h + 36.0,
        html(&cost.name),
        number(cost.scale.lo),
        number(cost.scale.hi),
        top + plot_h / 2.0,
        html(&impact.name),
        number(impact.scale.lo),
        number(impact.scale.hi)
    );
    let mut points: Vec<(usize, f64, f64, f64)> = Vec::new();
    for (option_idx, o) in s.session.options.iter().enumerate() {
        let (Some(i), Some(c)) = (o.score(&impact.id), o.score(&cost.id)) else {
            continue;
        };
        let r = risk
            .and_then(|r| o.score(&r.id).map(|sc| position(r, sc.likely)))
            .unwrap_or(0.5);
        // Inset by `PAD` so markers at the ends of a scale stay inside the frame.
        let x = left + PAD + (plot_w - 2.0 * PAD) * position(cost, c.likely);
        let y = top + PAD + (plot_h - 2.0 * PAD) * (1.0 - position(impact, i.likely));
        points.push((option_idx, x, y, 10.0 + 14.0 * r));
    }
    // Options with the same two scores would hide each other: fan them out to the right.
    let original: Vec<(f64, f64)> = points.iter().map(|p| (p.1, p.2)).collect();
    for (i, point) in points.iter_mut().enumerate() {
        let same = original[..i]
            .iter()
            .filter(|(x, y)| (x - original[i].0).abs() < 0.5 && (y - original[i].1).abs() < 0.5)
            .count();
        point.1 += 16.0 * same as f64;
    }
    // Biggest markers first so small ones stay visible on top.
    points.sort_by(|a, b| b.3.total_cmp(&a.3).then(a.0.cmp(&b.0)));
    for (option_idx, x, y, radius) in points {
        let o = &s.session.options[option_idx];
        let vetoed = s.flags(option_idx).contains(&"vetoed");
        let class = if vetoed { "dot vetoed" } else { "dot" };
        let _ = write!(
            out,
            "<g><title>{}</title><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{radius:.1}\" \
             class=\"{class}\"/><text x=\"{x:.1}\" y=\"{:.1}\" class=\"dot-label\" \
             text-anchor=\"middle\">{}</text></g>",
            html(&o.title),
            y + 5.0,
            key(option_idx)
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
