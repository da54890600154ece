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
}

/// A piece of text in each locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// Traditional Chinese.
    pub hant: &'static str,
    /// Simplified Chinese.
    pub hans: &'static str,
    /// English.
    pub en: &'static str,
}

/// Builds a [`Text`] from its three translations; a short `const fn` so the
/// many string tables of the crate stay `const` and readable.
pub const fn t(hant: &'static str, hans: &'static str, en: &'static str) -> Text {
    Text { hant, hans, en }
}

impl Text {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Hant => self.hant,
            Locale::Hans => self.hans,
            Locale::En => self.en,
        }
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
