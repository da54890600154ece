//! The root component of one widget instance.
//!
//! Owns the instance's [`Calc`] state (a `use_reducer`), hands it to every
//! view as an argument or prop, and lays out the header (title, language switch), the sections of
//! [`crate::core::sections::SECTIONS`], and a polite live region that
//! announces which results changed after an edit.

use crate::core::units::t;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::api;
use super::charts::{chart, Markup};
use super::claims_view::claims_view;
use super::goal_seek::goal_seek;
use super::input_field::{field_props, InputField};
use super::metric_view::{headlines, MetricView};
use super::narrative::narrative;
use super::share_bar::{from_url, notice, share_bar};
use super::sources_view::sources_view;
use super::state::{push_uint, Action, Calc, Ctl};
use crate::core::export::CALCULATOR;
use crate::core::format::format_value;
use crate::core::inputs::{InputId, Inputs};
use crate::core::sections::{Layout, PartSet, Section, SECTIONS};
use crate::core::share::Decoded;
use crate::core::units::{Locale, Text};

/// Properties of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The language to start in.
    pub locale: Locale,
    /// A number unique on the page, so element ids of two instances never clash.
    #[prop_or_default]
    pub instance: u32,
    /// The sections and parts the host chose to show.
    #[prop_or(PartSet::ALL)]
    pub parts: PartSet,
    /// What to start from: the page's share link for this instance with the
    /// host's inputs on top ([`starting_link`]), read once by `mount_with`.
    pub start: Decoded,
    /// The mount element, on which `kling-calc:change` events are dispatched.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// How the sections lay out their parts.
    #[prop_or_default]
    pub layout: Layout,
}

/// The line under the title, which counts the sources (`data/widget.toml`).
use crate::core::edition::INTRO;
const RESET_ALL: Text = t!(
    "全部還原為報道數字",
    "全部还原为报道数字",
    "Reset all to published figures"
);
const LANGUAGE: Text = t!("語言", "语言", "Language");
const UPDATED: Text = t!("已更新:", "已更新:", "Updated: ");
const ALL_RESULTS: Text = t!("全部結果", "全部结果", "All results");
const MORE: Text = t!("等", "等", " and more");

/// The widget: header, sections, global reset and the live region.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The page URL is read once, at mount: later edits belong to the reader.
    // Inputs a host passes to `klingCalc.mount` apply on top of a share link.
    // Over a static render nobody has opened or focused anything in yet, the
    // live widget shows before its disclosures are filled (`Calc::complete`;
    // the full layout has none to fill).
    let calc = use_reducer(|| {
        let calm =
            props.layout != Layout::Full && props.host.as_ref().is_some_and(super::pool::calm);
        Calc::with_link(props.locale, props.instance, props.start.clone(), !calm)
    });
    let instance = props.instance;
    // Keep the JS API's view of this instance current, and tell the host page
    // about every change of inputs (not about language switches). The
    // registration is dropped before each next one and at unmount (one effect
    // hook: each is another copy of yew's generic effect code in the wasm).
    let announced = use_mut_ref(|| calc.inputs);
    {
        let host = props.host.clone();
        use_effect_with(calc.clone(), move |calc| {
            apply_patches();
            api::register(instance, calc.clone());
            if !calc.complete {
                // Once painted, an action that changes nothing else: an empty `set`.
                super::pool::after_paint(instance);
            }
            if *announced.borrow() != calc.inputs {
                *announced.borrow_mut() = calc.inputs;
                if let Some(host) = &host {
                    api::announce_change(host, calc);
                }
            }
            move || api::unregister(instance)
        });
    }
    let locale = calc.locale;
    let parts = props.parts;

    let lang_buttons = Locale::ALL.iter().map(|&l| {
        let onclick = {
            let calc = calc.clone();
            Callback::from(move |_| calc.dispatch(Action::SetLocale(l)))
        };
        let name = match l {
            Locale::Hant => "繁體",
            Locale::Hans => "简体",
            Locale::En => "English",
        };
        html! {
            <button type="button" class="kc-lang" lang={l.tag()} aria-pressed={super::input_field::aria(l == locale)} {onclick}>{name}</button>
        }
    });
    let reset_all = {
        let calc = calc.clone();
        Callback::from(move |_| calc.dispatch(Action::ResetAll))
    };
    let ctl = Ctl(calc.clone());
    let layout = props.layout;
    // The sources list (8 articles, every figure with its quote) changes only
    // with the language: built once per language, not on every key press.
    let sources = {
        let calc = calc.clone();
        use_memo(locale, move |_| sources_view(&calc, layout))
    };
    let changed = InputId::ALL
        .iter()
        .filter(|&&id| calc.inputs.is_changed(id))
        .count();

    html! {
        <article class="kc" lang={locale.tag()} data-lang={locale.tag()} data-layout={layout.key()} onclick={open_target}>
            <header class="kc-head">
                // Focusable from script: a reset button's click moves the focus here (www/chart-save.js).
                {text_el("h2", "kc-title", ("tabindex", "-1"), CALCULATOR.get(locale))}
                <div class="kc-langs" role="group" aria-label={LANGUAGE.get(locale)}>{for lang_buttons}</div>
                {text_el("p", "kc-intro", ("", ""), INTRO.get(locale))}
            </header>
            {notice(&calc.ignored, locale)}
            if changed > 0 {
                <p class="kc-yours">
                    {changed_words(changed, locale)}
                    <button type="button" class="kc-reset-all" onclick={reset_all}>{RESET_ALL.get(locale)}</button>
                </p>
            }
            {for SECTIONS.iter().filter(|s| parts.shows(s.key)).map(|s| section(&ctl, s, layout))}
            if parts.shows("goals") { {goal_seek(&calc)} }
            if parts.shows("claims") { {claims_view(&calc, layout)} }
            if parts.shows("sources") { {(*sources).clone()} }
            {share_bar(&calc)}
            {text_el("p", "kc-edition", ("data-edition", crate::core::edition::EDITION), crate::core::edition::FOOTER.get(locale))}
            <p class="kc-sr" aria-live="polite" aria-atomic="true" data-live="">{announcement(&calc)}</p>
        </article>
    }
}

