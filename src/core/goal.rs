//! Goal seek: which input value makes a metric hit a target.
//!
//! Each question the UI offers has a closed form, exact and cheap; the tests
//! apply every answer and check that the metric then hits the target.

use super::format::format_value;
use super::inputs::{t, Bound, InputId};
use super::metrics::{MetricId, Operand, Reason, Results};
use super::units::{Locale, Qualifier, Text, Unit};

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

/// A goal's answer: the input value that reaches the target, and how exact it
/// is given the figures it rests on (a floor year to date leaves "at most" this
/// much for Q4 to do).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Answer {
    /// The input value, in base units.
    pub value: f64,
    /// How exact the value is, by the metrics' [`Bound`] algebra.
    pub qualifier: Qualifier,
}

impl Answer {
    /// The answer for reading: "最多5億元", "≥ 1.67 million", "13.12倍".
    ///
    /// An answer is a requirement, so its bounds read "at most"/"at least"
    /// rather than the figures' "不足"/"超過".
    pub fn text(self, unit: Unit, locale: Locale) -> String {
        let prefix = match self.qualifier {
            Qualifier::Exact => t("", "", ""),
            Qualifier::Approx => t("約", "约", "≈ "),
            Qualifier::Floor => t("至少", "至少", "≥ "),
            Qualifier::Ceiling => t("最多", "最多", "≤ "),
        };
        let mut out = String::from(prefix.get(locale));
        out.push_str(&format_value(self.value, unit, Qualifier::Exact, locale));
        out
    }
}

/// Checks an answer against the input's allowed range and attaches its bound.
fn allowed(id: InputId, v: f64, bound: Bound) -> Result<Answer, Unreachable> {
    let value = id.spec().check(v).map_err(|_| Unreachable::OutOfRange)?;
    Ok(Answer {
        value,
        qualifier: bound.qualifier(),
    })
}

/// An operand's value and bound (an assumed input counts as approximate, as in
/// the metrics), or why it cannot be computed.
fn operand(results: &Results, op: Operand) -> Result<(f64, Bound), Unreachable> {
    results
        .operand(op)
        .map(|(v, _, q)| (v, Bound::of(q)))
        .map_err(Unreachable::NotComputable)
}

/// The Kling Q4 revenue that makes the 2025 total `target_fy`: target − Q1 − Q2 − Q3.
///
/// The quarters are floors (超過), so the Q4 needed is at most the answer.
pub fn kling_q4_for_fy_total(results: &Results, target_fy: f64) -> Result<Answer, Unreachable> {
    let (mut q4, mut bound) = (target_fy, Bound::EXACT);
    for id in [
        InputId::KLING_REVENUE_2025Q1,
        InputId::KLING_REVENUE_2025Q2,
        InputId::KLING_REVENUE_2025Q3,
    ] {
        let (v, b) = operand(results, Operand::Input(id))?;
        q4 -= v;
        bound = bound.or(b.flip());
    }
    allowed(InputId::KLING_REVENUE_2025Q4, q4, bound)
}

/// The Kuaishou Q4 revenue the UI assumes for [`kling_q4_for_share`] until the
/// reader enters one: Q3's, with its qualifier, named as an assumption in the
/// question since no article gives Q4.
pub fn default_q4_company_revenue(results: &Results) -> Option<(f64, Qualifier)> {
    results
        .operand(Operand::Input(InputId::REVENUE_2025Q3))
        .ok()
        .map(|(v, _, q)| (v, q))
}

/// The Kling Q4 revenue that is `target_share` of Kuaishou's Q4 revenue.
///
/// No article gives Kuaishou's Q4 revenue, so the caller passes it with its
/// qualifier; the UI defaults it to [`default_q4_company_revenue`].
pub fn kling_q4_for_share(
    target_share: f64,
    (q4_company_revenue, qualifier): (f64, Qualifier),
) -> Result<Answer, Unreachable> {
    let share = InputId::KLING_P_SIDE_SHARE.spec(); // the same 0..=1 range as any share
    share
        .check(target_share)
        .map_err(|_| Unreachable::OutOfRange)?;
    InputId::REVENUE_2025Q3
        .spec()
        .check(q4_company_revenue)
        .map_err(|_| Unreachable::OutOfRange)?;
    // A share of no revenue is undefined, so no Kling revenue reaches it.
    if q4_company_revenue <= 0.0 {
        return Err(Unreachable::NotComputable(Reason::DivisionByZero));
    }
    allowed(
        InputId::KLING_REVENUE_2025Q4,
        target_share * q4_company_revenue,
        Bound::of(qualifier),
    )
}

