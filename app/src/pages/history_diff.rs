//! History between two instants: what was added, what is gone, which fields changed (old →
//! new) and which states differ, netted over the interval. The instants are a GET form, so
//! "what changed since yesterday 18:00" is a link.

use crate::api::history_diff::{
    get_history_diff, ChangedResource, DiffResource, HistoryDiff, StateChange,
};
use crate::components::rollups::cloud_label;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const INPUT_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";
/// Lists of added or gone resources longer than this start folded.
const OPEN_UP_TO: usize = 20;

/// "128 bgp sessions · 81 connections".
fn by_kind(rs: &[DiffResource]) -> String {
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for r in rs {
        *counts.entry(r.kind.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(k, n)| format!("{n} {}", k.replace('_', " ")))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
pub fn HistoryDiffPage() -> impl IntoView {
    let params = use_query_map();
    let instants = Memo::new(move |_| {
        let p = params.get();
        (p.get("from"), p.get("to"))
    });
    let data = crate::resource::json_resource(
        move || instants.get(),
        |(from, to)| get_history_diff(from, to),
    );
    view! {
        <Title text="History: compare"/>
        <section class="history-diff">
            <p><a href="/history">"← History timeline"</a></p>
            <h1>"What changed between two times"</h1>
            <Transition fallback=|| view! { <p class="loading">"Comparing…"</p> }>
                {move || Suspend::new(async move {
                    let (from, to) = instants.get_untracked();
                    match data.await {
                        Ok(d) => view! {
                            <Instants from=Some(d.from.format(INPUT_FORMAT).to_string()) to=Some(d.to.format(INPUT_FORMAT).to_string())/>
                            <Diff diff=d/>
                        }.into_any(),
                        Err(e) => view! { <Instants from=from to=to/> <p class="error">{format!("No comparison: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Instants(from: Option<String>, to: Option<String>) -> impl IntoView {
    view! {
        <form method="get" action="/history/diff" class="filters" id="diff-filters">
            <label>"From (UTC)" <input type="datetime-local" step="1" name="from" value=from.unwrap_or_default()/></label>
            <label>"To (UTC)" <input type="datetime-local" step="1" name="to" value=to.unwrap_or_default()/></label>
            <button type="submit">"Compare"</button>
            <a href="/history/diff">"Last 24 hours"</a>
        </form>
    }
}

/// Where a resource of this kind has a page of its own.
fn link(r: &DiffResource) -> Option<String> {
    match r.kind.as_str() {
        "connection" => Some(format!("/connections/{}", crate::url::encode(&r.id))),
        "bgp_session" => Some(format!("/bgp/peer?id={}", crate::url::encode(&r.id))),
        _ => None,
    }
}

#[component]
fn Name(resource: DiffResource) -> impl IntoView {
    let label = resource.name.clone().unwrap_or_else(|| resource.id.clone());
    let place = format!(
        " {} ({}, {} {})",
        resource.kind.replace('_', " "),
        cloud_label(&resource.cloud),
        resource.account,
        resource.region
    );
    view! {
        {match link(&resource) {
            Some(href) => view! { <a href=href>{label}</a> }.into_any(),
            None => view! { <strong>{label}</strong> }.into_any(),
        }}
        <span class="muted">{place}</span>
    }
}

fn time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[component]
fn Diff(diff: HistoryDiff) -> impl IntoView {
    let HistoryDiff {
        from, to, summary, ..
    } = diff;
    let net = summary
        .states
        .iter()
        .filter(|s| s.before.as_deref() != Some(s.after.as_str()))
        .count();
    let headline = format!(
        "{} added · {} gone · {} changed · {} state change(s) between {} and {}",
        summary.added.len(),
        summary.gone.len(),
        summary.changed.len(),
        net,
        time(from),
        time(to)
    );
    if summary == Default::default() {
        return view! { <p class="empty" id="diff-empty">{format!("Nothing changed between {} and {}.", time(from), time(to))}</p> }.into_any();
    }
    let list = |id: &'static str, title: &'static str, rs: Vec<DiffResource>| {
        // A first sync in the interval adds hundreds: counted by kind, listed on demand.
        let (heading, open, kinds) = (
            format!("{title} ({})", rs.len()),
            rs.len() <= OPEN_UP_TO,
            by_kind(&rs),
        );
        (!rs.is_empty()).then(|| view! {
            <h2>{heading}</h2>
            <details open=open id=format!("{id}-fold")>
                <summary>{kinds}</summary>
                <ul class="changes" id=id>{rs.into_iter().map(|r| view! { <li><Name resource=r/></li> }).collect_view()}</ul>
            </details>
        })
    };
    view! {
        <p class="summary" id="diff-summary">{headline}</p>
        <States states=summary.states/>
        {list("diff-added", "Added", summary.added)}
        {list("diff-gone", "Gone", summary.gone)}
        <Changed changed=summary.changed/>
    }
    .into_any()
}

#[component]
fn States(states: Vec<StateChange>) -> impl IntoView {
    (!states.is_empty()).then(|| view! {
        <h2>"State changes"</h2>
        <ul class="changes" id="diff-states">
            {states.into_iter().map(|s| {
                let net = s.before.as_deref() != Some(s.after.as_str());
                let facet = if s.facet == "main" { String::new() } else { format!("{} ", s.facet.to_uppercase()) };
                let text = if net {
                    format!("{facet}{} → {}", s.before.clone().unwrap_or_else(|| "new".into()), s.after)
                } else {
                    format!("{facet}back to {}", s.after)
                };
                view! {
                    <li data-net=net.to_string()>
                        <span class=format!("badge {}", s.after)>{text}</span>" "
                        <Name resource=s.resource/>
                        <span class="muted">{format!(" · {} transition(s)", s.transitions)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

#[component]
fn Changed(changed: Vec<ChangedResource>) -> impl IntoView {
    (!changed.is_empty()).then(|| view! {
        <h2>"Changed"</h2>
        <ul class="changes" id="diff-changed">
            {changed.into_iter().map(|c| view! {
                <li>
                    <Name resource=c.resource/>
                    <ul class="detail">{c.fields.into_iter().map(|f| view! { <li><code>{format!("{}: {} → {}", f.path, f.old, f.new)}</code></li> }).collect_view()}</ul>
                </li>
            }).collect_view()}
        </ul>
    })
}
