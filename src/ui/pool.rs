//! Yew roots that outlive the widgets they host, so mount/destroy cycles do not leak.
//!
//! yew 0.23 registers an app's delegated event listeners on its root element
//! and `forget`s their closures on purpose ("the registry is never dropped in
//! production", `HostHandlers::add_listener`); each closure holds the root's
//! listener registry. A page that mounts and destroys widgets through the JS
//! API would therefore leak a root's worth of memory per cycle. Instead, each
//! widget is rendered by a [`Frame`] app into a `div.kc-root` of our own, moved
//! into the host's element while mounted. `destroy` renders the frame empty,
//! detaches its `div` and parks it here; the next mount reuses it. Memory is then
//! bounded by the most widgets ever mounted at once, not by how many cycles ran.
//!
//! The frame keys the [`App`] by instance number, so a reused root starts a
//! fresh widget (new state, new hooks), never the previous reader's.

use std::cell::RefCell;

use yew::prelude::*;

use super::app::{App, AppProps};

/// Properties of [`Frame`]: the widget to show, or none while parked.
#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// The hosted widget's properties; `None` renders nothing.
    pub app: Option<AppProps>,
    /// The frame's own `div.kc-root`, which its effect puts into the host.
    pub root: web_sys::Element,
}

/// A long-lived yew root that hosts one widget at a time.
#[function_component(Frame)]
pub fn frame(props: &FrameProps) -> Html {
    // The frame's `div` renders detached and replaces the host's content (the
    // build's static render of the widget, or anything else) only here, in
    // one call, once the widget has rendered and its own effect has filled
    // its patched containers (children's effects run first, in the same
    // batch). yew may yield to the browser between a render and its effects
    // (after 16 ms of work; not in the release build, whose glue runs yew's
    // `setTimeout` at once: scripts/sync-scheduler.mjs); a detached render paints nothing, so the page
    // never shows both, nor a half-built widget, and nothing moves.
    let host = props.app.as_ref().and_then(|a| a.host.clone());
    let root = props.root.clone();
    use_effect_with(props.app.as_ref().map(|a| a.instance), move |_| {
        if let Some(host) = host {
            swap(&host, &root);
        }
    });
    match &props.app {
        Some(app) => html! { <App key={app.instance} ..app.clone() /> },
        None => Html::default(),
    }
}

// `swap(host, root)` puts the live widget `root` in place of `host`'s content.
// A reader may have opened disclosures in the static render, or have focus in
// it, before the widget started: the live widget's first render is the same
// DOM (the nth `<details>`, the nth element are the same ones), so they are
// opened and focused there too. Closing them would move the page under the
// reader and lose their place. Script, not wasm-bindgen calls: a few hundred
// bytes less of wasm.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function swap(host, root) {
  const s = host.querySelector("[data-kc-static]"), f = host.ownerDocument.activeElement;
  let t;
  if (s) {
    const d = (e) => e.querySelectorAll("details"), o = d(s), n = d(root);
    if (o.length == n.length) o.forEach((e, i) => e.open && (n[i].open = true));
    const a = (e) => e.getElementsByTagName("*");
    // (Only when the focus is in it: no walk of every element otherwise.)
    t = s.contains(f) && a(root)[[...a(s)].indexOf(f)];
    t = t && t.nodeName == f.nodeName && t;
  }
  host.replaceChildren(root);
  t && t.focus();
}
export function calm(host) {
  try { return !!host.querySelector("[data-kc-static]:not(:has([open],:focus))") } catch { return false }
}
let set;
export function keepSet(f) { set = f; }
export function afterPaint(n) {
  // (`set` throws only for a widget destroyed since: nothing left to fill.)
  const g = () => { try { n ? set(n, {}) : dispatchEvent(new Event("kling-calc:ready")) } catch {} },
    later = () => document.hidden ? g() : requestAnimationFrame(() => requestAnimationFrame(g));
  // yew renders in a microtask queued by the mounts before this: the widgets'
  // own requests come from its effects, and the event must follow them.
  n ? later() : queueMicrotask(later);
}
"#)]
extern "C" {
    fn swap(host: &web_sys::Element, root: &web_sys::Element);
    /// True if `host` holds a static render in which nothing is open or
    /// focused: its live widget may start without its disclosures' content
    /// ([`super::state::Calc::complete`]). False in a browser without `:has()`.
    pub fn calm(host: &web_sys::Element) -> bool;
    /// Keeps the JS API's shared `set(instance, inputs)` for [`after_paint`].
    #[wasm_bindgen(js_name = keepSet)]
    pub fn keep_set(set: &js_sys::Function);
    /// Once the frame being built has been painted (at the start of the
    /// frame after next: the first `requestAnimationFrame` fires before that
    /// frame's paint), calls `set(n, {})` (the function [`keep_set`] kept),
    /// or for `n` = 0 fires `kling-calc:ready` on the window (after the
    /// requests of the widgets being mounted). In a hidden page, which paints
    /// nothing and runs no frame callbacks, at once.
    #[wasm_bindgen(js_name = afterPaint)]
    pub fn after_paint(n: u32);
}

/// A frame's `div` and its app.
type Root = (web_sys::Element, AppHandle<Frame>);

thread_local! {
    /// Frames hosting a widget, by instance number.
    static LIVE: RefCell<Vec<(u32, Root)>> = const { RefCell::new(Vec::new()) };
    /// Frames rendered empty and detached, ready for the next mount.
    static PARKED: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
}

/// Shows the widget `props` describes inside `host` (once rendered, it replaces
/// the host's content), on a parked frame if there is one.
pub fn show(host: &web_sys::Element, props: AppProps) {
    let instance = props.instance;
    let (root, app) = match PARKED.with(|p| p.borrow_mut().pop()) {
        Some((root, mut app)) => {
            app.update(FrameProps {
                app: Some(props),
                root: root.clone(),
            });
            (root, app)
        }
        None => {
            // Every element has an owner document; the `else` is unreachable.
            let Some(root) = host
                .owner_document()
                .and_then(|d| d.create_element("div").ok())
            else {
                return;
            };
            root.set_class_name("kc-root");
            let app = yew::Renderer::<Frame>::with_root_and_props(
                root.clone(),
                FrameProps {
                    app: Some(props),
                    root: root.clone(),
                },
            )
            .render();
            (root, app)
        }
    };
    LIVE.with(|l| l.borrow_mut().push((instance, (root, app))));
}

/// Unmounts the widget `instance` (its element is left empty) and parks its
/// frame; returns false if no such widget is mounted.
pub fn release(instance: u32) -> bool {
    let found = LIVE.with(|l| {
        let mut live = l.borrow_mut();
        let at = live.iter().position(|(n, _)| *n == instance)?;
        Some(live.swap_remove(at).1)
    });
    let Some((root, mut app)) = found else {
        return false;
    };
    app.update(FrameProps {
        app: None,
        root: root.clone(),
    });
    root.remove();
    PARKED.with(|p| p.borrow_mut().push((root, app)));
    true
}

/// How many frames exist (hosting or parked): the most widgets ever mounted at once.
pub fn frames() -> usize {
    LIVE.with(|l| l.borrow().len()) + PARKED.with(|p| p.borrow().len())
}
