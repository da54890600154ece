//! The JavaScript API, `window.klingCalc`, for host pages.
//!
//! ```js
//! addEventListener('kling-calc:ready', () => {
//!   klingCalc.version;                      // "0.1.0"
//!   klingCalc.edition;                      // the figures edition, "2025q3-…"
//!   klingCalc.inputs();                     // [{ id, unit, default, min, max, … }]
//!   klingCalc.metrics();                    // [{ id, unit, label, formula }]
//!   klingCalc.compute({ pe_kuaishou: 10 }); // { metrics: { id: number|null }, reasons: { id: text } }
//!   const w = klingCalc.mount(el, { lang: 'en', sections: 'kling,valuation', layout: 'full', theme: 'dark', inputs: { … } });
//!   w.set({ kling_revenue_2025q3: 4e8 }); w.get(); w.destroy();
//! });
//! ```
//!
//! Values are base units (yuan, US dollars, counts, fractions). Bad arguments
//! (unknown ids, wrong types, out-of-range values) throw an `Error` whose
//! message names every offending id; nothing here panics on host input.
//! Results are plain objects built with `js_sys::Reflect`. serde-wasm-bindgen
//! was measured first: it added 20 KB of gzip to the wasm for these few
//! objects, more than the rest of the API together, so it earns no place here.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::UseReducerHandle;

use super::state::{Action, Calc};
use crate::core::figures::{article, figure};
use crate::core::inputs::{DefaultRule, InputId, Inputs};
use crate::core::metrics::{compute, MetricId, Results};
use crate::core::sections::{Layout, PartSet};
use crate::core::units::{Locale, Text};

/// A new empty plain object.
fn obj() -> js_sys::Object {
    js_sys::Object::new()
}

/// Sets `target[key] = value` (cannot fail on a plain object).
fn put(target: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &value.into());
}

/// A number, or `null` when there is none.
fn number(v: Option<f64>) -> JsValue {
    v.map_or(JsValue::NULL, JsValue::from_f64)
}

/// A label in each locale, keyed by language tag.
fn labels(t: Text) -> js_sys::Object {
    let o = obj();
    for locale in Locale::ALL {
        put(&o, locale.tag(), t.get(locale));
    }
    o
}

fn input_infos() -> JsValue {
    let published = Inputs::published().resolve();
    let list = js_sys::Array::new();
    for id in InputId::ALL {
        let spec = id.spec();
        let o = obj();
        put(&o, "id", id.key());
        put(&o, "unit", spec.unit.key());
        put(&o, "label", labels(spec.label));
        put(&o, "default", number(published.values[id.index()]));
        put(&o, "min", spec.min);
        put(&o, "max", spec.max);
        put(&o, "minExclusive", spec.min_exclusive);
        put(&o, "step", spec.step);
        put(&o, "assumption", published.assumed[id.index()]);
        let source = match spec.default {
            DefaultRule::Figure(key) => figure(key).map(|f| {
                let src = obj();
                put(&src, "figure", f.key);
                put(&src, "qualifier", f.qualifier.key());
                put(&src, "quote", f.quote);
                if let Some(a) = article(f.article) {
                    put(&src, "article", a.id.to_string());
                    put(&src, "outlet", a.outlet);
                    put(&src, "title", a.title);
                    // `date` as it always was (the English); `dates` in each language.
                    put(&src, "date", a.date.en());
                    put(&src, "dates", labels(a.date));
                }
                JsValue::from(src)
            }),
            _ => None,
        };
        put(&o, "source", source.unwrap_or(JsValue::NULL));
        list.push(&o);
    }
    list.into()
}

fn metric_infos() -> JsValue {
    let list = js_sys::Array::new();
    for id in MetricId::ALL {
        let o = obj();
        put(&o, "id", id.key());
        put(&o, "unit", id.spec().unit.key());
        put(&o, "label", labels(id.spec().label));
        put(&o, "formula", id.formula(Locale::En));
        list.push(&o);
    }
    list.into()
}

