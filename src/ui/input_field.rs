//! A labelled text field for one input, with its error message and reset.
//!
//! Every keystroke dispatches [`Action::Edit`]; the state decides whether the
//! text is taken. A rejected entry marks the field `aria-invalid` and shows a
//! message in a polite live region, while results keep the last valid value.

use crate::core::units::t;
use yew::prelude::*;

use super::charts::Markup;
use super::js_number;
use super::state::{Action, Ctl, FieldError};
use crate::core::format::{format_value, scale_suffix};
use crate::core::inputs::InputId;
use crate::core::units::{Locale, Qualifier, Text};

const RESET: Text = t!("還原", "还原", "Reset");
const SLIDER: Text = t!("(滑桿)", "(滑杆)", " (slider)");
const STILL_USING: Text = t!("計算仍用:", "计算仍用:", " Still using: ");
/// Then the published figure, right after it in Chinese ("報道數字為355.54億元").
const CHANGED: Text = t!(
    "已改動,報道數字為",
    "已改动,报道数字为",
    "Changed; published figure "
);
/// A field still empty (or refused) where no article gives the figure: the
/// results that need it say so, and nothing stands in for it.
const NOTHING_USED: Text = t!(
    "報道沒有這個數字,填入後才能計算需要它的結果。",
    "报道没有这个数字,填入后才能计算需要它的结果。",
    " No article gives this figure: enter it to compute the results that need it.",
);
/// What a field no article gives says once the reader has entered a value.
const UNPUBLISHED: Text = t!(
    "已填入;報道沒有這個數字",
    "已填入;报道没有这个数字",
    "Entered; no article gives this figure",
);

