//! Narrative paragraphs with inline adjustable numbers, in the style of an
//! "explorable explanation".
//!
//! Each section opens with a short paragraph that reads the current results
//! as prose. The paragraph is data ([`Seg`] lists in `PARAGRAPHS`), not
//! hand-written markup per language: the sentences are phrased so that the
//! numbers come in the same order in all three languages, which keeps one
//! segment list per section and the wasm small. Metric values are formatted
//! by the core; inputs are [`InlineNumber`]s a reader drags, steps with the
//! keyboard, or clicks to type into, all through the same [`Action`]s as the
//! main fields.

use yew::prelude::*;

use super::js_number;
use super::state::{Action, CalcContext};
use crate::core::format::{format_value, scale_suffix};
use crate::core::inputs::{InputId, InputSpec};
use crate::core::metrics::MetricId;
use crate::core::parse::parse_number;
use crate::core::units::Text;

/// One piece of a narrative paragraph.
#[derive(Clone, Copy)]
enum Seg {
    /// Static prose in each locale.
    Text(Text),
    /// An inline adjustable number bound to an input.
    Input(InputId),
    /// A live metric value.
    Metric(MetricId),
}

/// Prose in each locale; short so the table stays readable.
const fn s(hant: &'static str, hans: &'static str, en: &'static str) -> Seg {
    Seg::Text(Text { hant, hans, en })
}

use InputId as I;
use MetricId as X;
use Seg::{Input as In, Metric as Me};

