//! The figures edition and the widget's own words, derived from `data/`.
//!
//! The edition id is the latest quarter plus a short hash of the published
//! figures, computed by the build: it changes exactly when a figure, a
//! default or a metric changes, and no one edits it by hand. Share links,
//! CSV exports and citations carry it; [`PAST_EDITIONS`] lets a link from an
//! earlier edition name the figures that have changed since.

use super::period::Quarter;
use super::units::Text;

include!(concat!(env!("OUT_DIR"), "/data_edition.rs"));

/// The inputs whose published starting value changed since `edition`, or
/// `None` when the edition is not a known earlier one.
pub fn changed_since(edition: &str) -> Option<&'static [&'static str]> {
    PAST_EDITIONS
        .iter()
        .find(|(id, _)| *id == edition)
        .map(|(_, changed)| *changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edition_names_the_latest_quarter_and_is_short() {
        let (quarter, hash) = EDITION.split_once('-').expect("quarter-hash");
        assert_eq!(
            quarter,
            [&LATEST.year.to_string(), "q", &LATEST.q.to_string()].concat()
        );
        assert_eq!(hash.len(), 6);
        assert!(EDITION.len() <= 16, "share links allow 16 characters");
    }

    #[test]
    fn footer_reads_in_each_language() {
        use crate::core::units::Locale;
        let mut parts = AS_OF.split('-');
        let (y, m, d) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        for locale in Locale::ALL {
            let f = FOOTER.get(locale);
            assert!(f.contains(y) && f.ends_with(EDITION), "{f}");
        }
        let month = m.trim_start_matches('0');
        let day = d.trim_start_matches('0');
        assert!(
            FOOTER
                .get(Locale::En)
                .starts_with(&["Figures as of ", day, " "].concat()),
            "{}",
            FOOTER.get(Locale::En)
        );
        assert!(
            FOOTER
                .get(Locale::Hant)
                .contains(&[y, "年", month, "月", day, "日"].concat()),
            "{}",
            FOOTER.get(Locale::Hant)
        );
    }
}
