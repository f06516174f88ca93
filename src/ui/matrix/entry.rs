//! A score cell that works like a spreadsheet's: a click or a typed digit edits it at once,
//! Enter commits and moves down, Tab commits and moves right, Escape cancels, the arrow keys
//! move between cells, Delete clears, `r` opens the rationale and a pasted block of
//! tab-separated numbers fills the cells from here. Dragging on the value still changes it.

use super::cells::Slot;
use super::grid::{self, CellAt, Move, Step};
use crate::model::{CriterionId, OptionId};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use egui::{Event, EventFilter, Key, Modifiers, Rect, Sense, Stroke, StrokeKind, Ui};

/// The keys of a Matrix cell, for the shortcut sheet: what is pressed, and what it does.
pub const CELL_KEYS: [(&str, &str); 9] = [
    ("Arrow keys", "Move between cells"),
    (
        "A digit, or Enter / F2",
        "Start typing into the cell (a click does too)",
    ),
    (
        "Enter  /  Shift+Enter",
        "While typing: keep the value and move down / up",
    ),
    ("Tab  /  Shift+Tab", "Keep the value and move right / left"),
    ("Escape", "While typing: leave the cell as it was"),
    (
        "Delete or Backspace",
        "Clear the cell (Ctrl+Z brings it back)",
    ),
    ("R", "Open the cell's rationale"),
    (
        "Ctrl+V",
        "Paste a block copied from a spreadsheet, from this cell on",
    ),
    ("Drag sideways", "Move the value along its scale"),
];

/// A cell by identity, so edits and reorders between frames cannot move it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct CellKey {
    option: OptionId,
    criterion: CriterionId,
}

impl CellKey {
    fn of(slot: Slot<'_>) -> Self {
        Self {
            option: slot.option.id.clone(),
            criterion: slot.criterion.id.clone(),
        }
    }
}

/// The text being typed into one cell.
#[derive(Debug)]
struct Draft {
    at: CellKey,
    text: String,
    /// True until the field has been given the keyboard.
    focus_pending: bool,
    /// True when the text came from the cell and typing should replace it.
    select_all: bool,
}

/// The keyboard's side of the matrix (never saved).
#[derive(Debug, Default)]
pub(super) struct EntryState {
    draft: Option<Draft>,
    /// The cell that takes the keyboard when it is next drawn, and for how many more
    /// frames it is waited for (a row scrolled to may take a frame to appear).
    focus: Option<(CellKey, u8)>,
    /// A row to scroll to, so that the cell to focus is drawn.
    pub scroll_to: Option<usize>,
    /// The column a run of Tabs began in, where Enter returns to.
    tab_anchor: Option<usize>,
    /// The last refusal or note ("9 is outside the scale of Impact, 1 to 5").
    pub message: Option<Message>,
}

/// A line under the toolbar about the last entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Message {
    /// What to say.
    pub text: String,
    /// True for a refusal, false for a note.
    pub refused: bool,
}

impl EntryState {
    /// Shows `text` as a refusal.
    pub(super) fn refuse(&mut self, text: String) {
        self.message = Some(Message {
            text,
            refused: true,
        });
    }

    /// Shows `text` as a note, or clears the line with `None`.
    pub(super) fn note(&mut self, text: Option<String>) {
        self.message = text.map(|text| Message {
            text,
            refused: false,
        });
    }

    /// Puts the keyboard on the cell `step` away from `slot`'s.
    fn step(&mut self, cx: &ViewCtx<'_>, slot: Slot<'_>, how: Move) {
        let Some(at) = position(cx, slot) else {
            return;
        };
        let n = (cx.session.options.len(), cx.session.criteria.len());
        let to = grid::next_cell(at, how, &mut self.tab_anchor, n.0, n.1);
        self.focus_on(CellKey {
            option: cx.session.options[to.option_idx].id.clone(),
            criterion: cx.session.criteria[to.criterion_idx].id.clone(),
        });
        self.scroll_to = Some(to.option_idx);
    }

    fn focus_on(&mut self, key: CellKey) {
        self.focus = Some((key, FOCUS_FRAMES));
    }

    /// Puts the keyboard on the cell of `option` and `criterion` (e.g. after its rationale
    /// window closes).
    pub fn focus_cell(&mut self, option: OptionId, criterion: CriterionId) {
        self.focus_on(CellKey { option, criterion });
    }

