//! The figures edition and the widget's own words, derived from `data/`.
//!
//! The edition id is the latest quarter plus a short hash of the published
//! figures, computed by the build: it changes exactly when a figure, a
//! default or a metric changes, and no one edits it by hand. Share links,
//! CSV exports and citations carry it; [`PAST_EDITIONS`] lets a link from an
//! earlier edition name the figures that have changed since.

use super::period::Quarter;
use super::units::{Locale, Text};

include!(concat!(env!("OUT_DIR"), "/data_edition.rs"));

/// The inputs whose published starting value changed since `edition`, or
/// `None` when the edition is not a known earlier one.
pub fn changed_since(edition: &str) -> Option<&'static [&'static str]> {
    PAST_EDITIONS
        .iter()
        .find(|(id, _)| *id == edition)
        .map(|(_, changed)| *changed)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Figures as of 27 Nov 2025 · edition 2025q3-…" in `locale`.
pub fn footer(locale: Locale) -> String {
    let mut out = String::new();
    let (y, rest) = AS_OF.split_once('-').unwrap_or((AS_OF, ""));
    let (m, d) = rest.split_once('-').unwrap_or(("", ""));
    let month: usize = m.parse().unwrap_or(0);
    let day = d.trim_start_matches('0');
    const AS_OF_WORDS: Text = Text {
        hant: "數據截至",
        hans: "数据截至",
        en: "Figures as of ",
    };
    const EDITION_WORD: Text = Text {
        hant: " · 版本 ",
        hans: " · 版本 ",
        en: " · edition ",
    };
    out.push_str(AS_OF_WORDS.get(locale));
    if locale.is_chinese() {
        for part in [y, "年", m.trim_start_matches('0'), "月", day, "日"] {
            out.push_str(part);
        }
    } else if (1..=12).contains(&month) {
        for part in [day, " ", MONTHS[month - 1], " ", y] {
            out.push_str(part);
        }
    } else {
        out.push_str(AS_OF);
    }
    out.push_str(EDITION_WORD.get(locale));
    out.push_str(EDITION);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edition_names_the_latest_quarter_and_is_short() {
        let (quarter, hash) = EDITION.split_once('-').expect("quarter-hash");
        assert_eq!(quarter, [&LATEST.year.to_string(), "q", &LATEST.q.to_string()].concat());
        assert_eq!(hash.len(), 6);
        assert!(EDITION.len() <= 16, "share links allow 16 characters");
    }

    #[test]
    fn footer_reads_in_each_language() {
        let (y, rest) = AS_OF.split_once('-').unwrap();
        for locale in Locale::ALL {
            let f = footer(locale);
            assert!(f.contains(y) && f.ends_with(EDITION), "{f}");
        }
        assert!(footer(Locale::En).starts_with("Figures as of "));
        assert!(footer(Locale::Hant).contains(&[rest.split('-').next().unwrap().trim_start_matches('0'), "月"].concat()));
    }
}
