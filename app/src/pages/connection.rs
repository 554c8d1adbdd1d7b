//! Connection detail: configuration (PSK redacted), both tunnels, BGP, health checks, the
//! routes into it, and its state timeline with the flap count.

use crate::access::{Me, Role};
use crate::api::connection_detail::{get_connection, ConnectionDetail, Part};
use crate::api::session::get_me;
use crate::components::operator_actions::{ConnectionActions, Subject};
use crate::components::operator_routes::RouteControls;
use crate::components::rollups::cloud_label;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ConnectionPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let data = crate::resource::json_resource(move || id.get(), get_connection);
    // Operators and admins get the action buttons (the server checks the role again).
    let me = crate::resource::json_resource(|| (), |_| get_me());
    view! {
        <Title text="Connection"/>
        <section class="connection-detail">
            <p><a href="/connections">"← All connections"</a></p>
            <Transition fallback=|| view! { <p class="loading">"Loading the connection…"</p> }>
                {move || Suspend::new(async move {
                    let operator = me.await.unwrap_or_else(|_| Me::default()).may(Role::Operator);
                    match data.await {
                        Ok(d) => view! { <Detail detail=d operator=operator/> }.into_any(),
                        Err(e) => view! { <h1>"Connection"</h1><p class="error">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Facts(part: Part) -> impl IntoView {
    view! {
        <div class="part" data-kind=part.kind.clone()>
            <h3>
                {part.name.clone().unwrap_or_else(|| part.id.clone())} " "
                <span class=format!("badge {}", part.state)>{part.raw_state.clone().unwrap_or_else(|| part.state.clone())}</span>
            </h3>
            <p class="muted">{format!("{} since {} UTC", part.state, part.since.format("%Y-%m-%d %H:%M"))}</p>
            {part.reason.clone().map(|r| view! { <p class="reason">{r}</p> })}
            {(!part.facets.is_empty()).then(|| view! {
                <p>{part.facets.iter().map(|(f, s)| view! { <span class=format!("badge {s}")>{format!("{} {s}", f.to_uppercase())}</span> }).collect_view()}</p>
            })}
            <dl class="facts">
                {part.attrs.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
        </div>
    }
}

/// What an operator sees on a Huawei Cloud connection instead of buttons its API would refuse
/// (the server refuses them too, with the same reasons).
#[component]
fn HuaweiHasNoSuchActions() -> impl IntoView {
    view! {
        <p class="muted" id="operator-not-offered">
            "Huawei Cloud never returns a connection's pre-shared key (it can only be set), and its "
            "peer-configuration export is not part of its public VPN API: copy the settings below."
        </p>
    }
}

#[component]
fn Detail(detail: ConnectionDetail, operator: bool) -> impl IntoView {
    let ConnectionDetail {
        cloud,
        account,
        region,
        connection,
        tunnels,
        bgp,
        health,
        routes,
        vpn_routes,
        timeline,
        flaps_24h,
    } = detail;
    let title = connection
        .name
        .clone()
        .unwrap_or_else(|| connection.id.clone());
    // Huawei Cloud's API has none of the operator actions (PSK, peer config, route writes).
    let actions_offered = cloud != "huawei";
    let subject = Subject {
        id: connection.id.clone(),
        name: connection.name.clone(),
        account: account.clone(),
        region: region.clone(),
    };
    view! {
        <h1 id="connection-title">{title}</h1>
        <p class="lead">{format!("{} · {account} · {region} · ", cloud_label(&cloud))} <code>{connection.id.clone()}</code>
            {format!(" · {flaps_24h} state change(s) in 24 h")}</p>
        <section class="panel" id="configuration"><h2>"Configuration"</h2>
            {match (operator, actions_offered) {
                (true, false) => view! { <HuaweiHasNoSuchActions/> }.into_any(),
                (true, true) => view! { <ConnectionActions subject=subject.clone()/> }.into_any(),
                (false, _) => ().into_any(),
            }}
            <Facts part=connection/>
        </section>
        <section class="panel" id="tunnels"><h2>"Tunnels"</h2>
            <div class="side-by-side">{tunnels.into_iter().map(|t| view! { <Facts part=t/> }).collect_view()}</div>
        </section>
        {(!bgp.is_empty()).then(|| view! {
            <section class="panel" id="bgp"><h2>"BGP"</h2><div class="side-by-side">{bgp.into_iter().map(|b| view! { <Facts part=b/> }).collect_view()}</div></section>
        })}
        {(!health.is_empty()).then(|| view! {
            <section class="panel" id="health"><h2>"Health checks"</h2>{health.into_iter().map(|h| view! { <Facts part=h/> }).collect_view()}</section>
        })}
        <section class="panel" id="routes-in"><h2>"Routes into this connection"</h2>
            {if routes.is_empty() { view! { <p class="empty">"No route points at this connection."</p> }.into_any() }
             else { view! { <ul>{routes.into_iter().map(|r| view! { <li><code>{r}</code></li> }).collect_view()}</ul> }.into_any() }}
            {(!vpn_routes.is_empty()).then(|| view! {
                <h3>"VPN gateway routes"</h3>
                <RouteControls subject=subject.clone() routes=vpn_routes operator=operator && actions_offered/>
            })}
        </section>
        <section class="panel" id="timeline"><h2>"Timeline"</h2>
            {if timeline.is_empty() { view! { <p class="empty">"No state change recorded yet."</p> }.into_any() }
             else { view! {
                <ul class="changes">{timeline.into_iter().map(|t| view! {
                    <li><time>{t.at.format("%m-%d %H:%M:%S").to_string()}</time> " "
                        <span class=format!("badge {}", t.new_state)>{format!("{} → {}", t.old_state.unwrap_or_else(|| "?".into()), t.new_state)}</span>
                        {format!(" {} {} {}", t.kind.replace('_', " "), if t.facet == "main" { String::new() } else { t.facet.to_uppercase() }, t.id)}
                        {t.reason.map(|r| view! { <span class="muted">{format!(" — {r}")}</span> })}</li>
                }).collect_view()}</ul>
             }.into_any() }}
        </section>
    }
}
