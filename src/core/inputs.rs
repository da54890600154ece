//! The reader's inputs: what can be edited, its allowed range, and its default.
//!
//! Every input defaults to a published figure (or to a value derived from
//! other inputs, or to nothing), and the reader may override any of them.
//! [`Inputs`] holds only the overrides, so "reset" is cheap and "changed" is
//! exact; [`Inputs::resolve`] turns them into the effective values together
//! with how exact each one is and whether it is an assumption.
//!
//! Qualifiers are combined by [`Bound`]: a value is "maybe higher" (a floor),
//! "maybe lower" (a ceiling), both (approximate) or neither (exact).

use super::format::format_value;
use super::period::Quarter;
use super::units::{Locale, Qualifier, Text, Unit};

/// Identifies one editable input; the number indexes every per-input table.
///
/// The inputs are generated from `data/` (see `build.rs`): one per editable
/// series and period, then the assumptions. Tests and tools may name one by
/// its generated constant (`InputId::KLING_REVENUE_2025Q3`); the widget's own
/// code finds inputs by series, role and quarter, never by a period literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InputId(pub(crate) u8);

include!(concat!(env!("OUT_DIR"), "/data_inputs.rs"));

impl InputId {
    /// The number of inputs.
    pub const COUNT: usize = N;

    /// Every input, in display and evaluation order.
    pub const ALL: [InputId; N] = {
        let mut all = [InputId(0); N];
        let mut i = 0;
        while i < N {
            all[i] = InputId(i as u8);
            i += 1;
        }
        all
    };

    /// The position in [`InputId::ALL`], which indexes per-input arrays.
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The stable key, e.g. `kling_revenue_2025q3`.
    pub fn key(self) -> &'static str {
        KEYS[self.index()]
    }

    /// Finds an input by its key.
    pub fn from_key(key: &str) -> Option<InputId> {
        Self::ALL.into_iter().find(|id| id.key() == key)
    }

    /// The input's unit, label, default rule and range.
    pub fn spec(self) -> &'static InputSpec {
        &SPECS[self.index()]
    }
}

/// Where an input's value comes from while the reader has not set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultRule {
    /// The published figure with this key.
    Figure(&'static str),
    /// Nothing: the input is missing until the reader sets it.
    Empty,
    /// What a full-year target (the first input) leaves after the other
    /// inputs (the quarters so far), split evenly over this many quarters
    /// still to come, floored at zero.
    Remainder(&'static [InputId], u8),
    /// The mean of the inputs.
    Mean(&'static [InputId]),
    /// The first input divided by the second.
    Ratio(&'static [InputId]),
}

impl DefaultRule {
    /// The inputs a derived default is computed from (empty for figures and `Empty`).
    pub fn sources(self) -> &'static [InputId] {
        match self {
            DefaultRule::Remainder(of, _) | DefaultRule::Mean(of) | DefaultRule::Ratio(of) => of,
            DefaultRule::Figure(_) | DefaultRule::Empty => &[],
        }
    }

    /// True for a default computed from other inputs (an assumption until set).
    pub fn is_derived(self) -> bool {
        !self.sources().is_empty()
    }
}

/// What the reader may enter for one input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputSpec {
    /// The input this describes.
    pub id: InputId,
    /// What the value measures (values are in base units).
    pub unit: Unit,
    /// A short label in each locale.
    pub label: Text,
    /// Where the value comes from until the reader sets it.
    pub default: DefaultRule,
    /// The smallest allowed value.
    pub min: f64,
    /// The largest allowed value.
    pub max: f64,
    /// True when `min` itself is not allowed (growth of -100% would mean a zero base).
    pub min_exclusive: bool,
    /// A slider step in base units.
    pub step: f64,
    /// A sensible slider end; the slider spans [`InputSpec::slider_min`] to this.
    pub slider_max: f64,
    /// True when the published default is an article's assumption rather than
    /// a reported figure (C's "假設500萬付費會員"): results resting on it say so.
    pub assumption: bool,
    /// The default figure's value and qualifier, copied at build time so
    /// resolving costs no string search.
    pub figure: Option<(f64, Qualifier)>,
    /// The quarter the input is for, if it is for one.
    pub quarter: Option<Quarter>,
}

impl InputSpec {
    /// True for a quarter after the latest published one, which starts at
    /// what its full-year target leaves (an assumption until the reader sets it).
    pub fn projected(&self) -> bool {
        matches!(self.default, DefaultRule::Remainder(..))
    }

    /// Validates a value for this input, turning -0.0 into 0.0.
    pub fn check(&self, v: f64) -> Result<f64, RangeError> {
        if !v.is_finite() {
            Err(RangeError::NotFinite)
        } else if v < self.min || (self.min_exclusive && v <= self.min) {
            Err(RangeError::BelowMin)
        } else if v > self.max {
            Err(RangeError::AboveMax)
        } else {
            Ok(v + 0.0)
        }
    }

    /// The slider's start: `min`, but no further below zero than `slider_max` is above it.
    pub fn slider_min(&self) -> f64 {
        self.min.max(-self.slider_max)
    }
}

/// Why a value was refused for an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeError {
    /// The value is NaN or infinite.
    NotFinite,
    /// The value is below the input's minimum.
    BelowMin,
    /// The value is above the input's maximum.
    AboveMax,
}

