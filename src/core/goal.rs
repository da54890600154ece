//! Goal seek: which input value makes a metric hit a target.
//!
//! The common questions have closed forms, which are exact and cheap. [`seek`]
//! answers the rest for any input and metric by bracketing and bisection, and
//! the tests check that both agree.

use super::inputs::{t, InputId, Inputs};
use super::metrics::{compute, MetricId, Reason};
use super::units::{Locale, Text, Unit};

/// Why no input value reaches the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreachable {
    /// A quantity the answer needs cannot be computed.
    NotComputable(Reason),
    /// The answer (or the target itself) lies outside the allowed range.
    OutOfRange,
    /// No value in the input's range brings the metric to the target.
    NoBracket,
}

impl Unreachable {
    /// A short explanation in `locale`.
    pub fn message(self, locale: Locale) -> &'static str {
        match self {
            Unreachable::NotComputable(_) => t(
                "所需數值無法計算",
                "所需数值无法计算",
                "a value it needs cannot be computed",
            ),
            Unreachable::OutOfRange => t(
                "所需數值超出允許範圍",
                "所需数值超出允许范围",
                "the value needed is outside the allowed range",
            ),
            Unreachable::NoBracket => t(
                "在允許範圍內無法達到目標",
                "在允许范围内无法达到目标",
                "no value in the allowed range reaches the target",
            ),
        }
        .get(locale)
    }
}

/// Checks an answer against the input's allowed range.
fn allowed(id: InputId, v: f64) -> Result<f64, Unreachable> {
    id.spec().check(v).map_err(|_| Unreachable::OutOfRange)
}

/// The resolved value of an input, or why it is missing.
fn value(inputs: &Inputs, id: InputId) -> Result<f64, Unreachable> {
    inputs.resolve().values[id as usize].ok_or(Unreachable::NotComputable(Reason::Missing(id)))
}

/// A metric's value, or why it cannot be computed.
fn metric(inputs: &Inputs, id: MetricId) -> Result<f64, Unreachable> {
    compute(inputs)
        .get(id)
        .value
        .map_err(Unreachable::NotComputable)
}

/// The Kling Q4 revenue that makes the 2025 total `target_fy`: target − Q1 − Q2 − Q3.
pub fn kling_q4_for_fy_total(inputs: &Inputs, target_fy: f64) -> Result<f64, Unreachable> {
    let mut q4 = target_fy;
    for id in [
        InputId::KlingRevenue2025q1,
        InputId::KlingRevenue2025q2,
        InputId::KlingRevenue2025q3,
    ] {
        q4 -= value(inputs, id)?;
    }
    allowed(InputId::KlingRevenue2025q4, q4)
}

/// The Kuaishou Q4 revenue the UI assumes for [`kling_q4_for_share`] until the
/// reader enters one: Q3's, shown as a labelled assumption since no article gives Q4.
pub fn default_q4_company_revenue(inputs: &Inputs) -> Option<f64> {
    inputs.resolve().values[InputId::Revenue2025q3 as usize]
}

/// The Kling Q4 revenue that is `target_share` of Kuaishou's Q4 revenue.
///
/// No article gives Kuaishou's Q4 revenue, so the caller passes it; the UI
/// defaults it to [`default_q4_company_revenue`]. `inputs` is unused today and
/// kept so every goal has the same shape.
pub fn kling_q4_for_share(
    _inputs: &Inputs,
    target_share: f64,
    q4_company_revenue: f64,
) -> Result<f64, Unreachable> {
    let share = InputId::KlingPSideShare.spec(); // the same 0..=1 range as any share
    share
        .check(target_share)
        .map_err(|_| Unreachable::OutOfRange)?;
    allowed(InputId::Revenue2025q3, q4_company_revenue)?;
    // A share of no revenue is undefined, so no Kling revenue reaches it.
    if q4_company_revenue <= 0.0 {
        return Err(Unreachable::NotComputable(Reason::DivisionByZero));
    }
    allowed(
        InputId::KlingRevenue2025q4,
        target_share * q4_company_revenue,
    )
}

