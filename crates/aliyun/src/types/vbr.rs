//! Leased lines: virtual border routers (`DescribeVirtualBorderRouters`, spec §3.13) and
//! physical connections (`DescribePhysicalConnections`, §3.12). Empty-string times mean
//! "never" (§5.7). `AssociatedPhysicalConnections`/`AssociatedCens` stay in `extra`.

use serde::{Deserialize, Serialize};

/// One virtual border router.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Vbr {
    /// `VbrId`.
    #[serde(rename = "VbrId", skip_serializing_if = "Option::is_none")]
    pub vbr_id: Option<String>,
    /// `active`, `unconfirmed`, `terminated`, … (compare case-insensitively).
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Edge to the VBR route table.
    #[serde(rename = "RouteTableId", skip_serializing_if = "Option::is_none")]
    pub route_table_id: Option<String>,
    /// Edge to the leased-line-side router interface.
    #[serde(rename = "VlanInterfaceId", skip_serializing_if = "Option::is_none")]
    pub vlan_interface_id: Option<String>,
    /// `PhysicalConnectionId`.
    #[serde(
        rename = "PhysicalConnectionId",
        skip_serializing_if = "Option::is_none"
    )]
    pub physical_connection_id: Option<String>,
    /// `AccessPointId`.
    #[serde(rename = "AccessPointId", skip_serializing_if = "Option::is_none")]
    pub access_point_id: Option<String>,
    /// `PhysicalConnectionStatus`.
    #[serde(
        rename = "PhysicalConnectionStatus",
        skip_serializing_if = "Option::is_none"
    )]
    pub physical_connection_status: Option<String>,
    /// `PhysicalConnectionBusinessStatus`.
    #[serde(
        rename = "PhysicalConnectionBusinessStatus",
        skip_serializing_if = "Option::is_none"
    )]
    pub physical_connection_business_status: Option<String>,
    /// `PhysicalConnectionOwnerUid`.
    #[serde(
        rename = "PhysicalConnectionOwnerUid",
        skip_serializing_if = "Option::is_none"
    )]
    pub physical_connection_owner_uid: Option<String>,
    /// `VlanId`.
    #[serde(
        rename = "VlanId",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub vlan_id: Option<u32>,
    /// `CircuitCode`.
    #[serde(rename = "CircuitCode", skip_serializing_if = "Option::is_none")]
    pub circuit_code: Option<String>,
    /// `LocalGatewayIp`.
    #[serde(rename = "LocalGatewayIp", skip_serializing_if = "Option::is_none")]
    pub local_gateway_ip: Option<String>,
    /// `PeerGatewayIp`.
    #[serde(rename = "PeerGatewayIp", skip_serializing_if = "Option::is_none")]
    pub peer_gateway_ip: Option<String>,
    /// `PeeringSubnetMask`.
    #[serde(rename = "PeeringSubnetMask", skip_serializing_if = "Option::is_none")]
    pub peering_subnet_mask: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `CreationTime`.
    #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<String>,
    /// `ActivationTime`.
    #[serde(rename = "ActivationTime", skip_serializing_if = "Option::is_none")]
    pub activation_time: Option<String>,
    /// `TerminationTime`.
    #[serde(rename = "TerminationTime", skip_serializing_if = "Option::is_none")]
    pub termination_time: Option<String>,
    /// `RecoveryTime`.
    #[serde(rename = "RecoveryTime", skip_serializing_if = "Option::is_none")]
    pub recovery_time: Option<String>,
    /// `VbrOwnerUid`.
    #[serde(rename = "VbrOwnerUid", skip_serializing_if = "Option::is_none")]
    pub vbr_owner_uid: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One physical connection (leased line).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PhysicalConnection {
    /// `PhysicalConnectionId`.
    #[serde(
        rename = "PhysicalConnectionId",
        skip_serializing_if = "Option::is_none"
    )]
    pub physical_connection_id: Option<String>,
    /// `AccessPointId`.
    #[serde(rename = "AccessPointId", skip_serializing_if = "Option::is_none")]
    pub access_point_id: Option<String>,
    /// `Type`.
    #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `Status`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `BusinessStatus`.
    #[serde(rename = "BusinessStatus", skip_serializing_if = "Option::is_none")]
    pub business_status: Option<String>,
    /// `LineOperator`.
    #[serde(rename = "LineOperator", skip_serializing_if = "Option::is_none")]
    pub line_operator: Option<String>,
    /// `Spec`.
    #[serde(rename = "Spec", skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    /// Mbit/s.
    #[serde(
        rename = "Bandwidth",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub bandwidth: Option<u64>,
    /// `PortType`.
    #[serde(rename = "PortType", skip_serializing_if = "Option::is_none")]
    pub port_type: Option<String>,
    /// `PortNumber`.
    #[serde(rename = "PortNumber", skip_serializing_if = "Option::is_none")]
    pub port_number: Option<String>,
    /// `AdLocation`.
    #[serde(rename = "AdLocation", skip_serializing_if = "Option::is_none")]
    pub ad_location: Option<String>,
    /// `PeerLocation`.
    #[serde(rename = "PeerLocation", skip_serializing_if = "Option::is_none")]
    pub peer_location: Option<String>,
    /// `CircuitCode`.
    #[serde(rename = "CircuitCode", skip_serializing_if = "Option::is_none")]
    pub circuit_code: Option<String>,
    /// `RedundantPhysicalConnectionId`.
    #[serde(
        rename = "RedundantPhysicalConnectionId",
        skip_serializing_if = "Option::is_none"
    )]
    pub redundant_physical_connection_id: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `CreationTime`.
    #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<String>,
    /// `EnabledTime`.
    #[serde(rename = "EnabledTime", skip_serializing_if = "Option::is_none")]
    pub enabled_time: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `VirtualBorderRouterSet` container.
    VbrSet, "VirtualBorderRouterType", Vbr
);

crate::list_of!(
    /// `PhysicalConnectionSet` container.
    PhysicalConnectionSet, "PhysicalConnectionType", PhysicalConnection
);

crate::paged!(
    /// Response of `DescribeVirtualBorderRouters`.
    DescribeVirtualBorderRoutersResponse, "DescribeVirtualBorderRouters", "VirtualBorderRouterSet",
    virtual_border_router_set: VbrSet => Vbr
);

crate::paged!(
    /// Response of `DescribePhysicalConnections`.
    DescribePhysicalConnectionsResponse, "DescribePhysicalConnections", "PhysicalConnectionSet",
    physical_connection_set: PhysicalConnectionSet => PhysicalConnection
);
