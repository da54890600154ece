//! The claims check: each derived claim an article makes, with its verdict
//! against the current inputs and the number it turns on.

use crate::core::units::t;
use yew::prelude::*;

use super::charts::Markup;
use super::state::Calc;
use crate::core::claims::{check_claims, Verdict};
use crate::core::format::format_value;
use crate::core::sections::Layout;
use crate::core::units::Text;

/// The section's heading (also the editor's kit's name for it).
pub const TITLE: Text = t!(
    "核對報道的說法",
    "核对报道的说法",
    "Checking the articles' claims"
);
const COMPUTED: Text = t!("計算結果", "计算结果", "Computed");
const ARTICLE: Text = t!("報道", "报道", "Article ");

/// The verdict's words and its `data-verdict` value.
fn verdict_text(v: Verdict) -> (Text, &'static str) {
    match v {
        Verdict::Holds => (t!("✓ 成立", "✓ 成立", "✓ Holds"), "holds"),
        Verdict::DoesNotHold => (
            t!("✗ 不成立", "✗ 不成立", "✗ Does not hold"),
            "does-not-hold",
        ),
        Verdict::CannotCheck => (
            t!("? 無法核對", "? 无法核对", "? Cannot check"),
            "cannot-check",
        ),
    }
}

/// The claims, recomputed from the instance's current state: one line per
/// claim with its verdict (a `<summary>`), and under it, on demand, the number
/// it turns on, why, and its article. The full layout opens every one.
///
/// The claims are escaped markup text (see [`Markup`]), which costs far less
/// wasm than `html!` nodes, in one [`patched`](super::app::patched) container:
/// an edit rewrites only the verdicts and numbers that changed, and a claim
/// the reader opened (or closed) stays so.
///
/// A plain function, not a component: it holds no state (see [`super::input_field`]).
pub fn claims_view(calc: &Calc, layout: Layout) -> Html {
    let locale = calc.locale;
    let heading = calc.dom_id("h", "claims");
    let open = layout == Layout::Full;
    // Every claim's `<details>` and what is in it: one patched container.
    let mut list = Markup(String::with_capacity(8192));
    for r in check_claims(&calc.inputs, &calc.results) {
        let (words, key) = verdict_text(r.verdict);
        let value = r.value.map_or_else(
            || String::from("—"),
            |v| format_value(v, r.unit, r.qualifier, locale),
        );
        let article = calc.dom_id("art", r.claim.article.encode_utf8(&mut [0; 4]));
        list.open("details", "kc-claim");
        list.attr("data-claim", r.claim.key);
        list.attr("data-verdict", key);
        if open {
            list.0.push_str(" open");
        }
        list.0.push('>');
        let m = &mut list;
        m.0.push_str("<summary><span class=\"kc-verdict ");
        m.0.push_str(key);
        m.0.push_str("\">");
        m.body(words.get(locale));
        m.0.push_str("</span> ");
        m.body(r.claim.text.get(locale));
        m.0.push_str("</summary>");
        m.0.push_str("<p><span class=\"kc-muted\">");
        m.body(COMPUTED.get(locale));
        m.body(locale.colon());
        m.0.push_str("</span><span class=\"kc-num\">");
        m.body(&value);
        m.0.push_str("</span> · ");
        m.body(r.explanation.get(locale));
        m.0.push(' ');
        m.open("a", "");
        m.attr("href", &["#", &article].concat());
        m.0.push_str(">(");
        m.body(ARTICLE.get(locale));
        m.0.push(r.claim.article);
        m.0.push_str(")</a></p>");
        // A note beside the verdict (C's ARPU claim: how its member count
        // compares with the user figures), from the data.
        let note = r.claim.note.get(locale);
        if !note.is_empty() {
            m.0.push_str("<p class=\"kc-note\">");
            m.body(note);
            m.0.push_str("</p>");
        }
        m.0.push_str("</details>");
    }
    html! {
        <section class="kc-section" data-section="claims" aria-labelledby={&heading}>
            {super::app::text_el("h3", "", ("id", &heading), TITLE.get(locale))}
            {super::app::patched("kc-claims", list.0)}
        </section>
    }
}
