//! Chart downloads: each chart as a self-contained SVG file, or as a PNG at
//! twice its size drawn from that SVG through a canvas.
//!
//! The file is the chart's own marks (the same markup the page draws, so the
//! values are the reader's current ones) with the widget's CSS classes
//! turned into presentation attributes, plus the title, the legend, a line
//! naming the outlets ([`Chart::source_line`]) and the edition line. It has no
//! `<style>` and no script, and it travels as a `data:` URL only: the strict
//! CSPs of `standalone.html` and `embed.html` allow `img-src data:`, which the
//! PNG's `Image` needs, and an `<a download>` needs no directive at all; no
//! blob URL, no request, so it works from `file://` as well.
//!
//! Text is wrapped by an estimate (a CJK character is 1 em wide, any other
//! 0.6 em, more than most are), since a file has no layout engine to ask.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, HtmlImageElement};

use super::charts::Markup;
use crate::core::format::push_decimal;
use crate::core::sections::Chart;
use crate::core::units::Locale;

/// Margin around the picture, in pixels of the SVG.
const PAD: f64 = 8.0;

/// Each mark's class, as the page's CSS draws it in the light theme, written as
/// attributes (a file has no stylesheet; presentation attributes are not subject to a CSP's `style-src`).
const LOOKS: [(&str, &str); 8] = [
    ("kc-grid", "stroke=\"#c8c8c8\" stroke-dasharray=\"2 2\""),
    ("kc-axis", "stroke=\"#1a1a1a\""),
    ("kc-axis kc-zero", "stroke=\"#1a1a1a\""),
    (
        "kc-share",
        "stroke=\"#1a1a1a\" stroke-width=\"2\" fill=\"#1a1a1a\"",
    ),
    ("kc-bar", "fill=\"#555\""),
    ("kc-bar kc-hi", "fill=\"#0b57a4\""),
    (
        "kc-bar kc-assumed",
        "fill=\"none\" stroke=\"#555\" stroke-width=\"2\" stroke-dasharray=\"4 3\"",
    ),
    (
        "kc-bar kc-hi kc-assumed",
        "fill=\"none\" stroke=\"#0b57a4\" stroke-width=\"2\" stroke-dasharray=\"4 3\"",
    ),
];

/// Splits `text` into lines no wider than `max` at font size `size` (by the
/// estimate above), breaking after a space or before a CJK character.
fn wrap(text: &str, size: f64, max: f64) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut brk, mut w, mut w_brk) = (0, 0, 0.0, 0.0);
    for (i, c) in text.char_indices() {
        let wide = c >= '\u{2e80}';
        if wide {
            (brk, w_brk) = (i, w);
        }
        w += if wide { size } else { size * 0.6 };
        if c == ' ' {
            (brk, w_brk) = (i + 1, w);
        }
        // `get`, not indexing: the breaks are char boundaries, and nothing here may panic.
        if w > max && brk > start {
            out.push(text.get(start..brk).unwrap_or_default().trim_end());
            (start, w) = (brk, w - w_brk);
            w_brk = 0.0;
        }
    }
    out.push(text.get(start..).unwrap_or_default());
    out
}

