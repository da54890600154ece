//! Showing values: figures for reading, numbers inside input fields, and the
//! unit words next to those fields.
//!
//! Everything here builds strings with `push`/`push_str` and its own digit
//! writer over rounded integers instead of `format!`, which keeps the float
//! formatting machinery out of the WebAssembly build and rules out float
//! artifacts such as `0.30000000000000004`.
//!
//! Decisions worth knowing:
//! - Rounding is half away from zero on the decimal the value stands for:
//!   a value within a few units in the last place below a tie (1.005 stored as
//!   1.00499999…) rounds up, as the reader who typed it expects.
//! - Nothing ever prints `-0`/`−0`, `NaN` or `inf`: values that round to zero
//!   are shown unsigned, and a non-finite value is shown as `—`.
//! - Displayed negatives use the minus sign U+2212 (`−3.26%`); the input field
//!   text uses ASCII `-`. The parser accepts both.
//! - English integers of 10,000 and more get thousands commas; 1234 stays
//!   `1234`. Chinese text is never grouped.

use super::units::t;
use super::units::{Locale, Qualifier, Scale, Text, Unit};

/// Powers of ten up to the most decimals any caller may ask for.
const POW10: [f64; 10] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/// Above this many scaled units an integer mantissa no longer fits the
/// exactly-representable range comfortably, so fewer decimals are used.
const BIG: f64 = 1e17;

/// An approximate (約) money or count figure shows at most four significant
/// digits, its integer digits always whole: it rests on rounded figures, so
/// hundredths of 億 would be noise (約4826億元, not 約4826.42億元; 約355.5億元).
const APPROX_DIGITS: f64 = 1e4;

/// What is shown for a value that cannot be shown (non-finite input).
const MISSING: &str = "—";

/// The display minus sign (U+2212).
const MINUS: char = '\u{2212}';

/// A magnitude rounded for printing.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Rounded {
    /// `m` / 10^`d`, exactly.
    Fixed(u64, u8),
    /// A magnitude too large for [`Rounded::Fixed`], printed as an integer.
    Big(f64),
}

impl Rounded {
    /// True if the printed number is zero (so no sign may be shown).
    fn is_zero(self) -> bool {
        matches!(self, Rounded::Fixed(0, _))
    }

    /// True if the printed number is at least `t`.
    fn at_least(self, t: f64) -> bool {
        match self {
            Rounded::Fixed(m, d) => m as f64 >= t * POW10[d as usize],
            Rounded::Big(_) => true,
        }
    }
}

/// Rounds a finite, non-negative `abs` to at most `max_decimals` decimals,
/// fewer while its digits would reach `limit` (`BIG`, or [`APPROX_DIGITS`]).
fn round_abs(abs: f64, max_decimals: u8, limit: f64) -> Rounded {
    let mut d = max_decimals.min(9);
    while d > 0 && abs * POW10[d as usize] >= limit {
        d -= 1;
    }
    let scaled = abs * POW10[d as usize];
    if scaled >= BIG {
        return Rounded::Big(abs);
    }
    let floor = scaled.floor();
    let mut m = scaled.round();
    // A tie in decimal often lands a few ulps below .5 in binary; treat it as
    // the tie it stands for. Only where such a nudge is far below one unit.
    let below = 0.5 - (scaled - floor);
    if below > 0.0 && below <= scaled * 8.0 * f64::EPSILON && scaled < 1e13 {
        m = floor + 1.0;
    }
    Rounded::Fixed(m as u64, d)
}

