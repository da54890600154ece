//! Taking a scenario away: a CSV of every input and metric, and a citation of one metric.
//!
//! CSV decisions worth knowing:
//! - RFC 4180: CRLF line ends; a field holding a comma, quote, CR or LF is
//!   quoted and its quotes doubled. The byte-order mark Excel needs to read
//!   UTF-8 is the caller's (the download adds it), so the text stays plain.
//! - Columns: `kind, id, label, value, unit, qualifier, status, formula,
//!   sources`; header names in the reader's language, `kind` and `id` always
//!   the stable English keys. One `edition` row (the [`DATA_VERSION`]), then
//!   one row per input, then one per metric.
//! - Values are base units (yuan, US dollars, counts, fractions, multiples)
//!   written by [`push_plain`]: plain decimals, exact for anything typed and
//!   for most results; a result that needs 17 digits is within a couple of
//!   units in the 17th (a spreadsheet keeps 15).
//! - Formula injection: a text cell starting with `=`, `+`, `-`, `@`, tab or
//!   CR gets a leading apostrophe, so a spreadsheet shows it as text. The
//!   `value` column is exempt: it only ever holds a number this module wrote
//!   (or nothing), and a negative value must stay a number. `kind` and `id`
//!   are fixed keys that never start with those characters.

use super::figures::{article, figure, Article};
use super::inputs::{t, DefaultRule, InputId, Inputs};
use super::metrics::{MetricId, Results};
use super::share::{push_plain, DATA_VERSION};
use super::units::{Locale, Qualifier, Text, Unit};

const HEADER: [Text; 9] = [
    t!("類別", "类别", "kind"),
    t!("編號", "编号", "id"),
    t!("名稱", "名称", "label"),
    t!("數值(基本單位)", "数值(基本单位)", "value (base units)"),
    t!("單位", "单位", "unit"),
    t!("精確度", "精确度", "qualifier"),
    t!("狀態", "状态", "status"),
    t!(
        "公式(代入數字)",
        "公式(代入数字)",
        "formula (numbers plugged in)",
    ),
    t!("來源", "来源", "sources"),
];
const EDITION: Text = t!("數據版本", "数据版本", "figures edition");
const CHANGED: Text = t!("讀者改動", "读者改动", "changed by reader");
const PUBLISHED: Text = t!("報道數字", "报道数字", "published");
const ASSUMED: Text = t!("報道假設", "报道假设", "published assumption");
const DERIVED: Text = t!(
    "由其他數字推算",
    "由其他数字推算",
    "derived from other figures",
);
const MISSING: Text = t!("缺失", "缺失", "missing");
/// The calculator's name: the widget's title, and what citations credit.
pub const CALCULATOR: Text = super::edition::TITLE;
const OWN_INPUTS: Text = t!(
    "讀者自訂的輸入",
    "读者自订的输入",
    "the reader's own inputs",
);

/// The name of a base unit, for the `unit` column.
fn unit_name(unit: Unit) -> Text {
    match unit {
        Unit::Cny => t!("人民幣元", "人民币元", "CNY"),
        Unit::Usd => t!("美元", "美元", "USD"),
        Unit::Hkd => t!("港元", "港元", "HKD"),
        Unit::Count => t!("個", "个", "count"),
        Unit::Share => t!("比例(小數)", "比例(小数)", "fraction"),
        Unit::Change => t!("變動(小數)", "变动(小数)", "change (fraction)"),
        Unit::Multiple => t!("倍", "倍", "multiple"),
        Unit::Minutes => t!("分鐘", "分钟", "minutes"),
        Unit::CnyPerUsd => t!("元/美元", "元/美元", "CNY per USD"),
    }
}

fn qualifier_name(q: Qualifier) -> Text {
    match q {
        Qualifier::Exact => t!("準確", "准确", "exact"),
        Qualifier::Approx => t!("約數", "约数", "approximate"),
        Qualifier::Floor => t!("下限(超過)", "下限(超过)", "floor (at least)"),
        Qualifier::Ceiling => t!("上限(不足)", "上限(不足)", "ceiling (less than)"),
    }
}

