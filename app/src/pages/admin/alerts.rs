//! Admin → Alerts: webhooks that hear about tunnels and BGP sessions going down, flapping and
//! recovering (generic JSON or Slack), a "Send test" per webhook that shows what the receiver
//! answered, and the recent deliveries. The URL field is write-only: lists show its host.

use super::{refusal, AdminTabs};
use crate::api::alerts_admin::{
    list_alert_webhooks, AlertsOverview, CreateAlertWebhook, RemoveAlertWebhook, SendTestAlert,
    SetAlertWebhookEnabled, WebhookRow,
};
use crate::pages::admin::alert_deliveries::DeliveryTable;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AlertsPage() -> impl IntoView {
    let create = ServerAction::<CreateAlertWebhook>::new();
    let toggle = ServerAction::<SetAlertWebhookEnabled>::new();
    let remove = ServerAction::<RemoveAlertWebhook>::new();
    let test = ServerAction::<SendTestAlert>::new();
    let overview = crate::resource::json_resource(
        move || {
            (
                create.version().get(),
                toggle.version().get(),
                remove.version().get(),
                test.version().get(),
            )
        },
        |_| list_alert_webhooks(),
    );
    let tested = move || match test.value().get() {
        Some(Ok(r)) => {
            let class = if r.ok { "notice" } else { "error" };
            let text = format!("Test to “{}”: {}", r.webhook, r.message);
            view! {
                <p class=class id="test-result" role="status" data-ok=r.ok.to_string()
                    data-http=r.http_status.map(|c| c.to_string()).unwrap_or_default()>{text}</p>
            }
            .into_any()
        }
        Some(Err(e)) => {
            view! { <p class="error" id="test-result" role="alert">{e.to_string()}</p> }.into_any()
        }
        None => ().into_any(),
    };
    let failed = move || {
        [
            create.value().get().and_then(|r| r.err()),
            toggle.value().get().and_then(|r| r.err()),
            remove.value().get().and_then(|r| r.err()),
        ]
        .into_iter()
        .flatten()
        .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
        .collect_view()
    };
    view! {
        <Title text="Alerts"/>
        <section class="admin">
            <h1>"Alerts"</h1>
            <AdminTabs current="/admin/alerts"/>
            {tested}
            {failed}
            <Transition fallback=|| view! { <p class="loading">"Loading webhooks…"</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Err(e) => view! { <p class="error" id="admin-refused">{refusal(&e)}</p> }.into_any(),
                        Ok(o) => view! { <Webhooks o=o toggle=toggle remove=remove test=test/> }.into_any(),
                    }
                })}
            </Transition>
            <h2>"Add a webhook"</h2>
            <AddForm create=create/>
        </section>
    }
}

#[component]
fn AddForm(create: ServerAction<CreateAlertWebhook>) -> impl IntoView {
    let (name, url) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    // The last webhook added (a memo: only a new one empties the fields, so a refused add
    // keeps what was typed); then the URL does not linger in the page.
    let added = Memo::new(move |_| {
        create.value().with(|v| {
            v.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|w| w.id.clone())
        })
    });
    Effect::new(move |_| {
        if added.get().is_some() {
            name.set(String::new());
            url.set(String::new());
        }
    });
    view! {
            <ActionForm action=create attr:class="stacked-form" attr:id="add-webhook">
                <label>"Name" <input name="name" required maxlength="100" placeholder="on-call channel" bind:value=name/></label>
                <label>"Format"
                    <select name="kind">
                        <option value="slack">"Slack-compatible"</option>
                        <option value="generic">"Generic JSON"</option>
                    </select>
                </label>
                <label>"URL (stored encrypted, never shown again)"
                    <input name="url" type="url" required autocomplete="off" placeholder="https://hooks.slack.com/services/…" bind:value=url/>
                </label>
                <fieldset>
                    <legend>"Only (comma-separated; empty = everything)"</legend>
                    <label>"Clouds" <input name="clouds" placeholder="aliyun, huawei"/></label>
                    <label>"Resources" <input name="kinds" placeholder="tunnel, bgp_session"/></label>
                </fieldset>
                <button type="submit">"Add webhook"</button>
            </ActionForm>
    }
}

#[component]
fn Webhooks(
    o: AlertsOverview,
    toggle: ServerAction<SetAlertWebhookEnabled>,
    remove: ServerAction<RemoveAlertWebhook>,
    test: ServerAction<SendTestAlert>,
) -> impl IntoView {
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
                    {o.webhooks.into_iter().map(|w| view! { <HookRow w=w toggle=toggle remove=remove test=test/> }).collect_view()}
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
fn HookRow(
    w: WebhookRow,
    toggle: ServerAction<SetAlertWebhookEnabled>,
    remove: ServerAction<RemoveAlertWebhook>,
    test: ServerAction<SendTestAlert>,
) -> impl IntoView {
    let status = if w.enabled { "enabled" } else { "disabled" };
    let (flip, flip_label) = if w.enabled {
        ("false", "Disable")
    } else {
        ("true", "Enable")
    };
    let pending = test.pending();
    let name = w.name;
    // Each form's children are a closure of their own: one copy of the id each.
    let (test_id, flip_id, remove_id) = (w.id.clone(), w.id.clone(), w.id);
    let test_label = format!("Send a test alert to {name}");
    let flip_aria = format!("{flip_label} {name}");
    let remove_label = format!("Remove {name}");
    view! {
        <tr data-webhook=name.clone() data-status=status>
            <td>{name.clone()}</td>
            <td>{if w.kind == "slack" { "Slack" } else { "generic JSON" }}</td>
            <td><code>{w.shown_url}</code></td>
            <td>{w.filters}</td>
            <td><span class=format!("state state-{}", if w.enabled { "up" } else { "unknown" })>{status}</span></td>
            <td class="actions">
                <ActionForm action=test attr:class="inline-form">
                    <input type="hidden" name="id" value=test_id.clone()/>
                    <button type="submit" class="send-test" disabled=move || pending.get()
                        aria-label=test_label>"Send test"</button>
                </ActionForm>
                <ActionForm action=toggle attr:class="inline-form">
                    <input type="hidden" name="id" value=flip_id.clone()/>
                    <input type="hidden" name="enabled" value=flip/>
                    <button type="submit" aria-label=flip_aria>{flip_label}</button>
                </ActionForm>
                <ActionForm action=remove attr:class="inline-form">
                    <input type="hidden" name="id" value=remove_id.clone()/>
                    <button type="submit" class="danger" aria-label=remove_label>"Remove"</button>
                </ActionForm>
            </td>
        </tr>
    }
}
