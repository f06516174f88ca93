//! Load, save and rank of a generated session of 1,000 options scored on 12 criteria.
//!
//! Target (issue 2): load + rank under 20 ms. Run with `cargo bench --bench store`.

// criterion's `criterion_group!` generates a public function it cannot document.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use verdict::{analysis, store};

#[path = "../tests/it/store/generate.rs"]
mod generate;

fn store_benches(c: &mut Criterion) {
    let session = generate::generated_session(1000, 12, 42);
    let text = store::to_canonical_ron(&session);
    let dir = tempfile::tempdir().expect("a temporary folder for the save benchmark");
    let path = dir.path().join("big.ron");
    store::save_file(&path, &session).expect("the generated session saves");

    let mut group = c.benchmark_group(format!("session 1000x12 ({} KiB)", text.len() / 1024));
    group.sample_size(30);
    group.bench_function("load_document", |b| {
        b.iter(|| store::load_document(black_box(text.as_bytes())).expect("valid"))
    });
    group.bench_function("load_file", |b| {
        b.iter(|| store::load_file(black_box(&path)).expect("valid"))
    });
    group.bench_function("to_canonical_ron", |b| {
        b.iter(|| store::to_canonical_ron(black_box(&session)))
    });
    group.bench_function("save_file", |b| {
        b.iter(|| store::save_file(black_box(&path), black_box(&session)).expect("saved"))
    });
    group.bench_function("rank", |b| b.iter(|| analysis::rank(black_box(&session))));
    group.bench_function("load_file + rank", |b| {
        b.iter(|| {
            let s = store::load_file(black_box(&path)).expect("valid");
            analysis::rank(&s)
        })
    });
    group.finish();
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
