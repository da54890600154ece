//! The metrics: every ratio, sum and valuation the widget derives from the inputs.
//!
//! Each metric is one row of [`SPECS`]: a small arithmetic operation over up to
//! three operands (inputs or earlier metrics). [`compute`] resolves the inputs
//! once and evaluates the rows in order, so one full recompute is a single pass
//! over fixed-size arrays with no heap allocation.
//!
//! # Qualifier propagation
//!
//! A qualifier is treated as the directions in which the true value may lie
//! ([`Bound`]: a floor may be higher, a ceiling lower, approximate either way).
//! A result's bound is the union of its operands' bounds, each flipped when the
//! result moves against that operand (negative partial derivative). So exact
//! inputs stay exact; a + b with floor and exact is a floor, floor + ceiling is
//! approximate; a − b flips b; a ÷ b with positive operands flips the divisor;
//! a negative multiplier flips the other operand; approximate anywhere gives
//! approximate; an assumed (derived, unset) input counts as approximate.
//! For example Kling Q3 revenue (floor) ÷ Kuaishou Q3 revenue (exact) is a
//! floor, and the approximate target minus the floor year-to-date is approximate.
//!
//! # Errors
//!
//! A missing input reports itself; an operand metric that failed for a missing
//! input or negative earnings passes that reason on (the reader needs to know
//! which field to fill, and "n/m" stays "n/m"); any other failed operand gives
//! [`Reason::Depends`]. No value is ever NaN or infinite.

use super::format::{format_money_to, format_value};
use super::inputs::{t, Bound, DefaultRule, InputId, InputSet, Inputs, Resolved};
use super::units::{Locale, Qualifier, Text, Unit};
use std::ops::Index;

/// Identifies one metric; the discriminant indexes every per-metric table.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MetricId {
    /// Kuaishou 2024 Q1 revenue, backed out of 2025 Q1 and its growth.
    Revenue2024q1,
    /// Kuaishou 2024 Q3 revenue, backed out of 2025 Q3 and its growth.
    Revenue2024q3,
    /// Kuaishou revenue growth from 2025 Q2 to Q3.
    RevenueQoq2025q3,
    /// Online marketing revenue, 2024 Q3.
    OnlineMarketing2024q3,
    /// Live streaming revenue, 2024 Q3.
    LiveStreaming2024q3,
    /// Other services revenue, 2024 Q3.
    OtherServices2024q3,
    /// The three Q3 segments added up.
    SegmentsSum2025q3,
    /// Q3 total revenue minus the sum of its segments.
    SegmentsGap2025q3,
    /// Online marketing's share of Q3 revenue.
    OnlineMarketingShare2025q3,
    /// Live streaming's share of Q3 revenue.
    LiveStreamingShare2025q3,
    /// Other services' share of Q3 revenue.
    OtherServicesShare2025q3,
    /// Operating profit over revenue, Q3.
    OperatingMargin2025q3,
    /// Adjusted net profit over revenue, Q1.
    AdjustedNetMargin2025q1,
    /// Adjusted net profit over revenue, Q3.
    AdjustedNetMargin2025q3,
    /// Kling's share of Kuaishou revenue, Q1.
    KlingShare2025q1,
    /// Kling's share of Kuaishou revenue, Q2.
    KlingShare2025q2,
    /// Kling's share of Kuaishou revenue, Q3.
    KlingShare2025q3,
    /// Kling's share of the other services segment, Q3.
    KlingShareOfOtherServices2025q3,
    /// Kling revenue growth from Q1 to Q2.
    KlingQoq2025q2,
    /// Kling revenue growth from Q2 to Q3.
    KlingQoq2025q3,
    /// Kling revenue in the first three quarters.
    KlingYtd2025q3,
    /// The Q4 revenue Kling needs to reach its full-year target.
    KlingQ4Required,
    /// The quarter-on-quarter growth that Q4 requirement implies.
    KlingQ4RequiredQoq,
    /// Kling's 2025 revenue: three quarters plus the Q4 input.
    KlingFy2025,
    /// The share of the full-year target reached by Q3.
    KlingTargetAttainmentYtd,
    /// How much the US dollar target was raised over the initial one.
    KlingGuidanceRaise,
    /// Kling's 2025 revenue in US dollars.
    KlingFy2025Usd,
    /// Kling Q1 revenue from creators (the P side).
    KlingPSideRevenue2025q1,
    /// Kling Q1 revenue from enterprises (the B side).
    KlingBSideRevenue2025q1,
    /// P-side revenue per paying member per quarter.
    ArpuPayingQuarterly,
    /// P-side revenue per paying member per month.
    ArpuPayingMonthly,
    /// Q3 revenue per daily active user.
    RevenuePerDau2025q3,
    /// Q3 revenue per monthly active user.
    RevenuePerMau2025q3,
    /// Daily over monthly active users, Q3.
    DauMauRatio2025q3,
    /// The mean P/E of Baidu, Alibaba and Tencent.
    PePeerAverage,
    /// How far Kuaishou's P/E is below the peer average.
    PeDiscountToPeers,
    /// How far Kuaishou's P/E is below Baidu's.
    PeDiscountToBaidu,
    /// How far Kuaishou's P/E is below Alibaba's.
    PeDiscountToAlibaba,
    /// How far Kuaishou's P/E is below Tencent's.
    PeDiscountToTencent,
    /// The earnings the market cap and P/E imply.
    ImpliedEarnings,
    /// The market cap at the target P/E.
    ImpliedMarketCap,
    /// The change from today's market cap to the one at the target P/E.
    ImpliedUpside,
}

const M: usize = 42;

const KEYS: [&str; M] = [
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

impl MetricId {
    /// The number of metrics.
    pub const COUNT: usize = M;

    /// Every metric, in evaluation order (each depends only on earlier ones).
    pub const ALL: [MetricId; M] = {
        let mut all = [MetricId::Revenue2024q1; M];
        let mut i = 0;
        while i < M {
            all[i] = SPECS[i].id;
            i += 1;
        }
        all
    };

    /// The stable key, e.g. `kling_share_2025q3`.
    pub fn key(self) -> &'static str {
        KEYS[self as usize]
    }

    /// Finds a metric by its key.
    pub fn from_key(key: &str) -> Option<MetricId> {
        Self::ALL.into_iter().find(|id| id.key() == key)
    }

    /// The metric's unit, label, formula and operands.
    pub fn spec(self) -> &'static MetricSpec {
        &SPECS[self as usize]
    }
}

/// Something a metric is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// An input's effective value.
    Input(InputId),
    /// An earlier metric's value.
    Metric(MetricId),
}

