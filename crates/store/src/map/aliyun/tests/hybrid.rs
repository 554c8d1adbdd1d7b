//! VBRs, router interfaces, physical connections, VBR BGP sessions, SSL-VPN servers.

use super::parse;
use crate::map::aliyun::{
    bgp_peer, bgp_sessions, physical_connection, router_interface, ssl_vpn_server, vbr,
};
use crate::model::{Facet, Spec, State};
use aliyun::types::bgp::{
    BgpNetwork, BgpPeer, DescribeBgpGroupsResponse, DescribeBgpPeersResponse,
};
use aliyun::types::router_interface::DescribeRouterInterfacesResponse;
use aliyun::types::ssl_vpn::DescribeSslVpnServersResponse;
use aliyun::types::vbr::{
    DescribePhysicalConnectionsResponse, DescribeVirtualBorderRoutersResponse,
};

/// Seed 002 L8583-L8609 (S2, wrapped, quoted numbers).
#[test]
fn vbr_interconnect_and_parent_line() {
    let r: DescribeVirtualBorderRoutersResponse = parse(
        r#"{"DescribeVirtualBorderRoutersResponse":{"PageNumber":"1","VirtualBorderRouterSet":{
        "VirtualBorderRouterType":{"LocalGatewayIp":"10.1.1.1","PeerGatewayIp":"10.2.2.2",
        "PhysicalConnectionOwnerUid":"1231579085529123","VlanId":"10","PhysicalConnectionStatus":"Enabled",
        "PhysicalConnectionId":"pc-2zeoaxkq3jot5p71qcnuy","RouteTableId":"vtb-2ze9hmd6yofwvb1dd79j9",
        "PeeringSubnetMask":"255.0.0.0","CreationTime":"2018-03-06T11:16:34Z",
        "ActivationTime":"2018-03-06T11:16:34Z","Status":"active","PhysicalConnectionBusinessStatus":"Normal",
        "VlanInterfaceId":"ri-2zeum6rgu0586gjrocikm","VbrId":"vbr-2zecmmvg5gvu8i4telkhw",
        "AccessPointId":"ap-cn-beijing-dx-A"}},"TotalCount":"1","PageSize":"10",
        "RequestId":"AE65530E-8436-4FB1-8217-DCD35712AC89"}}"#,
    );
    let it = vbr(&r.virtual_border_router_set.items[0]).unwrap();
    assert_eq!(it.cloud_id, "vbr-2zecmmvg5gvu8i4telkhw");
    assert_eq!(it.parent_id.as_deref(), Some("pc-2zeoaxkq3jot5p71qcnuy"));
    assert_eq!(
        (it.state.state, it.state.raw.as_deref()),
        (State::Up, Some("active"))
    );
    let Spec::Vbr(s) = &it.spec else { panic!() };
    assert_eq!(s.vlan_id, Some(10));
    assert_eq!(s.local_ip.as_deref(), Some("10.1.1.1"));
    assert_eq!(s.peer_ip.as_deref(), Some("10.2.2.2"));
    assert_eq!(s.netmask.as_deref(), Some("255.0.0.0"));
    assert_eq!(
        s.route_table_id.as_deref(),
        Some("vtb-2ze9hmd6yofwvb1dd79j9")
    );
    let mut v = r.virtual_border_router_set.items[0].clone();
    v.status = Some("unconfirmed".into());
    assert_eq!(vbr(&v).unwrap().state.state, State::Pending);
}

/// Seed 002 L7165-L7190 (S2).
#[test]
fn physical_connection_line() {
    let r: DescribePhysicalConnectionsResponse = parse(
        r#"{"PageNumber":1,"TotalCount":1,"PageSize":10,"RequestId":"7C07B0AF-4FC0-4BB2-9667-F75812824BCD",
        "PhysicalConnectionSet":{"PhysicalConnectionType":[{"Type":"VPC",
        "PhysicalConnectionId":"pc-2zeoaxkq3jot5p71qcnuy","PeerLocation":"XXX-XX区--XXX路",
        "CreationTime":"2017-12-13T02:28:42Z","Name":"TEST","Status":"Enabled",
        "AdLocation":"XXX--XX-XXX机房XX机柜XXU","EnabledTime":"2017-12-18T04:01:30Z",
        "BusinessStatus":"Normal","LineOperator":"CT","PortNumber":"1/1/4",
        "AccessPointId":"ap-cn-beijing-dx-A","PortType":"100Base-T","Bandwidth":2}]}}"#,
    );
    let mut p = r.physical_connection_set.items[0].clone();
    let it = physical_connection(&p).unwrap();
    assert_eq!(it.name.as_deref(), Some("TEST"));
    assert_eq!(it.state.state, State::Up);
    let Spec::PhysicalConnection(s) = &it.spec else {
        panic!()
    };
    assert_eq!(s.bandwidth_mbps, Some(2));
    assert_eq!(s.line_operator.as_deref(), Some("CT"));
    assert_eq!(s.port_type.as_deref(), Some("100Base-T"));
    assert_eq!(s.access_point_id.as_deref(), Some("ap-cn-beijing-dx-A"));
    p.business_status = Some("SecurityLocked".into());
    let locked = physical_connection(&p).unwrap().state;
    assert_eq!(
        (locked.state, locked.raw.as_deref()),
        (State::Down, Some("SecurityLocked"))
    );
    p.business_status = None;
    p.status = Some("Allocation Failed".into());
    assert_eq!(physical_connection(&p).unwrap().state.state, State::Down);
}

