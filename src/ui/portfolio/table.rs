//! The sessions of the portfolio, one row each, funded ones above the cut line.
//!
//! The directive's title is a link that opens the session; "What to drop" selects a
//! session below the line so the view can say what funding it would cost.

use super::{PortfolioAction, PortfolioScreen, PortfolioViewState, num};
use crate::portfolio::{ChangeKind, SessionRow};
use crate::ui::theme;
use egui::{RichText, Ui};

const HEADERS: [&str; 9] = [
    "Directive",
    "Given by",
    "Status",
    "Funded option",
    "Effort",
    "Value",
    "Value / week",
    "Core index",
    "Review",
];

fn change_text(row: &SessionRow, pal: &theme::Palette) -> Option<(&'static str, egui::Color32)> {
    match row.change? {
        ChangeKind::Kill => Some(("kill candidate", pal.kill)),
        ChangeKind::Shrink => Some(("shrunk", pal.warning)),
        ChangeKind::Switch => Some(("switched", pal.warning)),
        ChangeKind::Fund => Some(("newly funded", pal.good)),
    }
}

/// Draws the table; returns the sessions clicked open.
pub(super) fn sessions_table_ui(
    ui: &mut Ui,
    screen: &PortfolioScreen<'_>,
    state: &mut PortfolioViewState,
) -> Vec<PortfolioAction> {
    let mut actions = Vec::new();
    egui::Grid::new("portfolio-table")
        .striped(true)
        .num_columns(HEADERS.len())
        .show(ui, |ui| {
            for header in HEADERS {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for (i, row) in screen.rows.iter().enumerate() {
                if i == screen.above_cut {
                    cut_line_ui(ui, screen);
                }
                row_ui(ui, screen, state, row, &mut actions);
            }
            if screen.above_cut == screen.rows.len() {
                cut_line_ui(ui, screen);
            }
        });
    actions
}

fn cut_line_ui(ui: &mut Ui, screen: &PortfolioScreen<'_>) {
    let pal = theme::palette(ui);
    ui.label(
        RichText::new(format!(
            "— cut line: {} of {} person-weeks —",
            num(screen.plan.effort),
            num(screen.plan.capacity)
        ))
        .strong()
        .color(pal.accent),
    );
    ui.end_row();
}

fn row_ui(
    ui: &mut Ui,
    screen: &PortfolioScreen<'_>,
    state: &mut PortfolioViewState,
    row: &SessionRow,
    actions: &mut Vec<PortfolioAction>,
) {
    let dim = |text: String| {
        if row.funded {
            RichText::new(text)
        } else {
            RichText::new(text).weak()
        }
    };
    if ui
        .link(&row.title)
        .on_hover_text(format!("Open {}", row.path))
        .clicked()
    {
        actions.push(PortfolioAction::OpenSession(row.path.clone()));
    }
    ui.label(dim(row.given_by.clone()));
    ui.label(dim(row.status.clone()));
    let option = match (&row.option, row.reason.is_empty()) {
        (Some(o), _) => o.title.clone(),
        (None, false) => format!("— {}", row.reason),
        (None, true) => "—".to_owned(),
    };
    let entry = Some(row.entry);
    let below = !row.funded && row.reason.is_empty() && screen.plan.infeasible.is_none();
    ui.horizontal(|ui| {
        ui.label(dim(option));
        if let Some((text, color)) = change_text(row, theme::palette(ui)) {
            ui.label(RichText::new(text).small().color(color));
        }
        if below {
            let selected = entry.is_some() && state.selected == entry;
            if ui
                .selectable_label(selected, "What to drop?")
                .on_hover_text(format!("The cheapest way, in value, to fund {}", row.title))
                .clicked()
            {
                state.selected = if selected { None } else { entry };
            }
        }
    });
    ui.label(dim(num(row.effort)));
    ui.label(dim(num(row.value)));
    ui.label(dim(row.value_per_week.map_or_else(String::new, num)));
    ui.label(dim(row
        .core_index
        .map_or_else(String::new, |c| format!("{:.0} %", 100.0 * c))));
    ui.label(dim(row.review.clone().unwrap_or_default()));
    ui.end_row();
}
