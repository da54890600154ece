//! Reading the numbers readers type into input fields.
//!
//! [`parse_number`] is a small hand-written scanner (no regex) that turns text
//! such as `3.5`, `１２３．５`, `1,234.5`, `−5%`, `US$1.4億`, `1億5000萬` or
//! `RMB 35.55 billion` into a value in base units, or a [`ParseError`] whose
//! [`message`](ParseError::message) tells the reader what to fix.
//!
//! Decisions worth knowing:
//! - Full-width forms (`０-９`, `．`, `，`, `＋`, `－`, `％`, `＄`, letters) are
//!   read as their ASCII twins; `−` (U+2212) is a minus; `。` is never a
//!   decimal point and is rejected as [`ParseError::Malformed`].
//! - Whitespace (ASCII, NBSP, thin and narrow spaces, U+3000, tabs) may stand
//!   around the number and its unit words but never inside the digits.
//! - Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are invisible
//!   leftovers of copy and paste and are stripped. Bidi controls
//!   (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) can make the text
//!   shown differ from the text read, so they are rejected as
//!   [`ParseError::NotANumber`].
//! - A comma groups digits only when exactly three digits follow it; `1,5` is
//!   [`ParseError::AmbiguousComma`] instead of a guess at a decimal comma.
//! - Scientific notation (`1e9`, `2.5E-3`) is accepted; `1e309`, `inf`,
//!   `Infinity` and `∞` are [`ParseError::Overflow`] (the reader needs the
//!   limit, not a word for infinity), and `NaN` is [`ParseError::NotANumber`].
//! - Chinese multipliers may be chained from large to small (`1億5000萬`);
//!   multipliers stacked with no number between (`123億萬`) are
//!   [`ParseError::StackedScales`]. The compound words 十萬, 百萬, 千萬, 十億, 百億,
//!   千億 and 萬億 (10^12, as 兆) are single multipliers.
//! - A bare number is read in the field's display [`Scale`]; any unit word
//!   (a multiplier, `%`, a currency mark, `x`/`倍`, `人`, `分鐘`) makes the text
//!   explicit, so the field's scale no longer applies (`500元` in a 億元 field
//!   is 500 yuan; `5000萬` is 5×10^7).
//! - The value is built by handing the decimal digits with a combined power of
//!   ten to the standard library's correctly rounded float parser, so `355.54`
//!   in a 億 field is exactly the double nearest 35 554 000 000.

use super::units::t;
use super::units::{Locale, Scale, Text, Unit};

/// The longest input, in characters, that is read at all; longer text is
/// [`ParseError::TooLong`] before any other check.
pub const MAX_CHARS: usize = 64;

/// The largest magnitude, in base units, that any field accepts.
pub const MAX_ABS: f64 = 1e15;

/// Why a typed text is not a usable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParseError {
    /// Nothing but whitespace was typed.
    Empty,
    /// More than [`MAX_CHARS`] characters were typed.
    TooLong,
    /// The text holds letters, symbols or controls that are not part of a number.
    NotANumber,
    /// The value is larger in magnitude than [`MAX_ABS`], infinite included.
    Overflow,
    /// Two scale words follow one number (`123億萬`, `5 million billion`).
    StackedScales,
    /// A comma is not followed by exactly three digits, so it may be a decimal comma.
    AmbiguousComma,
    /// A unit word (currency, `%`, `x`, multiplier, …) does not fit the field.
    WrongUnit,
    /// The pieces of a number are in the wrong order or repeated (`1.2.3`, `--5`, `5-`, `1 2`).
    Malformed,
}

impl ParseError {
    /// Every variant, for exhaustive checks of the messages.
    pub const ALL: [ParseError; 8] = [
        ParseError::Empty,
        ParseError::TooLong,
        ParseError::NotANumber,
        ParseError::Overflow,
        ParseError::StackedScales,
        ParseError::AmbiguousComma,
        ParseError::WrongUnit,
        ParseError::Malformed,
    ];

