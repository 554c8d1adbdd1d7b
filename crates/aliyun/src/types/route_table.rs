//! Route tables and entries (spec §3.11): `DescribeRouteTables` (entries inline under the
//! sic key `RouteEntrys`; S1 spells it `RouteEntries`, accepted as alias) and
//! `DescribeRouteTableList` (sic `RouterTableList.RouterTableListType`).

use serde::{Deserialize, Serialize};

/// One ECMP member of a route entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NextHop {
    /// `NextHopType`.
    #[serde(rename = "NextHopType", skip_serializing_if = "Option::is_none")]
    pub next_hop_type: Option<String>,
    /// `NextHopId`.
    #[serde(rename = "NextHopId", skip_serializing_if = "Option::is_none")]
    pub next_hop_id: Option<String>,
    /// `1` available, `0` unavailable.
    #[serde(
        rename = "Enabled",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub enabled: Option<u32>,
    /// `Weight`.
    #[serde(
        rename = "Weight",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight: Option<u32>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `NextHops` container.
    NextHopSet, "NextHop", NextHop
);

/// One route entry. No ID: keyed by table, destination and next hop.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteEntry {
    /// `RouteTableId`.
    #[serde(rename = "RouteTableId", skip_serializing_if = "Option::is_none")]
    pub route_table_id: Option<String>,
    /// `DestinationCidrBlock`.
    #[serde(
        rename = "DestinationCidrBlock",
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_cidr_block: Option<String>,
    /// `System`, `Custom` or `BGP`.
    #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `Pending`, `Available` or `Modifying`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `Instance`, `RouterInterface`, `VpnGateway`, `service`, `""`, ….
    #[serde(rename = "NextHopType", skip_serializing_if = "Option::is_none")]
    pub next_hop_type: Option<String>,
    /// Next-hop ID (edge target); empty for system routes.
    #[serde(rename = "InstanceId", skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// `NextHops`.
    #[serde(rename = "NextHops", deserialize_with = "crate::serde_util::lenient")]
    pub next_hops: NextHopSet,
    /// `RouterId`.
    #[serde(rename = "RouterId", skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `RouteEntrys` container.
    RouteEntrySet, "RouteEntry", RouteEntry
);

crate::list_of!(
    /// `VSwitchIds` container.
    VSwitchIdList, "VSwitchId", String
);

/// A route table with all its entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteTable {
    /// `RouteTableId`.
    #[serde(rename = "RouteTableId", skip_serializing_if = "Option::is_none")]
    pub route_table_id: Option<String>,
    /// `System` or `Custom`.
    #[serde(rename = "RouteTableType", skip_serializing_if = "Option::is_none")]
    pub route_table_type: Option<String>,
    /// Owning router (VRouter or VBR).
    #[serde(rename = "VRouterId", skip_serializing_if = "Option::is_none")]
    pub v_router_id: Option<String>,
    /// `RouteTableName`.
    #[serde(rename = "RouteTableName", skip_serializing_if = "Option::is_none")]
    pub route_table_name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// ISO-8601.
    #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<String>,
    /// `ResourceGroupId`.
    #[serde(rename = "ResourceGroupId", skip_serializing_if = "Option::is_none")]
    pub resource_group_id: Option<String>,
    /// `VSwitchIds`.
    #[serde(rename = "VSwitchIds", deserialize_with = "crate::serde_util::lenient")]
    pub v_switch_ids: VSwitchIdList,
    /// Entries (wire name sic).
    #[serde(
        rename = "RouteEntrys",
        alias = "RouteEntries",
        deserialize_with = "crate::serde_util::lenient"
    )]
    pub route_entrys: RouteEntrySet,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A route table summary from `DescribeRouteTableList`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteTableListItem {
    /// `RouteTableId`.
    #[serde(rename = "RouteTableId", skip_serializing_if = "Option::is_none")]
    pub route_table_id: Option<String>,
    /// `RouteTableName`.
    #[serde(rename = "RouteTableName", skip_serializing_if = "Option::is_none")]
    pub route_table_name: Option<String>,
    /// `RouteTableType`.
    #[serde(rename = "RouteTableType", skip_serializing_if = "Option::is_none")]
    pub route_table_type: Option<String>,
    /// `RouterId`.
    #[serde(rename = "RouterId", skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// `VRouter` or `VBR`.
    #[serde(rename = "RouterType", skip_serializing_if = "Option::is_none")]
    pub router_type: Option<String>,
    /// `VpcId`.
    #[serde(rename = "VpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// Associated vSwitches.
    #[serde(rename = "VSwitchIds", deserialize_with = "crate::serde_util::lenient")]
    pub v_switch_ids: VSwitchIdList,
    /// ISO-8601.
    #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `RouteTables` container.
    RouteTableSet, "RouteTable", RouteTable
);

crate::list_of!(
    /// `RouterTableList` container (sic).
    RouteTableListSet, "RouterTableListType", RouteTableListItem
);

crate::paged!(
    /// Response of `DescribeRouteTables`.
    DescribeRouteTablesResponse, "DescribeRouteTables", "RouteTables",
    route_tables: RouteTableSet => RouteTable
);

crate::paged!(
    /// Response of `DescribeRouteTableList`.
    DescribeRouteTableListResponse, "DescribeRouteTableList", "RouterTableList",
    router_table_list: RouteTableListSet => RouteTableListItem
);
