//! The articles' claims about derived numbers, checked against the current inputs.
//!
//! Each claim has a pure verdict function over plain values, so the tests can
//! flip every claim (including the ones resting only on figures the reader
//! cannot edit), and [`check_claims`] feeds those functions from the inputs
//! and metrics, so a reader's edit can change a verdict.

use super::inputs::{t, Bound, InputId, Inputs};
use super::metrics::{MetricId, Operand, Reason, Results};
use super::units::{Qualifier, Text, Unit};

/// A claim an article makes about a derived number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Claim {
    /// Stable key.
    pub key: &'static str,
    /// The letter of the article that makes the claim (the first, where several do).
    pub article: char,
    /// How the verdict is reached: the code knows each kind, not each claim.
    pub kind: &'static str,
    /// The claim in each locale.
    pub text: Text,
    /// What the kind reads, in order.
    pub values: &'static [Value],
    /// The keys of the figures the claim rests on.
    pub figures: &'static [&'static str],
    /// The explanation of each outcome of its kind, in the kind's order.
    pub explain: &'static [Text],
    /// A note shown beside the verdict (empty when there is none): C's ARPU
    /// claim carries the plausibility of its member count, its numbers
    /// computed by the build from the figures.
    pub note: Text,
}

/// A value a claim reads: a live input or metric, or a published figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// An input's current value.
    Input(InputId),
    /// A metric's current value.
    Metric(MetricId),
    /// A published figure the reader cannot change, with its qualifier.
    Figure(f64, Qualifier),
}

include!(concat!(env!("OUT_DIR"), "/data_claims.rs"));

/// Whether a claim holds for the current inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The numbers bear the claim out.
    Holds,
    /// The numbers contradict the claim.
    DoesNotHold,
    /// A number the check needs is missing or cannot be computed.
    CannotCheck,
}

/// One claim checked against the current inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClaimResult {
    /// The claim checked.
    pub claim: &'static Claim,
    /// Whether it holds.
    pub verdict: Verdict,
    /// The number the verdict turns on, shown beside the explanation.
    pub value: Option<f64>,
    /// How exact `value` is, propagated from what it is computed from as the
    /// metrics propagate theirs: a share of a floor is a floor, a sum of
    /// floors a floor, a floor in a divisor makes a ceiling.
    pub qualifier: Qualifier,
    /// What `value` measures.
    pub unit: Unit,
    /// A one-line reason for the verdict, in each locale.
    pub explanation: Text,
}

/// A verdict, the value it turns on, and which of the claim's explanations
/// (`explain` in `data/claims.toml`, in the order its kind lists them) applies.
type Check = (Verdict, Option<f64>, usize);

/// The outcome of a check that cannot be made: [`MISSING`] explains it.
const CANNOT: usize = usize::MAX;

const MISSING: Text = t!(
    "核對所需的數值缺少或無法計算",
    "核对所需的数值缺少或无法计算",
    "A number the check needs is missing or cannot be computed",
);

fn cannot() -> Check {
    (Verdict::CannotCheck, None, CANNOT)
}

/// True when `a` and `b` agree once scaled by `scale` and rounded, as the articles print numbers.
fn same_rounded(a: f64, b: f64, scale: f64) -> bool {
    (a * scale).round() == (b * scale).round()
}

/// Kling's quarterly shares against the ceiling; a quarter no article gives
/// counts only once its revenue is entered. Also the largest share's bound:
/// it is the one shown.
fn share_below(shares: &[Option<(f64, Bound)>], ceiling: Option<f64>) -> (Check, Bound) {
    let (Some(ceiling), true) = (ceiling, shares.iter().all(Option::is_some)) else {
        return (cannot(), Bound::EXACT);
    };
    let (max, bound) =
        shares.iter().flatten().fold(
            (f64::MIN, Bound::EXACT),
            |m, &s| if s.0 > m.0 { s } else { m },
        );
    let check = if max < ceiling {
        (Verdict::Holds, Some(max), 0)
    } else {
        (Verdict::DoesNotHold, Some(max), 1)
    };
    (check, bound)
}

