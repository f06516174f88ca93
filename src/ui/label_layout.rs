//! Where to put the name of every marker in a scatter chart so that nobody has to hover:
//! pure layout maths on screen rectangles, no drawing.
//!
//! Markers that sit on the same spot become one label listing every name, one per line. Each label then tries the eight places around its marker, nearest first;
//! when all of those would cover another label, a marker or the chart's edge, it moves out
//! ring by ring and is joined to its marker by a leader line. Labels are placed greedily,
//! top to bottom, so the result is the same for the same input.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Gap between a marker's edge and its label, and between neighbouring labels, points.
pub const GAP: f32 = 3.0;
/// How many rings outwards a label may move before it settles for the least overlap.
pub const MAX_RINGS: usize = 6;

/// One marker to be named.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Centre on screen.
    pub pos: Pos2,
    /// Radius on screen, points.
    pub radius: f32,
    /// The name to show.
    pub name: String,
}

/// One label as placed.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// The text: one name, or every coincident marker's name, one per line.
    pub text: String,
    /// Where the text goes.
    pub rect: Rect,
    /// The marker (or the first of the coincident markers) it names.
    pub anchor: Pos2,
    /// True when the label sits away from its marker and needs a line to it.
    pub leader: bool,
    /// The markers it names, by position in the input.
    pub members: Vec<usize>,
}

/// Markers whose centres are closer than `tolerance` points, as groups of input
/// positions in input order.
pub fn coincident_groups(markers: &[Marker], tolerance: f32) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (idx, marker) in markers.iter().enumerate() {
        let near = groups
            .iter_mut()
            .find(|g| markers[g[0]].pos.distance(marker.pos) <= tolerance);
        match near {
            Some(group) => group.push(idx),
            None => groups.push(vec![idx]),
        }
    }
    groups
}

/// Places a label for every marker inside `bounds`. `measure` gives a text's size on
/// screen; markers closer than `tolerance` points share one label.
pub fn place_labels(
    markers: &[Marker],
    bounds: Rect,
    tolerance: f32,
    measure: impl Fn(&str) -> Vec2,
) -> Vec<PlacedLabel> {
    let mut groups = coincident_groups(markers, tolerance);
    // Top to bottom, then left to right: a stable order people also read in.
    groups.sort_by(|a, b| {
        let (pa, pb) = (markers[a[0]].pos, markers[b[0]].pos);
        pa.y.total_cmp(&pb.y).then(pa.x.total_cmp(&pb.x))
    });
    let obstacles: Vec<Rect> = markers
        .iter()
        .map(|m| Rect::from_center_size(m.pos, Vec2::splat(2.0 * m.radius)))
        .collect();
    let mut placed: Vec<PlacedLabel> = Vec::with_capacity(groups.len());
    for members in groups {
        let first = &markers[members[0]];
        let radius = members
            .iter()
            .map(|&i| markers[i].radius)
            .fold(0.0, f32::max);
        let text = members
            .iter()
            .map(|&i| markers[i].name.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let size = measure(&text);
        let taken: Vec<Rect> = placed.iter().map(|p| p.rect.expand(GAP)).collect();
        let cost = |rect: Rect| -> f32 {
            let clash = |other: &Rect| rect.intersect(*other).area().max(0.0);
            let labels: f32 = taken.iter().map(clash).sum();
            let dots: f32 = obstacles
                .iter()
                .enumerate()
                .filter(|(i, _)| !members.contains(i))
                .map(|(_, r)| clash(r))
                .sum();
            let outside = rect.area() - rect.intersect(bounds).area().max(0.0);
            labels + dots + 4.0 * outside
        };
        let mut best: Option<(f32, Rect, usize)> = None;
        'rings: for ring in 0..=MAX_RINGS {
            let reach = radius + GAP + ring as f32 * (size.y + GAP);
            for rect in candidates(first.pos, reach, size) {
                let c = cost(rect);
                if best.is_none_or(|(b, ..)| c < b) {
                    best = Some((c, rect, ring));
                }
                if c <= 0.0 {
                    break 'rings;
                }
            }
        }
        let (_, rect, ring) = best.unwrap_or((0.0, candidates(first.pos, radius, size)[0], 0));
        placed.push(PlacedLabel {
            text,
            rect,
            anchor: first.pos,
            leader: ring > 0,
            members,
        });
    }
    placed
}

/// The eight places around `centre` at distance `reach`, in order of preference: right,
/// left, above, below, then the corners.
fn candidates(centre: Pos2, reach: f32, size: Vec2) -> [Rect; 8] {
    let (w, h) = (size.x, size.y);
    let at = |min: Pos2| Rect::from_min_size(min, size);
    let diag = reach * std::f32::consts::FRAC_1_SQRT_2;
    [
        at(pos2(centre.x + reach, centre.y - h / 2.0)),
        at(pos2(centre.x - reach - w, centre.y - h / 2.0)),
        at(pos2(centre.x - w / 2.0, centre.y - reach - h)),
        at(pos2(centre.x - w / 2.0, centre.y + reach)),
        at(pos2(centre.x + diag, centre.y - diag - h)),
        at(pos2(centre.x - diag - w, centre.y - diag - h)),
        at(pos2(centre.x + diag, centre.y + diag)),
        at(pos2(centre.x - diag - w, centre.y + diag)),
    ]
}

