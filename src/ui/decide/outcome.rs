//! The outcome in the Decide place: the form for choosing an option, killing the project,
//! deferring to a date or sending it back to be reframed, each with its rationale; the
//! current outcome; and the latest outcome changes from the decision log.

use crate::document::Edit;
use crate::model::{LogEvent, OptionId, Outcome, Session, parse_date};
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};

/// How many outcome changes from the log are shown.
const LOG_LINES: usize = 5;

/// The four decisions the form can record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum OutcomeKind {
    /// Go ahead with one option.
    #[default]
    Choose,
    /// Stop the project.
    Kill,
    /// Decide later, by a date.
    Defer,
    /// Send it back to be framed again.
    Reframe,
}

/// The outcome being written, before it is recorded.
#[derive(Debug, Default)]
pub(super) struct OutcomeForm {
    /// Which decision.
    pub kind: OutcomeKind,
    /// The option to choose, for [`OutcomeKind::Choose`].
    pub option: Option<OptionId>,
    /// Why.
    pub rationale: String,
    /// The date to decide by as typed, for [`OutcomeKind::Defer`].
    pub until: String,
    /// The document's outcome the form was last filled from: when the document's outcome
    /// changes (recorded, undone, redone) the form follows it.
    loaded: Option<Outcome>,
    /// Record it when drawn next (Ctrl+Enter), or show what is missing.
    pub record_asked: bool,
}

impl OutcomeForm {
    /// Fills the form from `outcome` (what was decided last) when it is not the outcome it
    /// was last filled from.
    fn follow(&mut self, outcome: &Outcome) {
        if self.loaded.as_ref() == Some(outcome) {
            return;
        }
        self.loaded = Some(outcome.clone());
        *self = Self {
            loaded: self.loaded.take(),
            record_asked: self.record_asked,
            ..Self::default()
        };
        self.rationale = outcome.rationale().to_owned();
        match outcome {
            Outcome::Undecided => {}
            Outcome::Chosen { option, .. } => {
                self.kind = OutcomeKind::Choose;
                self.option = Some(option.clone());
            }
            Outcome::Killed { .. } => self.kind = OutcomeKind::Kill,
            Outcome::Deferred { until, .. } => {
                self.kind = OutcomeKind::Defer;
                self.until = until.to_string();
            }
            Outcome::Reframe { .. } => self.kind = OutcomeKind::Reframe,
        }
    }

    /// Starts the form from the advice: its option or Kill, with the advice as rationale
    /// when none is written yet.
    pub(super) fn take_advice(&mut self, kind: OutcomeKind, option: Option<OptionId>, why: String) {
        self.kind = kind;
        if option.is_some() {
            self.option = option;
        }
        if self.rationale.trim().is_empty() {
            self.rationale = why;
        }
    }

    /// The outcome the form describes; a deferral must be to a day after `today`.
    ///
    /// # Errors
    /// What is missing or wrong, in words for the person filling it in.
    pub(super) fn outcome(&self, session: &Session, today: NaiveDate) -> Result<Outcome, String> {
        let rationale = self.rationale.trim().to_owned();
        if rationale.is_empty() {
            return Err("Write a rationale: the reason is part of the decision.".into());
        }
        Ok(match self.kind {
            OutcomeKind::Choose => {
                let option = self
                    .option
                    .clone()
                    .filter(|id| session.option(id).is_some())
                    .ok_or("Pick the option to go ahead with.")?;
                Outcome::Chosen { option, rationale }
            }
            OutcomeKind::Kill => Outcome::Killed { rationale },
            OutcomeKind::Defer => {
                let until = parse_date(&self.until).map_err(|e| format!("{e}."))?;
                if until <= today {
                    return Err(format!(
                        "{until} is not after today ({today}): defer to a later day."
                    ));
                }
                Outcome::Deferred { until, rationale }
            }
            OutcomeKind::Reframe => Outcome::Reframe { rationale },
        })
    }
}

/// The form's kind for a recorded outcome (Undecided reads as Choose, the form's default).
fn kind_of(outcome: &Outcome) -> OutcomeKind {
    match outcome {
        Outcome::Undecided | Outcome::Chosen { .. } => OutcomeKind::Choose,
        Outcome::Killed { .. } => OutcomeKind::Kill,
        Outcome::Deferred { .. } => OutcomeKind::Defer,
        Outcome::Reframe { .. } => OutcomeKind::Reframe,
    }
}

