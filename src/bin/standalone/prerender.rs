//! The widget's first render at build time: yew's server-side rendering of the
//! very `App` the wasm mounts, for one mount element's configuration.
//!
//! It sits inside every mount element as the no-JS view and as what a reader
//! sees until the wasm starts. The live widget's first render has the same
//! DOM, so when it replaces this one (in the same task, `ui::pool::Frame`'s
//! effect) nothing on the page moves. Controls that need script are
//! `disabled` here: a reader cannot type into a field whose edit would be lost
//! at the swap, and `www/widget.css` hides them when scripting is off.

use kling_calc::core::inputs::Inputs;
use kling_calc::core::sections::{Layout, PartSet};
use kling_calc::core::share::{decode_value, Decoded};
use kling_calc::core::units::Locale;
use kling_calc::ui::app::{App, AppProps};

/// What a mount element's `data-*` attributes ask for, as `ui::mount` reads them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// `data-lang`, else zh-Hant.
    pub locale: Option<Locale>,
    /// `data-sections`, else every section.
    pub sections: Option<String>,
    /// `data-layout`, else compact.
    pub layout: Option<Layout>,
    /// `data-inputs`: share-link items an editor chose.
    pub inputs: Option<String>,
}

impl Config {
    /// The configuration a `<div data-kling-calc …>` start tag gives.
    pub fn from_tag(tag: &str) -> Config {
        Config {
            locale: attr(tag, "data-lang").and_then(|t| Locale::from_tag(&t)),
            sections: attr(tag, "data-sections"),
            layout: attr(tag, "data-layout").and_then(|k| Layout::from_key(&k)),
            inputs: attr(tag, "data-inputs"),
        }
    }
}

