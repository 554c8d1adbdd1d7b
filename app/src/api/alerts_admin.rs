//! Admin: alert webhooks (add with a write-only URL, enable / disable, remove, "Send test")
//! and the recent deliveries. No answer ever carries a webhook URL: lists show `host/…`.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WebhookRow {
    pub id: String,
    pub name: String,
    /// `generic` or `slack`.
    pub kind: String,
    /// `hooks.slack.com/…`: the host only.
    pub shown_url: String,
    pub enabled: bool,
    /// "all clouds" or e.g. "aliyun".
    pub filters: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryRow {
    pub id: i64,
    pub webhook: String,
    pub event: String,
    pub summary: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub attempts: i32,
    pub http_status: Option<i32>,
    pub error: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertsOverview {
    pub webhooks: Vec<WebhookRow>,
    pub deliveries: Vec<DeliveryRow>,
    /// Debounce and polling as configured (`[alerts]`), for the page's explanation.
    pub debounce_secs: i64,
    pub flap_threshold: usize,
    pub flap_window_minutes: i64,
}

/// What "Send test" got back from the receiver.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TestResult {
    pub webhook: String,
    pub ok: bool,
    pub http_status: Option<u16>,
    /// "HTTP 200 OK", or the receiver's error, or why nothing was received (no URL in it).
    pub message: String,
}

#[server(endpoint = "admin/alerts")]
pub async fn list_alert_webhooks() -> Result<AlertsOverview, AppError> {
    let (app, _) =
        crate::access::guard::require(crate::access::Role::Admin, "alert_webhooks_listed").await?;
    let alerts = crate::error::respond(ssr::handle(&app))?;
    crate::error::respond(ssr::overview(&alerts).await)
}

/// `kind`: `generic` or `slack`. `clouds`, `kinds`: comma-separated filters, empty = all.
#[server(endpoint = "admin/alerts/create")]
pub async fn create_alert_webhook(
    name: String,
    kind: String,
    url: String,
    #[server(default)] clouds: String,
    #[server(default)] kinds: String,
) -> Result<WebhookRow, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "alert_webhook_created").await?;
    let alerts = crate::error::respond(ssr::handle(&app))?;
    let new = ssr::NewHook {
        name: &name,
        kind: &kind,
        url,
        clouds: &clouds,
        kinds: &kinds,
    };
    crate::error::respond(ssr::create(&alerts, &who.name, new).await)
}

#[server(endpoint = "admin/alerts/enable")]
pub async fn set_alert_webhook_enabled(id: String, enabled: bool) -> Result<WebhookRow, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "alert_webhook_enabled").await?;
    crate::error::respond(ssr::set_enabled(&app.pool, &who.name, &id, enabled).await)
}

#[server(endpoint = "admin/alerts/remove")]
pub async fn remove_alert_webhook(id: String) -> Result<(), AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "alert_webhook_removed").await?;
    crate::error::respond(ssr::remove(&app.pool, &who.name, &id).await)
}

#[server(endpoint = "admin/alerts/test")]
pub async fn send_test_alert(id: String) -> Result<TestResult, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "alert_webhook_tested").await?;
    let alerts = crate::error::respond(ssr::handle(&app))?;
    crate::error::respond(ssr::send_test(&alerts, &who.name, &id).await)
}

#[cfg(feature = "ssr")]
pub use super::alerts_admin_ssr as ssr;
