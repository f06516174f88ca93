//! No control is ever out of reach: at 1024 × 768 and 1600 × 1000, in every place, editing
//! and presenting, every interactive node of the AccessKit tree that is on screen vertically
//! lies inside the window horizontally. Rows wrap and fields shrink instead.
//!
//! The one exception is a table that scrolls sideways on purpose (the Matrix table when its
//! columns are wider than the window, the Portfolio's sessions table; see
//! [`SCROLLING_TABLES`]): what is inside it may lie past the edge, because its scroll bar
//! brings it back, so that scroll bar must itself fit the window. Every control outside such
//! a table must fit, the rows around it included, and any other area that scrolls sideways
//! is checked like the rest of the window.
//!
//! Each place is checked a page at a time down to its end, so controls below the fold count.
//! A failure names the place, the window size, editing or presenting, the control's role and
//! name, and where it spans.

use super::flow::noon;
use egui::accesskit::{Action, Role};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, NodeT, Queryable};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{
    Criterion, CriterionId, Direction, Rater, RaterId, Scale, Score, Session, Stakeholder, Stance,
};
use verdict::ui::command::Command;
use verdict::ui::theme;

/// The most pages a place is scrolled down to reach its last controls.
const MAX_PAGES: usize = 12;

/// How far past an edge a control may reach before it counts as out of the window.
const TOLERANCE: f32 = 1.0;

/// Roles a person acts on, whether or not the node says it takes a click or the keyboard.
const INTERACTIVE_ROLES: [Role; 13] = [
    Role::Button,
    Role::CheckBox,
    Role::ComboBox,
    Role::DefaultButton,
    Role::Link,
    Role::MenuItem,
    Role::MultilineTextInput,
    Role::RadioButton,
    Role::ScrollBar,
    Role::Slider,
    Role::SpinButton,
    Role::Tab,
    Role::TextInput,
];

/// The shipped live-streams session made harder to fit: a long title, two more criteria with
/// units, an option with a very long title, another stakeholder, and two raters with scores.
fn rich_session() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/live-streams.ron");
    let text = std::fs::read_to_string(&path).expect("the shipped session is readable");
    let mut session = verdict::store::load_document(text.as_bytes()).expect("it loads");
    session.title = "Live sports stream availability for the national football league renewal \
                     and the season after it"
        .into();
    let mut weeks = Criterion::new("weeks", "Time to first result", 15.0, Direction::Cost);
    weeks.unit = "engineer-weeks".into();
    weeks.scale = Scale {
        lo: 0.0,
        hi: 52.0,
        levels: Vec::new(),
    };
    weeks.veto = Some(40.0);
    let mut minutes = Criterion::new("minutes", "Match minutes saved", 10.0, Direction::Benefit);
    minutes.unit = "minutes per match-day".into();
    minutes.scale = Scale {
        lo: 0.0,
        hi: 120.0,
        levels: Vec::new(),
    };
    session.criteria.push(weeks);
    session.criteria.push(minutes);
    session.options[0].title = "Rebuild the origin and the packager as active-active across two \
                                regions behind a health-checked traffic manager, with failover \
                                drills every match-day"
        .into();
    session.framing.stakeholders.push(Stakeholder {
        name: "Priya Raman, engineering manager of the streaming platform team".into(),
        role: "Owns the on-call rota and signs off every change to the origin before a season"
            .into(),
        stance: Stance::Supporter,
    });
    session.raters = vec![
        Rater {
            id: RaterId::new("ana"),
            name: "Ana Silva".into(),
            role: "Streaming SRE lead".into(),
        },
        Rater {
            id: RaterId::new("bo"),
            name: "Bo Lindqvist".into(),
            role: "Finance partner for media".into(),
        },
    ];
    let criteria: Vec<CriterionId> = session.criteria.iter().map(|c| c.id.clone()).collect();
    for (n, option) in session.options.iter_mut().enumerate() {
        let step = n as f64;
        option
            .scores
            .insert(CriterionId::new("weeks"), Score::point(4.0 + 5.0 * step));
        option
            .scores
            .insert(CriterionId::new("minutes"), Score::point(10.0 * step));
        for (rater, shift) in [("ana", 0.0), ("bo", 1.0)] {
            let scores: BTreeMap<CriterionId, Score> = criteria
                .iter()
                .map(|id| {
                    let likely = option.scores.get(id).map_or(3.0, |s| s.likely);
                    let likely = if id.as_str() == "weeks" || id.as_str() == "minutes" {
                        likely
                    } else {
                        (likely + shift).min(5.0)
                    };
                    (id.clone(), Score::point(likely))
                })
                .collect();
            option.rater_scores.insert(RaterId::new(rater), scores);
        }
    }
    session
}

