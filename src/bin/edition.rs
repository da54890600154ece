//! The editor's edition tool: what figures edition the data under `data/`
//! makes, and recording it in `data/editions.toml` when it is published.
//!
//! ```text
//! cargo run --features bundler --bin edition            # prints the edition id
//! cargo run --features bundler --bin edition -- record  # appends it to data/editions.toml
//! ```
//!
//! A recorded edition keeps every input's published starting value, so a
//! share link made under it, opened after the next update, names the figures
//! that changed since (see `core::edition`). Reads the data exactly as
//! `build.rs` does (same checker, same messages).

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // native only: never in the wasm

#[allow(dead_code)]
#[path = "../core/units.rs"]
mod units;

#[allow(dead_code)]
#[path = "../core/parse.rs"]
mod parse;

#[allow(dead_code)]
#[path = "../../build/period.rs"]
mod period;

#[allow(dead_code)]
#[path = "../../build/data.rs"]
mod data;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("data");
    let files = match data::load(&[&dir]) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("edition: {e}");
            return ExitCode::FAILURE;
        }
    };
    let model = match data::check(&files) {
        Ok(m) => m,
        Err(errors) => {
            for e in errors {
                eprintln!("error: {e}");
            }
            return ExitCode::FAILURE;
        }
    };
    match std::env::args().nth(1).as_deref() {
        None => {
            println!("{}", model.edition);
            ExitCode::SUCCESS
        }
        Some("record") => {
            let path = dir.join("editions.toml");
            let mut text = std::fs::read_to_string(&path).unwrap_or_default();
            let line = ["id = \"", &model.edition, "\""].concat();
            if text.lines().any(|l| l.trim() == line) {
                println!(
                    "{} is already recorded in {}",
                    model.edition,
                    path.display()
                );
                return ExitCode::SUCCESS;
            }
            if !text.ends_with('\n') && !text.is_empty() {
                text.push('\n');
            }
            text.push('\n');
            text.push_str(&data::edition_entry(&model));
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("edition: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
            println!("recorded {} in {}", model.edition, path.display());
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("usage: edition [record] (not {other:?})");
            ExitCode::from(2)
        }
    }
}
