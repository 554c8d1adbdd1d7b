//! The sync engine under faults, over loopback HTTP and a real PostgreSQL:
//!
//! - a route's weight changed through the cloud API shows up as a config diff (old → new);
//! - PostgreSQL stopped and started again under a running engine: it recovers by itself and
//!   no snapshot is torn;
//! - a server killed while its snapshot writes are in flight: everything it had not
//!   committed is rolled back, and another server finishes the work exactly once;
//! - faults injected by the emulator (5xx bursts, truncated and malformed bodies, lists sent
//!   as one object, hung answers) are hidden by the client's retry or recorded as a failure
//!   with its code and recovered from on the next run, and nothing stored is lost.

mod common;
use common::{emulator, keys, register, synced, UNITS};
use emulator::faults::{Cloud as FaultCloud, FaultKind, FaultRule, FaultSet};
use emulator::{EmulatorConfig, EmulatorHandle, EstateSize};
use pgembed::{EmbeddedOptions, EmbeddedPostgres};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use store::crypto::KeyRing;
use store::model::ResourceKind;
use sync::{Cadence, Engine, JobOutcome, SyncSettings, Unit};
use uuid::Uuid;

fn failure_codes(outcomes: &[JobOutcome]) -> Vec<String> {
    outcomes
        .iter()
        .filter_map(|o| match o {
            JobOutcome::Failed(e) => Some(e.code.clone()),
            _ => None,
        })
        .collect()
}

type Key = (Uuid, String, String);

/// Visible rows per (account, region, kind), read in one statement (one MVCC snapshot).
async fn visible_counts(pool: &PgPool) -> BTreeMap<Key, i64> {
    let rows: Vec<(Uuid, String, String, i64)> = sqlx::query_as(
        "SELECT account_id, region, kind, count(*) FROM resource_current \
         GROUP BY account_id, region, kind",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(a, r, k, n)| ((a, r, k), n))
        .collect()
}

/// The committed generation of every (account, region, kind).
async fn generations(pool: &PgPool) -> BTreeMap<Key, i64> {
    let rows: Vec<(Uuid, String, String, i64)> =
        sqlx::query_as("SELECT account_id, region, kind, generation FROM sync_generation")
            .fetch_all(pool)
            .await
            .unwrap();
    rows.into_iter()
        .map(|(a, r, k, g)| ((a, r, k), g))
        .collect()
}

/// No torn snapshot: no live row of any (account, region, kind) was written under a
/// generation that key never committed (a half-applied snapshot would leave such rows next to
/// the last whole picture), and no live row lacks a generation.
async fn assert_not_torn(pool: &PgPool) {
    let (mixed, orphans, live, visible): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT \
           (SELECT count(*) FROM resource r JOIN sync_generation g \
              USING (account_id, region, kind) \
            WHERE r.gone_at IS NULL AND r.generation > g.generation), \
           (SELECT count(*) FROM resource r WHERE NOT EXISTS (SELECT 1 FROM sync_generation g \
              WHERE g.account_id = r.account_id AND g.region = r.region AND g.kind = r.kind)), \
           (SELECT count(*) FROM resource WHERE gone_at IS NULL), \
           (SELECT count(*) FROM resource_current)",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(
        mixed, 0,
        "live rows from an uncommitted generation: a torn snapshot"
    );
    assert_eq!(orphans, 0, "rows without a committed generation");
    assert_eq!(live, visible, "live rows hidden from readers");
}

/// Connections of the emulator's account `index`, both clouds.
fn estate_connections(emu: &EmulatorHandle, index: usize) -> i64 {
    let estate = emu.state().estate();
    let a = &estate.accounts[index];
    (a.aliyun.iter().map(|r| r.connections.len()).sum::<usize>()
        + a.huawei.iter().map(|r| r.connections.len()).sum::<usize>()) as i64
}