/// The point on `rect`'s edge nearest to `from`: where a leader line meets its label.
pub fn leader_end(rect: Rect, from: Pos2) -> Pos2 {
    pos2(
        from.x.clamp(rect.min.x, rect.max.x),
        from.y.clamp(rect.min.y, rect.max.y),
    )
}

/// A size for tests and callers without fonts: `char_width` per character of the longest
/// line, `line_height` per line.
pub fn monospace_measure(char_width: f32, line_height: f32) -> impl Fn(&str) -> Vec2 {
    move |text: &str| {
        let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        let lines = text.lines().count().max(1);
        vec2(longest as f32 * char_width, lines as f32 * line_height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(x: f32, y: f32, name: &str) -> Marker {
        Marker {
            pos: pos2(x, y),
            radius: 5.0,
            name: name.to_owned(),
        }
    }

    fn bounds() -> Rect {
        Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 500.0))
    }

    fn layout(markers: &[Marker]) -> Vec<PlacedLabel> {
        place_labels(markers, bounds(), 2.0, monospace_measure(8.0, 16.0))
    }

    #[test]
    fn every_marker_is_named_exactly_once() {
        let markers: Vec<Marker> = (0..12)
            .map(|i| {
                marker(
                    100.0 + 50.0 * (i % 4) as f32,
                    100.0 + 80.0 * (i / 4) as f32,
                    &format!("Option {i}"),
                )
            })
            .collect();
        let labels = layout(&markers);
        let mut named: Vec<usize> = labels.iter().flat_map(|l| l.members.clone()).collect();
        named.sort_unstable();
        assert_eq!(named, (0..12).collect::<Vec<_>>());
    }

    #[test]
    fn markers_on_the_same_spot_share_one_label_listing_both() {
        let markers = [
            marker(300.0, 200.0, "Do nothing"),
            marker(300.5, 200.0, "Kill"),
            marker(500.0, 200.0, "Buy a CDN"),
        ];
        let labels = layout(&markers);
        assert_eq!(labels.len(), 2);
        assert!(
            labels
                .iter()
                .any(|l| l.text == "Do nothing\nKill" && l.members == [0, 1])
        );
    }

    #[test]
    fn crowded_labels_do_not_overlap_each_other_or_other_markers() {
        // Ten markers in a tight cluster, as a session of similar options draws them.
        let markers: Vec<Marker> = (0..10)
            .map(|i| {
                marker(
                    380.0 + 12.0 * (i % 5) as f32,
                    240.0 + 12.0 * (i / 5) as f32,
                    &format!("Option number {i}"),
                )
            })
            .collect();
        let labels = layout(&markers);
        for (i, a) in labels.iter().enumerate() {
            assert!(
                bounds().contains_rect(a.rect),
                "{} leaves the chart",
                a.text
            );
            for b in &labels[i + 1..] {
                assert!(!a.rect.intersects(b.rect), "{} overlaps {}", a.text, b.text);
            }
            for (m_idx, m) in markers.iter().enumerate() {
                let dot = Rect::from_center_size(m.pos, Vec2::splat(2.0 * m.radius));
                assert!(
                    a.members.contains(&m_idx) || !a.rect.intersects(dot),
                    "{} covers marker {m_idx}",
                    a.text
                );
            }
        }
        assert!(
            labels.iter().any(|l| l.leader),
            "a cluster this tight needs leader lines"
        );
    }

    #[test]
    fn a_lone_marker_is_labelled_right_beside_it_without_a_leader() {
        let labels = layout(&[marker(100.0, 100.0, "Buy")]);
        assert!(!labels[0].leader);
        assert_eq!(labels[0].rect.min.x, 100.0 + 5.0 + GAP);
        assert_eq!(labels[0].rect.center().y, 100.0);
    }

    #[test]
    fn a_marker_at_the_right_edge_is_labelled_to_its_left() {
        let labels = layout(&[marker(795.0, 100.0, "Re-architect")]);
        assert!(bounds().contains_rect(labels[0].rect));
        assert!(labels[0].rect.max.x < 795.0);
    }

    #[test]
    fn the_same_markers_give_the_same_layout() {
        let markers: Vec<Marker> = (0..8)
            .map(|i| marker(200.0 + 9.0 * i as f32, 200.0, &format!("O{i}")))
            .collect();
        assert_eq!(layout(&markers), layout(&markers));
    }

    #[test]
    fn a_leader_line_ends_on_the_labels_edge() {
        let rect = Rect::from_min_max(pos2(10.0, 10.0), pos2(50.0, 20.0));
        assert_eq!(leader_end(rect, pos2(0.0, 15.0)), pos2(10.0, 15.0));
        assert_eq!(leader_end(rect, pos2(30.0, 40.0)), pos2(30.0, 20.0));
    }
}