/// The target P/E at which Kuaishou would be worth `target_cap`: cap ÷ implied earnings.
pub fn target_pe_for_market_cap(inputs: &Inputs, target_cap: f64) -> Result<f64, Unreachable> {
    let earnings = metric(inputs, MetricId::ImpliedEarnings)?;
    if earnings <= 0.0 {
        return Err(Unreachable::NotComputable(Reason::DivisionByZero));
    }
    // A P/E of zero or below is "n/m" in the metrics, so it cannot be an answer.
    if target_cap <= 0.0 || !target_cap.is_finite() {
        return Err(Unreachable::OutOfRange);
    }
    allowed(InputId::TargetPe, target_cap / earnings)
}

/// The paying members that give a monthly ARPU of `arpu_monthly`: P-side Q1 revenue ÷ (3 × ARPU).
pub fn paying_members_for_monthly_arpu(
    inputs: &Inputs,
    arpu_monthly: f64,
) -> Result<f64, Unreachable> {
    if arpu_monthly <= 0.0 || !arpu_monthly.is_finite() {
        return Err(Unreachable::OutOfRange);
    }
    let p_side = metric(inputs, MetricId::KlingPSideRevenue2025q1)?;
    // With no P-side revenue every positive member count gives ARPU 0, and 0
    // members leaves ARPU undefined: no answer reaches a positive target.
    if p_side <= 0.0 {
        return Err(Unreachable::NoBracket);
    }
    allowed(InputId::KlingPayingMembers, p_side / (3.0 * arpu_monthly))
}

/// One "what would it take" question the UI offers, answered by a closed form.
#[derive(Clone, Copy, Debug)]
pub struct Goal {
    /// Stable key, used in `data-goal`.
    pub key: &'static str,
    /// The question, in each locale.
    pub question: Text,
    /// What the reader types as the target.
    pub target_unit: Unit,
    /// The target offered before the reader types one, in base units.
    pub default_target: f64,
    /// The input the answer is a value of (the UI can apply it there).
    pub solves_for: InputId,
    /// Computes the answer from the current inputs and a target.
    pub solve: fn(&Inputs, f64) -> Result<f64, Unreachable>,
}

/// The goals the UI offers, in page order.
pub const GOALS: &[Goal] = &[
    Goal {
        key: "kling_q4_for_fy_total",
        question: t(
            "可靈全年收入要達到多少?Q4 需要:",
            "可灵全年收入要达到多少?Q4 需要:",
            "For Kling's 2025 revenue to reach this, Q4 needs:",
        ),
        target_unit: Unit::Cny,
        default_target: 12e8,
        solves_for: InputId::KlingRevenue2025q4,
        solve: kling_q4_for_fy_total,
    },
    Goal {
        key: "kling_q4_for_share",
        question: t(
            "可靈要佔快手Q4收入多少?(假設Q4收入同Q3)Q4 需要:",
            "可灵要占快手Q4收入多少?(假设Q4收入同Q3)Q4 需要:",
            "For Kling to be this share of Kuaishou's Q4 revenue (assumed equal to Q3's), Q4 needs:",
        ),
        target_unit: Unit::Share,
        default_target: 0.01,
        solves_for: InputId::KlingRevenue2025q4,
        solve: |inputs, share| match default_q4_company_revenue(inputs) {
            Some(revenue) => kling_q4_for_share(inputs, share, revenue),
            None => Err(Unreachable::NotComputable(Reason::Missing(InputId::Revenue2025q3))),
        },
    },
    Goal {
        key: "target_pe_for_market_cap",
        question: t(
            "快手市值要達到多少?所需市盈率:",
            "快手市值要达到多少?所需市盈率:",
            "For Kuaishou to be worth this, the P/E needed:",
        ),
        target_unit: Unit::Cny,
        default_target: 4000e8,
        solves_for: InputId::TargetPe,
        solve: target_pe_for_market_cap,
    },
    Goal {
        key: "paying_members_for_monthly_arpu",
        question: t(
            "每月ARPU要達到多少?所需付費會員:",
            "每月ARPU要达到多少?所需付费会员:",
            "For monthly ARPU per paying member to be this, paying members needed:",
        ),
        target_unit: Unit::Cny,
        default_target: 21.0,
        solves_for: InputId::KlingPayingMembers,
        solve: paying_members_for_monthly_arpu,
    },
];

/// Points on the coarse grid over the slider range.
const GRID: usize = 64;
/// Doublings beyond the slider range, enough to go from any slider end to 1e15.
const EXPANSIONS: usize = 64;
/// Halvings towards a range end or zero, where a ÷ input has its pole.
const HALVINGS: usize = 48;
/// Bisection steps; 200 halvings exhaust any f64 interval.
const STEPS: usize = 200;
/// Relative width at which bisection stops.
const TOL: f64 = 1e-9;

