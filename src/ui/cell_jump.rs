//! "Go to this cell": a request left by one place (a score flip point in Decide) for the
//! Matrix to scroll to a cell and give it the keyboard on the next frames it draws.
//!
//! The request lives in egui's temporary memory, so it needs no field in any view's state
//! and is forgotten with the window. It lasts a few Matrix frames: enough for the table to
//! scroll the row into view and draw the cell, after which it is dropped even if the cell
//! cannot take the keyboard (presenting, or a cell with no score yet).

use crate::model::{CriterionId, OptionId};

/// Matrix frames a request survives.
const FRAMES: u8 = 3;

type Request = (OptionId, CriterionId, u8);

fn key() -> egui::Id {
    egui::Id::unique("verdict-cell-jump")
}

/// Asks the Matrix to show `option` on `criterion`.
pub fn request(ctx: &egui::Context, option: &OptionId, criterion: &CriterionId) {
    let request: Request = (option.clone(), criterion.clone(), FRAMES);
    ctx.data_mut(|d| d.insert_temp(key(), request));
}

/// The cell waiting to be shown, if any.
pub fn pending(ctx: &egui::Context) -> Option<(OptionId, CriterionId)> {
    ctx.data(|d| d.get_temp::<Request>(key()))
        .map(|(o, c, _)| (o, c))
}

/// True (once) when the cell of `option` on `criterion` is the one asked for; the request
/// is then done.
pub fn take_if(ctx: &egui::Context, option: &OptionId, criterion: &CriterionId) -> bool {
    let hit = pending(ctx).is_some_and(|(o, c)| &o == option && &c == criterion);
    if hit {
        ctx.data_mut(|d| d.remove::<Request>(key()));
    }
    hit
}

/// Counts one Matrix frame against the request, dropping it when its frames are used up.
pub fn tick(ctx: &egui::Context) {
    ctx.data_mut(|d| match d.get_temp::<Request>(key()) {
        Some((_, _, left)) if left <= 1 => d.remove::<Request>(key()),
        Some((o, c, left)) => {
            d.insert_temp(key(), (o, c, left - 1));
        }
        None => {}
    });
}
