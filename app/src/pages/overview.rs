//! Overview: where is something broken, and how fresh is what I see? Worst-first roll-ups per
//! account and region and per site, the latest state changes, and the system panel. Updates
//! itself when the sync stores new data (server-sent events), and every 10 s besides, so the
//! age of the data and the sync progress move even when nothing new arrives.

use crate::api::overview::{get_overview, Overview};
use crate::components::island_net::answer_in_place;
use crate::components::live_swap::refresh_soon;
use crate::components::rollups::{ChangeList, RegionTable, SiteTable};
use crate::components::system_panel::SystemPanel;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let overview = crate::resource::json_resource(|| (), |_| get_overview());
    view! {
        <Title text="Overview"/>
        <section class="overview">
            <div class="title-row">
                <h1>"Overview"</h1>
                <RefreshNowForm/>
            </div>
            <Transition fallback=|| view! { <p class="loading">"Loading the overview…"</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(o) => view! { <OverviewBody overview=o/> }.into_any(),
                        Err(e) => view! { <p class="error">{format!("The overview is unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
            <SystemPanel/>
        </section>
    }
}

/// "Refresh now": schedules every sync job at once, answered in place.
#[island]
fn RefreshNowForm() -> impl IntoView {
    let shown = RwSignal::new(String::new());
    let on_submit = answer_in_place::<u64>(
        move || shown.set("scheduling…".into()),
        move |answer| {
            shown.set(match answer {
                Ok(n) => format!("{n} sync jobs scheduled now"),
                Err(e) => format!("not refreshed: {e}"),
            });
            refresh_soon();
        },
    );
    view! {
        <form class="inline-form" method="post" action="/api/sync/refresh" on:submit=on_submit>
            <button id="refresh-now" type="submit">"Refresh now"</button>
            <output id="refresh-result" aria-live="polite">{move || shown.get()}</output>
        </form>
    }
}

#[component]
fn OverviewBody(overview: Overview) -> impl IntoView {
    let Overview {
        regions,
        sites,
        changes,
        sync,
        as_of,
        generated_at,
    } = overview;
    let stale = regions.iter().filter(|r| r.stale).count();
    let banner_class = if stale > 0 { "banner warn" } else { "banner" };
    let as_of_text = match as_of {
        Some(t) => format!("Data as of {} UTC", t.format("%Y-%m-%d %H:%M:%S")),
        None => "No data synced yet".to_string(),
    };
    let stale_text = (stale > 0)
        .then(|| format!(" · {stale} region(s) stale: their last sync is too old or failing"));
    let sync_text = sync.map(|s| {
        let eta = s.eta_secs.filter(|_| s.running + s.queued > 0).map(|e| format!(", about {e:.0} s left")).unwrap_or_default();
        format!(
            "Sync: {} running, {} queued{eta} · {} jobs done, {} failed · {} API calls, {} throttled",
            s.running, s.queued, s.succeeded, s.failed, s.calls, s.throttled
        )
    });
    view! {
        <div class=banner_class id="freshness" role="status">
            <strong>{as_of_text}</strong>
            {stale_text}
            <span class="muted">{format!(" · page built {} UTC", generated_at.format("%H:%M:%S"))}</span>
            {sync_text.map(|t| view! { <div class="sync-line" id="sync-progress">{t}</div> })}
        </div>
        <RegionTable regions=regions/>
        <SiteTable sites=sites/>
        <ChangeList changes=changes/>
    }
}
