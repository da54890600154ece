//! The narrative paragraphs and their inline adjustable numbers: keyboard
//! steps, drags, click (or Enter) to type, and prose free of junk values.

use super::{field, mounted, type_into, value_of};
use kling_calc::core::inputs::InputId;
use kling_calc::core::parse::parse_number;
use kling_calc::core::sections::SECTIONS;
use kling_calc::core::units::{Locale, Scale, Unit};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};
use web_sys::{PointerEvent, PointerEventInit};

const Q4: &str = "kling_revenue_2025q4";
const FY: &str = "kling_fy_2025";
/// Kling's Q1 to Q3 revenue at the published figures (1.5億 + 2.5億 + 3億).
const YTD: f64 = 1.5e8 + 2.5e8 + 3e8;

/// The inline number of `key` in the paragraph of `section`.
fn inline(root: &Element, section: &str, key: &str) -> HtmlElement {
    let sel = [
        "[data-narrative=\"",
        section,
        "\"] [data-inline-input=\"",
        key,
        "\"]",
    ]
    .concat();
    root.query_selector(&sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no inline number {section}/{key}"))
        .dyn_into()
        .unwrap()
}

/// The inline text box of `key`, if one is open.
fn editor(root: &Element, key: &str) -> Option<HtmlInputElement> {
    root.query_selector(&["[data-inline-edit=\"", key, "\"]"].concat())
        .unwrap()
        .map(|e| e.dyn_into().unwrap())
}

fn now(el: &Element) -> f64 {
    el.get_attribute("aria-valuenow").unwrap().parse().unwrap()
}

/// Dispatches a keydown the way a keyboard does; returns whether it was default-prevented.
async fn press(el: &Element, key: &str, shift: bool) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&e).unwrap();
    yew::scheduler::flush().await;
    e.default_prevented()
}

async fn pointer(el: &Element, kind: &str, x: i32) {
    let init = PointerEventInit::new();
    init.set_pointer_id(1);
    init.set_is_primary(true);
    init.set_client_x(x);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&e).unwrap();
    yew::scheduler::flush().await;
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * b.abs().max(1.0)
}

#[wasm_bindgen_test]
async fn kling_q4_inline_number_starts_at_the_remainder() {
    let root = mounted("zh-Hant").await;
    let q4 = inline(&root, "kling", Q4);
    assert_eq!(q4.get_attribute("role").as_deref(), Some("slider"));
    assert_eq!(q4.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        q4.get_attribute("aria-label").as_deref(),
        Some("可靈Q4收入")
    );
    assert_eq!(now(&q4), 3e8);
    assert_eq!(q4.get_attribute("aria-valuemin").as_deref(), Some("0"));
    assert_eq!(
        q4.get_attribute("aria-valuemax").as_deref(),
        Some("1000000000")
    );
    // The main field stays the only element with the input's `data-input`.
    let fields = root
        .query_selector_all(&["[data-input=\"", Q4, "\"]"].concat())
        .unwrap();
    assert_eq!(fields.length(), 1);
}

#[wasm_bindgen_test]
async fn value_text_follows_the_locale() {
    // (language button, aria-valuetext and shown text of Kling Q4 at 3億, the
    // assumed remainder, and of Q3, published as "more than 3億")
    let cases = [
        ("en", "≈ RMB 300 million", "≥ RMB 300 million"),
        ("zh-Hans", "约3亿元", "超过3亿元"),
        ("zh-Hant", "約3億元", "超過3億元"),
    ];
    let root = mounted("zh-Hant").await;
    for (lang, want, want_q3) in cases {
        let button: HtmlElement = root
            .query_selector(&[".kc-lang[lang=\"", lang, "\"]"].concat())
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        button.click();
        yew::scheduler::flush().await;
        let q4 = inline(&root, "kling", Q4);
        assert_eq!(q4.get_attribute("aria-valuetext").as_deref(), Some(want));
        assert_eq!(q4.text_content().as_deref(), Some(want), "{lang}");
        let q3 = inline(&root, "kling", "kling_revenue_2025q3");
        assert_eq!(q3.text_content().as_deref(), Some(want_q3), "{lang}");
    }
    // The reader's own value carries no article qualifier.
    type_into(&root, "kling_revenue_2025q3", "4").await;
    let q3 = inline(&root, "kling", "kling_revenue_2025q3");
    assert_eq!(q3.text_content().as_deref(), Some("4億元"));
}

