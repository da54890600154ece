//! `kling-calc.js`, the stable loader: the one file an embed names.
//!
//! Its source is `www/kling-calc-loader.js`; this fills in the release's
//! hashed asset names with their integrity hashes and the shared failure
//! message, and drops full-line comments and indentation (gzip does the rest:
//! the loader must stay within [`MAX_GZIP`]). Written from the final files on
//! every bundler run, so a rebuild's new hashes reach it by construction.

use crate::pages::FAIL_JS;

/// The loader's source, compiled in so cargo rebuilds the bundler when it changes.
const SOURCE: &str = include_str!("../../../www/kling-calc-loader.js");

/// Where the source wants the asset list (a JavaScript object literal).
const ASSETS_MARK: &str = "const A=ASSETS;";
/// Where the source wants [`FAIL_JS`].
const FAIL_MARK: &str = "FAIL;";

/// The budget the issue sets for the loader, in bytes of gzip.
pub const MAX_GZIP: usize = 2048;

/// One file the loader fetches: its name next to the loader, and its SRI value.
pub struct Asset {
    /// The hashed file name (`kling-calc-….js`).
    pub name: String,
    /// `sha256-…`, from the file's final bytes ([`crate::encode::sri256`]).
    pub integrity: String,
}

impl Asset {
    /// `["name","sha256-…"]`; both are checked to need no escaping.
    fn literal(&self) -> Result<String, String> {
        let plain = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.+/=".contains(&b))
        };
        if !plain(&self.name) || !plain(&self.integrity) {
            return Err(format!("unexpected characters in asset {}", self.name));
        }
        Ok(format!("[\"{}\",\"{}\"]", self.name, self.integrity))
    }
}

/// Full-line `//` comments and blank lines out, indentation off, every
/// space outside a string literal that does not separate two identifier
/// characters (`const x`, `in A`), and the line breaks no statement needs.
/// Enough for the build's own plain scripts (this loader, and the served
/// pages' inline scripts, [`crate::pages::early_compile`] and
/// [`crate::pages::http_loader`]): they have no regular expression, template
/// or comment after code on a line. Never for the glue, which terser minifies.
pub(crate) fn strip(source: &str) -> String {
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(source.len());
    for line in source.lines().map(str::trim_start) {
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let mut quote = None;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match quote {
                Some(q) => {
                    out.push(c);
                    if c == '\\' {
                        out.extend(chars.next());
                    } else if c == q {
                        quote = None;
                    }
                }
                None if c == '"' || c == '\'' => {
                    quote = Some(c);
                    out.push(c);
                }
                None if c == ' ' => {
                    let keep = out.chars().next_back().is_some_and(word)
                        && chars.peek().is_some_and(|&n| word(n));
                    if keep {
                        out.push(c);
                    }
                }
                None => out.push(c),
            }
        }
        // A line break after `;`, `{`, `}`, `,`, `(` or `[` ends nothing the
        // next line could continue differently (no `return` or `++` sits
        // there), so it goes; elsewhere it may end a statement, so it stays.
        if !out.ends_with([';', '{', '}', ',', '(', '[']) {
            out.push('\n');
        }
    }
    out
}

/// The stable stylesheet a pasted embed carrying the widget's first frame
/// links to (`kling-calc.css`, unhashed like the loader): the release's
/// stylesheets, and `kling-calc` as a block, which the loader otherwise sets.
/// A parser-inserted `<link>` styles that frame from its first paint; the
/// loader's own, script-inserted, would come too late and move the page. The
/// loader leaves the hashed stylesheets out when this one is on the page.
pub fn stylesheet(css: &[String]) -> String {
    let mut out = css.concat();
    out.push_str(":where(kling-calc){display:block}");
    out
}

