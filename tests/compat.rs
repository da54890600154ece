//! The page contract, frozen: every input and metric id that the widget
//! published before its figures became data still exists and means the same,
//! with the same starting value. Share links, `data-input` / `data-metric`
//! selectors and `klingCalc` calls written against those ids keep working.
//! A new period may add ids; this list only ever grows.
//!
//! The values are the published figures as the articles give them (or the
//! defaults derived from them), typed here on purpose: this is the record of
//! what the ids meant, checked against whatever the data now says.

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // native only: never in the wasm

use kling_calc::core::inputs::{InputId, Inputs};
use kling_calc::core::metrics::{compute, MetricId, Reason};

/// Input ids and their starting values when frozen (`None`: starts empty).
const INPUTS: &[(&str, Option<f64>)] = &[
    ("revenue_2025q1", Some(326.08e8)),
    ("revenue_yoy_2025q1", Some(0.109)),
    ("revenue_2025q2", None),
    ("revenue_2025q3", Some(355.54e8)),
    ("revenue_yoy_2025q3", Some(0.142)),
    ("online_marketing_2025q3", Some(201e8)),
    ("online_marketing_yoy_2025q3", Some(0.14)),
    ("live_streaming_2025q3", Some(95.74e8)),
    ("live_streaming_yoy_2025q3", Some(0.025)),
    ("other_services_2025q3", Some(58.78e8)),
    ("other_services_yoy_2025q3", Some(0.413)),
    ("operating_profit_2025q3", Some(53e8)),
    ("adjusted_net_profit_2025q1", Some(45.8e8)),
    ("adjusted_net_profit_2025q3", Some(49.9e8)),
    ("dau_2025q3", Some(4.16e8)),
    ("mau_2025q3", Some(7.31e8)),
    ("kling_revenue_2025q1", Some(1.5e8)),
    ("kling_revenue_2025q2", Some(2.5e8)),
    ("kling_revenue_2025q3", Some(3e8)),
    ("kling_revenue_2025q4", Some(3e8)),
    ("kling_fy_target", Some(10e8)),
    ("kling_fy_target_usd", Some(1.4e8)),
    ("kling_initial_target_usd", Some(6e7)),
    ("kling_p_side_share", Some(0.7)),
    ("kling_paying_members", Some(5e6)),
    ("market_cap", Some(2690e8)),
    ("pe_kuaishou", Some(13.12)),
    ("pe_baidu", Some(24.96)),
    ("pe_alibaba", Some(24.59)),
    ("pe_tencent", Some(21.07)),
    ("target_pe", Some(70.62 / 3.0)),
    ("usd_cny", Some(10.0 / 1.4)),
];

/// Metric ids when frozen (their values at the defaults are checked by the
/// core's `every_metric_at_defaults`).
const METRICS: &[&str] = &[
    "revenue_2024q1",
    "revenue_2024q3",
    "revenue_qoq_2025q3",
    "online_marketing_2024q3",
    "live_streaming_2024q3",
    "other_services_2024q3",
    "segments_sum_2025q3",
    "segments_gap_2025q3",
    "online_marketing_share_2025q3",
    "live_streaming_share_2025q3",
    "other_services_share_2025q3",
    "operating_margin_2025q3",
    "adjusted_net_margin_2025q1",
    "adjusted_net_margin_2025q3",
    "kling_share_2025q1",
    "kling_share_2025q2",
    "kling_share_2025q3",
    "kling_share_of_other_services_2025q3",
    "kling_qoq_2025q2",
    "kling_qoq_2025q3",
    "kling_ytd_2025q3",
    "kling_q4_required",
    "kling_q4_required_qoq",
    "kling_fy_2025",
    "kling_target_attainment_ytd",
    "kling_guidance_raise",
    "kling_fy_2025_usd",
    "kling_p_side_revenue_2025q1",
    "kling_b_side_revenue_2025q1",
    "arpu_paying_quarterly",
    "arpu_paying_monthly",
    "revenue_per_dau_2025q3",
    "revenue_per_mau_2025q3",
    "dau_mau_ratio_2025q3",
    "pe_peer_average",
    "pe_discount_to_peers",
    "pe_discount_to_baidu",
    "pe_discount_to_alibaba",
    "pe_discount_to_tencent",
    "implied_earnings",
    "implied_market_cap",
    "implied_upside",
];

#[test]
fn every_frozen_input_exists_with_its_starting_value() {
    let resolved = Inputs::published().resolve();
    for &(key, want) in INPUTS {
        let id = InputId::from_key(key).unwrap_or_else(|| panic!("input {key} is gone"));
        let got = resolved.values[id.index()];
        match (got, want) {
            (Some(g), Some(w)) => assert!((g - w).abs() <= 1e-12 * w.abs(), "{key}: {g} != {w}"),
            _ => assert_eq!(got, want, "{key}"),
        }
    }
    assert!(InputId::COUNT >= INPUTS.len());
}

#[test]
fn every_frozen_metric_exists_and_computes_at_the_defaults() {
    // Kuaishou's Q2 revenue starts empty, so these wait for the reader.
    const WAIT_FOR_Q2: [&str; 2] = ["revenue_qoq_2025q3", "kling_share_2025q2"];
    let q2 = InputId::from_key("revenue_2025q2").unwrap();
    let results = compute(&Inputs::published());
    for &key in METRICS {
        let id = MetricId::from_key(key).unwrap_or_else(|| panic!("metric {key} is gone"));
        if WAIT_FOR_Q2.contains(&key) {
            assert_eq!(results[id].value, Err(Reason::Missing(q2)), "{key}");
        } else {
            assert!(results[id].value.is_ok(), "{key}: {:?}", results[id].value);
        }
    }
}
