//! Builds each page the bundler writes from the parsed Trunk page.
//!
//! * `index.html` — Trunk's page with the no-JS fallback, the stylesheet
//!   inline and a loader that reports a failed start instead of leaving the
//!   mount blank;
//! * `embed.html` — the iframe target: the same assets, a margin-free body,
//!   a script reporting the document height to the parent, and a CSP;
//! * `standalone.html` — everything inline (glue, gzip+base64 wasm, CSS) with
//!   a hash-only CSP, for `file://`;
//! * `demo-article.html` — `www/demo-article.html` with the same asset tags
//!   and the parent snippet inlined.
//!
//! Each CSP is computed from the exact inline text the page carries, so the
//! policy and the page cannot drift apart.

use crate::encode::{base64, csp_hash};
use crate::loader::strip;
use crate::trunk::{insert_fallbacks, TrunkPage, EARLY_START, FETCH_START, INLINE_CSS_ATTR};

/// What goes inside each mount element: given its start tag and its index in
/// page order, the pre-rendered widget for its configuration ([`crate::prerender`]).
pub type Fallback<'a> = &'a dyn Fn(&str, usize) -> Result<String, String>;

/// Replaces every mount's content when the module cannot start (typically a host
/// CSP without `'wasm-unsafe-eval'`): a trilingual alert, then the build's static
/// render of the widget (`[data-kc-static]`, published figures; its controls do nothing).
/// Built with DOM calls, not markup, and never reads the error into the page.
pub const FAIL_JS: &str = r#"function __kc_failed(error) {
  console.error("kling-calc could not start:", error);
  for (const el of document.querySelectorAll("[data-kling-calc],kling-calc")) {
    const box = document.createElement("div"), alert = box.appendChild(document.createElement("div"));
    box.className = "kc kc-failed";
    alert.setAttribute("role", "alert");
    for (const [lang, text] of [
      ["zh-Hant", "互動計算器無法啟動:瀏覽器或網站的安全設定可能封鎖了 WebAssembly。"],
      ["zh-Hans", "互动计算器无法启动:浏览器或网站的安全设置可能阻止了 WebAssembly。"],
      ["en", "The interactive calculator could not start: the security settings of this browser or site may block WebAssembly."],
    ]) {
      const p = alert.appendChild(document.createElement("p"));
      p.lang = lang;
      p.textContent = text;
    }
    const still = el.querySelector("[data-kc-static]");
    if (still) box.append(still);
    el.replaceChildren(box);
  }
}
"#;

/// The loader for pages served over HTTP: Trunk's, with the start-up promise
/// caught, taking the module [`early_compile`] began. It starts the widget
/// only once the page has had its first frame: a module script runs as soon
/// as the page is parsed, and with the wasm already compiled the start (a
/// render of the widget) could come first and hold back the first paint of
/// the article and of the widget's static render. (No `setTimeout`: the page
/// then runs no timer at all, which `keypress.test.mjs` checks for yew's.)
/// [`FAIL_JS`]'s `__kc_failed` comes from [`early_compile`], a classic script,
/// so that it is there when this one cannot run at all; the attribute
/// [`START_ATTR`] is how that script tells this one's `error` from a host's.
///
/// Its text is [`strip`]ped, as [`early_compile`]'s is: the two scripts are
/// in every served page, and their spaces and indentation were 59 B of
/// `index.html`'s gzip.
pub fn http_loader(page: &TrunkPage) -> String {
    let code = format!(
        "import init, * as bindings from './{js}';\n{start}",
        js = page.js,
        start = start_js("init", "window.wasmBindings = bindings; "),
    );
    format!(
        "<script type=\"module\" {START_ATTR}>{}</script>",
        strip(&code)
    )
}

/// The start both module scripts end with ([`http_loader`],
/// [`standalone_code`]): once the page has had a frame since the early script
/// ran (it notes it; the scripts end the body, so that frame has the static
/// render in it; a hidden page has no frame to wait for), `init` (the glue's
/// init function, as the script names it) takes the module the early script
/// compiles (`__kc_wasm`); then `started` (statements) and Trunk's start
/// event, or [`FAIL_JS`]'s report.
fn start_js(init: &str, started: &str) -> String {
    format!(
        "new Promise((r) => self.__kc_frame || document.hidden ? r() : requestAnimationFrame(() => requestAnimationFrame(r)))\n\
         \x20 .then(() => {init}({{ module_or_path: __kc_wasm }}))\n\
         \x20 .then((wasm) => {{ {started}dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }})); }}, __kc_failed);\n"
    )
}

