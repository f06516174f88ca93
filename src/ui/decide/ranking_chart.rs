//! The ranking as horizontal bars: best on top, the recommended option in the accent
//! colour, vetoed options greyed and marked.

use crate::analysis::{RankedOption, Recommendation};
use crate::model::Session;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Plot, uniform_grid_spacer};

/// At most this many bars are drawn; a longer ranking is summarised below the chart.
pub const MAX_BARS: usize = 15;

/// Titles longer than this are cut on the axis (the tooltip shows them whole).
const AXIS_TITLE_CHARS: usize = 24;

/// How one bar is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    /// The recommended option.
    Recommended,
    /// A Do nothing or Kill option in the best group not vetoed, so the advice is to stop.
    StopAdvised,
    /// Disqualified by a veto.
    Vetoed,
    /// Any other ranked option.
    Plain,
}

impl BarKind {
    /// The kind of `row` given the recommendation.
    pub fn of(row: &RankedOption, recommendation: &Recommendation) -> Self {
        use crate::analysis::KillReason;
        match recommendation {
            _ if row.is_vetoed() => BarKind::Vetoed,
            Recommendation::Choose { option, .. } if *option == row.id => BarKind::Recommended,
            Recommendation::Kill {
                reason: KillReason::StoppingOptionRanksFirst { option, .. },
            } if *option == row.id => BarKind::StopAdvised,
            _ => BarKind::Plain,
        }
    }

    fn fill(self, palette: &theme::Palette) -> Color32 {
        match self {
            BarKind::Recommended => palette.accent,
            BarKind::StopAdvised => palette.kill,
            BarKind::Vetoed => palette.muted,
            BarKind::Plain => theme::series_color(9),
        }
    }

    /// A word added to the option's name, e.g. "(vetoed)".
    pub fn mark(self) -> &'static str {
        match self {
            BarKind::Recommended => " (recommended)",
            BarKind::StopAdvised => " (leads: stop)",
            BarKind::Vetoed => " (vetoed)",
            BarKind::Plain => "",
        }
    }
}

/// The bar label of one option: its title, shortened for the axis.
fn axis_title(session: &Session, row: &RankedOption) -> String {
    let title = &session.options[row.option_idx].title;
    if title.chars().count() > AXIS_TITLE_CHARS {
        let cut: String = title.chars().take(AXIS_TITLE_CHARS - 1).collect();
        format!("{cut}…")
    } else {
        title.clone()
    }
}

/// Draws the chart of the top ranked options.
pub fn ranking_chart_ui(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let session = cx.session;
    let rows: Vec<&RankedOption> = cx.ranking.ranked().take(MAX_BARS).collect();
    if rows.is_empty() {
        ui.label("No option is fully scored yet, so there is no ranking to chart.");
        return;
    }
    if cx.presenting {
        titled_bars_ui(ui, cx, &rows);
        return;
    }
    let n_bars = rows.len();
    let titles: Vec<String> = rows
        .iter()
        .map(|r| {
            let title = axis_title(session, r);
            if r.is_vetoed() {
                format!("{title} (vetoed)")
            } else {
                title
            }
        })
        .collect();
    let palette = theme::palette(ui);
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let kind = BarKind::of(row, cx.recommendation);
            let title = &session.options[row.option_idx].title;
            Bar::new((n_bars - i) as f64, row.total.unwrap_or_default())
                .name(format!("{title}{}", kind.mark()))
                .fill(kind.fill(palette))
                .width(0.7)
        })
        .collect();
    let chart = BarChart::new("Ranking", bars)
        .horizontal()
        .element_formatter(Box::new(|bar, _| {
            format!(
                "{}\n{} of 100",
                bar.name,
                crate::analysis::number::fixed(bar.value, 1)
            )
        }));
    let bar_height = ui.text_style_height(&egui::TextStyle::Body) + 12.0;
    Plot::new("decide-ranking-chart")
        .height(bar_height * n_bars as f32 + 48.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([true, false])
        .include_x(0.0)
        .include_x(100.0)
        .include_y(0.4)
        .include_y(n_bars as f64 + 0.6)
        .x_axis_label("Weighted total (of 100)")
        .y_axis_min_width(120.0)
        .y_grid_spacer(uniform_grid_spacer(|_| [1.0, 5.0, 25.0]))
        .y_axis_formatter(move |mark, _| {
            let y = mark.value;
            if y.fract() != 0.0 || y < 1.0 {
                return String::new();
            }
            let i = n_bars.checked_sub(y as usize);
            i.and_then(|i| titles.get(i)).cloned().unwrap_or_default()
        })
        .show(ui, |plot| plot.bar_chart(chart));
    let ranked = cx.ranking.ranked().count();
    if ranked > n_bars {
        ui.label(format!(
            "Showing the top {n_bars} of {ranked} ranked options."
        ));
    }
}

