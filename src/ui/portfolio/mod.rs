//! The Portfolio view: a folder of sessions, the capacity slider that moves the cut line,
//! the table of sessions above and below it, the kill candidates, the frontier and a
//! value-versus-effort chart. It reads a solved [`Portfolio`] and returns
//! [`PortfolioAction`]s; the app loads, watches and solves.

mod charts;
mod table;

use crate::portfolio::core_index::CoreReport;
use crate::portfolio::{Plan, Portfolio, SessionRow};
use crate::ui::theme;
use egui::{RichText, Ui};

/// What the view keeps between frames (never saved in a document).
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioViewState {
    /// The capacity on the slider, person-weeks.
    pub capacity: f64,
    /// The session whose "what to drop" is shown, by position in the portfolio's entries.
    pub selected: Option<usize>,
    /// Monte Carlo draws for the core index.
    pub samples: u32,
}

impl Default for PortfolioViewState {
    fn default() -> Self {
        Self {
            capacity: 0.0,
            selected: None,
            samples: 1_000,
        }
    }
}

/// What the person asked for in the Portfolio view.
#[derive(Clone, Debug, PartialEq)]
pub enum PortfolioAction {
    /// Open the session at this path (from the folder) in the editor.
    OpenSession(String),
    /// Start the Monte Carlo run of the core index at the slider's capacity.
    RunCoreIndex,
    /// Stop it.
    CancelCoreIndex,
    /// Read the folder again.
    Reload,
    /// Go back to the session being edited.
    Hide,
}

/// Everything the view shows, prepared by the app.
pub struct PortfolioScreen<'a> {
    /// The folder, as shown.
    pub folder: String,
    /// The solved portfolio.
    pub portfolio: &'a Portfolio,
    /// The best plan at the slider's capacity.
    pub plan: &'a Plan,
    /// Its rows in cut-line order and how many are funded.
    pub rows: &'a [SessionRow],
    /// How many rows are above the cut line.
    pub above_cut: usize,
    /// For the selected session: the option, the loss and the changes, in words.
    pub to_fund_selected: Option<String>,
    /// Files that did not load, one located line each.
    pub problems: Vec<String>,
    /// Sessions open in another window.
    pub in_use: Vec<String>,
    /// The last core-index run, if any.
    pub core: Option<&'a CoreReport>,
    /// Share done of a run in progress.
    pub progress: Option<f32>,
}

/// Draws the Portfolio view.
pub fn portfolio_ui(
    ui: &mut Ui,
    screen: &PortfolioScreen<'_>,
    state: &mut PortfolioViewState,
) -> Vec<PortfolioAction> {
    let mut actions = Vec::new();
    let pal = theme::palette(ui);
    let settings = &screen.portfolio.settings;
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!("Portfolio: {}", screen.folder));
        if !settings.period.is_empty() {
            ui.label(RichText::new(&settings.period).weak());
        }
        if ui
            .button("Back to the session")
            .on_hover_text("Leave the portfolio and show the session being edited")
            .clicked()
        {
            actions.push(PortfolioAction::Hide);
        }
        if ui
            .button("Reload")
            .on_hover_text("Read every session of the folder again")
            .clicked()
        {
            actions.push(PortfolioAction::Reload);
        }
    });
    for line in &screen.problems {
        ui.colored_label(pal.error, line);
    }
    for path in &screen.in_use {
        ui.label(
            RichText::new(format!(
                "{path} is open in another window; counted as last saved."
            ))
            .weak(),
        );
    }
    if settings.capacity.is_none() {
        ui.colored_label(
            pal.warning,
            "No capacity is set in portfolio.ron: the slider starts at what the sessions \
             have chosen. Set how many person-weeks the team really has.",
        );
    }
    capacity_ui(ui, screen, state);
    let unit = &settings.value_unit;
    match &screen.plan.infeasible {
        Some(why) => {
            ui.colored_label(pal.error, format!("No plan fits: {why}."));
        }
        None => {
            ui.label(
                RichText::new(format!(
                    "Funded: {} {unit} with {} of {} person-weeks",
                    num(screen.plan.value),
                    num(screen.plan.effort),
                    num(state.capacity)
                ))
                .strong(),
            );
        }
    }
    let today = screen.portfolio.today();
    if let Some(gain) = today.gain_percent() {
        ui.label(format!(
            "Today's plan takes {} person-weeks for {} {unit}; the same people could bring {} \
             ({} % more).",
            num(today.effort),
            num(today.value),
            num(today.best_for_same_effort),
            num(gain)
        ));
    }
    ui.add_space(theme::SPACE_M);
    // The one part allowed to be wider than the window: its rows keep whole, and it
    // scrolls sideways while everything above and below it fits.
    let clicked = egui::ScrollArea::horizontal()
        .id_salt("portfolio-table")
        .show(ui, |ui| table::sessions_table_ui(ui, screen, state))
        .inner;
    actions.extend(clicked);
    kill_candidates_ui(ui, screen);
    if let Some(text) = &screen.to_fund_selected {
        ui.add_space(theme::SPACE_S);
        ui.label(text);
    }
    ui.add_space(theme::SPACE_M);
    core_ui(ui, screen, state, &mut actions);
    ui.add_space(theme::SPACE_M);
    ui.columns(2, |columns| {
        charts::frontier_chart_ui(&mut columns[0], screen, state.capacity);
        charts::bubble_chart_ui(&mut columns[1], screen);
    });
    actions
}

