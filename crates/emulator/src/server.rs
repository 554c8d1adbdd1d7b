//! The HTTP server: shared state, routing and [`spawn`].
//!
//! One listener serves everything:
//! * Alibaba RPC at `/aliyun/` and at `/` (official SDKs sign path `/`; the path is not part
//!   of the RPC signature anyway, alibaba.md §1.3);
//! * Huawei at `/huawei/v5/{project_id}/…` and `/huawei/v3/projects`, and the same without
//!   the prefix for SDKs (the path *is* signed there, huawei.md §1.3, so it is verified as
//!   received);
//! * the emulator's own admin API under `/_emulator/` (not part of either cloud).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::Router;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tokio::sync::oneshot;

use crate::clock::Clock;
use crate::config::{AccountCredentials, EmulatorConfig};
use crate::estate::{self, Estate};
use crate::faults::FaultSet;
use crate::quota::Quotas;

/// State shared by all handlers.
pub struct Shared {
    pub config: EmulatorConfig,
    pub estate: RwLock<Estate>,
    pub clock: Clock,
    pub quotas: Mutex<Quotas>,
    pub faults: Mutex<FaultSet>,
    /// Alibaba `SignatureNonce`s seen, with the wall time they were seen (§1.9).
    pub nonces: Mutex<HashMap<String, i64>>,
    /// `(AccessKeyId, ClientToken)` → (request fingerprint, response) for §1.12.
    pub idempotency: Mutex<HashMap<(String, String), (String, serde_json::Value)>>,
    pub aliyun_keys: HashMap<String, usize>,
    pub huawei_keys: HashMap<String, usize>,
    rng: Mutex<StdRng>,
    requests: AtomicU64,
    wall_skew_secs: AtomicI64,
    /// Authenticated Alibaba calls per `Action`, so tests (and `/_emulator/state`) can
    /// tell whether a cache spared the cloud a call.
    calls: Mutex<HashMap<String, u64>>,
}

impl Shared {
    /// Builds the state and generates the estate.
    pub fn new(config: EmulatorConfig) -> Self {
        let estate = estate::generate(config.seed, config.size);
        let start = config.start.unwrap_or_else(chrono::Utc::now);
        let clock = if config.manual_clock {
            Clock::manual(start)
        } else {
            Clock::scaled(start, config.time_scale)
        };
        Self {
            aliyun_keys: estate.aliyun_keys(),
            huawei_keys: estate.huawei_keys(),
            estate: RwLock::new(estate),
            clock,
            quotas: Mutex::default(),
            faults: Mutex::new(config.faults.clone()),
            nonces: Mutex::default(),
            idempotency: Mutex::default(),
            rng: Mutex::new(StdRng::seed_from_u64(config.seed ^ 0x5eed)),
            requests: AtomicU64::new(0),
            wall_skew_secs: AtomicI64::new(config.wall_skew_secs),
            calls: Mutex::default(),
            config,
        }
    }

    /// A uniform draw in `0..1` from the seeded RNG (fault decisions).
    pub fn draw(&self) -> f64 {
        self.requests.fetch_add(1, Ordering::Relaxed);
        lock(&self.rng).gen::<f64>()
    }

