//! The gatewatch cloud emulator: Alibaba Cloud VPC/VPN RPC and Huawei Cloud VPN v5 served
//! over real HTTP, with the clients' own signature verification, quotas, a deterministic
//! demo estate, time-driven dynamics and fault injection (no leptos).
//!
//! Entry points: [`spawn`] (tests, demo mode) and [`run_standalone`] (CLI).

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