/// One calculator section. Compact: narrative, headline results, chart, then
/// the fields and the full list of results behind two disclosures (closed at
/// first; every `data-input` field stays in the DOM, so the page contract and
/// the JS API are the same in both layouts). Full: narrative, fields,
/// results and chart, all shown.
fn section(ctl: &Ctl, s: &'static Section, layout: Layout) -> Html {
    let locale = ctl.locale;
    let heading = ctl.dom_id("h", s.key);
    // Built only when shown: a deferred first render (`Calc::complete`, never
    // in the full layout) skips their view code too, not only their DOM.
    let shown = ctl.complete;
    let fields = if !shown {
        Html::default()
    } else {
        html! {
            <div class="kc-inputs">{for s.inputs.iter().map(|&id| {
                let props = field_props(ctl, id);
                html! { <InputField ..props /> }
            })}</div>
        }
    };
    let results = if !shown {
        Html::default()
    } else {
        html! {
            <div class="kc-metrics">{for s.metrics.iter().map(|&id| {
                let (explained, cited) = (ctl.is_explained(id), ctl.is_cited(id));
                let generation = if explained || cited { ctl.generation } else { 0 };
                html! {
                    <MetricView ctl={ctl.clone()} {id} {locale} outcome={*ctl.results.get(id)}
                        published={*ctl.published.get(id)} detail={(explained, cited, generation)} />
                }
            })}</div>
        }
    };
    let chart = chart(ctl, &s.chart);
    // One list in either order, so each part's markup is built in one place.
    let parts = if layout == Layout::Full {
        vec![fields, results, chart]
    } else {
        vec![
            headlines(s.headlines, ctl),
            chart,
            more("inputs", adjust_words(s.inputs.len(), locale), fields),
            more("results", ALL_RESULTS.get(locale).into(), results),
        ]
    };
    html! {
        <section class="kc-section" data-section={s.key} aria-labelledby={&heading}>
            {text_el("h3", "", ("id", &heading), s.title.get(locale))}
            {narrative(&ctl.0, s.key)}
            {for parts}
        </section>
    }
}

/// A disclosure of the compact layout (`data-more` names what it holds),
/// closed at first. Its content is in the DOM (from the second frame of a
/// start-up mount, [`Calc::complete`]); only its display waits for the
/// reader, and yew leaves the `open` state the reader chose alone.
pub(super) fn more(kind: &'static str, summary: String, body: Html) -> Html {
    html! {
        <details class="kc-more" data-more={kind}>
            {text_el("summary", "", ("", ""), &summary)}
            {body}
        </details>
    }
}

