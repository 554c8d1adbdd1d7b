//! Overview: the first page an engineer sees. Until the sync engine stores cloud data it shows
//! the health of gatewatch itself, read from PostgreSQL.

use crate::components::system_panel::SystemPanel;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OverviewPage() -> impl IntoView {
    view! {
        <Title text="Overview"/>
        <section class="overview">
            <h1>"Overview"</h1>
            <p class="lead">
                "Worst-first roll-ups of connections and BGP sessions per cloud, account, region "
                "and site appear here once a cloud account has been crawled."
            </p>
            <SystemPanel/>
        </section>
    }
}
