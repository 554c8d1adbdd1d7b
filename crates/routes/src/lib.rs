//! Route analysis for gatewatch's Routes page: a pure library (no Leptos, no database, no
//! cloud calls) over a neutral route model that the sync/store layer fills from Alibaba Cloud
//! and Huawei Cloud data.
//!
//! * [`Inventory`] — routes of every source ([`Route`]) plus context objects.
//! * [`analyse`] — conflict report: a sorted list of [`Finding`]s (rules in [`rules`]).
//! * [`trace`] — "which path carries IP x": longest-prefix match hop by hop ([`Trace`]).
//! * [`RouteIndex`] — build the lookups once and run many traces / analyses.
//! * [`cidr`] — string → CIDR parsing whose errors name the field and the bad value.

pub mod cidr;
pub mod finding;
pub mod index;
pub mod lpm;
pub mod model;
pub mod nest;
pub mod rules;
pub mod trace;

#[cfg(test)]
mod fuzz_regressions;
#[cfg(test)]
pub(crate) mod testkit;

use std::net::IpAddr;

pub use cidr::{parse_cidr, parse_cidr_list, parse_ip, InputError};
pub use finding::{Finding, FindingKind, Severity};
pub use index::RouteIndex;
pub use model::context::{
    Connection, CustomerGateway, LinkState, PhysicalConnection, SslVpnServer, Tunnel, TunnelState,
    VSwitch, Vbr, Vpc, VpnGateway,
};
pub use model::inventory::Inventory;
pub use model::route::{
    Cloud, NextHop, NextHopKind, Route, RouteSource, RouteState, TableKind, TableRef,
};
pub use trace::{Hop, HopKind, MatchedRoute, Outcome, Trace, TraceQuery};

/// Runs every conflict rule over the inventory; findings are sorted by severity, kind, ids.
pub fn analyse(inv: &Inventory) -> Vec<Finding> {
    RouteIndex::new(inv).analyse()
}

/// Which path carries `ip`, starting in VPC `from` (or, without one, at the table with the
/// most specific match; see [`trace::walk`]).
pub fn trace(inv: &Inventory, ip: IpAddr, from: Option<&str>) -> Trace {
    RouteIndex::new(inv).trace(ip, from)
}
