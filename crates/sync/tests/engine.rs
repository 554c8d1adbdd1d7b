//! The sync engine against the emulator over loopback HTTP and a real PostgreSQL: a full sync,
//! nothing polled twice (one engine, then two engines on one database), a throttling storm
//! survived, a failing account that does not hold others back, and a hot cycle that records
//! a tunnel's state change.

mod common;
use common::{emulator, keys, register, synced, UNITS};
use emulator::faults::{Cloud as FaultCloud, FaultKind, FaultRule, FaultSet};
use emulator::{EmulatorConfig, EstateSize};
use secrecy::SecretString;
use std::collections::BTreeMap;
use std::time::Duration;
use store::model::{NewAccount, ResourceKind};
use sync::{Engine, JobOutcome, SyncSettings};

async fn count(pool: &sqlx::PgPool, kind: ResourceKind) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM resource_current WHERE kind = $1 AND gone_at IS NULL")
        .bind(kind.as_str())
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_sync_stores_the_estate_and_nothing_is_polled_twice() {
    // Arrange
    let emu = emulator(EmulatorConfig::new(3, EstateSize::toy())).await;
    let pool = pgembed::testing::fresh_database(&store::MIGRATOR).await;
    let keys = keys();
    register(&pool, &keys, &emu, 0).await;
    let engine = Engine::new(pool.clone(), keys, "test-1".into(), SyncSettings::default());
    // Act
    let first = engine.sync_due().await.unwrap();
    let again = engine.sync_due().await.unwrap();
    // Assert: 2 accounts × 1 region × every unit, all synced; nothing due right after.
    assert_eq!(synced(&first), 2 * UNITS, "{first:?}");
    assert!(again.is_empty(), "polled again at once: {again:?}");
    let in_estate: usize = {
        let estate = emu.state().estate();
        let a = &estate.accounts[0];
        a.aliyun.iter().map(|r| r.connections.len()).sum::<usize>()
            + a.huawei.iter().map(|r| r.connections.len()).sum::<usize>()
    };
    assert_eq!(
        count(&pool, ResourceKind::Connection).await,
        in_estate as i64
    );
    assert!(count(&pool, ResourceKind::Tunnel).await >= 6);
    // One site-to-site gateway per cloud; Huawei's point-to-site gateways are gateways too.
    assert!(count(&pool, ResourceKind::VpnGateway).await >= 2);
    for kind in [
        ResourceKind::Route,
        ResourceKind::Vpc,
        ResourceKind::VSwitch,
        ResourceKind::CustomerGateway,
    ] {
        assert!(count(&pool, kind).await > 0, "no {kind} stored");
    }
    let progress = engine.progress().borrow().clone();
    assert_eq!(progress.succeeded, 2 * UNITS as u64);
    assert!(progress.calls >= 8, "{progress:?}");
    // "Refresh now" makes everything due again.
    engine.refresh_now(None).await.unwrap();
    assert_eq!(synced(&engine.sync_due().await.unwrap()), 2 * UNITS);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_servers_share_the_crawl_without_overlap() {
    let emu = emulator(EmulatorConfig::new(4, EstateSize::demo())).await;
    let pool = pgembed::testing::fresh_database(&store::MIGRATOR).await;
    let keys = keys();
    register(&pool, &keys, &emu, 0).await;
    register(&pool, &keys, &emu, 1).await;
    // A second pool: a second server process as far as PostgreSQL can tell.
    let other_pool = sqlx::PgPool::connect_with(pool.connect_options().as_ref().clone())
        .await
        .unwrap();
    let a = Engine::new(
        pool.clone(),
        keys.clone(),
        "server-a".into(),
        SyncSettings::default(),
    );
    let b = Engine::new(other_pool, keys, "server-b".into(), SyncSettings::default());
    let (ra, rb) = tokio::join!(a.sync_due(), b.sync_due());
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    // 4 accounts × 2 regions × every unit: each job crawled exactly once between them.
    assert_eq!(synced(&ra) + synced(&rb), 8 * UNITS, "a: {ra:?}\nb: {rb:?}");
    let generations: Vec<i64> = sqlx::query_scalar("SELECT generation FROM sync_generation")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(
        generations.iter().all(|g| *g == 1),
        "a snapshot was written twice: {generations:?}"
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_throttling_storm_is_survived_and_a_failing_account_holds_nobody_back() {
    let mut config = EmulatorConfig::new(5, EstateSize::toy());
    let throttle = |api: &str| FaultRule {
        cloud: Some(FaultCloud::Aliyun),
        api: Some(api.into()),
        kind: FaultKind::Throttle,
        rate: 1.0,
        remaining: Some(2),
        ..FaultRule::default()
    };
    config.faults = FaultSet {
        rules: vec![throttle("DescribeVpnConnections")],
    };
    let emu = emulator(config).await;
    let pool = pgembed::testing::fresh_database(&store::MIGRATOR).await;
    let keys = keys();
    let (aliyun, _) = register(&pool, &keys, &emu, 0).await;
    // An account whose secret is wrong: its jobs fail, the others must not care.
    let c = &emu.credentials[0];
    store::accounts::create_account(
        &pool,
        &keys,
        NewAccount {
            cloud: "aliyun".into(),
            name: "wrong key".into(),
            access_key_id: c.aliyun_access_key_id.clone(),
            secret: SecretString::from("not-the-secret".to_string()),
            regions: c.aliyun_regions.clone(),
            endpoints: BTreeMap::from([("*".to_string(), emu.aliyun_endpoint.clone())]),
        },
    )
    .await
    .unwrap();
    let engine = Engine::new(pool.clone(), keys, "test".into(), SyncSettings::default());
    let outcomes = engine.sync_due().await.unwrap();
    assert_eq!(synced(&outcomes), 2 * UNITS, "{outcomes:?}");
    let failures: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            JobOutcome::Failed(e) => Some(e.code.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(failures, vec!["SignatureDoesNotMatch".to_string(); UNITS]);
    let progress = engine.progress().borrow().clone();
    assert!(progress.throttled >= 2, "{progress:?}");
    let fresh = store::freshness::freshness(
        &pool,
        Some(aliyun),
        chrono::Utc::now(),
        chrono::Duration::minutes(5),
    )
    .await
    .unwrap();
    assert!(
        fresh.iter().all(|f| !f.stale && f.last_error.is_none()),
        "{fresh:?}"
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hot_cycle_records_tunnel_state_changes() {
    let mut config = EmulatorConfig::new(6, EstateSize::demo());
    config.manual_clock = true;
    let emu = emulator(config).await;
    let pool = pgembed::testing::fresh_database(&store::MIGRATOR).await;
    let keys = keys();
    register(&pool, &keys, &emu, 0).await;
    let engine = Engine::new(pool.clone(), keys, "test".into(), SyncSettings::default());
    assert!(synced(&engine.sync_due().await.unwrap()) > 0);
    // Let the emulated estate live for a simulated day, then run the hot cycle again.
    let mut transitions = 0i64;
    for _ in 0..24 {
        emu.clock().advance(Duration::from_secs(3600));
        engine.refresh_now(None).await.unwrap();
        engine.sync_due().await.unwrap();
        transitions = sqlx::query_scalar("SELECT count(*) FROM state_transition")
            .fetch_one(&pool)
            .await
            .unwrap();
        if transitions > 0 {
            break;
        }
    }
    assert!(
        transitions > 0,
        "no tunnel or BGP state changed in a simulated day"
    );
    emu.shutdown().await;
}
