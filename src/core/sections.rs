//! How the calculator is divided for readers: which inputs and metrics each
//! section shows, generated from `data/sections.toml`. Pure data, so a native test can check that every input has
//! exactly one field on the page (the `data-input` contract) and every metric
//! exactly one output.

use super::inputs::InputId;
use super::metrics::{MetricId, Operand, Results};
use super::units::{t, Locale, Qualifier, Text, Unit};

/// One section of the calculator.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// Stable key, used in `data-section` and in a host's `data-sections` list.
    pub key: &'static str,
    /// The heading in each locale.
    pub title: Text,
    /// The inputs whose fields this section holds.
    pub inputs: &'static [InputId],
    /// The metrics this section shows.
    pub metrics: &'static [MetricId],
    /// The two to four results the compact layout shows large, after the
    /// narrative (`headlines` in `data/sections.toml`, latest quarter).
    pub headlines: &'static [MetricId],
    /// The paragraph that opens the section: prose and live numbers, the
    /// numbers in the same order in every language (`data/narrative.toml`).
    pub narrative: &'static [Seg],
    /// The section's chart.
    pub chart: Chart,
}

/// One piece of a narrative paragraph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Seg {
    /// Prose in each locale.
    Text(Text),
    /// A live number: an input the reader can adjust inline, or a metric.
    Value(Operand),
}

/// A section's chart, as `data/sections.toml` describes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Chart {
    /// No chart.
    None,
    /// A column per quarter (an input) with a dot per quarter on its own scale (a metric).
    Quarters {
        /// The chart's key (`data-chart`).
        key: &'static str,
        /// The chart's title.
        title: Text,
        /// What the columns measure.
        bars_label: Text,
        /// What the dots measure.
        dots_label: Text,
        /// The legend for a column that is still an assumption.
        assumed: Text,
        /// Each quarter's label ("Q1"), column input and dot metric.
        points: &'static [(&'static str, InputId, Option<MetricId>)],
        /// The outlets its download names under it, joined for Chinese and
        /// for English ([`SOURCES`]).
        sources: [&'static str; 2],
    },
    /// One horizontal bar per item, all in one unit.
    Bars {
        /// The chart's key (`data-chart`).
        key: &'static str,
        /// The chart's title.
        title: Text,
        /// The data table's value columns: what the bars measure, then
        /// each mix row's share ("YoY", "Share of revenue, 2024 Q3", …).
        columns: &'static [Text],
        /// The unit every item is in (the build checks they share it).
        unit: Unit,
        /// The legend for a bar that is still an assumption (empty when none can be).
        assumed: Text,
        /// Said after a negative value (a P/E of a loss is not meaningful);
        /// empty when a negative value needs no note (a fall in revenue).
        negative: Text,
        /// Each bar's key (`data-bar`), name, value and whether it is highlighted.
        items: &'static [(&'static str, Text, Bar, bool)],
        /// The mix under the bars: a row per period stacking the items'
        /// shares (segments of revenue); empty for none.
        mix: &'static [MixRow],
        /// The outlets its download names under it, joined for Chinese and
        /// for English ([`SOURCES`]).
        sources: [&'static str; 2],
    },
}

/// One row of a bars chart's mix: the items' shares in one period, stacked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MixRow {
    /// The period's slug (`2024q3`).
    pub slug: &'static str,
    /// The period as the row's label ("2024 Q3", or "Q3" in the chart's year);
    /// its column in the data table is among the chart's `columns`.
    pub label: Text,
    /// Each item's part: its `data-bar` key (the item's key and the slug,
    /// `online_marketing_2024q3`) and its share then, in the items' order
    /// ([`Bar::Missing`]: no part).
    pub parts: &'static [(&'static str, Bar)],
}

/// What one bar of a [`Chart::Bars`] shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bar {
    /// An input's current value.
    Input(InputId),
    /// A metric's current value.
    Metric(MetricId),
    /// A published figure the reader cannot change: its value and qualifier.
    Figure(f64, Qualifier),
    /// Nothing yet: the item's id names no input or metric for the chart's
    /// quarter (a figure the new quarter's articles have not given). Shown as `—`.
    Missing,
}

