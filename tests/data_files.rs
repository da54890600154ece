//! The data checker of `build.rs`, run on the real `data/` and on copies with
//! one mistake each: every kind of mistake stops the build with the file, the
//! line and the problem. Also checks that the compiled tables are exactly what
//! the data files say (values, qualifiers, quotes, labels, ids).

#![cfg(not(target_arch = "wasm32"))] // reads files with the build's checker: native only
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)]

#[allow(dead_code)]
#[path = "../src/core/units.rs"]
mod units;

#[allow(dead_code)]
#[path = "../src/core/parse.rs"]
mod parse;

#[allow(dead_code)]
#[path = "../build/period.rs"]
mod period;

#[allow(dead_code)]
#[path = "../build/data.rs"]
mod data;

#[allow(dead_code)]
#[path = "../build/emit.rs"]
mod emit;

use data::{DataError, Files};
use std::path::Path;

fn real() -> Files {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    data::load(&[&dir]).expect("data/ is readable")
}

/// [`data::check`] as this build compiled the data: as of the day
/// `KC_DATA_AS_OF` names, if the test command set it (`scripts/test.sh`).
/// The mistakes below are made in that edition's rows and lines.
fn checked(files: &Files) -> Result<data::Model, Vec<DataError>> {
    let day = data::as_of_env().expect("KC_DATA_AS_OF is a day");
    data::check_as_of(files, day.as_deref())
}

/// The model of `data/` as this build compiled it (see [`checked`]).
fn compiled() -> data::Model {
    checked(&real()).expect("clean")
}

/// Every table the build writes for `m`, as build.rs writes them, by name.
fn tables(m: &data::Model) -> Vec<(&'static str, String)> {
    vec![
        ("figures", emit::figures(m)),
        ("inputs", emit::inputs(m)),
        ("metrics", emit::metrics(m)),
        ("sections", emit::sections(m)),
        ("edition", emit::edition(m)),
        ("claims", emit::claims(m)),
        ("goals", emit::goals(m)),
    ]
}

/// Fails with the first line that differs if `a` and `b` are not the same tables.
fn assert_same_tables(a: &data::Model, b: &data::Model, what: &str) {
    for ((name, x), (_, y)) in tables(a).iter().zip(tables(b)) {
        if let Some((l, r)) = x.lines().zip(y.lines()).find(|(l, r)| l != r) {
            panic!("{what}: the {name} table differs:\n  {l}\n  {r}");
        }
        assert_eq!(
            x.lines().count(),
            y.lines().count(),
            "{what}: the {name} table's length"
        );
    }
}

/// The 1-based line of the first occurrence of `needle` in `file`.
fn line_of(files: &Files, file: &str, needle: &str) -> usize {
    let text = &files[file];
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {file}"));
    text[..at].matches('\n').count() + 1
}

/// `data/` whole, every row, whatever day the tests describe: the edition
/// about to be published.
#[test]
fn the_real_data_is_clean() {
    let files = real();
    if let Err(errors) = data::check(&files) {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("data/ has mistakes:\n{}", list.join("\n"));
    }
}

