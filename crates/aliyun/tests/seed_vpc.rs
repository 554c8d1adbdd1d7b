//! Seed response examples of the VPC operations (S1 = seed 001, S2 = seed 002).
//!
//! Every response example is copied from the seed documents (file and line cited on each
//! test; only PDF page-break lines and stray code fences were dropped). Each test checks
//! the example parses into the typed response, spot-checks fields, and that the typed value
//! survives a serialize → deserialize round trip.

mod common;
use aliyun::types::eip::DescribeEipAddressesResponse;
use aliyun::types::region::DescribeRegionsResponse;
use aliyun::types::route_table::{DescribeRouteTableListResponse, DescribeRouteTablesResponse};
use aliyun::types::vpc::{
    iso, DescribeVRoutersResponse, DescribeVSwitchesResponse, DescribeVpcsResponse,
};
use common::parse;

/// Seed 002_754d4f709af9bfd4.txt L25492-L25508 (S2).
/// S1:L7319 is not valid JSON (stray brackets), so the S2 example is used.
#[test]
fn describe_regions() {
    // Arrange
    let body = r#"{
 "RequestId":"2F026E79-30AD-47B6-9E7D-D1D4BA77F1F1",
 "Regions":{
  "Region":[
   {
    "RegionId":"cn-qingdao",
    "RegionEndpoint":"vpc.aliyuncs.com",
    "LocalName":"华北 1"
   },
   {
    "RegionId":"eu-central-1",
    "RegionEndpoint":"vpc.eu-central-1.aliyuncs.com",
    "LocalName":"欧洲中部 1 (法兰克福)"
   }
  ]
 }
}"#;
    // Act
    let r: DescribeRegionsResponse = parse(body);
    // Assert
    let eu = &r.regions.items[1];
    assert_eq!(eu.region_id.as_deref(), Some("eu-central-1"));
    assert_eq!(
        eu.region_endpoint.as_deref(),
        Some("vpc.eu-central-1.aliyuncs.com")
    );
    assert_eq!(r.regions.items[0].local_name.as_deref(), Some("华北 1"));
}

/// Seed 002_754d4f709af9bfd4.txt L1548-L1613 (S2).
#[test]
fn describe_vpcs() {
    // Arrange
    let body = r#"{
 "PageNumber":1,
 "TotalCount":2,
 "Vpcs":{
   "Vpc":[
   {
    "VpcName":"",
    "Description":"",
    "IsDefault":false,
    "ResourceGroupId":"rg-acfmxazb4ph6aiy",
    "UserCidrs":{
     "UserCidr":[]
    },
    "NatGatewayIds":{
     "NatGatewayIds":[]
    },
    "RouterTableIds":{
     "RouterTableIds":[
      "vtb-bp1krxxzp0c29fmontbal"
     ]
    },
    "VpcId":"vpc-bp1qpo0kug3a20qqe9h7v",
    "VRouterId":"vrt-bp1jcg5cmxjbl9xgc58bw",
    "CreationTime":"2018-12-06T06:11:55Z",
    "Status":"Available",
    "CidrBlock":"172.16.0.0/12",
    "VSwitchIds":{
     "VSwitchId":[]
    },
    "RegionId":"cn-hangzhou",
    "Ipv6CidrBlock":""
   },
   {
    "VpcName":"kttest",
    "Description":"",
    "IsDefault":false,
    "ResourceGroupId":"rg-acfmxazb4ph6aiy",
    "UserCidrs":{
     "UserCidr":[]
    },
    "NatGatewayIds":{
     "NatGatewayIds":[]
    },
    "RouterTableIds":{
     "RouterTableIds":[
      "vtb-bp1blq1oh0ybfnpm1bh20"
     ]
    },
    "VpcId":"vpc-bp1aevy8sofi8mh1qc5cm",
    "VRouterId":"vrt-bp149ve7yeyvio4ncklxz",
    "CreationTime":"2018-11-08T08:54:03Z",
    "Status":"Available",
    "CidrBlock":"192.168.0.0/16",
    "VSwitchIds":{
     "VSwitchId":[
      "vsw-bp12mw1f8k3jgygk9bmlj"
     ]
    },
    "RegionId":"cn-hangzhou",
    "Ipv6CidrBlock":""
   }
  ]
 },
 "PageSize":10,
 "RequestId":"C6532AA8-D0F7-497F-A8EE-094126D441F5"
 }"#;
    // Act
    let r: DescribeVpcsResponse = parse(body);
    // Assert
    assert_eq!(r.vpcs.items.len(), 2);
    let v = &r.vpcs.items[1];
    assert_eq!(v.v_router_id.as_deref(), Some("vrt-bp149ve7yeyvio4ncklxz"));
    assert_eq!(
        v.v_switch_ids.items,
        vec!["vsw-bp12mw1f8k3jgygk9bmlj".to_string()]
    );
    // Sic container names `RouterTableIds.RouterTableIds` (spec §5.3).
    assert_eq!(
        v.router_table_ids.items,
        vec!["vtb-bp1blq1oh0ybfnpm1bh20".to_string()]
    );
    assert_eq!(v.is_default, Some(false));
    assert_eq!(
        iso(&v.creation_time).unwrap().to_rfc3339(),
        "2018-11-08T08:54:03+00:00"
    );
}

