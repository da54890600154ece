//! The yew shell: maps DOM events to core calls and core results to DOM.
//!
//! Nothing here computes a figure. [`state`] holds the reader's state as a
//! `Reducible` whose actions call into [`crate::core`]; the components render
//! what the core returns. At start-up every element carrying
//! `data-kling-calc` gets its own independent [`app::App`].

pub mod api;
pub mod app;
pub mod charts;
pub mod claims_view;
pub mod goal_seek;
pub mod input_field;
pub mod metric_view;
pub mod narrative;
pub mod pool;
pub mod share_bar;
pub mod sources_view;
pub mod state;

use std::sync::atomic::{AtomicU32, Ordering};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::inputs::Inputs;
use crate::core::sections::{Layout, PartSet};
use crate::core::units::Locale;

/// Mounts a widget in every `[data-kling-calc]` element once the module loads.
#[wasm_bindgen(start)]
pub fn start() {
    yew::set_custom_panic_hook(Box::new(on_panic));
    // First: a start-up widget completes itself through the API's `set`.
    api::install();
    // Where every element is decided before any mounts: a mount changes the
    // heights of what follows it.
    let mut found = Vec::new();
    each_mount_element(|el| found.push(el));
    let mut lazy = Lazy::default();
    let now: Vec<bool> = found.iter().map(|el| !lazy.far(el)).collect();
    for (el, now) in found.into_iter().zip(now) {
        if now {
            mount(el);
        } else {
            lazy.defer(&el);
        }
    }
    // Fired after the widgets just mounted have filled their disclosures
    // (each asked for that in its first render's effect, before this), so a
    // host reading the page on this event finds every field and output.
    pool::after_paint(0);
}

/// Start-up mounting of elements far below the fold, deferred until they come
/// within a viewport's height of being seen.
///
/// A page with twenty embeds would otherwise build all twenty widgets before
/// painting the first (yew renders them in one batch): measured here, 4.3× the
/// time of one. Until it mounts, an element keeps the build's static render, so
/// nothing is blank. `data-load="eager"` on the element opts out (for print
/// layouts, say); `klingCalc.mount` always mounts at once.
#[derive(Default)]
struct Lazy {
    observer: Option<web_sys::IntersectionObserver>,
}

impl Lazy {
    /// True if `el` is more than one viewport's height off screen and may wait.
    fn far(&self, el: &web_sys::Element) -> bool {
        if el.get_attribute("data-load").as_deref() == Some("eager") {
            return false;
        }
        let Some(height) = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
        else {
            return false;
        };
        let rect = el.get_bounding_client_rect();
        rect.top() >= 2.0 * height || rect.bottom() <= -height
    }

    /// Mounts `el` when it comes near the screen (at once if observing fails).
    fn defer(&mut self, el: &web_sys::Element) {
        if self.observer.is_none() {
            self.observer = observer();
        }
        match &self.observer {
            Some(o) => o.observe(el),
            None => {
                mount(el.clone());
            }
        }
    }
}

/// The page's one observer for deferred elements: mounts each the first time
/// it comes within a viewport's height of the screen, then stops watching it.
fn observer() -> Option<web_sys::IntersectionObserver> {
    let on_change = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            for entry in entries.iter() {
                let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                if entry.is_intersecting() {
                    let el = entry.target();
                    observer.unobserve(&el);
                    mount(el);
                }
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(
        on_change.as_ref().unchecked_ref(),
        &options,
    )
    .ok();
    // One closure per page, alive as long as the page: its observer calls it.
    on_change.forget();
    observer
}

/// Calls `f` on every `[data-kling-calc]` element of the page, in document order.
fn each_mount_element(mut f: impl FnMut(web_sys::Element)) {
    let Some(nodes) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-kling-calc]").ok())
    else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(el) = nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            f(el);
        }
    }
}

/// Mounts one widget into `root` with the options its `data-*` attributes give
/// (`data-lang`, `data-sections`, `data-inputs`, else the page's `?lang=`,
/// `?sections=` and `?inputs=`), replacing its content (the build's static render) once rendered;
/// returns its instance number.
pub fn mount(root: web_sys::Element) -> u32 {
    let locale = initial_locale(&root);
    // embed.html has no attributes to set, so an iframe passes its sections in the URL;
    // PartSet::parse only accepts known section keys.
    let sections = root
        .get_attribute("data-sections")
        .or_else(|| query_param("sections").map(|v| decode_commas(&v)))
        .unwrap_or_default();
    let parts = PartSet::parse(&sections).0;
    // Starting inputs an editor chose (the builder writes them): share-link
    // items, valid ones applied, others skipped as a link's would be.
    let inputs = root
        .get_attribute("data-inputs")
        .or_else(|| query_param("inputs"))
        .map_or_else(Inputs::published, |v| {
            crate::core::share::decode_value(&v).inputs
        });
    mount_with(root, locale, parts, inputs)
}

