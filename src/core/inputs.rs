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

use super::figures::FIGURES;
use super::format::format_value;
use super::units::{Locale, Qualifier, Text, Unit};

/// Identifies one editable input; the discriminant indexes every per-input table.
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InputId {
    /// Kuaishou revenue, 2025 Q1.
    Revenue2025q1,
    /// Kuaishou revenue growth year on year, 2025 Q1.
    RevenueYoy2025q1,
    /// Kuaishou revenue, 2025 Q2 (no article gives it, so it starts missing).
    Revenue2025q2,
    /// Kuaishou revenue, 2025 Q3.
    Revenue2025q3,
    /// Kuaishou revenue growth year on year, 2025 Q3.
    RevenueYoy2025q3,
    /// Online marketing services revenue, 2025 Q3.
    OnlineMarketing2025q3,
    /// Online marketing services growth year on year, 2025 Q3.
    OnlineMarketingYoy2025q3,
    /// Live streaming revenue, 2025 Q3.
    LiveStreaming2025q3,
    /// Live streaming growth year on year, 2025 Q3.
    LiveStreamingYoy2025q3,
    /// Other services revenue (including e-commerce), 2025 Q3.
    OtherServices2025q3,
    /// Other services growth year on year, 2025 Q3.
    OtherServicesYoy2025q3,
    /// Operating profit, 2025 Q3.
    OperatingProfit2025q3,
    /// Adjusted net profit, 2025 Q1.
    AdjustedNetProfit2025q1,
    /// Adjusted net profit, 2025 Q3.
    AdjustedNetProfit2025q3,
    /// Daily active users, 2025 Q3.
    Dau2025q3,
    /// Monthly active users, 2025 Q3.
    Mau2025q3,
    /// Kling revenue, 2025 Q1.
    KlingRevenue2025q1,
    /// Kling revenue, 2025 Q2.
    KlingRevenue2025q2,
    /// Kling revenue, 2025 Q3.
    KlingRevenue2025q3,
    /// Kling revenue, 2025 Q4 (assumed to close the gap to the full-year target until set).
    KlingRevenue2025q4,
    /// Kling's 2025 full-year revenue target in yuan.
    KlingFyTarget,
    /// Kling's raised 2025 full-year revenue target in US dollars.
    KlingFyTargetUsd,
    /// Kling's initial 2025 revenue target in US dollars.
    KlingInitialTargetUsd,
    /// The share of Kling's Q1 revenue that comes from creators (the P side).
    KlingPSideShare,
    /// Kling's paying members, as article C assumes.
    KlingPayingMembers,
    /// Kuaishou's market capitalisation.
    MarketCap,
    /// Kuaishou's price/earnings ratio.
    PeKuaishou,
    /// Baidu's price/earnings ratio.
    PeBaidu,
    /// Alibaba's price/earnings ratio.
    PeAlibaba,
    /// Tencent's price/earnings ratio.
    PeTencent,
    /// The P/E at which to value Kuaishou (the peer average until set).
    TargetPe,
    /// Yuan per US dollar (implied by the article's own two targets until set).
    UsdCny,
}

const N: usize = 32;

/// Stable keys, used in URLs and as figure keys.
const KEYS: [&str; N] = [
    "revenue_2025q1",
    "revenue_yoy_2025q1",
    "revenue_2025q2",
    "revenue_2025q3",
    "revenue_yoy_2025q3",
    "online_marketing_2025q3",
    "online_marketing_yoy_2025q3",
    "live_streaming_2025q3",
    "live_streaming_yoy_2025q3",
    "other_services_2025q3",
    "other_services_yoy_2025q3",
    "operating_profit_2025q3",
    "adjusted_net_profit_2025q1",
    "adjusted_net_profit_2025q3",
    "dau_2025q3",
    "mau_2025q3",
    "kling_revenue_2025q1",
    "kling_revenue_2025q2",
    "kling_revenue_2025q3",
    "kling_revenue_2025q4",
    "kling_fy_target",
    "kling_fy_target_usd",
    "kling_initial_target_usd",
    "kling_p_side_share",
    "kling_paying_members",
    "market_cap",
    "pe_kuaishou",
    "pe_baidu",
    "pe_alibaba",
    "pe_tencent",
    "target_pe",
    "usd_cny",
];

