//! What the room sees instead of a place's usual view: the summary slide, the Framing
//! summary while presenting, the scoring round on the Matrix, and results hidden while a
//! round's scores are or while raters score blind.

use super::blind_note::blind_note_ui;
use super::framing_slide::framing_slide_ui;
use super::nav::Place;
use super::outbox::Intent;
use super::presentation::summary_shown;
use super::round_view::{results_hidden_ui, round_start_ui, round_timer_tick, round_ui};
use super::summary_slide::summary_slide_ui;
use super::view_ctx::ViewCtx;
use chrono::{DateTime, Utc};

/// Draws what replaces the current place, if anything; returns true when it did (the
/// place's own view is then not drawn). `now` drives a round's timer.
pub fn room_ui(ui: &mut egui::Ui, cx: &mut ViewCtx<'_>, now: DateTime<Utc>) -> bool {
    round_timer_tick(ui.ctx(), cx, now);
    let place = cx.chrome.place;
    let session = cx.session;
    let presenting = cx.presenting;
    let scrolled = |ui: &mut egui::Ui, add: &mut dyn FnMut(&mut egui::Ui)| {
        let page = ui.available_height();
        egui::ScrollArea::vertical()
            .id_salt("room")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // A slide longer than the screen scrolls like every place.
                crate::ui::focus_view::scroll_while_presenting(ui, presenting, page);
                add(ui);
            });
    };
    if let Some(round) = session.hidden_round()
        && (matches!(place, Place::Decide | Place::Log)
            || (cx.presenting && summary_shown(ui.ctx(), place)))
    {
        results_hidden_ui(ui, round);
        return true;
    }
    // Decide hides its results one by one (`decide_ui`); the record and the summary slide
    // are made of them through and through.
    if let Some(rater) = cx.blind.clone()
        && (place == Place::Log || (cx.presenting && summary_shown(ui.ctx(), place)))
    {
        scrolled(ui, &mut |ui| {
            let what = "the decision record, the summary and every total, rank and chart";
            if blind_note_ui(ui, session, &rater, what) {
                cx.push(Intent::RevealBlind);
            }
        });
        return true;
    }
    if cx.presenting && summary_shown(ui.ctx(), place) {
        scrolled(ui, &mut |ui| summary_slide_ui(ui, cx));
        return true;
    }
    match place {
        Place::Framing if cx.presenting => {
            scrolled(ui, &mut |ui| framing_slide_ui(ui, session));
            true
        }
        Place::Matrix if session.round.is_some() => {
            scrolled(ui, &mut |ui| round_ui(ui, cx, now));
            true
        }
        Place::Matrix => {
            round_start_ui(ui, cx);
            false
        }
        _ => false,
    }
}