/// The colour that marks an outcome.
fn outcome_color(outcome: &Outcome, palette: &theme::Palette) -> Option<Color32> {
    match outcome {
        Outcome::Killed { .. } => Some(palette.kill),
        Outcome::Chosen { .. } => Some(palette.good),
        Outcome::Undecided | Outcome::Deferred { .. } | Outcome::Reframe { .. } => None,
    }
}

/// The current outcome as a headline and its rationale.
fn describe<'o>(session: &Session, outcome: &'o Outcome) -> (String, &'o str) {
    let headline = match outcome {
        Outcome::Undecided => "No decision recorded yet".to_owned(),
        Outcome::Chosen { option, .. } => {
            format!("Chosen: “{}”", session.option_title(option))
        }
        Outcome::Killed { .. } => "Killed".to_owned(),
        Outcome::Deferred { until, .. } => format!("Deferred until {until}"),
        Outcome::Reframe { .. } => "Sent back to reframe".to_owned(),
    };
    (headline, outcome.rationale())
}

/// Draws the current outcome, the form (unless presenting) and the latest outcome changes.
pub(super) fn outcome_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, form: &mut OutcomeForm) {
    let session = cx.session;
    form.follow(&session.outcome);
    let (headline, rationale) = describe(session, &session.outcome);
    let mut current = RichText::new(headline).heading().strong();
    if let Some(color) = outcome_color(&session.outcome, theme::palette(ui)) {
        current = current.color(color);
    }
    ui.label(current);
    if !rationale.is_empty() {
        let mut text = RichText::new(rationale);
        if cx.presenting {
            text = text.size(theme::PRESENTING_BODY_SIZE);
        }
        ui.label(text);
    }
    ui.add_space(theme::SPACE_M);
    if !cx.presenting {
        form_ui(ui, cx, form);
        ui.add_space(theme::SPACE_M);
    }
    log_ui(ui, session);
}

fn form_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, form: &mut OutcomeForm) {
    let session = cx.session;
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut form.kind, OutcomeKind::Choose, "Choose an option");
        ui.radio_value(&mut form.kind, OutcomeKind::Kill, "Kill the project");
        ui.radio_value(&mut form.kind, OutcomeKind::Defer, "Defer to a date");
        ui.radio_value(&mut form.kind, OutcomeKind::Reframe, "Reframe");
    });
    // The field Ctrl+Enter takes the keyboard to when it is what the outcome still needs.
    let mut needed: Option<egui::Response> = None;
    match form.kind {
        OutcomeKind::Choose => {
            let selected = form
                .option
                .as_ref()
                .and_then(|id| session.option(id))
                .map_or("Pick an option…", |o| o.title.as_str());
            let combo = egui::ComboBox::from_label("Option to go ahead with")
                .selected_text(selected)
                .width(260.0)
                .show_ui(ui, |ui| {
                    for option in &session.options {
                        ui.selectable_value(
                            &mut form.option,
                            Some(option.id.clone()),
                            &option.title,
                        );
                    }
                })
                .response;
            let choices: Vec<Option<OptionId>> =
                session.options.iter().map(|o| Some(o.id.clone())).collect();
            crate::ui::fields::step_with_arrows(ui, &combo, &mut form.option, &choices);
            if form
                .option
                .as_ref()
                .and_then(|id| session.option(id))
                .is_none()
            {
                needed = Some(combo);
            }
        }
        OutcomeKind::Defer => {
            if form.until.is_empty() {
                form.until = (cx.today + chrono::Days::new(14)).to_string();
            }
            ui.horizontal(|ui| {
                let label = ui.label("Decide by (YYYY-MM-DD)");
                let date = ui
                    .add(egui::TextEdit::singleline(&mut form.until).desired_width(120.0))
                    .labelled_by(label.id);
                let good = parse_date(&form.until).is_ok_and(|until| until > cx.today);
                if !good {
                    needed = Some(date);
                }
            });
        }
        OutcomeKind::Kill | OutcomeKind::Reframe => {}
    }
    let label = ui.label("Rationale");
    let rationale = ui
        .add(
            egui::TextEdit::multiline(&mut form.rationale)
                .desired_rows(3)
                .desired_width(ui.available_width().min(640.0))
                .hint_text("Why this decision, in a sentence or two"),
        )
        .labelled_by(label.id);
    // A different decision needs its own reason, not the one written for the last.
    let reused = form.kind != kind_of(&session.outcome)
        && !session.outcome.rationale().trim().is_empty()
        && form.rationale.trim() == session.outcome.rationale().trim();
    let outcome = if reused {
        Err(
            "This rationale is the one recorded for the current decision: write why this one."
                .to_owned(),
        )
    } else {
        form.outcome(session, cx.today)
    };
    let asked = std::mem::take(&mut form.record_asked);
    if asked && outcome.is_err() {
        // Not complete: the keyboard goes to what the form still needs, which it names.
        let to = if form.rationale.trim().is_empty() || reused {
            &rationale
        } else {
            needed.as_ref().unwrap_or(&rationale)
        };
        to.request_focus();
        to.scroll_to_me(Some(egui::Align::Center));
    }
    match &outcome {
        Err(problem) => {
            ui.label(RichText::new(problem).color(theme::palette(ui).warning));
        }
        Ok(same) if *same == session.outcome => {
            ui.label(RichText::new("This is the outcome already recorded.").weak());
        }
        Ok(_) => {}
    }
    let outcome = outcome.ok().filter(|o| *o != session.outcome);
    let mut text = RichText::new("Record outcome").strong();
    if form.kind == OutcomeKind::Kill {
        text = text.color(theme::palette(ui).kill);
    }
    let response = ui
        .add_enabled(outcome.is_some(), egui::Button::new(text))
        .on_hover_text(Command::RecordOutcome.tooltip_with_shortcut(ui.ctx()));
    if (response.clicked() || asked)
        && let Some(outcome) = outcome
    {
        cx.edit(Edit::SetOutcome(outcome));
        cx.seal();
    }
}