impl InputId {
    /// The number of inputs.
    pub const COUNT: usize = N;

    /// Every input, in display and evaluation order.
    pub const ALL: [InputId; N] = {
        use InputId::*;
        [
            Revenue2025q1,
            RevenueYoy2025q1,
            Revenue2025q2,
            Revenue2025q3,
            RevenueYoy2025q3,
            OnlineMarketing2025q3,
            OnlineMarketingYoy2025q3,
            LiveStreaming2025q3,
            LiveStreamingYoy2025q3,
            OtherServices2025q3,
            OtherServicesYoy2025q3,
            OperatingProfit2025q3,
            AdjustedNetProfit2025q1,
            AdjustedNetProfit2025q3,
            Dau2025q3,
            Mau2025q3,
            KlingRevenue2025q1,
            KlingRevenue2025q2,
            KlingRevenue2025q3,
            KlingRevenue2025q4,
            KlingFyTarget,
            KlingFyTargetUsd,
            KlingInitialTargetUsd,
            KlingPSideShare,
            KlingPayingMembers,
            MarketCap,
            PeKuaishou,
            PeBaidu,
            PeAlibaba,
            PeTencent,
            TargetPe,
            UsdCny,
        ]
    };

    /// The stable key, e.g. `kling_revenue_2025q3`.
    pub fn key(self) -> &'static str {
        KEYS[self as usize]
    }

    /// Finds an input by its key.
    pub fn from_key(key: &str) -> Option<InputId> {
        Self::ALL.into_iter().find(|id| id.key() == key)
    }

    /// The input's unit, label, default rule and range.
    pub fn spec(self) -> &'static InputSpec {
        &SPECS[self as usize]
    }
}

/// Where an input's value comes from while the reader has not set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultRule {
    /// The published figure with this key (missing if the data lacks it).
    Figure(&'static str),
    /// Nothing: the input is missing until the reader sets it.
    Empty,
    /// The full-year target minus Kling's first three quarters, floored at zero.
    KlingQ4Remainder,
    /// The mean of the Baidu, Alibaba and Tencent P/Es.
    PeerAveragePe,
    /// The yuan target divided by the US dollar target.
    ImpliedUsdCny,
}

impl DefaultRule {
    /// The inputs a derived default is computed from (empty for figures and `Empty`).
    pub fn sources(self) -> &'static [InputId] {
        use InputId::*;
        match self {
            DefaultRule::KlingQ4Remainder => &[
                KlingFyTarget,
                KlingRevenue2025q1,
                KlingRevenue2025q2,
                KlingRevenue2025q3,
            ],
            DefaultRule::PeerAveragePe => &[PeBaidu, PeAlibaba, PeTencent],
            DefaultRule::ImpliedUsdCny => &[KlingFyTarget, KlingFyTargetUsd],
            DefaultRule::Figure(_) | DefaultRule::Empty => &[],
        }
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
}

impl InputSpec {
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
            RangeError::NotFinite => t("不是有效數字", "不是有效数字", "not a valid number"),
            RangeError::BelowMin => t(
                "低於允許的最小值",
                "低于允许的最小值",
                "below the allowed minimum",
            ),
            RangeError::AboveMax => t(
                "高於允許的最大值",
                "高于允许的最大值",
                "above the allowed maximum",
            ),
        }
        .get(locale)
    }

    /// The explanation with the limit that was crossed, for a value refused
    /// for `spec`: "cannot be below RMB 0", "須大於−100%".
    pub fn describe(self, spec: &InputSpec, locale: Locale) -> String {
        let (text, limit) = match self {
            RangeError::NotFinite => return self.message(locale).to_string(),
            RangeError::BelowMin if spec.min_exclusive => {
                (t("須大於", "须大于", "must be more than "), spec.min)
            }
            RangeError::BelowMin => (t("不可低於", "不可低于", "cannot be below "), spec.min),
            RangeError::AboveMax => (t("不可高於", "不可高于", "cannot be above "), spec.max),
        };
        let mut out = text.get(locale).to_string();
        out.push_str(&format_value(limit, spec.unit, Qualifier::Exact, locale));
        out
    }
}