/// The arithmetic of a metric over its operands `a`, `b`, `c`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// a ÷ (1 + b): last year's value from this year's and its growth.
    Deflate,
    /// a ÷ b.
    Ratio,
    /// a ÷ b − 1.
    Growth,
    /// 1 − a ÷ b.
    Discount,
    /// a + b (+ c).
    Sum,
    /// a − b.
    Diff,
    /// a − b, or zero once b has reached a: what is still needed to reach a target.
    Shortfall,
    /// a × b.
    Mul,
    /// a × (1 − b).
    MulComplement,
    /// a ÷ 3.
    Third,
    /// (a + b + c) ÷ 3.
    Mean,
}

/// How a metric is defined and shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetricSpec {
    /// The metric this describes.
    pub id: MetricId,
    /// What the value measures.
    pub unit: Unit,
    /// A short label in each locale.
    pub label: Text,
    /// What the metric is computed from, in formula order.
    pub operands: &'static [Operand],
    op: Op,
    /// Operands that must be positive P/Es or earnings (bit k for operand k), else "n/m".
    positive: u8,
}

/// Why a metric has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// This input (the first one found) has no value.
    Missing(InputId),
    /// A denominator is zero.
    DivisionByZero,
    /// A P/E or earnings figure is zero or negative, so the ratio is not meaningful ("n/m").
    NegativeEarnings,
    /// The result is not finite or beyond ±1e18.
    OutOfRange,
    /// An operand metric could not be computed.
    Depends(MetricId),
}

impl Reason {
    /// A short explanation in `locale`.
    pub fn message(self, locale: Locale) -> &'static str {
        match self {
            Reason::Missing(_) => t("缺少輸入", "缺少输入", "missing input"),
            Reason::DivisionByZero => t("除數為零", "除数为零", "division by zero"),
            Reason::NegativeEarnings => t(
                "不適用:市盈率或盈利不為正",
                "不适用:市盈率或盈利不为正",
                "n/m: P/E or earnings not positive",
            ),
            Reason::OutOfRange => t("結果超出範圍", "结果超出范围", "result out of range"),
            Reason::Depends(_) => t(
                "所依賴的指標無法計算",
                "所依赖的指标无法计算",
                "depends on a metric that cannot be computed",
            ),
        }
        .get(locale)
    }
}

impl Reason {
    /// The message, naming the missing input or failing metric where there is one,
    /// e.g. "missing input: Kuaishou Q2 revenue".
    pub fn describe(self, locale: Locale) -> String {
        let mut out = String::from(self.message(locale));
        let name = match self {
            Reason::Missing(id) => Some(id.spec().label.get(locale)),
            Reason::Depends(id) => Some(id.spec().label.get(locale)),
            _ => None,
        };
        if let Some(name) = name {
            out.push_str(if locale.is_chinese() { ":" } else { ": " });
            out.push_str(name);
        }
        out
    }
}

/// One metric's result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// The value in base units, or why there is none.
    pub value: Result<f64, Reason>,
    /// How exact the value is (`Exact` when there is no value).
    pub qualifier: Qualifier,
    /// The inexact or assumed inputs the value rests on, transitively (empty when there is no value).
    pub rests_on: InputSet,
}

impl Outcome {
    const fn fail(reason: Reason) -> Outcome {
        Outcome {
            value: Err(reason),
            qualifier: Qualifier::Exact,
            rests_on: InputSet::EMPTY,
        }
    }
}

/// Every metric's outcome, and the resolved inputs they were computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    outcomes: [Outcome; M],
    resolved: Resolved,
}

impl Results {
    /// The outcome of one metric.
    pub fn get(&self, id: MetricId) -> &Outcome {
        &self.outcomes[id as usize]
    }

    /// The effective inputs the metrics were computed from.
    pub fn resolved(&self) -> &Resolved {
        &self.resolved
    }
}

impl Index<MetricId> for Results {
    type Output = Outcome;

    fn index(&self, id: MetricId) -> &Outcome {
        self.get(id)
    }
}

/// Resolves the inputs once and evaluates every metric in dependency order.
pub fn compute(inputs: &Inputs) -> Results {
    let resolved = inputs.resolve();
    let mut rests = [InputSet::EMPTY; InputId::COUNT];
    for (i, r) in rests.iter_mut().enumerate() {
        *r = resolved.rests_on(InputId::ALL[i]);
    }
    let mut outcomes = [Outcome::fail(Reason::OutOfRange); M];
    for (i, spec) in SPECS.iter().enumerate() {
        outcomes[i] = evaluate(spec, &resolved, &rests, &outcomes);
    }
    Results { outcomes, resolved }
}

fn evaluate(spec: &MetricSpec, r: &Resolved, rests: &[InputSet], done: &[Outcome]) -> Outcome {
    let mut x = [0.0; 3];
    let mut bounds = [Bound::EXACT; 3];
    let mut rests_on = InputSet::EMPTY;
    for (k, operand) in spec.operands.iter().enumerate() {
        let (v, b, s) = match *operand {
            Operand::Input(id) => {
                let i = id as usize;
                let Some(v) = r.values[i] else {
                    return Outcome::fail(Reason::Missing(id));
                };
                let b = if r.assumed[i] {
                    Bound::APPROX
                } else {
                    Bound::of(r.qualifiers[i])
                };
                (v, b, rests[i])
            }
            Operand::Metric(m) => {
                let o = &done[m as usize];
                match o.value {
                    Ok(v) => (v, Bound::of(o.qualifier), o.rests_on),
                    Err(e @ (Reason::Missing(_) | Reason::NegativeEarnings)) => {
                        return Outcome::fail(e)
                    }
                    Err(_) => return Outcome::fail(Reason::Depends(m)),
                }
            }
        };
        x[k] = v;
        bounds[k] = b;
        rests_on = rests_on.union(s);
    }
    if (0..3).any(|k| spec.positive >> k & 1 == 1 && x[k] <= 0.0) {
        return Outcome::fail(Reason::NegativeEarnings);
    }
    let [a, b, c] = x;
    let nonzero = |d: f64| {
        if d == 0.0 {
            Err(Reason::DivisionByZero)
        } else {
            Ok(d)
        }
    };
    // Each arm gives the value and the sign of its partial derivative in each operand.
    let result = match spec.op {
        Op::Deflate => nonzero(1.0 + b).map(|d| (a / d, [d, -a, 0.0])),
        Op::Ratio => nonzero(b).map(|d| (a / d, [d, -a, 0.0])),
        Op::Growth => nonzero(b).map(|d| (a / d - 1.0, [d, -a, 0.0])),
        Op::Discount => nonzero(b).map(|d| (1.0 - a / d, [-d, a, 0.0])),
        Op::Sum => Ok((a + b + c, [1.0; 3])),
        Op::Diff => Ok((a - b, [1.0, -1.0, 0.0])),
        // Past the target nothing more is needed: 0, exact with respect to both.
        Op::Shortfall if a <= b => Ok((0.0, [0.0; 3])),
        Op::Shortfall => Ok((a - b, [1.0, -1.0, 0.0])),
        Op::Mul => Ok((a * b, [b, a, 0.0])),
        Op::MulComplement => Ok((a * (1.0 - b), [1.0 - b, -a, 0.0])),
        Op::Third => Ok((a / 3.0, [1.0; 3])),
        Op::Mean => Ok(((a + b + c) / 3.0, [1.0; 3])),
    };
    match result {
        Err(e) => Outcome::fail(e),
        Ok((v, _)) if !v.is_finite() || v.abs() > 1e18 => Outcome::fail(Reason::OutOfRange),
        Ok((v, sens)) => {
            let mut bound = Bound::EXACT;
            for k in 0..spec.operands.len() {
                bound = bound.or(bounds[k].signed(sens[k]));
            }
            Outcome {
                value: Ok(v + 0.0),
                qualifier: bound.qualifier(),
                rests_on,
            }
        }
    }
}

