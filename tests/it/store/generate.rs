//! Generated sessions for tests and benchmarks: many options and criteria, every score set,
//! ranges, rationales and awkward text, all derived from a seed without a random source.

use verdict::model::{Criterion, Direction, Lens, Score, Session, SolutionOption};

/// A valid session with `n_options` options scored on `n_criteria` criteria.
pub fn generated_session(n_options: usize, n_criteria: usize, seed: u64) -> Session {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as f64 / (1u64 << 31) as f64
    };
    let mut session = Session::new("Improve availability for our live streams");
    session.title = format!("Generated {n_options} x {n_criteria} (seed {seed})");
    session.criteria.clear();
    for c_idx in 0..n_criteria {
        let direction = if c_idx % 3 == 0 {
            Direction::Cost
        } else {
            Direction::Benefit
        };
        let mut c = Criterion::new(
            &format!("criterion-{c_idx}"),
            &format!("Criterion {c_idx} \u{2014} \"quoted\""),
            (next() * 100.0).round() / 4.0,
            direction,
        );
        c.description = format!("What criterion {c_idx} asks, with a tab\tand a newline\n.");
        session.criteria.push(c);
    }
    let lenses = Lens::BUILT_IN;
    for o_idx in 0..n_options {
        let lens = if o_idx % 11 == 10 {
            Lens::Custom(format!("Custom lens {o_idx}"))
        } else {
            lenses[o_idx % lenses.len()].clone()
        };
        let mut option = SolutionOption::new(
            &format!("option-{o_idx}"),
            &format!("Option {o_idx}: <script>alert('x')</script> \u{1F680} \u{202E}rtl"),
            lens,
        );
        option.description = format!("Line one of {o_idx}\r\nline two \\ backslash");
        for c_idx in 0..n_criteria {
            // Scores in half steps, as people give them; ranges on every fourth option.
            let half_steps = |x: f64| (x * 2.0).round() / 2.0;
            let likely = half_steps(1.0 + next() * 4.0);
            let mut score = Score::point(likely);
            if o_idx % 4 == 0 {
                score.low = Some(half_steps(1.0 + (likely - 1.0) * next()));
                score.high = Some(half_steps(likely + (5.0 - likely) * next()));
            }
            if o_idx % 5 == 0 {
                score.rationale = format!("Because {o_idx}/{c_idx}: \u{00e9}t\u{00e9} \0 end");
            }
            option
                .scores
                .insert(session.criteria[c_idx].id.clone(), score);
        }
        session.options.push(option);
    }
    session
}