pub(crate) use super::units::t;

const BIG: f64 = 1e15;

/// A non-negative amount or count whose default is the figure with the input's key.
const fn amount(id: InputId, unit: Unit, label: Text, step: f64, slider_max: f64) -> InputSpec {
    InputSpec {
        id,
        unit,
        label,
        default: DefaultRule::Figure(KEYS[id as usize]),
        min: 0.0,
        max: BIG,
        min_exclusive: false,
        step,
        slider_max,
        assumption: false,
    }
}

/// A profit, which may be a loss.
const fn profit(id: InputId, label: Text, slider_max: f64) -> InputSpec {
    InputSpec {
        min: -BIG,
        ..amount(id, Unit::Cny, label, 1e6, slider_max)
    }
}

/// Year-on-year growth: above -100% (a zero base year makes no sense), at most +10000%.
const fn growth(id: InputId, label: Text) -> InputSpec {
    InputSpec {
        min: -1.0,
        max: 100.0,
        min_exclusive: true,
        ..amount(id, Unit::Change, label, 0.001, 1.0)
    }
}

/// A P/E ratio; negative means a loss, which the metrics report as n/m.
const fn pe(id: InputId, label: Text) -> InputSpec {
    InputSpec {
        min: -1000.0,
        max: 1000.0,
        ..amount(id, Unit::Multiple, label, 0.01, 100.0)
    }
}

const fn yuan(id: InputId, label: Text, slider_max: f64) -> InputSpec {
    amount(id, Unit::Cny, label, 1e6, slider_max)
}

use InputId as I;