/// One mistake per kind: (what, file, text replaced, replacement, words the
/// message must hold, text on the line the message must name).
const MISTAKES: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "a quote not in its source text",
        "observations.toml",
        "quote = \"公司實現收入355.54億元\"",
        "quote = \"公司實現收入355.54億元(更正)\"",
        "is not in source A's text",
        "quote = \"公司實現收入355.54億元(更正)\"",
    ),
    (
        "a value the numeral does not give",
        "observations.toml",
        "value = 355.54e8",
        "value = 355.45e8",
        "disagrees with the numeral \"355.54億元\"",
        "value = 355.45e8",
    ),
    (
        "a numeral not in its quote",
        "observations.toml",
        "numeral = \"355.54億元\"",
        "numeral = \"355.5億元\"",
        "is not in the quote",
        "numeral = \"355.5億元\"",
    ),
    (
        "an unknown series",
        "observations.toml",
        "series = \"revenue\"\nperiod = \"2025Q3\"",
        "series = \"revenu\"\nperiod = \"2025Q3\"",
        "unknown series \"revenu\": did you mean \"revenue\"?",
        "series = \"revenu\"",
    ),
    (
        "a quote with a Simplified character where the text has a Traditional one",
        "observations.toml",
        "quote = \"公司實現收入355.54億元\"",
        "quote = \"公司實現收入355.54亿元\"",
        "the text has \"公司實現收入355.54\" followed by '億', the quote '亿'",
        "quote = \"公司實現收入355.54亿元\"",
    ),
    (
        "a period in lower case",
        "observations.toml",
        "series = \"revenue\"\nperiod = \"2025Q3\"\nvalue = 355.54e8",
        "series = \"revenue\"\nperiod = \"2025q3\"\nvalue = 355.54e8",
        "unknown period \"2025q3\": write it in capitals, 2025Q3",
        "period = \"2025q3\"",
    ),
    (
        "a title that is not its text's first line",
        "sources.toml",
        "title = \"「可靈」將年賺10億",
        "title = \"「可靈」將年賺十億",
        "the title here is not the first line of data/sources/A.txt, which reads \"「可靈」將年賺10億",
        "title = \"「可靈」將年賺十億",
    ),
    (
        "a quarter's period mistyped (the quote names another quarter)",
        "observations.toml",
        "period = \"2025Q3\"\nvalue = 3e8\nnumeral = \"超過3億元\"\nqualifier = \"floor\"\nsource = \"A\"",
        "period = \"2025Q2\"\nvalue = 3e8\nnumeral = \"超過3億元\"\nqualifier = \"floor\"\nsource = \"A\"",
        "the quote names the third quarter (\"Q3\"), but the period is 2025Q2: check the period",
        "period = \"2025Q2\"\nvalue = 3e8",
    ),
    (
        "a quarter's year mistyped (the quote names the year)",
        "observations.toml",
        "period = \"2025Q1\"\nvariant = \"c\"",
        "period = \"2024Q1\"\nvariant = \"c\"",
        "the quote names 2025年第一季, but the period is 2024Q1: check the period",
        "period = \"2024Q1\"\nvariant = \"c\"",
    ),
    (
        "a qualifier the quote's word contradicts",
        "observations.toml",
        "numeral = \"超過3億元\"\nqualifier = \"floor\"\nsource = \"A\"",
        "numeral = \"超過3億元\"\nqualifier = \"approx\" \nsource = \"A\"",
        "which makes the figure a floor, but the row says qualifier = \"approx\": write \"floor\"",
        "qualifier = \"approx\" ",
    ),
    (
        "this year's quarter filed under last year's",
        "observations.toml",
        "series = \"revenue\"\nperiod = \"2025Q3\"\nvalue = 355.54e8",
        "series = \"revenue\"\nperiod = \"2024Q3\"\nvalue = 355.54e8",
        "source A is dated 2025-11-27, over a year after 2024Q3 ended, and the quote names no year: check the period",
        "period = \"2024Q3\"",
    ),
    (
        "an id that is not lower-case letters, digits and _",
        "observations.toml",
        "series = \"dau\"\nperiod = \"2025Q3\"",
        "id = \"DAU Q3\"\nseries = \"dau\"\nperiod = \"2025Q3\"",
        "the id \"DAU Q3\" must be lower-case letters, digits and _",
        "id = \"DAU Q3\"",
    ),
    (
        "the article's word for a qualifier",
        "observations.toml",
        "numeral = \"超過3億元\"\nqualifier = \"floor\"\nsource = \"A\"",
        "numeral = \"超過3億元\"\nqualifier = \"超過\"\nsource = \"A\"",
        "unknown qualifier \"超過\": write \"floor\"",
        "qualifier = \"超過\"",
    ),
    (
        "the outlet for the source's letter",
        "observations.toml",
        "source = \"A\"\nquote = \"公司實現收入355.54億元\"",
        "source = \"懂財帝\"\nquote = \"公司實現收入355.54億元\"",
        "unknown source \"懂財帝\": did you mean \"A\"?",
        "source = \"懂財帝\"",
    ),
    (
        "a day its month does not have",
        "sources.toml",
        "date = \"2025-11-27\"",
        "date = \"2025-11-31\"",
        "the date \"2025-11-31\" is not a day written year-month-day",
        "date = \"2025-11-31\"",
    ),
    (
        "an outlet its text does not end with",
        "sources.toml",
        "outlet = \"懂財帝\"",
        "outlet = \"懂財帝網\"",
        "does not end with the outlet (懂財帝網): it ends",
        "outlet = \"懂財帝網\"",
    ),
    (
        "a source id in the wrong case",
        "observations.toml",
        "source = \"A\"\nquote = \"公司實現收入355.54億元\"",
        "source = \"a\"\nquote = \"公司實現收入355.54億元\"",
        "unknown source \"a\": did you mean \"A\"?",
        "source = \"a\"",
    ),
    (
        "a floor without its qualifier (the word in the numeral)",
        "observations.toml",
        "numeral = \"超過3億元\"\nqualifier = \"floor\"\nsource = \"A\"",
        "numeral = \"超過3億元\"\nsource = \"A\"",
        "the quote says \"超過\" at the numeral \"超過3億元\", which makes the figure a floor: add qualifier = \"floor\"",
        "numeral = \"超過3億元\"",
    ),
    (
        "an approximation without its qualifier (the word before the numeral)",
        "observations.toml",
        "numeral = \"21元\"\nqualifier = \"approx\"",
        "numeral = \"21元\"",
        "the quote says \"約\" at the numeral \"21元\", which makes the figure approximate: add qualifier = \"approx\"",
        "numeral = \"21元\"",
    ),
    (
        "a quarter's result from an article dated before the quarter ended",
        "observations.toml",
        "series = \"revenue\"\nperiod = \"2025Q3\"\nvalue = 355.54e8",
        "series = \"revenue\"\nperiod = \"2025Q4\"\nvalue = 355.54e8",
        "source A is dated 2025-11-27, but 2025Q4 ends on 2025-12-31",
        "period = \"2025Q4\"",
    ),
    (
        "a numeral that is not digits",
        "observations.toml",
        "numeral = \"355.54億元\"\nsource = \"A\"",
        "numeral = \"收入\"\nsource = \"A\"",
        "write the numeral as the article does, in digits",
        "numeral = \"收入\"",
    ),
    (
        "an id another row already has",
        "observations.toml",
        "series = \"revenue_yoy\"\nperiod = \"2025Q3\"\nvalue = 0.142",
        "id = \"revenue_2025q3\"\nseries = \"revenue_yoy\"\nperiod = \"2025Q3\"\nvalue = 0.142",
        "the id \"revenue_2025q3\" is already taken at line 5: give this row an id of its own, or none (its default is revenue_yoy_2025q3)",
        "id = \"revenue_2025q3\"",
    ),
    (
        "an unknown source",
        "observations.toml",
        "source = \"A\"\nquote = \"公司實現收入355.54億元\"",
        "source = \"Z\"\nquote = \"公司實現收入355.54億元\"",
        "unknown source \"Z\"",
        "source = \"Z\"",
    ),
    (
        "an unknown period",
        "observations.toml",
        "series = \"revenue\"\nperiod = \"2025Q3\"",
        "series = \"revenue\"\nperiod = \"2025Q5\"",
        "unknown period \"2025Q5\"",
        "period = \"2025Q5\"",
    ),
    (
        "a label missing a language",
        "series.toml",
        "name = { zh-Hant = \"快手總收入\", zh-Hans = \"快手总收入\", en = \"Kuaishou revenue\" }",
        "name = { zh-Hant = \"快手總收入\", zh-Hans = \"快手总收入\" }",
        "name lacks a text in en",
        "name = { zh-Hant = \"快手總收入\", zh-Hans = \"快手总收入\" }",
    ),
    (
        // An assumption's label is its own too, and the mistake is its file's.
        "an assumption labelled as a series' field",
        "assumptions.toml",
        "en = \"Target P/E (dynamic)\" }",
        "en = \"Kuaishou P/E (dynamic)\" }",
        "have the same field label (\"Kuaishou P/E (dynamic)\"): give \"target_pe\" a label of its own",
        "id = \"target_pe\"",
    ),
    (
        // The most natural way to write a day in Chinese; its 年 once cut the
        // period reader inside a character.
        "a day written in Chinese",
        "sources.toml",
        "date = \"2025-11-27\"",
        "date = \"2025年11月27日\"",
        "the date \"2025年11月27日\" is not a day written year-month-day, as 2025-11-27 is",
        "date = \"2025年11月27日\"",
    ),
    (
        // The build writes edition ids; the first one's quarter starts the inputs.
        "an edition id without its quarter",
        "editions.toml",
        "id = \"2025q3-1\"",
        "id = \"初版-1\"",
        "does not begin with its quarter (2025q3-…)",
        "id = \"初版-1\"",
    ),
    (
        // A series with an input per quarter tells them apart by {p}.
        "two fields of a series with one label",
        "series.toml",
        "field = { zh-Hant = \"快手{p}收入\", zh-Hans = \"快手{p}收入\", en = \"Kuaishou {p} revenue\" }",
        "field = { zh-Hant = \"快手收入\", zh-Hans = \"快手收入\", en = \"Kuaishou revenue\" }",
        "have the same field label (\"Kuaishou revenue\"): give \"revenue\" a label of its own",
        "field = { zh-Hant = \"快手收入\"",
    ),
    (
        // The compiled tables join a label's three texts with U+001F.
        "a label holding a control character",
        "series.toml",
        "en = \"Kuaishou revenue\" }",
        "en = \"Kuaishou\\u001Frevenue\" }",
        "name's en text holds a control character",
        "en = \"Kuaishou\\u001Frevenue\" }",
    ),
    (
        "a default outside its range",
        "assumptions.toml",
        "max = 100.0",
        "max = 5.0",
        "outside the range above 0 to 5",
        "max = 5.0",
    ),
    (
        "an unknown metric operand in a section",
        "sections.toml",
        "\"kling_guidance_raise\"]",
        "\"kling_guidance_raise\", \"kling_typo_{p}\"]",
        "",
        "",
    ),
    (
        "a headline that is not one of its section's metrics",
        "sections.toml",
        "headlines = [\"other_services_share_{p}\"",
        "headlines = [\"kling_qoq_{p}\"",
        "\"kling_qoq_{p}\" is not one of this section's metrics",
        "headlines = [\"kling_qoq_{p}\"",
    ),
    (
        "fewer than two headlines",
        "sections.toml",
        "headlines = [\"arpu_paying_monthly\", \"revenue_per_dau_{p}\", \"dau_mau_ratio_{p}\"]",
        "headlines = [\"arpu_paying_monthly\"]",
        "1 of them have a value now; a section shows two to four",
        "headlines = [\"arpu_paying_monthly\"]",
    ),
    (
        "numbers in a different order in one language",
        "narrative.toml",
        "en = \"Kling earned {{kling_revenue_{p}}} in the {quarter}, {{kling_share_{p}}} of Kuaishou's revenue. \"",
        "en = \"Kling's {{kling_share_{p}}} share came from {{kling_revenue_{p}}} in the {quarter}. \"",
        "not the same, in the same order, in all three languages",
        "en = \"Kling's {{kling_share_{p}}}",
    ),
    (
        "a date in words in one language only",
        "sources.toml",
        "date = { zh-Hant = \"2025年年中(5月29日後)\", zh-Hans = \"2025年年中(5月29日后)\", en = \"2025 (mid-year, after 29 May)\" }",
        "date = \"2025 (mid-year, after 29 May)\"",
        "is not a day written year-month-day, as 2025-11-27 is: where the text names no day, write the window it pins down in each language",
        "date = \"2025 (mid-year, after 29 May)\"",
    ),
    (
        "a date in words missing a language",
        "sources.toml",
        "date = { zh-Hant = \"2025年年中(5月29日後)\", zh-Hans = \"2025年年中(5月29日后)\", en = \"2025 (mid-year, after 29 May)\" }",
        "date = { zh-Hant = \"2025年年中(5月29日後)\", en = \"2025 (mid-year, after 29 May)\" }",
        "the date lacks a text in zh-Hans",
        "date = { zh-Hant = \"2025年年中(5月29日後)\", en",
    ),
    (
        // The tests' day places a window by its year, so every text must give it.
        "a date in words whose languages disagree on the year",
        "sources.toml",
        "zh-Hans = \"2025年年中(5月29日后)\"",
        "zh-Hans = \"年中(5月29日后)\"",
        "each of the date's texts must begin with its year, the same in all three",
        "zh-Hans = \"年中(5月29日后)\"",
    ),
    (
        "an {earlier:…} left open",
        "narrative.toml",
        "{earlier: in the {quarter}} means",
        "{earlier: in the means",
        "an {earlier:…} has no closing } before the next {",
        "{earlier: in the means",
    ),
    (
        "a sentence for a fifth quarter",
        "narrative.toml",
        "quarters = [1]",
        "quarters = [1, 5]",
        "quarters = [1, 5]: quarters are 1 to 4",
        "quarters = [1, 5]",
    ),
];

