//! Full-sync benchmark: `cargo run --release -p sync --example sync_bench`.
//!
//! An emulator with a multi-account estate, the published quotas enforced and 40 ms added to
//! every API call; an embedded PostgreSQL; the Alibaba side of the estate registered. Measures
//! the engine's full-sync wall time, the lower bound the quotas and the latency impose on the
//! calls it makes, and a sequential crawl of the same estate by the official Python SDK
//! (`sequential_crawl.py`, timed as a whole process). Also reports the CPU the engine, the
//! emulator and PostgreSQL used during the sync (`cpu.rs`): on a small machine that, not the
//! bound, is what a large estate waits for. Prints a table and writes `BENCH.md`.
//!
//! Environment: `BENCH_ACCOUNTS`, `BENCH_REGIONS`, `BENCH_GATEWAYS`, `BENCH_CONNECTIONS` (estate
//! size, default 5 × 4 × 4 × 5), `BENCH_CONCURRENCY` (default 32), `BENCH_NO_WRITE` (do not
//! write BENCH.md), `BENCH_NO_CRAWL` (skip the Python crawl), `BENCH_STATEMENTS` (PostgreSQL's
//! costliest statements and the stored rows' sizes, `statements.rs`), `BENCH_PG_CONNECTIONS`
//! (the engine's pool, default 8 as in the server); experiments: `BENCH_GENERIC_PLANS`,
//! `BENCH_NO_PING`, `BENCH_SQL` (run after the migrations), `BENCH_FETCH_ONLY` (the floor
//! without PostgreSQL, `fetch_only.rs`).

use emulator::faults::{FaultRule, FaultSet};
use emulator::{EmulatorConfig, EmulatorHandle, EstateSize};
use pgembed::{EmbeddedOptions, EmbeddedPostgres};
use secrecy::SecretString;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;
use store::crypto::KeyRing;
use store::model::NewAccount;
use sync::{Engine, JobOutcome, SyncSettings};

mod bound;
mod cpu;
mod fetch_only;
mod statements;

const LATENCY_MS: u64 = 40;

