//! The whole input: every route plus the context objects, as one serde-able value.

use serde::{Deserialize, Serialize};

use crate::model::context::{
    Connection, CustomerGateway, PhysicalConnection, SslVpnServer, VSwitch, Vbr, Vpc, VpnGateway,
};
use crate::model::route::Route;

/// Everything the analysis looks at. Missing sections deserialize as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Inventory {
    /// Routes of every table.
    pub routes: Vec<Route>,
    /// VPCs.
    pub vpcs: Vec<Vpc>,
    /// vSwitches / subnets.
    pub vswitches: Vec<VSwitch>,
    /// Site-to-site VPN gateways.
    pub gateways: Vec<VpnGateway>,
    /// SSL-VPN / P2C servers.
    pub ssl_servers: Vec<SslVpnServer>,
    /// IPsec connections.
    pub connections: Vec<Connection>,
    /// Customer gateways (sites).
    pub customer_gateways: Vec<CustomerGateway>,
    /// Virtual border routers.
    pub vbrs: Vec<Vbr>,
    /// Leased lines.
    pub physical_connections: Vec<PhysicalConnection>,
}