/// The value of `input` at which `metric` equals `target`, found numerically.
///
/// Method: evaluate metric − target on a 64-point grid over the slider range
/// (`slider_min..=slider_max`), then along walks that reach the rest of the
/// input's range: doublings outward to its ends, and 48 halvings towards the
/// low end and towards zero, where a metric that divides by the input has its
/// pole. The first pair of neighbouring computable points with a sign change is
/// refined by bisection until the bracket is narrower than 1e-9 of its
/// magnitude (at most 200 steps). A bracket that straddles a pole (the metric
/// jumps instead of narrowing) is discarded and the search goes on. Points where
/// the metric cannot be computed are skipped; if none can be, the first reason
/// is reported.
pub fn seek(
    inputs: &Inputs,
    input: InputId,
    metric: MetricId,
    target: f64,
) -> Result<f64, Unreachable> {
    if !target.is_finite() {
        return Err(Unreachable::OutOfRange);
    }
    let spec = input.spec();
    let mut trial = *inputs;
    let mut first_error = None;
    let mut f = |x: f64| -> Option<f64> {
        trial.set(input, x).ok()?;
        match compute(&trial).get(metric).value {
            Ok(v) => Some(v - target),
            Err(e) => {
                first_error.get_or_insert(e);
                None
            }
        }
    };
    let lo = if spec.min_exclusive {
        spec.min + spec.min.abs().max(1.0) * TOL
    } else {
        spec.min
    };
    let (s_lo, s_hi) = (spec.slider_min().max(lo), spec.slider_max);
    let gap = (s_hi - s_lo) / (GRID - 1) as f64;
    let grid = |k: usize| s_lo + gap * k as f64;
    // The grid points either side of zero, where poles of ÷ input sit.
    let k0 = ((-s_lo / gap).floor().max(0.0) as usize).min(GRID - 2);
    let zero_inside = s_lo < 0.0 && s_hi > 0.0;
    let halvings = |on: bool| if on { HALVINGS } else { 0 };
    // Each walk: start, anchor, ratio, length; x_k = anchor + (start − anchor)·ratio^k,
    // except the first, the linear grid (ratio 0).
    let walks = [
        (s_lo, 0.0, 0.0, GRID - 1),
        (s_hi, 0.0, 2.0, if s_hi < spec.max { EXPANSIONS } else { 0 }),
        (s_lo, 0.0, 2.0, if s_lo > lo { EXPANSIONS } else { 0 }),
        (grid(1), s_lo, 0.5, HALVINGS),
        (grid(k0 + 1), 0.0, 0.5, halvings(zero_inside)),
        (grid(k0), 0.0, 0.5, halvings(zero_inside)),
    ];
    let mut computable = false;
    for (start, anchor, ratio, len) in walks {
        let mut prev = None;
        let mut r = 1.0;
        for k in 0..=len {
            let x = if k == 0 {
                start
            } else if ratio == 0.0 {
                grid(k)
            } else {
                r *= ratio;
                (anchor + (start - anchor) * r).max(lo).min(spec.max)
            };
            let Some(fx) = f(x) else {
                prev = None;
                continue;
            };
            computable = true;
            if fx == 0.0 {
                return allowed(input, x);
            }
            if let Some((px, pf)) = prev {
                if f64::signum(pf) != fx.signum() {
                    if let Some(root) = bisect(&mut f, (px, pf), (x, fx), spec.step) {
                        return allowed(input, root);
                    }
                }
            }
            prev = Some((x, fx));
            if k > 0 && (x == lo || x == spec.max) {
                break;
            }
        }
    }
    match first_error {
        Some(e) if !computable => Err(Unreachable::NotComputable(e)),
        _ => Err(Unreachable::NoBracket),
    }
}

