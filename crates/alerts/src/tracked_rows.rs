//! The debounce rows (`alert_resource`): read whole at the start of a round, and written back
//! at its end, only what the round changed.
//!
//! Each round used to upsert every tracked row, one statement each: on a flapping estate of
//! 10,000 connections that was ~17,000 row updates every 30 s, most of them rewriting what was
//! stored, taking CPU from the sync and the pages on a 2-core server. Now the rows a round
//! changed go in one statement and the ones gone idle in another.

use crate::decide::Key;
use crate::policy::{Policy, Tracked};
use crate::Result;
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{FromRow, Postgres, Row, Transaction};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Every tracked row, locked by the round's transaction on the cursor.
pub(crate) async fn load(tx: &mut Transaction<'_, Postgres>) -> Result<BTreeMap<Key, Tracked>> {
    let rows = sqlx::query(
        "SELECT account_id, region, kind, cloud_id, state, old_state, since, reason, changes, \
         alerted FROM alert_resource",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut out = BTreeMap::new();
    for r in rows {
        let key = Key::from_row(&r)?;
        let t = Tracked {
            state: r.try_get("state")?,
            old_state: r.try_get("old_state")?,
            since: r.try_get("since")?,
            reason: r.try_get("reason")?,
            changes: r.try_get("changes")?,
            alerted: r.try_get("alerted")?,
        };
        out.insert(key, t);
    }
    Ok(out)
}

/// Keys as columns, the shape `UNNEST` takes.
#[derive(Default)]
struct Keys {
    accounts: Vec<Uuid>,
    regions: Vec<String>,
    kinds: Vec<String>,
    ids: Vec<String>,
}

impl Keys {
    fn push(&mut self, k: &Key) {
        self.accounts.push(k.account_id);
        self.regions.push(k.region.clone());
        self.kinds.push(k.kind.clone());
        self.ids.push(k.cloud_id.clone());
    }
}

/// Writes back what differs from `stored` (the rows as [`load`] read them): rows changed or
/// new, and idle ones deleted, so the table holds only what is in progress (months of
/// running do not grow it).
pub(crate) async fn save(
    tx: &mut Transaction<'_, Postgres>,
    stored: &BTreeMap<Key, Tracked>,
    tracked: &BTreeMap<Key, Tracked>,
    now: DateTime<Utc>,
    policy: &Policy,
) -> Result<()> {
    let (mut idle, mut keys, mut rows) = (Keys::default(), Keys::default(), Vec::new());
    for (k, t) in tracked {
        let before = stored.get(k);
        if t.is_idle(now, policy) {
            if before.is_some() {
                idle.push(k);
            }
        } else if before != Some(t) {
            keys.push(k);
            rows.push(t);
        }
    }
    if !idle.ids.is_empty() {
        sqlx::query(
            "DELETE FROM alert_resource a \
             USING UNNEST($1::uuid[], $2::text[], $3::text[], $4::text[]) \
               AS u(account_id, region, kind, cloud_id) \
             WHERE a.account_id = u.account_id AND a.region = u.region AND a.kind = u.kind \
               AND a.cloud_id = u.cloud_id",
        )
        .bind(&idle.accounts)
        .bind(&idle.regions)
        .bind(&idle.kinds)
        .bind(&idle.ids)
        .execute(&mut **tx)
        .await?;
    }
    if rows.is_empty() {
        return Ok(());
    }
    let states: Vec<&str> = rows.iter().map(|t| t.state.as_str()).collect();
    let old_states: Vec<Option<&str>> = rows.iter().map(|t| t.old_state.as_deref()).collect();
    let since: Vec<DateTime<Utc>> = rows.iter().map(|t| t.since).collect();
    let reasons: Vec<Option<&str>> = rows.iter().map(|t| t.reason.as_deref()).collect();
    // A row's change times are an array of their own; arrays of arrays must be rectangular
    // in PostgreSQL, so each travels as a JSON list.
    let changes: Vec<Json<&Vec<DateTime<Utc>>>> = rows.iter().map(|t| Json(&t.changes)).collect();
    let alerted: Vec<bool> = rows.iter().map(|t| t.alerted).collect();
    sqlx::query(
        "INSERT INTO alert_resource (account_id, region, kind, cloud_id, state, old_state, \
           since, reason, changes, alerted) \
         SELECT u.account_id, u.region, u.kind, u.cloud_id, u.state, u.old_state, u.since, \
           u.reason, ARRAY(SELECT jsonb_array_elements_text(u.changes)::timestamptz), u.alerted \
         FROM UNNEST($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], \
           $7::timestamptz[], $8::text[], $9::jsonb[], $10::boolean[]) \
           AS u(account_id, region, kind, cloud_id, state, old_state, since, reason, changes, \
           alerted) \
         ON CONFLICT (account_id, region, kind, cloud_id) DO UPDATE SET \
           state = EXCLUDED.state, old_state = EXCLUDED.old_state, since = EXCLUDED.since, \
           reason = EXCLUDED.reason, changes = EXCLUDED.changes, alerted = EXCLUDED.alerted",
    )
    .bind(&keys.accounts)
    .bind(&keys.regions)
    .bind(&keys.kinds)
    .bind(&keys.ids)
    .bind(&states)
    .bind(&old_states)
    .bind(&since)
    .bind(&reasons)
    .bind(&changes)
    .bind(&alerted)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
