//! Shared vocabulary of the core: locales, units, display scales and qualifiers.
//!
//! Every value in the core is stored in base units (yuan, US dollars, counts,
//! fractions, multiples); [`Scale`] only affects how a value is shown or typed.

/// The three languages the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Traditional Chinese, the sources' script and the default.
    Hant,
    /// Simplified Chinese.
    Hans,
    /// English.
    En,
}

impl Locale {
    /// All locales, default first.
    pub const ALL: [Locale; 3] = [Locale::Hant, Locale::Hans, Locale::En];

    /// The BCP 47 tag used in `lang`, `data-lang` and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Hant => "zh-Hant",
            Locale::Hans => "zh-Hans",
            Locale::En => "en",
        }
    }

    /// Reads a tag leniently (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-Hans`, `zh-CN`, `zh`, `en`, `en-US`, …).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let t = tag.trim().to_ascii_lowercase();
        match t.as_str() {
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" | "hant" | "zh" => Some(Locale::Hant),
            "zh-hans" | "zh-cn" | "zh-sg" | "hans" => Some(Locale::Hans),
            _ if t == "en" || t.starts_with("en-") => Some(Locale::En),
            _ => None,
        }
    }

    /// True for both Chinese scripts, which scale numbers by 萬 and 億.
    pub fn is_chinese(self) -> bool {
        !matches!(self, Locale::En)
    }

    /// What joins a message and what it names ("cannot be computed: …").
    pub fn colon(self) -> &'static str {
        if self.is_chinese() {
            ":"
        } else {
            ": "
        }
    }
}

/// A piece of text in each locale: one string, the Traditional Chinese, the
/// Simplified Chinese and the English joined by [`Text::SEP`], or a single
/// text that reads the same in all three (a day, a symbol).
///
/// One `&str` rather than three because the wasm carries about 520 of these:
/// three pointer-and-length pairs each were 12 KB of addresses that gzip could
/// not compress (about 3 KB of the served widget), and the three translations
/// side by side compress against each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text(&'static str);

/// Builds a [`Text`] from its three translations (string literals), checked
/// when the crate compiles: `t!("中文", "中文", "English")`. `Text` must be in
/// scope where it is used (the build script and the `edition` tool include
/// this file under another path, so the macro cannot name a full path).
macro_rules! t {
    ($hant:literal, $hans:literal, $en:literal $(,)?) => {
        const { Text::joined(concat!($hant, "\u{1f}", $hans, "\u{1f}", $en)) }
    };
}
pub(crate) use t;

impl Text {
    /// What separates the translations: the ASCII unit separator, which no
    /// label may contain (build.rs refuses control characters in `data/`).
    pub const SEP: u8 = 0x1f;

    /// The text made of `joined`, the three translations in the order of
    /// [`Locale::ALL`] separated by [`Text::SEP`], or one text for all three
    /// (no separator); panics (a compile error in the `const` tables) on any
    /// other count.
    pub const fn joined(joined: &'static str) -> Text {
        let b = joined.as_bytes();
        let (mut i, mut seps) = (0, 0);
        while i < b.len() {
            if b[i] == Text::SEP {
                seps += 1;
            }
            i += 1;
        }
        assert!(
            seps == 2 || seps == 0,
            "a Text is three translations joined by two separators, or one text"
        );
        Text(joined)
    }

    /// The Traditional Chinese text.
    pub fn hant(&self) -> &'static str {
        self.get(Locale::Hant)
    }

    /// The Simplified Chinese text.
    pub fn hans(&self) -> &'static str {
        self.get(Locale::Hans)
    }

    /// The English text.
    pub fn en(&self) -> &'static str {
        self.get(Locale::En)
    }

    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &'static str {
        let want = match locale {
            Locale::Hant => 0,
            Locale::Hans => 1,
            Locale::En => 2,
        };
        // Split by hand: `str::split` would bring the pattern machinery for
        // one byte. SEP is ASCII, so every cut is on a character boundary.
        // A text with no separator is the whole string in every locale.
        let (mut part, mut start) = (0, 0);
        for (i, &c) in self.0.as_bytes().iter().enumerate() {
            if c == Text::SEP {
                if part == want {
                    return self.0.get(start..i).unwrap_or_default();
                }
                part += 1;
                start = i + 1;
            }
        }
        self.0.get(start..).unwrap_or_default()
    }
}

/// What a base-unit value measures; decides formatting and which typed units parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Renminbi yuan (元).
    Cny,
    /// US dollars (美元).
    Usd,
    /// Hong Kong dollars (港元).
    Hkd,
    /// A count of people or things.
    Count,
    /// A part of a whole as a fraction (0.25 shown as 25%).
    Share,
    /// A relative change as a fraction (0.142 shown as +14.2%).
    Change,
    /// A multiple such as a P/E ratio (13.12 shown as 13.12x / 13.12倍).
    Multiple,
    /// Minutes (time spent per day).
    Minutes,
    /// An exchange rate: yuan per US dollar.
    CnyPerUsd,
}

