//! Chart downloads: each chart as a self-contained SVG file, or as a PNG at
//! twice its size drawn from that SVG through a canvas.
//!
//! One click handler on the widget's article serves every chart's buttons
//! ([`clicked`]): it reads the chart from the page (its `<svg>`'s marks,
//! title and legend, exactly what the reader sees, with their current
//! values), adds the line naming the outlets ([`Chart::source_line`]) and the
//! edition line, and one constant `<style>` with the light theme's colours
//! for the widget's classes, so the marks are copied unchanged. It has no
//! script, and it travels as a `data:` URL only: the strict CSPs of
//! `standalone.html` and `embed.html` allow `img-src data:`, which the PNG's
//! `Image` needs (an SVG image's own stylesheet is not the page's), and an
//! `<a download>` needs no directive at all; no blob URL, no request, so it
//! works from `file://` as well.
//!
//! Text is wrapped by an estimate (a CJK character is 1 em wide, any other
//! 0.6 em, more than most are), since a file has no layout engine to ask.
//!
//! [`Chart::source_line`]: crate::core::sections::Chart::source_line

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, Node};
use yew::Callback;

use super::charts::Markup;
use crate::core::edition::FOOTER;
use crate::core::format::push_decimal;
use crate::core::sections::SECTIONS;
use crate::core::units::Locale;

/// Margin around the picture, in pixels of the SVG.
const PAD: f64 = 8.0;

/// The widget's chart classes as its CSS draws them in the light theme (and
/// the legend keys' shapes), plus `t` for the title and `m` for muted lines.
const STYLE: &str = "<style>text{fill:#1a1a1a}.m,.kc-bar{fill:#555}.t{font-size:13px;font-weight:700}.kc-hi,.kc-key{fill:#0b57a4}.kc-assumed,.kc-key-assumed{fill:none;stroke:#555;stroke-width:2;stroke-dasharray:4 3}.kc-hi.kc-assumed,.kc-key-assumed{stroke:#0b57a4}.kc-key-peer{stroke:#555}.kc-axis,.kc-share{stroke:#1a1a1a}.kc-share,.kc-key-share{stroke-width:2;fill:#1a1a1a}.kc-key-share{height:2px;transform:translateY(4px)}.kc-grid{stroke:#c8c8c8;stroke-dasharray:2 2}</style>";

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
        m.attr("class", class);
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

/// Starts the download a chart's SVG or PNG button (`data-save`) asks for,
/// when `target` (what was clicked) is in one; `None` for any other click.
pub(super) fn clicked(target: &Element) -> Option<()> {
    let button = target.closest("[data-save]").ok()??;
    let fig = button.closest("[data-chart]").ok()??;
    let key = fig.get_attribute("data-chart")?;
    let chart = SECTIONS.iter().map(|s| s.chart).find(|c| c.key() == key)?;
    let locale = Locale::from_tag(
        &fig.closest("[data-lang]")
            .ok()??
            .get_attribute("data-lang")?,
    )?;
    let plot: Element = fig
        .query_selector_all("svg")
        .ok()?
        .item(0)?
        .unchecked_into();
    // The viewBox is "0 0 <width> <height>" in whole numbers: the last one.
    let view_h = plot.get_attribute("viewBox")?.bytes().fold(0.0, |n, d| {
        if d == b' ' {
            0.0
        } else {
            n * 10.0 + f64::from(d.wrapping_sub(b'0'))
        }
    });
    let w = super::charts::VIEW_W + 2.0 * PAD;
    let mut svg = Markup(String::with_capacity(8192));
    svg.0.push_str(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"11\"",
    );
    svg.num("width", w);
    // The height is known last: a placeholder, replaced at the end.
    svg.0.push_str(" height=\"");
    let at = svg.0.len();
    svg.0.push('"');
    svg.0.push('>');
    svg.0.push_str(STYLE);
    svg.0
        .push_str("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    let mut y = PAD;
    // Each text is an element's only child: the SVG's <title>, each legend entry.
    let text = |n: Option<Node>| n?.first_child()?.node_value();
    lines(&mut svg, &mut y, PAD, 13.0, "t", &text(plot.first_child())?);
    let legend = fig.query_selector_all("li").ok()?;
    for k in 0..legend.length() {
        let li = legend.item(k);
        svg.0.push_str("<rect x=\"8\" width=\"10\" height=\"10\"");
        svg.num("y", y + 5.0);
        svg.attr(
            "class",
            &li.clone()?
                .unchecked_into::<Element>()
                .get_attribute("class")?,
        );
        svg.0.push_str("/>");
        lines(&mut svg, &mut y, PAD + 14.0, 11.0, "", &text(li)?);
    }
    svg.0.push_str("<g transform=\"translate(8 ");
    push_decimal(&mut svg.0, y + 4.0, 1);
    svg.0.push_str(")\">");
    svg.0.push_str(&plot.inner_html());
    svg.0.push_str("</g>");
    y += view_h + 8.0;
    lines(&mut svg, &mut y, PAD, 11.0, "m", chart.source_line(locale));
    lines(&mut svg, &mut y, PAD, 11.0, "m", FOOTER.get(locale));
    let h = y + PAD;
    let mut height = String::new();
    push_decimal(&mut height, h, 1);
    svg.0.insert_str(at, &height);
    svg.0.push_str("</svg>");
    let kind = button.get_attribute("data-save")?;
    download(&svg.0, w, h, &chart.file_name(&kind), kind == "png")
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

/// Downloads the chart `svg` (`w` × `h` pixels) as `name`: the SVG itself, or
/// with `png` a PNG at 2× drawn by a canvas once the SVG has loaded as an image.
fn download(svg: &str, w: f64, h: f64, name: &str, png: bool) -> Option<()> {
    // A data: URL needs only `%` and `#` escaped (the URL parser encodes the rest).
    let mut url = String::from("data:image/svg+xml;charset=utf-8,");
    for c in svg.chars() {
        match c {
            '%' => url.push_str("%25"),
            '#' => url.push_str("%23"),
            c => url.push(c),
        }
    }
    if !png {
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
            Reflect::set(
                &canvas,
                &JsValue::from_str("width"),
                &JsValue::from_f64(w * 2.0),
            )
            .ok()?;
            Reflect::set(
                &canvas,
                &JsValue::from_str("height"),
                &JsValue::from_f64(h * 2.0),
            )
            .ok()?;
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