/// The ranking for a room: each option's whole title (wrapped, never cut, nothing to hover)
/// above its bar, with the total printed at the bar's end.
fn titled_bars_ui(ui: &mut Ui, cx: &ViewCtx<'_>, rows: &[&RankedOption]) {
    let palette = theme::palette(ui);
    let bar_height = ui.text_style_height(&egui::TextStyle::Body) * 0.6;
    for row in rows {
        let kind = BarKind::of(row, cx.recommendation);
        let title = &cx.session.options[row.option_idx].title;
        let rank = row.rank.map_or_else(String::new, |r| format!("{r}. "));
        // Left-aligned, not justified: a wrapped title must not stretch its letters.
        ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
            ui.label(format!("{rank}{title}{}", kind.mark()));
        });
        let total = row.total.unwrap_or_default();
        let text = format!("{} of 100", crate::analysis::number::fixed(total, 1));
        let text_width = ui
            .painter()
            .layout_no_wrap(
                text.clone(),
                egui::TextStyle::Body.resolve(ui.style()),
                ui.visuals().text_color(),
            )
            .size()
            .x;
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(ui.available_width(), bar_height),
            egui::Sense::hover(),
        );
        let room = (rect.width() - text_width - theme::SPACE_XL).max(0.0);
        let length = room * (total / 100.0).clamp(0.0, 1.0) as f32;
        let bar = egui::Rect::from_min_size(rect.min, egui::vec2(length, rect.height()));
        ui.painter().rect_filled(bar, 0.0, kind.fill(palette));
        ui.painter().text(
            egui::pos2(bar.right() + theme::SPACE_M, rect.center().y),
            egui::Align2::LEFT_CENTER,
            text,
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
        );
        ui.add_space(theme::SPACE_M);
    }
    let ranked = cx.ranking.ranked().count();
    if ranked > rows.len() {
        ui.label(format!(
            "Showing the top {} of {ranked} ranked options.",
            rows.len()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{rank, recommend};
    use crate::model::{Lens, SolutionOption};

    fn session() -> Session {
        let mut s = Session::new("faster checkout");
        s.options.push(
            SolutionOption::new("cdn", "Buy a CDN", Lens::Buy)
                .with_score("impact", 4.0)
                .with_score("cost", 2.0)
                .with_score("trust-risk", 2.0),
        );
        s.options.push(
            SolutionOption::new("rewrite", "Rewrite checkout", Lens::ReArchitect)
                .with_score("impact", 5.0)
                .with_score("cost", 1.0)
                .with_score("trust-risk", 4.5),
        );
        s.criteria[2].veto = Some(4.0);
        s
    }

    #[test]
    fn the_recommended_bar_is_accented_and_a_vetoed_one_greyed() {
        let s = session();
        let ranking = rank(&s);
        let advice = recommend(&s);
        let kinds: Vec<(&str, BarKind)> = ranking
            .rows
            .iter()
            .map(|r| (r.id.as_str(), BarKind::of(r, &advice)))
            .collect();
        assert_eq!(
            kinds,
            [("rewrite", BarKind::Vetoed), ("cdn", BarKind::Recommended)]
        );
        let palette = &theme::DARK;
        assert_eq!(BarKind::Vetoed.fill(palette), palette.muted);
        assert_eq!(BarKind::Recommended.fill(palette), palette.accent);
    }

    #[test]
    fn long_titles_are_shortened_on_the_axis() {
        let mut s = session();
        s.options[0].title = "A very long option title that goes on and on".into();
        let ranking = rank(&s);
        let row = ranking.rows.iter().find(|r| r.option_idx == 0);
        let title = axis_title(&s, row.expect("option 0 is ranked"));
        assert_eq!(title.chars().count(), AXIS_TITLE_CHARS);
        assert!(title.ends_with('…'));
    }
}