/// The text of `kling-calc.js` for these stylesheets, glue and wasm.
pub fn loader(css: &[Asset], js: &Asset, wasm: &Asset) -> Result<String, String> {
    let css = css
        .iter()
        .map(Asset::literal)
        .collect::<Result<Vec<_>, _>>()?
        .join(",");
    let assets = format!(
        "const A={{css:[{css}],js:{},wasm:{}}};",
        js.literal()?,
        wasm.literal()?
    );
    let source = strip(SOURCE);
    for mark in [ASSETS_MARK, FAIL_MARK] {
        if source.matches(mark).count() != 1 {
            return Err(format!(
                "www/kling-calc-loader.js needs {mark} exactly once"
            ));
        }
    }
    let out = source
        .replace(ASSETS_MARK, &assets)
        .replace(FAIL_MARK, &strip(FAIL_JS));
    // Counted as `gzip -9c kling-calc.js | wc -c` counts it, the file name
    // (and its NUL) in the header included, so the guard and the README's
    // measurement agree.
    let size = crate::encode::gzip(out.as_bytes())?.len() + "kling-calc.js".len() + 1;
    if size > MAX_GZIP {
        return Err(format!(
            "kling-calc.js would be {size} B of gzip, over its {MAX_GZIP} B budget"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode::gzip;

    fn asset(name: &str) -> Asset {
        Asset {
            name: name.into(),
            integrity: ["sha256-", &"A1+/".repeat(11)].concat(),
        }
    }

    /// `n` characters of `alphabet` from a fixed xorshift sequence: text as
    /// incompressible as real hashes, the same on every run.
    fn noise(seed: &mut u64, alphabet: &[u8], n: usize) -> String {
        (0..n)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                alphabet[(*seed % alphabet.len() as u64) as usize] as char
            })
            .collect()
    }

    fn sample() -> String {
        loader(
            &[asset("widget-0123456789abcdef.css")],
            &asset("kling-calc-0123456789abcdef.js"),
            &asset("kling-calc-0123456789abcdef_bg.wasm"),
        )
        .unwrap()
    }

    #[test]
    fn names_each_asset_with_its_integrity() {
        let out = sample();
        let sri = asset("x").integrity;
        for name in [
            "widget-0123456789abcdef.css",
            "kling-calc-0123456789abcdef.js",
            "kling-calc-0123456789abcdef_bg.wasm",
        ] {
            assert!(out.contains(&format!("[\"{name}\",\"{sri}\"]")), "{name}");
        }
        assert!(out.contains("function __kc_failed(error)"));
        assert!(!out.contains("ASSETS") && !out.contains("\nFAIL;"));
        assert!(!out
            .lines()
            .any(|l| l.starts_with("//") || l.starts_with(' ')));
    }

    #[test]
    fn the_stable_stylesheet_is_the_release_one_and_makes_kling_calc_a_block() {
        let css = ["a{b:c}".to_string(), ".kc{d:e}".to_string()];
        let out = stylesheet(&css);
        assert!(out.starts_with("a{b:c}.kc{d:e}"));
        assert!(out.ends_with(":where(kling-calc){display:block}"));
        // The loader looks for it by this name, and skips the hashed sheets then.
        assert!(SOURCE.contains("[href$='kling-calc.css']"));
    }

    #[test]
    fn stays_within_two_kilobytes_of_gzip_with_room_for_any_hashes() {
        // Real names and hashes are random: 16 hex digits per name, 43
        // base64 characters per SHA-256. Gzip cannot shrink them, and their
        // exact bytes move the size by about ten bytes from build to build,
        // so the loader keeps 32 B of room under the budget.
        const HEX: &[u8] = b"0123456789abcdef";
        const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut seed = 0x2545_f491_4f6c_dd1d;
        for round in 0..20 {
            let mut real = |prefix: &str, suffix: &str| Asset {
                name: [prefix, &noise(&mut seed, HEX, 16), suffix].concat(),
                integrity: ["sha256-", &noise(&mut seed, B64, 43), "="].concat(),
            };
            let (css, js, wasm) = (
                real("widget-", ".css"),
                real("kling-calc-", ".js"),
                real("kling-calc-", "_bg.wasm"),
            );
            let out = loader(&[css], &js, &wasm).unwrap();
            let size = gzip(out.as_bytes()).unwrap().len() + "kling-calc.js".len() + 1;
            assert!(
                size + 32 <= MAX_GZIP,
                "round {round}: kling-calc.js is {size} B gzip"
            );
        }
    }

    #[test]
    fn strips_spaces_comments_and_indentation_outside_strings() {
        let cases = [
            ("  const a = (x) => x + 1;", "const a=(x)=>x+1;"),
            ("// why\n\n  if (a) return;", "if(a)return;"),
            ("f(\"a b\", 'c \\' d');", "f(\"a b\",'c \\' d');"),
            (
                "for (const el of [n, ...m]) x();",
                "for(const el of[n,...m])x();",
            ),
            // Breaks after `{`, `,` and `;` go; one after `x` may end a statement, so it stays.
            ("f(a,\n  b) {\n  x\n  y;\n}", "f(a,b){x\ny;}"),
        ];
        for (input, want) in cases {
            assert_eq!(strip(input), want, "{input}");
        }
    }

    #[test]
    fn refuses_names_that_would_need_escaping() {
        let bad = asset("x\".js");
        assert!(loader(&[], &bad, &asset("w.wasm")).is_err());
    }
}
