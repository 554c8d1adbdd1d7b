//! Two gatewatch server processes on one PostgreSQL share the crawl: each (account, region,
//! unit) is crawled once per cycle between them, not once by each.

use crate::helpers::{fresh_database, gatewatch_on, scratch_dir, stop_child};
use base64::Engine as _;
use emulator::{EmulatorConfig, EstateSize};
use std::process::{Child, Stdio};
use std::time::Duration;

fn start(database_url: &str, key: &str, data: &std::path::Path) -> Child {
    gatewatch_on(data, database_url)
        .env("GATEWATCH_SECRET_KEY", key)
        .env("GATEWATCH_SYNC__HOT_INTERVAL_SECS", "1")
        .env("GATEWATCH_SYNC__COLD_INTERVAL_SECS", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn stop(mut child: Child) {
    // SIGTERM, as a service manager would.
    stop_child(&mut child, "TERM");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_servers_crawl_each_key_once_per_cycle() {
    // Arrange: the emulator's accounts registered in a fresh database, one shared key.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let emu = emulator::spawn(EmulatorConfig::new(21, EstateSize::toy()), listener).await;
    let pool = fresh_database().await;
    let key = base64::engine::general_purpose::STANDARD.encode([7u8; 32]);
    let keys = store::crypto::KeyRing::from_base64(&key).unwrap();
    server::demo::ensure_accounts(&pool, &keys, &emu)
        .await
        .unwrap();
    let database = pool.connect_options().get_database().unwrap().to_string();
    let url = pgembed::testing::database_url(&database);
    // Act: two servers, hot and cold cycles of 1 s, for 6 s.
    let (a, b) = (
        start(&url, &key, &scratch_dir("a")),
        start(&url, &key, &scratch_dir("b")),
    );
    let run = Duration::from_secs(6);
    tokio::time::sleep(run).await;
    stop(a);
    stop(b);
    // Assert: every key was written, and no key more often than one crawler could in that
    // time (two uncoordinated crawlers would write about twice as many generations).
    let generations: Vec<(String, i64)> =
        sqlx::query_as("SELECT kind, generation FROM sync_generation")
            .fetch_all(&pool)
            .await
            .unwrap();
    let keys_expected = 2 * sync::Unit::ALL
        .iter()
        .map(|u| u.kinds().len())
        .sum::<usize>();
    assert_eq!(generations.len(), keys_expected, "{generations:?}");
    let most = generations.iter().map(|(_, g)| *g).max().unwrap();
    assert!(most >= 3, "the crawl kept going: {generations:?}");
    assert!(
        most <= run.as_secs() as i64 + 2,
        "a key was crawled by both servers: {generations:?}"
    );
    emu.shutdown().await;
}