async fn stored_connections(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM resource_current WHERE kind = $1")
        .bind(ResourceKind::Connection.as_str())
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Polls `check` every 100 ms until it holds, or panics with `what` after `limit`.
async fn wait_until<F, Fut>(limit: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every freshness row succeeded after `since` and has no failure streak.
async fn all_fresh_since(pool: &PgPool, since: chrono::DateTime<chrono::Utc>, keys: usize) -> bool {
    let fresh =
        store::freshness::freshness(pool, None, chrono::Utc::now(), chrono::Duration::minutes(5))
            .await
            .unwrap_or_default();
    fresh.len() == keys
        && fresh.iter().all(|f| {
            f.consecutive_failures == 0 && f.last_success_at.is_some_and(|t| t > since) && !f.stale
        })
}

/// Kinds written per (account, region): every kind of every unit.
fn kinds_per_region() -> usize {
    Unit::ALL.iter().map(|u| u.kinds().len()).sum()
}

// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn a_weight_changed_through_the_api_is_recorded_as_a_config_diff() {
    // A frozen simulation clock: nothing changes in the estate but what this test writes.
    let mut config = EmulatorConfig::new(11, EstateSize::toy());
    config.manual_clock = true;
    let emu = emulator(config).await;
    let pool = pgembed::testing::fresh_database(&store::MIGRATOR).await;
    let keys = keys();
    let (aliyun_id, _) = register(&pool, &keys, &emu, 0).await;
    let engine = Engine::new(pool.clone(), keys, "diff".into(), SyncSettings::default());
    assert_eq!(synced(&engine.sync_due().await.unwrap()), 2 * UNITS);

    // A destination route of the Alibaba region, as the estate holds it.
    let (region, route) = {
        let estate = emu.state().estate();
        let r = &estate.accounts[0].aliyun[0];
        let route = r
            .vpn_routes
            .iter()
            .find(|e| {
                e.weight.is_some()
                    && e.vpn_instance_id.is_some()
                    && e.route_dest.is_some()
                    && e.next_hop.is_some()
            })
            .expect("the estate has a VPN destination route")
            .clone();
        (r.region_id.clone(), route)
    };
    let (gw, dest, hop) = (
        route.vpn_instance_id.clone().unwrap(),
        route.route_dest.clone().unwrap(),
        route.next_hop.clone().unwrap(),
    );
    let old = route.weight.unwrap();
    let new = if old == 100 { 0 } else { 100 };
    let cloud_id = format!("vpn_destination|{gw}|{dest}||{hop}");
    let stored_weight = || async {
        sqlx::query_scalar::<_, Option<i64>>(
            "SELECT (attrs ->> 'weight')::bigint FROM resource_current WHERE account_id = $1 AND cloud_id = $2",
        )
        .bind(aliyun_id)
        .bind(&cloud_id)
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    assert_eq!(stored_weight().await, Some(i64::from(old)), "{cloud_id}");

    // Act: change the weight the way an operator would, through the cloud API.
    let c = &emu.credentials[0];
    let mut cfg = aliyun::ClientConfig::new(aliyun::Credentials::new(
        c.aliyun_access_key_id.clone(),
        &c.aliyun_access_key_secret,
    ));
    cfg.endpoint = Some(emu.aliyun_endpoint.clone());
    cfg.allow_insecure_http = true;
    let client = aliyun::Client::new(cfg).unwrap();
    let since = chrono::Utc::now();
    client
        .modify_vpn_route_weight(
            &aliyun::types::write::ModifyVpnRouteWeight {
                region_id: region.clone(),
                vpn_gateway_id: gw.clone(),
                route_source: None,
                route_dest: dest.clone(),
                next_hop: hop.clone(),
                weight: old,
                new_weight: new,
                overlay_mode: route.overlay_mode.clone(),
            },
            None,
        )
        .await
        .unwrap();
    engine.refresh_now(None).await.unwrap();
    assert_eq!(synced(&engine.sync_due().await.unwrap()), 2 * UNITS);

    // Assert: exactly one route changed, that one, weight old → new.
    let changes = store::history::changes_since(&pool, Some(aliyun_id), since)
        .await
        .unwrap();
    let routes: Vec<_> = changes
        .iter()
        .filter(|c| c.key.kind == ResourceKind::Route)
        .collect();
    assert_eq!(routes.len(), 1, "{routes:#?}");
    let change = routes[0];
    assert_eq!(change.key.cloud_id, cloud_id);
    assert_eq!(change.key.region, region);
    assert_eq!(change.change, "changed");
    let weight = change
        .fields
        .iter()
        .find(|f| f.path == "weight" || f.path.ends_with(".weight"))
        .unwrap_or_else(|| panic!("no weight field in {:#?}", change.fields));
    assert_eq!(
        weight.old.as_ref().and_then(|v| v.as_u64()),
        Some(u64::from(old))
    );
    assert_eq!(
        weight.new.as_ref().and_then(|v| v.as_u64()),
        Some(u64::from(new))
    );
    assert_eq!(stored_weight().await, Some(i64::from(new)));
    // Nothing was added or removed by the second sync.
    assert!(
        changes.iter().all(|c| c.change == "changed"),
        "{changes:#?}"
    );
    emu.shutdown().await;
}

// ---------------------------------------------------------------------------------------

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_engine_recovers_by_itself_when_postgres_restarts_mid_sync() {
    // Arrange: a cluster of its own, on a fixed port so it comes back where the pool looks.
    let opts = EmbeddedOptions {
        root: pgembed::testing::scratch_dir("pg-restart"),
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
    store::MIGRATOR.run(&pool).await.unwrap();
    // 30 ms on every call so that jobs are in flight when the server goes.
    let mut config = EmulatorConfig::new(12, EstateSize::demo()).at_fixed_start();
    config.faults = FaultSet {
        rules: vec![FaultRule {
            latency_ms: 30,
            ..FaultRule::default()
        }],
    };
    let emu = emulator(config).await;
    let keys = keys();
    register(&pool, &keys, &emu, 0).await;
    register(&pool, &keys, &emu, 1).await;
    // 2 estate accounts × 2 clouds × 2 regions.
    let freshness_keys = 8 * kinds_per_region();
    let settings = SyncSettings {
        cadence: Cadence {
            hot: Duration::from_secs(1),
            cold: Duration::from_secs(2),
        },
        lease_ttl: Duration::from_secs(3),
        max_concurrency: 8,
        tick: Duration::from_millis(100),
        retry_after: Duration::from_millis(500),
        ..SyncSettings::default()
    };
    let engine = Engine::new(pool.clone(), keys, "restart".into(), settings);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let scheduler = tokio::spawn(engine.clone().run(stopped));
    let start = chrono::Utc::now();
    wait_until(Duration::from_secs(60), "the first full sync", || {
        all_fresh_since(&pool, start, freshness_keys)
    })
    .await;
    let counts_before = visible_counts(&pool).await;
    let generations_before = generations(&pool).await;
    assert_eq!(generations_before.len(), freshness_keys);
    let failed_before = engine.progress().borrow().failed;

    // Act: stop PostgreSQL while jobs are running, keep it down a while, start it again.
    let mut progress = engine.progress();
    wait_until(Duration::from_secs(10), "jobs in flight", || {
        let running = progress.borrow_and_update().running;
        async move { running > 0 }
    })
    .await;
    pg.stop().await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let pg = EmbeddedPostgres::start(opts.clone()).await.unwrap();
    let back = chrono::Utc::now();

    // Assert: every key succeeds again after the restart, without any help.
    wait_until(
        Duration::from_secs(60),
        "every key synced after the restart",
        || all_fresh_since(&pool, back, freshness_keys),
    )
    .await;
    // Whether a job was mid-flight when PostgreSQL went away depends on timing (the
    // scheduler also just fails to read its schedule while the database is down), so the
    // failure count is reported, not asserted; recovery is what this test proves.
    let failed_after = engine.progress().borrow().failed;
    eprintln!(
        "jobs failed during the outage: {}",
        failed_after - failed_before
    );
    // New generations were committed for every key since the restart.
    let generations_after = generations(&pool).await;
    for (key, before) in &generations_before {
        assert!(
            generations_after[key] > *before,
            "{key:?} never written again"
        );
    }
    // The picture is whole: no torn snapshot, and the same rows per key as before.
    assert_not_torn(&pool).await;
    assert_eq!(visible_counts(&pool).await, counts_before);
    let in_estate = estate_connections(&emu, 0) + estate_connections(&emu, 1);
    assert_eq!(stored_connections(&pool).await, in_estate);

    stop.send(true).unwrap();
    scheduler.await.unwrap();
    pool.close().await;
    pg.stop().await;
    emu.shutdown().await;
}

// ---------------------------------------------------------------------------------------

/// A second server process, as far as PostgreSQL can tell: its own runtime and pool. Killing
/// it drops its runtime, which cancels every task at its current await point (mid-statement,
/// mid-transaction) and closes its connections: what SIGKILL / a hard SIGTERM does.
struct Victim {
    kill: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Victim {
    fn start(
        connect: sqlx::postgres::PgConnectOptions,
        keys: Arc<KeyRing>,
        settings: SyncSettings,
    ) -> Self {
        let (kill, killed) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .connect_with(connect.application_name("victim"))
                    .await
                    .unwrap();
                let engine = Engine::new(pool, keys, "victim".into(), settings);
                let (_stop, stopped) = tokio::sync::watch::channel(false);
                tokio::spawn(engine.run(stopped));
                let _ = killed.await;
            });
            // Cancel everything in flight, without waiting for anything to finish.
            rt.shutdown_background();
        });
        Victim {
            kill: Some(kill),
            thread: Some(thread),
        }
    }

    fn kill(mut self) {
        let _ = self.kill.take().unwrap().send(());
        self.thread.take().unwrap().join().unwrap();
    }
}