    /// A short, specific message telling the reader what to fix, in `locale`.
    pub fn message(self, locale: Locale) -> &'static str {
        let t = match self {
            ParseError::Empty => t!("請輸入一個數字。", "请输入一个数字。", "Please enter a number."),
            ParseError::TooLong => t!("輸入太長:最多 64 個字元。", "输入太长:最多 64 个字符。", "Too long: use at most 64 characters."),
            ParseError::NotANumber => t!("無法辨識為數字:請只輸入數字及單位,例如 3.5億。", "无法识别为数字:请只输入数字和单位,例如 3.5亿。", "Not a number: type digits and an optional unit, e.g. 3.5 billion."),
            ParseError::Overflow => t!("數值太大:最多 1000兆。", "数值太大:最多 1000万亿。", "Too large: at most 10¹⁵ (1,000 trillion)."),
            ParseError::StackedScales => t!("兩個單位詞連用(如億萬):只留一個。", "两个单位词连用(如亿万):只留一个。", "Two scale words in a row (億萬): keep one."),
            ParseError::AmbiguousComma => t!("逗號不明確:千位分隔請寫成 1,234;小數點請用'.'。", "逗号不明确:千位分隔请写成 1,234;小数点请用'.'。", "Ambiguous comma: use commas only before groups of three digits (1,234) and '.' for decimals."),
            ParseError::WrongUnit => t!("單位與此欄不符,請刪去單位或改用此欄的單位。", "单位与此栏不符,请删去单位或改用此栏的单位。", "That unit does not fit this field: remove it or use the field's unit."),
            ParseError::Malformed => t!("格式有誤:請只輸入一個數字,例如 1.5 或 -3,小數點用'.'。", "格式有误:请只输入一个数字,例如 1.5 或 -3,小数点用'.'。", "Malformed: enter a single number such as 1.5 or -3, with '.' as the decimal point."),
        };
        t.get(locale)
    }
}

/// A unit word that is not a multiplier: it must fit the field's [`Unit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// A currency mark (元, RMB, US$, 港元, …).
    Money(Unit),
    /// `%`: hundredths, whatever the field's scale.
    Percent,
    /// `x`, `×`, `倍`.
    Times,
    /// 人, 位, 名.
    People,
    /// 分鐘, min.
    Minutes,
}

/// A word recognised after (or, for currencies, before) the digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// A power of ten, and whether it is Chinese (only Chinese ones chain).
    Mul(i32, bool),
    /// A unit mark.
    Mark(Mark),
}

/// The digits of one number as typed: ASCII digits with at most one '.',
/// plus the exponent of any scientific notation.
#[derive(Debug)]
struct Num {
    digits: String,
    exp: i32,
    frac: bool,
}

/// One lexical piece of the input; whitespace only separates pieces.
#[derive(Debug)]
enum Tok {
    /// `+` (false) or `-` (true).
    Sign(bool),
    Num(Num),
    Word(Word),
}

/// Non-ASCII unit words, longest first where one is a prefix of another.
const CJK_WORDS: &[(&str, Word)] = &[
    ("萬億", Word::Mul(12, true)),
    ("万亿", Word::Mul(12, true)),
    ("十萬", Word::Mul(5, true)),
    ("十万", Word::Mul(5, true)),
    ("百萬", Word::Mul(6, true)),
    ("百万", Word::Mul(6, true)),
    ("千萬", Word::Mul(7, true)),
    ("千万", Word::Mul(7, true)),
    ("十億", Word::Mul(9, true)),
    ("十亿", Word::Mul(9, true)),
    ("百億", Word::Mul(10, true)),
    ("百亿", Word::Mul(10, true)),
    ("千億", Word::Mul(11, true)),
    ("千亿", Word::Mul(11, true)),
    ("萬", Word::Mul(4, true)),
    ("万", Word::Mul(4, true)),
    ("億", Word::Mul(8, true)),
    ("亿", Word::Mul(8, true)),
    ("兆", Word::Mul(12, true)),
    ("千", Word::Mul(3, true)),
    ("人民幣", Word::Mark(Mark::Money(Unit::Cny))),
    ("人民币", Word::Mark(Mark::Money(Unit::Cny))),
    ("元", Word::Mark(Mark::Money(Unit::Cny))),
    ("¥", Word::Mark(Mark::Money(Unit::Cny))),
    ("港元", Word::Mark(Mark::Money(Unit::Hkd))),
    ("港幣", Word::Mark(Mark::Money(Unit::Hkd))),
    ("港币", Word::Mark(Mark::Money(Unit::Hkd))),
    ("美元", Word::Mark(Mark::Money(Unit::Usd))),
    ("美金", Word::Mark(Mark::Money(Unit::Usd))),
    ("$", Word::Mark(Mark::Money(Unit::Usd))),
    ("%", Word::Mark(Mark::Percent)),
    ("×", Word::Mark(Mark::Times)),
    ("倍", Word::Mark(Mark::Times)),
    ("人", Word::Mark(Mark::People)),
    ("位", Word::Mark(Mark::People)),
    ("名", Word::Mark(Mark::People)),
    ("分鐘", Word::Mark(Mark::Minutes)),
    ("分钟", Word::Mark(Mark::Minutes)),
];

