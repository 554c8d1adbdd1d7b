//! Sending what [`crate::decide`] queued: claim due deliveries (`FOR UPDATE SKIP LOCKED`, with
//! a claim that runs out if this server dies mid-send), post each, record the answer. A 5xx,
//! 429, timeout or refused connection is retried with exponential backoff, at most
//! `max_attempts` times; anything else fails at once.

use crate::alert::Alert;
use crate::payload::{render, Format};
use crate::post::{post, Outcome};
use crate::{Error, Result};
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgPool, Row};
use store::crypto::KeyRing;
use uuid::Uuid;

/// Deliveries claimed per round.
const CLAIM: i64 = 20;
/// A claim runs out after this (longer than any attempt with its timeout).
const CLAIM_FOR: i64 = 120;

/// Wait before attempt `attempts + 1`: 30 s, 1 min, 2 min … capped at 30 min.
pub fn backoff(attempts: i32) -> Duration {
    let exp = attempts.clamp(1, 7) - 1;
    Duration::seconds((30 * (1i64 << exp)).min(1800))
}

/// What a send round did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sent {
    pub sent: usize,
    pub retrying: usize,
    pub failed: usize,
}

/// Claims and posts the deliveries due at `now`.
pub async fn round(
    pool: &PgPool,
    keys: &KeyRing,
    http: &reqwest::Client,
    now: DateTime<Utc>,
    max_attempts: i32,
) -> Result<Sent> {
    let claimed = sqlx::query(
        "UPDATE alert_delivery d SET claimed_until = $1 + make_interval(secs => $2), \
         attempts = d.attempts + 1 FROM alert_webhook w \
         WHERE w.id = d.webhook_id AND d.id IN (SELECT id FROM alert_delivery \
           WHERE status = 'pending' AND next_attempt_at <= $1 \
           AND (claimed_until IS NULL OR claimed_until < $1) \
           ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) \
         RETURNING d.id, d.webhook_id, d.alert, d.attempts, w.kind",
    )
    .bind(now)
    .bind(CLAIM_FOR as f64)
    .bind(CLAIM)
    .fetch_all(pool)
    .await?;
    let mut out = Sent::default();
    for r in claimed {
        let id: i64 = r.try_get("id")?;
        let webhook: Uuid = r.try_get("webhook_id")?;
        let attempts: i32 = r.try_get("attempts")?;
        let format = Format::parse(r.try_get("kind")?).map_err(|e| Error::invalid("kind", e))?;
        let sqlx::types::Json(alert): sqlx::types::Json<Alert> = r.try_get("alert")?;
        let outcome = send(pool, keys, http, webhook, &alert, format).await;
        let retry = !outcome.ok() && outcome.retryable && attempts < max_attempts;
        let status = match (outcome.ok(), retry) {
            (true, _) => "sent",
            (false, true) => "pending",
            (false, false) => "failed",
        };
        match status {
            "sent" => out.sent += 1,
            "pending" => out.retrying += 1,
            _ => out.failed += 1,
        }
        if !outcome.ok() {
            tracing::warn!(delivery = id, %webhook, attempts, error = outcome.error.as_deref().unwrap_or(""), retry, "alert webhook delivery failed");
        }
        record(
            pool,
            id,
            status,
            &outcome,
            now + backoff(attempts),
            Utc::now(),
        )
        .await?;
    }
    Ok(out)
}

/// Opens the webhook's URL and posts `alert` in its format.
pub async fn send(
    pool: &PgPool,
    keys: &KeyRing,
    http: &reqwest::Client,
    webhook: Uuid,
    alert: &Alert,
    format: Format,
) -> Outcome {
    match crate::webhooks::open_url(pool, keys, webhook).await {
        Ok(url) => post(http, &url, &render(alert, format)).await,
        Err(e) => Outcome {
            http_status: None,
            error: Some(format!("cannot read the webhook's URL: {e}")),
            retryable: false,
        },
    }
}

async fn record(
    pool: &PgPool,
    id: i64,
    status: &str,
    o: &Outcome,
    next: DateTime<Utc>,
    finished: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE alert_delivery SET status = $2, http_status = $3, last_error = $4, \
         claimed_until = NULL, next_attempt_at = $5, \
         finished_at = CASE WHEN $2 = 'pending' THEN NULL ELSE $6 END WHERE id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(o.http_status.map(i32::from))
    .bind(&o.error)
    .bind(next)
    .bind(finished)
    .execute(pool)
    .await?;
    Ok(())
}

/// Logs a test delivery (sent at once by the admin page, not through the queue).
pub async fn record_test(pool: &PgPool, webhook: Uuid, alert: &Alert, o: &Outcome) -> Result<()> {
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO alert_delivery (webhook_id, event, alert, status, attempts, \
         next_attempt_at, http_status, last_error, created_at, finished_at) \
         VALUES ($1, 'test', $2, $3, 1, $4, $5, $6, $4, $4)",
    )
    .bind(webhook)
    .bind(sqlx::types::Json(alert))
    .bind(if o.ok() { "sent" } else { "failed" })
    .bind(now)
    .bind(o.http_status.map(i32::from))
    .bind(&o.error)
    .execute(pool)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use chrono::Duration;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let waits: Vec<i64> = (1..=9).map(|a| backoff(a).num_seconds()).collect();
        assert_eq!(waits, vec![30, 60, 120, 240, 480, 960, 1800, 1800, 1800]);
        assert_eq!(backoff(0), Duration::seconds(30));
    }
}
