//! The reader's state and the actions that change it.
//!
//! One [`Calc`] per widget instance, handed to the views as a `CalcContext`
//! (the reducer handle, passed down as an argument or prop). Every action goes through the core: typed text is
//! parsed with the field's display scale, checked against the input's range,
//! and only a valid value changes [`Inputs`]; the metrics are then recomputed
//! in full (the core's recompute is a few microseconds, so no caching).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::format::{display_scale, format_field, format_value};
use crate::core::goal::GOALS;
use crate::core::inputs::{DefaultRule, InputId, Inputs, RangeError};
use crate::core::metrics::{compute, MetricId, Results};
use crate::core::parse::{parse_number, ParseError};
use crate::core::share::{Decoded, Ignored};
use crate::core::units::{t, Locale, Scale, Text};

/// What ends a sentence, in each language.
const FULL_STOP: Text = t!("。", "。", ".");

/// Why the text in a field was not taken.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldError {
    /// The text is not a number the parser accepts.
    Parse(ParseError),
    /// The number is outside the input's allowed range.
    Range(RangeError),
}

impl FieldError {
    /// The message shown and announced under the field of `id` (or beside an
    /// inline number's box), one sentence: a refused value names the limit it
    /// crossed ("Cannot be below RMB 0."). The parser's messages end as
    /// sentences already; the range's are phrases elsewhere (the JS API's
    /// errors), so the stop is added here.
    pub fn describe(self, id: InputId, locale: Locale) -> String {
        match self {
            FieldError::Parse(e) => e.message(locale).to_string(),
            FieldError::Range(e) => {
                [&e.describe(id.spec(), locale), FULL_STOP.get(locale)].concat()
            }
        }
    }
}

/// What one text field shows: the reader's own text while they edit, and its error.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Field {
    /// The text as typed; `None` shows the formatted current value.
    pub draft: Option<AttrValue>,
    /// Set while the draft is rejected; results keep the last valid value.
    pub error: Option<FieldError>,
}

/// A widget instance's whole state.
#[derive(Clone, PartialEq)]
pub struct Calc {
    /// The language everything is shown in.
    pub locale: Locale,
    /// The reader's inputs (overrides of the published figures).
    pub inputs: Inputs,
    /// Every metric, recomputed after each accepted change.
    pub results: Results,
    /// Every metric at the published figures, for "at published figures: …" beside a
    /// result the reader's inputs moved (computed once per instance).
    pub published: Rc<Results>,
    /// Counts the changes of [`Calc::inputs`]: a view whose text depends on
    /// many inputs (an open explanation) takes it as a prop, so it re-renders
    /// exactly when some input changed.
    pub generation: u32,
    /// Per-input field state, indexed by `InputId as usize`.
    pub fields: Vec<Field>,
    /// A number unique on the page, prefixed to element ids.
    pub instance: u32,
    /// The metrics whose outcome the last action changed, for the live region.
    pub changed: Vec<MetricId>,
    /// What the share link the instance started from could not apply.
    pub ignored: Rc<[Ignored]>,
    /// The metrics whose citation the reader asked for, by
    /// [`MetricId::index`]: once shown, a citation stays (and stays current).
    pub cited: [bool; MetricId::COUNT],
    /// The metrics whose "how" disclosure is open, by [`MetricId::index`].
    /// A closed disclosure's explanation is not built:
    /// 42 formulas with numbers and sources, rebuilt and re-parsed on every
    /// keystroke, were a quarter of the script time of an edit.
    pub explained: [bool; MetricId::COUNT],
    /// The target typed into each goal of [`GOALS`]; `None` until the reader
    /// types, so the default target follows the language's scale.
    pub goal_drafts: Vec<Option<AttrValue>>,
    /// The share bar's link field and status line: empty until the reader
    /// asks for a link.
    pub shared: (AttrValue, Option<Text>),
    /// Whether the sections' disclosures hold their fields and results. A
    /// start-up mount over the build's static render starts without them, so
    /// the live widget shows sooner; any action fills them, and the first
    /// comes once the widget has been painted (`pool::after_paint`: an empty
    /// `set`). Closed, they change nothing on screen.
    pub complete: bool,
}