/// The year-to-date sum against the stated floor.
fn ytd_above(ytd: Option<f64>, floor: Option<f64>) -> Check {
    let (Some(ytd), Some(floor)) = (ytd, floor) else {
        return cannot();
    };
    if ytd >= floor {
        (Verdict::Holds, Some(ytd), 0)
    } else {
        (Verdict::DoesNotHold, Some(ytd), 1)
    }
}

/// The US dollar target converted at `rate`, against the yuan target and the initial target.
fn guidance(
    fy: Option<f64>,
    fy_usd: Option<f64>,
    initial_usd: Option<f64>,
    rate: Option<f64>,
    rate_assumed: bool,
) -> Check {
    let (Some(fy), Some(fy_usd), Some(initial), Some(rate)) = (fy, fy_usd, initial_usd, rate)
    else {
        return cannot();
    };
    if fy <= 0.0 || initial <= 0.0 {
        return cannot();
    }
    let rmb = fy_usd * rate;
    if fy_usd / initial < 2.0 {
        return (Verdict::DoesNotHold, Some(rmb), 0);
    }
    if (rmb / fy - 1.0).abs() > 0.05 {
        return (Verdict::DoesNotHold, Some(rmb), 1);
    }
    let text = if rate_assumed { 2 } else { 3 };
    (Verdict::Holds, Some(rmb), text)
}

/// March's revenue over Q1's, rounded to whole percent against the stated share.
fn march_share(march: Option<f64>, q1: Option<f64>, stated: Option<f64>) -> Check {
    let (Some(march), Some(q1), Some(stated)) = (march, q1, stated) else {
        return cannot();
    };
    let share = march / q1;
    // The only ratio here of two reader-set numbers: a vanishing Q1 (5000萬 ÷
    // 1e-310) overflows, and an infinite share proves nothing.
    if q1 <= 0.0 || !share.is_finite() {
        return cannot();
    }
    if same_rounded(share, stated, 100.0) {
        (Verdict::Holds, Some(share), 0)
    } else {
        (Verdict::DoesNotHold, Some(share), 1)
    }
}

/// The computed monthly ARPU against the claimed one, to the nearest yuan.
fn arpu(monthly: Option<f64>, quarterly: Option<f64>, claimed: Option<f64>) -> Check {
    let (Some(monthly), Some(quarterly), Some(claimed)) = (monthly, quarterly, claimed) else {
        return cannot();
    };
    if same_rounded(monthly, claimed, 1.0) {
        return (Verdict::Holds, Some(monthly), 0);
    }
    let text = if same_rounded(quarterly, claimed, 1.0) {
        1
    } else {
        2
    };
    (Verdict::DoesNotHold, Some(monthly), text)
}

/// The computed monthly ARPU against ERNIE Bot's (文心一言) stated monthly ARPU.
fn arpu_vs_wenxin(monthly: Option<f64>, wenxin: Option<f64>) -> Check {
    let (Some(monthly), Some(wenxin)) = (monthly, wenxin) else {
        return cannot();
    };
    if monthly > wenxin {
        (Verdict::Holds, Some(monthly), 0)
    } else {
        (Verdict::DoesNotHold, Some(monthly), 1)
    }
}

/// The MAU change, rounded to 0.01%, against the stated change.
fn mau_qoq(q1: Option<f64>, q4: Option<f64>, stated: Option<f64>) -> Check {
    let (Some(q1), Some(q4), Some(stated)) = (q1, q4, stated) else {
        return cannot();
    };
    if q4 <= 0.0 {
        return cannot();
    }
    let change = q1 / q4 - 1.0;
    if same_rounded(change, stated, 1e4) {
        (Verdict::Holds, Some(change), 0)
    } else {
        (Verdict::DoesNotHold, Some(change), 1)
    }
}

/// How far the segments may miss the total from rounding alone: 201億 is
/// rounded to 1億 (±0.5億), the other two parts and the total itself to
/// 0.01億 (±0.005億 each): ±0.515億. A gap within this says nothing is missing.
pub const SEGMENT_TOLERANCE: f64 = 0.5e8 + 3.0 * 0.005e8;

