//! The "System" panel: PostgreSQL in use, migrations, live server instances, and a button that
//! checks the database round trip on demand.

use crate::api::system::{get_system_status, DatabasePing, SystemStatus};
use crate::components::island_net::answer_in_place;
use crate::components::live_swap::refresh_soon;
use leptos::prelude::*;

#[component]
pub fn SystemPanel() -> impl IntoView {
    let status = crate::resource::json_resource(|| (), |_| get_system_status());
    view! {
        <section class="panel system" aria-labelledby="system-title">
            <h2 id="system-title">"System"</h2>
            <Transition fallback=|| view! { <p>"Loading system status…"</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(s) => view! { <StatusTable status=s/> }.into_any(),
                        Err(e) => view! { <p class="error">{format!("System status unavailable: {e}")}</p> }.into_any(),
                    }
                })}
            </Transition>
            <PingDatabaseForm/>
        </section>
    }
}

/// "Check database now", answered in place; the status table above is refreshed after it so
/// the heartbeat ages are fresh too.
#[island]
fn PingDatabaseForm() -> impl IntoView {
    let shown = RwSignal::new("not checked yet".to_string());
    let on_submit = answer_in_place::<DatabasePing>(
        move || shown.set("checking…".into()),
        move |answer| {
            shown.set(match answer {
                Ok(p) => format!("PostgreSQL answered in {:.1} ms", p.round_trip_ms),
                Err(e) => format!("check failed: {e}"),
            });
            refresh_soon();
        },
    );
    view! {
        <form class="actions" method="post" action="/api/system/ping" on:submit=on_submit>
            <button id="ping-db" type="submit">"Check database now"</button>
            <output id="ping-result" aria-live="polite">{move || shown.get()}</output>
        </form>
    }
}

#[component]
fn StatusTable(status: SystemStatus) -> impl IntoView {
    let SystemStatus {
        postgres_version,
        database_name,
        database_mode,
        migrations,
        instances,
        demo_cloud,
        checked_at,
    } = status;
    let applied = migrations.iter().filter(|m| m.success).count();
    let total = migrations.len();
    view! {
        <dl class="facts" id="system-facts">
            <dt>"PostgreSQL"</dt><dd id="pg-version">{postgres_version}</dd>
            <dt>"Database"</dt><dd>{database_name} " · " {database_mode}</dd>
            <dt>"Migrations"</dt><dd id="migrations">{format!("{applied} of {total} applied")}</dd>
            <dt>"Demo cloud"</dt>
            <dd id="demo-cloud">
                {match demo_cloud {
                    Some(d) => format!(
                        "emulator at {} (seed {}): {} accounts, {} connections per cloud",
                        d.base_url, d.seed, d.accounts, d.connections_per_cloud,
                    ),
                    None => "off".to_string(),
                }}
            </dd>
            <dt>"Checked"</dt><dd>{checked_at.format("%Y-%m-%d %H:%M:%S UTC").to_string()}</dd>
        </dl>
        <h3>"Server instances"</h3>
        <table class="grid" id="instances">
            <thead><tr><th>"Host"</th><th>"PID"</th><th>"Version"</th><th>"Started"</th><th>"Last heartbeat"</th></tr></thead>
            <tbody>
                {instances
                    .into_iter()
                    .map(|i| {
                        let marker = if i.is_self { " (this one)" } else { "" };
                        view! {
                            <tr>
                                <td>{i.hostname}{marker}</td>
                                <td>{i.pid}</td>
                                <td>{i.version}</td>
                                <td>{i.started_at.format("%Y-%m-%d %H:%M:%S").to_string()}</td>
                                <td>{format!("{} s ago", (checked_at - i.heartbeat_at).num_seconds().max(0))}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
