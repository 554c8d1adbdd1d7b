//! The friendly 404 page: says what was asked for and where to go instead.

use crate::components::nav::NAV_ITEMS;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFound() -> impl IntoView {
    // Tell axum to answer 404, so crawlers and scripts see the truth, not a 200.
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        resp.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let path = use_location().pathname;
    view! {
        <Title text="Not found"/>
        <section class="not-found">
            <h1>"Nothing here"</h1>
            <p>"gatewatch has no page at " <code>{move || path.get()}</code> "."</p>
            <p>"You may be looking for one of these:"</p>
            <ul class="page-list">
                {NAV_ITEMS
                    .iter()
                    .map(|(href, label)| view! { <li><a href=*href>{*label}</a></li> })
                    .collect_view()}
            </ul>
        </section>
    }
}
