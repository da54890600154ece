//! The two layouts: compact (the default: narrative, headline results and
//! chart, with the fields and the full results behind disclosures) and full
//! (everything shown), and the "at published figures: …" line beside a moved result.

use super::{field, host, metric, type_into, value_of};
use kling_calc::core::inputs::Inputs;
use kling_calc::core::metrics::compute;
use kling_calc::core::sections::SECTIONS;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

/// A widget in English with `data-layout` set as a host page would.
async fn mounted_with(layout: Option<&str>) -> Element {
    let root = host("en");
    if let Some(l) = layout {
        root.set_attribute("data-layout", l).unwrap();
    }
    kling_calc::ui::mount(root.clone());
    yew::scheduler::flush().await;
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

/// True when the element takes up space on the page. (Whether a field in a
/// closed `<details>` is hidden is for the end-to-end tests in real browsers:
/// a forced layout here measures even the closed content.)
fn shown(el: &Element) -> bool {
    el.clone()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .offset_height()
        > 0
}

#[wasm_bindgen_test]
async fn compact_is_the_default_and_shows_each_sections_headlines() {
    let root = mounted_with(None).await;
    let article = root.query_selector(".kc").unwrap().unwrap();
    assert_eq!(
        article.get_attribute("data-layout").as_deref(),
        Some("compact")
    );
    for s in SECTIONS {
        let at = ["[data-section=\"", s.key, "\"] "].concat();
        // The headline cards, in the data's order, each showing what its metric shows.
        let cards = all(&root, &[&at, "[data-headline]"].concat());
        let keys: Vec<String> = cards
            .iter()
            .map(|c| c.get_attribute("data-headline").unwrap())
            .collect();
        let want: Vec<&str> = s.headlines.iter().map(|h| h.key()).collect();
        assert_eq!(keys, want, "{}", s.key);
        for (card, id) in cards.iter().zip(s.headlines) {
            let value = card.query_selector("[data-value]").unwrap().unwrap();
            let out = metric(&root, id.key());
            assert_eq!(
                value.get_attribute("data-value"),
                out.get_attribute("data-value"),
                "{}",
                id.key()
            );
            assert_eq!(value.text_content(), out.text_content(), "{}", id.key());
            assert!(shown(card), "{} is visible", id.key());
        }
        // Every field and every result is in the DOM, inside closed disclosures.
        let fields = all(
            &root,
            &[
                &at,
                "details[data-more=\"inputs\"]:not([open]) [data-input]",
            ]
            .concat(),
        );
        assert_eq!(fields.len(), s.inputs.len(), "{}", s.key);
        let outputs = all(
            &root,
            &[
                &at,
                "details[data-more=\"results\"]:not([open]) [data-metric]",
            ]
            .concat(),
        );
        assert_eq!(outputs.len(), s.metrics.len(), "{}", s.key);
        let summary = root
            .query_selector(&[&at, "details[data-more=\"inputs\"] > summary"].concat())
            .unwrap()
            .unwrap();
        assert_eq!(
            summary.text_content().unwrap(),
            ["Adjust all ", &s.inputs.len().to_string(), " figures"].concat()
        );
    }
    // Each metric still has exactly one output on the page (the page contract).
    assert_eq!(
        all(&root, "output[data-metric]").len(),
        SECTIONS.iter().map(|s| s.metrics.len()).sum::<usize>()
    );
}

#[wasm_bindgen_test]
async fn a_field_in_a_closed_disclosure_still_drives_every_result() {
    let root = mounted_with(None).await;
    let s = &SECTIONS[0];
    let id = s.inputs[0];
    let details = root
        .query_selector(
            &[
                "[data-section=\"",
                s.key,
                "\"] details[data-more=\"inputs\"]",
            ]
            .concat(),
        )
        .unwrap()
        .unwrap();
    assert!(!details.has_attribute("open"));
    // Half the published value, typed in the field's own scale.
    let before = field(&root, id.key()).value();
    let half: f64 = before.parse::<f64>().unwrap() / 2.0;
    type_into(&root, id.key(), &half.to_string()).await;
    let mut inputs = Inputs::published();
    let published = inputs.resolve().values[id.index()].unwrap();
    inputs.set(id, published / 2.0).unwrap();
    let want = compute(&inputs);
    for &h in s.headlines {
        let card = root
            .query_selector(&["[data-headline=\"", h.key(), "\"] [data-value]"].concat())
            .unwrap()
            .unwrap();
        let got = card.get_attribute("data-value").unwrap();
        match want.get(h).value {
            Ok(v) => assert!(
                (got.parse::<f64>().unwrap() - v).abs() <= v.abs() * 1e-12,
                "{}: {got} vs {v}",
                h.key()
            ),
            Err(_) => assert_eq!(got, "", "{}", h.key()),
        }
    }
    // A changed input puts the reset-all control on the page.
    let yours = root
        .query_selector(".kc-yours")
        .unwrap()
        .expect("the changed-figures line");
    assert_eq!(
        yours.text_content().unwrap(),
        "1 figure differs from the articles. Reset all to published figures"
    );
}

#[wasm_bindgen_test]
async fn a_moved_result_shows_what_the_articles_give() {
    let root = mounted_with(None).await;
    let published = compute(&Inputs::published());
    assert!(all(&root, ".kc-was").is_empty(), "nothing moved yet");
    assert!(root.query_selector(".kc-yours").unwrap().is_none());
    // Kling Q3 revenue at RMB 400 million (the English field is in millions).
    type_into(&root, "kling_revenue_2025q3", "400").await;
    let moved: Vec<Element> = all(&root, "output[data-metric]")
        .into_iter()
        .filter(|o| {
            let key = o.get_attribute("data-metric").unwrap();
            let id = kling_calc::core::metrics::MetricId::ALL
                .into_iter()
                .find(|m| m.key() == key)
                .unwrap();
            published.get(id).value.is_ok() && value_of(&root, &key) != published.get(id).value.ok()
        })
        .collect();
    assert!(!moved.is_empty());
    for o in &moved {
        let key = o.get_attribute("data-metric").unwrap();
        let id = kling_calc::core::metrics::MetricId::ALL
            .into_iter()
            .find(|m| m.key() == key)
            .unwrap();
        let was = o
            .parent_element()
            .unwrap()
            .query_selector(".kc-was")
            .unwrap()
            .unwrap_or_else(|| panic!("{key}: no articles line"));
        let v: f64 = was
            .get_attribute("data-published")
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(Some(v), published.get(id).value.ok(), "{key}");
        assert!(
            was.text_content()
                .unwrap()
                .starts_with("at published figures: "),
            "{key}"
        );
    }
    // The Kling share headline reads "at published figures: ≥ 0.84%" under the new value.
    let card = root
        .query_selector("[data-headline=\"kling_share_2025q3\"] .kc-was")
        .unwrap()
        .unwrap();
    assert_eq!(
        card.text_content().unwrap(),
        "at published figures: ≥ 0.84%"
    );
    // One control resets everything; the lines go.
    let reset: HtmlElement = root
        .query_selector(".kc-reset-all")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    reset.click();
    yew::scheduler::flush().await;
    assert!(all(&root, ".kc-was").is_empty());
    assert!(root.query_selector(".kc-yours").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_full_layout_shows_every_field_and_result() {
    let root = mounted_with(Some("full")).await;
    let article = root.query_selector(".kc").unwrap().unwrap();
    assert_eq!(
        article.get_attribute("data-layout").as_deref(),
        Some("full")
    );
    assert!(all(&root, "details.kc-more").is_empty());
    assert!(all(&root, "[data-headline]").is_empty());
    let fields = all(&root, "[data-input]");
    assert_eq!(fields.len(), kling_calc::core::inputs::InputId::COUNT);
    assert!(fields.iter().all(shown));
    assert!(all(&root, "output[data-metric]").iter().all(shown));
    // Claims are open, one disclosure each.
    let claims = all(&root, "details[data-claim]");
    assert_eq!(claims.len(), kling_calc::core::claims::CLAIMS.len());
    assert!(claims.iter().all(|c| c.has_attribute("open")));
}

#[wasm_bindgen_test]
async fn a_link_to_a_source_opens_the_collapsed_sources() {
    let root = mounted_with(None).await;
    let sources = root
        .query_selector("details[data-more=\"sources\"]")
        .unwrap()
        .unwrap();
    assert!(!sources.has_attribute("open"));
    let link: HtmlElement = root
        .query_selector("[data-claim] a[href^=\"#\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let target_id = link.get_attribute("href").unwrap()[1..].to_string();
    link.click();
    assert!(sources.has_attribute("open"), "the sources opened");
    let target = root
        .query_selector(&["#", &target_id].concat())
        .unwrap()
        .unwrap();
    assert!(shown(&target));
}