/// The total minus the segments, against what rounding explains.
fn segments(gap: Option<f64>) -> Check {
    let Some(gap) = gap else {
        return cannot();
    };
    if gap.abs() <= SEGMENT_TOLERANCE {
        (Verdict::Holds, Some(gap), 0)
    } else {
        (Verdict::DoesNotHold, Some(gap), 1)
    }
}

/// Checks every claim against the current inputs and the metrics computed from them.
///
/// `results` must come from `compute(inputs)`; the claim on MAU rests on figures
/// the reader cannot edit, so its verdict is fixed by the data.
pub fn check_claims(inputs: &Inputs, results: &Results) -> Vec<ClaimResult> {
    // A value with its qualifier; an input or metric as the metrics read their
    // operands (an assumed input is approximate).
    let read = |v: &Value| {
        let op = match *v {
            Value::Input(id) => Operand::Input(id),
            Value::Metric(id) => Operand::Metric(id),
            Value::Figure(x, q) => return Some((x, Bound::of(q))),
        };
        results.operand(op).ok().map(|(x, _, q)| (x, Bound::of(q)))
    };
    CLAIMS
        .iter()
        .map(|claim| {
            let vals = claim.values;
            let read_at = |k: usize| vals.get(k).and_then(read);
            let v = |k: usize| read_at(k).map(|(x, _)| x);
            // The bound of value k, as a term that moves with the result.
            let b = |k: usize| read_at(k).map_or(Bound::EXACT, |(_, b)| b);
            let last = vals.len().saturating_sub(1);
            let ((verdict, value, explanation), unit, bound) = match claim.kind {
                "shares_below" => {
                    // A share missing an input (a quarter no article gives)
                    // waits for the reader; any other gap cannot be checked.
                    let shares: Vec<Option<(f64, Bound)>> = vals[..last]
                        .iter()
                        .filter(|s| match s {
                            Value::Metric(m) => {
                                !matches!(results.get(*m).value, Err(Reason::Missing(_)))
                            }
                            _ => true,
                        })
                        .map(read)
                        .collect();
                    let (check, bound) = share_below(&shares, v(last));
                    (check, Unit::Share, bound)
                }
                "sum_above" => {
                    let parts: Option<f64> = (0..last).map(v).sum();
                    let bound = (0..last).fold(Bound::EXACT, |acc, k| acc.or(b(k)));
                    (ytd_above(parts, v(last)), Unit::Cny, bound)
                }
                "guidance" => {
                    let rate_is_default = match vals.get(3) {
                        Some(Value::Input(id)) => !inputs.is_changed(*id),
                        _ => false,
                    };
                    (
                        guidance(v(0), v(1), v(2), v(3), rate_is_default),
                        Unit::Cny,
                        // The dollar target times the rate.
                        b(1).or(b(3)),
                    )
                }
                // A part over a whole: the whole moves the share the other way.
                "part_share" => (
                    march_share(v(0), v(1), v(2)),
                    Unit::Share,
                    b(0).or(b(1).flip()),
                ),
                "arpu" => (arpu(v(0), v(1), v(2)), Unit::Cny, b(0)),
                "above" => (arpu_vs_wenxin(v(0), v(1)), Unit::Cny, b(0)),
                "qoq_stated" => (
                    mau_qoq(v(0), v(1), v(2)),
                    Unit::Change,
                    b(0).or(b(1).flip()),
                ),
                _ => (segments(v(0)), Unit::Cny, b(0)),
            };
            ClaimResult {
                claim,
                verdict,
                value,
                qualifier: if value.is_some() {
                    bound.qualifier()
                } else {
                    Qualifier::Exact
                },
                unit,
                explanation: claim.explain.get(explanation).copied().unwrap_or(MISSING),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::figures::figure;
    use crate::core::metrics::compute;
    use crate::core::units::{Locale, Qualifier};
    use InputId as I;
    use Verdict::*;

    #[test]
    fn overflowing_values_cannot_be_checked() {
        // A Q1 so small that 5000萬 ÷ Q1 overflows to infinity (found by the property tests).
        let r = check(&[(I::KLING_REVENUE_2025Q1, 1e-310)]);
        let march = r
            .iter()
            .find(|c| c.claim.key == "march_share_of_q1")
            .unwrap();
        assert_eq!(march.verdict, CannotCheck);
        assert_eq!(march.value, None);
        for c in r {
            assert!(c.value.is_none_or(f64::is_finite), "{}", c.claim.key);
        }
    }

    fn check(changes: &[(InputId, f64)]) -> Vec<ClaimResult> {
        let mut inp = Inputs::published();
        for &(id, v) in changes {
            inp.set(id, v).unwrap();
        }
        check_claims(&inp, &compute(&inp))
    }

    fn verdict(changes: &[(InputId, f64)], key: &str) -> (Verdict, Option<f64>) {
        let r = check(changes);
        let c = r.iter().find(|c| c.claim.key == key).unwrap();
        (c.verdict, c.value)
    }

    fn near(v: Option<f64>, want: f64) {
        let v = v.unwrap();
        assert!(
            (v - want).abs() <= 1e-9 * want.abs().max(1.0),
            "got {v}, want {want}"
        );
    }

    #[test]
    fn claims_are_in_order_and_cite_real_figures() {
        let keys: Vec<_> = CLAIMS.iter().map(|c| c.key).collect();
        assert_eq!(
            keys,
            [
                "kling_share_below_1pct",
                "kling_ytd_above_7yi",
                "guidance_usd_cny",
                "march_share_of_q1",
                "arpu_monthly",
                "arpu_above_wenxin",
                "mau_qoq_2025q1",
                "segments_add_up"
            ]
        );
        for c in CLAIMS {
            for key in c.figures {
                assert!(figure(key).is_some(), "{}: no figure {key}", c.key);
            }
        }
        let r = check(&[]);
        for (c, claim) in r.iter().zip(CLAIMS) {
            assert_eq!(c.claim, claim);
        }
    }

    #[test]
    fn verdicts_at_defaults() {
        let r = check(&[]);
        let want: [(Verdict, f64, Unit); 8] = [
            (Holds, 3e8 / 355.54e8, Unit::Share),
            (Holds, 7e8, Unit::Cny),
            (Holds, 10e8, Unit::Cny),
            (Holds, 1.0 / 3.0, Unit::Share),
            (DoesNotHold, 7.0, Unit::Cny),
            // Issue 12, item 6: 7元 a month is below ERNIE Bot's 10元.
            (DoesNotHold, 7.0, Unit::Cny),
            (Holds, 7.12 / 7.36 - 1.0, Unit::Change),
            (Holds, 2e6, Unit::Cny),
        ];
        for (c, (verdict, value, unit)) in r.iter().zip(want) {
            assert_eq!(c.verdict, verdict, "{}", c.claim.key);
            assert_eq!(c.unit, unit, "{}", c.claim.key);
            let v = c.value.unwrap();
            assert!(
                (v - value).abs() <= 1e-6 * value.abs(),
                "{}: {v}",
                c.claim.key
            );
        }
        assert!(r[2].explanation.en().starts_with("Holds by construction"));
        assert_eq!(
            r[4].explanation.en(),
            "RMB 21 is per quarter: RMB 105 million ÷ 5 million; per month it is a third of that"
        );
        assert!(r[4]
            .explanation
            .get(Locale::Hant)
            .starts_with("21元是季度數字"));
    }

    /// The number a verdict turns on carries its qualifier, as the metrics'
    /// do: where a metric computes the same number, the two agree.
    #[test]
    fn computed_values_carry_their_qualifier() {
        use crate::core::metrics::MetricId as X;
        use Qualifier::*;
        let of = |changes: &[(InputId, f64)], m: X| {
            let mut inp = Inputs::published();
            for &(id, v) in changes {
                inp.set(id, v).unwrap();
            }
            compute(&inp)[m].qualifier
        };
        let exact_q1 = [(I::KLING_REVENUE_2025Q1, 2e8)];
        let exact_q3 = [(I::KLING_REVENUE_2025Q3, 4e8)];
        let exact_all = [
            (I::KLING_REVENUE_2025Q1, 1.5e8),
            (I::KLING_REVENUE_2025Q2, 2.5e8),
            (I::KLING_REVENUE_2025Q3, 3e8),
        ];
        let rate = [(I::USD_CNY, 7.2)];
        // (claim, reader's changes, qualifier wanted)
        type Changes<'a> = &'a [(InputId, f64)];
        let cases: [(&str, Changes, Qualifier); 13] = [
            // The largest share is Q3's, a floor over an exact revenue.
            (
                "kling_share_below_1pct",
                &[],
                of(&[], X::KLING_SHARE_2025Q3),
            ),
            ("kling_share_below_1pct", &exact_q3, Exact),
            // An exact Q1 changes a share that is not the one shown.
            ("kling_share_below_1pct", &exact_q1, Floor),
            // The sum of the three quarters is the metric's own sum.
            ("kling_ytd_above_7yi", &[], of(&[], X::KLING_YTD_2025Q3)),
            ("kling_ytd_above_7yi", &exact_all, Exact),
            // The default rate is assumed, so the conversion is approximate.
            ("guidance_usd_cny", &[], Approx),
            ("guidance_usd_cny", &rate, Exact),
            // March over a floor Q1: at most the share shown.
            ("march_share_of_q1", &[], Ceiling),
            ("march_share_of_q1", &exact_q1, Exact),
            ("arpu_monthly", &[], of(&[], X::ARPU_PAYING_MONTHLY)),
            ("arpu_above_wenxin", &[], of(&[], X::ARPU_PAYING_MONTHLY)),
            ("mau_qoq_2025q1", &[], Exact),
            ("segments_add_up", &[], of(&[], X::SEGMENTS_GAP_2025Q3)),
        ];
        for (key, changes, want) in cases {
            let r = check(changes);
            let c = r.iter().find(|c| c.claim.key == key).unwrap();
            assert!(c.value.is_some(), "{key}");
            assert_eq!(c.qualifier, want, "{key} after {changes:?}");
        }
        // The defaults rest on floors and an assumption, not only exact figures.
        assert_eq!(of(&[], X::KLING_SHARE_2025Q3), Floor);
        // A claim that cannot be checked shows no number and no qualifier.
        let r = check(&[(I::KLING_REVENUE_2025Q1, 0.0)]);
        let c = r
            .iter()
            .find(|c| c.claim.key == "march_share_of_q1")
            .unwrap();
        assert_eq!((c.value, c.qualifier), (None, Exact));
    }

    #[test]
    fn reader_edits_flip_verdicts() {
        // 1. A 4億 Q3 is 1.125% of revenue.
        let (v, x) = verdict(&[(I::KLING_REVENUE_2025Q3, 4e8)], "kling_share_below_1pct");
        assert_eq!(v, DoesNotHold);
        near(x, 4.0 / 355.54);
        // Q2 joins the check once entered: 2.5億 of 200億 is 1.25%.
        let (v, x) = verdict(&[(I::REVENUE_2025Q2, 200e8)], "kling_share_below_1pct");
        assert_eq!(v, DoesNotHold);
        near(x, 0.0125);
        let (v, x) = verdict(&[(I::REVENUE_2025Q2, 340e8)], "kling_share_below_1pct");
        assert_eq!(v, Holds);
        near(x, 3.0 / 355.54);
        let (v, _) = verdict(&[(I::REVENUE_2025Q2, 0.0)], "kling_share_below_1pct");
        assert_eq!(v, CannotCheck);
        // 2.
        let (v, x) = verdict(&[(I::KLING_REVENUE_2025Q3, 2.9e8)], "kling_ytd_above_7yi");
        assert_eq!(v, DoesNotHold);
        near(x, 6.9e8);
        // 3. At 7.2 the conversion is 10.08億: holds, now as a real check.
        let r = check(&[(I::USD_CNY, 7.2)]);
        assert_eq!(r[2].verdict, Holds);
        near(r[2].value, 10.08e8);
        assert!(r[2].explanation.en().starts_with("At this rate"));
        let (v, x) = verdict(&[(I::USD_CNY, 6.0)], "guidance_usd_cny");
        assert_eq!(v, DoesNotHold);
        near(x, 8.4e8);
        let r = check(&[(I::USD_CNY, 7.2), (I::KLING_INITIAL_TARGET_USD, 8e7)]);
        assert_eq!(r[2].verdict, DoesNotHold);
        assert_eq!(
            r[2].explanation.en(),
            "The raised target is less than double the initial one"
        );
        // 4.
        let (v, x) = verdict(&[(I::KLING_REVENUE_2025Q1, 2e8)], "march_share_of_q1");
        assert_eq!(v, DoesNotHold);
        near(x, 0.25);
        let (v, _) = verdict(&[(I::KLING_REVENUE_2025Q1, 0.0)], "march_share_of_q1");
        assert_eq!(v, CannotCheck);
        // 5. A third of the members gives 21元 a month.
        let (v, x) = verdict(&[(I::KLING_PAYING_MEMBERS, 5e6 / 3.0)], "arpu_monthly");
        assert_eq!(v, Holds);
        near(x, 21.0);
        let r = check(&[(I::KLING_PAYING_MEMBERS, 4e6)]);
        assert_eq!(r[4].verdict, DoesNotHold);
        assert_eq!(
            r[4].explanation.en(),
            "The monthly ARPU does not come to RMB 21"
        );
        let (v, x) = verdict(&[(I::KLING_PAYING_MEMBERS, 0.0)], "arpu_monthly");
        assert_eq!((v, x), (CannotCheck, None));
        // 7. 210億 of online marketing leaves a 9億 gap.
        let (v, x) = verdict(&[(I::ONLINE_MARKETING_2025Q3, 210e8)], "segments_add_up");
        assert_eq!(v, DoesNotHold);
        near(x, -8.98e8);
        let (v, _) = verdict(&[(I::REVENUE_2025Q3, 356.02e8)], "segments_add_up");
        assert_eq!(v, Holds);
        let (v, _) = verdict(&[(I::REVENUE_2025Q3, 356.04e8)], "segments_add_up");
        assert_eq!(v, DoesNotHold);
    }

    /// Issue 12, item 6: C compares its ARPU with ERNIE Bot's; the verdict
    /// turns on the monthly ARPU against the figure, either way.
    #[test]
    fn arpu_against_wenxin_follows_the_figure() {
        let wenxin = figure("wenxin_arpu_monthly").unwrap().value;
        let members_at = |monthly: f64| 1.05e8 / (3.0 * monthly);
        for (monthly, want) in [
            (7.0, DoesNotHold),
            (wenxin, DoesNotHold),
            (wenxin * 2.1, Holds),
        ] {
            let changes: &[(InputId, f64)] = if monthly == 7.0 {
                &[]
            } else {
                &[(I::KLING_PAYING_MEMBERS, members_at(monthly))]
            };
            let (v, x) = verdict(changes, "arpu_above_wenxin");
            assert_eq!(v, want, "at {monthly} a month");
            near(x, monthly);
        }
        let r = check(&[]);
        let c = r
            .iter()
            .find(|c| c.claim.key == "arpu_above_wenxin")
            .unwrap();
        assert!(
            c.explanation.en().contains("reverses"),
            "{}",
            c.explanation.en()
        );
        assert_eq!(
            verdict(&[(I::KLING_PAYING_MEMBERS, 0.0)], "arpu_above_wenxin"),
            (CannotCheck, None)
        );
    }

    /// Issue 12, item 7: the plausibility note beside the ARPU claim, every
    /// ratio computed from the figures and written as `format_value` would.
    #[test]
    fn plausibility_of_paying_members() {
        let f = |key: &str| figure(key).unwrap();
        let members = f("kling_paying_members").value;
        let ratios = [
            (members / f("kling_users_d").value, Unit::Share),
            (members / f("kling_mau_2025q2").value, Unit::Multiple),
            (f("kling_paid_rate").value, Unit::Share),
            (members / f("dau_c").value, Unit::Share),
        ];
        // C's paid rate is members ÷ Kuaishou's DAU, to C's rounding, not ÷ Kling's users.
        let stated = f("kling_paid_rate").value;
        assert!(same_rounded(ratios[3].0, stated, 1000.0));
        assert!(!same_rounded(ratios[0].0, stated, 1000.0));
        // "At most": the users are a floor and the members C's exact assumption.
        assert_eq!(f("kling_users_d").qualifier, Qualifier::Floor);
        assert_eq!(f("kling_paying_members").qualifier, Qualifier::Exact);
        let claim = CLAIMS.iter().find(|c| c.key == "arpu_monthly").unwrap();
        for locale in Locale::ALL {
            let note = claim.note.get(locale);
            let mut at = 0;
            for (v, unit) in ratios {
                let shown = crate::core::format::format_value(v, unit, Qualifier::Exact, locale);
                let found = note[at..].find(&shown);
                assert!(found.is_some(), "{locale:?}: {note} lacks {shown} in order");
                at += found.unwrap() + shown.len();
            }
        }
    }

    /// Issue 12, item 10: the tolerance is half the rounding unit of every
    /// figure in the check, the total's own included, read from the figures.
    #[test]
    fn segment_tolerance_covers_every_rounding() {
        // Half of the last printed digit of a value given in 億.
        let half_unit = |key: &str| {
            let yi = figure(key).unwrap().value / 1e8;
            let mut unit = 1.0;
            while (yi / unit - (yi / unit).round()).abs() > 1e-9 {
                unit /= 10.0;
            }
            unit / 2.0 * 1e8
        };
        let claim = CLAIMS.iter().find(|c| c.key == "segments_add_up").unwrap();
        let want: f64 = claim.figures.iter().map(|k| half_unit(k)).sum();
        assert!(
            (SEGMENT_TOLERANCE - want).abs() < 1e-3,
            "{SEGMENT_TOLERANCE} != {want}"
        );
        // A gap just inside it holds, just outside it does not.
        let total = figure("revenue_2025q3").unwrap().value;
        let sum = total - 2e6;
        for (gap, holds) in [
            (want - 1e5, Holds),
            (-(want - 1e5), Holds),
            (want + 1e5, DoesNotHold),
        ] {
            let (v, _) = verdict(&[(I::REVENUE_2025Q3, sum + gap)], "segments_add_up");
            assert_eq!(v, holds, "gap {gap}");
        }
        // The explanations name the tolerance.
        let shown = crate::core::format::format_value(
            want,
            Unit::Cny,
            crate::core::units::Qualifier::Exact,
            Locale::En,
        );
        let shown = shown.trim_start_matches("RMB ");
        for c in [
            check(&[])[7],
            check(&[(I::ONLINE_MARKETING_2025Q3, 210e8)])[7],
        ] {
            assert!(
                c.explanation.en().contains(shown),
                "{} lacks {shown}",
                c.explanation.en()
            );
        }
    }

    #[test]
    fn figure_only_claims_flip_on_other_numbers() {
        // 6. Only figures feed the MAU claim, so flip it through its verdict function.
        assert_eq!(mau_qoq(Some(7.12e8), Some(7.36e8), Some(-0.0326)).0, Holds);
        let (v, x, _) = mau_qoq(Some(7.10e8), Some(7.36e8), Some(-0.0326));
        assert_eq!(v, DoesNotHold);
        near(x, 7.10 / 7.36 - 1.0);
        assert_eq!(mau_qoq(None, Some(7.36e8), Some(-0.0326)).0, CannotCheck);
        assert_eq!(
            march_share(Some(6e7), Some(1.5e8), Some(0.33)).0,
            DoesNotHold
        );
        assert_eq!(
            share_below(&[Some((0.004, Bound::EXACT))], None).0 .0,
            CannotCheck
        );
        assert_eq!(ytd_above(Some(7e8), Some(7e8)).0, Holds);
        assert_eq!(
            guidance(Some(10e8), None, Some(6e7), Some(7.0), false).0,
            CannotCheck
        );
    }
}