impl Unit {
    /// Every unit, for tests and tools that go over all of them.
    pub const ALL: [Unit; 9] = [
        Unit::Cny,
        Unit::Usd,
        Unit::Hkd,
        Unit::Count,
        Unit::Share,
        Unit::Change,
        Unit::Multiple,
        Unit::Minutes,
        Unit::CnyPerUsd,
    ];

    /// A stable machine name for the JS API and exports (`"cny"`, `"share"`, …).
    pub fn key(self) -> &'static str {
        match self {
            Unit::Cny => "cny",
            Unit::Usd => "usd",
            Unit::Hkd => "hkd",
            Unit::Count => "count",
            Unit::Share => "share",
            Unit::Change => "change",
            Unit::Multiple => "multiple",
            Unit::Minutes => "minutes",
            Unit::CnyPerUsd => "cny_per_usd",
        }
    }
}

/// The unit a number is shown or typed in, by which the base value is divided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    /// As is.
    One,
    /// 萬 (10^4).
    Wan,
    /// 億 (10^8).
    Yi,
    /// Million (10^6).
    Million,
    /// Billion (10^9).
    Billion,
    /// Percent (10^-2).
    Percent,
}

impl Scale {
    /// Every scale, for tests and tools that go over all of them.
    pub const ALL: [Scale; 6] = [
        Scale::One,
        Scale::Wan,
        Scale::Yi,
        Scale::Million,
        Scale::Billion,
        Scale::Percent,
    ];

    /// The power of ten a displayed number is multiplied by to get base units
    /// (億 is 8, percent −2): the one table of scales, which the parser and
    /// [`Scale::factor`] both read.
    pub const fn exponent(self) -> i32 {
        match self {
            Scale::One => 0,
            Scale::Wan => 4,
            Scale::Yi => 8,
            Scale::Million => 6,
            Scale::Billion => 9,
            Scale::Percent => -2,
        }
    }

    /// The factor a displayed number is multiplied by to get base units.
    pub fn factor(self) -> f64 {
        // Exact: every power of ten from 10^-2 to 10^9 is, and powi rounds once.
        10f64.powi(self.exponent())
    }
}

/// How exact a figure is, as its article says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// Stated as is.
    Exact,
    /// 約/近/左右/≈: approximately.
    Approx,
    /// 超過/超/破: more than this (a floor).
    Floor,
    /// 不足: less than this (a ceiling).
    Ceiling,
}

impl Qualifier {
    /// A stable machine name for the JS API and exports (`"exact"`, `"floor"`, …).
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Floor => "floor",
            Qualifier::Ceiling => "ceiling",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_gives_each_locale_its_own_part() {
        // (text, Traditional, Simplified, English): empty parts included, so
        // a cut off by one would show.
        let cases = [
            (t!("季度", "季度", "Quarter"), "季度", "季度", "Quarter"),
            (
                t!("數據表", "数据表", "Data table"),
                "數據表",
                "数据表",
                "Data table",
            ),
            (t!("", "简", "en"), "", "简", "en"),
            (t!("繁", "", ""), "繁", "", ""),
            (t!("", "", "x"), "", "", "x"),
            // One text for all three (a day): what the build emits when they agree.
            (
                Text::joined("2025-11-27"),
                "2025-11-27",
                "2025-11-27",
                "2025-11-27",
            ),
            (Text::joined(""), "", "", ""),
        ];
        for (text, hant, hans, en) in cases {
            assert_eq!(text.get(Locale::Hant), hant);
            assert_eq!(text.get(Locale::Hans), hans);
            assert_eq!(text.get(Locale::En), en);
            assert_eq!((text.hant(), text.hans(), text.en()), (hant, hans, en));
        }
    }

    #[test]
    #[should_panic(expected = "three translations joined by two separators, or one text")]
    fn a_text_of_two_parts_is_refused() {
        Text::joined("繁\u{1f}en");
    }

    #[test]
    fn scale_factors_are_exact_powers_of_ten() {
        // (scale, exponent, factor)
        let cases = [
            (Scale::One, 0, 1.0),
            (Scale::Wan, 4, 1e4),
            (Scale::Yi, 8, 1e8),
            (Scale::Million, 6, 1e6),
            (Scale::Billion, 9, 1e9),
            (Scale::Percent, -2, 1e-2),
        ];
        assert_eq!(cases.len(), Scale::ALL.len());
        for (scale, exponent, factor) in cases {
            assert_eq!(scale.exponent(), exponent);
            assert_eq!(scale.factor(), factor, "{exponent}");
        }
    }
}