/// Everything a reader can do.
pub enum Action {
    /// The reader typed `text` into the field of an input.
    Edit(InputId, AttrValue),
    /// Set an input to a base-unit value (from a slider or an inline number);
    /// out-of-range values are refused the same way typed ones are.
    Set(InputId, f64),
    /// Set several inputs at once (the JS API's `set`), already range-checked.
    SetMany(Vec<(InputId, f64)>),
    /// Return one input to the article's figure.
    Reset(InputId),
    /// Return every input to the articles' figures.
    ResetAll,
    /// Switch language; inputs and drafts are kept.
    SetLocale(Locale),
    /// Show a metric's citation (and keep showing it).
    Cite(MetricId),
    /// A metric's "how" disclosure was opened (true) or closed.
    Explain(MetricId, bool),
    /// The reader typed a target into the goal at this index of [`GOALS`].
    GoalDraft(usize, AttrValue),
    /// The share bar made a link (shown in its field) and has this to say.
    Shared(AttrValue, Text),
}

impl Calc {
    /// The state at the published figures.
    pub fn new(locale: Locale, instance: u32) -> Calc {
        Calc::with_link(
            locale,
            instance,
            Decoded {
                inputs: Inputs::published(),
                ignored: Vec::new(),
            },
            true,
        )
    }

    /// The state a share link restores: its inputs, and its skipped items for the notice.
    /// `complete`: [`Calc::complete`].
    pub fn with_link(locale: Locale, instance: u32, link: Decoded, complete: bool) -> Calc {
        let inputs = link.inputs;
        Calc {
            ignored: link.ignored.into(),
            locale,
            instance,
            results: compute(&inputs),
            published: Rc::new(compute(&Inputs::published())),
            generation: 0,
            inputs,
            fields: vec![Field::default(); InputId::COUNT],
            changed: Vec::new(),
            cited: [false; MetricId::COUNT],
            explained: [false; MetricId::COUNT],
            goal_drafts: vec![None; GOALS.len()],
            shared: (AttrValue::Static(""), None),
            complete,
        }
    }

    /// The display scale of an input's field: 億/萬 in Chinese, billion/million in English.
    pub fn scale(&self, id: InputId) -> Scale {
        // An input no article gives (a quarter still missing) takes the scale
        // its slider spans, which is the size of the series' figures.
        let magnitude =
            self.published.resolved().values[id.index()].unwrap_or(id.spec().slider_max / 10.0);
        display_scale(id.spec().unit, magnitude.abs(), self.locale)
    }

    /// The text a field shows: the draft while editing, else the current value.
    pub fn field_text(&self, id: InputId) -> AttrValue {
        if let Some(d) = &self.fields[id.index()].draft {
            return d.clone();
        }
        match self.results.resolved().values[id.index()] {
            Some(v) => AttrValue::from(format_field(v, id.spec().unit, self.scale(id))),
            None => AttrValue::Static(""),
        }
    }

    /// Whether the reader asked for a metric's citation.
    pub fn is_cited(&self, id: MetricId) -> bool {
        self.cited[id.index()]
    }

    /// Whether a metric's "how" disclosure is open.
    pub fn is_explained(&self, id: MetricId) -> bool {
        self.explained[id.index()]
    }

    /// An element id unique on the page: `kc<instance>-<kind>-<key>`.
    pub fn dom_id(&self, kind: &str, key: &str) -> AttrValue {
        let mut s = String::with_capacity(8 + kind.len() + key.len());
        s.push_str("kc");
        push_uint(&mut s, self.instance);
        s.push('-');
        s.push_str(kind);
        s.push('-');
        s.push_str(key);
        AttrValue::from(s)
    }

    /// The published figure (or default rule's value) of an input, formatted
    /// for reading; `None` for an input no article gives (a quarter's missing revenue).
    pub fn published_text(&self, id: InputId) -> Option<String> {
        let published = self.published.resolved();
        let v = published.values[id.index()]?;
        Some(format_value(
            v,
            id.spec().unit,
            published.qualifiers[id.index()],
            self.locale,
        ))
    }