/// Seed 001 L2381-L2413 (S1): VPC-side interface towards a VBR.
#[test]
fn router_interface_towards_vbr() {
    let r: DescribeRouterInterfacesResponse = parse(
        r#"{"PageNumber":1,"TotalCount":1,"PageSize":10,"RequestId":"3F12D2E8-0B95-46F3-BE89-C2D69BF134D0",
        "RouterInterfaceSet":{"RouterInterfaceType":[{"ChargeType":"AfterPay",
        "OppositeInterfaceBusinessStatus":"Normal","RouterInterfaceId":"ri-2ze7fbuohm7pcxxxxx",
        "OppositeInterfaceStatus":"Active","Spec":"Negative","OppositeAccessPointId":"ap-cn-beijing-dx-A",
        "OppositeInterfaceOwnerId":"12315790855xxxxx","OppositeInterfaceSpec":"Large.1",
        "CreationTime":"2018-03-01T07:19:31Z","RouterType":"VRouter","Status":"Active",
        "OppositeRouterType":"VBR","OppositeRouterId":"vbr-2zee2e2cwetx4xxxxxx",
        "OppositeInterfaceId":"ri-2ze07ad6sgzixxxxx","VpcInstanceId":"vpc-2zefsil0x93dguxxxxx",
        "RouterId":"vrt-2zepuy8qbrq6xxxxx","ConnectedTime":"2018-03-01T07:19:32Z",
        "OppositeRegionId":"cn-beijing","BusinessStatus":"Normal","Role":"AcceptingSide",
        "EndTime":"2999-09-08T16:00:00Z"}]}}"#,
    );
    let mut ri = r.router_interface_set.items[0].clone();
    let it = router_interface(&ri).unwrap();
    assert_eq!(it.parent_id.as_deref(), Some("vrt-2zepuy8qbrq6xxxxx"));
    assert_eq!(it.state.state, State::Up);
    let Spec::RouterInterface(s) = &it.spec else {
        panic!()
    };
    assert_eq!(s.role.as_deref(), Some("AcceptingSide"));
    assert_eq!(s.router_type.as_deref(), Some("VRouter"));
    assert_eq!(
        s.opposite_router_id.as_deref(),
        Some("vbr-2zee2e2cwetx4xxxxxx")
    );
    assert_eq!(
        s.opposite_interface_id.as_deref(),
        Some("ri-2ze07ad6sgzixxxxx")
    );
    assert_eq!(s.spec.as_deref(), Some("Negative"));
    ri.status = Some("Idle".into());
    assert_eq!(router_interface(&ri).unwrap().state.state, State::Down);
    ri.status = Some("Connecting".into());
    assert_eq!(router_interface(&ri).unwrap().state.state, State::Pending);
}