#[test]
fn every_kind_of_mistake_names_file_line_and_problem() {
    let clean = real();
    for &(what, file, from, to, words, on_line) in MISTAKES {
        let mut files = clean.clone();
        let text = files.get_mut(file).expect("file exists");
        assert!(text.contains(from), "{what}: {from:?} not in {file}");
        *text = text.replacen(from, to, 1);
        let result = checked(&files);
        if words.is_empty() {
            // A template id a section names that matches nothing is not a
            // mistake of the data (a template may have no period yet); it
            // just shows nothing.
            assert!(result.is_ok(), "{what}: {:?}", result.err());
            continue;
        }
        let errors = result
            .err()
            .unwrap_or_else(|| panic!("{what}: not rejected"));
        let want_line = line_of(&files, file, on_line);
        let hit: Vec<&DataError> = errors
            .iter()
            .filter(|e| e.file == file && e.message.contains(words))
            .collect();
        assert!(
            !hit.is_empty(),
            "{what}: no message with {words:?} in {file}; got {errors:?}"
        );
        // The line is the edited field's own in the files an editor touches
        // for a quarter (observations and sources), elsewhere its row's first
        // (at most a few lines above).
        let e = hit[0];
        if ["observations.toml", "sources.toml"].contains(&file) {
            assert_eq!(e.line, want_line, "{what}: {e}");
        }
        assert!(
            e.line <= want_line && want_line - e.line <= 12,
            "{what}: message at line {}, edit at line {want_line}: {e}",
            e.line
        );
        let shown = e.to_string();
        assert!(shown.starts_with(&["data/", file, ":"].concat()), "{shown}");
    }
}

/// A misspelt operand leaves its metric with no instance: the sentence and
/// headline that name the metric say so, it does not just drop out (only a
/// metric waiting for its year's target does).
#[test]
fn a_misspelt_operand_is_named_where_its_metric_is_used() {
    let mut files = real();
    let text = files.get_mut("metrics.toml").unwrap();
    let from = "operands = [\"operating_profit_{p}\", \"revenue_{p}\"]";
    assert!(text.contains(from));
    *text = text.replacen(
        from,
        "operands = [\"operating_proft_{p}\", \"revenue_{p}\"]",
        1,
    );
    let errors = checked(&files).expect_err("accepted");
    assert!(
        errors.iter().any(|e| e.file == "narrative.toml"
            && e.message
                .contains("{{operating_margin_{p}}} is no input or metric for any quarter")),
        "{errors:?}"
    );
}

/// Next year's target, given before next year begins, waits for its year:
/// this year's quarters keep projecting toward this year's target, and no
/// input the edition published goes.
#[test]
fn a_target_for_a_year_not_begun_waits_for_its_year() {
    let mut files = real();
    let before = checked(&files).expect("clean");
    files.insert(
        "sources/W.txt".into(),
        "下年目標\n可靈2026年收入目標為15億元。(測試)".into(),
    );
    files
        .get_mut("sources.toml")
        .unwrap()
        .push_str("\n[[source]]\nid = \"W\"\noutlet = \"測試\"\ntitle = \"下年目標\"\ndate = \"2025-11-20\"\n");
    files.get_mut("observations.toml").unwrap().push_str(
        "\n[[observation]]\nseries = \"kling_fy_target\"\nperiod = \"2026FY\"\nvalue = 15e8\nnumeral = \"15億元\"\nsource = \"W\"\nquote = \"可靈2026年收入目標為15億元\"\n",
    );
    let after = checked(&files).expect("clean with next year's target");
    let keys = |m: &data::Model| {
        m.inputs
            .iter()
            .map(|i| (i.key.clone(), i.projected))
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&after), keys(&before));
    let target = after
        .inputs
        .iter()
        .find(|i| i.key == "kling_fy_target")
        .unwrap();
    let data::Default::Figure(f) = target.default else {
        panic!("the target starts from a figure");
    };
    assert_eq!(
        after.observations[f].period.to_string(),
        format!("{}FY", after.latest.year)
    );
}

