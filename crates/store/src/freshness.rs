//! Freshness per (account, region, kind): when a sync was last tried, last succeeded, is next
//! due, and what last went wrong, so the UI can flag stale data instead of showing it as live.

use crate::model::ResourceKind;
use crate::Result;
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgPool, Row};
use uuid::Uuid;

// Kept in its own file (declared here so the crate root stays as it is).
#[path = "freshness_batch.rs"]
mod batch;
pub use batch::{
    finish_job, record_attempt_if_due, record_failures, record_successes, JobKeys, LeaseHeld,
};

/// Longest error message kept: cloud errors can carry whole response bodies.
const MAX_MESSAGE: usize = 2000;

/// What a sync covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SyncKey {
    /// Account.
    pub account_id: Uuid,
    /// Region.
    pub region: String,
    /// Kind.
    pub kind: ResourceKind,
}

/// The last failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncError {
    /// When.
    pub at: DateTime<Utc>,
    /// Cloud or internal error code.
    pub code: Option<String>,
    /// Message (already scrubbed of secrets by the clients).
    pub message: Option<String>,
}

/// The freshness of one key.
#[derive(Debug, Clone, PartialEq)]
pub struct Freshness {
    /// Which.
    pub key: SyncKey,
    /// Last attempt started.
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// Last success.
    pub last_success_at: Option<DateTime<Utc>>,
    /// When the next sync is due.
    pub next_due_at: Option<DateTime<Utc>>,
    /// Last failure.
    pub last_error: Option<SyncError>,
    /// Failures since the last success.
    pub consecutive_failures: i32,
    /// Data older than the allowed age (or never synced).
    pub stale: bool,
}

/// Stale when never synced or the last success is older than `max_age`.
pub fn is_stale(
    last_success: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    max_age: Duration,
) -> bool {
    last_success.is_none_or(|t| now - t > max_age)
}

fn truncate(msg: &str) -> &str {
    match msg.char_indices().nth(MAX_MESSAGE) {
        Some((i, _)) => &msg[..i],
        None => msg,
    }
}

/// A sync of `key` starts.
pub async fn record_attempt(pool: &PgPool, key: &SyncKey, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO sync_freshness (account_id, region, kind, last_attempt_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (account_id, region, kind) \
         DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at",
    )
    .bind(key.account_id)
    .bind(&key.region)
    .bind(key.kind.as_str())
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// A sync of `key` succeeded; the next is due at `next_due`. The last error is kept (the
/// UI can still say "recovered"), the failure streak resets.
pub async fn record_success(
    pool: &PgPool,
    key: &SyncKey,
    now: DateTime<Utc>,
    next_due: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sync_freshness (account_id, region, kind, last_attempt_at, \
           last_success_at, next_due_at, consecutive_failures) \
         VALUES ($1, $2, $3, $4, $4, $5, 0) ON CONFLICT (account_id, region, kind) \
         DO UPDATE SET last_success_at = EXCLUDED.last_success_at, \
           next_due_at = EXCLUDED.next_due_at, consecutive_failures = 0, \
           last_attempt_at = COALESCE(sync_freshness.last_attempt_at, EXCLUDED.last_attempt_at)",
    )
    .bind(key.account_id)
    .bind(&key.region)
    .bind(key.kind.as_str())
    .bind(now)
    .bind(next_due)
    .execute(pool)
    .await?;
    Ok(())
}

/// A sync of `key` failed with `code` / `message`; retry at `next_due`.
pub async fn record_failure(
    pool: &PgPool,
    key: &SyncKey,
    now: DateTime<Utc>,
    code: Option<&str>,
    message: &str,
    next_due: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO sync_freshness (account_id, region, kind, last_attempt_at, last_error_at, \
           last_error_code, last_error_message, next_due_at, consecutive_failures) \
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7, 1) ON CONFLICT (account_id, region, kind) \
         DO UPDATE SET last_error_at = EXCLUDED.last_error_at, \
           last_error_code = EXCLUDED.last_error_code, \
           last_error_message = EXCLUDED.last_error_message, \
           next_due_at = EXCLUDED.next_due_at, \
           consecutive_failures = sync_freshness.consecutive_failures + 1, \
           last_attempt_at = COALESCE(sync_freshness.last_attempt_at, EXCLUDED.last_attempt_at)",
    )
    .bind(key.account_id)
    .bind(&key.region)
    .bind(key.kind.as_str())
    .bind(now)
    .bind(code)
    .bind(truncate(message))
    .bind(next_due)
    .execute(pool)
    .await?;
    Ok(())
}

/// Freshness of every key of an account (all accounts when `None`); `stale` uses `max_age`.
pub async fn freshness(
    pool: &PgPool,
    account_id: Option<Uuid>,
    now: DateTime<Utc>,
    max_age: Duration,
) -> Result<Vec<Freshness>> {
    let rows = sqlx::query(
        "SELECT account_id, region, kind, last_attempt_at, last_success_at, next_due_at, \
         last_error_at, last_error_code, last_error_message, consecutive_failures \
         FROM sync_freshness WHERE ($1::uuid IS NULL OR account_id = $1) \
         ORDER BY account_id, region, kind",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let kind: String = r.try_get("kind")?;
            let last_success_at = r.try_get("last_success_at")?;
            let error_at: Option<DateTime<Utc>> = r.try_get("last_error_at")?;
            Ok(Freshness {
                key: SyncKey {
                    account_id: r.try_get("account_id")?,
                    region: r.try_get("region")?,
                    kind: kind.parse()?,
                },
                last_attempt_at: r.try_get("last_attempt_at")?,
                last_success_at,
                next_due_at: r.try_get("next_due_at")?,
                last_error: match error_at {
                    Some(at) => Some(SyncError {
                        at,
                        code: r.try_get("last_error_code")?,
                        message: r.try_get("last_error_message")?,
                    }),
                    None => None,
                },
                consecutive_failures: r.try_get("consecutive_failures")?,
                stale: is_stale(last_success_at, now, max_age),
            })
        })
        .collect()
}

/// Makes every sync of `account` due now (after its credentials, regions or endpoints
/// changed, the old schedule may be a failed attempt's back-off or a cold interval away).
pub async fn make_due(pool: &PgPool, account: Uuid) -> Result<u64> {
    let done = sqlx::query("UPDATE sync_freshness SET next_due_at = now() WHERE account_id = $1")
        .bind(account)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staleness() {
        let now = Utc::now();
        assert!(is_stale(None, now, Duration::minutes(5)));
        assert!(!is_stale(
            Some(now - Duration::minutes(4)),
            now,
            Duration::minutes(5)
        ));
        assert!(is_stale(
            Some(now - Duration::minutes(6)),
            now,
            Duration::minutes(5)
        ));
    }

    #[test]
    fn truncates_on_char_boundary() {
        let long = "é".repeat(MAX_MESSAGE + 10);
        assert_eq!(truncate(&long).chars().count(), MAX_MESSAGE);
        assert_eq!(truncate("short"), "short");
    }
}
