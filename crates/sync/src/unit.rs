//! Units of sync work: what one crawl of an (account, region) fetches together, because one
//! API listing yields them together (a connection listing carries its tunnels, BGP sessions
//! and health checks). Each kind a unit yields is still its own snapshot under its own
//! generation; a job writes all of them in one transaction.

use std::time::Duration;
use store::model::ResourceKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// Hot: connection, tunnel, BGP session and health-check state.
    Connections,
    /// Cold: VPN gateways (site-to-site and point-to-site), customer gateways, SSL-VPN servers.
    Gateways,
    /// Cold: VPCs, vSwitches, route tables.
    Network,
    /// Cold: leased lines — VBRs, router interfaces, physical connections.
    Hybrid,
    /// Cold: every route source of the region, as one snapshot (VPC route entries, VPN
    /// destination and policy routes, BGP networks and learned routes, Huawei routes).
    Routes,
}

/// How often a unit is due.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cadence {
    pub hot: Duration,
    pub cold: Duration,
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence {
            hot: Duration::from_secs(30),
            cold: Duration::from_secs(600),
        }
    }
}

impl Unit {
    pub const ALL: [Unit; 5] = [
        Unit::Connections,
        Unit::Gateways,
        Unit::Network,
        Unit::Hybrid,
        Unit::Routes,
    ];

    /// The kinds this unit writes; the first one keys its lease and schedule.
    pub fn kinds(self) -> &'static [ResourceKind] {
        match self {
            Unit::Connections => &[
                ResourceKind::Connection,
                ResourceKind::Tunnel,
                ResourceKind::BgpSession,
                ResourceKind::HealthCheck,
            ],
            Unit::Gateways => &[
                ResourceKind::VpnGateway,
                ResourceKind::CustomerGateway,
                ResourceKind::SslVpnServer,
            ],
            Unit::Network => &[
                ResourceKind::Vpc,
                ResourceKind::VSwitch,
                ResourceKind::RouteTable,
            ],
            Unit::Hybrid => &[
                ResourceKind::Vbr,
                ResourceKind::RouterInterface,
                ResourceKind::PhysicalConnection,
            ],
            Unit::Routes => &[ResourceKind::Route],
        }
    }

    pub fn primary(self) -> ResourceKind {
        self.kinds()[0]
    }

    pub fn interval(self, cadence: Cadence) -> Duration {
        match self {
            Unit::Connections => cadence.hot,
            _ => cadence.cold,
        }
    }
}