/// Two templates making one id: a mistake unless they are the same quantity
/// from the same operands (a year-ago share the quarter's own template makes).
#[test]
fn a_second_template_for_a_taken_id_is_rejected() {
    let mut files = real();
    let text = files.get_mut("metrics.toml").unwrap();
    text.push_str("\n[[metric]]\nkey = \"revenue_qoq_{p}\"\nop = \"diff\"\noperands = [\"revenue_{p}\", \"revenue_{p-1}\"]\nlabel = { zh-Hant = \"差\", zh-Hans = \"差\", en = \"diff\" }\n");
    let errors = checked(&files).expect_err("accepted");
    assert!(
        errors.iter().any(|e| e.file == "metrics.toml"
            && e.message
                .contains("the metric id \"revenue_qoq_2025q3\" is already taken")),
        "{errors:?}"
    );
}

/// How many inputs an edition holds: an input set is the narrowest integer
/// with a bit per input (`Bits` in the inputs table, a `u64` up to 64 and a
/// `u128` up to 128), and the 129th input is refused, saying so. Made with
/// assumptions added to today's data; the wide test edition builds a `u128`
/// set in earnest (tests/edition.rs).
#[test]
fn an_edition_holds_up_to_128_inputs() {
    let have = compiled().inputs.len();
    let with = |total: usize| {
        let mut files = real();
        let extra: Vec<String> = (have..total).map(|k| format!("\"extra_{k}\"")).collect();
        let sections = files.get_mut("sections.toml").unwrap();
        let list = "\"pe_tencent\", \"target_pe\"]";
        assert!(sections.contains(list));
        *sections = sections.replacen(
            list,
            &format!(
                "\"pe_tencent\", \"target_pe\"{}]",
                extra.iter().map(|k| [", ", k].concat()).collect::<String>()
            ),
            1,
        );
        let text = files.get_mut("assumptions.toml").unwrap();
        for k in have..total {
            text.push_str(&format!("\n[[assumption]]\nid = \"extra_{k}\"\nunit = \"multiple\"\ndefault = {{ op = \"mean\", of = [\"pe_baidu\"] }}\nlabel = {{ zh-Hant = \"額外{k}\", zh-Hans = \"额外{k}\", en = \"Extra {k}\" }}\n"));
        }
        checked(&files)
    };
    for (total, bits) in [(have, "u64"), (64, "u64"), (65, "u128"), (128, "u128")] {
        let m = with(total).unwrap_or_else(|e| panic!("{total} inputs: {e:?}"));
        assert_eq!(m.inputs.len(), total);
        let table = emit::inputs(&m);
        assert!(
            table.contains(&format!("type Bits = {bits};")),
            "{total} inputs"
        );
    }
    let errors = with(129).expect_err("129 inputs accepted");
    assert!(
        errors.iter().any(|e| e.file == "series.toml"
            && e.message
                .starts_with("129 inputs: the widget holds at most 128")),
        "{errors:?}"
    );
}

/// A paragraph says each number once: a sentence whose numbers an earlier
/// sentence has all said is left out, and one with a new number is kept.
#[test]
fn a_sentence_saying_only_what_was_said_is_left_out() {
    let before = compiled();
    let paragraph = |m: &data::Model| {
        let s = m
            .sections
            .iter()
            .find(|s| s.key == "kling")
            .expect("the Kling section");
        format!("{:?}", s.narrative)
    };
    // (the sentence added after the Kling paragraph's first, kept)
    let cases = [
        ("zh-Hant = \"可靈收入{{kling_revenue_{p}}}。\"\nzh-Hans = \"可灵收入{{kling_revenue_{p}}}。\"\nen = \"Kling: {{kling_revenue_{p}}}.\"", false),
        ("zh-Hant = \"可靈收入{{kling_revenue_{p}}},目標{{kling_fy_target}}。\"\nzh-Hans = \"可灵收入{{kling_revenue_{p}}},目标{{kling_fy_target}}。\"\nen = \"Kling: {{kling_revenue_{p}}}, {{kling_fy_target}}.\"", true),
    ];
    for (sentence, kept) in cases {
        let mut files = real();
        let text = files.get_mut("narrative.toml").unwrap();
        let first = "en = \"Kling earned {{kling_revenue_{p}}} in the {quarter}, {{kling_share_{p}}} of Kuaishou's revenue. \"\n";
        assert!(text.contains(first));
        *text = text.replacen(
            first,
            &[first, "\n[[paragraph.sentence]]\n", sentence, "\n"].concat(),
            1,
        );
        let after = checked(&files).unwrap_or_else(|e| panic!("{sentence}: {e:?}"));
        assert_eq!(paragraph(&after) != paragraph(&before), kept, "{sentence}");
    }
}

/// The Kling paragraph in each kind of quarter, with this year's target and
/// without: it never says a number twice under two names, in particular
/// not the year so far beside the quarter it is (Q1) or beside the year's
/// total (Q4). Built from data/ as of the tests' day, then with the test
/// editions on top (2025 Q4, minimal and in full; 2026 Q1 with no target, then
/// with one).
#[test]
fn the_kling_paragraph_says_each_number_once_in_every_quarter() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = [
        "data",
        "tests/edition",
        "tests/edition-full",
        "tests/edition-year",
    ];
    // A made-up 2026 target: the made-up article's numeral and words (only
    // the numeral is checked against the quote).
    let target = "\n[[observation]]\nseries = \"kling_fy_target\"\nperiod = \"2026FY\"\nvalue = 4e8\nnumeral = \"4億元\"\nqualifier = \"floor\"\nsource = \"V\"\nquote = \"可靈第一季收入超過4億元\"\n";
    // (directories on top of data/, with a 2026 target, the edition's quarter)
    let cases = [
        (1, false, "2025q3"),
        (2, false, "2025q4"),
        (3, false, "2025q4"),
        (4, false, "2026q1"),
        (4, true, "2026q1"),
    ];
    for (n, with_target, quarter) in cases {
        let paths: Vec<_> = dirs[..n].iter().map(|d| root.join(d)).collect();
        let mut files = data::load(&paths.iter().map(|p| p.as_path()).collect::<Vec<_>>())
            .expect("the test editions are readable");
        if with_target {
            files.get_mut("observations.toml").unwrap().push_str(target);
        }
        // As the build compiled data/ (the tests' day), so that a quarter an
        // editor adds to data/ does not move the cases' quarters.
        let m = checked(&files).unwrap_or_else(|e| panic!("{quarter}: {e:?}"));
        assert!(m.edition.starts_with(quarter), "{}", m.edition);
        let kling = m
            .sections
            .iter()
            .find(|s| s.key == "kling")
            .expect("the Kling section");
        let said: Vec<data::Operand> = kling
            .narrative
            .iter()
            .filter_map(|seg| match seg {
                data::Seg::Value(v) => Some(*v),
                _ => None,
            })
            .collect();
        // A number and what it restates: itself, a sum of it alone, or a sum of the same parts.
        let parts = |v: data::Operand| match v {
            data::Operand::Metric(k) if m.metrics[k].op == "sum" => match m.metrics[k].operands[..]
            {
                [one] => vec![one],
                ref many => many.to_vec(),
            },
            other => vec![other],
        };
        for (i, &a) in said.iter().enumerate() {
            for &b in &said[i + 1..] {
                assert!(
                    a != b && parts(a) != parts(b),
                    "{quarter} (target: {with_target}): {a:?} and {b:?} are one number"
                );
            }
        }
        let has = |key: &str| {
            said.iter()
                .any(|v| matches!(v, data::Operand::Metric(k) if m.metrics[*k].key == key))
        };
        assert_eq!(
            has("kling_target_attainment_ytd"),
            quarter.starts_with("2025") || with_target,
            "{quarter}"
        );
    }
}