/// The downloadable SVG of one chart and its size in pixels: `title` and
/// `legend` (each key's class and text) above the marks drawn in a
/// `view_w` × `view_h` box, the chart's source line and `edition` below.
pub(super) fn svg(
    chart: &Chart,
    locale: Locale,
    title: &str,
    legend: &[(&str, &str)],
    (view_w, view_h): (f64, f64),
    marks: &str,
    edition: &str,
) -> (String, f64, f64) {
    let w = view_w + 2.0 * PAD;
    let max = view_w;
    let mut body = Markup(String::with_capacity(4096));
    let mut y = PAD;
    let line = |m: &mut Markup, y: &mut f64, x: f64, size: f64, extra: &str, text: &str| {
        for l in wrap(text, size, max + PAD - x) {
            *y += size + 4.0;
            m.0.push_str("<text");
            m.num("x", x);
            m.num("y", *y - 3.0);
            m.num("font-size", size);
            m.0.push_str(extra);
            m.0.push('>');
            m.body(l);
            m.0.push_str("</text>");
        }
    };
    line(&mut body, &mut y, PAD, 13.0, " font-weight=\"bold\"", title);
    for &(class, text) in legend {
        let key = match class {
            "kc-key kc-key-share" => "height=\"2\" transform=\"translate(0 4)\" fill=\"#1a1a1a\"",
            "kc-key kc-key-assumed kc-key-peer" => {
                "height=\"9\" fill=\"none\" stroke=\"#555\" stroke-dasharray=\"3 2\""
            }
            "kc-key kc-key-assumed" => {
                "height=\"9\" fill=\"none\" stroke=\"#0b57a4\" stroke-dasharray=\"3 2\""
            }
            _ => "height=\"10\" fill=\"#0b57a4\"",
        };
        body.0.push_str("<rect x=\"8\" width=\"10\"");
        body.num("y", y + 5.0);
        body.0.push(' ');
        body.0.push_str(key);
        body.0.push_str("/>");
        line(&mut body, &mut y, PAD + 14.0, 11.0, "", text);
    }
    body.0.push_str("<g transform=\"translate(8 ");
    push_decimal(&mut body.0, y + 4.0, 1);
    body.0.push_str(")\">");
    // Each ` class="…"` becomes its look. Split at quotes (text content has
    // none: `Markup::body` escapes them), so odd parts are attribute values;
    // a substring search would add its searcher to the wasm.
    let mut class = false;
    for (k, part) in marks.split('"').enumerate() {
        if k % 2 == 0 {
            let rest = part.strip_suffix("class=");
            class = rest.is_some();
            body.0.push_str(rest.unwrap_or(part));
        } else if class {
            body.0
                .push_str(LOOKS.iter().find(|l| l.0 == part).map_or("", |l| l.1));
        } else {
            body.0.push('"');
            body.0.push_str(part);
            body.0.push('"');
        }
    }
    body.0.push_str("</g>");
    y += view_h + 8.0;
    let muted = " fill=\"#555\"";
    line(
        &mut body,
        &mut y,
        PAD,
        11.0,
        muted,
        chart.source_line(locale),
    );
    line(&mut body, &mut y, PAD, 11.0, muted, edition);
    let h = y + PAD;
    let mut out = Markup(String::with_capacity(body.0.len() + 256));
    out.0.push_str(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"11\"",
    );
    out.num("width", w);
    out.num("height", h);
    out.0
        .push_str("><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    out.0.push_str(&body.0);
    out.0.push_str("</svg>");
    (out.0, w, h)
}

/// Saves `url` as `name` through a detached `<a download>` (a download is
/// not a navigation, so no CSP directive applies).
fn save(url: &str, name: &str) -> Option<()> {
    let a: HtmlElement = document()?.create_element("a").ok()?.unchecked_into();
    a.set_attribute("href", url).ok()?;
    a.set_attribute("download", name).ok()?;
    a.click();
    Some(())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Downloads the chart `svg` (`w` × `h` pixels) as `name`: the SVG itself, or
/// with `png` a PNG at 2× drawn by a canvas once the SVG has loaded as an image.
pub(super) fn download(svg: &str, w: f64, h: f64, name: &str, png: bool) -> Option<()> {
    let url = [
        "data:image/svg+xml;charset=utf-8,",
        &String::from(js_sys::encode_uri_component(svg)),
    ]
    .concat();
    if !png {
        return save(&url, name);
    }
    let img = HtmlImageElement::new().ok()?;
    let drawn = img.clone();
    let name = name.to_string();
    let onload = Closure::once_into_js(move || {
        let draw = || -> Option<()> {
            let canvas: HtmlCanvasElement =
                document()?.create_element("canvas").ok()?.unchecked_into();
            canvas.set_width((w * 2.0) as u32);
            canvas.set_height((h * 2.0) as u32);
            let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.unchecked_into();
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &drawn,
                0.0,
                0.0,
                w * 2.0,
                h * 2.0,
            )
            .ok()?;
            save(&canvas.to_data_url().ok()?, &name)
        };
        draw();
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
    Some(())
}
