//! The scheduler: finds the (account, region, unit) jobs that are due, runs as many at once as
//! the slots allow (the per-API budgets pace the calls inside them), and records freshness.
//!
//! Several servers may run engines on one database. A job runs only under its lease (see
//! `store::lease`), and re-checks that it is still due once it holds the lease, so a job another
//! server has just finished is not crawled again. A server that dies loses its leases when they
//! expire. One failing account or region only delays its own jobs.

use crate::clients::{self, RegionClient};
use crate::fetch::{self, FetchError};
use crate::gate::{BudgetGate, CallStats};
use crate::job::{Job, JobOutcome};
use crate::phase;
use crate::progress::{self, Progress};
use crate::quota::{CloudApi, Quotas};
use crate::unit::{Cadence, Unit};
use callgate::SharedGate;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use store::crypto::KeyRing;
use store::model::Cloud;
use tokio::sync::{watch, Semaphore};
use uuid::Uuid;

/// How often the scheduler looks for tables whose statistics lag behind the sync's writes:
/// soon enough that the pages' plans fit the first crawl within seconds of it.
const ANALYZE_EVERY: Duration = Duration::from_secs(3);

#[derive(Debug, Clone)]
pub struct SyncSettings {
    pub cadence: Cadence,
    /// How long a lease lives without renewal (a dead server's jobs wait this long).
    pub lease_ttl: Duration,
    /// Jobs running at once on this server.
    pub max_concurrency: usize,
    /// How often the scheduler looks for due jobs.
    pub tick: Duration,
    /// Delay before retrying a failed job (capped by the unit's interval).
    pub retry_after: Duration,
    pub quotas: Quotas,
}

impl Default for SyncSettings {
    fn default() -> Self {
        SyncSettings {
            cadence: Cadence::default(),
            lease_ttl: Duration::from_secs(120),
            max_concurrency: 8,
            tick: Duration::from_secs(1),
            retry_after: Duration::from_secs(30),
            quotas: Quotas::default(),
        }
    }
}

pub struct Engine {
    pub(crate) pool: PgPool,
    pub(crate) keys: Arc<KeyRing>,
    pub(crate) holder: String,
    pub(crate) settings: SyncSettings,
    stats: Arc<CallStats>,
    pub(crate) gates: Mutex<HashMap<(Uuid, String), SharedGate>>,
    running: Mutex<HashSet<Job>>,
    slots: Arc<Semaphore>,
    progress: watch::Sender<Progress>,
    job_secs: Mutex<(f64, u64)>,
    /// Settings an admin changed at run time (see `live`).
    pub(crate) live: std::sync::RwLock<crate::live::Live>,
    /// One HTTP connection pool for every job's Alibaba client (see `clients::build`).
    http: reqwest::Client,
}

impl Engine {
    /// `holder` names this server in leases (unique per process).
    pub fn new(
        pool: PgPool,
        keys: Arc<KeyRing>,
        holder: String,
        settings: SyncSettings,
    ) -> Arc<Self> {
        let slots = Arc::new(Semaphore::new(settings.max_concurrency.max(1)));
        Arc::new(Engine {
            pool,
            keys,
            holder,
            settings,
            stats: Arc::new(CallStats::default()),
            gates: Mutex::new(HashMap::new()),
            running: Mutex::new(HashSet::new()),
            slots,
            progress: watch::channel(Progress::default()).0,
            job_secs: Mutex::new((0.0, 0)),
            live: Default::default(),
            http: clients::shared_http(),
        })
    }

    pub fn progress(&self) -> watch::Receiver<Progress> {
        self.progress.subscribe()
    }

    /// The gate shared by all jobs of one (account, region).
    pub(crate) fn gate(&self, account: Uuid, cloud: Cloud, region: &str) -> SharedGate {
        let mut gates = self.gates.lock().unwrap_or_else(|p| p.into_inner());
        gates
            .entry((account, region.to_string()))
            .or_insert_with(|| {
                let cloud = match cloud {
                    Cloud::Aliyun => CloudApi::Aliyun,
                    Cloud::Huawei => CloudApi::Huawei,
                };
                SharedGate(Arc::new(BudgetGate::new(
                    cloud,
                    self.quotas_for(account),
                    self.stats.clone(),
                )))
            })
            .clone()
    }

    /// Starts every due job that is not already running here.
    pub async fn start_due(
        self: &Arc<Self>,
    ) -> Result<Vec<tokio::task::JoinHandle<JobOutcome>>, store::Error> {
        let due = crate::job::due_jobs(&self.pool, Utc::now()).await?;
        let mut handles = Vec::new();
        for job in due {
            let fresh = self
                .running
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(job.clone());
            if fresh {
                let engine = self.clone();
                handles.push(tokio::spawn(async move { engine.run_job(job).await }));
            }
        }
        self.publish();
        Ok(handles)
    }

    /// Runs the jobs due now and waits for them: the first sync, tests, "refresh now".
    pub async fn sync_due(self: &Arc<Self>) -> Result<Vec<JobOutcome>, store::Error> {
        let mut out = Vec::new();
        for h in self.start_due().await? {
            out.push(h.await.unwrap_or(JobOutcome::Failed(FetchError {
                code: "Panic".into(),
                message: "a sync job panicked".into(),
            })));
        }
        Ok(out)
    }

