//! Several kinds of one (account, region) written in ONE transaction, each still a complete
//! snapshot under its own generation: a sync job yields up to four kinds at once, and one
//! transaction per kind made the job pay the account check, generation bump, row load and
//! commit four times over, which with dozens of jobs sharing two cores was most of a sync's
//! write time. The account check and every generation bump are one statement, the stored rows
//! of every kind one more, and the rows, gone marks and history of all kinds are written
//! together (each row tagged with its kind and generation), so a write costs the same handful
//! of statements whether it covers one kind or four. Readers still see either all of a job's
//! kinds or none of them.

use super::batch::{self, Missing, Rows};
use super::{load_existing, plan, validate, ApplyReport};
use crate::freshness;
use crate::history_write::{History, Key};
use crate::model::{Cloud, ResourceItem, ResourceKind};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Upserts the complete list of resources of each given kind of one account and region, in
/// one transaction; a report per kind, in the order given. A kind may appear only once.
pub async fn apply_snapshots(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
    snapshots: Vec<(ResourceKind, Vec<ResourceItem>)>,
    now: DateTime<Utc>,
) -> Result<Vec<(ResourceKind, ApplyReport)>> {
    apply_job(pool, account_id, region, snapshots, now, None).await
}

/// What a sync job records in the same transaction as its rows (see [`freshness::finish_job`]).
#[derive(Debug, Clone, Copy)]
pub struct JobDone<'a> {
    /// Every kind the job covers (also those it wrote no snapshot for).
    pub kinds: &'a [ResourceKind],
    pub next_due: DateTime<Utc>,
    /// The job's lease, given back at commit.
    pub lease: Option<freshness::LeaseHeld<'a>>,
}

