//! One decision round: read the state transitions no server has considered yet, run them
//! through each resource's debounce state ([`crate::policy`]), and queue one delivery per
//! (alert, matching enabled webhook).
//!
//! Once across servers: the round runs under the lock of the single `alert_cursor` row taken
//! with `FOR UPDATE SKIP LOCKED`, so a second server skips the round instead of deciding
//! twice; the cursor, the debounce rows and the queued deliveries commit together.
//!
//! No transition skipped: transition ids come from a sequence, and a sync transaction holding
//! id 100 may commit after one holding id 101. Moving the cursor past 101 would then lose 100.
//! So the round first takes a brief `SHARE` lock on `state_transition` (it waits for the
//! writes in flight, which hold `ROW EXCLUSIVE` until they commit) and reads `max(id)`: every
//! id up to that horizon is committed or never will be. The lock is released at once.

use crate::alert::Alert;
use crate::policy::{Decision, Policy, Tracked};
use crate::tracked_rows;
use crate::Result;
use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgPool, Postgres, Row, Transaction};
use uuid::Uuid;

/// Transitions read per round at most (the rest wait for the next round).
const BATCH: i64 = 5000;

/// A tunnel or BGP session, as `alert_resource` keys it (read from the same four columns of
/// `state_transition` and `alert_resource`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, sqlx::FromRow)]
pub struct Key {
    pub account_id: Uuid,
    pub region: String,
    pub kind: String,
    pub cloud_id: String,
}

/// What a round did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Round {
    /// False when another server held the cursor (this one did nothing).
    pub decided: bool,
    pub transitions: usize,
    pub alerts: usize,
    pub deliveries: u64,
}

/// Every id up to the returned one is committed (see the module docs).
async fn horizon(pool: &PgPool) -> Result<i64> {
    let mut tx = pool.begin().await?;
    // Waiting longer would stall the sync's writes queued behind this lock; skip the round.
    sqlx::query("SET LOCAL lock_timeout = '2s'")
        .execute(&mut *tx)
        .await?;
    sqlx::query("LOCK TABLE state_transition IN SHARE MODE")
        .execute(&mut *tx)
        .await?;
    let max: i64 = sqlx::query_scalar("SELECT COALESCE(max(id), 0) FROM state_transition")
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(max)
}

/// Runs one round at `now`; `public_url` makes the connection links.
pub async fn round(
    pool: &PgPool,
    policy: &Policy,
    now: DateTime<Utc>,
    public_url: Option<&str>,
) -> Result<Round> {
    let mut tx = pool.begin().await?;
    let cursor: Option<i64> =
        sqlx::query_scalar("SELECT last_transition_id FROM alert_cursor FOR UPDATE SKIP LOCKED")
            .fetch_optional(&mut *tx)
            .await?;
    let Some(cursor) = cursor else {
        return Ok(Round::default());
    };
    let horizon = horizon(pool).await?;
    let rows = sqlx::query(
        "SELECT id, account_id, region, kind, cloud_id, at, old_state, new_state, reason \
         FROM state_transition WHERE id > $1 AND id <= $2 AND facet = 'main' \
         AND kind IN ('tunnel', 'bgp_session') ORDER BY id LIMIT $3",
    )
    .bind(cursor)
    .bind(horizon)
    .bind(BATCH)
    .fetch_all(&mut *tx)
    .await?;
    let next_cursor = match rows.last() {
        Some(last) if rows.len() as i64 == BATCH => last.try_get("id")?,
        _ => horizon.max(cursor),
    };
    let stored = tracked_rows::load(&mut tx).await?;
    let mut tracked = stored.clone();
    let mut due: Vec<(Key, Tracked, Decision)> = Vec::new();
    for r in &rows {
        let key = Key::from_row(r)?;
        let at: DateTime<Utc> = r.try_get("at")?;
        let old: Option<String> = r.try_get("old_state")?;
        let t = tracked
            .entry(key.clone())
            .or_insert_with(|| Tracked::new(old.as_deref(), at));
        if let Some(d) = t.evaluate(at, policy) {
            due.push((key, t.clone(), d));
        }
        t.observe(at, r.try_get::<&str, _>("new_state")?, r.try_get("reason")?);
    }
    for (key, t) in tracked.iter_mut() {
        if let Some(d) = t.evaluate(now, policy) {
            due.push((key.clone(), t.clone(), d));
        }
    }
    tracked_rows::save(&mut tx, &stored, &tracked, now, policy).await?;
    let mut deliveries = 0;
    for (key, t, d) in &due {
        let alert = crate::deliveries::describe(&mut tx, key, t, d, policy, public_url).await?;
        deliveries += queue(&mut tx, &alert, now).await?;
    }
    sqlx::query("UPDATE alert_cursor SET last_transition_id = $1")
        .bind(next_cursor)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Round {
        decided: true,
        transitions: rows.len(),
        alerts: due.len(),
        deliveries,
    })
}

/// One pending delivery per enabled webhook whose filters let the alert through.
async fn queue(
    tx: &mut Transaction<'_, Postgres>,
    alert: &Alert,
    now: DateTime<Utc>,
) -> Result<u64> {
    let done = sqlx::query(
        "INSERT INTO alert_delivery (webhook_id, event, alert, status, next_attempt_at, \
         created_at) SELECT id, $1, $2, 'pending', $3, $3 FROM alert_webhook WHERE enabled \
         AND (cardinality(clouds) = 0 OR $4 = ANY(clouds)) \
         AND (cardinality(kinds) = 0 OR $5 = ANY(kinds))",
    )
    .bind(alert.event.as_str())
    .bind(sqlx::types::Json(alert))
    .bind(now)
    .bind(&alert.cloud)
    .bind(&alert.resource_kind)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}
