//! The wall's tiles: one per site and per region, worst first, readable from across a room
//! (state as a word and a symbol as well as a colour), and the feed of recent changes.

use crate::api::overview::{RecentChange, RegionRollup};
use crate::api::wall::SiteTile;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// (css class, symbol, word) for a count of `bad` out of `total`.
fn health(bad: i64, total: i64) -> (&'static str, &'static str, &'static str) {
    match (bad, total) {
        (_, 0) => ("tile-empty", "○", "no tunnels"),
        (0, _) => ("tile-up", "✔", "up"),
        (b, t) if b == t => ("tile-down", "✖", "down"),
        _ => ("tile-partial", "▲", "degraded"),
    }
}

#[component]
pub fn SiteTiles(sites: Vec<SiteTile>) -> impl IntoView {
    view! {
        <section class="wall-panel wall-sites" aria-label="Sites">
            <h2>"Sites"</h2>
            {if sites.is_empty() {
                view! { <p class="empty">"No sites in this wall's scope."</p> }.into_any()
            } else {
                view! {
                    <ul class="tiles">
                        {sites.into_iter().map(|s| {
                            let (class, symbol, word) = health(s.tunnels - s.tunnels_up, s.tunnels);
                            let flash = if s.recent_change { " flash" } else { "" };
                            let key = s.site.clone();
                            view! {
                                <li class=format!("tile {class}{flash}") data-site=key>
                                    <span class="tile-name">{s.site}</span>
                                    <span class="tile-count">{format!("{symbol} {}/{}", s.tunnels_up, s.tunnels)}</span>
                                    <span class="tile-word">{format!("{word} · tunnels up · {}", s.clouds.join(" + "))}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn RegionTiles(regions: Vec<RegionRollup>) -> impl IntoView {
    view! {
        <section class="wall-panel wall-regions" aria-label="Regions">
            <h2>"Regions"</h2>
            {if regions.is_empty() {
                view! { <p class="empty">"No regions in this wall's scope."</p> }.into_any()
            } else {
                view! {
                    <ul class="tiles">
                        {regions.into_iter().map(|r| {
                            let c = r.connections;
                            let (class, symbol, word) = health(c.down + c.partial, c.total());
                            let stale = if r.stale || r.last_error.is_some() { " tile-stale" } else { "" };
                            view! {
                                <li class=format!("tile {class}{stale}") data-region=r.region.clone() data-account=r.account.clone()>
                                    <span class="tile-name">{format!("{} · {}", r.account, r.region)}</span>
                                    <span class="tile-count">{format!("{symbol} {} up · {} down", c.up, c.down + c.partial)}</span>
                                    <span class="tile-word">{format!("{word} · BGP {} of {} established", r.bgp.up, r.bgp.total())}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn ChangeFeed(changes: Vec<RecentChange>, now: DateTime<Utc>) -> impl IntoView {
    view! {
        <section class="wall-panel wall-changes" aria-label="Changes in the last 30 minutes">
            <h2>"Last 30 minutes"</h2>
            {if changes.is_empty() {
                view! { <p class="empty">"No state changes in the last 30 minutes."</p> }.into_any()
            } else {
                view! {
                    <ol class="wall-feed" id="wall-changes">
                        {changes.into_iter().map(|c| {
                            let ago = (now - c.at).num_minutes().max(0);
                            let fresh = if ago < 5 { "flash" } else { "" };
                            let key = c.name.clone();
                            view! {
                                <li class=fresh data-name=key>
                                    <span class="muted">{format!("{ago} min ago · ")}</span>
                                    <strong>{c.name}</strong>
                                    {format!(" {} {} → {}", c.facet, c.old_state.unwrap_or_else(|| "?".into()), c.new_state)}
                                    <span class="muted">{c.reason.map(|r| format!(" ({r})")).unwrap_or_default()}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
