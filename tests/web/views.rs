//! The claims check, goal seek and sources views, and each metric's explanation.

use super::{field, metric, mounted, type_into, type_text, value_of};
use kling_calc::core::claims::check_claims;
use kling_calc::core::format::format_value;
use kling_calc::core::inputs::{InputId, Inputs};
use kling_calc::core::metrics::compute;
use kling_calc::core::units::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Opens or closes a disclosure as a click does (the attribute, then its
/// `toggle` event) and lets yew render.
async fn toggle(details: &Element, open: bool) {
    if open {
        details.set_attribute("open", "").unwrap();
    } else {
        details.remove_attribute("open").unwrap();
    }
    details
        .dispatch_event(&Event::new("toggle").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn claims_show_verdicts_that_follow_the_inputs() {
    let root = mounted("en").await;
    // (claim key, verdict at the published figures)
    let cases = [
        ("kling_share_below_1pct", "holds"),
        ("kling_ytd_above_7yi", "holds"),
        ("march_share_of_q1", "holds"),
        ("arpu_monthly", "does-not-hold"),
        ("arpu_above_wenxin", "does-not-hold"),
        ("mau_qoq_2025q1", "holds"),
        ("segments_add_up", "holds"),
    ];
    for (key, verdict) in cases {
        let row = one(&root, &["[data-claim=\"", key, "\"]"].concat());
        assert_eq!(
            row.get_attribute("data-verdict").as_deref(),
            Some(verdict),
            "{key}"
        );
    }
    assert_eq!(
        root.query_selector_all("[data-claim]").unwrap().length() as usize,
        kling_calc::core::claims::CLAIMS.len()
    );
    // Beside the ARPU claim, the plausibility note computed from the figures.
    let note = one(&root, "[data-claim=\"arpu_monthly\"] .kc-note");
    let want = kling_calc::core::claims::CLAIMS
        .iter()
        .find(|c| !c.note.en().is_empty())
        .expect("a claim with a note")
        .note
        .en();
    assert_eq!(note.text_content().as_deref(), Some(want));
    // Each claim's number shows its qualifier as the core computes it: at
    // the published figures the share rests on a floor (≥).
    let numbers_match = |inputs: &Inputs| {
        for c in check_claims(inputs, &compute(inputs)) {
            let shown = one(
                &root,
                &["[data-claim=\"", c.claim.key, "\"] .kc-num"].concat(),
            );
            let want = c.value.map_or_else(
                || String::from("—"),
                |v| format_value(v, c.unit, c.qualifier, Locale::En),
            );
            assert_eq!(shown.text_content().unwrap(), want, "{}", c.claim.key);
        }
    };
    let mut inputs = Inputs::published();
    numbers_match(&inputs);
    let share = one(&root, "[data-claim=\"kling_share_below_1pct\"] .kc-num");
    assert!(share.text_content().unwrap().starts_with("≥ "));
    // Kling Q3 at RMB 400 million (the English field is in millions) is over
    // 1% of revenue, and, typed by the reader, exact.
    type_into(&root, "kling_revenue_2025q3", "400").await;
    let row = one(&root, "[data-claim=\"kling_share_below_1pct\"]");
    assert_eq!(
        row.get_attribute("data-verdict").as_deref(),
        Some("does-not-hold")
    );
    inputs.set(InputId::KLING_REVENUE_2025Q3, 4e8).unwrap();
    numbers_match(&inputs);
    assert!(!share.text_content().unwrap().starts_with("≥"));
}

#[wasm_bindgen_test]
async fn goal_seek_answers_and_applies() {
    let root = mounted("zh-Hant").await;
    let goal = one(&root, "[data-goal=\"kling_q4_for_fy_total\"]");
    let answer = one(&goal, "[data-goal-value]");
    // Default target 12億: Q4 needs 12 − 7 = 5億, at most, since Q1–Q3 are floors.
    assert_eq!(
        answer.get_attribute("data-goal-value").as_deref(),
        Some("500000000")
    );
    assert!(
        answer.text_content().unwrap().contains("最多5億元"),
        "{:?}",
        answer.text_content()
    );
    // The P/E answer rests on exact figures only: no bound words.
    let pe = one(
        &root,
        "[data-goal=\"target_pe_for_market_cap\"] [data-goal-value]",
    )
    .text_content()
    .unwrap();
    assert!(
        pe.ends_with("倍") && !["最多", "至少", "約"].iter().any(|w| pe.contains(w)),
        "{pe}"
    );
    let input: HtmlInputElement = one(&goal, "input").dyn_into().unwrap();
    type_text(&input, "15億").await;
    assert_eq!(
        answer.get_attribute("data-goal-value").as_deref(),
        Some("800000000")
    );
    let apply: HtmlElement = one(&goal, "button").dyn_into().unwrap();
    apply.click();
    yew::scheduler::flush().await;
    assert_eq!(value_of(&root, "kling_fy_2025"), Some(15e8));
    assert_eq!(field(&root, "kling_revenue_2025q4").value(), "8");
    // A target the quarters so far (more than 7億) already make says so,
    // and cannot be applied.
    use kling_calc::core::goal::Unreachable;
    use kling_calc::core::units::Locale;
    for (text, why) in [
        ("1億", Unreachable::AlreadyReached),
        ("7億", Unreachable::AlreadyReached),
    ] {
        type_text(&input, text).await;
        assert_eq!(
            answer.get_attribute("data-goal-value").as_deref(),
            Some(""),
            "{text}"
        );
        let shown = answer.text_content().unwrap();
        assert!(
            shown.ends_with(why.message(Locale::Hant)),
            "{text}: {shown}"
        );
        assert!(one(&goal, "button").has_attribute("disabled"), "{text}");
    }
}

#[wasm_bindgen_test]
async fn explanations_plug_in_numbers_and_link_sources() {
    let root = mounted("zh-Hant").await;
    let how = metric(&root, "kling_share_2025q3")
        .parent_element()
        .unwrap();
    let details = one(&how, "details.kc-how");
    // Closed, the explanation is not built at all.
    assert_eq!(details.query_selector_all("p").unwrap().length(), 0);
    toggle(&details, true).await;
    let text = how.text_content().unwrap();
    assert!(
        text.contains("超過3億元 ÷ 355.54億元 = 超過0.84%"),
        "{text}"
    );
    let links = how.query_selector_all("a[href]").unwrap();
    assert_eq!(links.length(), 2);
    for i in 0..links.length() {
        let href = links
            .item(i)
            .unwrap()
            .dyn_into::<Element>()
            .unwrap()
            .get_attribute("href")
            .unwrap();
        let target = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .get_element_by_id(&href[1..]);
        let target = target.unwrap_or_else(|| panic!("{href} points nowhere"));
        assert!(target.has_attribute("data-figure"));
        let quote = target
            .query_selector("q")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert!(!quote.is_empty());
    }
    // Open, it follows the inputs; closed again, it is gone.
    type_into(&root, "kling_revenue_2025q3", "4.5").await;
    let text = how.text_content().unwrap();
    assert!(text.contains("4.5億元 ÷ 355.54億元 = 1.27%"), "{text}");
    toggle(&details, false).await;
    assert_eq!(details.query_selector_all("p").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn sources_list_every_article_and_figure() {
    let root = mounted("en").await;
    assert_eq!(
        root.query_selector_all("[data-article]").unwrap().length(),
        8
    );
    assert_eq!(
        root.query_selector_all("[data-figure]").unwrap().length() as usize,
        kling_calc::core::figures::FIGURES.len()
    );
    let q3 = one(&root, "[data-figure=\"revenue_2025q3\"]")
        .text_content()
        .unwrap();
    assert!(
        q3.contains("RMB 35.554 billion") && q3.contains("355.54億元"),
        "{q3}"
    );
    // Both of A's wordings of Kling's target; the floor says which the default uses.
    let floor = one(&root, "[data-figure=\"kling_fy_target_floor\"]")
        .text_content()
        .unwrap();
    let label = kling_calc::core::figures::figure("kling_fy_target_floor")
        .unwrap()
        .label
        .en();
    assert!(floor.contains(label), "{floor}");
}

/// Each article's date is in the reader's language, as the data gives it:
/// a window the text pins down in words ("2025年年中…") is not left in English.
#[wasm_bindgen_test]
async fn every_article_is_dated_in_the_readers_language() {
    use kling_calc::core::figures::ARTICLES;
    use kling_calc::core::units::Locale;
    for locale in Locale::ALL {
        let root = mounted(locale.tag()).await;
        for a in ARTICLES {
            let line = one(&root, &format!("[data-article=\"{}\"] .kc-art", a.id))
                .text_content()
                .unwrap();
            assert!(line.ends_with(a.date.get(locale)), "{locale:?}: {line}");
            if locale.is_chinese() && a.date.get(locale) != a.date.en() {
                assert!(!line.contains(a.date.en()), "{line}");
            }
        }
        root.remove();
    }
}

/// The pre-render writes `data-value`s and slider attributes with
/// `ui::display_number` (Rust's `Display`), the wasm with the browser's
/// `Number#toString`: they agree on every value the widget writes at the
/// published figures (results, inputs, slider ends and steps), so the static
/// render's page contract is the live widget's.
#[wasm_bindgen_test]
fn native_number_text_agrees_with_the_browsers() {
    use kling_calc::core::inputs::{InputId, Inputs};
    use kling_calc::core::metrics::{compute, MetricId};
    use kling_calc::ui::{display_number, js_number};
    let results = compute(&Inputs::published());
    let mut values: Vec<f64> = MetricId::ALL
        .into_iter()
        .filter_map(|id| results.get(id).value.ok())
        .collect();
    values.extend(results.resolved().values.iter().flatten());
    for id in InputId::ALL {
        let s = id.spec();
        values.extend([s.min, s.max, s.step, s.slider_max, s.slider_min()]);
    }
    values.extend([0.0, -0.0, 0.1 + 0.2, 1e-6, 1.5e20]);
    assert!(values.len() > 100);
    for v in values {
        assert_eq!(display_number(v), js_number(v), "{v:e}");
    }
}
