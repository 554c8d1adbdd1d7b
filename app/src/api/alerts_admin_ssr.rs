//! The plain functions behind [`super::alerts_admin`]: validation, the `alerts` crate, audit.
//! Audit entries name the webhook and its host, never its URL.

use super::alerts_admin::{AlertsOverview, DeliveryRow, TestResult, WebhookRow};
use super::scoped_tokens::ssr::split;
use crate::error::AppError;
use crate::state::AppState;
use alerts::payload::Format;
use alerts::webhooks::{self, NewWebhook, Webhook};
use auth::audit::{record, Entry, Outcome};
use sqlx::PgPool;
use std::sync::Arc;
use uuid::Uuid;

/// The alerts handle the server started with.
pub fn handle(app: &AppState) -> Result<Arc<alerts::Alerts>, AppError> {
    app.services
        .alerts
        .clone()
        .ok_or_else(|| AppError::Unavailable("alert webhooks are not set up on this server".into()))
}

fn app_error(e: alerts::Error) -> AppError {
    match e {
        alerts::Error::Invalid { field, reason } => {
            AppError::InvalidInput(format!("{field}: {reason}"))
        }
        alerts::Error::NotFound => AppError::NotFound("webhook".into()),
        other => {
            tracing::error!(error = %other, "alert webhooks");
            AppError::Internal
        }
    }
}

fn parse_id(id: &str) -> Result<Uuid, AppError> {
    id.trim()
        .parse()
        .map_err(|_| AppError::InvalidInput(format!("webhook id {id:?} is not a UUID")))
}

fn row(w: Webhook) -> WebhookRow {
    let mut filters = Vec::new();
    if !w.clouds.is_empty() {
        filters.push(w.clouds.join(", "));
    }
    if !w.kinds.is_empty() {
        filters.push(w.kinds.join(", ").replace("bgp_session", "BGP sessions"));
    }
    WebhookRow {
        id: w.id.to_string(),
        name: w.name,
        kind: w.format.as_str().into(),
        shown_url: w.shown_url,
        enabled: w.enabled,
        filters: if filters.is_empty() {
            "everything".into()
        } else {
            filters.join("; ")
        },
        created_by: w.created_by,
        created_at: w.created_at,
    }
}

async fn audit(pool: &PgPool, actor: &str, action: &str, w: &Webhook, detail: serde_json::Value) {
    let entry = Entry {
        actor,
        address: None,
        action,
        target: Some(&w.name),
        outcome: Outcome::Ok,
        detail,
    };
    record(pool, &entry).await;
}

pub async fn overview(alerts: &alerts::Alerts) -> Result<AlertsOverview, AppError> {
    let hooks = webhooks::list(&alerts.pool).await.map_err(app_error)?;
    let log = alerts::deliveries::recent(&alerts.pool, None, 50)
        .await
        .map_err(app_error)?;
    let policy = &alerts.settings.policy;
    Ok(AlertsOverview {
        webhooks: hooks.into_iter().map(row).collect(),
        deliveries: log
            .into_iter()
            .map(|d| DeliveryRow {
                id: d.id,
                webhook: d.webhook_name,
                event: d.event,
                summary: d.summary,
                status: d.status,
                attempts: d.attempts,
                http_status: d.http_status,
                error: d.last_error,
                at: d.finished_at.unwrap_or(d.created_at),
            })
            .collect(),
        debounce_secs: policy.debounce.num_seconds(),
        flap_threshold: policy.flap_threshold,
        flap_window_minutes: policy.flap_window.num_minutes(),
    })
}

/// The form's fields (the URL moves into a secret at once).
pub struct NewHook<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub url: String,
    pub clouds: &'a str,
    pub kinds: &'a str,
}

pub async fn create(
    alerts: &alerts::Alerts,
    actor: &str,
    new: NewHook<'_>,
) -> Result<WebhookRow, AppError> {
    let format = Format::parse(new.kind).map_err(AppError::InvalidInput)?;
    let hook = NewWebhook {
        name: new.name,
        format,
        url: secrecy::SecretString::from(new.url),
        clouds: split(new.clouds),
        kinds: split(new.kinds),
        created_by: actor,
    };
    let w = webhooks::create(&alerts.pool, &alerts.keys, hook)
        .await
        .map_err(app_error)?;
    let detail = serde_json::json!({"id": w.id, "kind": format.as_str(), "host": w.shown_url});
    audit(&alerts.pool, actor, "alert_webhook_created", &w, detail).await;
    Ok(row(w))
}

pub async fn set_enabled(
    pool: &PgPool,
    actor: &str,
    id: &str,
    enabled: bool,
) -> Result<WebhookRow, AppError> {
    let w = webhooks::set_enabled(pool, parse_id(id)?, enabled)
        .await
        .map_err(app_error)?;
    let action = if enabled {
        "alert_webhook_enabled"
    } else {
        "alert_webhook_disabled"
    };
    audit(pool, actor, action, &w, serde_json::json!({"id": w.id})).await;
    Ok(row(w))
}

pub async fn remove(pool: &PgPool, actor: &str, id: &str) -> Result<(), AppError> {
    let w = webhooks::remove(pool, parse_id(id)?)
        .await
        .map_err(app_error)?;
    let detail = serde_json::json!({"id": w.id, "host": w.shown_url});
    audit(pool, actor, "alert_webhook_removed", &w, detail).await;
    Ok(())
}

pub async fn send_test(
    alerts: &alerts::Alerts,
    actor: &str,
    id: &str,
) -> Result<TestResult, AppError> {
    let id = parse_id(id)?;
    let w = webhooks::get(&alerts.pool, id)
        .await
        .map_err(app_error)?
        .ok_or_else(|| AppError::NotFound("webhook".into()))?;
    let o = alerts.send_test(id).await.map_err(app_error)?;
    let message = match (&o.error, o.http_status) {
        (None, Some(code)) => format!("delivered: the receiver answered HTTP {code}"),
        (None, None) => "delivered".into(),
        (Some(e), _) => e.clone(),
    };
    let detail = serde_json::json!({"id": w.id, "http_status": o.http_status, "ok": o.ok()});
    audit(&alerts.pool, actor, "alert_webhook_tested", &w, detail).await;
    Ok(TestResult {
        webhook: w.name,
        ok: o.ok(),
        http_status: o.http_status,
        message,
    })
}