#[wasm_bindgen_test]
async fn keys_step_the_number_and_the_results() {
    let step = InputId::KLING_REVENUE_2025Q4.spec().step;
    assert_eq!(step, 1e6);
    // (key, shift, Kling Q4 after the press, main field text in 億)
    let cases: [(&str, bool, f64, &str); 9] = [
        ("ArrowRight", false, 3e8 + step, "3.01"),
        ("ArrowRight", true, 3e8 + 11.0 * step, "3.11"),
        ("ArrowLeft", false, 3e8 + 10.0 * step, "3.1"),
        ("ArrowDown", true, 3e8, "3"),
        ("PageUp", false, 3e8 + 10.0 * step, "3.1"),
        ("PageDown", false, 3e8, "3"),
        ("ArrowUp", false, 3e8 + step, "3.01"),
        ("Home", false, 0.0, "0"),
        ("End", false, 10e8, "10"),
    ];
    let root = mounted("zh-Hant").await;
    assert_eq!(value_of(&root, FY), Some(1e9));
    for (key, shift, q4, text) in cases {
        let el = inline(&root, "kling", Q4);
        assert!(press(&el, key, shift).await, "{key} not prevented");
        let el = inline(&root, "kling", Q4);
        assert!(close(now(&el), q4), "{key}: {}", now(&el));
        let fy = value_of(&root, FY).unwrap();
        assert!(close(fy, YTD + q4), "{key}: {fy}");
        assert_eq!(field(&root, Q4).value(), text, "{key}");
    }
    // Home stops at the slider's end rather than going below it.
    let el = inline(&root, "kling", Q4);
    press(&el, "Home", false).await;
    press(&el, "ArrowLeft", false).await;
    assert_eq!(now(&inline(&root, "kling", Q4)), 0.0);
}

#[wasm_bindgen_test]
async fn exclusive_minimum_stops_one_step_inside() {
    let spec = InputId::REVENUE_YOY_2025Q3.spec();
    let root = mounted("en").await;
    let el = inline(&root, "growth", "revenue_yoy_2025q3");
    press(&el, "Home", false).await;
    let el = inline(&root, "growth", "revenue_yoy_2025q3");
    assert!(close(now(&el), spec.min + spec.step), "{}", now(&el));
    assert!(value_of(&root, "revenue_2024q3").unwrap().is_finite());
}

#[wasm_bindgen_test]
async fn enter_opens_a_text_box_that_takes_typed_values() {
    // (typed text, Kling Q4 afterwards, or None when the text is refused)
    let cases: [(&str, Option<f64>); 4] = [
        ("4億", Some(4e8)),
        ("５億", Some(5e8)),
        ("3.5", Some(3.5e8)),
        ("abc", None),
    ];
    let root = mounted("zh-Hant").await;
    let mut q4 = 3e8;
    for (text, want) in cases {
        let span = inline(&root, "kling", Q4);
        assert!(press(&span, "Enter", false).await);
        let input = editor(&root, Q4).expect("Enter opens the text box");
        assert_eq!(
            input.get_attribute("aria-label").as_deref(),
            Some("可靈Q4收入")
        );
        assert_eq!(input.get_attribute("inputmode").as_deref(), Some("decimal"));
        let doc = web_sys::window().unwrap().document().unwrap();
        assert_eq!(doc.active_element().as_ref(), Some(input.as_ref()));
        input.set_value(text);
        press(&input, "Enter", false).await;
        match want {
            Some(v) => {
                q4 = v;
                assert!(editor(&root, Q4).is_none(), "{text}: still open");
                let span = inline(&root, "kling", Q4);
                assert_eq!(now(&span), v, "{text}");
                assert_eq!(doc.active_element().as_ref(), Some(span.as_ref()));
                // The same parse path as the main field, which shows the text.
                assert_eq!(field(&root, Q4).value(), text);
            }
            None => {
                let input = editor(&root, Q4).expect("refused text keeps the box open");
                assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
                // It says why, as the main field would, in the region the box names.
                let why = parse_number(text, Unit::Cny, Scale::Yi).expect_err(text);
                let msg = input.get_attribute("aria-describedby").expect("described");
                let msg = doc.get_element_by_id(&msg).expect("its message element");
                assert_eq!(
                    msg.text_content().as_deref(),
                    Some(why.message(Locale::Hant)),
                    "{text}"
                );
                assert_eq!(msg.get_attribute("aria-live").as_deref(), Some("polite"));
                assert_eq!(
                    input.value(),
                    text,
                    "the refused text stays to be corrected"
                );
                press(&input, "Escape", false).await;
                assert!(editor(&root, Q4).is_none());
            }
        }
        assert!(close(value_of(&root, FY).unwrap(), YTD + q4), "{text}");
    }
    assert_eq!(value_of(&root, FY), Some(1.5e8 + 2.5e8 + 3e8 + 3.5e8));
}

