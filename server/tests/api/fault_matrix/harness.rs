//! A synced toy estate under a running sync engine, with the server's API on the same store:
//! the stage of every cloud-side fault.

use super::store_checks::{all_healthy, kinds_per_region, visible_counts, Key};
use super::wait_until;
use crate::helpers::{fresh_database, scratch_dir, spawn_app_on, TestApp};
use emulator::{EmulatorConfig, EmulatorHandle, EstateSize};
use serde_json::Value;
use sqlx::PgPool;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use store::crypto::KeyRing;
use sync::{Cadence, Engine, SyncSettings};
use tokio::sync::watch;

/// A failure as recorded in the store (freshness) against one account and region.
#[derive(Debug)]
pub struct Recorded {
    pub account: String,
    pub region: String,
    pub message: String,
}

pub struct Stage {
    pub emu: EmulatorHandle,
    pub pool: PgPool,
    pub keys: Arc<KeyRing>,
    pub app: TestApp,
    /// Freshness rows of a fully synced estate.
    pub freshness_keys: usize,
    /// Visible rows per key after the first full sync (the estate's clock is frozen).
    pub baseline: BTreeMap<Key, i64>,
    stop: watch::Sender<bool>,
    scheduler: tokio::task::JoinHandle<()>,
}

/// Fast cadences so that a failed job is retried within a fraction of a second: recovery
/// times then measure gatewatch, not its polling interval.
pub fn fast_settings() -> SyncSettings {
    SyncSettings {
        cadence: Cadence {
            hot: Duration::from_secs(1),
            cold: Duration::from_secs(2),
        },
        lease_ttl: Duration::from_secs(3),
        max_concurrency: 8,
        tick: Duration::from_millis(50),
        retry_after: Duration::from_millis(300),
        ..SyncSettings::default()
    }
}

impl Stage {
    pub async fn start(seed: u64) -> Stage {
        let mut config = EmulatorConfig::new(seed, EstateSize::toy());
        // A frozen estate: rows may only change because of a fault, never by the estate living.
        config.manual_clock = true;
        // A hung answer waits this long, then the gateway times out (503 / 504).
        config.hang_ms = 300;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let emu = emulator::spawn(config, listener).await;
        let pool = fresh_database().await;
        let keys = Arc::new(KeyRing::load_or_create(&scratch_dir("fm-keys").join("k")).unwrap());
        server::demo::ensure_accounts(&pool, &keys, &emu)
            .await
            .unwrap();
        let accounts = store::accounts::list_accounts(&pool).await.unwrap();
        let freshness_keys =
            accounts.iter().map(|a| a.regions.len()).sum::<usize>() * kinds_per_region();
        let engine = Engine::new(pool.clone(), keys.clone(), "matrix".into(), fast_settings());
        let (stop, stopped) = watch::channel(false);
        let scheduler = tokio::spawn(engine.run(stopped));
        wait_until(Duration::from_secs(60), "the first full sync", || {
            all_healthy(&pool, freshness_keys)
        })
        .await;
        let baseline = visible_counts(&pool).await;
        let app = spawn_app_on(pool.clone()).await;
        Stage {
            emu,
            pool,
            keys,
            app,
            freshness_keys,
            baseline,
            stop,
            scheduler,
        }
    }

    /// The first failure with `code` recorded since `since`, if any.
    pub async fn recorded(
        &self,
        code: &str,
        since: chrono::DateTime<chrono::Utc>,
    ) -> Option<Recorded> {
        let now = chrono::Utc::now();
        let fresh =
            store::freshness::freshness(&self.pool, None, now, chrono::Duration::minutes(5))
                .await
                .ok()?;
        let f = fresh.into_iter().find(|f| {
            f.consecutive_failures > 0
                && f.last_error
                    .as_ref()
                    .is_some_and(|e| e.at >= since && e.code.as_deref() == Some(code))
        })?;
        let account = store::accounts::get_account(&self.pool, f.key.account_id)
            .await
            .ok()?;
        Some(Recorded {
            account: account.name,
            region: f.key.region,
            message: f.last_error?.message.unwrap_or_default(),
        })
    }

    /// `(cloud, account, region, last_error)` of every overview row showing an error, read
    /// through the overview server function over HTTP, as the page reads it.
    pub async fn overview_errors(&self) -> Vec<(String, String, String, String)> {
        let resp = self.app.server_fn("overview", &[]).await;
        assert_eq!(resp.status(), 200);
        let body: Value = resp.json().await.unwrap();
        body["regions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| {
                let text = |k: &str| r[k].as_str().unwrap_or_default().to_string();
                r["last_error"].as_str().map(|e| {
                    (
                        text("cloud"),
                        text("account"),
                        text("region"),
                        e.to_string(),
                    )
                })
            })
            .collect()
    }

    pub async fn healthy(&self) -> bool {
        all_healthy(&self.pool, self.freshness_keys).await
    }

    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.scheduler.await;
        self.app.stop().await;
        self.emu.shutdown().await;
    }
}