    /// Puts the keyboard on the first cell (the first option's first criterion).
    pub fn focus_first_cell(&mut self, session: &crate::model::Session) {
        if let (Some(option), Some(criterion)) = (session.options.first(), session.criteria.first())
        {
            self.focus_on(CellKey {
                option: option.id.clone(),
                criterion: criterion.id.clone(),
            });
            self.scroll_to = Some(0);
        }
    }

    /// Ends a frame of the matrix: a cell to focus that was not drawn is waited for a few
    /// frames, then given up. True while another frame is needed to move the keyboard.
    pub fn end_frame(&mut self) -> bool {
        if let Some((_, frames)) = &mut self.focus {
            *frames = frames.saturating_sub(1);
            if *frames == 0 {
                self.focus = None;
            }
        }
        self.focus.is_some()
            || self.scroll_to.is_some()
            || self.draft.as_ref().is_some_and(|d| d.focus_pending)
    }

    /// Starts typing into `slot`'s cell: `text` was typed (`false`) or is the cell's value
    /// to be replaced (`true`).
    fn start(&mut self, slot: Slot<'_>, text: String, select_all: bool) {
        self.message = None;
        self.draft = Some(Draft {
            at: CellKey::of(slot),
            text,
            focus_pending: true,
            select_all,
        });
    }
}

/// How many frames a cell to focus is waited for.
const FOCUS_FRAMES: u8 = 3;

fn position(cx: &ViewCtx<'_>, slot: Slot<'_>) -> Option<CellAt> {
    Some(CellAt {
        option_idx: cx.session.option_idx(&slot.option.id)?,
        criterion_idx: cx.session.criterion_idx(&slot.criterion.id)?,
    })
}

/// The stable widget id of a cell's value.
fn cell_id(slot: Slot<'_>) -> egui::Id {
    egui::Id::unique((
        "matrix-cell",
        slot.option.id.as_str(),
        slot.criterion.id.as_str(),
        slot.rater.map(|r| r.id.as_str()),
    ))
}

/// What a drawn cell reports.
pub(super) struct Entry {
    /// The value's response; `None` while it is being typed into.
    pub response: Option<egui::Response>,
    /// True when `r` asked for the cell's rationale.
    pub wants_rationale: bool,
}

/// Draws the cell's value (or its editor) in `rect`.
pub(super) fn entry_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    slot: Slot<'_>,
    rect: Rect,
    state: &mut EntryState,
) -> Entry {
    let key = CellKey::of(slot);
    if state.draft.as_ref().is_some_and(|d| d.at == key) {
        draft_ui(ui, cx, slot, rect, state);
        return Entry {
            response: None,
            wants_rationale: false,
        };
    }
    let id = cell_id(slot);
    let focused = ui.memory(|m| m.has_focus(id));
    let mut wants_rationale = false;
    if focused {
        wants_rationale = keys(ui, cx, slot, state);
    }
    let response = ui.interact(rect, id, Sense::click_and_drag());
    super::cells::name_widget(&response, || slot.name());
    // Another place (a flip point in Decide) may have asked for this cell.
    let jumped = crate::ui::cell_jump::take_if(ui.ctx(), &slot.option.id, &slot.criterion.id);
    if jumped || state.focus.as_ref().is_some_and(|(k, _)| *k == key) {
        state.focus = None;
        cx.focus(id);
        ui.ctx().request_repaint();
    }
    if response.has_focus() {
        // The arrows and Tab move between cells; Tab leaves from the last column and
        // Shift+Tab from the first, for the controls around the table.
        let at = position(cx, slot);
        let last_column = at.is_some_and(|at| at.criterion_idx + 1 == cx.session.criteria.len());
        let first_column = at.is_some_and(|at| at.criterion_idx == 0);
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    tab: !last_column && !first_column,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: false,
                },
            );
        });
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            2.0,
            Stroke::new(2.0, ui.visuals().selection.stroke.color),
            StrokeKind::Inside,
        );
    }
    let score = slot.score();
    if response.clicked() && state.draft.is_none() {
        let text = score.map(|s| super::cells::format_value(s.likely));
        state.start(slot, text.unwrap_or_default(), true);
    }
    drag(ui, cx, slot, &response);
    let text = score.map(|s| super::cells::format_value(s.likely));
    if let Some(text) = &text {
        let color = ui.visuals().strong_text_color();
        let galley = ui.painter().layout_no_wrap(
            text.clone(),
            egui::TextStyle::Body.resolve(ui.style()),
            color,
        );
        let pos = egui::pos2(
            rect.left() + theme::SPACE_S,
            rect.center().y - galley.size().y / 2.0,
        );
        ui.painter().galley(pos, galley, color);
    }
    if score.is_none() {
        let hover = match slot.rater {
            None => "No score yet: type a number, or click to enter one".to_owned(),
            Some(rater) => format!(
                "No score from {} yet: type a number, or click to enter one",
                rater.name
            ),
        };
        return Entry {
            response: Some(response.on_hover_text(hover)),
            wants_rationale,
        };
    }
    Entry {
        response: Some(response),
        wants_rationale,
    }
}

