//! Share links: the reader's changed inputs as one URL query parameter per instance.
//!
//! Format (one parameter per widget instance, instances numbered from 1 in page order):
//!
//! ```text
//! ?lang=en&kc1=v1.2025q3-1~kling_revenue_2025q3:35e7~pe_kuaishou:10~kling_p_side_share:0.7
//! ```
//!
//! - The value starts with the link format (`v1`) and the figures edition
//!   ([`DATA_VERSION`]), then `~`-separated `id:number` items, one per
//!   *changed* input, in [`InputId::ALL`] order. Every character is unreserved
//!   or allowed in a query by RFC 3986, so nothing needs escaping.
//! - Numbers are in base units and round-trip exactly: the shortest decimal
//!   with at most 15 or 16 significant digits whose value is the very same
//!   double (`0.142`, `35e7`, `-1.5e9` as `-15e8`), or, for the rare value that
//!   needs 17 digits (computed rather than typed), `x` and the 16 hex digits
//!   of its IEEE 754 bits (`x3fd3333333333334`). Both are checked by reading
//!   them back with this module's own reader, so exactness does not depend on
//!   a float parser (the standard one costs about 16 KB of wasm).
//! - Reading is forgiving: names and values are percent-decoded (`%3A`, `+`),
//!   other parameters of the host page are left alone, and every item that is
//!   malformed or tampered with is skipped with an [`Issue`] while the rest
//!   are applied. Nothing here panics on any input (a property test says so).
//! - Editions: a link made with another figures edition still applies its
//!   values, with an [`Issue::OtherEdition`] notice. The ids never change
//!   meaning and the values are the reader's own, so they stay valid; only
//!   the published figures of inputs the link does not set may differ, and the
//!   notice says so. A link without an edition is treated the same way. A
//!   link in an unknown format (`v2.…`) is ignored as a whole: its items
//!   cannot be read safely.

use super::inputs::{t, InputId, InputSet, Inputs, RangeError};
use super::units::{Locale, Text};

/// The edition of the embedded figures ([`super::edition::EDITION`], derived
/// from the data): changes whenever a published figure changes.
pub const DATA_VERSION: &str = super::edition::EDITION;

/// The link format written before the edition; a reader of `v1` links.
const FORMAT: &str = "v1.";

/// A longer parameter value is ignored as a whole (32 inputs need about 1 KB).
const MAX_PARAM: usize = 2048;
/// A longer item (key, colon, number) is ignored; the longest real one is about 50.
const MAX_ITEM: usize = 64;
/// Items after this many are skipped with one [`Issue::TooMany`].
const MAX_ITEMS: usize = 2 * InputId::COUNT;
/// The offending text kept for a notice, in characters.
const SHOWN: usize = 32;

/// Powers of ten that are exact doubles.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// 2^53: integers below it are exact doubles.
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

/// Why an item of a share link was not applied, or what the reader should know about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Issue {
    /// The id names no input.
    UnknownInput,
    /// The value is not a number in the link's syntax.
    NotANumber,
    /// The value is NaN or infinite.
    NotFinite,
    /// The value is outside the input's allowed range.
    Range(InputId, RangeError),
    /// The input was already set by an earlier item, which is kept.
    Duplicate,
    /// The item or the whole parameter is longer than any real one.
    TooLong,
    /// More items than inputs exist; the rest were skipped.
    TooMany,
    /// The item holds characters of markup or script (`<`, quotes, brackets…).
    Markup,
    /// The item is not `id:number`.
    Malformed,
    /// The link's format is unknown, so none of its items was applied.
    UnknownFormat,
    /// The link was made with another figures edition; its values were applied.
    OtherEdition,
    /// The link names no figures edition; its values were applied.
    MissingVersion,
    /// The link's (earlier) edition published another figure for this input,
    /// which the link does not set: the reader now sees this edition's figure.
    Updated(InputId),
}

impl Issue {
    /// What a reader is told: [`Issue::message`], except that a value out of
    /// range names the limit it crossed ("Cannot be below RMB 0").
    pub fn describe(self, locale: Locale) -> String {
        match self {
            Issue::Range(id, e) => e.describe(id.spec(), locale),
            Issue::Updated(id) => {
                let mut out = String::from(self.message(locale));
                out.push_str(id.spec().label.get(locale));
                out
            }
            other => other.message(locale).to_string(),
        }
    }

