//! A labelled text field for one input, with its error message and reset.
//!
//! Every keystroke dispatches [`Action::Edit`]; the state decides whether the
//! text is taken. A rejected entry marks the field `aria-invalid` and shows a
//! message in a polite live region, while results keep the last valid value.

use yew::prelude::*;

use super::js_number;
use super::state::{Action, CalcContext};
use crate::core::format::{format_value, scale_suffix};
use crate::core::inputs::InputId;
use crate::core::units::{Qualifier, Text};

const RESET: Text = Text {
    hant: "還原",
    hans: "还原",
    en: "Reset",
};
const SLIDER: Text = Text {
    hant: "(滑桿)",
    hans: "(滑杆)",
    en: " (slider)",
};
const STILL_USING: Text = Text {
    hant: "計算仍用:",
    hans: "计算仍用:",
    en: " Still using: ",
};
const CHANGED: Text = Text {
    hant: "已改動,報道數字為",
    hans: "已改动,报道数字为",
    en: "changed; published figure",
};

/// An ARIA boolean (`aria-invalid`, `aria-pressed`) as its attribute text,
/// without `bool`'s `Display` and a `String` per use.
pub(super) fn aria(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// The field of one input, bound to the instance's state.
///
/// A plain function, not a component: it holds no state of its own, and each
/// component type is another copy of yew's lifecycle code in the wasm.
pub fn input_field(calc: &CalcContext, id: InputId) -> Html {
    let spec = id.spec();
    let locale = calc.locale;
    let dom_id = calc.dom_id("in", id.key());
    let msg_id = calc.dom_id("msg", id.key());
    let field = &calc.fields[id.index()];
    let oninput = {
        let calc = calc.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            calc.dispatch(Action::Edit(id, AttrValue::from(el.value())));
        })
    };
    let changed = calc.inputs.is_changed(id);
    let reset = {
        let calc = calc.clone();
        Callback::from(move |_| calc.dispatch(Action::Reset(id)))
    };
    let label = spec.label.get(locale);
    let value = calc.results.resolved().values[id.index()];
    let onslide = {
        let calc = calc.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let v = el.value_as_number();
            if v.is_finite() {
                calc.dispatch(Action::Set(id, v));
            }
        })
    };
    // An exclusive minimum (growth > −100%) starts the slider one step inside.
    let lo = if spec.min_exclusive && spec.slider_min() <= spec.min {
        spec.min + spec.step
    } else {
        spec.slider_min()
    };
    let hi = spec.slider_max.max(value.unwrap_or(lo));
    let slider_value = js_number(value.unwrap_or(lo).max(lo).min(hi));
    html! {
        <div class={classes!("kc-field", changed.then_some("kc-changed"))}>
            <label for={dom_id.clone()}>{label}</label>
            <div class="kc-field-row">
                <input id={dom_id} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                    data-input={id.key()} value={calc.field_text(id)}
                    aria-invalid={aria(field.error.is_some())} aria-describedby={msg_id.clone()} {oninput} />
                <span class="kc-suffix" aria-hidden="true">{scale_suffix(spec.unit, calc.scale(id), locale)}</span>
                if changed {
                    <button type="button" class="kc-reset" onclick={reset}
                        aria-label={[RESET.get(locale), " ", label].concat()}>{RESET.get(locale)}</button>
                }
            </div>
            <input type="range" class="kc-slider" min={js_number(lo)} max={js_number(hi)} step={js_number(spec.step)}
                value={slider_value} aria-label={[label, SLIDER.get(locale)].concat()}
                aria-valuetext={value.map(|v| format_value(v, spec.unit, Qualifier::Exact, locale)).unwrap_or_default()}
                oninput={onslide} />
            <p id={msg_id} class="kc-msg" aria-live="polite">
                if let Some(err) = field.error {
                    <span class="kc-error">{err.describe(id, locale)}</span>
                    <span class="kc-note">{STILL_USING.get(locale)}{value.map_or_else(|| String::from("—"), |v| format_value(v, spec.unit, Qualifier::Exact, locale))}</span>
                } else if changed {
                    <span class="kc-note">{CHANGED.get(locale)}{" "}{calc.published_text(id)}</span>
                }
            </p>
        </div>
    }
}
