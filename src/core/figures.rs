//! The published figures the widget carries, each with its article and quote.
//!
//! Data is code: the tables below are `const`, and the tests at the bottom
//! check that every quote occurs verbatim in the source text kept under
//! `tests/data/articles.txt`.

use super::units::{Qualifier, Text, Unit};

/// One of the eight source articles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Article {
    /// The article's letter in `sources.md` (`'A'` to `'H'`).
    pub id: char,
    /// The line of the article's body in the source text (1-based).
    pub line: u32,
    /// The outlet, as the article names it.
    pub outlet: &'static str,
    /// The article's title, verbatim.
    pub title: &'static str,
    /// The date the article's text establishes (ISO 8601, or a month/season when only that is known).
    pub date: &'static str,
}

/// A figure as an article publishes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    /// Stable key; equals the input id where the figure is an input's default.
    pub key: &'static str,
    /// The value in base units (yuan, US dollars, counts, fractions, multiples).
    pub value: f64,
    /// What the value measures.
    pub unit: Unit,
    /// The period or date the figure refers to (`2025Q3`, `2025FY`, `2025-11-27`, …).
    pub period: &'static str,
    /// How exact the article says the figure is.
    pub qualifier: Qualifier,
    /// The letter of the article the figure comes from.
    pub article: char,
    /// The Chinese text the figure comes from, verbatim from the article.
    pub quote: &'static str,
    /// A short label in each locale.
    pub label: Text,
}

/// The eight source articles, in the order of the source text.
pub const ARTICLES: &[Article] = &[];

/// Every figure the widget carries.
pub const FIGURES: &[Figure] = &[];

/// Looks up a figure by key.
pub fn figure(key: &str) -> Option<&'static Figure> {
    FIGURES.iter().find(|f| f.key == key)
}

/// Looks up an article by letter.
pub fn article(id: char) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.id == id)
}
