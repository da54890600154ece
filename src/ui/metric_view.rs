//! One metric: its value (or why it cannot be computed) and how it is computed.
//!
//! The `<output>` carries the page contract: `data-metric` is the metric id and
//! `data-value` its base-unit value, empty when the metric is not computable,
//! in which case the element's text gives the reason.

use yew::prelude::*;

use super::js_number;
use super::share_bar::copy;
use super::state::CalcContext;
use crate::core::export::citation;
use crate::core::figures::figure;
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
    let sources = props.id.sources(&calc.inputs);
    // Once asked for, the citation stays shown (and current) as a copy fallback.
    let cited = use_state(|| false);
    let cite = {
        let (calc, cited, id) = (calc.clone(), cited.clone(), props.id);
        Callback::from(move |_| {
            copy(
                &citation(id, &calc.results, &calc.inputs, calc.locale),
                Callback::noop(),
            );
            cited.set(true);
        })
    };
    html! {
        <div class="kc-metric">
            <span class="kc-metric-label" id={label_id.clone()}>{spec.label.get(locale)}</span>
            <output class={classes!("kc-value", outcome.value.is_err().then_some("kc-reason"))} data-metric={props.id.key()} data-value={data_value} aria-labelledby={label_id}>{text}</output>
            <details class="kc-how">
                <summary>{HOW.get(locale)}</summary>
                <p>{props.id.formula(locale)}</p>
                <p>{props.id.plugged(&calc.results, locale)}</p>
                if !outcome.rests_on.is_empty() {
                    <p>{RESTS_ON.get(locale)}{for outcome.rests_on.iter().enumerate().map(|(n, id)| html! {
                        <>{if n > 0 { SEP.get(locale) } else { "" }}{id.spec().label.get(locale)}</>
                    })}</p>
                }
                if !sources.is_empty() {
                    <p>{SOURCES.get(locale)}{for sources.iter().enumerate().map(|(n, key)| {
                        let label = figure(key).map_or(*key, |f| f.label.get(locale));
                        let article = figure(key).map_or('?', |f| f.article);
                        html! {
                            <>{if n > 0 { SEP.get(locale) } else { "" }}
                            <a href={["#", &calc.dom_id("fig", key)].concat()}>{label}{" ("}{article}{")"}</a></>
                        }
                    })}</p>
                }
                <button type="button" class="kc-cite" data-cite={props.id.key()} onclick={cite}>{CITE.get(locale)}</button>
                if *cited {
                    <textarea class="kc-citation" readonly=true aria-label={CITE.get(locale)}
                        value={citation(props.id, &calc.results, &calc.inputs, locale)} />
                }
            </details>
        </div>
    }
}