/// Seed 001_3b52cc0e97a60bdb.txt L494-L521 (S1).
#[test]
fn describe_vpcs_s1_single_object() {
    // Arrange
    let body = r#"{


"PageNumber": 1,
"PageSize": 10,
"RequestId": "DA1DAE87-43FA-472F-98BB-4FDBAA4A688D",
"TotalCount": 1,
"Vpcs": {
  "Vpc": {
    "CidrBlock": "172.16.0.0/16",
    "CreationTime": "2014-10-29T13:30:19Z",
    "Description": "",
    "RegionId": "cn-beijing",
    "Status": "Available",
    "UserCidrs": {
      "UserCidr": []
    },
    "VRouterId": "vrt-25bezkd03",
    "VSwitchIds": {
      "VSwitchId": []
    },
    "VpcId": "vpc-257gq642n",
    "VpcName": ""
  }
}
}"#;
    // Act
    let r: DescribeVpcsResponse = parse(body);
    // Assert
    // `Vpc` is an object, not an array, in S1 (spec §5.1).
    assert_eq!(r.vpcs.items.len(), 1);
    assert_eq!(r.vpcs.items[0].vpc_id.as_deref(), Some("vpc-257gq642n"));
    assert!(r.vpcs.items[0].user_cidrs.items.is_empty());
}

/// Seed 002_754d4f709af9bfd4.txt L2215-L2235 (S2).
#[test]
fn describe_vswitches() {
    // Arrange
    let body = r#"{
 "PageNumber":1,
 "VSwitches":{
  "VSwitch":[
   {
     "CreationTime":"2014-10-29T15:21:02Z",
    "Status":"Available",
    "CidrBlock":"172.16.1.0/24",
    "Description":"",
    "AvailableIpAddressCount":246,
    "VSwitchName":"",
    "ZoneId":"cn-beijing-a",
    "VSwitchId":"vsw-25b7pv15t",
    "VpcId":"vpc-257gq642n"
   }
  ]
 },
 "TotalCount":1,
 "PageSize":10,
 "RequestId":"9A572171-4E27-40D1-BD36-D26C9E71E29E"
}"#;
    // Act
    let r: DescribeVSwitchesResponse = parse(body);
    // Assert
    let s = &r.v_switches.items[0];
    assert_eq!(s.available_ip_address_count, Some(246));
    assert_eq!(s.zone_id.as_deref(), Some("cn-beijing-a"));
}

