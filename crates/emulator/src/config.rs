//! Emulator configuration and the credentials it hands out.

use serde::{Deserialize, Serialize};

use crate::estate::EstateSize;
use crate::faults::FaultSet;

/// How to build and run an emulator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmulatorConfig {
    /// Seed of the estate and of every random draw (faults, dynamics).
    pub seed: u64,
    pub size: EstateSize,
    /// Simulation speed-up: 1.0 = real time; 1000 → a 60 s quota window lasts 60 ms.
    pub time_scale: f64,
    /// Freeze the simulation clock (it moves only via `advance` / the admin endpoint).
    pub manual_clock: bool,
    /// Simulation start time; `None` = now. Fix it (with `manual_clock`) for runs whose
    /// dynamics must be reproducible.
    pub start: Option<chrono::DateTime<chrono::Utc>>,
    /// Enforce the per-API quotas (alibaba.md §1.9 `Throttling.User`, huawei.md §2.3 429).
    pub quotas: bool,
    /// Alibaba `PageSize` > 50: reject with `InvalidParameter` (false) or clamp (true), §2.
    pub clamp_page_size: bool,
    /// Maximum accepted distance of `Timestamp` / `X-Sdk-Date` from wall time, seconds
    /// (both clouds: 15 minutes).
    pub max_clock_skew_secs: i64,
    /// How far the emulator's own wall clock is from the host's, seconds: requests stamped
    /// with the host's time look this skewed to it (a server whose clock drifted, seen from
    /// the cloud). Settable at run time with `POST /_emulator/wall-skew`.
    pub wall_skew_secs: i64,
    /// Largest request body accepted, bytes.
    pub max_body_bytes: usize,
    /// Faults active from the start.
    pub faults: FaultSet,
    /// How long a `timeout` fault hangs before answering, wall milliseconds.
    pub hang_ms: u64,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            seed: 42,
            size: EstateSize::demo(),
            time_scale: 1.0,
            manual_clock: false,
            start: None,
            quotas: true,
            clamp_page_size: false,
            max_clock_skew_secs: 15 * 60,
            wall_skew_secs: 0,
            max_body_bytes: 64 * 1024,
            faults: FaultSet::default(),
            hang_ms: 120_000,
        }
    }
}

impl EmulatorConfig {
    /// Default configuration with a given seed and size.
    pub fn new(seed: u64, size: EstateSize) -> Self {
        Self {
            seed,
            size,
            ..Self::default()
        }
    }

    /// Starts the simulation clock at a fixed instant, the first second of a dynamics epoch
    /// ([`crate::dynamics::EPOCH_SECS`]). Tunnel and BGP states are drawn per epoch, so a
    /// test whose clock starts "now" sees a different estate from run to run, and one that
    /// straddles an epoch boundary sees states change under it; from this start a real-time
    /// clock stays in one epoch for five minutes, and every run sees the same states.
    pub fn at_fixed_start(mut self) -> Self {
        const START: i64 = 1_795_000_200;
        const _: () = assert!(START % crate::dynamics::EPOCH_SECS == 0);
        self.start = chrono::DateTime::from_timestamp(START, 0);
        self
    }
}

/// Demo credentials of one estate account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountCredentials {
    pub name: String,
    pub aliyun_access_key_id: String,
    pub aliyun_access_key_secret: String,
    /// Alibaba regions that hold resources for this account.
    pub aliyun_regions: Vec<String>,
    pub huawei_ak: String,
    pub huawei_sk: String,
    /// `(region, project_id)` pairs.
    pub huawei_projects: Vec<(String, String)>,
}

impl AccountCredentials {
    /// Huawei project id of `region`, if the account has it.
    pub fn huawei_project(&self, region: &str) -> Option<&str> {
        self.huawei_projects
            .iter()
            .find(|(r, _)| r == region)
            .map(|(_, p)| p.as_str())
    }
}
