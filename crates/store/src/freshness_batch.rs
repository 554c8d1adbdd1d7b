//! Freshness of a sync job's keys in one statement each: a job covers up to four kinds of one
//! (account, region), and recording them one autocommit statement at a time cost a round trip
//! and a commit per kind. Same rules as the single-key functions of [`super`].

use super::{truncate, SyncKey};
use crate::model::ResourceKind;
use crate::Result;
use chrono::{DateTime, Utc};
use sqlx::{Executor, PgPool, Postgres};
use uuid::Uuid;

/// Starts a sync of `key` if it is still due at `now` (never synced, no due time, or due time
/// passed): records the attempt and returns true; otherwise records nothing and returns false.
/// One statement, so the check and the attempt see the same picture; a caller that holds the
/// key's lease knows no other server changes it in between.
pub async fn record_attempt_if_due<'e, E: Executor<'e, Database = Postgres>>(
    pool: E,
    key: &SyncKey,
    now: DateTime<Utc>,
) -> Result<bool> {
    Ok(sqlx::query_scalar(
        "WITH due AS (SELECT NOT EXISTS (SELECT 1 FROM sync_freshness \
           WHERE account_id = $1 AND region = $2 AND kind = $3 AND next_due_at > $4) AS due), \
         attempt AS (INSERT INTO sync_freshness (account_id, region, kind, last_attempt_at) \
           SELECT $1, $2, $3, $4 FROM due WHERE due.due \
           ON CONFLICT (account_id, region, kind) \
           DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at) \
         SELECT due FROM due",
    )
    .bind(key.account_id)
    .bind(&key.region)
    .bind(key.kind.as_str())
    .bind(now)
    .fetch_one(pool)
    .await?)
}

/// Several kinds of one (account, region): what one sync job covers.
#[derive(Debug, Clone, Copy)]
pub struct JobKeys<'a> {
    /// Account.
    pub account_id: Uuid,
    /// Region.
    pub region: &'a str,
    /// Kinds.
    pub kinds: &'a [ResourceKind],
}

/// [`super::record_success`] for every key of `keys`.
pub async fn record_successes(
    pool: &PgPool,
    keys: &JobKeys<'_>,
    now: DateTime<Utc>,
    next_due: DateTime<Utc>,
) -> Result<()> {
    finish_job(pool, keys, now, next_due, None).await
}

/// A lease to give back: (key, holder).
pub type LeaseHeld<'a> = (&'a str, &'a str);

/// [`record_successes`], and gives `lease` back (if `holder` still holds it), in one
/// statement: a sync job runs it inside the transaction that writes its rows, so the rows,
/// their freshness and the free lease commit together, and the job saves two round trips and
/// two pool check-outs.
pub async fn finish_job<'e, E: Executor<'e, Database = Postgres>>(
    ex: E,
    keys: &JobKeys<'_>,
    now: DateTime<Utc>,
    next_due: DateTime<Utc>,
    lease: Option<LeaseHeld<'_>>,
) -> Result<()> {
    let kinds: Vec<&str> = keys.kinds.iter().map(|k| k.as_str()).collect();
    let (lease_key, holder) = lease.unzip();
    sqlx::query(
        "WITH released AS (DELETE FROM sync_lease WHERE key = $6 AND holder = $7) \
         INSERT INTO sync_freshness (account_id, region, kind, last_attempt_at, \
           last_success_at, next_due_at, consecutive_failures) \
         SELECT $1, $2, k, $4, $4, $5, 0 FROM UNNEST($3::text[]) AS k \
         ON CONFLICT (account_id, region, kind) \
         DO UPDATE SET last_success_at = EXCLUDED.last_success_at, \
           next_due_at = EXCLUDED.next_due_at, consecutive_failures = 0, \
           last_attempt_at = COALESCE(sync_freshness.last_attempt_at, EXCLUDED.last_attempt_at)",
    )
    .bind(keys.account_id)
    .bind(keys.region)
    .bind(&kinds)
    .bind(now)
    .bind(next_due)
    .bind(lease_key)
    .bind(holder)
    .execute(ex)
    .await?;
    Ok(())
}

/// [`super::record_failure`] for every key of `keys`.
pub async fn record_failures(
    pool: &PgPool,
    keys: &JobKeys<'_>,
    now: DateTime<Utc>,
    code: Option<&str>,
    message: &str,
    next_due: DateTime<Utc>,
) -> Result<()> {
    let kinds: Vec<&str> = keys.kinds.iter().map(|k| k.as_str()).collect();
    sqlx::query(
        "INSERT INTO sync_freshness (account_id, region, kind, last_attempt_at, last_error_at, \
           last_error_code, last_error_message, next_due_at, consecutive_failures) \
         SELECT $1, $2, k, $4, $4, $5, $6, $7, 1 FROM UNNEST($3::text[]) AS k \
         ON CONFLICT (account_id, region, kind) \
         DO UPDATE SET last_error_at = EXCLUDED.last_error_at, \
           last_error_code = EXCLUDED.last_error_code, \
           last_error_message = EXCLUDED.last_error_message, \
           next_due_at = EXCLUDED.next_due_at, \
           consecutive_failures = sync_freshness.consecutive_failures + 1, \
           last_attempt_at = COALESCE(sync_freshness.last_attempt_at, EXCLUDED.last_attempt_at)",
    )
    .bind(keys.account_id)
    .bind(keys.region)
    .bind(&kinds)
    .bind(now)
    .bind(code)
    .bind(truncate(message))
    .bind(next_due)
    .execute(pool)
    .await?;
    Ok(())
}