/// The static widget for `config`, instance `instance` (element ids are the
/// live one's), wrapped in a `div.kc-root.kc-static` marked `data-kc-static`.
pub fn render(config: &Config, instance: u32) -> Result<String, String> {
    let inputs = config
        .inputs
        .as_deref()
        .map_or_else(Inputs::published, |v| decode_value(v).inputs);
    let props = AppProps {
        locale: config.locale.unwrap_or(Locale::Hant),
        instance,
        parts: PartSet::parse(config.sections.as_deref().unwrap_or_default()).0,
        start: Decoded {
            inputs,
            ignored: Vec::new(),
        },
        host: None,
        layout: config.layout.unwrap_or_default(),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start the pre-render runtime: {e}"))?;
    let local = tokio::task::LocalSet::new();
    let html = local.block_on(
        &runtime,
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    );
    finish(&html)
}

/// Marks the render static and makes its fields read-only: an entry typed
/// before the swap would be lost. Buttons stay as they are (greyed ones would
/// flash at the swap); they do nothing until the wasm runs, and the
/// stylesheet hides them, sliders and the fields' disclosures when scripting
/// is off. Inline numbers stop being focusable sliders.
fn finish(html: &str) -> Result<String, String> {
    let head = &html[..html.find('>').unwrap_or(0)];
    if !head.starts_with("<article ") || !head.contains(" class=\"kc\"") {
        return Err(format!(
            "the pre-render does not start with the widget's <article class=\"kc\">: {}",
            html.get(..80).unwrap_or(html)
        ));
    }
    // (The client's `~className` properties have native twins that write the
    // class attribute: `field_box`, `value_output`, `patched`.)
    let html = html.replace(
        " role=\"slider\" tabindex=\"0\"",
        " role=\"slider\" aria-disabled=\"true\"",
    );
    let mut out = String::with_capacity(html.len() + 4096);
    out.push_str("<div class=\"kc-root kc-static\" data-kc-static>");
    let mut rest = html.as_str();
    while let Some(at) = rest.find("<input ") {
        let end = at + rest[at..].find('>').ok_or("unterminated input tag")?;
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        out.push_str(if tag.contains(" type=\"range\"") {
            "<input disabled "
        } else {
            "<input readonly "
        });
        rest = &rest[at + "<input ".len()..];
    }
    out.push_str(rest);
    out.push_str("</div>");
    Ok(out)
}

/// The value of attribute `name` in a start tag (double-quoted, `&amp;` decoded), if present.
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(tag[at..end].replace("&amp;", "&"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_calc::core::format::format_value;
    use kling_calc::core::goal::GOALS;
    use kling_calc::core::inputs::InputId;
    use kling_calc::core::metrics::{compute, MetricId};
    use kling_calc::core::sections::SECTIONS;

    /// The `data-value` and text the page contract promises for every metric,
    /// at the published figures, in `locale`.
    fn expected(locale: Locale) -> Vec<(MetricId, String, String)> {
        let results = compute(&Inputs::published());
        MetricId::ALL
            .into_iter()
            .map(|id| {
                let o = results.get(id);
                match o.value {
                    Ok(v) => (
                        id,
                        kling_calc::ui::js_number(v),
                        format_value(v, id.spec().unit, o.qualifier, locale),
                    ),
                    Err(r) => (id, String::new(), r.describe(locale)),
                }
            })
            .collect()
    }

    #[test]
    fn renders_every_metric_and_field_of_the_default_widget() {
        let html = render(&Config::default(), 1).unwrap();
        assert!(html.starts_with("<div class=\"kc-root kc-static\" data-kc-static><article "));
        assert!(html.ends_with("</article></div>"));
        for (id, value, text) in expected(Locale::Hant) {
            let needle = format!("data-metric=\"{}\" data-value=\"{value}\"", id.key());
            let at = html
                .find(&needle)
                .unwrap_or_else(|| panic!("missing {needle}"));
            let body = &html[at..][html[at..].find('>').unwrap() + 1..];
            assert!(
                body.starts_with(&text),
                "{}: {text} not in {}",
                id.key(),
                &body[..80]
            );
        }
        for id in InputId::ALL {
            let needle = format!("data-input=\"{}\"", id.key());
            assert_eq!(html.matches(&needle).count(), 1, "{needle}");
        }
        for s in SECTIONS {
            assert!(
                html.contains(&format!("data-section=\"{}\"", s.key)),
                "{}",
                s.key
            );
        }
        // No field takes input before the swap: text read-only, sliders disabled.
        // (A text field and a slider per input, a text field per goal.)
        let text = InputId::COUNT + GOALS.len();
        assert_eq!(html.matches("<input ").count(), text + InputId::COUNT);
        assert_eq!(html.matches("<input readonly ").count(), text);
        assert_eq!(html.matches("<input disabled ").count(), InputId::COUNT);
        assert!(html.contains(" role=\"slider\" aria-disabled=\"true\""));
        assert!(!html.contains("tabindex=\"0\""));
        assert!(!html.contains("className") && !html.contains("kc-root\" data-kc-static><div"));
        for bad in ["NaN", "undefined", "Infinity", "null"] {
            assert!(!html.contains(bad), "{bad}");
        }
    }

    #[test]
    fn follows_the_mount_elements_configuration() {
        let tag = "<div data-kling-calc data-lang=\"en\" data-sections=\"kling,growth\" data-layout=\"full\">";
        let config = Config::from_tag(tag);
        assert_eq!(config.locale, Some(Locale::En));
        let html = render(&config, 2).unwrap();
        assert!(html.contains(" lang=\"en\"") && html.contains("data-layout=\"full\""));
        let shown: Vec<&str> = SECTIONS
            .iter()
            .map(|s| s.key)
            .filter(|k| html.contains(&format!("data-section=\"{k}\"")))
            .collect();
        assert_eq!(shown, ["kling", "growth"]);
        assert!(
            !html.contains("<details class=\"kc-more\""),
            "full layout has no disclosures"
        );
    }

    #[test]
    fn reads_attributes_as_the_client_does() {
        let tag = "<div data-kling-calc data-inputs=\"a:1&amp;b\" data-layout=\"nope\">";
        let c = Config::from_tag(tag);
        assert_eq!(c.inputs.as_deref(), Some("a:1&b"));
        assert_eq!((c.locale, c.layout, c.sections), (None, None, None));
    }
}