async fn backends(pool: &PgPool, sql_filter: &str) -> i64 {
    sqlx::query_scalar(&format!(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
         AND application_name = 'victim' {sql_filter}"
    ))
    .fetch_one(pool)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_during_its_writes_leaves_the_store_whole_and_another_resumes() {
    let emu = emulator(EmulatorConfig::new(13, EstateSize::demo()).at_fixed_start()).await;
    let pool = pgembed::testing::fresh_database(&store::MIGRATOR).await;
    let keys = keys();
    register(&pool, &keys, &emu, 0).await;
    let jobs = 2 * 2 * UNITS; // 2 clouds × 2 regions × every unit
    let first = Engine::new(
        pool.clone(),
        keys.clone(),
        "first".into(),
        SyncSettings::default(),
    );
    assert_eq!(synced(&first.sync_due().await.unwrap()), jobs);
    let counts_before = visible_counts(&pool).await;
    let generations_before = generations(&pool).await;

    // Give every stored row a payload the clouds no longer report, so that each snapshot
    // must rewrite its rows (one seen again exactly as stored is not written at all).
    let marked = sqlx::query("UPDATE resource SET raw = raw || '{\"gw_marker\": 1}'")
        .execute(&pool)
        .await
        .unwrap()
        .rows_affected();
    let unrepaired = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM resource WHERE raw ? 'gw_marker'")
            .fetch_one(&pool)
            .await
            .unwrap()
    };

    // Hold every snapshot write inside its transaction: EXCLUSIVE still lets readers in but
    // stops the upsert of its rows, which each snapshot runs after bumping its generation.
    let mut blocker = pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE resource IN EXCLUSIVE MODE")
        .execute(&mut *blocker)
        .await
        .unwrap();
    first.refresh_now(None).await.unwrap();
    let victim_settings = SyncSettings {
        lease_ttl: Duration::from_secs(2),
        max_concurrency: 8,
        tick: Duration::from_millis(100),
        ..SyncSettings::default()
    };
    let victim = Victim::start(
        pool.connect_options().as_ref().clone(),
        keys.clone(),
        victim_settings,
    );
    wait_until(
        Duration::from_secs(30),
        "snapshot writes in flight",
        || async { backends(&pool, "AND wait_event_type = 'Lock'").await >= 4 },
    )
    .await;
    let in_flight = backends(&pool, "AND wait_event_type = 'Lock'").await;

    // Act: kill it with its transactions open, then let the database move again.
    victim.kill();
    blocker.rollback().await.unwrap();
    wait_until(
        Duration::from_secs(30),
        "the killed server's sessions to end",
        || async { backends(&pool, "").await == 0 },
    )
    .await;

    // Assert: nothing it had begun is visible; the previous picture is whole. (A key with no
    // rows, such as the kinds a Huawei region does not have, writes no row, so its empty
    // snapshot may well have committed before the kill; that is all it could commit.)
    let holding: Vec<Key> = sqlx::query_as(
        "SELECT DISTINCT account_id, region, kind FROM resource WHERE gone_at IS NULL",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let now = generations(&pool).await;
    for key in &holding {
        assert_eq!(
            now[key], generations_before[key],
            "a killed server's snapshot of {key:?} committed ({in_flight} were in flight)"
        );
    }
    assert_not_torn(&pool).await;
    assert_eq!(visible_counts(&pool).await, counts_before);
    assert_eq!(
        unrepaired().await,
        marked as i64,
        "a killed server's rows committed"
    );

    // A new server finishes the work once the dead one's leases expire, each job once.
    let successor = Engine::new(
        pool.clone(),
        keys,
        "successor".into(),
        SyncSettings::default(),
    );
    let mut done = 0;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let now = generations(&pool).await;
        if generations_before.iter().all(|(key, g)| now[key] > *g) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "only {done} of {jobs} jobs resumed"
        );
        let outcomes = successor.sync_due().await.unwrap();
        assert!(failure_codes(&outcomes).is_empty(), "{outcomes:?}");
        done += synced(&outcomes);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(done > 0 && done <= jobs, "{done} of {jobs} jobs resumed");
    let generations_after = generations(&pool).await;
    for (key, before) in &generations_before {
        assert_eq!(generations_after[key], before + 1, "{key:?}");
    }
    assert_not_torn(&pool).await;
    assert_eq!(visible_counts(&pool).await, counts_before);
    assert_eq!(stored_connections(&pool).await, estate_connections(&emu, 0));
    assert_eq!(unrepaired().await, 0, "rows the successor did not rewrite");
    emu.shutdown().await;
}