/// How both early scripts end ([`early_compile`], [`STANDALONE_EARLY`]): the
/// module promise's rejection is caught here only so the browser does not call
/// it unhandled before the module script takes it (and reports it once), and
/// the first frame is noted for [`start_js`]. A macro, so the constant
/// [`STANDALONE_EARLY`] can `concat!` it.
macro_rules! early_tail {
    () => {
        "self.__kc_wasm.catch(() => {});\nrequestAnimationFrame(() => self.__kc_frame = 1);\n"
    };
}

/// The wasm's download, in the `<head>` of a page served over HTTP where
/// Trunk's preload link was: a classic script that starts the `fetch`
/// (`__kc_wasm`, the response to come) and keeps the function that makes it
/// (`__kc_fetch`) for [`early_compile`]. A preload link is what Trunk writes,
/// but only Chromium hands a preloaded response to a `fetch` with an
/// `integrity`: Firefox 153 and WebKitGTK 2.50 downloaded the wasm twice, once
/// for the link and once for the fetch (counted at the server), and every
/// browser downloaded it with scripting off, for a page that cannot use it.
/// The rejection is caught here only so that a failed download is not
/// reported as unhandled before [`early_compile`] takes it.
pub fn wasm_fetch(page: &TrunkPage) -> String {
    let options = page
        .wasm_integrity
        .as_ref()
        .map(|i| format!(", {{ integrity: \"{i}\" }}"))
        .unwrap_or_default();
    let code = format!(
        "() => fetch(\"./{}\"{options});\n(self.__kc_wasm = __kc_fetch()).catch(() => {{}});\n",
        page.wasm
    );
    // `FETCH_START` ends with `self.__kc_fetch=`, which `code` assigns.
    format!("{FETCH_START}{}</script>", strip(&code))
}

/// A classic script, at the end of the body before the module script, that
/// starts compiling the wasm whose download [`wasm_fetch`] began in `<head>`
/// (a module script runs only after the page is parsed and its own import is
/// fetched and evaluated). The compile was in `<head>`, to run while the page
/// was parsed: that cost the first paint more than it gained (see
/// [`crate::trunk::SCRIPT_MARK`]). If streaming compilation fails with a
/// `TypeError` (a server sending another MIME type, a network error), it hands
/// `init` a fresh response instead, which tries its own way; any other failure
/// (a CSP without `'wasm-unsafe-eval'`) goes to `init` as it is, so the page
/// reports it once ([`early_tail`]).
///
/// It also defines [`FAIL_JS`]'s `__kc_failed` for the module script
/// ([`http_loader`]), and calls it when that script fails to load: a glue that
/// fails its integrity check, or cannot be fetched, makes the browser fire
/// `error` at the module script, which then never runs, and the reader would
/// be left with the static render's dead controls and no word why.
pub fn early_compile() -> String {
    let code = format!(
        "WebAssembly.compileStreaming(__kc_wasm)\
         .catch((e) => {{ if (e instanceof TypeError) return __kc_fetch(); throw e; }});\n{}{FAIL_JS}\
         addEventListener(\"error\", (e) => e.target.matches?.(\"script[{START_ATTR}]\") && \
         __kc_failed(new Error(\"the widget's code did not load\")), true);\n",
        early_tail!()
    );
    // `EARLY_START` ends with `self.__kc_wasm=`, which `code` assigns.
    format!("{EARLY_START}{}</script>", strip(&code))
}

/// An import map that gives the glue its integrity (empty when the page has
/// none for it). The `modulepreload` carries the same value, but WebKit
/// (WebKitGTK 2.50, checked over WebDriver) imports the module without
/// checking it, while it does check an import map's: with both, Chromium,
/// Firefox and WebKit each refuse a glue changed after the build. It comes
/// first, as an import map must come before the module loads it applies to.
pub fn glue_import_map(page: &TrunkPage) -> String {
    page.js_integrity()
        .map(|i| {
            format!(
                "<script type=\"importmap\">{{\"integrity\":{{\"./{}\":\"{i}\"}}}}</script>",
                page.js
            )
        })
        .unwrap_or_default()
}

