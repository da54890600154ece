//! The sections' inline-SVG charts, as `data/sections.toml` describes them:
//! columns by quarter with a dot each on its own scale (Kling's revenue and
//! its share of Kuaishou's), and horizontal bars in one unit (segment growth,
//! ARPU against a published comparison, P/E against peers).
//!
//! Like every component they compute no figure: bar lengths are the core's
//! values scaled to a fixed `viewBox`, and every label is `format_value`'s
//! text. Each figure has a `<title>`/`<desc>` and a data table with the same
//! numbers, so the picture is never the only way to read them.
//!
//! The markup inside each figure is built as text with `push_str` (coordinates
//! with `push_decimal`, not `format!`, which keeps the float formatting
//! machinery out of the wasm) and handed to yew as raw nodes; all text content
//! goes through [`Markup::body`], which escapes it.

use wasm_bindgen::prelude::wasm_bindgen;
use yew::prelude::*;

use super::js_number;
use super::state::Calc;
use crate::core::format::{format_value, push_decimal};
use crate::core::sections::{Bar, Chart, MixRow, READER_CHANGED, SOURCES};
use crate::core::units::{t, Locale, Qualifier, Text, Unit};

const QUARTER: Text = t!("季度", "季度", "Quarter");
const ASSUMED: Text = t!("(假設)", "(假设)", " (assumed)");
const ITEM: Text = t!("項目", "项目", "Item");
const TABLE: Text = t!("數據表", "数据表", "Data table");
/// The end of the `data-src` of a drawn chart's download line, then its two
/// buttons: constant markup (a loop writing them costs more wasm than the
/// text); each names its format last in its text, which the click reads as
/// the file's extension.
const SAVE: Text = t!(
    "\"><button type=button data-save>下載 SVG</button> <button type=button data-save>下載 PNG</button></div>",
    "\"><button type=button data-save>下载 SVG</button> <button type=button data-save>下载 PNG</button></div>",
    "\"><button type=button data-save>Download SVG</button> <button type=button data-save>Download PNG</button></div>",
);

#[wasm_bindgen(module = "/www/chart-save.js")]
extern "C" {
    /// Starts a chart's download when `target` (what the reader clicked in
    /// the widget) is in one of its SVG/PNG buttons: the file is made from the
    /// page in JavaScript (`www/chart-save.js`), one import instead of the
    /// canvas's typed bindings. `app::open_target` calls it for every click.
    #[wasm_bindgen(js_name = kcSave)]
    pub fn save(target: &web_sys::Element);
}

/// The width of every chart's `viewBox`: at most the width a chart gets on a
/// 320-px screen (272 px), so its 11-px text is never drawn smaller than 11 px there.
const VIEW_W: f64 = 264.0;
const EMPTY: Text = t!(
    "沒有可畫的數字。",
    "没有可画的数字。",
    "No figures to chart.",
);

/// One row of a chart's data table: its row header and cells (`None` is shown as `—`).
struct Row {
    label: &'static str,
    cells: Vec<Option<String>>,
}

/// Chart markup (SVG, caption, table) built as text and handed to yew as raw
/// nodes: a few `push_str` calls per mark cost far less wasm than an `html!`
/// node per element and attribute, and a chart is redrawn whole on any change anyway.
/// The sources list uses it too, for the same reason.
pub(super) struct Markup(pub(super) String);

impl Markup {
    /// Opens an element with its class, if any: `<tag class="…"`.
    pub(super) fn open(&mut self, tag: &str, class: &str) {
        self.0.push('<');
        self.0.push_str(tag);
        if !class.is_empty() {
            self.attr("class", class);
        }
    }

    /// A text attribute; callers pass markup-safe text (keys, classes, anchors).
    pub(super) fn attr(&mut self, name: &str, value: &str) {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        self.0.push_str(value);
        self.0.push('"');
    }

    /// A coordinate attribute: one decimal is finer than a pixel at any size
    /// the widget is shown, and `push_decimal` never writes `NaN` or `-0`.
    fn num(&mut self, name: &str, v: f64) {
        self.attr(name, "");
        self.0.pop();
        push_decimal(&mut self.0, v, 1);
        self.0.push('"');
    }

