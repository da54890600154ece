//! Reads Trunk's `dist/index.html`: which glue, wasm and stylesheets it loads,
//! and the page around them with markers where those tags were.
//!
//! The bundler rewrites `dist/index.html` in place, so parsing must also accept
//! its own output: the rewritten loader still names the glue and the wasm, a
//! stylesheet it inlined names its file ([`INLINE_CSS_ATTR`]), and the no-JS
//! fallback sits between [`FALLBACK_START`] and [`FALLBACK_END`] comments,
//! which parsing drops so that it is inserted exactly once.

/// Opens the generated no-JS fallback inside a mount element.
pub const FALLBACK_START: &str = "<!--kc-fallback-->";
/// Closes the generated no-JS fallback.
pub const FALLBACK_END: &str = "<!--/kc-fallback-->";

/// Where the loader scripts go: at the end of the body, wherever Trunk put its
/// module script. Scripts in `<head>` cost the page's first paint a few
/// milliseconds before the body is even parsed (the first script of a page
/// sets up its JavaScript context, and each is compiled); after the static
/// render they run once it is parsed, and the wasm's fetch in `<head>`
/// ([`crate::pages::wasm_fetch`]) still starts its download at once (the glue's `modulepreload` comes with
/// them: [`crate::pages`]). Measured, 30-40 interleaved cold loads of
/// `index.html` at 390 px: first paint 112.7 -> 108.6 ms (the no-JS floor
/// 102.3), interactive 132.7 -> 126.5 ms; `standalone.html` 109.5 -> 107.5
/// and 126.4 -> 121.4 ms.
pub const SCRIPT_MARK: &str = "\u{0}SCRIPT\u{0}";
/// Where a stylesheet link, or the bundler's `<style data-kc-css>` in its
/// place ([`INLINE_CSS_ATTR`]), was (one per stylesheet, in order).
pub const CSS_MARK: &str = "\u{0}CSS\u{0}";
/// Where the wasm's fetch goes ([`crate::pages::wasm_fetch`]): where Trunk's
/// preload link for it was, or the bundler's fetch script in its own output.
pub const FETCH_MARK: &str = "\u{0}FETCH\u{0}";
/// The attribute of a `<style>` the bundler wrote in place of a stylesheet
/// link, naming the file its text came from (`<style data-kc-css="widget-….css">`),
/// so that a second run finds the stylesheet again.
pub const INLINE_CSS_ATTR: &str = "data-kc-css";
/// How the bundler's early-compile script ([`crate::pages::early_compile`])
/// begins: parsing drops it, so it is written once however often the bundler runs.
pub const EARLY_START: &str = "<script>self.__kc_wasm=";
/// How the bundler's fetch of the wasm ([`crate::pages::wasm_fetch`]) begins:
/// parsing reads the wasm's name and integrity from it, as from Trunk's preload link.
pub const FETCH_START: &str = "<script>self.__kc_fetch=";

/// The parts of Trunk's `index.html` the bundler rewrites.
#[derive(Debug, PartialEq)]
pub struct TrunkPage {
    /// The page with the asset tags and any old fallback removed, markers in their place.
    pub skeleton: String,
    /// File name of the wasm-bindgen glue module.
    pub js: String,
    /// File name of the wasm binary.
    pub wasm: String,
    /// File names of stylesheets, in document order.
    pub css: Vec<String>,
    /// The wasm's `integrity`, from Trunk's preload link (or the bundler's
    /// fetch script), for the fetch in the `<head>` of pages served over HTTP.
    pub wasm_integrity: Option<String>,
    /// The glue's `modulepreload` tag verbatim (its `integrity` is what checks
    /// the glue), for the end of the body of pages served over HTTP.
    pub module_preload_tags: String,
}

