//! VPC route entries, VPN dbr / pbr routes, BGP networks.

use super::parse;
use crate::map::aliyun::{
    bgp_network, route_entry, routes_of_route_table, routes_of_route_tables, vpn_pbr_route_entry,
    vpn_route_entry,
};
use crate::model::{ResourceItem, Route, RouteSource, Spec, State};
use aliyun::types::bgp::DescribeBgpNetworksResponse;
use aliyun::types::route_table::{DescribeRouteTablesResponse, RouteEntry};
use aliyun::types::vpn_route::{
    DescribeVpnPbrRouteEntriesResponse, DescribeVpnRouteEntriesResponse,
};

/// Seed 002 L3744-L3785 (S2).
pub(super) const ROUTE_TABLES_S2: &str = r#"{"PageNumber":1,"TotalCount":1,"PageSize":10,
 "RequestId":"DC668356-BCB4-42FD-9BC3-FA2B2E04B634","RouteTables":{"RouteTable":[{
  "CreationTime":"2017-08-22T10:40:25Z","RouteEntrys":{"RouteEntry":[
   {"Status":"Available","NextHops":{"NextHop":[]},"Type":"Custom","InstanceId":"ri-2zeo3xzyf38r4urzdpvfs",
    "RouteTableId":"vtb-2zevpmy9th8cxmwtarqg4","NextHopType":"RouterInterface",
    "DestinationCidrBlock":"10.10.0.0/24"},
   {"Status":"Available","NextHops":{"NextHop":[]},"Type":"System","InstanceId":"",
    "RouteTableId":"vtb-2zevpmy9th8cxmwtarqg4","NextHopType":"service",
    "DestinationCidrBlock":"100.64.0.0/10"}]},
  "RouteTableId":"vtb-2zevpmy9th8cxmwtarqg4","VRouterId":"vrt-2zefso23vmu6xi3jeiw0z",
  "RouteTableType":"System"}]}}"#;

fn route(it: &ResourceItem) -> &Route {
    match &it.spec {
        Spec::Route(r) => r,
        other => panic!("not a route: {other:?}"),
    }
}

#[test]
fn route_table_entries_with_next_hop_kind_and_id() {
    let r: DescribeRouteTablesResponse = parse(ROUTE_TABLES_S2);
    let items = routes_of_route_table(&r.route_tables.items[0]);
    assert_eq!(items.len(), 2);
    let ri = route(&items[0]);
    assert_eq!(ri.source, RouteSource::VpcRouteEntry);
    assert_eq!(ri.table_id, "vtb-2zevpmy9th8cxmwtarqg4");
    assert_eq!(ri.destination, "10.10.0.0/24");
    assert_eq!(ri.next_hop.as_deref(), Some("ri-2zeo3xzyf38r4urzdpvfs"));
    assert_eq!(ri.next_hop_type.as_deref(), Some("RouterInterface"));
    assert_eq!(items[0].cloud_id, ri.key());
    assert_eq!(
        items[0].parent_id.as_deref(),
        Some("vtb-2zevpmy9th8cxmwtarqg4")
    );
    assert_eq!(items[0].state.state, State::Up);
    let sys = route(&items[1]);
    assert_eq!(
        (sys.next_hop.as_deref(), sys.next_hop_type.as_deref()),
        (None, Some("service"))
    );
}

/// Seed 001 L1241-L1290 (S1): `RouteEntries` spelling, entries lack `NextHopType`; the table
/// id comes from the table when an entry omits it.
#[test]
fn s1_entries_and_table_fallback() {
    let r: DescribeRouteTablesResponse = parse(
        r#"{"PageNumber":1,"PageSize":10,"RequestId":"913F8774-681A-4857-95D8-ACBAF044D453",
        "RouteTables":{"RouteTable":[{"CreationTime":"2014-09-11T04:52:53Z","RouteEntries":{"RouteEntry":[
          {"DestinationCidrBlock":"192.168.10.1/32","InstanceId":"i-25skktcp4","Status":"Available","Type":"Custom"},
          {"DestinationCidrBlock":"192.168.1.0/24","InstanceId":"","RouteTableId":"vtb-25vtxl5ct",
           "Status":"Available","Type":"System"}]},
          "RouteTableId":"vtb-25vtxl5ct","RouteTableType":"System","VRouterId":"vrt-25u5f8u2q"}]}}"#,
    );
    let items = routes_of_route_tables(&r.route_tables.items);
    assert_eq!(items.len(), 2);
    let custom = route(&items[0]);
    assert_eq!(custom.table_id, "vtb-25vtxl5ct");
    assert_eq!(custom.next_hop.as_deref(), Some("i-25skktcp4"));
    assert_eq!(custom.next_hop_type, None);
}

/// A learned (`Type=BGP`) entry, and an ECMP entry whose members become separate rows.
#[test]
fn bgp_learned_and_ecmp_members() {
    let e: RouteEntry = serde_json::from_str(
        r#"{"RouteTableId":"vtb-1","DestinationCidrBlock":"192.168.0.0/16","Type":"BGP",
        "Status":"Available","NextHopType":"RouterInterface","InstanceId":"ri-1"}"#,
    )
    .unwrap();
    let items = route_entry(&e, None);
    assert_eq!(route(&items[0]).source, RouteSource::BgpLearned);

    let e: RouteEntry = serde_json::from_str(
        r#"{"RouteTableId":"vtb-1","DestinationCidrBlock":"10.0.0.0/8","Type":"Custom",
        "Status":"Modifying","NextHopType":"","InstanceId":"",
        "NextHops":{"NextHop":[
          {"NextHopType":"RouterInterface","NextHopId":"ri-a","Enabled":1,"Weight":100},
          {"NextHopType":"RouterInterface","NextHopId":"ri-b","Enabled":"0","Weight":"50"}]}}"#,
    )
    .unwrap();
    let items = route_entry(&e, Some("ignored"));
    assert_eq!(items.len(), 2);
    assert_ne!(items[0].cloud_id, items[1].cloud_id);
    assert_eq!(route(&items[0]).weight, Some(100));
    assert_eq!(items[0].state.state, State::Pending);
    assert_eq!(route(&items[1]).next_hop.as_deref(), Some("ri-b"));
    assert_eq!(items[1].state.state, State::Down);
    assert_eq!(items[1].state.raw.as_deref(), Some("Enabled=0"));
}

