//! Faults of the process, on the real `gatewatch` binary: SIGTERM while its snapshot writes
//! are in flight, and clients that open the event stream and never read it.

use super::process::Gatewatch;
use super::store_checks::{
    all_healthy, assert_not_torn, generations, kinds_per_region, visible_counts,
};
use super::{report, wait_until};
use crate::helpers::{fresh_database, scratch_dir};
use base64::Engine as _;
use emulator::{EmulatorConfig, EmulatorHandle, EstateSize};
use sqlx::PgPool;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

/// A frozen toy estate registered in a fresh database; the database URL and the shared key.
async fn estate(seed: u64) -> (EmulatorHandle, PgPool, String, String, usize) {
    let mut config = EmulatorConfig::new(seed, EstateSize::toy());
    config.manual_clock = true;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let emu = emulator::spawn(config, listener).await;
    let pool = fresh_database().await;
    let key = base64::engine::general_purpose::STANDARD.encode([9u8; 32]);
    let keys = store::crypto::KeyRing::from_base64(&key).unwrap();
    server::demo::ensure_accounts(&pool, &keys, &emu)
        .await
        .unwrap();
    let database = pool.connect_options().get_database().unwrap().to_string();
    let url = pgembed::testing::database_url(&database);
    let accounts = store::accounts::list_accounts(&pool).await.unwrap();
    let freshness_keys =
        accounts.iter().map(|a| a.regions.len()).sum::<usize>() * kinds_per_region();
    (emu, pool, url, key, freshness_keys)
}

