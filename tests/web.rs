//! In-browser tests of the yew shell, run by wasm-bindgen-test in headless Chromium.
//!
//! Each test mounts a fresh widget into its own element, drives it through real
//! DOM events, waits for yew's scheduler to finish (`yew::scheduler::flush`, no
//! sleeps) and reads the page contract (`data-input`, `data-metric`, `data-value`).
#![cfg(target_arch = "wasm32")]

use kling_calc::ui::mount;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh mount element attached to the document body.
fn host(lang: &str) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    el.set_attribute("data-lang", lang).unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn field(root: &Element, id: &str) -> HtmlInputElement {
    root.query_selector(&["[data-input=\"", id, "\"]"].concat())
        .unwrap()
        .unwrap_or_else(|| panic!("no field {id}"))
        .dyn_into()
        .unwrap()
}

fn metric(root: &Element, id: &str) -> Element {
    root.query_selector(&["[data-metric=\"", id, "\"]"].concat())
        .unwrap()
        .unwrap_or_else(|| panic!("no metric {id}"))
}

/// Sets the field's text the way typing does and lets yew render.
async fn type_into(root: &Element, id: &str, text: &str) {
    let input = field(root, id);
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

fn value_of(root: &Element, id: &str) -> Option<f64> {
    let v = metric(root, id).get_attribute("data-value").unwrap();
    if v.is_empty() {
        None
    } else {
        Some(v.parse().unwrap())
    }
}

#[wasm_bindgen_test]
async fn shows_published_kling_share() {
    let root = host("zh-Hant");
    let _app = mount(root.clone());
    yew::scheduler::flush().await;
    let share = value_of(&root, "kling_share_2025q3").unwrap();
    assert!((share - 3e8 / 355.54e8).abs() < 1e-12, "{share}");
    assert_eq!(
        metric(&root, "kling_share_2025q3").text_content().unwrap(),
        "超過0.84%"
    );
    assert_eq!(field(&root, "kling_revenue_2025q3").value(), "3");
}

#[wasm_bindgen_test]
async fn typing_updates_the_share() {
    // (typed text, expected Kling Q3 revenue in yuan)
    let cases: [(&str, f64); 4] = [("3億", 3e8), ("3.5", 3.5e8), ("４億", 4e8), ("5000萬", 5e7)];
    let root = host("zh-Hant");
    let _app = mount(root.clone());
    yew::scheduler::flush().await;
    for (text, kling) in cases {
        type_into(&root, "kling_revenue_2025q3", text).await;
        let share = value_of(&root, "kling_share_2025q3").unwrap();
        assert!((share - kling / 355.54e8).abs() < 1e-12, "{text}: {share}");
        assert_eq!(
            field(&root, "kling_revenue_2025q3")
                .get_attribute("aria-invalid")
                .as_deref(),
            Some("false")
        );
    }
}

#[wasm_bindgen_test]
async fn rejected_entry_keeps_last_valid_result() {
    let root = host("en");
    let _app = mount(root.clone());
    yew::scheduler::flush().await;
    type_into(&root, "kling_revenue_2025q3", "4").await;
    let before = value_of(&root, "kling_share_2025q3").unwrap();
    // English field scale is million: "4" means RMB 4 million.
    assert!((before - 4e6 / 355.54e8).abs() < 1e-15, "{before}");
    for bad in ["abc", "1,5", "-3", "", "NaN"] {
        type_into(&root, "kling_revenue_2025q3", bad).await;
        let input = field(&root, "kling_revenue_2025q3");
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{bad:?}"
        );
        let msg_id = input.get_attribute("aria-describedby").unwrap();
        let doc = web_sys::window().unwrap().document().unwrap();
        let msg = doc
            .get_element_by_id(&msg_id)
            .unwrap()
            .text_content()
            .unwrap();
        assert!(!msg.trim().is_empty(), "no message for {bad:?}");
        assert_eq!(
            value_of(&root, "kling_share_2025q3"),
            Some(before),
            "{bad:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn revenue_zero_is_explained_not_nan() {
    let root = host("en");
    let _app = mount(root.clone());
    yew::scheduler::flush().await;
    type_into(&root, "revenue_2025q3", "0").await;
    let out = metric(&root, "kling_share_2025q3");
    assert_eq!(out.get_attribute("data-value").as_deref(), Some(""));
    let text = out.text_content().unwrap();
    assert!(text.to_lowercase().contains("zero"), "{text}");
}
