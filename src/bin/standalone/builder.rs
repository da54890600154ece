//! `builder.html`, the editor's kit: `www/builder.html` with the widget
//! running inline (the very module script of `standalone.html`, so it works
//! from `file://` with no network), the builder's script and styles, a data
//! block with what its code and downloads need, and a hash-only CSP.
//!
//! The preconfigured `standalone.html` the builder downloads is made in the
//! browser from `standalone.html`'s own text with its module script and the
//! wasm's data block cut out (the builder has both already: it is running
//! them), so the page carries the wasm once.

use kling_calc::core::edition::TITLE;
use kling_calc::core::sections::{EXTRA_PARTS, SECTIONS};
use kling_calc::core::units::Locale;

use crate::encode::csp_hash;
use crate::pages::{standalone_early, wasm_block_of, STANDALONE_EARLY};
use crate::trunk::{FALLBACK_END, FALLBACK_START};

/// The page around the builder, compiled in so cargo rebuilds the bundler when it changes.
const PAGE: &str = include_str!("../../../www/builder.html");
/// The builder's script (classic, inline).
const SCRIPT: &str = include_str!("../../../www/builder.js");
/// The builder's own styles (the widget's are the release stylesheet).
const STYLE: &str = include_str!("../../../www/builder.css");

/// Where `www/builder.html` wants the CSP, styles and widget module.
const HEAD_MARK: &str = "<!-- kc:head -->";
/// Where it wants the data block and the builder's script (end of body).
const SCRIPTS_MARK: &str = "<!-- kc:scripts -->";
/// What stands for the module script's text in the standalone page the builder carries.
pub const CODE_MARK: &str = "\u{1}KC-CODE\u{1}";
/// What stands for the content of the wasm's data block (its base64) in that page.
pub const WASM_MARK: &str = "\u{1}KC-WASM\u{1}";

/// `s` as a JSON string literal that is also safe inside a `<script>` element:
/// `<`, `>` and `&` are escaped, so no `</script` can end the block early.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)))
            }
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The data block: the standalone page with [`CODE_MARK`] for its module
/// script and [`WASM_MARK`] for the wasm's data block, the iframe parent
/// snippet, the widget's title per language and the parts an editor can
/// choose, as `[key, label]`.
fn data(standalone: &str, code: &str, wasm_block: &str, parent_js: &str) -> Result<String, String> {
    // builder.js replaces what lies between the fallback marks with the first
    // frame of the editor's choices.
    if standalone.matches(code).count() != 1
        || standalone.matches(wasm_block).count() != 1
        || standalone.matches("<div data-kling-calc>").count() != 1
        || standalone.matches(FALLBACK_START).count() != 1
        || standalone.matches(FALLBACK_END).count() != 1
    {
        return Err(
            "standalone.html must hold its module script, its wasm, one mount element and one static render once".into(),
        );
    }
    let page =
        standalone
            .replacen(code, CODE_MARK, 1)
            .replacen(wasm_block, &wasm_block_of(WASM_MARK), 1);
    let title: Vec<String> = Locale::ALL
        .iter()
        .map(|&l| format!("{}:{}", json_string(l.tag()), json_string(TITLE.get(l))))
        .collect();
    // Each part's name in the kit's three languages: its heading, then its key.
    let extra = |k: &str| match k {
        "goals" => kling_calc::ui::goal_seek::TITLE,
        "claims" => kling_calc::ui::claims_view::TITLE,
        "sources" => kling_calc::ui::sources_view::TITLE,
        other => unreachable!("EXTRA_PARTS has {other:?}, which has no heading here"),
    };
    let parts: Vec<String> = SECTIONS
        .iter()
        .map(|s| (s.key, s.title))
        .chain(EXTRA_PARTS.iter().map(|&k| (k, extra(k))))
        .map(|(key, title)| {
            let labels: Vec<String> = Locale::ALL
                .iter()
                .map(|&l| json_string(&format!("{} ({key})", title.get(l))))
                .collect();
            format!("[{},[{}]]", json_string(key), labels.join(","))
        })
        .collect();
    Ok(format!(
        "{{\"page\":{},\"mark\":{},\"wasm\":{},\"parent\":{},\"title\":{{{}}},\"parts\":[{}]}}",
        json_string(&page),
        json_string(CODE_MARK),
        json_string(WASM_MARK),
        json_string(parent_js),
        title.join(","),
        parts.join(",")
    ))
}

