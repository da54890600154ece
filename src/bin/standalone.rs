//! Turns Trunk's release output into one self-contained `standalone.html`.
//!
//! Trunk's `dist/` needs HTTP: browsers refuse ES module imports and `fetch`
//! of the wasm from `file://`. This tool inlines everything the page loads so
//! that the single file works when opened from disk with no network at all:
//!
//! * the stylesheet `<link>` becomes a `<style>` element;
//! * the wasm-bindgen glue becomes an inline module script;
//! * the wasm binary is gzip-compressed, base64-encoded into that script and
//!   decoded at start-up with the browser's `DecompressionStream`.
//!
//! Usage: `standalone <dist-dir>` reads `<dist-dir>/index.html` and writes
//! `<dist-dir>/standalone.html`. It fails loudly (non-zero exit) when Trunk's
//! output is not shaped as expected, rather than writing a broken page.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = match std::env::args_os().nth(1) {
        Some(d) => PathBuf::from(d),
        None => {
            eprintln!("usage: standalone <dist-dir>");
            return ExitCode::from(2);
        }
    };
    match run(&dir) {
        Ok(bytes) => {
            println!(
                "wrote {} ({} bytes)",
                dir.join("standalone.html").display(),
                bytes
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("standalone: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads `dir/index.html` and its assets, writes `dir/standalone.html`, returns its size.
fn run(dir: &Path) -> Result<usize, String> {
    let read = |name: &str| {
        std::fs::read(dir.join(name))
            .map_err(|e| format!("cannot read {}: {e}", dir.join(name).display()))
    };
    let html = String::from_utf8(read("index.html")?)
        .map_err(|_| "index.html is not UTF-8".to_string())?;
    let page = TrunkPage::parse(&html)?;
    let glue =
        String::from_utf8(read(&page.js)?).map_err(|_| "glue JS is not UTF-8".to_string())?;
    let wasm = read(&page.wasm)?;
    let mut css = Vec::new();
    for name in &page.css {
        css.push(String::from_utf8(read(name)?).map_err(|_| format!("{name} is not UTF-8"))?);
    }
    let out = page.inline(&glue, &gzip(&wasm)?, &css)?;
    std::fs::write(dir.join("standalone.html"), &out)
        .map_err(|e| format!("cannot write standalone.html: {e}"))?;
    Ok(out.len())
}

/// The parts of Trunk's `index.html` this tool rewrites.
#[derive(Debug, PartialEq)]
struct TrunkPage {
    /// The page with the asset tags removed and a marker where the script goes.
    skeleton: String,
    /// File name of the wasm-bindgen glue module.
    js: String,
    /// File name of the wasm binary.
    wasm: String,
    /// File names of stylesheets, in document order, each replaced by a marker.
    css: Vec<String>,
}

const SCRIPT_MARK: &str = "\u{0}SCRIPT\u{0}";
const CSS_MARK: &str = "\u{0}CSS\u{0}";

impl TrunkPage {
    /// Finds Trunk's loader script, preload links and stylesheet links.
    fn parse(html: &str) -> Result<TrunkPage, String> {
        let mut skeleton = String::with_capacity(html.len());
        let (mut js, mut wasm, mut css) = (None, None, Vec::new());
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            skeleton.push_str(&rest[..start]);
            rest = &rest[start..];
            let tag_end = rest.find('>').ok_or("unterminated tag")? + 1;
            let tag = &rest[..tag_end];
            let lower = tag.to_ascii_lowercase();
            if lower.starts_with("<script") && lower.contains("type=\"module\"") {
                let close = rest.find("</script>").ok_or("unterminated module script")?;
                let body = &rest[tag_end..close];
                js = Some(quoted_ending(body, ".js")?);
                wasm = Some(quoted_ending(body, "_bg.wasm")?);
                skeleton.push_str(SCRIPT_MARK);
                rest = &rest[close + "</script>".len()..];
                continue;
            }
            if lower.starts_with("<link") {
                let rel = attr(tag, "rel").unwrap_or_default();
                match rel.as_str() {
                    "modulepreload" | "preload" => {
                        rest = &rest[tag_end..];
                        continue;
                    }
                    "stylesheet" => {
                        let href = attr(tag, "href").ok_or("stylesheet without href")?;
                        css.push(local_name(&href)?);
                        skeleton.push_str(CSS_MARK);
                        rest = &rest[tag_end..];
                        continue;
                    }
                    _ => {}
                }
            }
            skeleton.push_str(tag);
            rest = &rest[tag_end..];
        }
        skeleton.push_str(rest);
        Ok(TrunkPage {
            skeleton,
            js: js.ok_or("no Trunk module script found")?,
            wasm: wasm.ok_or("no wasm reference in the module script")?,
            css,
        })
    }

    /// Builds the standalone page from the glue, the gzipped wasm and the stylesheets.
    fn inline(&self, glue: &str, wasm_gz: &[u8], css: &[String]) -> Result<String, String> {
        if glue.contains("</script") || css.iter().any(|c| c.contains("</style")) {
            // Would end the inline element early; never expected from wasm-bindgen or our CSS.
            return Err("asset contains a closing tag and cannot be inlined".into());
        }
        let mut script = String::with_capacity(glue.len() + wasm_gz.len() * 4 / 3 + 512);
        script.push_str("<script type=\"module\">\n");
        script.push_str(glue);
        // Names carry a `__kc_` prefix: they share the module scope with the glue,
        // which declares its own `wasm`, `bytes`, … at top level.
        script.push_str("\nconst __kc_b64 = \"");
        script.push_str(&base64(wasm_gz));
        script.push_str(
            "\";\n\
             const __kc_gz = Uint8Array.from(atob(__kc_b64), (c) => c.charCodeAt(0));\n\
             const __kc_bytes = await new Response(new Blob([__kc_gz]).stream().pipeThrough(new DecompressionStream(\"gzip\"))).arrayBuffer();\n\
             const __kc_wasm = await __wbg_init({ module_or_path: __kc_bytes });\n\
             dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", { detail: { wasm: __kc_wasm } }));\n\
             </script>",
        );
        if !glue.contains("async function __wbg_init") {
            return Err("glue has no __wbg_init: wasm-bindgen output changed shape".into());
        }
        let mut out = String::with_capacity(self.skeleton.len() + script.len());
        let mut css_iter = css.iter();
        let mut rest = self.skeleton.as_str();
        loop {
            let next_css = rest.find(CSS_MARK);
            let next_script = rest.find(SCRIPT_MARK);
            match (next_css, next_script) {
                (Some(c), s) if s.is_none_or(|s| c < s) => {
                    out.push_str(&rest[..c]);
                    out.push_str("<style>");
                    out.push_str(css_iter.next().ok_or("more stylesheet links than files")?);
                    out.push_str("</style>");
                    rest = &rest[c + CSS_MARK.len()..];
                }
                (_, Some(s)) => {
                    out.push_str(&rest[..s]);
                    out.push_str(&script);
                    rest = &rest[s + SCRIPT_MARK.len()..];
                }
                (None, None) => break,
                (Some(_), None) => unreachable!("covered by the first arm"),
            }
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// The value of attribute `name` in a start tag (double or single quotes).
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = &tag[at + name.len()..];
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let end = v[1..].find(q)?;
                    return Some(v[1..1 + end].to_string());
                }
            }
        }
        from = at + name.len();
    }
    None
}

