//! Pages whose data arrives with the sync engine. Until then each says plainly what it will
//! show, so the navigation of the final product is already in place.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
fn Planned(
    title: &'static str,
    summary: &'static str,
    items: &'static [&'static str],
) -> impl IntoView {
    view! {
        <Title text=title/>
        <section class="planned">
            <h1>{title}</h1>
            <p class="lead">{summary}</p>
            <p class="notice">
                "No cloud data is stored yet: this page fills once the sync engine has "
                "crawled an account."
            </p>
            <ul>{items.iter().map(|i| view! { <li>{*i}</li> }).collect_view()}</ul>
        </section>
    }
}

#[component]
pub fn WallPage() -> impl IntoView {
    view! {
        <Planned
            title="Wall"
            summary="The read-only NOC view for a big screen, opened with a scoped wall token."
            items=&[
                "big worst-first tiles per site and region, recent changes flashing",
                "a banner with the age of the data that warns when it is stale",
            ]
        />
    }
}