impl RangeError {
    /// A short explanation in `locale`.
    pub fn message(self, locale: Locale) -> &'static str {
        match self {
            RangeError::NotFinite => t!("不是有效數字", "不是有效数字", "Not a valid number"),
            RangeError::BelowMin => t!(
                "低於允許的最小值",
                "低于允许的最小值",
                "below the allowed minimum",
            ),
            RangeError::AboveMax => t!(
                "高於允許的最大值",
                "高于允许的最大值",
                "above the allowed maximum",
            ),
        }
        .get(locale)
    }

    /// The explanation with the limit that was crossed, for a value refused
    /// for `spec`: "Cannot be below RMB 0", "須大於−100%".
    pub fn describe(self, spec: &InputSpec, locale: Locale) -> String {
        let (text, limit) = match self {
            RangeError::NotFinite => return self.message(locale).to_string(),
            RangeError::BelowMin if spec.min_exclusive => {
                (t!("須大於", "须大于", "Must be more than "), spec.min)
            }
            RangeError::BelowMin => (t!("不可低於", "不可低于", "Cannot be below "), spec.min),
            RangeError::AboveMax => (t!("不可高於", "不可高于", "Cannot be above "), spec.max),
        };
        let mut out = text.get(locale).to_string();
        out.push_str(&format_value(limit, spec.unit, Qualifier::Exact, locale));
        out
    }
}

pub(crate) use super::units::t;

/// A qualifier as the directions in which the true value may lie: bit 0 "higher", bit 1 "lower".
///
/// Combining then becomes a bitwise or, and a negative sensitivity swaps the
/// two bits, which gives every propagation rule of the metrics in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Bound(pub u8);

impl Bound {
    /// Exact: no uncertainty.
    pub const EXACT: Bound = Bound(0);
    /// Approximate: the true value may lie either side.
    pub const APPROX: Bound = Bound(3);

    /// The bound a qualifier describes.
    pub fn of(q: Qualifier) -> Bound {
        Bound(match q {
            Qualifier::Exact => 0,
            Qualifier::Floor => 1,
            Qualifier::Ceiling => 2,
            Qualifier::Approx => 3,
        })
    }

    /// The qualifier this bound describes.
    pub fn qualifier(self) -> Qualifier {
        match self.0 & 3 {
            0 => Qualifier::Exact,
            1 => Qualifier::Floor,
            2 => Qualifier::Ceiling,
            _ => Qualifier::Approx,
        }
    }

    /// The bound of a term that moves against this operand (a subtrahend, a divisor).
    pub fn flip(self) -> Bound {
        Bound(((self.0 & 1) << 1) | ((self.0 >> 1) & 1))
    }

    /// This bound if `sensitivity` is positive, flipped if negative, and
    /// exact if zero: an operand the result does not move with cannot make it
    /// uncertain (a × 0, or a shortfall already met).
    pub fn signed(self, sensitivity: f64) -> Bound {
        if sensitivity < 0.0 {
            self.flip()
        } else if sensitivity > 0.0 {
            self
        } else {
            Bound::EXACT
        }
    }

