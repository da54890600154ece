//! The native bundler: turns Trunk's release output into every page the
//! widget ships as.
//!
//! Trunk's `dist/` needs HTTP: browsers refuse ES module imports and `fetch`
//! of the wasm from `file://`. From `dist/index.html` and its hashed assets
//! this tool writes:
//!
//! * `standalone.html` — one file that works when opened from disk with no
//!   network at all: the stylesheet becomes a `<style>`, the wasm-bindgen glue
//!   an inline module script, and the wasm is gzip-compressed, base64-encoded
//!   into a data block that a classic script decodes (with the browser's
//!   `DecompressionStream`) and compiles before the module script runs;
//! * `embed.html` — the iframe target, which reports its height to the parent;
//! * `demo-article.html` and `embed-parent.js` — a news article showing the
//!   three ways to embed, and the host snippet that resizes widget iframes;
//! * `kling-calc.js` — the stable, unhashed loader an embed names ([`loader`]),
//!   and `kling-calc.css`, the stylesheet an embed carrying the widget's
//!   first frame links to ([`loader::stylesheet`]);
//! * `builder.html` — the editor's kit: preview, options, code ([`builder`]);
//! * `index.html` again, rewritten in place.
//!
//! Every page gets the widget's first render ([`prerender`], yew's server-side
//! rendering of the same `App`) in its mount elements, as the no-JS view and
//! what readers see until the wasm starts, and a loader that shows a readable message when the wasm cannot
//! start; `embed.html` and `standalone.html` carry a CSP computed from their
//! inline contents ([`pages`]).
//!
//! Usage: `standalone <dist-dir>`. It fails loudly (non-zero exit) when
//! Trunk's output is not shaped as expected, rather than writing a broken page,
//! and running it twice gives the same files.

// Native build tool, never in the wasm: clippy.toml's formatting bans do not apply.
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

mod builder;
mod encode;
mod loader;
mod pages;
mod prerender;
mod trunk;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use trunk::TrunkPage;

/// The demo article; compiled in, so cargo rebuilds the bundler when it changes.
const DEMO_ARTICLE: &str = include_str!("../../../www/demo-article.html");
/// The host-page snippet that resizes widget iframes, shipped as a file and inlined in the demo.
const EMBED_PARENT: &str = include_str!("../../../www/embed-parent.js");

fn main() -> ExitCode {
    let dir = match std::env::args_os().nth(1) {
        Some(d) => PathBuf::from(d),
        None => {
            eprintln!("usage: standalone <dist-dir>");
            return ExitCode::from(2);
        }
    };
    match run(&dir) {
        Ok(written) => {
            for (name, bytes) in written {
                println!("wrote {} ({bytes} bytes)", dir.join(name).display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("standalone: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads `dir/index.html` and its assets and writes every page; returns each name and size.
fn run(dir: &Path) -> Result<Vec<(&'static str, usize)>, String> {
    let read = |name: &str| {
        std::fs::read(dir.join(name))
            .map_err(|e| format!("cannot read {}: {e}", dir.join(name).display()))
    };
    let html = String::from_utf8(read("index.html")?)
        .map_err(|_| "index.html is not UTF-8".to_string())?;
    let mut page = TrunkPage::parse(&html)?;
    // scripts/setup.sh minifies the glue after Trunk hashed it.
    page.refresh_integrity(|name| read(name).map(|bytes| encode::sri(&bytes)))?;
    let glue =
        String::from_utf8(read(&page.js)?).map_err(|_| "glue JS is not UTF-8".to_string())?;
    let wasm = read(&page.wasm)?;
    let mut css = Vec::new();
    for name in &page.css {
        css.push(String::from_utf8(read(name)?).map_err(|_| format!("{name} is not UTF-8"))?);
    }
    // Each mount element's first render, for its own data-* configuration.
    let fallback = |tag: &str, index: usize| {
        prerender::render(&prerender::Config::from_tag(tag), index as u32 + 1)
    };
    let asset = |name: &str, bytes: &[u8]| loader::Asset {
        name: name.to_string(),
        integrity: encode::sri256(bytes),
    };
    let css_assets: Vec<loader::Asset> = page
        .css
        .iter()
        .zip(&css)
        .map(|(name, text)| asset(name, text.as_bytes()))
        .collect();
    let kling_calc_js = loader::loader(
        &css_assets,
        &asset(&page.js, glue.as_bytes()),
        &asset(&page.wasm, &wasm),
    )?;
    let code = pages::standalone_code(&glue)?;
    let wasm_block = pages::wasm_block(&encode::gzip(&wasm)?);
    let standalone = pages::standalone(&page, &code, &wasm_block, &css, &fallback)?;
    let builder = builder::builder(&code, &wasm_block, &css, &standalone, EMBED_PARENT)?;
    // Everything is built before anything is written, so a failure leaves dist/ as it was.
    let pages = [
        ("standalone.html", standalone),
        ("builder.html", builder),
        ("kling-calc.js", kling_calc_js),
        ("kling-calc.css", loader::stylesheet(&css)),
        ("embed.html", pages::embed(&page, &css, &fallback)?),
        (
            "demo-article.html",
            pages::demo(&page, &css, DEMO_ARTICLE, EMBED_PARENT, &fallback)?,
        ),
        ("embed-parent.js", EMBED_PARENT.to_string()),
        ("index.html", pages::index(&page, &css, &fallback)?),
    ];
    let mut written = Vec::new();
    for (name, text) in pages {
        std::fs::write(dir.join(name), &text)
            .map_err(|e| format!("cannot write {}: {e}", dir.join(name).display()))?;
        written.push((name, text.len()));
    }
    Ok(written)
}
