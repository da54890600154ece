//! The claims check: each derived claim an article makes, with its verdict
//! against the current inputs and the number it turns on.

use yew::prelude::*;

use super::state::CalcContext;
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
#[function_component(ClaimsView)]
pub fn claims_view() -> Html {
    let calc = use_context::<CalcContext>().expect("ClaimsView outside the App context");
    let locale = calc.locale;
    let heading = calc.dom_id("h", "claims");
    let rows = check_claims(&calc.inputs, &calc.results).into_iter().map(|r| {
        let (words, key) = verdict_text(r.verdict);
        let value = r.value.map_or_else(|| String::from("—"), |v| format_value(v, r.unit, Qualifier::Exact, locale));
        let article = calc.dom_id("art", r.claim.article.encode_utf8(&mut [0; 4]));
        html! {
            <tr data-claim={r.claim.key} data-verdict={key}>
                <td>{r.claim.text.get(locale)}{" "}<a href={["#", &article].concat()}>{"("}{ARTICLE.get(locale)}{r.claim.article}{")"}</a></td>
                <td class={classes!("kc-verdict", key)}>{words.get(locale)}</td>
                <td class="kc-num">{value}</td>
                <td>{r.explanation.get(locale)}</td>
            </tr>
        }
    });
    html! {
        <section class="kc-section" data-section="claims" aria-labelledby={heading.clone()}>
            <h3 id={heading}>{TITLE.get(locale)}</h3>
            <div class="kc-scroll">
                <table class="kc-table">
                    <thead><tr>{for HEAD.iter().map(|h| html! { <th scope="col">{h.get(locale)}</th> })}</tr></thead>
                    <tbody>{for rows}</tbody>
                </table>
            </div>
        </section>
    }
}