/// One window size's walk: its harness and the controls found out of reach so far.
struct Walk {
    harness: Harness<'static, VerdictApp>,
    size: egui::Vec2,
    presenting: bool,
    failures: Vec<String>,
}

impl Walk {
    fn new(width: f32, height: f32) -> Self {
        let app = VerdictApp::new_for_test(rich_session(), Prefs::default())
            .with_clock(noon)
            .with_robustness();
        let size = egui::vec2(width, height);
        let mut harness = Harness::builder()
            .with_size(size)
            .with_max_steps(12)
            .build_ui_state(|ui, app: &mut VerdictApp| app.draw(ui), app);
        harness.run();
        Self {
            harness,
            size,
            presenting: false,
            failures: Vec::new(),
        }
    }

    /// Shows the place under Ctrl + `key`. The robustness worker asks for frames while it
    /// runs, so frames are drawn without insisting that they settle.
    fn go(&mut self, key: Key) {
        self.harness.key_press_modifiers(Modifiers::COMMAND, key);
        self.harness.run_ok();
    }

    /// Draws frames until the robustness analysis has reported, so Decide shows it whole.
    fn wait_for_robustness(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self
            .harness
            .query_by_label_contains("Working out")
            .is_some()
        {
            assert!(
                Instant::now() < deadline,
                "no robustness report within 60 s"
            );
            std::thread::sleep(Duration::from_millis(20));
            self.harness.run_ok();
        }
    }

    fn command(&mut self, command: Command) {
        let ctx = self.harness.ctx.clone();
        self.harness.state_mut().command(&ctx, command);
        self.harness.run_ok();
    }

    /// Scrolls the control named `label` (the last of that name) into view and clicks it.
    fn click(&mut self, label: &str) {
        self.click_where(label, false);
    }

    /// Like [`Walk::click`], for the last control whose name holds `label`.
    fn click_containing(&mut self, label: &str) {
        self.click_where(label, true);
    }

    fn click_where(&mut self, label: &str, contains: bool) {
        for step in 0..2 {
            let found = if contains {
                self.harness.query_all_by_label_contains(label).last()
            } else {
                self.harness.query_all_by_label(label).last()
            };
            let node = found.unwrap_or_else(|| panic!("no control named {label:?} to click"));
            if step == 0 {
                node.scroll_to_me();
            } else {
                node.click();
            }
            self.harness.run_ok();
        }
    }

    /// Fails unless something named with `label` is drawn: the walk reached what it meant to.
    #[track_caller]
    fn expect(&self, label: &str) {
        self.expect_at_least(label, 1);
    }

    #[track_caller]
    fn expect_at_least(&self, label: &str, n: usize) {
        let found = self.harness.query_all_by_label_contains(label).count();
        assert!(
            found >= n,
            "{found} controls named {label:?}, not {n} or more"
        );
    }

    /// Checks every control of the place on screen, then a page further down at a time
    /// until its scroll area ends, so controls below the fold are checked too.
    fn check(&mut self, place: &str) {
        self.check_screen(place);
        for _ in 0..MAX_PAGES {
            let before = self.positions();
            self.wheel(-1.0);
            if self.positions() == before {
                break;
            }
            self.check_screen(place);
        }
        self.wheel(MAX_PAGES as f32);
    }

    /// Turns the wheel by `pages` over the middle of the place (negative: down).
    fn wheel(&mut self, pages: f32) {
        let left = if self.presenting {
            0.0
        } else {
            theme::NAV_WIDTH
        };
        let over = egui::pos2((left + self.size.x) / 2.0, self.size.y / 2.0);
        self.harness.hover_at(over);
        self.harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, pages),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        self.harness.run_ok();
    }

    /// Where every interactive node is: it changes when a scroll moved anything.
    fn positions(&self) -> Vec<(i32, i32)> {
        let ppp = self.harness.ctx.pixels_per_point();
        let mut found = Vec::new();
        let mut stack = vec![self.harness.root().accesskit_node()];
        while let Some(node) = stack.pop() {
            if is_interactive(&node)
                && let Some(r) = rect(&node, ppp)
            {
                found.push((r.left() as i32, r.top() as i32));
            }
            stack.extend(node.children());
        }
        found
    }

    /// Checks every control on screen now, as `place`; a control seen before on a page
    /// further up is named once.
    fn check_screen(&mut self, place: &str) {
        let ppp = self.harness.ctx.pixels_per_point();
        let root = self.harness.root().accesskit_node();
        let scrolling = scrolling_containers(root, ppp);
        let mut out = Vec::new();
        collect(root, ppp, self.size, &scrolling, false, &mut out);
        let mode = if self.presenting {
            "presenting"
        } else {
            "editing"
        };
        for (what, r) in out {
            let failure = format!(
                "{place} at {}×{}, {mode}: {what} spans x {:.0}..{:.0}, outside 0..{}",
                self.size.x,
                self.size.y,
                r.left(),
                r.right(),
                self.size.x
            );
            if !self.failures.contains(&failure) {
                self.failures.push(failure);
            }
        }
    }

    fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "{} controls out of reach:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