impl Op {
    /// The formula's shape; `a`, `b` and `c` stand for the operands in order
    /// (no other ASCII letter occurs, so the slots are unambiguous).
    fn template(self) -> &'static str {
        match self {
            Op::Deflate => "a ÷ (1 + b)",
            Op::Ratio => "a ÷ b",
            Op::Growth => "a ÷ b − 1",
            Op::Discount => "1 − a ÷ b",
            Op::Sum => "a + b + c",
            Op::Diff => "a − b",
            Op::Shortfall => "max(a − b, 0)",
            Op::Mul => "a × b",
            Op::MulComplement => "a × (1 − b)",
            Op::Third => "a ÷ 3",
            Op::Mean => "(a + b + c) ÷ 3",
        }
    }
}

impl Operand {
    /// The operand's short label in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Operand::Input(id) => id.spec().label.get(locale),
            Operand::Metric(id) => id.spec().label.get(locale),
        }
    }
}

impl MetricId {
    /// The formula in words, e.g. "Kling Q3 revenue ÷ Kuaishou Q3 revenue".
    ///
    /// Built from the metric's operation and its operands' labels, so the text
    /// can never disagree with what [`compute`] does.
    pub fn formula(self, locale: Locale) -> String {
        self.fill(|out, op| out.push_str(op.label(locale)))
    }

    /// The formula with the current numbers plugged in and its result, e.g.
    /// "超過3億元 ÷ 355.54億元 = 超過0.84%"; an operand or result that cannot be
    /// computed shows its reason instead of a number.
    pub fn plugged(self, results: &Results, locale: Locale) -> String {
        let mut out = self.fill(|out, op| match results.operand(op) {
            // A growth rate inside "1 + b" reads better unsigned: "1 + 14.2%".
            Ok((v, Unit::Change, q)) if v > 0.0 => {
                let text = format_value(v, Unit::Change, q, locale);
                out.push_str(&text.replacen('+', "", 1));
            }
            // One more decimal than elsewhere, so the arithmetic can be followed.
            Ok((v, unit, q)) => out.push_str(&format_money_to(v, unit, q, locale, 3)),
            Err(reason) => {
                out.push('[');
                out.push_str(&reason.describe(locale));
                out.push(']');
            }
        });
        out.push_str(" = ");
        let o = results.get(self);
        match o.value {
            Ok(v) => out.push_str(&format_value(v, self.spec().unit, o.qualifier, locale)),
            Err(reason) => out.push_str(&reason.describe(locale)),
        }
        out
    }

    /// The keys of the published figures this metric's value traces to, in
    /// operand order without repeats: through operand metrics and derived
    /// defaults, skipping inputs the reader has changed (those numbers are the
    /// reader's own, not an article's).
    pub fn sources(self, inputs: &Inputs) -> Vec<&'static str> {
        fn input(id: InputId, inputs: &Inputs, out: &mut Vec<&'static str>) {
            if inputs.is_changed(id) {
                return;
            }
            match id.spec().default {
                DefaultRule::Figure(key) => push(key, out),
                rule => rule.sources().iter().for_each(|&i| input(i, inputs, out)),
            }
        }
        fn push(key: &'static str, out: &mut Vec<&'static str>) {
            if !out.contains(&key) {
                out.push(key);
            }
        }
        fn walk(id: MetricId, inputs: &Inputs, out: &mut Vec<&'static str>) {
            for &op in id.spec().operands {
                match op {
                    Operand::Input(i) => input(i, inputs, out),
                    Operand::Metric(m) => walk(m, inputs, out),
                }
            }
        }
        let mut out = Vec::new();
        walk(self, inputs, &mut out);
        out
    }

    /// Writes the template with each operand slot filled by `slot`.
    fn fill(self, mut slot: impl FnMut(&mut String, Operand)) -> String {
        let spec = self.spec();
        let mut out = String::with_capacity(64);
        let template = spec.op.template();
        // A two-operand sum drops its third slot together with the " + " before it.
        let template = match (spec.op, spec.operands.len()) {
            (Op::Sum, 2) => &template[..template.len() - " + c".len()],
            _ => template,
        };
        for ch in template.chars() {
            match ch {
                'a' | 'b' | 'c' => match spec.operands.get((ch as u8 - b'a') as usize) {
                    Some(&op) => slot(&mut out, op),
                    None => out.push('?'),
                },
                _ => out.push(ch),
            }
        }
        out
    }
}

impl Results {
    /// An operand's current value with its unit and qualifier, or why it has none.
    pub fn operand(&self, op: Operand) -> Result<(f64, Unit, Qualifier), Reason> {
        match op {
            Operand::Input(id) => {
                let i = id as usize;
                let v = self.resolved.values[i].ok_or(Reason::Missing(id))?;
                let q = if self.resolved.assumed[i] {
                    Qualifier::Approx
                } else {
                    self.resolved.qualifiers[i]
                };
                Ok((v, id.spec().unit, q))
            }
            Operand::Metric(id) => {
                let o = self.get(id);
                o.value.map(|v| (v, id.spec().unit, o.qualifier))
            }
        }
    }
}

use InputId as I;
use MetricId as X;
use Operand::{Input as In, Metric as Me};

const fn row(
    id: MetricId,
    unit: Unit,
    op: Op,
    operands: &'static [Operand],
    label: Text,
) -> MetricSpec {
    MetricSpec {
        id,
        unit,
        label,
        operands,
        op,
        positive: 0,
    }
}

