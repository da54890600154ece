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

/// Identifies one metric; the number indexes every per-metric table.
///
/// Metrics are generated from the templates in `data/metrics.toml`, one per
/// template and period whose operands exist (see `build.rs`). Tests may name
/// one by its generated constant (`MetricId::KLING_SHARE_2025Q3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MetricId(pub(crate) u8);

include!(concat!(env!("OUT_DIR"), "/data_metrics.rs"));

impl MetricId {
    /// The number of metrics.
    pub const COUNT: usize = M;

    /// Every metric, in evaluation order (each depends only on earlier ones).
    pub const ALL: [MetricId; M] = {
        let mut all = [MetricId(0); M];
        let mut i = 0;
        while i < M {
            all[i] = MetricId(i as u8);
            i += 1;
        }
        all
    };

    /// The position in [`MetricId::ALL`], which indexes per-metric arrays.
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The stable key, e.g. `kling_share_2025q3`.
    pub fn key(self) -> &'static str {
        KEYS[self.index()]
    }

    /// Finds a metric by its key.
    pub fn from_key(key: &str) -> Option<MetricId> {
        Self::ALL.into_iter().find(|id| id.key() == key)
    }

    /// The metric's unit, label, formula and operands.
    pub fn spec(self) -> &'static MetricSpec {
        &SPECS[self.index()]
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
///
/// Which variants are built depends on the data: an edition whose year is
/// complete has no shortfall to a target, so `Shortfall` may go unused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)]
enum Op {
    /// a ÷ (1 + b): last year's value from this year's and its growth.
    Deflate,
    /// a ÷ b.
    Ratio,
    /// a ÷ b − 1.
    Growth,
    /// 1 − a ÷ b.
    Discount,
    /// a + b + … (up to four operands).
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
    /// (a + b + …) ÷ n.
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
    /// A denominator is zero: this operand's value (or, through an operand
    /// metric, the operand of that one), named so the reader knows what to change.
    DivisionByZero(Operand),
    /// A P/E or earnings figure is zero or negative, so the ratio is not meaningful ("n/m").
    NegativeEarnings,
    /// The result is not finite or beyond ±1e18.
    OutOfRange,
    /// An operand metric could not be computed.
    Depends(MetricId),
}

