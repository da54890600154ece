//! A quarter is data-only: whatever edition the crate is built with, its
//! latest quarter has its metrics, its chart point and its narrative.
//!
//! `scripts/test.sh` runs this file on the real data and on four test
//! editions, made-up data that is never shipped, each of which must build and
//! pass with no change to any code (`KC_DATA_DIRS`, see [`overlay`]): a 2025
//! Q4 with only the figures a quarter needs, that quarter in full, the first
//! quarter of a new fiscal year on top, and its second quarter (more than 64
//! inputs). Expectations come from the
//! compiled tables and the edition's own latest quarter, never from a
//! literal period (the test editions' own checks name theirs).

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // native only: never in the wasm

use kling_calc::core::edition::{EDITION, LATEST};
use kling_calc::core::inputs::{InputId, InputSet, Inputs};
use kling_calc::core::metrics::{compute, MetricId, Operand, Reason};
use kling_calc::core::sections::{Bar, Chart, Section, Seg, SECTIONS};
use kling_calc::core::units::Locale;

/// The id suffix of the latest quarter (`2025q3`).
fn latest() -> String {
    [LATEST.year.to_string(), "q".into(), LATEST.q.to_string()].concat()
}

/// The test edition on top of data/, by the last folder of `KC_DATA_DIRS`:
/// `tests/edition` (2025 Q4: revenue, its YoY and Kling's revenue, the
/// minimum a quarter needs), `tests/edition-full` (that quarter in full:
/// segments, profits, users), `tests/edition-year` (2026 Q1 on top, a new
/// fiscal year with no Kling target yet) or `tests/edition-wide` (2026 Q2 on
/// top of that: 70 inputs, more than a `u64` set holds); `None` on the real data.
fn overlay() -> Option<&'static str> {
    option_env!("KC_DATA_DIRS")
        .and_then(|d| d.rsplit(':').next())
        .filter(|d| d.starts_with("tests/"))
}

/// True when this build is one of the test editions.
fn test_edition() -> bool {
    overlay().is_some()
}

#[test]
fn the_latest_quarter_has_its_metrics() {
    has_the_figures_a_quarter_needs();
    let results = compute(&Inputs::published());
    let q = latest();
    // Share of revenue and quarter-on-quarter growth of the product exist for
    // the latest quarter and compute from its published figures.
    for stem in ["kling_share_", "kling_qoq_", "revenue_qoq_"] {
        let key = [stem, &q].concat();
        let id = MetricId::from_key(&key).unwrap_or_else(|| panic!("no metric {key}"));
        if InputId::from_key(&["revenue_", &q].concat()).is_some() && stem != "revenue_qoq_" {
            // What an editor who added only part of a quarter reads here.
            match results[id].value {
                Ok(_) => {}
                Err(Reason::Missing(input)) => panic!(
                    "{key} cannot be computed: data/observations.toml has no figure for {}, and a new quarter needs one (README: \"Updating the figures\")",
                    input.key()
                ),
                Err(other) => panic!("{key} cannot be computed ({other:?})"),
            }
        }
    }
    if let Some(dir @ ("tests/edition-year" | "tests/edition-wide")) = overlay() {
        let q = if dir == "tests/edition-year" { 1 } else { 2 };
        assert_eq!((LATEST.year, LATEST.q), (2026, q), "{dir} adds 2026 Q{q}");
        assert!(EDITION.starts_with(&format!("2026q{q}-")), "{EDITION}");
        // The year-ago quarter is an input the earlier year kept, so the YoY
        // backs nothing out; and 2025's target says nothing of 2026, so
        // nothing measures against it or projects toward it.
        assert!(InputId::from_key("revenue_2025q1").is_some());
        assert!(MetricId::from_key("revenue_2025q1").is_none());
        assert!(MetricId::from_key("kling_target_attainment_ytd").is_none());
    } else if test_edition() {
        assert_eq!(
            (LATEST.year, LATEST.q),
            (2025, 4),
            "the test edition adds 2025 Q4"
        );
        assert!(EDITION.starts_with("2025q4-"), "{EDITION}");
        // Its YoY figure backs out the year-ago quarter.
        let prior = MetricId::from_key("revenue_2024q4").expect("prior year from the Q4 YoY");
        assert!(results[prior].value.is_ok());
    }
    if test_edition() {
        // No quarter is left to project (the year is in, or has no target).
        assert!(MetricId::ALL
            .iter()
            .all(|m| !m.key().ends_with("_required")));
        for id in InputId::ALL {
            assert!(!id.spec().projected(), "{} is still projected", id.key());
        }
    }
}