/// Marks the module script of a page served over HTTP ([`http_loader`]), so
/// that [`early_compile`]'s listener reports its failure to load and no other
/// script's (a host page's own module scripts, in the demo article).
pub const START_ATTR: &str = "data-kc-start";

/// The end of the body of a page served over HTTP
/// ([`crate::trunk::SCRIPT_MARK`]): the glue's integrity in an import map
/// ([`glue_import_map`]), the glue's `modulepreload`, [`early_compile`], then
/// [`http_loader`]. The glue's preload is here, not in `<head>` with the
/// wasm's: from the head its download competed with the page itself, which is
/// what paints. Emulated slow 4G (150 ms RTT, 1.6 Mbit/s, gzip), medians of 6
/// cold loads at 390 px with the stylesheet inline: first paint 240 ms with
/// the glue's preload in `<head>`, 200-232 ms with it here (the no-JS page
/// 192-220 ms), interactive the same (about 1.1 s, the wasm's download).
fn served_scripts(page: &TrunkPage) -> String {
    [
        glue_import_map(page),
        page.module_preload_tags.clone(),
        early_compile(),
        http_loader(page),
    ]
    .concat()
}

/// The page's stylesheets as `<style>` elements, each naming its file
/// ([`INLINE_CSS_ATTR`]) so a second run of the bundler finds it again. A
/// stylesheet link holds back the first paint by a request. Emulated slow 4G
/// (150 ms RTT, 1.6 Mbit/s, gzip), medians of 6-10 cold loads at 390 px:
/// first paint 444-448 -> 200-232 ms with the glue's preload moved too
/// ([`served_scripts`]), 448 -> 248 ms alone; the no-JS page 424-428 ->
/// 192-220 ms. Over loopback (63 interleaved loads a case) the no-JS page
/// paints 4.4 ms sooner and the served page as before. The rules (about 3 KB
/// gzip) then come with each page rather than from the cache, which a page
/// of the widget, mostly visited once, hardly loses.
pub fn inline_styles(page: &TrunkPage, css: &[String]) -> Result<Vec<String>, String> {
    if page.css.len() != css.len() {
        return Err(format!(
            "{} stylesheets named but {} read",
            page.css.len(),
            css.len()
        ));
    }
    page.css
        .iter()
        .zip(css)
        .map(|(name, text)| {
            if text.to_ascii_lowercase().contains("</style") {
                // Would end the inline element early; never expected from our CSS.
                return Err(format!(
                    "{name} contains a closing tag and cannot be inlined"
                ));
            }
            Ok(format!(
                "<style {INLINE_CSS_ATTR}=\"{name}\">{text}</style>"
            ))
        })
        .collect()
}

/// Sets the options only the stylesheet reads, `?theme=` and `?accent=` (a
/// `#rgb`/`#rrggbb` colour), on the mount element (through the CSSOM, which a
/// CSP without `'unsafe-inline'` allows); then reports the document's height
/// to the embedding page on load and on every change (a ResizeObserver, not
/// polling), only when framed, only when changed.
const RESIZE_JS: &str = r#"(() => {
  const q = new URLSearchParams(location.search);
  const el = document.querySelector("[data-kling-calc]");
  const theme = q.get("theme");
  if (/^(light|dark|auto)$/.test(theme)) el.dataset.theme = theme;
  const accent = q.get("accent");
  if (/^#([0-9a-f]{3}){1,2}$/i.test(accent)) el.style.setProperty("--kc-accent", accent);
  // The page's static render is the default widget (zh-Hant, every section).
  // For another configuration it would show another language or other
  // sections until the live widget replaces it: EMBED_CSS hides it while it
  // is the mount element's child (readers without JavaScript, for whom this
  // never runs, keep it; the failure message, which takes it in, shows it).
  // Its height is not the widget's either, so the parent hears nothing until
  // the live widget is in (one resize, not two).
  const other = ["lang", "sections", "layout", "inputs"].some((k) => q.has(k));
  if (other) el.setAttribute("data-kc-wait", "");
  if (parent === window) return;
  let last = -1;
  const report = () => {
    if (other && document.querySelector("[data-kc-static]")) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    parent.postMessage({ type: "kling-calc:height", height }, "*");
  };
  new ResizeObserver(report).observe(document.body);
  addEventListener("load", report);
})();"#;

