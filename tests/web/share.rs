//! Share links, CSV download and citations in the browser.
//!
//! Instance numbers grow across the tests of one page, so each test asks
//! [`next_instance`] for the number its mount will get and writes its link for
//! that number (nothing runs between the two: wasm is single-threaded). Each
//! test restores the page URL when done.

use super::{field, host, value_of};
use kling_calc::core::export::citation;
use kling_calc::core::inputs::{InputId, Inputs};
use kling_calc::core::metrics::{compute, MetricId};
use kling_calc::core::share::{decode, param_name, Issue};
use kling_calc::core::units::Locale;
use kling_calc::ui::{mount, next_instance};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// Sets the page URL's query, returning the URL to restore.
fn set_query(query: &str) -> String {
    let window = web_sys::window().unwrap();
    let old = window.location().href().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&[path.as_str(), query].concat()))
        .unwrap();
    old
}

fn restore(url: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(url))
        .unwrap();
}

/// Mounts a fresh English widget with `items` as its share parameter (after a
/// host parameter); returns the root, the instance number and the URL to restore.
async fn mounted_with(items: &str) -> (Element, u32, String) {
    let n = next_instance();
    let old = set_query(&["?utm_source=test&", &param_name(n), "=", items].concat());
    let root = host("en");
    mount(root.clone());
    yew::scheduler::flush().await;
    (root, n, old)
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// A link value in the current edition, read from the code: `v1.<edition><items>`.
fn current(items: &str) -> String {
    ["v1.", kling_calc::core::share::DATA_VERSION, items].concat()
}

async fn click(root: &Element, selector: &str) {
    one(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn link_restores_inputs() {
    let (root, _, old) = mounted_with(&current("~kling_revenue_2025q3:35e7~pe_kuaishou:10")).await;
    // English shows Kling revenue in millions.
    assert_eq!(field(&root, "kling_revenue_2025q3").value(), "350");
    assert_eq!(field(&root, "pe_kuaishou").value(), "10");
    let share = value_of(&root, "kling_share_2025q3").unwrap();
    assert_eq!(share, 3.5e8 / 355.54e8);
    assert!(root
        .query_selector("[data-share-notice]")
        .unwrap()
        .is_none());
    restore(&old);
}

#[wasm_bindgen_test]
async fn tampered_items_are_listed_and_never_markup() {
    let edition = current("");
    let items = [
        edition.as_str(),
        "pe_kuaishou:12",
        "pe_baidu:%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E",
        "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
        "no_such_input:5",
        "pe_tencent:5000",
        "pe_alibaba:NaN",
        "pe_kuaishou:13",
    ]
    .join("~");
    let (root, _, old) = mounted_with(&items).await;
    assert_eq!(field(&root, "pe_kuaishou").value(), "12");
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("script").unwrap().is_none());
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    let notice = one(&root, "[data-share-notice]");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("status"));
    let rows = notice.query_selector_all("li").unwrap();
    assert_eq!(rows.length(), 6);
    let text = notice.text_content().unwrap();
    for issue in [
        Issue::Markup,
        Issue::UnknownInput,
        Issue::Duplicate,
        Issue::NotFinite,
    ] {
        assert!(text.contains(issue.message(Locale::En)), "{text}");
    }
    // The offending text is shown as text, cut short.
    assert!(text.contains("pe_baidu:<img src=x onerror=wind"), "{text}");
    restore(&old);
}

#[wasm_bindgen_test]
async fn share_link_decodes_to_the_same_inputs() {
    let (root, n, old) = mounted_with("").await;
    super::type_into(&root, "kling_revenue_2025q3", "4").await;
    super::type_into(&root, "pe_kuaishou", "-2.5").await;
    click(&root, "[data-share]").await;
    let url = one(&root, ".kc-sharebar-url")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .value();
    let query = &url[url.find('?').unwrap()..];
    assert!(query.starts_with("?utm_source=test&"), "{url}");
    let d = decode(query, n);
    assert!(d.ignored.is_empty(), "{url}");
    let mut want = Inputs::published();
    want.set(InputId::KLING_REVENUE_2025Q3, 4e6).unwrap();
    want.set(InputId::PE_KUAISHOU, -2.5).unwrap();
    assert_eq!(d.inputs, want);
    restore(&old);
}

#[wasm_bindgen_test]
async fn csv_download_uses_a_fresh_blob_url() {
    let (root, _, old) = mounted_with("").await;
    click(&root, "[data-csv]").await;
    let a = one(&root, "a[download=\"kling-calc.csv\"]");
    let first = a.get_attribute("href").unwrap();
    assert!(first.starts_with("blob:"), "{first}");
    click(&root, "[data-csv]").await;
    let second = a.get_attribute("href").unwrap();
    assert!(second.starts_with("blob:") && second != first);
    restore(&old);
}

#[wasm_bindgen_test]
async fn citation_matches_the_core() {
    let (root, _, old) = mounted_with(&current("~kling_revenue_2025q3:35e7")).await;
    click(&root, "[data-cite=\"kling_share_2025q3\"]").await;
    let area = one(&root, ".kc-citation");
    let shown = js_sys::Reflect::get(&area, &"value".into())
        .unwrap()
        .as_string()
        .unwrap();
    let mut inputs = Inputs::published();
    inputs.set(InputId::KLING_REVENUE_2025Q3, 3.5e8).unwrap();
    let want = citation(
        MetricId::KLING_SHARE_2025Q3,
        &compute(&inputs),
        &inputs,
        Locale::En,
    );
    assert_eq!(shown, want);
    assert!(shown.starts_with("Kling share of Q3 revenue: 0.98% (RMB 350 million"));
    restore(&old);
}