/// The paragraph of each section, keyed like [`crate::core::sections::SECTIONS`].
const PARAGRAPHS: [(&str, &[Seg]); 4] = [
    (
        "kling",
        &[
            s("可靈第三季收入", "可灵第三季收入", "Kling earned "),
            In(I::KlingRevenue2025q3),
            s(
                ",佔快手總收入的",
                ",占快手总收入的",
                " in the third quarter, ",
            ),
            Me(X::KlingShare2025q3),
            s(
                "。全年目標為",
                "。全年目标为",
                " of Kuaishou's revenue. Against a full-year target of ",
            ),
            In(I::KlingFyTarget),
            s(
                ",前三季累計",
                ",前三季累计",
                ", the first three quarters brought in ",
            ),
            Me(X::KlingYtd2025q3),
            s(",完成", ",完成", ", or "),
            Me(X::KlingTargetAttainmentYtd),
            s(
                "。要達標,第四季需收入",
                "。要达标,第四季需收入",
                ". Hitting the target takes ",
            ),
            Me(X::KlingQ4Required),
            s(
                ";若第四季收入為",
                ";若第四季收入为",
                " in the fourth quarter; if it brings ",
            ),
            In(I::KlingRevenue2025q4),
            s(",全年合計", ",全年合计", ", the year totals "),
            Me(X::KlingFy2025),
            s("(折合", "(折合", " ("),
            Me(X::KlingFy2025Usd),
            s(")。", ")。", ")."),
        ],
    ),
    (
        "growth",
        &[
            s("快手第三季收入", "快手第三季收入", "Kuaishou took in "),
            In(I::Revenue2025q3),
            s(
                ",去年同期為",
                ",去年同期为",
                " in the third quarter, against ",
            ),
            Me(X::Revenue2024q3),
            s("(按年", "(同比", " a year earlier ("),
            In(I::RevenueYoy2025q3),
            s(
                ")。包括電商和可靈在內的其他服務收入",
                ")。包括电商和可灵在内的其他服务收入",
                "). Other services, which include e-commerce and Kling, brought in ",
            ),
            In(I::OtherServices2025q3),
            s("(按年", "(同比", " ("),
            In(I::OtherServicesYoy2025q3),
            s("),佔總收入", "),占总收入", " year on year), "),
            Me(X::OtherServicesShare2025q3),
            s(
                ",其中可靈佔",
                ",其中可灵占",
                " of the total; Kling alone made up ",
            ),
            Me(X::KlingShareOfOtherServices2025q3),
            s(
                "。經營利潤",
                "。经营利润",
                " of that segment. An operating profit of ",
            ),
            In(I::OperatingProfit2025q3),
            s(
                "意味著經營利潤率為",
                "意味着经营利润率为",
                " means an operating margin of ",
            ),
            Me(X::OperatingMargin2025q3),
            s("。", "。", "."),
        ],
    ),
    (
        "arpu",
        &[
            s("假如可靈有", "假如可灵有", "If Kling has "),
            In(I::KlingPayingMembers),
            s(
                "名付費會員,而第一季收入有",
                "名付费会员,而第一季收入有",
                " paying members and ",
            ),
            In(I::KlingPSideShare),
            s(
                "來自他們(即",
                "来自他们(即",
                " of its first-quarter revenue comes from them (",
            ),
            Me(X::KlingPSideRevenue2025q1),
            s(",其餘", ",其余", ", leaving "),
            Me(X::KlingBSideRevenue2025q1),
            s(
                "來自企業客戶),每名會員每月付費",
                "来自企业客户),每名会员每月付费",
                " from businesses), each member pays ",
            ),
            Me(X::ArpuPayingMonthly),
            s("(每季", "(每季", " a month ("),
            Me(X::ArpuPayingQuarterly),
            s(")。以", ")。以", " a quarter). Spread over "),
            In(I::Dau2025q3),
            s(
                "日活躍用戶計,快手第三季每名日活用戶貢獻收入",
                "日活跃用户计,快手第三季每名日活用户贡献收入",
                " daily active users, Kuaishou's third-quarter revenue works out to ",
            ),
            Me(X::RevenuePerDau2025q3),
            s("。", "。", " each."),
        ],
    ),
    (
        "valuation",
        &[
            s(
                "快手動態市盈率為",
                "快手动态市盈率为",
                "Kuaishou trades at ",
            ),
            In(I::PeKuaishou),
            s(
                ",百度、阿里巴巴和騰訊的平均為",
                ",百度、阿里巴巴和腾讯的平均为",
                " annualised earnings (dynamic P/E), against an average of ",
            ),
            Me(X::PePeerAverage),
            s(
                ",折讓",
                ",折让",
                " for Baidu, Alibaba and Tencent: a discount of ",
            ),
            Me(X::PeDiscountToPeers),
            s("。若按", "。若按", ". At a target P/E of "),
            In(I::TargetPe),
            s(
                "的目標市盈率估值,快手市值應為",
                "的目标市盈率估值,快手市值应为",
                ", Kuaishou would be worth ",
            ),
            Me(X::ImpliedMarketCap),
            s(",相對目前的", ",相对目前的", ", compared with "),
            In(I::MarketCap),
            s(",潛在升幅", ",潜在升幅", " today, an upside of "),
            Me(X::ImpliedUpside),
            s("。", "。", "."),
        ],
    ),
];

/// The prose paragraph of one section, with live metrics and inline inputs
/// (a plain function: only the inline numbers hold state).
pub fn narrative(calc: &CalcContext, section: &'static str) -> Html {
    let locale = calc.locale;
    let Some((_, segs)) = PARAGRAPHS.iter().find(|(k, _)| *k == section) else {
        return Html::default();
    };
    let seg = |seg: &Seg| match *seg {
        Seg::Text(t) => Html::from(t.get(locale)),
        Seg::Input(id) => html! { <InlineNumber calc={calc.clone()} {id} /> },
        Seg::Metric(id) => {
            let o = calc.results.get(id);
            // A metric that cannot be computed shows the core's dash; its
            // reason is in the metric list below and in the tooltip here.
            let v = o.value.unwrap_or(f64::NAN);
            html! {
                <strong data-narrative-metric={id.key()} title={o.value.err().map(|r| r.describe(locale))}>
                    {format_value(v, id.spec().unit, o.qualifier, locale)}
                </strong>
            }
        }
    };
    html! {
        <p class="kc-narrative" data-narrative={section}>{for segs.iter().map(seg)}</p>
    }
}

