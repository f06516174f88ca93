//! Framing as the room reads it while presenting: one screen with the ask and the goal
//! on the left, the challenge questions on the right (open ones called out), instead of
//! the edit form.

use super::theme;
use crate::model::Session;
use egui::{RichText, Ui};

/// Draws the framing summary of `session`.
pub fn framing_slide_ui(ui: &mut Ui, session: &Session) {
    ui.heading("Framing");
    // Left-aligned columns: justified text would stretch the letters of long answers.
    let left_aligned = egui::Layout::top_down(egui::Align::LEFT);
    ui.columns(2, |columns| {
        columns[0].with_layout(left_aligned, |left| ask_ui(left, session));
        columns[1].with_layout(left_aligned, |right| questions_ui(right, session));
    });
}

fn ask_ui(left: &mut Ui, session: &Session) {
    let framing = &session.framing;
    section(left, "The ask");
    left.label(RichText::new(format!("“{}”", session.directive.ask.trim())).italics());
    if !session.directive.business_goal.trim().is_empty() {
        section(left, "Business goal");
        left.label(session.directive.business_goal.trim());
    }
    list(left, "Problem statements", &framing.problem_statements);
    list(left, "Success metrics", &framing.success_metrics);
    list(left, "Constraints", &framing.constraints);
}

fn questions_ui(right: &mut Ui, session: &Session) {
    let framing = &session.framing;
    section(right, "Challenge questions");
    let open = framing.unanswered().count();
    if open > 0 {
        right.label(
            RichText::new(format!(
                "{open} open {}",
                if open == 1 { "question" } else { "questions" }
            ))
            .color(theme::palette(right).warning)
            .strong(),
        );
    }
    for q in &framing.questions {
        let answer = q.answer.trim();
        right.add_space(theme::SPACE_S);
        if answer.is_empty() {
            right.label(
                RichText::new(format!("⚠ Open: {}", q.question))
                    .color(theme::palette(right).warning)
                    .strong(),
            );
        } else {
            right.label(RichText::new(&q.question).strong());
            right.label(answer);
        }
    }
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(theme::SPACE_L);
    ui.label(RichText::new(title).strong().heading());
}

fn list(ui: &mut Ui, title: &str, items: &[String]) {
    let items: Vec<&str> = items
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .collect();
    if items.is_empty() {
        return;
    }
    section(ui, title);
    for item in items {
        ui.label(format!("• {item}"));
    }
}
