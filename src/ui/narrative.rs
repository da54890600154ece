//! Narrative paragraphs with inline adjustable numbers, in the style of an
//! "explorable explanation".
//!
//! Each section opens with a short paragraph that reads the current results
//! as prose. The paragraph is data (`data/narrative.toml`, compiled into each
//! [`crate::core::sections::Section`]'s [`Seg`] list), not hand-written markup
//! per language: the sentences are phrased so that the numbers come in the
//! same order in all three languages, which keeps one segment list per
//! section and the wasm small. Metric values are formatted
//! by the core; inputs are [`InlineNumber`]s a reader drags, steps with the
//! keyboard, or clicks to type into, all through the same [`Action`]s as the
//! main fields.

use yew::prelude::*;

use super::charts::Markup;
use super::js_number;
use super::state::{Action, CalcContext, Ctl, FieldError};
use crate::core::format::{format_value, scale_suffix};
use crate::core::inputs::{InputId, InputSpec};
use crate::core::metrics::Operand;
use crate::core::parse::parse_number;
use crate::core::sections::{Seg, SECTIONS};
use crate::core::units::{Locale, Qualifier};

/// The prose paragraph of one section, with live metrics and inline inputs
/// (a plain function: only the inline numbers hold state).
pub fn narrative(calc: &CalcContext, section: &'static str) -> Html {
    let locale = calc.locale;
    let Some(s) = SECTIONS.iter().find(|s| s.key == section) else {
        return Html::default();
    };
    // The text between two numbers is one raw node of escaped markup (text
    // costs far less wasm than `html!` nodes); it changes only with the language.
    let mut parts: Vec<Html> = Vec::new();
    let mut m = Markup(String::new());
    for seg in s.narrative {
        match *seg {
            Seg::Text(t) => m.body(t.get(locale)),
            Seg::Value(Operand::Input(id)) => {
                flush(&mut parts, &mut m);
                let r = calc.results.resolved();
                let value = (r.values[id.index()], r.qualifiers[id.index()]);
                parts.push(
                    html! { <InlineNumber calc={Ctl(calc.clone())} {id} {locale} {value} /> },
                );
            }
            Seg::Value(Operand::Metric(id)) => {
                // A yew node of its own, so a key press that moves the value
                // rewrites its text node, not the paragraph's text around it.
                flush(&mut parts, &mut m);
                let o = calc.results.get(id);
                // A metric that cannot be computed says why in its place, in
                // brackets, as its result does below: a tooltip on a dash
                // was out of reach on a phone.
                let text = match o.value {
                    Ok(v) => format_value(v, id.spec().unit, o.qualifier, locale),
                    Err(r) => ["(", &r.describe(locale), ")"].concat(),
                };
                parts.push(html! { <strong data-narrative-metric={id.key()}>{text}</strong> });
            }
        }
    }
    flush(&mut parts, &mut m);
    html! {
        <p class="kc-narrative" data-narrative={section}>{for parts}</p>
    }
}

/// Moves the markup gathered so far, if any, into `parts` as one raw node.
fn flush(parts: &mut Vec<Html>, m: &mut Markup) {
    if !m.0.is_empty() {
        parts.push(super::app::raw(std::mem::take(&mut m.0)));
    }
}

/// Properties of [`InlineNumber`].
#[derive(Properties, PartialEq)]
pub struct InlineNumberProps {
    /// The instance's state.
    pub calc: Ctl,
    /// The input the number shows and changes.
    pub id: InputId,
    /// The language.
    pub locale: Locale,
    /// The input's value now, and how exact it is: the props that change
    /// what the number shows, so it re-renders only when they do.
    pub value: (Option<f64>, Qualifier),
}

/// Horizontal pixels of drag per step: fine enough to reach any value on a
/// phone, coarse enough that a tap's jitter is not a change.
pub const PX_PER_STEP: i32 = 4;

/// The range an inline number moves in: the slider's, one step inside an
/// exclusive minimum, and widened to the current value when a reader typed
/// something beyond the slider's end (so stepping never snaps it back).
pub fn bounds(spec: &InputSpec, value: Option<f64>) -> (f64, f64) {
    let lo = if spec.min_exclusive && spec.slider_min() <= spec.min {
        spec.min + spec.step
    } else {
        spec.slider_min()
    };
    (lo, spec.slider_max.max(value.unwrap_or(lo)))
}

