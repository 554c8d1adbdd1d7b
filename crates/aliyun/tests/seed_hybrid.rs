//! Seed response examples of leased-line, router-interface and BGP operations (S1 = seed 001, S2 = seed 002).
//!
//! Every response example is copied from the seed documents (file and line cited on each
//! test; only PDF page-break lines and stray code fences were dropped). Each test checks
//! the example parses into the typed response, spot-checks fields, and that the typed value
//! survives a serialize → deserialize round trip.

mod common;
use aliyun::types::bgp::{
    DescribeBgpGroupsResponse, DescribeBgpNetworksResponse, DescribeBgpPeersResponse,
};
use aliyun::types::router_interface::DescribeRouterInterfacesResponse;
use aliyun::types::vbr::{
    DescribePhysicalConnectionsResponse, DescribeVirtualBorderRoutersResponse,
};
use common::parse;

/// Seed 001_3b52cc0e97a60bdb.txt L2900-L2931 (S1).
#[test]
fn describe_virtual_border_routers() {
    // Arrange
    let body = r#"{
  "PageNumber": 1,
  "VirtualBorderRouterSet": {
    "VirtualBorderRouterType": [
      {
        "LocalGatewayIp": "10.1.1.1",
        "PeerGatewayIp": "10.2.2.2",
        "Description": "",
        "PhysicalConnectionOwnerUid": "1231579085xxxx",
        "VlanId": 10,
        "RecoveryTime": "",
        "PhysicalConnectionStatus": "Enabled",
        "PhysicalConnectionId": "pc-2zeoaxkq3jotxxxxx",
        "RouteTableId": "vtb-2ze9hmd6yofwxxxxxx",
        "PeeringSubnetMask": "255.0.0.0",
        "TerminationTime": "",
        "Name": "",
        "CreationTime": "2018-03-06T11:16:34Z",
        "ActivationTime": "2018-03-06T11:16:34Z",
        "CircuitCode": "",
        "Status": "active",
        "PhysicalConnectionBusinessStatus": "Normal",
        "VlanInterfaceId": "ri-2zeum6rgu058xxxxxx",
        "AccessPointId": "ap-cn-beijing-dx-A",
        "VbrId": "vbr-2zecmmvg5gvuxxxxxx"
      }
    ]
  },
  "TotalCount": 1,
  "PageSize": 10,
  "RequestId": "98B24329-ADC9-4725-A5F8-6C1B282DA17D"
}"#;
    // Act
    let r: DescribeVirtualBorderRoutersResponse = parse(body);
    // Assert
    let v = &r.virtual_border_router_set.items[0];
    assert_eq!(v.vlan_id, Some(10));
    assert_eq!(
        v.vlan_interface_id.as_deref(),
        Some("ri-2zeum6rgu058xxxxxx")
    );
    assert_eq!(v.recovery_time.as_deref(), Some(""));
    assert_eq!(v.status.as_deref(), Some("active"));
}

/// Seed 002_754d4f709af9bfd4.txt L8583-L8609 (S2).
#[test]
fn describe_virtual_border_routers_s2_wrapped() {
    // Arrange
    let body = r#"{
 "DescribeVirtualBorderRoutersResponse":{
  "PageNumber":"1",
  "VirtualBorderRouterSet":{
   "VirtualBorderRouterType":{
    "LocalGatewayIp":"10.1.1.1",
    "PeerGatewayIp":"10.2.2.2",
    "PhysicalConnectionOwnerUid":"1231579085529123",
    "VlanId":"10",
    "PhysicalConnectionStatus":"Enabled",
    "PhysicalConnectionId":"pc-2zeoaxkq3jot5p71qcnuy",
    "RouteTableId":"vtb-2ze9hmd6yofwvb1dd79j9",
    "PeeringSubnetMask":"255.0.0.0",
    "CreationTime":"2018-03-06T11:16:34Z",
    "ActivationTime":"2018-03-06T11:16:34Z",
    "Status":"active",
    "PhysicalConnectionBusinessStatus":"Normal",
    "VlanInterfaceId":"ri-2zeum6rgu0586gjrocikm",
    "VbrId":"vbr-2zecmmvg5gvu8i4telkhw",
    "AccessPointId":"ap-cn-beijing-dx-A"
   }
  },
  "TotalCount":"1",
  "PageSize":"10",
   "RequestId":"AE65530E-8436-4FB1-8217-DCD35712AC89"
 }
}"#;
    // Act
    let r: DescribeVirtualBorderRoutersResponse = parse(body);
    // Assert
    // Envelope + object + quoted numbers (spec §5.1).
    assert_eq!(r.page_size, Some(10));
    let v = &r.virtual_border_router_set.items[0];
    assert_eq!(v.vlan_id, Some(10));
    assert_eq!(
        v.route_table_id.as_deref(),
        Some("vtb-2ze9hmd6yofwvb1dd79j9")
    );
}

