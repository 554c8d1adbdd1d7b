//! Wiring for the background work: the key that encrypts stored cloud credentials, and the
//! sync engine task (started after the database, stopped before it).

use crate::config::{Settings, SyncConfig};
use secrecy::ExposeSecret;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use store::crypto::KeyRing;
use sync::{Cadence, Engine, SyncSettings};
use tokio::sync::watch;

/// The credentials key: `secret_key` from the configuration (base64), else the key file in the
/// data directory, created with mode 0600 on first start.
pub fn keyring(settings: &Settings) -> Result<KeyRing, String> {
    match &settings.secret_key {
        Some(key) => {
            KeyRing::from_base64(key.expose_secret()).map_err(|e| format!("secret_key: {e}"))
        }
        None => {
            let path = settings.data_dir.join("secret.key");
            std::fs::create_dir_all(&settings.data_dir)
                .map_err(|e| format!("cannot create {} ({e})", settings.data_dir.display()))?;
            KeyRing::load_or_create(&path).map_err(|e| format!("{}: {e}", path.display()))
        }
    }
}

pub struct SyncTask {
    pub engine: Arc<Engine>,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

pub fn start_sync(pool: PgPool, keys: Arc<KeyRing>, config: &SyncConfig) -> SyncTask {
    let settings = SyncSettings {
        cadence: Cadence {
            hot: Duration::from_secs(config.hot_interval_secs),
            cold: Duration::from_secs(config.cold_interval_secs),
        },
        max_concurrency: config.max_concurrency,
        ..SyncSettings::default()
    };
    // Unique per process: leases name their holder, and two servers must never share a name.
    let holder = format!("{}:{}", std::process::id(), uuid::Uuid::new_v4().simple());
    let engine = Engine::new(pool.clone(), keys, holder, settings);
    let (stop, stopped) = watch::channel(false);
    let pruner = prune_history(pool.clone(), config.history_retention_days, stopped.clone());
    let scheduler = engine.clone().run(stopped);
    let task = tokio::spawn(async move {
        tokio::join!(scheduler, pruner);
    });
    SyncTask { engine, stop, task }
}

/// Deletes history past the retention hourly (any server may: the deletes are idempotent),
/// and at once when an admin changes the retention (`store::sync_settings`, checked every
/// minute; the configuration's value is the default).
async fn prune_history(pool: PgPool, default_days: i64, mut stop: watch::Receiver<bool>) {
    let mut last: Option<(i64, std::time::Instant)> = None;
    loop {
        let days = match store::sync_settings::load(&pool).await {
            Ok(s) => s.overrides.history_retention_days.unwrap_or(default_days),
            Err(_) => last.map_or(default_days, |(d, _)| d),
        };
        let due = last.is_none_or(|(d, at)| d != days || at.elapsed() >= Duration::from_secs(3600));
        if due {
            prune_once(&pool, chrono::Duration::days(days)).await;
            last = Some((days, std::time::Instant::now()));
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = stop.changed() => break,
        }
    }
}

async fn prune_once(pool: &PgPool, retention: chrono::Duration) {
    let cutoff = chrono::Utc::now() - retention;
    match store::history::prune_history(pool, cutoff).await {
        Ok(report) => tracing::debug!(?report, "history pruned"),
        Err(e) => tracing::warn!(error = %e, "history pruning failed; retrying in an hour"),
    }
    match store::bgp_samples::prune_prefix_samples(pool, cutoff).await {
        Ok(deleted) => tracing::debug!(deleted, "BGP prefix samples pruned"),
        Err(e) => tracing::warn!(error = %e, "BGP sample pruning failed; retrying in an hour"),
    }
}

impl SyncTask {
    /// Stops scheduling and lets the jobs in flight finish (each snapshot is one transaction,
    /// so one cut short by the 10 s limit rolls back whole).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
        self.engine.drain(Duration::from_secs(10)).await;
    }
}
