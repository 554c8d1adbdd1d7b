//! The rows → inventory mapping over hand-built rows.

use super::{build, StoreRow};
use ::routes::{NextHopKind, RouteSource, TableKind, TunnelState};
use serde_json::{json, Value};

fn row(kind: &str, id: &str, parent: Option<&str>, state: &str, attrs: Value) -> StoreRow {
    StoreRow {
        account: "prod".into(),
        cloud: "aliyun".into(),
        region: "cn-shanghai".into(),
        kind: kind.into(),
        cloud_id: id.into(),
        name: Some(format!("{id}-name")),
        parent_id: parent.map(str::to_owned),
        state: state.into(),
        attrs,
        raw: Value::Null,
    }
}

fn estate() -> Vec<StoreRow> {
    vec![
        row(
            "vpc",
            "vpc-1",
            None,
            "up",
            json!({"cidrs": ["10.0.0.0/16", "10.1.0.0/33"], "vrouter_id": "vrt-1"}),
        ),
        row(
            "route_table",
            "vtb-custom",
            Some("vrt-1"),
            "up",
            json!({"table_type": "Custom"}),
        ),
        row(
            "route_table",
            "vtb-sys",
            Some("vrt-1"),
            "up",
            json!({"table_type": "System"}),
        ),
        row(
            "route_table",
            "vtb-vbr",
            Some("vbr-1"),
            "up",
            json!({"table_type": "System"}),
        ),
        row(
            "v_switch",
            "vsw-1",
            Some("vpc-1"),
            "up",
            json!({"vpc_id": "vpc-1", "cidr": "10.0.1.0/24"}),
        ),
        row(
            "v_switch",
            "vsw-bad",
            Some("vpc-1"),
            "up",
            json!({"vpc_id": "vpc-1", "cidr": "10.0.300.0/24"}),
        ),
        row(
            "vpn_gateway",
            "vpn-1",
            None,
            "up",
            json!({"vpc_id": "vpc-1"}),
        ),
        row(
            "ssl_vpn_server",
            "vss-1",
            Some("vpn-1"),
            "up",
            json!({"gateway_id": "vpn-1", "client_pool": "10.0.1.0/24", "local_prefixes": ["10.0.0.0/16"]}),
        ),
        row(
            "customer_gateway",
            "cgw-1",
            None,
            "up",
            json!({"ip_address": "203.0.113.10", "asn": 65001, "tags": [["site", "Shanghai DC"]]}),
        ),
        row(
            "connection",
            "vco-1",
            Some("vpn-1"),
            "partial",
            json!({"gateway_id": "vpn-1",
            "customer_gateway_id": "cgw-1",
            "routing": {"mode": "policy", "local_prefixes": ["10.0.0.0/16"], "remote_prefixes": ["192.168.0.0/16", "bogus"]}}),
        ),
        StoreRow {
            raw: json!({"RemoteSubnet": "172.20.0.0/16, 172.21.0.0/16"}),
            ..row(
                "connection",
                "vco-bgp",
                Some("vpn-1"),
                "up",
                json!({"gateway_id": "vpn-1",
                "customer_gateway_id": "cgw-1", "routing": {"mode": "bgp", "peer_asn": 65001}}),
            )
        },
        row(
            "tunnel",
            "tun-2",
            Some("vco-1"),
            "up",
            json!({"connection_id": "vco-1", "role": "slave"}),
        ),
        row(
            "tunnel",
            "tun-1",
            Some("vco-1"),
            "down",
            json!({"connection_id": "vco-1", "role": "master"}),
        ),
        row(
            "route",
            "r1",
            Some("vtb-sys"),
            "up",
            json!({"source": "vpc_route_entry", "table_id": "vtb-sys",
            "destination": "192.168.0.0/16", "next_hop": "vpn-1", "next_hop_type": "VpnGateway"}),
        ),
        row(
            "route",
            "r2",
            Some("vpn-1"),
            "up",
            json!({"source": "vpn_destination", "table_id": "vpn-1",
            "destination": "192.168.0.0/16", "next_hop": "vco-1", "next_hop_type": "VpnConnection",
            "weight": 100, "published": true}),
        ),
        row(
            "route",
            "r3",
            Some("vtb-vbr"),
            "pending",
            json!({"source": "bgp_learned", "table_id": "vtb-vbr",
            "destination": "172.16.0.0/12", "next_hop": "pc-1", "next_hop_type": "PhysicalConnection"}),
        ),
        row(
            "route",
            "r-bad",
            Some("vtb-sys"),
            "up",
            json!({"source": "vpc_route_entry", "table_id": "vtb-sys",
            "destination": "192.168.0.0/40"}),
        ),
        row(
            "vbr",
            "vbr-1",
            Some("pc-1"),
            "up",
            json!({"physical_connection_id": "pc-1", "route_table_id": "vtb-vbr"}),
        ),
        row(
            "router_interface",
            "ri-vpc",
            Some("vrt-1"),
            "up",
            json!({"router_id": "vrt-1", "opposite_router_id": "vbr-1"}),
        ),
        row(
            "physical_connection",
            "pc-1",
            None,
            "down",
            json!({"peer_location": "Shanghai IDC"}),
        ),
    ]
}

