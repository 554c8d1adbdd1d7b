//! The delivery log (`alert_delivery`): what was queued, sent or given up on, and the names
//! an alert carries (looked up when it is decided, so a later rename does not change it).

use crate::alert::Alert;
use crate::decide::Key;
use crate::policy::{Decision, Policy, Tracked};
use crate::Result;
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Postgres, Row, Transaction};
use uuid::Uuid;

/// One delivery as the admin page lists it (no URL: the webhook's name only).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Delivery {
    pub id: i64,
    pub webhook_id: Uuid,
    pub webhook_name: String,
    pub event: String,
    pub summary: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub attempts: i32,
    pub http_status: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// The newest deliveries (of one webhook, or all), newest first.
pub async fn recent(pool: &PgPool, webhook: Option<Uuid>, limit: i64) -> Result<Vec<Delivery>> {
    let rows = sqlx::query(
        "SELECT d.id, d.webhook_id, w.name, d.event, d.alert, d.status, d.attempts, \
         d.http_status, d.last_error, d.created_at, d.finished_at \
         FROM alert_delivery d JOIN alert_webhook w ON w.id = d.webhook_id \
         WHERE ($1::uuid IS NULL OR d.webhook_id = $1) ORDER BY d.id DESC LIMIT $2",
    )
    .bind(webhook)
    .bind(limit.clamp(1, 500))
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let sqlx::types::Json(alert): sqlx::types::Json<Alert> = r.try_get("alert")?;
            Ok(Delivery {
                id: r.try_get("id")?,
                webhook_id: r.try_get("webhook_id")?,
                webhook_name: r.try_get("name")?,
                event: r.try_get("event")?,
                summary: alert.summary(),
                status: r.try_get("status")?,
                attempts: r.try_get("attempts")?,
                http_status: r.try_get("http_status")?,
                last_error: r.try_get("last_error")?,
                created_at: r.try_get("created_at")?,
                finished_at: r.try_get("finished_at")?,
            })
        })
        .collect()
}

/// Deletes finished deliveries older than `cutoff` (the log would otherwise grow forever).
pub async fn prune(pool: &PgPool, cutoff: DateTime<Utc>) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM alert_delivery WHERE status <> 'pending' AND created_at < $1")
            .bind(cutoff)
            .execute(pool)
            .await?
            .rows_affected(),
    )
}

/// The link to a connection's page under `base` (e.g. `https://gw.example`).
pub fn connection_url(base: &str, connection_id: &str) -> Option<String> {
    let mut url = url::Url::parse(base).ok()?;
    url.path_segments_mut()
        .ok()?
        .pop_if_empty()
        .push("connections")
        .push(connection_id);
    Some(url.to_string())
}

/// Builds the alert for a decision: account, resource and connection names from the store.
/// A tunnel's parent is its connection; a BGP session's parent is a tunnel or a connection
/// (or a VBR, which has no connection page).
pub(crate) async fn describe(
    tx: &mut Transaction<'_, Postgres>,
    key: &Key,
    t: &Tracked,
    d: &Decision,
    policy: &Policy,
    public_url: Option<&str>,
) -> Result<Alert> {
    let row = sqlx::query(
        "SELECT a.name AS account_name, a.cloud, r.name AS resource_name, \
           CASE WHEN p.kind = 'connection' THEN p.cloud_id ELSE pp.cloud_id END AS conn_id, \
           CASE WHEN p.kind = 'connection' THEN p.name ELSE pp.name END AS conn_name \
         FROM cloud_account a \
         LEFT JOIN resource r ON r.account_id = a.id AND r.region = $2 AND r.kind = $3 \
           AND r.cloud_id = $4 \
         LEFT JOIN resource p ON p.account_id = a.id AND p.region = $2 \
           AND p.cloud_id = r.parent_id AND p.kind IN ('connection', 'tunnel') \
         LEFT JOIN resource pp ON p.kind = 'tunnel' AND pp.account_id = a.id \
           AND pp.region = $2 AND pp.cloud_id = p.parent_id AND pp.kind = 'connection' \
         WHERE a.id = $1 ORDER BY p.kind LIMIT 1",
    )
    .bind(key.account_id)
    .bind(&key.region)
    .bind(&key.kind)
    .bind(&key.cloud_id)
    .fetch_optional(&mut **tx)
    .await?;
    let get = |col: &str| -> Option<String> {
        row.as_ref()
            .and_then(|r| r.try_get::<Option<String>, _>(col).ok().flatten())
    };
    let connection_id = get("conn_id");
    Ok(Alert {
        event: d.event,
        resource_kind: key.kind.clone(),
        resource_id: key.cloud_id.clone(),
        resource_name: get("resource_name"),
        url: connection_id
            .as_deref()
            .zip(public_url)
            .and_then(|(c, base)| connection_url(base, c)),
        connection_id,
        connection_name: get("conn_name"),
        account_id: key.account_id,
        account_name: get("account_name").unwrap_or_else(|| key.account_id.to_string()),
        region: key.region.clone(),
        cloud: get("cloud").unwrap_or_default(),
        old_state: t.old_state.clone(),
        new_state: t.state.clone(),
        reason: t.reason.clone(),
        since: t.since,
        changes: d.changes,
        window_minutes: policy.flap_window.num_minutes(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn connection_urls_encode_the_id() {
        assert_eq!(
            super::connection_url("https://gw.example/", "vco-1").as_deref(),
            Some("https://gw.example/connections/vco-1")
        );
        assert_eq!(
            super::connection_url("http://127.0.0.1:3000", "a b/c").as_deref(),
            Some("http://127.0.0.1:3000/connections/a%20b%2Fc")
        );
    }
}