/// No body margin and a block formatting context, so the body's box is exactly
/// the content height (the widget's own margins stay inside it); a static
/// render of another configuration hidden while the widget starts ([`RESIZE_JS`]).
const EMBED_CSS: &str =
    "html,body{margin:0;padding:0}body{display:flow-root}[data-kc-wait]>[data-kc-static]{display:none}";

/// Directives every page with a CSP shares: nothing by default, no `<base>`, no form posts.
const CSP_BASE: &str = "default-src 'none'; base-uri 'none'; form-action 'none'";

/// The text of the first `<script…>` or `<style…>` element named `tag` in `script`.
fn inner(element: &str, tag: &str) -> String {
    let open_end = element.find('>').map_or(0, |i| i + 1);
    let close = element.rfind(&format!("</{tag}>")).unwrap_or(element.len());
    element[open_end..close].to_string()
}

/// Puts `meta` right after `<meta charset…>` (or `<head>`): a CSP meta only
/// governs what follows it, and the charset must stay first.
fn insert_in_head(html: &str, meta: &str) -> Result<String, String> {
    let at = html
        .find("<meta charset")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
        .or_else(|| html.find("<head>").map(|i| i + "<head>".len()))
        .ok_or("page has no <head>")?;
    Ok(format!("{}\n{meta}{}", &html[..at], &html[at..]))
}

fn csp_meta(policy: &str) -> String {
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">")
}

/// The rewritten `index.html`: the stylesheet inline ([`inline_styles`], `css`
/// being the text of each of the page's stylesheets), fallback in every mount,
/// failure-reporting loader.
pub fn index(page: &TrunkPage, css: &[String], fallback: Fallback<'_>) -> Result<String, String> {
    let html = page.fill(
        &served_scripts(page),
        &inline_styles(page, css)?,
        &wasm_fetch(page),
    )?;
    insert_fallbacks(&html, fallback)
}

/// The CSP of `embed.html`, from its import map ([`glue_import_map`]), its
/// wasm fetch, loader, early-compile and resize scripts and its inline styles
/// (the widget's `css` and [`EMBED_CSS`]).
pub fn embed_csp(import_map: &str, scripts: [&str; 3], css: &[String]) -> String {
    let styles: Vec<String> = css.iter().map(|c| csp_hash(c)).collect();
    // An inline import map is a script for the CSP too.
    let map = if import_map.is_empty() {
        String::new()
    } else {
        format!("{} ", csp_hash(&inner(import_map, "script")))
    };
    format!(
        "{CSP_BASE}; script-src 'self' {map}{} {} 'wasm-unsafe-eval'; style-src {} {}; \
         connect-src 'self'; img-src data:",
        scripts.map(|s| csp_hash(&inner(s, "script"))).join(" "),
        csp_hash(RESIZE_JS),
        styles.join(" "),
        csp_hash(EMBED_CSS),
    )
}

/// `embed.html`: the index page's head and assets (the stylesheet inline), a
/// body holding one mount element (options come from `?lang=` and
/// `?sections=`) and the resize script.
pub fn embed(page: &TrunkPage, css: &[String], fallback: Fallback<'_>) -> Result<String, String> {
    // The same scripts as the other served pages; the two inline ones are hashed for the CSP.
    let (scripts, fetch) = (served_scripts(page), wasm_fetch(page));
    // The skeleton's body (the scripts end it) is replaced by the embed's own.
    let html = page.fill("", &inline_styles(page, css)?, &fetch)?;
    let body_start = html.find("<body>").ok_or("page has no <body>")? + "<body>".len();
    let body_end = html.rfind("</body>").ok_or("page has no </body>")?;
    let (head, tail) = (&html[..body_start], &html[body_end..]);
    let head = head.replace("</head>", &format!("<style>{EMBED_CSS}</style>\n</head>"));
    let html = format!(
        "{head}\n<main><div data-kling-calc></div></main>\n{scripts}<script>{RESIZE_JS}</script>\n{tail}"
    );
    let policy = embed_csp(
        &glue_import_map(page),
        [&fetch, &http_loader(page), &early_compile()],
        css,
    );
    let html = insert_in_head(&html, &csp_meta(&policy))?;
    insert_fallbacks(&html, fallback)
}

