//! Gateways and sites: on-premises sites (customer gateways merged across accounts and
//! clouds) and the VPN gateways of both clouds, each with the connections that reach it, worst
//! first. Filters are a GET form, so the page reads without JavaScript and every view is a link.

use crate::api::gateways::{
    list_gateways, GatewayQuery, GatewayRow, GatewaysView, LinkedConnection, SiteRow, ROLLUPS,
};
use crate::components::data_as_of::DataAsOf;
use crate::components::rollups::cloud_label;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn GatewaysPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.get();
        let get = |k: &str| p.get(k).filter(|v| !v.is_empty());
        GatewayQuery {
            cloud: get("cloud"),
            state: get("state"),
            q: get("q"),
        }
    });
    let data = crate::resource::json_resource(move || query.get(), list_gateways);
    view! {
        <Title text="Gateways"/>
        <section class="gateways">
            <h1>"Gateways"</h1>
            <p class="lead">"The VPN gateways of both clouds, and the on-premises sites: customer gateways of every account and cloud that share a public IP (or FQDN and ASN) merged into one, with the connections that reach them."</p>
            <Transition fallback=|| view! { <p class="loading">"Loading gateways and sites…"</p> }>
                {move || Suspend::new(async move {
                    let q = query.get_untracked();
                    match data.await {
                        Ok(v) => view! { <Filters query=q/> <Body view=v/> }.into_any(),
                        Err(e) => view! { <Filters query=q/> <p class="error">{format!("Gateways unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Filters(query: GatewayQuery) -> impl IntoView {
    let cloud = query.cloud.clone();
    let state = query.state.clone();
    view! {
        <form method="get" action="/gateways" class="filters" id="gateways-filters">
            <label>"Cloud"
                <select name="cloud">
                    <option value="">"all"</option>
                    {[("aliyun", "Alibaba Cloud"), ("huawei", "Huawei Cloud")].map(|(v, l)| view! {
                        <option value=v selected=cloud.as_deref() == Some(v)>{l}</option>
                    })}
                </select>
            </label>
            <label>"Tunnels"
                <select name="state">
                    <option value="">"all"</option>
                    {ROLLUPS.map(|v| view! { <option value=v selected=state.as_deref() == Some(v)>{v}</option> })}
                </select>
            </label>
            <label>"Search"
                <input type="search" name="q" value=query.q.unwrap_or_default() placeholder="name, id, IP"/>
            </label>
            <button type="submit">"Apply"</button>
            <a href="/gateways">"Reset"</a>
        </form>
    }
}

fn mark(state: &str) -> &'static str {
    match state {
        "up" => "▲",
        "down" => "▼",
        "partial" => "◐",
        _ => "○",
    }
}

/// Connections as links to their detail, each with its tunnels up out of all.
#[component]
fn ConnectionLinks(connections: Vec<LinkedConnection>) -> impl IntoView {
    if connections.is_empty() {
        return view! { <span class="muted">"no connection"</span> }.into_any();
    }
    view! {
        <ul class="links">
            {connections.into_iter().map(|c| view! {
                <li>
                    <span class=format!("badge {}", c.state)>{format!("{} {}/{}", mark(&c.state), c.tunnels_up, c.tunnels)}</span>
                    " " <a href=format!("/connections/{}", crate::url::encode(&c.id))>{c.name.unwrap_or_else(|| c.id.clone())}</a>
                    <div class="muted">{format!("{} · {} · {}", cloud_label(&c.cloud), c.account, c.region)}</div>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Body(view: GatewaysView) -> impl IntoView {
    let GatewaysView {
        gateways,
        sites,
        unfiltered,
        as_of,
        generated_at,
    } = view;
    let freshness = view! { <DataAsOf as_of=as_of generated_at=generated_at/> };
    if unfiltered == 0 {
        return view! {
            {freshness}
            <div class="empty-state" id="no-gateways">
                <h2>"No gateway synced yet"</h2>
                <p>"VPN gateways and customer gateways appear here after the first sync of a cloud account. Add an account under "<a href="/settings">"Settings"</a>", or turn on the demo estate."</p>
            </div>
        }
        .into_any();
    }
    if gateways.is_empty() && sites.is_empty() {
        return view! {
            {freshness}
            <div class="empty-state" id="no-match">
                <h2>"Nothing matches these filters"</h2>
                <p>{format!("{unfiltered} gateways and sites are synced; none fits. ")}<a href="/gateways">"Show all"</a></p>
            </div>
        }
        .into_any();
    }
    view! {
        {freshness}
        <p class="summary" id="gateways-summary">{format!("{} sites · {} VPN gateways", sites.len(), gateways.len())}</p>
        <Sites sites=sites/>
        <Gateways gateways=gateways/>
    }
    .into_any()
}

#[component]
fn Sites(sites: Vec<SiteRow>) -> impl IntoView {
    view! {
        <h2>"Sites"</h2>
        {if sites.is_empty() {
            view! { <p class="empty">"No site matches."</p> }.into_any()
        } else {
            view! {
                <table class="grid" id="sites-table">
                    <thead><tr><th>"Site"</th><th>"Tunnels"</th><th>"Customer gateways"</th><th>"Connections"</th></tr></thead>
                    <tbody>
                        {sites.into_iter().map(|s| {
                            let rollup = s.tunnels.rollup();
                            let headline = s.headline();
                            view! {
                                <tr data-state=rollup>
                                    <td><strong>{s.name.clone()}</strong><div><code class="muted">{s.key.clone()}</code></div></td>
                                    <td><span class=format!("badge {rollup}")>{format!("{} {headline}", mark(rollup))}</span></td>
                                    <td><ul class="links">{s.members.into_iter().map(|m| view! {
                                        <li>{m.name.unwrap_or_else(|| m.id.clone())}
                                            <span class="muted">{format!(" {} · {} · {}{}", cloud_label(&m.cloud), m.account, m.region, m.asn.map(|a| format!(" · AS{a}")).unwrap_or_default())}</span>
                                        </li>
                                    }).collect_view()}</ul></td>
                                    <td><ConnectionLinks connections=s.connections/></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

#[component]
fn Gateways(gateways: Vec<GatewayRow>) -> impl IntoView {
    view! {
        <h2>"VPN gateways"</h2>
        {if gateways.is_empty() {
            view! { <p class="empty">"No VPN gateway matches."</p> }.into_any()
        } else {
            view! {
                <table class="grid" id="gateways-table">
                    <thead><tr><th>"Tunnels"</th><th>"Gateway"</th><th>"Account"</th><th>"Public IPs"</th><th>"ASN"</th><th>"Connections"</th></tr></thead>
                    <tbody>
                        {gateways.into_iter().map(|g| {
                            let rollup = g.tunnels.rollup();
                            view! {
                                <tr data-state=rollup data-cloud=g.cloud.clone()>
                                    <td><span class=format!("badge {rollup}")>{format!("{} {} of {} up", mark(rollup), g.tunnels.up, g.tunnels.total)}</span></td>
                                    <td>{g.name.clone().unwrap_or_else(|| g.id.clone())}<div><code class="muted">{g.id.clone()}</code></div>
                                        {(g.state != "up").then(|| view! { <div class="reason">{format!("gateway {}", g.state)}</div> })}</td>
                                    <td>{cloud_label(&g.cloud)}<div class="muted">{format!("{} · {}", g.account, g.region)}</div></td>
                                    <td><code>{g.public_ips.join(", ")}</code></td>
                                    <td>{g.asn.map(|a| format!("AS{a}")).unwrap_or_default()}</td>
                                    <td><ConnectionLinks connections=g.connections/></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
