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
    /// The other terms already reach the target on their own: nothing more is
    /// needed (a full-year total the quarters so far already make).
    AlreadyReached,
}

impl Unreachable {
    /// A short explanation in `locale`.
    pub fn message(self, locale: Locale) -> &'static str {
        match self {
            Unreachable::NotComputable(_) => t!(
                "所需數值無法計算",
                "所需数值无法计算",
                "a value it needs cannot be computed",
            ),
            Unreachable::OutOfRange => t!(
                "所需數值超出允許範圍",
                "所需数值超出允许范围",
                "the value needed is outside the allowed range",
            ),
            Unreachable::NoBracket => t!(
                "在允許範圍內無法達到目標",
                "在允许范围内无法达到目标",
                "no value in the allowed range reaches the target",
            ),
            Unreachable::AlreadyReached => t!(
                "已達到:其餘數字已達此目標",
                "已达到:其余数字已达此目标",
                "already reached by the other figures",
            ),
        }
        .get(locale)
    }

    /// The message, with what could not be computed and why where that is
    /// the cause ("… cannot be computed: Kuaishou Q3 revenue is 0").
    pub fn describe(self, locale: Locale) -> String {
        let mut out = String::from(self.message(locale));
        if let Unreachable::NotComputable(reason) = self {
            out.push_str(locale.colon());
            out.push_str(&reason.describe(locale));
        }
        out
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
            Qualifier::Exact => t!("", "", ""),
            Qualifier::Approx => t!("約", "约", "≈ "),
            Qualifier::Floor => t!("至少", "至少", "≥ "),
            Qualifier::Ceiling => t!("最多", "最多", "≤ "),
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

/// The input value that brings a sum to `target`: the target minus the other
/// terms (`values`, e.g. the quarters so far of a year's total).
///
/// A term that is a floor (超過) leaves the answer a ceiling: at most this much.
pub fn remainder(
    results: &Results,
    values: &[Operand],
    solves_for: InputId,
    target: f64,
) -> Result<Answer, Unreachable> {
    let (mut rest, mut bound) = (target, Bound::EXACT);
    for &op in values {
        let (v, b) = operand(results, op)?;
        rest -= v;
        bound = bound.or(b.flip());
    }
    if rest <= 0.0 {
        return Err(Unreachable::AlreadyReached);
    }
    allowed(solves_for, rest, bound)
}

/// The input value that is the share `target` of a base (`values[0]`: the
/// latest quarter's revenue, which the question names as the assumption for a
/// quarter no article gives yet).
pub fn share_of(
    results: &Results,
    values: &[Operand],
    solves_for: InputId,
    target: f64,
) -> Result<Answer, Unreachable> {
    if !(0.0..=1.0).contains(&target) {
        return Err(Unreachable::OutOfRange);
    }
    let base = *values.first().ok_or(Unreachable::OutOfRange)?;
    let (revenue, bound) = operand(results, base)?;
    // A share of no revenue is undefined, so no value reaches it.
    if revenue <= 0.0 {
        return Err(Unreachable::NotComputable(Reason::DivisionByZero(base)));
    }
    allowed(solves_for, target * revenue, bound)
}

/// The input value that multiplies `values[0]` (earnings) into `target` (a
/// market cap): target ÷ value. The answer falls as the value rises.
pub fn divide(
    results: &Results,
    values: &[Operand],
    solves_for: InputId,
    target: f64,
) -> Result<Answer, Unreachable> {
    let base = *values.first().ok_or(Unreachable::OutOfRange)?;
    let (earnings, bound) = operand(results, base)?;
    if earnings <= 0.0 {
        return Err(Unreachable::NotComputable(Reason::DivisionByZero(base)));
    }
    // A P/E of zero or below is "n/m" in the metrics, so it cannot be an answer.
    if target <= 0.0 || !target.is_finite() {
        return Err(Unreachable::OutOfRange);
    }
    allowed(solves_for, target / earnings, bound.flip())
}

/// The count that gives a monthly amount per head of `target` from a quarter's
/// revenue (`values[0]`): revenue ÷ (3 × target).
///
/// The revenue rests on a floor (超過1.5億), so at least this many are needed.
pub fn per_month(
    results: &Results,
    values: &[Operand],
    solves_for: InputId,
    target: f64,
) -> Result<Answer, Unreachable> {
    if target <= 0.0 || !target.is_finite() {
        return Err(Unreachable::OutOfRange);
    }
    let base = *values.first().ok_or(Unreachable::OutOfRange)?;
    let (revenue, bound) = operand(results, base)?;
    // With no revenue every positive count gives 0, and 0 leaves the amount
    // undefined: no answer reaches a positive target.
    if revenue <= 0.0 {
        return Err(Unreachable::NoBracket);
    }
    allowed(solves_for, revenue / (3.0 * target), bound)
}

/// One "what would it take" question the UI offers, answered by a closed form
/// (`data/goals.toml`; a question about a quarter still to come drops out
/// once there is none).
#[derive(Clone, Copy, Debug)]
pub struct Goal {
    /// Stable key, used in `data-goal`.
    pub key: &'static str,
    /// The closed form: `remainder`, `share_of`, `divide` or `per_month`.
    pub kind: &'static str,
    /// The question, in each locale.
    pub question: Text,
    /// What the reader types as the target.
    pub target_unit: Unit,
    /// The target offered before the reader types one, in base units.
    pub default_target: f64,
    /// The input the answer is a value of (the UI can apply it there).
    pub solves_for: InputId,
    /// What the closed form reads.
    pub values: &'static [Operand],
}

impl Goal {
    /// The answer for `target` from the current results (`compute` of the inputs).
    pub fn solve(&self, results: &Results, target: f64) -> Result<Answer, Unreachable> {
        let f = match self.kind {
            "remainder" => remainder,
            "share_of" => share_of,
            "divide" => divide,
            _ => per_month,
        };
        f(results, self.values, self.solves_for, target)
    }
}

include!(concat!(env!("OUT_DIR"), "/data_goals.rs"));

#[cfg(all(test, not(target_arch = "wasm32")))] // its property tests use proptest, native-only
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
            let answer = goal.solve(&compute(&inputs), target).unwrap();
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
            GOALS[1].solve(&compute(&no_q3), 0.5),
            Err(Unreachable::NotComputable(Reason::DivisionByZero(
                GOALS[1].values[0]
            )))
        );
        let mut no_p_side = inputs;
        no_p_side.set(InputId::KLING_P_SIDE_SHARE, 0.0).unwrap();
        assert_eq!(
            GOALS[3].solve(&compute(&no_p_side), 7.0),
            Err(Unreachable::NoBracket)
        );
        assert_eq!(
            GOALS[1].solve(&compute(&inputs), 1.5),
            Err(Unreachable::OutOfRange)
        );
        // Not computable says what and why, so the reader knows what to change.
        let why = Reason::DivisionByZero(GOALS[1].values[0]);
        assert_eq!(
            Unreachable::NotComputable(why).describe(Locale::En),
            [
                Unreachable::NotComputable(why).message(Locale::En),
                ": ",
                &why.describe(Locale::En)
            ]
            .concat()
        );
        assert_eq!(
            why.describe(Locale::En),
            [GOALS[1].values[0].label(Locale::En), " is 0"].concat()
        );
        // A full-year total the quarters so far already make.
        assert_eq!(
            GOALS[0].solve(&compute(&inputs), 5e8),
            Err(Unreachable::AlreadyReached)
        );
        assert_eq!(
            GOALS[3].solve(&compute(&inputs), 0.0),
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

    /// The goal with this key.
    fn goal(key: &str) -> &'static Goal {
        GOALS
            .iter()
            .find(|g| g.key == key)
            .unwrap_or_else(|| panic!("no goal {key}"))
    }

    #[test]
    fn q4_for_fy_total() {
        let p = compute(&Inputs::published());
        let g = goal("kling_q4_for_fy_total");
        close(g.solve(&p, 12e8), 5e8);
        // The quarters so far (more than 7億) already make 7億 or less.
        let ytd: f64 = [
            I::KLING_REVENUE_2025Q1,
            I::KLING_REVENUE_2025Q2,
            I::KLING_REVENUE_2025Q3,
        ]
        .iter()
        .map(|&q| p.resolved().values[q.index()].unwrap())
        .sum();
        for target in [ytd, ytd - 1e7, 0.0] {
            assert_eq!(
                g.solve(&p, target),
                Err(Unreachable::AlreadyReached),
                "{target}"
            );
        }
        assert_eq!(g.solve(&p, f64::NAN), Err(Unreachable::OutOfRange));
        close(
            g.solve(&with(&[(I::KLING_REVENUE_2025Q2, 3e8)]), 12e8),
            4.5e8,
        );
    }

    #[test]
    fn q4_for_share() {
        let p = compute(&Inputs::published());
        let g = goal("kling_q4_for_share");
        close(g.solve(&p, 0.01), 3.5554e8);
        close(g.solve(&p, 0.0), 0.0);
        close(g.solve(&with(&[(I::REVENUE_2025Q3, 400e8)]), 0.02), 8e8);
        assert_eq!(g.solve(&p, 1.5), Err(Unreachable::OutOfRange));
        assert_eq!(g.solve(&p, -0.1), Err(Unreachable::OutOfRange));
        assert_eq!(
            g.solve(&with(&[(I::REVENUE_2025Q3, 0.0)]), 0.01),
            Err(Unreachable::NotComputable(Reason::DivisionByZero(
                g.values[0]
            )))
        );
    }

    #[test]
    fn pe_for_market_cap() {
        let p = compute(&Inputs::published());
        let g = goal("target_pe_for_market_cap");
        close(g.solve(&p, 3e11), 3e11 / (2690e8 / 13.12));
        close(g.solve(&p, 2690e8), 13.12);
        assert_eq!(g.solve(&p, 0.0), Err(Unreachable::OutOfRange));
        assert_eq!(g.solve(&p, 1e15), Err(Unreachable::OutOfRange));
        assert_eq!(
            g.solve(&with(&[(I::PE_KUAISHOU, -5.0)]), 3e11),
            Err(Unreachable::NotComputable(Reason::NegativeEarnings))
        );
        assert_eq!(
            g.solve(&with(&[(I::MARKET_CAP, 0.0)]), 3e11),
            Err(Unreachable::NotComputable(Reason::DivisionByZero(
                g.values[0]
            )))
        );
    }

    #[test]
    fn members_for_arpu() {
        let p = compute(&Inputs::published());
        let g = goal("paying_members_for_monthly_arpu");
        close(g.solve(&p, 7.0), 5e6);
        close(g.solve(&p, 21.0), 1.05e8 / 63.0);
        assert_eq!(g.solve(&p, 0.0), Err(Unreachable::OutOfRange));
        assert_eq!(g.solve(&p, -3.0), Err(Unreachable::OutOfRange));
        // No P-side revenue: no member count gives a positive ARPU.
        assert_eq!(
            g.solve(&with(&[(I::KLING_P_SIDE_SHARE, 0.0)]), 7.0),
            Err(Unreachable::NoBracket)
        );
    }
}
