//! A labelled text field for one input, with its error message and reset.
//!
//! Every keystroke dispatches [`Action::Edit`]; the state decides whether the
//! text is taken. A rejected entry marks the field `aria-invalid` and shows a
//! message in a polite live region, while results keep the last valid value.

use yew::prelude::*;

use super::state::{Action, CalcContext};
use crate::core::format::scale_suffix;
use crate::core::inputs::InputId;
use crate::core::units::Text;

/// Properties of [`InputField`].
#[derive(Properties, PartialEq, Clone)]
pub struct InputFieldProps {
    /// The input this field edits.
    pub id: InputId,
}

const RESET: Text = Text {
    hant: "還原",
    hans: "还原",
    en: "Reset",
};
const CHANGED: Text = Text {
    hant: "已改動,報道數字為",
    hans: "已改动,报道数字为",
    en: "changed; published figure",
};

/// The field of one input, bound to the instance's state.
#[function_component(InputField)]
pub fn input_field(props: &InputFieldProps) -> Html {
    let calc = use_context::<CalcContext>().expect("InputField outside the App context");
    let id = props.id;
    let spec = id.spec();
    let locale = calc.locale;
    let dom_id = calc.dom_id("in", id.key());
    let msg_id = calc.dom_id("msg", id.key());
    let field = &calc.fields[id as usize];
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
    html! {
        <div class={classes!("kc-field", changed.then_some("kc-changed"))}>
            <label for={dom_id.clone()}>{label}</label>
            <div class="kc-field-row">
                <input id={dom_id} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                    data-input={id.key()} value={calc.field_text(id)}
                    aria-invalid={field.error.is_some().to_string()} aria-describedby={msg_id.clone()} {oninput} />
                <span class="kc-suffix" aria-hidden="true">{scale_suffix(spec.unit, calc.scale(id), locale)}</span>
                if changed {
                    <button type="button" class="kc-reset" onclick={reset}
                        aria-label={[RESET.get(locale), " ", label].concat()}>{RESET.get(locale)}</button>
                }
            </div>
            <p id={msg_id} class="kc-msg" aria-live="polite">
                if let Some(err) = field.error {
                    <span class="kc-error">{err.message(locale)}</span>
                } else if changed {
                    <span class="kc-note">{CHANGED.get(locale)}{" "}{calc.published_text(id)}</span>
                }
            </p>
        </div>
    }
}
