//! Full-sync benchmark: `cargo run --release -p sync --example sync_bench`.
//!
//! An emulator with a multi-account estate, the published quotas enforced and 40 ms added to
//! every API call; an embedded PostgreSQL; the Alibaba side of the estate registered. Measures
//! the engine's full-sync wall time, the lower bound the quotas and the latency impose on the
//! calls it makes, and a sequential crawl of the same estate by the official Python SDK
//! (`sequential_crawl.py`, timed as a whole process). Prints a table and writes `BENCH.md`.
//!
//! Environment: `BENCH_ACCOUNTS`, `BENCH_REGIONS`, `BENCH_GATEWAYS`, `BENCH_CONNECTIONS` (estate
//! size, default 5 × 4 × 4 × 5), `BENCH_CONCURRENCY` (default 32), `BENCH_NO_WRITE` (do not
//! write BENCH.md).

use callgate::{Admission, CallGate, Outcome, SharedGate};
use emulator::faults::{FaultRule, FaultSet};
use emulator::{EmulatorConfig, EmulatorHandle, EstateSize};
use pgembed::{EmbeddedOptions, EmbeddedPostgres};
use secrecy::SecretString;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use store::crypto::KeyRing;
use store::model::NewAccount;
use sync::quota::{CloudApi, Quotas};
use sync::{Engine, JobOutcome, SyncSettings, Unit};

