//! Operator controls of the connection page: reveal the pre-shared key, download the peer
//! configuration, and per VPN route publish / withdraw and weight. Shown only to operators
//! and admins (the server checks again). Every action first opens a confirmation that names
//! the resource; its result (pending, error, done) shows under the buttons.
//!
//! Each island ([`ConnectionActions`], and the route controls) holds its own [`OperatorUi`];
//! a live refresh of the page keeps an island whose server rendering did not change, so an
//! open question or a revealed key survives it. A revealed key exists only in the browser's
//! memory: it is never part of a server-rendered page or of an island's props, and it is
//! dropped when the page is left.

use crate::api::connection_detail::VpnRoute;
use crate::api::operator::{
    DownloadPeerConfig, PeerConfigFile, PublishRoute, RevealPsk, RevealedPsk, SetRouteWeight,
};
use crate::components::island_net::FetchAction;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The resource an action is about, as the confirmation names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Subject {
    pub id: String,
    pub name: Option<String>,
    pub account: String,
    pub region: String,
}

impl Subject {
    fn named(&self) -> String {
        match &self.name {
            Some(n) if *n != self.id => format!("{} ({n})", self.id),
            _ => self.id.clone(),
        }
    }
}

/// What the open confirmation would do.
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    RevealPsk,
    PeerConfig,
    Publish { route: VpnRoute, publish: bool },
    Weight { route: VpnRoute, weight: u32 },
}

/// The page's operator state: the open question and one action per kind.
#[derive(Clone, Copy)]
pub struct OperatorUi {
    pub asking: RwSignal<Option<Ask>>,
    pub reveal: FetchAction<RevealedPsk>,
    pub peer_config: FetchAction<PeerConfigFile>,
    pub publish: FetchAction<String>,
    pub weight: FetchAction<String>,
}

impl OperatorUi {
    pub fn new() -> Self {
        let ui = OperatorUi {
            asking: RwSignal::new(None),
            reveal: FetchAction::new::<RevealPsk>(),
            peer_config: FetchAction::new::<DownloadPeerConfig>(),
            publish: FetchAction::new::<PublishRoute>(),
            weight: FetchAction::new::<SetRouteWeight>(),
        };
        // Leaving the page forgets the revealed key (and the downloaded text).
        on_cleanup(move || {
            ui.reveal.value().try_set(None);
            ui.peer_config.value().try_set(None);
        });
        crate::components::operator_download::save_when_downloaded(ui.peer_config);
        ui
    }
}

impl Default for OperatorUi {
    fn default() -> Self {
        Self::new()
    }
}

fn route_name(r: &VpnRoute) -> String {
    match &r.source_cidr {
        Some(src) => format!("{src} → {}", r.destination),
        None => r.destination.clone(),
    }
}

fn question(ask: &Ask, s: &Subject) -> String {
    let place = format!("in account {} / region {}", s.account, s.region);
    match ask {
        Ask::RevealPsk => format!("Reveal the pre-shared key of connection {} {place}?", s.named()),
        Ask::PeerConfig => format!(
            "Download the peer configuration (it contains the pre-shared key) of connection {} {place}?",
            s.named()
        ),
        Ask::Publish { route, publish: true } => format!(
            "Publish the VPN route {} of connection {} into the VPC's route table {place}?",
            route_name(route),
            s.named()
        ),
        Ask::Publish { route, .. } => format!(
            "Withdraw the VPN route {} of connection {} from the VPC's route table {place}?",
            route_name(route),
            s.named()
        ),
        Ask::Weight { route, weight } => format!(
            "Change the weight of the VPN route {} of connection {} from {} to {weight} {place}?",
            route_name(route),
            s.named(),
            route.weight.map(|w| w.to_string()).unwrap_or_else(|| "?".into())
        ),
    }
}

fn run(ui: OperatorUi, ask: Ask, connection_id: String) {
    match ask {
        Ask::RevealPsk => ui.reveal.dispatch(vec![("connection_id", connection_id)]),
        Ask::PeerConfig => ui
            .peer_config
            .dispatch(vec![("connection_id", connection_id)]),
        Ask::Publish { route, publish } => {
            // One outcome line for route writes: the newest.
            ui.weight.value().set(None);
            ui.publish.dispatch(vec![
                ("connection_id", connection_id),
                ("route", route.key),
                ("publish", publish.to_string()),
            ]);
        }
        Ask::Weight { route, weight } => {
            ui.publish.value().set(None);
            ui.weight.dispatch(vec![
                ("connection_id", connection_id),
                ("route", route.key),
                ("weight", weight.to_string()),
            ]);
        }
    }
}

/// The confirmation: names the resource, then runs the action or does nothing.
#[component]
pub fn ConfirmAction(ui: OperatorUi, subject: Subject) -> impl IntoView {
    let subject = StoredValue::new(subject);
    move || {
        ui.asking.get().map(|ask| {
            let text = question(&ask, &subject.get_value());
            let confirm = move |_| {
                ui.asking.set(None);
                run(ui, ask.clone(), subject.get_value().id);
            };
            view! {
                <div class="confirm" role="dialog" aria-modal="true" aria-labelledby="confirm-text" id="confirm-action">
                    <p id="confirm-text">{text}</p>
                    <button id="confirm-yes" class="danger" on:click=confirm>"Confirm"</button>
                    " "
                    <button id="confirm-no" on:click=move |_| ui.asking.set(None)>"Cancel"</button>
                </div>
            }
        })
    }
}

/// "Reveal PSK" and "Download peer config" with their results, and the confirmation they ask.
#[island]
pub fn ConnectionActions(subject: Subject) -> impl IntoView {
    let ui = OperatorUi::new();
    let ask = move |a: Ask| move |_| ui.asking.set(Some(a.clone()));
    let revealed = move || {
        match ui.reveal.value().get() {
        Some(Ok(r)) => view! {
            <div id="psk-result">
                {r.keys.into_iter().map(|k| view! {
                    <label class="psk">{format!("PSK of the {} ", k.scope)}
                        <input class="psk-value" readonly type="text" autocomplete="off" value=k.value/>
                    </label>
                }).collect_view()}
                <button id="psk-hide" on:click=move |_| ui.reveal.value().set(None)>"Hide"</button>
            </div>
        }.into_any(),
        Some(Err(e)) => view! { <p class="error" id="psk-error">{e.to_string()}</p> }.into_any(),
        None => ().into_any(),
    }
    };
    let downloaded = move || match ui.peer_config.value().get() {
        Some(Ok(f)) => view! {
            <p id="peer-config-done">{format!(
                "Saved {} ({}, downloaded {} UTC).",
                f.file_name,
                if f.from_vault { "from the vault" } else { "fresh from the cloud" },
                f.fetched_at.format("%Y-%m-%d %H:%M")
            )}</p>
        }
        .into_any(),
        Some(Err(e)) => {
            view! { <p class="error" id="peer-config-error">{e.to_string()}</p> }.into_any()
        }
        None => ().into_any(),
    };
    view! {
        <ConfirmAction ui=ui subject=subject/>
        <p class="operator-buttons">
            <button id="reveal-psk" on:click=ask(Ask::RevealPsk) disabled=move || ui.reveal.pending().get()>
                {move || if ui.reveal.pending().get() { "Revealing…" } else { "Reveal PSK" }}
            </button>
            " "
            <button id="download-peer-config" on:click=ask(Ask::PeerConfig) disabled=move || ui.peer_config.pending().get()>
                {move || if ui.peer_config.pending().get() { "Downloading…" } else { "Download peer config" }}
            </button>
        </p>
        {revealed}
        {downloaded}
    }
}