/// Inputs never retire (tests/compat.rs): a series that keeps only its latest
/// quarter keeps every quarter that was latest since the first recorded
/// edition, each with a label of its own, and the earlier year's quarters stay
/// in a new one. The test editions prove it with a later quarter in full.
#[test]
fn earlier_quarters_keep_their_inputs_and_labels() {
    has_the_figures_a_quarter_needs();
    let first = InputId::from_key("online_marketing_2025q3").expect("the first edition's segment");
    if matches!(
        overlay(),
        Some("tests/edition-full" | "tests/edition-year" | "tests/edition-wide")
    ) {
        let q = latest();
        let now =
            InputId::from_key(&["online_marketing_", &q].concat()).expect("the latest segment");
        assert_ne!(first, now);
        for locale in Locale::ALL {
            assert_ne!(first.spec().label.get(locale), now.spec().label.get(locale));
        }
        // And what rests on the earlier quarter still computes: the articles'
        // claims about Q3's segments check its gap.
        let gap = MetricId::from_key("segments_gap_2025q3").expect("Q3's segment gap");
        assert!(compute(&Inputs::published())[gap].value.is_ok());
    }
    // No two fields share a label in any language (the build refuses it).
    for a in InputId::ALL {
        for b in InputId::ALL.into_iter().filter(|b| *b > a) {
            for locale in Locale::ALL {
                assert_ne!(
                    a.spec().label.get(locale),
                    b.spec().label.get(locale),
                    "{} {}",
                    a.key(),
                    b.key()
                );
            }
        }
    }
}

/// What a result rests on is exactly the uncertain inputs that move it, in
/// an edition of any size. An input set is a `u64` up to 64 inputs and a
/// `u128` above (the build picks it); `tests/edition-wide` has more than 64,
/// which puts the assumptions (P/E, members) above bit 63.
#[test]
fn a_result_rests_on_the_uncertain_inputs_that_move_it() {
    has_the_figures_a_quarter_needs();
    if overlay() == Some("tests/edition-wide") {
        let above = InputId::ALL.iter().filter(|id| id.index() >= 64).count();
        assert!(above > 0, "the wide edition has no input above bit 63");
    }
    let mut all = InputSet::EMPTY;
    for id in InputId::ALL {
        assert_eq!(InputSet::single(id).iter().collect::<Vec<_>>(), [id]);
        all = all.union(InputSet::single(id));
    }
    assert_eq!(all.iter().collect::<Vec<_>>(), InputId::ALL);
    let published = Inputs::published();
    let base = compute(&published);
    let resolved = *base.resolved();
    let mut moved_any = 0;
    for id in InputId::ALL
        .into_iter()
        .filter(|&id| !resolved.rests_on(id).is_empty())
    {
        let Some(was) = resolved.values[id.index()] else {
            continue;
        };
        let mut inputs = published;
        let Ok(()) = inputs.set(id, if was == 0.0 { 1.0 } else { was * 1.25 }) else {
            continue;
        };
        let after = compute(&inputs);
        for m in MetricId::ALL {
            let (before, now) = (&base[m], &after[m]);
            if before.value.is_ok() && now.value != before.value {
                moved_any += 1;
                assert!(
                    before.rests_on.contains(id),
                    "{} moves with {} but does not say it rests on it",
                    m.key(),
                    id.key()
                );
            }
        }
    }
    assert!(moved_any > 0, "no uncertain input moved any result");
    // And every input a result names is itself uncertain: a qualified
    // figure or an assumption, never a plain published one.
    for m in MetricId::ALL {
        for id in base[m].rests_on.iter() {
            assert!(
                resolved.rests_on(id).contains(id),
                "{}: {}",
                m.key(),
                id.key()
            );
        }
    }
}