/// A text-only element, `<tag class="…" name="value">text</tag>`, as one raw
/// node of escaped markup (an empty class or name is left out): text costs
/// far less wasm than an `html!` node. `value` must be markup-safe (ids, keys).
pub(super) fn text_el(tag: &str, class: &str, (name, value): (&str, &str), text: &str) -> Html {
    let mut m = Markup(String::with_capacity(64 + text.len()));
    m.open(tag, class);
    if !name.is_empty() {
        m.attr(name, value);
    }
    m.0.push('>');
    m.body(text);
    m.0.push_str("</");
    m.0.push_str(tag);
    m.0.push('>');
    raw(m.0)
}

/// Markup text (escaped by its builder) as one raw node; not inlined, so
/// each of its many callers is a call, not another copy of the conversion.
#[inline(never)]
pub(super) fn raw(markup: String) -> Html {
    Html::from_html_unchecked(AttrValue::from(markup))
}

thread_local! {
    /// Containers rendered by [`patched`] and the markup each must hold,
    /// until the next [`apply_patches`] (after yew has put them in the page).
    static PENDING: std::cell::RefCell<Vec<(NodeRef, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A `<div class="…">` whose content is markup text, like [`raw`], but a change of
/// that text updates the live nodes in place (only the attributes and text
/// that differ) instead of replacing them all: a chart or a row of cards
/// whose figures moved keeps its elements, so the browser restyles, lays out
/// and repaints only what changed. Yew renders the element empty and never
/// touches its children; [`apply_patches`] writes them after the render,
/// before the frame is painted. A plain function rather than a component:
/// each component type is another copy of yew's lifecycle code in the wasm.
#[cfg(target_arch = "wasm32")]
pub(super) fn patched(class: &'static str, html: String) -> Html {
    html! { <div ref={pending(html)} ~className={class} /> }
}

/// A chart's `<figure>` (`data-chart` is its key) whose content is patched as [`patched`]'s.
#[cfg(target_arch = "wasm32")]
pub(super) fn patched_figure(key: &'static str, html: String) -> Html {
    html! { <figure ref={pending(html)} class="kc-chart" data-chart={key} /> }
}

/// The pre-render's [`patched`] container (native, server-side rendering): no
/// effect runs there to fill it, so its markup is its content.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn patched(class: &'static str, html: String) -> Html {
    html! { <div class={class}>{raw(html)}</div> }
}

/// The pre-render's [`patched_figure`], its markup as its content.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn patched_figure(key: &'static str, html: String) -> Html {
    html! { <figure class="kc-chart" data-chart={key}>{raw(html)}</figure> }
}

/// A new container's reference, queued with the markup it must hold.
/// (Containers are `html!` elements with fixed tags: `VTag::add_attribute`
/// turns an element's attributes into an index map, `class={…}` goes
/// through `Classes` (a set) and a dynamic tag is checked at run time, each
/// costing wasm; the `className` property is a plain string.)
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn pending(html: String) -> NodeRef {
    let node = NodeRef::default();
    PENDING.with(|p| p.borrow_mut().push((node.clone(), html)));
    node
}

/// Brings every container [`patched`] (or [`patched_figure`]) rendered up to its markup; called from
/// [`App`]'s effect, which runs once yew has committed a render. A hash of
/// the markup last written is kept on the element (`kcHash`), so an
/// unchanged chart costs a hash, not a copy of its markup out of JavaScript.
fn apply_patches() {
    for (node, html) in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
        let Some(el) = node.get() else {
            continue;
        };
        let key = JsValue::from_str("kcHash");
        let hash = fnv(&html);
        if js_sys::Reflect::get(&el, &key)
            .ok()
            .and_then(|v| v.as_f64())
            != Some(hash)
        {
            patch(el.unchecked_ref(), &html);
            let _ = js_sys::Reflect::set(&el, &key, &JsValue::from_f64(hash));
        }
    }
}

/// FNV-1a of `text`, to the 53 bits a JavaScript number holds exactly.
fn fnv(text: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    (h >> 11) as f64
}

