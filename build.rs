//! Compiles the editable data under `data/` into the widget's `const` tables.
//!
//! Reads every file (see `data/README.md`), checks it with the widget's own
//! number parser, expands the metric templates over the periods present, and
//! writes one Rust file per core module into `OUT_DIR`. A mistake stops the
//! build with `data/<file>:<line>: <problem>` for each one found. The wasm
//! gets only the tables: no data parser, no TOML.
//!
//! `KC_DATA_DIRS` (paths separated by `:`, relative to the crate) replaces the
//! default `data`; later directories add rows to earlier ones. The test
//! edition under `tests/edition/` is built this way. `KC_DATA_AS_OF` (a day,
//! `2025-11-27`) builds the data as it stood that day, leaving out the sources
//! dated after it with their figures: the test command builds the edition its
//! tests describe this way, whatever editions were added since.

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // native only: never in the wasm

#[allow(dead_code)]
#[path = "src/core/units.rs"]
mod units;

#[allow(dead_code)]
#[path = "src/core/parse.rs"]
mod parse;

#[allow(dead_code)]
#[path = "build/period.rs"]
mod period;

#[allow(dead_code)]
#[path = "build/data.rs"]
mod data;

#[path = "build/emit.rs"]
mod emit;

use std::path::{Path, PathBuf};

/// Stops the build with `lines` as Cargo's own errors (`cargo::error=`): Cargo
/// then prints each as `error: kling-calc@…: <line>` and nothing else, where a
/// build script that exits with an error code gets its whole output dumped
/// around the messages (the `rerun-if` lines, "failed to run custom build
/// command"), and an editor had to find the mistakes in the middle of it.
fn fail(lines: &[String]) {
    for line in lines {
        // One instruction a line: a message with a line break would be cut.
        println!("cargo::error={}", line.replace(['\n', '\r'], " "));
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-env-changed=KC_DATA_DIRS");
    println!("cargo:rerun-if-env-changed=KC_DATA_AS_OF");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/core/parse.rs");
    println!("cargo:rerun-if-changed=src/core/units.rs");
    let dirs: Vec<PathBuf> = std::env::var("KC_DATA_DIRS")
        .unwrap_or_else(|_| "data".to_string())
        .split(':')
        .filter(|d| !d.is_empty())
        .map(|d| root.join(d))
        .collect();
    for d in &dirs {
        println!("cargo:rerun-if-changed={}", d.display());
        println!("cargo:rerun-if-changed={}", d.join("sources").display());
    }
    let refs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    let files = match data::load(&refs) {
        Ok(f) => f,
        Err(e) => return fail(&[format!("cannot read the data: {e}")]),
    };
    let as_of = match data::as_of_env() {
        Ok(day) => day,
        Err(e) => return fail(&[e]),
    };
    let model = match data::check_as_of(&files, as_of.as_deref()) {
        Ok(m) => m,
        Err(errors) => {
            let mut lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            lines.push(format!(
                "{} mistake(s) in data/: fix them and build again (data/README.md explains each file)",
                errors.len()
            ));
            return fail(&lines);
        }
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    for (name, text) in [
        ("data_figures.rs", emit::figures(&model)),
        ("data_inputs.rs", emit::inputs(&model)),
        ("data_metrics.rs", emit::metrics(&model)),
        ("data_sections.rs", emit::sections(&model)),
        ("data_edition.rs", emit::edition(&model)),
        ("data_claims.rs", emit::claims(&model)),
        ("data_goals.rs", emit::goals(&model)),
    ] {
        std::fs::write(out.join(name), text).expect("OUT_DIR is writable");
    }
    if !model.past_editions.iter().any(|_| true)
        || !std::fs::read_to_string(root.join("data/editions.toml"))
            .unwrap_or_default()
            .contains(&model.edition)
    {
        // Not an error: a new edition is recorded when it is published.
        println!(
            "cargo:warning=figures edition {} is not in data/editions.toml yet; record it when publishing (README: Updating the figures)",
            model.edition
        );
    }
}