/// Pushes one field, quoted if it must be, guarded against formula injection if `text`.
fn push_field(out: &mut String, field: &str, text: bool) {
    let guard = text && field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if guard || field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        if guard {
            out.push('\'');
        }
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Pushes a row: `kind`, `id`, `value` unguarded, every other field as text.
fn push_row(out: &mut String, fields: [&str; 9]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f, !matches!(i, 0 | 1 | 3));
    }
    out.push_str("\r\n");
}

/// A figure's key and its article, e.g. `kling_revenue_2025q3 (A: 懂財帝, 2025-11-27)`.
fn push_source(out: &mut String, key: &str, locale: Locale) {
    out.push_str(key);
    if let Some(a) = figure(key).and_then(|f| article(f.article)) {
        out.push_str(" (");
        out.push(a.id);
        out.push_str(": ");
        out.push_str(a.outlet);
        out.push_str(", ");
        out.push_str(a.title);
        out.push_str(", ");
        out.push_str(a.date.get(locale));
        out.push(')');
    }
}

fn sources_text(keys: &[&str], locale: Locale) -> String {
    let mut s = String::new();
    for (n, key) in keys.iter().enumerate() {
        if n > 0 {
            s.push_str("; ");
        }
        push_source(&mut s, key, locale);
    }
    s
}

/// The figure keys an unchanged input's value comes from (its own, or its derived default's).
fn input_sources(id: InputId, inputs: &Inputs, out: &mut Vec<&'static str>) {
    if inputs.is_changed(id) {
        return;
    }
    match id.spec().default {
        DefaultRule::Figure(key) if figure(key).is_some() => out.push(key),
        rule => rule
            .sources()
            .iter()
            .for_each(|&s| input_sources(s, inputs, out)),
    }
}

