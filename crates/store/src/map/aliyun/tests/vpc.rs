//! Regions, VPCs, vSwitches, route tables.

use super::parse;
use crate::map::aliyun::{region, route_table, route_table_list_item, v_switch, vpc};
use crate::model::{ResourceKind, Spec, State};
use aliyun::types::region::DescribeRegionsResponse;
use aliyun::types::route_table::{DescribeRouteTableListResponse, DescribeRouteTablesResponse};
use aliyun::types::vpc::{DescribeVSwitchesResponse, DescribeVpcsResponse};

/// Seed 002 L25492-L25508 (S2).
#[test]
fn regions_keep_name_and_endpoint() {
    let r: DescribeRegionsResponse = parse(
        r#"{"RequestId":"2F026E79-30AD-47B6-9E7D-D1D4BA77F1F1","Regions":{"Region":[
        {"RegionId":"cn-qingdao","RegionEndpoint":"vpc.aliyuncs.com","LocalName":"华北 1"},
        {"RegionId":"eu-central-1","RegionEndpoint":"vpc.eu-central-1.aliyuncs.com",
         "LocalName":"欧洲中部 1 (法兰克福)"}]}}"#,
    );
    let items: Vec<_> = r.regions.items.iter().filter_map(region).collect();
    assert_eq!(items.len(), 2);
    let eu = &items[1];
    assert_eq!(eu.cloud_id, "eu-central-1");
    assert_eq!(eu.name.as_deref(), Some("欧洲中部 1 (法兰克福)"));
    assert_eq!(eu.spec.kind(), ResourceKind::Region);
    let Spec::Region(s) = &eu.spec else { panic!() };
    assert_eq!(s.endpoint.as_deref(), Some("vpc.eu-central-1.aliyuncs.com"));
    assert_eq!(eu.state.state, State::Up);
}

/// Seed 002 L1548-L1613 (S2), second VPC; plus a newer-API secondary CIDR in `extra`.
#[test]
fn vpc_cidrs_router_and_state() {
    let r: DescribeVpcsResponse = parse(
        r#"{"PageNumber":1,"TotalCount":1,"Vpcs":{"Vpc":[{
        "VpcName":"kttest","Description":"","IsDefault":false,"ResourceGroupId":"rg-acfmxazb4ph6aiy",
        "UserCidrs":{"UserCidr":[]},"NatGatewayIds":{"NatGatewayIds":[]},
        "RouterTableIds":{"RouterTableIds":["vtb-bp1blq1oh0ybfnpm1bh20"]},
        "VpcId":"vpc-bp1aevy8sofi8mh1qc5cm","VRouterId":"vrt-bp149ve7yeyvio4ncklxz",
        "CreationTime":"2018-11-08T08:54:03Z","Status":"Available","CidrBlock":"192.168.0.0/16",
        "VSwitchIds":{"VSwitchId":["vsw-bp12mw1f8k3jgygk9bmlj"]},"RegionId":"cn-hangzhou",
        "Ipv6CidrBlock":"",
        "SecondaryCidrBlocks":{"SecondaryCidrBlock":["10.10.0.0/16"]}}]},
        "PageSize":10,"RequestId":"C6532AA8-D0F7-497F-A8EE-094126D441F5"}"#,
    );
    let it = vpc(&r.vpcs.items[0]).unwrap();
    assert_eq!(it.cloud_id, "vpc-bp1aevy8sofi8mh1qc5cm");
    assert_eq!(it.name.as_deref(), Some("kttest"));
    assert_eq!(it.state.state, State::Up);
    assert_eq!(it.state.raw.as_deref(), Some("Available"));
    let Spec::Vpc(s) = &it.spec else { panic!() };
    assert_eq!(s.cidrs, ["192.168.0.0/16", "10.10.0.0/16"]);
    assert_eq!(s.vrouter_id.as_deref(), Some("vrt-bp149ve7yeyvio4ncklxz"));
    assert_eq!(s.is_default, Some(false));
}

/// Seed 001 L494-L521 (S1): empty `VpcName` is no name; a `Pending` VPC is pending.
#[test]
fn vpc_without_name_and_pending() {
    let r: DescribeVpcsResponse = parse(
        r#"{"PageNumber":1,"PageSize":10,"TotalCount":1,"Vpcs":{"Vpc":{
        "CidrBlock":"172.16.0.0/16","CreationTime":"2014-10-29T13:30:19Z","Description":"",
        "RegionId":"cn-beijing","Status":"Pending","UserCidrs":{"UserCidr":[]},
        "VRouterId":"vrt-25bezkd03","VSwitchIds":{"VSwitchId":[]},"VpcId":"vpc-257gq642n",
        "VpcName":""}}}"#,
    );
    let it = vpc(&r.vpcs.items[0]).unwrap();
    assert_eq!(it.name, None);
    assert_eq!(it.state.state, State::Pending);
}