impl Bar {
    /// What the bar shows from `r`: its value (none while missing), its
    /// qualifier, and whether it is still an assumption.
    pub fn drawn(self, r: &Results) -> (Option<f64>, Qualifier, bool) {
        let v = r.resolved();
        match self {
            Bar::Input(id) => {
                let i = id.index();
                (v.values[i], v.qualifiers[i], v.assumed[i])
            }
            Bar::Metric(m) => {
                let o = r.get(m);
                (o.value.ok(), o.qualifier, false)
            }
            Bar::Figure(x, q) => (Some(x), q, false),
            Bar::Missing => (None, Qualifier::Exact, false),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/data_sections.rs"));

impl Chart {
    /// The chart's key (`data-chart`), or empty for [`Chart::None`].
    pub fn key(&self) -> &'static str {
        match *self {
            Chart::None => "",
            Chart::Quarters { key, .. } | Chart::Bars { key, .. } => key,
        }
    }

    /// The outlets the chart's download names, joined for `locale`, or
    /// empty for [`Chart::None`]: the line is [`SOURCES`] then these.
    pub fn outlets(&self, locale: Locale) -> &'static str {
        match *self {
            Chart::None => "",
            Chart::Quarters { sources, .. } | Chart::Bars { sources, .. } => {
                sources[usize::from(!locale.is_chinese())]
            }
        }
    }

    /// Whether the chart draws anything from `now` other than it draws from
    /// `published` (the results at the published figures): a column, dot, bar
    /// or mix part with another value or qualifier. Compared by what is drawn,
    /// so a figure typed in as published counts as published, the reader's
    /// exact 3億 for an article's 超過3億 does not, and an input a drawn
    /// figure's default depends on (the target an assumed quarter is the
    /// remainder of) counts.
    pub fn differs(&self, now: &Results, published: &Results) -> bool {
        let same = |b: Bar| b.drawn(now) == b.drawn(published);
        match *self {
            Chart::None => false,
            Chart::Quarters { points, .. } => !points.iter().all(|&(_, id, dot)| {
                same(Bar::Input(id)) && dot.is_none_or(|m| same(Bar::Metric(m)))
            }),
            Chart::Bars { items, mix, .. } => {
                !(items.iter().all(|i| same(i.2))
                    && mix.iter().all(|r| r.parts.iter().all(|p| same(p.1))))
            }
        }
    }
}

/// What a downloaded chart's source line says after its outlets when the
/// reader's inputs moved something it draws ([`Chart::differs`]): the file
/// travels alone, and must not credit the articles with the reader's figures.
pub const READER_CHANGED: Text = t!(
    ";圖中數字含讀者改動",
    ";图中数字含读者改动",
    "; figures changed by the reader",
);

/// What a downloaded chart's source line starts with, before its outlets
/// ([`Chart::outlets`]): the citations' words, so the strings are shared.
pub const SOURCES: Text = t!("來源:", "来源:", "Sources: ");

/// Parts of the widget below the calculator sections, which a host can also
/// choose to show or hide by key.
pub const EXTRA_PARTS: [&str; 3] = ["goals", "claims", "sources"];

/// A set of parts to show: bit k is `SECTIONS[k]`, then `EXTRA_PARTS` follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartSet(pub u16);

impl PartSet {
    /// Every section and extra part.
    pub const ALL: PartSet = PartSet((1 << (SECTIONS.len() + EXTRA_PARTS.len())) - 1);

    /// Reads a host's comma-separated list (`"kling,valuation"`); unknown names
    /// are returned so the host can be told. An empty or all-unknown list shows everything.
    pub fn parse(list: &str) -> (PartSet, Vec<String>) {
        let mut bits = 0u16;
        let mut unknown = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match Self::bit(name) {
                Some(b) => bits |= 1 << b,
                None => unknown.push(name.to_string()),
            }
        }
        (
            if bits == 0 {
                PartSet::ALL
            } else {
                PartSet(bits)
            },
            unknown,
        )
    }

