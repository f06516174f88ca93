//! Frame time of every place on a 500 options × 12 criteria session, drawn headless
//! (`Context::run_ui` + `tessellate`, no window), against a bare `egui_extras` table of the
//! same number of DragValues measured in the same run.
//!
//! Run with `cargo bench --bench frames`; prints median and p99 per place and the ratio of
//! each to the bare table, at the window size the app opens with (1280×800 points) and at a
//! larger one (1600×1000), where more rows are on screen.

use egui_extras::{Column, TableBuilder};
use std::hint::black_box;
use std::time::{Duration, Instant};
use verdict::app::{Prefs, VerdictApp};
use verdict::model::{Criterion, Direction, Lens, Session, SolutionOption};
use verdict::ui::command::Command;
use verdict::ui::nav::Place;

const N_OPTIONS: usize = 500;
const N_CRITERIA: usize = 12;
const WARMUP: usize = 20;
/// Frames per subject per round; subjects take turns so machine load hits all alike.
const FRAMES: usize = 50;
const ROUNDS: usize = 8;

/// A deterministic session: 12 criteria, 500 options, every cell scored.
fn big_session() -> Session {
    let mut session = Session::new("Improve availability for our live sports streams");
    session.title = "Benchmark".into();
    for n in session.criteria.len()..N_CRITERIA {
        let direction = if n % 2 == 0 {
            Direction::Benefit
        } else {
            Direction::Cost
        };
        let name = format!("Criterion {n}");
        session
            .criteria
            .push(Criterion::new(&format!("c{n}"), &name, 10.0, direction));
    }
    let ids: Vec<String> = session.criteria.iter().map(|c| c.id.to_string()).collect();
    for o in 0..N_OPTIONS {
        let lens = Lens::BUILT_IN[o % Lens::BUILT_IN.len()].clone();
        let mut option = SolutionOption::new(&format!("option-{o}"), &format!("Option {o}"), lens);
        for (c, id) in ids.iter().enumerate() {
            option = option.with_score(id, 1.0 + ((o * 7 + c * 3) % 5) as f64);
        }
        session.options.push(option);
    }
    session
}

/// Window sizes measured, in points: the app's default window, then a large one.
const SIZES: [(f32, f32); 2] = [(1280.0, 800.0), (1600.0, 1000.0)];

fn input(size: egui::Vec2) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..Default::default()
    }
}

/// Times `FRAMES` frames of `draw` (after `warmup` untimed ones) into `times`.
fn measure(
    ctx: &egui::Context,
    size: egui::Vec2,
    warmup: usize,
    times: &mut Vec<Duration>,
    mut draw: impl FnMut(&mut egui::Ui),
) {
    for frame in 0..warmup + FRAMES {
        let started = Instant::now();
        let mut output = ctx.run_ui(input(size), &mut draw);
        let shapes = std::mem::take(&mut output.shapes);
        let primitives = ctx.tessellate(shapes, output.pixels_per_point);
        black_box(primitives);
        // No renderer here: the font atlas updates are dropped on purpose.
        output.textures_delta.clear();
        if frame >= warmup {
            times.push(started.elapsed());
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx].as_secs_f64() * 1000.0
}

fn bare_table(ui: &mut egui::Ui, values: &mut [[f64; N_CRITERIA]]) {
    egui::CentralPanel::default().show(ui, |ui| {
        TableBuilder::new(ui)
            .column(Column::exact(160.0))
            .columns(Column::exact(70.0), N_CRITERIA)
            .header(24.0, |mut header| {
                header.col(|ui| {
                    ui.label("Option");
                });
                for c in 0..N_CRITERIA {
                    header.col(|ui| {
                        ui.label(format!("C{c}"));
                    });
                }
            })
            .body(|body| {
                body.rows(28.0, values.len(), |mut row| {
                    let idx = row.index();
                    row.col(|ui| {
                        ui.label(format!("Option {idx}"));
                    });
                    for value in values[idx].iter_mut() {
                        row.col(|ui| {
                            ui.add(egui::DragValue::new(value).range(1.0..=5.0));
                        });
                    }
                });
            });
    });
}

fn main() {
    for (width, height) in SIZES {
        run_at(egui::vec2(width, height));
    }
}

/// Measures every place and the bare table with the window at `size` and prints the table.
fn run_at(size: egui::Vec2) {
    let table_ctx = egui::Context::default();
    let mut values = vec![[3.0; N_CRITERIA]; N_OPTIONS];
    let mut apps: Vec<(Place, egui::Context, VerdictApp)> = Place::ALL
        .into_iter()
        .map(|place| {
            let ctx = egui::Context::default();
            let mut app = VerdictApp::new_for_test(big_session(), Prefs::default());
            app.command(&ctx, Command::GoTo(place));
            (place, ctx, app)
        })
        .collect();
    let mut baseline = Vec::new();
    let mut per_place = vec![Vec::new(); apps.len()];
    for round in 0..ROUNDS {
        let warmup = if round == 0 { WARMUP } else { 2 };
        measure(&table_ctx, size, warmup, &mut baseline, |ui| {
            bare_table(ui, &mut values)
        });
        for ((_, ctx, app), times) in apps.iter_mut().zip(&mut per_place) {
            measure(ctx, size, warmup, times, |ui| app.draw(ui));
        }
    }
    baseline.sort();
    let base_median = percentile(&baseline, 0.5);
    let base_p99 = percentile(&baseline, 0.99);
    let mut report = vec![("Bare table".to_owned(), base_median, base_p99)];
    for ((place, ..), mut times) in apps.iter().zip(per_place) {
        times.sort();
        report.push((
            place.label().to_owned(),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
        ));
    }

    println!(
        "frame time, {N_OPTIONS} options × {N_CRITERIA} criteria, {} frames each \
         ({}×{} points)",
        FRAMES * ROUNDS,
        size.x,
        size.y
    );
    println!(
        "{:<14} {:>10} {:>10} {:>14} {:>11}",
        "place", "median ms", "p99 ms", "median ratio", "p99 ratio"
    );
    for (name, median, p99) in &report {
        println!(
            "{name:<14} {median:>10.3} {p99:>10.3} {:>13.2}× {:>10.2}×",
            median / base_median,
            p99 / base_p99
        );
    }
    println!();
}
