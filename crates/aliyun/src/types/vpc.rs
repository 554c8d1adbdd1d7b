//! VPCs, vSwitches and VRouters (spec §3.8–§3.10): `DescribeVpcs`, `DescribeVSwitches`,
//! `DescribeVRouters`. Times are ISO strings kept as sent (§5.7); ID lists use the
//! `{Plural:{Singular:[…]}}` shape, including the sic names `RouterTableIds.RouterTableIds`
//! and `NatGatewayIds.NatGatewayIds` (§5.3).

use serde::{Deserialize, Serialize};

/// A `Key`/`Value` tag as embedded in `DescribeVpcs` items.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tag {
    /// `Key`.
    #[serde(rename = "Key", skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// `Value`.
    #[serde(rename = "Value", skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

crate::list_of!(
    /// `Tags` container.
    TagSet, "Tag", Tag
);

crate::list_of!(
    /// `VSwitchIds` container.
    VSwitchIdList, "VSwitchId", String
);

crate::list_of!(
    /// `UserCidrs` container.
    UserCidrList, "UserCidr", String
);

crate::list_of!(
    /// `RouterTableIds` container (sic, S2 DescribeVpcs).
    RouterTableIdList, "RouterTableIds", String
);

crate::list_of!(
    /// `NatGatewayIds` container (sic).
    NatGatewayIdList, "NatGatewayIds", String
);

crate::list_of!(
    /// `RouteTableIds` container (VRouter).
    RouteTableIdList, "RouteTableId", String
);

/// One VPC.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Vpc {
    /// `VpcId`.
    #[serde(rename = "VpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// `RegionId`.
    #[serde(rename = "RegionId", skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// `Pending` or `Available`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `VpcName`.
    #[serde(rename = "VpcName", skip_serializing_if = "Option::is_none")]
    pub vpc_name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `CidrBlock`.
    #[serde(rename = "CidrBlock", skip_serializing_if = "Option::is_none")]
    pub cidr_block: Option<String>,
    /// `Ipv6CidrBlock`.
    #[serde(rename = "Ipv6CidrBlock", skip_serializing_if = "Option::is_none")]
    pub ipv6_cidr_block: Option<String>,
    /// `UserCidrs`.
    #[serde(rename = "UserCidrs", deserialize_with = "crate::serde_util::lenient")]
    pub user_cidrs: UserCidrList,
    /// Edge to the VRouter.
    #[serde(rename = "VRouterId", skip_serializing_if = "Option::is_none")]
    pub v_router_id: Option<String>,
    /// `VSwitchIds`.
    #[serde(rename = "VSwitchIds", deserialize_with = "crate::serde_util::lenient")]
    pub v_switch_ids: VSwitchIdList,
    /// `RouterTableIds`.
    #[serde(
        rename = "RouterTableIds",
        deserialize_with = "crate::serde_util::lenient"
    )]
    pub router_table_ids: RouterTableIdList,
    /// `NatGatewayIds`.
    #[serde(
        rename = "NatGatewayIds",
        deserialize_with = "crate::serde_util::lenient"
    )]
    pub nat_gateway_ids: NatGatewayIdList,
    /// `IsDefault`.
    #[serde(
        rename = "IsDefault",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_default: Option<bool>,
    /// ISO-8601.
    #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<String>,
    /// `ResourceGroupId`.
    #[serde(rename = "ResourceGroupId", skip_serializing_if = "Option::is_none")]
    pub resource_group_id: Option<String>,
    /// `Tags`.
    #[serde(rename = "Tags", deserialize_with = "crate::serde_util::lenient")]
    pub tags: TagSet,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The route table a vSwitch is associated with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VSwitchRouteTable {
    /// `RouteTableId`.
    #[serde(rename = "RouteTableId", skip_serializing_if = "Option::is_none")]
    pub route_table_id: Option<String>,
    /// `System` or `Custom`.
    #[serde(rename = "RouteTableType", skip_serializing_if = "Option::is_none")]
    pub route_table_type: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One vSwitch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VSwitch {
    /// `VSwitchId`.
    #[serde(rename = "VSwitchId", skip_serializing_if = "Option::is_none")]
    pub v_switch_id: Option<String>,
    /// Edge to the VPC.
    #[serde(rename = "VpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// `ZoneId`.
    #[serde(rename = "ZoneId", skip_serializing_if = "Option::is_none")]
    pub zone_id: Option<String>,
    /// `Status`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `CidrBlock`.
    #[serde(rename = "CidrBlock", skip_serializing_if = "Option::is_none")]
    pub cidr_block: Option<String>,
    /// `Ipv6CidrBlock`.
    #[serde(rename = "Ipv6CidrBlock", skip_serializing_if = "Option::is_none")]
    pub ipv6_cidr_block: Option<String>,
    /// `AvailableIpAddressCount`.
    #[serde(
        rename = "AvailableIpAddressCount",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub available_ip_address_count: Option<u64>,
    /// `VSwitchName`.
    #[serde(rename = "VSwitchName", skip_serializing_if = "Option::is_none")]
    pub v_switch_name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `IsDefault`.
    #[serde(
        rename = "IsDefault",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_default: Option<bool>,
    /// ISO-8601.
    #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<String>,
    /// `ResourceGroupId`.
    #[serde(rename = "ResourceGroupId", skip_serializing_if = "Option::is_none")]
    pub resource_group_id: Option<String>,
    /// `RouteTable`.
    #[serde(
        rename = "RouteTable",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub route_table: Option<VSwitchRouteTable>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One VPC router.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VRouter {
    /// `VRouterId`.
    #[serde(rename = "VRouterId", skip_serializing_if = "Option::is_none")]
    pub v_router_id: Option<String>,
    /// Edge to the VPC.
    #[serde(rename = "VpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// `RegionId`.
    #[serde(rename = "RegionId", skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// `VRouterName`.
    #[serde(rename = "VRouterName", skip_serializing_if = "Option::is_none")]
    pub v_router_name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// ISO-8601.
    #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<String>,
    /// `RouteTableIds`.
    #[serde(
        rename = "RouteTableIds",
        deserialize_with = "crate::serde_util::lenient"
    )]
    pub route_table_ids: RouteTableIdList,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `Vpcs` container.
    VpcSet, "Vpc", Vpc
);

crate::list_of!(
    /// `VSwitches` container.
    VSwitchSet, "VSwitch", VSwitch
);

crate::list_of!(
    /// `VRouters` container.
    VRouterSet, "VRouter", VRouter
);

crate::paged!(
    /// Response of `DescribeVpcs`.
    DescribeVpcsResponse, "DescribeVpcs", "Vpcs",
    vpcs: VpcSet => Vpc
);

crate::paged!(
    /// Response of `DescribeVSwitches`.
    DescribeVSwitchesResponse, "DescribeVSwitches", "VSwitches",
    v_switches: VSwitchSet => VSwitch
);

crate::paged!(
    /// Response of `DescribeVRouters`.
    DescribeVRoutersResponse, "DescribeVRouters", "VRouters",
    v_routers: VRouterSet => VRouter
);

/// Parses an ISO-8601 `CreationTime`-style field (§5.7).
pub fn iso(v: &Option<String>) -> Option<chrono::DateTime<chrono::Utc>> {
    v.as_deref().and_then(crate::time::parse_iso_loose)
}