    /// Text content with the two characters markup would misread escaped
    /// (an English ceiling is written `< 3`).
    pub(super) fn body(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '<' => self.0.push_str("&lt;"),
                '&' => self.0.push_str("&amp;"),
                c => self.0.push(c),
            }
        }
    }

    /// A table's head row, `<thead>` to `</thead>`: one column header per
    /// text, the rows' own header (`first`) then the columns.
    fn head_row(&mut self, (first, columns): (Text, &[Text]), locale: Locale) {
        self.0.push_str("<thead><tr>");
        for h in [first].iter().chain(columns) {
            self.0.push_str("<th scope=\"col\">");
            self.body(h.get(locale));
            self.0.push_str("</th>");
        }
        self.0.push_str("</tr></thead>");
    }

    /// A line from (`x1`, `y1`) to (`x2`, `y2`).
    fn line(&mut self, class: &str, x1: f64, y1: f64, x2: f64, y2: f64) {
        self.open("line", class);
        self.num("x1", x1);
        self.num("y1", y1);
        self.num("x2", x2);
        self.num("y2", y2);
        self.0.push_str("/>");
    }

    /// A label at (`x`, `y`) with its `text-anchor` (`start`, `middle` or `end`).
    fn text(&mut self, x: f64, y: f64, anchor: &str, text: &str) {
        self.open("text", "");
        self.num("x", x);
        self.num("y", y);
        self.attr("text-anchor", anchor);
        self.0.push('>');
        self.body(text);
        self.0.push_str("</text>");
    }

    /// A bar at `[x, y, width, height]` carrying the page contract: `data-bar`
    /// key and base-unit `data-value` (empty, with no extent, when the value is missing).
    fn bar(&mut self, class: &str, key: &str, v: Option<f64>, rect: [f64; 4]) {
        self.open("rect", class);
        self.attr("data-bar", key);
        self.attr("data-value", &v.map(js_number).unwrap_or_default());
        for (name, v) in ["x", "y", "width", "height"].into_iter().zip(rect) {
            self.num(name, v);
        }
        self.0.push_str("/>");
    }
}

/// The top of a column scale: the least 1, 2 or 5 times a power of ten at or
/// above `max` (> 0), so the axis reads as a round figure and a column grows
/// visibly when its value does, even when it is the largest.
fn nice(max: f64) -> f64 {
    let mut step = 1.0;
    while step * 10.0 <= max {
        step *= 10.0;
    }
    while step > max {
        step /= 10.0;
    }
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * step)
        .find(|&top| top >= max)
        .unwrap_or(max)
}