#[wasm_bindgen_test]
async fn opening_and_leaving_the_box_unchanged_changes_nothing() {
    // Kling's Q3 revenue is published as "超過3億元" (a floor): looking at it in
    // the box and leaving, by Enter or by moving focus away, must neither make
    // it an exact figure of the reader's own nor count it as changed.
    const Q3: &str = "kling_revenue_2025q3";
    for how in ["Enter", "blur"] {
        let root = mounted("zh-Hant").await;
        let span = inline(&root, "kling", Q3);
        let published = span.get_attribute("aria-valuetext").unwrap();
        assert!(published.starts_with("超過"), "{published}");
        let share = value_of(&root, "kling_share_2025q3");
        assert!(press(&span, "Enter", false).await);
        let input = editor(&root, Q3).expect("Enter opens the text box");
        if how == "Enter" {
            press(&input, "Enter", false).await;
        } else {
            input.blur().unwrap();
            yew::scheduler::flush().await;
        }
        assert!(editor(&root, Q3).is_none(), "{how}: closed");
        let span = inline(&root, "kling", Q3);
        assert_eq!(
            span.get_attribute("aria-valuetext").as_deref(),
            Some(published.as_str()),
            "{how}"
        );
        assert_eq!(
            span.text_content().as_deref(),
            Some(published.as_str()),
            "{how}"
        );
        assert_eq!(value_of(&root, "kling_share_2025q3"), share, "{how}");
        assert!(
            root.query_selector(".kc-reset").unwrap().is_none(),
            "{how}: no field counts as changed"
        );
    }
}

#[wasm_bindgen_test]
async fn typing_4_yi_gives_the_full_year() {
    let root = mounted("zh-Hant").await;
    press(&inline(&root, "kling", Q4), "Enter", false).await;
    let input = editor(&root, Q4).unwrap();
    input.set_value("4億");
    press(&input, "Enter", false).await;
    assert_eq!(value_of(&root, FY), Some(1.5e8 + 2.5e8 + 3e8 + 4e8));
}

#[wasm_bindgen_test]
async fn escape_cancels_typing() {
    let root = mounted("en").await;
    press(&inline(&root, "kling", Q4), "Enter", false).await;
    let input = editor(&root, Q4).unwrap();
    input.set_value("900");
    assert!(press(&input, "Escape", false).await);
    assert!(editor(&root, Q4).is_none());
    let span = inline(&root, "kling", Q4);
    assert_eq!(now(&span), 3e8);
    assert_eq!(value_of(&root, FY), Some(1e9));
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(doc.active_element().as_ref(), Some(span.as_ref()));
}

