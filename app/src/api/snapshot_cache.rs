//! Answers kept for as long as the database shows exactly the same data.
//!
//! A busy console (or a NOC with many screens) asks the same questions over and over between
//! two syncs. The key to "same data" is PostgreSQL's own snapshot (`pg_current_snapshot()`:
//! the oldest running transaction, the next transaction id and the ones in progress): two
//! reads with the same snapshot text see the same committed rows, whichever server instance
//! or process wrote them, and asking for it reads no table. Any write anywhere in the
//! database (a sync commit, a session saved) gives a new snapshot and empties the cache,
//! so an answer is never stale, only sometimes recomputed for nothing. After such a write,
//! the 32 screens asking for the same page at once wait for one computation of it rather
//! than each running the query (one loader per key at a time), and are all woken together
//! when it is done.

use sqlx::PgPool;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// What the database shows now, as a comparable string (the database's identity included,
/// so two databases never share an entry).
pub async fn snapshot(pool: &PgPool) -> Result<String, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT current_database() || '@' || coalesce(inet_server_port(), 0)::text || '/' \
           || pg_current_snapshot()::text",
    )
    .fetch_one(pool)
    .await
}

struct Entries<K, V> {
    snapshot: String,
    values: HashMap<K, V>,
}

/// A cache of answers per key for the current snapshot; at most `capacity` keys (a long
/// tail of one-off queries is dropped whole rather than let grow).
pub struct SnapshotCache<K, V> {
    capacity: usize,
    entries: Mutex<Option<Entries<K, V>>>,
    /// The keys being computed now, each with the signal its computation sends when done.
    loading: Mutex<Option<HashMap<K, Arc<tokio::sync::watch::Sender<()>>>>>,
}

/// What a caller that found no answer does: compute it, or wait for the one computing it.
enum Turn<'a, K: Eq + Hash + Clone, V> {
    Lead(Leading<'a, K, V>),
    Follow(tokio::sync::watch::Receiver<()>),
}

/// Held while computing a key's answer; dropping it (done, failed or cancelled) wakes every
/// caller waiting for that key at once.
struct Leading<'a, K: Eq + Hash + Clone, V> {
    cache: &'a SnapshotCache<K, V>,
    key: K,
    done: Arc<tokio::sync::watch::Sender<()>>,
}

impl<K: Eq + Hash + Clone, V> Drop for Leading<'_, K, V> {
    fn drop(&mut self) {
        let mut loading = self.cache.loading.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(turns) = loading.as_mut() {
            if turns
                .get(&self.key)
                .is_some_and(|d| Arc::ptr_eq(d, &self.done))
            {
                turns.remove(&self.key);
            }
        }
        self.done.send_replace(());
    }
}

impl<K: Eq + Hash + Clone, V: Clone> SnapshotCache<K, V> {
    pub const fn new(capacity: usize) -> Self {
        SnapshotCache {
            capacity,
            entries: Mutex::new(None),
            loading: Mutex::new(None),
        }
    }

    fn turn_for(&self, key: &K) -> Turn<'_, K, V> {
        let mut loading = self.loading.lock().unwrap_or_else(|e| e.into_inner());
        let turns = loading.get_or_insert_with(HashMap::new);
        if let Some(done) = turns.get(key) {
            return Turn::Follow(done.subscribe());
        }
        let done = Arc::new(tokio::sync::watch::channel(()).0);
        turns.insert(key.clone(), done.clone());
        Turn::Lead(Leading {
            cache: self,
            key: key.clone(),
            done,
        })
    }

    fn lookup(&self, snapshot: &str, key: &K) -> Option<V> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let entries = entries.as_ref().filter(|e| e.snapshot == snapshot)?;
        entries.values.get(key).cloned()
    }

    fn keep(&self, snapshot: String, key: K, value: V) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let current = entries.as_mut().filter(|e| e.snapshot == snapshot);
        let entries = match current {
            Some(e) => e,
            None => entries.insert(Entries {
                snapshot,
                values: HashMap::new(),
            }),
        };
        if entries.values.len() >= self.capacity {
            entries.values.clear();
        }
        entries.values.insert(key, value);
    }

    /// The answer for `key`: kept from an earlier call under the same snapshot, else
    /// `load`ed now and kept (errors are not kept).
    pub async fn get_or_load<E, F>(&self, pool: &PgPool, key: K, load: F) -> Result<V, E>
    where
        E: From<sqlx::Error>,
        F: std::future::Future<Output = Result<V, E>>,
    {
        self.get_or_load_at(|| snapshot(pool), key, load).await
    }

    /// Like [`Self::get_or_load`], with the answers kept for as long as `version` says the
    /// same: any string that changes whenever the answer may change (a narrower version than
    /// the whole database's snapshot keeps answers through unrelated writes).
    pub async fn get_or_load_at<E, F, Ver, VerF>(
        &self,
        version: Ver,
        key: K,
        load: F,
    ) -> Result<V, E>
    where
        E: From<sqlx::Error>,
        F: std::future::Future<Output = Result<V, E>>,
        Ver: Fn() -> VerF,
        VerF: std::future::Future<Output = Result<String, sqlx::Error>>,
    {
        let mut seen = version().await?;
        if let Some(v) = self.lookup(&seen, &key) {
            return Ok(v);
        }
        // While one caller computes a key, the others wait for it and then read its answer
        // together. A lock taken in turn instead woke them one at a time, each only once the
        // one before had been polled again: on a busy server the last of 32 waited 30-60 ms
        // more (a new search term's p99 was 72-252 ms in its first 20 s).
        let mut followed = 0;
        let _leading = loop {
            match self.turn_for(&key) {
                Turn::Lead(leading) => break Some(leading),
                // A few rounds at most: under endless commits, compute rather than wait on.
                Turn::Follow(mut done) if followed < 3 => {
                    followed += 1;
                    // Err: the computation was dropped half-way; then one caller takes over.
                    let _ = done.changed().await;
                    // It most likely computed it under the version this call saw: that
                    // answer is as fresh as this request. Else, if a commit landed meanwhile
                    // (not kept), it may have been computed again under the new version.
                    if let Some(v) = self.lookup(&seen, &key) {
                        return Ok(v);
                    }
                    seen = version().await?;
                    if let Some(v) = self.lookup(&seen, &key) {
                        return Ok(v);
                    }
                }
                Turn::Follow(_) => break None,
            }
        };
        // An answer may have been kept since this caller looked, under a version still current.
        let before = version().await?;
        if let Some(v) = self.lookup(&before, &key) {
            return Ok(v);
        }
        let value = load.await?;
        // Kept only if nothing was committed while loading: otherwise the answer may mix
        // the two states, and belongs to neither version.
        if version().await? == before {
            self.keep(before, key, value.clone());
        }
        Ok(value)
    }
}