const LATENCY_MS: u64 = 40;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn emulator(size: EstateSize, latency_ms: u64) -> EmulatorHandle {
    let mut config = EmulatorConfig::new(2024, size);
    config.quotas = true;
    if latency_ms > 0 {
        config.faults = FaultSet {
            rules: vec![FaultRule {
                latency_ms,
                rate: 1.0,
                ..FaultRule::default()
            }],
        };
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    emulator::spawn(config, listener).await
}

/// The APIs each job called, in order: (account index, region, unit) → calls.
type JobCalls = Vec<((usize, String, Unit), Vec<String>)>;

/// Counts the calls of one client, in order.
#[derive(Default)]
struct Recorder(Mutex<Vec<String>>);

impl CallGate for Recorder {
    fn admit<'a>(&'a self, api: &'a str) -> Admission<'a> {
        self.0.lock().unwrap().push(api.to_string());
        Box::pin(async {})
    }
    fn finished(&self, _api: &str, _outcome: Outcome) {}
}

/// The calls one job makes: (account index, region, unit) → APIs in order. Crawled with the
/// engine's own fetch code against a second, latency-free emulator of the same estate.
async fn calls_per_job(size: EstateSize) -> JobCalls {
    let emu = emulator(size, 0).await;
    let mut out = Vec::new();
    for (i, c) in emu.credentials.iter().enumerate() {
        for region in &c.aliyun_regions {
            for unit in Unit::ALL {
                let recorder = Arc::new(Recorder::default());
                let mut cfg = aliyun::ClientConfig::new(aliyun::Credentials::new(
                    c.aliyun_access_key_id.clone(),
                    &c.aliyun_access_key_secret,
                ));
                cfg.endpoint = Some(emu.aliyun_endpoint.clone());
                cfg.allow_insecure_http = true;
                cfg.gate = Some(SharedGate(recorder.clone()));
                let client = aliyun::Client::new(cfg).unwrap();
                sync::fetch::aliyun::fetch(&client, region, unit)
                    .await
                    .unwrap();
                let calls = recorder.0.lock().unwrap().clone();
                out.push(((i, region.clone(), unit), calls));
            }
        }
    }
    emu.shutdown().await;
    out
}

struct Bound {
    /// max over (account, region, API) of calls / published rate.
    rate: f64,
    /// max over (account, region, API) of whole windows that must pass (calls beyond a window).
    windows: f64,
    /// longest sequential chain (one job) × latency.
    chain: f64,
    /// total call-latency / concurrency (the slots the engine was given).
    slots: f64,
    calls: usize,
}

fn bound(jobs: &JobCalls, concurrency: usize) -> Bound {
    let quotas = Quotas::default();
    let mut per_key: HashMap<(usize, String, String), u32> = HashMap::new();
    for ((account, region, _), calls) in jobs {
        for api in calls {
            *per_key
                .entry((*account, region.clone(), api.clone()))
                .or_default() += 1;
        }
    }
    let mut rate: f64 = 0.0;
    let mut windows: f64 = 0.0;
    for ((_, _, api), n) in &per_key {
        let q = quotas.for_api(CloudApi::Aliyun, api);
        let per_sec = f64::from(q.calls) / q.window.as_secs_f64();
        rate = rate.max(f64::from(*n) / per_sec);
        windows = windows.max(f64::from((n - 1) / q.calls) * q.window.as_secs_f64());
    }
    let latency = LATENCY_MS as f64 / 1000.0;
    let chain = jobs.iter().map(|(_, c)| c.len()).max().unwrap_or(0) as f64 * latency;
    let calls: usize = jobs.iter().map(|(_, c)| c.len()).sum();
    Bound {
        rate,
        windows,
        chain,
        slots: calls as f64 * latency / concurrency.max(1) as f64,
        calls,
    }
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let size = EstateSize {
        accounts: env_or("BENCH_ACCOUNTS", 5),
        regions_per_account: env_or("BENCH_REGIONS", 4),
        gateways_per_region: env_or("BENCH_GATEWAYS", 4),
        connections_per_gateway: env_or("BENCH_CONNECTIONS", 5),
    };
    let concurrency = env_or("BENCH_CONCURRENCY", 32);

    // PostgreSQL, embedded and throw-away.
    let root = pgembed::testing::scratch_dir("sync-bench");
    let pg = EmbeddedPostgres::start(EmbeddedOptions {
        root,
        bin_dir: None,
        port: 0,
        ephemeral: true,
        root_fallback: false,
    })
    .await
    .expect("embedded PostgreSQL starts");
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(concurrency as u32 + 8)
        .connect_with(pg.connect_options(pgembed::cluster::DATABASE))
        .await
        .unwrap();
    store::MIGRATOR.run(&pool).await.unwrap();
    let keys = Arc::new(
        KeyRing::load_or_create(&pgembed::testing::scratch_dir("bench-keys").join("k")).unwrap(),
    );

    // The estate, 40 ms on every call, quotas on; its Alibaba accounts registered.
    let emu = emulator(size, LATENCY_MS).await;
    let mut regions = 0;
    for c in &emu.credentials {
        regions += c.aliyun_regions.len();
        store::accounts::create_account(
            &pool,
            &keys,
            NewAccount {
                cloud: "aliyun".into(),
                name: c.name.clone(),
                access_key_id: c.aliyun_access_key_id.clone(),
                secret: SecretString::from(c.aliyun_access_key_secret.clone()),
                regions: c.aliyun_regions.clone(),
                endpoints: BTreeMap::from([("*".to_string(), emu.aliyun_endpoint.clone())]),
            },
        )
        .await
        .unwrap();
    }
    let connections: usize = {
        let estate = emu.state().estate();
        estate
            .accounts
            .iter()
            .flat_map(|a| a.aliyun.iter())
            .map(|r| r.connections.len())
            .sum()
    };

    // The engine's full sync.
    let settings = SyncSettings {
        max_concurrency: concurrency,
        ..SyncSettings::default()
    };
    let engine = Engine::new(pool.clone(), keys, "bench".into(), settings);
    let started = Instant::now();
    let outcomes = engine.sync_due().await.unwrap();
    let wall = started.elapsed().as_secs_f64();
    let failed: Vec<_> = outcomes
        .iter()
        .filter(|o| !matches!(o, JobOutcome::Synced(_)))
        .collect();
    assert!(failed.is_empty(), "jobs did not sync: {failed:?}");
    let progress = engine.progress().borrow().clone();
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM resource_current")
        .fetch_one(&pool)
        .await
        .unwrap();

    // The bound, from the calls the engine's fetch makes for this estate.
    let jobs = calls_per_job(size).await;
    let b = bound(&jobs, concurrency);
    let lower = b.rate.max(b.chain);
    let lower_slots = b.windows.max(b.chain).max(b.slots);

    // The official SDK, one call after another, as one process.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = dir.join("../emulator/tests/sdk/.venv/bin/python");
    let accounts: Vec<_> = emu
        .credentials
        .iter()
        .map(|c| {
            format!(
                r#"{{"ak":"{}","sk":"{}","regions":[{}]}}"#,
                c.aliyun_access_key_id,
                c.aliyun_access_key_secret,
                c.aliyun_regions
                    .iter()
                    .map(|r| format!("\"{r}\""))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        })
        .collect();
    let sequential = if python.exists() {
        let started = Instant::now();
        let out = tokio::process::Command::new(&python)
            .arg(dir.join("examples/sequential_crawl.py"))
            .env("EMU_HOST", emu.addr.to_string())
            .env("EMU_ACCOUNTS", format!("[{}]", accounts.join(",")))
            .output()
            .await
            .unwrap();
        let secs = started.elapsed().as_secs_f64();
        assert!(
            out.status.success(),
            "sequential crawl failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some((
            secs,
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
        ))
    } else {
        eprintln!("no {} — sequential crawl skipped", python.display());
        None
    };

    let jobs_n = outcomes.len();
    let mut table = String::new();
    table.push_str(&format!(
        "Estate: {} accounts × {} Alibaba regions × {} VPN gateways × {} connections \
         ({} (account, region) pairs, {connections} connections, {stored} stored rows); \
         Alibaba side only. {LATENCY_MS} ms added to every call, published quotas enforced by \
         the emulator, engine max_concurrency {concurrency}, {jobs_n} jobs, {} API calls \
         ({} throttled).\n\n",
        size.accounts,
        size.regions_per_account,
        size.gateways_per_region,
        size.connections_per_gateway,
        regions,
        progress.calls,
        progress.throttled,
    ));
    table.push_str("| measure | seconds | ratio |\n|---|---:|---:|\n");
    table.push_str(&format!("| engine full sync (wall) | {wall:.3} | |\n"));
    table.push_str(&format!(
        "| bound = max(calls / quota rate, longest chain × {LATENCY_MS} ms) | {lower:.3} | {:.2} (wall / bound) |\n",
        wall / lower
    ));
    table.push_str(&format!(
        "| — calls / quota rate, worst (account, region, API) | {:.3} | |\n",
        b.rate
    ));
    table.push_str(&format!(
        "| — longest sequential chain × {LATENCY_MS} ms | {:.3} | |\n",
        b.chain
    ));
    table.push_str(&format!(
        "| bound with {concurrency} slots = max(whole quota windows, chain, {} calls × {LATENCY_MS} ms / {concurrency}) | {lower_slots:.3} | {:.2} (wall / bound) |\n",
        b.calls,
        wall / lower_slots
    ));
    if let Some((secs, out)) = &sequential {
        table.push_str(&format!(
            "| sequential crawl, official Python SDK (whole process; {out}) | {secs:.3} | {:.1}× (crawl / wall) |\n",
            secs / wall
        ));
    }
    println!("{table}");
    if std::env::var_os("BENCH_NO_WRITE").is_none() {
        let md = format!(
            "# Sync engine benchmark\n\n\
             `cargo run --release -p sync --example sync_bench` (2-core machine, loopback, \
             embedded PostgreSQL). Targets: wall / bound ≤ 1.15, sequential crawl / wall ≥ 10×.\n\n\
             {table}\n\
             How the bound is computed: the engine's own fetch code is run once more against a \
             latency-free emulator of the same estate with a gate that records every call; per \
             (account, region, API) the calls divided by the published rate (600 per 60 s for \
             most reads, 300 for DescribeBgpPeers), and per job the number of calls made one \
             after another × {LATENCY_MS} ms; the bound is the larger of the two maxima. That \
             rate term is a steady-state figure: a fixed 60 s window admits its whole quota at \
             once, so no quota wait is *imposed* until a key needs more than one window (the \
             `whole quota windows` term, 0 here); the engine's own buckets start with a tenth \
             of a window's calls and refill at 90 % of the rate, on purpose, to stay inside any \
             window alignment. The second bound adds what the {concurrency} job slots impose. \
             The Python crawl covers Alibaba only, so the engine syncs only the Alibaba \
             accounts here.\n"
        );
        std::fs::write(dir.join("BENCH.md"), md).unwrap();
    }
    pool.close().await;
    emu.shutdown().await;
    pg.stop().await;
}