/// What a section puts in front of the reader (its paragraph and headline
/// cards) says each quantity once: no two numbers, and no headline and one
/// of the section's fields, that agree on the published figures and still
/// agree whichever single input the reader moves. Once a year is in, its year
/// so far is the whole year; in a year's first quarter, it is that quarter's
/// field. The section's full list keeps every metric (the page contract: one
/// `data-metric` output each), each with a formula that computes something,
/// and the year so far is named as a paragraph names it, never "前四季".
#[test]
fn what_a_section_says_first_says_each_number_once() {
    has_the_figures_a_quarter_needs();
    let published = Inputs::published();
    let mut runs = vec![compute(&published)];
    for id in InputId::ALL {
        let Some(was) = runs[0].resolved().values[id.index()] else {
            continue;
        };
        let mut moved = published;
        if moved
            .set(id, if was == 0.0 { 1.0 } else { was * 1.25 })
            .is_ok()
        {
            runs.push(compute(&moved));
        }
    }
    // Two numbers are one when they are the same, or in the same unit and
    // equal in every run (a number with no value in a run is no match).
    let value = |v: Operand, r: &kling_calc::core::metrics::Results| match v {
        Operand::Input(id) => r.resolved().values[id.index()],
        Operand::Metric(m) => r[m].value.ok(),
    };
    let unit = |v: Operand| match v {
        Operand::Input(id) => id.spec().unit,
        Operand::Metric(m) => m.spec().unit,
    };
    let one = |a: Operand, b: Operand| {
        a == b
            || unit(a) == unit(b)
                && runs.iter().all(|r| match (value(a, r), value(b, r)) {
                    (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
                    _ => false,
                })
    };
    for section in SECTIONS {
        // The paragraph says each number once (once the year is in, the
        // year so far and the year's total are one number).
        let said: Vec<Operand> = section
            .narrative
            .iter()
            .filter_map(|seg| match seg {
                Seg::Value(v) => Some(*v),
                Seg::Text(_) => None,
            })
            .collect();
        for (i, &a) in said.iter().enumerate() {
            for &b in &said[i + 1..] {
                assert!(
                    !one(a, b),
                    "{}: the paragraph says {} and {}, one number",
                    section.key,
                    key_of(a),
                    key_of(b)
                );
            }
        }
        // Each headline is a number no later headline and no field of the
        // section shows already.
        let heads: Vec<Operand> = section
            .headlines
            .iter()
            .map(|&m| Operand::Metric(m))
            .collect();
        let fields = section.inputs.iter().map(|&id| Operand::Input(id));
        for (i, &a) in heads.iter().enumerate() {
            for b in heads[i + 1..].iter().copied().chain(fields.clone()) {
                assert!(
                    !one(a, b),
                    "{}: the headline {} repeats {}",
                    section.key,
                    key_of(a),
                    key_of(b)
                );
            }
        }
        for &a in section.metrics {
            // Its worked formula computes something: never one result equal
            // to another under a second name (a sum of one sum takes its
            // parts). Only the year so far in its first quarter is a field
            // restated, which its formula then names.
            let formula = a.formula(Locale::En);
            let restates_a_field = matches!(a.spec().operands, [Operand::Input(_)]);
            assert!(
                formula.contains(['+', '−', '×', '÷']) || restates_a_field,
                "{}: the formula is {formula:?}",
                a.key()
            );
            for locale in Locale::ALL {
                let label = a.spec().label.get(locale);
                assert!(
                    !label.contains("前四季")
                        && !label.contains("前二季")
                        && !label.contains("Q1–Q4"),
                    "{}: {label}",
                    a.key()
                );
            }
        }
    }
    for m in MetricId::ALL {
        let lists = SECTIONS.iter().filter(|s| s.metrics.contains(&m)).count();
        assert_eq!(lists, 1, "{} is in {lists} sections' lists", m.key());
    }
}

/// A field's quarter is named with its year once an edition reaches into a
/// new fiscal year ("2026 Q1 revenue" beside "2025 Q1 revenue", never a bare
/// "Q1" beside "2025 Q1"); within the first recorded edition's year, the
/// year's own quarters go without it. So do the growth chart's mix rows.
#[test]
fn a_new_fiscal_year_names_every_quarter_with_its_year() {
    has_the_figures_a_quarter_needs();
    let new_year = matches!(overlay(), Some("tests/edition-year" | "tests/edition-wide"));
    let mut checked = 0;
    for id in InputId::ALL {
        let Some(q) = id.spec().quarter else { continue };
        let year = q.year.to_string();
        for locale in Locale::ALL {
            let label = id.spec().label.get(locale);
            let named = label.contains(&year);
            assert_eq!(
                named,
                new_year || q.year != LATEST.year,
                "{}: {label}",
                id.key()
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "{checked} labels");
    // The articles' claims are about 2025: in a new year each says so first.
    for claim in kling_calc::core::claims::CLAIMS {
        for locale in Locale::ALL {
            let text = claim.text.get(locale);
            assert_eq!(text.starts_with("2025"), new_year, "{}: {text}", claim.key);
        }
    }
    // A result about an earlier year's quarter whose label names no period
    // says which: the ARPU of the quarter the member count is for.
    for key in ["arpu_paying_quarterly", "arpu_paying_monthly"] {
        let m = MetricId::from_key(key).expect("the ARPU results");
        for locale in Locale::ALL {
            let label = m.spec().label.get(locale);
            assert_eq!(label.contains("2025"), new_year, "{key}: {label}");
        }
    }
    // And a full-year target of an earlier year, kept as a field, says its year.
    let target = InputId::from_key("kling_fy_target").expect("the target's field");
    let label = target.spec().label.get(Locale::En);
    assert_eq!(label.contains("2025"), new_year, "{label}");
    let Some(Chart::Bars { mix, .. }) =
        SECTIONS.iter().find(|s| s.key == "growth").map(|s| s.chart)
    else {
        panic!("the growth section has a bars chart");
    };
    // (A row of the edition's plain year reads "Q3"; any other "2024 Q3".)
    for row in mix {
        let label = row.label.get(Locale::En);
        let named = label.starts_with("20");
        assert_eq!(named, new_year || !label.starts_with('Q'), "{label}");
        assert!(named || label.starts_with('Q'), "{label}");
    }
}

#[test]
fn the_chart_plots_every_quarter_present() {
    has_the_figures_a_quarter_needs();
    let (chart, title) = SECTIONS
        .iter()
        .find_map(|s| match s.chart {
            Chart::Quarters { points, title, .. } => Some((points, title)),
            _ => None,
        })
        .expect("a quarters chart");
    let (label, input, dot) = chart
        .iter()
        .find(|p| p.1.spec().quarter == Some(LATEST))
        .unwrap_or_else(|| panic!("no column for the latest quarter"));
    // Four columns, never one alone: the fiscal year's quarters ("Q1"), or in
    // a new year's first quarter with no target the last four ("2025Q2").
    let new_year = matches!(overlay(), Some("tests/edition-year" | "tests/edition-wide"));
    assert_eq!(
        chart.len(),
        4,
        "{:?}",
        chart.iter().map(|p| p.0).collect::<Vec<_>>()
    );
    let year = LATEST.year.to_string();
    let want = if new_year {
        [year.as_str(), "Q", &LATEST.q.to_string()].concat()
    } else {
        ["Q", &LATEST.q.to_string()].concat()
    };
    assert_eq!(*label, want);
    // Its title says which: the year's, or the last four quarters.
    let title = title.get(Locale::En);
    assert_eq!(title.contains("last four quarters"), new_year, "{title}");
    assert_eq!(title.contains(&year), !new_year, "{title}");
    for (label, input, _) in chart {
        let q = input.spec().quarter.expect("a quarter's field");
        assert!(q <= LATEST || input.spec().projected(), "{label}");
    }
    assert!(
        !input.spec().projected(),
        "the latest quarter is published, not assumed"
    );
    assert!(dot.is_some(), "the latest quarter has its share dot");
}

#[test]
fn the_growth_chart_moves_to_the_latest_quarter() {
    has_the_figures_a_quarter_needs();
    let Some(Chart::Bars {
        items, title, mix, ..
    }) = SECTIONS.iter().find(|s| s.key == "growth").map(|s| s.chart)
    else {
        panic!("the growth section has a bars chart");
    };
    let q = latest();
    // Its total is the latest quarter's revenue YoY, and its title names that quarter.
    let total = InputId::from_key(&["revenue_yoy_", &q].concat()).unwrap_or_else(|| {
        panic!("data/observations.toml has no revenue_yoy for {q}, the latest quarter: the growth chart needs it, and a new quarter needs one (README: \"Updating the figures\")")
    });
    assert_eq!(
        items.iter().find(|i| i.0 == "total").map(|i| i.2),
        Some(Bar::Input(total))
    );
    let words = ["Q", &LATEST.q.to_string(), " ", &LATEST.year.to_string()].concat();
    assert!(title.get(Locale::En).contains(&words), "{title:?}");
    // Each segment shows its own YoY for that quarter, or nothing (—) while
    // the new quarter's articles have not given it (the test edition gives
    // only the total): never an earlier quarter's figure beside the new total.
    for (key, name, bar, _) in items.iter().filter(|i| i.0 != "total") {
        let want = InputId::from_key(&[key, "_yoy_", &q].concat()).map_or(Bar::Missing, Bar::Input);
        assert_eq!(*bar, want, "{key}");
        // A missing bar is drawn as a dash, so the title names it in words.
        for locale in Locale::ALL {
            let (title, name) = (title.get(locale), name.get(locale));
            let unpublished = ["尚未公佈", "尚未公布", "not yet published"][locale as usize];
            let said = title.contains(unpublished) && title.contains(name);
            assert_eq!(said, want == Bar::Missing, "{key}: {title}");
        }
    }
    // The mix under the bars: a row per period that has a part, each part
    // its item's share metric for that period (never another period's).
    for row in mix {
        assert!(
            row.parts.iter().any(|p| p.1 != Bar::Missing),
            "{}",
            row.slug
        );
        for ((key, part), item) in row.parts.iter().zip(items) {
            match part {
                Bar::Metric(m) => {
                    assert_eq!(m.key(), [item.0, "_share_", row.slug].concat());
                    assert_eq!(*key, [item.0, "_", row.slug].concat());
                }
                other => assert_eq!(*other, Bar::Missing, "{key}"),
            }
        }
    }
    // The mix ends with the chart's quarter once its articles give a segment's
    // revenue; until then it has no row for it (a new quarter needs only the
    // total, README: "Updating the figures").
    let segment_given = items
        .iter()
        .filter(|i| i.0 != "total")
        .any(|i| MetricId::from_key(&[i.0, "_share_", &q].concat()).is_some());
    if segment_given {
        assert_eq!(
            mix.last().map(|r| r.slug),
            Some(q.as_str()),
            "the mix ends with the chart's quarter"
        );
    } else {
        assert!(
            mix.iter().all(|r| r.slug != q),
            "no mix row for a quarter with no segment figures"
        );
    }
    match overlay() {
        Some("tests/edition") => assert!(
            !segment_given && items.iter().any(|i| i.2 == Bar::Missing),
            "the minimal test edition gives no segment figures for its new quarter"
        ),
        Some(_) => assert!(
            segment_given && items.iter().all(|i| i.2 != Bar::Missing),
            "the full test editions give every segment of their new quarter"
        ),
        None => {}
    }
}

/// The English words of each quarter, as the paragraphs write them.
const WORDS: [&str; 4] = [
    "first quarter",
    "second quarter",
    "third quarter",
    "fourth quarter",
];

/// A section's paragraph in English, without its numbers.
fn paragraph_text(section: &Section) -> String {
    paragraph_text_in(section, Locale::En)
}

/// A section's paragraph in `locale`, without its numbers.
fn paragraph_text_in(section: &Section, locale: Locale) -> String {
    section
        .narrative
        .iter()
        .filter_map(|s| match s {
            Seg::Text(t) => Some(t.get(locale)),
            Seg::Value(_) => None,
        })
        .collect()
}

#[test]
fn the_narrative_names_the_latest_quarter() {
    has_the_figures_a_quarter_needs();
    let kling = SECTIONS
        .iter()
        .find(|s| s.key == "kling")
        .expect("kling section");
    let text = paragraph_text(kling);
    assert!(text.contains(WORDS[LATEST.q as usize - 1]), "{text}");
    // Its first number is the product's revenue in that quarter.
    let first = kling.narrative.iter().find_map(|s| match s {
        Seg::Value(Operand::Input(id)) => Some(*id),
        _ => None,
    });
    assert_eq!(first.and_then(|id| id.spec().quarter), Some(LATEST));
}

/// Fails naming the figure a quarter needs (README: "Updating the figures")
/// when the latest quarter lacks one. Every test here begins with it: their
/// failures would be only symptoms of it (a paragraph falling back to the
/// quarter before, a chart column assumed), so an editor reads the cause first.
fn has_the_figures_a_quarter_needs() {
    let q = latest();
    for series in ["revenue", "revenue_yoy", "kling_revenue"] {
        assert!(
            // (An input that is there only as an assumption, as a guided
            // quarter is until published, does not count.)
            InputId::from_key(&[series, "_", &q].concat()).is_some_and(|id| !id.spec().projected()),
            "data/observations.toml has no {series} for {q}, the latest quarter, and a new quarter needs one (README: \"Updating the figures\")"
        );
    }
}

/// A paragraph whose sentences fall back to an earlier quarter (the test
/// edition gives Q4's total but not its segments) names that quarter, and its
/// year when that is not the edition's: a reader never takes Q3's segments for
/// Q4's, nor 2025's first quarter for 2026's.
#[test]
fn every_quarter_a_paragraph_speaks_of_is_named() {
    has_the_figures_a_quarter_needs();
    let (mut named, mut other_years) = (0, 0);
    for section in SECTIONS {
        let text = paragraph_text(section);
        for seg in section.narrative {
            let Seg::Value(Operand::Input(id)) = seg else {
                continue;
            };
            let Some(q) = id.spec().quarter else {
                continue;
            };
            assert!(
                text.contains(WORDS[q.q as usize - 1]),
                "{}: {} is of the {}, which the paragraph does not name: {text}",
                section.key,
                id.key(),
                WORDS[q.q as usize - 1]
            );
            named += 1;
        }
        // A number resting on a quarter of another year than the edition's
        // (an input, or a metric through its operands) says which year, in
        // English and in Chinese; or, for the same quarter a year before,
        // that it is a year earlier.
        let zh = paragraph_text_in(section, Locale::Hant);
        for seg in section.narrative {
            let Seg::Value(value) = seg else { continue };
            for q in quarters_of(*value)
                .into_iter()
                .filter(|q| q.year != LATEST.year)
            {
                let year_ago = q.q == LATEST.q && q.year + 1 == LATEST.year;
                let en = [WORDS[q.q as usize - 1], " of ", &q.year.to_string()].concat();
                assert!(
                    text.contains(&en) || (year_ago && text.contains("a year earlier")),
                    "{}: a number of {en}, which the paragraph does not say: {text}",
                    section.key
                );
                let han = [&q.year.to_string(), "年"].concat();
                assert!(
                    zh.contains(&han) || (year_ago && zh.contains("去年同期")),
                    "{}: a number of {han}, which the paragraph does not say: {zh}",
                    section.key
                );
                other_years += 1;
            }
        }
    }
    assert!(named >= 5, "{named} numbers of a quarter in the paragraphs");
    if matches!(overlay(), Some("tests/edition-year" | "tests/edition-wide")) {
        // The new year's paragraphs speak of 2025 too (last year's quarter, Kling's Q1).
        assert!(other_years >= 2, "{other_years} numbers of another year");
    }
}

/// The id of a number a paragraph says.
fn key_of(v: Operand) -> &'static str {
    match v {
        Operand::Input(id) => id.key(),
        Operand::Metric(id) => id.key(),
    }
}

/// The quarters a number rests on: an input's own, a metric's operands'.
fn quarters_of(value: Operand) -> Vec<kling_calc::core::period::Quarter> {
    match value {
        Operand::Input(id) => id.spec().quarter.into_iter().collect(),
        Operand::Metric(id) => id
            .spec()
            .operands
            .iter()
            .flat_map(|o| quarters_of(*o))
            .collect(),
    }
}

#[test]
fn links_from_earlier_editions_name_the_figures_changed_since() {
    has_the_figures_a_quarter_needs();
    use kling_calc::core::edition::PAST_EDITIONS;
    use kling_calc::core::share::{decode, Issue};
    assert!(
        !PAST_EDITIONS.is_empty(),
        "data/editions.toml records earlier editions"
    );
    for &(edition, changed) in PAST_EDITIONS {
        let d = decode(&["kc1=v1.", edition, "~pe_kuaishou:10"].concat(), 1);
        assert_eq!(
            d.inputs
                .override_of(InputId::from_key("pe_kuaishou").unwrap()),
            Some(10.0)
        );
        assert_eq!(d.ignored[0].reason, Issue::OtherEdition, "{edition}");
        let named: Vec<&str> = d
            .ignored
            .iter()
            .filter(|i| matches!(i.reason, Issue::Updated(_)))
            .map(|i| i.item.as_str())
            .collect();
        let want: Vec<&str> = changed
            .iter()
            .copied()
            .filter(|k| *k != "pe_kuaishou" && InputId::from_key(k).is_some())
            .collect();
        assert_eq!(named, want, "{edition}");
        for i in &d.ignored {
            let text = i.reason.describe(Locale::En);
            assert!(!text.is_empty() && !text.contains("NaN"), "{text}");
        }
    }
    if test_edition() {
        // Under the test edition, a link from the shipped editions names the
        // product's new quarter, which its edition projected and this one publishes.
        let q4 = ["kling_revenue_", &latest()].concat();
        for &(edition, changed) in PAST_EDITIONS {
            assert!(changed.contains(&q4.as_str()), "{edition}: {changed:?}");
        }
    }
}