// ---------------------------------------------------------------------------------------

/// What a fault must lead to.
#[derive(Debug)]
enum Expect {
    /// The client's retry hides it: every job syncs.
    Hidden,
    /// The jobs that call the API fail with this code; the next run succeeds.
    Fails(&'static str),
}

struct Case {
    name: &'static str,
    cloud: FaultCloud,
    api: &'static str,
    kind: FaultKind,
    remaining: u32,
    expect: Expect,
}

#[tokio::test(flavor = "multi_thread")]
async fn emulator_faults_are_retried_or_recorded_and_recovered_without_losing_data() {
    let mut config = EmulatorConfig::new(14, EstateSize::toy());
    // A "timeout" hangs this long, then answers 503 / 504.
    config.hang_ms = 300;
    // A frozen estate: the emulated BGP sessions and learned routes must not move between the
    // runs this test compares, or "rows lost" would measure the estate living, not the sync.
    config.manual_clock = true;
    let emu = emulator(config).await;
    let pool = pgembed::testing::fresh_database(&store::MIGRATOR).await;
    let keys = keys();
    register(&pool, &keys, &emu, 0).await;
    let jobs = 2 * UNITS;
    let engine = Engine::new(pool.clone(), keys, "faults".into(), SyncSettings::default());
    assert_eq!(synced(&engine.sync_due().await.unwrap()), jobs);
    let counts = visible_counts(&pool).await;
    let in_estate = estate_connections(&emu, 0);
    assert_eq!(stored_connections(&pool).await, in_estate);

    use FaultCloud::{Aliyun, Huawei};
    let cases = [
        // Reads are tried 4 times: up to 3 transient answers in a row are invisible.
        Case {
            name: "500 burst",
            cloud: Aliyun,
            api: "DescribeVpnConnections",
            kind: FaultKind::InternalError,
            remaining: 2,
            expect: Expect::Hidden,
        },
        Case {
            name: "503 burst",
            cloud: Aliyun,
            api: "DescribeVpcs",
            kind: FaultKind::Unavailable,
            remaining: 3,
            expect: Expect::Hidden,
        },
        Case {
            name: "503 outage",
            cloud: Aliyun,
            api: "DescribeCustomerGateways",
            kind: FaultKind::Unavailable,
            remaining: 4,
            expect: Expect::Fails("ServiceUnavailable"),
        },
        Case {
            name: "500 outage",
            cloud: Aliyun,
            api: "DescribeVirtualBorderRouters",
            kind: FaultKind::InternalError,
            remaining: 6,
            expect: Expect::Fails("InternalError"),
        },
        Case {
            name: "hung answer",
            cloud: Aliyun,
            api: "DescribeVpnRouteEntries",
            kind: FaultKind::Timeout,
            remaining: 1,
            expect: Expect::Hidden,
        },
        // A damaged body is not retried: the job fails with its class and the next run heals.
        Case {
            name: "truncated",
            cloud: Aliyun,
            api: "DescribeVpnConnections",
            kind: FaultKind::Truncated,
            remaining: 1,
            expect: Expect::Fails("DecodeError"),
        },
        Case {
            name: "malformed",
            cloud: Aliyun,
            api: "DescribeVSwitches",
            kind: FaultKind::Malformed,
            remaining: 1,
            expect: Expect::Fails("DecodeError"),
        },
        // alibaba.md §5.1: a one-element list sent as the element itself.
        Case {
            name: "list as object",
            cloud: Aliyun,
            api: "DescribeVpnGateways",
            kind: FaultKind::ListAsObject,
            remaining: 2,
            expect: Expect::Hidden,
        },
        // A several-element list collapsed into one object: the client sees fewer items
        // than TotalCount and refuses the page, rather than report the others as deleted.
        Case {
            name: "list of several as object",
            cloud: Aliyun,
            api: "DescribeVpnConnections",
            kind: FaultKind::ListAsObject,
            remaining: 1,
            expect: Expect::Fails("DecodeError"),
        },
        Case {
            name: "Huawei 500 burst",
            cloud: Huawei,
            api: "vpn-connection",
            kind: FaultKind::InternalError,
            remaining: 2,
            expect: Expect::Hidden,
        },
        Case {
            name: "Huawei truncated",
            cloud: Huawei,
            api: "vpn-gateways",
            kind: FaultKind::Truncated,
            remaining: 1,
            expect: Expect::Fails("DecodeError"),
        },
    ];
    for case in cases {
        let since = chrono::Utc::now();
        emu.set_faults(FaultSet {
            rules: vec![FaultRule {
                cloud: Some(case.cloud),
                api: Some(case.api.into()),
                kind: case.kind,
                rate: 1.0,
                remaining: Some(case.remaining),
                ..FaultRule::default()
            }],
        });
        engine.refresh_now(None).await.unwrap();
        let outcomes = engine.sync_due().await.unwrap();
        let fired = emu.state().faults.lock().unwrap().rules[0].remaining;
        let codes = failure_codes(&outcomes);
        match case.expect {
            Expect::Hidden => {
                assert_eq!(fired, Some(0), "{}: the fault never fired", case.name);
                assert_eq!(synced(&outcomes), jobs, "{}: {outcomes:?}", case.name);
            }
            Expect::Fails(code) => {
                assert!(
                    !codes.is_empty(),
                    "{}: nothing failed: {outcomes:?}",
                    case.name
                );
                assert!(codes.iter().all(|c| c == code), "{}: {codes:?}", case.name);
                assert_eq!(synced(&outcomes) + codes.len(), jobs, "{}", case.name);
                // The failure is on record, with its code.
                let fresh = store::freshness::freshness(
                    &pool,
                    None,
                    chrono::Utc::now(),
                    chrono::Duration::minutes(5),
                )
                .await
                .unwrap();
                let recorded = fresh
                    .iter()
                    .filter(|f| {
                        f.consecutive_failures > 0
                            && f.last_error
                                .as_ref()
                                .is_some_and(|e| e.at >= since && e.code.as_deref() == Some(code))
                    })
                    .count();
                assert!(
                    recorded > 0,
                    "{}: no failure recorded: {fresh:#?}",
                    case.name
                );
            }
        }
        // Whether hidden or failed, what was stored is still all there.
        assert_not_torn(&pool).await;
        assert_eq!(
            visible_counts(&pool).await,
            counts,
            "{}: rows lost",
            case.name
        );

        // Recovery: the next run (fault spent or cleared) succeeds everywhere.
        emu.set_faults(FaultSet::default());
        engine.refresh_now(None).await.unwrap();
        let outcomes = engine.sync_due().await.unwrap();
        assert_eq!(
            synced(&outcomes),
            jobs,
            "{}: no recovery: {outcomes:?}",
            case.name
        );
        let fresh = store::freshness::freshness(
            &pool,
            None,
            chrono::Utc::now(),
            chrono::Duration::minutes(5),
        )
        .await
        .unwrap();
        assert!(
            fresh
                .iter()
                .all(|f| f.consecutive_failures == 0 && !f.stale),
            "{}: {fresh:#?}",
            case.name
        );
        assert_eq!(
            visible_counts(&pool).await,
            counts,
            "{}: rows lost",
            case.name
        );
    }
    assert_eq!(stored_connections(&pool).await, in_estate);
    emu.shutdown().await;
}
