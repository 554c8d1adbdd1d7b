//! The NOC wall at `/wall/<token>`: big, dark, worst-first tiles per site and region, the last
//! 30 minutes of changes (flashing), a "data as of / next refresh" banner that turns into a
//! warning when the data is stale. It updates itself over server-sent events and, with
//! `?rotate=SECONDS`, cycles through its views like a playlist.

use crate::api::wall::{get_wall, WallView};
use crate::components::wall_tiles::{ChangeFeed, RegionTiles, SiteTiles};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::time::Duration;

const VIEWS: [&str; 3] = ["sites", "regions", "changes"];

/// `/wall` without a token: how walls work, for whoever clicked the navigation entry.
#[component]
pub fn WallIndexPage() -> impl IntoView {
    view! {
        <Title text="Wall"/>
        <section class="planned">
            <h1>"Wall"</h1>
            <p class="lead">
                "A wall is a read-only, self-updating screen for the network operations centre. "
                "It needs no sign-in: each screen opens a link with its own token, scoped to clouds, "
                "accounts, regions or sites, with an expiry, revocable at any time."
            </p>
            <p>"Admins create wall links under " <a href="/admin/walls">"Admin → Wall tokens"</a> "."</p>
        </section>
    }
}

#[component]
pub fn WallPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let rotate = query
        .read_untracked()
        .get("rotate")
        .and_then(|s| s.parse::<u64>().ok())
        .map(|s| s.clamp(5, 3600));
    let wall = crate::resource::json_resource(token, get_wall);
    let view_class = match rotate {
        Some(_) => format!("wall show-{}", VIEWS[0]),
        None => "wall".to_string(),
    };
    // `data-live` follows the event stream's state (set by the live-update island).
    view! {
        <Title text="Wall"/>
        <section class=view_class id="wall" data-live="connecting" data-live-status="">
            {rotate.map(|seconds| view! { <WallRotation seconds/> })}
            <Transition fallback=|| view! { <p class="loading">"Loading the wall…"</p> }>
                {move || Suspend::new(async move {
                    match wall.await {
                        Ok(w) => view! { <WallBody wall=w/> }.into_any(),
                        Err(e) => view! {
                            <div class="wall-refused" id="wall-refused" role="alert">
                                <h1>"This wall is not available"</h1>
                                <p>{e.to_string()}</p>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// `?rotate=SECONDS`: cycles the wall through its views like a playlist.
#[island]
fn WallRotation(seconds: u64) -> impl IntoView {
    Effect::new(move |_| {
        let shown = StoredValue::new(0usize);
        let _ = set_interval_with_handle(
            move || {
                shown.update_value(|i| *i = (*i + 1) % VIEWS.len());
                if let Some(wall) = document().get_element_by_id("wall") {
                    wall.set_class_name(&format!("wall show-{}", VIEWS[shown.get_value()]));
                }
            },
            Duration::from_secs(seconds),
        );
    });
}

#[component]
fn WallBody(wall: WallView) -> impl IntoView {
    let banner_class = if wall.stale.is_some() {
        "wall-banner stale"
    } else {
        "wall-banner"
    };
    let as_of = wall
        .as_of
        .map(|t| format!("Data as of {} UTC", t.format("%H:%M:%S")))
        .unwrap_or_else(|| "No data synced yet".into());
    let next = wall
        .next_refresh
        .map(|t| format!(" · next refresh {} UTC", t.format("%H:%M:%S")))
        .unwrap_or_default();
    view! {
        <header class="wall-head">
            <h1>{wall.title}</h1>
            <span class="muted">{wall.scope}</span>
            <span class="live" id="wall-live" data-live-label="">"connecting"</span>
        </header>
        <p class=banner_class id="wall-banner" role="status">
            <strong>{as_of}</strong>{next}
            {wall.stale.map(|s| view! { <span class="warning">{format!(" · STALE: {s}")}</span> })}
        </p>
        <SiteTiles sites=wall.sites/>
        <RegionTiles regions=wall.regions/>
        <ChangeFeed changes=wall.changes now=wall.generated_at/>
    }
}
