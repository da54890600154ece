//! The charts: bars carry the core's values, follow typed inputs, stay
//! finite for negative P/E, and come with a title, description and data table
//! in every language.

use super::{mounted, type_into};
use kling_calc::core::sections::READER_CHANGED;
use kling_calc::core::units::Locale;
use wasm_bindgen_test::*;
use web_sys::Element;

/// The locale a `data-lang` names.
fn locale(lang: &str) -> Locale {
    Locale::ALL
        .into_iter()
        .find(|l| l.tag() == lang)
        .expect("a known language")
}

/// The `<figure>` of a chart (`kling` or `pe`).
fn chart(root: &Element, name: &str) -> Element {
    root.query_selector(&["[data-chart=\"", name, "\"]"].concat())
        .unwrap()
        .unwrap_or_else(|| panic!("no chart {name}"))
}

/// All elements under `el` matching `selector`, in document order.
fn all(el: &Element, selector: &str) -> Vec<Element> {
    let list = el.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| wasm_bindgen::JsCast::dyn_into(list.item(i).unwrap()).unwrap())
        .collect()
}

/// A numeric attribute, which must be present and finite.
fn num(el: &Element, name: &str) -> f64 {
    let text = el.get_attribute(name).unwrap_or_default();
    let v: f64 = text
        .parse()
        .unwrap_or_else(|_| panic!("{name}={text:?} is not a number"));
    assert!(v.is_finite(), "{name}={text}");
    v
}

/// The bar with `data-bar` = `key` in a chart.
fn bar(chart: &Element, key: &str) -> Element {
    chart
        .query_selector(&["[data-bar=\"", key, "\"]"].concat())
        .unwrap()
        .unwrap_or_else(|| panic!("no bar {key}"))
}

#[wasm_bindgen_test]
async fn bars_carry_published_values() {
    // (chart, bar key, expected data-value, drawn as assumed)
    let cases: [(&str, &str, f64, bool); 10] = [
        ("kling", "q1", 1.5e8, false),
        ("kling", "q2", 2.5e8, false),
        ("kling", "q3", 3e8, false),
        // Q4 is the full-year target (10億) less Q1–Q3 (7億) until the reader sets it.
        ("kling", "q4", 3e8, true),
        ("pe", "kuaishou", 13.12, false),
        ("pe", "baidu", 24.96, false),
        ("pe", "alibaba", 24.59, false),
        ("pe", "tencent", 21.07, false),
        ("pe", "average", 23.54, false),
        ("pe", "target", 23.54, true),
    ];
    let root = mounted("zh-Hant").await;
    for (name, key, value, assumed) in cases {
        let b = bar(&chart(&root, name), key);
        let v = num(&b, "data-value");
        assert!((v - value).abs() <= value * 1e-12, "{key}: {v}");
        let class = b.get_attribute("class").unwrap();
        assert_eq!(class.contains("kc-assumed"), assumed, "{key}: {class}");
        assert!(num(&b, "height") > 0.0 && num(&b, "width") > 0.0, "{key}");
    }
    let kuaishou = bar(&chart(&root, "pe"), "kuaishou");
    assert!(kuaishou.get_attribute("class").unwrap().contains("kc-hi"));
}