#[wasm_bindgen_test]
async fn drags_move_a_step_per_four_pixels_and_taps_open_the_box() {
    let step = InputId::KLING_REVENUE_2025Q4.spec().step;
    assert_eq!(kling_calc::ui::narrative::PX_PER_STEP, 4);
    // (pointerdown x, pointermove x, Kling Q4 change in steps, opens the text box)
    let cases: [(i32, i32, f64, bool); 4] = [
        (100, 140, 10.0, false),
        (100, 60, -10.0, false),
        (100, 107, 1.0, false),
        (100, 102, 0.0, true),
    ];
    let root = mounted("zh-Hant").await;
    for (down, to, steps, opens) in cases {
        let before = now(&inline(&root, "kling", Q4));
        let span = inline(&root, "kling", Q4);
        pointer(&span, "pointerdown", down).await;
        pointer(&span, "pointermove", to).await;
        pointer(&span, "pointerup", to).await;
        assert_eq!(editor(&root, Q4).is_some(), opens, "{down}→{to}");
        if opens {
            press(&editor(&root, Q4).unwrap(), "Escape", false).await;
        }
        let after = now(&inline(&root, "kling", Q4));
        assert!(close(after, before + steps * step), "{down}→{to}: {after}");
        assert!(close(value_of(&root, FY).unwrap(), YTD + after));
    }
    // A move with no button down changes nothing.
    let span = inline(&root, "kling", Q4);
    let before = now(&span);
    pointer(&span, "pointermove", 400).await;
    assert_eq!(now(&inline(&root, "kling", Q4)), before);
}

#[wasm_bindgen_test]
async fn paragraphs_read_cleanly_in_every_locale() {
    // (language, an edit that makes some metrics uncomputable)
    let cases = [
        ("zh-Hant", None),
        ("zh-Hans", None),
        ("en", None),
        ("zh-Hant", Some(("revenue_2025q3", "0"))),
        ("en", Some(("kling_paying_members", "0"))),
        ("zh-Hans", Some(("market_cap", "0"))),
    ];
    for (lang, edit) in cases {
        let root = mounted(lang).await;
        if let Some((id, text)) = edit {
            type_into(&root, id, text).await;
        }
        let mut reasons = 0;
        for s in SECTIONS {
            let p = root
                .query_selector(&["p[data-narrative=\"", s.key, "\"]"].concat())
                .unwrap()
                .unwrap_or_else(|| panic!("{lang}: no paragraph for {}", s.key));
            let text = p.text_content().unwrap();
            assert!(text.chars().count() > 40, "{lang}/{}: {text}", s.key);
            for junk in ["NaN", "undefined", "Infinity", "null"] {
                assert!(!text.contains(junk), "{lang}/{}: {junk} in {text}", s.key);
            }
            let numbers = p
                .query_selector_all("[data-narrative-metric], [data-inline-input]")
                .unwrap();
            assert!(numbers.length() >= 3, "{lang}/{}", s.key);
            for i in 0..numbers.length() {
                let el: Element = numbers.item(i).unwrap().dyn_into().unwrap();
                let n = el.text_content().unwrap();
                assert!(!n.trim().is_empty(), "{lang}/{}: empty number", s.key);
                // A result reads as its output in the results list does; one
                // that cannot be computed says why there, in brackets.
                let Some(key) = el.get_attribute("data-narrative-metric") else {
                    continue;
                };
                let out = root
                    .query_selector(&["[data-metric=\"", &key, "\"]"].concat())
                    .unwrap()
                    .unwrap_or_else(|| panic!("{lang}: no output for {key}"));
                let said = out.text_content().unwrap();
                let reason = out
                    .get_attribute("class")
                    .is_some_and(|c| c.split(' ').any(|c| c == "kc-reason"));
                if reason {
                    reasons += 1;
                    assert_eq!(n, ["(", &said, ")"].concat(), "{lang}/{key}");
                } else {
                    assert_eq!(n, said, "{lang}/{key}");
                }
            }
        }
        // The edits do leave results without a value in the paragraphs.
        assert_eq!(
            reasons > 0,
            edit.is_some(),
            "{lang} {edit:?}: {reasons} reasons"
        );
    }
}
