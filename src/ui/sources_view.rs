//! The sources: the eight articles and, under each, the figures taken from it
//! with the Chinese quote each comes from. Metric explanations link here.

use yew::prelude::*;

use super::state::CalcContext;
use crate::core::figures::{ARTICLES, FIGURES};
use crate::core::format::format_value;
use crate::core::units::Text;

const TITLE: Text = Text {
    hant: "資料來源",
    hans: "资料来源",
    en: "Sources",
};
const NOTE: Text = Text {
    hant: "每個數字都附有出處原文。",
    hans: "每个数字都附有出处原文。",
    en: "Each figure is shown with the Chinese text it is taken from.",
};

/// The list of articles with their figures and quotes.
#[function_component(SourcesView)]
pub fn sources_view() -> Html {
    let calc = use_context::<CalcContext>().expect("SourcesView outside the App context");
    let locale = calc.locale;
    let heading = calc.dom_id("h", "sources");
    let articles = ARTICLES.iter().map(|a| {
        let figures = FIGURES.iter().filter(|f| f.article == a.id).map(|f| {
            html! {
                <li id={calc.dom_id("fig", f.key)} data-figure={f.key}>
                    {f.label.get(locale)}{": "}<strong>{format_value(f.value, f.unit, f.qualifier, locale)}</strong>
                    {" — "}<q lang="zh-Hant">{f.quote}</q>
                </li>
            }
        });
        html! {
            <li id={calc.dom_id("art", a.id.encode_utf8(&mut [0; 4]))} data-article={a.id.encode_utf8(&mut [0; 4]).to_string()}>
                <span class="kc-art">{a.id}{". "}{a.outlet}{" · "}<cite lang="zh-Hant">{a.title}</cite>{" · "}{a.date}</span>
                <ul class="kc-figs">{for figures}</ul>
            </li>
        }
    });
    html! {
        <section class="kc-section kc-sources" data-section="sources" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{TITLE.get(locale)}</h3>
            <p class="kc-note">{NOTE.get(locale)}</p>
            <ol class="kc-articles">{for articles}</ol>
        </section>
    }
}