/// A drag in progress, from pointerdown to pointerup.
struct Drag {
    pointer: i32,
    x: i32,
    from: f64,
    hi: f64,
    last: f64,
    moved: bool,
}

/// The inline number's text box: closed, open, or open with its text refused
/// (why, shown beside it, and that text, which the box keeps showing to be
/// corrected: its `value` would otherwise put the current figure back).
#[derive(Clone, PartialEq)]
enum Edit {
    Closed,
    Open,
    Refused(FieldError, AttrValue),
}

/// What an inline number remembers between events without re-rendering.
#[derive(Default)]
struct Local {
    drag: Option<Drag>,
    /// True while the text box is live; a blur that arrives after Enter or
    /// Escape already closed it must not commit a second time.
    open: bool,
    /// Set when the keyboard closed the text box, so focus returns to the span.
    refocus: bool,
}

/// An adjustable number inside prose: a `role="slider"` span that steps with
/// the keyboard and with horizontal drags, and turns into a small text box on
/// click or Enter.
///
/// Drag listeners are yew's own `onpointer*` props on the span: pointer
/// capture keeps a drag's events on the element, so nothing is registered on
/// the document and yew removes the listeners when the span goes away.
#[function_component(InlineNumber)]
pub fn inline_number(props: &InlineNumberProps) -> Html {
    let calc = &props.calc;
    // One state, not two: each hook type is another copy of yew's generic
    // hook code in the wasm.
    let edit = use_state_eq(|| Edit::Closed);
    let editing = *edit != Edit::Closed;
    // One cell for all non-rendered state: each hook type is another copy
    // of yew's generic hook code in the wasm.
    let local = use_mut_ref(Local::default);
    let span_ref = use_node_ref();
    let input_ref = use_node_ref();

    let id = props.id;
    let spec = id.spec();
    let locale = props.locale;
    let label = spec.label.get(locale);
    let (value, qualifier) = props.value;
    let (lo, hi) = bounds(spec, value);
    let current = value.unwrap_or(lo);

    {
        let (span_ref, input_ref, local) = (span_ref.clone(), input_ref.clone(), local.clone());
        use_effect_with(editing, move |&editing| {
            if editing {
                if let Some(el) = input_ref.cast::<web_sys::HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            } else if std::mem::take(&mut local.borrow_mut().refocus) {
                if let Some(el) = span_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let start_editing = {
        let (edit, local) = (edit.clone(), local.clone());
        move || {
            local.borrow_mut().open = true;
            edit.set(Edit::Open);
        }
    };
    let close = {
        let (edit, local) = (edit.clone(), local.clone());
        move |keyboard: bool| {
            let mut l = local.borrow_mut();
            l.open = false;
            l.refocus = keyboard;
            drop(l);
            edit.set(Edit::Closed);
        }
    };

    if editing {
        // Takes the text only if the main field would: the same parser and
        // range check, then `Action::Edit`, so the field shows the same text.
        // Text left as the box opened with changes nothing: taking it would
        // turn a figure the reader only looked at ("超過3億元") into an exact
        // one of their own, and count it as changed.
        let accept = {
            let calc = calc.clone();
            move |text: String| -> Result<(), FieldError> {
                if text == calc.field_text(id).as_str() {
                    return Ok(());
                }
                let v =
                    parse_number(&text, spec.unit, calc.scale(id)).map_err(FieldError::Parse)?;
                spec.check(v).map_err(FieldError::Range)?;
                calc.0.dispatch(Action::Edit(id, AttrValue::from(text)));
                Ok(())
            }
        };
        let onkeydown = {
            let (accept, close, edit) = (accept.clone(), close.clone(), edit.clone());
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
                    let text = el.value();
                    match accept(text.clone()) {
                        Ok(()) => close(true),
                        Err(why) => edit.set(Edit::Refused(why, AttrValue::from(text))),
                    }
                }
                "Escape" => {
                    e.prevent_default();
                    close(true);
                }
                _ => {}
            })
        };
        let onblur = {
            let local = local.clone();
            Callback::from(move |e: FocusEvent| {
                let open = local.borrow().open;
                if open {
                    // Leaving the box keeps valid text and drops the rest.
                    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
                    let _ = accept(el.value());
                    close(false);
                }
            })
        };
        // The refusal beside the box, in a polite live region as under a field;
        // Enter again with other text retries, Escape leaves the figure as it was.
        let msg_id = calc.dom_id("inline-msg", id.key());
        let (text, why) = match &*edit {
            Edit::Refused(why, text) => (text.clone(), why.describe(id, locale)),
            _ => (calc.field_text(id), String::new()),
        };
        return html! {
            <span class="kc-inline-edit">
                <input ref={input_ref} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                    data-inline-edit={id.key()} aria-label={label} aria-invalid={super::input_field::aria(!why.is_empty())}
                    aria-describedby={msg_id.clone()} {onkeydown} {onblur}
                    value={text} />
                {super::input_field::suffix(scale_suffix(spec.unit, calc.scale(id), locale))}
                <span id={msg_id} class="kc-inline-msg kc-error" aria-live="polite">{why}</span>
            </span>
        };
    }

    let onkeydown = {
        let calc = calc.clone();
        let start_editing = start_editing.clone();
        Callback::from(move |e: KeyboardEvent| {
            let n = if e.shift_key() { 10.0 } else { 1.0 };
            let target = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => current + n * spec.step,
                "ArrowLeft" | "ArrowDown" => current - n * spec.step,
                "PageUp" => current + 10.0 * spec.step,
                "PageDown" => current - 10.0 * spec.step,
                "Home" => lo,
                "End" => spec.slider_max,
                "Enter" => {
                    e.prevent_default();
                    start_editing();
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            calc.0.dispatch(Action::Set(id, target.max(lo).min(hi)));
        })
    };
    // One handler for the four pointer events (each closure type is another
    // copy of yew's callback code in the wasm), told apart by the event type.
    let onpointer = {
        let (calc, span_ref) = (calc.clone(), span_ref.clone());
        Callback::from(move |e: PointerEvent| match e.type_().as_str() {
            "pointerdown" => {
                if !e.is_primary() || e.button() != 0 {
                    return;
                }
                // No text selection or native drag; focus is given explicitly.
                e.prevent_default();
                if let Some(el) = span_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                    // Fails only for a pointer that is already gone; the drag then
                    // still works while the pointer stays over the number.
                    let _ = el.set_pointer_capture(e.pointer_id());
                }
                local.borrow_mut().drag = Some(Drag {
                    pointer: e.pointer_id(),
                    x: e.client_x(),
                    from: current,
                    hi,
                    last: current,
                    moved: false,
                });
            }
            "pointermove" => {
                let mut local = local.borrow_mut();
                let Some(d) = local.drag.as_mut().filter(|d| d.pointer == e.pointer_id()) else {
                    return;
                };
                let dx = e.client_x() - d.x;
                d.moved |= dx.abs() >= PX_PER_STEP;
                if !d.moved {
                    return;
                }
                let v = (d.from + f64::from(dx / PX_PER_STEP) * spec.step)
                    .max(lo)
                    .min(d.hi);
                // Most moves stay within one step; only a new value re-renders.
                if v != d.last {
                    d.last = v;
                    calc.0.dispatch(Action::Set(id, v));
                }
            }
            "pointerup" => {
                let ended = local.borrow_mut().drag.take();
                if ended.is_some_and(|d| d.pointer == e.pointer_id() && !d.moved) {
                    start_editing();
                }
            }
            // pointercancel
            _ => local.borrow_mut().drag = None,
        })
    };
    // With the article's qualifier ("超過3億元", "≥ RMB 300 million") while the
    // figure is the published one, as the results that rest on it say.
    let text = format_value(value.unwrap_or(f64::NAN), spec.unit, qualifier, locale);
    html! {
        <span ref={span_ref} class="kc-inline" role="slider" tabindex="0" data-inline-input={id.key()}
            aria-label={label} aria-valuemin={js_number(lo)} aria-valuemax={js_number(hi)}
            aria-valuenow={value.map(js_number)} aria-valuetext={text.clone()}
            {onkeydown} onpointerdown={&onpointer} onpointermove={&onpointer} onpointerup={&onpointer} onpointercancel={onpointer}>{text}</span>
    }
}