fn rect(node: &AccessKitNode<'_>, ppp: f32) -> Option<egui::Rect> {
    node.bounding_box().map(|r| {
        egui::Rect::from_min_max(
            egui::pos2(r.x0 as f32 / ppp, r.y0 as f32 / ppp),
            egui::pos2(r.x1 as f32 / ppp, r.y1 as f32 / ppp),
        )
    })
}

/// The tables that may be wider than the window and scroll sideways, each known by the text
/// of one of its column headers. Any other area that scrolls sideways is checked like the
/// rest of the window, so a whole view put in a sideways scroll area still fails.
const SCROLLING_TABLES: [(&str, &str); 2] = [
    ("the Matrix table", "Total"),
    ("the Portfolio's sessions table", "Given by"),
];

/// The content of every horizontal scroll area that scrolls now and holds one of the
/// [`SCROLLING_TABLES`]. egui draws an area's content in a container of its own, then adds
/// the scroll bar on the area's parent right after it: the content is the nearest sibling
/// before a horizontal scroll bar that is not itself a scroll bar (a vertical one may come
/// between).
fn scrolling_containers(root: AccessKitNode<'_>, ppp: f32) -> Vec<egui::accesskit::NodeId> {
    let mut found = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.role() == Role::ScrollBar
            && let Some(bar) = rect(&node, ppp)
            && bar.width() > bar.height()
            && let Some(content) = node
                .preceding_siblings()
                .find(|sibling| sibling.role() != Role::ScrollBar)
            && holds_a_scrolling_table(content, ppp)
        {
            found.push(content.locate().0);
        }
        stack.extend(node.children());
    }
    found
}

/// True when the scrolling `content` is one of the [`SCROLLING_TABLES`] and nothing else:
/// one of the table's headers is written in the content's top row. A whole view that
/// scrolls sideways starts with something else (a heading, a toolbar), so it is not exempt.
fn holds_a_scrolling_table(content: AccessKitNode<'_>, ppp: f32) -> bool {
    let mut top = f32::INFINITY;
    let mut header: Option<egui::Rect> = None;
    let mut stack = vec![content];
    while let Some(node) = stack.pop() {
        if let Some(r) = rect(&node, ppp) {
            top = top.min(r.top());
            let text = if node.role() == Role::Label {
                node.value()
            } else {
                node.label()
            };
            if text.is_some_and(|t| SCROLLING_TABLES.iter().any(|(_, h)| t == *h)) {
                header = Some(r);
            }
        }
        stack.extend(node.children());
    }
    header.is_some_and(|h| h.top() - top <= 2.0 * h.height())
}

/// A node a person acts on: one of [`INTERACTIVE_ROLES`], or any node that takes a click or
/// the keyboard focus. Labels whose text can be selected take the focus, so a line of text
/// running off the edge fails too.
fn is_interactive(node: &AccessKitNode<'_>) -> bool {
    INTERACTIVE_ROLES.contains(&node.role())
        || node.data().supports_action(Action::Click)
        || node.data().supports_action(Action::Focus)
}

/// What a failure calls a control: its role and name, or its role and where it is.
fn describe(node: &AccessKitNode<'_>) -> String {
    let name = node
        .label()
        .filter(|l| !l.is_empty())
        .or_else(|| node.value().filter(|v| !v.is_empty()));
    match name {
        Some(name) => format!("{:?} \"{name}\"", node.role()),
        None => format!("unnamed {:?}", node.role()),
    }
}

