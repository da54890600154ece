//! Quarters as the compiled tables carry them.
//!
//! The data files name periods (`2025Q3`); the build turns each input's
//! period into a [`Quarter`] and words every label and sentence for its
//! quarter, so code can ask "which quarter" and "the latest"
//! ([`super::edition::LATEST`]) without naming one.

/// A fiscal quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// The fiscal year.
    pub year: u16,
    /// 1 to 4.
    pub q: u8,
}