/// Reads `text` typed into a field of `unit` shown in `scale` and returns the
/// value in base units (positive zero for any zero), or why it cannot be read.
pub fn parse_number(text: &str, unit: Unit, scale: Scale) -> Result<f64, ParseError> {
    // Length first, so no later step ever works on unbounded input.
    if text.chars().count() > MAX_CHARS {
        return Err(ParseError::TooLong);
    }
    let mut chars = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(n) = normalize(c)? {
            chars.push(n);
        }
    }
    if chars.iter().all(|&c| c == ' ') {
        return Err(ParseError::Empty);
    }
    evaluate(&tokenize(strip_qualifier(&chars))?, unit, scale)
}

/// Words and signs that qualify a displayed figure ("超過3億元", "≈ RMB 5 billion").
/// A reader who pastes what the widget shows means the number itself.
/// Longer words first: "超過" must win over "超".
const QUALIFIERS: &[&str] = &[
    "超過", "超过", "不足", "不到", "約", "约", "近", "逾", "超", "≈", "≥", "≤", "~", "<", ">",
];

/// Drops one leading qualifier (after any spaces).
fn strip_qualifier(c: &[char]) -> &[char] {
    let start = c.iter().position(|&ch| ch != ' ').unwrap_or(0);
    let rest = &c[start..];
    match QUALIFIERS.iter().find(|q| starts_with(rest, q)) {
        Some(q) => &rest[q.chars().count()..],
        None => c,
    }
}

/// Folds a character to the form the scanner reads: full-width to ASCII, every
/// space to ' ', zero-width characters to nothing; bidi controls are refused.
fn normalize(c: char) -> Result<Option<char>, ParseError> {
    Ok(Some(match c {
        '\t'
        | '\n'
        | '\r'
        | '\u{a0}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => ' ',
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => return Ok(None),
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            return Err(ParseError::NotANumber)
        }
        // The full-width block U+FF01–U+FF5E mirrors ASCII '!'–'~' at a fixed offset.
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{2212}' => '-',
        '\u{ffe5}' => '¥',
        _ => c,
    }))
}

/// True if `s` starts with the characters of `word`.
fn starts_with(s: &[char], word: &str) -> bool {
    word.chars().enumerate().all(|(n, w)| s.get(n) == Some(&w))
}

/// Splits normalized characters into signs, numbers and words.
fn tokenize(c: &[char]) -> Result<Vec<Tok>, ParseError> {
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(&ch) = c.get(i) {
        if ch == ' ' {
            i += 1;
        } else if ch.is_ascii_digit()
            || (ch == '.' && c.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            let (num, j) = scan_number(c, i)?;
            // "0x10" and friends are programmer notation, not a reader's figure.
            if num.digits == "0"
                && matches!(c.get(j), Some('x' | 'X'))
                && c.get(j + 1).is_some_and(char::is_ascii_alphanumeric)
            {
                return Err(ParseError::NotANumber);
            }
            toks.push(Tok::Num(num));
            i = j;
        } else if ch == '+' || ch == '-' {
            toks.push(Tok::Sign(ch == '-'));
            i += 1;
        } else if ch.is_ascii_alphabetic() {
            let start = i;
            while c.get(i).is_some_and(char::is_ascii_alphabetic) {
                i += 1;
            }
            let mut word = String::new();
            for x in c.get(start..i).unwrap_or(&[]) {
                word.push(x.to_ascii_lowercase());
            }
            if c.get(i) == Some(&'$') && (word == "us" || word == "hk") {
                word.push('$');
                i += 1;
            }
            toks.push(Tok::Word(ascii_word(&word)?));
        } else if ch == '∞' {
            return Err(ParseError::Overflow);
        } else if matches!(ch, '.' | ',' | '。' | '、') {
            // Stray separators: close to a number, but not one.
            return Err(ParseError::Malformed);
        } else {
            let rest = c.get(i..).unwrap_or(&[]);
            match CJK_WORDS.iter().find(|(w, _)| starts_with(rest, w)) {
                Some((w, word)) => {
                    toks.push(Tok::Word(*word));
                    i += w.chars().count();
                }
                None => return Err(ParseError::NotANumber),
            }
        }
    }
    Ok(toks)
}

/// Reads a run of ASCII letters (lower-cased) as a unit word.
fn ascii_word(word: &str) -> Result<Word, ParseError> {
    Ok(match word {
        "k" | "thousand" => Word::Mul(3, false),
        "m" | "mn" | "million" | "millions" => Word::Mul(6, false),
        "b" | "bn" | "billion" | "billions" => Word::Mul(9, false),
        "tn" | "trillion" | "trillions" => Word::Mul(12, false),
        "rmb" | "cny" => Word::Mark(Mark::Money(Unit::Cny)),
        "usd" | "us$" => Word::Mark(Mark::Money(Unit::Usd)),
        "hkd" | "hk$" => Word::Mark(Mark::Money(Unit::Hkd)),
        "x" => Word::Mark(Mark::Times),
        "min" | "mins" | "minute" | "minutes" => Word::Mark(Mark::Minutes),
        "inf" | "infinity" => return Err(ParseError::Overflow),
        _ => return Err(ParseError::NotANumber),
    })
}