/// Properties of [`InlineNumber`].
#[derive(Properties, PartialEq)]
pub struct InlineNumberProps {
    /// The instance's state.
    pub calc: CalcContext,
    /// The input the number shows and changes.
    pub id: InputId,
}

/// Horizontal pixels of drag per step: fine enough to reach any value on a
/// phone, coarse enough that a tap's jitter is not a change.
pub const PX_PER_STEP: i32 = 4;

/// The range an inline number moves in: the slider's, one step inside an
/// exclusive minimum, and widened to the current value when a reader typed
/// something beyond the slider's end (so stepping never snaps it back).
pub fn bounds(spec: &InputSpec, value: Option<f64>) -> (f64, f64) {
    let lo = if spec.min_exclusive && spec.slider_min() <= spec.min {
        spec.min + spec.step
    } else {
        spec.slider_min()
    };
    (lo, spec.slider_max.max(value.unwrap_or(lo)))
}

/// A drag in progress, from pointerdown to pointerup.
struct Drag {
    pointer: i32,
    x: i32,
    from: f64,
    hi: f64,
    last: f64,
    moved: bool,
}

/// What an inline number remembers between events without re-rendering.
#[derive(Default)]
struct Local {
    drag: Option<Drag>,
    /// True while the text box is live; a blur that arrives after Enter or
    /// Escape already closed it must not commit a second time.
    open: bool,
    /// Set when the keyboard closed the text box, so focus returns to the span.
    refocus: bool,
}

