//! The HTML shell and the router: every page of the product hangs off [`App`].

use crate::api::preferences::{get_preferences, Density, SetDensity};
use crate::components::nav::NavBar;
use crate::pages;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
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
    let prefs = Resource::new(move || set_density.version().get(), |_| get_preferences());
    // Effects never run during SSR, so this only flips once the WASM bundle has hydrated:
    // end-to-end tests wait on it before they click.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let density_class = move || {
        let density = prefs
            .get()
            .and_then(|p| p.ok())
            .map(|p| p.density)
            .unwrap_or(Density::Comfortable);
        format!("app {}", density.css_class())
    };

    view! {
        <Stylesheet id="leptos" href="/pkg/gatewatch.css"/>
        <Title formatter=|page: String| format!("{page} · gatewatch")/>
        <Router>
            <Transition fallback=|| ()>
                <div class=density_class data-hydrated=move || hydrated.get().to_string()>
                    <NavBar/>
                    <main class="content">
                        <Routes fallback=pages::not_found::NotFound>
                            <Route path=path!("/") view=pages::overview::OverviewPage/>
                            <Route path=path!("/connections") view=pages::planned::ConnectionsPage/>
                            <Route path=path!("/routes") view=pages::planned::RoutesPage/>
                            <Route path=path!("/bgp") view=pages::planned::BgpPage/>
                            <Route path=path!("/topology") view=pages::planned::TopologyPage/>
                            <Route path=path!("/history") view=pages::planned::HistoryPage/>
                            <Route path=path!("/wall") view=pages::planned::WallPage/>
                            <Route path=path!("/settings") view=pages::settings::SettingsPage/>
                        </Routes>
                    </main>
                </div>
            </Transition>
        </Router>
    }
}
