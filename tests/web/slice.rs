//! The first vertical slice: Kling's share of Q3 revenue, typed input, rejection.

use super::{field, metric, mounted, type_into, value_of};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn shows_published_kling_share() {
    let root = mounted("zh-Hant").await;
    let share = value_of(&root, "kling_share_2025q3").unwrap();
    assert!((share - 3e8 / 355.54e8).abs() < 1e-12, "{share}");
    assert_eq!(
        metric(&root, "kling_share_2025q3").text_content().unwrap(),
        "超過0.84%"
    );
    assert_eq!(field(&root, "kling_revenue_2025q3").value(), "3");
}

#[wasm_bindgen_test]
async fn typing_updates_the_share() {
    // (typed text, expected Kling Q3 revenue in yuan)
    let cases: [(&str, f64); 4] = [("3億", 3e8), ("3.5", 3.5e8), ("４億", 4e8), ("5000萬", 5e7)];
    let root = mounted("zh-Hant").await;
    for (text, kling) in cases {
        type_into(&root, "kling_revenue_2025q3", text).await;
        let share = value_of(&root, "kling_share_2025q3").unwrap();
        assert!((share - kling / 355.54e8).abs() < 1e-12, "{text}: {share}");
        assert_eq!(
            field(&root, "kling_revenue_2025q3")
                .get_attribute("aria-invalid")
                .as_deref(),
            Some("false")
        );
    }
}

#[wasm_bindgen_test]
async fn rejected_entry_keeps_last_valid_result() {
    let root = mounted("en").await;
    type_into(&root, "kling_revenue_2025q3", "4").await;
    let before = value_of(&root, "kling_share_2025q3").unwrap();
    // English field scale is million: "4" means RMB 4 million.
    assert!((before - 4e6 / 355.54e8).abs() < 1e-15, "{before}");
    // (refused text, what the message must say when it is a range refusal)
    let cases = [
        ("abc", None),
        ("1,5", None),
        ("-3", Some("Cannot be below RMB 0")),
        ("", None),
        ("NaN", None),
    ];
    for (bad, want) in cases {
        type_into(&root, "kling_revenue_2025q3", bad).await;
        let input = field(&root, "kling_revenue_2025q3");
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{bad:?}"
        );
        let msg_id = input.get_attribute("aria-describedby").unwrap();
        let doc = web_sys::window().unwrap().document().unwrap();
        let msg = doc
            .get_element_by_id(&msg_id)
            .unwrap()
            .text_content()
            .unwrap();
        assert!(!msg.trim().is_empty(), "no message for {bad:?}");
        if let Some(want) = want {
            assert!(msg.contains(want), "{bad:?}: {msg}");
        }
        assert_eq!(
            value_of(&root, "kling_share_2025q3"),
            Some(before),
            "{bad:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn range_refusals_name_the_limit() {
    // (language, input, refused text, how the message begins: the refusal as a
    // sentence of its own, then the value the results still use)
    let cases = [
        (
            "en",
            "pe_kuaishou",
            "2000",
            "Cannot be above 1000x. Still using: ",
        ),
        (
            "zh-Hant",
            "pe_kuaishou",
            "-1001",
            "不可低於−1000倍。計算仍用:",
        ),
        (
            "zh-Hans",
            "revenue_yoy_2025q3",
            "-100",
            "须大于−100%。计算仍用:",
        ),
        (
            "en",
            "kling_p_side_share",
            "101",
            "Cannot be above 100%. Still using: ",
        ),
    ];
    for (lang, id, bad, want) in cases {
        let root = mounted(lang).await;
        type_into(&root, id, bad).await;
        let input = field(&root, id);
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{id} {bad}"
        );
        let msg_id = input.get_attribute("aria-describedby").unwrap();
        let msg = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .get_element_by_id(&msg_id)
            .unwrap()
            .text_content()
            .unwrap();
        assert!(msg.starts_with(want), "{id} {bad}: {msg}");
    }
}

