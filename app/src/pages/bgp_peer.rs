//! One BGP peer: the session's facts, its prefix-count chart over a window, and the prefixes
//! learned from and advertised to the peer. Opened from a session row of the looking glass;
//! window and direction are a GET form, so every view is a link.

use crate::api::bgp_peer::{get_bgp_peer, PeerPrefix, PeerQuery, PeerView};
use crate::api::history::WINDOWS;
use crate::components::data_as_of::DataAsOf;
use crate::components::prefix_chart::PrefixChart;
use crate::components::rollups::cloud_label;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BgpPeerPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.get();
        PeerQuery {
            id: p.get("id").unwrap_or_default(),
            window: p.get("window").filter(|v| !v.is_empty()),
            dir: p.get("dir").filter(|v| !v.is_empty()),
        }
    });
    let data = crate::resource::json_resource(move || query.get(), get_bgp_peer);
    view! {
        <Title text="BGP peer"/>
        <section class="bgp-peer">
            <p><a href="/bgp">"← BGP sessions"</a></p>
            <Transition fallback=|| view! { <p class="loading">"Loading the BGP peer…"</p> }>
                {move || Suspend::new(async move {
                    let q = query.get_untracked();
                    match data.await {
                        Ok(v) => view! { <Peer view=v query=q/> }.into_any(),
                        Err(e) => view! { <h1>"BGP peer"</h1> <p class="error">{format!("BGP peer unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Filter(query: PeerQuery) -> impl IntoView {
    let window = query.window.unwrap_or_else(|| "24h".into());
    let dir = query.dir;
    view! {
        <form method="get" action="/bgp/peer" class="filters" id="peer-filters">
            <input type="hidden" name="id" value=query.id/>
            <label>"Chart window"
                <select name="window">
                    {WINDOWS.map(|(v, _, label)| view! { <option value=v selected=window == v>{label}</option> })}
                </select>
            </label>
            <label>"Prefixes"
                <select name="dir">
                    <option value="">"learned and advertised"</option>
                    <option value="learned" selected=dir.as_deref() == Some("learned")>"learned from the peer"</option>
                    <option value="advertised" selected=dir.as_deref() == Some("advertised")>"advertised to the peer"</option>
                </select>
            </label>
            <button type="submit">"Apply"</button>
        </form>
    }
}

#[component]
fn Peer(view: PeerView, query: PeerQuery) -> impl IntoView {
    let PeerView {
        session: s,
        prefixes,
        totals,
        samples,
        since,
        as_of,
        generated_at,
    } = view;
    let title = format!(
        "BGP peer {}",
        s.peer_ip.clone().unwrap_or_else(|| s.id.clone())
    );
    let state = s.state_label();
    view! {
        <h1>{title}</h1>
        <DataAsOf as_of=as_of generated_at=generated_at/>
        <dl class="facts" id="peer-facts">
            <dt>"State"</dt><dd><span class=format!("badge {}", s.state)>{state}</span>{s.reason.clone().map(|r| view! { <span class="reason">{format!(" {r}")}</span> })}</dd>
            <dt>"ASNs"</dt><dd>{format!("peer {} · local {}", s.peer_asn.map(|a| format!("AS{a}")).unwrap_or("?".into()), s.local_asn.map(|a| format!("AS{a}")).unwrap_or("?".into()))}</dd>
            <dt>"Over"</dt><dd><code>{s.over.clone().unwrap_or_default()}</code></dd>
            <dt>"Account"</dt><dd>{format!("{} · {} · {}", cloud_label(&s.cloud), s.account, s.region)}</dd>
            <dt>"Session"</dt><dd><code>{s.id.clone()}</code></dd>
            <dt>"Flaps 24 h"</dt><dd>{s.flaps_24h}</dd>
        </dl>
        <Filter query=query/>
        <h2>"Prefix counts"</h2>
        <PrefixChart samples=samples from=since to=generated_at/>
        <h2>"Prefixes"</h2>
        <p class="summary" id="prefix-summary">{format!("{} learned from the peer · {} advertised to the peer", totals.0, totals.1)}</p>
        <PrefixTable prefixes=prefixes/>
    }
}

#[component]
fn PrefixTable(prefixes: Vec<PeerPrefix>) -> impl IntoView {
    if prefixes.is_empty() {
        return view! { <p class="empty" id="no-prefixes">"No prefix in this direction: the peer has none in the stored routes, and the session reports none."</p> }.into_any();
    }
    view! {
        <table class="grid" id="prefixes">
            <thead><tr><th>"Direction"</th><th>"Prefix"</th><th>"Next hop"</th><th>"AS path"</th><th>"MED"</th><th>"State"</th><th>"From"</th></tr></thead>
            <tbody>
                {prefixes.into_iter().map(|p| view! {
                    <tr data-direction=p.direction.clone()>
                        <td>{p.direction.clone()}</td>
                        <td><code>{p.destination}</code></td>
                        <td><code class="muted">{p.next_hop.unwrap_or_default()}</code></td>
                        <td>{p.as_path.unwrap_or_default()}</td>
                        <td>{p.med.map(|m| m.to_string()).unwrap_or_default()}</td>
                        <td><span class=format!("badge {}", p.state)>{p.state.clone()}</span></td>
                        <td class="muted">{p.source}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
