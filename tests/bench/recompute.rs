//! Times one full recompute (resolve every input, evaluate every metric).
//!
//! Run with `cargo bench --bench recompute`. Each iteration changes one input
//! so the optimiser cannot hoist the work out of the loop.

// Native benchmark, never shipped: clippy.toml's formatting bans do not apply.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

use kling_calc::core::inputs::{InputId, Inputs};
use kling_calc::core::metrics::{compute, MetricId};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    const BATCHES: usize = 9;
    const PER_BATCH: usize = 25_000;
    let mut inputs = Inputs::published();
    let mut per_call = Vec::with_capacity(BATCHES);
    let mut sink = 0.0;
    for _ in 0..BATCHES {
        let start = Instant::now();
        for i in 0..PER_BATCH {
            // Stays within the input's range: 300億 to about 400億.
            let v = 300e8 + (i % 1000) as f64 * 1e7;
            if inputs.set(InputId::REVENUE_2025Q3, v).is_err() {
                return;
            }
            let results = compute(black_box(&inputs));
            if let Ok(x) = results[MetricId::KLING_SHARE_2025Q3].value {
                sink += x;
            }
            black_box(&results);
        }
        per_call.push(start.elapsed().as_nanos() as f64 / PER_BATCH as f64);
    }
    black_box(sink);
    per_call.sort_by(f64::total_cmp);
    println!(
        "recompute: median {:.0} ns per full recompute ({} metrics, {} inputs; {} batches of {})",
        per_call[BATCHES / 2],
        MetricId::COUNT,
        InputId::COUNT,
        BATCHES,
        PER_BATCH
    );
}
