//! Design tokens: every colour, size, spacing and chart palette the views use, named by
//! role, with values per theme. Views ask for `theme::palette(ui).error`, never a literal
//! colour, and space things by `SPACE_*`.

use egui::Color32;

/// The colours of one theme, by role.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Primary actions and the recommended option.
    pub accent: Color32,
    /// Errors and vetoed options.
    pub error: Color32,
    /// An unscored option, an unanswered question, something to look at.
    pub warning: Color32,
    /// Kill advice and kill outcomes.
    pub kill: Color32,
    /// A good result.
    pub good: Color32,
    /// What does not count (a vetoed option's bar) and chart guide lines.
    pub muted: Color32,
    /// Rank 1, 2, 3, 4 and 5-or-worse in the acceptability bars, strong to faint.
    pub rank_ramp: [Color32; 5],
    /// A tornado bar that flips the leader.
    pub flip: Color32,
    /// A tornado bar that reaches the end of its range without a flip.
    pub never_flips: Color32,
    /// One colour per option in charts, cycling after ten.
    pub series: [Color32; 10],
    /// Matrix cell backgrounds: worst, middle and best normalised score; orange, grey and
    /// blue so they stay apart with red-green colour blindness (checked in `ui::palette`).
    pub score_ramp: [[u8; 3]; 3],
    /// Text while presenting: as much contrast as the screen gives.
    pub presenting_text: Color32,
    /// Background while presenting.
    pub presenting_background: Color32,
}

const SERIES: [Color32; 10] = [
    Color32::from_rgb(0x2f, 0x6f, 0xde),
    Color32::from_rgb(0xe0, 0x8e, 0x0b),
    Color32::from_rgb(0x2e, 0x7d, 0x32),
    Color32::from_rgb(0xc6, 0x28, 0x28),
    Color32::from_rgb(0x8e, 0x24, 0xaa),
    Color32::from_rgb(0x00, 0x83, 0x8f),
    Color32::from_rgb(0x6d, 0x4c, 0x41),
    Color32::from_rgb(0xd8, 0x1b, 0x60),
    Color32::from_rgb(0x55, 0x8b, 0x2f),
    Color32::from_rgb(0x54, 0x6e, 0x7a),
];

/// Rank acceptability shades: samples of the viridis map (van der Walt & Smith), dark purple
/// to yellow, which `ui::palette` spreads over the ranks shown (checked there under simulated
/// colour blindness).
pub const RANK_VIRIDIS: [[u8; 3]; 10] = [
    [0x44, 0x01, 0x54],
    [0x48, 0x28, 0x78],
    [0x3e, 0x49, 0x89],
    [0x31, 0x68, 0x8e],
    [0x26, 0x82, 0x8e],
    [0x1f, 0x9e, 0x89],
    [0x35, 0xb7, 0x79],
    [0x6e, 0xce, 0x58],
    [0xb5, 0xde, 0x2b],
    [0xfd, 0xe7, 0x25],
];

const RANK_RAMP: [Color32; 5] = [
    Color32::from_rgb(38, 139, 210),
    Color32::from_rgb(108, 175, 226),
    Color32::from_rgb(160, 200, 232),
    Color32::from_rgb(200, 220, 238),
    Color32::from_rgb(225, 228, 232),
];

/// The dark theme.
pub const DARK: Palette = Palette {
    accent: Color32::from_rgb(0x2f, 0x6f, 0xde),
    error: Color32::from_rgb(0xc6, 0x28, 0x28),
    warning: Color32::from_rgb(0xe0, 0x8e, 0x0b),
    kill: Color32::from_rgb(0x8e, 0x24, 0xaa),
    good: Color32::from_rgb(0x2e, 0x7d, 0x32),
    muted: Color32::from_rgb(0x9e, 0x9e, 0x9e),
    rank_ramp: RANK_RAMP,
    flip: Color32::from_rgb(220, 120, 60),
    never_flips: Color32::from_rgb(170, 170, 170),
    series: SERIES,
    score_ramp: [[0x8a, 0x54, 0x14], [0x3a, 0x3a, 0x3a], [0x2b, 0x5f, 0x9e]],
    presenting_text: Color32::WHITE,
    presenting_background: Color32::BLACK,
};

/// The light theme.
pub const LIGHT: Palette = Palette {
    score_ramp: [[0xe8, 0xa2, 0x5a], [0xf2, 0xf2, 0xf2], [0x7f, 0xb0, 0xe0]],
    presenting_text: Color32::BLACK,
    presenting_background: Color32::WHITE,
    ..DARK
};

