//! The data files under `data/`: reading, checking and expanding them into the
//! tables the widget is compiled with.
//!
//! `build.rs` calls [`load`] and [`check`] and hands the [`Model`] to
//! `emit.rs`; `tests/data_files.rs` calls the same functions on edited copies
//! of the files, one test per kind of mistake. Nothing here is in the wasm:
//! the widget gets `const` tables and no data parser.
//!
//! Every mistake is a [`DataError`] naming the file, the line and the
//! problem in words an editor can act on; [`check`] collects all of them
//! rather than stopping at the first, so one build run lists everything.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::parse::{parse_number, ParseError};
use crate::period::{Period, Quarter};
use crate::units::{Locale, Qualifier, Scale, Unit};

/// The files of one data directory, by name relative to it (`sources/A.txt`).
pub type Files = BTreeMap<String, String>;

/// What starts the rows a later data directory adds to a file.
const ADDED_FROM: &str = "\n# --- ";

/// Reads every file the data model uses from `dirs`, later directories adding
/// to earlier ones: a `.toml` file's rows are appended to the same file's rows
/// from the directories before (so a test edition adds a quarter to the real
/// data without copying it), and a source text of the same name replaces one.
pub fn load(dirs: &[&Path]) -> Result<Files, String> {
    let mut files = Files::new();
    for dir in dirs {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|e| e == "toml") {
                names.push(path.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
        let sources = dir.join("sources");
        if sources.is_dir() {
            for entry in std::fs::read_dir(&sources).map_err(|e| e.to_string())? {
                let path = entry.map_err(|e| e.to_string())?.path();
                if path.extension().is_some_and(|e| e == "txt") {
                    names.push(format!(
                        "sources/{}",
                        path.file_name().unwrap().to_string_lossy()
                    ));
                }
            }
        }
        names.sort();
        for name in names {
            let text = std::fs::read_to_string(dir.join(&name))
                .map_err(|e| format!("{}: {e}", dir.join(&name).display()))?;
            // A byte-order mark some editors write is not part of the text
            // (a title compared with it, or a quote at its start, would fail).
            let text = text
                .strip_prefix('\u{feff}')
                .map(str::to_owned)
                .unwrap_or(text);
            match files.get_mut(&name) {
                Some(old) if name.ends_with(".toml") => {
                    // Keep line numbers of the added file meaningful: the
                    // added rows are reported under their own file name.
                    old.push_str(&format!("{ADDED_FROM}{} ---\n", dir.join(&name).display()));
                    old.push_str(&text);
                }
                _ => {
                    files.insert(name, text);
                }
            }
        }
    }
    Ok(files)
}

/// One mistake in the data, where it is and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct DataError {
    /// The file, relative to the data directory (`observations.toml`).
    pub file: String,
    /// The 1-based line the mistake is on (the start of its row).
    pub line: usize,
    /// What is wrong, in words an editor can act on.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A piece of text in the three languages, owned.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    /// Traditional Chinese.
    pub hant: String,
    /// Simplified Chinese.
    pub hans: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in each language, in the order hant, hans, en.
    pub fn each(&self) -> [&str; 3] {
        [&self.hant, &self.hans, &self.en]
    }

    fn map(&self, mut f: impl FnMut(usize, &str) -> String) -> Text {
        Text {
            hant: f(0, &self.hant),
            hans: f(1, &self.hans),
            en: f(2, &self.en),
        }
    }
}

/// A source article.
#[derive(Clone, Debug)]
pub struct Source {
    /// Its id (`A`).
    pub id: String,
    /// The outlet.
    pub outlet: String,
    /// The title, verbatim.
    pub title: String,
    /// What the text establishes about its date: a day, the same in each
    /// language, or a window in words (each text begins with its year).
    pub date: Text,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// The body text (the file without its title line).
    pub body: String,
}

/// A quantity the widget knows.
#[derive(Clone, Debug)]
pub struct Series {
    /// Its id (`revenue`).
    pub id: String,
    /// What it measures.
    pub unit: Unit,
    /// What it is (`total`, `segment`, `product`, …).
    pub role: String,
    /// The series it is a part, growth or guidance of.
    pub of: Option<String>,
    /// The segment a product belongs to.
    pub within: Option<String>,
    /// For a product: the series of its full-year target.
    pub guidance: Option<String>,
    /// Its name, as figures are labelled.
    pub name: Text,
    /// A short name for metric labels.
    pub short: Option<Text>,
    /// Which periods readers can edit.
    pub input: InputMode,
    /// The field label, with `{p}` for the period.
    pub field: Option<Text>,
    /// The allowed range and slider.
    pub range: Range,
    /// True for a series of drop sizes: "跌26%" is stored as +26%.
    pub magnitude: bool,
}

/// Which periods of a series become reader inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputMode {
    /// None: the series is shown as published figures only.
    None,
    /// Every quarter of the fiscal year up to the latest; a quarter no
    /// article gives starts empty.
    Quarters,
    /// Every quarter of the fiscal year that an article gives.
    Observed,
    /// Only the latest quarter an article gives.
    Latest,
    /// All four quarters of the fiscal year; the quarters after the latest
    /// published one start at what the full-year target leaves.
    Guided,
    /// One input, the latest figure of any period, keyed by the series id.
    Current,
}

/// An allowed range, slider step and slider end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// The smallest allowed value.
    pub min: f64,
    /// True when `min` itself is not allowed.
    pub min_exclusive: bool,
    /// The largest allowed value.
    pub max: f64,
    /// One slider step.
    pub step: f64,
    /// Where the slider ends.
    pub slider_max: f64,
}

/// A published figure.
#[derive(Clone, Debug)]
pub struct Observation {
    /// Its key (`revenue_2025q3`, `revenue_2025q3_b`, or as the row names it).
    pub key: String,
    /// The index of its series.
    pub series: usize,
    /// Its series' unit.
    pub unit: Unit,
    /// The period it refers to.
    pub period: Period,
    /// Set when an article prints a figure another one also gives.
    pub variant: Option<String>,
    /// The value in base units.
    pub value: f64,
    /// The numeral as the quote writes it.
    pub numeral: String,
    /// How exact the article says it is.
    pub qualifier: Qualifier,
    /// The source id.
    pub source: String,
    /// The verbatim quote.
    pub quote: String,
    /// Its label (the series name unless the row gives one).
    pub label: Text,
    /// True for an article's assumption rather than a reported number.
    pub assumption: bool,
    /// The row's line in observations.toml.
    pub line: usize,
}

/// Where an input's starting value comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Default {
    /// The published figure with this index into `observations`.
    Figure(usize),
    /// Nothing: missing until the reader sets it.
    Empty,
    /// What the target (first) leaves after the other quarters, split evenly
    /// over the quarters still to come (`share` of them).
    Remainder { of: Vec<usize>, share: u8 },
    /// The mean of these inputs.
    Mean(Vec<usize>),
    /// The first input divided by the second.
    Ratio(Vec<usize>),
}

/// A reader input.
#[derive(Clone, Debug)]
pub struct Input {
    /// The stable id (`revenue_2025q3`).
    pub key: String,
    /// What groups it in sections: its series or assumption id.
    pub group: String,
    /// What it measures.
    pub unit: Unit,
    /// The field label.
    pub label: Text,
    /// Its starting value.
    pub default: Default,
    /// Range and slider.
    pub range: Range,
    /// True when the published default is an article's assumption.
    pub assumption: bool,
    /// The quarter it is for, if any.
    pub quarter: Option<Quarter>,
    /// True for a quarter after the latest published one (its default is a projection).
    pub projected: bool,
}

/// An operand of a metric: an input or an earlier metric, by index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Operand {
    /// An input.
    Input(usize),
    /// An earlier metric.
    Metric(usize),
}

/// A metric, one template evaluated for one period.
#[derive(Clone, Debug)]
pub struct Metric {
    /// The stable id (`kling_share_2025q3`).
    pub key: String,
    /// The template's key pattern (`kling_share_{p}`), which sections name.
    pub template: String,
    /// What it measures.
    pub unit: Unit,
    /// Its label.
    pub label: Text,
    /// The operation, as metrics.toml names it.
    pub op: String,
    /// Its operands, in formula order.
    pub operands: Vec<Operand>,
    /// Bit k: operand k must be positive.
    pub positive: u8,
    /// The quarter it is for, if any.
    pub quarter: Option<Quarter>,
    /// The quarter its numbers are of: its own, or the one all its operands
    /// share (a monthly ARPU of the quarter the member count is for).
    pub about: Option<Quarter>,
}

/// A section of the widget.
#[derive(Clone, Debug)]
pub struct Section {
    /// Its key.
    pub key: String,
    /// Its heading.
    pub title: Text,
    /// Its inputs, by index.
    pub inputs: Vec<usize>,
    /// Its metrics, by index.
    pub metrics: Vec<usize>,
    /// Its headline results (metrics, by index), shown large in the compact layout.
    pub headlines: Vec<usize>,
    /// Its opening paragraph: text and live numbers.
    pub narrative: Vec<Seg>,
    /// Its chart, if it has one.
    pub chart: Option<Chart>,
}

/// One piece of a narrative paragraph.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    /// Prose.
    Text(Text),
    /// A live number.
    Value(Operand),
}

/// A section's chart.
#[derive(Clone, Debug)]
pub enum Chart {
    /// Columns by quarter (an input each) with dots on their own scale (a metric each).
    Quarters {
        /// The chart's key (`data-chart`).
        key: String,
        /// Title, with {fy} filled in.
        title: Text,
        /// What the columns measure.
        bars_label: Text,
        /// What the dots measure.
        dots_label: Text,
        /// The legend for an assumed column.
        assumed: Text,
        /// Each quarter: "Q1", its input, its metric if it has one.
        points: Vec<(String, usize, Option<usize>)>,
    },
    /// Horizontal bars, one per input, metric or published figure, in one unit.
    Bars {
        /// The chart's key (`data-chart`).
        key: String,
        /// Title, with {p} and {fy} filled in for the chart's quarter.
        title: Text,
        /// What the bars measure.
        value_label: Text,
        /// The unit every item is in.
        unit: Unit,
        /// The legend for an assumed bar (empty when no item can be assumed).
        assumed: Text,
        /// Said after a negative value (empty: nothing).
        negative: Text,
        /// Each bar: key, name, value (`None`: no id for the chart's quarter, shown as —), highlighted.
        items: Vec<(String, Text, Option<Value>, bool)>,
        /// The mix rows under the bars (empty: none): one per period, with
        /// its slug, its label, its table heading and each item's share then
        /// (`None` for an item with no part in the mix, or no figure for the period).
        mix: Vec<(String, Text, Text, Vec<Option<Value>>)>,
    },
}

/// A value a claim or goal reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// An input or metric.
    Live(Operand),
    /// A published figure, by index into `observations`.
    Figure(usize),
}

/// An article's claim the widget checks.
#[derive(Clone, Debug)]
pub struct Claim {
    /// Its key.
    pub key: String,
    /// The source that makes it.
    pub source: String,
    /// How its verdict is reached.
    pub kind: String,
    /// The claim in words.
    pub text: Text,
    /// What the kind reads.
    pub values: Vec<Value>,
    /// The figures it rests on (keys).
    pub figures: Vec<String>,
    /// The explanation of each outcome of its kind, in the kind's order.
    pub explain: Vec<Text>,
    /// A note shown beside it, numbers filled in (empty when it has none).
    pub note: Text,
}

/// A "what would it take" question.
#[derive(Clone, Debug)]
pub struct Goal {
    /// Its key.
    pub key: String,
    /// Its closed form.
    pub kind: String,
    /// The question, placeholders filled.
    pub question: Text,
    /// The target's unit.
    pub target_unit: Unit,
    /// The target offered.
    pub default_target: f64,
    /// The input the answer is a value of, by index.
    pub solves_for: usize,
    /// What the closed form reads.
    pub values: Vec<Operand>,
}

/// An earlier edition and the inputs whose starting value has changed since.
#[derive(Clone, Debug)]
pub struct PastEdition {
    /// Its id.
    pub id: String,
    /// Ids of inputs whose published default differs now (or that no longer exist).
    pub changed: Vec<String>,
}

/// Everything the widget is compiled with.
#[derive(Clone, Debug)]
pub struct Model {
    /// The articles, in file order.
    pub sources: Vec<Source>,
    /// The series, in file order.
    pub series: Vec<Series>,
    /// Every published figure.
    pub observations: Vec<Observation>,
    /// The reader inputs, in evaluation and share-link order.
    pub inputs: Vec<Input>,
    /// The metrics, in evaluation order.
    pub metrics: Vec<Metric>,
    /// The sections, in page order.
    pub sections: Vec<Section>,
    /// The latest quarter any input series has a figure for.
    pub latest: Quarter,
    /// The edition id: the latest quarter and a hash of the figures.
    pub edition: String,
    /// The latest day the figures are dated (`2025-11-27`).
    pub as_of: String,
    /// Earlier editions a share link may come from.
    pub past_editions: Vec<PastEdition>,
    /// The widget's title.
    pub title: Text,
    /// The line under the title, with the number of sources filled in.
    pub intro: Text,
    /// The claims checked, in display order.
    pub claims: Vec<Claim>,
    /// The goals offered, in display order.
    pub goals: Vec<Goal>,
}

// ---------------------------------------------------------------------------
// The files as written.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextRow {
    #[serde(rename = "zh-Hant")]
    hant: Option<String>,
    #[serde(rename = "zh-Hans")]
    hans: Option<String>,
    en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default)]
    source: Vec<Spanned<SourceRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRow {
    id: String,
    outlet: String,
    title: String,
    date: DateRow,
    url: Option<String>,
}

