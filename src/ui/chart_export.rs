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

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement, HtmlImageElement,
};

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
    let plot = fig.query_selector("svg").ok()??;
    // The viewBox is "0 0 <width> <height>", whole numbers.
    let view_h = plot
        .get_attribute("viewBox")?
        .rsplit(' ')
        .next()?
        .bytes()
        .fold(0.0, |n, d| n * 10.0 + f64::from(d.wrapping_sub(b'0')));
    let view_w = super::charts::VIEW_W;
    let w = view_w + 2.0 * PAD;
    let mut body = Markup(String::with_capacity(4096));
    let mut y = PAD;
    let line = |m: &mut Markup, y: &mut f64, x: f64, size: f64, class: &str, text: &str| {
        for l in wrap(text, size, view_w + PAD - x) {
            *y += size + 4.0;
            m.0.push_str("<text");
            m.num("x", x);
            m.num("y", *y - 3.0);
            m.attr("class", class);
            m.0.push('>');
            m.body(l);
            m.0.push_str("</text>");
        }
    };
    let title = plot.query_selector("title").ok()??.text_content()?;
    line(&mut body, &mut y, PAD, 13.0, "t", &title);
    let legend = fig.query_selector_all("li").ok()?;
    for k in 0..legend.length() {
        let li: Element = legend.item(k)?.unchecked_into();
        body.0.push_str("<rect x=\"8\" width=\"10\" height=\"10\"");
        body.num("y", y + 5.0);
        body.attr("class", &li.get_attribute("class")?);
        body.0.push_str("/>");
        line(&mut body, &mut y, PAD + 14.0, 11.0, "", &li.text_content()?);
    }
    body.0.push_str("<g transform=\"translate(8 ");
    push_decimal(&mut body.0, y + 4.0, 1);
    body.0.push_str(")\">");
    body.0.push_str(&plot.inner_html());
    body.0.push_str("</g>");
    y += view_h + 8.0;
    line(&mut body, &mut y, PAD, 11.0, "m", chart.source_line(locale));
    line(&mut body, &mut y, PAD, 11.0, "m", FOOTER.get(locale));
    let h = y + PAD;
    let mut svg = Markup(String::with_capacity(body.0.len() + 1024));
    svg.0.push_str(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"11\"",
    );
    svg.num("width", w);
    svg.num("height", h);
    svg.0.push('>');
    svg.0.push_str(STYLE);
    svg.0
        .push_str("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    svg.0.push_str(&body.0);
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

/// Downloads the chart `svg` (`w` × `h` pixels) as `name`: the SVG itself, or
/// with `png` a PNG at 2× drawn by a canvas once the SVG has loaded as an image.
fn download(svg: &str, w: f64, h: f64, name: &str, png: bool) -> Option<()> {
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
