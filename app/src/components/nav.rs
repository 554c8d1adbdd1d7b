//! The product's navigation: one entry per page, the current one marked for screen readers.

use leptos::prelude::*;
use leptos_router::components::A;

/// (path, label) of every page, in the order engineers reach for them.
pub const NAV_ITEMS: [(&str, &str); 9] = [
    ("/", "Overview"),
    ("/connections", "Connections"),
    ("/gateways", "Gateways"),
    ("/routes", "Routes"),
    ("/bgp", "BGP"),
    ("/topology", "Topology"),
    ("/history", "History"),
    ("/wall", "Wall"),
    ("/settings", "Settings"),
];

#[component]
pub fn NavBar() -> impl IntoView {
    // A wall is a screen of its own: no navigation (its viewers cannot use it anyway).
    let on_wall = leptos_router::hooks::use_location()
        .pathname
        .get_untracked()
        .starts_with("/wall/");
    (!on_wall).then(|| {
        view! {
            <header class="topbar">
                <a class="brand" href="/">"gatewatch"</a>
                <nav aria-label="Main">
                    <ul>
                        {NAV_ITEMS
                            .iter()
                            .map(|(href, label)| {
                                view! {
                                    <li>
                                        <A href=*href exact=true>{*label}</A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <crate::components::user_menu::UserMenu/>
            </header>
        }
    })
}