/// The figure around a chart: caption with legend, the SVG from its `viewBox`
/// and marks (or an empty-state note when nothing can be scaled) with a
/// `<desc>` reading the data out, its SVG and PNG download buttons, and the
/// data table in a disclosure.
///
/// All markup text in a [`patched_figure`](super::app::patched_figure): an edit
/// updates the marks and numbers that moved in place, and a table the reader
/// opened stays open.
fn figure(
    calc: &Calc,
    // The chart's key and the chart (for its source line), as one argument:
    // clippy allows seven.
    (key, chart): (&'static str, &Chart),
    title: Text,
    legend: Vec<(&'static str, &'static str)>,
    plot: Option<(f64, Markup)>,
    head: (Text, &[Text]),
    rows: &[Row],
) -> Html {
    let l = calc.locale;
    let (comma, semi) = if l.is_chinese() {
        (",", ";")
    } else {
        (", ", "; ")
    };
    let mut m = Markup(String::with_capacity(3072));
    m.0.push_str("<figcaption>");
    m.body(title.get(l));
    if !legend.is_empty() {
        m.0.push_str("<ul class=\"kc-legend\">");
        for (class, text) in legend {
            m.open("li", class);
            m.0.push('>');
            m.body(text);
            m.0.push_str("</li>");
        }
        m.0.push_str("</ul>");
    }
    m.0.push_str("</figcaption>");
    let drawn = plot.is_some();
    match plot {
        Some((height, marks)) => {
            let mut view_box = String::from("0 0 ");
            push_decimal(&mut view_box, VIEW_W, 0);
            view_box.push(' ');
            push_decimal(&mut view_box, height, 0);
            let title_id = calc.dom_id("chart", key);
            let desc_id = calc.dom_id("chart-desc", key);
            m.open("svg", "");
            m.attr("role", "img");
            m.0.push_str(" aria-labelledby=\"");
            m.0.push_str(&title_id);
            m.0.push(' ');
            m.0.push_str(&desc_id);
            m.0.push('"');
            m.attr("viewBox", &view_box);
            m.attr("width", "100%");
            m.0.push_str("><title");
            m.attr("id", &title_id);
            m.0.push('>');
            m.body(title.get(l));
            m.0.push_str("</title><desc");
            m.attr("id", &desc_id);
            m.0.push('>');
            for (k, row) in rows.iter().enumerate() {
                m.body(if k == 0 { "" } else { semi });
                m.body(row.label);
                let mut first = true;
                for (h, cell) in head.1.iter().zip(&row.cells) {
                    if let Some(c) = cell {
                        m.body(if first { " " } else { comma });
                        m.body(h.get(l));
                        m.0.push(' ');
                        m.body(c);
                        first = false;
                    }
                }
                // A row with no figure at all still says so.
                m.body(if first { " —" } else { "" });
            }
            m.0.push_str("</desc>");
            m.0.push_str(&marks.0);
            m.0.push_str("</svg>");
        }
        None => {
            m.0.push_str("<p class=\"kc-note\">");
            m.body(EMPTY.get(l));
            m.0.push_str("</p>");
        }
    }
    // One real button per format, named by its text; nothing to download
    // while nothing is drawn. Markup text too, served by the
    // article's one click handler ([`save`]); the source line the file names
    // under the chart is the container's `data-src`.
    if drawn {
        m.0.push_str("<div data-src=\"");
        m.0.push_str(SOURCES.get(l));
        m.0.push_str(chart.outlets(l));
        if chart.differs(&calc.results, &calc.published) {
            m.0.push_str(READER_CHANGED.get(l));
        }
        m.0.push_str(SAVE.get(l));
    }
    // The data table, in a disclosure written into the same markup: the
    // figure is one patched container, so no second string to copy over.
    m.0.push_str("<details class=\"kc-how\"><summary>");
    m.body(TABLE.get(l));
    m.0.push_str("</summary><table><caption>");
    m.body(title.get(l));
    m.0.push_str("</caption>");
    m.head_row(head, l);
    m.0.push_str("<tbody>");
    for r in rows {
        m.0.push_str("<tr><th scope=\"row\">");
        m.body(r.label);
        m.0.push_str("</th>");
        for c in &r.cells {
            m.0.push_str("<td>");
            m.body(c.as_deref().unwrap_or("—"));
            m.0.push_str("</td>");
        }
        m.0.push_str("</tr>");
    }
    m.0.push_str("</tbody></table></details>");
    super::app::patched_figure(key, m.0)
}

/// A section's chart as `data/sections.toml` describes it, or nothing.
pub fn chart(calc: &Calc, chart: &Chart) -> Html {
    match *chart {
        Chart::None => Html::default(),
        Chart::Quarters {
            key,
            title,
            bars_label,
            dots_label,
            assumed,
            points,
            ..
        } => quarters_chart(
            calc,
            (key, chart),
            [title, bars_label, dots_label, assumed],
            points,
        ),
        Chart::Bars {
            key,
            title,
            columns,
            unit,
            assumed,
            negative,
            items,
            mix,
            ..
        } => bars_chart(
            calc,
            (key, chart),
            [title, assumed, negative],
            (unit, columns),
            (items, mix),
        ),
    }
}

/// A quarter's column (an input) with its dot (a metric) as columns, the dots
/// on their own scale in a band above (joined where quarters are adjacent); a
/// column is dashed while it is an assumption (the remainder of a target).
fn quarters_chart(
    calc: &Calc,
    id: (&'static str, &Chart),
    [title, bars_label, dots_label, assumed]: [Text; 4],
    points: &[(
        &'static str,
        crate::core::inputs::InputId,
        Option<crate::core::metrics::MetricId>,
    )],
) -> Html {
    // Geometry in viewBox units (0 0 VIEW_W HEIGHT): up to 4 slots, share
    // band, column band, then each quarter's name and value, a line per word.
    const SLOT: f64 = 64.0;
    const X0: f64 = 4.0;
    const BAR: f64 = 30.0;
    const HEIGHT: f64 = 206.0;
    const S_TOP: f64 = 24.0;
    const S_BOT: f64 = 56.0;
    const B_TOP: f64 = 72.0;
    const B_BOT: f64 = 146.0;

    let l = calc.locale;
    let data: Vec<_> = points
        .iter()
        .map(|&(label, id, share)| {
            let (v, q, assumed) = Bar::Input(id).drawn(&calc.results);
            // The share, or why there is none (a quarter's revenue the
            // articles do not give): the data table says so, not `—`.
            let share = share.map(|m| {
                let o = calc.results.get(m);
                o.value.map(|v| (v, o.qualifier))
            });
            (label, label, v, q, assumed, share)
        })
        .collect();
    let vmax = data.iter().filter_map(|d| d.2).fold(0.0, f64::max);
    let smax = data
        .iter()
        .filter_map(|d| d.5?.ok())
        .fold(0.0, |m, s| s.0.max(m));
    let cx = |k: usize| X0 + SLOT * (k as f64 + 0.5);
    let plot = (vmax > 0.0).then(|| {
        let top = nice(vmax);
        let dots: Vec<_> = data
            .iter()
            .map(|d| {
                d.5?.ok().map(|(s, _)| {
                    // Only a positive maximum scales; otherwise every dot sits on the band's floor.
                    if smax > 0.0 {
                        S_BOT - s.max(0.0) / smax * (S_BOT - S_TOP)
                    } else {
                        S_BOT
                    }
                })
            })
            .collect();
        let mut svg = Markup(String::new());
        svg.line("kc-grid", 2.0, B_TOP, VIEW_W - 2.0, B_TOP);
        svg.text(
            4.0,
            B_TOP - 3.0,
            "start",
            &format_value(top, Unit::Count, Qualifier::Exact, l),
        );
        svg.line("kc-axis", 2.0, B_BOT, VIEW_W - 2.0, B_BOT);
        for (k, d) in data.iter().enumerate() {
            let (x, h) = (
                cx(k),
                d.2.map_or(0.0, |v| v.max(0.0) / top * (B_BOT - B_TOP)),
            );
            let class = if d.4 {
                "kc-bar kc-hi kc-assumed"
            } else {
                "kc-bar kc-hi"
            };
            svg.bar(
                class,
                &d.0.to_ascii_lowercase(),
                d.2,
                [x - BAR / 2.0, B_BOT - h, BAR, h],
            );
            svg.text(x, 162.0, "middle", d.1);
            let label = d.2.map_or_else(
                || String::from("—"),
                |v| format_value(v, Unit::Count, d.3, l),
            );
            // A line per word ("≥" over "150" over "million"): four values
            // wouldn't fit side by side in English.
            for (k, word) in label.split(' ').enumerate() {
                svg.text(x, 176.0 + 13.0 * k as f64, "middle", word);
            }
            if let (Some(y), Some(Ok((s, q)))) = (dots[k], d.5) {
                if let Some(Some(y0)) = k.checked_sub(1).map(|p| dots[p]) {
                    svg.line("kc-share", cx(k - 1), y0, x, y);
                }
                svg.open("circle", "kc-share");
                svg.num("cx", x);
                svg.num("cy", y);
                svg.0.push_str(" r=\"3\"/>");
                svg.text(x, y - 7.0, "middle", &format_value(s, Unit::Share, q, l));
            }
        }
        svg
    });
    let rows: Vec<Row> = data
        .iter()
        .map(|d| {
            let revenue = d.2.map(|v| {
                let mut s = format_value(v, Unit::Cny, d.3, l);
                if d.4 {
                    s.push_str(ASSUMED.get(l));
                }
                s
            });
            let share = d.5.map(|s| match s {
                Ok((s, q)) => format_value(s, Unit::Share, q, l),
                Err(r) => r.describe(l),
            });
            Row {
                label: d.1,
                cells: vec![revenue, share],
            }
        })
        .collect();
    let mut legend = vec![
        ("kc-key", bars_label.get(l)),
        ("kc-key kc-key-share", dots_label.get(l)),
    ];
    if data.iter().any(|d| d.4) {
        legend.push(("kc-key kc-key-assumed", assumed.get(l)));
    }
    figure(
        calc,
        id,
        title,
        legend,
        plot.map(|p| (HEIGHT, p)),
        (QUARTER, &[bars_label, dots_label]),
        &rows,
    )
}

/// A bar of a [`Chart::Bars`]: key, name, value, highlighted.
type BarItem = (&'static str, Text, Bar, bool);

/// The classes of a mix's parts, by item: one colour each. Their keys in
/// the legend carry the same classes (the stylesheet draws them as keys).
const MIX: [&str; 4] = [
    "kc-bar kc-mix kc-mix0",
    "kc-bar kc-mix kc-mix1",
    "kc-bar kc-mix kc-mix2",
    "kc-bar kc-mix kc-mix3",
];

/// One bar per item (an input, a metric or a published figure), the
/// highlighted one in colour, from a zero line; a negative value (a fall in
/// revenue, a P/E of a loss) runs left of it, followed by the chart's
/// `negative` note when it has one ("loss, n/m" for a P/E). Under them, a
/// row per mix period stacks the items' shares across the width (each part
/// labelled inside when its text fits), keyed in the legend.
fn bars_chart(
    calc: &Calc,
    id: (&'static str, &Chart),
    [title, assumed, negative]: [Text; 3],
    (unit, columns): (Unit, &[Text]),
    (items, mix): (&[BarItem], &[MixRow]),
) -> Html {
    // Geometry in viewBox units (0 0 VIEW_W height): names left, bars between
    // X_L and X_R, values right (room for "≈ RMB 21" at 11 px).
    const ROW: f64 = 22.0;
    const TOP: f64 = 8.0;
    const X_L: f64 = 90.0;
    const X_R: f64 = 196.0;

    let l = calc.locale;
    let vals: Vec<(Option<f64>, Qualifier, bool)> = items
        .iter()
        .map(|&(_, _, bar, _)| bar.drawn(&calc.results))
        .collect();
    // A mix part's share as text.
    let share = |b: Bar| {
        let (v, q, _) = b.drawn(&calc.results);
        v.map(|v| format_value(v, Unit::Share, q, l))
    };
    let lo = vals.iter().filter_map(|v| v.0).fold(0.0, f64::min);
    let hi = vals.iter().filter_map(|v| v.0).fold(0.0, f64::max);
    let span = hi - lo;
    let note = negative.get(l);
    let text = |v: Option<f64>, q: Qualifier| {
        v.map(|v| {
            let mut s = format_value(v, unit, q, l);
            if v < 0.0 && !note.is_empty() {
                if !l.is_chinese() {
                    s.push(' ');
                }
                s.push_str(note);
            }
            s
        })
    };
    // One row per item: the view box grows with the data (148 for six);
    // then one per mix period.
    let bars_end = TOP + ROW * items.len() as f64 + 8.0;
    let height = bars_end + ROW * mix.len() as f64;
    let plot = (span > 0.0).then(|| {
        let x = |v: f64| X_L + (v - lo) / span * (X_R - X_L);
        let zero = x(0.0);
        let mut svg = Markup(String::new());
        for (k, ((key, name, _, hi), v)) in items.iter().zip(&vals).enumerate() {
            let y = TOP + ROW * k as f64;
            let end = v.0.map_or(zero, x);
            let class = match (hi, v.2) {
                (true, _) => "kc-bar kc-hi",
                (_, true) => "kc-bar kc-assumed",
                _ => "kc-bar",
            };
            svg.text(X_L - 4.0, y + 15.0, "end", name.get(l));
            svg.bar(
                class,
                key,
                v.0,
                [end.min(zero), y + 4.0, (end - zero).abs(), 14.0],
            );
            let label = text(v.0, v.1).unwrap_or_else(|| String::from("—"));
            svg.text(end.max(zero) + 4.0, y + 15.0, "start", &label);
        }
        svg.line("kc-axis kc-zero", zero, 4.0, zero, bars_end - 4.0);
        for (k, row) in mix.iter().enumerate() {
            let y = bars_end - 4.0 + ROW * k as f64;
            svg.text(X_L - 4.0, y + 15.0, "end", row.label.get(l));
            // Each part as wide as its share of the whole width: what the
            // segments leave of the total stays blank, and parts beyond it
            // (a reader's segments above their total) stop at the edge.
            let mut x = X_L;
            for (i, &(key, b)) in row.parts.iter().enumerate() {
                let (Some(v), q, _) = b.drawn(&calc.results) else {
                    continue;
                };
                let label = format_value(v, Unit::Share, q, l);
                let w = (v.max(0.0) * (VIEW_W - 4.0 - X_L)).min(VIEW_W - 4.0 - x);
                svg.bar(MIX[i % 4], key, Some(v), [x, y + 4.0, w, 14.0]);
                // An 11-px figure is at most about 6.2 units a character
                // (bytes overcount "≈", which only errs towards no label).
                if w >= label.len() as f64 * 6.2 + 4.0 {
                    svg.text(x + w / 2.0, y + 15.0, "middle", &label);
                }
                x += w;
            }
        }
        svg
    });
    let rows = items.iter().enumerate().map(|(i, (_, name, _, _))| {
        let mut cells = vec![text(vals[i].0, vals[i].1)];
        for row in mix {
            cells.push(share(row.parts[i].1));
        }
        Row {
            label: name.get(l),
            cells,
        }
    });
    let mut legend = Vec::new();
    if vals.iter().any(|v| v.2) {
        legend.push(("kc-key kc-key-assumed kc-key-peer", assumed.get(l)));
    }
    // A key per item with a part in the mix (the build gives every row the same items).
    if let Some(row) = mix.first() {
        for (i, (_, name, _, _)) in items.iter().enumerate() {
            if row.parts[i].1 != Bar::Missing {
                legend.push((MIX[i % 4], name.get(l)));
            }
        }
    }
    figure(
        calc,
        id,
        title,
        legend,
        plot.map(|p| (height, p)),
        (ITEM, columns),
        &rows.collect::<Vec<_>>(),
    )
}
