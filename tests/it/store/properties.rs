//! Properties of the format: lossless, deterministic, and a loader that never panics.

use super::generate::generated_session;
use proptest::prelude::*;
use std::fs;
use std::path::PathBuf;
use verdict::model::{Lens, Score, Session, SolutionOption};
use verdict::store;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\\\\"'#\r\n\t\u{0}\u{202E}\u{FEFF}\u{1F600}a-z ]{0,40}",
    ]
}

prop_compose! {
    fn score()(likely in 1.0f64..=5.0, spread in proptest::option::of((0.0f64..=1.0, 0.0f64..=1.0)),
               rationale in text()) -> Score {
        let mut score = Score::point(likely);
        if let Some((down, up)) = spread {
            score.low = Some(1.0 + (likely - 1.0) * down);
            score.high = Some(likely + (5.0 - likely) * up);
        }
        score.rationale = rationale;
        score
    }
}

prop_compose! {
    fn session()(ask in text(), title in text(), notes in text(),
                 options in proptest::collection::vec(
                     (text(), text(), proptest::option::of(score()), proptest::option::of(score()),
                      0usize..9), 0..6),
                 weight in 0.0f64..1e6) -> Session {
        let mut s = Session::new(&ask);
        s.title = title;
        s.notes = notes;
        s.criteria[0].weight = weight;
        for (o_idx, (title, custom, impact, cost, lens)) in options.into_iter().enumerate() {
            let lens = Lens::BUILT_IN.get(lens).cloned().unwrap_or(Lens::Custom(custom));
            let mut option = SolutionOption::new(&format!("o-{o_idx}"), &title, lens);
            if let Some(sc) = impact { option.scores.insert("impact".into(), sc); }
            if let Some(sc) = cost { option.scores.insert("cost".into(), sc); }
            s.options.push(option);
        }
        s
    }
}

fn shipped_and_generated_texts() -> Vec<String> {
    let saves = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("saves");
    let mut texts: Vec<String> = fs::read_dir(saves)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
        .filter_map(|e| fs::read_to_string(e.path()).ok())
        .collect();
    texts.push(store::to_canonical_ron(&generated_session(6, 4, 11)));
    texts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn save_then_load_is_lossless(s in session()) {
        let text = store::to_canonical_ron(&s);
        prop_assert_eq!(store::load_document(text.as_bytes()).unwrap(), s);
    }

    #[test]
    fn save_is_deterministic_and_canonical_text_is_a_fixed_point(s in session()) {
        let text = store::to_canonical_ron(&s);
        prop_assert_eq!(&text, &store::to_canonical_ron(&s.clone()));
        let again = store::load_document(text.as_bytes()).unwrap();
        prop_assert_eq!(&text, &store::to_canonical_ron(&again));
        prop_assert!(!text.contains('\r'));
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = store::load_document(&bytes);
    }

    #[test]
    fn mutated_sessions_never_panic_the_loader(
        pick in any::<prop::sample::Index>(),
        edits in proptest::collection::vec(
            (any::<prop::sample::Index>(), 0usize..4, 0usize..64,
             proptest::collection::vec(any::<u8>(), 0..8)), 1..6),
    ) {
        let texts = shipped_and_generated_texts();
        let mut bytes = pick.get(&texts).clone().into_bytes();
        for (at, kind, len, insert) in edits {
            if bytes.is_empty() { break; }
            let at = at.index(bytes.len());
            let end = (at + len).min(bytes.len());
            match kind {
                0 => { bytes.drain(at..end); }
                1 => { bytes.splice(at..at, insert); }
                2 => { let copy = bytes[at..end].to_vec(); bytes.splice(at..at, copy); }
                _ => { for b in &mut bytes[at..end] { *b = b.wrapping_add(insert.first().copied().unwrap_or(1)); } }
            }
        }
        let _ = store::load_document(&bytes);
    }
}