/// Seed 002_754d4f709af9bfd4.txt L3099-L3121 (S2).
#[test]
fn describe_vrouters() {
    // Arrange
    let body = r#"{
 "PageNumber":1,
 "TotalCount":1,
 "VRouters":{
  "VRouter":[
   {
    "CreationTime":"2018-03-22T07:46:20Z",
    "RouteTableIds":{
     "RouteTableId":[
      "vtb-rj9ybe3y0u41mmjspmop0"
     ]
    },
    "VRouterName":"",
    "Description":"",
    "RegionId":"us-west-1",
    "VpcId":"vpc-rj905wotv6y030t1zz5vl",
    "VRouterId":"vrt-rj98khsezfqpjrxmvl7cy"
   }
  ]
 },
 "PageSize":10,
 "RequestId":"CB2793A8-845F-444C-8E93-76F1BBDF9C78"
}"#;
    // Act
    let r: DescribeVRoutersResponse = parse(body);
    // Assert
    let v = &r.v_routers.items[0];
    assert_eq!(
        v.route_table_ids.items,
        vec!["vtb-rj9ybe3y0u41mmjspmop0".to_string()]
    );
    assert_eq!(v.vpc_id.as_deref(), Some("vpc-rj905wotv6y030t1zz5vl"));
}

/// Seed 002_754d4f709af9bfd4.txt L3744-L3785 (S2).
#[test]
fn describe_route_tables() {
    // Arrange
    let body = r#"{
 "PageNumber":1,
 "TotalCount":1,
 "PageSize":10,
 "RequestId":"DC668356-BCB4-42FD-9BC3-FA2B2E04B634",
 "RouteTables":{
  "RouteTable":[
   {
    "CreationTime":"2017-08-22T10:40:25Z",
    "RouteEntrys":{
     "RouteEntry":[
      {
       "Status":"Available",
       "NextHops":{
        "NextHop":[]
       },
       "Type":"Custom",
       "InstanceId":"ri-2zeo3xzyf38r4urzdpvfs",
       "RouteTableId":"vtb-2zevpmy9th8cxmwtarqg4",
       "NextHopType":"RouterInterface",
       "DestinationCidrBlock":"10.10.0.0/24"
      },
      {
       "Status":"Available",
       "NextHops":{
        "NextHop":[]
       },
       "Type":"System",
       "InstanceId":"",
       "RouteTableId":"vtb-2zevpmy9th8cxmwtarqg4",
       "NextHopType":"service",
       "DestinationCidrBlock":"100.64.0.0/10"
      }
     ]
    },
    "RouteTableId":"vtb-2zevpmy9th8cxmwtarqg4",
    "VRouterId":"vrt-2zefso23vmu6xi3jeiw0z",
    "RouteTableType":"System"
   }
  ]
 }
}"#;
    // Act
    let r: DescribeRouteTablesResponse = parse(body);
    // Assert
    let t = &r.route_tables.items[0];
    assert_eq!(t.v_router_id.as_deref(), Some("vrt-2zefso23vmu6xi3jeiw0z"));
    let e = &t.route_entrys.items;
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].next_hop_type.as_deref(), Some("RouterInterface"));
    assert_eq!(
        e[0].instance_id.as_deref(),
        Some("ri-2zeo3xzyf38r4urzdpvfs")
    );
    assert_eq!(e[1].r#type.as_deref(), Some("System"));
    assert!(e[1].next_hops.items.is_empty());
}

/// Seed 001_3b52cc0e97a60bdb.txt L1241-L1290 (S1).
/// The S1 example misses the final closing brace (added) and nests TotalCount in RouteTables.
#[test]
fn describe_route_tables_s1_route_entries_spelling() {
    // Arrange
    let body = r#"{
  "PageNumber": 1,
  "PageSize": 10,

"RequestId": "913F8774-681A-4857-95D8-ACBAF044D453",
"RouteTables": {
  "RouteTable": [
    {
      "CreationTime": "2014-09-11T04:52:53Z",
      "RouteEntries": {
        "RouteEntry": [
          {
            "DestinationCidrBlock": "192.168.10.1/32",
            "InstanceId": "i-25skktcp4",
            "RouteTableId": "vtb-25vtxl5ct",
            "Status": "Available",
            "Type": "Custom"
          },
          {
            "DestinationCidrBlock": "192.168.1.0/24",
            "InstanceId": "",
            "RouteTableId": "vtb-25vtxl5ct",
            "Status": "Available",
            "Type": "System"
          },
          {
            "DestinationCidrBlock": "100.64.0.0/10",
            "InstanceId": "",
            "RouteTableId": "vtb-25vtxl5ct",
            "Status": "Available",
            "Type": "System"
          },
          {
            "DestinationCidrBlock": "10.0.0.0/8",
            "InstanceId": "",
            "RouteTableId": "vtb-25vtxl5ct",
            "Status": "Available",
            "Type": "System"
          }
        ]
      },
      "RouteTableId": "vtb-25vtxl5ct",
      "RouteTableType": "System",
      "VRouterId": "vrt-25u5f8u2q"
    }
  ],
  "TotalCount": 1
}
}"#;
    // Act
    let r: DescribeRouteTablesResponse = parse(body);
    // Assert
    // S1 spells the container `RouteEntries` (S2/real: `RouteEntrys`).
    assert_eq!(r.route_tables.items[0].route_entrys.items.len(), 4);
    // In this example TotalCount sits inside `RouteTables` (kept as an unknown field there).
    assert_eq!(r.total_count, None);
}