/// The metric table, in evaluation order.
const SPECS: [MetricSpec; M] = [
    row(
        X::Revenue2024q1,
        Unit::Cny,
        Op::Deflate,
        &[In(I::Revenue2025q1), In(I::RevenueYoy2025q1)],
        t(
            "快手2024年Q1收入",
            "快手2024年Q1收入",
            "Kuaishou 2024 Q1 revenue",
        ),
    ),
    row(
        X::Revenue2024q3,
        Unit::Cny,
        Op::Deflate,
        &[In(I::Revenue2025q3), In(I::RevenueYoy2025q3)],
        t(
            "快手2024年Q3收入",
            "快手2024年Q3收入",
            "Kuaishou 2024 Q3 revenue",
        ),
    ),
    row(
        X::RevenueQoq2025q3,
        Unit::Change,
        Op::Growth,
        &[In(I::Revenue2025q3), In(I::Revenue2025q2)],
        t("Q3收入環比", "Q3收入环比", "Q3 revenue QoQ"),
    ),
    row(
        X::OnlineMarketing2024q3,
        Unit::Cny,
        Op::Deflate,
        &[
            In(I::OnlineMarketing2025q3),
            In(I::OnlineMarketingYoy2025q3),
        ],
        t(
            "2024年Q3線上營銷",
            "2024年Q3线上营销",
            "2024 Q3 online marketing",
        ),
    ),
    row(
        X::LiveStreaming2024q3,
        Unit::Cny,
        Op::Deflate,
        &[In(I::LiveStreaming2025q3), In(I::LiveStreamingYoy2025q3)],
        t("2024年Q3直播", "2024年Q3直播", "2024 Q3 live streaming"),
    ),
    row(
        X::OtherServices2024q3,
        Unit::Cny,
        Op::Deflate,
        &[In(I::OtherServices2025q3), In(I::OtherServicesYoy2025q3)],
        t(
            "2024年Q3其他服務",
            "2024年Q3其他服务",
            "2024 Q3 other services",
        ),
    ),
    row(
        X::SegmentsSum2025q3,
        Unit::Cny,
        Op::Sum,
        &[
            In(I::OnlineMarketing2025q3),
            In(I::LiveStreaming2025q3),
            In(I::OtherServices2025q3),
        ],
        t("Q3三項業務合計", "Q3三项业务合计", "Q3 segments sum"),
    ),
    row(
        X::SegmentsGap2025q3,
        Unit::Cny,
        Op::Diff,
        &[In(I::Revenue2025q3), Me(X::SegmentsSum2025q3)],
        t(
            "Q3總收入與分項差額",
            "Q3总收入与分项差额",
            "Q3 total minus segments",
        ),
    ),
    row(
        X::OnlineMarketingShare2025q3,
        Unit::Share,
        Op::Ratio,
        &[In(I::OnlineMarketing2025q3), In(I::Revenue2025q3)],
        t(
            "線上營銷佔Q3收入",
            "线上营销占Q3收入",
            "Online marketing share of Q3 revenue",
        ),
    ),
    row(
        X::LiveStreamingShare2025q3,
        Unit::Share,
        Op::Ratio,
        &[In(I::LiveStreaming2025q3), In(I::Revenue2025q3)],
        t(
            "直播佔Q3收入",
            "直播占Q3收入",
            "Live streaming share of Q3 revenue",
        ),
    ),
    row(
        X::OtherServicesShare2025q3,
        Unit::Share,
        Op::Ratio,
        &[In(I::OtherServices2025q3), In(I::Revenue2025q3)],
        t(
            "其他服務佔Q3收入",
            "其他服务占Q3收入",
            "Other services share of Q3 revenue",
        ),
    ),
    row(
        X::OperatingMargin2025q3,
        Unit::Share,
        Op::Ratio,
        &[In(I::OperatingProfit2025q3), In(I::Revenue2025q3)],
        t("Q3經營利潤率", "Q3经营利润率", "Q3 operating margin"),
    ),
    row(
        X::AdjustedNetMargin2025q1,
        Unit::Share,
        Op::Ratio,
        &[In(I::AdjustedNetProfit2025q1), In(I::Revenue2025q1)],
        t("Q1經調整淨利率", "Q1经调整净利率", "Q1 adjusted net margin"),
    ),
    row(
        X::AdjustedNetMargin2025q3,
        Unit::Share,
        Op::Ratio,
        &[In(I::AdjustedNetProfit2025q3), In(I::Revenue2025q3)],
        t("Q3經調整淨利率", "Q3经调整净利率", "Q3 adjusted net margin"),
    ),
    row(
        X::KlingShare2025q1,
        Unit::Share,
        Op::Ratio,
        &[In(I::KlingRevenue2025q1), In(I::Revenue2025q1)],
        t("可靈佔Q1收入", "可灵占Q1收入", "Kling share of Q1 revenue"),
    ),
    row(
        X::KlingShare2025q2,
        Unit::Share,
        Op::Ratio,
        &[In(I::KlingRevenue2025q2), In(I::Revenue2025q2)],
        t("可靈佔Q2收入", "可灵占Q2收入", "Kling share of Q2 revenue"),
    ),
    row(
        X::KlingShare2025q3,
        Unit::Share,
        Op::Ratio,
        &[In(I::KlingRevenue2025q3), In(I::Revenue2025q3)],
        t("可靈佔Q3收入", "可灵占Q3收入", "Kling share of Q3 revenue"),
    ),
    row(
        X::KlingShareOfOtherServices2025q3,
        Unit::Share,
        Op::Ratio,
        &[In(I::KlingRevenue2025q3), In(I::OtherServices2025q3)],
        t(
            "可靈佔Q3其他服務",
            "可灵占Q3其他服务",
            "Kling share of Q3 other services",
        ),
    ),
    row(
        X::KlingQoq2025q2,
        Unit::Change,
        Op::Growth,
        &[In(I::KlingRevenue2025q2), In(I::KlingRevenue2025q1)],
        t("可靈Q2環比", "可灵Q2环比", "Kling Q2 QoQ"),
    ),
    row(
        X::KlingQoq2025q3,
        Unit::Change,
        Op::Growth,
        &[In(I::KlingRevenue2025q3), In(I::KlingRevenue2025q2)],
        t("可靈Q3環比", "可灵Q3环比", "Kling Q3 QoQ"),
    ),
    row(
        X::KlingYtd2025q3,
        Unit::Cny,
        Op::Sum,
        &[
            In(I::KlingRevenue2025q1),
            In(I::KlingRevenue2025q2),
            In(I::KlingRevenue2025q3),
        ],
        t("可靈前三季收入", "可灵前三季收入", "Kling revenue, Q1–Q3"),
    ),
    row(
        X::KlingQ4Required,
        Unit::Cny,
        Op::Shortfall,
        &[In(I::KlingFyTarget), Me(X::KlingYtd2025q3)],
        t(
            "達標所需Q4收入",
            "达标所需Q4收入",
            "Q4 revenue needed for the target",
        ),
    ),
    row(
        X::KlingQ4RequiredQoq,
        Unit::Change,
        Op::Growth,
        &[Me(X::KlingQ4Required), In(I::KlingRevenue2025q3)],
        t("所需Q4環比", "所需Q4环比", "Required Q4 QoQ"),
    ),
    row(
        X::KlingFy2025,
        Unit::Cny,
        Op::Sum,
        &[Me(X::KlingYtd2025q3), In(I::KlingRevenue2025q4)],
        t("可靈2025全年收入", "可灵2025全年收入", "Kling 2025 revenue"),
    ),
    row(
        X::KlingTargetAttainmentYtd,
        Unit::Share,
        Op::Ratio,
        &[Me(X::KlingYtd2025q3), In(I::KlingFyTarget)],
        t(
            "前三季目標完成度",
            "前三季目标完成度",
            "Target reached by Q3",
        ),
    ),
    row(
        X::KlingGuidanceRaise,
        Unit::Change,
        Op::Growth,
        &[In(I::KlingFyTargetUsd), In(I::KlingInitialTargetUsd)],
        t("目標上調幅度", "目标上调幅度", "Guidance raise"),
    ),
    row(
        X::KlingFy2025Usd,
        Unit::Usd,
        Op::Ratio,
        &[Me(X::KlingFy2025), In(I::UsdCny)],
        t(
            "可靈2025全年收入(美元)",
            "可灵2025全年收入(美元)",
            "Kling 2025 revenue (USD)",
        ),
    ),
    row(
        X::KlingPSideRevenue2025q1,
        Unit::Cny,
        Op::Mul,
        &[In(I::KlingRevenue2025q1), In(I::KlingPSideShare)],
        t(
            "可靈Q1 P端收入",
            "可灵Q1 P端收入",
            "Kling Q1 P-side revenue",
        ),
    ),
    row(
        X::KlingBSideRevenue2025q1,
        Unit::Cny,
        Op::MulComplement,
        &[In(I::KlingRevenue2025q1), In(I::KlingPSideShare)],
        t(
            "可靈Q1 B端收入",
            "可灵Q1 B端收入",
            "Kling Q1 B-side revenue",
        ),
    ),
    row(
        X::ArpuPayingQuarterly,
        Unit::Cny,
        Op::Ratio,
        &[Me(X::KlingPSideRevenue2025q1), In(I::KlingPayingMembers)],
        t(
            "付費會員季度ARPU",
            "付费会员季度ARPU",
            "Quarterly ARPU per paying member",
        ),
    ),
    row(
        X::ArpuPayingMonthly,
        Unit::Cny,
        Op::Third,
        &[Me(X::ArpuPayingQuarterly)],
        t(
            "付費會員月ARPU",
            "付费会员月ARPU",
            "Monthly ARPU per paying member",
        ),
    ),
    row(
        X::RevenuePerDau2025q3,
        Unit::Cny,
        Op::Ratio,
        &[In(I::Revenue2025q3), In(I::Dau2025q3)],
        t("Q3每日活用戶收入", "Q3每日活用户收入", "Q3 revenue per DAU"),
    ),
    row(
        X::RevenuePerMau2025q3,
        Unit::Cny,
        Op::Ratio,
        &[In(I::Revenue2025q3), In(I::Mau2025q3)],
        t("Q3每月活用戶收入", "Q3每月活用户收入", "Q3 revenue per MAU"),
    ),
    row(
        X::DauMauRatio2025q3,
        Unit::Share,
        Op::Ratio,
        &[In(I::Dau2025q3), In(I::Mau2025q3)],
        t("Q3日活/月活", "Q3日活/月活", "Q3 DAU/MAU"),
    ),
    row(
        X::PePeerAverage,
        Unit::Multiple,
        Op::Mean,
        &[In(I::PeBaidu), In(I::PeAlibaba), In(I::PeTencent)],
        t("同業平均市盈率", "同业平均市盈率", "Peer average P/E"),
    ),
    MetricSpec {
        positive: 0b11,
        ..row(
            X::PeDiscountToPeers,
            Unit::Share,
            Op::Discount,
            &[In(I::PeKuaishou), Me(X::PePeerAverage)],
            t("相對同業折讓", "相对同业折让", "Discount to peers"),
        )
    },
    MetricSpec {
        positive: 0b11,
        ..row(
            X::PeDiscountToBaidu,
            Unit::Share,
            Op::Discount,
            &[In(I::PeKuaishou), In(I::PeBaidu)],
            t("相對百度折讓", "相对百度折让", "Discount to Baidu"),
        )
    },
    MetricSpec {
        positive: 0b11,
        ..row(
            X::PeDiscountToAlibaba,
            Unit::Share,
            Op::Discount,
            &[In(I::PeKuaishou), In(I::PeAlibaba)],
            t(
                "相對阿里巴巴折讓",
                "相对阿里巴巴折让",
                "Discount to Alibaba",
            ),
        )
    },
    MetricSpec {
        positive: 0b11,
        ..row(
            X::PeDiscountToTencent,
            Unit::Share,
            Op::Discount,
            &[In(I::PeKuaishou), In(I::PeTencent)],
            t("相對騰訊折讓", "相对腾讯折让", "Discount to Tencent"),
        )
    },
    MetricSpec {
        positive: 0b10,
        ..row(
            X::ImpliedEarnings,
            Unit::Cny,
            Op::Ratio,
            &[In(I::MarketCap), In(I::PeKuaishou)],
            t("隱含年化盈利", "隐含年化盈利", "Implied earnings"),
        )
    },
    MetricSpec {
        positive: 0b10,
        ..row(
            X::ImpliedMarketCap,
            Unit::Cny,
            Op::Mul,
            &[Me(X::ImpliedEarnings), In(I::TargetPe)],
            t(
                "目標市盈率下市值",
                "目标市盈率下市值",
                "Market cap at target P/E",
            ),
        )
    },
    row(
        X::ImpliedUpside,
        Unit::Change,
        Op::Growth,
        &[Me(X::ImpliedMarketCap), In(I::MarketCap)],
        t("隱含上漲空間", "隐含上涨空间", "Implied upside"),
    ),
];

