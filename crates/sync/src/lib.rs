//! The sync engine: keeps PostgreSQL fresh from the clouds, so no page view ever calls a cloud.
//!
//! - [`quota`] and [`bucket`]: the published API quotas, and a token bucket per (account,
//!   region, API) that stays inside them and slows down when throttled anyway.
//! - [`gate`]: those buckets behind the clients' `callgate` hook.
//! - [`unit`]: what one crawl fetches together, hot (state, every 30 s) or cold (config,
//!   every 10 min).
//! - [`fetch`]: one unit of one (account, region) from its cloud, mapped to store rows.
//! - [`engine`] and [`job`]: the scheduler, leases shared with other servers, freshness.
//! - [`live`]: intervals and budgets an admin changes while it runs.
//! - [`probe`]: "test connection" for an account's credentials.
//! - [`progress`]: what the UI shows while it runs.
//! - [`actions`]: the cloud calls an operator asks for (PSK, peer config, route writes).

pub mod actions;
pub mod bucket;
pub mod clients;
pub mod engine;
pub mod fetch;
pub mod gate;
pub mod job;
pub mod live;
mod phase;
pub mod probe;
pub mod progress;
pub mod quota;
pub mod unit;

pub use engine::{Engine, SyncSettings};
pub use job::{Job, JobOutcome};
pub use progress::Progress;
pub use unit::{Cadence, Unit};