/// The id of the data block that carries the wasm (gzip, then base64) in
/// `standalone.html` and `builder.html`: data, not script, so the browser
/// parses it as text and the CSP has nothing to hash.
pub const WASM_BLOCK_ID: &str = "kc-wasm";

/// The data block ([`WASM_BLOCK_ID`]) holding `wasm_gz` in base64.
pub fn wasm_block(wasm_gz: &[u8]) -> String {
    wasm_block_of(&base64(wasm_gz))
}

/// The data block ([`WASM_BLOCK_ID`]) with `text` as its content.
pub fn wasm_block_of(text: &str) -> String {
    format!("<script type=\"application/octet-stream\" id=\"{WASM_BLOCK_ID}\">{text}</script>")
}

/// The classic script after the wasm's data block in `standalone.html` and
/// `builder.html`: it decodes, decompresses and compiles the wasm, as
/// [`early_compile`] does for a served page, without waiting for the module
/// script (which runs only after its own parse and evaluation; the compile then
/// began about 50 ms later, measured, when it began there). The base64 is decoded natively where the
/// browser can (`Uint8Array.fromBase64`), else by a plain loop:
/// `Uint8Array.from(text, callback)`, a call per byte, took about 30 ms of the
/// page's start. The compressed bytes reach the decompressor as one chunk (a
/// `Response` of them): read from a `Blob`'s stream they came in several, each
/// a task that waited behind the parser's, and the compile began only after
/// the page was parsed (`startup.test.mjs` checks it begins before).
/// Ends as [`early_compile`] does ([`early_tail`]).
pub const STANDALONE_EARLY: &str = concat!(
    r#"self.__kc_wasm = (async (b64) => {
  let gz = Uint8Array.fromBase64?.(b64);
  if (!gz) {
    const s = atob(b64);
    gz = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) gz[i] = s.charCodeAt(i);
  }
  const stream = new Response(gz).body.pipeThrough(new DecompressionStream("gzip"));
  return WebAssembly.compile(await new Response(stream).arrayBuffer());
})(document.getElementById("kc-wasm").text);
"#,
    early_tail!()
);

/// The wasm's data block and [`STANDALONE_EARLY`], as `standalone.html` and
/// `builder.html` carry them, ahead of their module script.
pub fn standalone_early(wasm_block: &str) -> String {
    format!("{wasm_block}<script>{STANDALONE_EARLY}</script>")
}

/// The inline module script of `standalone.html` (and of `builder.html`, which
/// runs the same widget from `file://`): glue, failure report, and the start
/// ([`start_js`]) with the module [`STANDALONE_EARLY`] compiles.
pub fn standalone_code(glue: &str) -> Result<String, String> {
    if glue.contains("</script") {
        // Would end the inline element early; never expected from wasm-bindgen.
        return Err("glue contains a closing tag and cannot be inlined".into());
    }
    if !glue.contains("async function __wbg_init") {
        return Err("glue has no __wbg_init: wasm-bindgen output changed shape".into());
    }
    Ok(format!("\n{glue}\n{FAIL_JS}{}", start_js("__wbg_init", "")))
}

/// `standalone.html`: the wasm ([`wasm_block`]), [`STANDALONE_EARLY`], `code`
/// ([`standalone_code`]) and CSS inline ([`inline_styles`]), under a hash-only CSP.
pub fn standalone(
    page: &TrunkPage,
    code: &str,
    wasm_block: &str,
    css: &[String],
    fallback: Fallback<'_>,
) -> Result<String, String> {
    let styles = inline_styles(page, css)?;
    let policy = format!(
        "{CSP_BASE}; script-src {} {} 'wasm-unsafe-eval'; style-src {}; img-src data:",
        csp_hash(STANDALONE_EARLY),
        csp_hash(code),
        css.iter()
            .map(|c| csp_hash(c))
            .collect::<Vec<_>>()
            .join(" "),
    );
    let html = page.fill(
        &format!(
            "{}<script type=\"module\">{code}</script>",
            standalone_early(wasm_block)
        ),
        &styles,
        "",
    )?;
    let html = insert_in_head(&html, &csp_meta(&policy))?;
    insert_fallbacks(&html, fallback)
}

