//! Leptos-free Alibaba Cloud VPC / VPN Gateway RPC client for gatewatch.
//!
//! Layers, bottom-up (spec: `shared/spec/alibaba.md`):
//! * [`encode`], [`sign`], [`verify`] — pure signing (§1.3–§1.8), time and nonce passed in;
//!   the emulator verifies requests with the very same functions.
//! * [`serde_util`], [`time`], [`types`] — wire types that tolerate every documented
//!   response variant (§5) and round-trip, shared with the emulator.
//! * [`error`], [`retry`], [`endpoint`], [`response`], [`client`] — transport, error
//!   classification, back-off and endpoint rules.
//! * `ops` — typed operations on [`Client`] with pagination handled (§2).
//! * [`redact`], [`call`] — secret hygiene and the raw `gatewatch call aliyun` helper.

pub mod call;
pub mod client;
pub mod credentials;
pub mod encode;
pub mod endpoint;
pub mod error;
mod ops;
pub mod redact;
pub mod response;
pub mod retry;
pub mod serde_util;
pub mod sign;
pub mod time;
pub mod types;
pub mod verify;

pub use call::{parse_key_values, run_call};
pub use client::{Client, ClientConfig, Params, Retry};
pub use credentials::Credentials;
pub use endpoint::Endpoint;
pub use error::{ApiError, Error, ErrorKind};
pub use ops::pagination::{MAX_PAGE_SIZE, MAX_RESULTS};
pub use ops::LogWindow;
pub use redact::{redact_json, Sensitive};
pub use retry::RetryPolicy;
pub use sign::{signature, signed_params, string_to_sign, HttpMethod};
pub use verify::{verify, Verification};