const SPECS: [InputSpec; N] = [
    yuan(
        I::Revenue2025q1,
        t("快手Q1收入", "快手Q1收入", "Kuaishou Q1 revenue"),
        1000e8,
    ),
    growth(
        I::RevenueYoy2025q1,
        t("Q1收入同比", "Q1收入同比", "Q1 revenue YoY"),
    ),
    InputSpec {
        default: DefaultRule::Empty,
        ..yuan(
            I::Revenue2025q2,
            t("快手Q2收入", "快手Q2收入", "Kuaishou Q2 revenue"),
            1000e8,
        )
    },
    yuan(
        I::Revenue2025q3,
        t("快手Q3收入", "快手Q3收入", "Kuaishou Q3 revenue"),
        1000e8,
    ),
    growth(
        I::RevenueYoy2025q3,
        t("Q3收入同比", "Q3收入同比", "Q3 revenue YoY"),
    ),
    yuan(
        I::OnlineMarketing2025q3,
        t("Q3線上營銷服務", "Q3线上营销服务", "Q3 online marketing"),
        600e8,
    ),
    growth(
        I::OnlineMarketingYoy2025q3,
        t("線上營銷同比", "线上营销同比", "Online marketing YoY"),
    ),
    yuan(
        I::LiveStreaming2025q3,
        t("Q3直播", "Q3直播", "Q3 live streaming"),
        300e8,
    ),
    growth(
        I::LiveStreamingYoy2025q3,
        t("直播同比", "直播同比", "Live streaming YoY"),
    ),
    yuan(
        I::OtherServices2025q3,
        t("Q3其他服務", "Q3其他服务", "Q3 other services"),
        200e8,
    ),
    growth(
        I::OtherServicesYoy2025q3,
        t("其他服務同比", "其他服务同比", "Other services YoY"),
    ),
    profit(
        I::OperatingProfit2025q3,
        t("Q3經營利潤", "Q3经营利润", "Q3 operating profit"),
        150e8,
    ),
    profit(
        I::AdjustedNetProfit2025q1,
        t("Q1經調整淨利潤", "Q1经调整净利润", "Q1 adjusted net profit"),
        150e8,
    ),
    profit(
        I::AdjustedNetProfit2025q3,
        t("Q3經調整淨利潤", "Q3经调整净利润", "Q3 adjusted net profit"),
        150e8,
    ),
    amount(
        I::Dau2025q3,
        Unit::Count,
        t("Q3日活躍用戶", "Q3日活跃用户", "Q3 DAU"),
        1e6,
        12e8,
    ),
    amount(
        I::Mau2025q3,
        Unit::Count,
        t("Q3月活躍用戶", "Q3月活跃用户", "Q3 MAU"),
        1e6,
        20e8,
    ),
    yuan(
        I::KlingRevenue2025q1,
        t("可靈Q1收入", "可灵Q1收入", "Kling Q1 revenue"),
        10e8,
    ),
    yuan(
        I::KlingRevenue2025q2,
        t("可靈Q2收入", "可灵Q2收入", "Kling Q2 revenue"),
        10e8,
    ),
    yuan(
        I::KlingRevenue2025q3,
        t("可靈Q3收入", "可灵Q3收入", "Kling Q3 revenue"),
        10e8,
    ),
    InputSpec {
        default: DefaultRule::KlingQ4Remainder,
        ..yuan(
            I::KlingRevenue2025q4,
            t("可靈Q4收入", "可灵Q4收入", "Kling Q4 revenue"),
            10e8,
        )
    },
    yuan(
        I::KlingFyTarget,
        t("可靈全年目標", "可灵全年目标", "Kling full-year target"),
        30e8,
    ),
    amount(
        I::KlingFyTargetUsd,
        Unit::Usd,
        t(
            "可靈全年目標(美元)",
            "可灵全年目标(美元)",
            "Kling full-year target (USD)",
        ),
        1e6,
        5e8,
    ),
    amount(
        I::KlingInitialTargetUsd,
        Unit::Usd,
        t(
            "可靈初始目標(美元)",
            "可灵初始目标(美元)",
            "Kling initial target (USD)",
        ),
        1e6,
        2e8,
    ),
    InputSpec {
        max: 1.0,
        ..amount(
            I::KlingPSideShare,
            Unit::Share,
            t("P端收入佔比", "P端收入占比", "P-side revenue share"),
            0.01,
            1.0,
        )
    },
    InputSpec {
        assumption: true,
        ..amount(
            I::KlingPayingMembers,
            Unit::Count,
            t("付費會員數", "付费会员数", "Paying members"),
            1e4,
            2e7,
        )
    },
    InputSpec {
        step: 1e9,
        ..yuan(
            I::MarketCap,
            t("快手市值", "快手市值", "Kuaishou market cap"),
            8000e8,
        )
    },
    pe(
        I::PeKuaishou,
        t("快手動態市盈率", "快手动态市盈率", "Kuaishou P/E (dynamic)"),
    ),
    pe(
        I::PeBaidu,
        t("百度動態市盈率", "百度动态市盈率", "Baidu P/E (dynamic)"),
    ),
    pe(
        I::PeAlibaba,
        t(
            "阿里巴巴動態市盈率",
            "阿里巴巴动态市盈率",
            "Alibaba P/E (dynamic)",
        ),
    ),
    pe(
        I::PeTencent,
        t("騰訊動態市盈率", "腾讯动态市盈率", "Tencent P/E (dynamic)"),
    ),
    InputSpec {
        default: DefaultRule::PeerAveragePe,
        ..pe(
            I::TargetPe,
            t("目標動態市盈率", "目标动态市盈率", "Target P/E (dynamic)"),
        )
    },
    InputSpec {
        default: DefaultRule::ImpliedUsdCny,
        min: 0.0,
        max: 100.0,
        min_exclusive: true,
        ..amount(
            I::UsdCny,
            Unit::CnyPerUsd,
            t("美元兌人民幣", "美元兑人民币", "USD/CNY"),
            0.01,
            10.0,
        )
    },
];

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Each input's default figure (value and qualifier), found at compile time so
/// resolving costs no string search. Copies of the two fields, not `&Figure`:
/// a reference into a `const` table in a const initialiser makes rustc emit a
/// second copy of the whole table (quotes and labels included) into the wasm.
const DEFAULT_FIGURES: [Option<(f64, Qualifier)>; N] = {
    let mut out: [Option<(f64, Qualifier)>; N] = [None; N];
    let mut i = 0;
    while i < N {
        if let DefaultRule::Figure(key) = SPECS[i].default {
            let mut j = 0;
            while j < FIGURES.len() {
                if str_eq(FIGURES[j].key, key) {
                    out[i] = Some((FIGURES[j].value, FIGURES[j].qualifier));
                    break;
                }
                j += 1;
            }
        }
        i += 1;
    }
    out
};

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

