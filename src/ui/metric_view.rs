//! One metric: its value (or why it cannot be computed) and how it is computed.
//!
//! The `<output>` carries the page contract: `data-metric` is the metric id and
//! `data-value` its base-unit value, empty when the metric is not computable,
//! in which case the element's text gives the reason.

use crate::core::units::t;
use yew::prelude::*;

use super::charts::Markup;
use super::js_number;
use super::share_bar::copy;
use super::state::{Action, Calc, Ctl};
use crate::core::export::citation;
use crate::core::figures::figure;
use crate::core::format::format_value;
use crate::core::inputs::InputSet;
use crate::core::metrics::{MetricId, Outcome};
use crate::core::units::{Locale, Text};

const HOW: Text = t!("計算方式", "计算方式", "How");

const RESTS_ON: Text = t!(
    "近似或下限數字:",
    "近似或下限数字:",
    "Rests on approximate, floor or assumed figures: "
);
const SOURCES: Text = t!("來源:", "来源:", "Sources: ");
const CITE: Text = t!("複製引用", "复制引用", "Copy citation");
const SEP: Text = t!("、", "、", ", ");

const AT_PUBLISHED: Text = t!("按報道數字:", "按报道数字:", "at published figures: ");

/// A result's `data-value` (its base-unit value, empty when it has none) and
/// its text (the value, or why it cannot be computed).
fn value_text(id: MetricId, o: &Outcome, locale: Locale) -> (String, String) {
    match o.value {
        Ok(v) => (
            js_number(v),
            format_value(v, id.spec().unit, o.qualifier, locale),
        ),
        Err(reason) => (String::new(), reason.describe(locale)),
    }
}

/// "at published figures: ≥ 0.84%" when the reader's inputs moved a result away from what
/// the published figures give, so a scenario always shows how far it went:
/// appended to `m` as markup text (nothing when the result did not move).
fn published_line(
    m: &mut Markup,
    id: MetricId,
    now: &Outcome,
    published: &Outcome,
    locale: Locale,
) {
    if let Ok(v) = published.value {
        if now.value != published.value {
            m.open("span", "kc-was");
            m.attr("data-published", &js_number(v));
            m.0.push('>');
            m.body(AT_PUBLISHED.get(locale));
            m.body(&format_value(
                v,
                id.spec().unit,
                published.qualifier,
                locale,
            ));
            m.0.push_str("</span>");
        }
    }
}

/// Properties of [`MetricView`]: the values it shows, so yew re-renders it
/// only when one of them changed.
#[derive(Properties, PartialEq)]
pub struct MetricViewProps {
    /// The instance, for actions and for the citation's current numbers.
    pub ctl: Ctl,
    /// The metric shown.
    pub id: MetricId,
    /// The language.
    pub locale: Locale,
    /// Its outcome now.
    pub outcome: Outcome,
    /// Its outcome at the published figures.
    pub published: Outcome,
    /// Whether its "how" is open and its citation shown; while either is,
    /// the inputs' generation, since their text quotes every operand.
    pub detail: (bool, bool, u32),
}