/// Narrows a sign change to a root; `None` when it turns out to be a pole or a gap.
fn bisect(
    f: &mut impl FnMut(f64) -> Option<f64>,
    (mut a, mut fa): (f64, f64),
    (mut b, mut fb): (f64, f64),
    step: f64,
) -> Option<f64> {
    let jump = (fa - fb).abs();
    for _ in 0..STEPS {
        if (b - a).abs() <= TOL * a.abs().max(b.abs()).max(step) {
            break;
        }
        let m = a + (b - a) / 2.0;
        if m == a || m == b {
            break;
        }
        let fm = f(m)?;
        if fm == 0.0 {
            return Some(m);
        }
        if fm.signum() == fa.signum() {
            (a, fa) = (m, fm);
        } else {
            (b, fb) = (m, fm);
        }
    }
    // A continuous metric narrows with its bracket; one that still jumps is a pole.
    if (fa - fb).abs() > 1e-3 * jump {
        return None;
    }
    Some(if fa.abs() <= fb.abs() { a } else { b })
}

#[cfg(all(test, not(target_arch = "wasm32")))] // its property tests use proptest, native-only
mod tests {
    use super::*;

    #[test]
    fn goal_table_answers_at_defaults() {
        let inputs = Inputs::published();
        // (goal key, target, expected answer)
        let cases: [(&str, f64, f64); 5] = [
            ("kling_q4_for_fy_total", 12e8, 5e8),
            ("kling_q4_for_share", 0.01, 355.54e8 * 0.01),
            (
                "target_pe_for_market_cap",
                4000e8,
                4000e8 / (2690e8 / 13.12),
            ),
            ("paying_members_for_monthly_arpu", 21.0, 1.05e8 / 63.0),
            ("paying_members_for_monthly_arpu", 7.0, 5e6),
        ];
        for (key, target, want) in cases {
            let goal = GOALS.iter().find(|g| g.key == key).unwrap();
            let got = (goal.solve)(&inputs, target).unwrap();
            assert!(
                (got - want).abs() <= 1e-9 * want.abs(),
                "{key}: {got} != {want}"
            );
            // Applying the answer reaches the target.
            let mut applied = inputs;
            applied.set(goal.solves_for, got).unwrap();
            let results = compute(&applied);
            let reached = match key {
                "kling_q4_for_fy_total" => results.get(MetricId::KlingFy2025).value.unwrap(),
                "kling_q4_for_share" => got / 355.54e8,
                "target_pe_for_market_cap" => {
                    results.get(MetricId::ImpliedMarketCap).value.unwrap()
                }
                _ => results.get(MetricId::ArpuPayingMonthly).value.unwrap(),
            };
            assert!(
                (reached - target).abs() <= 1e-9 * target.abs(),
                "{key}: reached {reached}"
            );
        }
        let mut no_q3 = inputs;
        no_q3.set(InputId::Revenue2025q3, 0.0).unwrap();
        assert_eq!(
            (GOALS[1].solve)(&no_q3, 0.5),
            Err(Unreachable::NotComputable(Reason::DivisionByZero))
        );
        let mut no_p_side = inputs;
        no_p_side.set(InputId::KlingPSideShare, 0.0).unwrap();
        assert_eq!(
            (GOALS[3].solve)(&no_p_side, 7.0),
            Err(Unreachable::NoBracket)
        );
        assert_eq!((GOALS[1].solve)(&inputs, 1.5), Err(Unreachable::OutOfRange));
        assert_eq!((GOALS[0].solve)(&inputs, 5e8), Err(Unreachable::OutOfRange));
        assert_eq!((GOALS[3].solve)(&inputs, 0.0), Err(Unreachable::OutOfRange));
    }
    use proptest::prelude::*;
    use InputId as I;
    use MetricId as X;

    fn close(got: Result<f64, Unreachable>, want: f64) {
        let g = got.unwrap_or_else(|e| panic!("want {want}, got {e:?}"));
        assert!(
            (g - want).abs() <= 1e-8 * want.abs().max(1.0),
            "got {g}, want {want}"
        );
    }

    fn with(changes: &[(InputId, f64)]) -> Inputs {
        let mut inp = Inputs::published();
        for &(id, v) in changes {
            inp.set(id, v).unwrap();
        }
        inp
    }

    #[test]
    fn q4_for_fy_total() {
        let p = Inputs::published();
        close(kling_q4_for_fy_total(&p, 12e8), 5e8);
        close(kling_q4_for_fy_total(&p, 7e8), 0.0);
        assert_eq!(
            kling_q4_for_fy_total(&p, 6.9e8),
            Err(Unreachable::OutOfRange)
        );
        assert_eq!(
            kling_q4_for_fy_total(&p, f64::NAN),
            Err(Unreachable::OutOfRange)
        );
        close(
            kling_q4_for_fy_total(&with(&[(I::KlingRevenue2025q2, 3e8)]), 12e8),
            4.5e8,
        );
    }