#[test]
fn a_duplicate_observation_is_rejected_at_its_line() {
    let mut files = real();
    let text = files.get_mut("observations.toml").unwrap();
    let row = "\n[[observation]]\nseries = \"revenue\"\nperiod = \"2025Q3\"\nvalue = 355.54e8\nnumeral = \"355.54億元\"\nsource = \"A\"\nquote = \"公司實現收入355.54億元\"\n";
    text.push_str(row);
    let line = text.matches('\n').count() - row.matches('\n').count() + 2;
    let errors = checked(&files).expect_err("duplicate accepted");
    let e = errors
        .iter()
        .find(|e| e.message.contains("duplicate observation: revenue 2025Q3"))
        .unwrap_or_else(|| panic!("{errors:?}"));
    assert_eq!(e.file, "observations.toml");
    assert!(e.line >= line && e.line <= line + 1, "{e} (row at {line})");
    assert!(e.message.contains("already given at line"), "{e}");
    // A row copied from the same article: not a second article's figure.
    assert!(
        e.message
            .contains("from the same source A: check this row's series and period"),
        "{e}"
    );
}

/// The word that qualifies a numeral, read in its own clause as an editor
/// would: (quote, numeral, the word and the qualifier it implies).
#[test]
fn a_numeral_is_qualified_by_the_words_of_its_clause() {
    use units::Qualifier;
    /// The word and the qualifier it implies, if any.
    type Qualifying = Option<(&'static str, Qualifier)>;
    let cases: [(&str, &str, Qualifying); 9] = [
        (
            "可靈Q3收入超過3億元",
            "超過3億元",
            Some(("超過", Qualifier::Floor)),
        ),
        (
            "直播業務收入約為人民幣98億元",
            "98億元",
            Some(("約", Qualifier::Approx)),
        ),
        (
            "貢獻了近70%的營業收入",
            "70%",
            Some(("近", Qualifier::Approx)),
        ),
        ("收入3億元以上", "3億元", Some(("以上", Qualifier::Floor))),
        (
            "可靈收入佔比不足1%",
            "不足1%",
            Some(("不足", Qualifier::Ceiling)),
        ),
        // Another clause's word, or another number's, does not qualify this one.
        ("約合人民幣10億元,其中廣告收入50億元", "50億元", None),
        ("超過1.5億元、2.5億元", "2.5億元", None),
        // 最近 is "latest", not 近 "nearly".
        ("最近一季收入為300億元", "300億元", None),
        ("公司實現收入355.54億元", "355.54億元", None),
    ];
    for (quote, numeral, want) in cases {
        let pos = quote.find(numeral).expect("the numeral is in the quote");
        assert_eq!(data::qualifying_at(quote, pos, numeral), want, "{quote}");
    }
}

/// A figure series whose name says its span with `{p}` (`kling_ytd`) names
/// each row's own: an article's full-year figure is not labelled "first three
/// quarters"; a period `{p}` cannot say is refused at its row.
#[test]
fn a_figure_names_its_own_span() {
    // (period, the label's three texts, or the words of the refusal)
    let cases: [(&str, Result<[&str; 3], &str>); 3] = [
        ("2025FY", Ok(["可靈全年收入", "可灵全年收入", "Kling revenue, whole year"])),
        ("2025Q1-Q3", Ok(["可靈前三季收入", "可灵前三季度收入", "Kling revenue, first three quarters"])),
        ("2025-11", Err("which names quarters, the year so far or a year, not 2025-11: give this row a label")),
    ];
    for (period, want) in cases {
        let mut files = real();
        // The year so far's row given again for another period, as an editor would add one.
        let row = format!(
            "\n[[observation]]\nid = \"kling_span_test\"\nseries = \"kling_ytd\"\nperiod = \"{period}\"\nvariant = \"t\"\nvalue = 7e8\nnumeral = \"超過7億元\"\nqualifier = \"floor\"\nsource = \"A\"\nquote = \"前三季度,可靈收入已超過7億元\"\n"
        );
        files.get_mut("observations.toml").unwrap().push_str(&row);
        match (checked(&files), want) {
            (Ok(m), Ok(texts)) => {
                let o = m
                    .observations
                    .iter()
                    .find(|o| o.key == "kling_span_test")
                    .expect("the row");
                assert_eq!(
                    [
                        o.label.hant.as_str(),
                        o.label.hans.as_str(),
                        o.label.en.as_str()
                    ],
                    texts,
                    "{period}"
                );
            }
            (Err(errors), Err(words)) => assert!(
                errors
                    .iter()
                    .any(|e| e.file == "observations.toml" && e.message.contains(words)),
                "{period}: {errors:?}"
            ),
            (got, want) => panic!("{period}: {:?} against {want:?}", got.map(|_| "clean")),
        }
    }
}

/// A source's text missing, misnamed or without its title line is said once,
/// at the source: its figures do not each call it unknown, or their quotes
/// missing.
#[test]
fn a_source_text_missing_or_misnamed_is_named_once() {
    // (what is done to data/sources/H.txt, words of the one message)
    let cases: [(&str, &str); 3] = [
        ("removed", "add data/sources/H.txt"),
        (
            "named in lower case",
            "data/sources/h.txt is there, but the name must be data/sources/H.txt",
        ),
        (
            "without its title line",
            "the title here is not the first line of data/sources/H.txt",
        ),
    ];
    for (what, words) in cases {
        let mut files = real();
        let text = files.remove("sources/H.txt").expect("H's text");
        match what {
            "removed" => {}
            "named in lower case" => {
                files.insert("sources/h.txt".into(), text);
            }
            _ => {
                let body = text.split_once('\n').expect("a title line").1;
                files.insert("sources/H.txt".into(), body.to_string());
            }
        }
        let errors = checked(&files).expect_err("accepted");
        assert_eq!(errors.len(), 1, "{what}: {errors:?}");
        assert_eq!(errors[0].file, "sources.toml", "{what}");
        assert!(errors[0].message.contains(words), "{what}: {}", errors[0]);
    }
}

/// A byte-order mark that an editor's program put before a text is not part
/// of it: the data with one before a source's title reads as without.
#[test]
fn a_byte_order_mark_is_not_part_of_a_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let copy = std::env::temp_dir().join(format!("kc-bom-{}", std::process::id()));
    std::fs::create_dir_all(copy.join("sources")).unwrap();
    for (name, text) in real() {
        let text = if name == "sources/A.txt" {
            format!("\u{feff}{text}")
        } else {
            text
        };
        std::fs::write(copy.join(&name), text).unwrap();
    }
    assert!(root.join("sources/A.txt").exists());
    let files = data::load(&[&copy]).expect("the copy reads");
    std::fs::remove_dir_all(&copy).unwrap();
    assert!(!files["sources/A.txt"].starts_with('\u{feff}'));
    assert_same_tables(
        &checked(&files).expect("clean"),
        &compiled(),
        "with a byte-order mark",
    );
}