/// Keys for a focused cell that is not being edited; true when `r` asks for the rationale.
fn keys(ui: &mut Ui, cx: &mut ViewCtx<'_>, slot: Slot<'_>, state: &mut EntryState) -> bool {
    let steps = [
        (Modifiers::NONE, Key::ArrowUp, Move::Arrow(Step::Up)),
        (Modifiers::NONE, Key::ArrowDown, Move::Arrow(Step::Down)),
        (Modifiers::NONE, Key::ArrowLeft, Move::Arrow(Step::Left)),
        (Modifiers::NONE, Key::ArrowRight, Move::Arrow(Step::Right)),
        (Modifiers::SHIFT, Key::Tab, Move::Tab(Step::Left)),
        (Modifiers::NONE, Key::Tab, Move::Tab(Step::Right)),
    ];
    // From the last column Tab, and from the first Shift+Tab, leave the table for the
    // control after or before it.
    let at = position(cx, slot);
    let last_column = at.is_some_and(|at| at.criterion_idx + 1 == cx.session.criteria.len());
    let first_column = at.is_some_and(|at| at.criterion_idx == 0);
    if first_column && ui.input(|i| i.key_pressed(Key::Tab) && i.modifiers.shift) {
        return false;
    }
    for (modifiers, key, how) in steps {
        if last_column && how == Move::Tab(Step::Right) {
            continue;
        }
        if ui.input_mut(|i| i.consume_key(modifiers, key)) {
            state.step(cx, slot, how);
            return false;
        }
    }
    let score = slot.score();
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
        || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F2))
    {
        let text = score.map(|s| super::cells::format_value(s.likely));
        state.start(slot, text.unwrap_or_default(), true);
        return false;
    }
    if ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Delete)
            || i.consume_key(Modifiers::NONE, Key::Backspace)
    }) {
        if score.is_some() {
            cx.edit(slot.edit(None));
            cx.seal();
        }
        return false;
    }
    // Text typed on the cell: a number starts editing it, `r` opens the rationale; a
    // pasted block fills the cells from here.
    let mut typed = None;
    let mut pasted = None;
    let mut rationale = false;
    ui.input_mut(|i| {
        i.events.retain(|event| match event {
            Event::Text(text) if starts_number(text) => {
                typed.get_or_insert_with(String::new).push_str(text);
                false
            }
            Event::Text(text) if text == "r" || text == "R" => {
                rationale = true;
                false
            }
            Event::Paste(text) => {
                pasted = Some(text.clone());
                false
            }
            _ => true,
        });
    });
    if let Some(text) = typed {
        state.start(slot, text, false);
    } else if let Some(text) = pasted {
        paste(cx, slot, &text, state);
    }
    rationale && score.is_some()
}

fn starts_number(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.'))
}

fn paste(cx: &mut ViewCtx<'_>, slot: Slot<'_>, text: &str, state: &mut EntryState) {
    let Some(at) = position(cx, slot) else {
        return;
    };
    match grid::paste_edit(cx.session, slot.rater, at, text) {
        Ok((edit, n)) => {
            cx.edit(edit);
            cx.seal();
            let plural = if n == 1 { "score" } else { "scores" };
            state.note(Some(format!(
                "Pasted {n} {plural} (Ctrl+Z takes them back)"
            )));
        }
        Err(why) => state.refuse(why),
    }
}