/// A small set of inputs, one bit per input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct InputSet(pub u64);

impl InputSet {
    /// The empty set.
    pub const EMPTY: InputSet = InputSet(0);

    /// The set holding only `id`.
    pub fn single(id: InputId) -> InputSet {
        InputSet(1 << id as u8)
    }

    /// True when `id` is in the set.
    pub fn contains(self, id: InputId) -> bool {
        self.0 >> id as u8 & 1 == 1
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
        self.overrides[id as usize] = Some(id.spec().check(v)?);
        Ok(())
    }

    /// Returns one input to its default (for an [`DefaultRule::Empty`] input
    /// such as `revenue_2025q2`, back to missing).
    pub fn reset(&mut self, id: InputId) {
        self.overrides[id as usize] = None;
    }

    /// Returns every input to its default.
    pub fn reset_all(&mut self) {
        self.overrides = [None; N];
    }

    /// True when the reader has set the input.
    pub fn is_changed(&self, id: InputId) -> bool {
        self.overrides[id as usize].is_some()
    }

    /// The reader's value for the input, if they set one.
    pub fn override_of(&self, id: InputId) -> Option<f64> {
        self.overrides[id as usize]
    }

    /// The effective value, qualifier and assumption flag of every input.
    pub fn resolve(&self) -> Resolved {
        let mut r = Resolved {
            values: [None; N],
            qualifiers: [Qualifier::Exact; N],
            assumed: [false; N],
        };
        for (i, (&over, fig)) in self.overrides.iter().zip(DEFAULT_FIGURES).enumerate() {
            if let Some(v) = over {
                r.values[i] = Some(v);
            } else if let Some((value, qualifier)) = fig {
                r.values[i] = Some(value);
                r.qualifiers[i] = qualifier;
                r.assumed[i] = SPECS[i].assumption;
            }
        }
        // Derived defaults read only figure-backed inputs, so one pass in any order suffices.
        for id in [I::KlingRevenue2025q4, I::TargetPe, I::UsdCny] {
            let i = id as usize;
            if self.overrides[i].is_some() {
                continue;
            }
            r.assumed[i] = true;
            let rule = SPECS[i].default;
            let src = rule.sources();
            let mut vals = [0.0; 4];
            let mut bounds = [Bound::EXACT; 4];
            let mut complete = true;
            for (k, &s) in src.iter().enumerate() {
                match r.values[s as usize] {
                    Some(v) => vals[k] = v,
                    None => complete = false,
                }
                bounds[k] = Bound::of(r.qualifiers[s as usize]);
            }
            if !complete {
                continue;
            }
            let (v, b) = match rule {
                DefaultRule::KlingQ4Remainder => (
                    // A target already exceeded needs no Q4 revenue, and revenue cannot be negative.
                    (vals[0] - vals[1] - vals[2] - vals[3]).max(0.0),
                    bounds[0]
                        .or(bounds[1].flip())
                        .or(bounds[2].flip())
                        .or(bounds[3].flip()),
                ),
                DefaultRule::PeerAveragePe => (
                    (vals[0] + vals[1] + vals[2]) / 3.0,
                    bounds[0].or(bounds[1]).or(bounds[2]),
                ),
                _ if vals[1] > 0.0 => (vals[0] / vals[1], bounds[0].or(bounds[1].flip())),
                _ => continue,
            };
            if let Ok(v) = SPECS[i].check(v) {
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
            let i = id as usize;
            if self.assumed[i] || self.qualifiers[i] != Qualifier::Exact {
                InputSet::single(id)
            } else {
                InputSet::EMPTY
            }
        };
        let mut set = own(id);
        if self.assumed[id as usize] {
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

    #[test]
    fn tables_line_up_with_ids() {
        assert_eq!(InputId::ALL.len(), InputId::COUNT);
        for (i, id) in InputId::ALL.into_iter().enumerate() {
            assert_eq!(id as usize, i);
            assert_eq!(id.spec().id, id);
            assert_eq!(InputId::from_key(id.key()), Some(id));
            let s = id.spec();
            assert!(s.min < s.max && s.step > 0.0 && s.slider_max <= s.max);
            assert!(s.slider_min() < s.slider_max);
        }
        assert_eq!(InputId::from_key("nope"), None);
        assert_eq!(InputId::UsdCny.key(), "usd_cny");
        assert_eq!(InputId::Revenue2025q2.key(), "revenue_2025q2");
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
        let g = InputId::RevenueYoy2025q3.spec();
        assert_eq!(g.check(-1.0), Err(RangeError::BelowMin));
        assert_eq!(g.check(-0.999), Ok(-0.999));
        assert_eq!(g.check(100.0), Ok(100.0));
        assert_eq!(g.check(100.5), Err(RangeError::AboveMax));
        assert_eq!(g.check(f64::NAN), Err(RangeError::NotFinite));
        assert_eq!(g.check(f64::INFINITY), Err(RangeError::NotFinite));
        let r = InputId::Revenue2025q3.spec();
        assert_eq!(r.check(-1.0), Err(RangeError::BelowMin));
        assert!(r.check(-0.0).unwrap().is_sign_positive());
        assert_eq!(InputId::OperatingProfit2025q3.spec().check(-5e8), Ok(-5e8));
        assert_eq!(InputId::UsdCny.spec().check(0.0), Err(RangeError::BelowMin));
        assert_eq!(InputId::KlingPSideShare.spec().check(1.0), Ok(1.0));
        assert_eq!(
            InputId::KlingPSideShare.spec().check(1.01),
            Err(RangeError::AboveMax)
        );
        assert_eq!(InputId::PeKuaishou.spec().check(-5.0), Ok(-5.0));
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
            (I::Revenue2025q3, -1.0, Locale::En, "cannot be below RMB 0"),
            (I::Revenue2025q3, -1.0, Locale::Hant, "不可低於0元"),
            (
                I::RevenueYoy2025q3,
                -1.0,
                Locale::En,
                "must be more than −100%",
            ),
            (I::RevenueYoy2025q3, -2.0, Locale::Hans, "须大于−100%"),
            (
                I::RevenueYoy2025q3,
                101.0,
                Locale::En,
                "cannot be above +10,000%",
            ),
            (I::KlingPSideShare, 1.01, Locale::Hant, "不可高於100%"),
            (I::PeKuaishou, 1001.0, Locale::En, "cannot be above 1000x"),
            (I::PeKuaishou, -1001.0, Locale::Hans, "不可低于−1000倍"),
            (
                I::UsdCny,
                0.0,
                Locale::En,
                "must be more than 0 CNY per USD",
            ),
            (I::PeKuaishou, f64::NAN, Locale::En, "not a valid number"),
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
        assert!(!inp.is_changed(I::Revenue2025q2));
        assert_eq!(inp.resolve().values[I::Revenue2025q2 as usize], None);
        assert_eq!(inp.set(I::Revenue2025q2, 340e8), Ok(()));
        assert!(inp.is_changed(I::Revenue2025q2));
        assert_eq!(inp.override_of(I::Revenue2025q2), Some(340e8));
        assert_eq!(inp.resolve().values[I::Revenue2025q2 as usize], Some(340e8));
        assert_eq!(inp.set(I::Revenue2025q2, -1.0), Err(RangeError::BelowMin));
        assert_eq!(inp.override_of(I::Revenue2025q2), Some(340e8));
        inp.reset(I::Revenue2025q2);
        assert_eq!(inp.resolve().values[I::Revenue2025q2 as usize], None);
        inp.set(I::PeKuaishou, 10.0).unwrap();
        inp.reset(I::PeKuaishou);
        assert_eq!(inp, Inputs::published());
        inp.set(I::PeKuaishou, 10.0).unwrap();
        inp.reset_all();
        assert_eq!(inp, Inputs::default());
    }

    #[test]
    fn resolves_figures_and_derived_defaults() {
        let r = Inputs::published().resolve();
        let v = |id: InputId| r.values[id as usize].unwrap();
        assert_eq!(v(I::Revenue2025q3), 355.54e8);
        assert_eq!(
            r.qualifiers[I::KlingRevenue2025q3 as usize],
            Qualifier::Floor
        );
        assert_eq!(r.qualifiers[I::KlingFyTarget as usize], Qualifier::Approx);
        assert!(!r.assumed[I::KlingRevenue2025q3 as usize]);
        // Q4 remainder: 10億 − 1.5億 − 2.5億 − 3億; Approx − Floor stays Approx.
        assert!((v(I::KlingRevenue2025q4) - 3e8).abs() < 1e-3);
        assert!(r.assumed[I::KlingRevenue2025q4 as usize]);
        assert_eq!(
            r.qualifiers[I::KlingRevenue2025q4 as usize],
            Qualifier::Approx
        );
        assert!((v(I::TargetPe) - 70.62 / 3.0).abs() < 1e-12);
        assert_eq!(r.qualifiers[I::TargetPe as usize], Qualifier::Exact);
        assert!(r.assumed[I::TargetPe as usize]);
        assert!((v(I::UsdCny) - 10.0 / 1.4).abs() < 1e-12);
        assert_eq!(r.qualifiers[I::UsdCny as usize], Qualifier::Approx);
        let q4 = r.rests_on(I::KlingRevenue2025q4);
        for id in [
            I::KlingRevenue2025q4,
            I::KlingFyTarget,
            I::KlingRevenue2025q1,
            I::KlingRevenue2025q2,
            I::KlingRevenue2025q3,
        ] {
            assert!(q4.contains(id));
        }
        assert_eq!(q4.iter().count(), 5);
        assert_eq!(
            r.rests_on(I::TargetPe).iter().collect::<Vec<_>>(),
            [I::TargetPe]
        );
        assert!(r.rests_on(I::Revenue2025q3).is_empty());
    }

    #[test]
    fn reader_values_are_exact_and_drive_derived_defaults() {
        let mut inp = Inputs::published();
        inp.set(I::KlingRevenue2025q3, 3.2e8).unwrap();
        inp.set(I::KlingFyTarget, 9e8).unwrap();
        let r = inp.resolve();
        assert_eq!(
            r.qualifiers[I::KlingRevenue2025q3 as usize],
            Qualifier::Exact
        );
        assert!(!r.assumed[I::KlingRevenue2025q3 as usize]);
        // Exact − Floor − Floor − Exact: the remainder is at most this.
        assert!((r.values[I::KlingRevenue2025q4 as usize].unwrap() - 1.8e8).abs() < 1e-3);
        assert_eq!(
            r.qualifiers[I::KlingRevenue2025q4 as usize],
            Qualifier::Ceiling
        );
        inp.set(I::KlingFyTarget, 5e8).unwrap();
        assert_eq!(
            inp.resolve().values[I::KlingRevenue2025q4 as usize],
            Some(0.0)
        );
        inp.set(I::KlingFyTargetUsd, 0.0).unwrap();
        assert_eq!(inp.resolve().values[I::UsdCny as usize], None);
        inp.set(I::UsdCny, 7.2).unwrap();
        let r = inp.resolve();
        assert_eq!(r.values[I::UsdCny as usize], Some(7.2));
        assert!(!r.assumed[I::UsdCny as usize]);
        assert!(r.rests_on(I::UsdCny).is_empty());
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