    /// The emulator's wall time, which signature freshness checks use: the host's, moved by
    /// the configured skew.
    pub fn wall_now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now() + chrono::Duration::seconds(self.wall_skew())
    }

    pub fn wall_skew(&self) -> i64 {
        self.wall_skew_secs.load(Ordering::Relaxed)
    }

    /// Moves the emulator's wall clock `secs` away from the host's (0 puts it back).
    pub fn set_wall_skew(&self, secs: i64) {
        self.wall_skew_secs.store(secs, Ordering::Relaxed);
    }

    /// Requests served so far.
    pub fn request_count(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Counts one authenticated call of `action`.
    pub fn count_call(&self, action: &str) {
        *lock(&self.calls).entry(action.to_owned()).or_default() += 1;
    }

    /// Authenticated calls of `action` so far.
    pub fn calls_of(&self, action: &str) -> u64 {
        lock(&self.calls).get(action).copied().unwrap_or(0)
    }

    /// Authenticated calls so far, by action.
    pub fn calls(&self) -> HashMap<String, u64> {
        lock(&self.calls).clone()
    }

    /// Read access to the estate (a poisoned lock still holds consistent data: every writer
    /// replaces whole values).
    pub fn estate(&self) -> std::sync::RwLockReadGuard<'_, Estate> {
        self.estate.read().unwrap_or_else(|p| p.into_inner())
    }

    pub fn estate_mut(&self) -> std::sync::RwLockWriteGuard<'_, Estate> {
        self.estate.write().unwrap_or_else(|p| p.into_inner())
    }

    /// Credentials of every account.
    pub fn credentials(&self) -> Vec<AccountCredentials> {
        self.estate()
            .accounts
            .iter()
            .map(|a| AccountCredentials {
                name: a.name.clone(),
                aliyun_access_key_id: a.aliyun_key.id.clone(),
                aliyun_access_key_secret: a.aliyun_key.secret.clone(),
                aliyun_regions: a.aliyun.iter().map(|r| r.region_id.clone()).collect(),
                huawei_ak: a.huawei_key.id.clone(),
                huawei_sk: a.huawei_key.secret.clone(),
                huawei_projects: a
                    .huawei
                    .iter()
                    .map(|r| (r.region.clone(), r.project_id.clone()))
                    .collect(),
            })
            .collect()
    }
}

/// Locks a mutex, recovering from poisoning (handlers never leave partial updates).
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// A running emulator.
pub struct EmulatorHandle {
    /// `http://127.0.0.1:port`
    pub base_url: String,
    /// Endpoint override for `aliyun::ClientConfig::endpoint`.
    pub aliyun_endpoint: String,
    /// Base for `huawei::ClientConfig::with_endpoint_override`.
    pub huawei_endpoint: String,
    /// Root of the admin API (`…/_emulator`).
    pub admin_url: String,
    pub addr: SocketAddr,
    /// Demo credentials, one entry per account.
    pub credentials: Vec<AccountCredentials>,
    state: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl EmulatorHandle {
    /// The simulation clock (advance it to drive dynamics and quota windows).
    pub fn clock(&self) -> &Clock {
        &self.state.clock
    }

    /// Shared state, for tests and the admin API.
    pub fn state(&self) -> &Arc<Shared> {
        &self.state
    }

    /// Replaces the active fault rules.
    pub fn set_faults(&self, faults: FaultSet) {
        *lock(&self.state.faults) = faults;
    }

    /// Stops serving and waits for the server task.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.task.take() {
            // Graceful shutdown waits for in-flight requests; a `timeout` fault may hang one,
            // so stop waiting after a few seconds.
            let abort = t.abort_handle();
            if tokio::time::timeout(std::time::Duration::from_secs(5), t)
                .await
                .is_err()
            {
                abort.abort();
            }
        }
    }
}

impl Drop for EmulatorHandle {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The router over shared state.
pub fn router(state: Arc<Shared>) -> Router {
    Router::new().fallback(route).with_state(state)
}

async fn route(State(state): State<Arc<Shared>>, req: Request<Body>) -> Response {
    let path = req.uri().path().to_owned();
    if let Some(rest) = path.strip_prefix("/_emulator") {
        return crate::admin::handle(state, rest.to_owned(), req).await;
    }
    let hw = path.starts_with("/huawei/") || path.starts_with("/v5/") || path.starts_with("/v3/");
    if hw {
        crate::huawei::handle(state, req).await
    } else {
        crate::aliyun::handle(state, req).await
    }
}

/// Starts an emulator on `listener` (tests bind `127.0.0.1:0`).
pub async fn spawn(config: EmulatorConfig, listener: tokio::net::TcpListener) -> EmulatorHandle {
    let state = Arc::new(Shared::new(config));
    let addr = listener
        .local_addr()
        .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)));
    let app = router(state.clone());
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let serve = axum::serve(listener, app).with_graceful_shutdown(async move {
            let _ = rx.await;
        });
        if let Err(e) = serve.await {
            tracing::error!(error = %e, "emulator server stopped");
        }
    });
    let base_url = format!("http://{addr}");
    EmulatorHandle {
        aliyun_endpoint: format!("{base_url}/aliyun/"),
        huawei_endpoint: format!("{base_url}/huawei"),
        admin_url: format!("{base_url}/_emulator"),
        credentials: state.credentials(),
        base_url,
        addr,
        state,
        shutdown: Some(tx),
        task: Some(task),
    }
}
