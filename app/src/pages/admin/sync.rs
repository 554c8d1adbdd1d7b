//! Admin → Sync & retention: the hot and cold intervals, the history retention and per-API
//! call budgets. Blank fields use the configuration file's values, shown next to each field.

use super::{refusal, AdminTabs};
use crate::api::sync_settings::{
    get_sync_settings, RemoveSyncBudget, SaveSyncSettings, SetSyncBudget, SettingValue,
    SyncSettingsView,
};
use crate::components::server_form::{url_of, ServerForm};
use leptos::prelude::*;
use leptos_meta::Title;

/// One number field: blank means the default, which the hint names.
fn field(
    name: &'static str,
    label: &'static str,
    unit: &'static str,
    v: &SettingValue,
    min: i64,
) -> impl IntoView {
    let value = v.set.map(|n| n.to_string()).unwrap_or_default();
    let hint = format!(
        "In force: {} {unit}. Blank: the configuration's {} {unit}.",
        v.effective, v.default
    );
    let hint_id = format!("{name}-hint");
    view! {
        <label>
            {label}
            <input name=name id=name type="number" min=min step="1" value=value aria-describedby=hint_id.clone()
                placeholder=v.default.to_string()/>
            <small id=hint_id class="muted">{hint}</small>
        </label>
    }
}

#[component]
pub fn SyncSettingsPage() -> impl IntoView {
    let settings = crate::resource::json_resource(|| (), |_| get_sync_settings());
    view! {
        <Title text="Sync & retention"/>
        <section class="admin">
            <h1>"Sync & retention"</h1>
            <AdminTabs current="/admin/sync"/>
            <Transition fallback=|| view! { <p class="loading">"Loading sync settings…"</p> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Err(e) => view! { <p class="error" id="admin-refused">{refusal(&e)}</p> }.into_any(),
                        Ok(view) => view! { <SyncForms view/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SyncForms(view: SyncSettingsView) -> impl IntoView {
    let updated = view.updated.as_ref().map(|(at, by)| {
        format!(
            "Last changed by {by} on {}.",
            at.format("%Y-%m-%d %H:%M UTC")
        )
    });
    let elsewhere = (!view.engine_here).then(|| {
        view! { <p class="muted">"This server runs no sync; the servers that do pick the values up within seconds."</p> }
    });
    let accounts = view.accounts.clone();
    view! {
        <ServerForm action={url_of::<SaveSyncSettings>()} done={"Sync settings saved; in force within seconds.".to_string()} class={"stacked-form".to_string()} id={"sync-settings".to_string()}>
            {field("hot_interval_secs", "State poll interval (connections, tunnels, BGP), seconds", "s", &view.hot_interval_secs, 5)}
            {field("cold_interval_secs", "Configuration poll interval (gateways, routes, VPCs), seconds", "s", &view.cold_interval_secs, 5)}
            {field("history_retention_days", "History retention, days", "days", &view.history_retention_days, 1)}
            <button type="submit">"Save sync settings"</button>
        </ServerForm>
        <p class="muted">{updated}</p>
        {elsewhere}
        <h2>"Call budgets"</h2>
        <p>"A budget replaces a cloud's published quota for one API (calls per minute), for every account or one."</p>
        {if view.budgets.is_empty() {
            view! { <p class="empty" id="no-budgets">"No budgets set: every API uses its published quota."</p> }.into_any()
        } else {
            view! {
                <table class="grid" id="budgets">
                    <thead><tr><th>"Account"</th><th>"API"</th><th>"Calls per minute"</th><th>"Set by"</th><th></th></tr></thead>
                    <tbody>
                        {view.budgets.into_iter().map(|b| {
                            let label = format!("Remove the budget of {}", b.api);
                            let api = b.api.clone();
                            view! {
                                <tr data-api=api>
                                    <td>{b.account.unwrap_or_else(|| "every account".into())}</td>
                                    <td><code>{b.api}</code></td>
                                    <td>{b.calls_per_minute}</td>
                                    <td>{b.updated_by}</td>
                                    <td>
                                        <ServerForm action={url_of::<RemoveSyncBudget>()} done={"Budget removed; the published quota applies.".to_string()} class={"inline-form".to_string()}>
                                            <input type="hidden" name="id" value=b.id/>
                                            <button type="submit" aria-label=label>"Remove"</button>
                                        </ServerForm>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        <ServerForm action={url_of::<SetSyncBudget>()} done={"Budget saved.".to_string()} class={"stacked-form".to_string()} id={"add-budget".to_string()}>
            <label>
                "Account"
                <select name="account">
                    <option value="">"Every account"</option>
                    {accounts.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <label>"API (e.g. DescribeVpnConnections, GET /vpn-connection)" <input name="api" required autocomplete="off"/></label>
            <label>"Calls per minute" <input name="calls_per_minute" type="number" min="1" step="1" required/></label>
            <button type="submit">"Set budget"</button>
        </ServerForm>
    }
}