#[cfg(all(test, not(target_arch = "wasm32")))] // its property tests use proptest, native-only
mod tests {
    use super::*;
    use crate::core::figures::figure;

    #[test]
    fn sources_trace_to_published_figures() {
        let published = Inputs::published();
        let mut changed = published;
        changed.set(I::KlingRevenue2025q3, 3.2e8).unwrap();
        // (metric, inputs, figure keys expected)
        let cases: [(MetricId, &Inputs, &[&str]); 5] = [
            (
                X::KlingShare2025q3,
                &published,
                &["kling_revenue_2025q3", "revenue_2025q3"],
            ),
            (X::KlingShare2025q3, &changed, &["revenue_2025q3"]),
            (
                X::KlingFy2025,
                &published,
                &[
                    "kling_revenue_2025q1",
                    "kling_revenue_2025q2",
                    "kling_revenue_2025q3",
                    "kling_fy_target",
                ],
            ),
            (
                X::ImpliedMarketCap,
                &published,
                &[
                    "market_cap",
                    "pe_kuaishou",
                    "pe_baidu",
                    "pe_alibaba",
                    "pe_tencent",
                ],
            ),
            (X::RevenueQoq2025q3, &published, &["revenue_2025q3"]),
        ];
        for (id, inputs, want) in cases {
            assert_eq!(id.sources(inputs), want, "{}", id.key());
        }
        for id in MetricId::ALL {
            for key in id.sources(&published) {
                assert!(figure(key).is_some(), "{}: {key} is not a figure", id.key());
            }
        }
    }

