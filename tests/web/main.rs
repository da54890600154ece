//! In-browser tests of the yew shell, run by wasm-bindgen-test in headless Chromium.
//!
//! Each test mounts a fresh widget into its own element, drives it through real
//! DOM events, waits for yew's scheduler to finish (`yew::scheduler::flush`, no
//! sleeps) and reads the page contract (`data-input`, `data-metric`, `data-value`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test_configure;
use web_sys::{Element, Event, EventInit, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod charts;
mod layout;
mod narrative;
mod pool;
mod share;
mod slice;
mod views;

/// A fresh mount element attached to the document body.
pub fn host(lang: &str) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    el.set_attribute("data-lang", lang).unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

pub fn field(root: &Element, id: &str) -> HtmlInputElement {
    root.query_selector(&["[data-input=\"", id, "\"]"].concat())
        .unwrap()
        .unwrap_or_else(|| panic!("no field {id}"))
        .dyn_into()
        .unwrap()
}

pub fn metric(root: &Element, id: &str) -> Element {
    root.query_selector(&["[data-metric=\"", id, "\"]"].concat())
        .unwrap()
        .unwrap_or_else(|| panic!("no metric {id}"))
}

/// A fresh widget in `lang`, mounted and rendered; it lives until the page closes.
pub async fn mounted(lang: &str) -> Element {
    let root = host(lang);
    kling_calc::ui::mount(root.clone());
    yew::scheduler::flush().await;
    root
}

/// Sets the field's text the way typing does and lets yew render.
pub async fn type_into(root: &Element, id: &str, text: &str) {
    type_text(&field(root, id), text).await;
}

/// Sets an input's text and fires `input` as typing does, then lets yew render.
pub async fn type_text(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

pub fn value_of(root: &Element, id: &str) -> Option<f64> {
    let v = metric(root, id).get_attribute("data-value").unwrap();
    if v.is_empty() {
        None
    } else {
        Some(v.parse().unwrap())
    }
}