impl Reason {
    /// Why there is no value, in `locale`, in words a reader can act on:
    /// the input to enter or the figure that is 0, named as its field or
    /// result is ("needs Kuaishou Q2 revenue", "Kuaishou Q3 revenue is 0",
    /// "n/m: P/E or earnings not positive").
    pub fn describe(self, locale: Locale) -> String {
        match self {
            Reason::Missing(id) => [
                t!("需填入", "需填入", "needs ").get(locale),
                id.spec().label.get(locale),
            ]
            .concat(),
            Reason::DivisionByZero(o) => {
                [o.label(locale), t!("為0", "为0", " is 0").get(locale)].concat()
            }
            Reason::Depends(id) => [
                id.spec().label.get(locale),
                t!("無法計算", "无法计算", " cannot be computed").get(locale),
            ]
            .concat(),
            Reason::NegativeEarnings => t!(
                "不適用:市盈率或盈利不為正",
                "不适用:市盈率或盈利不为正",
                "n/m: P/E or earnings not positive",
            )
            .get(locale)
            .into(),
            Reason::OutOfRange => t!("結果超出範圍", "结果超出范围", "result out of range")
                .get(locale)
                .into(),
        }
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
        &self.outcomes[id.index()]
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
    let mut x = [0.0; MAX_OPERANDS];
    let mut bounds = [Bound::EXACT; MAX_OPERANDS];
    let mut rests_on = InputSet::EMPTY;
    for (k, operand) in spec.operands.iter().enumerate() {
        let (v, b, s) = match *operand {
            Operand::Input(id) => {
                let i = id.index();
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
                let o = &done[m.index()];
                match o.value {
                    Ok(v) => (v, Bound::of(o.qualifier), o.rests_on),
                    // The first cause, where the reader can act on it: the
                    // input that is missing, not positive or zero.
                    Err(
                        e @ (Reason::Missing(_)
                        | Reason::NegativeEarnings
                        | Reason::DivisionByZero(_)),
                    ) => return Outcome::fail(e),
                    Err(_) => return Outcome::fail(Reason::Depends(m)),
                }
            }
        };
        x[k] = v;
        bounds[k] = b;
        rests_on = rests_on.union(s);
    }
    if (0..MAX_OPERANDS).any(|k| spec.positive >> k & 1 == 1 && x[k] <= 0.0) {
        return Outcome::fail(Reason::NegativeEarnings);
    }
    let [a, b, ..] = x;
    let n = spec.operands.len();
    let total: f64 = x[..n].iter().sum();
    // Every op that divides has two operands and divides by the second (or one plus it).
    let divisor = *spec.operands.last().unwrap_or(&Operand::Metric(spec.id));
    let nonzero = |d: f64| {
        if d == 0.0 {
            Err(Reason::DivisionByZero(divisor))
        } else {
            Ok(d)
        }
    };
    // Each arm gives the value and the sign of its partial derivative in each operand.
    let result = match spec.op {
        Op::Deflate => nonzero(1.0 + b).map(|d| (a / d, [d, -a, 0.0, 0.0])),
        Op::Ratio => nonzero(b).map(|d| (a / d, [d, -a, 0.0, 0.0])),
        Op::Growth => nonzero(b).map(|d| (a / d - 1.0, [d, -a, 0.0, 0.0])),
        Op::Discount => nonzero(b).map(|d| (1.0 - a / d, [-d, a, 0.0, 0.0])),
        Op::Sum => Ok((total, [1.0; MAX_OPERANDS])),
        Op::Diff => Ok((a - b, [1.0, -1.0, 0.0, 0.0])),
        // Past the target nothing more is needed: 0, which keeps the target's
        // uncertainty (an approximate target may lie higher) but not the year to
        // date's (more revenue cannot need less than nothing).
        Op::Shortfall if a <= b => Ok((0.0, [1.0, 0.0, 0.0, 0.0])),
        Op::Shortfall => Ok((a - b, [1.0, -1.0, 0.0, 0.0])),
        Op::Mul => Ok((a * b, [b, a, 0.0, 0.0])),
        Op::MulComplement => Ok((a * (1.0 - b), [1.0 - b, -a, 0.0, 0.0])),
        Op::Third => Ok((a / 3.0, [1.0; MAX_OPERANDS])),
        Op::Mean => Ok((total / n as f64, [1.0; MAX_OPERANDS])),
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

/// The most operands a metric has (a year's four quarters summed).
const MAX_OPERANDS: usize = 4;

/// One piece of a formula's shape: fixed text or an operand slot.
#[derive(Clone, Copy)]
enum Piece {
    /// Text as written.
    Text(&'static str),
    /// Operand `k` (0 = a).
    Slot(usize),
    /// Every operand in turn, joined by " + " (sums and means of any length).
    Slots,
    /// The number of operands (the divisor of a mean).
    Count,
}

impl Op {
    /// The formula's shape as pieces, so operand slots are tokens and never
    /// letters of the text around them ("max" stays "max").
    fn template(self) -> &'static [Piece] {
        use Piece::{Count, Slot, Slots, Text as T};
        match self {
            Op::Deflate => &[Slot(0), T(" ÷ (1 + "), Slot(1), T(")")],
            Op::Ratio => &[Slot(0), T(" ÷ "), Slot(1)],
            Op::Growth => &[Slot(0), T(" ÷ "), Slot(1), T(" − 1")],
            Op::Discount => &[T("1 − "), Slot(0), T(" ÷ "), Slot(1)],
            Op::Sum => &[Slots],
            Op::Diff => &[Slot(0), T(" − "), Slot(1)],
            Op::Shortfall => &[T("max("), Slot(0), T(" − "), Slot(1), T(", 0)")],
            Op::Mul => &[Slot(0), T(" × "), Slot(1)],
            Op::MulComplement => &[Slot(0), T(" × (1 − "), Slot(1), T(")")],
            Op::Third => &[Slot(0), T(" ÷ 3")],
            Op::Mean => &[T("("), Slots, T(") ÷ "), Count],
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
        for piece in spec.op.template() {
            match *piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Slot(k) => match spec.operands.get(k) {
                    Some(&op) => slot(&mut out, op),
                    None => out.push('?'),
                },
                Piece::Slots => {
                    for (k, &op) in spec.operands.iter().enumerate() {
                        if k > 0 {
                            out.push_str(" + ");
                        }
                        slot(&mut out, op);
                    }
                }
                Piece::Count => out.push(char::from(b'0' + spec.operands.len() as u8)),
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
                let i = id.index();
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

#[cfg(all(test, not(target_arch = "wasm32")))] // its property tests use proptest, native-only
mod tests {
    use super::*;
    use crate::core::figures::figure;
    use InputId as I;
    use MetricId as X;

    #[test]
    fn sources_trace_to_published_figures() {
        let published = Inputs::published();
        let mut changed = published;
        changed.set(I::KLING_REVENUE_2025Q3, 3.2e8).unwrap();
        // (metric, inputs, figure keys expected)
        let cases: [(MetricId, &Inputs, &[&str]); 5] = [
            (
                X::KLING_SHARE_2025Q3,
                &published,
                &["kling_revenue_2025q3", "revenue_2025q3"],
            ),
            (X::KLING_SHARE_2025Q3, &changed, &["revenue_2025q3"]),
            (
                X::KLING_FY_2025,
                &published,
                &[
                    "kling_revenue_2025q1",
                    "kling_revenue_2025q2",
                    "kling_revenue_2025q3",
                    "kling_fy_target",
                ],
            ),
            (
                X::IMPLIED_MARKET_CAP,
                &published,
                &[
                    "market_cap",
                    "pe_kuaishou",
                    "pe_baidu",
                    "pe_alibaba",
                    "pe_tencent",
                ],
            ),
            (X::REVENUE_QOQ_2025Q3, &published, &["revenue_2025q3"]),
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
        q2.set(I::REVENUE_2025Q2, 340e8).unwrap();
        let with_q2 = compute(&q2);
        // (metric, locale, results, formula in words, formula with numbers)
        let cases: [(MetricId, Locale, &Results, &str, &str); 9] = [
            (
                X::KLING_SHARE_2025Q3,
                Locale::Hant,
                &published,
                "可靈Q3收入 ÷ 快手Q3收入",
                "超過3億元 ÷ 355.54億元 = 超過0.84%",
            ),
            (
                X::KLING_SHARE_2025Q3,
                Locale::En,
                &published,
                "Kling Q3 revenue ÷ Kuaishou Q3 revenue",
                "≥ RMB 300 million ÷ RMB 35.554 billion = ≥ 0.84%",
            ),
            (
                X::SEGMENTS_SUM_2025Q3,
                Locale::Hant,
                &published,
                "Q3線上行銷服務 + Q3直播 + Q3其他服務",
                "約201億元 + 95.74億元 + 58.78億元 = 約355.5億元",
            ),
            (
                X::KLING_FY_2025,
                Locale::Hans,
                &published,
                "可灵前三季度收入 + 可灵Q4收入",
                "超过7亿元 + 约3亿元 = 约10亿元",
            ),
            (
                X::PE_PEER_AVERAGE,
                Locale::En,
                &published,
                "(Baidu P/E (dynamic) + Alibaba P/E (dynamic) + Tencent P/E (dynamic)) ÷ 3",
                "(24.96x + 24.59x + 21.07x) ÷ 3 = 23.54x",
            ),
            (
                X::PE_DISCOUNT_TO_PEERS,
                Locale::Hant,
                &published,
                "1 − 快手動態市盈率 ÷ 同業平均動態市盈率",
                "1 − 13.12倍 ÷ 23.54倍 = 44.3%",
            ),
            (
                X::REVENUE_QOQ_2025Q3,
                Locale::En,
                &published,
                "Kuaishou Q3 revenue ÷ Kuaishou Q2 revenue − 1",
                "RMB 35.554 billion ÷ [needs Kuaishou Q2 revenue] − 1 = needs Kuaishou Q2 revenue",
            ),
            (
                X::REVENUE_QOQ_2025Q3,
                Locale::En,
                &with_q2,
                "Kuaishou Q3 revenue ÷ Kuaishou Q2 revenue − 1",
                "RMB 35.554 billion ÷ RMB 34 billion − 1 = +4.57%",
            ),
            // The gap of two figures that round alike at 2 decimals still adds up.
            (
                X::SEGMENTS_GAP_2025Q3,
                Locale::En,
                &published,
                "Kuaishou Q3 revenue − Q3 segments sum",
                "RMB 35.554 billion − ≈ RMB 35.552 billion = ≈ RMB 2 million",
            ),
        ];
        for (id, locale, results, words, plugged) in cases {
            assert_eq!(id.formula(locale), words, "{}", id.key());
            assert_eq!(id.plugged(results, locale), plugged, "{}", id.key());
        }
    }
    /// Issue 12, item 1: a template's words (the "max" of a shortfall) are not
    /// slots. Every formula in every locale, once its operand labels are taken
    /// out, is left with exactly its template's own text: no stray letters.
    #[test]
    fn formulas_keep_template_words_in_every_locale() {
        let inputs = Inputs::published();
        let results = compute(&inputs);
        for id in MetricId::ALL {
            let spec = id.spec();
            // The template's words: runs of two or more ASCII letters ("max").
            let words: Vec<&str> = spec
                .op
                .template()
                .iter()
                .filter_map(|p| match p {
                    Piece::Text(t) => Some(*t),
                    _ => None,
                })
                .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()))
                .filter(|w| w.len() > 1)
                .collect();
            for locale in Locale::ALL {
                let mut rest = id.formula(locale);
                for op in spec.operands {
                    let label = op.label(locale);
                    assert!(rest.contains(label), "{}: {rest} lacks {label}", id.key());
                    rest = rest.replacen(label, "", 1);
                }
                let mut letters = rest.clone();
                for w in &words {
                    letters = letters.replacen(w, "", 1);
                }
                assert!(
                    !letters.chars().any(|c| c.is_ascii_alphabetic()),
                    "{} ({}): stray letters in {rest:?}",
                    id.key(),
                    locale.tag()
                );
                // The words survive into the formula and the plugged-in version.
                let plugged = id.plugged(&results, locale);
                for w in &words {
                    assert!(id.formula(locale).contains(w), "{}: {w}", id.key());
                    assert!(plugged.contains(w), "{}: {plugged}", id.key());
                }
            }
        }
    }

    /// Issue 12, item 8: A's P/Es are dynamic (動態本益比: annualised
    /// current-year earnings), so every P/E label says so and the earnings
    /// they imply say they are annualised; revenue per DAU or MAU is the
    /// quarter's, not a day's or a month's.
    #[test]
    fn labels_say_what_kind_of_number() {
        let quote = figure("pe_kuaishou").unwrap().quote;
        assert!(quote.contains("動態本益比"), "{quote}");
        let dynamic = ["動態市盈率", "动态市盈率", "P/E (dynamic)"];
        let inputs = InputId::ALL
            .into_iter()
            .map(|id| (id.key(), id.spec().unit, id.spec().label));
        let metrics = MetricId::ALL
            .into_iter()
            .map(|id| (id.key(), id.spec().unit, id.spec().label));
        for (key, unit, label) in inputs.chain(metrics) {
            if unit != Unit::Multiple {
                continue;
            }
            for (locale, word) in Locale::ALL.into_iter().zip(dynamic) {
                assert!(
                    label.get(locale).contains(word),
                    "{key}: {}",
                    label.get(locale)
                );
            }
        }
        let annualised = ["年化", "年化", "annualised"];
        let per_quarter = ["季度", "季度", "(quarter)"];
        let cases: [(MetricId, [&str; 3], &[&str]); 3] = [
            (X::IMPLIED_EARNINGS, annualised, &[]),
            (X::REVENUE_PER_DAU_2025Q3, per_quarter, &["每日", "每月"]),
            (X::REVENUE_PER_MAU_2025Q3, per_quarter, &["每日", "每月"]),
        ];
        for (id, words, never) in cases {
            for (locale, word) in Locale::ALL.into_iter().zip(words) {
                let label = id.spec().label.get(locale);
                assert!(label.contains(word), "{}: {label}", id.key());
                for bad in never {
                    assert!(
                        !label.contains(bad),
                        "{}: {label} reads per day or month",
                        id.key()
                    );
                }
            }
        }
    }

    /// Issue 12, items 3 and 4: the segments gap rests on 201億 rounded to the
    /// 億, and a shortfall clipped at zero keeps an approximate target's qualifier.
    #[test]
    fn rounded_and_clipped_results_keep_their_qualifier() {
        type Case = (&'static [(InputId, f64)], MetricId, Qualifier, f64);
        let cases: [Case; 4] = [
            (&[], X::SEGMENTS_GAP_2025Q3, Qualifier::Approx, 2e6),
            (&[], X::SEGMENTS_SUM_2025Q3, Qualifier::Approx, 355.52e8),
            // The year to date (超過7億) reaches an approximate 6億 target.
            (
                &[(I::KLING_FY_TARGET, 6e8), (I::USD_CNY, 7.0)],
                X::KLING_Q4_REQUIRED,
                Qualifier::Exact,
                0.0,
            ),
            (
                &[(I::KLING_REVENUE_2025Q3, 3.5e8)],
                X::KLING_Q4_REQUIRED,
                Qualifier::Approx,
                2.5e8,
            ),
        ];
        for (set, id, qualifier, value) in cases {
            let r = with(set);
            assert_eq!(r[id].qualifier, qualifier, "{} with {set:?}", id.key());
            assert!((r[id].value.unwrap() - value).abs() < 1e-3, "{}", id.key());
        }
        // The target's own qualifier: approximate when it is A's 約合 conversion.
        let mut inputs = Inputs::published();
        for (id, v) in [
            (I::KLING_REVENUE_2025Q1, 2e8),
            (I::KLING_REVENUE_2025Q2, 3e8),
            (I::KLING_REVENUE_2025Q3, 5e8),
        ] {
            inputs.set(id, v).unwrap();
        }
        let r = compute(&inputs);
        let target = r.operand(Operand::Input(I::KLING_FY_TARGET)).unwrap().2;
        assert_eq!(r[X::KLING_Q4_REQUIRED].value, Ok(0.0));
        assert_eq!(r[X::KLING_Q4_REQUIRED].qualifier, target);
        assert_ne!(target, Qualifier::Exact);
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
            assert_eq!(id.index(), i);
            assert_eq!(id.spec().id, id);
            assert_eq!(MetricId::from_key(id.key()), Some(id));
            let n = id.spec().operands.len();
            assert!((1..=3).contains(&n));
            for op in id.spec().operands {
                if let Operand::Metric(m) = op {
                    assert!(m.index() < i, "{} uses a later metric", id.key());
                }
            }
        }
        assert_eq!(
            MetricId::from_key("kling_share_2025q3"),
            Some(X::KLING_SHARE_2025Q3)
        );
        assert_eq!(MetricId::from_key("nope"), None);
    }

    #[test]
    fn every_metric_at_defaults() {
        let r = compute(&Inputs::published());
        // Today's metrics with the values worked out by hand: the compatibility
        // list of ids and defaults (new periods may add metrics, never change these).
        let table: &[(MetricId, Want)] = &[
            (X::REVENUE_2024Q1, Ok(2.940e10)),
            (X::REVENUE_2024Q3, Ok(3.113e10)),
            (
                X::REVENUE_QOQ_2025Q2,
                Err(Reason::Missing(I::REVENUE_2025Q2)),
            ),
            (
                X::REVENUE_QOQ_2025Q3,
                Err(Reason::Missing(I::REVENUE_2025Q2)),
            ),
            (X::ONLINE_MARKETING_2024Q3, Ok(1.763e10)),
            (X::LIVE_STREAMING_2024Q3, Ok(9.340e9)),
            (X::OTHER_SERVICES_2024Q3, Ok(4.160e9)),
            (X::SEGMENTS_SUM_2025Q3, Ok(3.5552e10)),
            (X::SEGMENTS_GAP_2025Q3, Ok(2e6)),
            (X::ONLINE_MARKETING_SHARE_2025Q3, Ok(0.5653)),
            (X::LIVE_STREAMING_SHARE_2025Q3, Ok(0.2693)),
            (X::OTHER_SERVICES_SHARE_2025Q3, Ok(0.1653)),
            (X::ONLINE_MARKETING_SHARE_2024Q3, Ok(0.5663)),
            (X::LIVE_STREAMING_SHARE_2024Q3, Ok(0.3000)),
            (X::OTHER_SERVICES_SHARE_2024Q3, Ok(0.1336)),
            (X::OPERATING_MARGIN_2025Q3, Ok(0.1491)),
            (X::ADJUSTED_NET_MARGIN_2025Q1, Ok(0.1405)),
            (X::ADJUSTED_NET_MARGIN_2025Q3, Ok(0.1404)),
            (X::KLING_SHARE_2025Q1, Ok(0.004600)),
            (
                X::KLING_SHARE_2025Q2,
                Err(Reason::Missing(I::REVENUE_2025Q2)),
            ),
            (X::KLING_SHARE_2025Q3, Ok(0.008438)),
            (X::KLING_SHARE_OF_OTHER_SERVICES_2025Q3, Ok(0.05104)),
            (X::KLING_QOQ_2025Q2, Ok(0.6667)),
            (X::KLING_QOQ_2025Q3, Ok(0.2)),
            (X::KLING_YTD_2025Q3, Ok(7e8)),
            (X::KLING_Q4_REQUIRED, Ok(3e8)),
            (X::KLING_Q4_REQUIRED_QOQ, Ok(0.0)),
            (X::KLING_FY_2025, Ok(1e9)),
            (X::KLING_TARGET_ATTAINMENT_YTD, Ok(0.7)),
            (X::KLING_GUIDANCE_RAISE, Ok(1.3333)),
            (X::KLING_FY_2025_USD, Ok(1.4e8)),
            (X::KLING_P_SIDE_REVENUE_2025Q1, Ok(1.05e8)),
            (X::KLING_B_SIDE_REVENUE_2025Q1, Ok(4.5e7)),
            (X::ARPU_PAYING_QUARTERLY, Ok(21.0)),
            (X::ARPU_PAYING_MONTHLY, Ok(7.0)),
            (X::REVENUE_PER_DAU_2025Q3, Ok(85.47)),
            (X::REVENUE_PER_MAU_2025Q3, Ok(48.64)),
            (X::DAU_MAU_RATIO_2025Q3, Ok(0.5691)),
            (X::PE_PEER_AVERAGE, Ok(23.54)),
            (X::PE_DISCOUNT_TO_PEERS, Ok(0.4427)),
            (X::PE_DISCOUNT_TO_BAIDU, Ok(0.4744)),
            (X::PE_DISCOUNT_TO_ALIBABA, Ok(0.4665)),
            (X::PE_DISCOUNT_TO_TENCENT, Ok(0.3773)),
            (X::IMPLIED_EARNINGS, Ok(2.0503e10)),
            (X::IMPLIED_MARKET_CAP, Ok(4.8264e11)),
            (X::IMPLIED_UPSIDE, Ok(0.7942)),
        ];
        for &(id, want) in table {
            check(&r, id, want);
        }
        for id in MetricId::ALL {
            assert!(
                table.iter().any(|&(t, _)| t == id),
                "{} has no expectation",
                id.key()
            );
        }
        // Values the sources give exactly, to float error.
        let v = |id: MetricId| r[id].value.unwrap();
        assert!((v(X::SEGMENTS_GAP_2025Q3) - 2e6).abs() < 1e-3);
        assert_eq!(v(X::KLING_YTD_2025Q3), 7e8);
        assert_eq!(v(X::KLING_Q4_REQUIRED), 3e8);
        assert_eq!(v(X::KLING_Q4_REQUIRED_QOQ), 0.0);
        assert_eq!(v(X::KLING_FY_2025), 1e9);
        assert!((v(X::KLING_FY_2025_USD) - 1.4e8).abs() < 1e-3);
        assert!((v(X::ARPU_PAYING_MONTHLY) - 7.0).abs() < 1e-12);
        assert!((v(X::PE_PEER_AVERAGE) - 70.62 / 3.0).abs() < 1e-12);
        assert!((v(X::IMPLIED_EARNINGS) - 2690e8 / 13.12).abs() < 1e-3);
        assert!((v(X::IMPLIED_UPSIDE) - (70.62 / 3.0 / 13.12 - 1.0)).abs() < 1e-12);
    }

    #[test]
    fn scenarios() {
        struct Case(&'static [(InputId, f64)], &'static [(MetricId, Want)]);
        const fn dz(zero: InputId) -> Want {
            Err(Reason::DivisionByZero(Operand::Input(zero)))
        }
        const DZ: Want = dz(I::REVENUE_2025Q3);
        const DZ_CAP: Want = dz(I::MARKET_CAP);
        const DZ_MEMBERS: Want = dz(I::KLING_PAYING_MEMBERS);
        const NM: Want = Err(Reason::NegativeEarnings);
        let cases = [
            Case(
                &[(I::REVENUE_2025Q2, 340e8)],
                &[
                    (X::REVENUE_QOQ_2025Q3, Ok(355.54 / 340.0 - 1.0)),
                    (X::KLING_SHARE_2025Q2, Ok(2.5 / 340.0)),
                ],
            ),
            Case(
                &[(I::KLING_REVENUE_2025Q4, 4e8)],
                &[
                    (X::KLING_FY_2025, Ok(1.1e9)),
                    (X::KLING_FY_2025_USD, Ok(1.1e9 * 1.4 / 10.0)),
                    (X::KLING_Q4_REQUIRED, Ok(3e8)),
                ],
            ),
            Case(
                &[(I::PE_KUAISHOU, -5.0)],
                &[
                    (X::PE_PEER_AVERAGE, Ok(70.62 / 3.0)),
                    (X::PE_DISCOUNT_TO_PEERS, NM),
                    (X::PE_DISCOUNT_TO_BAIDU, NM),
                    (X::PE_DISCOUNT_TO_ALIBABA, NM),
                    (X::PE_DISCOUNT_TO_TENCENT, NM),
                    (X::IMPLIED_EARNINGS, NM),
                    (X::IMPLIED_MARKET_CAP, NM),
                    (X::IMPLIED_UPSIDE, NM),
                ],
            ),
            Case(
                &[(I::REVENUE_2025Q3, 0.0)],
                &[
                    (X::REVENUE_2024Q3, Ok(0.0)),
                    (X::SEGMENTS_GAP_2025Q3, Ok(-355.52e8)),
                    (X::ONLINE_MARKETING_SHARE_2025Q3, DZ),
                    (X::LIVE_STREAMING_SHARE_2025Q3, DZ),
                    (X::OTHER_SERVICES_SHARE_2025Q3, DZ),
                    (X::KLING_SHARE_2025Q3, DZ),
                    (X::OPERATING_MARGIN_2025Q3, DZ),
                    (X::ADJUSTED_NET_MARGIN_2025Q3, DZ),
                    (X::REVENUE_PER_DAU_2025Q3, Ok(0.0)),
                ],
            ),
            Case(
                &[(I::TARGET_PE, 15.0)],
                &[
                    (X::IMPLIED_MARKET_CAP, Ok(2690e8 / 13.12 * 15.0)),
                    (X::IMPLIED_UPSIDE, Ok(15.0 / 13.12 - 1.0)),
                ],
            ),
            Case(
                &[(I::PE_BAIDU, -10.0)],
                &[
                    (X::PE_PEER_AVERAGE, Ok(35.66 / 3.0)),
                    (X::PE_DISCOUNT_TO_BAIDU, NM),
                    (X::PE_DISCOUNT_TO_PEERS, Ok(1.0 - 13.12 * 3.0 / 35.66)),
                    (X::PE_DISCOUNT_TO_TENCENT, Ok(1.0 - 13.12 / 21.07)),
                    (X::IMPLIED_MARKET_CAP, Ok(2690e8 / 13.12 * 35.66 / 3.0)),
                ],
            ),
            Case(
                &[(I::PE_BAIDU, -50.0)],
                &[
                    (X::PE_PEER_AVERAGE, Ok(-4.34 / 3.0)),
                    (X::PE_DISCOUNT_TO_PEERS, NM),
                    (X::IMPLIED_MARKET_CAP, NM),
                ],
            ),
            Case(
                &[(I::MARKET_CAP, 0.0)],
                &[
                    (X::IMPLIED_EARNINGS, Ok(0.0)),
                    (X::IMPLIED_MARKET_CAP, Ok(0.0)),
                    (X::IMPLIED_UPSIDE, DZ_CAP),
                ],
            ),
            Case(
                &[(I::KLING_PAYING_MEMBERS, 0.0)],
                &[
                    (X::ARPU_PAYING_QUARTERLY, DZ_MEMBERS),
                    // Through the quarterly figure, the input to change.
                    (X::ARPU_PAYING_MONTHLY, DZ_MEMBERS),
                ],
            ),
            Case(
                &[(I::KLING_P_SIDE_SHARE, 1.0), (I::KLING_PAYING_MEMBERS, 1e6)],
                &[
                    (X::KLING_B_SIDE_REVENUE_2025Q1, Ok(0.0)),
                    (X::ARPU_PAYING_QUARTERLY, Ok(150.0)),
                    (X::ARPU_PAYING_MONTHLY, Ok(50.0)),
                ],
            ),
            Case(
                &[
                    (I::KLING_REVENUE_2025Q1, 2e8),
                    (I::OPERATING_PROFIT_2025Q3, -10e8),
                ],
                &[
                    (X::KLING_QOQ_2025Q2, Ok(0.25)),
                    (X::KLING_YTD_2025Q3, Ok(7.5e8)),
                    (X::KLING_Q4_REQUIRED, Ok(2.5e8)),
                    (X::KLING_Q4_REQUIRED_QOQ, Ok(2.5 / 3.0 - 1.0)),
                    (X::KLING_FY_2025, Ok(1e9)),
                    (X::OPERATING_MARGIN_2025Q3, Ok(-10.0 / 355.54)),
                ],
            ),
            Case(
                &[(I::USD_CNY, 7.2), (I::KLING_FY_TARGET_USD, 2e8)],
                &[
                    (X::KLING_FY_2025_USD, Ok(1e9 / 7.2)),
                    (X::KLING_GUIDANCE_RAISE, Ok(2.0 / 0.6 - 1.0)),
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
        inp.set(I::KLING_FY_TARGET_USD, 0.0).unwrap();
        let r = compute(&inp);
        // The dollar figure uses the rate the published targets imply, which
        // the reader's dollar target does not move (it once made it missing).
        assert_eq!(
            r[X::KLING_FY_2025_USD],
            compute(&Inputs::published())[X::KLING_FY_2025_USD]
        );
        assert_eq!(r[X::KLING_GUIDANCE_RAISE].value, Ok(-1.0));
        let r = with(&[
            (I::REVENUE_2025Q1, 1e15),
            (I::REVENUE_YOY_2025Q1, -0.999_999_999),
        ]);
        assert_eq!(r[X::REVENUE_2024Q1].value, Err(Reason::OutOfRange));
        assert_eq!(r[X::REVENUE_2024Q1].qualifier, Qualifier::Exact);
        assert!(r[X::REVENUE_2024Q1].rests_on.is_empty());
    }

    #[test]
    fn qualifiers_and_rests_on() {
        let r = compute(&Inputs::published());
        let share = r[X::KLING_SHARE_2025Q3];
        assert_eq!(share.qualifier, Qualifier::Floor);
        assert!(share.rests_on.contains(I::KLING_REVENUE_2025Q3));
        assert_eq!(share.rests_on.iter().count(), 1);
        assert_eq!(r[X::REVENUE_2024Q3].qualifier, Qualifier::Exact);
        assert!(r[X::REVENUE_2024Q3].rests_on.is_empty());
        assert_eq!(r[X::KLING_YTD_2025Q3].qualifier, Qualifier::Floor);
        // Approx − Floor.
        assert_eq!(r[X::KLING_Q4_REQUIRED].qualifier, Qualifier::Approx);
        // Floor ÷ Floor can move either way.
        assert_eq!(r[X::KLING_QOQ_2025Q3].qualifier, Qualifier::Approx);
        // ARPU rests on the article's assumed 500萬 members, so it is approximate.
        let arpu = r[X::ARPU_PAYING_MONTHLY];
        assert_eq!(arpu.qualifier, Qualifier::Approx);
        assert!(arpu.rests_on.contains(I::KLING_PAYING_MEMBERS));
        assert!(arpu.rests_on.contains(I::KLING_REVENUE_2025Q1));
        // With the reader's own member count it is a floor again (Q1 revenue is one).
        let own = with(&[(I::KLING_PAYING_MEMBERS, 4e6)]);
        assert_eq!(own[X::ARPU_PAYING_MONTHLY].qualifier, Qualifier::Floor);
        assert_eq!(r[X::KLING_GUIDANCE_RAISE].qualifier, Qualifier::Exact);
        // The assumed Q4 makes the full year approximate and brings its sources along.
        let fy = r[X::KLING_FY_2025];
        assert_eq!(fy.qualifier, Qualifier::Approx);
        for id in [
            I::KLING_REVENUE_2025Q4,
            I::KLING_FY_TARGET,
            I::KLING_REVENUE_2025Q1,
        ] {
            assert!(fy.rests_on.contains(id));
        }
        let cap = r[X::IMPLIED_MARKET_CAP];
        assert_eq!(cap.qualifier, Qualifier::Approx);
        assert_eq!(cap.rests_on.iter().collect::<Vec<_>>(), [I::TARGET_PE]);
        assert_eq!(r[X::IMPLIED_EARNINGS].qualifier, Qualifier::Exact);
        // Kuaishou's P/E is flipped in the discount, but it is exact.
        assert_eq!(r[X::PE_DISCOUNT_TO_PEERS].qualifier, Qualifier::Exact);

        let r = with(&[(I::KLING_REVENUE_2025Q3, 3.2e8)]);
        assert_eq!(r[X::KLING_SHARE_2025Q3].qualifier, Qualifier::Exact);
        assert!(r[X::KLING_SHARE_2025Q3].rests_on.is_empty());
        // A reader-set Q4 on top of floors gives a floor.
        let r = with(&[(I::KLING_REVENUE_2025Q4, 4e8)]);
        assert_eq!(r[X::KLING_FY_2025].qualifier, Qualifier::Floor);
        let r = with(&[(I::KLING_FY_TARGET, 5e8), (I::USD_CNY, 7.0)]);
        // The target is already beaten (by at least 2億): nothing more is
        // needed, exactly, and Q4 could fall to zero (−100%) and still meet it.
        assert_eq!(r[X::KLING_Q4_REQUIRED].qualifier, Qualifier::Exact);
        assert_eq!(r[X::KLING_Q4_REQUIRED].value, Ok(0.0));
        assert_eq!(r[X::KLING_Q4_REQUIRED_QOQ].value, Ok(-1.0));
        assert_eq!(r[X::KLING_Q4_REQUIRED_QOQ].qualifier, Qualifier::Exact);
        // Below the target, Exact − Floor = Ceiling: at most this much is needed.
        let r = with(&[(I::KLING_FY_TARGET, 9e8), (I::USD_CNY, 7.0)]);
        assert_eq!(r[X::KLING_Q4_REQUIRED].qualifier, Qualifier::Ceiling);
        assert_eq!(r[X::KLING_Q4_REQUIRED].value, Ok(2e8));
        let r = with(&[(I::KLING_FY_TARGET, 9e8), (I::KLING_REVENUE_2025Q3, 3e8)]);
        // Now Q3 is exact: Ceiling ÷ Exact stays a ceiling.
        assert_eq!(r[X::KLING_Q4_REQUIRED_QOQ].qualifier, Qualifier::Ceiling);
        assert_eq!(r[X::KLING_Q4_REQUIRED_QOQ].value, Ok(2e8 / 3e8 - 1.0));
    }

    #[test]
    fn reasons_name_what_the_reader_can_change_in_three_languages() {
        let q2 = Some(InputId::REVENUE_2025Q2.spec().label);
        let q3 = Some(InputId::REVENUE_2025Q3.spec().label);
        let share = Some(MetricId::KLING_SHARE_2025Q3.spec().label);
        let missing = Reason::Missing(InputId::REVENUE_2025Q2);
        let zero = Reason::DivisionByZero(Operand::Input(InputId::REVENUE_2025Q3));
        let depends = Reason::Depends(MetricId::KLING_SHARE_2025Q3);
        let (n_m, range) = (Reason::NegativeEarnings, Reason::OutOfRange);
        // (reason, locale, the words around the name, the name)
        let cases = [
            (missing, Locale::En, ("needs ", ""), q2),
            (missing, Locale::Hant, ("需填入", ""), q2),
            (zero, Locale::En, ("", " is 0"), q3),
            (zero, Locale::Hans, ("", "为0"), q3),
            (zero, Locale::Hant, ("", "為0"), q3),
            (depends, Locale::En, ("", " cannot be computed"), share),
            (depends, Locale::Hans, ("", "无法计算"), share),
            (
                n_m,
                Locale::En,
                ("n/m: P/E or earnings not positive", ""),
                None,
            ),
            (n_m, Locale::Hant, ("不適用:市盈率或盈利不為正", ""), None),
            (range, Locale::Hans, ("结果超出范围", ""), None),
        ];
        for (reason, locale, (before, after), name) in cases {
            let name = name.map_or("", |n| n.get(locale));
            assert_eq!(
                reason.describe(locale),
                [before, name, after].concat(),
                "{reason:?} {locale:?}"
            );
        }
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