    #[test]
    fn q4_for_share() {
        let p = Inputs::published();
        let rev = default_q4_company_revenue(&p).unwrap();
        assert_eq!(rev, 355.54e8);
        close(kling_q4_for_share(&p, 0.01, rev), 3.5554e8);
        close(kling_q4_for_share(&p, 0.0, rev), 0.0);
        close(kling_q4_for_share(&p, 0.02, 400e8), 8e8);
        assert_eq!(
            kling_q4_for_share(&p, 1.5, rev),
            Err(Unreachable::OutOfRange)
        );
        assert_eq!(
            kling_q4_for_share(&p, -0.1, rev),
            Err(Unreachable::OutOfRange)
        );
        assert_eq!(
            kling_q4_for_share(&p, 0.01, -1.0),
            Err(Unreachable::OutOfRange)
        );
    }

    #[test]
    fn pe_for_market_cap() {
        let p = Inputs::published();
        close(target_pe_for_market_cap(&p, 3e11), 3e11 / (2690e8 / 13.12));
        close(target_pe_for_market_cap(&p, 2690e8), 13.12);
        assert_eq!(
            target_pe_for_market_cap(&p, 0.0),
            Err(Unreachable::OutOfRange)
        );
        assert_eq!(
            target_pe_for_market_cap(&p, 1e15),
            Err(Unreachable::OutOfRange)
        );
        assert_eq!(
            target_pe_for_market_cap(&with(&[(I::PeKuaishou, -5.0)]), 3e11),
            Err(Unreachable::NotComputable(Reason::NegativeEarnings))
        );
        assert_eq!(
            target_pe_for_market_cap(&with(&[(I::MarketCap, 0.0)]), 3e11),
            Err(Unreachable::NotComputable(Reason::DivisionByZero))
        );
    }

    #[test]
    fn members_for_arpu() {
        let p = Inputs::published();
        close(paying_members_for_monthly_arpu(&p, 7.0), 5e6);
        close(paying_members_for_monthly_arpu(&p, 21.0), 1.05e8 / 63.0);
        assert_eq!(
            paying_members_for_monthly_arpu(&p, 0.0),
            Err(Unreachable::OutOfRange)
        );
        assert_eq!(
            paying_members_for_monthly_arpu(&p, -3.0),
            Err(Unreachable::OutOfRange)
        );
        // No P-side revenue: no member count gives a positive ARPU.
        assert_eq!(
            paying_members_for_monthly_arpu(&with(&[(I::KlingPSideShare, 0.0)]), 7.0),
            Err(Unreachable::NoBracket)
        );
    }

    #[test]
    fn seek_agrees_with_closed_forms() {
        let p = Inputs::published();
        let near = |got: Result<f64, Unreachable>, want: f64| {
            let g = got.unwrap_or_else(|e| panic!("want {want}, got {e:?}"));
            assert!(
                (g - want).abs() <= 1e-8 * want.abs(),
                "got {g}, want {want}"
            );
        };
        near(seek(&p, I::KlingRevenue2025q4, X::KlingFy2025, 1.2e9), 5e8);
        near(
            seek(&p, I::TargetPe, X::ImpliedMarketCap, 3e11),
            3e11 / (2690e8 / 13.12),
        );
        near(
            seek(&p, I::KlingPayingMembers, X::ArpuPayingMonthly, 21.0),
            1.05e8 / 63.0,
        );
        // Between the pole at zero members and the first grid point.
        near(
            seek(&p, I::KlingPayingMembers, X::ArpuPayingMonthly, 120.0),
            1.05e8 / 360.0,
        );
        // Near the pole at a zero P/E.
        near(
            seek(&p, I::PeKuaishou, X::ImpliedUpside, 999.0),
            70.62 / 3.0 / 1000.0,
        );
        // Beyond the slider (10億) but within the range.
        near(seek(&p, I::KlingRevenue2025q4, X::KlingFy2025, 50e8), 43e8);
        // Below zero, outside the P/E slider.
        near(
            seek(&p, I::OperatingProfit2025q3, X::OperatingMargin2025q3, -0.5),
            -177.77e8,
        );
        // Kling share of Q3 as a function of Kuaishou revenue: a decreasing curve.
        near(seek(&p, I::Revenue2025q3, X::KlingShare2025q3, 0.01), 300e8);
        near(
            seek(&p, I::RevenueYoy2025q3, X::Revenue2024q3, 300e8),
            355.54 / 300.0 - 1.0,
        );
    }