/// Instance numbers: unique within the page, from 1 in mount order (page
/// order at start-up), and the `n` of a share link's `kc<n>` parameter.
/// wasm is single-threaded, so relaxed ordering suffices.
static NEXT: AtomicU32 = AtomicU32::new(1);

/// The instance number the next mount will get (for tests and hosts that
/// build share links before mounting).
pub fn next_instance() -> u32 {
    NEXT.load(Ordering::Relaxed)
}

/// Mounts one widget into `root` in `locale`, showing `parts`, starting from
/// `inputs`; returns its instance number (unique on the page).
/// [`pool::release`] with that number unmounts it.
pub fn mount_with(root: web_sys::Element, locale: Locale, parts: PartSet, inputs: Inputs) -> u32 {
    let instance = NEXT.fetch_add(1, Ordering::Relaxed);
    // Marks instances mounted through the JS API too, so the panic hook finds them.
    let _ = root.set_attribute("data-kling-calc", "");
    let start = app::starting_link(instance, &inputs);
    api::expect(instance, start.inputs);
    // `data-layout` on the element (klingCalc.mount's `layout` sets it), else
    // the page's `?layout=`, else compact.
    let layout = root
        .get_attribute("data-layout")
        .or_else(|| query_param("layout"))
        .and_then(|k| Layout::from_key(&k))
        .unwrap_or_default();
    let props = app::AppProps {
        locale,
        instance,
        parts,
        start,
        host: Some(root.clone()),
        layout,
    };
    pool::show(&root, props);
    instance
}

/// What a reader sees if the widget ever panics: wasm cannot continue after a
/// panic, so every instance is replaced by a readable message (never a blank or
/// a frozen calculator), and the details (with the stack) go to the console
/// for developers, through yew's own default hook.
fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    console_error_panic_hook::hook(info);
    each_mount_element(|el| el.set_inner_html(PANIC_MESSAGE));
}

/// Static markup (no reader data in it), so setting it as HTML is safe.
const PANIC_MESSAGE: &str = "<p class=\"kc-failed\" role=\"alert\">計算器發生錯誤,請重新載入頁面。<br>计算器发生错误,请重新加载页面。<br>The calculator hit an error; please reload the page.</p>";

/// The language from the mount element's `data-lang`, else the page's `?lang=`, else zh-Hant.
fn initial_locale(root: &web_sys::Element) -> Locale {
    if let Some(l) = root
        .get_attribute("data-lang")
        .and_then(|t| Locale::from_tag(&t))
    {
        return l;
    }
    query_param("lang")
        .and_then(|t| Locale::from_tag(&t))
        .unwrap_or(Locale::Hant)
}

/// `v` with each `%2C` (an encoded comma, either case) decoded. By hand: a
/// `str::replace` with a string pattern pulls about 5 KB of substring search
/// and its panic paths into the wasm.
fn decode_commas(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && b.get(i + 1) == Some(&b'2')
            && b.get(i + 2).map(|c| c | 0x20) == Some(b'c')
        {
            out.push(b',');
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    // Only ASCII was replaced by ASCII, so the bytes are still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// The raw value of the first `name=` parameter in the page's query string.
fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        .map(str::to_string)
}

/// A base-unit value as JavaScript's `Number()` reads it back (shortest round-trip form).
///
/// Asks the browser's own `Number.prototype.toString` rather than Rust's float
/// formatting, which would add about 20 KB of wasm for this one use.
#[cfg(target_arch = "wasm32")]
pub fn js_number(v: f64) -> String {
    js_sys::Number::from(v)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// The native twin of the browser's `Number#toString` for the pre-render.
#[cfg(not(target_arch = "wasm32"))]
pub fn js_number(v: f64) -> String {
    display_number(v)
}

/// A value as Rust's `Display` writes it, made to read as JavaScript's
/// `Number#toString` does: the same shortest round-trip digits for
/// 1e-6 ≤ |x| < 1e21 (every value the widget shows; `tests/web/views.rs`
/// checks the two agree on the data's values), "0" for -0, nothing for a
/// non-finite value (which the core never returns). Natively it is
/// [`js_number`]; in the wasm only tests call it (LTO drops it from the widget).
pub fn display_number(v: f64) -> String {
    if v == 0.0 {
        // JavaScript writes -0 as "0"; Rust keeps the sign.
        "0".to_string()
    } else if v.is_finite() {
        v.to_string()
    } else {
        String::new()
    }
}