/// Seed 002 L2215-L2235 (S2) plus the `RouteTable` object of the S2 table.
#[test]
fn v_switch_is_owned_by_its_vpc() {
    let r: DescribeVSwitchesResponse = parse(
        r#"{"PageNumber":1,"VSwitches":{"VSwitch":[{
        "CreationTime":"2014-10-29T15:21:02Z","Status":"Available","CidrBlock":"172.16.1.0/24",
        "Description":"","AvailableIpAddressCount":246,"VSwitchName":"","ZoneId":"cn-beijing-a",
        "VSwitchId":"vsw-25b7pv15t","VpcId":"vpc-257gq642n",
        "RouteTable":{"RouteTableId":"vtb-25vtxl5ct","RouteTableType":"System"}}]},
        "TotalCount":1,"PageSize":10,"RequestId":"9A572171-4E27-40D1-BD36-D26C9E71E29E"}"#,
    );
    let it = v_switch(&r.v_switches.items[0]).unwrap();
    assert_eq!(it.parent_id.as_deref(), Some("vpc-257gq642n"));
    let Spec::VSwitch(s) = &it.spec else { panic!() };
    assert_eq!(s.cidr.as_deref(), Some("172.16.1.0/24"));
    assert_eq!(s.zone.as_deref(), Some("cn-beijing-a"));
    assert_eq!(s.route_table_id.as_deref(), Some("vtb-25vtxl5ct"));
    assert_eq!(it.state.state, State::Up);
}

/// Seed 002 L3744-L3785 (S2): the table row leaves its entries to the route rows.
#[test]
fn route_table_row_without_entries() {
    let r: DescribeRouteTablesResponse = parse(super::routes::ROUTE_TABLES_S2);
    let it = route_table(&r.route_tables.items[0]).unwrap();
    assert_eq!(it.cloud_id, "vtb-2zevpmy9th8cxmwtarqg4");
    assert_eq!(it.parent_id.as_deref(), Some("vrt-2zefso23vmu6xi3jeiw0z"));
    assert!(it.raw.get("RouteEntrys").is_none());
    assert_eq!(it.raw["RouteTableType"], "System");
    let Spec::RouteTable(s) = &it.spec else {
        panic!()
    };
    assert_eq!(s.table_type.as_deref(), Some("System"));
    assert_eq!(s.vpc_id, None);
    assert_eq!(it.state.state, State::Up);
}

/// Seed 002 L3475-L3502 (S2).
#[test]
fn route_table_list_item_has_vpc_and_vswitches() {
    let r: DescribeRouteTableListResponse = parse(
        r#"{"Code":"200","Message":"successful","PageNumber":1,"PageSize":10,
        "RequestId":"87261511-FEB9-4BEC-85BF-70XXXXXXXXX","RouterTableList":{"RouterTableListType":[{
        "CreationTime":"2018-08-03T08:14:54Z","Description":"ddd",
        "RouteTableId":"vtb-m5evbtbptnx2bXXXXXXXXX","RouteTableName":"aaa1111",
        "RouteTableType":"Custom","RouterId":"vrt-m5egeuhgj52xgXXXXXXXXX","RouterType":"VRouter",
        "VSwitchIds":{"VSwitchId":["vsw-m5e3r57pxkgijXXXXXXXXX"]},"VpcId":"vpc-m5epe3ag3qXXXXXXXXX"}]},
        "Success":true,"TotalCount":1}"#,
    );
    let it = route_table_list_item(&r.router_table_list.items[0]).unwrap();
    assert_eq!(it.name.as_deref(), Some("aaa1111"));
    assert_eq!(it.parent_id.as_deref(), Some("vrt-m5egeuhgj52xgXXXXXXXXX"));
    let Spec::RouteTable(s) = &it.spec else {
        panic!()
    };
    assert_eq!(s.vpc_id.as_deref(), Some("vpc-m5epe3ag3qXXXXXXXXX"));
    assert_eq!(s.vswitch_ids, ["vsw-m5e3r57pxkgijXXXXXXXXX"]);
    assert_eq!(s.table_type.as_deref(), Some("Custom"));
}

#[test]
fn items_without_ids_are_skipped() {
    assert!(vpc(&Default::default()).is_none());
    assert!(v_switch(&Default::default()).is_none());
    assert!(region(&Default::default()).is_none());
    assert!(route_table(&Default::default()).is_none());
}