/// The target P/E at which Kuaishou would be worth `target_cap`: cap ÷ implied earnings.
pub fn target_pe_for_market_cap(results: &Results, target_cap: f64) -> Result<Answer, Unreachable> {
    let (earnings, bound) = operand(results, Operand::Metric(MetricId::IMPLIED_EARNINGS))?;
    if earnings <= 0.0 {
        return Err(Unreachable::NotComputable(Reason::DivisionByZero));
    }
    // A P/E of zero or below is "n/m" in the metrics, so it cannot be an answer.
    if target_cap <= 0.0 || !target_cap.is_finite() {
        return Err(Unreachable::OutOfRange);
    }
    // The answer falls as earnings rise.
    allowed(InputId::TARGET_PE, target_cap / earnings, bound.flip())
}

/// The paying members that give a monthly ARPU of `arpu_monthly`: P-side Q1 revenue ÷ (3 × ARPU).
///
/// P-side revenue rests on Q1's floor (超過1.5億), so at least this many are needed.
pub fn paying_members_for_monthly_arpu(
    results: &Results,
    arpu_monthly: f64,
) -> Result<Answer, Unreachable> {
    if arpu_monthly <= 0.0 || !arpu_monthly.is_finite() {
        return Err(Unreachable::OutOfRange);
    }
    let (p_side, bound) = operand(results, Operand::Metric(MetricId::KLING_P_SIDE_REVENUE_2025Q1))?;
    // With no P-side revenue every positive member count gives ARPU 0, and 0
    // members leaves ARPU undefined: no answer reaches a positive target.
    if p_side <= 0.0 {
        return Err(Unreachable::NoBracket);
    }
    allowed(
        InputId::KLING_PAYING_MEMBERS,
        p_side / (3.0 * arpu_monthly),
        bound,
    )
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
    /// Computes the answer from the current results (`compute` of the inputs) and a target.
    pub solve: fn(&Results, f64) -> Result<Answer, Unreachable>,
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
        solves_for: InputId::KLING_REVENUE_2025Q4,
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
        solves_for: InputId::KLING_REVENUE_2025Q4,
        solve: |results, share| match default_q4_company_revenue(results) {
            Some(revenue) => kling_q4_for_share(share, revenue),
            None => Err(Unreachable::NotComputable(Reason::Missing(InputId::REVENUE_2025Q3))),
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
        solves_for: InputId::TARGET_PE,
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
        solves_for: InputId::KLING_PAYING_MEMBERS,
        solve: paying_members_for_monthly_arpu,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::inputs::Inputs;
    use crate::core::metrics::compute;
    use InputId as I;

    /// The qualifier a figure-backed input carries by default.
    fn figure_bound(id: InputId) -> Bound {
        let results = compute(&Inputs::published());
        Bound::of(results.operand(Operand::Input(id)).unwrap().2)
    }

    #[test]
    fn goal_table_answers_at_defaults() {
        let inputs = Inputs::published();
        let quarters = [
            I::KLING_REVENUE_2025Q1,
            I::KLING_REVENUE_2025Q2,
            I::KLING_REVENUE_2025Q3,
        ];
        // Issue 12, item 2: Q1–Q3 are floors, so Q4 needs at most the answer;
        // P-side revenue rests on Q1's floor, so at least the answer in members;
        // the P/E answer rests only on exact figures.
        let q4_bound = quarters
            .iter()
            .fold(Bound::EXACT, |b, &q| b.or(figure_bound(q).flip()))
            .qualifier();
        let members_bound = figure_bound(I::KLING_REVENUE_2025Q1)
            .or(figure_bound(I::KLING_P_SIDE_SHARE))
            .qualifier();
        let pe_bound = figure_bound(I::MARKET_CAP)
            .or(figure_bound(I::PE_KUAISHOU))
            .qualifier();
        let share_bound = figure_bound(I::REVENUE_2025Q3).qualifier();
        assert_eq!(
            (q4_bound, members_bound, pe_bound),
            (Qualifier::Ceiling, Qualifier::Floor, Qualifier::Exact)
        );
        // (goal key, target, expected answer, its qualifier, in zh-Hant)
        let cases: [(&str, f64, f64, Qualifier, &str); 5] = [
            ("kling_q4_for_fy_total", 12e8, 5e8, q4_bound, "最多5億元"),
            (
                "kling_q4_for_share",
                0.01,
                355.54e8 * 0.01,
                share_bound,
                "3.56億元",
            ),
            (
                "target_pe_for_market_cap",
                4000e8,
                4000e8 / (2690e8 / 13.12),
                pe_bound,
                "19.51倍",
            ),
            (
                "paying_members_for_monthly_arpu",
                21.0,
                1.05e8 / 63.0,
                members_bound,
                "至少166.67萬",
            ),
            (
                "paying_members_for_monthly_arpu",
                7.0,
                5e6,
                members_bound,
                "至少500萬",
            ),
        ];
        for (key, target, want, qualifier, text) in cases {
            let goal = GOALS.iter().find(|g| g.key == key).unwrap();
            let answer = (goal.solve)(&compute(&inputs), target).unwrap();
            let got = answer.value;
            assert!(
                (got - want).abs() <= 1e-9 * want.abs(),
                "{key}: {got} != {want}"
            );
            assert_eq!(answer.qualifier, qualifier, "{key}");
            let unit = goal.solves_for.spec().unit;
            assert_eq!(answer.text(unit, Locale::Hant), text, "{key}");
            // Applying the answer reaches the target.
            let mut applied = inputs;
            applied.set(goal.solves_for, got).unwrap();
            let results = compute(&applied);
            let reached = match key {
                "kling_q4_for_fy_total" => results.get(MetricId::KLING_FY_2025).value.unwrap(),
                "kling_q4_for_share" => got / 355.54e8,
                "target_pe_for_market_cap" => {
                    results.get(MetricId::IMPLIED_MARKET_CAP).value.unwrap()
                }
                _ => results.get(MetricId::ARPU_PAYING_MONTHLY).value.unwrap(),
            };
            assert!(
                (reached - target).abs() <= 1e-9 * target.abs(),
                "{key}: reached {reached}"
            );
        }
        // Every bound has its words in every locale.
        for q in [
            Qualifier::Exact,
            Qualifier::Approx,
            Qualifier::Floor,
            Qualifier::Ceiling,
        ] {
            let a = Answer {
                value: 5e8,
                qualifier: q,
            };
            let texts: Vec<String> = Locale::ALL.iter().map(|&l| a.text(Unit::Cny, l)).collect();
            let plain: Vec<String> = Locale::ALL
                .iter()
                .map(|&l| format_value(5e8, Unit::Cny, Qualifier::Exact, l))
                .collect();
            assert_eq!(texts == plain, q == Qualifier::Exact, "{q:?}: {texts:?}");
        }
        let mut no_q3 = inputs;
        no_q3.set(InputId::REVENUE_2025Q3, 0.0).unwrap();
        assert_eq!(
            (GOALS[1].solve)(&compute(&no_q3), 0.5),
            Err(Unreachable::NotComputable(Reason::DivisionByZero))
        );
        let mut no_p_side = inputs;
        no_p_side.set(InputId::KLING_P_SIDE_SHARE, 0.0).unwrap();
        assert_eq!(
            (GOALS[3].solve)(&compute(&no_p_side), 7.0),
            Err(Unreachable::NoBracket)
        );
        assert_eq!(
            (GOALS[1].solve)(&compute(&inputs), 1.5),
            Err(Unreachable::OutOfRange)
        );
        assert_eq!(
            (GOALS[0].solve)(&compute(&inputs), 5e8),
            Err(Unreachable::OutOfRange)
        );
        assert_eq!(
            (GOALS[3].solve)(&compute(&inputs), 0.0),
            Err(Unreachable::OutOfRange)
        );
    }

    fn close(got: Result<Answer, Unreachable>, want: f64) {
        let g = got
            .unwrap_or_else(|e| panic!("want {want}, got {e:?}"))
            .value;
        assert!(
            (g - want).abs() <= 1e-8 * want.abs().max(1.0),
            "got {g}, want {want}"
        );
    }

    fn with(changes: &[(InputId, f64)]) -> Results {
        let mut inp = Inputs::published();
        for &(id, v) in changes {
            inp.set(id, v).unwrap();
        }
        compute(&inp)
    }

    #[test]
    fn q4_for_fy_total() {
        let p = compute(&Inputs::published());
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
            kling_q4_for_fy_total(&with(&[(I::KLING_REVENUE_2025Q2, 3e8)]), 12e8),
            4.5e8,
        );
    }

    #[test]
    fn q4_for_share() {
        let p = compute(&Inputs::published());
        let rev = default_q4_company_revenue(&p).unwrap();
        assert_eq!(rev, (355.54e8, Qualifier::Exact));
        close(kling_q4_for_share(0.01, rev), 3.5554e8);
        close(kling_q4_for_share(0.0, rev), 0.0);
        close(kling_q4_for_share(0.02, (400e8, Qualifier::Exact)), 8e8);
        assert_eq!(kling_q4_for_share(1.5, rev), Err(Unreachable::OutOfRange));
        assert_eq!(kling_q4_for_share(-0.1, rev), Err(Unreachable::OutOfRange));
        assert_eq!(
            kling_q4_for_share(0.01, (-1.0, Qualifier::Exact)),
            Err(Unreachable::OutOfRange)
        );
    }

    #[test]
    fn pe_for_market_cap() {
        let p = compute(&Inputs::published());
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
            target_pe_for_market_cap(&with(&[(I::PE_KUAISHOU, -5.0)]), 3e11),
            Err(Unreachable::NotComputable(Reason::NegativeEarnings))
        );
        assert_eq!(
            target_pe_for_market_cap(&with(&[(I::MARKET_CAP, 0.0)]), 3e11),
            Err(Unreachable::NotComputable(Reason::DivisionByZero))
        );
    }

    #[test]
    fn members_for_arpu() {
        let p = compute(&Inputs::published());
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
            paying_members_for_monthly_arpu(&with(&[(I::KLING_P_SIDE_SHARE, 0.0)]), 7.0),
            Err(Unreachable::NoBracket)
        );
    }
}