/// Scans digits with grouping commas, one decimal point and an optional
/// exponent, starting at `i`; returns the number and the index after it.
fn scan_number(c: &[char], mut i: usize) -> Result<(Num, usize), ParseError> {
    let mut digits = String::new();
    let mut frac = false;
    // Digits since the start or the last grouping comma, to validate groups.
    let mut group_len = 0usize;
    let mut grouped = false;
    while let Some(&ch) = c.get(i) {
        if ch.is_ascii_digit() {
            digits.push(ch);
            group_len += 1;
        } else if ch == '.' {
            if frac {
                return Err(ParseError::Malformed);
            }
            frac = true;
            digits.push('.');
        } else if ch == ',' {
            if frac {
                // "1.234,5": a European decimal comma after a grouping point.
                return Err(ParseError::AmbiguousComma);
            }
            let run = c
                .get(i + 1..)
                .unwrap_or(&[])
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            if run == 0 {
                return Err(ParseError::Malformed);
            }
            if run != 3 {
                return Err(ParseError::AmbiguousComma);
            }
            // The first group has 1–3 digits; later ones exactly 3 (guaranteed by `run`).
            if group_len > 3 || (grouped && group_len != 3) {
                return Err(ParseError::Malformed);
            }
            grouped = true;
            group_len = 0;
        } else {
            break;
        }
        i += 1;
    }
    let mut exp = 0i32;
    if matches!(c.get(i), Some('e' | 'E')) {
        let mut j = i + 1;
        let neg = c.get(j) == Some(&'-');
        if matches!(c.get(j), Some('+' | '-')) {
            j += 1;
        }
        if c.get(j).is_some_and(char::is_ascii_digit) {
            while let Some(d) = c.get(j).and_then(|d| d.to_digit(10)) {
                // Saturate: anything this large is already infinite or zero.
                exp = (exp * 10 + d as i32).min(100_000);
                j += 1;
            }
            if neg {
                exp = -exp;
            }
            i = j;
        }
    }
    Ok((Num { digits, exp, frac }, i))
}

/// True if a unit mark may be typed in a field of `unit`.
fn fits(unit: Unit, mark: Mark) -> bool {
    match mark {
        Mark::Money(u) => u == unit,
        Mark::Percent => matches!(unit, Unit::Share | Unit::Change),
        Mark::Times => unit == Unit::Multiple,
        Mark::People => unit == Unit::Count,
        Mark::Minutes => unit == Unit::Minutes,
    }
}

/// The value of `num` × 10^`shift`.
///
/// Correctly rounded whenever the significant digits fit in 2^53 and the
/// decimal exponent is within ±22 (Clinger's fast path: both factors are then
/// exact doubles and one IEEE multiplication or division rounds once), which
/// covers everything a reader types into these fields ("355.54" in a 億 field
/// is exactly 35554000000.0). Beyond that the result is within a few ulps.
/// This replaces `str::parse::<f64>`, whose tables and big-number fallback
/// cost about 16 KB of wasm.
fn decimal_value(num: &Num, shift: i32) -> Result<f64, ParseError> {
    let mut mantissa: u64 = 0;
    let mut exp10: i64 = i64::from(num.exp) + i64::from(shift);
    let mut after_point = false;
    for b in num.digits.bytes() {
        match b {
            b'.' => after_point = true,
            b'0'..=b'9' => {
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if after_point {
                        exp10 -= 1;
                    }
                } else if !after_point {
                    // Digits past 19 significant ones only scale the value.
                    exp10 += 1;
                }
            }
            _ => return Err(ParseError::Malformed),
        }
    }
    if mantissa == 0 {
        return Ok(0.0);
    }
    if exp10 > 400 {
        return Ok(f64::INFINITY);
    }
    if exp10 < -400 {
        return Ok(0.0);
    }
    let m = mantissa as f64;
    let e = exp10 as i32;
    Ok(if mantissa < (1 << 53) && (-22..=22).contains(&e) {
        if e >= 0 {
            m * POW10[e as usize]
        } else {
            m / POW10[(-e) as usize]
        }
    } else if e >= 0 {
        m * 10f64.powi(e)
    } else {
        // Two steps keep 10^-e finite for e down to -400.
        m / 10f64.powi((-e).min(300)) / 10f64.powi((-e - 300).max(0))
    })
}

