//! Route rows of the store as analysis routes (server only; see [`crate::api::inventory`]):
//! source, table kind, next hop kind and state in the analysis' terms. A route whose
//! destination (or pbr source) is not a CIDR is left out and counted under "routes".

use super::map::{attrs, cloud};
use super::{Rows, Skipped};
use ::routes::{
    parse_cidr, Cloud, NextHop, NextHopKind, Route, RouteSource, RouteState, TableKind, TableRef,
    Vbr,
};
use std::collections::HashSet;
use store::model as sm;

/// The next hop kind of a store `next_hop_type` (Alibaba and Huawei spellings).
pub fn next_hop_kind(kind: Option<&str>, id: Option<&str>) -> NextHopKind {
    let norm = kind
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(['_', '-'], "");
    match norm.as_str() {
        "vpngateway" => NextHopKind::VpnGateway,
        "vpnconnection" | "connection" => NextHopKind::Connection,
        "vbr" | "virtualborderrouter" => NextHopKind::Vbr,
        "routerinterface" => NextHopKind::RouterInterface,
        "local" => NextHopKind::Local,
        "blackhole" => NextHopKind::Blackhole,
        "instance" | "networkinterface" | "havip" | "natgateway" | "ipv6gateway" | "ecs" => {
            NextHopKind::Instance
        }
        "" if id.is_none() => NextHopKind::Local,
        _ => NextHopKind::Other,
    }
}

fn route_state(state: &str) -> RouteState {
    match state {
        "pending" => RouteState::Pending,
        "down" => RouteState::Inactive,
        _ => RouteState::Active,
    }
}

/// Every route; the table kind follows from the source and, for Alibaba route table
/// entries, from whether the table belongs to a VBR.
pub fn routes(rows: &Rows, vbrs: &[Vbr], skipped: &mut Skipped) -> Vec<Route> {
    let vbr_tables: HashSet<&str> = vbrs
        .iter()
        .flat_map(|v| {
            v.route_table_id
                .as_deref()
                .into_iter()
                .chain([v.id.as_str()])
        })
        .chain(
            rows.of("route_table")
                .filter(|t| {
                    t.parent_id
                        .as_deref()
                        .is_some_and(|p| p.starts_with("vbr-"))
                })
                .map(|t| t.cloud_id.as_str()),
        )
        .collect();
    rows.of("route")
        .filter_map(|r| {
            let a: sm::Route = attrs(r);
            let table_id = if a.table_id.is_empty() {
                r.parent_id.clone().unwrap_or_default()
            } else {
                a.table_id.clone()
            };
            let Ok(destination) = parse_cidr("destination", &a.destination) else {
                skipped.count("routes");
                return None;
            };
            let source = match a.source {
                sm::RouteSource::VpnDestination => RouteSource::VpnDestinationRoute,
                sm::RouteSource::VpnPolicy => {
                    let cidr = a.source_cidr.as_deref().unwrap_or("0.0.0.0/0");
                    let Ok(source_cidr) = parse_cidr("source_cidr", cidr) else {
                        skipped.count("routes");
                        return None;
                    };
                    RouteSource::VpnPolicyRoute { source_cidr }
                }
                sm::RouteSource::BgpNetwork => RouteSource::BgpNetwork,
                sm::RouteSource::BgpLearned => RouteSource::BgpLearned,
                sm::RouteSource::HuaweiConnection => RouteSource::HuaweiConnectionRoute,
                sm::RouteSource::HuaweiGateway => RouteSource::HuaweiGatewayRoute,
                sm::RouteSource::VpcRouteEntry | sm::RouteSource::Other => {
                    RouteSource::VpcRouteEntry
                }
            };
            let kind = match (cloud(r), &source) {
                (Cloud::Huawei, _) => TableKind::HuaweiGateway,
                (_, RouteSource::VpnDestinationRoute | RouteSource::VpnPolicyRoute { .. }) => {
                    TableKind::VpnGateway
                }
                (_, RouteSource::BgpNetwork) => TableKind::VbrRouteTable,
                _ if vbr_tables.contains(table_id.as_str()) => TableKind::VbrRouteTable,
                _ => TableKind::VpcRouteTable,
            };
            let hop_kind = next_hop_kind(a.next_hop_type.as_deref(), a.next_hop.as_deref());
            Some(Route {
                id: r.cloud_id.clone(),
                table: TableRef {
                    kind,
                    id: table_id,
                    cloud: cloud(r),
                    account: r.account.clone(),
                    region: r.region.clone(),
                },
                destination,
                next_hop: NextHop::new(hop_kind, a.next_hop.clone().unwrap_or_default()),
                source,
                weight: a.weight,
                published: a.published,
                state: route_state(&r.state),
            })
        })
        .collect()
}
