//! Chart downloads: each chart as a self-contained SVG file, or as a PNG at
//! twice its size drawn from that SVG through a canvas.
//!
//! What the file adds to the chart's marks (title, legend, a line naming the
//! outlets ([`Chart::source_line`]) and the edition line, on a white page) is
//! written with the chart, as a hidden group inside its `<svg>` ([`parts`]),
//! and the file's size and view box as its `data-export`. A click on a
//! download button ([`clicked`], one handler on the widget's article for
//! every chart) then only copies that `<svg>`'s content, unchanged, into a
//! root with one constant `<style>`: the light theme's colours for the
//! widget's classes, which also shows the hidden group. It has no script,
//! and it travels as a `data:` URL only: the strict CSPs of
//! `standalone.html` and `embed.html` allow `img-src data:`, which the PNG's
//! image needs (an SVG image's own stylesheet is not the page's), and an
//! `<a download>` needs no directive at all; no blob URL, no request, so it
//! works from `file://` as well.
//!
//! Text is wrapped by an estimate (a CJK character is 1 em wide, any other
//! 0.6 em, more than most are), since a file has no layout engine to ask.
//!
//! [`Chart::source_line`]: crate::core::sections::Chart::source_line

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};
use yew::Callback;

use super::charts::{Markup, VIEW_W};
use crate::core::edition::FOOTER;
use crate::core::format::push_decimal;
use crate::core::sections::Chart;
use crate::core::units::Locale;

/// Margin around the picture, in pixels of the SVG.
const PAD: f64 = 8.0;

/// The file's root up to its size and view box (the chart's `data-export`).
const ROOT: &str =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"11\" ";

/// The widget's chart classes as its CSS draws them in the light theme (and
/// the legend keys' shapes), `t` for the title, `m` for muted lines, and the
/// hidden group shown.
const STYLE: &str = "><style>.kc-export{display:inline}text{fill:#1a1a1a}.m,.kc-bar{fill:#555}.t{font-size:13px;font-weight:700}.kc-hi,.kc-key{fill:#0b57a4}.kc-assumed,.kc-key-assumed{fill:none;stroke:#555;stroke-width:2;stroke-dasharray:4 3}.kc-hi.kc-assumed,.kc-key-assumed{stroke:#0b57a4}.kc-key-peer{stroke:#555}.kc-axis,.kc-share{stroke:#1a1a1a}.kc-share,.kc-key-share{stroke-width:2;fill:#1a1a1a}.kc-key-share{height:2px;transform:translateY(4px)}.kc-grid{stroke:#c8c8c8;stroke-dasharray:2 2}</style>";

/// Writes `text` as `<text>` lines of class `class` at `x`, each no wider
/// than the picture at font size `size` (by the estimate above), breaking
/// after a space or before a CJK character; `y` moves down a line each.
fn lines(m: &mut Markup, y: &mut f64, x: f64, size: f64, class: &str, text: &str) {
    let max = super::charts::VIEW_W + PAD - x;
    let (mut start, mut brk, mut w) = (0, 0, 0.0);
    let mut end = text.len();
    loop {
        for (i, c) in text.char_indices().skip_while(|&(i, _)| i < start) {
            let wide = c >= '\u{2e80}';
            if wide {
                brk = i;
            }
            w += if wide { size } else { size * 0.6 };
            if c == ' ' {
                brk = i + 1;
            }
            if w > max && brk > start {
                end = brk;
                break;
            }
        }
        *y += size + 4.0;
        m.0.push_str("<text");
        m.num("x", x);
        m.num("y", *y - 3.0);
        if !class.is_empty() {
            m.attr("class", class);
        }
        m.0.push('>');
        // `get`, not indexing: the breaks are char boundaries, and nothing here may panic.
        m.body(text.get(start..end).unwrap_or_default());
        m.0.push_str("</text>");
        if end == text.len() {
            return;
        }
        // The next line is measured afresh from its first character.
        (start, end, w) = (end, text.len(), 0.0);
    }
}

