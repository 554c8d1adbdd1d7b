//! Leases so several server processes can split the polling: at most one holder per key
//! (an (account, region, kind)) at a time, and a holder that dies loses its lease when the
//! TTL runs out. Expiry is judged by the database clock, so processes with skewed clocks
//! still agree.

use crate::model::ResourceKind;
use crate::Result;
use sqlx::PgPool;
use std::time::Duration;
use uuid::Uuid;

/// The lease key of a sync: `<account>/<region>/<kind>`.
pub fn lease_key(account_id: Uuid, region: &str, kind: ResourceKind) -> String {
    format!("{account_id}/{region}/{kind}")
}

/// Takes `key` for `holder` if it is free, expired, or already held by `holder` (which then
/// renews it). One statement: the row lock of the conflicting insert makes two contenders
/// queue, and the loser sees the winner's fresh `expires_at` and gets nothing.
pub async fn try_acquire_lease<'e, E: sqlx::Executor<'e, Database = sqlx::Postgres>>(
    pool: E,
    key: &str,
    holder: &str,
    ttl: Duration,
) -> Result<bool> {
    let got: Option<String> = sqlx::query_scalar(
        "INSERT INTO sync_lease (key, holder, acquired_at, expires_at) \
         VALUES ($1, $2, now(), now() + make_interval(secs => $3)) \
         ON CONFLICT (key) DO UPDATE SET holder = EXCLUDED.holder, \
           acquired_at = CASE WHEN sync_lease.holder = EXCLUDED.holder \
             THEN sync_lease.acquired_at ELSE EXCLUDED.acquired_at END, \
           expires_at = EXCLUDED.expires_at \
         WHERE sync_lease.expires_at <= now() OR sync_lease.holder = EXCLUDED.holder \
         RETURNING holder",
    )
    .bind(key)
    .bind(holder)
    .bind(ttl.as_secs_f64())
    .fetch_optional(pool)
    .await?;
    Ok(got.is_some())
}

/// Extends a lease `holder` still has; false if it expired or was taken over (then the
/// holder must stop writing for that key).
pub async fn renew_lease(pool: &PgPool, key: &str, holder: &str, ttl: Duration) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE sync_lease SET expires_at = now() + make_interval(secs => $3) \
         WHERE key = $1 AND holder = $2 AND expires_at > now()",
    )
    .bind(key)
    .bind(holder)
    .bind(ttl.as_secs_f64())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a lease back; false if `holder` did not hold it.
pub async fn release_lease(pool: &PgPool, key: &str, holder: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM sync_lease WHERE key = $1 AND holder = $2")
        .bind(key)
        .bind(holder)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The current holder of `key`, if its lease has not expired.
pub async fn lease_holder(pool: &PgPool, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT holder FROM sync_lease WHERE key = $1 AND expires_at > now()")
            .bind(key)
            .fetch_optional(pool)
            .await?,
    )
}