/// An adjustable number inside prose: a `role="slider"` span that steps with
/// the keyboard and with horizontal drags, and turns into a small text box on
/// click or Enter.
///
/// Drag listeners are yew's own `onpointer*` props on the span: pointer
/// capture keeps a drag's events on the element, so nothing is registered on
/// the document and yew removes the listeners when the span goes away.
#[function_component(InlineNumber)]
pub fn inline_number(props: &InlineNumberProps) -> Html {
    let calc = &props.calc;
    let editing = use_state_eq(|| false);
    let invalid = use_state_eq(|| false);
    // One cell for all non-rendered state: each hook type is another copy
    // of yew's generic hook code in the wasm.
    let local = use_mut_ref(Local::default);
    let span_ref = use_node_ref();
    let input_ref = use_node_ref();

    let id = props.id;
    let spec = id.spec();
    let locale = calc.locale;
    let label = spec.label.get(locale);
    let value = calc.results.resolved().values[id as usize];
    let (lo, hi) = bounds(spec, value);
    let current = value.unwrap_or(lo);

    {
        let (span_ref, input_ref, local) = (span_ref.clone(), input_ref.clone(), local.clone());
        use_effect_with(*editing, move |&editing| {
            if editing {
                if let Some(el) = input_ref.cast::<web_sys::HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            } else if std::mem::take(&mut local.borrow_mut().refocus) {
                if let Some(el) = span_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let start_editing = {
        let (editing, local) = (editing.clone(), local.clone());
        move || {
            local.borrow_mut().open = true;
            editing.set(true);
        }
    };
    let close = {
        let (editing, invalid, local) = (editing.clone(), invalid.clone(), local.clone());
        move |keyboard: bool| {
            let mut l = local.borrow_mut();
            l.open = false;
            l.refocus = keyboard;
            drop(l);
            invalid.set(false);
            editing.set(false);
        }
    };

    if *editing {
        // Takes the text only if the main field would: the same parser and
        // range check, then `Action::Edit`, so the field shows the same text.
        let accept = {
            let calc = calc.clone();
            move |text: String| {
                let ok = parse_number(&text, spec.unit, calc.scale(id))
                    .ok()
                    .and_then(|v| spec.check(v).ok())
                    .is_some();
                if ok {
                    calc.dispatch(Action::Edit(id, AttrValue::from(text)));
                }
                ok
            }
        };
        let onkeydown = {
            let (accept, close, invalid) = (accept.clone(), close.clone(), invalid.clone());
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
                    if accept(el.value()) {
                        close(true);
                    } else {
                        invalid.set(true);
                    }
                }
                "Escape" => {
                    e.prevent_default();
                    close(true);
                }
                _ => {}
            })
        };
        let onblur = {
            let local = local.clone();
            Callback::from(move |e: FocusEvent| {
                let open = local.borrow().open;
                if open {
                    // Leaving the box keeps valid text and drops the rest.
                    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
                    accept(el.value());
                    close(false);
                }
            })
        };
        return html! {
            <span class="kc-inline-edit">
                <input ref={input_ref} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                    data-inline-edit={id.key()} aria-label={label} aria-invalid={super::input_field::aria(*invalid)}
                    value={calc.field_text(id)} {onkeydown} {onblur} />
                <span class="kc-suffix" aria-hidden="true">{scale_suffix(spec.unit, calc.scale(id), locale)}</span>
            </span>
        };
    }

    let onkeydown = {
        let calc = calc.clone();
        let start_editing = start_editing.clone();
        Callback::from(move |e: KeyboardEvent| {
            let n = if e.shift_key() { 10.0 } else { 1.0 };
            let target = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => current + n * spec.step,
                "ArrowLeft" | "ArrowDown" => current - n * spec.step,
                "PageUp" => current + 10.0 * spec.step,
                "PageDown" => current - 10.0 * spec.step,
                "Home" => lo,
                "End" => spec.slider_max,
                "Enter" => {
                    e.prevent_default();
                    start_editing();
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            calc.dispatch(Action::Set(id, target.max(lo).min(hi)));
        })
    };
    let onpointerdown = {
        let (local, span_ref) = (local.clone(), span_ref.clone());
        Callback::from(move |e: PointerEvent| {
            if !e.is_primary() || e.button() != 0 {
                return;
            }
            // No text selection or native drag; focus is given explicitly.
            e.prevent_default();
            if let Some(el) = span_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
                // Fails only for a pointer that is already gone; the drag then
                // still works while the pointer stays over the number.
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            local.borrow_mut().drag = Some(Drag {
                pointer: e.pointer_id(),
                x: e.client_x(),
                from: current,
                hi,
                last: current,
                moved: false,
            });
        })
    };
    let onpointermove = {
        let (calc, local) = (calc.clone(), local.clone());
        Callback::from(move |e: PointerEvent| {
            let mut local = local.borrow_mut();
            let Some(d) = local.drag.as_mut().filter(|d| d.pointer == e.pointer_id()) else {
                return;
            };
            let dx = e.client_x() - d.x;
            d.moved |= dx.abs() >= PX_PER_STEP;
            if !d.moved {
                return;
            }
            let v = (d.from + f64::from(dx / PX_PER_STEP) * spec.step)
                .max(lo)
                .min(d.hi);
            // Most moves stay within one step; only a new value re-renders.
            if v != d.last {
                d.last = v;
                calc.dispatch(Action::Set(id, v));
            }
        })
    };
    let onpointerup = {
        let local = local.clone();
        Callback::from(move |e: PointerEvent| {
            let ended = local.borrow_mut().drag.take();
            if ended.is_some_and(|d| d.pointer == e.pointer_id() && !d.moved) {
                start_editing();
            }
        })
    };
    let onpointercancel = Callback::from(move |_: PointerEvent| {
        local.borrow_mut().drag = None;
    });
    // With the article's qualifier ("超過3億元", "≥ RMB 300 million") while the
    // figure is the published one, as the results that rest on it say.
    let text = format_value(
        value.unwrap_or(f64::NAN),
        spec.unit,
        calc.results.resolved().qualifiers[id as usize],
        locale,
    );
    html! {
        <span ref={span_ref} class="kc-inline" role="slider" tabindex="0" data-inline-input={id.key()}
            aria-label={label} aria-valuemin={js_number(lo)} aria-valuemax={js_number(hi)}
            aria-valuenow={value.map(js_number)} aria-valuetext={text.clone()}
            {onkeydown} {onpointerdown} {onpointermove} {onpointerup} {onpointercancel}>{text}</span>
    }
}