    /// The scheduler loop, until `stop` turns true. Between ticks it also keeps the planner's
    /// statistics in step with bulk writes (see `store::statistics`).
    pub async fn run(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        let mut reloaded: Option<Instant> = None;
        let mut analysed: Option<Instant> = None;
        loop {
            if analysed.is_none_or(|t| t.elapsed() >= ANALYZE_EVERY) {
                match store::statistics::analyze_stale_tables(&self.pool).await {
                    Ok(tables) if !tables.is_empty() => {
                        tracing::info!(?tables, "analysed tables the sync changed in bulk")
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "could not refresh planner statistics"),
                }
                analysed = Some(Instant::now());
            }
            if reloaded.is_none_or(|t| t.elapsed() >= crate::live::RELOAD_EVERY) {
                if let Err(e) = self.reload_settings().await {
                    tracing::warn!(error = %e, "sync settings not reloaded; keeping the current ones");
                }
                reloaded = Some(Instant::now());
            }
            if let Err(e) = self.start_due().await {
                // The database may be restarting: try again on the next tick.
                tracing::warn!(error = %e, "sync scheduler could not read its schedule");
            }
            tokio::select! {
                _ = tokio::time::sleep(self.settings.tick) => {}
                _ = stop.changed() => break,
            }
        }
    }

    /// Waits (at most `timeout`) for the jobs running here to finish, so their leases are
    /// released and their snapshots committed before the database closes.
    pub async fn drain(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if self
                .running
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .is_empty()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tracing::warn!("sync jobs still running at shutdown; their leases will expire");
    }

    /// Marks every job (of one account, or all) due now.
    pub async fn refresh_now(&self, account: Option<Uuid>) -> Result<u64, store::Error> {
        let done = sqlx::query(
            "UPDATE sync_freshness SET next_due_at = now() WHERE ($1::uuid IS NULL OR account_id = $1)",
        )
        .bind(account)
        .execute(&self.pool)
        .await
        .map_err(store::Error::from)?;
        Ok(done.rows_affected())
    }

    /// Marks the jobs of one (account, region) due now: after an operator's write, so the
    /// pages show its effect at the next tick rather than at the next scheduled crawl.
    pub async fn refresh_region(&self, account: Uuid, region: &str) -> Result<u64, store::Error> {
        let done = sqlx::query(
            "UPDATE sync_freshness SET next_due_at = now() WHERE account_id = $1 AND region = $2",
        )
        .bind(account)
        .bind(region)
        .execute(&self.pool)
        .await
        .map_err(store::Error::from)?;
        Ok(done.rows_affected())
    }

    async fn run_job(self: Arc<Self>, job: Job) -> JobOutcome {
        let _slot = self.slots.clone().acquire_owned().await;
        self.progress.send_modify(|p| p.started += 1);
        self.publish();
        let started = Instant::now();
        let outcome = crate::job::run(&self, &job).await;
        self.running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&job);
        let secs = started.elapsed().as_secs_f64();
        self.progress.send_modify(|p| match &outcome {
            JobOutcome::Synced(_) => p.succeeded += 1,
            JobOutcome::Failed(e) => {
                p.failed += 1;
                p.last_error = Some(e.to_string());
            }
            JobOutcome::Skipped => p.skipped += 1,
        });
        if matches!(outcome, JobOutcome::Synced(_)) {
            let mut js = self.job_secs.lock().unwrap_or_else(|p| p.into_inner());
            *js = (js.0 + secs, js.1 + 1);
        }
        self.publish();
        outcome
    }

    fn publish(&self) {
        let running = self.running.lock().unwrap_or_else(|p| p.into_inner()).len();
        let in_flight = self
            .settings
            .max_concurrency
            .saturating_sub(self.slots.available_permits());
        let (total, n) = *self.job_secs.lock().unwrap_or_else(|p| p.into_inner());
        let mean = (n > 0).then(|| total / n as f64);
        self.progress.send_modify(|p| {
            p.running = in_flight;
            p.queued = running.saturating_sub(in_flight);
            p.calls = self.stats.calls.load(Ordering::Relaxed);
            p.throttled = self.stats.throttled.load(Ordering::Relaxed);
            p.eta_secs = progress::eta(running, self.settings.max_concurrency, mean);
        });
    }

    pub(crate) fn client(
        &self,
        creds: &store::model::Credentials,
        region: &str,
    ) -> Result<RegionClient, FetchError> {
        clients::build(
            creds,
            region,
            self.gate(creds.account_id, creds.cloud, region),
            &self.http,
        )
    }

    pub(crate) async fn fetch(
        &self,
        client: &RegionClient,
        region: &str,
        unit: Unit,
    ) -> Result<fetch::Snapshots, FetchError> {
        match client {
            RegionClient::Aliyun(c) => fetch::aliyun::fetch(c, region, unit).await,
            RegionClient::Huawei(c) => fetch::huawei::fetch(c, unit).await,
        }
    }

    /// When `job` is due again: a failed one after the retry delay, a successful one on its
    /// phase (see `phase.rs`).
    pub(crate) fn next_due(&self, job: &Job, now: DateTime<Utc>, failed: bool) -> DateTime<Utc> {
        let interval = job.unit.interval(self.cadence());
        let duration =
            |d| chrono::Duration::from_std(d).unwrap_or_else(|_| chrono::Duration::seconds(30));
        if failed {
            return now + duration(self.settings.retry_after.min(interval));
        }
        let interval = duration(interval);
        let unit = job.unit.primary().as_str();
        let phase = phase::phase_of(job.account_id, &job.region, unit, interval);
        phase::next_on_phase(now, interval, phase)
    }
}
