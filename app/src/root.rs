//! The HTML shell and the router: every page of the product hangs off [`App`].

use crate::api::preferences::Preferences;
use crate::components::nav::NavBar;
use crate::pages;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::csp::apply();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // The preferences the server read from the session before rendering.
    let density_class = format!("app {}", initial_preferences().density.css_class());

    // Every route renders with SsrMode::Async: the server waits for the page's data and sends
    // complete HTML, so pages read without JavaScript (a NOC browser, curl, a screen reader
    // before hydration) instead of streaming placeholders that need JS to fill in.
    view! {
        <Stylesheet id="leptos" href="/pkg/gatewatch.css"/>
        <Title formatter=|page: String| format!("{page} · gatewatch")/>
        <Router>
            // `data-hydrated` turns true once the islands are live (set by the live-update island):
            // end-to-end tests wait on it before they click.
            <div class=density_class data-hydrated="false">
                    <NavBar/>
                    <main class="content">
                        <crate::components::form_notice::FormNotice/>
                        // Where the islands' forms answer (outside the live region below, so
                        // an answer stays while the page's data refreshes).
                        <div id="form-status" class="form-status" role="status" aria-live="polite"></div>
                        <crate::components::live_regions::LiveRegions/>
                        <div id="page" data-live-region="">
                        <Routes fallback=pages::not_found::NotFound>
                            <Route path=path!("/") ssr=SsrMode::Async view=pages::overview::OverviewPage/>
                            <Route path=path!("/connections") ssr=SsrMode::Async view=pages::connections::ConnectionsPage/>
                            <Route path=path!("/connections/:id") ssr=SsrMode::Async view=pages::connection::ConnectionPage/>
                            <Route path=path!("/gateways") ssr=SsrMode::Async view=pages::gateways::GatewaysPage/>
                            <Route path=path!("/routes") ssr=SsrMode::Async view=pages::routes::RoutesPage/>
                            <Route path=path!("/bgp") ssr=SsrMode::Async view=pages::bgp::BgpPage/>
                            <Route path=path!("/bgp/peer") ssr=SsrMode::Async view=pages::bgp_peer::BgpPeerPage/>
                            <Route path=path!("/topology") ssr=SsrMode::Async view=pages::topology::TopologyPage/>
                            <Route path=path!("/history") ssr=SsrMode::Async view=pages::history::HistoryPage/>
                            <Route path=path!("/history/diff") ssr=SsrMode::Async view=pages::history_diff::HistoryDiffPage/>
                            <Route path=path!("/wall") ssr=SsrMode::Async view=pages::wall::WallIndexPage/>
                            <Route path=path!("/wall/:token") ssr=SsrMode::Async view=pages::wall::WallPage/>
                            <Route path=path!("/login") ssr=SsrMode::Async view=pages::login::LoginPage/>
                            <Route path=path!("/setup") ssr=SsrMode::Async view=pages::login::SetupPage/>
                            <Route path=path!("/admin/users") ssr=SsrMode::Async view=pages::admin::users::UsersPage/>
                            <Route path=path!("/admin/walls") ssr=SsrMode::Async view=pages::admin::walls::WallTokensPage/>
                            <Route path=path!("/admin/api-tokens") ssr=SsrMode::Async view=pages::admin::api_tokens::ApiTokensPage/>
                            <Route path=path!("/admin/accounts") ssr=SsrMode::Async view=pages::admin::accounts::AccountsPage/>
                            <Route path=path!("/admin/sync") ssr=SsrMode::Async view=pages::admin::sync::SyncSettingsPage/>
                            <Route path=path!("/admin/alerts") ssr=SsrMode::Async view=pages::admin::alerts::AlertsPage/>
                            <Route path=path!("/admin/audit") ssr=SsrMode::Async view=pages::admin::audit::AuditPage/>
                            <Route path=path!("/settings") ssr=SsrMode::Async view=pages::settings::SettingsPage/>
                        </Routes>
                        </div>
                    </main>
            </div>
        </Router>
    }
}

/// On the server: what the session middleware found for this request. (The root renders on
/// the server only: in the browser only islands run.)
fn initial_preferences() -> Preferences {
    #[cfg(feature = "ssr")]
    return use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Preferences>().copied())
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    Preferences::default()
}