    /// A short explanation in `locale`.
    pub fn message(self, locale: Locale) -> &'static str {
        match self {
            Issue::UnknownInput => t!("未知的輸入", "未知的输入", "Unknown input"),
            Issue::NotANumber => t!("不是數字", "不是数字", "Not a number"),
            Issue::NotFinite => t!("不是有限數字", "不是有限数字", "Not a finite number"),
            Issue::Range(_, e) => return e.message(locale),
            Issue::Duplicate => t!(
                "重複的輸入,已用第一個",
                "重复的输入,已用第一个",
                "Input given twice; the first is used",
            ),
            Issue::TooLong => t!("過長", "过长", "Too long"),
            Issue::TooMany => t!(
                "項目過多,其餘已略去",
                "项目过多,其余已略去",
                "Too many items; the rest were skipped",
            ),
            Issue::Markup => t!(
                "含有不允許的字元(可能是程式碼)",
                "含有不允许的字符(可能是代码)",
                "Characters not allowed (possible markup or script)",
            ),
            Issue::Malformed => t!(
                "格式錯誤,應為 編號:數值",
                "格式错误,应为 编号:数值",
                "Malformed; expected id:value",
            ),
            Issue::UnknownFormat => t!(
                "無法識別的連結格式,已全部略去",
                "无法识别的链接格式,已全部略去",
                "Unknown link format; all of it was ignored",
            ),
            Issue::OtherEdition => t!(
                "連結來自另一版數據;數值已套用,未改動的輸入用本版數字",
                "链接来自另一版数据;数值已应用,未改动的输入用本版数字",
                "Link made with another figures edition; its values were applied, other inputs use this edition",
            ),
            Issue::MissingVersion => t!(
                "連結未註明數據版本;數值已套用",
                "链接未注明数据版本;数值已应用",
                "Link names no figures edition; its values were applied",
            ),
            Issue::Updated(_) => t!(
                "該版之後已更新的報道數字:",
                "该版之后已更新的报道数字:",
                "Published figure updated since that edition: ",
            ),
        }
        .get(locale)
    }

    /// True for notices about a link whose values were applied nonetheless.
    pub fn applied(self) -> bool {
        matches!(
            self,
            Issue::OtherEdition | Issue::MissingVersion | Issue::Updated(_)
        )
    }
}

/// One skipped item (or edition notice) and the text it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    /// Why.
    pub reason: Issue,
    /// The offending text, percent-decoded, without control characters and
    /// cut to 32 characters: show it as text, never as markup.
    pub item: String,
}

/// What a share link restores: the inputs, and every item that was not applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The published figures with the link's valid items applied.
    pub inputs: Inputs,
    /// The skipped items and notices, in link order.
    pub ignored: Vec<Ignored>,
}

/// The query parameter name of an instance: `kc1`, `kc2`, ….
pub fn param_name(instance: u32) -> String {
    let mut s = String::from("kc");
    push_digits(&mut s, u64::from(instance));
    s
}

/// True when the reader changed any input, so a link has something to carry.
pub fn has_changes(inputs: &Inputs) -> bool {
    InputId::ALL.into_iter().any(|id| inputs.is_changed(id))
}

/// The parameter value carrying the changed inputs: format, edition and `id:number` items.
pub fn encode(inputs: &Inputs) -> String {
    let mut out = String::with_capacity(64);
    out.push_str(FORMAT);
    out.push_str(DATA_VERSION);
    for id in InputId::ALL {
        if let Some(v) = inputs.override_of(id) {
            out.push('~');
            out.push_str(id.key());
            out.push(':');
            push_number(&mut out, v);
        }
    }
    out
}

/// The query string of a share link: `search` (the page's own, with or
/// without `?`) with every other parameter kept verbatim and in order, this
/// instance's old parameter dropped, and its new one appended when any input
/// is changed. Empty when nothing remains.
pub fn share_query(search: &str, inputs: &Inputs, instance: u32) -> String {
    let name = param_name(instance);
    let mut out = String::new();
    let sep = |out: &mut String| out.push(if out.is_empty() { '?' } else { '&' });
    for pair in search.trim_start_matches('?').split('&') {
        let key = pair.split_once('=').map_or(pair, |p| p.0);
        if !pair.is_empty() && unescape(key) != name {
            sep(&mut out);
            out.push_str(pair);
        }
    }
    if has_changes(inputs) {
        sep(&mut out);
        out.push_str(&name);
        out.push('=');
        out.push_str(&encode(inputs));
    }
    out
}

/// Reads this instance's share parameter(s) from a query string (`?` optional),
/// applying every valid item and listing every other one; never panics.
pub fn decode(query: &str, instance: u32) -> Decoded {
    let name = param_name(instance);
    let mut d = Decoded {
        inputs: Inputs::published(),
        ignored: Vec::new(),
    };
    let mut seen = InputSet::EMPTY;
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if unescape(key) == name {
            d.apply(&unescape(value), &mut seen);
        }
    }
    d
}

