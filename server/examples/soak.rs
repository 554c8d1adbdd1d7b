//! The soak run behind `scripts/soak.sh` (not a test, not in CI): gatewatch's server side — the
//! sync engine, the HTTP server with its event streams, and history retention — against a
//! standalone emulator whose clock runs fast, until it has done a day's worth of hot polling.
//! It prints `SOAK-SAMPLE` lines as it goes and `SOAK-RESULT` lines at the end; the script
//! turns them into SOAK.md.
//!
//! The example stands in for `gatewatch serve` because the server's settings are in whole
//! seconds (hot) and days (retention, pruned hourly): a day of 30 s polling squeezed into
//! minutes needs sub-second cadences and a retention of minutes. Everything else is the
//! server's own code: `server::db` (embedded PostgreSQL, migrations), `server::serve`,
//! `sync::Engine`, `store::history::prune_history`.
//!
//! Environment: SOAK_EMULATOR (base URL, required), SOAK_DATA_DIR (required), SOAK_HOT_MS
//! (1250 = 30 s / 24), SOAK_CYCLES (2880), SOAK_MINUTES (80), SOAK_RETENTION_SECS (300),
//! SOAK_PRUNE_EVERY_SECS (30).

use secrecy::SecretString;
use sqlx::PgPool;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use store::model::NewAccount;

type Error = Box<dyn std::error::Error + Send + Sync>;

// The allocator `gatewatch` itself runs with (server/src/main.rs). With glibc's malloc this
// process spent about half of its CPU in malloc / free / malloc_consolidate (perf).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Hot cycles completed by every (account, region): the lowest connection generation.
async fn hot_cycles(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "SELECT COALESCE(min(generation), 0) FROM sync_generation WHERE kind = 'connection'",
    )
    .fetch_one(pool)
    .await
    .unwrap_or(0)
}

/// (history rows, rows older than `older_than`).
async fn history(pool: &PgPool, older_than: chrono::DateTime<chrono::Utc>) -> (i64, i64) {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM state_transition) + (SELECT count(*) FROM config_change), \
           (SELECT count(*) FROM state_transition WHERE at < $1) + \
           (SELECT count(*) FROM config_change WHERE at < $1)",
    )
    .bind(older_than)
    .fetch_one(pool)
    .await
    .unwrap_or((0, 0))
}