/// Seeds 002 L9899-L9922 (group) and 001 L3593-L3619 (peer with a clear `AuthKey`).
#[test]
fn vbr_bgp_session_from_group_and_peer() {
    let g: DescribeBgpGroupsResponse = parse(
        r#"{"TotalCount":1,"PageSize":10,"RequestId":"09E2C0FD-37FF-4737-80DF-517AC36D43DB",
        "BgpGroups":{"BgpGroup":[{"BgpGroupId":"bgpg-2zeibi8idqkhhgxcdw9","LocalAsn":45104,"Hold":30,
        "Description":"","AuthKey":"888","IsFake":true,"PeerAsn":2010,"Keepalive":10,"RouteLimit":99,
        "Name":"Group1","Status":"Pending","RouterId":"vbr-2zeff11o2sqhnp1u7ci93","RegionId":"cn-beijing"}]}}"#,
    );
    let p: DescribeBgpPeersResponse = parse(
        r#"{"TotalCount":1,"BgpPeers":{"BgpPeer":[{"Status":"Available","Description":"",
        "BgpPeerId":"bgp-2ze0dxfp6fuw7gmzpaaa","RegionId":"cn-beijing","PeerIpAddress":"11.11.11.11",
        "IsFake":true,"RouteLimit":99,"AuthKey":"888","RouterId":"vbr-2zeff11o2sqhnp1u7ci93",
        "BgpGroupId":"bgpg-2zeibi8idqkhhgxcdw9","BgpStatus":"","Name":"","Hold":30,"Keepalive":10}]},
        "RequestId":"3D6B3CB0-BEEE-4F30-8559-B3DA14AD705F","PageSize":10}"#,
    );
    let nets: Vec<BgpNetwork> = serde_json::from_str(
        r#"[{"DstCidrBlock":"10.1.1.0/24","RouterId":"vbr-2zeff11o2sqhnp1u7ci93"},
           {"DstCidrBlock":"10.9.0.0/16","RouterId":"vbr-other"}]"#,
    )
    .unwrap();
    let items = bgp_sessions(&g.bgp_groups.items, &p.bgp_peers.items, &nets);
    assert_eq!(items.len(), 1);
    let it = &items[0];
    assert_eq!(it.cloud_id, "bgp-2ze0dxfp6fuw7gmzpaaa");
    assert_eq!(it.parent_id.as_deref(), Some("vbr-2zeff11o2sqhnp1u7ci93"));
    assert_eq!(it.raw["AuthKey"], "******");
    assert!(!it.raw.to_string().contains("888"));
    // Empty BgpStatus right after creation: unknown, not down.
    assert_eq!(it.state.state, State::Unknown);
    assert_eq!(it.facets[&Facet::Lifecycle].state, State::Up);
    let Spec::BgpSession(s) = &it.spec else {
        panic!()
    };
    assert_eq!(s.over_id.as_deref(), Some("vbr-2zeff11o2sqhnp1u7ci93"));
    assert_eq!(s.peer_ip.as_deref(), Some("11.11.11.11"));
    // The peer has no PeerAsn / LocalAsn: inherited from its group.
    assert_eq!((s.local_asn, s.peer_asn), (Some(45104), Some(2010)));
    assert_eq!(s.advertised, ["10.1.1.0/24"]);
    assert_eq!(s.since, None);
}

#[test]
fn bgp_fsm_states() {
    let mut p: BgpPeer = serde_json::from_str(
        r#"{"RouterId":"vbr-1","PeerIpAddress":"10.0.0.2","PeerAsn":"65001","BgpStatus":"Established"}"#,
    )
    .unwrap();
    let it = bgp_peer(&p, None).unwrap();
    assert_eq!(it.cloud_id, "vbr-1#bgp#10.0.0.2");
    assert_eq!(it.state.state, State::Up);
    for (raw, want) in [
        ("Active", State::Down),
        ("OpenSent", State::Down),
        ("Idle", State::Down),
    ] {
        p.bgp_status = Some(raw.into());
        let st = bgp_peer(&p, None).unwrap().state;
        assert_eq!((st.state, st.raw.as_deref()), (want, Some(raw)));
    }
    p.router_id = None;
    assert!(bgp_peer(&p, None).is_none());
}

/// Seed 000 L3393-L3416 (S0): single object, every scalar quoted.
#[test]
fn ssl_vpn_server_pool_subnets_and_counts() {
    let r: DescribeSslVpnServersResponse = parse(
        r#"{"PageNumber":"1","TotalCount":"1","SslVpnServers":{"SslVpnServer":{
        "VpnGatewayId":"vpn-bp1q8bgx4xnkm2ogj0fiu","ClientIpPool":"10.10.10.20/24","Proto":"UDP",
        "Cipher":"AES-128-CBC","InternetIp":"47.98.xx.xx","SslVpnServerId":"vss-bp18q7hzj6largv4vk2fe",
        "Name":"test","Port":"1194","MaxConnections":"5","RegionId":"cn-hangzhou",
        "CreateTime":"1492753580000","Compress":"true","LocalSubnet":"10.10.10.10/24, 192.168.0.0/16",
        "Connections":"0"}},"PageSize":"10","RequestId":"DF11D6F6-E35A-41C3-9B20-6FC8A901FE65"}"#,
    );
    let it = ssl_vpn_server(&r.ssl_vpn_servers.items[0]).unwrap();
    assert_eq!(it.cloud_id, "vss-bp18q7hzj6largv4vk2fe");
    assert_eq!(it.parent_id.as_deref(), Some("vpn-bp1q8bgx4xnkm2ogj0fiu"));
    assert_eq!(it.state.state, State::Up);
    let Spec::SslVpnServer(s) = &it.spec else {
        panic!()
    };
    assert_eq!(s.client_pool.as_deref(), Some("10.10.10.20/24"));
    assert_eq!(s.local_prefixes, ["10.10.10.10/24", "192.168.0.0/16"]);
    assert_eq!((s.protocol.as_deref(), s.port), (Some("UDP"), Some(1194)));
    assert_eq!(s.cipher.as_deref(), Some("AES-128-CBC"));
    assert_eq!(s.compress, Some(true));
    assert_eq!((s.connections, s.max_connections), (Some(0), Some(5)));
}
