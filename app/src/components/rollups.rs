//! The overview's tables. State always reads as text and symbol too, not colour alone.

use crate::api::overview::{RecentChange, RegionRollup, SiteRollup, StateCounts};
use leptos::prelude::*;

/// "▲ 3 up · ◐ 1 partial · ▼ 2 down" with a class per part for colour.
#[component]
pub fn Counts(counts: StateCounts) -> impl IntoView {
    if counts.total() == 0 {
        return view! { <span class="muted">"none"</span> }.into_any();
    }
    let parts = [
        ("up", "▲", counts.up),
        ("partial", "◐", counts.partial),
        ("down", "▼", counts.down),
        ("other", "○", counts.other),
    ];
    view! {
        <span class="counts">
            {parts
                .into_iter()
                .filter(|(_, _, n)| *n > 0)
                .map(|(class, mark, n)| view! { <span class=format!("badge {class}")>{format!("{mark} {n} {class}")}</span> })
                .collect_view()}
        </span>
    }
    .into_any()
}

#[component]
pub fn RegionTable(regions: Vec<RegionRollup>) -> impl IntoView {
    if regions.is_empty() {
        return view! {
            <p class="empty">"No cloud account has been synced yet. Add one under Settings, or turn on the demo estate."</p>
        }
        .into_any();
    }
    view! {
        <h2>"Accounts and regions"</h2>
        <table class="grid" id="regions">
            <thead><tr><th>"Cloud"</th><th>"Account"</th><th>"Region"</th><th>"Connections"</th><th>"BGP sessions"</th><th>"Last sync"</th></tr></thead>
            <tbody>
                {regions.into_iter().map(|r| {
                    let last = match (&r.last_error, r.last_success) {
                        (Some(e), _) => view! { <span class="error">{format!("failing: {e}")}</span> }.into_any(),
                        (None, Some(t)) => view! { <span class=if r.stale { "stale" } else { "" }>{t.format("%H:%M:%S").to_string()}{r.stale.then_some(" (stale)")}</span> }.into_any(),
                        (None, None) => view! { <span class="muted">"never"</span> }.into_any(),
                    };
                    view! {
                        <tr>
                            <td>{cloud_label(&r.cloud)}</td>
                            <td>{r.account}</td>
                            <td>{r.region}</td>
                            <td><Counts counts=r.connections/></td>
                            <td><Counts counts=r.bgp/></td>
                            <td>{last}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn SiteTable(sites: Vec<SiteRollup>) -> impl IntoView {
    if sites.is_empty() {
        return ().into_any();
    }
    view! {
        <h2>"Sites"</h2>
        <table class="grid" id="sites">
            <thead><tr><th>"Site"</th><th>"Reached from"</th><th>"Tunnels up"</th></tr></thead>
            <tbody>
                {sites.into_iter().map(|s| {
                    let all_up = s.tunnels_up == s.tunnels;
                    let clouds = s.clouds.iter().map(|c| cloud_label(c)).collect::<Vec<_>>().join(" + ");
                    if s.tunnels == 0 {
                        return view! {
                            <tr><td>{s.site}</td><td>{clouds}</td><td><span class="muted">"no connection"</span></td></tr>
                        }
                        .into_any();
                    }
                    let class = if all_up { "badge up" } else if s.tunnels_up == 0 { "badge down" } else { "badge partial" };
                    let mark = if all_up { "▲" } else if s.tunnels_up == 0 { "▼" } else { "◐" };
                    view! {
                        <tr>
                            <td>{s.site}</td>
                            <td>{clouds}</td>
                            <td><span class=class>{format!("{mark} {} of {}", s.tunnels_up, s.tunnels)}</span></td>
                        </tr>
                    }
                    .into_any()
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn ChangeList(changes: Vec<RecentChange>) -> impl IntoView {
    view! {
        <h2>"Latest state changes"</h2>
        {if changes.is_empty() {
            view! { <p class="empty">"No state change recorded yet."</p> }.into_any()
        } else {
            view! {
                <ul class="changes" id="changes">
                    {changes.into_iter().map(|c| {
                        let from = c.old_state.unwrap_or_else(|| "?".into());
                        let facet = if c.facet == "main" { String::new() } else { format!(" {}", c.facet.to_uppercase()) };
                        view! {
                            <li>
                                <time>{c.at.format("%m-%d %H:%M:%S").to_string()}</time>
                                " " <span class=format!("badge {}", c.new_state)>{format!("{from} → {}", c.new_state)}</span>
                                " " {format!("{}{facet} {} ({}, {} {})", c.kind.replace('_', " "), c.name, cloud_label(&c.cloud), c.account, c.region)}
                                {c.reason.map(|r| view! { <span class="muted">{format!(" — {r}")}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

pub fn cloud_label(cloud: &str) -> &'static str {
    match cloud {
        "aliyun" => "Alibaba Cloud",
        "huawei" => "Huawei Cloud",
        _ => "other cloud",
    }
}
