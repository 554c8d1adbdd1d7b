//! BGP: a looking glass over every session, not-established first. Filters are a GET form,
//! so the page reads without JavaScript and every view is a link.

use crate::api::bgp::{list_bgp_sessions, BgpRow, BgpView};
use crate::components::data_as_of::DataAsOf;
use crate::components::rollups::cloud_label;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BgpPage() -> impl IntoView {
    let params = use_query_map();
    let filter = Memo::new(move |_| {
        let p = params.get();
        (p.get("state"), p.get("asn"))
    });
    let data = crate::resource::json_resource(
        move || filter.get(),
        |(state, asn)| list_bgp_sessions(state, asn),
    );
    view! {
        <Title text="BGP"/>
        <section class="bgp">
            <h1>"BGP"</h1>
            <Transition fallback=|| view! { <p class="loading">"Loading BGP sessions…"</p> }>
                {move || Suspend::new(async move {
                    let (state, asn) = filter.get_untracked();
                    match data.await {
                        Ok(v) => view! { <Filter state=state asn=asn/> <Sessions view=v/> }.into_any(),
                        Err(e) => view! { <Filter state=state asn=asn/> <p class="error">{format!("BGP sessions unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Filter(state: Option<String>, asn: Option<String>) -> impl IntoView {
    let opt = move |v: &'static str| {
        let selected = state.as_deref() == Some(v);
        view! { <option value=v selected=selected>{v}</option> }
    };
    view! {
        <form method="get" action="/bgp" class="filters" id="bgp-filters">
            <label>"State"
                <select name="state"><option value="">"all"</option>{["down", "partial", "pending", "unknown", "up"].map(opt)}</select>
            </label>
            <label>"ASN" <input type="text" name="asn" inputmode="numeric" value=asn.unwrap_or_default() placeholder="65001"/></label>
            <button type="submit">"Apply"</button>
            <a href="/bgp">"Reset"</a>
        </form>
    }
}

fn uptime(row: &BgpRow) -> String {
    match row.in_state_secs {
        s if s < 3600 => format!("{}m", s / 60),
        s if s < 86_400 => format!("{}h {}m", s / 3600, s % 3600 / 60),
        s => format!("{}d {}h", s / 86_400, s % 86_400 / 3600),
    }
}

#[component]
fn Sessions(view: BgpView) -> impl IntoView {
    let BgpView {
        rows,
        established,
        not_established,
        as_of,
        generated_at,
    } = view;
    let freshness = view! { <DataAsOf as_of=as_of generated_at=generated_at/> };
    if rows.is_empty() {
        return view! { {freshness} <p class="empty" id="no-sessions">"No BGP session matches."</p> }
            .into_any();
    }
    view! {
        {freshness}
        <p class="summary" id="bgp-summary">{format!("{established} established · {not_established} not established")}</p>
        <table class="grid" id="sessions">
            <thead><tr><th>"State"</th><th>"Peer"</th><th>"Peer ASN"</th><th>"Local ASN"</th><th>"Over"</th><th>"Account"</th><th>"In state"</th><th>"Advertised"</th><th>"Learned"</th><th>"Flaps 24 h"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let mark = if r.state == "up" { "▲" } else if r.state == "down" { "▼" } else { "○" };
                    let flap_class = if r.flaps_24h > 0 { "warn-text" } else { "" };
                    let label = r.state_label();
                    view! {
                        <tr data-state=r.state.clone()>
                            <td><span class=format!("badge {}", r.state)>{format!("{mark} {label}")}</span>{r.reason.clone().map(|x| view! { <div class="reason">{x}</div> })}</td>
                            <td><a class="peer" href=format!("/bgp/peer?id={}", crate::url::encode(&r.id))><code>{r.peer_ip.clone().unwrap_or_else(|| r.id.clone())}</code></a></td>
                            <td>{r.peer_asn.map(|a| format!("AS{a}")).unwrap_or_default()}</td>
                            <td>{r.local_asn.map(|a| format!("AS{a}")).unwrap_or_default()}</td>
                            <td><code class="muted">{r.over.clone().unwrap_or_default()}</code></td>
                            <td>{cloud_label(&r.cloud)}<div class="muted">{format!("{} · {}", r.account, r.region)}</div></td>
                            <td>{uptime(&r)}</td>
                            <td>{r.advertised}</td>
                            <td>{r.learned}</td>
                            <td class=flap_class>{r.flaps_24h}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
