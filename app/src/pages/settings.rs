//! Settings: this browser's display preferences (stored in its session) and the system panel.
//! Cloud accounts, sync intervals, budgets and retention are admin pages; admins get links to
//! them here (others are told who manages them).

use crate::access::{Me, Role};
use crate::api::preferences::{Density, Preferences, SetDensity};
use crate::api::session::get_me;
use crate::components::island_net::answer_in_place;
use crate::components::server_form::url_of;
use crate::components::system_panel::SystemPanel;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Title text="Settings"/>
        <section class="settings">
            <h1>"Settings"</h1>
            <section class="panel" aria-labelledby="display-title">
                <h2 id="display-title">"Display"</h2>
                <p>"Table density for this browser (kept in your session):"</p>
                <DensityChoice/>
            </section>
            <AdminLinks/>
            <SystemPanel/>
        </section>
    }
}

/// One form per density: a plain post without JavaScript (the page comes back in the new
/// density); answered in place by the island, which sets the page's class at once.
#[island]
fn DensityChoice() -> impl IntoView {
    let saved = RwSignal::new(String::new());
    let on_submit = answer_in_place::<Preferences>(
        || {},
        move |answer| match answer {
            Ok(p) => {
                #[cfg(not(feature = "ssr"))]
                if let Some(app) = document().query_selector(".app").ok().flatten() {
                    let class = app.class_name();
                    let kept: Vec<&str> = class
                        .split_whitespace()
                        .filter(|c| !c.starts_with("density-"))
                        .collect();
                    app.set_class_name(&format!("{} {}", kept.join(" "), p.density.css_class()));
                }
                saved.set(format!("Saved: {}", p.density.label()));
            }
            Err(e) => saved.set(format!("Not saved: {e}")),
        },
    );
    view! {
        <div class="segmented" role="group" aria-label="Density">
            {[Density::Comfortable, Density::Compact]
                .into_iter()
                .map(|d| {
                    view! {
                        <form class="inline-form" method="post" action={url_of::<SetDensity>()} on:submit=on_submit.clone()>
                            <input type="hidden" name="density" value=format!("{d:?}")/>
                            <button type="submit" id=format!("density-{}", d.label().to_lowercase())>{d.label()}</button>
                        </form>
                    }
                })
                .collect_view()}
        </div>
        <output id="density-saved" aria-live="polite">{move || saved.get()}</output>
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
