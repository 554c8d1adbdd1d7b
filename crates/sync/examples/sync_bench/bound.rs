//! The lower bound of the benchmark: which calls the engine's fetch makes for the estate, how
//! they depend on one another, and what the published quotas and the latency impose on them.
//!
//! Each job's calls are recorded with the engine's own fetch code against a second emulator of
//! the same estate (same latency, quotas on). A call *depends* on the calls that had finished
//! when it was admitted: its depth is one more than theirs, and a job's chain is its deepest
//! call. That is the number of round trips the job must wait out one after another however
//! fast everything else is (list gateways → per-gateway route lists = 2; a second page = one
//! more); calls issued together count once. The latency keeps calls issued together from
//! finishing before their siblings are admitted, so siblings never look dependent.

use callgate::{Admission, CallGate, Outcome, SharedGate};
use emulator::EstateSize;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use sync::quota::{CloudApi, Quotas};
use sync::Unit;

/// One job's calls, in order: (API, depth in its chain of dependent calls).
pub type Calls = Vec<(String, u32)>;
/// The calls of each job: (account index, region, unit) → calls.
pub type JobCalls = Vec<((usize, String, Unit), Calls)>;

/// Records one client's calls and their depth.
#[derive(Default)]
struct Recorder(Mutex<Chains>);

#[derive(Default)]
struct Chains {
    calls: Calls,
    /// Deepest call finished so far.
    done: u32,
    /// Depths of the calls in flight, per API, oldest first (calls of one API issued together
    /// have the same depth, so which of them finished first does not matter).
    in_flight: HashMap<String, VecDeque<u32>>,
}

impl CallGate for Recorder {
    fn admit<'a>(&'a self, api: &'a str) -> Admission<'a> {
        let mut c = self.0.lock().unwrap();
        let depth = c.done + 1;
        c.calls.push((api.to_string(), depth));
        c.in_flight
            .entry(api.to_string())
            .or_default()
            .push_back(depth);
        Box::pin(async {})
    }
    fn finished(&self, api: &str, _outcome: Outcome) {
        let mut c = self.0.lock().unwrap();
        let depth = c.in_flight.get_mut(api).and_then(|q| q.pop_front());
        c.done = c.done.max(depth.unwrap_or(0));
    }
}

/// The calls of every job of the estate, recorded by running the engine's fetch code; the jobs
/// of one (account, region) run together, as the engine would run them.
pub async fn calls_per_job(size: EstateSize, latency_ms: u64) -> JobCalls {
    let emu = super::emulator(size, latency_ms).await;
    let mut out = Vec::new();
    for (i, c) in emu.credentials.iter().enumerate() {
        for region in &c.aliyun_regions {
            let jobs = Unit::ALL.map(|unit| {
                let recorder = Arc::new(Recorder::default());
                let mut cfg = super::emulator_client_config(&emu, c);
                cfg.gate = Some(SharedGate(recorder.clone()));
                let client = aliyun::Client::new(cfg).unwrap();
                async move {
                    sync::fetch::aliyun::fetch(&client, region, unit)
                        .await
                        .unwrap();
                    let calls = recorder.0.lock().unwrap().calls.clone();
                    ((i, region.clone(), unit), calls)
                }
            });
            for job in join5(jobs).await {
                out.push(job);
            }
        }
    }
    emu.shutdown().await;
    out
}

/// Awaits the jobs of one (account, region) together (tokio tasks would need `'static`).
async fn join5<F: std::future::Future>(jobs: [F; 5]) -> Vec<F::Output> {
    let [a, b, c, d, e] = jobs;
    let (a, b, c, d, e) = tokio::join!(a, b, c, d, e);
    vec![a, b, c, d, e]
}

pub struct Bound {
    /// max over (account, region, API) of calls / published rate.
    pub rate: f64,
    /// max over (account, region, API) of whole windows that must pass (calls beyond a window).
    pub windows: f64,
    /// longest chain of dependent calls (one job) × latency.
    pub chain: f64,
    /// The previous formula: most calls of one job × latency, as if they ran one by one.
    pub calls_chain: f64,
    /// Every job's chain × latency / the slots the engine was given: a job holds its slot at
    /// least that long.
    pub slots: f64,
    /// The previous slot term: every call's latency / slots (calls one by one in a job).
    pub calls_slots: f64,
    pub calls: usize,
}

pub fn bound(jobs: &JobCalls, concurrency: usize, latency_ms: u64) -> Bound {
    let quotas = Quotas::default();
    let mut per_key: HashMap<(usize, String, String), u32> = HashMap::new();
    for ((account, region, _), calls) in jobs {
        for (api, _) in calls {
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
    let latency = latency_ms as f64 / 1000.0;
    let depth = |c: &Calls| c.iter().map(|(_, d)| *d).max().unwrap_or(0);
    let chains: u32 = jobs.iter().map(|(_, c)| depth(c)).sum();
    let calls: usize = jobs.iter().map(|(_, c)| c.len()).sum();
    let slots = concurrency.max(1) as f64;
    Bound {
        rate,
        windows,
        chain: f64::from(jobs.iter().map(|(_, c)| depth(c)).max().unwrap_or(0)) * latency,
        calls_chain: jobs.iter().map(|(_, c)| c.len()).max().unwrap_or(0) as f64 * latency,
        slots: f64::from(chains) * latency / slots,
        calls_slots: calls as f64 * latency / slots,
        calls,
    }
}
