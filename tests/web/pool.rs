//! Reused yew roots (`ui::pool`): a destroyed widget's frame hosts the next
//! one, which starts fresh, so mount/destroy cycles add no roots.

use super::{field, host, mounted, type_into, value_of};
use kling_calc::core::inputs::Inputs;
use kling_calc::core::sections::PartSet;
use kling_calc::core::units::Locale;
use kling_calc::ui::{mount, mount_with, pool};
use wasm_bindgen_test::*;

/// Kling's Q3 share at the published figures (3億 of 355.54億).
const PUBLISHED_SHARE: f64 = 3e8 / 355.54e8;

#[wasm_bindgen_test]
async fn a_reused_frame_starts_a_fresh_widget() {
    let first = host("en");
    let a = mount(first.clone());
    yew::scheduler::flush().await;
    // English fields are in millions.
    type_into(&first, "kling_revenue_2025q3", "700").await;
    assert_eq!(value_of(&first, "kling_share_2025q3"), Some(7e8 / 355.54e8));
    let frames = pool::frames();

    assert!(pool::release(a));
    yew::scheduler::flush().await;
    assert_eq!(first.child_element_count(), 0, "destroy empties the host");
    assert!(!pool::release(a), "a second destroy finds nothing");

    let second = host("zh-Hans");
    let b = mount(second.clone());
    yew::scheduler::flush().await;
    assert_ne!(a, b);
    assert_eq!(pool::frames(), frames, "the parked frame was reused");
    // The new widget has its own language and the published figures, not A's edit.
    assert_eq!(field(&second, "kling_revenue_2025q3").value(), "3"); // 億
    assert_eq!(
        value_of(&second, "kling_share_2025q3"),
        Some(PUBLISHED_SHARE)
    );
    let article = second
        .query_selector(".kc-root > article.kc")
        .unwrap()
        .unwrap();
    assert_eq!(article.get_attribute("lang").as_deref(), Some("zh-Hans"));
    assert!(pool::release(b));
}

#[wasm_bindgen_test]
async fn cycles_add_no_frames_even_before_the_first_render() {
    let warm = host("en");
    let n = mount(warm.clone());
    assert!(pool::release(n));
    let frames = pool::frames();
    // (rendered before destroy?, sections)
    let cases = [
        (false, "kling"),
        (true, "kling"),
        (false, "valuation"),
        (true, "growth,arpu"),
        (true, "goals"),
        (false, "claims,sources"),
    ];
    for round in 0..5 {
        for (render, sections) in cases {
            let el = host("en");
            let n = mount_with(
                el.clone(),
                Locale::En,
                PartSet::parse(sections).0,
                Inputs::published(),
            );
            if render {
                yew::scheduler::flush().await;
                assert!(
                    el.query_selector(".kc").unwrap().is_some(),
                    "{round} {sections}"
                );
            }
            assert!(pool::release(n));
            yew::scheduler::flush().await;
            assert_eq!(el.child_element_count(), 0, "{round} {sections}");
            el.remove();
        }
    }
    assert_eq!(pool::frames(), frames);

    // After all that, a widget still renders and computes.
    let last = mounted("en").await;
    assert_eq!(value_of(&last, "kling_share_2025q3"), Some(PUBLISHED_SHARE));
}