    fn edit(&mut self, id: InputId, text: AttrValue) {
        // Test builds only (never the shipped widget): typing this makes the
        // widget panic, so the fault tests can check what readers then see.
        #[cfg(feature = "fault-injection")]
        if text.as_str() == "kc:panic" {
            panic!("fault injected by a test");
        }
        let spec = id.spec();
        let parsed = if text.trim().is_empty() && matches!(spec.default, DefaultRule::Empty) {
            // An emptied field of an input with no published figure is missing again.
            self.inputs.reset(id);
            Ok(())
        } else {
            parse_number(&text, spec.unit, self.scale(id))
                .map_err(FieldError::Parse)
                .and_then(|v| self.inputs.set(id, v).map_err(FieldError::Range))
        };
        let field = &mut self.fields[id.index()];
        field.draft = Some(text);
        field.error = parsed.err();
    }
}

impl Reducible for Calc {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.complete = true;
        // A language switch re-renders the announcement in the new language;
        // showing a citation or an explanation, or typing a goal's target, leaves it alone; any
        // other action that changes no result clears it.
        let keeps_announcement = matches!(
            action,
            Action::SetLocale(_)
                | Action::Cite(_)
                | Action::Explain(..)
                | Action::GoalDraft(..)
                | Action::Shared(..)
        );
        match action {
            Action::Edit(id, text) => next.edit(id, text),
            Action::Set(id, v) => {
                let field = &mut next.fields[id.index()];
                field.draft = None;
                field.error = next.inputs.set(id, v).err().map(FieldError::Range);
            }
            Action::SetMany(pairs) => {
                for (id, v) in pairs {
                    let field = &mut next.fields[id.index()];
                    field.draft = None;
                    field.error = next.inputs.set(id, v).err().map(FieldError::Range);
                }
            }
            Action::Reset(id) => {
                next.inputs.reset(id);
                next.fields[id.index()] = Field::default();
            }
            Action::ResetAll => {
                next.inputs.reset_all();
                next.fields.iter_mut().for_each(|f| *f = Field::default());
            }
            Action::SetLocale(locale) => {
                next.locale = locale;
                // An accepted draft was read in the old language's scale (億 vs
                // million): show the value re-formatted in the new one instead.
                // A rejected draft stays, so the reader can still correct it.
                for f in next.fields.iter_mut().filter(|f| f.error.is_none()) {
                    f.draft = None;
                }
            }
            Action::Cite(id) => next.cited[id.index()] = true,
            Action::Explain(id, open) => next.explained[id.index()] = open,
            Action::GoalDraft(index, text) => next.goal_drafts[index] = Some(text),
            Action::Shared(url, status) => next.shared = (url, Some(status)),
        }
        if next.inputs != self.inputs {
            next.generation = next.generation.wrapping_add(1);
            next.results = compute(&next.inputs);
            next.changed = MetricId::ALL
                .into_iter()
                .filter(|&m| next.results.get(m) != self.results.get(m))
                .collect();
        } else if !keeps_announcement {
            next.changed.clear();
        }
        Rc::new(next)
    }
}

/// Appends the decimal digits of `n` without the formatting machinery.
pub(super) fn push_uint(s: &mut String, n: u32) {
    if n >= 10 {
        push_uint(s, n / 10);
    }
    s.push(char::from(b'0' + (n % 10) as u8));
}

/// The handle through which views read the state and dispatch actions. It is
/// passed down as a prop, not through a yew context: a `ContextProvider` and
/// `use_context` are one more component and hook type in the wasm.
pub type CalcContext = UseReducerHandle<Calc>;

/// A component's way back to its instance: dispatches actions and, inside an
/// event handler, reads the state as it is at that moment (yew's handle
/// derefs to the current state, not to a snapshot).
///
/// Two are equal when they belong to the same instance, whatever its state:
/// a component's other props carry exactly the values it shows, so yew skips
/// re-rendering it when those are unchanged. Passing the handle itself, which
/// compares the whole state, re-rendered all 42 results and 32 fields on every
/// key press.
#[derive(Clone)]
pub struct Ctl(pub CalcContext);

impl PartialEq for Ctl {
    fn eq(&self, other: &Ctl) -> bool {
        // The dispatch function is created once per instance.
        self.0.dispatcher() == other.0.dispatcher()
    }
}

impl std::ops::Deref for Ctl {
    type Target = Calc;
    fn deref(&self) -> &Calc {
        &self.0
    }
}
