//! Id lookups over an [`Inventory`] and the labels used in human explanations.

use std::collections::HashMap;

use crate::model::context::{
    Connection, CustomerGateway, PhysicalConnection, SslVpnServer, Vbr, Vpc, VpnGateway,
};
use crate::model::inventory::Inventory;
use crate::model::route::Route;

/// Borrowed id → object maps, built once per analysis / trace index.
#[derive(Debug)]
pub struct Catalog<'a> {
    /// The inventory itself.
    pub inv: &'a Inventory,
    /// VPCs by id.
    pub vpcs: HashMap<&'a str, &'a Vpc>,
    /// Gateways by id.
    pub gateways: HashMap<&'a str, &'a VpnGateway>,
    /// Connections by id.
    pub connections: HashMap<&'a str, &'a Connection>,
    /// Customer gateways by id.
    pub cgws: HashMap<&'a str, &'a CustomerGateway>,
    /// VBRs by id.
    pub vbrs: HashMap<&'a str, &'a Vbr>,
    /// VBRs by a VPC-side router interface id.
    pub vbr_by_interface: HashMap<&'a str, &'a Vbr>,
    /// Leased lines by id.
    pub lines: HashMap<&'a str, &'a PhysicalConnection>,
    /// SSL servers by id.
    pub ssl_servers: HashMap<&'a str, &'a SslVpnServer>,
    /// Route indices (into `inv.routes`) per table id, ordered by route id (then input
    /// position), so every list derived from them reads the same whatever the input order.
    pub routes_by_table: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Catalog<'a> {
    /// Builds the lookups. Later duplicates of an id win, which never panics.
    pub fn new(inv: &'a Inventory) -> Self {
        let mut routes_by_table: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, r) in inv.routes.iter().enumerate() {
            routes_by_table
                .entry(r.table.id.as_str())
                .or_default()
                .push(i);
        }
        for idxs in routes_by_table.values_mut() {
            idxs.sort_by(|&a, &b| inv.routes[a].id.cmp(&inv.routes[b].id).then(a.cmp(&b)));
        }
        let mut vbr_by_interface = HashMap::new();
        for v in &inv.vbrs {
            for ri in &v.router_interface_ids {
                vbr_by_interface.insert(ri.as_str(), v);
            }
        }
        Self {
            inv,
            vpcs: inv.vpcs.iter().map(|v| (v.id.as_str(), v)).collect(),
            gateways: inv.gateways.iter().map(|g| (g.id.as_str(), g)).collect(),
            connections: inv.connections.iter().map(|c| (c.id.as_str(), c)).collect(),
            cgws: inv
                .customer_gateways
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
            vbrs: inv.vbrs.iter().map(|v| (v.id.as_str(), v)).collect(),
            vbr_by_interface,
            lines: inv
                .physical_connections
                .iter()
                .map(|p| (p.id.as_str(), p))
                .collect(),
            ssl_servers: inv.ssl_servers.iter().map(|s| (s.id.as_str(), s)).collect(),
            routes_by_table,
        }
    }

    /// Route by index.
    pub fn route(&self, i: usize) -> &'a Route {
        &self.inv.routes[i]
    }

    /// "cgw-a (Shanghai DC, 203.0.113.10)": id plus what an engineer recognises.
    pub fn cgw_label(&self, id: &str) -> String {
        let Some(c) = self.cgws.get(id) else {
            return format!("{id} (unknown customer gateway)");
        };
        let mut parts = Vec::new();
        if let Some(site) = c.site.as_deref().filter(|s| !s.is_empty()) {
            parts.push(site.to_owned());
        } else if !c.name.is_empty() {
            parts.push(c.name.clone());
        }
        if let Some(ip) = c.public_ip {
            parts.push(ip.to_string());
        }
        if let Some(asn) = c.asn {
            parts.push(format!("AS{asn}"));
        }
        if parts.is_empty() {
            id.to_owned()
        } else {
            format!("{id} ({})", parts.join(", "))
        }
    }

    /// The customer gateway id behind a connection id, if both are known.
    pub fn cgw_of(&self, connection_id: &str) -> Option<&'a str> {
        self.connections
            .get(connection_id)
            .map(|c| c.customer_gateway_id.as_str())
    }

    /// The VPC a gateway serves, if known.
    pub fn vpc_of_gateway(&self, gateway_id: &str) -> Option<&'a Vpc> {
        let vpc_id = self.gateways.get(gateway_id)?.vpc_id.as_deref()?;
        self.vpcs.get(vpc_id).copied()
    }
}