#[test]
fn a_toml_syntax_error_names_its_line_and_the_likely_slip() {
    // (file, text replaced, replacement, text on the line named, words of the hint)
    let cases = [
        (
            "series.toml",
            "unit = \"cny\"",
            "unit = cny",
            "unit = cny",
            "a text goes in \"quotes\"",
        ),
        (
            "observations.toml",
            "quote = \"公司實現收入355.54億元\"",
            "quote = \"公司實現收入355.54億元",
            "quote = \"公司實現收入355.54億元",
            "a text missing its closing \"",
        ),
        (
            "observations.toml",
            "value = 355.54e8",
            "value ＝ 355.54e8",
            "value ＝ 355.54e8",
            "not a full-width ＝",
        ),
        (
            "observations.toml",
            "value = 355.54e8",
            "value = 355.54億",
            "value = 355.54億",
            "a number in digits only",
        ),
        (
            "observations.toml",
            "value = 355.54e8",
            "value = \"355.54e8\"",
            "value = \"355.54e8\"",
            "a number goes without quotes",
        ),
        (
            "observations.toml",
            "[[observation]]\nseries = \"revenue_yoy\"",
            "[observation]\nseries = \"revenue_yoy\"",
            "[observation]\nseries",
            "a double-bracketed header",
        ),
        (
            "observations.toml",
            "[[observation]]\nseries = \"revenue_yoy\"",
            "series = \"revenue_yoy\"",
            "series = \"revenue_yoy\"",
            "a row missing its [[…]] header line",
        ),
    ];
    for (file, from, to, on_line, hint) in cases {
        let mut files = real();
        let text = files.get_mut(file).unwrap();
        assert!(text.contains(from), "{from}");
        *text = text.replacen(from, to, 1);
        let want = line_of(&files, file, on_line);
        let errors = checked(&files).expect_err("accepted");
        assert_eq!(errors[0].file, file, "{to}");
        assert_eq!(errors[0].line, want, "{to}: {}", errors[0]);
        assert!(errors[0].message.contains(hint), "{to}: {}", errors[0]);
    }
}

/// A slip in a file the others are read through (sources, series, editions)
/// is the one mistake reported, not the first of a hundred ("unknown source"
/// for every figure); a misspelt table header is named, not dropped.
#[test]
fn a_slip_in_a_file_others_rest_on_is_reported_alone() {
    // (file, text replaced, replacement, words of the message)
    let cases = [
        (
            "sources.toml",
            "outlet = \"懂財帝\"",
            "outlet = \"懂財帝",
            "invalid basic string",
        ),
        (
            "series.toml",
            "unit = \"cny\"",
            "unit = \"cny",
            "invalid basic string",
        ),
        (
            "editions.toml",
            "kling_paying_members = 5e6,",
            "kling_paying_members = 5e6",
            "expected",
        ),
        (
            "observations.toml",
            "[[observation]]",
            "[[observations]]",
            "unknown field `observations`",
        ),
    ];
    for (file, from, to, words) in cases {
        let mut files = real();
        let text = files.get_mut(file).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        *text = text.replacen(from, to, 1);
        let errors = checked(&files).expect_err("accepted");
        assert_eq!(errors.len(), 1, "{file}: {errors:?}");
        assert_eq!(errors[0].file, file, "{}", errors[0]);
        assert!(errors[0].message.contains(words), "{}", errors[0]);
    }
}

/// The compiled tables say exactly what the files say.
#[test]
fn compiled_tables_match_the_data() {
    use kling_calc::core::figures::{ARTICLES, FIGURES};
    use kling_calc::core::inputs::InputId;
    use kling_calc::core::metrics::MetricId;
    let model = compiled();
    assert_eq!(ARTICLES.len(), model.sources.len());
    for (a, s) in ARTICLES.iter().zip(&model.sources) {
        assert_eq!(
            (a.id.to_string(), a.title, a.outlet),
            (s.id.clone(), s.title.as_str(), s.outlet.as_str())
        );
    }
    assert_eq!(FIGURES.len(), model.observations.len());
    for (f, o) in FIGURES.iter().zip(&model.observations) {
        assert_eq!(f.key, o.key);
        assert_eq!(f.value, o.value, "{}", f.key);
        assert_eq!(f.qualifier.key(), o.qualifier.key(), "{}", f.key);
        assert_eq!(f.quote, o.quote, "{}", f.key);
        assert_eq!(f.label.en(), o.label.en, "{}", f.key);
    }
    let inputs: Vec<&str> = InputId::ALL.iter().map(|i| i.key()).collect();
    let want: Vec<&str> = model.inputs.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(inputs, want);
    let metrics: Vec<&str> = MetricId::ALL.iter().map(|m| m.key()).collect();
    let want: Vec<&str> = model.metrics.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(metrics, want);
    assert_eq!(kling_calc::core::edition::EDITION, model.edition);
    use kling_calc::core::sections::SECTIONS;
    assert_eq!(SECTIONS.len(), model.sections.len());
    for (s, m) in SECTIONS.iter().zip(&model.sections) {
        let heads: Vec<&str> = s.headlines.iter().map(|h| h.key()).collect();
        let want: Vec<&str> = m
            .headlines
            .iter()
            .map(|&i| model.metrics[i].key.as_str())
            .collect();
        assert_eq!(heads, want, "headlines of {}", s.key);
    }
}