/// What `compute()` and `get()` return, and a change event's `detail`:
/// `{ inputs: { id: number } /* changed only */, metrics: { id: number|null }, reasons: { id: text } }`.
pub(crate) fn computed(inputs: &Inputs, results: &Results) -> JsValue {
    let (changed, metrics, reasons) = (obj(), obj(), obj());
    for id in InputId::ALL {
        if let Some(v) = inputs.override_of(id) {
            put(&changed, id.key(), v);
        }
    }
    for id in MetricId::ALL {
        let o = results.get(id);
        put(&metrics, id.key(), number(o.value.ok()));
        if let Err(reason) = o.value {
            put(&reasons, id.key(), reason.describe(Locale::En));
        }
    }
    let out = obj();
    put(&out, "inputs", changed);
    put(&out, "metrics", metrics);
    put(&out, "reasons", reasons);
    out.into()
}

/// Reads a host's `{ id: number }` object into checked (input, value) pairs,
/// or an error naming every bad entry.
fn read_inputs(value: &JsValue) -> Result<Vec<(InputId, f64)>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(js_sys::Error::new(
            "klingCalc: inputs must be an object of { inputId: number }",
        )
        .into());
    }
    let mut ok = Vec::new();
    let mut problems = String::new();
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let problem = match (InputId::from_key(&key), pair.get(1).as_f64()) {
            (None, _) => String::from("Unknown input id"),
            (Some(_), None) => String::from("Not a number"),
            (Some(id), Some(v)) => match id.spec().check(v) {
                Ok(v) => {
                    ok.push((id, v));
                    continue;
                }
                Err(e) => e.describe(id.spec(), Locale::En),
            },
        };
        if !problems.is_empty() {
            problems.push_str("; ");
        }
        // Long or odd keys are cut so an error message stays readable.
        problems.push('"');
        problems.extend(key.chars().take(40));
        problems.push_str("\": ");
        problems.push_str(&problem);
    }
    if problems.is_empty() {
        Ok(ok)
    } else {
        Err(js_sys::Error::new(&["klingCalc: ", &problems].concat()).into())
    }
}

fn compute_js(value: JsValue) -> Result<JsValue, JsValue> {
    let mut inputs = Inputs::published();
    for (id, v) in read_inputs(&value)? {
        // Checked by read_inputs, so this cannot fail.
        let _ = inputs.set(id, v);
    }
    Ok(computed(&inputs, &compute(&inputs)))
}

/// An instance as the API sees it: mounted but not rendered yet (its
/// first render is scheduled), or live with its state handle.
// The pending variant is half a kilobyte, but a page holds a handful of slots;
// boxing it measured 100+ bytes of extra wasm for no benefit.
#[allow(clippy::large_enum_variant)]
enum Slot {
    /// Rendering is pending; `set()` calls wait in `queued`.
    Pending {
        inputs: Inputs,
        queued: Vec<(InputId, f64)>,
    },
    /// Rendered; the handle always holds the latest state.
    Live(UseReducerHandle<Calc>),
}

