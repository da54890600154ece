//! Quarters as the compiled tables carry them, and how they read.
//!
//! The data files name periods (`2025Q3`); the build turns each input's and
//! metric's period into a [`Quarter`], so code can ask "which quarter" and
//! "the latest" without naming one.

use super::units::{Locale, Text};

/// A fiscal quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// The fiscal year.
    pub year: u16,
    /// 1 to 4.
    pub q: u8,
}

/// "Q1" to "Q4".
const SHORT: [&str; 4] = ["Q1", "Q2", "Q3", "Q4"];

/// The quarter as prose: 第三季 / third quarter.
const LONG: [Text; 4] = [
    Text { hant: "第一季", hans: "第一季", en: "first quarter" },
    Text { hant: "第二季", hans: "第二季", en: "second quarter" },
    Text { hant: "第三季", hans: "第三季", en: "third quarter" },
    Text { hant: "第四季", hans: "第四季", en: "fourth quarter" },
];

/// The quarters up to this one as prose: 前三季 / the first three quarters.
const THROUGH: [Text; 4] = [
    Text { hant: "第一季", hans: "第一季", en: "the first quarter" },
    Text { hant: "上半年", hans: "上半年", en: "the first half" },
    Text { hant: "前三季", hans: "前三季", en: "the first three quarters" },
    Text { hant: "全年四季", hans: "全年四季", en: "all four quarters" },
];

impl Quarter {
    fn index(self) -> usize {
        (self.q.max(1).min(4) - 1) as usize
    }

    /// "Q3": how charts and tables name the quarter.
    pub fn short(self) -> &'static str {
        SHORT[self.index()]
    }

    /// "第三季" / "third quarter".
    pub fn long(self, locale: Locale) -> &'static str {
        LONG[self.index()].get(locale)
    }

    /// "前三季" / "the first three quarters": the year to date through this quarter.
    pub fn through(self, locale: Locale) -> &'static str {
        THROUGH[self.index()].get(locale)
    }

    /// The quarter before.
    pub fn prev(self) -> Quarter {
        if self.q <= 1 {
            Quarter { year: self.year - 1, q: 4 }
        } else {
            Quarter { year: self.year, q: self.q - 1 }
        }
    }
}