    /// True when the part named `key` is shown.
    pub fn shows(self, key: &str) -> bool {
        Self::bit(key).is_some_and(|b| self.0 >> b & 1 == 1)
    }

    fn bit(key: &str) -> Option<usize> {
        // Two plain searches: the chained iterator cost 0.2 KB of gzip wasm.
        match SECTIONS.iter().position(|s| s.key == key) {
            Some(i) => Some(i),
            None => EXTRA_PARTS
                .iter()
                .position(|&k| k == key)
                .map(|i| i + SECTIONS.len()),
        }
    }
}

/// How a section lays out its parts (`data-layout` on the mount element,
/// `?layout=` on the page, `layout` in `klingCalc.mount`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Narrative, headline results and chart first; the fields and the full
    /// list of results behind two disclosures; claims one line each; sources
    /// collapsed. One phone screen or so per section.
    #[default]
    Compact,
    /// Every field and every result shown at once, as in the first releases.
    Full,
}

impl Layout {
    /// Reads `compact` or `full`; anything else is `None`.
    pub fn from_key(key: &str) -> Option<Layout> {
        match key {
            "compact" => Some(Layout::Compact),
            "full" => Some(Layout::Full),
            _ => None,
        }
    }

    /// The layout's name, as `data-layout` carries it.
    pub fn key(self) -> &'static str {
        match self {
            Layout::Compact => "compact",
            Layout::Full => "full",
        }
    }
}