/// Seed 002_754d4f709af9bfd4.txt L7165-L7190 (S2).
#[test]
fn describe_physical_connections() {
    // Arrange
    let body = r#"{
 "PageNumber":1,
 "TotalCount":1,
 "PageSize":10,
 "RequestId":"7C07B0AF-4FC0-4BB2-9667-F75812824BCD",
 "PhysicalConnectionSet":{
  "PhysicalConnectionType":[
   {
    "Type":"VPC",
    "PhysicalConnectionId":"pc-2zeoaxkq3jot5p71qcnuy",
    "PeerLocation":"XXX-XX区--XXX路",
    "CreationTime":"2017-12-13T02:28:42Z",
    "Name":"TEST",
    "Status":"Enabled",
    "AdLocation":"XXX--XX-XXX机房XX机柜XXU",
    "EnabledTime":"2017-12-18T04:01:30Z",
    "BusinessStatus":"Normal",
    "LineOperator":"CT",
    "PortNumber":"1/1/4",
    "AccessPointId":"ap-cn-beijing-dx-A",
    "PortType":"100Base-T",
    "Bandwidth":2
   }
  ]
 }
}"#;
    // Act
    let r: DescribePhysicalConnectionsResponse = parse(body);
    // Assert
    let p = &r.physical_connection_set.items[0];
    assert_eq!(p.bandwidth, Some(2));
    assert_eq!(p.port_type.as_deref(), Some("100Base-T"));
    assert_eq!(p.status.as_deref(), Some("Enabled"));
}

/// Seed 002_754d4f709af9bfd4.txt L5728-L5787 (S2).
#[test]
fn describe_router_interfaces() {
    // Arrange
    let body = r#"{
 "PageNumber":1,
 "TotalCount":2,
 "PageSize":10,
 "RequestId":"01818199-04F6-47F4-9ADF-7CC824CF57A4",
 "RouterInterfaceSet":{
  "RouterInterfaceType":[
   {
    "ChargeType":"Prepaid",
    "HasReservationData":false,
    "OppositeInterfaceBusinessStatus":"Normal",
    "RouterInterfaceId":"ri-2zenfgfpyu3v93koa4sfo",
    "OppositeInterfaceStatus":"Deleted",
    "Spec":"Small.5",
    "OppositeInterfaceOwnerId":"1231579085529123",
    "CrossBorder":false,
    "OppositeInterfaceSpec":"Negative",
    "CreationTime":"2017-12-27T06:34:30Z",
    "RouterType":"VRouter",
    "Status":"Inactive",
    "OppositeRouterId":"vrt-bp1el837xkkakub7ci0tj",
    "OppositeRouterType":"VRouter",
    "OppositeInterfaceId":"ri-bp1itx13bwe6f2wfh3qpj",
    "ConnectedTime":"2017-12-27T06:34:37Z",
    "RouterId":"vrt-2zeazning6tbzkm5c0jj2",
    "VpcInstanceId":"vpc-2ze3tq4uxhysg717x7o4d",
    "BusinessStatus":"Normal",
    "OppositeRegionId":"cn-hangzhou",
    "Role":"InitiatingSide",
    "EndTime":"2018-01-27T16:00:00Z",
    "OppositeVpcInstanceId":"vpc-bp1iq3579f26c3gpkj92e"
   },
   {
    "ChargeType":"Prepaid",
    "HasReservationData":false,
    "OppositeInterfaceBusinessStatus":"Normal",
    "RouterInterfaceId":"ri-2zegbp7nhj0mnwm6irnuo",
    "OppositeInterfaceStatus":"Deleted",
    "Spec":"Small.1",
    "OppositeInterfaceOwnerId":"1231579085529123",
    "CrossBorder":false,
    "OppositeInterfaceSpec":"Negative",
    "CreationTime":"2017-12-27T06:31:30Z",
     "RouterType":"VRouter",
    "Status":"Inactive",
    "OppositeRouterId":"vrt-bp1d3bxtdv68tfd7gfjkd",
    "OppositeRouterType":"VRouter",
    "OppositeInterfaceId":"ri-bp12dxgw8gmoma1h506qf",
    "ConnectedTime":"2017-12-27T06:31:36Z",
    "RouterId":"vrt-2zeazning6tbzkm5c0jj2",
    "VpcInstanceId":"vpc-2ze3tq4uxhysg717x7o4d",
    "BusinessStatus":"Normal",
    "OppositeRegionId":"cn-hangzhou",
    "Role":"InitiatingSide",
    "EndTime":"2018-10-27T16:00:00Z",
    "OppositeVpcInstanceId":"vpc-bp15k6sx6fhdz2jw4daz0"
   }
  ]
 }
}"#;
    // Act
    let r: DescribeRouterInterfacesResponse = parse(body);
    // Assert
    assert_eq!(r.router_interface_set.items.len(), 2);
    let ri = &r.router_interface_set.items[0];
    assert_eq!(ri.opposite_interface_status.as_deref(), Some("Deleted"));
    assert_eq!(
        (ri.cross_border, ri.has_reservation_data),
        (Some(false), Some(false))
    );
    assert_eq!(
        ri.opposite_vpc_instance_id.as_deref(),
        Some("vpc-bp1iq3579f26c3gpkj92e")
    );
}