/// One metric: value, "at published figures: …" when moved, and its "how" disclosure
/// with the citation; whether the citation is shown is kept in the
/// instance's state ([`Calc::cited`](super::state::Calc::cited)).
///
/// A component of its own, so only the results whose values change re-render
/// on a key press. (It also keeps the peak of wasm memory during edits at one
/// page after the mount/destroy cycles of `tests/e2e/leaks.test.mjs`.)
#[function_component(MetricView)]
pub fn metric_view(props: &MetricViewProps) -> Html {
    let MetricViewProps {
        ctl,
        id,
        locale,
        outcome,
        published,
        detail: (explained, cited, _),
    } = props;
    let (id, locale) = (*id, *locale);
    let (data_value, text) = value_text(id, outcome, locale);
    let label_id = ctl.dom_id("m", id.key());
    // Once asked for, the citation stays shown (and current) as a copy fallback.
    let cite = {
        let ctl = ctl.clone();
        Callback::from(move |_| {
            copy(
                &citation(id, &ctl.results, &ctl.inputs, ctl.locale),
                Callback::noop(),
            );
            ctl.0.dispatch(Action::Cite(id));
        })
    };
    let ontoggle = {
        let ctl = ctl.clone();
        Callback::from(move |e: Event| {
            // `open` is a reflected attribute: no HtmlDetailsElement binding needed.
            let details: web_sys::Element = e.target_unchecked_into();
            ctl.0
                .dispatch(Action::Explain(id, details.has_attribute("open")));
        })
    };
    // Built only while the disclosure is open (see `Calc::explained`).
    let explanation = explained.then(|| explanation(ctl, id, &outcome.rests_on));
    let mut was = Markup(String::new());
    published_line(&mut was, id, outcome, published, locale);
    html! {
        <div class="kc-metric">
            {super::app::text_el("span", "kc-metric-label", ("id", &label_id), id.spec().label.get(locale))}
            {value_output(if outcome.value.is_err() { "kc-value kc-reason" } else { "kc-value" }, id.key(), data_value, &label_id, text)}
            if !was.0.is_empty() {
                {super::app::raw(was.0)}
            }
            <details class="kc-how" {ontoggle}>
                {super::app::text_el("summary", "", ("", ""), HOW.get(locale))}
                if let Some(text) = explanation {
                    {super::app::raw(text)}
                }
                <button type="button" class="kc-cite" data-cite={id.key()} onclick={cite}>{CITE.get(locale)}</button>
                if *cited {
                    <textarea class="kc-citation" readonly=true aria-label={CITE.get(locale)}
                        value={citation(id, &ctl.results, &ctl.inputs, locale)} />
                }
            </details>
        </div>
    }
}

/// A section's headline results, large, each with "at published figures: …" when
/// moved. Not `<output>`s and without `data-metric`: the page contract's
/// one element per metric is the [`MetricView`] under "All results".
/// Text only, so built as escaped markup: far less wasm than `html!` nodes.
/// The row is [`patched`](super::app::patched): a key press updates the
/// values that moved, not every card's nodes.
pub fn headlines(ids: &[MetricId], calc: &Calc) -> Html {
    let locale = calc.locale;
    let mut m = Markup(String::with_capacity(1024));
    for &id in ids {
        let outcome = calc.results.get(id);
        let (data_value, text) = value_text(id, outcome, locale);
        m.open("div", "kc-card");
        m.attr("data-headline", id.key());
        m.0.push('>');
        m.open("span", "kc-card-label");
        m.0.push('>');
        m.body(id.spec().label.get(locale));
        m.0.push_str("</span>");
        m.open(
            "span",
            if outcome.value.is_err() {
                "kc-card-value kc-reason"
            } else {
                "kc-card-value"
            },
        );
        m.attr("data-value", &data_value);
        m.0.push('>');
        m.body(&text);
        m.0.push_str("</span>");
        published_line(&mut m, id, outcome, calc.published.get(id), locale);
        m.0.push_str("</div>");
    }
    super::app::patched("kc-cards", m.0)
}

/// The paragraphs of a metric's "how" disclosure: formula in words, formula
/// with the current numbers, the inputs it rests on, and links to its sources.
/// Plain text and links, so built as escaped markup: text costs far less wasm
/// than `html!` nodes for a view rendered 42 times.
fn explanation(calc: &Calc, id: MetricId, rests_on: &InputSet) -> String {
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

/// A metric's `<output>` (the page contract's `data-metric`/`data-value`).
/// Its class is the `className` property in the client (a plain string;
/// `class` goes through yew's `Classes` set), the attribute in the pre-render.
#[cfg(target_arch = "wasm32")]
fn value_output(
    class: &'static str,
    key: &'static str,
    value: String,
    label: &str,
    text: String,
) -> Html {
    html! { <output ~className={class} data-metric={key} data-value={value} aria-labelledby={label.to_string()}>{text}</output> }
}

/// The pre-render's [`value_output`] (native, server-side rendering).
#[cfg(not(target_arch = "wasm32"))]
fn value_output(
    class: &'static str,
    key: &'static str,
    value: String,
    label: &str,
    text: String,
) -> Html {
    html! { <output class={class} data-metric={key} data-value={value} aria-labelledby={label.to_string()}>{text}</output> }
}