/// Dragging sideways on a value moves it across its scale, about 100 points end to end.
fn drag(ui: &Ui, cx: &mut ViewCtx<'_>, slot: Slot<'_>, response: &egui::Response) {
    let Some(score) = slot.score() else {
        return;
    };
    let start_id = response.id.with("drag-start");
    if response.drag_started() {
        ui.data_mut(|d| d.insert_temp(start_id, (score.likely, 0.0_f32)));
    }
    if response.dragged()
        && let Some((start, moved)) = ui.data(|d| d.get_temp::<(f64, f32)>(start_id))
    {
        let moved = moved + response.drag_delta().x;
        ui.data_mut(|d| d.insert_temp(start_id, (start, moved)));
        let scale = &slot.criterion.scale;
        let value = start + f64::from(moved) * scale.span() / 100.0;
        let value = ((value * 100.0).round() / 100.0).clamp(scale.lo, scale.hi);
        if value != score.likely {
            cx.edit(slot.edit(Some(grid::with_likely(slot, value).0)));
        }
    }
    if response.drag_stopped() {
        ui.data_mut(|d| d.remove::<(f64, f32)>(start_id));
        cx.seal();
    }
}

/// The field a cell's value is typed into, with its keys.
fn draft_ui(ui: &mut Ui, cx: &mut ViewCtx<'_>, slot: Slot<'_>, rect: Rect, state: &mut EntryState) {
    let id = cell_id(slot).with("draft");
    // Enter, Tab and Escape are the cell's, not the field's: read them before it draws.
    let mut done = None;
    if ui.memory(|m| m.has_focus(id)) {
        let keys = [
            (Modifiers::SHIFT, Key::Enter, Some(Move::Enter(Step::Up))),
            (Modifiers::NONE, Key::Enter, Some(Move::Enter(Step::Down))),
            (Modifiers::SHIFT, Key::Tab, Some(Move::Tab(Step::Left))),
            (Modifiers::NONE, Key::Tab, Some(Move::Tab(Step::Right))),
            (Modifiers::NONE, Key::Escape, None),
        ];
        done = keys
            .into_iter()
            .find(|(modifiers, key, _)| ui.input_mut(|i| i.consume_key(*modifiers, *key)))
            .map(|(.., step)| step);
    }
    let Some(draft) = state.draft.as_mut() else {
        return;
    };
    let field = egui::TextEdit::singleline(&mut draft.text)
        .id(id)
        .event_filter(EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: true,
        })
        .desired_width(rect.width() - theme::SPACE_S * 2.0)
        .margin(egui::Margin::symmetric(2, 0));
    let response = ui.put(rect.shrink2(egui::vec2(theme::SPACE_XS, 2.0)), field);
    super::cells::name_widget(&response, || slot.name());
    if draft.focus_pending {
        draft.focus_pending = false;
        // A value carried in from the cell is selected, so typing replaces it; a digit
        // that started the entry keeps the cursor after it.
        let range = if draft.select_all {
            egui::text::CCursorRange::select_all_str(&draft.text)
        } else {
            egui::text::CCursorRange::one(egui::text::CCursor::new(draft.text.chars().count()))
        };
        let mut field_state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
        field_state.cursor.set_char_range(Some(range));
        egui::TextEdit::store_state(ui.ctx(), id, field_state);
        cx.focus(id);
        ui.ctx().request_repaint();
        return;
    }
    let text = draft.text.clone();
    match done {
        // Escape: the cell keeps its value and the keyboard.
        Some(None) => {
            state.draft = None;
            state.message = None;
            state.focus_on(CellKey::of(slot));
        }
        Some(Some(how)) => {
            if commit(cx, slot, &text, state) {
                state.draft = None;
                state.step(cx, slot, how);
            } else if let Some(draft) = state.draft.as_mut() {
                draft.focus_pending = true;
            }
        }
        // Clicked away: keep a good value, drop a bad one and say why.
        None if response.lost_focus() || !response.has_focus() => {
            commit(cx, slot, &text, state);
            state.draft = None;
        }
        None => {}
    }
}

/// Puts the typed text in the cell; false (with the reason shown) when it is refused.
/// An empty field clears nothing: it leaves the cell as it was.
fn commit(cx: &mut ViewCtx<'_>, slot: Slot<'_>, text: &str, state: &mut EntryState) -> bool {
    if text.trim().is_empty() {
        return true;
    }
    match grid::parse_value(text, slot.criterion) {
        Ok(value) => {
            let (score, note) = grid::with_likely(slot, value);
            if slot.score() != Some(&score) {
                cx.edit(slot.edit(Some(score)));
                cx.seal();
            }
            state.note(note);
            true
        }
        Err(why) => {
            state.refuse(format!("{}: {why}; not changed", slot.name()));
            false
        }
    }
}
