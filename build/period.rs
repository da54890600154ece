//! Periods as the data files write them (`2025Q3`, `2025FY`, `2025-11-27`, …).
//!
//! Shared by the build step (`build.rs`) and the data tests, never by the
//! widget: the widget gets periods already compiled into its tables.

use std::fmt;

/// What an observation refers to in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A fiscal quarter: `2025Q3`.
    Quarter { year: u16, q: u8 },
    /// Quarters `from` to `to` of one year, summed: `2025Q1-Q3`.
    Quarters { year: u16, from: u8, to: u8 },
    /// A whole fiscal year: `2025FY`.
    Year(u16),
    /// The year so far, as of the source's date: `2025YTD`.
    YearToDate(u16),
    /// A calendar month: `2025-09`.
    Month { year: u16, month: u8 },
    /// A day, for market data: `2025-11-27`.
    Date { year: u16, month: u8, day: u8 },
    /// Since listing: `all-time`.
    AllTime,
}

impl Period {
    /// Reads a period as the data files write it; `None` for anything else.
    pub fn parse(s: &str) -> Option<Period> {
        let num = |t: &str| -> Option<u16> {
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse().ok()
            } else {
                None
            }
        };
        let year = |t: &str| num(t).filter(|y| t.len() == 4 && (1990..=2100).contains(y));
        if s == "all-time" {
            return Some(Period::AllTime);
        }
        if let Some(y) = s.strip_suffix("FY").and_then(year) {
            return Some(Period::Year(y));
        }
        if let Some(y) = s.strip_suffix("YTD").and_then(year) {
            return Some(Period::YearToDate(y));
        }
        // `get`, not slicing: the text may be anything an editor wrote
        // (a Chinese date), and a cut inside a character would panic.
        if s.len() >= 6 && s.get(4..5) == Some("Q") {
            let y = year(s.get(..4)?)?;
            let rest = s.get(5..)?;
            let quarter = |t: &str| num(t).filter(|q| t.len() == 1 && (1..=4).contains(q));
            if let Some((a, b)) = rest.split_once("-Q") {
                let (from, to) = (quarter(a)? as u8, quarter(b)? as u8);
                return (from < to).then_some(Period::Quarters { year: y, from, to });
            }
            return Some(Period::Quarter {
                year: y,
                q: quarter(rest)? as u8,
            });
        }
        let parts: Vec<&str> = s.split('-').collect();
        match parts[..] {
            [y, m] if m.len() == 2 => {
                let month = num(m).filter(|m| (1..=12).contains(m))? as u8;
                Some(Period::Month {
                    year: year(y)?,
                    month,
                })
            }
            [y, m, d] if m.len() == 2 && d.len() == 2 => {
                let month = num(m).filter(|m| (1..=12).contains(m))? as u8;
                let year = year(y)?;
                // The month's own length: 2026-02-30 is a typo, not a day.
                let day = num(d).filter(|&d| (1..=days_in(year, month)).contains(&d))? as u8;
                Some(Period::Date { year, month, day })
            }
            _ => None,
        }
    }

    /// The quarter's year and number, for a quarter.
    pub fn quarter(self) -> Option<(u16, u8)> {
        match self {
            Period::Quarter { year, q } => Some((year, q)),
            _ => None,
        }
    }

    /// The lower-case slug used in ids: `2025q3`, `2025fy`, `2025_11_27`.
    pub fn slug(self) -> String {
        match self {
            Period::Quarter { year, q } => format!("{year}q{q}"),
            Period::Quarters { year, from, to } => format!("{year}q{from}_q{to}"),
            Period::Year(y) => format!("{y}fy"),
            Period::YearToDate(y) => format!("{y}ytd"),
            Period::Month { year, month } => format!("{year}_{month:02}"),
            Period::Date { year, month, day } => format!("{year}_{month:02}_{day:02}"),
            Period::AllTime => "all_time".to_string(),
        }
    }

    /// The last day of a period of results (a quarter, quarters or a fiscal
    /// year, which is the calendar year), as `YYYY-MM-DD`: an article can give
    /// its actual figures only after it.
    pub fn last_day(self) -> Option<String> {
        let (year, q) = match self {
            Period::Quarter { year, q } => (year, q),
            Period::Quarters { year, to, .. } => (year, to),
            Period::Year(year) => (year, 4),
            _ => return None,
        };
        Some(format!("{year}-{:02}-{}", q * 3, days_in(year, q * 3)))
    }

    /// A day this period ends on or is dated, as `YYYY-MM-DD`, where it names one.
    pub fn date(self) -> Option<String> {
        match self {
            Period::Date { year, month, day } => Some(format!("{year}-{month:02}-{day:02}")),
            _ => None,
        }
    }
}