/// Registers every account of the emulator (both clouds) as demo mode does.
async fn register(
    pool: &PgPool,
    keys: &store::crypto::KeyRing,
    base: &str,
) -> Result<usize, Error> {
    let state: serde_json::Value = reqwest::get(format!("{base}/_emulator/state"))
        .await?
        .json()
        .await?;
    let accounts: Vec<emulator::AccountCredentials> =
        serde_json::from_value(state["accounts"].clone())?;
    for c in &accounts {
        let new = |cloud: &str, key: &str, secret: &str, regions: Vec<String>, endpoint: String| {
            NewAccount {
                cloud: cloud.into(),
                name: format!("{} ({cloud})", c.name),
                access_key_id: key.into(),
                secret: SecretString::from(secret.to_string()),
                regions,
                endpoints: BTreeMap::from([("*".to_string(), endpoint)]),
            }
        };
        let huawei_regions = c.huawei_projects.iter().map(|(r, _)| r.clone()).collect();
        let a = new(
            "aliyun",
            &c.aliyun_access_key_id,
            &c.aliyun_access_key_secret,
            c.aliyun_regions.clone(),
            format!("{base}/aliyun/"),
        );
        let h = new(
            "huawei",
            &c.huawei_ak,
            &c.huawei_sk,
            huawei_regions,
            format!("{base}/huawei"),
        );
        store::accounts::create_account(pool, keys, a).await?;
        store::accounts::create_account(pool, keys, h).await?;
    }
    Ok(accounts.len())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let base: String = std::env::var("SOAK_EMULATOR")?;
    let data_dir: String = std::env::var("SOAK_DATA_DIR")?;
    let hot = Duration::from_millis(env("SOAK_HOT_MS", 1250));
    let target: i64 = env("SOAK_CYCLES", 2880);
    let limit = Duration::from_secs(60 * env("SOAK_MINUTES", 80u64));
    let retention = chrono::Duration::seconds(env("SOAK_RETENTION_SECS", 300));
    let prune_every = Duration::from_secs(env("SOAK_PRUNE_EVERY_SECS", 30));

    let flags = server::cli::ServeArgs {
        data_dir: Some(data_dir.into()),
        ..Default::default()
    };
    let settings = server::config::Settings::load(None, &flags)?;
    let database = server::db::Database::open(&settings).await?;
    let pool = database.pool.clone();
    let keys = Arc::new(store::crypto::KeyRing::from_base64(
        "c29hay1ydW4ta2V5LXNvYWstcnVuLWtleS1zb2FrLTE=",
    )?);
    let accounts = register(&pool, &keys, &base).await?;
    let sync_settings = sync::SyncSettings {
        cadence: sync::Cadence {
            hot,
            cold: hot * 20,
        },
        tick: Duration::from_millis(100),
        retry_after: hot,
        ..sync::SyncSettings::default()
    };
    let engine = sync::Engine::new(pool.clone(), keys, "soak".into(), sync_settings);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let scheduler = tokio::spawn(engine.clone().run(stopped.clone()));
    let listener = server::bind("127.0.0.1:0".parse()?).await?;
    println!(
        "SOAK-INFO accounts={accounts} listen={}",
        listener.local_addr()?
    );
    let (stop_server, server_stopped) = tokio::sync::oneshot::channel::<()>();
    let services = app::state::Services {
        sync: Some(engine.clone()),
        ..Default::default()
    };
    let serve_pool = pool.clone();
    let kind = database.kind.clone();
    let http = tokio::spawn(async move {
        let shutdown = async {
            let _ = server_stopped.await;
        };
        server::serve(listener, serve_pool, kind, services, &settings, shutdown).await
    });
    // Retention, compressed: the server's pruner, with minutes instead of days.
    let prune_pool = pool.clone();
    let pruner = tokio::spawn(async move {
        loop {
            tokio::time::sleep(prune_every).await;
            let cutoff = chrono::Utc::now() - retention;
            if let Ok(r) = store::history::prune_history(&prune_pool, cutoff).await {
                println!(
                    "SOAK-PRUNE transitions={} changes={} gone={}",
                    r.transitions, r.changes, r.gone_resources
                );
            }
            let _ = store::bgp_samples::prune_prefix_samples(&prune_pool, cutoff).await;
        }
    });

    let started = Instant::now();
    while hot_cycles(&pool).await < 1 {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let first_sync = started.elapsed();
    let rss_start = rss_kib();
    // Pools, caches and the allocator's arenas fill during the first minute: flatness is judged
    // from there on.
    let mut rss_warm = None;
    let mut rss_middle = None;
    let last = loop {
        tokio::time::sleep(Duration::from_secs(10)).await;
        let cycles = hot_cycles(&pool).await;
        let (rows, old) = history(&pool, chrono::Utc::now() - retention).await;
        let rss = rss_kib();
        let p = engine.progress().borrow().clone();
        println!(
            "SOAK-SAMPLE t={} cycles={cycles} rss_kib={rss} history_rows={rows} older_than_retention={old} calls={} failed={} throttled={}",
            started.elapsed().as_secs(), p.calls, p.failed, p.throttled
        );
        if rss_warm.is_none() && started.elapsed() >= Duration::from_secs(60) {
            rss_warm = Some((rss, cycles));
        }
        if rss_middle.is_none() && (cycles >= target / 2 || started.elapsed() >= limit / 2) {
            rss_middle = Some((rss, cycles, started.elapsed().as_secs()));
        }
        if cycles >= target || started.elapsed() >= limit {
            break cycles;
        }
    };
    let rss_end = rss_kib();
    // One more prune period, so that the last check sees a prune that ran after the stop line.
    let checked_at = chrono::Utc::now();
    tokio::time::sleep(prune_every + Duration::from_secs(2)).await;
    let (rows, old) = history(&pool, checked_at - retention).await;
    let p = engine.progress().borrow().clone();
    let (rss_mid, mid_cycles, mid_t) =
        rss_middle.unwrap_or((rss_end, last, started.elapsed().as_secs()));
    println!(
        "SOAK-RESULT first_sync_secs={:.1}",
        first_sync.as_secs_f64()
    );
    println!("SOAK-RESULT rss_start_kib={rss_start} (after the first hot cycle)");
    let (warm, warm_cycles) = rss_warm.unwrap_or((rss_start, 1));
    println!("SOAK-RESULT rss_after_warmup_kib={warm} at_cycle={warm_cycles} at_secs=60");
    println!("SOAK-RESULT rss_middle_kib={rss_mid} at_cycle={mid_cycles} at_secs={mid_t}");
    println!(
        "SOAK-RESULT rss_end_kib={rss_end} at_cycle={last} at_secs={}",
        started.elapsed().as_secs()
    );
    println!("SOAK-RESULT hot_cycles={last} target={target}");
    println!(
        "SOAK-RESULT history_rows={rows} older_than_retention={old} retention_secs={}",
        retention.num_seconds()
    );
    println!(
        "SOAK-RESULT jobs_ok={} jobs_failed={} cloud_calls={} throttled={}",
        p.succeeded, p.failed, p.calls, p.throttled
    );

    let _ = stop.send(true);
    let _ = scheduler.await;
    pruner.abort();
    let _ = stop_server.send(());
    let _ = http.await;
    database.close().await;
    Ok(())
}
