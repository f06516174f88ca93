//! Rank acceptability as the room reads it: one bar per option, most often best on top,
//! each bar split into how often the option takes each place, in shades from
//! [`super::palette::rank_fill`]. Shares are printed inside every segment wide enough to
//! hold them, the names sit left of the bars at the body size, and the legend sits below
//! the bars instead of on top of them.

use super::palette::{rank_fill, rank_shade, rank_shade_label, rank_shades};
use crate::analysis::number::percent;
use crate::analysis::uncertainty::Acceptability;
use egui::{Align2, Rect, Sense, TextStyle, Ui, pos2, vec2};

/// Where each option's share of one shade lies: shade `k` holds ranks `k + 1` (and every
/// rank below for the last shade).
pub fn shade_shares(row: &Acceptability, n_ranks: usize) -> Vec<f64> {
    let mut shares = vec![0.0; rank_shades(n_ranks)];
    for (k, p) in row.rank_acceptability.iter().enumerate() {
        if let Some(slot) = shares.get_mut(rank_shade(k + 1)) {
            *slot += p;
        }
    }
    shares
}

/// The rows in the order drawn: most often best first; ties keep the given order.
pub fn sorted_rows(rows: &[Acceptability]) -> Vec<&Acceptability> {
    let mut sorted: Vec<&Acceptability> = rows.iter().collect();
    sorted.sort_by(|a, b| b.p_best.total_cmp(&a.p_best));
    sorted
}

/// Draws the chart; `title` names an option.
pub fn acceptability_chart_ui(
    ui: &mut Ui,
    rows: &[Acceptability],
    title: &dyn Fn(&crate::model::OptionId) -> String,
) {
    let n_ranks = rows.len();
    let body = ui.text_style_height(&TextStyle::Body);
    let row_height = (body * 1.7).round();
    let name_width = (ui.available_width() * 0.32).clamp(120.0, 420.0);
    for row in sorted_rows(rows) {
        let name = title(&row.option);
        let shares = shade_shares(row, n_ranks);
        ui.horizontal(|ui| {
            ui.add_sized(
                vec2(name_width, row_height),
                egui::Label::new(&name).truncate(),
            )
            .on_hover_text(&name);
            let width = ui.available_width().max(80.0);
            let (rect, response) = ui.allocate_exact_size(vec2(width, row_height), Sense::hover());
            let spoken: Vec<String> = shares
                .iter()
                .enumerate()
                .filter(|(_, p)| **p > 0.0)
                .map(|(k, p)| format!("{} {}", rank_shade_label(k, n_ranks), percent(*p)))
                .collect();
            let spoken = format!("{name}: {}", spoken.join(", "));
            ui.ctx()
                .accesskit_node_builder(response.id, |node| node.set_label(spoken));
            paint_bar(ui, rect, &shares, n_ranks);
        });
    }
    legend_ui(ui, n_ranks);
}

fn paint_bar(ui: &Ui, rect: Rect, shares: &[f64], n_ranks: usize) {
    let painter = ui.painter_at(rect);
    let font = TextStyle::Small.resolve(ui.style());
    let mut x = rect.min.x;
    for (k, share) in shares.iter().enumerate() {
        let w = (*share as f32).clamp(0.0, 1.0) * rect.width();
        if w <= 0.0 {
            continue;
        }
        let segment = Rect::from_min_max(pos2(x, rect.min.y + 2.0), pos2(x + w, rect.max.y - 2.0));
        let fill = rank_fill(k + 1, n_ranks);
        painter.rect_filled(segment, 0.0, fill.color32());
        let text = percent(*share);
        let galley = painter.layout_no_wrap(text, font.clone(), fill.text_on().color32());
        if galley.size().x + 6.0 <= w {
            painter.galley(
                Align2::CENTER_CENTER
                    .anchor_size(segment.center(), galley.size())
                    .min,
                galley,
                fill.text_on().color32(),
            );
        }
        x += w;
    }
}

fn legend_ui(ui: &mut Ui, n_ranks: usize) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Place:");
        let swatch = ui.text_style_height(&TextStyle::Body) * 0.8;
        for shade in 0..rank_shades(n_ranks) {
            let (rect, _) = ui.allocate_exact_size(vec2(swatch, swatch), Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, rank_fill(shade + 1, n_ranks).color32());
            ui.label(rank_shade_label(shade, n_ranks));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OptionId;

    fn row(id: &str, p: &[f64]) -> Acceptability {
        Acceptability {
            option: OptionId::new(id),
            p_best: p[0],
            rank_acceptability: p.to_vec(),
            central_weights: None,
        }
    }

    #[test]
    fn rows_are_drawn_most_often_best_first() {
        let rows = [row("a", &[0.2, 0.8]), row("b", &[0.8, 0.2])];
        let ids: Vec<&str> = sorted_rows(&rows)
            .iter()
            .map(|r| r.option.as_str())
            .collect();
        assert_eq!(ids, ["b", "a"]);
    }

    #[test]
    fn ranks_past_the_distinct_shades_are_summed_into_the_last() {
        let p = [0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05];
        let shares = shade_shares(&row("a", &p), p.len());
        assert_eq!(shares.len(), 6);
        assert!((shares[5] - 0.2).abs() < 1e-12);
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}
