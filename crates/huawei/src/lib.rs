//! Huawei Cloud VPN v5 client for gatewatch (no leptos dependency).
//!
//! * [`sign`] — SDK-HMAC-SHA256 signing as pure, time-injected functions (spec §1.3);
//!   [`verify`] — the server-side check the emulator uses.
//! * [`types`] — wire types (serde, snake_case), tolerant of Huawei's quirks.
//! * [`Client`] — signed HTTP with retries, project-id discovery and typed operations
//!   (see [`ops`]); `list_all_*` methods handle marker pagination.
//! * [`Error`] — API errors as data (status, code, message, request id, [`ErrorKind`]).
//! * [`redact_json`] and [`run_call`] for the `gatewatch call huawei` CLI.

pub mod call;
pub mod client;
pub mod counters;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod ops;
pub mod pagination;
pub mod redact;
pub mod retry;
pub mod sign;
pub mod types;
pub mod verify;

pub use call::{run_call, run_call_with, CallArgs};
pub use client::{Client, ClientConfig};
pub use credentials::Credentials;
pub use endpoint::Endpoints;
pub use error::{ApiError, Error, ErrorKind, TransportKind};
pub use ops::{ListVpnConnectionsFilter, TagResourceType};
pub use pagination::{Page, PageRequest};
pub use redact::redact_json;
pub use retry::RetryPolicy;
pub use secrecy::SecretString;
pub use verify::{verify, VerifyError, VerifyRequest};
