//! One job: crawl one unit of one (account, region) under its lease, write each kind as one
//! snapshot (all of them in one transaction), and record freshness.

use crate::engine::Engine;
use crate::fetch::FetchError;
use crate::unit::Unit;
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};
use std::collections::HashMap;
use store::freshness::{self, SyncKey};
use store::lease;
use store::model::ResourceKind;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Job {
    pub account_id: Uuid,
    pub region: String,
    pub unit: Unit,
}

impl Job {
    fn key(&self, kind: ResourceKind) -> SyncKey {
        SyncKey {
            account_id: self.account_id,
            region: self.region.clone(),
            kind,
        }
    }

    fn keys<'a>(&'a self, kinds: &'a [ResourceKind]) -> freshness::JobKeys<'a> {
        freshness::JobKeys {
            account_id: self.account_id,
            region: &self.region,
            kinds,
        }
    }

    fn lease_key(&self) -> String {
        lease::lease_key(self.account_id, &self.region, self.unit.primary())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum JobOutcome {
    /// Written: (kind, snapshot report) per kind.
    Synced(Vec<(ResourceKind, store::sync_write::ApplyReport)>),
    Failed(FetchError),
    /// Another server holds the lease, or has just done this job.
    Skipped,
}

/// Every (enabled account, region, unit) whose next run is due (or that never ran).
pub async fn due_jobs(pool: &PgPool, now: DateTime<Utc>) -> Result<Vec<Job>, store::Error> {
    let accounts = store::accounts::list_accounts(pool).await?;
    let due_at = schedule(pool).await?;
    let mut jobs = Vec::new();
    for account in accounts.iter().filter(|a| a.enabled) {
        for region in &account.regions {
            for unit in Unit::ALL {
                let next = due_at.get(&(
                    account.id,
                    region.clone(),
                    unit.primary().as_str().to_string(),
                ));
                if next.is_none_or(|n| n.is_none_or(|t| t <= now)) {
                    jobs.push(Job {
                        account_id: account.id,
                        region: region.clone(),
                        unit,
                    });
                }
            }
        }
    }
    Ok(jobs)
}

type Schedule = HashMap<(Uuid, String, String), Option<DateTime<Utc>>>;

async fn schedule(pool: &PgPool) -> Result<Schedule, store::Error> {
    let rows = sqlx::query("SELECT account_id, region, kind, next_due_at FROM sync_freshness")
        .fetch_all(pool)
        .await
        .map_err(store::Error::from)?;
    rows.iter()
        .map(|r| {
            let key = (
                r.try_get("account_id")?,
                r.try_get("region")?,
                r.try_get("kind")?,
            );
            Ok((key, r.try_get("next_due_at")?))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(store::Error::from)
}

pub async fn run(engine: &Engine, job: &Job) -> JobOutcome {
    let pool = &engine.pool;
    let key = job.lease_key();
    // The lease, the still-due check and the credentials on one connection: one pool
    // check-out (each costs a round trip of its own) instead of three.
    let mut conn = match pool.acquire().await {
        Ok(conn) => conn,
        Err(e) => return JobOutcome::Failed(internal(e)),
    };
    let ttl = engine.settings.lease_ttl;
    match lease::try_acquire_lease(&mut *conn, &key, &engine.holder, ttl).await {
        Ok(true) => {}
        Ok(false) => return JobOutcome::Skipped,
        Err(e) => return JobOutcome::Failed(internal(e)),
    }
    // Re-checked under the lease (another server may have just done this job), and the
    // attempt recorded, in one round trip.
    let started = Utc::now();
    let primary = job.key(job.unit.primary());
    let due = match freshness::record_attempt_if_due(&mut *conn, &primary, started).await {
        Ok(true) => {
            let read = store::accounts::get_credentials(&mut *conn, &engine.keys, job.account_id);
            Ok(Some(read.await.map_err(internal)))
        }
        Ok(false) => Ok(None),
        Err(e) => Err(internal(e)),
    };
    // Back to the pool before anything else takes a connection.
    drop(conn);
    let outcome = match due {
        Ok(Some(creds)) => crawl(engine, job, &key, creds).await,
        Ok(None) => JobOutcome::Skipped,
        Err(e) => JobOutcome::Failed(e),
    };
    // A synced job gave its lease back in the transaction that wrote its rows.
    if !matches!(outcome, JobOutcome::Synced(_)) {
        if let Err(e) = lease::release_lease(pool, &key, &engine.holder).await {
            tracing::warn!(error = %e, lease = %key, "could not release a lease; it will expire");
        }
    }
    outcome
}

async fn crawl(
    engine: &Engine,
    job: &Job,
    lease_key: &str,
    creds: Result<store::model::Credentials, FetchError>,
) -> JobOutcome {
    let pool = &engine.pool;
    let fetched = async {
        // Unreadable credentials are this job's failure, recorded like a cloud's.
        let creds = creds?;
        let client = engine.client(&creds, &job.region)?;
        engine.fetch(&client, &job.region, job.unit).await
    };
    // Keep the lease alive while a long, quota-paced crawl runs.
    let renew = async {
        loop {
            tokio::time::sleep(engine.settings.lease_ttl / 3).await;
            let _ = lease::renew_lease(pool, lease_key, &engine.holder, engine.settings.lease_ttl)
                .await;
        }
    };
    let fetched = tokio::select! {
        r = fetched => r,
        _ = renew => unreachable!("the renewal loop never ends"),
    };
    let now = Utc::now();
    match fetched {
        Ok(snapshots) => write(engine, job, lease_key, snapshots, now).await,
        Err(e) => {
            tracing::warn!(account = %job.account_id, region = %job.region, unit = ?job.unit, code = %e.code, "sync failed");
            let next = engine.next_due(job, now, true);
            let keys = job.keys(job.unit.kinds());
            let _ =
                freshness::record_failures(pool, &keys, now, Some(&e.code), &e.message, next).await;
            JobOutcome::Failed(e)
        }
    }
}

/// Writes every kind of the job, its freshness and the release of its lease in one
/// transaction (all or none of them), then samples BGP prefix counts.
async fn write(
    engine: &Engine,
    job: &Job,
    lease_key: &str,
    snapshots: crate::fetch::Snapshots,
    now: DateTime<Utc>,
) -> JobOutcome {
    let pool = &engine.pool;
    let written: Vec<ResourceKind> = snapshots.iter().map(|(k, _)| *k).collect();
    let done = store::sync_write::JobDone {
        kinds: job.unit.kinds(),
        next_due: engine.next_due(job, now, false),
        lease: Some((lease_key, &engine.holder)),
    };
    let reports = store::sync_write::apply_job(
        pool,
        job.account_id,
        &job.region,
        snapshots,
        now,
        Some(done),
    )
    .await;
    let reports = match reports {
        Ok(reports) => reports,
        Err(e) => {
            let e = internal(e);
            let next = engine.next_due(job, now, true);
            // Nothing of the job was committed, so every kind it writes is behind.
            let keys = job.keys(&written);
            let _ =
                freshness::record_failures(pool, &keys, now, Some(&e.code), &e.message, next).await;
            return JobOutcome::Failed(e);
        }
    };
    // Prefix counts depend on sessions and routes; a failed sample only leaves a gap in the
    // chart, so it never fails the job.
    if written.contains(&ResourceKind::BgpSession) || written.contains(&ResourceKind::Route) {
        let sampled =
            store::bgp_samples::record_prefix_samples(pool, job.account_id, &job.region, now);
        if let Err(e) = sampled.await {
            tracing::warn!(error = %e, region = %job.region, "BGP prefix samples not recorded");
        }
    }
    JobOutcome::Synced(reports)
}

fn internal(e: impl std::fmt::Display) -> FetchError {
    FetchError {
        code: "StoreError".into(),
        message: e.to_string(),
    }
}