// Makes `el`'s children what `html` parses to, keeping every node whose
// kind (tag, or text) is the same at the same place: position by position,
// an equal node is left alone (one native deep comparison), one of the same
// kind gets the attributes and children that differ, one of another kind is
// replaced; extra ones are removed, missing ones moved over. `open` is never
// removed: whether a disclosure is open is the reader's choice, not the
// markup's. In JavaScript, because the walk is a few DOM calls per node:
// from Rust each is a trip through wasm-bindgen's glue (a chart's walk took
// about 1.5 ms of a key press that way), and each binding is code in the
// wasm. The build inlines this module into the glue (scripts/inline-snippets.mjs).
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
const walk = (o, n) => {
  let a = o.firstChild, x = n.firstChild, y;
  for (; x; x = y) {
    y = x.nextSibling;
    if (a && a.isEqualNode(x)) a = a.nextSibling;
    else if (a && a.nodeName == x.nodeName) {
      if (a.nodeType == 1) {
        for (const { name, value } of x.attributes) a.getAttribute(name) !== value && a.setAttribute(name, value);
        for (const { name } of [...a.attributes]) name == "open" || x.hasAttribute(name) || a.removeAttribute(name);
        walk(a, x);
      } else a.nodeValue = x.nodeValue;
      a = a.nextSibling;
    } else if (a) { o.replaceChild(x, a); a = x.nextSibling; }
    else o.appendChild(x);
  }
  for (; a; a = y) { y = a.nextSibling; a.remove(); }
};
export function patch(el, html) {
  const fresh = el.ownerDocument.createElement("div");
  fresh.innerHTML = html;
  walk(el, fresh);
}
"#)]
extern "C" {
    fn patch(el: &web_sys::Element, html: &str);
}

/// `before`, the number `n`, then `after`, each picked for the language:
/// "Adjust all 8 figures", "3 figures differ from the articles.".
fn count_words(before: Text, n: usize, after: Text, locale: Locale) -> String {
    let mut s = String::from(before.get(locale));
    push_uint(&mut s, n as u32);
    s.push_str(after.get(locale));
    s
}

/// "Adjust all 8 figures", in the language.
fn adjust_words(n: usize, locale: Locale) -> String {
    const BEFORE: Text = t!("調整全部", "调整全部", "Adjust all ");
    const AFTER: Text = t!("個數字", "个数字", " figures");
    count_words(BEFORE, n, AFTER, locale)
}

/// "3 figures differ from the articles." before the reset-all button. Not
/// "you changed": the figures may have come with the page (an editor's
/// `data-inputs`) or with a share link, not from this reader.
fn changed_words(n: usize, locale: Locale) -> String {
    const BEFORE: Text = t!("有", "有", "");
    const ONE: Text = t!(
        "個數字與報道不同。",
        "个数字与报道不同。",
        " figure differs from the articles. "
    );
    const MANY: Text = t!(
        "個數字與報道不同。",
        "个数字与报道不同。",
        " figures differ from the articles. "
    );
    count_words(BEFORE, n, if n == 1 { ONE } else { MANY }, locale)
}

/// A click on an in-widget link (a metric's source, a claim's article) opens
/// the disclosures around its target first, so the jump lands on something
/// visible: the sources are collapsed in the compact layout. A click on a
/// chart's download button starts its download.
fn open_target(e: MouseEvent) {
    let Some(target) = e.target_dyn_into::<web_sys::Element>() else {
        return;
    };
    // The charts' download buttons are served here too: one handler for all.
    super::charts::save(&target);
    let Some(link) = target.closest("a[href^=\"#\"]").ok().flatten() else {
        return;
    };
    let target = link
        .get_attribute("href")
        .and_then(|h| link.owner_document()?.get_element_by_id(h.get(1..)?));
    let mut at = target;
    while let Some(el) = at {
        if el.tag_name().eq_ignore_ascii_case("details") {
            let _ = el.set_attribute("open", "");
        }
        at = el.parent_element();
    }
}

/// What an instance starts from: the page URL's share link for it, with the
/// inputs a host passed to `klingCalc.mount` on top. Computed once per mount;
/// the JS API's pending slot and the widget both start from it, so `get()`
/// before the first render agrees with what will be shown.
pub fn starting_link(instance: u32, host_inputs: &Inputs) -> Decoded {
    let mut link = from_url(instance);
    for id in InputId::ALL {
        if let Some(v) = host_inputs.override_of(id) {
            let _ = link.inputs.set(id, v);
        }
    }
    link
}

/// What the live region says after an edit: the first few results that changed.
fn announcement(calc: &Calc) -> String {
    const SHOWN: usize = 3;
    let locale = calc.locale;
    let mut out = String::new();
    for (n, &id) in calc.changed.iter().take(SHOWN).enumerate() {
        out.push_str(if n == 0 {
            UPDATED.get(locale)
        } else if locale.is_chinese() {
            ";"
        } else {
            "; "
        });
        out.push_str(id.spec().label.get(locale));
        out.push(' ');
        let o = calc.results.get(id);
        match o.value {
            Ok(v) => out.push_str(&format_value(v, id.spec().unit, o.qualifier, locale)),
            Err(r) => out.push_str(&r.describe(locale)),
        }
    }
    if calc.changed.len() > SHOWN {
        out.push_str(MORE.get(locale));
    }
    out
}
