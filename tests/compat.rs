//! The page contract, frozen: every input and metric id that the widget
//! published when its figures became data (the 2025 Q3 editions) still means
//! the same quantity in whatever edition the crate is built with. Share links,
//! `data-input` / `data-metric` selectors and `klingCalc` calls written against
//! those ids keep working; a new quarter adds ids.
//!
//! `scripts/test.sh` runs this file on the real data and on the test edition
//! (`KC_DATA_DIRS=data:tests/edition`, the real data plus a synthetic later
//! quarter), so a new quarter that breaks the contract fails before it ships.
//!
//! What "the same quantity" is checked as: the id exists, with the same unit,
//! and an id that names a quarter is for that quarter. Starting values are not
//! frozen: a new article legitimately replaces an assumption or a market
//! figure, and `data/editions.toml` records each edition's starting values so
//! a share link made under an older one names what changed since.
//!
//! What may go: ids the data model ties to a moment rather than to a period
//! (`over = "latest"`, `when = "rest"` or `"one-left"`, `over = "period-of:…"`
//! in `data/metrics.toml`): the latest quarter's year to date, the quarters
//! still to come, the latest fiscal year, the period of one article's figure,
//! and the year to date measured against a full-year target (which pairs only
//! with quarters of the target's year: a new year has none until an article
//! gives its target).
//! Those are [`Life::Retires`]: present in the edition they were frozen in,
//! and allowed to be absent once a later quarter is in. Every other id lasts.
//!
//! The lists are typed here on purpose, as the record of what was published;
//! they only ever grow.

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // native only: never in the wasm

use kling_calc::core::edition::LATEST;
use kling_calc::core::inputs::{InputId, Inputs};
use kling_calc::core::metrics::{compute, MetricId, Reason};
use kling_calc::core::period::Quarter;
use kling_calc::core::units::Unit;

/// The latest quarter of the editions these lists were frozen in.
const FROZEN_LATEST: Quarter = Quarter { year: 2025, q: 3 };

/// Input ids when frozen, with the unit of what they measure. Inputs never
/// retire: a quarter's figure is a slot that a later article fills or corrects.
const INPUTS: &[(&str, Unit)] = &[
    ("revenue_2025q1", Unit::Cny),
    ("revenue_yoy_2025q1", Unit::Change),
    ("revenue_2025q2", Unit::Cny),
    ("revenue_2025q3", Unit::Cny),
    ("revenue_yoy_2025q3", Unit::Change),
    ("online_marketing_2025q3", Unit::Cny),
    ("online_marketing_yoy_2025q3", Unit::Change),
    ("live_streaming_2025q3", Unit::Cny),
    ("live_streaming_yoy_2025q3", Unit::Change),
    ("other_services_2025q3", Unit::Cny),
    ("other_services_yoy_2025q3", Unit::Change),
    ("operating_profit_2025q3", Unit::Cny),
    ("adjusted_net_profit_2025q1", Unit::Cny),
    ("adjusted_net_profit_2025q3", Unit::Cny),
    ("dau_2025q3", Unit::Count),
    ("mau_2025q3", Unit::Count),
    ("kling_revenue_2025q1", Unit::Cny),
    ("kling_revenue_2025q2", Unit::Cny),
    ("kling_revenue_2025q3", Unit::Cny),
    ("kling_revenue_2025q4", Unit::Cny),
    ("kling_fy_target", Unit::Cny),
    ("kling_fy_target_usd", Unit::Usd),
    ("kling_initial_target_usd", Unit::Usd),
    ("kling_p_side_share", Unit::Share),
    ("kling_paying_members", Unit::Count),
    ("market_cap", Unit::Cny),
    ("pe_kuaishou", Unit::Multiple),
    ("pe_baidu", Unit::Multiple),
    ("pe_alibaba", Unit::Multiple),
    ("pe_tencent", Unit::Multiple),
    ("target_pe", Unit::Multiple),
    ("usd_cny", Unit::CnyPerUsd),
];

/// Whether a frozen metric must be in every later edition.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Life {
    /// In every edition.
    Lasts,
    /// Tied to a moment (see the module docs): may be absent once a quarter
    /// later than [`FROZEN_LATEST`] is in the data.
    Retires,
}
use Life::{Lasts, Retires};