/// Chart mistakes, each on a copy of `data/` with one edit: (what, text
/// replaced in sections.toml, replacement, words the message must hold, text
/// on the exact line it must name).
const CHART_MISTAKES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "a highlighted bar in a chart with a mix",
        "en = \"Total\" } },",
        "en = \"Total\" }, highlight = true },",
        "chart item \"revenue_yoy_{p}\": highlight = true in a chart with a mix",
        "en = \"Total\" }, highlight = true },",
    ),
    (
        "items in different units in one bars chart",
        "{ id = \"live_streaming_yoy_{p}\"",
        "{ id = \"live_streaming_{p}\"",
        "chart item \"live_streaming_{p}\" is in cny, but the items before it in change: a bars chart shows one unit",
        "{ id = \"live_streaming_{p}\"",
    ),
    (
        "an item not in the chart's stated unit",
        "key = \"growth\"\nkind = \"bars\"\n",
        "key = \"growth\"\nkind = \"bars\"\nunit = \"share\"\n",
        "chart item \"revenue_yoy_{p}\" is in change, but the chart's unit in share",
        "{ id = \"revenue_yoy_{p}\"",
    ),
    (
        "an unknown chart unit",
        "key = \"growth\"\nkind = \"bars\"\n",
        "key = \"growth\"\nkind = \"bars\"\nunit = \"percent\"\n",
        "unknown unit \"percent\"",
        "unit = \"percent\"",
    ),
    (
        "an unknown figure id",
        "{ id = \"figure:wenxin_arpu_monthly\"",
        "{ id = \"figure:ernie_arpu\"",
        "chart item \"figure:ernie_arpu\": no figure in observations.toml has that id",
        "{ id = \"figure:ernie_arpu\"",
    ),
    (
        "an unknown input or metric id",
        "{ id = \"other_services_yoy_{p}\"",
        "{ id = \"other_service_yoy_{p}\"",
        "chart item \"other_service_yoy_{p}\": no input or metric has that id (for any quarter)",
        "{ id = \"other_service_yoy_{p}\"",
    ),
    (
        "an assumed item with no legend for it",
        "assumed = { zh-Hant = \"虛線:目標市盈率預設為同業平均\", zh-Hans = \"虚线:目标市盈率默认为同业平均\", en = \"Dashed: target P/E defaults to the peer average\" }\n",
        "",
        "chart item \"target_pe\" starts as an assumption: give the chart an assumed = { … } legend",
        "{ id = \"target_pe\"",
    ),
    (
        "a mix id that is no share",
        "mix = [\"online_marketing_share_{p-4}\", \"online_marketing_share_{p}\"]",
        "mix = [\"online_marketing_yoy_{p}\", \"online_marketing_share_{p}\"]",
        "mix id \"online_marketing_yoy_{p}\" is not a share metric",
        "{ id = \"online_marketing_yoy_{p}\"",
    ),
    (
        "a mix id that names no metric",
        "\"other_services_share_{p-4}\"",
        "\"other_service_share_{p-4}\"",
        "mix id \"other_service_share_{p-4}\": no metric has that id (for any quarter)",
        "{ id = \"other_services_yoy_{p}\"",
    ),
    (
        "an item's mix shorter than the chart's",
        "mix = [\"live_streaming_share_{p-4}\", \"live_streaming_share_{p}\"]",
        "mix = [\"live_streaming_share_{p}\"]",
        "the item's mix has 1 ids, the chart's mix 2 periods",
        "{ id = \"live_streaming_yoy_{p}\"",
    ),
    (
        "a negative note missing a language",
        "negative = { zh-Hant = \"(虧損,不適用)\", zh-Hans = \"(亏损,不适用)\", en = \"(loss, n/m)\" }",
        "negative = { zh-Hant = \"(虧損,不適用)\", zh-Hans = \"(亏损,不适用)\" }",
        "negative lacks a text in en",
        "negative = { zh-Hant",
    ),
];

#[test]
fn every_chart_mistake_names_file_exact_line_and_problem() {
    let clean = real();
    for &(what, from, to, words, on_line) in CHART_MISTAKES {
        let mut files = clean.clone();
        let text = files.get_mut("sections.toml").expect("sections.toml");
        assert!(text.contains(from), "{what}: {from:?} not in sections.toml");
        *text = text.replacen(from, to, 1);
        let errors = checked(&files)
            .err()
            .unwrap_or_else(|| panic!("{what}: not rejected"));
        let e = errors
            .iter()
            .find(|e| e.message.contains(words))
            .unwrap_or_else(|| panic!("{what}: no message with {words:?}; got {errors:?}"));
        assert_eq!(e.file, "sections.toml", "{what}: {e}");
        assert_eq!(
            e.line,
            line_of(&files, "sections.toml", on_line),
            "{what}: {e}"
        );
        // Nothing else is blamed (a stated unit names each item not in it).
        assert!(
            errors.iter().all(|e| e.file == "sections.toml"),
            "{what}: {errors:?}"
        );
    }
}

/// The compiled charts say exactly what sections.toml says, item by item.
#[test]
fn compiled_charts_match_the_data() {
    use kling_calc::core::sections::{Bar, Chart, SECTIONS};
    use kling_calc::core::units::Locale;
    let model = compiled();
    let same = |t: &kling_calc::core::units::Text, d: &data::Text| {
        [Locale::Hant, Locale::Hans, Locale::En].map(|l| t.get(l)) == d.each()
    };
    assert_eq!(SECTIONS.len(), model.sections.len());
    let mut bars_charts = 0;
    for (s, m) in SECTIONS.iter().zip(&model.sections) {
        assert_eq!(s.key, m.key);
        match (&s.chart, &m.chart) {
            (Chart::None, None) => {}
            (
                Chart::Quarters { key, points, .. },
                Some(data::Chart::Quarters {
                    key: k, points: p, ..
                }),
            ) => {
                assert_eq!(*key, k);
                assert_eq!(points.len(), p.len(), "{key}");
            }
            (
                Chart::Bars {
                    key,
                    title,
                    columns,
                    unit,
                    assumed,
                    negative,
                    items,
                    mix,
                    ..
                },
                Some(data::Chart::Bars {
                    key: k,
                    title: t,
                    value_label: v,
                    unit: u,
                    assumed: a,
                    negative: n,
                    items: is,
                    mix: ms,
                }),
            ) => {
                bars_charts += 1;
                assert_eq!(*key, k);
                assert!(same(title, t), "{key}: title");
                assert_eq!(columns.len(), 1 + ms.len(), "{key}: a column per value");
                assert!(same(&columns[0], v), "{key}: value_label");
                assert!(same(assumed, a), "{key}: assumed");
                assert!(same(negative, n), "{key}: negative");
                assert_eq!(unit.key(), u.key(), "{key}: unit");
                assert_eq!(items.len(), is.len(), "{key}: items");
                let check = |bar: &Bar, want: &Option<data::Value>, bar_key: &str| match (bar, want)
                {
                    (Bar::Input(id), Some(data::Value::Live(data::Operand::Input(i)))) => {
                        assert_eq!(id.key(), model.inputs[*i].key)
                    }
                    (Bar::Metric(id), Some(data::Value::Live(data::Operand::Metric(i)))) => {
                        assert_eq!(id.key(), model.metrics[*i].key)
                    }
                    (Bar::Figure(v, q), Some(data::Value::Figure(f))) => {
                        let o = &model.observations[*f];
                        assert_eq!(
                            (*v, q.key()),
                            (o.value, o.qualifier.key()),
                            "{key} {bar_key}"
                        );
                    }
                    (Bar::Missing, None) => {}
                    (got, want) => panic!("{key} {bar_key}: {got:?} is not {want:?}"),
                };
                for ((bar_key, name, bar, hi), (want_key, want_name, want, want_hi)) in
                    items.iter().zip(is)
                {
                    assert_eq!(*bar_key, want_key, "{key}");
                    assert!(same(name, want_name), "{key} {bar_key}: name");
                    assert_eq!(hi, want_hi, "{key} {bar_key}: highlight");
                    check(bar, want, bar_key);
                }
                assert_eq!(mix.len(), ms.len(), "{key}: mix rows");
                for ((row, column), (slug, label, head, parts)) in
                    mix.iter().zip(&columns[1..]).zip(ms)
                {
                    assert_eq!(row.slug, slug, "{key}: mix slug");
                    assert!(
                        same(&row.label, label) && same(column, head),
                        "{key} {slug}"
                    );
                    assert_eq!(
                        row.parts.len(),
                        items.len(),
                        "{key} {slug}: a part per item"
                    );
                    for (((part_key, part), want), (bar_key, ..)) in
                        row.parts.iter().zip(parts).zip(*items)
                    {
                        assert_eq!(*part_key, format!("{bar_key}_{slug}"));
                        check(part, want, bar_key);
                    }
                }
            }
            (got, want) => panic!("{}: {got:?} is not {want:?}", s.key),
        }
    }
    assert!(bars_charts >= 3, "growth, ARPU and P/E have bars charts");
}