/// The palette of the theme `ui` is drawn in.
pub fn palette(ui: &egui::Ui) -> &'static Palette {
    palette_for(ui.visuals().dark_mode)
}

/// A colour worked out from the tokens (a heat-map or rank shade) as egui draws it.
pub const fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// The palette of the dark (`true`) or light theme.
pub fn palette_for(dark: bool) -> &'static Palette {
    if dark { &DARK } else { &LIGHT }
}

/// Body text size in normal use, points.
pub const BODY_SIZE: f32 = 14.0;
/// Body text size in presentation mode, points.
pub const PRESENTING_BODY_SIZE: f32 = 22.0;
/// How much larger text reads while presenting.
pub const PRESENTING_SCALE: f32 = PRESENTING_BODY_SIZE / BODY_SIZE;
/// Small text, headings and monospace, relative to the body size.
pub const SMALL_SCALE: f32 = 0.75;
/// Headings relative to the body size.
pub const HEADING_SCALE: f32 = 1.6;
/// Monospace relative to the body size.
pub const MONOSPACE_SCALE: f32 = 0.9;

/// Between items of one group, points.
pub const SPACE_S: f32 = 4.0;
/// Between a heading and what it heads, points.
pub const SPACE_M: f32 = 6.0;
/// Between rows of a form, points.
pub const SPACE_L: f32 = 8.0;
/// Between sections of a place, points.
pub const SPACE_XL: f32 = 12.0;

/// Lines that belong together (an option's title over its lens), points.
pub const SPACE_NONE: f32 = 0.0;
/// Between the parts of one compact widget (a matrix cell, a header), points.
pub const SPACE_XS: f32 = 2.0;
/// Room between a presented matrix cell's edge and its number.
pub const CELL_INSET: f32 = 10.0;
/// How far a quoted line sits in from the text around it.
pub const INDENT: f32 = 16.0;

/// The directive quoted while presenting, points.
pub const QUOTE_SIZE: f32 = 28.0;
/// The robustness verdict line, points.
pub const VERDICT_SIZE: f32 = 20.0;

/// The narrowest a text field shrinks to so a row fits the window, points.
pub const FIELD_MIN_WIDTH: f32 = 160.0;
/// The widest a text field grows, however much room its row has, points.
pub const FIELD_MAX_WIDTH: f32 = 640.0;

/// Width of the navigation on the left, points.
pub const NAV_WIDTH: f32 = 170.0;
/// Height of a navigation entry, points.
pub const NAV_ROW_HEIGHT: f32 = 28.0;
/// Width of the frame around the recommendation, points.
pub const EMPHASIS_STROKE: f32 = 2.0;
/// Thickness of the bar along the top of a matrix cell to discuss first, points.
pub const DISCUSS_BAR: f32 = 4.0;
/// Width of a cell's outline when it is missing a score, and of small marks, points.
pub const MARK_STROKE: f32 = 1.5;
/// Height of the veto gauge along the bottom of a matrix cell.
pub const VETO_GAUGE_HEIGHT: f32 = 3.0;

/// Background for a matrix cell whose normalised value (0 worst, 1 best) is `n`: the
/// colour-blind-safe orange ↔ grey ↔ blue scale of [`super::palette::heat_fill`].
pub fn score_fill(n: f64, dark_mode: bool) -> Color32 {
    super::palette::heat_fill(n, dark_mode).color32()
}

/// A distinct colour per series (options in charts), cycling after ten.
pub fn series_color(idx: usize) -> Color32 {
    SERIES[idx % SERIES.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_and_symbols_have_a_bundled_font() {
        // Titles like "🚀 Launch → ✓" must not draw as boxes on a machine with few fonts.
        let fonts = egui::FontDefinitions::default();
        let fallbacks = &fonts.families[&egui::FontFamily::Proportional];
        assert!(fallbacks.iter().any(|name| name == "NotoEmoji-Regular"));
    }

    #[test]
    fn presenting_text_stands_out_against_its_background_in_both_themes() {
        for palette in [&DARK, &LIGHT] {
            assert_ne!(palette.presenting_text, palette.presenting_background);
        }
        assert_eq!(PRESENTING_BODY_SIZE, 22.0);
    }

    #[test]
    fn score_fills_run_from_the_worst_colour_to_the_best() {
        for dark in [true, false] {
            let [bad, _, good] = palette_for(dark).score_ramp;
            assert_eq!(
                score_fill(0.0, dark),
                Color32::from_rgb(bad[0], bad[1], bad[2])
            );
            assert_eq!(
                score_fill(1.0, dark),
                Color32::from_rgb(good[0], good[1], good[2])
            );
        }
    }
}