thread_local! {
    /// Every instance mounted through the API or at start-up, with its
    /// instance number. A short list: a page holds a handful of widgets, and a
    /// `Vec` costs far less wasm than a map.
    static INSTANCES: RefCell<Vec<(u32, Slot)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on the slot of `instance`, if it is mounted.
fn slot<R>(instance: u32, f: impl FnOnce(&mut Slot) -> R) -> Option<R> {
    INSTANCES.with(|m| {
        m.borrow_mut()
            .iter_mut()
            .find(|(n, _)| *n == instance)
            .map(|(_, s)| f(s))
    })
}

/// Notes an instance that has been mounted and will render shortly.
pub(crate) fn expect(instance: u32, inputs: Inputs) {
    INSTANCES.with(|m| {
        m.borrow_mut().push((
            instance,
            Slot::Pending {
                inputs,
                queued: Vec::new(),
            },
        ))
    });
}

/// Records (or refreshes) an instance's state handle, applying any `set()`
/// calls that arrived before its first render.
pub(crate) fn register(instance: u32, handle: UseReducerHandle<Calc>) {
    let previous = slot(instance, |s| {
        std::mem::replace(s, Slot::Live(handle.clone()))
    });
    match previous {
        Some(Slot::Pending { queued, .. }) if !queued.is_empty() => {
            handle.dispatch(Action::SetMany(queued));
        }
        Some(_) => {}
        // Dropped by the previous render's effect: live again.
        None => INSTANCES.with(|m| m.borrow_mut().push((instance, Slot::Live(handle)))),
    }
}

/// Forgets an instance when it unmounts.
pub(crate) fn unregister(instance: u32) {
    INSTANCES.with(|m| m.borrow_mut().retain(|(n, _)| *n != instance));
}

fn destroyed() -> JsValue {
    js_sys::Error::new("klingCalc: this widget has been destroyed").into()
}

fn set_on(instance: u32, pairs: Vec<(InputId, f64)>) -> Result<(), JsValue> {
    // Dispatch outside the registry borrow: a dispatch may re-render and re-register.
    let live = slot(instance, |s| match s {
        Slot::Live(h) => Some(h.clone()),
        Slot::Pending { inputs, queued } => {
            for &(id, v) in &pairs {
                let _ = inputs.set(id, v);
            }
            queued.extend(pairs.iter().copied());
            None
        }
    })
    .ok_or_else(destroyed)?;
    if let Some(h) = live {
        h.dispatch(Action::SetMany(pairs));
    }
    Ok(())
}

fn get_from(instance: u32) -> Result<JsValue, JsValue> {
    slot(instance, |s| match s {
        Slot::Live(h) => computed(&h.inputs, &h.results),
        Slot::Pending { inputs, .. } => computed(inputs, &compute(inputs)),
    })
    .ok_or_else(destroyed)
}

/// What `mount()` options say: language, parts to show, and starting inputs.
type MountOptions = (Locale, PartSet, Vec<(InputId, f64)>);

fn read_options(options: &JsValue) -> Result<MountOptions, JsValue> {
    let get = |name: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    if options.is_undefined() || options.is_null() {
        return Ok((Locale::Hant, PartSet::ALL, Vec::new()));
    }
    let lang = get("lang");
    let locale = match lang.as_string() {
        Some(tag) => Locale::from_tag(&tag).ok_or_else(|| {
            JsValue::from(js_sys::Error::new(
                "klingCalc: lang must be zh-Hant, zh-Hans or en",
            ))
        })?,
        None if lang.is_undefined() => Locale::Hant,
        None => return Err(js_sys::Error::new("klingCalc: lang must be a string").into()),
    };
    let parts = match get("sections").as_string() {
        Some(list) => {
            let (parts, unknown) = PartSet::parse(&list);
            if !unknown.is_empty() {
                // By hand: `join` would be a second copy of std's join code
                // in the wasm (the `concat` of `&str`s is the other).
                let mut message = String::from("klingCalc: unknown sections");
                for (n, name) in unknown.iter().enumerate() {
                    message.push_str(if n == 0 { ": " } else { ", " });
                    message.push_str(name);
                }
                return Err(js_sys::Error::new(&message).into());
            }
            parts
        }
        None => PartSet::ALL,
    };
    Ok((locale, parts, read_inputs(&get("inputs"))?))
}

/// The option `name` of `options`: `None` when absent, `Err` when not a string `valid` accepts.
fn attribute_option(
    options: &JsValue,
    name: &str,
    valid: fn(&str) -> bool,
) -> Result<Option<String>, ()> {
    let value =
        js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() {
        return Ok(None);
    }
    value.as_string().filter(|k| valid(k)).map(Some).ok_or(())
}

/// Mounts `element` with the options a host passed (checked: a bad one throws
/// and leaves the element as it was); returns the instance number.
fn mount_options(element: web_sys::Element, options: &JsValue) -> Result<u32, JsValue> {
    let (locale, parts, pairs) = read_options(options)?;
    // Both checked before either is set, so a rejected mount leaves the
    // element as it was. `data-layout` is read by `mount_with` like a page's
    // own; `data-theme` only by the stylesheet.
    let layout = attribute_option(options, "layout", |k| Layout::from_key(k).is_some())
        .map_err(|()| js_sys::Error::new("klingCalc: layout must be compact or full"))?;
    let theme = attribute_option(options, "theme", |k| matches!(k, "light" | "dark" | "auto"))
        .map_err(|()| js_sys::Error::new("klingCalc: theme must be light, dark or auto"))?;
    if let Some(key) = layout {
        let _ = element.set_attribute("data-layout", &key);
    }
    if let Some(key) = theme {
        let _ = element.set_attribute("data-theme", &key);
    }
    let mut inputs = Inputs::published();
    for (id, v) in pairs {
        let _ = inputs.set(id, v);
    }
    Ok(super::mount_with(element, locale, parts, inputs))
}

fn mount_js(element: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let element: web_sys::Element = element.dyn_into().map_err(|_| {
        JsValue::from(js_sys::Error::new(
            "klingCalc.mount: the first argument must be an element",
        ))
    })?;
    // Without options, an element mounts as the page's own do at start-up,
    // from its `data-*` attributes: how the loader mounts one added later.
    let instance = if options.is_undefined() {
        super::mount(element)
    } else {
        mount_options(element, &options)?
    };
    let handle = js_sys::Object::new();
    // The handle's methods are the shared functions of `install` bound to this
    // instance's number: no Rust closure per mount, so nothing to leak per cycle.
    HANDLE_FNS.with(|fns| {
        for (name, f) in ["set", "get", "destroy"]
            .into_iter()
            .zip(fns.borrow().iter())
        {
            put(
                &handle,
                name,
                f.bind1(&JsValue::NULL, &JsValue::from(instance)),
            );
        }
    });
    put(&handle, "instance", instance);
    Ok(handle.into())
}

thread_local! {
    /// `set`, `get` and `destroy` taking an instance number first, made once by
    /// [`install`] and bound per handle by `mount`.
    static HANDLE_FNS: RefCell<Vec<js_sys::Function>> = const { RefCell::new(Vec::new()) };
}

fn handle_fns() -> Vec<js_sys::Function> {
    let set = Closure::<dyn Fn(u32, JsValue) -> Result<JsValue, JsValue>>::new(
        |instance: u32, value: JsValue| {
            set_on(instance, read_inputs(&value)?)?;
            Ok(JsValue::UNDEFINED)
        },
    );
    let get = Closure::<dyn Fn(u32) -> Result<JsValue, JsValue>>::new(get_from);
    // Destroying twice, or a widget already gone, is a no-op.
    let destroy = Closure::<dyn Fn(u32)>::new(|instance: u32| {
        super::pool::release(instance);
        unregister(instance);
    });
    [
        set.into_js_value(),
        get.into_js_value(),
        destroy.into_js_value(),
    ]
    .into_iter()
    .map(JsCast::unchecked_into)
    .collect()
}

/// Publishes `window.klingCalc` (`start` announces it, once the start-up
/// widgets are complete).
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&api, &JsValue::from_str(name), value);
    };
    set("version", &JsValue::from_str(env!("CARGO_PKG_VERSION")));
    set("edition", &JsValue::from_str(crate::core::edition::EDITION));
    set(
        "inputs",
        &Closure::<dyn Fn() -> JsValue>::new(input_infos).into_js_value(),
    );
    set(
        "metrics",
        &Closure::<dyn Fn() -> JsValue>::new(metric_infos).into_js_value(),
    );
    set(
        "compute",
        &Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(compute_js).into_js_value(),
    );
    set(
        "mount",
        &Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(mount_js)
            .into_js_value(),
    );
    let fns = handle_fns();
    // A start-up widget fills its disclosures, once painted, through `set`
    // with no inputs (`Calc::complete`): install runs before those mounts.
    super::pool::keep_set(&fns[0]);
    HANDLE_FNS.with(|f| *f.borrow_mut() = fns);
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("klingCalc"), &api);
}

/// Dispatches `kling-calc:change` on an instance's mount element with the
/// changed inputs and every metric's value.
pub(crate) fn announce_change(host: &web_sys::Element, calc: &Calc) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&computed(&calc.inputs, &calc.results));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("kling-calc:change", &init) {
        let _ = host.dispatch_event(&event);
    }
}
