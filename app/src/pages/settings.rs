//! Settings: this browser's display preferences (stored in its session) and the system panel.
//! Cloud accounts, sync intervals, budgets and retention are admin pages; admins get links to
//! them here (others are told who manages them).

use crate::access::{Me, Role};
use crate::api::preferences::{Density, SetDensity};
use crate::api::session::get_me;
use crate::components::system_panel::SystemPanel;
use crate::root::DensityAction;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let DensityAction(action) = expect_context::<DensityAction>();
    let choose = move |density: Density| {
        action.dispatch(SetDensity { density });
    };
    let saved = move || match action.value().get() {
        Some(Ok(p)) => format!("Saved: {}", p.density.label()),
        Some(Err(e)) => format!("Not saved: {e}"),
        None => String::new(),
    };
    view! {
        <Title text="Settings"/>
        <section class="settings">
            <h1>"Settings"</h1>
            <section class="panel" aria-labelledby="display-title">
                <h2 id="display-title">"Display"</h2>
                <p>"Table density for this browser (kept in your session):"</p>
                <div class="segmented" role="group" aria-label="Density">
                    {[Density::Comfortable, Density::Compact]
                        .into_iter()
                        .map(|d| {
                            view! {
                                <button
                                    id=format!("density-{}", d.label().to_lowercase())
                                    on:click=move |_| choose(d)
                                >
                                    {d.label()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <output id="density-saved" aria-live="polite">{saved}</output>
            </section>
            <AdminLinks/>
            <SystemPanel/>
        </section>
    }
}

/// Where cloud accounts and sync settings are managed: links for admins, a note for others.
#[component]
fn AdminLinks() -> impl IntoView {
    let me = crate::resource::json_resource(|| (), |_| get_me());
    view! {
        <section class="panel" aria-labelledby="accounts-title">
            <h2 id="accounts-title">"Cloud accounts and sync"</h2>
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let me: Me = me.await.unwrap_or_default();
                    match me.may(Role::Admin) {
                        true => view! {
                            <ul id="settings-admin-links">
                                <li><a href="/admin/accounts">"Cloud accounts"</a>": add, test, edit and remove the accounts gatewatch syncs."</li>
                                <li><a href="/admin/sync">"Sync & retention"</a>": polling intervals, API call budgets, history retention."</li>
                            </ul>
                        }.into_any(),
                        false => view! {
                            <p class="muted">"Admins manage the cloud accounts, sync intervals and history retention."</p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
