#!/bin/sh
# Fuzzes the loader for a bounded time: fuzz/run-bounded.sh SECONDS (default 60).
# Seeds the corpus from the shipped sessions and the regression corpus; any crash or slow
# input is written to fuzz/artifacts/load_document/ and makes the script fail.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); the nightly-only flags it uses are
# enabled with RUSTC_BOOTSTRAP so a stable toolchain works.
set -eu
seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
corpus="$here/corpus/load_document"
mkdir -p "$corpus"
cp "$here"/../saves/*.ron "$corpus"/ 2>/dev/null || true
cp "$here"/../tests/fixtures/fuzz/* "$corpus"/ 2>/dev/null || true
cp "$here"/../tests/fixtures/format/*.ron "$corpus"/ 2>/dev/null || true
cd "$here"
# Safe Rust needs no address sanitizer; without it the build and the runs are faster.
RUSTC_BOOTSTRAP=1 exec cargo fuzz run --sanitizer none load_document "$corpus" -- \
    -max_total_time="$seconds" -timeout=2 -rss_limit_mb=1024 -max_len=65536 \
    -print_final_stats=1
