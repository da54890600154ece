//! One metric: its value (or why it cannot be computed) and how it is computed.
//!
//! The `<output>` carries the page contract: `data-metric` is the metric id and
//! `data-value` its base-unit value, empty when the metric is not computable,
//! in which case the element's text gives the reason.

use yew::prelude::*;

use super::js_number;
use super::state::CalcContext;
use crate::core::format::format_value;
use crate::core::metrics::MetricId;
use crate::core::units::Text;

/// Properties of [`MetricView`].
#[derive(Properties, PartialEq, Clone)]
pub struct MetricViewProps {
    /// The metric shown.
    pub id: MetricId,
}

const HOW: Text = Text {
    hant: "計算方式",
    hans: "计算方式",
    en: "How",
};

/// Shows one metric of the instance's current results.
#[function_component(MetricView)]
pub fn metric_view(props: &MetricViewProps) -> Html {
    let calc = use_context::<CalcContext>().expect("MetricView outside the App context");
    let locale = calc.locale;
    let spec = props.id.spec();
    let outcome = calc.results.get(props.id);
    let (data_value, text) = match outcome.value {
        Ok(v) => (
            js_number(v),
            format_value(v, spec.unit, outcome.qualifier, locale),
        ),
        Err(reason) => (String::new(), reason.describe(locale)),
    };
    let label_id = calc.dom_id("m", props.id.key());
    html! {
        <div class="kc-metric">
            <span class="kc-metric-label" id={label_id.clone()}>{spec.label.get(locale)}</span>
            <output class="kc-value" data-metric={props.id.key()} data-value={data_value} aria-labelledby={label_id}>{text}</output>
            <details class="kc-how">
                <summary>{HOW.get(locale)}</summary>
                <p>{props.id.formula(locale)}</p>
                <p>{props.id.plugged(&calc.results, locale)}</p>
            </details>
        </div>
    }
}