    #[test]
    fn formulas_read_and_plug_in_the_current_numbers() {
        let published = compute(&Inputs::published());
        let mut q2 = Inputs::published();
        q2.set(I::Revenue2025q2, 340e8).unwrap();
        let with_q2 = compute(&q2);
        // (metric, locale, results, formula in words, formula with numbers)
        let cases: [(MetricId, Locale, &Results, &str, &str); 9] = [
            (X::KlingShare2025q3, Locale::Hant, &published, "可靈Q3收入 ÷ 快手Q3收入", "超過3億元 ÷ 355.54億元 = 超過0.84%"),
            (X::KlingShare2025q3, Locale::En, &published, "Kling Q3 revenue ÷ Kuaishou Q3 revenue", "≥ RMB 300 million ÷ RMB 35.554 billion = ≥ 0.84%"),
            (X::SegmentsSum2025q3, Locale::Hant, &published, "Q3線上營銷服務 + Q3直播 + Q3其他服務", "201億元 + 95.74億元 + 58.78億元 = 355.52億元"),
            (X::KlingFy2025, Locale::Hans, &published, "可灵前三季收入 + 可灵Q4收入", "超过7亿元 + 约3亿元 = 约10亿元"),
            (X::PePeerAverage, Locale::En, &published, "(Baidu P/E + Alibaba P/E + Tencent P/E) ÷ 3", "(24.96x + 24.59x + 21.07x) ÷ 3 = 23.54x"),
            (X::PeDiscountToPeers, Locale::Hant, &published, "1 − 快手市盈率 ÷ 同業平均市盈率", "1 − 13.12倍 ÷ 23.54倍 = 44.3%"),
            (X::RevenueQoq2025q3, Locale::En, &published, "Kuaishou Q3 revenue ÷ Kuaishou Q2 revenue − 1", "RMB 35.554 billion ÷ [missing input: Kuaishou Q2 revenue] − 1 = missing input: Kuaishou Q2 revenue"),
            (X::RevenueQoq2025q3, Locale::En, &with_q2, "Kuaishou Q3 revenue ÷ Kuaishou Q2 revenue − 1", "RMB 35.554 billion ÷ RMB 34 billion − 1 = +4.57%"),
            // The gap of two figures that round alike at 2 decimals still adds up.
            (X::SegmentsGap2025q3, Locale::En, &published, "Kuaishou Q3 revenue − Q3 segments sum", "RMB 35.554 billion − RMB 35.552 billion = RMB 2 million"),
        ];
        for (id, locale, results, words, plugged) in cases {
            assert_eq!(id.formula(locale), words, "{}", id.key());
            assert_eq!(id.plugged(results, locale), plugged, "{}", id.key());
        }
    }
    use proptest::prelude::*;

    type Want = Result<f64, Reason>;

    /// Checks against a published 4-significant-figure value, or exactly (to float error) near zero.
    fn check(res: &Results, id: MetricId, want: Want) {
        let got = res[id].value;
        match (got, want) {
            (Ok(g), Ok(w)) => assert!(
                (g - w).abs() <= 5e-4 * w.abs() + 1e-9,
                "{}: got {g}, want {w}",
                id.key()
            ),
            _ => assert_eq!(got, want, "{}", id.key()),
        }
    }

    fn with(changes: &[(InputId, f64)]) -> Results {
        let mut inp = Inputs::published();
        for &(id, v) in changes {
            inp.set(id, v).unwrap();
        }
        compute(&inp)
    }

    #[test]
    fn tables_line_up_with_ids() {
        for (i, id) in MetricId::ALL.into_iter().enumerate() {
            assert_eq!(id as usize, i);
            assert_eq!(id.spec().id, id);
            assert_eq!(MetricId::from_key(id.key()), Some(id));
            let n = id.spec().operands.len();
            assert!((1..=3).contains(&n));
            for op in id.spec().operands {
                if let Operand::Metric(m) = op {
                    assert!((*m as usize) < i, "{} uses a later metric", id.key());
                }
            }
        }
        assert_eq!(
            MetricId::from_key("kling_share_2025q3"),
            Some(X::KlingShare2025q3)
        );
        assert_eq!(MetricId::from_key("nope"), None);
    }

    #[test]
    fn every_metric_at_defaults() {
        let r = compute(&Inputs::published());
        let table: [(MetricId, Want); M] = [
            (X::Revenue2024q1, Ok(2.940e10)),
            (X::Revenue2024q3, Ok(3.113e10)),
            (X::RevenueQoq2025q3, Err(Reason::Missing(I::Revenue2025q2))),
            (X::OnlineMarketing2024q3, Ok(1.763e10)),
            (X::LiveStreaming2024q3, Ok(9.340e9)),
            (X::OtherServices2024q3, Ok(4.160e9)),
            (X::SegmentsSum2025q3, Ok(3.5552e10)),
            (X::SegmentsGap2025q3, Ok(2e6)),
            (X::OnlineMarketingShare2025q3, Ok(0.5653)),
            (X::LiveStreamingShare2025q3, Ok(0.2693)),
            (X::OtherServicesShare2025q3, Ok(0.1653)),
            (X::OperatingMargin2025q3, Ok(0.1491)),
            (X::AdjustedNetMargin2025q1, Ok(0.1405)),
            (X::AdjustedNetMargin2025q3, Ok(0.1404)),
            (X::KlingShare2025q1, Ok(0.004600)),
            (X::KlingShare2025q2, Err(Reason::Missing(I::Revenue2025q2))),
            (X::KlingShare2025q3, Ok(0.008438)),
            (X::KlingShareOfOtherServices2025q3, Ok(0.05104)),
            (X::KlingQoq2025q2, Ok(0.6667)),
            (X::KlingQoq2025q3, Ok(0.2)),
            (X::KlingYtd2025q3, Ok(7e8)),
            (X::KlingQ4Required, Ok(3e8)),
            (X::KlingQ4RequiredQoq, Ok(0.0)),
            (X::KlingFy2025, Ok(1e9)),
            (X::KlingTargetAttainmentYtd, Ok(0.7)),
            (X::KlingGuidanceRaise, Ok(1.3333)),
            (X::KlingFy2025Usd, Ok(1.4e8)),
            (X::KlingPSideRevenue2025q1, Ok(1.05e8)),
            (X::KlingBSideRevenue2025q1, Ok(4.5e7)),
            (X::ArpuPayingQuarterly, Ok(21.0)),
            (X::ArpuPayingMonthly, Ok(7.0)),
            (X::RevenuePerDau2025q3, Ok(85.47)),
            (X::RevenuePerMau2025q3, Ok(48.64)),
            (X::DauMauRatio2025q3, Ok(0.5691)),
            (X::PePeerAverage, Ok(23.54)),
            (X::PeDiscountToPeers, Ok(0.4427)),
            (X::PeDiscountToBaidu, Ok(0.4744)),
            (X::PeDiscountToAlibaba, Ok(0.4665)),
            (X::PeDiscountToTencent, Ok(0.3773)),
            (X::ImpliedEarnings, Ok(2.0503e10)),
            (X::ImpliedMarketCap, Ok(4.8264e11)),
            (X::ImpliedUpside, Ok(0.7942)),
        ];
        for (i, (id, want)) in table.into_iter().enumerate() {
            assert_eq!(id as usize, i, "table order");
            check(&r, id, want);
        }
        // Values the sources give exactly, to float error.
        let v = |id: MetricId| r[id].value.unwrap();
        assert!((v(X::SegmentsGap2025q3) - 2e6).abs() < 1e-3);
        assert_eq!(v(X::KlingYtd2025q3), 7e8);
        assert_eq!(v(X::KlingQ4Required), 3e8);
        assert_eq!(v(X::KlingQ4RequiredQoq), 0.0);
        assert_eq!(v(X::KlingFy2025), 1e9);
        assert!((v(X::KlingFy2025Usd) - 1.4e8).abs() < 1e-3);
        assert!((v(X::ArpuPayingMonthly) - 7.0).abs() < 1e-12);
        assert!((v(X::PePeerAverage) - 70.62 / 3.0).abs() < 1e-12);
        assert!((v(X::ImpliedEarnings) - 2690e8 / 13.12).abs() < 1e-3);
        assert!((v(X::ImpliedUpside) - (70.62 / 3.0 / 13.12 - 1.0)).abs() < 1e-12);
    }