/// Metric ids when frozen, with their unit and whether they may retire.
const METRICS: &[(&str, Unit, Life)] = &[
    ("revenue_2024q1", Unit::Cny, Lasts),
    ("revenue_2024q3", Unit::Cny, Lasts),
    ("revenue_qoq_2025q3", Unit::Change, Lasts),
    ("online_marketing_2024q3", Unit::Cny, Lasts),
    ("live_streaming_2024q3", Unit::Cny, Lasts),
    ("other_services_2024q3", Unit::Cny, Lasts),
    ("segments_sum_2025q3", Unit::Cny, Lasts),
    ("segments_gap_2025q3", Unit::Cny, Lasts),
    ("online_marketing_share_2025q3", Unit::Share, Lasts),
    ("live_streaming_share_2025q3", Unit::Share, Lasts),
    ("other_services_share_2025q3", Unit::Share, Lasts),
    ("operating_margin_2025q3", Unit::Share, Lasts),
    ("adjusted_net_margin_2025q1", Unit::Share, Lasts),
    ("adjusted_net_margin_2025q3", Unit::Share, Lasts),
    ("kling_share_2025q1", Unit::Share, Lasts),
    ("kling_share_2025q2", Unit::Share, Lasts),
    ("kling_share_2025q3", Unit::Share, Lasts),
    ("kling_share_of_other_services_2025q3", Unit::Share, Lasts),
    ("kling_qoq_2025q2", Unit::Change, Lasts),
    ("kling_qoq_2025q3", Unit::Change, Lasts),
    ("kling_ytd_2025q3", Unit::Cny, Retires), // the latest quarter's year to date
    ("kling_q4_required", Unit::Cny, Retires), // quarters still to come
    ("kling_q4_required_qoq", Unit::Change, Retires), // quarters still to come
    ("kling_fy_2025", Unit::Cny, Retires),    // the latest fiscal year
    ("kling_target_attainment_ytd", Unit::Share, Retires), // the target's year to date
    ("kling_guidance_raise", Unit::Change, Lasts),
    ("kling_fy_2025_usd", Unit::Usd, Retires), // the latest fiscal year
    ("kling_p_side_revenue_2025q1", Unit::Cny, Retires), // the period of the P-side share's figure
    ("kling_b_side_revenue_2025q1", Unit::Cny, Retires), // the period of the P-side share's figure
    ("arpu_paying_quarterly", Unit::Cny, Lasts),
    ("arpu_paying_monthly", Unit::Cny, Lasts),
    ("revenue_per_dau_2025q3", Unit::Cny, Lasts),
    ("revenue_per_mau_2025q3", Unit::Cny, Lasts),
    ("dau_mau_ratio_2025q3", Unit::Share, Lasts),
    ("pe_peer_average", Unit::Multiple, Lasts),
    ("pe_discount_to_peers", Unit::Share, Lasts),
    ("pe_discount_to_baidu", Unit::Share, Lasts),
    ("pe_discount_to_alibaba", Unit::Share, Lasts),
    ("pe_discount_to_tencent", Unit::Share, Lasts),
    ("implied_earnings", Unit::Cny, Lasts),
    ("implied_market_cap", Unit::Cny, Lasts),
    ("implied_upside", Unit::Change, Lasts),
];

/// The quarter an id names (`…_2025q3` → 2025 Q3), if it ends with one.
fn quarter_of(key: &str) -> Option<Quarter> {
    let (_, tail) = key.rsplit_once('_')?;
    let (year, q) = tail.split_once('q')?;
    Some(Quarter {
        year: year.parse().ok()?,
        q: q.parse().ok().filter(|q| (1..=4).contains(q))?,
    })
}

#[test]
fn every_frozen_input_exists_and_measures_the_same() {
    for &(key, unit) in INPUTS {
        let id = InputId::from_key(key).unwrap_or_else(|| panic!("input {key} is gone"));
        let spec = id.spec();
        assert_eq!(spec.unit, unit, "input {key}: its unit changed");
        if let Some(q) = quarter_of(key) {
            assert_eq!(spec.quarter, Some(q), "input {key}: its quarter changed");
        }
    }
    assert!(InputId::COUNT >= INPUTS.len());
}

#[test]
fn every_frozen_metric_exists_measures_the_same_and_computes_or_retired_by_rule() {
    let published = Inputs::published();
    let starts = published.resolve();
    let results = compute(&published);
    let later = LATEST > FROZEN_LATEST;
    for &(key, unit, life) in METRICS {
        let Some(id) = MetricId::from_key(key) else {
            assert!(
                life == Retires && later,
                "metric {key} is gone (latest quarter {LATEST:?}; only an id tied to a moment may retire, and only after a later quarter)"
            );
            continue;
        };
        assert_eq!(id.spec().unit, unit, "metric {key}: its unit changed");
        // It computes from the starting figures, or waits for one the data
        // leaves to the reader (Kuaishou's Q2 revenue starts empty).
        match results[id].value {
            Ok(_) => {}
            Err(Reason::Missing(input)) => assert_eq!(
                starts.values[input.index()],
                None,
                "metric {key}: missing {}, which has a starting value",
                input.key()
            ),
            Err(other) => panic!("metric {key}: {other:?} at the starting figures"),
        }
    }
    // The lists are not stale: in the editions they were frozen in, every
    // frozen metric is there (including those that may retire later).
    if !later {
        for &(key, _, _) in METRICS {
            assert!(MetricId::from_key(key).is_some(), "metric {key} is gone");
        }
    }
}
