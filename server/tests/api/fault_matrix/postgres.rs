//! PostgreSQL stopped in the middle of a sync and started again, under a running engine and a
//! running server: the API says plainly that the database does not answer, and both recover
//! by themselves once it is back, with the store whole.

use super::harness::fast_settings;
use super::process::free_port;
use super::store_checks::{all_healthy, assert_not_torn, kinds_per_region, visible_counts};
use super::{report, wait_until};
use crate::helpers::{new_client, test_settings};
use emulator::faults::{FaultRule, FaultSet};
use emulator::{EmulatorConfig, EstateSize};
use pgembed::{EmbeddedOptions, EmbeddedPostgres};
use sqlx::postgres::PgPoolOptions;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
async fn postgres_stopped_mid_sync_is_reported_and_recovered_from() {
    // A cluster of its own, on a fixed port so that it comes back where the pool looks.
    let opts = EmbeddedOptions {
        root: pgembed::testing::scratch_dir("fm-pg-restart"),
        bin_dir: None,
        port: free_port(),
        ephemeral: true,
        root_fallback: false,
    };
    let pg = EmbeddedPostgres::start(opts.clone()).await.unwrap();
    let pool = PgPoolOptions::new()
        .max_connections(16)
        // While the server is down, fail fast instead of queueing for 30 s.
        .acquire_timeout(Duration::from_secs(2))
        .connect_with(pg.connect_options(pgembed::cluster::DATABASE))
        .await
        .unwrap();
    server::db::MIGRATOR.run(&pool).await.unwrap();
    let mut config = EmulatorConfig::new(104, EstateSize::toy());
    config.manual_clock = true;
    // 30 ms on every call, so that jobs are in flight when the database goes.
    config.faults = FaultSet {
        rules: vec![FaultRule {
            latency_ms: 30,
            ..FaultRule::default()
        }],
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let emu = emulator::spawn(config, listener).await;
    let keys = Arc::new(store::crypto::KeyRing::from_base64(&base64_key()).unwrap());
    server::demo::ensure_accounts(&pool, &keys, &emu)
        .await
        .unwrap();
    let accounts = store::accounts::list_accounts(&pool).await.unwrap();
    let freshness_keys =
        accounts.iter().map(|a| a.regions.len()).sum::<usize>() * kinds_per_region();
    let engine = sync::Engine::new(
        pool.clone(),
        keys.clone(),
        "pg-restart".into(),
        fast_settings(),
    );
    let (stop_sync, stopped) = tokio::sync::watch::channel(false);
    let scheduler = tokio::spawn(engine.clone().run(stopped));
    // The server, with that engine, on the same pool.
    let listener = server::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop_server, server_stopped) = tokio::sync::oneshot::channel::<()>();
    let services = app::state::Services {
        sync: Some(engine.clone()),
        ..Default::default()
    };
    let serve_pool = pool.clone();
    let server_task = tokio::spawn(async move {
        let settings = test_settings();
        let shutdown = async {
            let _ = server_stopped.await;
        };
        server::serve(
            listener,
            serve_pool,
            app::state::DatabaseKind::External,
            services,
            &settings,
            shutdown,
        )
        .await
    });
    let client = new_client();
    let overview = || async {
        let r = client
            .post(format!("http://{addr}/api/overview"))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap_or_default())
    };
    wait_until(Duration::from_secs(60), "the first full sync", || {
        all_healthy(&pool, freshness_keys)
    })
    .await;
    let counts = visible_counts(&pool).await;
    assert_eq!(overview().await.0, 200);

    // Stop PostgreSQL while jobs are running.
    let mut progress = engine.progress();
    wait_until(Duration::from_secs(10), "jobs in flight", || {
        let running = progress.borrow_and_update().running;
        async move { running > 0 }
    })
    .await;
    pg.stop().await;
    // The API says so, plainly.
    let (status, body) = overview().await;
    assert!(status >= 500, "{status} {body}");
    assert!(body.contains("the database does not answer"), "{body}");
    tokio::time::sleep(Duration::from_secs(2)).await;

    // Started again: everything heals without help.
    let pg = EmbeddedPostgres::start(opts.clone()).await.unwrap();
    let back = chrono::Utc::now();
    let started = Instant::now();
    wait_until(
        Duration::from_secs(60),
        "every key synced after the restart",
        || async {
            let fresh = store::freshness::freshness(
                &pool,
                None,
                chrono::Utc::now(),
                chrono::Duration::minutes(5),
            )
            .await
            .unwrap_or_default();
            fresh.len() == freshness_keys
                && fresh.iter().all(|f| {
                    f.consecutive_failures == 0 && f.last_success_at.is_some_and(|t| t > back)
                })
        },
    )
    .await;
    let recovery = started.elapsed();
    assert_eq!(overview().await.0, 200, "the API answers again");
    assert_not_torn(&pool, "PostgreSQL restart").await;
    assert_eq!(visible_counts(&pool).await, counts, "rows lost");
    report(
        "PostgreSQL stopped mid-sync, restarted 2 s later",
        &format!(
            "jobs in flight failed; API answered {status} \"{}\"; no torn or lost row",
            body.chars().take(80).collect::<String>()
        ),
        recovery,
    );

    let _ = stop_sync.send(true);
    let _ = scheduler.await;
    let _ = stop_server.send(());
    let _ = server_task.await;
    pool.close().await;
    pg.stop().await;
    emu.shutdown().await;
}

fn base64_key() -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode([5u8; 32])
}