#[wasm_bindgen_test]
async fn revenue_zero_is_explained_not_nan() {
    let root = mounted("en").await;
    type_into(&root, "revenue_2025q3", "0").await;
    let out = metric(&root, "kling_share_2025q3");
    assert_eq!(out.get_attribute("data-value").as_deref(), Some(""));
    let text = out.text_content().unwrap();
    // It names the field to change, and what is wrong with it.
    let label = field(&root, "revenue_2025q3")
        .labels()
        .unwrap()
        .item(0)
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(text, [label.as_str(), " is 0"].concat());
}

/// An input no article gives (a quarter's missing revenue) has no published
/// figure to fall back on or to compare with: its field says what that means,
/// while empty, refused or entered, rather than showing a dash or nothing.
#[wasm_bindgen_test]
async fn a_field_with_no_published_figure_says_so() {
    use kling_calc::core::inputs::{InputId, Inputs};
    let published = Inputs::published().resolve();
    let id = InputId::ALL
        .into_iter()
        .find(|id| published.values[id.index()].is_none())
        .expect("an input no article gives");
    let message = |root: &web_sys::Element| {
        let msg_id = field(root, id.key())
            .get_attribute("aria-describedby")
            .unwrap();
        root.query_selector(&["#", &msg_id].concat())
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    // (language, what a refusal ends with, what an entered value says)
    let cases = [
        (
            "en",
            ". No article gives this figure: enter it to compute the results that need it.",
            "Entered; no article gives this figure",
        ),
        (
            "zh-Hant",
            "。報道沒有這個數字,填入後才能計算需要它的結果。",
            "已填入;報道沒有這個數字",
        ),
        (
            "zh-Hans",
            "。报道没有这个数字,填入后才能计算需要它的结果。",
            "已填入;报道没有这个数字",
        ),
    ];
    for (lang, refused, entered) in cases {
        let root = mounted(lang).await;
        // Before anything is typed, the empty field says what waits for it:
        // the refusal's second sentence.
        let empty = message(&root);
        assert!(!empty.is_empty(), "{lang}: an empty field with no word why");
        assert!(refused.ends_with(&empty), "{lang}: {empty}");
        type_into(&root, id.key(), "abc").await;
        let msg = message(&root);
        assert!(msg.ends_with(refused), "{lang}: {msg}");
        assert!(!msg.contains('—'), "{lang}: {msg}");
        type_into(&root, id.key(), "340").await;
        assert_eq!(message(&root), entered, "{lang}");
        assert_eq!(
            field(&root, id.key())
                .get_attribute("aria-invalid")
                .as_deref(),
            Some("false"),
            "{lang}"
        );
    }
}

/// A changed field says so and gives the published figure beside it, set as
/// each language sets a figure after words: no space before it in Chinese.
#[wasm_bindgen_test]
async fn a_changed_field_gives_the_published_figure() {
    use kling_calc::core::format::format_value;
    use kling_calc::core::inputs::{InputId, Inputs};
    use kling_calc::core::units::{Locale, Qualifier, Unit};
    let id = InputId::REVENUE_2025Q3;
    let value = Inputs::published().resolve().values[id.index()].unwrap();
    let published = |lang| {
        format_value(
            value,
            Unit::Cny,
            Qualifier::Exact,
            Locale::from_tag(lang).unwrap(),
        )
    };
    // (language, the words before the published figure)
    let cases = [
        ("zh-Hant", "已改動,報道數字為"),
        ("zh-Hans", "已改动,报道数字为"),
        ("en", "Changed; published figure "),
    ];
    for (lang, words) in cases {
        let root = mounted(lang).await;
        type_into(&root, "revenue_2025q3", "400").await;
        let msg_id = field(&root, "revenue_2025q3")
            .get_attribute("aria-describedby")
            .unwrap();
        let msg = root
            .query_selector(&["#", &msg_id].concat())
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        let figure = msg
            .strip_prefix(words)
            .unwrap_or_else(|| panic!("{lang}: {msg}"));
        assert_eq!(figure, published(lang), "{lang}: {msg}");
    }
}
