//! The VPN routes into a connection, with an operator's publish / withdraw and weight
//! buttons (each asks for confirmation first, see [`super::operator_actions`]).

use super::operator_actions::{Ask, ConfirmAction, OperatorUi, Subject};
use crate::api::connection_detail::VpnRoute;
use leptos::prelude::*;

#[island]
pub fn RouteControls(subject: Subject, routes: Vec<VpnRoute>, operator: bool) -> impl IntoView {
    let ui = OperatorUi::new();
    let busy = move || ui.publish.pending().get() || ui.weight.pending().get();
    let row = move |r: VpnRoute| {
        let publish = !r.published;
        let other_weight = if r.weight == Some(100) { 0 } else { 100 };
        let ask_publish = Ask::Publish {
            route: r.clone(),
            publish,
        };
        let ask_weight = Ask::Weight {
            route: r.clone(),
            weight: other_weight,
        };
        view! {
            <tr data-route=r.key.clone()>
                <td><code>{match &r.source_cidr { Some(s) => format!("{s} → {}", r.destination), None => r.destination.clone() }}</code></td>
                <td class="route-state">{if r.published { "published" } else { "not published" }}</td>
                <td class="route-weight">{r.weight.map(|w| w.to_string()).unwrap_or_else(|| "—".into())}</td>
                {operator.then(|| view! {
                    <td>
                        <button class="route-publish" disabled=busy
                            on:click=move |_| ui.asking.set(Some(ask_publish.clone()))>
                            {if publish { "Publish" } else { "Withdraw" }}
                        </button>
                        " "
                        <button class="route-weight-set" disabled=move || busy() || r.weight.is_none()
                            on:click=move |_| ui.asking.set(Some(ask_weight.clone()))>
                            {format!("Weight → {other_weight}")}
                        </button>
                    </td>
                })}
            </tr>
        }
    };
    let outcome = move || {
        let last = ui.publish.value().get().or_else(|| ui.weight.value().get());
        if busy() {
            return view! { <p class="muted" id="route-pending">"Asking the cloud…"</p> }
                .into_any();
        }
        match last {
            Some(Ok(msg)) => view! {
                <p id="route-done">{format!("{msg}. The page updates after the next sync of this region.")}</p>
            }
            .into_any(),
            Some(Err(e)) => view! { <p class="error" id="route-error">{e.to_string()}</p> }.into_any(),
            None => ().into_any(),
        }
    };
    view! {
        {operator.then(|| view! { <ConfirmAction ui=ui subject=subject/> })}
        <table class="vpn-routes">
            <thead><tr><th>"Route"</th><th>"VPC"</th><th>"Weight"</th>{operator.then(|| view! { <th>"Operator"</th> })}</tr></thead>
            <tbody>{routes.into_iter().map(row).collect_view()}</tbody>
        </table>
        {operator.then_some(outcome)}
    }
}
