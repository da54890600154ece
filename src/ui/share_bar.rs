//! Share, export, cite: the bar at the bottom of a widget and the notice at its top.
//!
//! - At mount, [`from_url`] reads the page's query string (not the hash, which
//!   hosts use for their own anchors) and decodes this instance's `kc<n>`
//!   parameter with [`crate::core::share::decode`]; [`notice`] lists what was
//!   skipped. URL text, already cut and cleaned by the core, is only ever
//!   shown through `Markup::body` (charts.rs), which
//!   escapes `<` and `&`: it can never become markup (tests/web/share.rs and
//!   tests/e2e/tampered.test.mjs try).
//! - "Share" builds the page's own URL (any scheme, `file://` included: the
//!   href up to `?`/`#`), keeps the page's other parameters and its hash, and
//!   appends this instance's inputs; it shows the link in a read-only field and
//!   copies it when the browser offers a clipboard.
//! - "Download CSV" saves [`crate::core::export::csv`] with a byte-order mark
//!   (Excel's cue for UTF-8) through a blob URL on a hidden `<a download>`. The
//!   previous blob URL is revoked at the next download rather than right after
//!   the click, which could cut a download short.

use js_sys::{Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::charts::Markup;
use super::state::{Action, Calc, CalcContext};
use crate::core::export::csv;
use crate::core::inputs::t;
use crate::core::share::{decode, has_changes, share_query, Decoded, Ignored};
use crate::core::units::{Locale, Text};

const ABOUT_LINK: Text = t!(
    "分享連結中有項目未套用或需留意:",
    "分享链接中有项目未应用或需留意:",
    "Some items of the shared link were not applied or need a note:",
);
const SHARE: Text = t!("分享", "分享", "Share");
const CSV: Text = t!("下載CSV", "下载CSV", "Download CSV");
const LINK: Text = t!("分享連結", "分享链接", "Share link");
const COPIED: Text = t!("已複製連結。", "已复制链接。", "Link copied.");
const SELECT: Text = t!(
    "請複製上面的連結。",
    "请复制上面的链接。",
    "Copy the link above.",
);
const UNCHANGED: Text = t!(
    "未改動任何輸入:連結顯示報道數字。",
    "未改动任何输入:链接显示报道数字。",
    "No input changed: the link shows the published figures.",
);

/// The page's query string (`?…`, or empty).
fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// This instance's scenario as the page URL gives it.
pub fn from_url(instance: u32) -> Decoded {
    decode(&search(), instance)
}

/// The share link of an instance's current inputs.
pub fn share_url(calc: &Calc) -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let href = loc.href().unwrap_or_default();
    let base = href.split(['?', '#']).next().unwrap_or_default();
    let query = share_query(&search(), &calc.inputs, calc.instance);
    [base, &query, &loc.hash().unwrap_or_default()].concat()
}

/// Copies `text` if the browser offers `navigator.clipboard` (secure contexts
/// only); `done` hears whether it worked. Looked up by name so a missing
/// clipboard is a `false`, not a thrown error.
pub fn copy(text: &str, done: Callback<bool>) {
    let get = |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).ok();
    let promise = web_sys::window()
        .and_then(|w| get(&w, "navigator"))
        .and_then(|n| get(&n, "clipboard"))
        .filter(JsValue::is_object)
        .and_then(|c| {
            let write: Function = get(&c, "writeText")?.dyn_into().ok()?;
            write.call1(&c, &JsValue::from_str(text)).ok()
        });
    let then = promise
        .as_ref()
        .and_then(|p| get(p, "then"))
        .and_then(|f| f.dyn_into::<Function>().ok());
    match (promise, then) {
        (Some(p), Some(then)) => {
            // One of the two one-shot closures is never called and stays
            // allocated: a few bytes per click, traded for no extra crate.
            let _ = then.call2(&p, &once(done.clone(), true), &once(done, false));
        }
        _ => done.emit(false),
    }
}

/// A one-shot JS function telling `done` the outcome `ok` (one closure type for both outcomes).
fn once(done: Callback<bool>, ok: bool) -> JsValue {
    Closure::once_into_js(move |_: JsValue| done.emit(ok))
}

/// Saves `text` as `kling-calc.csv` through the hidden anchor `a`.
fn download(a: &web_sys::HtmlElement, text: &str) -> Option<()> {
    let parts = js_sys::Array::of2(&JsValue::from_str("\u{feff}"), &JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    if let Some(old) = a.get_attribute("href") {
        let _ = web_sys::Url::revoke_object_url(&old);
    }
    a.set_attribute("href", &url).ok()?;
    a.click();
    Some(())
}

/// The notice listing a share link's skipped items (empty markup if none).
/// Text only and shown once, so built as escaped markup (the link's items are
/// escaped text, never markup).
pub fn notice(ignored: &[Ignored], locale: Locale) -> Html {
    if ignored.is_empty() {
        return Html::default();
    }
    let mut m = Markup(String::with_capacity(256));
    m.0.push_str("<div class=\"kc-notice\" role=\"status\" data-share-notice=\"\"><p>");
    m.body(ABOUT_LINK.get(locale));
    m.0.push_str("</p><ul>");
    for i in ignored {
        m.0.push_str("<li>");
        if !i.item.is_empty() {
            m.0.push_str("<code>");
            m.body(&i.item);
            m.0.push_str("</code> — ");
        }
        m.body(&i.reason.describe(locale));
        m.0.push_str("</li>");
    }
    m.0.push_str("</ul></div>");
    super::app::raw(m.0)
}

/// Share, Download CSV, the link field and a polite status line.
pub fn share_bar(calc: &CalcContext) -> Html {
    let locale = calc.locale;
    let share = {
        let calc = calc.clone();
        Callback::from(move |_| {
            let url = AttrValue::from(share_url(&calc));
            let changed = has_changes(&calc.inputs);
            calc.dispatch(Action::Shared(
                url.clone(),
                if changed { SELECT } else { UNCHANGED },
            ));
            let (calc, copied) = (calc.clone(), url.clone());
            copy(
                &url,
                Callback::from(move |ok| {
                    if ok && changed {
                        calc.dispatch(Action::Shared(copied.clone(), COPIED));
                    }
                }),
            );
        })
    };
    let save = {
        let calc = calc.clone();
        Callback::from(move |e: MouseEvent| {
            // The hidden anchor right after the button (no node-ref hook needed).
            let button: web_sys::Element = e.target_unchecked_into();
            if let Some(a) = button
                .next_element_sibling()
                .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
            {
                download(&a, &csv(&calc.inputs, &calc.results, calc.locale));
            }
        })
    };
    let field_id = calc.dom_id("share", "link");
    let (link, status) = &calc.shared;
    html! {
        <div class="kc-sharebar">
            <button type="button" data-share="" onclick={share}>{SHARE.get(locale)}</button>
            <button type="button" data-csv="" onclick={save}>{CSV.get(locale)}</button>
            // Static markup: never re-rendered, so the href a download sets stays.
            {Html::from_html_unchecked(AttrValue::Static("<a download=\"kling-calc.csv\" hidden=\"\"></a>"))}
            if !link.is_empty() {
                {super::app::text_el("label", "kc-sharebar-link", ("for", &field_id), LINK.get(locale))}
                <input id={&field_id} class="kc-sharebar-url" type="text" readonly=true value={link.clone()} />
            }
            <p class="kc-msg" role="status">{status.map(|s| s.get(locale))}</p>
        </div>
    }
}
