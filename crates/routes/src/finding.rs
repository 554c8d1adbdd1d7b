//! What the conflict report is made of.

use serde::{Deserialize, Serialize};

/// How urgent a finding is. Ordered most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Traffic is (or will be) misrouted or dropped.
    Error,
    /// Probably wrong, or fragile; check it.
    Warning,
    /// Worth knowing; often deliberate.
    Info,
}

/// The rule that produced a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// (a) One on-prem prefix (or overlapping ones) behind different customer gateways.
    OnPremConflict,
    /// (b) A route partly or fully overridden by more specific routes in the same table.
    ShadowedRoute,
    /// (c) A prefix overlapping reserved space (100.64.0.0/10 CGNAT/cloud services, …).
    ReservedRange,
    /// (d) An SSL-VPN client pool overlapping VPC / vSwitch / reachable CIDRs.
    SslPoolOverlap,
    /// (e) A route that exists in one direction only between a VPC table and a VPN gateway.
    OneWayRoute,
    /// Same destination, source and next hop twice in one table.
    DuplicateRoute,
    /// Next hop is a connection whose tunnels are all down.
    NextHopDown,
    /// Explicit blackhole, or a next hop that does not exist in the inventory.
    Blackhole,
}

/// One finding of [`crate::analyse`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    /// Which rule.
    pub kind: FindingKind,
    /// How urgent.
    pub severity: Severity,
    /// Ids of the involved objects (routes, tables, connections, gateways…), sorted.
    pub objects: Vec<String>,
    /// One or two sentences a network engineer can act on.
    pub message: String,
}

impl Finding {
    /// Builds a finding; sorts and de-duplicates the object ids so output is deterministic.
    pub fn new(
        kind: FindingKind,
        severity: Severity,
        objects: impl IntoIterator<Item = String>,
        message: String,
    ) -> Self {
        let mut objects: Vec<String> = objects.into_iter().collect();
        objects.sort();
        objects.dedup();
        Self {
            kind,
            severity,
            objects,
            message,
        }
    }
}

/// Sorts findings by (severity, kind, objects, message): stable across runs and input order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.severity, a.kind, &a.objects, &a.message)
            .cmp(&(b.severity, b.kind, &b.objects, &b.message))
    });
}