/// The days of `month` (1 to 12) in `year`.
fn days_in(year: u16, month: u8) -> u16 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Period {
    /// The form the data files use, so messages quote what the editor wrote.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Quarter { year, q } => write!(f, "{year}Q{q}"),
            Period::Quarters { year, from, to } => write!(f, "{year}Q{from}-Q{to}"),
            Period::Year(y) => write!(f, "{y}FY"),
            Period::YearToDate(y) => write!(f, "{y}YTD"),
            Period::Month { year, month } => write!(f, "{year}-{month:02}"),
            Period::Date { year, month, day } => write!(f, "{year}-{month:02}-{day:02}"),
            Period::AllTime => f.write_str("all-time"),
        }
    }
}

/// A quarter as (year, number), with the arithmetic the metric templates use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// The fiscal year.
    pub year: u16,
    /// 1 to 4.
    pub q: u8,
}

impl Quarter {
    /// The quarter `n` quarters later (negative: earlier).
    pub fn plus(self, n: i32) -> Quarter {
        let i = self.year as i32 * 4 + (self.q as i32 - 1) + n;
        Quarter {
            year: (i.div_euclid(4)) as u16,
            q: (i.rem_euclid(4) + 1) as u8,
        }
    }

    /// `2025q3`.
    pub fn slug(self) -> String {
        format!("{}q{}", self.year, self.q)
    }

    /// As a [`Period`].
    pub fn period(self) -> Period {
        Period::Quarter {
            year: self.year,
            q: self.q,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_form_and_nothing_else() {
        let cases: &[(&str, Option<Period>)] = &[
            ("2025Q3", Some(Period::Quarter { year: 2025, q: 3 })),
            (
                "2025Q1-Q3",
                Some(Period::Quarters {
                    year: 2025,
                    from: 1,
                    to: 3,
                }),
            ),
            ("2025FY", Some(Period::Year(2025))),
            ("2025YTD", Some(Period::YearToDate(2025))),
            (
                "2025-09",
                Some(Period::Month {
                    year: 2025,
                    month: 9,
                }),
            ),
            (
                "2025-11-27",
                Some(Period::Date {
                    year: 2025,
                    month: 11,
                    day: 27,
                }),
            ),
            ("all-time", Some(Period::AllTime)),
            ("2025Q5", None),
            // Anything an editor may write, a cut inside a character included.
            ("2025年11月27日", None),
            ("2025年年中(5月29日後)", None),
            ("初版-1", None),
            ("2025Q3-Q1", None),
            ("2025-13", None),
            // Each month's own length, February's in a leap year too.
            ("2026-02-30", None),
            ("2025-04-31", None),
            ("2026-02-29", None),
            (
                "2028-02-29",
                Some(Period::Date {
                    year: 2028,
                    month: 2,
                    day: 29,
                }),
            ),
            ("25Q3", None),
            ("2025", None),
            ("", None),
        ];
        for &(text, want) in cases {
            assert_eq!(Period::parse(text), want, "{text}");
            if let Some(p) = want {
                assert_eq!(p.to_string(), text);
            }
        }
    }

    #[test]
    fn a_period_of_results_ends_on_its_last_day() {
        // (period, its last day)
        let cases = [
            ("2025Q1", Some("2025-03-31")),
            ("2025Q2", Some("2025-06-30")),
            ("2025Q3", Some("2025-09-30")),
            ("2025Q4", Some("2025-12-31")),
            ("2025Q1-Q3", Some("2025-09-30")),
            ("2025FY", Some("2025-12-31")),
            ("2025YTD", None),
            ("2025-09", None),
            ("2025-11-27", None),
            ("all-time", None),
        ];
        for (text, want) in cases {
            let p = Period::parse(text).expect("a period");
            assert_eq!(p.last_day().as_deref(), want, "{text}");
        }
    }
}