/// `data/` with the test editions' quarter in full written into it, as an
/// editor adds a quarter: the articles as "Z" and "Y" (so that the test
/// edition's "T" can still go on top, the minimal quarter, a different
/// edition), the first dated `date` if given instead of its own day.
fn with_next_quarter(date: Option<&str>) -> Files {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let added: Files = data::load(&[
        &root.join("tests/edition"),
        &root.join("tests/edition-full"),
    ])
    .expect("tests/edition/ and tests/edition-full/ are readable")
    .into_iter()
    .map(|(name, text)| {
        let mut text = text
            .replace("id = \"T\"", "id = \"Z\"")
            .replace("source = \"T\"", "source = \"Z\"")
            .replace("id = \"U\"", "id = \"Y\"")
            .replace("source = \"U\"", "source = \"Y\"")
            .replace("\n# --- ", "\n# ");
        if let Some(date) = date {
            text = text.replace(EDITION_DAY, date);
        }
        let name = name
            .replace("sources/T.txt", "sources/Z.txt")
            .replace("sources/U.txt", "sources/Y.txt");
        (name, text)
    })
    .collect();
    with_rows(real(), &added, "\n")
}

/// `files` with `added`'s rows after each `.toml` file's own (`between` them)
/// and its other files added: as an editor adds rows to data/ ("\n") or as
/// `data::load` adds a later directory's (its "# --- <dir> ---" line).
fn with_rows(mut files: Files, added: &Files, between: &str) -> Files {
    for (name, text) in added {
        match files.get_mut(name) {
            Some(old) if name.ends_with(".toml") => {
                old.push_str(between);
                old.push_str(text);
            }
            _ => {
                files.insert(name.clone(), text.clone());
            }
        }
    }
    files
}

/// The test edition's article's date (`tests/edition/sources.toml`).
const EDITION_DAY: &str = "date = \"2026-03-25\"";

/// An article dated by its year alone ("2027 (…)") is later than a day
/// of an earlier year, and cut with its figures; one of the same year is
/// kept, since it may be older. (The day is after the made-up quarter ended:
/// an article cannot give a quarter's results before it ends.)
#[test]
fn an_article_dated_by_its_year_is_cut_by_its_year() {
    assert!(with_next_quarter(None)["sources.toml"].contains(EDITION_DAY));
    let day = "2026-01-15";
    let earlier = tables(&data::check_as_of(&real(), Some(day)).expect("clean"));
    // (the date it is given, whether the day's edition stays as it was)
    let cases = [
        ("date = { zh-Hant = \"2027年(年報公布後)\", zh-Hans = \"2027年(年报公布后)\", en = \"2027 (after the annual report)\" }", true),
        ("date = \"2026-01-16\"", true),
        ("date = { zh-Hant = \"2026年(2025年業績公布後)\", zh-Hans = \"2026年(2025年业绩公布后)\", en = \"2026 (after the 2025 results)\" }", false),
        ("date = \"2026-01-15\"", false),
    ];
    for (date, cut) in cases {
        let files = with_next_quarter(Some(date));
        let model = data::check_as_of(&files, Some(day)).expect("clean");
        assert_eq!(tables(&model) == earlier, cut, "{date}");
    }
}

/// An editor adds an edition by adding rows (README: "Updating the figures"):
/// an article, its figures, the edition's record. The data as of the day
/// before those rows is the earlier edition again, table for table, so the
/// tests, which describe that edition, keep passing (`KC_DATA_AS_OF` in
/// `scripts/test.sh`); and the test edition's made-up quarter still goes on
/// top of it.
#[test]
fn the_data_as_of_a_day_is_the_edition_of_that_day() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let overlay = root.join("tests/edition");
    let own = data::check(&real()).expect("clean");
    // A cut at the data's own latest day leaves it whole.
    let whole = data::check_as_of(&real(), Some(&own.as_of)).expect("clean");
    assert_same_tables(&whole, &own, "data/ as of its own day");
    // The day the tests describe (scripts/test.sh), else the data's own.
    let day = data::as_of_env()
        .expect("KC_DATA_AS_OF is a day")
        .unwrap_or_else(|| own.as_of.clone());
    let now = data::check_as_of(&real(), Some(&day)).expect("clean as of the tests' day");
    let next = if own.as_of > day {
        // An editor has added the next edition to data/ already: it is the case.
        real()
    } else {
        // Else the editor's next edition is made here: the test edition's
        // quarter written into data/ itself, then the edition recorded.
        let mut next = with_next_quarter(None);
        let model = data::check(&next).expect("the next edition is clean");
        assert!(
            model.latest > now.latest && model.as_of > day,
            "{}",
            model.edition
        );
        let entry = data::edition_entry(&model);
        next.get_mut("editions.toml")
            .unwrap()
            .push_str(&["\n", &entry].concat());
        let recorded = data::check(&next).expect("the recorded edition is clean");
        assert_ne!(
            tables(&recorded),
            tables(&now),
            "the next edition changes the tables"
        );
        assert!(
            recorded.past_editions.iter().any(|p| p.id == now.edition),
            "the next edition knows {} as a past one",
            now.edition
        );
        next
    };
    // As of the earlier day: the earlier edition, exactly.
    let cut = data::check_as_of(&next, Some(&day)).expect("clean");
    assert_same_tables(&cut, &now, "the next edition as of the earlier day");
    // And the test edition's quarter goes on top of that, as on the data of that day.
    let overlaid = with_rows(
        next,
        &data::load(&[&overlay]).unwrap(),
        "\n# --- tests/edition ---\n",
    );
    let that_day = data::load(&[&root.join("data"), &overlay]).unwrap();
    assert_same_tables(
        &data::check_as_of(&overlaid, Some(&day)).expect("clean"),
        &data::check_as_of(&that_day, Some(&day)).expect("clean"),
        "the test edition on the next edition as of the earlier day",
    );
}