/// A source's date as written: a day (`"2025-11-27"`), which reads the same
/// in every language, or, where the text names no day, the window it pins
/// down in words, one text per language (a reader sees their own).
#[derive(Deserialize)]
#[serde(untagged)]
enum DateRow {
    Day(String),
    Words(TextRow),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesFile {
    #[serde(default)]
    series: Vec<Spanned<SeriesRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesRow {
    id: String,
    unit: String,
    role: String,
    of: Option<String>,
    within: Option<String>,
    guidance: Option<String>,
    name: Spanned<TextRow>,
    short: Option<Spanned<TextRow>>,
    input: Option<String>,
    field: Option<Spanned<TextRow>>,
    min: Option<f64>,
    min_exclusive: Option<bool>,
    max: Option<f64>,
    step: Option<f64>,
    slider_max: Option<f64>,
    #[serde(default)]
    magnitude: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ObservationsFile {
    #[serde(default)]
    observation: Vec<Spanned<ObservationRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ObservationRow {
    id: Option<String>,
    series: String,
    period: String,
    variant: Option<String>,
    value: f64,
    numeral: String,
    qualifier: Option<String>,
    source: String,
    quote: String,
    label: Option<Spanned<TextRow>>,
    #[serde(default)]
    assumption: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssumptionsFile {
    #[serde(default)]
    assumption: Vec<Spanned<AssumptionRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssumptionRow {
    id: String,
    unit: String,
    default: DefaultRow,
    label: Spanned<TextRow>,
    min: Option<f64>,
    min_exclusive: Option<bool>,
    max: Option<f64>,
    step: Option<f64>,
    slider_max: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultRow {
    op: String,
    of: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricsFile {
    #[serde(default)]
    metric: Vec<Spanned<MetricRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricRow {
    key: String,
    #[serde(default)]
    each: Vec<String>,
    over: Option<String>,
    when: Option<String>,
    op: String,
    operands: Vec<String>,
    #[serde(default)]
    positive: Vec<u8>,
    unit: Option<String>,
    label: Spanned<TextRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsFile {
    #[serde(default)]
    section: Vec<Spanned<SectionRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionRow {
    key: String,
    title: Spanned<TextRow>,
    inputs: Vec<String>,
    metrics: Vec<String>,
    #[serde(default)]
    headlines: Vec<String>,
    chart: Option<ChartRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChartRow {
    key: String,
    kind: String,
    title: Spanned<TextRow>,
    /// A quarters chart's title when its columns cross into the year before.
    title_recent: Option<Spanned<TextRow>>,
    assumed: Option<Spanned<TextRow>>,
    bars: Option<String>,
    bars_label: Option<Spanned<TextRow>>,
    dots: Option<String>,
    dots_label: Option<Spanned<TextRow>>,
    value_label: Option<Spanned<TextRow>>,
    unit: Option<Spanned<String>>,
    negative: Option<Spanned<TextRow>>,
    #[serde(default)]
    items: Vec<Spanned<ChartItemRow>>,
    /// The periods of the mix rows under a bars chart ("{p-4}", "{p}").
    #[serde(default)]
    mix: Vec<String>,
    /// The mix columns' heading in the data table, {at} for the period.
    mix_label: Option<Spanned<TextRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChartItemRow {
    id: String,
    key: String,
    name: Spanned<TextRow>,
    #[serde(default)]
    highlight: bool,
    /// The item's share at each of the chart's `mix` periods (metric ids).
    #[serde(default)]
    mix: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WidgetFile {
    title: Spanned<TextRow>,
    intro: Spanned<TextRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NarrativeFile {
    #[serde(default)]
    paragraph: Vec<Spanned<ParagraphRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParagraphRow {
    section: String,
    sentence: Vec<Spanned<SentenceRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SentenceRow {
    #[serde(rename = "zh-Hant")]
    hant: String,
    #[serde(rename = "zh-Hans")]
    hans: String,
    en: String,
    /// The latest quarters (1 to 4) the sentence is shown in; every one if absent.
    quarters: Option<Vec<u8>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    #[serde(default)]
    claim: Vec<Spanned<ClaimRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimRow {
    key: String,
    source: String,
    kind: String,
    text: Spanned<TextRow>,
    values: Vec<String>,
    figures: Vec<String>,
    explain: Vec<Spanned<TextRow>>,
    note: Option<Spanned<TextRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalsFile {
    #[serde(default)]
    goal: Vec<Spanned<GoalRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalRow {
    key: String,
    kind: String,
    question: Spanned<TextRow>,
    target_unit: String,
    default_target: f64,
    solves_for: String,
    values: Vec<String>,
}

#[derive(Deserialize)]
struct EditionsFile {
    #[serde(default)]
    edition: Vec<Spanned<EditionRow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionRow {
    id: String,
    defaults: BTreeMap<String, f64>,
}

// ---------------------------------------------------------------------------
// Checking.

/// Collects mistakes for one file.
struct Report<'a> {
    errors: &'a mut Vec<DataError>,
    file: &'a str,
    text: &'a str,
}

impl Report<'_> {
    fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text[..end].bytes().filter(|&b| b == b'\n').count() + 1
    }

    fn at(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.line_of(offset);
        self.errors.push(DataError {
            file: self.file.to_string(),
            line,
            message: message.into(),
        });
    }

    /// A label with all three languages, or a mistake naming the missing ones.
    fn text(&mut self, row: &Spanned<TextRow>, what: &str) -> Text {
        self.words(row.span().start, row.get_ref(), what)
    }

    /// [`Report::text`] of a table that is not spanned itself, reported at `at`.
    fn words(&mut self, at: usize, t: &TextRow, what: &str) -> Text {
        let mut missing = Vec::new();
        for (name, v) in [("zh-Hant", &t.hant), ("zh-Hans", &t.hans), ("en", &t.en)] {
            match v.as_deref() {
                // The compiled tables join the three texts with a control
                // character (emit.rs), so none may hold one; none belongs in a
                // label anyway.
                Some(s) if s.chars().any(char::is_control) => self.at(
                    at,
                    format!("{what}'s {name} text holds a control character"),
                ),
                Some(s) if !s.trim().is_empty() => {}
                _ => missing.push(name),
            }
        }
        if !missing.is_empty() {
            self.at(at, format!("{what} lacks a text in {}", missing.join(", ")));
        }
        Text {
            hant: t.hant.clone().unwrap_or_default(),
            hans: t.hans.clone().unwrap_or_default(),
            en: t.en.clone().unwrap_or_default(),
        }
    }
}

/// Parses one TOML file into `T`, reporting a syntax or shape mistake with its line.
fn parse_file<T: for<'de> Deserialize<'de>>(
    files: &Files,
    name: &str,
    errors: &mut Vec<DataError>,
) -> Option<T> {
    let Some(text) = files.get(name) else {
        errors.push(DataError {
            file: name.to_string(),
            line: 1,
            message: "the file is missing".to_string(),
        });
        return None;
    };
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let mut r = Report {
                errors,
                file: name,
                text,
            };
            // One line: the parser's message may run over two.
            let message = e.message().trim().replace('\n', ": ");
            let message = message.as_str();
            r.at(
                e.span().map_or(0, |s| s.start),
                format!("{message}{}", toml_hint(message)),
            );
            None
        }
    }
}

/// What an editor most likely did to get the TOML parser's `message`, to
/// follow it: the parser names what it expected, not the slip that caused it.
fn toml_hint(message: &str) -> &'static str {
    const HINTS: [(&str, &str); 7] = [
        (
            "invalid type: string",
            " (a number goes without quotes: value = 385.2e8)",
        ),
        (
            "invalid table header",
            " (rows begin with a double-bracketed header: [[observation]])",
        ),
        (
            "invalid basic string",
            " (a text missing its closing \", or holding a line break)",
        ),
        (
            "expected `.`, `=`",
            " (write key = value with an ASCII =, not a full-width ＝; a text goes in \"quotes\")",
        ),
        (
            "duplicate key",
            " (a row missing its [[…]] header line runs into the row above)",
        ),
        (
            "expected newline",
            " (one key = value a line; a number in digits only, e.g. 355.54e8 for 355.54億)",
        ),
        ("invalid string", " (a text goes in \"quotes\")"),
    ];
    HINTS
        .iter()
        .find(|(start, _)| message.starts_with(start))
        .map_or("", |(_, hint)| hint)
}

fn unit_of(name: &str) -> Option<Unit> {
    Unit::ALL.into_iter().find(|u| u.key() == name)
}

fn qualifier_of(name: &str) -> Option<Qualifier> {
    [
        Qualifier::Exact,
        Qualifier::Approx,
        Qualifier::Floor,
        Qualifier::Ceiling,
    ]
    .into_iter()
    .find(|q| q.key() == name)
}

/// The range a unit and role start from; a row may override any part.
fn default_range(unit: Unit, role: &str) -> Range {
    const BIG: f64 = 1e15;
    let money = |step| Range {
        min: if role == "profit" { -BIG } else { 0.0 },
        min_exclusive: false,
        max: BIG,
        step,
        slider_max: 0.0,
    };
    match unit {
        Unit::Cny | Unit::Usd | Unit::Hkd | Unit::Count => money(1e6),
        Unit::Change => Range {
            min: -1.0,
            min_exclusive: true,
            max: 100.0,
            step: 0.001,
            slider_max: 1.0,
        },
        Unit::Share => Range {
            min: 0.0,
            min_exclusive: false,
            max: 1.0,
            step: 0.001,
            slider_max: 1.0,
        },
        Unit::Multiple => Range {
            min: -1000.0,
            min_exclusive: false,
            max: 1000.0,
            step: 0.01,
            slider_max: 100.0,
        },
        Unit::Minutes => Range {
            min: 0.0,
            min_exclusive: false,
            max: 1440.0,
            step: 0.1,
            slider_max: 600.0,
        },
        Unit::CnyPerUsd => Range {
            min: 0.0,
            min_exclusive: true,
            max: 100.0,
            step: 0.01,
            slider_max: 10.0,
        },
    }
}

fn range_with(
    base: Range,
    min: Option<f64>,
    min_exclusive: Option<bool>,
    max: Option<f64>,
    step: Option<f64>,
    slider_max: Option<f64>,
) -> Range {
    Range {
        min: min.unwrap_or(base.min),
        min_exclusive: min_exclusive.unwrap_or(base.min_exclusive),
        max: max.unwrap_or(base.max),
        step: step.unwrap_or(base.step),
        slider_max: slider_max.unwrap_or(base.slider_max),
    }
}

fn in_range(r: &Range, v: f64) -> bool {
    v.is_finite() && v <= r.max && (v > r.min || (!r.min_exclusive && v == r.min))
}

/// Words just before a numeral that say the figure fell.
const DECLINES: [&str; 6] = ["下降", "下跌", "減少", "减少", "下滑", "跌"];

/// Words at a numeral that make the figure inexact, the qualifier each
/// implies, and whether the word follows the number (3億元以上) rather than
/// precedes it (超過3億元). Longer words first, so the message names the
/// word as written.
const QUALIFYING: [(&str, Qualifier, bool); 24] = [
    ("超過", Qualifier::Floor, false),
    ("超过", Qualifier::Floor, false),
    ("突破", Qualifier::Floor, false),
    ("至少", Qualifier::Floor, false),
    ("逾", Qualifier::Floor, false),
    ("超", Qualifier::Floor, false),
    ("以上", Qualifier::Floor, true),
    ("多", Qualifier::Floor, true),
    ("餘", Qualifier::Floor, true),
    ("余", Qualifier::Floor, true),
    ("大約", Qualifier::Approx, false),
    ("大约", Qualifier::Approx, false),
    ("接近", Qualifier::Approx, false),
    ("約", Qualifier::Approx, false),
    ("约", Qualifier::Approx, false),
    ("近", Qualifier::Approx, false),
    ("左右", Qualifier::Approx, true),
    ("不足", Qualifier::Ceiling, false),
    ("不到", Qualifier::Ceiling, false),
    ("低於", Qualifier::Ceiling, false),
    ("低于", Qualifier::Ceiling, false),
    ("少於", Qualifier::Ceiling, false),
    ("少于", Qualifier::Ceiling, false),
    ("以下", Qualifier::Ceiling, true),
];

/// The qualifying word at the numeral found at byte `pos` of `quote` (see
/// [`QUALIFYING`]): in the words of its own clause before it (back to a
/// punctuation mark or another number, at most 8 characters: 約為人民幣98億元)
/// or the numeral itself, which may hold the word ("超過2.5億元"), or right
/// after it (3億元以上). 最近 ("latest") is not 近 ("nearly").
pub fn qualifying_at(quote: &str, pos: usize, numeral: &str) -> Option<(&'static str, Qualifier)> {
    let mut before: Vec<char> = quote[..pos]
        .chars()
        .rev()
        .take_while(|c| !c.is_ascii_digit() && !",。;、,:;:()()".contains(*c))
        .take(8)
        .collect();
    before.reverse();
    let lead: String = before.into_iter().chain(numeral.chars()).collect();
    let lead = lead.replace("最近", "");
    let trail = &quote[pos + numeral.len()..];
    QUALIFYING
        .iter()
        .find(|&&(w, _, after)| {
            if after {
                trail.starts_with(w)
            } else {
                lead.contains(w)
            }
        })
        .map(|&(w, q, _)| (w, q))
}

/// The id among `known` that `name` most likely meant: the same but for
/// case, or one or two letters off (a typo), if exactly one is that close.
fn nearest<'a>(name: &str, known: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    if let Some(same) = known.clone().find(|k| k.eq_ignore_ascii_case(name)) {
        return Some(same);
    }
    let close: Vec<&str> = known
        .filter(|k| {
            let d = edit_distance(name, k);
            d <= 2 && d * 3 <= k.chars().count()
        })
        .collect();
    (close.len() == 1).then(|| close[0])
}

/// The offset of the line `key = …` in the row of `text` that begins at `at`
/// (up to the next table header), so a message names the field's own line;
/// `at` itself when the row does not write that key.
fn field(text: &str, at: usize, key: &str) -> usize {
    let row = &text[at..];
    let row = &row[..row[1..].find("\n[").map_or(row.len(), |i| i + 1)];
    let mut offset = 0;
    for line in row.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                return at + offset;
            }
        }
        offset += line.len();
    }
    at
}

/// Whether `quote` says which year it speaks of: a year in digits (2024年)
/// or a word for an earlier one (去年, 上年, 前年, 同期).
fn names_a_year(quote: &str) -> bool {
    ["去年", "上年", "前年", "同期"]
        .iter()
        .any(|w| quote.contains(w))
        || quote
            .match_indices('年')
            .any(|(at, w)| year_ending_at(quote, at + w.len()).is_some())
}

/// The year a quote writes in digits just before byte `end` ("2025年").
fn year_ending_at(quote: &str, end: usize) -> Option<u16> {
    let digits = quote[..end].strip_suffix('年')?;
    let year = digits.get(digits.len().checked_sub(4)?..)?;
    year.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| year.parse().ok())?
}

/// Words that name a quarter in a quote, by quarter.
const QUARTER_NAMES: [&[&str]; 4] = [
    &["第一季", "一季度", "Q1", "首季"],
    &["第二季", "二季度", "Q2"],
    &["第三季", "三季度", "Q3"],
    &["第四季", "四季度", "Q4"],
];

/// A quarter's row whose quote names another quarter, alone (快手第四季度… for
/// 2025Q3), or this quarter of another year (2024年第三季度… for 2025Q3): the
/// period was mistyped. A quote naming several quarters is not judged.
fn quarter_slip(quote: &str, period: Period) -> Option<String> {
    let Period::Quarter { year, q } = period else {
        return None;
    };
    let mut named = Vec::new();
    for (i, words) in QUARTER_NAMES.iter().enumerate() {
        for w in *words {
            for (at, _) in quote.match_indices(w) {
                // "2025年" just before the quarter's name is its year.
                named.push((i as u8 + 1, *w, year_ending_at(quote, at)));
            }
        }
    }
    let first = named.first()?;
    if named.iter().all(|n| n.0 == first.0) && first.0 != q {
        return Some(format!(
            "the quote names the {} ({:?}), but the period is {period}: check the period",
            quarter_words(first.0, 2),
            first.1
        ));
    }
    named
        .iter()
        .find(|n| n.0 == q && n.2.is_some_and(|y| y != year))
        .map(|n| {
            format!(
                "the quote names {}年{}, but the period is {period}: check the period",
                n.2.unwrap_or_default(),
                n.1
            )
        })
}

/// Where a quote stops matching its source's text, for the message: the
/// longest start of the quote the text holds, and the character the text has
/// after it where the quote has another (亿 for 億, a half-width comma). Empty
/// when not even the quote's first character is in the text.
fn where_quote_differs(quote: &str, body: &str) -> String {
    let mut matched = 0;
    for (i, c) in quote.char_indices() {
        if body.contains(&quote[..i + c.len_utf8()]) {
            matched = i + c.len_utf8();
        } else {
            break;
        }
    }
    if matched == 0 {
        return String::new();
    }
    let (same, rest) = quote.split_at(matched);
    let theirs: Vec<String> = body
        .match_indices(same)
        .filter_map(|(i, _)| body[i + same.len()..].chars().next())
        .map(|c| format!("{c:?}"))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let ours = rest.chars().next().unwrap_or_default();
    if theirs.is_empty() {
        format!("; the text ends after {same:?}")
    } else {
        format!(
            "; the text has {same:?} followed by {}, the quote {ours:?}",
            theirs.join(" or ")
        )
    }
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

/// Reads, checks and expands the data. Every mistake found is returned.
pub fn check(files: &Files) -> Result<Model, Vec<DataError>> {
    check_as_of(files, None)
}

/// The day `KC_DATA_AS_OF` names (`2025-11-27`), if it is set: see [`check_as_of`].
pub fn as_of_env() -> Result<Option<String>, String> {
    match std::env::var("KC_DATA_AS_OF") {
        Ok(day) if day.is_empty() => Ok(None),
        Ok(day) => match Period::parse(&day).and_then(Period::date) {
            Some(d) => Ok(Some(d)),
            None => Err(format!(
                "KC_DATA_AS_OF={day:?} is not a day: write 2025-11-27"
            )),
        },
        Err(_) => Ok(None),
    }
}

/// [`check`] of the data as it stood on the day `as_of` (`2025-11-27`), if
/// given: a source of the first directory (`data/`) dated after it, with every
/// figure it gives, is left out, and so is every edition recorded after the one
/// that data makes. Editions only add rows (README: "Updating the figures"), so
/// this is the earlier edition again, and the tests, which describe one
/// edition's figures, keep describing it after an editor adds the next
/// (`scripts/test.sh`). A later directory's rows (the test edition's made-up
/// quarter) are added to that earlier edition as they are.
pub fn check_as_of(files: &Files, as_of: Option<&str>) -> Result<Model, Vec<DataError>> {
    let mut errors = Vec::new();
    // editions.toml decides which inputs exist (from the first edition's
    // quarter on): a slip in it would surface as unrelated mistakes in the
    // narrative and sections, so it is read first and stops the check.
    if files.contains_key("editions.toml")
        && parse_file::<EditionsFile>(files, "editions.toml", &mut errors).is_none()
    {
        return Err(errors);
    }
    let (sources, cut) = check_sources(files, as_of, &mut errors);
    let series = check_series(files, &mut errors);
    // Nothing read from a file that did not parse: every figure would call its
    // source or series unknown, burying the one slip under a hundred lines.
    if (sources.is_empty() || series.is_empty()) && !errors.is_empty() {
        return Err(errors);
    }
    let observations = check_observations(files, &sources, &cut, &series, &mut errors);
    let widget = parse_file::<WidgetFile>(files, "widget.toml", &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(latest) = latest_quarter(&series, &observations) else {
        errors.push(DataError {
            file: "observations.toml".into(),
            line: 1,
            message: "no quarterly figure of any input series: the widget needs at least one"
                .into(),
        });
        return Err(errors);
    };
    // The year labels name their quarters without, decided once for every table.
    let plain = plain_year(files, latest);
    let inputs = build_inputs(files, &series, &observations, latest, plain, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut waiting = Vec::new();
    let metrics = build_metrics(
        files,
        &series,
        &observations,
        &inputs,
        plain,
        &mut waiting,
        &mut errors,
    );
    if metrics.len() > 255 {
        errors.push(DataError {
            file: "metrics.toml".into(),
            line: 1,
            message: format!(
                "{} metrics: the widget holds at most 255 (fewer series with input = \"observed\" or fewer templates)",
                metrics.len()
            ),
        });
    }
    let sections = build_sections(
        files,
        &observations,
        &inputs,
        &metrics,
        &waiting,
        (latest, plain),
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    let edition = edition_id(latest, &observations, &inputs, &metrics);
    // Under a cut, the first directory's own edition as of the day marks which
    // recorded editions are past: a later directory's rows (a test edition)
    // make an edition never recorded, and the editions an editor recorded
    // after the day are from later data all the same.
    let base = match as_of {
        Some(_) if files.values().any(|t| t.contains(ADDED_FROM)) => {
            check_as_of(&first_directory(files), as_of)
                .ok()
                .map(|m| m.edition)
        }
        _ => None,
    };
    let past_editions = check_editions(
        files,
        &inputs,
        &observations,
        &edition,
        base.as_deref(),
        &mut errors,
    );
    let widget = widget.expect("parsed above");
    let text = files.get("widget.toml").map(String::as_str).unwrap_or("");
    let mut r = Report {
        errors: &mut errors,
        file: "widget.toml",
        text,
    };
    let title = r.text(&widget.title, "title");
    let intro = r.text(&widget.intro, "intro");
    let n = sources.len();
    let intro = intro.map(|k, s| s.replace("{n}", &number_words(n, k)));
    let as_of = sources
        .iter()
        .filter_map(|s| Period::parse(&s.date.en).and_then(Period::date))
        .chain(observations.iter().filter_map(|o| o.period.date()))
        .max()
        .unwrap_or_default();
    let claims = build_claims(
        files,
        &sources,
        &observations,
        &inputs,
        &metrics,
        plain,
        &mut errors,
    );
    let goals = build_goals(
        files,
        &observations,
        &inputs,
        &metrics,
        (latest, plain),
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Model {
        sources,
        series,
        observations,
        inputs,
        metrics,
        sections,
        latest,
        edition,
        as_of,
        past_editions,
        title,
        intro,
        claims,
        goals,
    })
}

fn build_goals(
    files: &Files,
    obs: &[Observation],
    inputs: &[Input],
    metrics: &[Metric],
    (latest, plain): (Quarter, Option<u16>),
    errors: &mut Vec<DataError>,
) -> Vec<Goal> {
    let Some(file) = parse_file::<GoalsFile>(files, "goals.toml", errors) else {
        return Vec::new();
    };
    let text = &files["goals.toml"];
    let lookup = Lookup {
        obs,
        inputs,
        metrics,
        latest,
        plain,
    };
    let mut out = Vec::new();
    for row in &file.goal {
        let at = row.span().start;
        let g = row.get_ref();
        let mut r = Report {
            errors,
            file: "goals.toml",
            text,
        };
        let question = r.text(&g.question, "question");
        if !["remainder", "share_of", "divide", "per_month"].contains(&g.kind.as_str()) {
            r.at(
                at,
                format!(
                    "unknown kind {:?} (remainder, share_of, divide or per_month)",
                    g.kind
                ),
            );
            continue;
        }
        let Some(target_unit) = unit_of(&g.target_unit) else {
            r.at(at, format!("unknown unit {:?}", g.target_unit));
            continue;
        };
        // A question about the quarters still to come drops out once there are none.
        let solves = lookup.key(&g.solves_for).and_then(|k| lookup.operand(&k));
        let solves_for = match solves {
            Some(Operand::Input(i)) => i,
            None if g.solves_for.contains("{rest}") => continue,
            _ => {
                r.at(at, format!("solves_for = {:?} is no input", g.solves_for));
                continue;
            }
        };
        let mut values = Vec::new();
        for v in &g.values {
            match lookup.many(v) {
                Some(found) => values.extend(found),
                None => r.at(at, format!("values: {v:?} is no input or metric")),
            }
        }
        let rest = if latest.q < 4 {
            if latest.q == 3 {
                "Q4".to_string()
            } else {
                format!("Q{}–Q4", latest.q + 1)
            }
        } else {
            String::new()
        };
        let question = question.map(|_, t| {
            t.replace("{rest}", &rest)
                .replace("{p}", &format!("Q{}", latest.q))
                .replace("{fy}", &latest.year.to_string())
        });
        out.push(Goal {
            key: g.key.clone(),
            kind: g.kind.clone(),
            question,
            target_unit,
            default_target: g.default_target,
            solves_for,
            values,
        });
    }
    out
}

/// The kinds of claim the code can check, how many values each reads
/// (`None`: any number, at least one) and how many outcomes it explains.
const CLAIM_KINDS: [(&str, Option<usize>, usize); 8] = [
    ("shares_below", None, 2),
    ("sum_above", None, 2),
    ("guidance", Some(4), 4),
    ("part_share", Some(3), 2),
    ("arpu", Some(3), 3),
    ("above", Some(2), 2),
    ("qoq_stated", Some(3), 2),
    ("gap", Some(1), 2),
];

/// A claim note with its `{share:a/b}`, `{times:a/b}` and `{share:a}` numbers
/// computed from the figures and written as the widget writes them.
fn fill_note(note: &str, obs: &[Observation]) -> Result<String, String> {
    let mut out = note.to_string();
    while let Some(start) = out.find("{share:").or_else(|| out.find("{times:")) {
        let len = out[start..].find('}').ok_or("a { has no closing }")?;
        let inner = out[start + 1..start + len].to_string();
        let (kind, expr) = inner.split_once(':').unwrap_or(("", ""));
        let value = |key: &str| {
            obs.iter()
                .find(|o| o.key == key)
                .map(|o| o.value)
                .ok_or_else(|| format!("note: {key:?} is no figure"))
        };
        let v = match expr.split_once('/') {
            Some((a, b)) => value(a)? / value(b)?,
            None => value(expr)?,
        };
        let text = if kind == "share" {
            let decimals = if v < 0.1 { 2 } else { 1 };
            [trimmed(v * 100.0, decimals), "%".into()].concat()
        } else {
            trimmed(v, 2)
        };
        out.replace_range(start..start + len + 1, &text);
    }
    Ok(out)
}

/// `v` to `decimals` places, trailing zeros trimmed (as `format_value` writes).
fn trimmed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The year of a figure's period, if it has one.
fn period_year(p: Period) -> Option<u16> {
    match p {
        Period::Quarter { year, .. }
        | Period::Quarters { year, .. }
        | Period::Year(year)
        | Period::YearToDate(year)
        | Period::Month { year, .. }
        | Period::Date { year, .. } => Some(year),
        Period::AllTime => None,
    }
}

fn build_claims(
    files: &Files,
    sources: &[Source],
    obs: &[Observation],
    inputs: &[Input],
    metrics: &[Metric],
    plain: Option<u16>,
    errors: &mut Vec<DataError>,
) -> Vec<Claim> {
    let Some(file) = parse_file::<ClaimsFile>(files, "claims.toml", errors) else {
        return Vec::new();
    };
    let text = &files["claims.toml"];
    let mut out: Vec<Claim> = Vec::new();
    for row in &file.claim {
        let at = row.span().start;
        let c = row.get_ref();
        let mut r = Report {
            errors,
            file: "claims.toml",
            text,
        };
        let words = r.text(&c.text, "text");
        if out.iter().any(|o| o.key == c.key) {
            r.at(at, format!("claim {:?} is listed twice", c.key));
        }
        if !sources.iter().any(|s| s.id == c.source) {
            r.at(at, format!("unknown source {:?}", c.source));
        }
        match CLAIM_KINDS.iter().find(|(k, _, _)| *k == c.kind) {
            None => r.at(
                at,
                format!(
                    "unknown kind {:?} (one of {})",
                    c.kind,
                    CLAIM_KINDS.map(|(k, _, _)| k).join(", ")
                ),
            ),
            Some((_, Some(n), _)) if *n != c.values.len() => r.at(
                at,
                format!("kind {:?} reads {n} values, not {}", c.kind, c.values.len()),
            ),
            Some((_, _, n)) if *n != c.explain.len() => r.at(
                at,
                format!(
                    "kind {:?} explains {n} outcomes, not {}",
                    c.kind,
                    c.explain.len()
                ),
            ),
            Some(_) if c.values.is_empty() => r.at(at, "values is empty"),
            Some(_) => {}
        }
        let explain: Vec<Text> = c.explain.iter().map(|e| r.text(e, "explain")).collect();
        let note = match &c.note {
            None => Text::default(),
            Some(n) => {
                let n = r.text(n, "note");
                let mut filled = Text::default();
                for (k, part) in n.each().into_iter().enumerate() {
                    match fill_note(part, obs) {
                        Ok(t) => match k {
                            0 => filled.hant = t,
                            1 => filled.hans = t,
                            _ => filled.en = t,
                        },
                        Err(e) => r.at(at, e),
                    }
                }
                filled
            }
        };
        let mut values = Vec::new();
        for v in &c.values {
            let found = match v.strip_prefix("figure:") {
                Some(key) => obs.iter().position(|o| o.key == key).map(Value::Figure),
                None => inputs
                    .iter()
                    .position(|i| &i.key == v)
                    .map(Operand::Input)
                    .or_else(|| {
                        metrics
                            .iter()
                            .position(|m| &m.key == v)
                            .map(Operand::Metric)
                    })
                    .map(Value::Live),
            };
            match found {
                Some(x) => values.push(x),
                None => r.at(
                    at,
                    format!("values: {v:?} is no input, metric or figure:<figure>"),
                ),
            }
        }
        for f in &c.figures {
            if !obs.iter().any(|o| &o.key == f) {
                r.at(at, format!("figures: {f:?} is no figure"));
            }
        }
        // A claim is about its figures' year; once an edition reaches into
        // a new year, it says which ("2025年:可靈收入佔…"), so a reader does not
        // weigh 2025's "Q1" against this year's cards.
        let year = c
            .figures
            .iter()
            .filter_map(|f| obs.iter().find(|o| &o.key == f))
            .filter_map(|o| period_year(o.period))
            .max();
        let words = match year {
            Some(y) if plain != Some(y) => words.map(|k, t| match k {
                2 => format!("{y}: {t}"),
                _ => format!("{y}年:{t}"),
            }),
            _ => words,
        };
        out.push(Claim {
            key: c.key.clone(),
            source: c.source.clone(),
            kind: c.kind.clone(),
            text: words,
            values,
            figures: c.figures.clone(),
            explain,
            note,
        });
    }
    out
}

/// `n` in words in each language (eight, 八), digits past twenty.
fn number_words(n: usize, locale: usize) -> String {
    const EN: [&str; 21] = [
        "no",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const ZH: [&str; 11] = [
        "零", "一", "兩", "三", "四", "五", "六", "七", "八", "九", "十",
    ];
    match locale {
        2 if n <= 20 => EN[n].to_string(),
        0 | 1 if n <= 10 => {
            if locale == 1 && n == 2 {
                "两".to_string()
            } else {
                ZH[n].to_string()
            }
        }
        _ => n.to_string(),
    }
}

/// The sources, and the ids of those whose figures the observations leave out:
/// dated after `as_of` (see [`check_as_of`]; only the first directory's rows
/// are cut), or already reported here (no text, a bad id), so that each of
/// their rows does not repeat the mistake as an unknown source.
fn check_sources(
    files: &Files,
    as_of: Option<&str>,
    errors: &mut Vec<DataError>,
) -> (Vec<Source>, Vec<String>) {
    let Some(file) = parse_file::<SourcesFile>(files, "sources.toml", errors) else {
        return (Vec::new(), Vec::new());
    };
    // A source dated by its day is later if that day is; one dated more
    // loosely ("2025 (mid-year, after 29 May)") if its year is.
    let later = |date: &str| {
        as_of.is_some_and(|day| match Period::parse(date).and_then(Period::date) {
            Some(d) => d.as_str() > day,
            None => date
                .get(..4)
                .is_some_and(|year| year.bytes().all(|b| b.is_ascii_digit()) && year > &day[..4]),
        })
    };
    let mut cut = Vec::new();
    let text = &files["sources.toml"];
    // Where the rows a later directory adds begin (`load` marks them).
    let first_end = text.find(ADDED_FROM).unwrap_or(text.len());
    let mut out: Vec<Source> = Vec::new();
    for row in &file.source {
        let at = row.span().start;
        let s = row.get_ref();
        let mut r = Report {
            errors,
            file: "sources.toml",
            text,
        };
        if out.iter().any(|o| o.id == s.id) || cut.contains(&s.id) {
            let first = text.find(&format!("id = \"{}\"", s.id)).unwrap_or(at);
            r.at(
                field(text, at, "id"),
                format!(
                    "source {:?} is listed twice (first at line {})",
                    s.id,
                    r.line_of(first)
                ),
            );
            continue;
        }
        if s.id.len() != 1 || !s.id.bytes().all(|b| b.is_ascii_uppercase()) {
            r.at(
                at,
                format!("source id {:?} must be one capital letter (A to Z)", s.id),
            );
            cut.push(s.id.clone());
            continue;
        }
        let name = format!("sources/{}.txt", s.id);
        let Some(content) = files.get(&name) else {
            r.at(
                at,
                match files.keys().find(|k| k.eq_ignore_ascii_case(&name)) {
                    Some(other) => format!(
                        "source {:?} has no text: data/{other} is there, but the name must be data/{name}, in capitals",
                        s.id
                    ),
                    None => format!("source {:?} has no text: add data/{name}", s.id),
                },
            );
            cut.push(s.id.clone());
            continue;
        };
        let (title, body) = content.split_once('\n').unwrap_or((content, ""));
        let body = body.trim_end_matches(['\n', '\r']);
        if title.trim_end() != s.title {
            r.at(
                field(text, at, "title"),
                format!(
                    "the title here is not the first line of data/{name}, which reads {:?}",
                    {
                        // A text without its title line starts with its body.
                        let short: String = title.chars().take(40).collect();
                        if short.len() < title.len() {
                            format!("{short}…")
                        } else {
                            short
                        }
                    }
                ),
            );
            // Without its title line the text's first line went to the title:
            // each of the source's quotes would be reported too.
            cut.push(s.id.clone());
        }
        let tail = format!("({})", s.outlet);
        // (After a title mismatch the body may be empty or start mid-text:
        // that mistake is the one to fix first.)
        if !cut.contains(&s.id) && !body.ends_with(&tail) {
            r.at(
                field(text, at, "outlet"),
                format!(
                    "data/{name} does not end with the outlet {tail}: it ends {:?}",
                    // Its last 12 characters.
                    &body[body.char_indices().rev().nth(11).map_or(0, |(i, _)| i)..]
                ),
            );
        }
        let date = match &s.date {
            DateRow::Day(day) => {
                if Period::parse(day).and_then(Period::date).is_none() {
                    r.at(
                        field(text, at, "date"),
                        format!(
                            "the date {day:?} is not a day written year-month-day, as 2025-11-27 is: where the text names no day, \
                             write the window it pins down in each language, \
                             date = {{ zh-Hant = \"2025年年中\", zh-Hans = \"2025年年中\", en = \"2025 (mid-year)\" }}"
                        ),
                    );
                }
                Text {
                    hant: day.clone(),
                    hans: day.clone(),
                    en: day.clone(),
                }
            }
            DateRow::Words(words) => {
                let t = r.words(field(text, at, "date"), words, "the date");
                // The tests' day places a window by its year (`later`).
                let year = |s: &str| {
                    s.get(..4)
                        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
                        .map(str::to_owned)
                };
                let years = [year(&t.hant), year(&t.hans), year(&t.en)];
                if years[0].is_none() || years.iter().any(|y| *y != years[0]) {
                    r.at(
                        field(text, at, "date"),
                        "each of the date's texts must begin with its year, the same in all three (\"2025年年中\", \"2025 (mid-year)\")",
                    );
                }
                t
            }
        };
        if at < first_end && later(&date.en) {
            cut.push(s.id.clone());
            continue;
        }
        out.push(Source {
            id: s.id.clone(),
            outlet: s.outlet.clone(),
            title: s.title.clone(),
            date,
            url: s.url.clone(),
            body: body.to_string(),
        });
    }
    (out, cut)
}

const ROLES: [&str; 12] = [
    "total",
    "segment",
    "product",
    "profit",
    "yoy",
    "qoq",
    "users",
    "guidance",
    "mix",
    "valuation",
    "pe",
    "peer_pe",
];

fn check_series(files: &Files, errors: &mut Vec<DataError>) -> Vec<Series> {
    let Some(file) = parse_file::<SeriesFile>(files, "series.toml", errors) else {
        return Vec::new();
    };
    let text = &files["series.toml"];
    let mut out: Vec<Series> = Vec::new();
    for row in &file.series {
        let at = row.span().start;
        let s = row.get_ref();
        let mut r = Report {
            errors,
            file: "series.toml",
            text,
        };
        if out.iter().any(|o| o.id == s.id) {
            r.at(at, format!("series {:?} is listed twice", s.id));
            continue;
        }
        let Some(unit) = unit_of(&s.unit) else {
            r.at(at, format!("unknown unit {:?}", s.unit));
            continue;
        };
        if s.role != "figure" && !ROLES.contains(&s.role.as_str()) {
            r.at(
                at,
                format!(
                    "unknown role {:?} (one of figure, {})",
                    s.role,
                    ROLES.join(", ")
                ),
            );
        }
        let input = match s.input.as_deref() {
            None => InputMode::None,
            Some("quarters") => InputMode::Quarters,
            Some("observed") => InputMode::Observed,
            Some("latest") => InputMode::Latest,
            Some("guided") => InputMode::Guided,
            Some("current") => InputMode::Current,
            Some(other) => {
                r.at(
                    at,
                    format!("unknown input mode {other:?} (quarters, observed, latest, guided or current)"),
                );
                InputMode::None
            }
        };
        let name = r.text(&s.name, "name");
        let short = s.short.as_ref().map(|t| r.text(t, "short"));
        let field = s.field.as_ref().map(|t| r.text(t, "field"));
        if input != InputMode::None && field.is_none() {
            r.at(
                at,
                "a series readers can edit needs a field label (field = { … })",
            );
        }
        if input == InputMode::Guided && s.guidance.is_none() {
            r.at(
                at,
                "input = \"guided\" needs guidance = \"<series of the full-year target>\"",
            );
        }
        let range = range_with(
            default_range(unit, &s.role),
            s.min,
            s.min_exclusive,
            s.max,
            s.step,
            s.slider_max,
        );
        if input != InputMode::None {
            check_range(&mut r, at, &range);
        }
        out.push(Series {
            id: s.id.clone(),
            unit,
            role: s.role.clone(),
            of: s.of.clone(),
            within: s.within.clone(),
            guidance: s.guidance.clone(),
            name,
            short,
            input,
            field,
            range,
            magnitude: s.magnitude,
        });
    }
    for (row, s) in file.series.iter().zip(&out) {
        for (what, target) in [
            ("of", &s.of),
            ("within", &s.within),
            ("guidance", &s.guidance),
        ] {
            if let Some(t) = target {
                if !out.iter().any(|o| &o.id == t) {
                    let mut r = Report {
                        errors,
                        file: "series.toml",
                        text,
                    };
                    r.at(row.span().start, format!("{what} = {t:?}: unknown series"));
                }
            }
        }
    }
    out
}

fn check_range(r: &mut Report, at: usize, range: &Range) {
    if range.min.partial_cmp(&range.max) != Some(std::cmp::Ordering::Less) {
        r.at(
            at,
            format!("min {} is not below max {}", range.min, range.max),
        );
    }
    if range.step.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        r.at(at, format!("step {} must be above zero", range.step));
    }
    if !(range.slider_max > range.min && range.slider_max <= range.max) {
        r.at(
            at,
            format!(
                "slider_max {} must lie above min {} and at most max {}",
                range.slider_max, range.min, range.max
            ),
        );
    }
}

fn check_observations(
    files: &Files,
    sources: &[Source],
    cut: &[String],
    series: &[Series],
    errors: &mut Vec<DataError>,
) -> Vec<Observation> {
    let Some(file) = parse_file::<ObservationsFile>(files, "observations.toml", errors) else {
        return Vec::new();
    };
    let text = &files["observations.toml"];
    let mut out: Vec<Observation> = Vec::new();
    for row in &file.observation {
        let at = row.span().start;
        let o = row.get_ref();
        if cut.contains(&o.source) {
            continue;
        }
        let mut r = Report {
            errors,
            file: "observations.toml",
            text,
        };
        let Some(si) = series.iter().position(|s| s.id == o.series) else {
            let near = nearest(&o.series, series.iter().map(|s| s.id.as_str()));
            r.at(
                field(text, at, "series"),
                match near {
                    Some(id) => format!(
                        "unknown series {:?}: did you mean {id:?}? (a new series goes in series.toml first)",
                        o.series
                    ),
                    None => format!("unknown series {:?}: add it to series.toml first", o.series),
                },
            );
            continue;
        };
        let Some(period) = Period::parse(&o.period) else {
            let capitals = o.period.to_ascii_uppercase();
            r.at(
                field(text, at, "period"),
                match Period::parse(&capitals) {
                    Some(p) if capitals != o.period => {
                        format!("unknown period {:?}: write it in capitals, {p}", o.period)
                    }
                    _ => format!(
                        "unknown period {:?}: write 2025Q3, 2025Q1-Q3, 2025FY, 2025YTD, 2025-09, 2025-11-27 or all-time",
                        o.period
                    ),
                },
            );
            continue;
        };
        let Some(source) = sources.iter().find(|s| s.id == o.source) else {
            let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
            r.at(
                field(text, at, "source"),
                match sources
                    .iter()
                    .find(|s| s.outlet == o.source)
                    .map(|s| s.id.as_str())
                    .or_else(|| nearest(&o.source, ids.iter().copied()))
                {
                    Some(id) => format!("unknown source {:?}: did you mean {id:?}?", o.source),
                    None => format!(
                        "unknown source {:?}: add it to sources.toml first (it lists {})",
                        o.source,
                        ids.join(", ")
                    ),
                },
            );
            continue;
        };
        // A quarter's results come out after it ends (guidance for it may
        // come before; so may a claim about the year in progress, as A's
        // share "不足1%" for 2025FY is).
        let quarters = matches!(period, Period::Quarter { .. } | Period::Quarters { .. });
        if let (Some(end), Some(day)) = (
            period
                .last_day()
                .filter(|_| quarters && series[si].role != "guidance"),
            Period::parse(&source.date.en).and_then(Period::date),
        ) {
            // A quarter over a year before the article, which names no
            // year ("去年", "2024年"): most likely this year's quarter mistyped.
            let a_year_before = format!(
                "{}{}",
                day[..4].parse::<u16>().map_or(0, |y| y - 1),
                &day[4..]
            );
            let wrong = if end < a_year_before && !names_a_year(&o.quote) {
                Some(format!("over a year after {period} ended, and the quote names no year: check the period"))
            } else if day <= end {
                Some(format!("but {period} ends on {end}: its results came out after; check the source's date in sources.toml or this row's period"))
            } else {
                None
            };
            if let Some(why) = wrong {
                r.at(
                    field(text, at, "period"),
                    format!("source {} is dated {day}, {why}", source.id),
                );
                continue;
            }
        }
        // Before the duplicate check: a mistyped period often lands on a
        // quarter already given, and "mark it with variant" would mislead.
        if let Some(slip) = quarter_slip(&o.quote, period) {
            r.at(field(text, at, "period"), slip);
            continue;
        }
        let qualifier = match o.qualifier.as_deref() {
            None => Qualifier::Exact,
            Some(q) => match qualifier_of(q) {
                Some(q) => q,
                None => {
                    r.at(
                        field(text, at, "qualifier"),
                        match QUALIFYING.iter().find(|(w, _, _)| *w == q) {
                            Some((_, implied, _)) => format!(
                                "unknown qualifier {q:?}: write \"{}\" (the qualifier's name, not the article's word)",
                                implied.key()
                            ),
                            None => format!("unknown qualifier {q:?} (exact, approx, floor or ceiling)"),
                        },
                    );
                    continue;
                }
            },
        };
        if let Some(v) = &o.variant {
            if v.is_empty()
                || !v
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                r.at(
                    field(text, at, "variant"),
                    format!("variant {v:?} must be lower-case letters or digits"),
                );
                continue;
            }
        }
        let s = &series[si];
        if let Some(id) = o.id.as_ref().filter(|id| {
            id.is_empty()
                || !id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        }) {
            r.at(
                field(text, at, "id"),
                format!("the id {id:?} must be lower-case letters, digits and _ (ids go into share links and embeds)"),
            );
            continue;
        }
        let key = match &o.id {
            Some(id) => id.clone(),
            None => {
                let mut k = format!("{}_{}", s.id, period.slug());
                if let Some(v) = &o.variant {
                    k.push('_');
                    k.push_str(v);
                }
                k
            }
        };
        if let Some(prev) = out
            .iter()
            .find(|p| p.key == key && !(p.series == si && p.period == period))
        {
            r.at(
                field(text, at, "id"),
                format!(
                    "the id {key:?} is already taken at line {}: give this row an id of its own, or none (its default is {}_{})",
                    prev.line,
                    s.id,
                    period.slug()
                ),
            );
            continue;
        }
        if let Some(prev) = out.iter().find(|p| {
            p.key == key || (p.series == si && p.period == period && p.variant == o.variant)
        }) {
            r.at(
                at,
                format!(
                    "duplicate observation: {} {} {}is already given at line {} {}",
                    s.id,
                    period,
                    o.variant
                        .as_deref()
                        .map(|v| format!("variant {v} "))
                        .unwrap_or_default(),
                    prev.line,
                    if prev.source == o.source {
                        // A row copied and not changed over: not a second article.
                        format!(
                            "from the same source {}: check this row's series and period",
                            o.source
                        )
                    } else {
                        "(mark a second article's figure with variant = \"…\")".to_string()
                    }
                ),
            );
            continue;
        }
        if o.quote.trim().is_empty() || !source.body.contains(&o.quote) {
            r.at(
                field(text, at, "quote"),
                format!(
                    "the quote is not in source {}'s text (data/sources/{}.txt): {:?}{}",
                    source.id,
                    source.id,
                    o.quote,
                    where_quote_differs(&o.quote, &source.body)
                ),
            );
            continue;
        }
        let Some(pos) = o.quote.find(&o.numeral).filter(|_| !o.numeral.is_empty()) else {
            r.at(
                field(text, at, "numeral"),
                format!(
                    "the numeral {:?} is not in the quote {:?}",
                    o.numeral, o.quote
                ),
            );
            continue;
        };
        match parse_number(&o.numeral, s.unit, Scale::One) {
            Err(e) => r.at(
                field(text, at, "numeral"),
                format!(
                    "the numeral {:?} does not read as a {} value, as series {} needs: {}",
                    o.numeral,
                    s.unit.key(),
                    s.id,
                    match e {
                        ParseError::WrongUnit => "its unit is another (a figure in another currency or unit belongs to another series)",
                        ParseError::NotANumber | ParseError::Malformed => "write the numeral as the article does, in digits (7.25億, 7,250萬); numbers in words (七億) cannot be checked",
                        other => other.message(Locale::En),
                    }
                ),
            ),
            Ok(read) => {
                let before: String = {
                    let mut b: Vec<char> = o.quote[..pos].chars().rev().take(4).collect();
                    b.reverse();
                    b.into_iter().collect()
                };
                // A fall is negative, except in a series of drop sizes (magnitude = true).
                let fell = DECLINES.iter().any(|w| before.contains(w)) && !s.magnitude;
                let want = if fell { -read } else { read };
                let agrees = (want - o.value).abs() <= 1e-9 * o.value.abs().max(1.0);
                if !agrees {
                    r.at(
                        field(text, at, "value"),
                        format!(
                            "value {} disagrees with the numeral {:?}, which reads as {}{}",
                            o.value,
                            o.numeral,
                            if fell { "−" } else { "" },
                            read
                        ),
                    );
                }
                // A word such as 超過 makes the figure a floor: the row must say
                // so, or say "exact" when the word is about something else.
                if let Some((word, implied)) = qualifying_at(&o.quote, pos, &o.numeral) {
                    let kind = match implied {
                        Qualifier::Floor => "a floor",
                        Qualifier::Ceiling => "a ceiling",
                        _ => "approximate",
                    };
                    match o.qualifier.as_deref() {
                        None => r.at(
                            field(text, at, "numeral"),
                            format!(
                                "the quote says {word:?} at the numeral {:?}, which makes the figure {kind}: add qualifier = \"{}\" (or qualifier = \"exact\" if the word is about something else)",
                                o.numeral,
                                implied.key()
                            ),
                        ),
                        Some(given) if given != implied.key() && given != Qualifier::Exact.key() => r.at(
                            field(text, at, "qualifier"),
                            format!(
                                "the quote says {word:?} at the numeral {:?}, which makes the figure {kind}, but the row says qualifier = \"{given}\": write \"{}\" (or \"exact\" if the word is about something else)",
                                o.numeral,
                                implied.key()
                            ),
                        ),
                        Some(_) => {}
                    }
                }
            }
        }
        let label = match &o.label {
            Some(l) => r.text(l, "label"),
            None if s.name.en.contains("{p}") => match span_words(period) {
                Some(words) => s.name.map(|k, t| t.replace("{p}", words[k])),
                None => {
                    r.at(
                        field(text, at, "period"),
                        format!(
                            "series {}'s name says its period with {{p}}, which names quarters, the year so far or a year, not {period}: give this row a label",
                            s.id
                        ),
                    );
                    continue;
                }
            },
            None => s.name.clone(),
        };
        let line = r.line_of(at);
        out.push(Observation {
            key,
            series: si,
            unit: s.unit,
            period,
            variant: o.variant.clone(),
            value: o.value,
            numeral: o.numeral.clone(),
            qualifier,
            source: o.source.clone(),
            quote: o.quote.clone(),
            label,
            assumption: o.assumption,
            line,
        });
    }
    out
}

/// The latest quarter that any input series has a published figure for.
fn latest_quarter(series: &[Series], obs: &[Observation]) -> Option<Quarter> {
    obs.iter()
        .filter(|o| o.variant.is_none() && series[o.series].input != InputMode::None)
        .filter_map(|o| o.period.quarter())
        .map(|(year, q)| Quarter { year, q })
        .max()
}

/// The primary (variant-less) figure of a series for a period.
fn primary(obs: &[Observation], series: usize, period: Period) -> Option<usize> {
    obs.iter()
        .position(|o| o.series == series && o.period == period && o.variant.is_none())
}

/// Reports `message` at series `id`'s row in series.toml.
fn at_series(errors: &mut Vec<DataError>, text: &str, id: &str, message: String) {
    at_row(errors, "series.toml", text, id, message);
}

/// Reports `message` at the row with `id = "<id>"` in `file` (`text`).
fn at_row(errors: &mut Vec<DataError>, file: &str, text: &str, id: &str, message: String) {
    let at = text.find(&format!("id = \"{id}\"")).unwrap_or(0);
    Report { errors, file, text }.at(at, message);
}

/// A `current` series' figure: its latest one (by period) that is not a variant.
///
/// A full-year figure of a year not yet begun (next year's target, given
/// early) waits for its year: until then the current one is the latest year's.
fn current_figure(obs: &[Observation], series: usize, fy: u16) -> Option<usize> {
    obs.iter()
        .enumerate()
        .filter(|(_, o)| o.series == series && o.variant.is_none())
        .filter(|(_, o)| !matches!(o.period, Period::Year(y) if y > fy))
        .max_by_key(|(_, o)| o.period)
        .map(|(i, _)| i)
}

/// The latest quarter of the first edition `editions.toml` records (its id
/// begins with the quarter, `2025q3-…`); `None` when none is recorded yet.
/// A mistake in the file is reported where the file is checked.
fn first_edition(files: &Files) -> Option<Quarter> {
    let file: EditionsFile = toml::from_str(files.get("editions.toml")?).ok()?;
    edition_quarter(&file.edition.first()?.get_ref().id)
}

/// The quarter an edition id begins with (`2025q3-887c87` → 2025 Q3).
fn edition_quarter(id: &str) -> Option<Quarter> {
    match Period::parse(&id.split('-').next()?.to_ascii_uppercase())? {
        Period::Quarter { year, q } => Some(Quarter { year, q }),
        _ => None,
    }
}

fn build_inputs(
    files: &Files,
    series: &[Series],
    obs: &[Observation],
    latest: Quarter,
    plain: Option<u16>,
    errors: &mut Vec<DataError>,
) -> Vec<Input> {
    let fy = latest.year;
    // Inputs never retire (the page contract, tests/compat.rs): an id a
    // published edition had is a slot a later article fills or corrects. So
    // each mode makes its quarters from the first recorded edition's on, not
    // only the latest year's, and a new fiscal year or a later quarter of a
    // `latest` series keeps the earlier ones (and what rests on them).
    let first = first_edition(files)
        .filter(|f| *f <= latest)
        .unwrap_or(latest);
    let years = first.year..=fy;
    let mut out: Vec<Input> = Vec::new();
    let series_text = files.get("series.toml").map(String::as_str).unwrap_or("");
    let quarter_input = |s: &Series, q: Quarter, default: Default, projected: bool| Input {
        key: format!("{}_{}", s.id, q.slug()),
        group: s.id.clone(),
        unit: s.unit,
        label: field_label(s, Some(q), plain),
        default,
        range: s.range,
        assumption: false,
        quarter: Some(q),
        projected,
    };
    let mut guided = Vec::new();
    for (si, s) in series.iter().enumerate() {
        let figure = |q: Quarter| primary(obs, si, q.period());
        let every = |y: u16| (1..=4).map(move |q| Quarter { year: y, q });
        // Each year's observed quarters, from the first edition's year on.
        let observed: Vec<(Quarter, usize)> = years
            .clone()
            .flat_map(every)
            .filter_map(|q| figure(q).map(|i| (q, i)))
            .collect();
        match s.input {
            InputMode::None => {}
            InputMode::Quarters => {
                for q in years.clone().flat_map(every).filter(|q| *q <= latest) {
                    let d = figure(q).map_or(Default::Empty, Default::Figure);
                    out.push(quarter_input(s, q, d, false));
                }
            }
            InputMode::Observed => {
                for &(q, i) in &observed {
                    out.push(quarter_input(s, q, Default::Figure(i), false));
                }
            }
            InputMode::Latest => {
                // Every figure since the first edition's quarter (each was
                // the latest once), and the one the first edition had (its
                // year's last up to its quarter). The latest is among them.
                let had = observed
                    .iter()
                    .rfind(|(q, _)| q.year == first.year && *q <= first)
                    .map(|(q, _)| *q);
                for &(q, i) in observed
                    .iter()
                    .filter(|(q, _)| *q >= first || Some(*q) == had)
                {
                    out.push(quarter_input(s, q, Default::Figure(i), false));
                }
            }
            InputMode::Guided => {
                // The year of the target the unpublished quarters share (the
                // guidance series' current figure): only that year projects;
                // another year's quarter with no figure is the reader's.
                let target_year = series
                    .iter()
                    .position(|t| Some(&t.id) == s.guidance.as_ref())
                    .and_then(|t| current_figure(obs, t, fy))
                    .and_then(|i| match obs[i].period {
                        Period::Year(y) => Some(y),
                        _ => None,
                    });
                for y in years.clone() {
                    let last = observed
                        .iter()
                        .rfind(|(q, _)| q.year == y)
                        .map_or(0, |(q, _)| q.q);
                    let projects = y == fy && target_year.is_none_or(|t| t == y);
                    let start = out.len();
                    // A year with no target to share: its quarters so far.
                    for q in every(y).filter(|q| projects || *q <= latest) {
                        let d = figure(q).map_or(Default::Empty, Default::Figure);
                        out.push(quarter_input(s, q, d, projects && q.q > last));
                    }
                    if projects {
                        guided.push((si, start, last));
                    }
                }
            }
            InputMode::Current => {
                let Some(i) = current_figure(obs, si, fy) else {
                    at_series(
                        errors,
                        series_text,
                        &s.id,
                        format!("input = \"current\" but series {:?} has no figure", s.id),
                    );
                    continue;
                };
                // A full-year figure of another year than the plain one names
                // it: in a 2026 edition "2025年可靈全年目標", never a bare target
                // a reader takes for this year's.
                let mut label = field_label(s, None, plain);
                if let Period::Year(y) = obs[i].period {
                    if plain != Some(y) {
                        label = dated(label, |k| {
                            if k < 2 {
                                format!("{y}年")
                            } else {
                                y.to_string()
                            }
                        });
                    }
                }
                out.push(Input {
                    key: s.id.clone(),
                    group: s.id.clone(),
                    unit: s.unit,
                    label,
                    default: Default::Figure(i),
                    range: s.range,
                    assumption: obs[i].assumption,
                    quarter: None,
                    projected: false,
                });
            }
        }
    }
    // The projected quarters of a guided series share what its target leaves.
    for (si, start, last) in guided {
        let s = &series[si];
        let target = s.guidance.as_deref().unwrap_or("");
        let Some(t) = out.iter().position(|i| i.key == target) else {
            at_series(
                errors,
                series_text,
                &s.id,
                format!("guidance = {target:?} must be a series with input = \"current\""),
            );
            continue;
        };
        let known: Vec<usize> = (start..start + last as usize).collect();
        let left = 4 - last;
        for input in &mut out[start + last as usize..start + 4] {
            let mut of = vec![t];
            of.extend(&known);
            input.default = Default::Remainder { of, share: left };
        }
    }
    // Every published default must lie in its range.
    let obs_text = files
        .get("observations.toml")
        .map(String::as_str)
        .unwrap_or("");
    for input in &out {
        if let Default::Figure(i) = input.default {
            if !in_range(&input.range, obs[i].value) {
                errors.push(DataError {
                    file: "observations.toml".into(),
                    line: obs[i].line,
                    message: format!(
                        "the default {} of input {} is outside its range {}{} to {} (series.toml: min/max)",
                        obs[i].value,
                        input.key,
                        if input.range.min_exclusive { "above " } else { "" },
                        input.range.min,
                        input.range.max
                    ),
                });
            }
        }
    }
    let _ = obs_text;
    build_assumptions(files, &mut out, obs, errors);
    // A field's label is what a reader (and a screen reader) tells it by: two
    // inputs of a series (an earlier quarter kept beside the latest) need
    // labels that differ, which `{p}` in the series' field gives.
    for (k, a) in out.iter().enumerate() {
        let Some(b) = out[..k].iter().find(|b| {
            b.label.hant == a.label.hant || b.label.hans == a.label.hans || b.label.en == a.label.en
        }) else {
            continue;
        };
        // An input is a series' or an assumption's (assumptions.toml).
        let (file, text) = if series_text.contains(&format!("id = \"{}\"", a.group)) {
            ("series.toml", series_text)
        } else {
            (
                "assumptions.toml",
                files.get("assumptions.toml").map_or("", String::as_str),
            )
        };
        at_row(
            errors,
            file,
            text,
            &a.group,
            format!(
                "inputs {} and {} have the same field label ({:?}): give {:?} a label of its own ({{p}} in a series' field tells its quarters apart)",
                b.key, a.key, a.label.en, a.group
            ),
        );
    }
    // An `InputSet` is a `u64`, or a `u128` once the inputs outgrow it (emit.rs).
    if out.len() > 128 {
        errors.push(DataError {
            file: "series.toml".into(),
            line: 1,
            message: format!(
                "{} inputs: the widget holds at most 128 (earlier quarters keep theirs: ARCHITECTURE, \"Inputs never retire\")",
                out.len()
            ),
        });
    }
    out
}

fn build_assumptions(
    files: &Files,
    out: &mut Vec<Input>,
    obs: &[Observation],
    errors: &mut Vec<DataError>,
) {
    let Some(file) = parse_file::<AssumptionsFile>(files, "assumptions.toml", errors) else {
        return;
    };
    let text = &files["assumptions.toml"];
    for row in &file.assumption {
        let at = row.span().start;
        let a = row.get_ref();
        let mut r = Report {
            errors,
            file: "assumptions.toml",
            text,
        };
        if out.iter().any(|i| i.key == a.id) {
            r.at(at, format!("{:?} is already an input", a.id));
            continue;
        }
        let Some(unit) = unit_of(&a.unit) else {
            r.at(at, format!("unknown unit {:?}", a.unit));
            continue;
        };
        let label = r.text(&a.label, "label");
        let range = range_with(
            default_range(unit, ""),
            a.min,
            a.min_exclusive,
            a.max,
            a.step,
            a.slider_max,
        );
        check_range(&mut r, at, &range);
        let mut of = Vec::new();
        for key in &a.default.of {
            match out.iter().position(|i| &i.key == key) {
                Some(i) if matches!(out[i].default, Default::Figure(_)) => of.push(i),
                Some(_) => r.at(
                    at,
                    format!("default reads {key:?}, which has no published figure"),
                ),
                None => r.at(at, format!("default reads {key:?}, which is not an input")),
            }
        }
        let values: Vec<f64> = of
            .iter()
            .map(|&i| match out[i].default {
                Default::Figure(f) => obs[f].value,
                _ => f64::NAN,
            })
            .collect();
        let (default, value) = match (a.default.op.as_str(), values.len()) {
            ("mean", n) if n >= 1 => (Default::Mean(of), values.iter().sum::<f64>() / n as f64),
            ("ratio", 2) => (Default::Ratio(of), values[0] / values[1]),
            (op, n) => {
                r.at(
                    at,
                    format!(
                        "default op {op:?} with {n} inputs: use mean (one or more) or ratio (two)"
                    ),
                );
                continue;
            }
        };
        if !in_range(&range, value) {
            r.at(
                at,
                format!(
                    "the default {value} is outside the range {}{} to {}",
                    if range.min_exclusive { "above " } else { "" },
                    range.min,
                    range.max
                ),
            );
        }
        out.push(Input {
            key: a.id.clone(),
            group: a.id.clone(),
            unit,
            label,
            default,
            range,
            assumption: false,
            quarter: None,
            projected: false,
        });
    }
}

/// How a quarter reads in a label: "Q3" in the `plain` year, "2024年Q3" /
/// "2024 Q3" otherwise.
fn quarter_text(q: Quarter, plain: Option<u16>, locale: usize) -> String {
    if Some(q.year) == plain {
        format!("Q{}", q.q)
    } else if locale < 2 {
        format!("{}年Q{}", q.year, q.q)
    } else {
        format!("{} Q{}", q.year, q.q)
    }
}

/// The year whose quarters a label names without their year: the latest
/// quarter's, while the edition's quarters are all of the first recorded
/// edition's year (and the year-ago quarters its YoY figures back out). Once
/// an edition reaches into a new fiscal year, every quarter is named with its
/// year: "2026年Q1" beside "2025年Q1", never a bare "Q1" beside "2025年Q1".
fn plain_year(files: &Files, latest: Quarter) -> Option<u16> {
    let first = first_edition(files)
        .filter(|f| *f <= latest)
        .unwrap_or(latest);
    (first.year == latest.year).then_some(latest.year)
}

/// `label` with the period it is about (`when`, per language): before it in
/// Chinese ("2025年Q1付費會員月ARPU"), after it in English ("…, 2025 Q1").
fn dated(label: Text, when: impl Fn(usize) -> String) -> Text {
    label.map(|k, t| match k {
        2 => format!("{t}, {}", when(k)),
        _ => format!("{}{t}", when(k)),
    })
}

fn field_label(s: &Series, q: Option<Quarter>, plain: Option<u16>) -> Text {
    let field = s.field.clone().unwrap_or_else(|| s.name.clone());
    field.map(|k, t| match q {
        Some(q) => t.replace("{p}", &quarter_text(q, plain, k)),
        None => t.to_string(),
    })
}

/// The placeholders of a metric template for one period.
struct Binding<'a> {
    s: Option<&'a str>,
    q: Option<Quarter>,
}

impl Binding<'_> {
    /// Fills the key-side placeholders; `None` if one cannot be filled.
    fn key(&self, pattern: &str) -> Option<String> {
        let mut out = pattern.to_string();
        if let Some(s) = self.s {
            out = out.replace("{s}", s);
        }
        if out.contains("{p") || out.contains("{fy}") || out.contains("{rest}") {
            let q = self.q?;
            for (token, by) in PERIODS {
                out = out.replace(token, &q.plus(by).slug());
            }
            out = out.replace("{fy}", &q.year.to_string());
            if out.contains("{rest}") {
                if q.q == 4 {
                    return None;
                }
                let rest = if q.q == 3 {
                    "q4".to_string()
                } else {
                    format!("q{}_q4", q.q + 1)
                };
                out = out.replace("{rest}", &rest);
            }
        }
        (!out.contains('{')).then_some(out)
    }
}

/// The metrics of every template for every period whose operands exist.
/// `waiting` gets the templates that have no instance only because each would
/// pair a full-year figure with another year's quarters (2025's target in a
/// 2026 edition): what names them drops out rather than being a mistake.
fn build_metrics(
    files: &Files,
    series: &[Series],
    obs: &[Observation],
    inputs: &[Input],
    plain: Option<u16>,
    waiting: &mut Vec<String>,
    errors: &mut Vec<DataError>,
) -> Vec<Metric> {
    let Some(file) = parse_file::<MetricsFile>(files, "metrics.toml", errors) else {
        return Vec::new();
    };
    let text = &files["metrics.toml"];
    let latest = inputs
        .iter()
        .filter(|i| !i.projected)
        .filter_map(|i| i.quarter)
        .max()
        .unwrap_or(Quarter { year: 0, q: 1 });
    let mut quarters: Vec<Quarter> = inputs.iter().filter_map(|i| i.quarter).collect();
    quarters.sort();
    quarters.dedup();
    let mut out: Vec<Metric> = Vec::new();
    for row in &file.metric {
        let at = row.span().start;
        let m = row.get_ref();
        let mut r = Report {
            errors,
            file: "metrics.toml",
            text,
        };
        let label = r.text(&m.label, "label");
        // Whether the label names a period itself (else a result about an
        // earlier year's quarter gets one, below).
        let names_period = label.each().into_iter().any(|t| {
            ["{p", "{fy}", "{field:", "{through}", "{rest}"]
                .iter()
                .any(|p| t.contains(p))
        });
        const OPS: [&str; 11] = [
            "deflate",
            "ratio",
            "growth",
            "discount",
            "sum",
            "diff",
            "shortfall",
            "mul",
            "mul_complement",
            "third",
            "mean",
        ];
        if !OPS.contains(&m.op.as_str()) {
            r.at(
                at,
                format!("unknown op {:?} (one of {})", m.op, OPS.join(", ")),
            );
            continue;
        }
        let unit = match m.unit.as_deref().map(|u| (u, unit_of(u))) {
            Some((u, None)) => {
                r.at(at, format!("unknown unit {u:?}"));
                continue;
            }
            Some((_, Some(u))) => Some(u),
            None => None,
        };
        let bindings: Vec<Option<&str>> = if m.each.is_empty() {
            vec![None]
        } else {
            m.each.iter().map(|s| Some(s.as_str())).collect()
        };
        let over = m.over.as_deref().unwrap_or("quarters");
        let periods: Vec<Option<Quarter>> = match over {
            "quarters" | "latest" => quarters.iter().map(|&q| Some(q)).collect(),
            "none" => vec![None],
            o if o.starts_with("period-of:") => {
                let key = &o["period-of:".len()..];
                match inputs.iter().find(|i| i.key == key) {
                    Some(i) => match i.default {
                        Default::Figure(f) => match obs[f].period.quarter() {
                            Some((year, q)) => vec![Some(Quarter { year, q })],
                            None => {
                                r.at(
                                    at,
                                    format!("over = {o:?}: that figure is not for a quarter"),
                                );
                                continue;
                            }
                        },
                        _ => {
                            r.at(at, format!("over = {o:?}: that input has no figure"));
                            continue;
                        }
                    },
                    None => {
                        r.at(at, format!("over = {o:?}: no input {key:?}"));
                        continue;
                    }
                }
            }
            o => {
                r.at(
                    at,
                    format!("unknown over = {o:?} (quarters, latest, none or period-of:<input>)"),
                );
                continue;
            }
        };
        let mut made = 0;
        let mut other_year = false;
        for s in &bindings {
            let mut found: Vec<Metric> = Vec::new();
            for &q in &periods {
                let b = Binding { s: *s, q };
                let Some(key) = b.key(&m.key) else { continue };
                if let Some(q) = q {
                    match m.when.as_deref() {
                        Some("rest") if q.q == 4 => continue,
                        Some("one-left") if q.q != 3 => continue,
                        None | Some("rest") | Some("one-left") => {}
                        Some(w) => {
                            r.at(at, format!("unknown when = {w:?} (rest or one-left)"));
                            break;
                        }
                    }
                }
                let Some(operands) = resolve_operands(&m.operands, &b, inputs, &out) else {
                    continue;
                };
                // A sum of one sum is that sum: its formula names the parts
                // (Q1 + Q2 + Q3 + Q4 once the year is in), not the same figure
                // under its other name.
                let operands = match (m.op.as_str(), &operands[..]) {
                    ("sum", [Operand::Metric(k)]) if out[*k].op == "sum" => {
                        out[*k].operands.clone()
                    }
                    _ => operands,
                };
                // A full-year figure (a target) pairs only with quarters of
                // its own year: 2025's target says nothing of 2026's quarters.
                if q.is_some_and(|q| {
                    operands
                        .iter()
                        .any(|o| full_year(o, inputs, &out, obs).is_some_and(|y| y != q.year))
                }) {
                    other_year = true;
                    continue;
                }
                if operands.is_empty() || operands.len() > 4 {
                    r.at(
                        at,
                        format!("{key}: {} operands (1 to 4 allowed)", operands.len()),
                    );
                    continue;
                }
                let unit = unit.unwrap_or_else(|| match operands[0] {
                    Operand::Input(i) => inputs[i].unit,
                    Operand::Metric(k) => out[k].unit,
                });
                let mut positive = 0u8;
                for &k in &m.positive {
                    positive |= 1 << k;
                }
                let about = q.or_else(|| {
                    let mut qs = operands.iter().map(|o| match *o {
                        Operand::Input(i) => inputs[i].quarter,
                        Operand::Metric(k) => out[k].about,
                    });
                    let first = qs.next()??;
                    qs.all(|x| x == Some(first)).then_some(first)
                });
                let mut label = metric_label(&label, &b, series, plain);
                // In a new fiscal year, a result about an earlier year's
                // quarter whose label names no period says which: "2025年Q1付費
                // 會員月ARPU", never a bare ARPU a reader takes for this year's.
                if let Some(a) = about.filter(|a| plain.is_none() && a.year != latest.year) {
                    if !names_period {
                        label = dated(label, |k| quarter_text(a, None, k));
                    }
                }
                found.push(Metric {
                    key,
                    template: m.key.clone(),
                    unit,
                    label,
                    op: m.op.clone(),
                    operands,
                    positive,
                    quarter: q,
                    about,
                });
            }
            if over == "latest" {
                found.drain(..found.len().saturating_sub(1));
            }
            for metric in found {
                // The same quantity reached another way: a year-ago figure an
                // input gives, or a year-ago share the quarter's own template
                // made from the same operands (a later year's YoY backs out an
                // earlier quarter). Any other id taken twice is a mistake.
                if out.iter().any(|o| {
                    o.key == metric.key
                        && o.unit == metric.unit
                        && o.op == metric.op
                        && o.operands == metric.operands
                }) || inputs
                    .iter()
                    .any(|i| i.key == metric.key && i.unit == metric.unit)
                {
                    continue;
                }
                if out.iter().any(|o| o.key == metric.key)
                    || inputs.iter().any(|i| i.key == metric.key)
                {
                    r.at(
                        at,
                        format!("the metric id {:?} is already taken", metric.key),
                    );
                    continue;
                }
                made += 1;
                out.push(metric);
            }
        }
        if made == 0 && other_year {
            waiting.push(m.key.clone());
        }
    }
    out
}

/// The fiscal year of the full-year figure `o` stands for: an input whose
/// figure is for a year (`2025FY`), or a metric of such inputs.
fn full_year(
    o: &Operand,
    inputs: &[Input],
    metrics: &[Metric],
    obs: &[Observation],
) -> Option<u16> {
    match *o {
        Operand::Input(i) => match inputs[i].default {
            Default::Figure(f) => match obs[f].period {
                Period::Year(y) => Some(y),
                _ => None,
            },
            _ => None,
        },
        Operand::Metric(k) if metrics[k].quarter.is_none() => metrics[k]
            .operands
            .iter()
            .find_map(|o| full_year(o, inputs, metrics, obs)),
        Operand::Metric(_) => None,
    }
}

/// The operands of a template for one binding, or `None` if one does not exist
/// (then the template is not evaluated for that period).
fn resolve_operands(
    patterns: &[String],
    b: &Binding,
    inputs: &[Input],
    metrics: &[Metric],
) -> Option<Vec<Operand>> {
    let find = |key: &str, projected_ok: bool| -> Option<Operand> {
        if let Some(i) = inputs.iter().position(|i| i.key == key) {
            if inputs[i].projected && !projected_ok {
                return None;
            }
            return Some(Operand::Input(i));
        }
        metrics
            .iter()
            .position(|m| m.key == key)
            .map(Operand::Metric)
    };
    let mut out = Vec::new();
    for p in patterns {
        if let Some(stem) = p.strip_suffix("{q1..p}") {
            let q = b.q?;
            for k in 1..=q.q {
                let key = format!("{}{}", b.key(stem)?, Quarter { year: q.year, q: k }.slug());
                out.push(find(&key, false)?);
            }
        } else if let Some(stem) = p.strip_suffix("{rest..}") {
            let q = b.q?;
            for k in q.q + 1..=4 {
                let key = format!("{}{}", b.key(stem)?, Quarter { year: q.year, q: k }.slug());
                out.push(find(&key, true)?);
            }
        } else {
            out.push(find(&b.key(p)?, false)?);
        }
    }
    Some(out)
}

/// The period placeholders of ids, labels and a chart's mix, and how many
/// quarters each lies from the quarter they are filled for.
const PERIODS: [(&str, i32); 3] = [("{p}", 0), ("{p-1}", -1), ("{p-4}", -4)];

fn metric_label(label: &Text, b: &Binding, series: &[Series], plain: Option<u16>) -> Text {
    label.map(|k, t| {
        let mut out = t.to_string();
        if let Some(s) = b.s {
            out = out.replace("{s}", s);
        }
        if let Some(q) = b.q {
            for (token, by) in PERIODS {
                out = out.replace(token, &quarter_text(q.plus(by), plain, k));
            }
            out = out.replace("{fy}", &q.year.to_string());
            let rest = if q.q == 3 {
                "Q4".to_string()
            } else {
                format!("Q{}–Q4", q.q + 1)
            };
            out = out.replace("{rest}", &rest);
            out = out.replace("{through}", through_label(q.q, k));
        }
        // {short:<series>} and {field:<series>@p-4}
        while let Some(start) = out.find("{short:").or_else(|| out.find("{field:")) {
            let Some(len) = out[start..].find('}') else {
                break;
            };
            let inner = &out[start + 1..start + len];
            let (kind, arg) = inner.split_once(':').unwrap_or((inner, ""));
            let text =
                if kind == "short" {
                    series
                        .iter()
                        .find(|s| s.id == arg)
                        .map(|s| s.short.as_ref().unwrap_or(&s.name).each()[k].to_string())
                } else {
                    let (sid, at) = arg.split_once('@').unwrap_or((arg, "p"));
                    let shift = match at {
                        "p-1" => -1,
                        "p-4" => -4,
                        _ => 0,
                    };
                    series.iter().find(|s| s.id == sid).zip(b.q).map(|(s, q)| {
                        field_label(s, Some(q.plus(shift)), plain).each()[k].to_string()
                    })
                };
            let text = text.unwrap_or_else(|| format!("?{arg}?"));
            out.replace_range(start..start + len + 1, &text);
        }
        out
    })
}

/// Finds inputs and metrics by id pattern for one quarter (`latest`).
#[derive(Clone, Copy)]
struct Lookup<'a> {
    obs: &'a [Observation],
    inputs: &'a [Input],
    metrics: &'a [Metric],
    latest: Quarter,
    /// The year a label names its quarters without (see [`plain_year`]).
    plain: Option<u16>,
}

impl<'a> Lookup<'a> {
    /// The same lookup for each quarter that has inputs, latest first: a
    /// sentence or headline speaks of the latest quarter its numbers exist for.
    fn quarters(&self) -> Vec<Lookup<'a>> {
        let mut qs: Vec<Quarter> = self.inputs.iter().filter_map(|i| i.quarter).collect();
        qs.push(self.latest);
        qs.sort();
        qs.dedup();
        qs.into_iter()
            .rev()
            .filter(|&q| q <= self.latest)
            .map(|q| Lookup { latest: q, ..*self })
            .collect()
    }

    /// The quarter of an input's published figure.
    fn figure_quarter(&self, key: &str) -> Option<Quarter> {
        let input = self.inputs.iter().find(|i| i.key == key)?;
        match input.default {
            Default::Figure(f) => self.obs[f]
                .period
                .quarter()
                .map(|(year, q)| Quarter { year, q }),
            _ => input.quarter,
        }
    }

    /// Fills a pattern for the latest quarter: {p}, {p-1}, {p-4}, {fy}, {rest}, {pq:<input>}.
    fn key(&self, pattern: &str) -> Option<String> {
        let mut key = pattern.to_string();
        while let Some(start) = key.find("{pq:") {
            let len = key[start..].find('}')?;
            let q = self.figure_quarter(&key[start + 4..start + len])?;
            key.replace_range(start..start + len + 1, &q.slug());
        }
        Binding {
            s: None,
            q: Some(self.latest),
        }
        .key(&key)
    }

    /// An input (a projected quarter too) or a metric by id.
    fn operand(&self, key: &str) -> Option<Operand> {
        if let Some(i) = self.inputs.iter().position(|i| i.key == key) {
            return Some(Operand::Input(i));
        }
        self.metrics
            .iter()
            .position(|m| m.key == key)
            .map(Operand::Metric)
    }

    /// One pattern, or its expansion over the quarters so far (`{q1..p}`).
    fn many(&self, pattern: &str) -> Option<Vec<Operand>> {
        match pattern.strip_suffix("{q1..p}") {
            Some(stem) => (1..=self.latest.q)
                .map(|q| {
                    let key = [
                        self.key(stem)?,
                        Quarter {
                            year: self.latest.year,
                            q,
                        }
                        .slug(),
                    ]
                    .concat();
                    self.operand(&key)
                })
                .collect(),
            None => Some(vec![self.operand(&self.key(pattern)?)?]),
        }
    }
}

/// A quarter in words (第三季, 第三季度 in Simplified as mainland writers say it / third quarter), by language.
fn quarter_words(q: u8, locale: usize) -> &'static str {
    const WORDS: [[&str; 3]; 4] = [
        ["第一季", "第一季度", "first quarter"],
        ["第二季", "第二季度", "second quarter"],
        ["第三季", "第三季度", "third quarter"],
        ["第四季", "第四季度", "fourth quarter"],
    ];
    WORDS[(q.clamp(1, 4) - 1) as usize][locale]
}

/// `words` about quarter `q`, with its year when that is not the edition's
/// ("2025年第一季" / "the first quarter of 2025" in a 2026 edition): a
/// reader of a new year's paragraph never takes last year's quarter for this
/// year's.
fn of_year(words: &str, q: Quarter, edition: Quarter, locale: usize) -> String {
    if q.year == edition.year {
        words.to_string()
    } else if locale < 2 {
        format!("{}年{words}", q.year)
    } else {
        format!("{words} of {}", q.year)
    }
}

/// The year so far through quarter `q` as a label says it: the words a
/// paragraph uses in Chinese (上半年, not 前二季; 全年 once the year is in),
/// the analysts' short forms in English.
fn through_label(q: u8, locale: usize) -> &'static str {
    match (locale, q) {
        (2, 1) => "Q1",
        (2, 2) => "H1",
        (2, 3) => "Q1–Q3",
        (2, _) => "full year",
        _ => through_words(q, locale),
    }
}

/// What `{p}` in a figure series' name says for `period`, per language: the
/// span of a year it covers (前三季 / first three quarters; 全年 / whole year)
/// or its quarter. A series such as `kling_ytd` then names each row's own
/// span: an article's full-year figure is not labelled "first three quarters".
fn span_words(period: Period) -> Option<[&'static str; 3]> {
    let through = |q: u8| {
        [0, 1, 2].map(|k| {
            let w = through_words(q, k);
            w.strip_prefix("the ").unwrap_or(w)
        })
    };
    match period {
        Period::Quarters { from: 1, to, .. } => Some(through(to)),
        Period::Year(_) => Some(through(4)),
        Period::Quarter { q, .. } => Some([0, 1, 2].map(|k| quarter_words(q, k))),
        _ => None,
    }
}

/// The year so far through quarter `q` in words (前三季 / the first three quarters).
fn through_words(q: u8, locale: usize) -> &'static str {
    const WORDS: [[&str; 3]; 4] = [
        ["第一季", "第一季度", "the first quarter"],
        ["上半年", "上半年", "the first half"],
        ["前三季", "前三季度", "the first three quarters"],
        ["全年", "全年", "the whole year"],
    ];
    WORDS[(q.clamp(1, 4) - 1) as usize][locale]
}

/// Text and `{{id}}` slots of one sentence in one language.
fn split_slots(s: &str) -> Option<(Vec<String>, Vec<String>)> {
    let mut texts = Vec::new();
    let mut slots = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        // The slot ends at the first "}}" outside the placeholders it holds.
        let mut depth = 0;
        let mut end = None;
        let body = &rest[start + 2..];
        let bytes = body.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'{' => depth += 1,
                b'}' if depth > 0 => depth -= 1,
                b'}' if bytes.get(i + 1) == Some(&b'}') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end?;
        texts.push(rest[..start].to_string());
        slots.push(body[..end].to_string());
        rest = &body[end + 2..];
    }
    texts.push(rest.to_string());
    Some((texts, slots))
}

/// Why a sentence cannot be shown for a quarter.
enum SentenceError {
    /// This slot names nothing for that quarter.
    Absent(String),
    /// The sentence itself is wrong (the message says how).
    Mistake(String),
}

/// One sentence for one quarter: per language its text pieces and slots, and
/// the numbers, or why it cannot be shown. `edition` is the edition's latest
/// quarter: `{earlier:…}` keeps its text only for a sentence about a quarter
/// before it, which must say so ("其他服務第三季收入" in a Q4 edition whose
/// articles give Q4's total but not yet its segments).
#[allow(clippy::type_complexity)]
fn sentence_at(
    s: &SentenceRow,
    lookup: &Lookup,
    edition: Quarter,
) -> Result<(Vec<(Vec<String>, Vec<String>)>, Vec<Operand>), SentenceError> {
    let q = lookup.latest;
    let mut split = Vec::new();
    for (k, raw) in [&s.hant, &s.hans, &s.en].into_iter().enumerate() {
        let mut t = raw
            .replace("{quarter}", &of_year(quarter_words(q.q, k), q, edition, k))
            .replace("{through}", &of_year(through_words(q.q, k), q, edition, k));
        while let Some(start) = t.find("{earlier:") {
            let inner = &t[start + 9..];
            let len = inner
                .find('}')
                .filter(|&end| !inner[..end].contains('{'))
                .ok_or_else(|| {
                    SentenceError::Mistake(
                        "an {earlier:…} has no closing } before the next {".into(),
                    )
                })?;
            let kept = if q < edition {
                inner[..len].to_string()
            } else {
                String::new()
            };
            t.replace_range(start..start + 9 + len + 1, &kept);
        }
        if t.contains("{next}") {
            if q.q == 4 {
                return Err(SentenceError::Absent("{next}".into()));
            }
            t = t.replace("{next}", quarter_words(q.q + 1, k));
        }
        while let Some(start) = t.find("{quarter-of:") {
            let len = t[start..]
                .find('}')
                .ok_or_else(|| SentenceError::Mistake("a { has no closing }".into()))?;
            let key = t[start + 12..start + len].to_string();
            let q = lookup.figure_quarter(&key).ok_or_else(|| {
                SentenceError::Mistake(format!(
                    "{{quarter-of:{key}}}: no input {key:?} with a quarterly figure"
                ))
            })?;
            t.replace_range(
                start..start + len + 1,
                &of_year(quarter_words(q.q, k), q, edition, k),
            );
        }
        split.push(
            split_slots(&t)
                .ok_or_else(|| SentenceError::Mistake("a {{ has no closing }}".into()))?,
        );
    }
    if split[0].1 != split[1].1 || split[0].1 != split[2].1 {
        return Err(SentenceError::Mistake(format!(
            "the numbers are not the same, in the same order, in all three languages: {:?} / {:?} / {:?}",
            split[0].1, split[1].1, split[2].1
        )));
    }
    let mut found = Vec::new();
    for slot in &split[0].1 {
        match lookup.key(slot).and_then(|k| lookup.operand(&k)) {
            Some(o) => found.push(o),
            None => return Err(SentenceError::Absent(slot.clone())),
        }
    }
    Ok((split, found))
}

/// `waiting`: the metric templates with no instance because they pair a
/// full-year figure with quarters of another year (see [`build_metrics`]).
fn build_narrative(
    files: &Files,
    lookup: &Lookup,
    waiting: &[String],
    errors: &mut Vec<DataError>,
) -> BTreeMap<String, (usize, Vec<Seg>)> {
    let mut out = BTreeMap::new();
    let Some(file) = parse_file::<NarrativeFile>(files, "narrative.toml", errors) else {
        return out;
    };
    let text = &files["narrative.toml"];
    let latest = lookup.latest;
    for para in &file.paragraph {
        let mut r = Report {
            errors,
            file: "narrative.toml",
            text,
        };
        // Per language: text pieces and slots of the sentences kept.
        let mut pieces: [Vec<String>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let mut values: Vec<Operand> = Vec::new();
        for sentence in &para.get_ref().sentence {
            let at = sentence.span().start;
            let s = sentence.get_ref();
            if let Some(qs) = &s.quarters {
                if qs.is_empty() || qs.iter().any(|q| !(1..=4).contains(q)) {
                    r.at(at, format!("quarters = {qs:?}: quarters are 1 to 4"));
                    continue;
                }
                if !qs.contains(&latest.q) {
                    continue;
                }
            }
            // The latest quarter for which every number of the sentence exists.
            let mut chosen = None;
            let mut last_error = None;
            for l in lookup.quarters() {
                match sentence_at(s, &l, latest) {
                    Ok(found) => {
                        chosen = Some(found);
                        break;
                    }
                    Err(e) => {
                        if last_error.is_none() {
                            last_error = Some(e);
                        }
                    }
                }
            }
            let (split, found) = match (chosen, last_error) {
                (Some(x), _) => x,
                // A sentence about quarters still to come drops out once there
                // are none, and one about a target's year in a year with no
                // target yet. Any other number that exists for no quarter is a
                // mistake (a misspelt id, or an operand that is).
                (None, Some(SentenceError::Absent(slot)))
                    if slot.contains("{rest}")
                        || slot.contains("{next}")
                        || waiting.contains(&slot) =>
                {
                    continue
                }
                (None, Some(SentenceError::Absent(slot))) => {
                    r.at(
                        at,
                        format!("{{{{{slot}}}}} is no input or metric for any quarter"),
                    );
                    continue;
                }
                (None, Some(SentenceError::Mistake(m))) => {
                    r.at(at, m);
                    continue;
                }
                (None, None) => continue,
            };
            // A paragraph says each number once: a sentence whose numbers an
            // earlier one has all said is left out (the year's total alone,
            // once a sentence with the target has said it).
            if !found.is_empty() && found.iter().all(|v| values.contains(v)) {
                continue;
            }
            for (k, (texts, _)) in split.into_iter().enumerate() {
                let sep = if k == 2 && !pieces[k].is_empty() {
                    " "
                } else {
                    ""
                };
                let mut texts = texts.into_iter();
                let first = texts.next().unwrap_or_default();
                match pieces[k].last_mut() {
                    Some(last) => {
                        last.push_str(sep);
                        last.push_str(first.trim_start());
                    }
                    None => pieces[k].push(first),
                }
                pieces[k].extend(texts);
                if let Some(last) = pieces[k].last_mut() {
                    *last = last.trim_end().to_string();
                }
            }
            values.extend(found);
        }
        let mut segs = Vec::new();
        for (n, v) in values.iter().enumerate() {
            let t = Text {
                hant: pieces[0][n].clone(),
                hans: pieces[1][n].clone(),
                en: pieces[2][n].clone(),
            };
            if !(t.hant.is_empty() && t.hans.is_empty() && t.en.is_empty()) {
                segs.push(Seg::Text(t));
            }
            segs.push(Seg::Value(*v));
        }
        let n = values.len();
        if pieces[0].len() > n {
            segs.push(Seg::Text(Text {
                hant: pieces[0][n].clone(),
                hans: pieces[1][n].clone(),
                en: pieces[2][n].clone(),
            }));
        }
        let line = r.line_of(para.span().start);
        out.insert(para.get_ref().section.clone(), (line, segs));
    }
    out
}

fn build_chart(row: &ChartRow, at: usize, r: &mut Report, lookup: &Lookup) -> Option<Chart> {
    let fy = lookup.latest.year.to_string();
    let title = r.text(&row.title, "chart title");
    let assumed = row.assumed.as_ref().map(|a| r.text(a, "chart assumed"));
    match row.kind.as_str() {
        "quarters" => {
            let (Some(bars), Some(bl), Some(dl), Some(assumed)) =
                (&row.bars, &row.bars_label, &row.dots_label, assumed)
            else {
                r.at(
                    at,
                    "a quarters chart needs bars, bars_label, dots_label and assumed",
                );
                return None;
            };
            let bars_label = r.text(bl, "bars_label");
            let dots_label = r.text(dl, "dots_label");
            let bar = |q: Quarter| match lookup.operand(&bars.replace("{q}", &q.slug())) {
                Some(Operand::Input(i)) => Some(i),
                _ => None,
            };
            // A column per quarter of the fiscal year. A year with fewer
            // quarters than that so far (its first quarter, before any target
            // projects the rest) shows the last four quarters instead, across
            // the year boundary and named with their years ("2025Q2", as the
            // articles write it), under `title_recent`: never one lone column.
            let fy_quarters: Vec<Quarter> = (1..=4)
                .map(|q| Quarter {
                    year: lookup.latest.year,
                    q,
                })
                .filter(|&q| bar(q).is_some())
                .collect();
            let recent = fy_quarters.len() < 4 && row.title_recent.is_some();
            let quarters: Vec<Quarter> = if recent {
                let end = fy_quarters.last().copied().unwrap_or(lookup.latest);
                let mut qs: Vec<Quarter> = (1..=4)
                    .rev()
                    .map(|back| end.plus(1 - back))
                    .filter(|&q| bar(q).is_some())
                    .collect();
                qs.sort();
                qs
            } else {
                fy_quarters
            };
            let title = match (&row.title_recent, recent) {
                (Some(t), true) => r.text(t, "title_recent"),
                _ => title.map(|_, t| t.replace("{fy}", &fy)),
            };
            let mut points = Vec::new();
            for q in quarters {
                let Some(i) = bar(q) else { continue };
                let dot = row.dots.as_ref().and_then(|d| {
                    match lookup.operand(&d.replace("{q}", &q.slug())) {
                        Some(Operand::Metric(m)) => Some(m),
                        _ => None,
                    }
                });
                let label = if recent {
                    format!("{}Q{}", q.year, q.q)
                } else {
                    format!("Q{}", q.q)
                };
                points.push((label, i, dot));
            }
            if points.is_empty() {
                r.at(
                    at,
                    format!("bars = {bars:?} matches no input of the fiscal year"),
                );
                return None;
            }
            Some(Chart::Quarters {
                key: row.key.clone(),
                title,
                bars_label,
                dots_label,
                assumed,
                points,
            })
        }
        "bars" => bars_chart(row, at, r, lookup, title, assumed),
        k => {
            r.at(at, format!("unknown chart kind {k:?} (quarters or bars)"));
            None
        }
    }
}

/// A bars chart: each item an input or metric id (with the placeholders of
/// metrics.toml, filled for the chart's quarter) or `figure:<id>`, all in one unit.
fn bars_chart(
    row: &ChartRow,
    at: usize,
    r: &mut Report,
    lookup: &Lookup,
    title: Text,
    assumed: Option<Text>,
) -> Option<Chart> {
    let Some(vl) = &row.value_label else {
        r.at(at, "a bars chart needs value_label");
        return None;
    };
    let value_label = r.text(vl, "value_label");
    let negative = row.negative.as_ref().map(|n| r.text(n, "negative"));
    let find = |l: &Lookup, id: &str| match id.strip_prefix("figure:") {
        Some(f) => l.obs.iter().position(|o| o.key == f).map(Value::Figure),
        None => l.operand(&l.key(id)?).map(Value::Live),
    };
    // The chart speaks of the latest quarter for which an item with a period
    // in its id ({p}) exists: a new quarter moves it on as soon as one of its
    // figures is published, and the items not yet given show as missing.
    let quarters = lookup.quarters();
    let here = quarters
        .iter()
        .find(|l| {
            row.items.iter().any(|i| {
                let id = &i.get_ref().id;
                id.contains('{') && find(l, id).is_some()
            })
        })
        .unwrap_or(lookup);
    let mut unit = None;
    if let Some(u) = &row.unit {
        match unit_of(u.get_ref()) {
            Some(x) => unit = Some((x, "the chart's unit")),
            None => r.at(u.span().start, format!("unknown unit {:?}", u.get_ref())),
        }
    }
    let mut items = Vec::new();
    for item in &row.items {
        let line = item.span().start;
        let item = item.get_ref();
        let name = r.text(&item.name, "item name");
        let value = find(here, &item.id);
        if value.is_none() && !quarters.iter().any(|l| find(l, &item.id).is_some()) {
            let what = if item.id.starts_with("figure:") {
                "no figure in observations.toml has that id"
            } else {
                "no input or metric has that id (for any quarter)"
            };
            r.at(line, format!("chart item {:?}: {what}", item.id));
            continue;
        }
        if let Some(v) = &value {
            let (u, derived) = match *v {
                Value::Live(Operand::Input(i)) => (
                    lookup.inputs[i].unit,
                    !matches!(
                        lookup.inputs[i].default,
                        Default::Figure(_) | Default::Empty
                    ),
                ),
                Value::Live(Operand::Metric(m)) => (lookup.metrics[m].unit, false),
                Value::Figure(f) => (lookup.obs[f].unit, false),
            };
            match unit {
                None => unit = Some((u, "the items before it")),
                Some((want, of)) if want != u => r.at(
                    line,
                    format!(
                        "chart item {:?} is in {}, but {of} in {}: a bars chart shows one unit",
                        item.id,
                        u.key(),
                        want.key()
                    ),
                ),
                _ => {}
            }
            if derived && assumed.is_none() {
                r.at(
                    line,
                    format!(
                        "chart item {:?} starts as an assumption: give the chart an assumed = {{ … }} legend",
                        item.id
                    ),
                );
            }
        }
        // The mix's first colour is the highlight's: a highlighted bar
        // beside the mix's legend reads as the mix's first item.
        if item.highlight && !row.mix.is_empty() {
            r.at(
                line,
                format!(
                    "chart item {:?}: highlight = true in a chart with a mix, whose legend gives the highlight's colour to its first item",
                    item.id
                ),
            );
        }
        items.push((item.key.clone(), name, value, item.highlight));
    }
    let Some((unit, _)) = unit else {
        if row.items.is_empty() {
            r.at(at, "a bars chart needs items");
        }
        return None;
    };
    let q = here.latest;
    // A bar the chart's quarter has no figure for yet is drawn as a dash; the
    // title says in words which, so no reader is left with a bare "—".
    let missing: Vec<&Text> = items
        .iter()
        .filter(|i| i.2.is_none())
        .map(|i| &i.1)
        .collect();
    let title = title.map(|k, t| {
        let mut t = t
            .replace("{fy}", &q.year.to_string())
            .replace("{p}", &quarter_text(q, Some(q.year), k));
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|n| n.each()[k]).collect();
            t.push_str(&match k {
                0 => format!("(尚未公佈:{})", names.join("、")),
                1 => format!("(尚未公布:{})", names.join("、")),
                _ => format!(" (not yet published: {})", names.join(", ")),
            });
        }
        t
    });
    let mix = mix_rows(row, at, r, (here, &quarters));
    Some(Chart::Bars {
        key: row.key.clone(),
        title,
        value_label,
        unit,
        assumed: assumed.unwrap_or_default(),
        negative: negative.unwrap_or_default(),
        items,
        mix,
    })
}

/// The mix rows of a bars chart: for each period of its `mix` ("{p-4}",
/// "{p}", relative to the chart's quarter `here`), each item's share then,
/// from the item's own `mix` list (same order), each a share metric. A period
/// with no share yet (the chart has moved on to a quarter whose segments are
/// not published) has no row; an id that names no metric for any of
/// `quarters` is a mistake.
fn mix_rows(
    row: &ChartRow,
    at: usize,
    r: &mut Report,
    (here, quarters): (&Lookup, &[Lookup]),
) -> Vec<(String, Text, Text, Vec<Option<Value>>)> {
    if row.mix.is_empty() {
        for item in row.items.iter().filter(|i| !i.get_ref().mix.is_empty()) {
            r.at(
                item.span().start,
                "an item's mix needs the chart's mix = [periods]",
            );
        }
        return Vec::new();
    }
    let Some(label) = &row.mix_label else {
        r.at(
            at,
            "a chart with a mix needs mix_label (with {at} for the period)",
        );
        return Vec::new();
    };
    let label = r.text(label, "mix_label");
    if label.each().iter().any(|t| !t.contains("{at}")) {
        r.at(at, "mix_label needs {at} (the period) in every language");
    }
    let mut shares: Vec<Vec<Option<Value>>> = vec![Vec::new(); row.mix.len()];
    for item in &row.items {
        let line = item.span().start;
        let ids = &item.get_ref().mix;
        if !ids.is_empty() && ids.len() != row.mix.len() {
            r.at(
                line,
                format!(
                    "the item's mix has {} ids, the chart's mix {} periods",
                    ids.len(),
                    row.mix.len()
                ),
            );
        }
        for (k, col) in shares.iter_mut().enumerate() {
            let value = ids.get(k).and_then(|id| {
                let key = here.key(id)?;
                match here.operand(&key) {
                    Some(Operand::Metric(m)) if here.metrics[m].unit == Unit::Share => {
                        Some(Value::Live(Operand::Metric(m)))
                    }
                    Some(_) => {
                        r.at(line, format!("mix id {id:?} is not a share metric"));
                        None
                    }
                    None => {
                        let known = |l: &Lookup| l.key(id).and_then(|k| l.operand(&k)).is_some();
                        if !quarters.iter().any(known) {
                            r.at(
                                line,
                                format!("mix id {id:?}: no metric has that id (for any quarter)"),
                            );
                        }
                        None
                    }
                }
            });
            col.push(value);
        }
    }
    let latest = here.latest;
    let mut out = Vec::new();
    for (period, col) in row.mix.iter().zip(shares) {
        let Some(&(_, by)) = PERIODS.iter().find(|(token, _)| token == period) else {
            r.at(
                at,
                format!("mix period {period:?} is not {{p}}, {{p-1}} or {{p-4}}"),
            );
            continue;
        };
        let q = latest.plus(by);
        if col.iter().all(Option::is_none) {
            continue;
        }
        let name = Text::default().map(|k, _| quarter_text(q, here.plain, k));
        let head = label.map(|k, t| t.replace("{at}", &quarter_text(q, here.plain, k)));
        out.push((q.slug(), name, head, col));
    }
    out
}

fn build_sections(
    files: &Files,
    obs: &[Observation],
    inputs: &[Input],
    metrics: &[Metric],
    waiting: &[String],
    (latest, plain): (Quarter, Option<u16>),
    errors: &mut Vec<DataError>,
) -> Vec<Section> {
    let lookup = Lookup {
        obs,
        inputs,
        metrics,
        latest,
        plain,
    };
    let mut narratives = build_narrative(files, &lookup, waiting, errors);
    let Some(file) = parse_file::<SectionsFile>(files, "sections.toml", errors) else {
        return Vec::new();
    };
    let text = &files["sections.toml"];
    let mut out = Vec::new();
    let mut seen_inputs = BTreeSet::new();
    let mut seen_metrics = BTreeSet::new();
    for row in &file.section {
        let at = row.span().start;
        let s = row.get_ref();
        let mut r = Report {
            errors,
            file: "sections.toml",
            text,
        };
        let title = r.text(&s.title, "title");
        let mut ins = Vec::new();
        for g in &s.inputs {
            let found: Vec<usize> = (0..inputs.len())
                .filter(|&i| &inputs[i].group == g)
                .collect();
            if found.is_empty() {
                r.at(
                    at,
                    format!("inputs: {g:?} is no series with inputs and no assumption"),
                );
            }
            for i in found {
                if !seen_inputs.insert(i) {
                    r.at(at, format!("input {} is in two sections", inputs[i].key));
                }
                ins.push(i);
            }
        }
        let mut ms = Vec::new();
        for t in &s.metrics {
            let found: Vec<usize> = (0..metrics.len())
                .filter(|&m| &metrics[m].template == t)
                .collect();
            for m in found {
                if !seen_metrics.insert(m) {
                    r.at(at, format!("metric {} is in two sections", metrics[m].key));
                }
                ms.push(m);
            }
        }
        // A headline is one of the section's metric templates, shown for the
        // latest quarter it has an instance for; a template with no instance
        // now (the quarters still to come once the year is in) drops out. So
        // does one that repeats a number shown already: a sum of one of the
        // section's fields (the year so far in its first quarter is that
        // quarter), or the same op on the same operands as a headline before
        // it (once the year is in, the year so far is the year's total: a sum
        // of one sum takes its parts, see `build_metrics`). The section's
        // full list keeps every metric, each with its `data-metric` output.
        let repeats = |m: usize, heads: &[usize]| {
            let a = &metrics[m];
            matches!((a.op.as_str(), &a.operands[..]), ("sum", [Operand::Input(i)]) if ins.contains(i))
                || heads.iter().any(|&b| {
                    let b = &metrics[b];
                    (b.unit, &b.op, &b.operands) == (a.unit, &a.op, &a.operands)
                })
        };
        let mut heads = Vec::new();
        for h in &s.headlines {
            let found = lookup.quarters().iter().find_map(|l| l.operand(&l.key(h)?));
            match found {
                Some(Operand::Metric(m)) if s.metrics.contains(&metrics[m].template) => {
                    if !repeats(m, &heads) {
                        heads.push(m)
                    }
                }
                Some(_) => r.at(
                    at,
                    format!("headlines: {h:?} is not one of this section's metrics"),
                ),
                None if s.metrics.contains(h) => {}
                None => r.at(at, format!("headlines: {h:?} is no metric")),
            }
        }
        // In order of preference: the first four that have a value now.
        heads.truncate(4);
        if !s.headlines.is_empty() && heads.len() < 2 {
            r.at(
                at,
                format!(
                    "headlines: {} of them have a value now; a section shows two to four",
                    heads.len()
                ),
            );
        }
        let chart = s
            .chart
            .as_ref()
            .and_then(|c| build_chart(c, at, &mut r, &lookup));
        let narrative = narratives
            .remove(&s.key)
            .map(|(_, segs)| segs)
            .unwrap_or_default();
        out.push(Section {
            key: s.key.clone(),
            title,
            inputs: ins,
            metrics: ms,
            headlines: heads,
            narrative,
            chart,
        });
    }
    let mut r = Report {
        errors,
        file: "sections.toml",
        text,
    };
    for (i, input) in inputs.iter().enumerate() {
        if !seen_inputs.contains(&i) {
            r.at(
                0,
                format!(
                    "input {} is in no section: add {:?} to one",
                    input.key, input.group
                ),
            );
        }
    }
    for (i, m) in metrics.iter().enumerate() {
        if !seen_metrics.contains(&i) {
            r.at(
                0,
                format!(
                    "metric {} is in no section: add {:?} to one",
                    m.key, m.template
                ),
            );
        }
    }
    for (key, (line, _)) in narratives {
        errors.push(DataError {
            file: "narrative.toml".into(),
            line,
            message: format!("section = {key:?}: no such section in sections.toml"),
        });
    }
    out
}

/// FNV-1a, 64 bits: a stable hash with no dependency.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// The latest quarter and a short hash of what readers see as published:
/// every figure's key, value, qualifier and quote, and every input's default.
fn edition_id(
    latest: Quarter,
    obs: &[Observation],
    inputs: &[Input],
    metrics: &[Metric],
) -> String {
    let mut h = 0xcbf2_9ce4_8422_2325;
    for o in obs {
        h = fnv(o.key.as_bytes(), h);
        h = fnv(&o.value.to_bits().to_le_bytes(), h);
        h = fnv(o.qualifier.key().as_bytes(), h);
        h = fnv(o.quote.as_bytes(), h);
    }
    for i in inputs {
        h = fnv(i.key.as_bytes(), h);
        h = fnv(format!("{:?}", i.default).as_bytes(), h);
    }
    for m in metrics {
        h = fnv(m.key.as_bytes(), h);
        h = fnv(m.op.as_bytes(), h);
    }
    format!("{}-{:06x}", latest.slug(), h & 0xff_ffff)
}

/// The published default of every input that has one.
fn defaults(inputs: &[Input], obs: &[Observation]) -> HashMap<String, f64> {
    inputs
        .iter()
        .filter_map(|i| match i.default {
            Default::Figure(f) => Some((i.key.clone(), obs[f].value)),
            _ => None,
        })
        .collect()
}

/// The rows of the first directory alone: each `.toml` file up to the rows a
/// later directory added (`load` marks them).
fn first_directory(files: &Files) -> Files {
    files
        .iter()
        .map(|(name, text)| {
            let end = text.find(ADDED_FROM).unwrap_or(text.len());
            (name.clone(), text[..end].to_string())
        })
        .collect()
}

/// The editions recorded before `current`, or, when `current` was never
/// recorded, up to and including `base` (the first directory's own edition
/// under a cut), else all of them.
fn check_editions(
    files: &Files,
    inputs: &[Input],
    obs: &[Observation],
    current: &str,
    base: Option<&str>,
    errors: &mut Vec<DataError>,
) -> Vec<PastEdition> {
    let Some(file) = parse_file::<EditionsFile>(files, "editions.toml", errors) else {
        return Vec::new();
    };
    let text = &files["editions.toml"];
    let now = defaults(inputs, obs);
    let mut out: Vec<PastEdition> = Vec::new();
    // Rows after the current edition's are from later data (a cut, see
    // `check_as_of`): they are not past editions of this one.
    let at = |id: &str| file.edition.iter().position(|r| r.get_ref().id == id);
    let rows = match (at(current), base.and_then(at)) {
        (Some(k), _) => &file.edition[..k],
        (None, Some(k)) => &file.edition[..=k],
        (None, None) => &file.edition[..],
    };
    for row in rows {
        let e = row.get_ref();
        if out.iter().any(|p| p.id == e.id) || e.id.len() > 16 || edition_quarter(&e.id).is_none() {
            Report {
                errors,
                file: "editions.toml",
                text,
            }
            .at(
                row.span().start,
                format!(
                    "edition {:?} is listed twice, longer than 16 characters or does not begin with its quarter (2025q3-…): record editions with `cargo run --features bundler --bin edition -- record`",
                    e.id
                ),
            );
            continue;
        }
        let mut changed: Vec<String> = e
            .defaults
            .iter()
            .filter(|(k, v)| now.get(*k) != Some(v))
            .map(|(k, _)| k.clone())
            .collect();
        // Inputs that now start from a figure but had none then.
        changed.extend(now.keys().filter(|k| !e.defaults.contains_key(*k)).cloned());
        changed.sort();
        out.push(PastEdition {
            id: e.id.clone(),
            changed,
        });
    }
    out
}

/// The current edition as an editions.toml entry, for recording it before the next one.
pub fn edition_entry(model: &Model) -> String {
    let mut out = format!("[[edition]]\nid = \"{}\"\ndefaults = {{ ", model.edition);
    let d = defaults(&model.inputs, &model.observations);
    let mut keys: Vec<&String> = d.keys().collect();
    keys.sort_by_key(|k| model.inputs.iter().position(|i| &i.key == *k));
    let items: Vec<String> = keys.iter().map(|k| format!("{k} = {:e}", d[*k])).collect();
    out.push_str(&items.join(", "));
    out.push_str(" }\n");
    out
}