/// Where `www/demo-article.html` wants the widget's stylesheet (inline) and the
/// wasm's fetch (the glue's preload and the scripts go at the end of its body).
pub const ASSETS_MARK: &str = "<!-- kling-calc:assets -->";
/// Where `www/demo-article.html` wants the parent snippet inlined.
pub const PARENT_MARK: &str = "<!-- kling-calc:embed-parent -->";

/// `demo-article.html`: the article with the assets index.html has (the
/// stylesheet inline, the wasm's fetch), the parent snippet inline and the
/// fallback in its mount elements.
pub fn demo(
    page: &TrunkPage,
    css: &[String],
    article: &str,
    parent_js: &str,
    fallback: Fallback<'_>,
) -> Result<String, String> {
    if !article.contains(ASSETS_MARK) || !article.contains(PARENT_MARK) {
        return Err(format!(
            "demo-article.html needs {ASSETS_MARK} and {PARENT_MARK}"
        ));
    }
    let assets = format!(
        "{}\n{}",
        inline_styles(page, css)?.join("\n"),
        wasm_fetch(page)
    );
    let end = article.rfind("</body>").unwrap_or(article.len());
    let html = [&article[..end], &served_scripts(page), &article[end..]]
        .concat()
        .replace(ASSETS_MARK, &assets)
        .replace(PARENT_MARK, &format!("<script>\n{parent_js}</script>"));
    insert_fallbacks(&html, fallback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trunk::tests::TRUNK_HTML;

    const GLUE: &str =
        "export function f() {}\nasync function __wbg_init(m) {}\nexport default __wbg_init;";

    /// Script text as the served pages carry it ([`strip`]ped), to look for.
    fn js(text: &str) -> String {
        strip(text).trim_end().to_owned()
    }

    fn page() -> TrunkPage {
        TrunkPage::parse(TRUNK_HTML).unwrap()
    }

    /// The text of the test page's one stylesheet.
    fn css() -> Vec<String> {
        vec!["a{color:red}".to_string()]
    }

    /// The content of the CSP meta and the inline elements of `tag` in `html`.
    fn csp_of(html: &str) -> &str {
        let start = html.find("Content-Security-Policy\" content=\"").unwrap() + 34;
        &html[start..start + html[start..].find('"').unwrap()]
    }

    fn inline_elements(html: &str, tag: &str) -> Vec<String> {
        let open = format!("<{tag}");
        let mut out = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find(&open) {
            let close = rest[i..].find(&format!("</{tag}>")).unwrap() + i;
            let element = &rest[i..close + tag.len() + 3];
            if !element[..element.find('>').unwrap()].contains(" src=") {
                out.push(inner(element, tag));
            }
            rest = &rest[close..];
        }
        out
    }

    #[test]
    fn standalone_inlines_everything_under_a_hash_only_csp() {
        let code = standalone_code(GLUE).unwrap();
        let block = wasm_block(&[1, 2, 3, 4]);
        let out = standalone(
            &page(),
            &code,
            &block,
            &["body{color:red}".into()],
            &|_, _| Ok("<p>F</p>".into()),
        )
        .unwrap();
        assert!(out.contains(r#"<style data-kc-css="widget-abc.css">body{color:red}</style>"#));
        // The wasm is data the early script reads by id, before the module script.
        assert!(out.contains(&format!(
            "<script type=\"application/octet-stream\" id=\"{WASM_BLOCK_ID}\">AQIDBA==</script><script>{STANDALONE_EARLY}</script><script type=\"module\">{code}</script>"
        )));
        assert!(STANDALONE_EARLY.contains(&format!("getElementById(\"{WASM_BLOCK_ID}\")")));
        assert!(
            code.contains("__wbg_init({ module_or_path: __kc_wasm })")
                && code.contains("__kc_failed);")
        );
        assert!(!out.contains(".js'") && !out.contains("_bg.wasm") && !out.contains("href=\"./"));
        assert_eq!(out.matches("<script").count(), 3);
        assert!(out.contains("<div data-kling-calc><!--kc-fallback--><p>F</p>"));
        let csp = csp_of(&out);
        let scripts = inline_elements(&out, "script");
        let styles = inline_elements(&out, "style");
        // The data block is not script: only the two scripts are hashed.
        assert_eq!(
            csp,
            format!(
                "default-src 'none'; base-uri 'none'; form-action 'none'; script-src {} {} 'wasm-unsafe-eval'; style-src {}; img-src data:",
                csp_hash(&scripts[1]),
                csp_hash(&scripts[2]),
                csp_hash(&styles[0])
            )
        );
        // The CSP meta comes before anything it governs.
        assert!(out.find("Content-Security-Policy").unwrap() < out.find("<style").unwrap());
    }

    #[test]
    fn embed_hashes_each_inline_element_and_keeps_the_assets() {
        let out = embed(&page(), &css(), &|_, _| Ok("<p>F</p>".into())).unwrap();
        let csp = csp_of(&out).to_string();
        let scripts = inline_elements(&out, "script");
        assert_eq!(
            scripts.len(),
            5,
            "wasm fetch, import map, loader, early compile and resize script"
        );
        let styles = inline_elements(&out, "style");
        assert_eq!(
            styles,
            ["a{color:red}", EMBED_CSS],
            "the widget's stylesheet, then the embed's"
        );
        for s in scripts.iter().chain(&styles) {
            assert!(csp.contains(&csp_hash(s)), "{s} not allowed by {csp}");
        }
        assert!(csp.contains("script-src 'self' "));
        // No stylesheet is fetched: only the hashed inline ones apply.
        assert!(csp.contains(&format!(
            "style-src {} {};",
            csp_hash("a{color:red}"),
            csp_hash(EMBED_CSS)
        )));
        assert!(csp.contains("connect-src 'self'"));
        assert!(out.contains("kling-calc:height"));
        assert!(out.contains(r#"<style data-kc-css="widget-abc.css">a{color:red}</style>"#));
        assert!(!out.contains("stylesheet"));
        assert!(out.contains(r#"rel="modulepreload""#));
        assert_eq!(out.matches("<div data-kling-calc>").count(), 1);
        assert_eq!(out.matches("<!--kc-fallback-->").count(), 1);
    }

    #[test]
    fn index_catches_a_failed_start() {
        let out = index(&page(), &css(), &|_, _| Ok("<p>F</p>".into())).unwrap();
        assert!(out.contains(&js("}, __kc_failed);")));
        assert!(out.contains(&js(
            "import init, * as bindings from './kling-calc-123.js';"
        )));
        assert!(!out.contains("Content-Security-Policy"));
        assert!(out.contains(r#"<style data-kc-css="widget-abc.css">a{color:red}</style>"#));
        assert!(!out.contains("stylesheet"));
        // Reparsing the output finds the same assets (the bundler may run twice).
        let again = TrunkPage::parse(&out).unwrap();
        assert_eq!(again, page());
        assert_eq!(
            index(&again, &css(), &|_, _| Ok("<p>F</p>".into())).unwrap(),
            out
        );
    }

    #[test]
    fn inline_styles_refuse_what_they_cannot_carry() {
        // (stylesheet texts, what the error says)
        let cases: [(Vec<String>, &str); 2] = [
            (vec!["a{}</STYLE><script>".into()], "closing tag"),
            (vec![], "1 stylesheets named but 0 read"),
        ];
        for (css, want) in cases {
            let err = inline_styles(&page(), &css).unwrap_err();
            assert!(err.contains(want), "{err}");
        }
    }

    #[test]
    fn pages_served_over_http_fetch_the_wasm_in_their_head_and_compile_it_early() {
        let p = page();
        let fetch = wasm_fetch(&p);
        let integrity = p
            .wasm_integrity
            .as_deref()
            .expect("the test page's wasm preload has one");
        assert!(fetch.starts_with(FETCH_START), "{fetch}");
        assert!(
            fetch.contains(&js(&format!(
                "fetch(\"./{}\", {{ integrity: \"{integrity}\" }})",
                p.wasm
            ))),
            "{fetch}"
        );
        assert!(
            fetch.contains(&js("(self.__kc_wasm = __kc_fetch())")),
            "{fetch}"
        );
        let early = early_compile();
        assert!(early.starts_with(EARLY_START), "{early}");
        assert!(
            early.contains(&js("WebAssembly.compileStreaming(__kc_wasm)"))
                && early.contains(&js(
                    "if (e instanceof TypeError) return __kc_fetch(); throw e;"
                )),
            "compile the fetched response, else a fresh one for init: {early}"
        );
        let demo_page = demo(
            &p,
            &css(),
            &format!(
                "<head>{ASSETS_MARK}</head><body><div data-kling-calc></div>{PARENT_MARK}</body>"
            ),
            "",
            &|_, _| Ok(String::new()),
        )
        .unwrap();
        let pages = [
            (
                "index",
                index(&p, &css(), &|_, _| Ok(String::new())).unwrap(),
            ),
            (
                "embed",
                embed(&p, &css(), &|_, _| Ok(String::new())).unwrap(),
            ),
            ("demo", demo_page),
        ];
        for (name, out) in pages {
            assert_eq!(out.matches(EARLY_START).count(), 1, "{name}");
            let at = out.find(EARLY_START).unwrap();
            // The wasm's fetch is in the head, the only place that names the
            // wasm: no preload link for it, which Firefox and WebKit would
            // download a second time.
            assert_eq!(out.matches(&fetch).count(), 1, "{name}");
            assert!(
                out.find(&fetch) < out.find("</head>"),
                "{name}: fetched from the head"
            );
            assert_eq!(out.matches(&p.wasm).count(), 1, "{name}");
            assert_eq!(
                out.matches("preload").count(),
                1,
                "{name}: the glue's modulepreload only"
            );
            // The glue's preload ends the body, after the static render and
            // before the module script that imports the glue.
            let glue = out
                .find(&p.module_preload_tags)
                .expect("the glue's preload");
            assert!(out.find("<div data-kling-calc>").unwrap() < glue, "{name}");
            let module = out
                .find(&format!("<script type=\"module\" {START_ATTR}>"))
                .expect("the start script");
            assert!(glue < at && at < module, "{name}");
            // The classic script defines the failure report before the module
            // script runs, and calls it if that script cannot load.
            let early_script = &out[at..at + out[at..].find("</script>").unwrap()];
            assert!(
                early_script.contains("function __kc_failed(error)"),
                "{name}"
            );
            assert!(
                early_script.contains(&format!("matches?.(\"script[{START_ATTR}]\")")),
                "{name}"
            );
            assert!(
                !out[module..].contains("function __kc_failed"),
                "{name}: defined once"
            );
            assert_eq!(out.matches("modulepreload").count(), 1, "{name}");
            // The glue's integrity also in an import map, before its preload
            // (WebKit checks only the map's).
            let map = out
                .find(&format!(
                    "<script type=\"importmap\">{{\"integrity\":{{\"./{}\":\"{}\"}}}}</script>",
                    p.js,
                    p.js_integrity()
                        .expect("the test page's glue preload has one")
                ))
                .expect("the import map");
            assert!(
                out.find("<div data-kling-calc>").unwrap() < map && map < glue,
                "{name}"
            );
            assert_eq!(out.matches("importmap").count(), 1, "{name}");
            assert!(
                out.contains(&js("init({ module_or_path: __kc_wasm })")),
                "{name}"
            );
        }
    }

    #[test]
    fn demo_gets_assets_and_parent_snippet() {
        let article = format!(
            "<head>{ASSETS_MARK}</head><body><div data-kling-calc data-lang=\"en\"></div>\
             <iframe data-kling-calc-frame src=\"embed.html\"></iframe>{PARENT_MARK}</body>"
        );
        let out = demo(&page(), &css(), &article, "/* parent */\n", &|_, _| {
            Ok("<p>F</p>".into())
        })
        .unwrap();
        assert!(out.contains("<script>\n/* parent */\n</script>"));
        assert!(out.contains(r#"<style data-kc-css="widget-abc.css">a{color:red}</style>"#));
        assert!(out.contains("__kc_failed"));
        assert_eq!(out.matches("<p>F</p>").count(), 1);
        assert!(demo(
            &page(),
            &css(),
            "<div data-kling-calc></div>",
            "",
            &|_, _| Ok(String::new())
        )
        .is_err());
    }
}
