//! The HTML shell and the router: every page of the product hangs off [`App`].

use crate::api::preferences::{Preferences, SetDensity};
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
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The density action is shared through context so the settings page can change what the
/// root renders without a reload.
#[derive(Clone, Copy)]
pub struct DensityAction(pub ServerAction<SetDensity>);

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let set_density = ServerAction::<SetDensity>::new();
    provide_context(DensityAction(set_density));
    crate::components::live::provide_live_updates();
    // The preferences the server read from the session before rendering, serialised into the
    // page so hydration starts from the same value (no flash, no mismatch).
    let initial = SharedValue::new(initial_preferences).into_inner();
    // Effects never run during SSR, so this only flips once the WASM bundle has hydrated:
    // end-to-end tests wait on it before they click.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let density_class = move || {
        let density = match set_density.value().get() {
            Some(Ok(prefs)) => prefs.density,
            _ => initial.density,
        };
        format!("app {}", density.css_class())
    };

    // Every route renders with SsrMode::Async: the server waits for the page's data and sends
    // complete HTML, so pages read without JavaScript (a NOC browser, curl, a screen reader
    // before hydration) instead of streaming placeholders that need JS to fill in.
    view! {
        <Stylesheet id="leptos" href="/pkg/gatewatch.css"/>
        <Title formatter=|page: String| format!("{page} · gatewatch")/>
        <Router>
            <div class=density_class data-hydrated=move || hydrated.get().to_string()>
                    <NavBar/>
                    <main class="content">
                        <crate::components::form_notice::FormNotice/>
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
                    </main>
            </div>
        </Router>
    }
}

/// On the server: what the session middleware found for this request.
#[cfg(feature = "ssr")]
fn initial_preferences() -> Preferences {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Preferences>().copied())
        .unwrap_or_default()
}

/// In the browser this is never called: the value comes from the server's serialisation.
#[cfg(not(feature = "ssr"))]
fn initial_preferences() -> Preferences {
    Preferences::default()
}