// The engine and the emulator run here with the allocator of the `gatewatch` binary
// (server/src/main.rs), as they do in production; glibc's malloc was ~7 % of the sync's CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// An Alibaba client configuration for one of the emulator's accounts, pointed at it.
fn emulator_client_config(
    emu: &EmulatorHandle,
    account: &emulator::AccountCredentials,
) -> aliyun::ClientConfig {
    let mut cfg = aliyun::ClientConfig::new(aliyun::Credentials::new(
        account.aliyun_access_key_id.clone(),
        &account.aliyun_access_key_secret,
    ));
    cfg.endpoint = Some(emu.aliyun_endpoint.clone());
    cfg.allow_insecure_http = true;
    cfg
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
    // The engine's PostgreSQL pool as the server gives it (`background_max_connections`,
    // default 8). Until 26 Nov the bench used 40 (slots + 8): PostgreSQL then spent ~0.4
    // CPU-s more on 40 cold backends (BENCH.md). The other knobs are experiments.
    let pg_connections = env_or("BENCH_PG_CONNECTIONS", 8);
    let mut options = pg.connect_options(pgembed::cluster::DATABASE);
    if std::env::var_os("BENCH_GENERIC_PLANS").is_some() {
        options = options.options([("plan_cache_mode", "force_generic_plan")]);
    }
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(pg_connections as u32)
        .test_before_acquire(std::env::var_os("BENCH_NO_PING").is_none())
        .connect_with(options)
        .await
        .unwrap();
    store::MIGRATOR.run(&pool).await.unwrap();
    if let Ok(sql) = std::env::var("BENCH_SQL") {
        sqlx::raw_sql(&sql).execute(&pool).await.unwrap();
    }
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
    if statements::wanted() {
        statements::reset(&pool).await;
    }
    let load = cpu::load_average();
    let cpu_before = cpu::tree_seconds();
    let started = Instant::now();
    let outcomes = engine.sync_due().await.unwrap();
    let wall = started.elapsed().as_secs_f64();
    let cpu_after = cpu::tree_seconds();
    // Our own process is the engine and the emulator; its descendants are PostgreSQL (the
    // Python crawl has not run yet).
    let (cpu_self, cpu_pg) = (cpu_after.0 - cpu_before.0, cpu_after.1 - cpu_before.1);
    let cpu_secs = cpu_self + cpu_pg;
    let cores = cpu::cores();
    let failed: Vec<_> = outcomes
        .iter()
        .filter(|o| !matches!(o, JobOutcome::Synced(_)))
        .collect();
    assert!(failed.is_empty(), "jobs did not sync: {failed:?}");
    let progress = engine.progress().borrow().clone();
    if statements::wanted() {
        statements::print_top(&pool, 25).await;
        statements::print_row_sizes(&pool).await;
    }
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM resource_current")
        .fetch_one(&pool)
        .await
        .unwrap();

    // The bound, from the calls the engine's fetch makes for this estate.
    let jobs = bound::calls_per_job(size, LATENCY_MS).await;
    let b = bound::bound(&jobs, concurrency, LATENCY_MS);
    let lower = b.rate.max(b.chain);
    let lower_slots = b.windows.max(b.chain).max(b.slots);
    // The figures of the previous formula (a job's calls counted as if made one by one).
    let old_lower = b.rate.max(b.calls_chain);
    let old_slots = b.windows.max(b.calls_chain).max(b.calls_slots);

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
    let sequential = if std::env::var_os("BENCH_NO_CRAWL").is_some() {
        None
    } else if python.exists() {
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
         ({} throttled); 1-minute load average when the sync started: {load}.\n\n",
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
        "| bound = max(calls / quota rate, longest dependent chain × {LATENCY_MS} ms) | {lower:.3} | {:.2} (wall / bound) |\n",
        wall / lower
    ));
    table.push_str(&format!(
        "| — calls / quota rate, worst (account, region, API) | {:.3} | |\n",
        b.rate
    ));
    table.push_str(&format!(
        "| — longest chain of dependent calls (one job) × {LATENCY_MS} ms | {:.3} | |\n",
        b.chain
    ));
    table.push_str(&format!(
        "| bound with {concurrency} slots = max(whole quota windows, chain, Σ job chains × {LATENCY_MS} ms / {concurrency}) | {lower_slots:.3} | {:.2} (wall / bound) |\n",
        wall / lower_slots
    ));
    table.push_str(&format!(
        "| previous formula: max(rate, most calls of one job × {LATENCY_MS} ms = {:.3}) | {old_lower:.3} | {:.2} (wall / bound) |\n",
        b.calls_chain,
        wall / old_lower
    ));
    table.push_str(&format!(
        "| previous formula with slots: max(windows, {:.3}, {} calls × {LATENCY_MS} ms / {concurrency}) | {old_slots:.3} | {:.2} (wall / bound) |\n",
        b.calls_chain,
        b.calls,
        wall / old_slots
    ));
    table.push_str(&format!(
        "| CPU used during the sync (engine + emulator {cpu_self:.2} s, PostgreSQL {cpu_pg:.2} s) / {cores} cores | {:.3} | {:.2} (wall / CPU floor) |\n",
        cpu_secs / cores as f64,
        wall / (cpu_secs / cores as f64)
    ));
    if fetch_only::wanted() {
        let f = fetch_only::measure(size, LATENCY_MS, concurrency).await;
        table.push_str(&format!(
            "| fetches only, nothing stored (wall; CPU: fetches {:.2} s, emulator {:.2} s) | {:.3} | {:.2} (fetch wall / bound) |\n",
            f.client_cpu,
            f.emulator_cpu,
            f.wall,
            f.wall / lower
        ));
    }
    if let Some((secs, out)) = &sequential {
        table.push_str(&format!(
            "| sequential crawl, official Python SDK (whole process; {out}) | {secs:.3} | {:.1}× (crawl / wall) |\n",
            secs / wall
        ));
    }
    println!("{table}");
    if std::env::var_os("BENCH_NO_WRITE").is_none() {
        // The hand-written history below the generated part is kept.
        let path = dir.join("BENCH.md");
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        let tail = old
            .find("\n## ")
            .map(|i| old[i..].to_string())
            .unwrap_or_default();
        let md = format!(
            "# Sync engine benchmark\n\n\
             `cargo run --release -p sync --example sync_bench` (2-core machine, loopback, \
             embedded PostgreSQL). Targets: wall / bound ≤ 1.15, sequential crawl / wall ≥ 10×.\n\n\
             {table}\n\
             How the bound is computed: the engine's own fetch code is run once more against a \
             second emulator of the same estate (same {LATENCY_MS} ms, quotas on) with a gate \
             that records every call and how deep it sits in a chain of dependent calls: a call \
             depends on the calls of its job that had finished when it was admitted (one more \
             than the deepest of them), so calls issued together count once and a second page \
             or a per-gateway list after the gateway list counts as one more round trip. Per \
             (account, region, API) the calls divided by the published rate (600 per 60 s for \
             most reads, 300 for DescribeBgpPeers), and per job its chain × {LATENCY_MS} ms; \
             the bound is the larger of the two maxima. That rate term is a steady-state \
             figure: a fixed 60 s window admits its whole quota at once, so no quota wait is \
             *imposed* until a key needs more than one window (the `whole quota windows` term, \
             0 here); the engine's own buckets start with a tenth of a window's calls and \
             refill at 90 % of the rate, on purpose, to stay inside any window alignment. The \
             second bound adds what the {concurrency} job slots impose: a job holds its slot \
             for at least its chain. The previous formula counted a job's calls as if made one \
             by one (true before the fetch overlapped them); both are shown. The Python crawl \
             covers Alibaba only, so the engine syncs only the Alibaba accounts here.\n{tail}"
        );
        std::fs::write(path, md).unwrap();
    }
    pool.close().await;
    emu.shutdown().await;
    pg.stop().await;
}
