//! The recent alert deliveries: what went to which webhook, and what the receiver answered.

use crate::api::alerts_admin::DeliveryRow;
use leptos::prelude::*;

#[component]
pub fn DeliveryTable(rows: Vec<DeliveryRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty" id="no-deliveries">"Nothing sent yet."</p> }.into_any();
    }
    view! {
        <table class="grid" id="alert-deliveries">
            <thead><tr><th>"When"</th><th>"Webhook"</th><th>"Alert"</th><th>"Result"</th><th>"Tries"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|d| {
                    let result = match (&d.error, d.http_status) {
                        (None, Some(code)) => format!("{} (HTTP {code})", d.status),
                        (None, None) => d.status.clone(),
                        (Some(e), _) => format!("{}: {e}", d.status),
                    };
                    let state = match d.status.as_str() {
                        "sent" => "up",
                        "failed" => "down",
                        _ => "pending",
                    };
                    view! {
                        <tr data-delivery=d.id data-event=d.event.clone() data-status=d.status.clone()>
                            <td>{d.at.format("%Y-%m-%d %H:%M:%S").to_string()}</td>
                            <td>{d.webhook}</td>
                            <td>{d.summary}</td>
                            <td><span class=format!("state state-{state}")>{result}</span></td>
                            <td>{d.attempts}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