/// Reads a share-link-style value given directly rather than in a URL (a
/// mount element's `data-inputs`, `klingCalc.mount`'s `inputs` string):
/// `~`-separated `id:number` items, with or without the leading
/// `v1.<edition>`, percent-decoded as a link's are; every other item is
/// listed, as [`decode`] does. Read through [`decode`] itself: one reader,
/// and one copy of it in the wasm.
pub fn decode_value(value: &str) -> Decoded {
    decode(&["kc1=", value].concat(), 1)
}

impl Decoded {
    fn note(&mut self, reason: Issue, text: &str) {
        let item = text
            .chars()
            .filter(|c| !c.is_control())
            .take(SHOWN)
            .collect();
        self.ignored.push(Ignored { reason, item });
    }

    /// Applies one parameter value.
    fn apply(&mut self, value: &str, seen: &mut InputSet) {
        if value.len() > MAX_PARAM {
            return self.note(Issue::TooLong, value);
        }
        let mut items = value.split('~');
        let first = items.next().unwrap_or("");
        let mut pending = None;
        let mut earlier = None;
        match first.strip_prefix(FORMAT) {
            Some(edition) if edition == DATA_VERSION => {}
            Some(edition) if edition.len() <= 16 && edition.bytes().all(is_word) => {
                self.note(Issue::OtherEdition, edition);
                earlier = Some(edition);
            }
            // An item (or nothing) where the version belongs: an edition-less link.
            None if first.is_empty() || first.contains(':') => {
                if value.contains(':') {
                    self.note(Issue::MissingVersion, "");
                }
                pending = Some(first);
            }
            _ => return self.note(Issue::UnknownFormat, first),
        }
        for (n, item) in pending
            .into_iter()
            .chain(items)
            .filter(|i| !i.is_empty())
            .enumerate()
        {
            if n == MAX_ITEMS {
                return self.note(Issue::TooMany, "");
            }
            if let Err(reason) = self.item(item, seen) {
                self.note(reason, item);
            }
        }
        // Name the published figures that changed since the link's edition
        // and that the link leaves at their (now different) default.
        let changed = earlier
            .and_then(super::edition::changed_since)
            .unwrap_or(&[]);
        for &key in changed {
            if let Some(id) = InputId::from_key(key).filter(|&id| !seen.contains(id)) {
                self.note(Issue::Updated(id), key);
            }
        }
    }

    /// Applies one `id:number` item.
    fn item(&mut self, item: &str, seen: &mut InputSet) -> Result<(), Issue> {
        if item.len() > MAX_ITEM {
            return Err(Issue::TooLong);
        }
        if item.contains([
            '<', '>', '"', '\'', '`', '(', ')', '{', '}', '=', ';', '\\', '&',
        ]) {
            return Err(Issue::Markup);
        }
        let (key, text) = item.split_once(':').ok_or(Issue::Malformed)?;
        let id = InputId::from_key(key).ok_or(Issue::UnknownInput)?;
        // Only an applied item makes a later one a duplicate, so a broken
        // item never blocks a valid one for the same input.
        if seen.contains(id) {
            return Err(Issue::Duplicate);
        }
        let v = read_number(text)?;
        self.inputs.set(id, v).map_err(|e| match e {
            RangeError::NotFinite => Issue::NotFinite,
            e => Issue::Range(id, e),
        })?;
        *seen = seen.union(InputSet::single(id));
        Ok(())
    }
}

/// Letters, digits, `-`, `_`, `.`: the characters of an edition tag.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
}

/// Percent-decodes a query component (`+` is a space); a `%` not followed by
/// two hex digits stays as it is. Escapes that make invalid UTF-8 leave the
/// whole component undecoded (it then fails as an item would), which spares
/// the wasm the lossy decoder.
pub fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |k: usize| b.get(k).and_then(|&c| char::from(c).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'+', _, _) => out.push(b' '),
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (c, _, _) => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| String::from(s))
}

/// `m` × 10^`-s`, correctly rounded: `m` < 2^53 and |`s`| ≤ 22 make both
/// factors exact doubles, so one IEEE operation rounds once (Clinger's fast path).
fn scaled(m: f64, s: i32) -> f64 {
    if s >= 0 {
        m / POW10[s as usize]
    } else {
        m * POW10[(-s) as usize]
    }
}

/// The decimal `m` × 10^`-s` with the fewest decimals (then digits) that
/// reads back as exactly `a` (finite, non-negative), if one fits the fast path.
fn shortest(a: f64) -> Option<(u64, i32)> {
    if a == 0.0 {
        return Some((0, 0));
    }
    for s in -22..=22 {
        // A rounding error here only costs shortness: the check below is exact.
        let m = scaled(a, -s).round();
        if m >= EXACT_INT {
            break;
        }
        if m >= 1.0 && scaled(m, s) == a {
            return Some((m as u64, s));
        }
    }
    None
}

