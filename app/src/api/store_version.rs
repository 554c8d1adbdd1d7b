//! A version of what the store shows for some resource kinds: a string that changes whenever
//! a sync writes rows of those kinds (a commit that wrote one bumps its key's
//! `sync_generation.content`, in the same transaction as the rows) or an account is added,
//! changed or removed. A poll that found everything as stored writes no row and leaves it.
//!
//! Narrower than the database's snapshot (`snapshot_cache::snapshot`), which every write
//! moves: the servers' heartbeats and the alert cursor write every few seconds, and each such
//! write emptied the connections page's cache although the page could not have changed.

use crate::api::snapshot_cache::snapshot;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::Mutex;

/// Per set of kinds: the last version computed, and the database snapshot it was computed
/// under. The version sums a few hundred bookkeeping rows; the snapshot reads no table. While
/// the snapshot stays the same (nothing committed anywhere), so does the version.
static LAST: Mutex<Option<HashMap<String, (String, String)>>> = Mutex::new(None);

/// The version of `kinds` (resource kinds, as stored) and of the account list. The database's
/// identity is part of it, so two databases (the tests' fresh ones) never share a version.
pub async fn of_kinds(pool: &PgPool, kinds: &[&str]) -> Result<String, sqlx::Error> {
    memoised(pool, "content", kinds).await
}

/// Like [`of_kinds`], moving only when the *set* of resources of `kinds` changes (one added
/// or gone; `sync_generation.membership`), or the accounts do: not when a sync only changes
/// states or attributes. For answers that depend on which resources exist, not on what they
/// say: a count by cloud, account or region, the list of regions.
pub async fn membership_of_kinds(pool: &PgPool, kinds: &[&str]) -> Result<String, sqlx::Error> {
    memoised(pool, "membership", kinds).await
}

/// `column` is one of the two above, never input.
async fn memoised(pool: &PgPool, column: &str, kinds: &[&str]) -> Result<String, sqlx::Error> {
    let key = format!("{column}:{}", kinds.join(","));
    let seen = snapshot(pool).await?;
    if let Some((at, version)) = LAST
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .and_then(|m| m.get(&key))
    {
        if *at == seen {
            return Ok(version.clone());
        }
    }
    // The row count is part of it: a key's first snapshot adds a row to the sum.
    let version: String = sqlx::query_scalar(&format!(
        "SELECT concat_ws('/', current_database(), inet_server_port(), count(*), \
           coalesce(sum(g.{column}), 0), \
           (SELECT count(*) FROM cloud_account), (SELECT max(updated_at) FROM cloud_account)) \
         FROM sync_generation g WHERE g.kind = ANY($1)"
    ))
    .bind(kinds)
    .fetch_one(pool)
    .await?;
    // Read after `seen`: the version is that snapshot's or a later one's. Handing a later
    // version to a caller who saw `seen` only makes its answer fresher, never staler.
    LAST.lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(HashMap::new)
        .insert(key, (seen, version.clone()));
    Ok(version)
}
