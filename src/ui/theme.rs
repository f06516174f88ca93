//! Design tokens: every colour and size the views use comes from here.

use egui::Color32;

/// Accent colour for primary actions and the recommended option.
pub const ACCENT: Color32 = Color32::from_rgb(0x2f, 0x6f, 0xde);
/// Marks a vetoed option.
pub const VETO: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
/// Marks an unscored option or an unanswered question.
pub const WARNING: Color32 = Color32::from_rgb(0xe0, 0x8e, 0x0b);
/// Marks kill advice and kill outcomes.
pub const KILL: Color32 = Color32::from_rgb(0x8e, 0x24, 0xaa);
/// Marks a good result.
pub const GOOD: Color32 = Color32::from_rgb(0x2e, 0x7d, 0x32);

/// Body text size in normal use, points.
pub const BODY_SIZE: f32 = 14.0;
/// Body text size in presentation mode, points.
pub const PRESENTING_BODY_SIZE: f32 = 22.0;

/// Background for a matrix cell whose normalised value (0 worst, 1 best) is `n`: the
/// colour-blind-safe orange ↔ grey ↔ blue scale of [`super::palette::heat_fill`].
pub fn score_fill(n: f64, dark_mode: bool) -> Color32 {
    super::palette::heat_fill(n, dark_mode).color32()
}

/// A distinct colour per series (options in charts), cycling after ten.
pub fn series_color(idx: usize) -> Color32 {
    const PALETTE: [Color32; 10] = [
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
    PALETTE[idx % PALETTE.len()]
}

/// Greys out what does not count, e.g. the bar of a vetoed option; also chart guide lines.
pub const MUTED: Color32 = Color32::from_rgb(0x9e, 0x9e, 0x9e);

#[cfg(test)]
mod tests {
    #[test]
    fn emoji_and_symbols_have_a_bundled_font() {
        // Titles like "🚀 Launch → ✓" must not draw as boxes on a machine with few fonts.
        let fonts = egui::FontDefinitions::default();
        let fallbacks = &fonts.families[&egui::FontFamily::Proportional];
        assert!(fallbacks.iter().any(|name| name == "NotoEmoji-Regular"));
    }
}