/// [`apply_snapshots`], and, when `done` is given, the job's freshness and lease in the same
/// transaction: one commit for all of it, and no separate round trips afterwards.
pub async fn apply_job(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
    snapshots: Vec<(ResourceKind, Vec<ResourceItem>)>,
    now: DateTime<Utc>,
    done: Option<JobDone<'_>>,
) -> Result<Vec<(ResourceKind, ApplyReport)>> {
    if snapshots.is_empty() {
        if let Some(done) = done {
            finish(pool, account_id, region, now, done).await?;
        }
        return Ok(Vec::new());
    }
    let mut seen = HashSet::new();
    for (kind, items) in &snapshots {
        validate(region, *kind, items)?;
        if !seen.insert(*kind) {
            return Err(Error::invalid(
                "kind",
                format!("{kind} appears twice in one write"),
            ));
        }
    }
    // Sorted, so two writers of overlapping kinds take the generation rows in the same order
    // and queue instead of deadlocking.
    let mut kinds: Vec<&str> = snapshots.iter().map(|(k, _)| k.as_str()).collect();
    kinds.sort_unstable();
    let mut tx = pool.begin().await?;
    // Taking the generation rows also locks them: a second writer of the same key waits here
    // until this transaction commits or rolls back. No row comes back if the account is
    // missing or deleted (the `FROM a` join is empty), and then nothing was bumped.
    // `seen` is each key's previous commit time, read with the statement's snapshot: the
    // last time its present rows were seen, kept on the ones this write marks gone. (A second
    // writer that had to wait here reads the time before the first one's commit; leases keep
    // two writers of a key apart, so at worst a gone row's last-seen time is one cycle early.)
    let rows = sqlx::query(
        "WITH a AS (SELECT cloud FROM cloud_account WHERE id = $1 AND deleted_at IS NULL), \
         seen AS (SELECT kind, committed_at FROM sync_generation \
                  WHERE account_id = $1 AND region = $2 AND kind = ANY($3)), \
         bumped AS ( \
           INSERT INTO sync_generation (account_id, region, kind, generation, committed_at, \
             membership, content) \
           SELECT $1, $2, k.kind, 1, $4, 1, 1 FROM a, UNNEST($3::text[]) AS k(kind) ORDER BY k.kind \
           ON CONFLICT (account_id, region, kind) DO UPDATE \
           SET generation = sync_generation.generation + 1, committed_at = EXCLUDED.committed_at \
           RETURNING kind, generation) \
         SELECT b.kind, b.generation, s.committed_at AS seen, (SELECT cloud FROM a) AS cloud \
         FROM bumped b LEFT JOIN seen s USING (kind)",
    )
    .bind(account_id)
    .bind(region)
    .bind(&kinds)
    .bind(now)
    .fetch_all(&mut *tx)
    .await?;
    let Some(first) = rows.first() else {
        return Err(Error::NotFound { what: "account" });
    };
    let cloud: Cloud = first.try_get::<String, _>("cloud")?.parse()?;
    let mut generations = HashMap::with_capacity(rows.len());
    for r in &rows {
        generations.insert(
            r.try_get::<String, _>("kind")?,
            (
                r.try_get::<i64, _>("generation")?,
                r.try_get::<Option<DateTime<Utc>>, _>("seen")?,
            ),
        );
    }
    let mut old = load_existing(&mut tx, account_id, region, &kinds).await?;
    let mut rows = Rows::default();
    let mut missing = Missing::default();
    let mut history = History::default();
    let mut reports = Vec::with_capacity(snapshots.len());
    for (kind, items) in snapshots {
        let (generation, seen) = generations[kind.as_str()];
        rows.scope(kind, generation);
        history.scope(kind, generation);
        let mut existing = old.remove(kind.as_str()).unwrap_or_default();
        let mut report = plan(cloud, &mut existing, items, now, &mut rows, &mut history)?;
        for (id, _) in existing.into_iter().filter(|(_, s)| !s.row.gone) {
            missing.push(kind, id, generation, seen);
        }
        report.generation = generation;
        reports.push((kind, report));
    }
    let key = Key {
        account_id,
        region,
        now,
    };
    let written = rows.shown_kinds();
    rows.write(&mut tx, &key).await?;
    for (kind, id) in batch::mark_gone(&mut tx, &key, missing).await? {
        let Some(i) = reports.iter().position(|(k, _)| k.as_str() == kind) else {
            continue;
        };
        let (kind, report) = &mut reports[i];
        history.scope(*kind, report.generation);
        history.change(&id, "removed", Vec::new());
        report.gone += 1;
    }
    history.insert(&mut tx, &key).await?;
    // A key's first snapshot starts its content and membership at 1 in the upsert above (no
    // statement more for a first sync); later ones bump content when they wrote a row for
    // more than its running counters (see counters.rs), and membership when something came
    // or went.
    let rewritten: Vec<&str> = reports
        .iter()
        .filter(|(kind, r)| r.generation > 1 && (r.gone > 0 || written.contains(kind.as_str())))
        .map(|(kind, _)| kind.as_str())
        .collect();
    let regrouped: Vec<&str> = reports
        .iter()
        .filter(|(_, r)| r.generation > 1 && (r.added > 0 || r.gone > 0))
        .map(|(kind, _)| kind.as_str())
        .collect();
    if !rewritten.is_empty() {
        sqlx::query(
            "UPDATE sync_generation SET content = content + 1, \
               membership = membership + (kind = ANY($4))::int \
             WHERE account_id = $1 AND region = $2 AND kind = ANY($3)",
        )
        .bind(account_id)
        .bind(region)
        .bind(&rewritten)
        .bind(&regrouped)
        .execute(&mut *tx)
        .await?;
    }
    if let Some(done) = done {
        finish(&mut *tx, account_id, region, now, done).await?;
    }
    tx.commit().await?;
    for (kind, report) in &reports {
        tracing::debug!(%account_id, region, %kind, ?report, "snapshot applied");
    }
    Ok(reports)
}

async fn finish<'e, E: sqlx::Executor<'e, Database = sqlx::Postgres>>(
    ex: E,
    account_id: Uuid,
    region: &str,
    now: DateTime<Utc>,
    done: JobDone<'_>,
) -> Result<()> {
    let keys = freshness::JobKeys {
        account_id,
        region,
        kinds: done.kinds,
    };
    freshness::finish_job(ex, &keys, now, done.next_due, done.lease).await
}
