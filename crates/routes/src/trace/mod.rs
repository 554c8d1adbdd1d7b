//! "Which path carries IP x": the trace result types. The walk is in [`walk`], the choice
//! among matching routes at one table in [`select`].

pub mod select;
mod start;
pub mod walk;

#[cfg(test)]
mod tests;

use std::net::IpAddr;

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

/// What to trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceQuery {
    /// Destination address.
    pub destination: IpAddr,
    /// Source address; only then can policy-based (pbr) routes match.
    pub source: Option<IpAddr>,
    /// VPC the packet starts in (its first route table is used).
    pub from_vpc: Option<String>,
}

/// What a hop is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HopKind {
    /// A VPC route table lookup.
    VpcRouteTable,
    /// An Alibaba VPN gateway route table lookup.
    VpnGateway,
    /// A Huawei gateway routing table lookup.
    HuaweiGateway,
    /// A VBR route table lookup.
    VbrRouteTable,
    /// An IPsec connection.
    Connection,
    /// The tunnel of the connection that carries the packet.
    Tunnel,
    /// The customer gateway (site).
    CustomerGateway,
    /// A VBR.
    Vbr,
    /// A leased line.
    PhysicalConnection,
    /// Delivered to an instance / ENI / other next hop.
    Instance,
    /// Delivered locally in the VPC.
    Local,
}

/// The route chosen at a table, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchedRoute {
    /// Route id.
    pub route_id: String,
    /// Its destination.
    pub destination: IpNet,
    /// Prefix length that matched.
    pub prefix_len: u8,
    /// Its weight.
    pub weight: Option<u32>,
    /// Source CIDR when a pbr route matched.
    pub policy_source: Option<IpNet>,
    /// Equal-cost routes that share the traffic with this one (ECMP).
    pub ecmp: Vec<String>,
    /// Routes for the same prefix that are not used now (lower weight, or next hop down).
    pub standby: Vec<String>,
    /// Why this route won: prefix length, policy precedence, weight, failover, ECMP.
    pub reason: String,
}

/// One hop of a trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    /// Kind of hop.
    pub kind: HopKind,
    /// Id of the table / object.
    pub id: String,
    /// The route chosen here (table hops only).
    pub matched: Option<MatchedRoute>,
    /// Human note (tunnel choice, site name, …).
    pub note: String,
}

/// Where the lookup ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Outcome {
    /// Reached a customer gateway, leased line, instance or local delivery.
    Delivered {
        /// Id of the final object.
        at: String,
    },
    /// No route matched in this table.
    NoRoute {
        /// Table id.
        table: String,
    },
    /// A blackhole route matched.
    Blackhole {
        /// Route id.
        route: String,
    },
    /// The walk came back to a table it had already visited.
    Loop {
        /// The table visited twice.
        table: String,
    },
    /// More table hops than [`walk::MAX_TABLE_HOPS`].
    HopLimit,
    /// Every candidate next hop is a connection with all tunnels down.
    NextHopDown {
        /// The connection(s).
        connections: Vec<String>,
    },
    /// The next hop or start VPC is not in the inventory.
    Unresolved {
        /// The unknown id.
        id: String,
    },
}

/// Result of a trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
    /// The query.
    pub query: TraceQuery,
    /// Hops in order.
    pub hops: Vec<Hop>,
    /// How it ended.
    pub outcome: Outcome,
}