/// The first quoted string in `js` that ends with `suffix`, as a local file name.
fn quoted_ending(js: &str, suffix: &str) -> Result<String, String> {
    for quote in ['\'', '"'] {
        for part in js.split(quote).skip(1).step_by(2) {
            if part.ends_with(suffix) {
                return local_name(part);
            }
        }
    }
    Err(format!("module script references no *{suffix}"))
}

/// Reduces `./x`, `/x` or `x` to `x`; rejects anything that is not a plain file in dist/.
fn local_name(url: &str) -> Result<String, String> {
    let name = url.trim_start_matches("./").trim_start_matches('/');
    if name.is_empty() || name.contains('/') || name.contains("..") || name.contains(':') {
        return Err(format!("unexpected asset URL {url}"));
    }
    Ok(name.to_string())
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    enc.finish().map_err(|e| e.to_string())
}

/// Standard base64 with padding, the alphabet `atob` reads.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_HTML: &str = r#"<!doctype html><html><head>
<link rel="stylesheet" href="./widget-abc.css" integrity="sha384-x">
<link rel="modulepreload" href="./kling-calc-123.js" crossorigin="anonymous" integrity="sha384-y"><link rel="preload" href="./kling-calc-123_bg.wasm" crossorigin="anonymous" integrity="sha384-z" as="fetch" type="application/wasm"></head>
<body><div data-kling-calc></div>
<script type="module">
import init, * as bindings from './kling-calc-123.js';
const wasm = await init({ module_or_path: './kling-calc-123_bg.wasm' });
window.wasmBindings = bindings;
</script></body></html>"#;

    #[test]
    fn parses_trunk_output() {
        let page = TrunkPage::parse(TRUNK_HTML).unwrap();
        assert_eq!(page.js, "kling-calc-123.js");
        assert_eq!(page.wasm, "kling-calc-123_bg.wasm");
        assert_eq!(page.css, vec!["widget-abc.css".to_string()]);
        assert!(!page.skeleton.contains("preload"));
        assert!(page.skeleton.contains("<div data-kling-calc></div>"));
    }

    #[test]
    fn inlines_everything() {
        let page = TrunkPage::parse(TRUNK_HTML).unwrap();
        let glue =
            "export function f() {}\nasync function __wbg_init(m) {}\nexport default __wbg_init;";
        let out = page
            .inline(glue, &[1, 2, 3, 4], &["body{color:red}".into()])
            .unwrap();
        assert!(out.contains("<style>body{color:red}</style>"));
        assert!(out.contains("const __kc_b64 = \"AQIDBA==\""));
        assert!(out.contains("export function f() {}"));
        assert!(!out.contains(".js'") && !out.contains("_bg.wasm") && !out.contains("href="));
        assert_eq!(out.matches("<script").count(), 1);
    }

    #[test]
    fn refuses_unexpected_shapes() {
        assert!(TrunkPage::parse("<html><body></body></html>").is_err());
        let page = TrunkPage::parse(TRUNK_HTML).unwrap();
        assert!(page.inline("no init here", &[], &["".into()]).is_err());
        assert!(page
            .inline("async function __wbg_init(){}</script>", &[], &["".into()])
            .is_err());
        assert!(local_name("https://cdn.example/x.js").is_err());
        assert!(local_name("../x.js").is_err());
    }

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
        ];
        for (input, expected) in cases {
            assert_eq!(base64(input), expected);
        }
    }
}