fn log_ui(ui: &mut Ui, session: &Session) {
    let changes: Vec<_> = session
        .log
        .iter()
        .rev()
        .filter(|entry| matches!(entry.event, LogEvent::OutcomeChanged { .. }))
        .take(LOG_LINES)
        .collect();
    if changes.is_empty() {
        return;
    }
    ui.label(RichText::new("Latest outcome changes").strong());
    for entry in changes {
        ui.label(format!(
            "{} UTC — {}",
            entry.at.format("%Y-%m-%d %H:%M"),
            entry.event.describe_in(session)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lens, SolutionOption};

    #[test]
    fn a_decision_without_a_rationale_is_refused() {
        let s = Session::new("x");
        let form = OutcomeForm {
            kind: OutcomeKind::Kill,
            ..OutcomeForm::default()
        };
        assert!(form.outcome(&s, today()).unwrap_err().contains("rationale"));
    }

    #[test]
    fn choosing_needs_an_option_that_exists() {
        let mut s = Session::new("x");
        s.options
            .push(SolutionOption::new("cdn", "Buy a CDN", Lens::Buy));
        let mut form = OutcomeForm {
            rationale: "cheapest".into(),
            ..OutcomeForm::default()
        };
        assert!(form.outcome(&s, today()).is_err());
        form.option = Some(OptionId::new("cdn"));
        assert_eq!(
            form.outcome(&s, today()),
            Ok(Outcome::Chosen {
                option: OptionId::new("cdn"),
                rationale: "cheapest".into()
            })
        );
    }

    #[test]
    fn a_deferral_needs_a_real_date() {
        let s = Session::new("x");
        let mut form = OutcomeForm {
            kind: OutcomeKind::Defer,
            rationale: "wait for the audit".into(),
            until: "2026-13-01".into(),
            ..OutcomeForm::default()
        };
        assert!(
            form.outcome(&s, today())
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        form.until = " 2026-12-01 ".into();
        let until = NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid date");
        assert!(
            matches!(form.outcome(&s, today()), Ok(Outcome::Deferred { until: u, .. }) if u == until)
        );
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid date")
    }

    #[test]
    fn the_form_follows_the_recorded_outcome_when_it_changes() {
        let mut form = OutcomeForm::default();
        let killed = Outcome::Killed {
            rationale: "budget gone".into(),
        };
        form.follow(&killed);
        assert_eq!(form.kind, OutcomeKind::Kill);
        assert_eq!(form.rationale, "budget gone");
        // Typing into the form is kept while the recorded outcome stays the same.
        form.rationale = "budget gone, and the team moved".into();
        form.follow(&killed);
        assert_eq!(form.rationale, "budget gone, and the team moved");
        // Undoing the decision empties the form again.
        form.follow(&Outcome::Undecided);
        assert_eq!(form.kind, OutcomeKind::Choose);
        assert_eq!(form.rationale, "");
    }

    #[test]
    fn a_deferral_must_be_to_a_later_day() {
        let s = Session::new("x");
        let form = OutcomeForm {
            kind: OutcomeKind::Defer,
            rationale: "wait for the audit".into(),
            until: "2025-01-01".into(),
            ..OutcomeForm::default()
        };
        let why = form.outcome(&s, today()).unwrap_err();
        assert!(why.contains("not after today (2026-11-30)"), "{why}");
    }
}