/// Powers of ten that are exact doubles.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Checks the order of the tokens and computes the value in base units.
fn evaluate(toks: &[Tok], unit: Unit, scale: Scale) -> Result<f64, ParseError> {
    let mut neg = false;
    let mut signed = false;
    let mut percent = false;
    let mut marked = false;
    let mut mark = |m: Mark, percent: &mut bool| -> Result<(), ParseError> {
        if !fits(unit, m) {
            return Err(ParseError::WrongUnit);
        }
        if m == Mark::Percent {
            if *percent {
                return Err(ParseError::Malformed);
            }
            *percent = true;
        }
        marked = true;
        Ok(())
    };
    let mut i = 0;
    // Before the digits: one sign and currency marks, in either order ("-¥5", "¥-5").
    while let Some(t) = toks.get(i) {
        match t {
            Tok::Sign(n) if !signed => {
                signed = true;
                neg = *n;
            }
            Tok::Word(Word::Mark(m)) => {
                // A unit that cannot fit is the more useful complaint ("%" in a 元 field).
                mark(*m, &mut percent)?;
                if !matches!(m, Mark::Money(_)) {
                    return Err(ParseError::Malformed);
                }
            }
            Tok::Num(_) => break,
            _ => return Err(ParseError::Malformed),
        }
        i += 1;
    }
    // The digits: one number with an optional multiplier, or a chain of
    // numbers each with a Chinese multiplier ("1億5000萬").
    let mut groups: Vec<(&Num, Option<(i32, bool)>)> = Vec::new();
    while let Some(Tok::Num(num)) = toks.get(i) {
        i += 1;
        let mul = match toks.get(i) {
            Some(Tok::Word(Word::Mul(e, zh))) => {
                i += 1;
                Some((*e, *zh))
            }
            _ => None,
        };
        groups.push((num, mul));
        if !matches!(mul, Some((_, true))) {
            break;
        }
    }
    if groups.is_empty() {
        // A sign or a currency mark alone.
        return Err(ParseError::NotANumber);
    }
    // After the digits: unit marks only; a multiplier straight after the
    // number's own is stacked ("億萬").
    while let Some(t) = toks.get(i) {
        match t {
            Tok::Word(Word::Mark(m)) => mark(*m, &mut percent)?,
            Tok::Word(Word::Mul(..))
                if matches!(toks.get(i - 1), Some(Tok::Word(Word::Mul(..)))) =>
            {
                return Err(ParseError::StackedScales)
            }
            _ => return Err(ParseError::Malformed),
        }
        i += 1;
    }
    let has_mul = groups.iter().any(|g| g.1.is_some());
    if has_mul && !matches!(unit, Unit::Cny | Unit::Usd | Unit::Hkd | Unit::Count) {
        return Err(ParseError::WrongUnit);
    }
    if has_mul && percent {
        return Err(ParseError::Malformed);
    }
    let compound = groups.len() > 1;
    let last = groups.len() - 1;
    let mut total = 0.0f64;
    let mut prev: Option<i32> = None;
    for (k, (num, mul)) in groups.iter().enumerate() {
        let shift = match mul {
            Some((e, zh)) => {
                // In a chain every multiplier is Chinese and smaller than the one
                // before, and only the last part may have decimals.
                if compound && (!zh || prev.is_some_and(|p| *e >= p) || (k < last && num.frac)) {
                    return Err(ParseError::Malformed);
                }
                *e
            }
            None if compound => return Err(ParseError::Malformed),
            None if percent => -2,
            None if has_mul || marked => 0,
            None => scale.exponent(),
        };
        let part = decimal_value(num, shift)?;
        // "1億15000萬" would overlap the 億 place: reject rather than add.
        if let Some(p) = prev {
            if part >= 10f64.powi(p) {
                return Err(ParseError::Malformed);
            }
        }
        prev = Some(shift);
        total += part;
    }
    if neg {
        total = -total;
    }
    // Infinity (1e309) fails this too: its reader needs the limit.
    if !total.is_finite() || total.abs() > MAX_ABS {
        return Err(ParseError::Overflow);
    }
    // Adding +0.0 turns -0.0 into +0.0 and leaves every other value alone.
    Ok(total + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParseError::*;
    use Scale::*;

    #[test]
    fn messages_use_the_widgets_punctuation() {
        // The widget's Chinese text uses ASCII , : ; ( ) with 。 ending a
        // sentence (data/*.toml, every label); a message beside it in
        // full-width punctuation read as from another hand.
        for e in ParseError::ALL {
            for l in Locale::ALL {
                let m = e.message(l);
                assert!(
                    !m.contains(['：', '，', '；', '（', '）', '「', '」', '“', '”']),
                    "{e:?} {l:?}: {m}"
                );
                assert!(
                    m.ends_with(if l.is_chinese() { "。" } else { "." }),
                    "{e:?} {l:?}: {m}"
                );
            }
        }
    }
    use Unit::*;

    type Case = (&'static str, Unit, Scale, Result<f64, ParseError>);

    const CASES: &[Case] = &[
        // Bare numbers in the field's scale.
        ("3.5", Cny, Yi, Ok(3.5e8)),
        ("355.54", Cny, Yi, Ok(355.54e8)),
        ("500", Count, Wan, Ok(5e6)),
        ("14.2", Change, Percent, Ok(0.142)),
        ("14.2", Change, One, Ok(14.2)),
        ("0.84", Share, Percent, Ok(0.0084)),
        ("13.12", Multiple, One, Ok(13.12)),
        ("35.55", Cny, Billion, Ok(35.55e9)),
        ("300", Usd, Million, Ok(3e8)),
        (".5", Cny, One, Ok(0.5)),
        ("5.", Cny, One, Ok(5.0)),
        // Full-width forms.
        ("４億", Cny, Yi, Ok(4e8)),
        ("１２３．５", Cny, One, Ok(123.5)),
        ("１，２３４", Cny, One, Ok(1234.0)),
        ("１２３。５", Cny, One, Err(Malformed)),
        ("＋5", Change, Percent, Ok(0.05)),
        // Signs.
        ("−5", Change, Percent, Ok(-0.05)),
        ("－5", Change, Percent, Ok(-0.05)),
        ("-5", Change, Percent, Ok(-0.05)),
        ("+3.3%", Change, Percent, Ok(0.033)),
        ("−3.26%", Change, One, Ok(-0.0326)),
        ("-¥5", Cny, One, Ok(-5.0)),
        ("¥-5", Cny, One, Ok(-5.0)),
        ("--5", Cny, One, Err(Malformed)),
        ("5-", Cny, One, Err(Malformed)),
        ("-", Cny, One, Err(NotANumber)),
        // Whitespace.
        (" 3\u{a0}億 ", Cny, One, Ok(3e8)),
        ("3\u{2009}億", Cny, One, Ok(3e8)),
        ("\t3\u{202f}億\u{3000}元", Cny, One, Ok(3e8)),
        ("RMB 35.55 billion", Cny, Yi, Ok(35.55e9)),
        ("1 234", Cny, One, Err(Malformed)),
        // Grouping commas.
        ("1,234.5", Cny, One, Ok(1234.5)),
        ("12,345,678", Count, One, Ok(12_345_678.0)),
        ("1,5", Cny, One, Err(AmbiguousComma)),
        ("1,2345", Cny, One, Err(AmbiguousComma)),
        ("1.234,5", Cny, One, Err(AmbiguousComma)),
        ("1234,567", Cny, One, Err(Malformed)),
        ("1,", Cny, One, Err(Malformed)),
        (",5", Cny, One, Err(Malformed)),
        // Chinese multipliers.
        ("3億", Cny, One, Ok(3e8)),
        ("5000萬", Cny, Yi, Ok(5e7)),
        ("5000万", Cny, Yi, Ok(5e7)),
        ("1億5000萬", Cny, Yi, Ok(1.5e8)),
        ("1億 5000萬元", Cny, Yi, Ok(1.5e8)),
        ("1億5千萬", Cny, One, Ok(1.5e8)),
        ("2兆", Cny, One, Ok(2e12)),
        ("1.2萬億", Cny, One, Ok(1.2e12)),
        ("3百萬", Cny, One, Ok(3e6)),
        ("8千", Count, One, Ok(8e3)),
        ("１２３億萬", Cny, One, Err(StackedScales)),
        ("5 million billion", Cny, One, Err(StackedScales)),
        ("3億元萬", Cny, One, Err(Malformed)),
        ("1億5000", Cny, One, Err(Malformed)),
        ("1億15000萬", Cny, One, Err(Malformed)),
        ("5000萬1億", Cny, One, Err(Malformed)),
        ("1.5億5000萬", Cny, One, Err(Malformed)),
        ("億", Cny, One, Err(Malformed)),
        // English multipliers.
        ("0.3bn", Cny, Yi, Ok(3e8)),
        ("300m", Cny, Yi, Ok(3e8)),
        ("300 Million", Cny, One, Ok(3e8)),
        ("1.4B", Usd, One, Ok(1.4e9)),
        ("50k", Count, One, Ok(5e4)),
        ("1b500m", Cny, One, Err(Malformed)),
        // Currency marks.
        ("2,690億元", Cny, Yi, Ok(2.69e11)),
        ("2690億港元", Hkd, Yi, Ok(2.69e11)),
        ("HK$274.5 billion", Hkd, One, Ok(2.745e11)),
        ("US$1.4億", Usd, Yi, Ok(1.4e8)),
        ("US$1.4億", Cny, Yi, Err(WrongUnit)),
        ("$140 million", Usd, One, Ok(1.4e8)),
        ("1.4億美元", Usd, One, Ok(1.4e8)),
        ("￥85.47", Cny, One, Ok(85.47)),
        ("85.47元", Cny, Yi, Ok(85.47)),
        ("人民幣 3億", Cny, One, Ok(3e8)),
        ("CNY 5", Cny, One, Ok(5.0)),
        ("5 usd", Cny, One, Err(WrongUnit)),
        ("5元", Count, One, Err(WrongUnit)),
        ("5元", Share, Percent, Err(WrongUnit)),
        // Percent, multiples, counts, minutes.
        ("14.2%", Change, Percent, Ok(0.142)),
        ("14.2％", Share, One, Ok(0.142)),
        ("14.2%%", Share, One, Err(Malformed)),
        ("%", Cny, One, Err(WrongUnit)),
        ("5%", Cny, One, Err(WrongUnit)),
        ("5萬%", Share, One, Err(WrongUnit)),
        ("13.12x", Multiple, One, Ok(13.12)),
        ("13.12X", Multiple, One, Ok(13.12)),
        ("13.12×", Multiple, One, Ok(13.12)),
        ("13.12倍", Multiple, One, Ok(13.12)),
        ("13.12倍", Cny, One, Err(WrongUnit)),
        ("5萬人", Count, One, Ok(5e4)),
        ("5000人", Count, Wan, Ok(5e3)),
        ("4.16億", Count, Wan, Ok(4.16e8)),
        ("134.1分鐘", Minutes, One, Ok(134.1)),
        ("134.1 min", Minutes, One, Ok(134.1)),
        ("134.1分钟", Count, One, Err(WrongUnit)),
        ("3k", Multiple, One, Err(WrongUnit)),
        // Scientific notation and limits.
        ("1e9", Cny, One, Ok(1e9)),
        ("2.5E-3", Share, One, Ok(0.0025)),
        ("1e309", Cny, One, Err(Overflow)),
        ("-1e309", Cny, One, Err(Overflow)),
        ("1e999999", Cny, One, Err(Overflow)),
        ("1e20", Cny, One, Err(Overflow)),
        ("1e8", Cny, Yi, Err(Overflow)),
        ("1e-400", Cny, One, Ok(0.0)),
        ("1e", Cny, One, Err(NotANumber)),
        // Junk.
        ("", Cny, One, Err(Empty)),
        ("   ", Cny, One, Err(Empty)),
        ("\u{3000}\u{a0}", Cny, One, Err(Empty)),
        ("NaN", Cny, One, Err(NotANumber)),
        ("超過3億元", Cny, Yi, Ok(3e8)),
        ("≈ RMB 5 billion", Cny, Billion, Ok(5e9)),
        ("≥ 0.84%", Share, Percent, Ok(0.0084)),
        ("約7.1429", CnyPerUsd, One, Ok(7.1429)),
        ("超過", Cny, Yi, Err(NotANumber)),
        // As the articles write them.
        ("超1億元", Cny, One, Ok(1e8)),
        ("不到1%", Share, One, Ok(0.01)),
        ("逾50億", Cny, One, Ok(50e8)),
        ("超", Cny, One, Err(NotANumber)),
        ("Infinity", Cny, One, Err(Overflow)),
        ("inf", Cny, One, Err(Overflow)),
        ("-inf", Cny, One, Err(Overflow)),
        ("∞", Cny, One, Err(Overflow)),
        ("<img src=x onerror=alert(1)>", Cny, One, Err(NotANumber)),
        ("0x10", Cny, One, Err(NotANumber)),
        ("0x10", Multiple, One, Err(NotANumber)),
        ("1.2.3", Cny, One, Err(Malformed)),
        ("😀", Cny, One, Err(NotANumber)),
        ("5😀", Cny, One, Err(NotANumber)),
        ("\u{202E}5", Cny, One, Err(NotANumber)),
        ("5\u{2066}", Cny, One, Err(NotANumber)),
        ("\u{200b}5\u{feff}", Cny, One, Ok(5.0)),
        ("abc", Cny, One, Err(NotANumber)),
        ("1 2", Cny, One, Err(Malformed)),
        ("5 5萬", Cny, One, Err(Malformed)),
    ];

    fn same(a: f64, b: f64) -> bool {
        a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
    }

    #[test]
    fn table() {
        assert!(CASES.len() >= 60);
        for &(text, unit, scale, want) in CASES {
            let got = parse_number(text, unit, scale);
            let ok = match (got, want) {
                (Ok(g), Ok(w)) => same(g, w),
                (g, w) => g == w,
            };
            assert!(
                ok,
                "{text:?} {unit:?} {scale:?}: got {got:?}, want {want:?}"
            );
        }
    }

    #[test]
    fn exact_values() {
        // Correct rounding: the result is the double nearest the typed decimal.
        assert_eq!(parse_number("355.54", Cny, Yi), Ok(35_554_000_000.0));
        assert_eq!(parse_number("14.2", Change, Percent), Ok(0.142));
        assert_eq!(parse_number("0.3bn", Cny, Yi), Ok(3e8));
    }

    #[test]
    fn negative_zero_is_positive() {
        for t in ["-0", "−0", "-0.000", "-0e5", "-0億"] {
            let v = parse_number(t, Cny, Yi).unwrap();
            assert!(v == 0.0 && v.is_sign_positive(), "{t}");
        }
        let v = parse_number("-0", Change, Percent).unwrap();
        assert!(v.is_sign_positive());
    }

    #[test]
    fn length_is_checked_first() {
        let long: String = "1".repeat(65);
        assert_eq!(parse_number(&long, Cny, One), Err(TooLong));
        let long_junk: String = "😀".repeat(65);
        assert_eq!(parse_number(&long_junk, Cny, One), Err(TooLong));
        let ok: String = "1".repeat(15);
        assert_eq!(parse_number(&ok, Cny, One), Ok(111_111_111_111_111.0));
        // 64 characters (counted in chars, not bytes) are still read.
        let spaced = " ".repeat(30) + "５" + &" ".repeat(33);
        assert_eq!(spaced.chars().count(), 64);
        assert_eq!(parse_number(&spaced, Cny, One), Ok(5.0));
    }

    /// Issue 12, item 9: readers never see programmer words, and the messages
    /// for what they type say what to do: the limit, or which word to drop.
    #[test]
    fn messages_speak_to_readers() {
        const PROGRAMMER: [&str; 5] = ["NaN", "nan", "Infinity", "undefined", "null"];
        for e in ParseError::ALL {
            for locale in Locale::ALL {
                let m = e.message(locale);
                for word in PROGRAMMER {
                    assert!(!m.contains(word), "{e:?} {locale:?}: {m}");
                }
            }
        }
        // (typed text, what the message must name, per locale)
        let cases: [(&str, [&str; 3]); 3] = [
            ("1e309", ["1000兆", "1000万亿", "10¹⁵"]),
            ("Infinity", ["1000兆", "1000万亿", "10¹⁵"]),
            ("１２３億萬", ["億萬", "亿万", "scale words"]),
        ];
        for (text, names) in cases {
            let e = parse_number(text, Cny, Yi).unwrap_err();
            for (locale, name) in Locale::ALL.into_iter().zip(names) {
                assert!(
                    e.message(locale).contains(name),
                    "{text} {locale:?}: {}",
                    e.message(locale)
                );
            }
        }
    }

    #[test]
    fn messages_are_distinct_and_present() {
        for locale in Locale::ALL {
            let mut seen: Vec<&str> = Vec::new();
            for e in ParseError::ALL {
                let m = e.message(locale);
                assert!(!m.trim().is_empty(), "{e:?} {locale:?}");
                assert!(!seen.contains(&m), "{e:?} {locale:?} repeats");
                seen.push(m);
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,70}") {
            for unit in Unit::ALL {
                if let Ok(v) = parse_number(&s, unit, Yi) {
                    proptest::prop_assert!(v.is_finite() && v.abs() <= MAX_ABS);
                    proptest::prop_assert!(v != 0.0 || v.is_sign_positive());
                }
            }
        }

        #[test]
        fn never_panics_on_number_like(s in "[-+−0-9０-９.,，．e億萬万元%x $¥]{0,20}") {
            let _ = parse_number(&s, Cny, Wan);
            let _ = parse_number(&s, Share, Percent);
        }

        #[test]
        fn plain_decimals_match_the_standard_parser(int in 0u64..10_000_000_000, frac in 0u32..10_000, exp in -6i32..=10) {
            // What readers type (up to 14 significant digits, modest exponents)
            // must come out exactly as the correctly rounded standard parser does.
            let mut text = int.to_string();
            if frac > 0 {
                text.push('.');
                text.push_str(&format!("{frac:04}"));
            }
            text.push_str(&format!("e{exp}"));
            let expected: f64 = text.parse().unwrap();
            if expected <= MAX_ABS {
                proptest::prop_assert_eq!(parse_number(&text, Multiple, One), Ok(expected));
            }
        }
    }
}
