//! Chart and heat-map colours chosen to read for everyone in the room, including the one
//! in twelve men with red–green colour blindness.
//!
//! - [`heat_fill`]: a diverging orange ↔ neutral ↔ blue scale for matrix cells (orange is
//!   worse, blue is better). Orange and blue stay apart under deuteranopia and
//!   protanopia, where the old red ↔ green scale collapsed into one muddy olive.
//! - [`rank_fill`]: a sequential ramp for rank acceptability (rank 1 darkest, after the
//!   viridis map), with lightness rising evenly so neighbouring ranks stay apart.
//!
//! The tests simulate deuteranopia and protanopia (Machado, Oliveira & Fernandes 2009,
//! severity 1) and require every pair of neighbouring shades to differ by at least
//! [`MIN_NEIGHBOUR_DELTA_E`] (CIE 1976 ΔE in L*a*b*), and text on every shade to meet the
//! WCAG 4.5 : 1 contrast for body text.

use egui::Color32;

/// Neighbouring shades differ by at least this ΔE*ab for normal, deuteranope and
/// protanope vision; about 2.3 is a just-noticeable difference, 10 is plainly different.
pub const MIN_NEIGHBOUR_DELTA_E: f64 = 15.0;

/// Ranks that get a shade of their own; lower ranks share the last one.
pub const DISTINCT_RANKS: usize = 6;

/// An sRGB colour as three bytes, free of any drawing library so it can be tested pure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// The colour for egui.
    pub fn color32(self) -> Color32 {
        super::theme::rgb(self.0)
    }

    /// Linear interpolation in sRGB, `t` from 0 (self) to 1 (`to`).
    fn mix(self, to: Rgb, t: f64) -> Rgb {
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let channel = |a: u8, b: u8| {
            (f64::from(a) + (f64::from(b) - f64::from(a)) * t)
                .round()
                .clamp(0.0, 255.0) as u8
        };
        Rgb([
            channel(self.0[0], to.0[0]),
            channel(self.0[1], to.0[1]),
            channel(self.0[2], to.0[2]),
        ])
    }

    /// Relative luminance (WCAG 2), 0 black to 1 white.
    pub fn luminance(self) -> f64 {
        let [r, g, b] = linear(self);
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// WCAG contrast ratio with `other`, from 1 (same) to 21 (black on white).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Black or white, whichever reads better on this colour.
    pub fn text_on(self) -> Rgb {
        let (black, white) = (Rgb([0, 0, 0]), Rgb([255, 255, 255]));
        if self.contrast(black) >= self.contrast(white) {
            black
        } else {
            white
        }
    }
}

/// The colour's linear-light RGB channels, 0..1.
pub fn linear(c: Rgb) -> [f64; 3] {
    c.0.map(|v| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    })
}

/// The three anchors of the heat map in one theme, from the design tokens.
struct Diverging {
    worse: Rgb,
    neutral: Rgb,
    better: Rgb,
}

fn heat_anchors(dark_mode: bool) -> Diverging {
    let [worse, neutral, better] = super::theme::palette_for(dark_mode).score_ramp;
    Diverging {
        worse: Rgb(worse),
        neutral: Rgb(neutral),
        better: Rgb(better),
    }
}

/// The fill for a matrix cell whose normalised value is `n` (0 worst, 1 best; anything not
/// finite is drawn neutral): orange through grey to blue, muted enough that the theme's
/// text reads on every shade.
pub fn heat_fill(n: f64, dark_mode: bool) -> Rgb {
    let scale = heat_anchors(dark_mode);
    if !n.is_finite() {
        return scale.neutral;
    }
    let n = n.clamp(0.0, 1.0);
    if n < 0.5 {
        scale.worse.mix(scale.neutral, n * 2.0)
    } else {
        scale.neutral.mix(scale.better, (n - 0.5) * 2.0)
    }
}

/// The theme's body text colour the heat map was checked against.
pub fn heat_text(dark_mode: bool) -> Rgb {
    if dark_mode {
        Rgb([0xff, 0xff, 0xff])
    } else {
        Rgb([0x00, 0x00, 0x00])
    }
}

const VIRIDIS: [Rgb; 10] = {
    let v = super::theme::RANK_VIRIDIS;
    [
        Rgb(v[0]),
        Rgb(v[1]),
        Rgb(v[2]),
        Rgb(v[3]),
        Rgb(v[4]),
        Rgb(v[5]),
        Rgb(v[6]),
        Rgb(v[7]),
        Rgb(v[8]),
        Rgb(v[9]),
    ]
};

fn viridis(t: f64) -> Rgb {
    let x = t.clamp(0.0, 1.0) * (VIRIDIS.len() - 1) as f64;
    let idx = (x.floor() as usize).min(VIRIDIS.len() - 2);
    VIRIDIS[idx].mix(VIRIDIS[idx + 1], x - idx as f64)
}

/// How many shades a chart of `n_ranks` ranks uses: one per rank up to
/// [`DISTINCT_RANKS`], the last one shared by every lower rank.
pub fn rank_shades(n_ranks: usize) -> usize {
    n_ranks.clamp(1, DISTINCT_RANKS)
}

/// Which shade rank `rank` (1 = best) takes in a chart of `n_ranks` ranks.
pub fn rank_shade(rank: usize) -> usize {
    rank.clamp(1, DISTINCT_RANKS) - 1
}

/// The fill for rank `rank` (1 = best) in a chart of `n_ranks` ranks: rank 1 darkest,
/// the last shade yellow. Ranks past [`DISTINCT_RANKS`] share the last shade.
pub fn rank_fill(rank: usize, n_ranks: usize) -> Rgb {
    let shades = rank_shades(n_ranks);
    if shades == 1 {
        return VIRIDIS[0];
    }
    let shade = rank_shade(rank).min(shades - 1);
    viridis(shade as f64 / (shades - 1) as f64)
}

/// The legend's name for a shade: "1st" … "5th", and "6th or lower" for the shared one.
pub fn rank_shade_label(shade: usize, n_ranks: usize) -> String {
    let rank = shade + 1;
    let ordinal = ordinal(rank);
    if rank == rank_shades(n_ranks) && n_ranks > rank {
        format!("{ordinal} or lower")
    } else {
        ordinal
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st", …
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
#[path = "palette_tests.rs"]
mod tests;
