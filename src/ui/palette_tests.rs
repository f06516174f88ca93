//! The palettes checked as a colour-blind viewer would see them.

use super::*;

/// How someone sees a colour: the identity, or a simulation of dichromacy.
#[derive(Clone, Copy, Debug)]
enum Vision {
    Normal,
    Deuteranopia,
    Protanopia,
}

const VISIONS: [Vision; 3] = [Vision::Normal, Vision::Deuteranopia, Vision::Protanopia];

impl Vision {
    /// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Deuteranopia => [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
            Vision::Protanopia => [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        }
    }

    /// The colour as this viewer sees it, in CIE L*a*b* (D65).
    fn lab(self, c: Rgb) -> [f64; 3] {
        let l = linear(c);
        let m = self.matrix();
        let [r, g, b] =
            [0, 1, 2].map(|i| (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0));
        let x = 0.4124 * r + 0.3576 * g + 0.1805 * b;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
        let f = |t: f64| {
            let d: f64 = 6.0 / 29.0;
            if t > d.powi(3) {
                t.cbrt()
            } else {
                t / (3.0 * d * d) + 4.0 / 29.0
            }
        };
        let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    fn delta_e(self, a: Rgb, b: Rgb) -> f64 {
        let (a, b) = (self.lab(a), self.lab(b));
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }
}

fn assert_neighbours_apart(name: &str, shades: &[Rgb]) {
    for vision in VISIONS {
        for pair in shades.windows(2) {
            let d = vision.delta_e(pair[0], pair[1]);
            assert!(
                d >= MIN_NEIGHBOUR_DELTA_E,
                "{name}: {:?} and {:?} differ by only ΔE {d:.1} under {vision:?}",
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn heat_map_steps_stay_apart_under_deuteranopia_and_protanopia_in_both_themes() {
    for dark in [false, true] {
        let steps: Vec<Rgb> = [0.0, 0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|&n| heat_fill(n, dark))
            .collect();
        assert_neighbours_apart(if dark { "dark heat" } else { "light heat" }, &steps);
        for vision in VISIONS {
            assert!(
                vision.delta_e(steps[0], steps[4]) >= 60.0,
                "worst and best must be far apart under {vision:?}"
            );
        }
    }
}

#[test]
fn the_old_red_green_heat_map_fails_the_same_check() {
    // The check has teeth: the red and green ends the matrix used before come out almost
    // the same lightness and hue for a deuteranope.
    let (red, green) = (Rgb([0xf4, 0xc7, 0xc3]), Rgb([0xc8, 0xe6, 0xc9]));
    assert!(Vision::Normal.delta_e(red, green) > 15.0);
    assert!(Vision::Deuteranopia.delta_e(red, green) < MIN_NEIGHBOUR_DELTA_E);
}

#[test]
fn text_reads_on_every_heat_map_shade() {
    for dark in [false, true] {
        for k in 0..=20 {
            let fill = heat_fill(f64::from(k) / 20.0, dark);
            let contrast = fill.contrast(heat_text(dark));
            assert!(contrast >= 4.5, "contrast {contrast:.1} on {fill:?}");
        }
    }
}

#[test]
fn every_rank_shade_stays_apart_from_its_neighbour_for_every_chart_size() {
    for n_ranks in 2..=12 {
        let shades: Vec<Rgb> = (0..rank_shades(n_ranks))
            .map(|shade| rank_fill(shade + 1, n_ranks))
            .collect();
        assert_neighbours_apart(&format!("{n_ranks} ranks"), &shades);
    }
}

#[test]
fn ranks_past_the_distinct_ones_share_the_last_shade_and_say_so() {
    assert_eq!(rank_fill(7, 10), rank_fill(6, 10));
    assert_ne!(rank_fill(5, 10), rank_fill(6, 10));
    assert_eq!(rank_shade_label(5, 10), "6th or lower");
    assert_eq!(rank_shade_label(5, 6), "6th");
    assert_eq!(rank_shade_label(0, 3), "1st");
    assert_eq!(ordinal(12), "12th");
    assert_eq!(ordinal(22), "22nd");
}

#[test]
fn shares_printed_in_a_rank_segment_read_on_its_shade() {
    for n_ranks in 1..=8 {
        for rank in 1..=n_ranks {
            let fill = rank_fill(rank, n_ranks);
            assert!(fill.contrast(fill.text_on()) >= 4.5, "{fill:?}");
        }
    }
}

#[test]
fn a_value_that_is_not_a_number_is_drawn_neutral() {
    assert_eq!(heat_fill(f64::NAN, false), heat_fill(0.5, false));
}
