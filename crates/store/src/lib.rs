//! gatewatch's storage layer: the provider-neutral model, complete snapshots written per
//! (account, region, kind) under a sync generation, state/config history, cloud accounts with
//! encrypted credentials, sync freshness and leases.
//!
//! The store never calls the clouds: the sync engine maps wire types into [`model`] rows (see
//! [`map`]) and hands them to [`sync_write::apply_snapshot`]; the UI reads through [`read`],
//! [`history`] and [`freshness`].

pub mod accounts;
pub mod bgp_samples;
mod compare;
pub mod counters;
pub mod crypto;
pub mod diff;
pub mod error;
pub mod freshness;
pub mod history;
mod history_write;
pub mod lease;
pub mod map;
pub mod model;
pub mod peer_config_vault;
pub mod read;
pub mod statistics;
pub mod sync_settings;
pub mod sync_write;

pub use error::{Error, Result};

/// Every gatewatch migration (the server runs the same directory at start-up).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");
