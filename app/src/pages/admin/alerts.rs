//! Admin → Alerts: webhooks that hear about tunnels and BGP sessions going down, flapping and
//! recovering (generic JSON or Slack), a "Send test" per webhook that shows what the receiver
//! answered, and the recent deliveries. The URL field is write-only: lists show its host.

use super::{refusal, AdminTabs};
use crate::api::alerts_admin::{
    list_alert_webhooks, AlertsOverview, CreateAlertWebhook, RemoveAlertWebhook, SendTestAlert,
    SetAlertWebhookEnabled, WebhookRow,
};
use crate::components::server_form::{url_of, Answer, ServerForm};
use crate::pages::admin::alert_deliveries::DeliveryTable;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AlertsPage() -> impl IntoView {
    let overview = crate::resource::json_resource(|| (), |_| list_alert_webhooks());
    view! {
        <Title text="Alerts"/>
        <section class="admin">
            <h1>"Alerts"</h1>
            <AdminTabs current="/admin/alerts"/>
            <Transition fallback=|| view! { <p class="loading">"Loading webhooks…"</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Err(e) => view! { <p class="error" id="admin-refused">{refusal(&e)}</p> }.into_any(),
                        Ok(o) => view! { <Webhooks o=o/> }.into_any(),
                    }
                })}
            </Transition>
            <h2>"Add a webhook"</h2>
            <AddForm/>
        </section>
    }
}

/// After a webhook was added the page's live region is refreshed, which renders this form
/// anew: its fields are empty again and the URL does not linger in the page. A refused add
/// keeps what was typed.
#[component]
fn AddForm() -> impl IntoView {
    view! {
            <ServerForm action={url_of::<CreateAlertWebhook>()} done={"Webhook added.".to_string()} class={"stacked-form".to_string()} id={"add-webhook".to_string()}>
                <label>"Name" <input name="name" required maxlength="100" placeholder="on-call channel"/></label>
                <label>"Format"
                    <select name="kind">
                        <option value="slack">"Slack-compatible"</option>
                        <option value="generic">"Generic JSON"</option>
                    </select>
                </label>
                <label>"URL (stored encrypted, never shown again)"
                    <input name="url" type="url" required autocomplete="off" placeholder="https://hooks.slack.com/services/…"/>
                </label>
                <fieldset>
                    <legend>"Only (comma-separated; empty = everything)"</legend>
                    <label>"Clouds" <input name="clouds" placeholder="aliyun, huawei"/></label>
                    <label>"Resources" <input name="kinds" placeholder="tunnel, bgp_session"/></label>
                </fieldset>
                <button type="submit">"Add webhook"</button>
            </ServerForm>
    }
}

#[component]
fn Webhooks(o: AlertsOverview) -> impl IntoView {
    let rule = format!(
        "A tunnel or BGP session is alerted once it has been down for {} s; {} or more changes within {} min send one “flapping” alert; one “recovered” follows once it is stably up.",
        o.debounce_secs, o.flap_threshold, o.flap_window_minutes
    );
    let hooks = if o.webhooks.is_empty() {
        view! { <p class="empty" id="no-webhooks">"No webhooks yet. Add one below, then press “Send test”."</p> }.into_any()
    } else {
        view! {
            <table class="grid" id="alert-webhooks">
                <thead><tr><th>"Name"</th><th>"Format"</th><th>"Target"</th><th>"Sends"</th><th>"Status"</th><th></th></tr></thead>
                <tbody>
                    {o.webhooks.into_iter().map(|w| view! { <HookRow w=w/> }).collect_view()}
                </tbody>
            </table>
        }.into_any()
    };
    view! {
        <p class="muted">{rule}</p>
        {hooks}
        <h2>"Recent deliveries"</h2>
        <DeliveryTable rows=o.deliveries/>
    }
}

#[component]
fn HookRow(w: WebhookRow) -> impl IntoView {
    let status = if w.enabled { "enabled" } else { "disabled" };
    let (flip, flip_label) = if w.enabled {
        ("false", "Disable")
    } else {
        ("true", "Enable")
    };
    let name = w.name;
    // Each form's children are a closure of their own: one copy of the id each.
    let (test_id, flip_id, remove_id) = (w.id.clone(), w.id.clone(), w.id);
    let test_label = format!("Send a test alert to {name}");
    let flip_aria = format!("{flip_label} {name}");
    let remove_label = format!("Remove {name}");
    let flipped = format!(
        "Webhook “{name}” {}.",
        if w.enabled { "disabled" } else { "enabled" }
    );
    let removed = format!("Webhook “{name}” removed.");
    view! {
        <tr data-webhook=name.clone() data-status=status>
            <td>{name.clone()}</td>
            <td>{if w.kind == "slack" { "Slack" } else { "generic JSON" }}</td>
            <td><code>{w.shown_url}</code></td>
            <td>{w.filters}</td>
            <td><span class=format!("state state-{}", if w.enabled { "up" } else { "unknown" })>{status}</span></td>
            <td class="actions">
                <ServerForm action={url_of::<SendTestAlert>()} answer=Answer::WebhookTest class={"inline-form".to_string()}>
                    <input type="hidden" name="id" value=test_id.clone()/>
                    <button type="submit" class="send-test" aria-label=test_label>"Send test"</button>
                </ServerForm>
                <ServerForm action={url_of::<SetAlertWebhookEnabled>()} done=flipped class={"inline-form".to_string()}>
                    <input type="hidden" name="id" value=flip_id.clone()/>
                    <input type="hidden" name="enabled" value=flip/>
                    <button type="submit" aria-label=flip_aria>{flip_label}</button>
                </ServerForm>
                <ServerForm action={url_of::<RemoveAlertWebhook>()} done=removed class={"inline-form".to_string()}>
                    <input type="hidden" name="id" value=remove_id.clone()/>
                    <button type="submit" class="danger" aria-label=remove_label>"Remove"</button>
                </ServerForm>
            </td>
        </tr>
    }
}
