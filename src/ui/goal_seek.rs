//! "What would it take": for each goal of [`crate::core::goal::GOALS`], the
//! reader types a target and sees the input value that reaches it, with a
//! button that applies that value to the calculator.

use crate::core::units::t;
use yew::prelude::*;

use super::state::{Action, CalcContext};
use crate::core::format::{display_scale, format_field, scale_suffix};
use crate::core::goal::{Goal, GOALS};
use crate::core::parse::parse_number;
use crate::core::units::Text;

/// The section's heading (also the editor's kit's name for it).
pub const TITLE: Text = t!(
    "要達到目標需要甚麼?",
    "要达到目标需要什么?",
    "What would it take?"
);
const APPLY: Text = t!("套用", "套用", "Apply");

/// All goals.
///
/// Plain functions, not components (see [`super::input_field`]): the typed
/// targets are kept in the instance's state.
pub fn goal_seek(calc: &CalcContext) -> Html {
    let heading = calc.dom_id("h", "goals");
    html! {
        <section class="kc-section" data-section="goals" aria-labelledby={&heading}>
            {super::app::text_el("h3", "", ("id", &heading), TITLE.get(calc.locale))}
            {for (0..GOALS.len()).map(|index| goal_row(calc, index))}
        </section>
    }
}

/// One goal: target field, answer, apply button.
fn goal_row(calc: &CalcContext, index: usize) -> Html {
    let goal: &'static Goal = &GOALS[index];
    let locale = calc.locale;
    let scale = display_scale(goal.target_unit, goal.default_target, locale);
    // The typed target; None until the reader types, so the default follows the language's scale.
    let text = calc.goal_drafts[index].clone().unwrap_or_else(|| {
        AttrValue::from(format_field(goal.default_target, goal.target_unit, scale))
    });
    let target = parse_number(&text, goal.target_unit, scale);
    let answer = target
        .map_err(|e| e.message(locale).to_string())
        .and_then(|t| goal.solve(&calc.results, t).map_err(|e| e.describe(locale)));
    let solves = goal.solves_for.spec();
    let field_id = calc.dom_id("goal", goal.key);
    let oninput = {
        let calc = calc.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            calc.dispatch(Action::GoalDraft(index, AttrValue::from(el.value())));
        })
    };
    let apply = answer.as_ref().ok().map(|&v| {
        let calc = calc.clone();
        Callback::from(move |_| calc.dispatch(Action::Set(goal.solves_for, v.value)))
    });
    html! {
        <div class="kc-goal" data-goal={goal.key}>
            {super::app::text_el("label", "", ("for", &field_id), goal.question.get(locale))}
            <div class="kc-field-row">
                <input id={field_id} type="text" inputmode="decimal" autocomplete="off" value={text}
                    aria-invalid={super::input_field::aria(target.is_err())} {oninput} />
                {super::input_field::suffix(scale_suffix(goal.target_unit, scale, locale))}
                {Html::from_html_unchecked(AttrValue::Static("<span aria-hidden=\"true\">→</span>"))}
                <output class="kc-goal-answer" aria-live="polite" data-goal-value={answer.as_ref().ok().map(|a| super::js_number(a.value)).unwrap_or_default()}>
                    {[solves.label.get(locale), " ", &match answer {
                        Ok(a) => a.text(solves.unit, locale),
                        Err(why) => why,
                    }].concat()}
                </output>
                <button type="button" disabled={apply.is_none()} onclick={apply.unwrap_or_default()}>{APPLY.get(locale)}</button>
            </div>
        </div>
    }
}