/// What a download adds to a chart whose marks fill `VIEW_W` × `height`:
/// the value of its `<svg>`'s `data-export` (the file's size and view box)
/// and a hidden group (the page, then `title` and `legend` (each key's class
/// and text) above the marks, the source line and the edition below) to put
/// first in the `<svg>`.
pub(super) fn parts(
    chart: &Chart,
    locale: Locale,
    title: &str,
    legend: &[(&str, &str)],
    height: f64,
) -> (String, String) {
    // Laid out from the file's top left corner, which is (-PAD, -top) on the chart.
    let mut g = Markup(String::with_capacity(1024));
    let mut y = PAD;
    lines(&mut g, &mut y, PAD, 13.0, "t", title);
    for &(class, text) in legend {
        g.0.push_str("<rect x=\"8\" width=\"10\" height=\"10\"");
        g.num("y", y + 5.0);
        g.attr("class", class);
        g.0.push_str("/>");
        lines(&mut g, &mut y, PAD + 14.0, 11.0, "", text);
    }
    let top = y + 4.0;
    y = top + height + 4.0;
    lines(&mut g, &mut y, PAD, 11.0, "m", chart.source_line(locale));
    lines(&mut g, &mut y, PAD, 11.0, "m", FOOTER.get(locale));
    let (w, h) = (VIEW_W + 2.0 * PAD, y + PAD);
    let mut root = Markup(String::with_capacity(96));
    root.num("width", w);
    root.num("height", h);
    root.0.push_str(" viewBox=\"-8 ");
    for (k, v) in [-top, w, h].into_iter().enumerate() {
        root.0.push_str(if k == 0 { "" } else { " " });
        push_decimal(&mut root.0, v, 1);
    }
    root.0.push('"');
    let mut group = Markup(String::with_capacity(g.0.len() + 128));
    group
        .0
        .push_str("<g class=\"kc-export\" display=\"none\" transform=\"translate(-8 ");
    push_decimal(&mut group.0, -top, 1);
    group
        .0
        .push_str(")\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    group.0.push_str(&g.0);
    group.0.push_str("</g>");
    (root.0, group.0)
}

/// Starts the download a chart's SVG or PNG button asks for (its
/// `data-save` is the file's name), when `target` (what was clicked) is in
/// one; `None` for any other click.
pub(super) fn clicked(target: &Element) -> Option<()> {
    let button = target.closest("[data-save]").ok()??;
    let plot: Element = button
        .closest("[data-chart]")
        .ok()??
        .query_selector_all("svg")
        .ok()?
        .item(0)?
        .unchecked_into();
    let svg = [
        ROOT,
        &plot.get_attribute("data-export")?,
        STYLE,
        &plot.inner_html(),
        "</svg>",
    ]
    .concat();
    download(&svg, &button.get_attribute("data-save")?)
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

/// Calls `obj.name(a, b)`, looked up by name: a few calls through the
/// bindings the widget already has, instead of the canvas's typed ones (each
/// typed method is one more import and glue function).
fn call(obj: &JsValue, name: &str, a: &JsValue, b: &JsValue) -> Option<JsValue> {
    Reflect::get(obj, &JsValue::from_str(name))
        .ok()?
        .unchecked_into::<Function>()
        .call2(obj, a, b)
        .ok()
}

/// Downloads the chart `svg` as `name`: the SVG itself, or for a `.png` name a
/// PNG at twice the SVG's size drawn by a canvas once it has loaded as an image.
fn download(svg: &str, name: &str) -> Option<()> {
    // A data: URL needs only `%` and `#` escaped (the URL parser encodes the rest).
    let mut url = String::from("data:image/svg+xml;charset=utf-8,");
    for c in svg.chars() {
        match c {
            '%' => url.push_str("%25"),
            '#' => url.push_str("%23"),
            c => url.push(c),
        }
    }
    if !name.ends_with("png") {
        return save(&url, name);
    }
    let doc = document()?;
    let img = doc.create_element("img").ok()?;
    let canvas: JsValue = doc.create_element("canvas").ok()?.into();
    let drawn = img.clone();
    let name = name.to_string();
    let two = JsValue::from_f64(2.0);
    let draw = move |_| {
        let _ = (|| -> Option<()> {
            // The image's size is the SVG's width and height.
            for side in ["width", "height"] {
                let side = JsValue::from_str(side);
                let px = Reflect::get(&drawn, &side).ok()?.as_f64()?;
                Reflect::set(&canvas, &side, &JsValue::from_f64(px * 2.0)).ok()?;
            }
            let ctx = call(
                &canvas,
                "getContext",
                &JsValue::from_str("2d"),
                &JsValue::UNDEFINED,
            )?;
            call(&ctx, "scale", &two, &two)?;
            // drawImage(img, 0, 0): bound to its image, then called with the two zeros.
            let zero = JsValue::from_f64(0.0);
            Reflect::get(&ctx, &JsValue::from_str("drawImage"))
                .ok()?
                .unchecked_into::<Function>()
                .bind1(&ctx, &drawn)
                .call2(&JsValue::NULL, &zero, &zero)
                .ok()?;
            let png = call(
                &canvas,
                "toDataURL",
                &JsValue::from_str("image/png"),
                &JsValue::UNDEFINED,
            )?;
            save(&png.as_string()?, &name)
        })();
    };
    Reflect::set(
        &img,
        &JsValue::from_str("onload"),
        &super::share_bar::once(Callback::from(draw), true),
    )
    .ok()?;
    img.set_attribute("src", &url).ok()
}
