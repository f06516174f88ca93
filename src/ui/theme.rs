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

/// Background for a matrix cell whose normalised value (0 worst, 1 best) is `n`:
/// red through neutral to green, muted enough to keep text legible in both themes.
pub fn score_fill(n: f64, dark_mode: bool) -> Color32 {
    let n = if n.is_finite() {
        n.clamp(0.0, 1.0) as f32
    } else {
        0.5
    };
    let (bad, mid, good) = if dark_mode {
        ([0x6b, 0x22, 0x22], [0x3a, 0x3a, 0x3a], [0x1f, 0x5c, 0x2a])
    } else {
        ([0xf4, 0xc7, 0xc3], [0xf2, 0xf2, 0xf2], [0xc8, 0xe6, 0xc9])
    };
    let (from, to, t) = if n < 0.5 {
        (bad, mid, n * 2.0)
    } else {
        (mid, good, (n - 0.5) * 2.0)
    };
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    Color32::from_rgb(
        mix(from[0], to[0]),
        mix(from[1], to[1]),
        mix(from[2], to[2]),
    )
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
