//! One mapping per kind of store row into the analysis model (server only; see
//! [`crate::api::inventory`]). Attributes are the store's neutral types (`store::model`); a
//! row whose attributes do not decode is mapped from defaults rather than dropped.

use super::{Rows, Skipped, StoreRow};
use ::routes::{
    parse_cidr, parse_ip, Cloud, Connection, CustomerGateway, LinkState, PhysicalConnection,
    SslVpnServer, Tunnel, TunnelState, VSwitch, Vbr, Vpc, VpnGateway,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;
use store::model as sm;

pub fn attrs<T: DeserializeOwned + Default>(r: &StoreRow) -> T {
    serde_json::from_value(r.attrs.clone()).unwrap_or_default()
}

pub fn cloud(r: &StoreRow) -> Cloud {
    if r.cloud == "huawei" {
        Cloud::Huawei
    } else {
        Cloud::Alibaba
    }
}

fn name(r: &StoreRow) -> String {
    r.name.clone().unwrap_or_default()
}

fn link_state(r: &StoreRow) -> LinkState {
    match r.state.as_str() {
        "up" => LinkState::Up,
        "down" => LinkState::Down,
        _ => LinkState::Unknown,
    }
}

/// VPCs with their CIDRs and route tables (system table first: a trace starts there).
pub fn vpcs(rows: &Rows, skipped: &mut Skipped) -> Vec<Vpc> {
    rows.of("vpc")
        .map(|r| {
            let a: sm::Vpc = attrs(r);
            let mut tables: Vec<(bool, String)> = rows
                .of("route_table")
                .filter(|t| {
                    let ta: sm::RouteTable = attrs(t);
                    ta.vpc_id.as_deref() == Some(r.cloud_id.as_str())
                        || (a.vrouter_id.is_some() && t.parent_id == a.vrouter_id)
                })
                .map(|t| {
                    let ta: sm::RouteTable = attrs(t);
                    let system = ta
                        .table_type
                        .is_some_and(|k| k.eq_ignore_ascii_case("system"));
                    (!system, t.cloud_id.clone())
                })
                .collect();
            tables.sort();
            Vpc {
                id: r.cloud_id.clone(),
                name: name(r),
                cidrs: skipped.each(&a.cidrs, |v| parse_cidr("cidrs", v), "VPC CIDRs"),
                route_table_ids: tables.into_iter().map(|(_, id)| id).collect(),
            }
        })
        .collect()
}

pub fn vswitches(rows: &Rows, skipped: &mut Skipped) -> Vec<VSwitch> {
    rows.of("v_switch")
        .filter_map(|r| {
            let a: sm::VSwitch = attrs(r);
            let cidr = skipped.one(a.cidr.as_deref(), |v| parse_cidr("cidr", v), "vSwitches")?;
            Some(VSwitch {
                id: r.cloud_id.clone(),
                vpc_id: a.vpc_id.or_else(|| r.parent_id.clone())?,
                cidr,
            })
        })
        .collect()
}

pub fn gateways(rows: &Rows) -> Vec<VpnGateway> {
    rows.of("vpn_gateway")
        .map(|r| VpnGateway {
            id: r.cloud_id.clone(),
            name: name(r),
            cloud: cloud(r),
            vpc_id: attrs::<sm::VpnGateway>(r).vpc_id,
        })
        .collect()
}

pub fn ssl_servers(rows: &Rows, skipped: &mut Skipped) -> Vec<SslVpnServer> {
    rows.of("ssl_vpn_server")
        .filter_map(|r| {
            let a: sm::SslVpnServer = attrs(r);
            let pool = a.client_pool.as_deref();
            let client_ip_pool = skipped.one(
                pool,
                |v| parse_cidr("client_pool", v),
                "SSL-VPN client pools",
            )?;
            Some(SslVpnServer {
                id: r.cloud_id.clone(),
                gateway_id: a.gateway_id.or_else(|| r.parent_id.clone())?,
                client_ip_pool,
                local_subnets: skipped.each(
                    &a.local_prefixes,
                    |v| parse_cidr("local_prefixes", v),
                    "SSL-VPN local subnets",
                ),
            })
        })
        .collect()
}

fn tunnel_state(state: &str) -> TunnelState {
    match state {
        "up" => TunnelState::Up,
        "down" => TunnelState::Down,
        "partial" => TunnelState::Phase1Only,
        "pending" => TunnelState::Transitional,
        _ => TunnelState::Unknown,
    }
}

/// The first of `keys` in a raw payload as a list: a comma-separated string (Alibaba
/// `RemoteSubnet`) or an array of strings (Huawei `peer_subnets`).
fn raw_list(raw: &Value, keys: &[&str]) -> Vec<String> {
    let Some(v) = keys.iter().find_map(|k| raw.get(*k)) else {
        return Vec::new();
    };
    match v {
        Value::String(s) => s.split(',').map(|x| x.trim().to_owned()).collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// (account, region, connection id): where a tunnel row belongs.
type ConnKey<'a> = (&'a str, &'a str, String);

/// Connections with their subnets and tunnels (master / active tunnel first).
pub fn connections(rows: &Rows, skipped: &mut Skipped) -> Vec<Connection> {
    let mut tunnels: HashMap<ConnKey, Vec<(bool, Tunnel)>> = HashMap::new();
    for t in rows.of("tunnel") {
        let a: sm::Tunnel = attrs(t);
        let parent = t.parent_id.clone().unwrap_or(a.connection_id);
        let role = a.role.unwrap_or_default().to_ascii_lowercase();
        let preferred = matches!(role.as_str(), "master" | "active" | "");
        let tunnel = Tunnel {
            id: t.cloud_id.clone(),
            state: tunnel_state(&t.state),
        };
        let key = (t.account.as_str(), t.region.as_str(), parent);
        tunnels.entry(key).or_default().push((!preferred, tunnel));
    }
    rows.of("connection")
        .map(|r| {
            let a: sm::Connection = attrs(r);
            let (local, remote) = match a.routing.clone() {
                sm::Routing::Static { remote_prefixes } => (Vec::new(), remote_prefixes),
                sm::Routing::Policy {
                    local_prefixes,
                    remote_prefixes,
                } => (local_prefixes, remote_prefixes),
                _ => (
                    raw_list(&r.raw, &["LocalSubnet", "local_subnets"]),
                    raw_list(&r.raw, &["RemoteSubnet", "peer_subnets"]),
                ),
            };
            let what = "connection subnets";
            let key = (r.account.as_str(), r.region.as_str(), r.cloud_id.clone());
            let mut ts = tunnels.remove(&key).unwrap_or_default();
            ts.sort_by(|x, y| (x.0, &x.1.id).cmp(&(y.0, &y.1.id)));
            Connection {
                id: r.cloud_id.clone(),
                name: name(r),
                gateway_id: a
                    .gateway_id
                    .or_else(|| r.parent_id.clone())
                    .unwrap_or_default(),
                customer_gateway_id: a.customer_gateway_id.unwrap_or_default(),
                local_subnets: skipped.each(&local, |v| parse_cidr("local_subnets", v), what),
                remote_subnets: skipped.each(&remote, |v| parse_cidr("remote_subnets", v), what),
                tunnels: ts.into_iter().map(|(_, t)| t).collect(),
            }
        })
        .collect()
}

/// Customer gateways: the site is the `site` tag when there is one, else the name is used.
pub fn customer_gateways(rows: &Rows) -> Vec<CustomerGateway> {
    rows.of("customer_gateway")
        .map(|r| {
            let a: sm::CustomerGateway = attrs(r);
            let site = a
                .tags
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("site"))
                .map(|(_, v)| v.clone());
            CustomerGateway {
                id: r.cloud_id.clone(),
                name: name(r),
                public_ip: a
                    .ip_address
                    .as_deref()
                    .and_then(|ip| parse_ip("ip", ip).ok()),
                asn: a.asn,
                site,
            }
        })
        .collect()
}

/// VBRs with the VPC-side router interfaces peered with them.
pub fn vbrs(rows: &Rows) -> Vec<Vbr> {
    let interfaces: Vec<(String, sm::RouterInterface)> = rows
        .of("router_interface")
        .map(|r| (r.cloud_id.clone(), attrs(r)))
        .collect();
    rows.of("vbr")
        .map(|r| {
            let a: sm::Vbr = attrs(r);
            let id = Some(r.cloud_id.as_str());
            let mut peers: Vec<String> = interfaces
                .iter()
                .filter_map(|(ri, i)| {
                    if i.opposite_router_id.as_deref() == id {
                        Some(ri.clone())
                    } else if i.router_id.as_deref() == id {
                        i.opposite_interface_id.clone()
                    } else {
                        None
                    }
                })
                .collect();
            peers.sort();
            peers.dedup();
            Vbr {
                id: r.cloud_id.clone(),
                name: name(r),
                route_table_id: a.route_table_id,
                physical_connection_id: a.physical_connection_id.or_else(|| r.parent_id.clone()),
                router_interface_ids: peers,
                state: link_state(r),
            }
        })
        .collect()
}

pub fn physical_connections(rows: &Rows) -> Vec<PhysicalConnection> {
    rows.of("physical_connection")
        .map(|r| PhysicalConnection {
            id: r.cloud_id.clone(),
            name: name(r),
            peer_location: attrs::<sm::PhysicalConnection>(r)
                .peer_location
                .unwrap_or_default(),
            state: link_state(r),
        })
        .collect()
}
