//! History: one timeline of state changes and configuration changes, newest first, over a
//! window chosen in the URL.

use crate::api::history::{get_history, HistoryView, WINDOWS};
use crate::components::rollups::cloud_label;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let params = use_query_map();
    let filter = Memo::new(move |_| {
        let p = params.get();
        (p.get("window"), p.get("what"))
    });
    let data = crate::resource::json_resource(
        move || filter.get(),
        |(window, what)| get_history(window, what),
    );
    view! {
        <Title text="History"/>
        <section class="history">
            <h1>"History"</h1>
            <Transition fallback=|| view! { <p class="loading">"Loading the history…"</p> }>
                {move || Suspend::new(async move {
                    let (window, what) = filter.get_untracked();
                    let form = view! { <Filter window=window what=what/> };
                    match data.await {
                        Ok(v) => view! { {form} <Timeline view=v/> }.into_any(),
                        Err(e) => view! { {form} <p class="error">{format!("History unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Filter(window: Option<String>, what: Option<String>) -> impl IntoView {
    let window = window.unwrap_or_else(|| "24h".into());
    view! {
        <form method="get" action="/history" class="filters" id="history-filters">
            <label>"Window"
                <select name="window">
                    {WINDOWS.map(|(v, _, label)| view! { <option value=v selected=window == v>{label}</option> })}
                </select>
            </label>
            <label>"Show"
                <select name="what">
                    <option value="">"all changes"</option>
                    <option value="state" selected=what.as_deref() == Some("state")>"state changes"</option>
                    <option value="config" selected=what.as_deref() == Some("config")>"configuration changes"</option>
                </select>
            </label>
            <button type="submit">"Apply"</button>
            <a href="/history/diff" id="compare-link">"Compare two times…"</a>
        </form>
    }
}

#[component]
fn Timeline(view: HistoryView) -> impl IntoView {
    let HistoryView {
        events,
        since,
        truncated,
    } = view;
    if events.is_empty() {
        return view! { <p class="empty" id="no-events">{format!("Nothing changed since {} UTC.", since.format("%Y-%m-%d %H:%M"))}</p> }.into_any();
    }
    view! {
        <p class="summary" id="history-summary">
            {format!("{} change(s) since {} UTC", events.len(), since.format("%Y-%m-%d %H:%M"))}
            {truncated.then_some(" (the newest 500 are shown; narrow the window)")}
        </p>
        <ul class="changes" id="events">
            {events.into_iter().map(|e| view! {
                <li data-what=e.what.clone()>
                    <time>{e.at.format("%m-%d %H:%M:%S").to_string()}</time>
                    " " <span class="badge other">{e.what.clone()}</span>
                    " " <strong>{e.summary}</strong>
                    " " {format!("{} {} ({}, {} {})", e.kind.replace('_', " "), e.name, cloud_label(&e.cloud), e.account, e.region)}
                    {(!e.detail.is_empty()).then(|| view! { <ul class="detail">{e.detail.into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}</ul> })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
