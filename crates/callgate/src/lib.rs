//! A hook the cloud clients call around every HTTP request they send, so that the caller (the
//! sync engine) can hold calls back to stay inside a cloud's published API quotas, and learn
//! when the cloud throttled anyway (to slow down adaptively).
//!
//! The clients know nothing of budgets; the sync engine knows nothing of HTTP. This trait is
//! the whole contract between them, in a crate of its own so both clients share one definition.

pub mod observe;

use std::future::Future;
use std::pin::Pin;

/// The future [`CallGate::admit`] returns.
pub type Admission<'a> = Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// How one HTTP attempt ended, as far as rate control cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The cloud answered (success or an error that is not about rate).
    Answered,
    /// The cloud refused the call for rate (Alibaba `Throttling*`, Huawei HTTP 429).
    Throttled,
    /// No answer: timeout, connection error.
    NoAnswer,
}

/// Called by a client before and after every HTTP attempt (retries included).
pub trait CallGate: Send + Sync {
    /// Resolves when one call of `api` may be sent (e.g. `DescribeVpnConnections`, or
    /// `GET /vpn-connection` for Huawei).
    fn admit<'a>(&'a self, api: &'a str) -> Admission<'a>;

    /// Reports how the attempt admitted for `api` ended.
    fn finished(&self, api: &str, outcome: Outcome);
}

/// A shared gate, cheap to clone into client configurations.
#[derive(Clone)]
pub struct SharedGate(pub std::sync::Arc<dyn CallGate>);

impl std::fmt::Debug for SharedGate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CallGate")
    }
}

/// The quota family of a REST path: ids replaced by `*`, so that
/// `/vpn-gateways/3f2a…/routing-table` and another gateway's table share one budget.
pub fn path_family(path: &str) -> String {
    // Huawei ids are UUIDs (hex and dashes); collection names never are.
    let looks_like_id =
        |s: &str| s.len() >= 16 && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    path.split('/')
        .map(|seg| if looks_like_id(seg) { "*" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::path_family;

    #[test]
    fn ids_collapse_and_collections_stay() {
        assert_eq!(
            path_family("/vpn-gateways/6f6a3c1e-9d2b-4c1a-8f77-0a1b2c3d4e5f/routing-table"),
            "/vpn-gateways/*/routing-table"
        );
        assert_eq!(path_family("/vpn-connection"), "/vpn-connection");
        assert_eq!(
            path_family("/p2c-vpn-gateways/vpn-servers"),
            "/p2c-vpn-gateways/vpn-servers"
        );
    }
}
