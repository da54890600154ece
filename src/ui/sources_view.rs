//! The sources: the eight articles and, under each, the figures taken from it
//! with the Chinese quote each comes from. Metric explanations link here.

use crate::core::units::t;
use yew::prelude::*;

use super::charts::Markup;
use super::state::Calc;
use crate::core::figures::{ARTICLES, FIGURES};
use crate::core::format::format_money_to;
use crate::core::sections::Layout;
use crate::core::units::Text;

/// The section's heading (also the editor's kit's name for it).
pub const TITLE: Text = t!("資料來源", "资料来源", "Sources");
const NOTE: Text = t!(
    "每個數字都附有出處原文。",
    "每个数字都附有出处原文。",
    "Each figure is shown with the Chinese text it is taken from."
);

const SHOW: Text = t!(
    "顯示報道與原文",
    "显示报道与原文",
    "Show the articles and quotes"
);

/// The list of articles with their figures and quotes.
///
/// The list's 8 articles and 87 figures are built as escaped markup text (see
/// [`Markup`]) rather than `html!` nodes: they change only with the language,
/// and text costs far less wasm than a node per element. The ids and `data-*`
/// attributes are those metric explanations link to and tests look for.
///
/// A plain function, not a component: it holds no state (see [`super::input_field`]).
pub fn sources_view(calc: &Calc, layout: Layout) -> Html {
    let locale = calc.locale;
    let heading = calc.dom_id("h", "sources");
    let mut m = Markup(String::with_capacity(16 * 1024));
    m.0.push_str("<ol class=\"kc-articles\">");
    for a in ARTICLES {
        let id = a.id.encode_utf8(&mut [0; 4]).to_owned();
        m.open("li", "");
        m.attr("id", &calc.dom_id("art", &id));
        m.attr("data-article", &id);
        m.0.push_str("><span class=\"kc-art\">");
        m.body(&id);
        m.0.push_str(". ");
        m.body(a.outlet);
        m.0.push_str(" · <cite lang=\"zh-Hant\">");
        m.body(a.title);
        m.0.push_str("</cite> · ");
        m.body(a.date.get(locale));
        m.0.push_str("</span><ul class=\"kc-figs\">");
        for f in FIGURES.iter().filter(|f| f.article == a.id) {
            m.open("li", "");
            m.attr("id", &calc.dom_id("fig", f.key));
            m.attr("data-figure", f.key);
            m.0.push('>');
            m.body(f.label.get(locale));
            m.0.push_str(": <strong>");
            // As published: 355.54億 is RMB 35.554 billion, not 35.55.
            m.body(&format_money_to(f.value, f.unit, f.qualifier, locale, 3));
            m.0.push_str("</strong> — <q lang=\"zh-Hant\">");
            m.body(f.quote);
            m.0.push_str("</q></li>");
        }
        m.0.push_str("</ul></li>");
    }
    m.0.push_str("</ol>");
    let list = super::app::raw(m.0);
    // Collapsed in the compact layout; a link to a figure or an article opens
    // it (`App`'s click handler).
    html! {
        <section class="kc-section kc-sources" data-section="sources" aria-labelledby={&heading}>
            {super::app::text_el("h3", "", ("id", &heading), TITLE.get(locale))}
            {super::app::text_el("p", "kc-note", ("", ""), NOTE.get(locale))}
            if layout == Layout::Full {
                {list}
            } else {
                {super::app::more("sources", SHOW.get(locale).into(), list)}
            }
        </section>
    }
}