/// Seed 002_754d4f709af9bfd4.txt L3475-L3502 (S2).
#[test]
fn describe_route_table_list() {
    // Arrange
    let body = r#"{
  "Code": "200",
  "Message": "successful",
  "PageNumber": 1,
  "PageSize": 10,
  "RequestId": "87261511-FEB9-4BEC-85BF-70XXXXXXXXX",
  "RouterTableList": {
    "RouterTableListType": [
      {
        "CreationTime": "2018-08-03T08:14:54Z",
        "Description": "ddd",
        "RouteTableId": "vtb-m5evbtbptnx2bXXXXXXXXX",
        "RouteTableName": "aaa1111",
        "RouteTableType": "Custom",
        "RouterId": "vrt-m5egeuhgj52xgXXXXXXXXX",
        "RouterType": "VRouter",
        "VSwitchIds": {
          "VSwitchId": [
            "vsw-m5e3r57pxkgijXXXXXXXXX"
          ]
        },
        "VpcId": "vpc-m5epe3ag3qXXXXXXXXX"
      }
    ]
  },
  "Success": true,
  "TotalCount": 1
}"#;
    // Act
    let r: DescribeRouteTableListResponse = parse(body);
    // Assert
    let t = &r.router_table_list.items[0];
    assert_eq!(t.router_type.as_deref(), Some("VRouter"));
    assert_eq!(
        t.v_switch_ids.items,
        vec!["vsw-m5e3r57pxkgijXXXXXXXXX".to_string()]
    );
    // Top-level Code/Message/Success are kept, not treated as an error.
    assert_eq!(r.extra["Code"], "200");
}

/// Seed 002_754d4f709af9bfd4.txt L12447-L12470 (S2).
#[test]
fn describe_eip_addresses_wrapped_object_strings() {
    // Arrange
    let body = r#"{
 "DescribeEipAddressesResponse":{
  "PageNumber":"1",
  "EipAddresses":{
   "EipAddress":{
    "ChargeType":"PostPaid",
    "Status":"Available",
    "RegionId":"cn-beijing",
    "ResourceGroupId":"rg-acfmxazb4ph6aiy",
    "AllocationTime":"2018-01-15T11:17:30Z",
    "IpAddress":"59.110.xx.xx",
    "AllocationId":"eip-2ze88m67qx5zxxxxx",
    "AvailableRegions":{
     "AvailableRegion":"cn-beijing"
    },
    "InternetChargeType":"PayByTraffic",
    "Bandwidth":"1"
   }
  },
  "TotalCount":"1",
  "PageSize":"10",
   "RequestId":"7EEF2D6B-D207-4197-AE37-01279C888757"
 }
}"#;
    // Act
    let r: DescribeEipAddressesResponse = parse(body);
    // Assert
    // Wrapped in `DescribeEipAddressesResponse`, single object, quoted numbers (spec §5.1).
    assert_eq!(r.total_count, Some(1));
    let e = &r.eip_addresses.items[0];
    assert_eq!(e.bandwidth, Some(1));
    assert_eq!(e.available_regions.items, vec!["cn-beijing".to_string()]);
    assert_eq!(e.allocation_id.as_deref(), Some("eip-2ze88m67qx5zxxxxx"));
}