/// Malformed / missing destinations: kept verbatim, or the entry is skipped.
#[test]
fn malformed_destinations_do_not_panic() {
    let e: RouteEntry =
        serde_json::from_str(r#"{"RouteTableId":"vtb-1","DestinationCidrBlock":" 10.0.0.0/33 "}"#)
            .unwrap();
    let items = route_entry(&e, None);
    assert_eq!(route(&items[0]).destination, "10.0.0.0/33");
    assert_eq!(items[0].state.state, State::Up);
    let e: RouteEntry = serde_json::from_str(r#"{"RouteTableId":"vtb-1"}"#).unwrap();
    assert!(route_entry(&e, None).is_empty());
}

/// Seed 000 L1750-L1767 (S0).
#[test]
fn vpn_destination_route() {
    let r: DescribeVpnRouteEntriesResponse = parse(
        r#"{"PageNumber":1,"TotalCount":1,"PageSize":10,"VpnRouteEntries":{"VpnRouteEntry":[{
        "RouteDest":"10.0.0.0/24","VpnInstanceId":"vpn-bp1cmw7jh1nfe43m9****","Weight":100,
        "State":"normal","NextHop":"vco-bp1tui07ob10fmuro****","CreateTime":1563874074000}]},
        "RequestId":"BF3995A6-FA4F-4C74-B90F-89ECF4BFF4D5"}"#,
    );
    let it = vpn_route_entry(&r.vpn_route_entries.items[0], None).unwrap();
    let rt = route(&it);
    assert_eq!(rt.source, RouteSource::VpnDestination);
    assert_eq!(rt.table_id, "vpn-bp1cmw7jh1nfe43m9****");
    assert_eq!(rt.next_hop.as_deref(), Some("vco-bp1tui07ob10fmuro****"));
    assert_eq!(rt.next_hop_type.as_deref(), Some("VpnConnection"));
    assert_eq!((rt.weight, rt.published), (Some(100), Some(false)));
    assert_eq!(
        it.cloud_id,
        "vpn_destination|vpn-bp1cmw7jh1nfe43m9****|10.0.0.0/24||vco-bp1tui07ob10fmuro****"
    );
    assert_eq!(it.parent_id.as_deref(), Some("vpn-bp1cmw7jh1nfe43m9****"));
    assert_eq!(
        (it.state.state, it.state.raw.as_deref()),
        (State::Up, Some("normal"))
    );
}

/// Seed 000 L1850-L1868 (S0); the gateway id falls back to the caller's when missing.
#[test]
fn vpn_policy_route() {
    let r: DescribeVpnPbrRouteEntriesResponse = parse(
        r#"{"PageNumber":1,"TotalCount":1,"PageSize":10,"RequestId":"E5D94DC7-AEC7-4E73-A203-61B04D1F1160",
        "VpnPbrRouteEntries":{"VpnPbrRouteEntry":[{"RouteDest":"10.0.0.0/32",
        "VpnInstanceId":"vpn-bp1cmw7jh1nfe43m9****","Weight":100,"State":"published",
        "RouteSource":"11.0.0.0/32","NextHop":"vco-bp1tui07ob10fmuro****","CreateTime":1563881012000}]}}"#,
    );
    let mut e = r.vpn_pbr_route_entries.items[0].clone();
    let it = vpn_pbr_route_entry(&e, None).unwrap();
    let rt = route(&it);
    assert_eq!(rt.source, RouteSource::VpnPolicy);
    assert_eq!(rt.source_cidr.as_deref(), Some("11.0.0.0/32"));
    assert_eq!(rt.published, Some(true));
    e.vpn_instance_id = None;
    e.state = Some("weird".into());
    let it = vpn_pbr_route_entry(&e, Some("vpn-x")).unwrap();
    assert_eq!(route(&it).table_id, "vpn-x");
    assert_eq!(route(&it).published, None);
    assert_eq!(
        (it.state.state, it.state.raw.as_deref()),
        (State::Unknown, Some("weird"))
    );
}

/// Seed 002 L9486-L9498 (S2): no `RouterId` in the example, the caller's VBR is used.
#[test]
fn bgp_network_held_by_vbr() {
    let r: DescribeBgpNetworksResponse = parse(
        r#"{"BgpNetworks":{"BgpNetwork":[{"DstCidrBlock":"10.1.1.0/24","VpcId":""}]},
        "TotalCount":1,"PageSize":10,"RequestId":"6F513A15-669F-419D-B511-08A85292059B"}"#,
    );
    let it = bgp_network(&r.bgp_networks.items[0], Some("vbr-2zecmmvg5gvu8i4telkhw")).unwrap();
    let rt = route(&it);
    assert_eq!(rt.source, RouteSource::BgpNetwork);
    assert_eq!(rt.destination, "10.1.1.0/24");
    assert_eq!(it.parent_id.as_deref(), Some("vbr-2zecmmvg5gvu8i4telkhw"));
    assert_eq!(
        it.cloud_id,
        "bgp_network|vbr-2zecmmvg5gvu8i4telkhw|10.1.1.0/24||"
    );
}
