//! The root component of one widget instance.
//!
//! Owns the instance's [`Calc`] state (a `use_reducer`), shares it through a
//! context, and lays out the sections: each section lists its inputs as
//! labelled fields and its metrics as outputs, all driven by the core's tables.

use yew::prelude::*;

use super::input_field::InputField;
use super::metric_view::MetricView;
use super::state::{Action, Calc, CalcContext};
use crate::core::inputs::InputId;
use crate::core::metrics::MetricId;
use crate::core::units::{Locale, Text};

/// Properties of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The language to start in.
    pub locale: Locale,
    /// A number unique on the page, so element ids of two instances never clash.
    #[prop_or_default]
    pub instance: u32,
}

/// One section of the calculator: its heading, inputs and metrics.
struct Section {
    key: &'static str,
    title: Text,
    inputs: &'static [InputId],
    metrics: &'static [MetricId],
}

const SECTIONS: &[Section] = &[Section {
    key: "kling",
    title: Text {
        hant: "可靈",
        hans: "可灵",
        en: "Kling",
    },
    inputs: &[InputId::KlingRevenue2025q3, InputId::Revenue2025q3],
    metrics: &[MetricId::KlingShare2025q3],
}];

const TITLE: Text = Text {
    hant: "快手與可靈計算器",
    hans: "快手与可灵计算器",
    en: "Kuaishou & Kling calculator",
};
const RESET_ALL: Text = Text {
    hant: "全部還原為報道數字",
    hans: "全部还原为报道数字",
    en: "Reset all to published figures",
};
const LANGUAGE: Text = Text {
    hant: "語言",
    hans: "语言",
    en: "Language",
};

/// The widget: language switch, sections, global reset.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let calc = use_reducer(|| Calc::new(props.locale, props.instance));
    let locale = calc.locale;

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
            <button type="button" class="kc-lang" lang={l.tag()} aria-pressed={(l == locale).to_string()} {onclick}>{name}</button>
        }
    });
    let reset_all = {
        let calc = calc.clone();
        Callback::from(move |_| calc.dispatch(Action::ResetAll))
    };

    html! {
        <ContextProvider<CalcContext> context={calc.clone()}>
            <section class="kc" lang={locale.tag()} data-lang={locale.tag()}>
                <header class="kc-head">
                    <h2 class="kc-title">{TITLE.get(locale)}</h2>
                    <div class="kc-langs" role="group" aria-label={LANGUAGE.get(locale)}>{for lang_buttons}</div>
                </header>
                {for SECTIONS.iter().map(|s| html! {
                    <section class="kc-section" data-section={s.key}>
                        <h3>{s.title.get(locale)}</h3>
                        <div class="kc-inputs">{for s.inputs.iter().map(|&id| html! { <InputField {id} /> })}</div>
                        <div class="kc-metrics">{for s.metrics.iter().map(|&id| html! { <MetricView {id} /> })}</div>
                    </section>
                })}
                <button type="button" class="kc-reset-all" onclick={reset_all}>{RESET_ALL.get(locale)}</button>
            </section>
        </ContextProvider<CalcContext>>
    }
}