/// Seed 001_3b52cc0e97a60bdb.txt L2381-L2413 (S1).
#[test]
fn describe_router_interfaces_s1_vbr_peer() {
    // Arrange
    let body = r#"{
  "PageNumber": 1,
  "TotalCount": 1,
  "PageSize": 10,
  "RequestId": "3F12D2E8-0B95-46F3-BE89-C2D69BF134D0",
  "RouterInterfaceSet": {
    "RouterInterfaceType": [
      {
        "ChargeType": "AfterPay",
        "OppositeInterfaceBusinessStatus": "Normal",
        "RouterInterfaceId": "ri-2ze7fbuohm7pcxxxxx",
        "OppositeInterfaceStatus": "Active",
        "Spec": "Negative",
        "OppositeAccessPointId": "ap-cn-beijing-dx-A",
        "OppositeInterfaceOwnerId": "12315790855xxxxx",
        "OppositeInterfaceSpec": "Large.1",
        "CreationTime": "2018-03-01T07:19:31Z",
        "RouterType": "VRouter",
        "Status": "Active",
        "OppositeRouterType": "VBR",
        "OppositeRouterId": "vbr-2zee2e2cwetx4xxxxxx",
        "OppositeInterfaceId": "ri-2ze07ad6sgzixxxxx",
        "VpcInstanceId": "vpc-2zefsil0x93dguxxxxx",
        "RouterId": "vrt-2zepuy8qbrq6xxxxx",
        "ConnectedTime": "2018-03-01T07:19:32Z",
        "OppositeRegionId": "cn-beijing",
        "BusinessStatus": "Normal",
        "Role": "AcceptingSide",
        "EndTime": "2999-09-08T16:00:00Z"
      }
    ]
  }
}"#;
    // Act
    let r: DescribeRouterInterfacesResponse = parse(body);
    // Assert
    let ri = &r.router_interface_set.items[0];
    assert_eq!(ri.opposite_router_type.as_deref(), Some("VBR"));
    assert_eq!(ri.spec.as_deref(), Some("Negative"));
}

/// Seed 002_754d4f709af9bfd4.txt L9899-L9922 (S2).
#[test]
fn describe_bgp_groups() {
    // Arrange
    let body = r#"{
 "TotalCount":1,
 "PageSize":10,
 "RequestId":"09E2C0FD-37FF-4737-80DF-517AC36D43DB",
 "BgpGroups":{
  "BgpGroup":[
   {
    "BgpGroupId":"bgpg-2zev8h2wo414sfhjgdlhh",
    "LocalAsn":45104,
    "Hold":30,
    "Description":"",
    "AuthKey":"",
    "IsFake":true,
    "PeerAsn":234,
    "Keepalive":10,
    "RouteLimit":99,
    "Name":"Group1",
    "Status":"Pending",
    "RouterId":"vbr-2zecmmvg5gvu8i4telkhw",
    "RegionId":"cn-beijing"
   }
  ]
 }
}"#;
    // Act
    let r: DescribeBgpGroupsResponse = parse(body);
    // Assert
    let g = &r.bgp_groups.items[0];
    assert_eq!((g.peer_asn, g.local_asn), (Some(234), Some(45104)));
    assert_eq!(
        (g.hold, g.keepalive, g.route_limit),
        (Some(30), Some(10), Some(99))
    );
    assert_eq!(g.is_fake, Some(true));
    assert_eq!(g.status.as_deref(), Some("Pending"));
}