/// Sessions of this database waiting for a lock (snapshot writes held up by the blocker).
async fn waiting_writes(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
         AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn synced_since(pool: &PgPool, since: chrono::DateTime<chrono::Utc>, keys: usize) -> bool {
    let fresh =
        store::freshness::freshness(pool, None, chrono::Utc::now(), chrono::Duration::minutes(5))
            .await
            .unwrap_or_default();
    fresh.len() == keys
        && fresh
            .iter()
            .all(|f| f.last_success_at.is_some_and(|t| t > since))
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_during_a_sync_write_leaves_the_store_whole_and_a_restart_resumes() {
    let (emu, pool, url, key, keys) = estate(102).await;
    let data = scratch_dir("fm-sigterm");
    let first = Gatewatch::start(&url, &key, &data, &[]);
    wait_until(Duration::from_secs(60), "the first full sync", || {
        all_healthy(&pool, keys)
    })
    .await;
    let counts = visible_counts(&pool).await;

    // Hold every snapshot write inside its transaction (EXCLUSIVE lets readers in but stops
    // the `SELECT … FOR UPDATE` each snapshot runs), then SIGTERM with writes waiting.
    let mut blocker = pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE resource IN EXCLUSIVE MODE")
        .execute(&mut *blocker)
        .await
        .unwrap();
    wait_until(
        Duration::from_secs(30),
        "snapshot writes in flight",
        || async { waiting_writes(&pool).await >= 1 },
    )
    .await;
    let in_flight = waiting_writes(&pool).await;
    let generations_before = generations(&pool).await;
    let term = tokio::spawn(first.terminate(Duration::from_secs(30)));
    // The writes stay blocked for a second after the signal, then the database moves again.
    tokio::time::sleep(Duration::from_secs(1)).await;
    blocker.rollback().await.unwrap();
    let (status, stop_took) = term.await.unwrap();
    assert!(status.success(), "SIGTERM is a clean stop: {status:?}");

    // Every key holds a whole generation: the one before, or the next one, never a mix.
    assert_not_torn(&pool, "SIGTERM").await;
    assert_eq!(visible_counts(&pool).await, counts, "rows lost");
    let after = generations(&pool).await;
    let finished = after
        .iter()
        .filter(|(k, g)| **g > generations_before[*k])
        .count();

    // A restart resumes: every key synced again, nothing lost.
    let restarted = chrono::Utc::now();
    let started = Instant::now();
    let second = Gatewatch::start(&url, &key, &data, &[]);
    wait_until(
        Duration::from_secs(60),
        "every key synced after the restart",
        || synced_since(&pool, restarted, keys),
    )
    .await;
    let recovery = started.elapsed();
    assert_not_torn(&pool, "SIGTERM restart").await;
    assert_eq!(
        visible_counts(&pool).await,
        counts,
        "rows lost after the restart"
    );
    report(
        "SIGTERM to gatewatch during a sync write",
        &format!(
            "{in_flight} writes held in flight; clean exit {} ms after the signal; {finished} keys \
             committed whole, the rest rolled back; no torn or lost row; restart resynced every key",
            stop_took.as_millis()
        ),
        recovery,
    );
    second.terminate(Duration::from_secs(30)).await;
    emu.shutdown().await;
}

/// `sse_clients` from the server's /metrics.
async fn sse_clients(gw: &Gatewatch) -> i64 {
    let text = reqwest::get(gw.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find(|l| l.contains("sse_clients") && !l.starts_with('#'))
        .and_then(|l| l.split_whitespace().last())
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("no sse_clients gauge in /metrics")) as i64
}

#[tokio::test(flavor = "multi_thread")]
async fn event_streams_nobody_reads_block_neither_others_nor_the_sync_nor_shutdown() {
    const STALLED: usize = 200;
    let (emu, pool, url, key, keys) = estate(103).await;
    // Guests may read, so that the streams need no session (no demo: guests would be refused).
    let viewer = [("GATEWATCH_ACCESS__GUEST_ROLE", "viewer")];
    let gw = Gatewatch::start(&url, &key, &scratch_dir("fm-sse"), &viewer);
    wait_until(Duration::from_secs(60), "the first full sync", || {
        all_healthy(&pool, keys)
    })
    .await;
    let rss_before = gw.rss_kib();

    // Clients that ask for the stream with a 4 KiB receive window and never read a byte.
    let mut stalled = Vec::new();
    for _ in 0..STALLED {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.set_recv_buffer_size(4096).unwrap();
        let mut stream = socket.connect(gw.addr.parse().unwrap()).await.unwrap();
        stream
            .write_all(
                b"GET /events HTTP/1.1\r\nHost: gatewatch\r\nAccept: text/event-stream\r\n\r\n",
            )
            .await
            .unwrap();
        stalled.push(stream);
    }
    wait_until(
        Duration::from_secs(10),
        "the stalled streams open",
        || async { sse_clients(&gw).await >= STALLED as i64 },
    )
    .await;

    // A reading client still gets every change, and the sync keeps writing.
    let generations_before: i64 = generations(&pool).await.values().sum();
    let mut reader = reqwest::get(gw.url("/events")).await.unwrap();
    let mut changes = 0;
    let deadline = Instant::now() + Duration::from_secs(8);
    while changes < 3 && Instant::now() < deadline {
        if let Ok(Ok(Some(chunk))) =
            tokio::time::timeout(Duration::from_secs(1), reader.chunk()).await
        {
            changes += String::from_utf8_lossy(&chunk)
                .matches("event: change")
                .count();
        }
    }
    assert!(
        changes >= 3,
        "the reading client got {changes} change events in 8 s"
    );
    let generations_after: i64 = generations(&pool).await.values().sum();
    assert!(generations_after > generations_before, "the sync stalled");
    let rss_during = gw.rss_kib();
    assert!(
        rss_during < rss_before + 64 * 1024,
        "{STALLED} stalled streams cost {} KiB",
        rss_during - rss_before
    );

    // The stalled clients go away: the server lets go of their streams by itself.
    drop(stalled);
    let gone = Instant::now();
    wait_until(
        Duration::from_secs(40),
        "the stalled streams released",
        || async { sse_clients(&gw).await <= 1 },
    )
    .await;
    let recovery = gone.elapsed();

    // And a shutdown is not held up by an open stream.
    let (status, stop_took) = gw.terminate(Duration::from_secs(20)).await;
    assert!(status.success(), "{status:?}");
    drop(reader);
    report(
        "slow SSE clients: 200 streams never read",
        &format!(
            "another client got {changes} change events in time; sync kept writing; server RSS \
             {rss_before} -> {rss_during} KiB; SIGTERM exit in {} ms with a stream open",
            stop_took.as_millis()
        ),
        recovery,
    );
    emu.shutdown().await;
}
