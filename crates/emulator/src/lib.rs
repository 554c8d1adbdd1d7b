//! The gatewatch cloud emulator: Alibaba Cloud VPC/VPN RPC and Huawei Cloud VPN v5 served
//! over real HTTP, with the clients' own signature verification, quotas, a deterministic
//! demo estate, time-driven dynamics and fault injection (no leptos).
//!
//! * [`spawn`]`(`[`EmulatorConfig`]`, listener)` → [`EmulatorHandle`] with `base_url`,
//!   `aliyun_endpoint` (for `aliyun::ClientConfig::endpoint`), `huawei_endpoint` (for
//!   `huawei::ClientConfig::with_endpoint_override`), `admin_url`, the demo
//!   [`AccountCredentials`], [`EmulatorHandle::clock`] and [`EmulatorHandle::shutdown`].
//! * [`run_standalone`] for the `gatewatch emulator` CLI.
//! * Pure cores with their own tests: [`estate::generate`], [`quota`], [`dynamics`],
//!   [`faults`], [`clock`].
//!
//! Routing is described in [`server`]; the admin API in [`admin`].

pub mod clock;
pub mod dynamics;
pub mod estate;
pub mod faults;
pub mod quota;

pub use clock::Clock;
pub use estate::{generate, Estate, EstateSize};
pub mod admin;
pub mod aliyun;
pub mod config;
pub mod huawei;
mod respond;
pub mod server;
pub mod standalone;

pub use config::{AccountCredentials, EmulatorConfig};
pub use server::{spawn, EmulatorHandle};
pub use standalone::run_standalone;