    /// Both uncertainties together.
    pub fn or(self, other: Bound) -> Bound {
        Bound(self.0 | other.0)
    }
}

/// A small set of inputs, one bit per input: a `u64`, or a `u128` once an
/// edition has more than 64 inputs (the build picks `Bits`, the narrowest that
/// fits; earlier quarters keep their inputs, so the count only grows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct InputSet(Bits);

impl InputSet {
    /// The empty set.
    pub const EMPTY: InputSet = InputSet(0);

    /// The set holding only `id`.
    pub fn single(id: InputId) -> InputSet {
        InputSet(1 << id.index())
    }

    /// True when `id` is in the set.
    pub fn contains(self, id: InputId) -> bool {
        self.0 >> id.index() & 1 == 1
    }

    /// The inputs in either set.
    pub fn union(self, other: InputSet) -> InputSet {
        InputSet(self.0 | other.0)
    }

    /// True when the set holds no input.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The inputs in the set, in [`InputId::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = InputId> {
        InputId::ALL
            .into_iter()
            .filter(move |&id| self.contains(id))
    }
}

/// The reader's state: which inputs they have set, and to what.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs {
    overrides: [Option<f64>; N],
}

impl Default for Inputs {
    fn default() -> Self {
        Self::published()
    }
}

impl Inputs {
    /// Every input at its default: the published figures.
    pub fn published() -> Inputs {
        Inputs {
            overrides: [None; N],
        }
    }

    /// Sets an input after checking it against its range; a refused value leaves the state unchanged.
    pub fn set(&mut self, id: InputId, v: f64) -> Result<(), RangeError> {
        self.overrides[id.index()] = Some(id.spec().check(v)?);
        Ok(())
    }

    /// Returns one input to its default (for an [`DefaultRule::Empty`] input
    /// such as `revenue_2025q2`, back to missing).
    pub fn reset(&mut self, id: InputId) {
        self.overrides[id.index()] = None;
    }

    /// Returns every input to its default.
    pub fn reset_all(&mut self) {
        self.overrides = [None; N];
    }

    /// True when the reader has set the input.
    pub fn is_changed(&self, id: InputId) -> bool {
        self.overrides[id.index()].is_some()
    }

    /// The reader's value for the input, if they set one.
    pub fn override_of(&self, id: InputId) -> Option<f64> {
        self.overrides[id.index()]
    }

    /// The effective value, qualifier and assumption flag of every input.
    pub fn resolve(&self) -> Resolved {
        let mut r = Resolved {
            values: [None; N],
            qualifiers: [Qualifier::Exact; N],
            assumed: [false; N],
        };
        for (i, (&over, spec)) in self.overrides.iter().zip(&SPECS).enumerate() {
            if let Some(v) = over {
                r.values[i] = Some(v);
            } else if let Some((value, qualifier)) = spec.figure {
                r.values[i] = Some(value);
                r.qualifiers[i] = qualifier;
                r.assumed[i] = spec.assumption;
            }
        }
        // Derived defaults read only figure-backed inputs (the build checks
        // it), so one pass in any order suffices. A ratio reads the figures
        // as published: the rate two articles' figures imply (a target in
        // yuan and in dollars) is still what they imply when the reader
        // changes one of them. A remainder and a mean follow the reader.
        for (i, spec) in SPECS.iter().enumerate() {
            let rule = spec.default;
            if self.overrides[i].is_some() || !rule.is_derived() {
                continue;
            }
            r.assumed[i] = true;
            let published = matches!(rule, DefaultRule::Ratio(_));
            let source = |s: InputId| match (published, s.spec().figure) {
                (true, Some((v, q))) => (Some(v), q),
                (true, None) => (None, Qualifier::Exact),
                (false, _) => (r.values[s.index()], r.qualifiers[s.index()]),
            };
            let src = rule.sources();
            let mut sum_rest = 0.0;
            let mut bound_rest = Bound::EXACT;
            let mut complete = true;
            for &s in src.iter().skip(1) {
                let (v, q) = source(s);
                match v {
                    Some(v) => sum_rest += v,
                    None => complete = false,
                }
                bound_rest = bound_rest.or(Bound::of(q));
            }
            let (first, q0) = source(src[0]);
            let (Some(a), true) = (first, complete) else {
                continue;
            };
            let b0 = Bound::of(q0);
            let (v, b) = match rule {
                // A target already exceeded needs no more revenue, and revenue cannot be negative.
                DefaultRule::Remainder(_, share) => (
                    (a - sum_rest).max(0.0) / share.max(1) as f64,
                    b0.or(bound_rest.flip()),
                ),
                DefaultRule::Mean(of) => ((a + sum_rest) / of.len() as f64, b0.or(bound_rest)),
                _ if sum_rest > 0.0 => (a / sum_rest, b0.or(bound_rest.flip())),
                _ => continue,
            };
            if let Ok(v) = spec.check(v) {
                r.values[i] = Some(v);
                r.qualifiers[i] = b.qualifier();
            }
        }
        r
    }
}