/// Pushes the decimal digits of `n`, with thousands commas if `group`,
/// placed as if `shift` more digits followed (they are pushed by the caller).
fn push_uint(out: &mut String, mut n: u64, group: bool, shift: usize) {
    let mut buf = [0u8; 20];
    let mut len = 0;
    loop {
        buf[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
        if n == 0 {
            break;
        }
    }
    for k in (shift..len + shift).rev() {
        out.push(buf[k - shift] as char);
        if group && k > 0 && k % 3 == 0 {
            out.push(',');
        }
    }
}

/// Pushes a rounded magnitude, trailing zeros trimmed; English-style
/// thousands commas for integer parts of 10,000 and more if `group`.
fn push_rounded(out: &mut String, r: Rounded, group: bool) {
    match r {
        Rounded::Fixed(m, d) => {
            let p = 10u64.pow(u32::from(d));
            let int = m / p;
            let mut frac = m % p;
            let mut d = d;
            while d > 0 && frac % 10 == 0 {
                frac /= 10;
                d -= 1;
            }
            push_uint(out, int, group && int >= 10_000, 0);
            if d > 0 {
                out.push('.');
                let mut buf = [b'0'; 9];
                for k in (0..d as usize).rev() {
                    buf[k] = b'0' + (frac % 10) as u8;
                    frac /= 10;
                }
                for &b in &buf[..d as usize] {
                    out.push(b as char);
                }
            }
        }
        Rounded::Big(abs) => {
            // Only absurd inputs get here (parsing caps values at 10^15): print
            // the 17 leading digits and pad with zeros rather than invent noise.
            let mut x = abs;
            let mut zeros = 0;
            if !x.is_finite() {
                out.push_str(MISSING);
                return;
            }
            while x >= BIG {
                x /= 10.0;
                zeros += 1;
            }
            push_uint(out, x.round() as u64, group, zeros);
            for k in (0..zeros).rev() {
                out.push('0');
                if group && k > 0 && k % 3 == 0 {
                    out.push(',');
                }
            }
        }
    }
}

/// Pushes `v` rounded half away from zero to at most `max_decimals` decimals
/// (capped at 9), trailing zeros trimmed, ASCII `-` for negatives, no
/// grouping; never `-0`, and `—` for a non-finite `v`.
pub fn push_decimal(out: &mut String, v: f64, max_decimals: u8) {
    if !v.is_finite() {
        out.push_str(MISSING);
        return;
    }
    let r = round_abs(v.abs(), max_decimals, BIG);
    if v < 0.0 && !r.is_zero() {
        out.push('-');
    }
    push_rounded(out, r, false);
}

/// The scales a money or count figure steps through, smallest first.
fn steps(locale: Locale) -> [(Scale, f64); 3] {
    if locale.is_chinese() {
        [(Scale::One, 1.0), (Scale::Wan, 1e4), (Scale::Yi, 1e8)]
    } else {
        [
            (Scale::One, 1.0),
            (Scale::Million, 1e6),
            (Scale::Billion, 1e9),
        ]
    }
}

/// Picks the scale for a money or count magnitude and rounds it to 2 decimals
/// there, moving up a step if rounding reaches the next one (9999.999萬 → 1億).
/// With `limit`, fewer decimals while the digits shown would reach it (see
/// [`APPROX_DIGITS`]).
fn scaled_money(abs: f64, locale: Locale, decimals: u8, limit: f64) -> (Scale, Rounded) {
    let steps = steps(locale);
    let mut i = 0;
    while i < 2 && abs >= steps[i + 1].1 {
        i += 1;
    }
    loop {
        let r = round_abs(abs / steps[i].1, decimals, limit);
        if i < 2 && r.at_least(steps[i + 1].1 / steps[i].1) {
            i += 1;
        } else {
            return (steps[i].0, r);
        }
    }
}

/// The words put before a qualified figure.
fn qualifier_prefix(q: Qualifier) -> Text {
    match q {
        Qualifier::Exact => t!("", "", ""),
        Qualifier::Approx => t!("約", "约", "≈ "),
        Qualifier::Floor => t!("超過", "超过", "≥ "),
        Qualifier::Ceiling => t!("不足", "不足", "< "),
    }
}

/// Formats a figure for reading: the value `v` in base units with automatic
/// scaling, unit words and the qualifier's words, in `locale`
/// (e.g. `超過3億元`, `RMB 35.55 billion`, `+14.2%`, `13.12x`); `—` if `v` is
/// not finite.
pub fn format_value(v: f64, unit: Unit, qualifier: Qualifier, locale: Locale) -> String {
    format_money_to(v, unit, qualifier, locale, 2)
}

/// [`format_value`], but money and counts to `decimals` decimals of their scale
/// (trailing zeros trimmed). Worked formulas use 3, so that an operand published
/// as 355.54億 reads "RMB 35.554 billion" in English and a small difference of
/// two such figures visibly adds up (約201億元 + 95.74億元 + 58.78億元 …); a
/// reading (2, [`format_value`]) of an approximate amount keeps four
/// significant digits ([`APPROX_DIGITS`]), and the result after a formula's
/// "=" reads as its card does.
pub fn format_money_to(
    v: f64,
    unit: Unit,
    qualifier: Qualifier,
    locale: Locale,
    decimals: u8,
) -> String {
    let limit = if qualifier == Qualifier::Approx && decimals == 2 {
        APPROX_DIGITS
    } else {
        BIG
    };
    let mut out = String::new();
    if !v.is_finite() {
        out.push_str(MISSING);
        return out;
    }
    out.push_str(qualifier_prefix(qualifier).get(locale));
    let abs = v.abs();
    let zh = locale.is_chinese();
    let en = |s: &'static str, z: Text| if zh { z.get(locale) } else { s };
    let (r, suffix) = match unit {
        Unit::Cny | Unit::Usd | Unit::Hkd | Unit::Count => {
            let (scale, r) = scaled_money(abs, locale, decimals, limit);
            if v < 0.0 && !r.is_zero() {
                out.push(MINUS);
            }
            if zh {
                push_rounded(&mut out, r, false);
                out.push_str(scale_suffix(unit, scale, locale));
            } else {
                out.push_str(match unit {
                    Unit::Cny => "RMB ",
                    Unit::Usd => "US$",
                    Unit::Hkd => "HK$",
                    _ => "",
                });
                push_rounded(&mut out, r, true);
                out.push_str(match scale {
                    Scale::Million => " million",
                    Scale::Billion => " billion",
                    _ => "",
                });
            }
            return out;
        }
        Unit::Share | Unit::Change => {
            // 2 decimals below 10%, 1 from there: 0.84%, 4.6%, 14.2%, 56.5%.
            let pct = abs * 100.0;
            if !pct.is_finite() {
                // Only absurd fractions (beyond 10^306) overflow here.
                return String::from(MISSING);
            }
            let r2 = round_abs(pct, 2, BIG);
            let r = if r2.at_least(10.0) {
                round_abs(pct, 1, BIG)
            } else {
                r2
            };
            if unit == Unit::Change && v > 0.0 && !r.is_zero() {
                out.push('+');
            }
            (r, "%")
        }
        Unit::Multiple => (round_abs(abs, 2, BIG), en("x", t!("倍", "倍", ""))),
        Unit::Minutes => (round_abs(abs, 1, BIG), en(" min", t!("分鐘", "分钟", ""))),
        Unit::CnyPerUsd => (
            round_abs(abs, 4, BIG),
            en(" CNY per USD", t!("元/美元", "元/美元", "")),
        ),
    };
    if v < 0.0 && !r.is_zero() {
        out.push(MINUS);
    }
    push_rounded(&mut out, r, !zh);
    out.push_str(suffix);
    out
}

/// Formats `v` (base units) as the bare number shown inside an input field
/// displayed in `scale`: ASCII digits, `-` for negatives, no grouping, no
/// unit, up to 4 decimals trimmed (`355.54`, `14.2`, `500`); empty if `v` is
/// not finite, so the field shows nothing rather than junk.
pub fn format_field(v: f64, unit: Unit, scale: Scale) -> String {
    // The unit does not change the digits; it is part of the signature so
    // callers need not care whether a unit ever gets its own precision.
    let _ = unit;
    let mut out = String::new();
    if v.is_finite() {
        // Multiplying by 100 is exact-er than dividing by the inexact 0.01.
        let scaled = match scale {
            Scale::Percent => v * 100.0,
            s => v / s.factor(),
        };
        push_decimal(&mut out, scaled, 4);
    }
    out
}

/// The scale an input field of `unit` is shown in when its typical value is
/// `magnitude` (base units): percent for shares and changes; 億/萬 in
/// Chinese and billion/million in English for money and counts; as is otherwise.
pub fn display_scale(unit: Unit, magnitude: f64, locale: Locale) -> Scale {
    match unit {
        Unit::Share | Unit::Change => Scale::Percent,
        Unit::Cny | Unit::Usd | Unit::Hkd | Unit::Count => {
            let m = magnitude.abs();
            let mut scale = Scale::One;
            for (s, f) in steps(locale) {
                if m >= f {
                    scale = s;
                }
            }
            scale
        }
        Unit::Multiple | Unit::Minutes | Unit::CnyPerUsd => Scale::One,
    }
}

/// The scale word alone, as used for counts and unusual combinations.
fn scale_word(scale: Scale) -> Text {
    match scale {
        Scale::One => t!("", "", ""),
        Scale::Wan => t!("萬", "万", "×10,000"),
        Scale::Yi => t!("億", "亿", "×100 million"),
        Scale::Million => t!("百萬", "百万", "million"),
        Scale::Billion => t!("十億", "十亿", "billion"),
        Scale::Percent => t!("%", "%", "%"),
    }
}

/// Money suffixes by currency (Cny, Usd, Hkd) and scale (One, Wan, Yi, Million, Billion).
const MONEY: [[Text; 5]; 3] = [
    [
        t!("元", "元", "RMB"),
        t!("萬元", "万元", "RMB ×10,000"),
        t!("億元", "亿元", "RMB ×100 million"),
        t!("百萬元", "百万元", "RMB million"),
        t!("十億元", "十亿元", "RMB billion"),
    ],
    [
        t!("美元", "美元", "US$"),
        t!("萬美元", "万美元", "US$ ×10,000"),
        t!("億美元", "亿美元", "US$ ×100 million"),
        t!("百萬美元", "百万美元", "US$ million"),
        t!("十億美元", "十亿美元", "US$ billion"),
    ],
    [
        t!("港元", "港元", "HK$"),
        t!("萬港元", "万港元", "HK$ ×10,000"),
        t!("億港元", "亿港元", "HK$ ×100 million"),
        t!("百萬港元", "百万港元", "HK$ million"),
        t!("十億港元", "十亿港元", "HK$ billion"),
    ],
];

/// The unit words shown next to an input field of `unit` displayed in
/// `scale` (e.g. `億元`, `億美元`, `RMB billion`, `%`, `x`/`倍`, `萬`, `million`).
pub fn scale_suffix(unit: Unit, scale: Scale, locale: Locale) -> &'static str {
    let money = match unit {
        Unit::Cny => Some(0),
        Unit::Usd => Some(1),
        Unit::Hkd => Some(2),
        _ => None,
    };
    let column = match scale {
        Scale::One => Some(0),
        Scale::Wan => Some(1),
        Scale::Yi => Some(2),
        Scale::Million => Some(3),
        Scale::Billion => Some(4),
        Scale::Percent => None,
    };
    let t = match (unit, money, column, scale) {
        (_, Some(row), Some(col), _) => MONEY[row][col],
        (Unit::Multiple, _, _, Scale::One) => t!("倍", "倍", "x"),
        (Unit::Minutes, _, _, Scale::One) => t!("分鐘", "分钟", "min"),
        (Unit::CnyPerUsd, _, _, Scale::One) => t!("元/美元", "元/美元", "CNY per USD"),
        _ => scale_word(scale),
    };
    t.get(locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_number;
    use Locale::*;
    use Qualifier::*;
    use Unit::*;

    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    const ALL_UNITS: [Unit; 9] = [
        Cny, Usd, Hkd, Count, Share, Change, Multiple, Minutes, CnyPerUsd,
    ];

    const VALUES: &[(f64, Unit, Qualifier, Locale, &str)] = &[
        // Money in Chinese.
        (355.54e8, Cny, Exact, Hant, "355.54億元"),
        (355.54e8, Cny, Exact, Hans, "355.54亿元"),
        (3e8, Cny, Floor, Hant, "超過3億元"),
        (3e8, Cny, Floor, Hans, "超过3亿元"),
        (5e9, Cny, Approx, Hant, "約50億元"),
        (5e9, Cny, Approx, Hans, "约50亿元"),
        // An approximation keeps four significant digits, its integer whole.
        (482_641_768_292.683, Cny, Approx, Hant, "約4826億元"),
        (482_641_768_292.683, Cny, Exact, Hant, "4826.42億元"),
        (482_641_768_292.683, Cny, Approx, En, "≈ RMB 482.6 billion"),
        (355.52e8, Cny, Approx, Hans, "约355.5亿元"),
        (1.05e8, Cny, Approx, Hant, "約1.05億元"),
        (9_999.96e4, Cny, Approx, Hant, "約1億元"),
        (123_456.0, Count, Approx, Hant, "約12.35萬"),
        (21.3456, Cny, Approx, Hant, "約21.35元"),
        (5e7, Cny, Exact, Hant, "5000萬元"),
        (5e7, Cny, Exact, Hans, "5000万元"),
        (21.0, Cny, Exact, Hant, "21元"),
        (85.47, Cny, Exact, Hant, "85.47元"),
        (99_999_999.0, Cny, Exact, Hant, "1億元"),
        (-2.5e8, Cny, Exact, Hant, "−2.5億元"),
        (1.4e8, Usd, Exact, Hant, "1.4億美元"),
        (6e7, Usd, Exact, Hans, "6000万美元"),
        (92.6, Hkd, Exact, Hant, "92.6港元"),
        (2.745e11, Hkd, Exact, Hant, "2745億港元"),
        // Money in English.
        (3.555e10, Cny, Exact, En, "RMB 35.55 billion"),
        (2.0503e10, Cny, Exact, En, "RMB 20.5 billion"),
        (3e8, Cny, Exact, En, "RMB 300 million"),
        (3e8, Cny, Floor, En, "≥ RMB 300 million"),
        (5e9, Cny, Approx, En, "≈ RMB 5 billion"),
        (21.0, Cny, Exact, En, "RMB 21"),
        (85.47, Cny, Exact, En, "RMB 85.47"),
        (50_000.0, Cny, Exact, En, "RMB 50,000"),
        (999_999.999, Cny, Exact, En, "RMB 1 million"),
        (1.4e8, Usd, Exact, En, "US$140 million"),
        (1.4e9, Usd, Exact, En, "US$1.4 billion"),
        (92.6, Hkd, Exact, En, "HK$92.6"),
        (2.745e11, Hkd, Exact, En, "HK$274.5 billion"),
        (-5e6, Usd, Exact, En, "−US$5 million"),
        (1.2345e13, Cny, Exact, En, "RMB 12,345 billion"),
        (1e27, Count, Exact, En, "1,000,000,000,000,000,000 billion"),
        (f64::MAX, Share, Exact, En, "—"),
        // Counts.
        (4.16e8, Count, Exact, Hant, "4.16億"),
        (4.16e8, Count, Exact, Hans, "4.16亿"),
        (5e6, Count, Exact, Hant, "500萬"),
        (1234.0, Count, Exact, Hant, "1234"),
        (4.16e8, Count, Exact, En, "416 million"),
        (5e6, Count, Exact, En, "5 million"),
        (1234.0, Count, Exact, En, "1234"),
        (12_345.0, Count, Exact, En, "12,345"),
        // Shares and changes.
        (0.008438, Share, Exact, Hant, "0.84%"),
        (0.565, Share, Exact, En, "56.5%"),
        (0.046, Share, Exact, Hans, "4.6%"),
        (0.01, Share, Ceiling, Hant, "不足1%"),
        (0.01, Share, Ceiling, En, "< 1%"),
        (0.142, Change, Exact, Hant, "+14.2%"),
        (-0.0326, Change, Exact, En, "−3.26%"),
        (-0.033, Change, Exact, Hans, "−3.3%"),
        (0.0, Change, Exact, En, "0%"),
        (-0.0, Change, Exact, En, "0%"),
        (-0.0000001, Change, Exact, Hant, "0%"),
        (0.09996, Change, Exact, En, "+10%"),
        // Multiples, minutes, exchange rates.
        (13.12, Multiple, Exact, En, "13.12x"),
        (23.54, Multiple, Exact, Hans, "23.54倍"),
        (24.0, Multiple, Exact, Hant, "24倍"),
        (-0.001, Multiple, Exact, En, "0x"),
        (134.1, Minutes, Exact, Hant, "134.1分鐘"),
        (134.1, Minutes, Exact, Hans, "134.1分钟"),
        (134.1, Minutes, Exact, En, "134.1 min"),
        (7.14, CnyPerUsd, Exact, Hant, "7.14元/美元"),
        (7.1365, CnyPerUsd, Exact, En, "7.1365 CNY per USD"),
        // Non-finite input never prints NaN or inf.
        (f64::NAN, Cny, Floor, Hant, "—"),
        (f64::INFINITY, Share, Exact, En, "—"),
    ];

    #[test]
    fn format_value_table() {
        assert!(VALUES.len() >= 40);
        for &(v, unit, q, locale, want) in VALUES {
            assert_eq!(
                format_value(v, unit, q, locale),
                want,
                "{v} {unit:?} {q:?} {locale:?}"
            );
        }
    }

    #[test]
    fn money_to_three_decimals() {
        // (value, unit, qualifier, locale, decimals, text)
        let cases = [
            (355.54e8, Cny, Exact, En, 3, "RMB 35.554 billion"),
            (355.54e8, Cny, Exact, En, 2, "RMB 35.55 billion"),
            (355.54e8, Cny, Exact, Hant, 3, "355.54億元"),
            (3e8, Cny, Floor, En, 3, "≥ RMB 300 million"),
            (-1.2345e9, Usd, Exact, En, 3, "−US$1.235 billion"),
            (9_999.999_6e4, Cny, Exact, Hans, 3, "1亿元"),
            (0.1234, Share, Exact, En, 3, "12.3%"),
            (355.52e8, Cny, Approx, En, 3, "≈ RMB 35.552 billion"),
            (355.52e8, Cny, Approx, Hant, 2, "約355.5億元"),
        ];
        for (v, unit, q, locale, d, want) in cases {
            assert_eq!(format_money_to(v, unit, q, locale, d), want, "{v} {d}");
        }
    }

    #[test]
    fn push_decimal_cases() {
        let cases: &[(f64, u8, &str)] = &[
            (0.1 + 0.2, 4, "0.3"),
            (1.005, 2, "1.01"),
            (2.675, 2, "2.68"),
            (-1.005, 2, "-1.01"),
            (0.125, 2, "0.13"),
            (-0.0, 2, "0"),
            (-0.004, 2, "0"),
            (-0.005, 2, "-0.01"),
            (100.0, 2, "100"),
            (1234567.891, 0, "1234568"),
            (0.05, 1, "0.1"),
            (1e-7, 9, "0.0000001"),
            (123.456, 20, "123.456"),
            (1e20, 2, "100000000000000000000"),
            (f64::NAN, 2, "—"),
        ];
        for &(v, d, want) in cases {
            let mut s = String::new();
            push_decimal(&mut s, v, d);
            assert_eq!(s, want, "{v} {d}");
        }
    }

    #[test]
    fn fields() {
        let cases: &[(f64, Unit, Scale, &str)] = &[
            (355.54e8, Cny, Scale::Yi, "355.54"),
            (0.142, Change, Scale::Percent, "14.2"),
            (-0.0326, Change, Scale::Percent, "-3.26"),
            (13.12, Multiple, Scale::One, "13.12"),
            (5e6, Count, Scale::Wan, "500"),
            (3.555e10, Cny, Scale::Billion, "35.55"),
            (1.23456789e8, Cny, Scale::Million, "123.4568"),
            (-0.00001, Cny, Scale::One, "0"),
            (f64::NAN, Cny, Scale::One, ""),
        ];
        for &(v, unit, scale, want) in cases {
            assert_eq!(format_field(v, unit, scale), want, "{v} {unit:?} {scale:?}");
        }
    }

    #[test]
    fn scales_and_suffixes() {
        assert_eq!(display_scale(Cny, 3.5e10, Hant), Scale::Yi);
        assert_eq!(display_scale(Cny, 5e7, Hans), Scale::Wan);
        assert_eq!(display_scale(Cny, 85.0, Hant), Scale::One);
        assert_eq!(display_scale(Cny, 3.5e10, En), Scale::Billion);
        assert_eq!(display_scale(Usd, 1.4e8, En), Scale::Million);
        assert_eq!(display_scale(Count, 5e3, En), Scale::One);
        assert_eq!(display_scale(Share, 0.5, En), Scale::Percent);
        assert_eq!(display_scale(Change, 0.1, Hant), Scale::Percent);
        assert_eq!(display_scale(Multiple, 13.0, Hant), Scale::One);
        assert_eq!(display_scale(CnyPerUsd, 7.0, En), Scale::One);
        let cases: &[(Unit, Scale, Locale, &str)] = &[
            (Cny, Scale::Yi, Hant, "億元"),
            (Cny, Scale::Yi, Hans, "亿元"),
            (Usd, Scale::Yi, Hant, "億美元"),
            (Hkd, Scale::Wan, Hans, "万港元"),
            (Cny, Scale::Billion, En, "RMB billion"),
            (Usd, Scale::Million, En, "US$ million"),
            (Cny, Scale::One, Hant, "元"),
            (Share, Scale::Percent, En, "%"),
            (Change, Scale::Percent, Hant, "%"),
            (Multiple, Scale::One, En, "x"),
            (Multiple, Scale::One, Hant, "倍"),
            (Count, Scale::Wan, Hant, "萬"),
            (Count, Scale::Wan, Hans, "万"),
            (Count, Scale::Million, En, "million"),
            (Count, Scale::One, En, ""),
            (Minutes, Scale::One, Hans, "分钟"),
            (CnyPerUsd, Scale::One, En, "CNY per USD"),
        ];
        for &(unit, scale, locale, want) in cases {
            assert_eq!(
                scale_suffix(unit, scale, locale),
                want,
                "{unit:?} {scale:?} {locale:?}"
            );
        }
    }

    /// Chinese and English money and count figures read back as the value shown.
    #[test]
    fn format_value_round_trips() {
        let cases: &[(f64, Unit)] = &[
            (355.54e8, Cny),
            (3.555e10, Cny),
            (2.0503e10, Cny),
            (3e8, Cny),
            (5e7, Cny),
            (85.47, Cny),
            (50_000.0, Cny),
            (1.2345e13, Cny),
            (1.4e8, Usd),
            (1.4e9, Usd),
            (6e7, Usd),
            (92.6, Hkd),
            (2.745e11, Hkd),
            (4.16e8, Count),
            (5e6, Count),
            (12_345.0, Count),
            (-2.5e8, Cny),
        ];
        for &(v, unit) in cases {
            for locale in Locale::ALL {
                let shown = format_value(v, unit, Exact, locale);
                let (scale, r) = scaled_money(v.abs(), locale, 2, BIG);
                let mut digits = String::new();
                push_rounded(&mut digits, r, false);
                let magnitude: f64 = digits.parse::<f64>().unwrap() * scale.factor();
                let want = if v < 0.0 { -magnitude } else { magnitude };
                let got = parse_number(&shown, unit, Scale::One)
                    .unwrap_or_else(|e| panic!("{shown}: {e:?}"));
                assert!(
                    (got - want).abs() <= 1e-9 * want.abs(),
                    "{shown}: {got} vs {want}"
                );
            }
        }
        // Percent and multiples read back too.
        assert_eq!(
            parse_number(
                &format_value(0.142, Change, Exact, En),
                Change,
                Scale::Percent
            ),
            Ok(0.142)
        );
        assert_eq!(
            parse_number(
                &format_value(-0.0326, Change, Exact, Hant),
                Change,
                Scale::Percent
            ),
            Ok(-0.0326)
        );
        assert_eq!(
            parse_number(
                &format_value(13.12, Multiple, Exact, En),
                Multiple,
                Scale::One
            ),
            Ok(13.12)
        );
        assert_eq!(
            parse_number(
                &format_value(23.54, Multiple, Exact, Hans),
                Multiple,
                Scale::One
            ),
            Ok(23.54)
        );
        assert_eq!(
            parse_number(
                &format_value(134.1, Minutes, Exact, En),
                Minutes,
                Scale::One
            ),
            Ok(134.1)
        );
    }

    /// True if `s` shows a negative zero: a minus followed by a number with no
    /// non-zero digit (after any currency prefix).
    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    fn shows_negative_zero(s: &str) -> bool {
        let chars: Vec<char> = s.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c == '-' || c == MINUS {
                let rest = chars[i + 1..]
                    .iter()
                    .skip_while(|c| !c.is_ascii_digit())
                    .take_while(|c| c.is_ascii_digit() || **c == '.' || **c == ',');
                if rest.clone().all(|c| !('1'..='9').contains(c)) {
                    return true;
                }
            }
        }
        false
    }

    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    fn any_f64() -> impl proptest::strategy::Strategy<Value = f64> {
        use proptest::prelude::*;
        prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(-0.0),
            Just(f64::MIN_POSITIVE),
            Just(f64::MAX),
            Just(f64::MIN),
            -1e-6f64..1e-6,
            -1e16f64..1e16,
            proptest::num::f64::ANY,
        ]
    }

    /// The sensible range of values in a field of `unit`.
    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    fn range(unit: Unit) -> std::ops::Range<f64> {
        match unit {
            Cny | Usd | Hkd | Count => 0.0..1e14,
            Share => 0.0..1.0,
            Change => -0.99..10.0,
            Multiple => -100.0..1000.0,
            Minutes => 0.0..1440.0,
            CnyPerUsd => 0.0..100.0,
        }
    }

    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    proptest::proptest! {
        #[test]
        fn never_shows_junk(v in any_f64()) {
            for unit in ALL_UNITS {
                for locale in Locale::ALL {
                    for q in [Exact, Approx, Floor, Ceiling] {
                        let s = format_value(v, unit, q, locale);
                        proptest::prop_assert!(!s.is_empty());
                        proptest::prop_assert!(!s.contains("NaN") && !s.contains("inf"), "{}", s);
                        proptest::prop_assert!(!shows_negative_zero(&s), "{}", s);
                    }
                }
                let f = format_field(v, unit, Scale::One);
                proptest::prop_assert!(!f.contains("NaN") && !f.contains("inf") && !shows_negative_zero(&f), "{}", f);
            }
        }

        #[test]
        fn field_round_trip(unit_i in 0usize..9, t in 0.0f64..1.0, mag in 0i32..15) {
            let unit = ALL_UNITS[unit_i];
            let r = range(unit);
            // Spread money over magnitudes, not just the top decade.
            let x = match unit {
                Cny | Usd | Hkd | Count => t * 10f64.powi(mag).min(r.end),
                _ => r.start + t * (r.end - r.start),
            };
            for locale in Locale::ALL {
                let scale = display_scale(unit, x, locale);
                for scale in [scale, Scale::One] {
                    if scale == Scale::One && matches!(unit, Share | Change) {
                        continue;
                    }
                    let text = format_field(x, unit, scale);
                    let got = parse_number(&text, unit, scale);
                    proptest::prop_assert!(got.is_ok(), "{} {:?} -> {:?}", x, text, got);
                    let got = got.unwrap();
                    let f = scale.factor();
                    let shown = x / f;
                    let want = (shown * 1e4).round() / 1e4 * f;
                    let tie = ((shown * 1e4).fract().abs() - 0.5).abs() < 1e-6;
                    // Large values print fewer decimals; allow their half unit.
                    let coarse = if shown.abs() >= 1e13 { f * 5e-4 } else { 0.0 };
                    let tol = 1e-9 * want.abs().max(f * 1e-4) + coarse;
                    proptest::prop_assert!(tie || (got - want).abs() <= tol, "{} {:?} {:?}: {} vs {}", x, scale, text, got, want);
                    proptest::prop_assert!((got - x).abs() <= f * 0.5e-4 * (1.0 + 1e-9) + 1e-9 * x.abs() + coarse, "{} {}", x, got);
                }
            }
        }
    }
}