/// `builder.html` from the standalone module script `code`, the wasm's data
/// block, the widget's stylesheets, the finished `standalone.html` and the
/// iframe parent snippet.
pub fn builder(
    code: &str,
    wasm_block: &str,
    css: &[String],
    standalone: &str,
    parent_js: &str,
) -> Result<String, String> {
    if SCRIPT.contains("</script") || STYLE.contains("</style") {
        return Err("www/builder.js or builder.css contains a closing tag".into());
    }
    for mark in [HEAD_MARK, SCRIPTS_MARK] {
        if PAGE.matches(mark).count() != 1 {
            return Err(format!("www/builder.html needs {mark} exactly once"));
        }
    }
    let policy = format!(
        "default-src 'none'; base-uri 'none'; form-action 'none'; script-src {} {} {} 'wasm-unsafe-eval'; \
         style-src {} {}; img-src data:",
        csp_hash(STANDALONE_EARLY),
        csp_hash(code),
        csp_hash(SCRIPT),
        css.iter().map(|c| csp_hash(c)).collect::<Vec<_>>().join(" "),
        csp_hash(STYLE),
    );
    let styles: String = css
        .iter()
        .chain([&STYLE.to_string()])
        .map(|c| format!("<style>{c}</style>\n"))
        .collect();
    // The CSP meta first: it only governs what follows it.
    let head = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n{styles}\
         {}<script type=\"module\">{code}</script>",
        standalone_early(wasm_block)
    );
    let scripts = format!(
        "<script type=\"application/json\" id=\"kit-data\">{}</script>\n<script>{SCRIPT}</script>",
        data(standalone, code, wasm_block, parent_js)?
    );
    Ok(PAGE
        .replace(HEAD_MARK, &head)
        .replace(SCRIPTS_MARK, &scripts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::WASM_BLOCK_ID;

    #[test]
    fn json_strings_cannot_close_the_script() {
        let cases = [
            ("a\"b\\c", r#""a\"b\\c""#),
            ("</script>", r#""\u003c/script\u003e""#),
            ("x\ny\u{1}", r#""x\ny\u0001""#),
            ("快手 & Kling", r#""快手 \u0026 Kling""#),
        ];
        for (input, want) in cases {
            assert_eq!(json_string(input), want);
        }
    }

    #[test]
    fn builder_runs_the_standalone_module_under_its_own_csp() {
        let code = "\nconsole.log(1);\n";
        let block = crate::pages::wasm_block(b"wasm bytes");
        let standalone = format!(
            "<html lang=zh-Hant><head>{}<script type=\"module\">{code}</script></head>\
             <body><div data-kling-calc><!--kc-fallback--><p>F</p><!--/kc-fallback--></div></body></html>",
            standalone_early(&block)
        );
        let out = builder(
            code,
            &block,
            &["a{b:c}".into()],
            &standalone,
            "/* parent */",
        )
        .unwrap();
        let csp_at = out.find("Content-Security-Policy").unwrap();
        assert!(csp_at < out.find("<style>").unwrap());
        for hash in [
            csp_hash(STANDALONE_EARLY),
            csp_hash(code),
            csp_hash(SCRIPT),
            csp_hash("a{b:c}"),
            csp_hash(STYLE),
        ] {
            assert!(out.contains(&hash), "{hash}");
        }
        assert_eq!(out.matches(code).count(), 1, "the module is carried once");
        assert_eq!(out.matches(&block).count(), 1, "the wasm is carried once");
        assert!(out.contains(&format!("id=\"{WASM_BLOCK_ID}\"")));
        assert!(out.contains("\\u0001KC-CODE\\u0001") && out.contains("\\u0001KC-WASM\\u0001"));
        // Each part by its heading in the three languages, then its key.
        let sources: Vec<String> = Locale::ALL
            .iter()
            .map(|&l| {
                json_string(&format!(
                    "{} (sources)",
                    kling_calc::ui::sources_view::TITLE.get(l)
                ))
            })
            .collect();
        assert!(out.contains(r#"["kling",["#));
        assert!(out.contains(&format!("[\"sources\",[{}]]", sources.join(","))));
        assert!(!out.contains(HEAD_MARK) && !out.contains(SCRIPTS_MARK));
        assert!(builder(code, &block, &[], "<div data-kling-calc>", "").is_err());
        // builder.js puts the chosen first frame between the static render's marks.
        let unmarked = standalone.replace("<!--/kc-fallback-->", "");
        assert!(builder(code, &block, &[], &unmarked, "").is_err());
        // The standalone page must carry the wasm, which the builder cuts out.
        let without = standalone.replace(&block, "");
        assert!(builder(code, &block, &[], &without, "").is_err());
    }
}