/// The effective inputs: what the metrics are computed from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Resolved {
    /// Each input's value, or `None` when it is missing.
    pub values: [Option<f64>; N],
    /// How exact each value is: a figure's qualifier, propagated for derived
    /// defaults, and `Exact` for anything the reader set.
    pub qualifiers: [Qualifier; N],
    /// True for a derived default the reader has not set (an assumption, not a published figure).
    pub assumed: [bool; N],
}

impl Resolved {
    /// The inputs whose inexact or assumed values this input's value rests on,
    /// including the sources of a derived default.
    pub fn rests_on(&self, id: InputId) -> InputSet {
        let own = |id: InputId| {
            let i = id.index();
            if self.assumed[i] || self.qualifiers[i] != Qualifier::Exact {
                InputSet::single(id)
            } else {
                InputSet::EMPTY
            }
        };
        let mut set = own(id);
        if self.assumed[id.index()] {
            for &s in id.spec().default.sources() {
                set = set.union(own(s));
            }
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::figures::figure;
    use InputId as I;

    #[test]
    fn tables_line_up_with_ids() {
        assert_eq!(InputId::ALL.len(), InputId::COUNT);
        for (i, id) in InputId::ALL.into_iter().enumerate() {
            assert_eq!(id.index(), i);
            assert_eq!(id.spec().id, id);
            assert_eq!(InputId::from_key(id.key()), Some(id));
            let s = id.spec();
            assert!(s.min < s.max && s.step > 0.0 && s.slider_max <= s.max);
            assert!(s.slider_min() < s.slider_max);
        }
        assert_eq!(InputId::from_key("nope"), None);
        assert_eq!(InputId::USD_CNY.key(), "usd_cny");
        assert_eq!(InputId::REVENUE_2025Q2.key(), "revenue_2025q2");
    }

    #[test]
    fn figure_defaults_exist_fit_their_range_and_unit() {
        for id in InputId::ALL {
            if let DefaultRule::Figure(key) = id.spec().default {
                assert_eq!(key, id.key());
                let f = figure(key).unwrap_or_else(|| panic!("figure {key} missing"));
                assert_eq!(f.unit, id.spec().unit, "{key}");
                assert_eq!(id.spec().check(f.value), Ok(f.value), "{key}");
            }
        }
    }

    #[test]
    fn check_enforces_ranges() {
        let g = InputId::REVENUE_YOY_2025Q3.spec();
        assert_eq!(g.check(-1.0), Err(RangeError::BelowMin));
        assert_eq!(g.check(-0.999), Ok(-0.999));
        assert_eq!(g.check(100.0), Ok(100.0));
        assert_eq!(g.check(100.5), Err(RangeError::AboveMax));
        assert_eq!(g.check(f64::NAN), Err(RangeError::NotFinite));
        assert_eq!(g.check(f64::INFINITY), Err(RangeError::NotFinite));
        let r = InputId::REVENUE_2025Q3.spec();
        assert_eq!(r.check(-1.0), Err(RangeError::BelowMin));
        assert!(r.check(-0.0).unwrap().is_sign_positive());
        assert_eq!(
            InputId::OPERATING_PROFIT_2025Q3.spec().check(-5e8),
            Ok(-5e8)
        );
        assert_eq!(
            InputId::USD_CNY.spec().check(0.0),
            Err(RangeError::BelowMin)
        );
        assert_eq!(InputId::KLING_P_SIDE_SHARE.spec().check(1.0), Ok(1.0));
        assert_eq!(
            InputId::KLING_P_SIDE_SHARE.spec().check(1.01),
            Err(RangeError::AboveMax)
        );
        assert_eq!(InputId::PE_KUAISHOU.spec().check(-5.0), Ok(-5.0));
        assert_eq!(
            RangeError::BelowMin.message(Locale::En),
            "below the allowed minimum"
        );
        assert_eq!(
            RangeError::AboveMax.message(Locale::Hant),
            "高於允許的最大值"
        );
    }

    #[test]
    fn refusals_name_the_limit() {
        // (input, refused value, locale, explanation)
        let cases = [
            (I::REVENUE_2025Q3, -1.0, Locale::En, "Cannot be below RMB 0"),
            (I::REVENUE_2025Q3, -1.0, Locale::Hant, "不可低於0元"),
            (
                I::REVENUE_YOY_2025Q3,
                -1.0,
                Locale::En,
                "Must be more than −100%",
            ),
            (I::REVENUE_YOY_2025Q3, -2.0, Locale::Hans, "须大于−100%"),
            (
                I::REVENUE_YOY_2025Q3,
                101.0,
                Locale::En,
                "Cannot be above +10,000%",
            ),
            (I::KLING_P_SIDE_SHARE, 1.01, Locale::Hant, "不可高於100%"),
            (I::PE_KUAISHOU, 1001.0, Locale::En, "Cannot be above 1000x"),
            (I::PE_KUAISHOU, -1001.0, Locale::Hans, "不可低于−1000倍"),
            (
                I::USD_CNY,
                0.0,
                Locale::En,
                "Must be more than 0 CNY per USD",
            ),
            (I::PE_KUAISHOU, f64::NAN, Locale::En, "Not a valid number"),
        ];
        for (id, v, locale, want) in cases {
            let spec = id.spec();
            let err = spec.check(v).unwrap_err();
            assert_eq!(err.describe(spec, locale), want, "{id:?} {v}");
        }
    }

    #[test]
    fn set_reset_clear() {
        let mut inp = Inputs::published();
        assert!(!inp.is_changed(I::REVENUE_2025Q2));
        assert_eq!(inp.resolve().values[I::REVENUE_2025Q2.index()], None);
        assert_eq!(inp.set(I::REVENUE_2025Q2, 340e8), Ok(()));
        assert!(inp.is_changed(I::REVENUE_2025Q2));
        assert_eq!(inp.override_of(I::REVENUE_2025Q2), Some(340e8));
        assert_eq!(inp.resolve().values[I::REVENUE_2025Q2.index()], Some(340e8));
        assert_eq!(inp.set(I::REVENUE_2025Q2, -1.0), Err(RangeError::BelowMin));
        assert_eq!(inp.override_of(I::REVENUE_2025Q2), Some(340e8));
        inp.reset(I::REVENUE_2025Q2);
        assert_eq!(inp.resolve().values[I::REVENUE_2025Q2.index()], None);
        inp.set(I::PE_KUAISHOU, 10.0).unwrap();
        inp.reset(I::PE_KUAISHOU);
        assert_eq!(inp, Inputs::published());
        inp.set(I::PE_KUAISHOU, 10.0).unwrap();
        inp.reset_all();
        assert_eq!(inp, Inputs::default());
    }

    #[test]
    fn resolves_figures_and_derived_defaults() {
        let r = Inputs::published().resolve();
        let v = |id: InputId| r.values[id.index()].unwrap();
        assert_eq!(v(I::REVENUE_2025Q3), 355.54e8);
        assert_eq!(
            r.qualifiers[I::KLING_REVENUE_2025Q3.index()],
            Qualifier::Floor
        );
        assert_eq!(r.qualifiers[I::KLING_FY_TARGET.index()], Qualifier::Approx);
        assert!(!r.assumed[I::KLING_REVENUE_2025Q3.index()]);
        // Q4 remainder: 10億 − 1.5億 − 2.5億 − 3億; Approx − Floor stays Approx.
        assert!((v(I::KLING_REVENUE_2025Q4) - 3e8).abs() < 1e-3);
        assert!(r.assumed[I::KLING_REVENUE_2025Q4.index()]);
        assert_eq!(
            r.qualifiers[I::KLING_REVENUE_2025Q4.index()],
            Qualifier::Approx
        );
        assert!((v(I::TARGET_PE) - 70.62 / 3.0).abs() < 1e-12);
        assert_eq!(r.qualifiers[I::TARGET_PE.index()], Qualifier::Exact);
        assert!(r.assumed[I::TARGET_PE.index()]);
        assert!((v(I::USD_CNY) - 10.0 / 1.4).abs() < 1e-12);
        assert_eq!(r.qualifiers[I::USD_CNY.index()], Qualifier::Approx);
        let q4 = r.rests_on(I::KLING_REVENUE_2025Q4);
        for id in [
            I::KLING_REVENUE_2025Q4,
            I::KLING_FY_TARGET,
            I::KLING_REVENUE_2025Q1,
            I::KLING_REVENUE_2025Q2,
            I::KLING_REVENUE_2025Q3,
        ] {
            assert!(q4.contains(id));
        }
        assert_eq!(q4.iter().count(), 5);
        assert_eq!(
            r.rests_on(I::TARGET_PE).iter().collect::<Vec<_>>(),
            [I::TARGET_PE]
        );
        assert!(r.rests_on(I::REVENUE_2025Q3).is_empty());
    }

    #[test]
    fn reader_values_are_exact_and_drive_derived_defaults() {
        let mut inp = Inputs::published();
        inp.set(I::KLING_REVENUE_2025Q3, 3.2e8).unwrap();
        inp.set(I::KLING_FY_TARGET, 9e8).unwrap();
        let r = inp.resolve();
        assert_eq!(
            r.qualifiers[I::KLING_REVENUE_2025Q3.index()],
            Qualifier::Exact
        );
        assert!(!r.assumed[I::KLING_REVENUE_2025Q3.index()]);
        // Exact − Floor − Floor − Exact: the remainder is at most this.
        assert!((r.values[I::KLING_REVENUE_2025Q4.index()].unwrap() - 1.8e8).abs() < 1e-3);
        assert_eq!(
            r.qualifiers[I::KLING_REVENUE_2025Q4.index()],
            Qualifier::Ceiling
        );
        inp.set(I::KLING_FY_TARGET, 5e8).unwrap();
        assert_eq!(
            inp.resolve().values[I::KLING_REVENUE_2025Q4.index()],
            Some(0.0)
        );
        // The rate the two published targets imply stays when the reader
        // changes either target (it is not a rate of the reader's targets).
        let implied = |r: &Resolved| r.values[I::USD_CNY.index()];
        let published = implied(&Inputs::published().resolve());
        let fig = |id: InputId| id.spec().figure.unwrap().0;
        assert_eq!(
            published,
            Some(fig(I::KLING_FY_TARGET) / fig(I::KLING_FY_TARGET_USD))
        );
        for (id, v) in [
            (I::KLING_FY_TARGET_USD, 2e8),
            (I::KLING_FY_TARGET_USD, 0.0),
            (I::KLING_FY_TARGET, 0.0),
        ] {
            let mut changed = inp;
            changed.set(id, v).unwrap();
            assert_eq!(implied(&changed.resolve()), published, "{} = {v}", id.key());
        }
        inp.set(I::USD_CNY, 7.2).unwrap();
        let r = inp.resolve();
        assert_eq!(r.values[I::USD_CNY.index()], Some(7.2));
        assert!(!r.assumed[I::USD_CNY.index()]);
        assert!(r.rests_on(I::USD_CNY).is_empty());
    }

    #[test]
    fn bounds_combine() {
        let (e, f, c, a) = (
            Bound::of(Qualifier::Exact),
            Bound::of(Qualifier::Floor),
            Bound::of(Qualifier::Ceiling),
            Bound::of(Qualifier::Approx),
        );
        assert_eq!(f.or(e).qualifier(), Qualifier::Floor);
        assert_eq!(f.or(c).qualifier(), Qualifier::Approx);
        assert_eq!(f.flip().qualifier(), Qualifier::Ceiling);
        assert_eq!(a.flip(), a);
        assert_eq!(e.flip(), e);
        assert_eq!(c.signed(-2.0), f);
        assert_eq!(c.signed(2.0), c);
    }
}