    #[test]
    fn scenarios() {
        struct Case(&'static [(InputId, f64)], &'static [(MetricId, Want)]);
        const DZ: Want = Err(Reason::DivisionByZero);
        const NM: Want = Err(Reason::NegativeEarnings);
        let cases = [
            Case(
                &[(I::Revenue2025q2, 340e8)],
                &[
                    (X::RevenueQoq2025q3, Ok(355.54 / 340.0 - 1.0)),
                    (X::KlingShare2025q2, Ok(2.5 / 340.0)),
                ],
            ),
            Case(
                &[(I::KlingRevenue2025q4, 4e8)],
                &[
                    (X::KlingFy2025, Ok(1.1e9)),
                    (X::KlingFy2025Usd, Ok(1.1e9 * 1.4 / 10.0)),
                    (X::KlingQ4Required, Ok(3e8)),
                ],
            ),
            Case(
                &[(I::PeKuaishou, -5.0)],
                &[
                    (X::PePeerAverage, Ok(70.62 / 3.0)),
                    (X::PeDiscountToPeers, NM),
                    (X::PeDiscountToBaidu, NM),
                    (X::PeDiscountToAlibaba, NM),
                    (X::PeDiscountToTencent, NM),
                    (X::ImpliedEarnings, NM),
                    (X::ImpliedMarketCap, NM),
                    (X::ImpliedUpside, NM),
                ],
            ),
            Case(
                &[(I::Revenue2025q3, 0.0)],
                &[
                    (X::Revenue2024q3, Ok(0.0)),
                    (X::SegmentsGap2025q3, Ok(-355.52e8)),
                    (X::OnlineMarketingShare2025q3, DZ),
                    (X::LiveStreamingShare2025q3, DZ),
                    (X::OtherServicesShare2025q3, DZ),
                    (X::KlingShare2025q3, DZ),
                    (X::OperatingMargin2025q3, DZ),
                    (X::AdjustedNetMargin2025q3, DZ),
                    (X::RevenuePerDau2025q3, Ok(0.0)),
                ],
            ),
            Case(
                &[(I::TargetPe, 15.0)],
                &[
                    (X::ImpliedMarketCap, Ok(2690e8 / 13.12 * 15.0)),
                    (X::ImpliedUpside, Ok(15.0 / 13.12 - 1.0)),
                ],
            ),
            Case(
                &[(I::PeBaidu, -10.0)],
                &[
                    (X::PePeerAverage, Ok(35.66 / 3.0)),
                    (X::PeDiscountToBaidu, NM),
                    (X::PeDiscountToPeers, Ok(1.0 - 13.12 * 3.0 / 35.66)),
                    (X::PeDiscountToTencent, Ok(1.0 - 13.12 / 21.07)),
                    (X::ImpliedMarketCap, Ok(2690e8 / 13.12 * 35.66 / 3.0)),
                ],
            ),
            Case(
                &[(I::PeBaidu, -50.0)],
                &[
                    (X::PePeerAverage, Ok(-4.34 / 3.0)),
                    (X::PeDiscountToPeers, NM),
                    (X::ImpliedMarketCap, NM),
                ],
            ),
            Case(
                &[(I::MarketCap, 0.0)],
                &[
                    (X::ImpliedEarnings, Ok(0.0)),
                    (X::ImpliedMarketCap, Ok(0.0)),
                    (X::ImpliedUpside, DZ),
                ],
            ),
            Case(
                &[(I::KlingPayingMembers, 0.0)],
                &[
                    (X::ArpuPayingQuarterly, DZ),
                    (
                        X::ArpuPayingMonthly,
                        Err(Reason::Depends(X::ArpuPayingQuarterly)),
                    ),
                ],
            ),
            Case(
                &[(I::KlingPSideShare, 1.0), (I::KlingPayingMembers, 1e6)],
                &[
                    (X::KlingBSideRevenue2025q1, Ok(0.0)),
                    (X::ArpuPayingQuarterly, Ok(150.0)),
                    (X::ArpuPayingMonthly, Ok(50.0)),
                ],
            ),
            Case(
                &[
                    (I::KlingRevenue2025q1, 2e8),
                    (I::OperatingProfit2025q3, -10e8),
                ],
                &[
                    (X::KlingQoq2025q2, Ok(0.25)),
                    (X::KlingYtd2025q3, Ok(7.5e8)),
                    (X::KlingQ4Required, Ok(2.5e8)),
                    (X::KlingQ4RequiredQoq, Ok(2.5 / 3.0 - 1.0)),
                    (X::KlingFy2025, Ok(1e9)),
                    (X::OperatingMargin2025q3, Ok(-10.0 / 355.54)),
                ],
            ),
            Case(
                &[(I::UsdCny, 7.2), (I::KlingFyTargetUsd, 2e8)],
                &[
                    (X::KlingFy2025Usd, Ok(1e9 / 7.2)),
                    (X::KlingGuidanceRaise, Ok(2.0 / 0.6 - 1.0)),
                ],
            ),
        ];
        for Case(set, wants) in cases {
            let r = with(set);
            for &(id, want) in wants {
                check(&r, id, want);
            }
        }
    }