    #[test]
    fn seek_reports_unreachable() {
        let p = Inputs::published();
        // Q4 revenue cannot be negative, so the total cannot fall below the first three quarters.
        assert_eq!(
            seek(&p, I::KlingRevenue2025q4, X::KlingFy2025, 6e8),
            Err(Unreachable::NoBracket)
        );
        // The metric does not depend on the input.
        assert_eq!(
            seek(&p, I::PeBaidu, X::KlingFy2025, 2e9),
            Err(Unreachable::NoBracket)
        );
        assert_eq!(
            seek(&p, I::Revenue2025q3, X::KlingShare2025q2, 0.01),
            Err(Unreachable::NotComputable(Reason::Missing(
                I::Revenue2025q2
            )))
        );
        assert_eq!(
            seek(&p, I::PeKuaishou, X::ImpliedUpside, f64::INFINITY),
            Err(Unreachable::OutOfRange)
        );
        // 1/x has a pole at zero: a sign change across it is no root.
        assert_eq!(
            seek(
                &with(&[(I::PeBaidu, 50.0)]),
                I::PeKuaishou,
                X::ImpliedUpside,
                -2.0
            ),
            Err(Unreachable::NoBracket)
        );
        assert_eq!(
            Unreachable::NoBracket.message(Locale::En),
            "no value in the allowed range reaches the target"
        );
        assert_eq!(
            Unreachable::OutOfRange.message(Locale::Hans),
            "所需数值超出允许范围"
        );
    }

    /// Pairs where the metric depends on the input.
    const PAIRS: [(InputId, MetricId); 12] = [
        (I::KlingRevenue2025q4, X::KlingFy2025),
        (I::KlingRevenue2025q4, X::KlingFy2025Usd),
        (I::TargetPe, X::ImpliedMarketCap),
        (I::PeKuaishou, X::ImpliedUpside),
        (I::PeKuaishou, X::PeDiscountToPeers),
        (I::KlingPayingMembers, X::ArpuPayingMonthly),
        (I::Revenue2025q3, X::KlingShare2025q3),
        (I::Revenue2025q3, X::SegmentsGap2025q3),
        (I::RevenueYoy2025q3, X::Revenue2024q3),
        (I::UsdCny, X::KlingFy2025Usd),
        (I::OperatingProfit2025q3, X::OperatingMargin2025q3),
        (I::KlingRevenue2025q2, X::KlingQoq2025q3),
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn seek_hits_or_says_unreachable(
            pair in 0..PAIRS.len(),
            u in 0.0..1.0f64,
            reachable in any::<bool>(),
            raw in -1e12..1e12f64,
        ) {
            let (input, metric) = PAIRS[pair];
            let p = Inputs::published();
            let s = input.spec();
            // Half the targets come from a value the input can take, so most are reachable.
            let x0 = s.slider_min() + u * (s.slider_max - s.slider_min());
            let mut q = p;
            let _ = q.set(input, x0);
            let hit = compute(&q).get(metric).value.ok().filter(|_| reachable);
            let target = hit.unwrap_or(raw);
            match seek(&p, input, metric, target) {
                Ok(x) => {
                    prop_assert!(s.check(x).is_ok());
                    let at = |x: f64| {
                        let mut q = p;
                        q.set(input, x).ok()?;
                        compute(&q).get(metric).value.ok()
                    };
                    let got = at(x).unwrap();
                    // What the input's own 1e-9 tolerance allows the metric to move.
                    let d = 2e-9 * x.abs().max(s.step);
                    let slack = match (at(x - d), at(x + d)) {
                        (Some(a), Some(b)) => (a - b).abs(),
                        _ => 0.0,
                    };
                    prop_assert!(
                        (got - target).abs() <= 1e-6 * target.abs().max(1.0) + slack,
                        "{} via {}: got {got}, want {target}", metric.key(), input.key()
                    );
                }
                // A target the metric takes on the slider range must be found.
                Err(e) => prop_assert!(hit.is_none(), "{} via {}: {e:?} for {target}", metric.key(), input.key()),
            }
        }
    }
}
