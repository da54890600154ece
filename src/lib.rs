//! Kling calculator: Kuaishou and Kling (可靈) figures from eight articles, and
//! the ratios readers ask about, computed in the browser.
//!
//! The crate has two halves. [`core`] is the pure calculation core: embedded
//! figures with their source quotes, reader inputs, metrics, goal seek, claims
//! check, parsing and formatting. It has no I/O and no browser dependency and is
//! tested natively with `cargo test`. `ui` (wasm32, or natively with `ssr`) is the yew shell that
//! maps DOM events to core calls and core results to DOM; natively, with the
//! `ssr` feature, it renders each page's first view to a string at build time.

// clippy.toml bans formatting macros and `clamp` in shipped code; unit tests never ship.
#![cfg_attr(test, allow(clippy::disallowed_macros, clippy::disallowed_methods))]

pub mod core;

// The wasm's allocator; compiled natively only for its own tests.
#[cfg(any(target_arch = "wasm32", test))]
mod heap;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: heap::Pow2<heap::WasmMemory> = heap::Pow2::new(heap::WasmMemory);

// Natively only with `ssr` (the bundler's pre-render and native view tests).
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod ui;
