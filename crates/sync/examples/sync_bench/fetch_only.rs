//! The floor without PostgreSQL (`BENCH_FETCH_ONLY=1`): every job's fetch (calls, parsing,
//! mapping to the neutral model) against a fresh emulator of the same estate, as many at once
//! as the engine runs, nothing stored. Its wall time is what the sync would take if writing
//! the rows cost nothing; its CPU is the part of the machine the writes can never have. The
//! emulator runs on threads of its own here, so its CPU (the cloud's side, which a real sync
//! does not pay) is reported apart from the client's.

use emulator::EstateSize;
use std::sync::Arc;
use std::time::Instant;
use sync::Unit;

pub fn wanted() -> bool {
    std::env::var_os("BENCH_FETCH_ONLY").is_some()
}

pub struct FetchOnly {
    pub wall: f64,
    /// CPU seconds of the fetches (this process minus the emulator's threads).
    pub client_cpu: f64,
    pub emulator_cpu: f64,
}

/// Fetches the whole estate once, `concurrency` jobs at a time.
pub async fn measure(size: EstateSize, latency_ms: u64, concurrency: usize) -> FetchOnly {
    let cloud = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("bench-emulator")
        .enable_all()
        .build()
        .unwrap();
    let emu = cloud
        .spawn(super::emulator(size, latency_ms))
        .await
        .unwrap();
    let slots = Arc::new(tokio::sync::Semaphore::new(concurrency.max(1)));
    let mut jobs = tokio::task::JoinSet::new();
    // One connection pool for every job, as the engine has (`sync::clients::shared_http`).
    let http = sync::clients::shared_http();
    let (all_before, emu_before) = (
        super::cpu::tree_seconds().0,
        super::cpu::threads_seconds("bench-emulator"),
    );
    let started = Instant::now();
    for c in &emu.credentials {
        for region in &c.aliyun_regions {
            for unit in Unit::ALL {
                let cfg = super::emulator_client_config(&emu, c);
                let client = aliyun::Client::with_http(cfg, http.clone()).unwrap();
                let (region, slots) = (region.clone(), slots.clone());
                jobs.spawn(async move {
                    let _slot = slots.acquire().await.unwrap();
                    sync::fetch::aliyun::fetch(&client, &region, unit)
                        .await
                        .unwrap();
                });
            }
        }
    }
    while let Some(done) = jobs.join_next().await {
        done.unwrap();
    }
    let wall = started.elapsed().as_secs_f64();
    let emulator_cpu = super::cpu::threads_seconds("bench-emulator") - emu_before;
    let client_cpu = super::cpu::tree_seconds().0 - all_before - emulator_cpu;
    cloud
        .spawn(async move { emu.shutdown().await })
        .await
        .unwrap();
    cloud.shutdown_background();
    FetchOnly {
        wall,
        client_cpu,
        emulator_cpu,
    }
}
