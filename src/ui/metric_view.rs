//! One metric: its value (or why it cannot be computed) and how it is computed.
//!
//! The `<output>` carries the page contract: `data-metric` is the metric id and
//! `data-value` its base-unit value, empty when the metric is not computable,
//! in which case the element's text gives the reason.

use yew::prelude::*;

use super::charts::Markup;
use super::js_number;
use super::share_bar::copy;
use super::state::{Action, CalcContext};
use crate::core::export::citation;
use crate::core::figures::figure;
use crate::core::format::format_value;
use crate::core::inputs::InputSet;
use crate::core::metrics::MetricId;
use crate::core::units::Text;

const HOW: Text = Text {
    hant: "計算方式",
    hans: "计算方式",
    en: "How",
};

const RESTS_ON: Text = Text {
    hant: "近似或下限數字:",
    hans: "近似或下限数字:",
    en: "Rests on approximate, floor or assumed figures: ",
};
const SOURCES: Text = Text {
    hant: "來源:",
    hans: "来源:",
    en: "Sources: ",
};
const CITE: Text = Text {
    hant: "複製引用",
    hans: "复制引用",
    en: "Copy citation",
};
const SEP: Text = Text {
    hant: "、",
    hans: "、",
    en: ", ",
};

/// Shows one metric of the instance's current results; whether its citation
/// is shown is kept in the instance's state ([`Calc::cited`](super::state::Calc::cited)).
pub fn metric_view(calc: &CalcContext, id: MetricId) -> Html {
    let locale = calc.locale;
    let spec = id.spec();
    let outcome = calc.results.get(id);
    let (data_value, text) = match outcome.value {
        Ok(v) => (
            js_number(v),
            format_value(v, spec.unit, outcome.qualifier, locale),
        ),
        Err(reason) => (String::new(), reason.describe(locale)),
    };
    let label_id = calc.dom_id("m", id.key());
    // Once asked for, the citation stays shown (and current) as a copy fallback.
    let cite = {
        let calc = calc.clone();
        Callback::from(move |_| {
            copy(
                &citation(id, &calc.results, &calc.inputs, calc.locale),
                Callback::noop(),
            );
            calc.dispatch(Action::Cite(id));
        })
    };
    let ontoggle = {
        let calc = calc.clone();
        Callback::from(move |e: Event| {
            // `open` is a reflected attribute: no HtmlDetailsElement binding needed.
            let details: web_sys::Element = e.target_unchecked_into();
            calc.dispatch(Action::Explain(id, details.has_attribute("open")));
        })
    };
    // Built only while the disclosure is open (see `Calc::explained`).
    let explanation = calc
        .is_explained(id)
        .then(|| explanation(calc, id, &outcome.rests_on));
    html! {
        <div class="kc-metric">
            <span class="kc-metric-label" id={label_id.clone()}>{spec.label.get(locale)}</span>
            <output class={classes!("kc-value", outcome.value.is_err().then_some("kc-reason"))} data-metric={id.key()} data-value={data_value} aria-labelledby={label_id}>{text}</output>
            <details class="kc-how" {ontoggle}>
                <summary>{HOW.get(locale)}</summary>
                if let Some(text) = explanation {
                    {Html::from_html_unchecked(AttrValue::from(text))}
                }
                <button type="button" class="kc-cite" data-cite={id.key()} onclick={cite}>{CITE.get(locale)}</button>
                if calc.is_cited(id) {
                    <textarea class="kc-citation" readonly=true aria-label={CITE.get(locale)}
                        value={citation(id, &calc.results, &calc.inputs, locale)} />
                }
            </details>
        </div>
    }
}

/// The paragraphs of a metric's "how" disclosure: formula in words, formula
/// with the current numbers, the inputs it rests on, and links to its sources.
/// Plain text and links, so built as escaped markup: text costs far less wasm
/// than `html!` nodes for a view rendered 42 times.
fn explanation(calc: &CalcContext, id: MetricId, rests_on: &InputSet) -> String {
    let locale = calc.locale;
    let sources = id.sources(&calc.inputs);
    let mut explanation = Markup(String::with_capacity(512));
    explanation.0.push_str("<p>");
    explanation.body(&id.formula(locale));
    explanation.0.push_str("</p><p>");
    explanation.body(&id.plugged(&calc.results, locale));
    explanation.0.push_str("</p>");
    if !rests_on.is_empty() {
        explanation.0.push_str("<p>");
        explanation.body(RESTS_ON.get(locale));
        for (n, id) in rests_on.iter().enumerate() {
            explanation.body(if n > 0 { SEP.get(locale) } else { "" });
            explanation.body(id.spec().label.get(locale));
        }
        explanation.0.push_str("</p>");
    }
    if !sources.is_empty() {
        explanation.0.push_str("<p>");
        explanation.body(SOURCES.get(locale));
        for (n, key) in sources.iter().enumerate() {
            let label = figure(key).map_or(*key, |f| f.label.get(locale));
            let article = figure(key).map_or('?', |f| f.article);
            explanation.body(if n > 0 { SEP.get(locale) } else { "" });
            explanation.open("a", "");
            explanation.attr("href", &["#", &calc.dom_id("fig", key)].concat());
            explanation.0.push('>');
            explanation.body(label);
            explanation.0.push_str(" (");
            explanation.0.push(article);
            explanation.0.push_str(")</a>");
        }
        explanation.0.push_str("</p>");
    }
    explanation.0
}

/// Properties of [`MetricView`].
#[derive(Properties, PartialEq)]
pub struct MetricViewProps {
    /// The instance's state.
    pub calc: CalcContext,
    /// The metric shown.
    pub id: MetricId,
}

/// [`metric_view`] as a component of its own, so each metric renders on its own.
///
/// Called straight from `App`'s render, the 42 metrics' nodes and explanation
/// texts all exist at once next to the previous ones: after the mount/destroy
/// cycles of `tests/e2e/leaks.test.mjs` that peak took two more 64 KiB pages of
/// wasm memory during edits (a one-time step, flat afterwards; the test allows
/// one). As a component the step stays at one page, for 641 B more gzip.
#[function_component(MetricView)]
pub fn metric_view_component(props: &MetricViewProps) -> Html {
    metric_view(&props.calc, props.id)
}