/// An ARIA boolean (`aria-invalid`, `aria-pressed`) as its attribute text,
/// without `bool`'s `Display` and a `String` per use.
pub(super) fn aria(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// A field's scale (億, million, %…) after it, hidden from screen readers
/// (the label names the unit), as one raw node of markup text.
pub(super) fn suffix(text: &str) -> Html {
    let mut m = Markup(String::with_capacity(64));
    m.0.push_str("<span class=\"kc-suffix\" aria-hidden=\"true\">");
    m.body(text);
    m.0.push_str("</span>");
    super::app::raw(m.0)
}

/// Properties of [`InputField`]: what the field shows, so yew re-renders it
/// only when its own text, value or error changed.
#[derive(Properties, PartialEq)]
pub struct InputFieldProps {
    /// The instance, for actions.
    pub ctl: Ctl,
    /// The input.
    pub id: InputId,
    /// The language.
    pub locale: Locale,
    /// The text in the field: the reader's draft, or the current value formatted.
    pub text: AttrValue,
    /// Why the draft was not taken, if it was not.
    pub error: Option<FieldError>,
    /// The input's value now (a derived default follows other inputs).
    pub value: Option<f64>,
    /// Whether the reader changed it from the article's figure.
    pub changed: bool,
}

/// The props of the field of `id` in the instance's current state.
pub fn field_props(ctl: &Ctl, id: InputId) -> InputFieldProps {
    InputFieldProps {
        ctl: ctl.clone(),
        id,
        locale: ctl.locale,
        text: ctl.field_text(id),
        error: ctl.fields[id.index()].error,
        value: ctl.results.resolved().values[id.index()],
        changed: ctl.inputs.is_changed(id),
    }
}

/// The field of one input: label, text field with its scale, reset,
/// slider, and the message under it.
#[function_component(InputField)]
pub fn input_field(props: &InputFieldProps) -> Html {
    let InputFieldProps {
        ctl: calc,
        id,
        locale,
        error,
        value,
        changed,
        ..
    } = props;
    let (id, locale, value, changed) = (*id, *locale, *value, *changed);
    let spec = id.spec();
    let dom_id = calc.dom_id("in", id.key());
    let msg_id = calc.dom_id("msg", id.key());
    // One handler for the text field and the slider (each closure type is
    // another copy of yew's callback code in the wasm): typed text goes
    // through the parser, a slider position is a value.
    let oninput = {
        let calc = calc.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            // Only the slider has a `min` (read so, no extra JS import for `type`).
            if el.has_attribute("min") {
                let v = el.value_as_number();
                if v.is_finite() {
                    calc.0.dispatch(Action::Set(id, v));
                }
            } else {
                calc.0
                    .dispatch(Action::Edit(id, AttrValue::from(el.value())));
            }
        })
    };
    let reset = {
        let calc = calc.clone();
        Callback::from(move |_| calc.0.dispatch(Action::Reset(id)))
    };
    let label = spec.label.get(locale);
    // An exclusive minimum (growth > −100%) starts the slider one step inside.
    let lo = if spec.min_exclusive && spec.slider_min() <= spec.min {
        spec.min + spec.step
    } else {
        spec.slider_min()
    };
    let hi = spec.slider_max.max(value.unwrap_or(lo));
    let slider_value = js_number(value.unwrap_or(lo).max(lo).min(hi));
    // The message under the field, as escaped markup text.
    let mut msg = Markup(String::new());
    // A field still empty where no article gives the figure says what waits
    // for it, as a refused one does: the box alone would not say why it is blank.
    let note = if error.is_some() || value.is_none() {
        if let Some(err) = error {
            msg.0.push_str("<span class=\"kc-error\">");
            msg.body(&err.describe(id, locale));
            msg.0.push_str("</span>");
        }
        Some(match value {
            Some(v) => (
                STILL_USING.get(locale),
                format_value(v, spec.unit, Qualifier::Exact, locale),
            ),
            None => (NOTHING_USED.get(locale), String::new()),
        })
    } else if changed {
        Some(match calc.published_text(id) {
            Some(text) => (CHANGED.get(locale), text),
            None => (UNPUBLISHED.get(locale), String::new()),
        })
    } else {
        None
    };
    if let Some((words, value)) = note {
        msg.0.push_str("<span class=\"kc-note\">");
        msg.body(words);
        msg.body(&value);
        msg.0.push_str("</span>");
    }
    let body = html! {
        <>
            {super::app::text_el("label", "", ("for", &dom_id), label)}
            <div class="kc-field-row">
                <input id={&dom_id} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                    data-input={id.key()} value={props.text.clone()}
                    aria-invalid={aria(error.is_some())} aria-describedby={msg_id.clone()} oninput={&oninput} />
                {suffix(scale_suffix(spec.unit, calc.scale(id), locale))}
                if changed {
                    <button type="button" class="kc-reset" onclick={reset}
                        aria-label={[RESET.get(locale), " ", label].concat()}>{RESET.get(locale)}</button>
                }
            </div>
            <input type="range" class="kc-slider" min={js_number(lo)} max={js_number(hi)} step={js_number(spec.step)}
                value={slider_value} aria-label={[label, SLIDER.get(locale)].concat()}
                aria-valuetext={value.map(|v| format_value(v, spec.unit, Qualifier::Exact, locale)).unwrap_or_default()}
                {oninput} />
            <p id={msg_id} class="kc-msg" aria-live="polite">{super::app::raw(msg.0)}</p>
        </>
    };
    field_box(
        if changed {
            "kc-field kc-changed"
        } else {
            "kc-field"
        },
        body,
    )
}

/// A field's box. Its class is the `className` property in the client (a
/// plain string; `class` goes through yew's `Classes` set), and the attribute
/// in the pre-render, where there is no DOM to set a property on.
#[cfg(target_arch = "wasm32")]
fn field_box(class: &'static str, body: Html) -> Html {
    html! { <div ~className={class}>{body}</div> }
}

/// The pre-render's [`field_box`] (native, server-side rendering).
#[cfg(not(target_arch = "wasm32"))]
fn field_box(class: &'static str, body: Html) -> Html {
    html! { <div class={class}>{body}</div> }
}
