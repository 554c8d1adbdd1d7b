//! The connections table: one row per connection, tunnel 1 and tunnel 2 side by side with
//! their IKE / IPsec / health / BGP state, the cloud's reason when something is down, and
//! since when. Column headers sort (as links, so they work without JavaScript).

use crate::api::connections::{ConnectionQuery, ConnectionRow, TunnelCell};
use crate::components::rollups::cloud_label;
use leptos::prelude::*;

fn mark(state: &str) -> &'static str {
    match state {
        "up" => "▲",
        "down" => "▼",
        "partial" => "◐",
        _ => "○",
    }
}

#[component]
fn StateBadge(state: String) -> impl IntoView {
    view! { <span class=format!("badge {state}")>{format!("{} {state}", mark(&state))}</span> }
}

#[component]
fn Tunnel(tunnel: Option<TunnelCell>) -> impl IntoView {
    let Some(t) = tunnel else {
        return view! { <td class="muted">"—"</td> }.into_any();
    };
    let facets = [
        ("IKE", t.ike),
        ("IPsec", t.ipsec),
        ("health", t.health),
        ("BGP", t.bgp),
    ]
    .into_iter()
    .filter_map(|(label, s)| s.map(|s| format!("{label} {} {s}", mark(&s))))
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <td class="tunnel">
            <StateBadge state=t.state.clone()/>
            {t.role.map(|r| view! { <span class="muted">{r}</span> })}
            <div class="facets">{facets}</div>
            {t.reason.map(|r| view! { <div class="reason">{r}</div> })}
        </td>
    }
    .into_any()
}

#[component]
pub fn ConnectionTable(rows: Vec<ConnectionRow>, query: ConnectionQuery) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty" id="no-rows">"No connection matches these filters."</p> }
            .into_any();
    }
    let header = move |key: &'static str, label: &'static str| {
        let sorted = ConnectionQuery {
            sort: Some(key.to_string()),
            page: None,
            ..query.clone()
        };
        let current = query.sort.as_deref().unwrap_or("state") == key;
        view! {
            <th aria-sort=if current { "ascending" } else { "none" }>
                <a href=format!("/connections?{}", sorted.to_query_string(None))>{label}</a>
            </th>
        }
    };
    view! {
        <table class="grid" id="connections">
            <thead>
                <tr>
                    {header("state", "State")}
                    {header("name", "Connection")}
                    {header("account", "Account")}
                    {header("region", "Region")}
                    <th>"Customer gateway"</th>
                    <th>"Tunnel 1"</th>
                    <th>"Tunnel 2"</th>
                    {header("since", "Since")}
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let mut tunnels = r.tunnels.into_iter();
                    view! {
                        <tr data-state=r.state.clone()>
                            <td><StateBadge state=r.state.clone()/>{r.reason.map(|x| view! { <div class="reason">{x}</div> })}</td>
                            <td><a href=format!("/connections/{}", crate::url::encode(&r.id))>{r.name.unwrap_or_else(|| r.id.clone())}</a><div><code class="muted">{r.id}</code></div></td>
                            <td>{cloud_label(&r.cloud)}<div class="muted">{r.account}</div></td>
                            <td>{r.region}</td>
                            <td>{r.customer_gateway.unwrap_or_default()}</td>
                            <Tunnel tunnel=tunnels.next()/>
                            <Tunnel tunnel=tunnels.next()/>
                            <td>{r.since.format("%Y-%m-%d %H:%M").to_string()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