    #[test]
    fn missing_and_out_of_range() {
        let mut inp = Inputs::published();
        inp.set(I::KlingFyTargetUsd, 0.0).unwrap();
        let r = compute(&inp);
        assert_eq!(r[X::KlingFy2025Usd].value, Err(Reason::Missing(I::UsdCny)));
        assert_eq!(r[X::KlingGuidanceRaise].value, Ok(-1.0));
        let r = with(&[
            (I::Revenue2025q1, 1e15),
            (I::RevenueYoy2025q1, -0.999_999_999),
        ]);
        assert_eq!(r[X::Revenue2024q1].value, Err(Reason::OutOfRange));
        assert_eq!(r[X::Revenue2024q1].qualifier, Qualifier::Exact);
        assert!(r[X::Revenue2024q1].rests_on.is_empty());
    }

    #[test]
    fn qualifiers_and_rests_on() {
        let r = compute(&Inputs::published());
        let share = r[X::KlingShare2025q3];
        assert_eq!(share.qualifier, Qualifier::Floor);
        assert!(share.rests_on.contains(I::KlingRevenue2025q3));
        assert_eq!(share.rests_on.iter().count(), 1);
        assert_eq!(r[X::Revenue2024q3].qualifier, Qualifier::Exact);
        assert!(r[X::Revenue2024q3].rests_on.is_empty());
        assert_eq!(r[X::KlingYtd2025q3].qualifier, Qualifier::Floor);
        // Approx − Floor.
        assert_eq!(r[X::KlingQ4Required].qualifier, Qualifier::Approx);
        // Floor ÷ Floor can move either way.
        assert_eq!(r[X::KlingQoq2025q3].qualifier, Qualifier::Approx);
        // ARPU rests on the article's assumed 500萬 members, so it is approximate.
        let arpu = r[X::ArpuPayingMonthly];
        assert_eq!(arpu.qualifier, Qualifier::Approx);
        assert!(arpu.rests_on.contains(I::KlingPayingMembers));
        assert!(arpu.rests_on.contains(I::KlingRevenue2025q1));
        // With the reader's own member count it is a floor again (Q1 revenue is one).
        let own = with(&[(I::KlingPayingMembers, 4e6)]);
        assert_eq!(own[X::ArpuPayingMonthly].qualifier, Qualifier::Floor);
        assert_eq!(r[X::KlingGuidanceRaise].qualifier, Qualifier::Exact);
        // The assumed Q4 makes the full year approximate and brings its sources along.
        let fy = r[X::KlingFy2025];
        assert_eq!(fy.qualifier, Qualifier::Approx);
        for id in [
            I::KlingRevenue2025q4,
            I::KlingFyTarget,
            I::KlingRevenue2025q1,
        ] {
            assert!(fy.rests_on.contains(id));
        }
        let cap = r[X::ImpliedMarketCap];
        assert_eq!(cap.qualifier, Qualifier::Approx);
        assert_eq!(cap.rests_on.iter().collect::<Vec<_>>(), [I::TargetPe]);
        assert_eq!(r[X::ImpliedEarnings].qualifier, Qualifier::Exact);
        // Kuaishou's P/E is flipped in the discount, but it is exact.
        assert_eq!(r[X::PeDiscountToPeers].qualifier, Qualifier::Exact);

        let r = with(&[(I::KlingRevenue2025q3, 3.2e8)]);
        assert_eq!(r[X::KlingShare2025q3].qualifier, Qualifier::Exact);
        assert!(r[X::KlingShare2025q3].rests_on.is_empty());
        // A reader-set Q4 on top of floors gives a floor.
        let r = with(&[(I::KlingRevenue2025q4, 4e8)]);
        assert_eq!(r[X::KlingFy2025].qualifier, Qualifier::Floor);
        let r = with(&[(I::KlingFyTarget, 5e8), (I::UsdCny, 7.0)]);
        // The target is already beaten (by at least 2億): nothing more is
        // needed, exactly, and Q4 could fall to zero (−100%) and still meet it.
        assert_eq!(r[X::KlingQ4Required].qualifier, Qualifier::Exact);
        assert_eq!(r[X::KlingQ4Required].value, Ok(0.0));
        assert_eq!(r[X::KlingQ4RequiredQoq].value, Ok(-1.0));
        assert_eq!(r[X::KlingQ4RequiredQoq].qualifier, Qualifier::Exact);
        // Below the target, Exact − Floor = Ceiling: at most this much is needed.
        let r = with(&[(I::KlingFyTarget, 9e8), (I::UsdCny, 7.0)]);
        assert_eq!(r[X::KlingQ4Required].qualifier, Qualifier::Ceiling);
        assert_eq!(r[X::KlingQ4Required].value, Ok(2e8));
        let r = with(&[(I::KlingFyTarget, 9e8), (I::KlingRevenue2025q3, 3e8)]);
        // Now Q3 is exact: Ceiling ÷ Exact stays a ceiling.
        assert_eq!(r[X::KlingQ4RequiredQoq].qualifier, Qualifier::Ceiling);
        assert_eq!(r[X::KlingQ4RequiredQoq].value, Ok(2e8 / 3e8 - 1.0));
    }

    #[test]
    fn reasons_speak_three_languages() {
        assert_eq!(
            Reason::NegativeEarnings.message(Locale::En),
            "n/m: P/E or earnings not positive"
        );
        assert_eq!(
            Reason::NegativeEarnings.message(Locale::Hant),
            "不適用:市盈率或盈利不為正"
        );
        assert_eq!(Reason::DivisionByZero.message(Locale::Hans), "除数为零");
    }

    /// A value for one input: its default, an edge of its range, zero, or a random point.
    fn pick(id: InputId, kind: u8, u: f64) -> Option<f64> {
        let s = id.spec();
        let lo = if s.min_exclusive {
            s.min + 1e-12
        } else {
            s.min
        };
        match kind {
            0 => None,
            1 => Some(lo),
            2 => Some(s.max),
            3 => Some(0.0),
            4 => Some(s.slider_min() + u * (s.slider_max - s.slider_min())),
            5 => Some(lo + u * (s.max - lo)),
            _ => Some(1e-300),
        }
    }

    proptest! {
        #[test]
        fn never_nan_or_infinite(picks in prop::collection::vec((0u8..7, 0.0..1.0f64), InputId::COUNT)) {
            let mut inp = Inputs::published();
            for (id, &(kind, u)) in InputId::ALL.into_iter().zip(&picks) {
                if let Some(v) = pick(id, kind, u) {
                    // Zero is outside some ranges; those inputs keep their default.
                    let _ = inp.set(id, v);
                }
            }
            let r = compute(&inp);
            for id in MetricId::ALL {
                match r[id].value {
                    Ok(v) => prop_assert!(v.is_finite() && v.abs() <= 1e18, "{} = {v}", id.key()),
                    Err(_) => prop_assert_eq!(r[id].qualifier, Qualifier::Exact),
                }
            }
        }
    }
}