/// Finds a section by key.
pub fn section(key: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::figures::{figure, ARTICLES, FIGURES};
    use crate::core::inputs::DefaultRule;

    #[test]
    fn layouts_read_back_their_own_keys() {
        for (key, want) in [
            ("compact", Some(Layout::Compact)),
            ("full", Some(Layout::Full)),
            ("", None),
            ("Full", None),
            ("wide", None),
        ] {
            assert_eq!(Layout::from_key(key), want, "{key:?}");
            if let Some(l) = want {
                assert_eq!(l.key(), key);
            }
        }
        assert_eq!(Layout::default(), Layout::Compact);
    }

    #[test]
    fn every_section_with_results_has_two_to_four_headlines_of_its_own() {
        for s in SECTIONS {
            assert!((2..=4).contains(&s.headlines.len()), "{}", s.key);
            for h in s.headlines {
                assert!(s.metrics.contains(h), "{}: {}", s.key, h.key());
            }
        }
    }

    #[test]
    fn every_input_and_metric_appears_exactly_once() {
        for id in InputId::ALL {
            let n = SECTIONS
                .iter()
                .flat_map(|s| s.inputs)
                .filter(|&&i| i == id)
                .count();
            assert_eq!(n, 1, "input {} appears {n} times", id.key());
        }
        for id in MetricId::ALL {
            let n = SECTIONS
                .iter()
                .flat_map(|s| s.metrics)
                .filter(|&&m| m == id)
                .count();
            assert_eq!(n, 1, "metric {} appears {n} times", id.key());
        }
    }

    #[test]
    fn part_lists_from_hosts() {
        // (list, shown, hidden, unknown names)
        type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);
        let cases: [Case; 5] = [
            (
                "kling,valuation",
                &["kling", "valuation"],
                &["growth", "arpu", "goals", "claims", "sources"],
                &[],
            ),
            (
                " claims , sources ",
                &["claims", "sources"],
                &["kling"],
                &[],
            ),
            (
                "",
                &[
                    "kling",
                    "growth",
                    "arpu",
                    "valuation",
                    "goals",
                    "claims",
                    "sources",
                ],
                &[],
                &[],
            ),
            ("kling,<script>", &["kling"], &["growth"], &["<script>"]),
            ("nope", &["kling", "sources"], &[], &["nope"]),
        ];
        for (list, shown, hidden, unknown) in cases {
            let (set, bad) = PartSet::parse(list);
            for k in shown {
                assert!(set.shows(k), "{list:?} should show {k}");
            }
            for k in hidden {
                assert!(!set.shows(k), "{list:?} should hide {k}");
            }
            assert_eq!(bad, unknown.to_vec(), "{list:?}");
        }
        assert!(!PartSet::ALL.shows("nope"));
    }

    #[test]
    fn bars_are_in_their_charts_unit_and_keyed_once() {
        let mut charts = 0;
        for s in SECTIONS {
            let Chart::Bars {
                key, unit, items, ..
            } = s.chart
            else {
                continue;
            };
            charts += 1;
            for (k, (bar_key, _, bar, _)) in items.iter().enumerate() {
                let u = match *bar {
                    Bar::Input(id) => Some(id.spec().unit),
                    Bar::Metric(id) => Some(id.spec().unit),
                    Bar::Figure(v, _) => {
                        assert!(v.is_finite(), "{key} {bar_key}");
                        None
                    }
                    Bar::Missing => None,
                };
                assert!(u.is_none_or(|u| u == unit), "{key} {bar_key}: {u:?}");
                assert!(
                    items[..k].iter().all(|other| other.0 != *bar_key),
                    "{key}: two bars keyed {bar_key}"
                );
            }
        }
        assert!(charts >= 3, "growth, ARPU and P/E charts");
    }

    /// The article of the one published figure a figure bar shows.
    fn figure_article(v: f64, q: Qualifier) -> char {
        let mut found = FIGURES.iter().filter(|f| f.value == v && f.qualifier == q);
        let f = found.next().expect("a figure bar's figure");
        assert!(
            found.next().is_none(),
            "two figures of {v}: name the bar's article"
        );
        f.article
    }

    /// The letters of the articles a chart's published figures come from, in
    /// the order of sources.toml, traced here at run time to check the build.
    fn articles(chart: &Chart) -> Vec<char> {
        fn input(id: InputId, out: &mut Vec<char>) {
            match id.spec().default {
                DefaultRule::Figure(key) => out.extend(figure(key).map(|f| f.article)),
                rule => rule.sources().iter().for_each(|&i| input(i, out)),
            }
        }
        fn metric(id: MetricId, out: &mut Vec<char>) {
            for &op in id.spec().operands {
                match op {
                    Operand::Input(i) => input(i, out),
                    Operand::Metric(m) => metric(m, out),
                }
            }
        }
        let mut out = Vec::new();
        match *chart {
            Chart::None => {}
            Chart::Quarters { points, .. } => {
                for &(_, i, m) in points {
                    input(i, &mut out);
                    m.into_iter().for_each(|m| metric(m, &mut out));
                }
            }
            Chart::Bars { items, mix, .. } => {
                let parts = mix.iter().flat_map(|row| row.parts.iter().map(|p| p.1));
                for bar in items.iter().map(|i| i.2).chain(parts) {
                    match bar {
                        Bar::Input(i) => input(i, &mut out),
                        Bar::Metric(m) => metric(m, &mut out),
                        Bar::Figure(v, q) => out.push(figure_article(v, q)),
                        Bar::Missing => {}
                    }
                }
            }
        }
        ARTICLES
            .iter()
            .map(|a| a.id)
            .filter(|a| out.contains(a))
            .collect()
    }

    #[test]
    fn charts_tell_the_readers_figures_from_the_published_ones() {
        use crate::core::inputs::Inputs;
        use crate::core::metrics::compute;
        let published = compute(&Inputs::published());
        let chart = |key: &str| {
            SECTIONS
                .iter()
                .map(|s| s.chart)
                .find(|c| c.key() == key)
                .unwrap_or_else(|| panic!("no chart {key}"))
        };
        // The quarters chart: its latest published column, and the assumed
        // quarter's column through the target it is the remainder of.
        let Chart::Quarters {
            key: kling, points, ..
        } = SECTIONS
            .iter()
            .map(|s| s.chart)
            .find(|c| matches!(c, Chart::Quarters { .. }))
            .unwrap()
        else {
            unreachable!()
        };
        let drawn = points
            .iter()
            .rev()
            .find(|p| !p.1.spec().projected())
            .unwrap()
            .1;
        let projected = points.iter().find(|p| p.1.spec().projected()).map(|p| p.1);
        let target = projected.and_then(|id| match id.spec().default {
            DefaultRule::Remainder(of, _) => of.first().copied(),
            _ => None,
        });
        // (input set to a new value, or set to its own value, chart, differs)
        let at = |id: InputId| published.resolved().values[id.index()].unwrap_or(1.0);
        let revenue = InputId::from_key("revenue_2025q3").unwrap();
        assert_eq!(
            published.resolved().qualifiers[revenue.index()],
            Qualifier::Exact
        );
        let mut cases: Vec<(InputId, f64, &str, bool)> = vec![
            (drawn, at(drawn) * 1.5, kling, true),
            // The reader's own 3億 is not the article's 超過3億: drawn otherwise.
            (
                drawn,
                at(drawn),
                kling,
                published.resolved().qualifiers[drawn.index()] != Qualifier::Exact,
            ),
            // Kuaishou's revenue, exact as published, typed in as it is: drawn the same.
            (revenue, at(revenue), kling, false),
            (
                InputId::from_key("pe_kuaishou").unwrap(),
                20.0,
                kling,
                false,
            ),
        ];
        if let Some(t) = target {
            cases.push((t, at(t) * 1.5, kling, true));
        }
        for s in SECTIONS
            .iter()
            .filter(|s| matches!(s.chart, Chart::Bars { .. }))
        {
            let Chart::Bars { key, items, .. } = s.chart else {
                unreachable!()
            };
            if let Some(&(_, _, Bar::Input(id), _)) =
                items.iter().find(|i| matches!(i.2, Bar::Input(_)))
            {
                let v = at(id);
                let other = if v > 0.0 { v * 0.5 } else { v - 0.01 };
                cases.push((id, other, key, true));
            }
        }
        assert!(cases.len() >= 5, "{cases:?}");
        for (id, v, key, want) in cases {
            let mut inputs = Inputs::published();
            inputs.set(id, v).unwrap();
            let now = compute(&inputs);
            assert_eq!(
                chart(key).differs(&now, &published),
                want,
                "{key}: {} = {v}",
                id.key()
            );
        }
        for s in SECTIONS {
            assert!(
                !s.chart.differs(&published, &published),
                "{}",
                s.chart.key()
            );
        }
    }

    #[test]
    fn downloads_name_the_outlets_behind_each_chart() {
        for s in SECTIONS.iter().filter(|s| s.chart != Chart::None) {
            let c = s.chart;
            let letters = articles(&c);
            assert!(!letters.is_empty(), "{}", c.key());
            for l in Locale::ALL {
                let line = [SOURCES.get(l), c.outlets(l)].concat();
                let mut want: Vec<&str> = Vec::new();
                for &a in &letters {
                    let outlet = crate::core::figures::article(a).unwrap().outlet;
                    if !want.contains(&outlet) {
                        want.push(outlet);
                    }
                }
                let (lead, sep) = match l {
                    Locale::Hant => ("來源:", "、"),
                    Locale::Hans => ("来源:", "、"),
                    Locale::En => ("Sources: ", ", "),
                };
                assert_eq!(line, [lead, &want.join(sep)].concat(), "{}", c.key());
                // Written into an attribute as is (`data-src`): nothing to escape.
                assert!(!line.contains(['"', '<', '&']), "{line}");
            }
            // Only articles a figure of the chart comes from: never all of them.
            assert!(letters.len() < ARTICLES.len(), "{}: {letters:?}", c.key());
        }
    }

    #[test]
    fn keys_are_unique_and_found() {
        for s in SECTIONS {
            assert_eq!(section(s.key).map(|f| f.key), Some(s.key));
        }
        assert!(section("nope").is_none());
    }
}
