//! The no-JS fallback: a static table of the published figures and headline
//! metrics, rendered at build time from the calculation core itself.
//!
//! It sits inside every mount element, so a reader without JavaScript (or
//! before the wasm arrives, or when the host's CSP refuses it) still gets the
//! numbers; the widget replaces it once it has rendered. Values come from
//! `core::metrics::compute` and `core::format` (published figures to 3 decimals
//! of their scale, as the widget's sources list shows them), the same code the
//! widget runs, so the table cannot disagree with it.

use kling_calc::core::edition::PUBLISHED;
use kling_calc::core::format::format_money_to;
use kling_calc::core::inputs::Inputs;
use kling_calc::core::metrics::{compute, Operand};
use kling_calc::core::sections::HEADLINES;
use kling_calc::core::units::{Locale, Qualifier, Text, Unit};

/// The fallback markup: a `.kc` box (so the widget's stylesheet styles it) with
/// a captioned table and a note that the calculator needs JavaScript.
pub fn table() -> Result<String, String> {
    let results = compute(&Inputs::published());
    let resolved = results.resolved();
    let mut out = String::from("<div class=\"kc kc-fallback\"><table class=\"kc-table\"><caption>");
    escape_into(&mut out, PUBLISHED.get(Locale::Hant));
    out.push_str(" <span lang=\"en\">(");
    escape_into(&mut out, PUBLISHED.get(Locale::En));
    out.push_str(
        ")</span></caption>\
         <thead><tr><th scope=\"col\">項目 <span lang=\"en\">(Item)</span></th>\
         <th scope=\"col\">數值</th><th scope=\"col\" lang=\"en\">Value</th></tr></thead><tbody>",
    );
    for row in HEADLINES {
        // Published figures to 3 decimals of their scale (355.54億 is RMB 35.554
        // billion), computed metrics as the widget shows them.
        let (label, unit, value, qualifier, decimals): (Text, Unit, f64, Qualifier, u8) = match *row
        {
            Operand::Input(id) => {
                let i = id.index();
                let v = resolved.values[i].ok_or_else(|| format!("{} has no value", id.key()))?;
                (
                    id.spec().label,
                    id.spec().unit,
                    v,
                    resolved.qualifiers[i],
                    3,
                )
            }
            Operand::Metric(id) => {
                let o = results.get(id);
                let v = o
                    .value
                    .map_err(|_| format!("{} cannot be computed", id.key()))?;
                (id.spec().label, id.spec().unit, v, o.qualifier, 2)
            }
        };
        out.push_str("<tr><th scope=\"row\">");
        escape_into(&mut out, label.get(Locale::Hant));
        out.push_str(" <span lang=\"en\">(");
        escape_into(&mut out, label.get(Locale::En));
        out.push_str(")</span></th><td class=\"kc-num\">");
        escape_into(
            &mut out,
            &format_money_to(value, unit, qualifier, Locale::Hant, decimals),
        );
        out.push_str("</td><td class=\"kc-num\" lang=\"en\">");
        escape_into(
            &mut out,
            &format_money_to(value, unit, qualifier, Locale::En, decimals),
        );
        out.push_str("</td></tr>");
    }
    out.push_str(
        "</tbody></table><p class=\"kc-note\">需要 JavaScript 才能互動計算 / \
         <span lang=\"en\">Interactive calculator needs JavaScript</span></p></div>",
    );
    Ok(out)
}

/// Appends `text` with the characters HTML gives meaning to escaped.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_published_figures_and_metrics() {
        let t = table().unwrap();
        for expected in [
            "355.54億元",
            "超過0.84%",
            "超過3億元",
            "可靈佔Q3收入",
            "Kling share of Q3 revenue",
            "同業平均動態市盈率",
            "需要 JavaScript 才能互動計算",
            "Interactive calculator needs JavaScript",
        ] {
            assert!(t.contains(expected), "missing {expected} in {t}");
        }
        assert_eq!(t.matches("<tr>").count(), HEADLINES.len() + 1);
        assert!(!t.contains("<script") && !t.contains(" style="));
    }

    #[test]
    fn escapes_markup() {
        let mut s = String::new();
        escape_into(&mut s, "P/E <x> & \"y\"");
        assert_eq!(s, "P/E &lt;x&gt; &amp; &quot;y&quot;");
    }
}