/// Seed 002_754d4f709af9bfd4.txt L10733-L10777 (S2).
#[test]
fn describe_bgp_peers() {
    // Arrange
    let body = r#"{
 "TotalCount":2,
 "PageSize":10,
 "RequestId":"16DFA5E6-9771-41B7-B079-DD7C2DF49BE6",
 "BgpPeers":{
  "BgpPeer":[
   {
    "BgpGroupId":"bgpg-2zev8h2wo414sfhjgdlhh",
    "LocalAsn":45104,
    "PeerIpAddress":"11.11.11.1",
    "Hold":30,
    "Description":"",
    "AuthKey":"",
    "IsFake":true,
    "PeerAsn":234,
    "Keepalive":10,
    "RouteLimit":99,
    "BgpPeerId":"bgp-2ze3un0ft1jd1xdppusul",
    "Name":"",
    "Status":"Available",
    "BgpStatus":"",
    "RouterId":"vbr-2zecmmvg5gvu8i4telkhw",
    "RegionId":"cn-beijing"
   },
   {
    "BgpGroupId":"bgpg-2zev8h2wo414sfhjgdlhh",
    "LocalAsn":45104,
    "PeerIpAddress":"11.11.11.2",
    "Hold":30,
    "Description":"",
    "AuthKey":"",
    "IsFake":true,
    "PeerAsn":234,
     "Keepalive":10,
    "RouteLimit":99,
    "BgpPeerId":"bgp-2zeu54rbreqqzyb5bg1hq",
    "Name":"",
    "Status":"Available",
    "BgpStatus":"",
    "RouterId":"vbr-2zecmmvg5gvu8i4telkhw",
    "RegionId":"cn-beijing"
   }
  ]
 }
}"#;
    // Act
    let r: DescribeBgpPeersResponse = parse(body);
    // Assert
    assert_eq!(r.bgp_peers.items.len(), 2);
    let p = &r.bgp_peers.items[1];
    assert_eq!(p.bgp_peer_id.as_deref(), Some("bgp-2zeu54rbreqqzyb5bg1hq"));
    assert_eq!(p.bgp_status.as_deref(), Some(""));
    assert_eq!(p.peer_ip_address.as_deref(), Some("11.11.11.2"));
}

/// Seed 001_3b52cc0e97a60bdb.txt L3593-L3619 (S1).
#[test]
fn describe_bgp_peers_s1_auth_key_redacted() {
    // Arrange
    let body = r#"{
  "TotalCount": 1,
  "BgpPeers": {
    "BgpPeer": [
      {
        "Status": "Available",
        "LocalAsn": 45104,
        "Description": "",
        "BgpPeerId": "bgp-2ze0dxfp6fuw7gmzpaaa",
        "RegionId": "cn-beijing",
        "PeerIpAddress": "11.11.11.11",
        "IsFake": true,
        "RouteLimit": 99,
        "PeerAsn": 2010,
        "AuthKey": "888",
        "RouterId": "vbr-2zeff11o2sqhnp1u7ci93",
        "BgpGroupId": "bgpg-2zeibi8idqkhhgxcdw9",
        "BgpStatus": "",
        "Name": "",
        "Hold": 30,
        "Keepalive": 10
      }
    ]
  },
  "RequestId": "3D6B3CB0-BEEE-4F30-8559-B3DA14AD705F",
  "PageSize": 10
}"#;
    // Act
    let r: DescribeBgpPeersResponse = parse(body);
    // Assert
    let p = &r.bgp_peers.items[0];
    assert_eq!(p.auth_key.as_ref().unwrap().expose(), "888");
    assert!(
        !format!("{p:?}").contains("\"888\""),
        "Debug must redact AuthKey"
    );
}

/// Seed 002_754d4f709af9bfd4.txt L9486-L9498 (S2).
/// PageNumber is absent in this example (spec §2).
#[test]
fn describe_bgp_networks() {
    // Arrange
    let body = r#"{
 "BgpNetworks":{
  "BgpNetwork":[
   {
    "DstCidrBlock":"10.1.1.0/24",
    "VpcId":""
   }
  ]
 },
 "TotalCount":1,
 "PageSize":10,
 "RequestId":"6F513A15-669F-419D-B511-08A85292059B"
 }"#;
    // Act
    let r: DescribeBgpNetworksResponse = parse(body);
    // Assert
    let n = &r.bgp_networks.items[0];
    assert_eq!(n.dst_cidr_block.as_deref(), Some("10.1.1.0/24"));
    assert_eq!(n.vpc_id.as_deref(), Some(""));
    assert_eq!(r.page_number, None);
}