fn push_digits(out: &mut String, n: u64) {
    if n >= 10 {
        push_digits(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Pushes `m` / 10^`s` as a plain decimal (`s` > 0), trailing zeros trimmed.
fn push_fixed(out: &mut String, mut m: u64, mut s: u32) {
    while s > 0 && m.is_multiple_of(10) {
        m /= 10;
        s -= 1;
    }
    let mut digits = String::new();
    push_digits(&mut digits, m);
    let s = s as usize;
    if digits.len() <= s {
        out.push_str("0.");
        (digits.len()..s).for_each(|_| out.push('0'));
        out.push_str(&digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - s);
        out.push_str(int);
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
    }
}

/// Pushes a finite value in the link syntax: the shortest exact decimal, with
/// an exponent for three or more trailing zeros (`35e7`), else `x` and the hex
/// bits. [`read_number`] gives back exactly `v` (-0 reads back as 0).
pub fn push_number(out: &mut String, v: f64) {
    let Some((m, s)) = shortest(v.abs()) else {
        out.push('x');
        let bits = v.to_bits();
        for k in (0..16).rev() {
            out.push(char::from(
                b"0123456789abcdef"[(bits >> (4 * k) & 15) as usize],
            ));
        }
        return;
    };
    if v < 0.0 && m != 0 {
        out.push('-');
    }
    if s > 0 {
        return push_fixed(out, m, s as u32);
    }
    let (mut m, mut k) = (m, -s as u64);
    while m != 0 && m % 10 == 0 {
        m /= 10;
        k += 1;
    }
    push_digits(out, m);
    if k >= 3 {
        out.push('e');
        push_digits(out, k);
    } else {
        (0..k).for_each(|_| out.push('0'));
    }
}

/// Pushes a finite value as a plain decimal for spreadsheets: exact whenever
/// [`push_number`] writes a decimal (no exponent, zeros written out); else
/// 17 significant digits from one rounded scaling, within a couple of units
/// in the 17th digit (spreadsheets keep 15), and never `x…`.
pub fn push_plain(out: &mut String, v: f64) {
    let a = v.abs();
    let (m, s) = match shortest(a) {
        Some(found) => found,
        None => match (0..=22).find(|&s| scaled(a, -s) >= 1e16) {
            Some(s) if a >= 1e-6 => (scaled(a, -s).round() as u64, s),
            // Beyond the widget's ranges: fixed decimals are close enough.
            _ => return super::format::push_decimal(out, v, 9),
        },
    };
    if v < 0.0 && m != 0 {
        out.push('-');
    }
    if s > 0 {
        push_fixed(out, m, s as u32);
    } else {
        push_digits(out, m);
        (0..-s).for_each(|_| out.push('0'));
    }
}

/// Reads a number in the link syntax: `-?digits(.digits)?(e-?digits)?` or
/// `x` and 16 hex digits. Values written by [`push_number`] come back exactly.
pub fn read_number(text: &str) -> Result<f64, Issue> {
    let lower = text.to_ascii_lowercase();
    let bare = lower.trim_start_matches(['-', '+']);
    if matches!(bare, "nan" | "inf" | "infinity") {
        return Err(Issue::NotFinite);
    }
    if let Some(hex) = text.strip_prefix('x') {
        if hex.len() != 16 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Issue::NotANumber);
        }
        let bits = u64::from_str_radix(hex, 16).map_err(|_| Issue::NotANumber)?;
        return Ok(f64::from_bits(bits));
    }
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((_, "")) => return Err(Issue::NotANumber),
        Some(parts) => parts,
        None => (mantissa, ""),
    };
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() {
        return Err(Issue::NotANumber);
    }
    // The digits as one integer. Leading zeros (0.0000001) cost nothing; more
    // than 19 significant digits would overflow it.
    let (mut m, mut significant) = (0u64, 0u8);
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() || significant == 19 {
            return Err(Issue::NotANumber);
        }
        significant += u8::from(significant > 0 || b != b'0');
        m = m * 10 + u64::from(b - b'0');
    }
    let mut e: i32 = 0;
    if let Some(exp) = exp {
        let (eneg, edigits) = match exp.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, exp),
        };
        if edigits.is_empty() || edigits.len() > 3 || !digits_ok(edigits) {
            return Err(Issue::NotANumber);
        }
        e = edigits
            .bytes()
            .fold(0, |acc, b| acc * 10 + i32::from(b - b'0'));
        if eneg {
            e = -e;
        }
    }
    let s = frac.len() as i32 - e;
    let m = m as f64;
    let v = if m < EXACT_INT && (-22..=22).contains(&s) {
        scaled(m, s)
    } else if m == 0.0 {
        0.0
    } else if s < 0 {
        m * 10f64.powi(-s)
    } else {
        // Two steps keep 10^s finite for s up to 999 + 19.
        m / 10f64.powi(s.min(300)) / 10f64.powi((s - 300).max(0))
    };
    if !v.is_finite() {
        return Err(Issue::NotFinite);
    }
    Ok(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    use proptest::prelude::*;

    /// A test link with `@E` replaced by the current edition, which tests
    /// read from the code rather than repeat.
    fn ed(s: &str) -> String {
        s.replace("@E", DATA_VERSION)
    }

    fn number(v: f64) -> String {
        let mut s = String::new();
        push_number(&mut s, v);
        s
    }

    fn plain(v: f64) -> String {
        let mut s = String::new();
        push_plain(&mut s, v);
        s
    }

    #[test]
    fn a_value_given_directly_reads_like_a_link() {
        let pe = InputId::from_key("pe_kuaishou").unwrap();
        // (value, pe_kuaishou override it yields, reasons listed)
        let cases: &[(&str, Option<f64>, &[Issue])] = &[
            ("", None, &[]),
            ("pe_kuaishou:12", Some(12.0), &[Issue::MissingVersion]),
            (&ed("v1.@E~pe_kuaishou:12"), Some(12.0), &[]),
            // Percent-decoded as in a link.
            ("pe_kuaishou%3A12", Some(12.0), &[Issue::MissingVersion]),
            (
                "pe_kuaishou:12~nope:1",
                Some(12.0),
                &[Issue::MissingVersion, Issue::UnknownInput],
            ),
        ];
        for &(value, want, reasons) in cases {
            let d = decode_value(value);
            assert_eq!(d.inputs.override_of(pe), want, "{value}");
            let got: Vec<Issue> = d.ignored.iter().map(|i| i.reason).collect();
            assert_eq!(got, reasons, "{value}");
            // The same items in a URL read the same.
            let link = decode(&["?kc1=", value].concat(), 1);
            assert_eq!(link.inputs, d.inputs, "{value}");
        }
    }

    #[test]
    fn numbers_are_short_and_exact() {
        let cases: &[(f64, &str, &str)] = &[
            (0.0, "0", "0"),
            (-0.0, "0", "0"),
            (1.0, "1", "1"),
            (10.0, "10", "10"),
            (100.0, "100", "100"),
            (1000.0, "1e3", "1000"),
            (3.5e8, "35e7", "350000000"),
            (355.54e8, "35554e6", "35554000000"),
            (0.142, "0.142", "0.142"),
            (-0.0326, "-0.0326", "-0.0326"),
            (13.12, "13.12", "13.12"),
            (7.1365, "7.1365", "7.1365"),
            (1e15, "1e15", "1000000000000000"),
            (-1e15, "-1e15", "-1000000000000000"),
            (1e-7, "0.0000001", "0.0000001"),
            (123456789.125, "123456789.125", "123456789.125"),
            (0.1 + 0.2, "x3fd3333333333334", "0.30000000000000004"),
            // 17 digits: exact in the link, within a unit or two of the 17th digit in CSV.
            (
                23.540000000000003,
                "x40378a3d70a3d70b",
                "23.540000000000004",
            ),
            (5e-324, "x0000000000000001", "0"),
        ];
        for &(v, url, csv) in cases {
            assert_eq!(number(v), url, "{v}");
            assert_eq!(plain(v), csv, "{v}");
            assert_eq!(
                read_number(url).unwrap().to_bits(),
                (v + 0.0).to_bits(),
                "{url}"
            );
        }
    }

    #[test]
    fn reads_numbers_strictly() {
        let ok: &[(&str, f64)] = &[
            ("3.5", 3.5),
            ("35E7", 3.5e8),
            ("1e-3", 0.001),
            ("-2", -2.0),
            ("007", 7.0),
            // Leading zeros are not significant; 19 significant digits fit.
            ("0000000000000000000000.25", 0.25),
            ("9999999999999999999", 9_999_999_999_999_999_999.0),
        ];
        for &(text, v) in ok {
            assert_eq!(read_number(text), Ok(v), "{text}");
        }
        // NaN bits read as a double; the range check refuses them.
        assert!(read_number("x7ff8000000000000").unwrap().is_nan());
        // Beyond the fast path the value is close, not exact: the writer never goes there.
        let v = read_number("1234567890123456789e-10").unwrap();
        assert!((v - 123_456_789.012_345_68).abs() < 1e-7, "{v}");
        let bad: &[(&str, Issue)] = &[
            ("", Issue::NotANumber),
            ("abc", Issue::NotANumber),
            ("1,5", Issue::NotANumber),
            (".5", Issue::NotANumber),
            ("1.", Issue::NotANumber),
            ("--1", Issue::NotANumber),
            ("+1", Issue::NotANumber),
            ("1e", Issue::NotANumber),
            ("1e1234", Issue::NotANumber),
            ("1e999", Issue::NotFinite),
            ("NaN", Issue::NotFinite),
            ("-inf", Issue::NotFinite),
            ("Infinity", Issue::NotFinite),
            ("x12", Issue::NotANumber),
            ("123456789012345678901", Issue::NotANumber),
            ("12345678901234567890", Issue::NotANumber),
            ("1.0000000000000000000", Issue::NotANumber),
        ];
        for &(text, want) in bad {
            assert_eq!(read_number(text), Err(want), "{text}");
        }
    }

    fn changed(pairs: &[(InputId, f64)]) -> Inputs {
        let mut inputs = Inputs::published();
        for &(id, v) in pairs {
            inputs.set(id, v).unwrap();
        }
        inputs
    }

    #[test]
    fn encodes_only_changed_inputs() {
        assert_eq!(encode(&Inputs::published()), ed("v1.@E"));
        let inputs = changed(&[
            (InputId::PE_KUAISHOU, 10.0),
            (InputId::KLING_REVENUE_2025Q3, 3.5e8),
            (InputId::KLING_P_SIDE_SHARE, 0.7),
            (InputId::ADJUSTED_NET_PROFIT_2025Q3, -1.5e9),
        ]);
        let value = encode(&inputs);
        assert_eq!(
            value,
            ed("v1.@E~adjusted_net_profit_2025q3:-15e8~kling_revenue_2025q3:35e7~kling_p_side_share:0.7~pe_kuaishou:10")
        );
        let query = share_query("", &inputs, 1);
        assert_eq!(query, ["?kc1=", value.as_str()].concat());
        let d = decode(&query, 1);
        assert_eq!(d.inputs, inputs);
        assert!(d.ignored.is_empty());
        // Another instance's parameter is not this one's.
        assert_eq!(decode(&query, 2).inputs, Inputs::published());
        assert_eq!(decode(&query, 11).inputs, Inputs::published());
    }

    #[test]
    fn host_parameters_are_kept() {
        let inputs = changed(&[(InputId::PE_KUAISHOU, 12.5)]);
        let cases: &[(&str, u32, &str)] = &[
            ("", 1, "?kc1=v1.@E~pe_kuaishou:12.5"),
            (
                "?lang=en&utm_source=x%20y",
                1,
                "?lang=en&utm_source=x%20y&kc1=v1.@E~pe_kuaishou:12.5",
            ),
            // The old parameter of this instance goes, another instance's stays.
            (
                "?kc1=v1.old~pe_baidu:3&kc2=v1.@E~pe_baidu:4&a=1",
                2,
                "?kc1=v1.old~pe_baidu:3&a=1&kc2=v1.@E~pe_kuaishou:12.5",
            ),
            // An escaped name is still this instance's; empty pairs are dropped.
            ("?%6Bc3=x&&b=2&", 3, "?b=2&kc3=v1.@E~pe_kuaishou:12.5"),
            ("?flag&kc1", 1, "?flag&kc1=v1.@E~pe_kuaishou:12.5"),
        ];
        for &(search, instance, want) in cases {
            assert_eq!(
                share_query(&ed(search), &inputs, instance),
                ed(want),
                "{search}"
            );
        }
        // Nothing changed: the page's own query, without this instance's parameter.
        assert_eq!(
            share_query(&ed("?a=1&kc1=v1.@E~pe_kuaishou:3"), &Inputs::published(), 1),
            "?a=1"
        );
        assert_eq!(share_query("?kc1=x", &Inputs::published(), 1), "");
    }

    #[test]
    fn percent_encoding_and_plus() {
        let d = decode(
            &ed("?lang=zh-Hant&kc1=v1.@E%7Epe_kuaishou%3A10%7Ekling_revenue_2025q3:35e7&q=a+b"),
            1,
        );
        assert!(d.ignored.is_empty(), "{:?}", d.ignored);
        assert_eq!(
            d.inputs,
            changed(&[
                (InputId::PE_KUAISHOU, 10.0),
                (InputId::KLING_REVENUE_2025Q3, 3.5e8)
            ])
        );
        assert_eq!(unescape("a+b%20c%zz%4"), "a b c%zz%4");
        assert_eq!(unescape("%E5%BF%AB"), "快");
        assert_eq!(unescape("%E5%BF%AB%FF"), "%E5%BF%AB%FF");
    }

    #[test]
    fn tampered_items_are_ignored_with_a_reason() {
        let long = ["pe_kuaishou:", &"1".repeat(60)].concat();
        // (item, reason, text kept for the notice)
        let cases: Vec<(&str, Issue, &str)> = vec![
            ("no_such_input:5", Issue::UnknownInput, "no_such_input:5"),
            ("pe_baidu:abc", Issue::NotANumber, "pe_baidu:abc"),
            ("pe_baidu:NaN", Issue::NotFinite, "pe_baidu:NaN"),
            (
                "pe_baidu:x7ff0000000000000",
                Issue::NotFinite,
                "pe_baidu:x7ff0000000000000",
            ),
            ("pe_baidu:1e999", Issue::NotFinite, "pe_baidu:1e999"),
            (
                "pe_tencent:5000",
                Issue::Range(InputId::PE_TENCENT, RangeError::AboveMax),
                "pe_tencent:5000",
            ),
            (
                "market_cap:-1",
                Issue::Range(InputId::MARKET_CAP, RangeError::BelowMin),
                "market_cap:-1",
            ),
            (
                "revenue_yoy_2025q3:-1",
                Issue::Range(InputId::REVENUE_YOY_2025Q3, RangeError::BelowMin),
                "revenue_yoy_2025q3:-1",
            ),
            ("pe_kuaishou:20", Issue::Duplicate, "pe_kuaishou:20"),
            (&long, Issue::TooLong, &long[..SHOWN]),
            (
                "pe_baidu:<img src=x onerror=alert(1)>",
                Issue::Markup,
                "pe_baidu:<img src=x onerror=aler",
            ),
            (
                "<script>alert(1)</script>",
                Issue::Markup,
                "<script>alert(1)</script>",
            ),
            (
                "pe_baidu:\"onmouseover=\"x",
                Issue::Markup,
                "pe_baidu:\"onmouseover=\"x",
            ),
            ("pe_baidu", Issue::Malformed, "pe_baidu"),
            ("pe_baidu:1\u{7}", Issue::NotANumber, "pe_baidu:1"),
        ];
        let mut query = ed("?kc1=v1.@E~pe_kuaishou:10");
        for (item, _, _) in &cases {
            query.push('~');
            query.push_str(
                &item
                    .replace('~', "%7E")
                    .replace('&', "%26")
                    .replace('\u{7}', "%07"),
            );
        }
        query.push_str("~pe_alibaba:20");
        let d = decode(&query, 1);
        assert_eq!(
            d.inputs,
            changed(&[(InputId::PE_KUAISHOU, 10.0), (InputId::PE_ALIBABA, 20.0)])
        );
        let got: Vec<(Issue, &str)> = d
            .ignored
            .iter()
            .map(|i| (i.reason, i.item.as_str()))
            .collect();
        let want: Vec<(Issue, &str)> = cases.iter().map(|&(_, r, t)| (r, t)).collect();
        assert_eq!(got, want);
        for i in &d.ignored {
            for locale in Locale::ALL {
                assert!(!i.reason.message(locale).is_empty());
            }
        }
    }

    #[test]
    fn editions_and_formats() {
        // (query, applied pe_kuaishou, notices)
        let cases: &[(&str, Option<f64>, &[Issue])] = &[
            ("kc1=v1.@E~pe_kuaishou:10", Some(10.0), &[]),
            (
                "kc1=v1.2025q2-3~pe_kuaishou:10",
                Some(10.0),
                &[Issue::OtherEdition],
            ),
            ("kc1=pe_kuaishou:10", Some(10.0), &[Issue::MissingVersion]),
            (
                "kc1=pe_kuaishou:10~pe_kuaishou:11",
                Some(10.0),
                &[Issue::MissingVersion, Issue::Duplicate],
            ),
            ("kc1=v2.2030~pe_kuaishou:10", None, &[Issue::UnknownFormat]),
            ("kc1=v1.<b>~pe_kuaishou:10", None, &[Issue::UnknownFormat]),
            ("kc1=hello~pe_kuaishou:10", None, &[Issue::UnknownFormat]),
            ("kc1=", None, &[]),
            ("kc1=~~~", None, &[]),
            (
                "kc1=v1.@E~pe_kuaishou:10&kc1=v1.@E~pe_kuaishou:12~pe_baidu:9",
                Some(10.0),
                &[Issue::Duplicate],
            ),
        ];
        for &(query, pe, notices) in cases {
            let d = decode(&ed(query), 1);
            assert_eq!(d.inputs.override_of(InputId::PE_KUAISHOU), pe, "{query}");
            let got: Vec<Issue> = d.ignored.iter().map(|i| i.reason).collect();
            assert_eq!(got, notices, "{query}");
        }
        assert!(Issue::OtherEdition.applied() && !Issue::Markup.applied());
        assert_eq!(
            decode("kc1=v1.2024-9~pe_kuaishou:10", 1).ignored[0].item,
            "2024-9"
        );
    }

    #[test]
    fn limits() {
        let mut many = ed("kc1=v1.@E");
        for _ in 0..100 {
            many.push_str("~x:1");
        }
        let d = decode(&many, 1);
        assert_eq!(d.ignored.len(), MAX_ITEMS + 1);
        assert_eq!(d.ignored.last().unwrap().reason, Issue::TooMany);
        let huge = [ed("kc1=v1.@E~").as_str(), &"a".repeat(5000)].concat();
        let d = decode(&huge, 1);
        assert_eq!(d.ignored.len(), 1);
        assert_eq!(d.ignored[0].reason, Issue::TooLong);
        assert_eq!(d.ignored[0].item.chars().count(), SHOWN);
    }

    #[test]
    fn messages_in_three_locales() {
        let cases: &[(Issue, Locale, &str)] = &[
            (Issue::UnknownInput, Locale::Hant, "未知的輸入"),
            (Issue::UnknownInput, Locale::Hans, "未知的输入"),
            (Issue::UnknownInput, Locale::En, "Unknown input"),
            (
                Issue::Markup,
                Locale::En,
                "Characters not allowed (possible markup or script)",
            ),
            (
                Issue::Range(InputId::PE_KUAISHOU, RangeError::AboveMax),
                Locale::Hant,
                "高於允許的最大值",
            ),
            (Issue::Duplicate, Locale::Hans, "重复的输入,已用第一个"),
        ];
        for &(issue, locale, want) in cases {
            assert_eq!(issue.message(locale), want);
        }
        // What the notice shows: a range refusal names the limit.
        let described: &[(Issue, Locale, &str)] = &[
            (
                Issue::Range(InputId::PE_KUAISHOU, RangeError::AboveMax),
                Locale::Hant,
                "不可高於1000倍",
            ),
            (
                Issue::Range(InputId::MARKET_CAP, RangeError::BelowMin),
                Locale::En,
                "Cannot be below RMB 0",
            ),
            (Issue::TooLong, Locale::En, "Too long"),
        ];
        for &(issue, locale, want) in described {
            assert_eq!(issue.describe(locale), want);
        }
    }

    /// Any value an input accepts, spread over magnitudes and short decimals.
    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    fn value_for(id: InputId) -> impl Strategy<Value = f64> {
        let spec = id.spec();
        let (lo, hi) = (spec.min, spec.max);
        prop_oneof![
            (0.0f64..1.0).prop_map(move |t| lo + t * (hi - lo)),
            (-1e6f64..1e6, 0u32..6).prop_map(move |(m, d)| m.round() / 10f64.powi(d as i32)),
            (0.0f64..1.0, 0i32..16).prop_map(|(t, e)| t * 10f64.powi(e)),
            proptest::num::f64::ANY,
        ]
        .prop_filter_map("in range", move |v| spec.check(v).ok())
    }

    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    fn any_inputs() -> impl Strategy<Value = Inputs> {
        let per_input: Vec<_> = InputId::ALL
            .into_iter()
            .map(|id| proptest::option::of(value_for(id)))
            .collect();
        per_input.prop_map(|vals| {
            let mut inputs = Inputs::published();
            for (id, v) in InputId::ALL.into_iter().zip(vals) {
                if let Some(v) = v {
                    inputs.set(id, v).unwrap();
                }
            }
            inputs
        })
    }

    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    proptest! {
        #[test]
        fn round_trip(inputs in any_inputs(), instance in 1u32..50, host in "[a-z]{1,5}=[a-z0-9%]{0,6}") {
            let query = share_query(&["?", &host].concat(), &inputs, instance);
            let d = decode(&query, instance);
            prop_assert!(d.ignored.is_empty(), "{:?}", d.ignored);
            for id in InputId::ALL {
                prop_assert_eq!(
                    d.inputs.override_of(id).map(f64::to_bits),
                    inputs.override_of(id).map(f64::to_bits)
                );
            }
            prop_assert!(query.starts_with(&["?", &host].concat()));
            prop_assert!(query.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~:%=&?".contains(&b)), "{}", query);
        }

        #[test]
        fn never_panics(query in ".{0,300}", instance in 0u32..3) {
            let d = decode(&query, instance);
            for i in &d.ignored {
                prop_assert!(i.item.chars().count() <= SHOWN);
            }
        }

        #[test]
        fn never_panics_near_valid(items in proptest::collection::vec("[a-z_0-9]{0,30}(:[-+.xeE0-9a-f%<>]{0,24})?", 0..40)) {
            let query = [ed("kc1=v1.@E~").as_str(), &items.join("~")].concat();
            let d = decode(&query, 1);
            prop_assert!(d.ignored.len() <= MAX_ITEMS + 1);
        }
    }
}