#[wasm_bindgen_test]
async fn typed_kling_revenue_moves_its_bar_and_table() {
    // (typed into the Q3 field, whose zh-Hant scale is 億; expected data-value; table text)
    let cases: [(&str, f64, &str); 3] = [
        ("4", 4e8, "4億元"),
        ("1", 1e8, "1億元"),
        ("3.5", 3.5e8, "3.5億元"),
    ];
    let root = mounted("zh-Hant").await;
    let kling = chart(&root, "kling");
    let cell = || {
        all(&kling, "tbody tr")[2]
            .query_selector("td")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let mut height = num(&bar(&kling, "q3"), "height");
    let mut text = cell();
    let mut value = 3e8;
    for (typed, expected, shown) in cases {
        type_into(&root, "kling_revenue_2025q3", typed).await;
        let b = bar(&kling, "q3");
        assert_eq!(num(&b, "data-value"), expected, "{typed}");
        let h = num(&b, "height");
        assert_eq!(
            h > height,
            expected > value,
            "{typed}: height {height} -> {h}"
        );
        assert_ne!(h, height, "{typed}");
        let now = cell();
        assert_ne!(now, text, "{typed}");
        assert_eq!(now, shown, "{typed}");
        (height, text, value) = (h, now, expected);
    }
}

#[wasm_bindgen_test]
async fn negative_pe_runs_left_of_zero_without_nan() {
    // (typed Kuaishou P/E, bar ends left of zero, label marks it not meaningful)
    let cases: [(&str, bool); 3] = [("-5", true), ("-0.5", true), ("8", false)];
    let root = mounted("en").await;
    for (typed, negative) in cases {
        type_into(&root, "pe_kuaishou", typed).await;
        let pe = chart(&root, "pe");
        let html = pe.outer_html();
        for bad in ["NaN", "Infinity", "undefined"] {
            assert!(!html.contains(bad), "{typed}: {bad} in {html}");
        }
        for rect in all(&pe, "rect") {
            for a in ["x", "y", "width", "height"] {
                num(&rect, a);
            }
        }
        let zero = all(&pe, ".kc-zero")[0].clone();
        let zero_x = num(&zero, "x1");
        let b = bar(&pe, "kuaishou");
        let (x, w) = (num(&b, "x"), num(&b, "width"));
        if negative {
            assert!(
                x < zero_x && (x + w - zero_x).abs() < 0.05,
                "{typed}: {x} {w} {zero_x}"
            );
        } else {
            assert!(
                (x - zero_x).abs() < 0.05 && w > 0.0,
                "{typed}: {x} {w} {zero_x}"
            );
        }
        let row = all(&pe, "tbody tr")[0].text_content().unwrap();
        assert_eq!(row.contains("n/m"), negative, "{typed}: {row}");
    }
}

#[wasm_bindgen_test]
async fn all_zero_revenue_shows_a_note_instead_of_bars() {
    let root = mounted("en").await;
    for q in ["q1", "q2", "q3", "q4"] {
        type_into(&root, &["kling_revenue_2025", q].concat(), "0").await;
    }
    let kling = chart(&root, "kling");
    assert!(kling.query_selector("svg").unwrap().is_none());
    let note = kling.query_selector(".kc-note").unwrap().unwrap();
    assert!(!note.text_content().unwrap().trim().is_empty());
    assert_eq!(all(&kling, "tbody tr").len(), 4);
    // Nothing drawn, nothing to download.
    assert!(all(&kling, "button").is_empty());
}

#[wasm_bindgen_test]
async fn charts_are_described_in_every_language() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let mut captions: Vec<String> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    for lang in ["zh-Hant", "zh-Hans", "en"] {
        let root = mounted(lang).await;
        for name in ["kling", "pe"] {
            let fig = chart(&root, name);
            let svg = fig.query_selector("svg").unwrap().unwrap();
            assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
            let labelled = svg.get_attribute("aria-labelledby").unwrap();
            let parts: Vec<&str> = labelled.split(' ').collect();
            assert_eq!(parts.len(), 2, "{labelled}");
            for (id, tag) in parts.iter().zip(["title", "desc"]) {
                let el = doc.get_element_by_id(id).unwrap();
                assert_eq!(el.tag_name(), tag);
                assert!(svg.contains(Some(&el)), "{id} outside its svg");
                assert!(!el.text_content().unwrap().trim().is_empty(), "{lang} {id}");
                assert!(!ids.contains(&id.to_string()), "{id} used twice");
                ids.push(id.to_string());
            }
            let bars = all(&fig, "[data-bar]").len();
            assert_eq!(all(&fig, "tbody tr").len(), bars, "{lang} {name}");
            assert_eq!(all(&fig, "tbody th[scope=\"row\"]").len(), bars);
            assert!(!all(&fig, "thead th[scope=\"col\"]").is_empty());
            let table_caption = fig.query_selector("table caption").unwrap().unwrap();
            assert!(!table_caption.text_content().unwrap().is_empty());
            let caption = fig.query_selector("figcaption").unwrap().unwrap();
            let text = caption.text_content().unwrap();
            assert!(!captions.contains(&text), "{lang} {name}: {text}");
            captions.push(text);
        }
    }
    // The description reads the figures out, floors marked as in the articles.
    let kling_desc = doc
        .get_element_by_id(&ids[1])
        .unwrap()
        .text_content()
        .unwrap();
    assert!(kling_desc.contains("超過3億元"), "{kling_desc}");
    assert_eq!(captions.len(), 6);
}

#[wasm_bindgen_test]
async fn every_drawn_chart_offers_svg_and_png_downloads_named_in_each_language() {
    // (language, the two buttons' names, the source line's start)
    let cases: [(&str, [&str; 2], &str); 3] = [
        ("zh-Hant", ["下載 SVG", "下載 PNG"], "來源:"),
        ("zh-Hans", ["下载 SVG", "下载 PNG"], "来源:"),
        ("en", ["Download SVG", "Download PNG"], "Sources: "),
    ];
    for (lang, names, lead) in cases {
        let root = mounted(lang).await;
        let figures = all(&root, "[data-chart]");
        assert!(figures.len() >= 4, "{lang}: a chart in every section");
        for fig in figures {
            let buttons = all(&fig, "button[data-save]");
            let texts: Vec<String> = buttons
                .iter()
                .map(|b| b.text_content().unwrap_or_default())
                .collect();
            assert_eq!(texts, names, "{lang}");
            for b in &buttons {
                assert_eq!(b.get_attribute("type").as_deref(), Some("button"));
            }
            // The line the file names its outlets with, in the page's language.
            let src = fig
                .query_selector("[data-src]")
                .unwrap()
                .and_then(|p| p.get_attribute("data-src"))
                .unwrap_or_default();
            assert!(
                src.starts_with(lead) && src.len() > lead.len(),
                "{lang}: {src}"
            );
            // At the published figures the line credits the articles alone.
            assert!(
                !src.ends_with(READER_CHANGED.get(locale(lang))),
                "{lang}: {src}"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn a_chart_drawn_from_the_readers_figures_says_so_in_its_download_line() {
    // The Kling chart draws Kling's Q3 revenue; the valuation inputs it does not.
    let src = |root: &Element| {
        root.query_selector("[data-chart=\"kling\"] [data-src]")
            .unwrap()
            .and_then(|p| p.get_attribute("data-src"))
            .expect("the Kling chart's download line")
    };
    for lang in ["zh-Hant", "zh-Hans", "en"] {
        let note = READER_CHANGED.get(locale(lang));
        let root = mounted(lang).await;
        let published = src(&root);
        assert!(!published.ends_with(note), "{lang}: {published}");
        type_into(&root, "pe_kuaishou", "20").await;
        assert_eq!(
            src(&root),
            published,
            "{lang}: a figure the chart does not draw"
        );
        type_into(&root, "kling_revenue_2025q3", "4").await;
        assert_eq!(src(&root), [published.as_str(), note].concat(), "{lang}");
    }
}