/// Collects every interactive node on screen vertically whose bounds leave the window
/// horizontally, skipping what lies inside a horizontal scroll area that scrolls.
fn collect(
    node: AccessKitNode<'_>,
    ppp: f32,
    window: egui::Vec2,
    scrolling: &[egui::accesskit::NodeId],
    inside_scroll: bool,
    out: &mut Vec<(String, egui::Rect)>,
) {
    let inside_scroll = inside_scroll || scrolling.contains(&node.locate().0);
    // The scroll bar itself belongs to the container it scrolls, yet must be reachable.
    let checked = !inside_scroll || node.role() == Role::ScrollBar;
    if checked
        && is_interactive(&node)
        && let Some(r) = rect(&node, ppp)
        && r.bottom() > 0.0
        && r.top() < window.y
        && (r.left() < -TOLERANCE || r.right() > window.x + TOLERANCE)
    {
        out.push((describe(&node), r));
    }
    for child in node.children() {
        collect(child, ppp, window, scrolling, inside_scroll, out);
    }
}

/// Visits every place and the views reached from them, editing, then every place presenting.
fn walk_every_place(width: f32, height: f32) {
    let mut walk = Walk::new(width, height);
    let keys = [
        ("Directive", Key::Num1),
        ("Framing", Key::Num2),
        ("Menu", Key::Num3),
        ("Matrix", Key::Num4),
        ("Decide", Key::Num5),
        ("Log & share", Key::Num6),
    ];
    for (place, key) in keys {
        walk.go(key);
        walk.check(place);
    }

    walk.go(Key::Num3);
    walk.click("#1");
    walk.expect("Description");
    walk.check("Menu with the first option open");

    walk.go(Key::Num4);
    walk.click("Ranges (low / likely / high)");
    // Low, likely and high: three fields to a cell.
    walk.expect_at_least("Impact of Buy a multi-CDN", 3);
    walk.check("Matrix with ranges");
    walk.click("Ranges (low / likely / high)");
    for (mode, shows) in [
        ("Aggregate", "Median"),
        ("Ana Silva", "Blind"),
        ("Spread", "Scores shown"),
    ] {
        walk.click("Scores shown");
        walk.click_containing(mode);
        walk.expect(shows);
        walk.check(&format!("Matrix showing {mode}"));
        if mode == "Ana Silva" {
            walk.click("Edit rater…");
            walk.expect("Remove…");
            walk.check("Matrix editing a rater");
            walk.click("Cancel");
        }
    }
    walk.click("Add rater…");
    walk.expect("New rater's name");
    walk.check("Matrix adding a rater");
    walk.click("Cancel");
    walk.click("Scores shown");
    walk.click("Consensus");

    walk.click("Start scoring round");
    walk.expect("Reveal scores");
    walk.check("Matrix in a hidden scoring round");
    walk.click("Reveal scores");
    walk.expect("Accept the scores");
    walk.check("Matrix with a scoring round revealed");
    walk.click("Cancel round");

    walk.click("Criteria…");
    walk.expect("New criterion name");
    walk.check("Criteria editor");
    walk.click("Swing weighting");
    walk.click("Pairwise comparison (AHP)");
    walk.expect("Apply pairwise weights");
    walk.check("Criteria editor with both weights panels open");
    walk.harness.key_press(Key::Escape);
    walk.harness.run_ok();
    walk.harness.key_press(Key::Escape);
    walk.harness.run_ok();

    walk.go(Key::Num5);
    walk.wait_for_robustness();
    walk.expect("Robustness");
    walk.check("Decide choosing an option");
    walk.click("Defer to a date");
    walk.expect("Decide by (YYYY-MM-DD)");
    walk.check("Decide deferring to a date");

    walk.command(Command::TogglePresentation);
    walk.presenting = true;
    for (place, key) in keys {
        walk.go(key);
        walk.check(place);
    }
    walk.click("Summary slide");
    walk.expect("Back to the places");
    walk.check("Summary slide");
    walk.click("Back to the places");
    walk.command(Command::TogglePresentation);
    walk.presenting = false;

    // Last, as it stands in for the places until it is hidden (never while presenting).
    walk.command(Command::OpenPortfolioPath(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/portfolio"),
    ));
    let ctx = walk.harness.ctx.clone();
    walk.harness.state_mut().wait_for_portfolio(&ctx);
    walk.harness.run_ok();
    walk.expect("Portfolio: ");
    walk.check("Portfolio");
    walk.finish();
}

#[test]
fn every_control_fits_a_1024_by_768_window_in_every_place() {
    walk_every_place(1024.0, 768.0);
}

#[test]
fn every_control_fits_a_1600_by_1000_window_in_every_place() {
    walk_every_place(1600.0, 1000.0);
}
