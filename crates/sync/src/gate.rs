//! The call gate of one (account, region): a token bucket per API, shared by every sync unit
//! of that account and region, plus counters the progress report reads.

use crate::bucket::Bucket;
use crate::quota::{CloudApi, Quotas};
use callgate::{Admission, CallGate, Outcome};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Calls made and refused, across all gates (one set per engine).
#[derive(Debug, Default)]
pub struct CallStats {
    pub calls: AtomicU64,
    pub throttled: AtomicU64,
    pub no_answer: AtomicU64,
    /// Time spent waiting for a budget, in milliseconds.
    pub waited_ms: AtomicU64,
}

pub struct BudgetGate {
    cloud: CloudApi,
    quotas: Quotas,
    buckets: Mutex<HashMap<String, Bucket>>,
    stats: Arc<CallStats>,
}

impl BudgetGate {
    pub fn new(cloud: CloudApi, quotas: Quotas, stats: Arc<CallStats>) -> Self {
        BudgetGate {
            cloud,
            quotas,
            buckets: Mutex::new(HashMap::new()),
            stats,
        }
    }

    fn with_bucket<T>(&self, api: &str, f: impl FnOnce(&mut Bucket) -> T) -> T {
        // A poisoned lock only means another task panicked mid-update of plain numbers.
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let bucket = buckets
            .entry(api.to_string())
            .or_insert_with(|| Bucket::new(self.quotas.for_api(self.cloud, api), Instant::now()));
        f(bucket)
    }
}

impl CallGate for BudgetGate {
    fn admit<'a>(&'a self, api: &'a str) -> Admission<'a> {
        Box::pin(async move {
            let started = Instant::now();
            loop {
                match self.with_bucket(api, |b| b.try_take(Instant::now())) {
                    Ok(()) => break,
                    Err(wait) => tokio::time::sleep(wait).await,
                }
            }
            let waited = started.elapsed().as_millis() as u64;
            self.stats.waited_ms.fetch_add(waited, Ordering::Relaxed);
            self.stats.calls.fetch_add(1, Ordering::Relaxed);
        })
    }

    fn finished(&self, api: &str, outcome: Outcome) {
        match outcome {
            Outcome::Throttled => {
                self.stats.throttled.fetch_add(1, Ordering::Relaxed);
                self.with_bucket(api, |b| b.throttled(Instant::now()));
                tracing::warn!(api, "throttled by the cloud; slowing down");
            }
            Outcome::NoAnswer => {
                self.stats.no_answer.fetch_add(1, Ordering::Relaxed);
            }
            Outcome::Answered => self.with_bucket(api, Bucket::answered),
        }
    }
}
