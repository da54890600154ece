//! The claims check: each derived claim an article makes, with its verdict
//! against the current inputs and the number it turns on.

use yew::prelude::*;

use super::charts::Markup;
use super::state::Calc;
use crate::core::claims::{check_claims, Verdict};
use crate::core::format::format_value;
use crate::core::units::{Qualifier, Text};

const TITLE: Text = Text {
    hant: "核對報道的說法",
    hans: "核对报道的说法",
    en: "Checking the articles' claims",
};
const HEAD: [Text; 4] = [
    Text {
        hant: "說法",
        hans: "说法",
        en: "Claim",
    },
    Text {
        hant: "結論",
        hans: "结论",
        en: "Verdict",
    },
    Text {
        hant: "計算結果",
        hans: "计算结果",
        en: "Computed",
    },
    Text {
        hant: "說明",
        hans: "说明",
        en: "Why",
    },
];
const ARTICLE: Text = Text {
    hant: "報道",
    hans: "报道",
    en: "Article ",
};

/// The verdict's words and its `data-verdict` value.
fn verdict_text(v: Verdict) -> (Text, &'static str) {
    match v {
        Verdict::Holds => (
            Text {
                hant: "✓ 成立",
                hans: "✓ 成立",
                en: "✓ Holds",
            },
            "holds",
        ),
        Verdict::DoesNotHold => (
            Text {
                hant: "✗ 不成立",
                hans: "✗ 不成立",
                en: "✗ Does not hold",
            },
            "does-not-hold",
        ),
        Verdict::CannotCheck => (
            Text {
                hant: "? 無法核對",
                hans: "? 无法核对",
                en: "? Cannot check",
            },
            "cannot-check",
        ),
    }
}

/// The claims table, recomputed from the instance's current state.
///
/// The table is built as escaped markup text (see [`Markup`]): it is only text
/// and anchors, and text costs far less wasm than `html!` nodes.
///
/// A plain function, not a component: it holds no state (see [`super::input_field`]).
pub fn claims_view(calc: &Calc) -> Html {
    let locale = calc.locale;
    let heading = calc.dom_id("h", "claims");
    let mut m = Markup(String::with_capacity(4096));
    m.0.push_str("<table class=\"kc-table\">");
    m.head_row(&HEAD, locale);
    m.0.push_str("<tbody>");
    for r in check_claims(&calc.inputs, &calc.results) {
        let (words, key) = verdict_text(r.verdict);
        let value = r.value.map_or_else(
            || String::from("—"),
            |v| format_value(v, r.unit, Qualifier::Exact, locale),
        );
        let article = calc.dom_id("art", r.claim.article.encode_utf8(&mut [0; 4]));
        m.open("tr", "");
        m.attr("data-claim", r.claim.key);
        m.attr("data-verdict", key);
        m.0.push_str("><td>");
        m.body(r.claim.text.get(locale));
        m.0.push(' ');
        m.open("a", "");
        m.attr("href", &["#", &article].concat());
        m.0.push_str(">(");
        m.body(ARTICLE.get(locale));
        m.0.push(r.claim.article);
        m.0.push_str(")</a></td><td class=\"kc-verdict ");
        m.0.push_str(key);
        m.0.push_str("\">");
        m.body(words.get(locale));
        m.0.push_str("</td><td class=\"kc-num\">");
        m.body(&value);
        m.0.push_str("</td><td>");
        m.body(r.explanation.get(locale));
        // A note beside the verdict (C's ARPU claim: how its member count
        // compares with the user figures), from the data.
        let note = r.claim.note.get(locale);
        if !note.is_empty() {
            m.0.push_str("<p class=\"kc-note\">");
            m.body(note);
            m.0.push_str("</p>");
        }
        m.0.push_str("</td></tr>");
    }
    m.0.push_str("</tbody></table>");
    html! {
        <section class="kc-section" data-section="claims" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{TITLE.get(locale)}</h3>
            <div class="kc-scroll">{Html::from_html_unchecked(AttrValue::from(m.0))}</div>
        </section>
    }
}
