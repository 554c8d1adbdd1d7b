//! Settings: this browser's display preferences (stored in its session) and the system panel.
//! Cloud accounts, users and wall tokens join this page with their issues.

use crate::api::preferences::{Density, SetDensity};
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
            <SystemPanel/>
        </section>
    }
}