fn capacity_ui(ui: &mut Ui, screen: &PortfolioScreen<'_>, state: &mut PortfolioViewState) {
    let top = screen.portfolio.range_weeks().max(state.capacity).max(1.0);
    ui.horizontal(|ui| {
        ui.spacing_mut().slider_width = 360.0;
        let label = ui.label("Capacity");
        ui.add(
            egui::Slider::new(&mut state.capacity, 0.0..=top)
                .step_by(0.5)
                .suffix(" person-weeks"),
        )
        .on_hover_text("Move it: the cut line follows at once")
        .labelled_by(label.id);
    });
}

fn kill_candidates_ui(ui: &mut Ui, screen: &PortfolioScreen<'_>) {
    let kills: Vec<_> = screen.plan.kill_candidates().collect();
    let sentences = screen
        .portfolio
        .sentences_with(screen.plan, &|s| s.to_owned(), &|o| format!("“{o}”"));
    if kills.is_empty() && sentences.is_empty() {
        return;
    }
    let pal = theme::palette(ui);
    ui.add_space(theme::SPACE_S);
    ui.label(RichText::new("Where the portfolio disagrees with the sessions").strong());
    for change in kills {
        let entry = &screen.portfolio.entries[change.entry];
        ui.colored_label(
            pal.kill,
            format!(
                "Kill candidate: {} — frees {} person-weeks, gives up {} {}",
                entry.title,
                num(change.frees_weeks),
                num(change.gives_up),
                screen.portfolio.settings.value_unit
            ),
        );
    }
    for sentence in sentences {
        ui.label(format!("The best plan {sentence}."));
    }
}

fn core_ui(
    ui: &mut Ui,
    screen: &PortfolioScreen<'_>,
    state: &mut PortfolioViewState,
    actions: &mut Vec<PortfolioAction>,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Core index");
        ui.add(
            egui::DragValue::new(&mut state.samples)
                .range(100..=100_000)
                .suffix(" draws"),
        )
        .on_hover_text("How many Monte Carlo draws")
        .labelled_by(label.id);
        match screen.progress {
            Some(done) => {
                ui.add(
                    egui::ProgressBar::new(done)
                        .desired_width(160.0)
                        .show_percentage(),
                );
                if ui.button("Cancel").clicked() {
                    actions.push(PortfolioAction::CancelCoreIndex);
                }
            }
            None => {
                if ui
                    .button("Run")
                    .on_hover_text(
                        "How often each session is funded when scores and efforts vary within \
                         their ranges (seed 1)",
                    )
                    .clicked()
                {
                    actions.push(PortfolioAction::RunCoreIndex);
                }
            }
        }
        if let Some(core) = screen.core {
            ui.label(
                RichText::new(format!(
                    "{} draws at {} person-weeks",
                    core.config.samples,
                    num(core.config.capacity)
                ))
                .weak(),
            );
        }
    });
}

/// A number with at most one decimal.
pub(crate) fn num(x: f64) -> String {
    crate::analysis::number::tenths(x)
}