impl TrunkPage {
    /// Finds Trunk's loader script, preload links and stylesheet links (or, in
    /// the bundler's own output, its inline `<style data-kc-css>` elements).
    pub fn parse(html: &str) -> Result<TrunkPage, String> {
        let html = strip_fallbacks(html)?;
        let mut skeleton = String::with_capacity(html.len());
        let (mut js, mut wasm) = (None, None);
        let (mut css, mut module_preload_tags) = (Vec::new(), String::new());
        // The wasm the preload link or fetch script names, and its integrity.
        let (mut fetched, mut wasm_integrity): (Option<String>, Option<String>) = (None, None);
        let mut rest = html.as_str();
        while let Some(start) = rest.find('<') {
            skeleton.push_str(&rest[..start]);
            rest = &rest[start..];
            let tag_end = rest.find('>').ok_or("unterminated tag")? + 1;
            let tag = &rest[..tag_end];
            let lower = tag.to_ascii_lowercase();
            if rest.starts_with(EARLY_START) {
                // The bundler's own: written again with the scripts.
                let close = rest.find("</script>").ok_or("unterminated script")?;
                rest = &rest[close + "</script>".len()..];
                continue;
            }
            if rest.starts_with(FETCH_START) {
                // The bundler's own, in place of Trunk's preload link: the same facts.
                let close = rest.find("</script>").ok_or("unterminated script")?;
                let code = &rest[..close];
                if fetched.is_some() {
                    return Err("more than one fetch of the wasm".into());
                }
                let name = quoted_ending(code, "_bg.wasm")?;
                wasm = Some(name.clone());
                fetched = Some(name);
                wasm_integrity = quoted(code, |s| s.starts_with("sha")).map(str::to_string);
                skeleton.push_str(FETCH_MARK);
                rest = &rest[close + "</script>".len()..];
                continue;
            }
            if lower.starts_with("<script") && attr(tag, "type").as_deref() == Some("importmap") {
                // The bundler's own (the glue's integrity): written again with the scripts.
                let close = rest.find("</script>").ok_or("unterminated import map")?;
                rest = &rest[close + "</script>".len()..];
                continue;
            }
            if lower.starts_with("<script") && attr(tag, "type").as_deref() == Some("module") {
                let close = rest.find("</script>").ok_or("unterminated module script")?;
                let body = &rest[tag_end..close];
                js = Some(quoted_ending(body, ".js")?);
                // (Trunk's names the wasm; the bundler's takes it from the early script.)
                if let Ok(name) = quoted_ending(body, "_bg.wasm") {
                    wasm = Some(name);
                }
                rest = &rest[close + "</script>".len()..];
                continue;
            }
            if lower.starts_with("<style") {
                if let Some(name) = attr(tag, INLINE_CSS_ATTR) {
                    let close = rest.find("</style>").ok_or("unterminated style")?;
                    css.push(local_name(&name)?);
                    skeleton.push_str(CSS_MARK);
                    rest = &rest[close + "</style>".len()..];
                    continue;
                }
            }
            if lower.starts_with("<link") {
                let rel = attr(tag, "rel").unwrap_or_default();
                match rel.as_str() {
                    "modulepreload" => {
                        module_preload_tags.push_str(tag);
                        rest = &rest[tag_end..];
                        continue;
                    }
                    "preload" => {
                        // Trunk preloads the wasm only; the bundler fetches it
                        // from a script instead (see `crate::pages::wasm_fetch`).
                        let href = attr(tag, "href").ok_or("preload without href")?;
                        if !href.ends_with(".wasm") || fetched.is_some() {
                            return Err(format!(
                                "a preload link the bundler does not know (only the wasm's, once): {tag}"
                            ));
                        }
                        fetched = Some(local_name(&href)?);
                        wasm_integrity = attr(tag, "integrity");
                        skeleton.push_str(FETCH_MARK);
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
        let at = skeleton.rfind("</body>").unwrap_or(skeleton.len());
        skeleton.insert_str(at, SCRIPT_MARK);
        let wasm = wasm.ok_or("no wasm reference in the module script")?;
        match fetched {
            Some(name) if name == wasm => {}
            Some(name) => return Err(format!("the page preloads {name} but loads {wasm}")),
            None => {
                return Err(format!(
                    "no preload link for {wasm}: the pages fetch it where it was"
                ))
            }
        }
        Ok(TrunkPage {
            skeleton,
            js: js.ok_or("no Trunk module script found")?,
            wasm,
            css,
            wasm_integrity,
            module_preload_tags,
        })
    }

    /// Rewrites the `integrity` of the glue's preload tag and the wasm's to
    /// match the file now (`sri_of` reads and hashes a file of dist/): the glue
    /// is minified after Trunk wrote its hashes. (Stylesheets are inlined.)
    pub fn refresh_integrity(
        &mut self,
        mut sri_of: impl FnMut(&str) -> Result<String, String>,
    ) -> Result<(), String> {
        let mut refresh = |tag: &str| -> Result<String, String> {
            match (attr(tag, "integrity"), attr(tag, "href")) {
                (Some(old), Some(href)) => Ok(tag.replacen(&old, &sri_of(&local_name(&href)?)?, 1)),
                _ => Ok(tag.to_string()),
            }
        };
        let tags = &mut self.module_preload_tags;
        let mut out = String::with_capacity(tags.len());
        let mut rest = tags.as_str();
        while let Some(end) = rest.find('>') {
            out.push_str(&refresh(&rest[..=end])?);
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        *tags = out;
        if self.wasm_integrity.is_some() {
            self.wasm_integrity = Some(sri_of(&self.wasm)?);
        }
        Ok(())
    }

    /// The `integrity` of the glue's module preload, if it has one.
    pub fn js_integrity(&self) -> Option<String> {
        integrity_of(&self.module_preload_tags, &self.js)
    }

    /// The skeleton with each marker replaced: `script` for the loader, `css[i]`
    /// for the i-th stylesheet and `fetch` for the wasm's fetch.
    pub fn fill(&self, script: &str, css: &[String], fetch: &str) -> Result<String, String> {
        let mut out = String::with_capacity(self.skeleton.len() + script.len());
        let mut css_iter = css.iter();
        let mut rest = self.skeleton.as_str();
        while let Some(at) = rest.find('\u{0}') {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            if let Some(r) = rest.strip_prefix(SCRIPT_MARK) {
                out.push_str(script);
                rest = r;
            } else if let Some(r) = rest.strip_prefix(CSS_MARK) {
                out.push_str(css_iter.next().ok_or("more stylesheet links than files")?);
                rest = r;
            } else if let Some(r) = rest.strip_prefix(FETCH_MARK) {
                out.push_str(fetch);
                rest = r;
            } else {
                return Err("NUL character in index.html".into());
            }
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// The `integrity` of the tag among `tags` whose `href` names `file`.
fn integrity_of(tags: &str, file: &str) -> Option<String> {
    tags.split_inclusive('>')
        .find(|tag| attr(tag, "href").is_some_and(|h| h.ends_with(file)))
        .and_then(|tag| attr(tag, "integrity"))
}

/// Removes every generated fallback (markers included) so it can be regenerated.
fn strip_fallbacks(html: &str) -> Result<String, String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(FALLBACK_START) {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find(FALLBACK_END)
            .ok_or("unterminated no-JS fallback")?;
        rest = &rest[start + end + FALLBACK_END.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Inserts `fallback` (between the fallback markers) as the content of every
/// `<div data-kling-calc …>` start tag in `html`; fails if there is none.
#[cfg(test)]
pub fn insert_fallback(html: &str, fallback: &str) -> Result<String, String> {
    insert_fallbacks(html, |_, _| Ok(fallback.to_string()))
}

/// Inserts, between the fallback markers, what `fallback` returns for each
/// `<div data-kling-calc …>` start tag (given the tag and its 0-based index in
/// page order) as that element's content; fails if there is none.
pub fn insert_fallbacks(
    html: &str,
    mut fallback: impl FnMut(&str, usize) -> Result<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    let mut mounts = 0;
    while let Some(start) = rest.find("<div") {
        let end = start + rest[start..].find('>').ok_or("unterminated div tag")? + 1;
        out.push_str(&rest[..end]);
        if has_attr(&rest[start..end], "data-kling-calc") {
            out.push_str(FALLBACK_START);
            out.push_str(&fallback(&rest[start..end], mounts)?);
            out.push_str(FALLBACK_END);
            mounts += 1;
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    if mounts == 0 {
        return Err("page has no <div data-kling-calc> mount element".into());
    }
    Ok(out)
}

/// True when the start tag has attribute `name` exactly (not merely a longer name starting with it).
pub fn has_attr(tag: &str, name: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    lower.match_indices(name).any(|(at, _)| {
        at > 0
            && bytes[at - 1].is_ascii_whitespace()
            && bytes
                .get(at + name.len())
                .is_some_and(|&c| matches!(c, b'=' | b'>' | b'/') || c.is_ascii_whitespace())
    })
}

/// The value of attribute `name` in a start tag: double-quoted, single-quoted,
/// or unquoted as a minifier writes it (`type=module`, `href=./a.css`).
pub fn attr(tag: &str, name: &str) -> Option<String> {
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
                let end = v
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(v.len());
                return Some(v[..end].to_string());
            }
        }
        from = at + name.len();
    }
    None
}

/// The first quoted string in `js` that ends with `suffix`, as a local file name.
fn quoted_ending(js: &str, suffix: &str) -> Result<String, String> {
    quoted(js, |s| s.ends_with(suffix))
        .map(local_name)
        .unwrap_or_else(|| Err(format!("module script references no *{suffix}")))
}

/// The first string in `js`, in single or double quotes, that `want` accepts.
fn quoted(js: &str, want: impl Fn(&str) -> bool) -> Option<&str> {
    ['\'', '"'].into_iter().find_map(|quote| {
        // Odd pieces of a split on the quote character are the quoted strings.
        js.split(quote).skip(1).step_by(2).find(|s| want(s))
    })
}

/// Reduces `./x`, `/x` or `x` to `x`; rejects anything that is not a plain file in dist/.
pub fn local_name(url: &str) -> Result<String, String> {
    let name = url.trim_start_matches("./").trim_start_matches('/');
    if name.is_empty() || name.contains('/') || name.contains("..") || name.contains(':') {
        return Err(format!("unexpected asset URL {url}"));
    }
    Ok(name.to_string())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Trunk 0.21's output shape, trimmed.
    pub const TRUNK_HTML: &str = r#"<!doctype html><html><head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="./widget-abc.css" integrity="sha384-x">
<link rel="modulepreload" href="./kling-calc-123.js" crossorigin="anonymous" integrity="sha384-y"><link rel="preload" href="./kling-calc-123_bg.wasm" crossorigin="anonymous" integrity="sha384-z" as="fetch" type="application/wasm"></head>
<body><main><div data-kling-calc></div></main>
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
        assert_eq!(
            page.module_preload_tags,
            r#"<link rel="modulepreload" href="./kling-calc-123.js" crossorigin="anonymous" integrity="sha384-y">"#
        );
        assert_eq!(page.js_integrity().as_deref(), Some("sha384-y"));
        assert_eq!(page.wasm_integrity.as_deref(), Some("sha384-z"));
        assert!(!page.skeleton.contains("preload") && !page.skeleton.contains("stylesheet"));
        // The wasm's fetch goes where its preload link was, in the head.
        assert_eq!(page.skeleton.matches(FETCH_MARK).count(), 1);
        assert!(page.skeleton.find(FETCH_MARK) < page.skeleton.find("</head>"));
        assert!(page.skeleton.contains("<div data-kling-calc></div>"));
    }

    #[test]
    fn the_loader_goes_to_the_end_of_the_body() {
        // (page, what the skeleton must end with): Trunk's module script in the body
        // and, minified, in the head; a page without a closing body tag.
        let cases = [
            (TRUNK_HTML, "</main>\n\u{0}SCRIPT\u{0}</body></html>"),
            (MINIFIED_HTML, "</main>\u{0}SCRIPT\u{0}</body></html>"),
            (
                "<link rel=preload href=./a_bg.wasm><script type=module>import './a.js'; './a_bg.wasm'</script><p>x",
                "<p>x\u{0}SCRIPT\u{0}",
            ),
        ];
        for (html, tail) in cases {
            let page = TrunkPage::parse(html).unwrap();
            assert!(page.skeleton.ends_with(tail), "{:?}", page.skeleton);
            assert_eq!(page.skeleton.matches(SCRIPT_MARK).count(), 1);
            // The bundler's own output (stylesheets inline, the wasm's fetch
            // in the head, the glue's preload ending the body) parses to the
            // same page.
            let styles: Vec<String> = page
                .css
                .iter()
                .map(|name| format!("<style {INLINE_CSS_ATTR}=\"{name}\">a{{}}</style>"))
                .collect();
            let again = TrunkPage::parse(
                &page
                    .fill(
                        &format!(
                            "{}<script type=module>import './{}'; './{}'</script>",
                            page.module_preload_tags, page.js, page.wasm
                        ),
                        &styles,
                        &crate::pages::wasm_fetch(&page),
                    )
                    .unwrap(),
            )
            .unwrap();
            assert_eq!(
                (
                    &again.skeleton,
                    &again.css,
                    &again.wasm,
                    &again.wasm_integrity,
                    &again.module_preload_tags
                ),
                (
                    &page.skeleton,
                    &page.css,
                    &page.wasm,
                    &page.wasm_integrity,
                    &page.module_preload_tags
                )
            );
        }
    }

    /// What Trunk writes with `minify = "on_release"`: attribute quotes dropped.
    const MINIFIED_HTML: &str = "<!doctype html><html lang=zh-Hant><meta charset=utf-8><script type=module>import init, * as bindings from './kling-calc-123.js';\nconst wasm = await init({ module_or_path: './kling-calc-123_bg.wasm' });</script><link href=./widget-abc.css integrity=sha384-x rel=stylesheet><link crossorigin href=./kling-calc-123.js integrity=sha384-y rel=modulepreload><link as=fetch crossorigin href=./kling-calc-123_bg.wasm rel=preload type=application/wasm></head><body><main><div data-kling-calc></div></main></body></html>";

    #[test]
    fn parses_minified_trunk_output() {
        let page = TrunkPage::parse(MINIFIED_HTML).unwrap();
        assert_eq!(
            (page.js.as_str(), page.wasm.as_str()),
            ("kling-calc-123.js", "kling-calc-123_bg.wasm")
        );
        assert_eq!(page.css, vec!["widget-abc.css".to_string()]);
        assert_eq!(
            page.module_preload_tags,
            "<link crossorigin href=./kling-calc-123.js integrity=sha384-y rel=modulepreload>"
        );
        assert_eq!(
            page.wasm_integrity, None,
            "its wasm preload has no integrity"
        );
        assert!(!page.skeleton.contains("<script") && !page.skeleton.contains("<link"));
        // (tag, attribute, value)
        let cases = [
            ("<a href=x.css rel=stylesheet>", "rel", Some("stylesheet")),
            ("<a href=x.css>", "href", Some("x.css")),
            ("<a href='y' b=\"z\">", "b", Some("z")),
            ("<script type=module>", "type", Some("module")),
            ("<script data-type=module>", "type", None),
        ];
        for (tag, name, want) in cases {
            assert_eq!(attr(tag, name).as_deref(), want, "{tag}");
        }
    }

    #[test]
    fn integrity_follows_the_files() {
        // (page, the glue's preload tag and the wasm's integrity expected after the refresh)
        let cases = [
            (
                MINIFIED_HTML,
                "<link crossorigin href=./kling-calc-123.js integrity=H(kling-calc-123.js) rel=modulepreload>",
                // A wasm preload without integrity stays without one.
                None,
            ),
            (
                TRUNK_HTML,
                r#"<link rel="modulepreload" href="./kling-calc-123.js" crossorigin="anonymous" integrity="H(kling-calc-123.js)">"#,
                Some("H(kling-calc-123_bg.wasm)"),
            ),
        ];
        for (html, glue, wasm) in cases {
            let mut page = TrunkPage::parse(html).unwrap();
            page.refresh_integrity(|name| Ok(["H(", name, ")"].concat()))
                .unwrap();
            assert_eq!(page.module_preload_tags, glue);
            assert_eq!(page.wasm_integrity.as_deref(), wasm);
        }
    }

    #[test]
    fn preload_links_other_than_the_wasms_are_refused() {
        // (what replaces TRUNK_HTML's wasm preload, what the error says)
        let wasm = r#"<link rel="preload" href="./kling-calc-123_bg.wasm" crossorigin="anonymous" integrity="sha384-z" as="fetch" type="application/wasm">"#;
        let cases = [
            ("", "no preload link for kling-calc-123_bg.wasm"),
            (
                r#"<link rel="preload" href="./font.woff2" as="font">"#,
                "a preload link the bundler does not know",
            ),
            (
                &*format!("{wasm}{wasm}"),
                "a preload link the bundler does not know",
            ),
            (
                r#"<link rel="preload" href="./other_bg.wasm" as="fetch">"#,
                "the page preloads other_bg.wasm but loads kling-calc-123_bg.wasm",
            ),
        ];
        assert!(TRUNK_HTML.contains(wasm));
        for (link, want) in cases {
            let err = TrunkPage::parse(&TRUNK_HTML.replace(wasm, link)).unwrap_err();
            assert!(err.contains(want), "{link}: {err}");
        }
    }

    #[test]
    fn fallback_is_inserted_once_even_when_reparsed() {
        let page = TrunkPage::parse(TRUNK_HTML).unwrap();
        let with = insert_fallback(&page.skeleton, "<p>F</p>").unwrap();
        assert!(with
            .contains("<div data-kling-calc><!--kc-fallback--><p>F</p><!--/kc-fallback--></div>"));
        let again = TrunkPage::parse(
            &with
                .replace(SCRIPT_MARK, "<script type=\"module\">import './kling-calc-123.js'; './kling-calc-123_bg.wasm'</script>")
                .replace(FETCH_MARK, &crate::pages::wasm_fetch(&page)),
        )
        .unwrap();
        assert_eq!(again.skeleton.matches("<p>F</p>").count(), 0);
        let twice = insert_fallback(&again.skeleton, "<p>F</p>").unwrap();
        assert_eq!(twice.matches("<p>F</p>").count(), 1);
    }

    #[test]
    fn mount_attribute_is_matched_exactly() {
        assert!(has_attr("<div data-kling-calc>", "data-kling-calc"));
        assert!(has_attr(
            "<div class=x data-kling-calc data-lang=en>",
            "data-kling-calc"
        ));
        assert!(has_attr("<div data-kling-calc=\"\">", "data-kling-calc"));
        assert!(!has_attr("<div data-kling-calc-frame>", "data-kling-calc"));
        assert!(!has_attr("<div x-data-kling-calc>", "data-kling-calc"));
        assert!(insert_fallback("<div data-kling-calc-frame></div>", "F").is_err());
    }

    #[test]
    fn refuses_unexpected_shapes() {
        assert!(TrunkPage::parse("<html><body></body></html>").is_err());
        assert!(TrunkPage::parse("<p><!--kc-fallback--> unterminated").is_err());
        assert!(local_name("https://cdn.example/x.js").is_err());
        assert!(local_name("../x.js").is_err());
    }
}