/// Every input and metric as CSV (RFC 4180, CRLF), labels in `locale`; see the module docs.
pub fn csv(inputs: &Inputs, results: &Results, locale: Locale) -> String {
    let mut out = String::with_capacity(16 * 1024);
    push_row(&mut out, HEADER.map(|h| h.get(locale)));
    push_row(
        &mut out,
        [
            "edition",
            DATA_VERSION,
            EDITION.get(locale),
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    );
    let resolved = results.resolved();
    for id in InputId::ALL {
        let i = id.index();
        let spec = id.spec();
        let mut value = String::new();
        let mut keys = Vec::new();
        input_sources(id, inputs, &mut keys);
        let status = match resolved.values[i] {
            Some(v) => {
                push_plain(&mut value, v);
                if inputs.is_changed(id) {
                    CHANGED
                } else if !matches!(spec.default, DefaultRule::Figure(_)) {
                    DERIVED
                } else if spec.assumption {
                    ASSUMED
                } else {
                    PUBLISHED
                }
            }
            None => MISSING,
        };
        push_row(
            &mut out,
            [
                "input",
                id.key(),
                spec.label.get(locale),
                &value,
                unit_name(spec.unit).get(locale),
                qualifier_name(resolved.qualifiers[i]).get(locale),
                status.get(locale),
                "",
                &sources_text(&keys, locale),
            ],
        );
    }
    for id in MetricId::ALL {
        let spec = id.spec();
        let o = results.get(id);
        let mut value = String::new();
        let status = match o.value {
            Ok(v) => {
                push_plain(&mut value, v);
                String::new()
            }
            Err(reason) => reason.describe(locale),
        };
        push_row(
            &mut out,
            [
                "metric",
                id.key(),
                spec.label.get(locale),
                &value,
                unit_name(spec.unit).get(locale),
                if o.value.is_ok() {
                    qualifier_name(o.qualifier).get(locale)
                } else {
                    ""
                },
                &status,
                &id.plugged(results, locale),
                &sources_text(&id.sources(inputs), locale),
            ],
        );
    }
    out
}

/// A citation of one metric: value, formula with the numbers plugged in, the
/// articles behind it, the figures edition and the calculator's name, e.g.
/// "Kling share of Q3 revenue: ≥ 0.84% (≥ RMB 300 million ÷ RMB 35.554 billion
/// = ≥ 0.84%). Sources: 懂財帝, "「可靈」…", 2025-11-27; figures edition
/// <edition>; Kuaishou & Kling calculator."
pub fn citation(id: MetricId, results: &Results, inputs: &Inputs, locale: Locale) -> String {
    let zh = locale.is_chinese();
    let spec = id.spec();
    let o = results.get(id);
    let mut out = String::from(spec.label.get(locale));
    out.push_str(if zh { ":" } else { ": " });
    match o.value {
        Ok(v) => out.push_str(&super::format::format_value(
            v,
            spec.unit,
            o.qualifier,
            locale,
        )),
        Err(reason) => out.push_str(&reason.describe(locale)),
    }
    out.push_str(if zh { "(" } else { " (" });
    out.push_str(&id.plugged(results, locale));
    out.push_str(if zh { ")。" } else { "). " });
    out.push_str(t!("來源:", "来源:", "Sources: ").get(locale));
    let sep = if zh { ";" } else { "; " };
    // One entry per article, in the order its first figure appears.
    let mut articles: Vec<&Article> = Vec::new();
    for key in id.sources(inputs) {
        if let Some(a) = figure(key).and_then(|f| article(f.article)) {
            if !articles.iter().any(|b| b.id == a.id) {
                articles.push(a);
            }
        }
    }
    if articles.is_empty() {
        out.push_str(OWN_INPUTS.get(locale));
        out.push_str(sep);
    }
    for a in articles {
        let comma = if zh { "," } else { ", " };
        out.push_str(a.outlet);
        out.push_str(comma);
        out.push_str(if zh { "《" } else { "\"" });
        out.push_str(a.title);
        out.push_str(if zh { "》" } else { "\"" });
        out.push_str(comma);
        out.push_str(a.date.get(locale));
        out.push_str(sep);
    }
    out.push_str(EDITION.get(locale));
    out.push(' ');
    out.push_str(DATA_VERSION);
    out.push_str(sep);
    out.push_str(CALCULATOR.get(locale));
    out.push_str(if zh { "。" } else { "." });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::figures::ARTICLES;
    use crate::core::metrics::compute;
    use InputId as I;
    use MetricId as X;

    /// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF rows.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "bare CR");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, '\n') => panic!("bare LF outside quotes"),
                (false, c) => field.push(c),
            }
        }
        assert!(
            !quoted && field.is_empty() && row.is_empty(),
            "unterminated"
        );
        rows
    }

    fn row<'a>(rows: &'a [Vec<String>], kind: &str, id: &str) -> &'a [String] {
        rows.iter()
            .find(|r| r[0] == kind && r[1] == id)
            .unwrap_or_else(|| panic!("no row {kind} {id}"))
    }

    fn scenario() -> Inputs {
        let mut inputs = Inputs::published();
        inputs.set(I::KLING_REVENUE_2025Q3, 3.5e8).unwrap();
        inputs.set(I::ADJUSTED_NET_PROFIT_2025Q3, -1.5e9).unwrap();
        inputs.set(I::REVENUE_2025Q2, 0.0).unwrap();
        inputs
    }

    #[test]
    fn csv_reads_back_with_values() {
        let inputs = scenario();
        let results = compute(&inputs);
        for locale in Locale::ALL {
            let text = csv(&inputs, &results, locale);
            let rows = parse(&text);
            assert_eq!(rows.len(), 2 + InputId::COUNT + MetricId::COUNT);
            assert!(rows.iter().all(|r| r.len() == 9));
            assert_eq!(rows[0][2], HEADER[2].get(locale));
            assert_eq!(rows[1][..3], ["edition", DATA_VERSION, EDITION.get(locale)]);
            // Every value cell is empty or a number that reads back exactly.
            for r in &rows[2..] {
                if !r[3].is_empty() {
                    let v: f64 = r[3].parse().unwrap_or_else(|_| panic!("{r:?}"));
                    let want = match r[0].as_str() {
                        "input" => results.resolved().values[I::from_key(&r[1]).unwrap().index()],
                        _ => results.get(X::from_key(&r[1]).unwrap()).value.ok(),
                    };
                    let want = want.unwrap_or_else(|| panic!("{r:?}"));
                    assert!((v - want).abs() <= 4e-16 * want.abs(), "{r:?} vs {want}");
                }
            }
            let k = row(&rows, "input", "kling_revenue_2025q3");
            assert_eq!(k[3], "350000000");
            assert_eq!(k[6], CHANGED.get(locale));
            assert_eq!(k[8], "");
            let p = row(&rows, "input", "adjusted_net_profit_2025q3");
            assert_eq!(p[3], "-1500000000", "negative values stay numbers");
            let r = row(&rows, "input", "revenue_2025q3");
            assert_eq!(r[3], "35554000000");
            assert_eq!(r[4], unit_name(Unit::Cny).get(locale));
            assert_eq!(r[6], PUBLISHED.get(locale));
            assert!(r[8].starts_with("revenue_2025q3 (A: 懂財帝, "), "{}", r[8]);
            let members = row(&rows, "input", "kling_paying_members");
            assert_eq!(members[6], ASSUMED.get(locale));
            let q4 = row(&rows, "input", "kling_revenue_2025q4");
            assert_eq!(q4[6], DERIVED.get(locale));
            assert!(q4[8].contains("kling_fy_target ("), "{}", q4[8]);
            assert!(
                !q4[8].contains("kling_revenue_2025q3"),
                "changed inputs cite no article"
            );
            let share = row(&rows, "metric", "kling_share_2025q3");
            assert_eq!(share[3].parse::<f64>().unwrap(), 3.5e8 / 355.54e8);
            assert_eq!(share[5], qualifier_name(Qualifier::Exact).get(locale));
            assert_eq!(share[7], X::KLING_SHARE_2025Q3.plugged(&results, locale));
            // Q2 revenue 0: Kling's share of it is a division by zero, with its reason.
            let q2 = row(&rows, "metric", "kling_share_2025q2");
            assert_eq!(q2[3], "");
            assert_eq!(
                q2[6],
                results
                    .get(X::KLING_SHARE_2025Q2)
                    .value
                    .unwrap_err()
                    .describe(locale)
            );
        }
        let en = parse(&csv(&inputs, &results, Locale::En));
        assert_eq!(
            en[0],
            [
                "kind",
                "id",
                "label",
                "value (base units)",
                "unit",
                "qualifier",
                "status",
                "formula (numbers plugged in)",
                "sources"
            ]
        );
        let share = row(&en, "metric", "kling_share_2025q3");
        assert_eq!(share[7], "RMB 350 million ÷ RMB 35.554 billion = 0.98%");
        assert_eq!(
            share[8],
            "revenue_2025q3 (A: 懂財帝, 「可靈」將年賺10億,AI能否重塑2700億快手?, 2025-11-27)"
        );
    }

    #[test]
    fn fields_are_quoted_and_guarded() {
        let cases: &[(&str, bool, &str)] = &[
            ("plain", true, "plain"),
            ("a,b", true, "\"a,b\""),
            ("say \"hi\"", true, "\"say \"\"hi\"\"\""),
            ("two\nlines", true, "\"two\nlines\""),
            ("=1+2", true, "\"'=1+2\""),
            ("+SUM(A1)", true, "\"'+SUM(A1)\""),
            ("-2+3", true, "\"'-2+3\""),
            ("@cmd", true, "\"'@cmd\""),
            ("\t=x", true, "\"'\t=x\""),
            ("-1500000000", false, "-1500000000"),
            ("−5%", true, "−5%"),
        ];
        for &(field, text, want) in cases {
            let mut out = String::new();
            push_field(&mut out, field, text);
            assert_eq!(out, want, "{field:?}");
            let back = parse(&[out.as_str(), "\r\n"].concat());
            let guard = if want.starts_with("\"'") { "'" } else { "" };
            assert_eq!(back, [[[guard, field].concat()]]);
        }
    }

    #[test]
    fn citations_in_three_locales() {
        let published = Inputs::published();
        let results = compute(&published);
        let cases: &[(Locale, &str)] = &[
            (
                Locale::Hant,
                "可靈佔Q3收入:超過0.84%(超過3億元 ÷ 355.54億元 = 超過0.84%)。來源:懂財帝,《「可靈」將年賺10億,AI能否重塑2700億快手?》,2025-11-27;數據版本 @E;快手與可靈計算器。",
            ),
            (
                Locale::Hans,
                "可灵占Q3收入:超过0.84%(超过3亿元 ÷ 355.54亿元 = 超过0.84%)。来源:懂財帝,《「可靈」將年賺10億,AI能否重塑2700億快手?》,2025-11-27;数据版本 @E;快手与可灵计算器。",
            ),
            (
                Locale::En,
                "Kling share of Q3 revenue: ≥ 0.84% (≥ RMB 300 million ÷ RMB 35.554 billion = ≥ 0.84%). Sources: 懂財帝, \"「可靈」將年賺10億,AI能否重塑2700億快手?\", 2025-11-27; figures edition @E; Kuaishou & Kling calculator.",
            ),
        ];
        for &(locale, want) in cases {
            assert_eq!(
                citation(X::KLING_SHARE_2025Q3, &results, &published, locale),
                want.replace("@E", DATA_VERSION)
            );
        }
        // Every input changed by the reader: no article to cite.
        let mut own = Inputs::published();
        own.set(I::KLING_REVENUE_2025Q3, 4e8).unwrap();
        own.set(I::REVENUE_2025Q3, 400e8).unwrap();
        assert_eq!(
            citation(X::KLING_SHARE_2025Q3, &compute(&own), &own, Locale::En),
            "Kling share of Q3 revenue: 1% (RMB 400 million ÷ RMB 40 billion = 1%). Sources: the reader's own inputs; figures edition @E; Kuaishou & Kling calculator."
                .replace("@E", DATA_VERSION)
        );
        // Not computable: the reason stands where the value would.
        let mut zero = Inputs::published();
        zero.set(I::REVENUE_2025Q3, 0.0).unwrap();
        let text = citation(X::KLING_SHARE_2025Q3, &compute(&zero), &zero, Locale::En);
        let want = [
            "Kling share of Q3 revenue: ",
            I::REVENUE_2025Q3.spec().label.get(Locale::En),
            " is 0 (",
        ]
        .concat();
        assert!(text.starts_with(&want), "{text}");
        // Every metric cites in every locale without junk, and the CSV of
        // every locale too: each names its articles dated in that locale (a
        // window in words is not left in English).
        let mut in_words = 0;
        for locale in Locale::ALL {
            let mut texts: Vec<String> = MetricId::ALL
                .into_iter()
                .map(|id| citation(id, &results, &published, locale))
                .collect();
            texts.push(csv(&published, &results, locale));
            for c in texts {
                assert!(c.contains(DATA_VERSION) && !c.contains("NaN"), "{c}");
                for a in ARTICLES.iter().filter(|a| c.contains(a.title)) {
                    let date = a.date.get(locale);
                    assert!(c.contains(date), "{date} not in {c}");
                    if date != a.date.en() {
                        assert!(!c.contains(a.date.en()), "{c}");
                        in_words += 1;
                    }
                }
            }
        }
        // The data dates some articles by a window in words, and they are cited.
        assert!(in_words > 0);
    }
}