#[test]
fn rows_become_an_inventory_and_bad_cidrs_are_counted_not_fatal() {
    let built = build(&estate());
    let inv = &built.inventory;
    // Bad CIDRs: one route, one VPC CIDR, one vSwitch, one connection subnet.
    let skipped: Vec<(&str, usize)> = built.skipped.0.iter().map(|(k, v)| (*k, *v)).collect();
    assert_eq!(
        skipped,
        [
            ("VPC CIDRs", 1),
            ("connection subnets", 1),
            ("routes", 1),
            ("vSwitches", 1)
        ]
    );
    assert_eq!(inv.vpcs.len(), 1);
    assert_eq!(inv.vpcs[0].cidrs.len(), 1);
    assert_eq!(
        inv.vpcs[0].route_table_ids,
        ["vtb-sys", "vtb-custom"],
        "system table first"
    );
    assert_eq!(inv.vswitches.len(), 1);
    assert_eq!(inv.gateways[0].vpc_id.as_deref(), Some("vpc-1"));
    assert_eq!(inv.ssl_servers[0].client_ip_pool.to_string(), "10.0.1.0/24");
    let bgp = inv.connections.iter().find(|c| c.id == "vco-bgp").unwrap();
    assert_eq!(
        bgp.remote_subnets.len(),
        2,
        "BGP connections keep their raw selectors"
    );
    let c = inv.connections.iter().find(|c| c.id == "vco-1").unwrap();
    assert_eq!(
        (c.gateway_id.as_str(), c.customer_gateway_id.as_str()),
        ("vpn-1", "cgw-1")
    );
    assert_eq!(c.remote_subnets.len(), 1);
    assert_eq!(c.local_subnets.len(), 1);
    let tunnels: Vec<(&str, TunnelState)> =
        c.tunnels.iter().map(|t| (t.id.as_str(), t.state)).collect();
    assert_eq!(
        tunnels,
        [("tun-1", TunnelState::Down), ("tun-2", TunnelState::Up)],
        "master first"
    );
    let cgw = &inv.customer_gateways[0];
    assert_eq!(
        (cgw.site.as_deref(), cgw.asn),
        (Some("Shanghai DC"), Some(65001))
    );
    assert_eq!(inv.vbrs[0].router_interface_ids, ["ri-vpc"]);
    assert_eq!(inv.physical_connections[0].peer_location, "Shanghai IDC");
    assert_eq!(inv.routes.len(), 3);
    let by_id = |id: &str| inv.routes.iter().find(|r| r.id == id).unwrap();
    let r1 = by_id("r1");
    assert_eq!(
        (r1.table.kind, r1.next_hop.kind),
        (TableKind::VpcRouteTable, NextHopKind::VpnGateway)
    );
    assert_eq!(
        (r1.table.account.as_str(), r1.table.region.as_str()),
        ("prod", "cn-shanghai")
    );
    let r2 = by_id("r2");
    assert_eq!(
        (r2.table.kind, r2.next_hop.kind),
        (TableKind::VpnGateway, NextHopKind::Connection)
    );
    assert_eq!(
        (r2.source.clone(), r2.weight, r2.published),
        (RouteSource::VpnDestinationRoute, Some(100), Some(true))
    );
    assert_eq!(by_id("r3").table.kind, TableKind::VbrRouteTable);
    assert_eq!(by_id("r3").state, ::routes::RouteState::Pending);
}

#[test]
fn the_trace_over_the_mapped_rows_reaches_the_site() {
    let built = build(&estate());
    let t = ::routes::trace(
        &built.inventory,
        "192.168.7.9".parse().unwrap(),
        Some("vpc-1"),
    );
    let last = t.hops.last().unwrap();
    assert_eq!(
        (last.kind, last.id.as_str()),
        (::routes::HopKind::CustomerGateway, "cgw-1"),
        "{t:?}"
    );
    // The master tunnel is down: the slave carries the traffic.
    assert!(t.hops.iter().any(|h| h.id == "tun-2"), "{t:?}");
    assert!(::routes::analyse(&built.inventory)
        .iter()
        .any(|f| f.kind == ::routes::FindingKind::SslPoolOverlap));
}
