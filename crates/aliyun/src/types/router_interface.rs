//! Router interfaces (spec §3.14): `DescribeRouterInterfaces`, list container
//! `RouterInterfaceSet.RouterInterfaceType[]` (S1's table name `Instances` is a doc error).

use serde::{Deserialize, Serialize};

/// One end of a router-to-router link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouterInterface {
    /// `RouterInterfaceId`.
    #[serde(rename = "RouterInterfaceId", skip_serializing_if = "Option::is_none")]
    pub router_interface_id: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `RouterId`.
    #[serde(rename = "RouterId", skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// `VRouter` or `VBR`.
    #[serde(rename = "RouterType", skip_serializing_if = "Option::is_none")]
    pub router_type: Option<String>,
    /// `VpcInstanceId`.
    #[serde(rename = "VpcInstanceId", skip_serializing_if = "Option::is_none")]
    pub vpc_instance_id: Option<String>,
    /// `AccessPointId`.
    #[serde(rename = "AccessPointId", skip_serializing_if = "Option::is_none")]
    pub access_point_id: Option<String>,
    /// `InitiatingSide` or `AcceptingSide`.
    #[serde(rename = "Role", skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// `Spec`.
    #[serde(rename = "Spec", skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    /// `Bandwidth`.
    #[serde(
        rename = "Bandwidth",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub bandwidth: Option<u64>,
    /// `Status`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `BusinessStatus`.
    #[serde(rename = "BusinessStatus", skip_serializing_if = "Option::is_none")]
    pub business_status: Option<String>,
    /// `ChargeType`.
    #[serde(rename = "ChargeType", skip_serializing_if = "Option::is_none")]
    pub charge_type: Option<String>,
    /// `CrossBorder`.
    #[serde(
        rename = "CrossBorder",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub cross_border: Option<bool>,
    /// `OppositeInterfaceId`.
    #[serde(
        rename = "OppositeInterfaceId",
        skip_serializing_if = "Option::is_none"
    )]
    pub opposite_interface_id: Option<String>,
    /// `OppositeRouterId`.
    #[serde(rename = "OppositeRouterId", skip_serializing_if = "Option::is_none")]
    pub opposite_router_id: Option<String>,
    /// `OppositeRouterType`.
    #[serde(rename = "OppositeRouterType", skip_serializing_if = "Option::is_none")]
    pub opposite_router_type: Option<String>,
    /// `OppositeVpcInstanceId`.
    #[serde(
        rename = "OppositeVpcInstanceId",
        skip_serializing_if = "Option::is_none"
    )]
    pub opposite_vpc_instance_id: Option<String>,
    /// `OppositeRegionId`.
    #[serde(rename = "OppositeRegionId", skip_serializing_if = "Option::is_none")]
    pub opposite_region_id: Option<String>,
    /// `OppositeAccessPointId`.
    #[serde(
        rename = "OppositeAccessPointId",
        skip_serializing_if = "Option::is_none"
    )]
    pub opposite_access_point_id: Option<String>,
    /// `OppositeInterfaceOwnerId`.
    #[serde(
        rename = "OppositeInterfaceOwnerId",
        skip_serializing_if = "Option::is_none"
    )]
    pub opposite_interface_owner_id: Option<String>,
    /// `OppositeInterfaceSpec`.
    #[serde(
        rename = "OppositeInterfaceSpec",
        skip_serializing_if = "Option::is_none"
    )]
    pub opposite_interface_spec: Option<String>,
    /// `OppositeInterfaceStatus`.
    #[serde(
        rename = "OppositeInterfaceStatus",
        skip_serializing_if = "Option::is_none"
    )]
    pub opposite_interface_status: Option<String>,
    /// `OppositeInterfaceBusinessStatus`.
    #[serde(
        rename = "OppositeInterfaceBusinessStatus",
        skip_serializing_if = "Option::is_none"
    )]
    pub opposite_interface_business_status: Option<String>,
    /// `OppositeBandwidth`.
    #[serde(
        rename = "OppositeBandwidth",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub opposite_bandwidth: Option<u64>,
    /// `HealthCheckSourceIp`.
    #[serde(
        rename = "HealthCheckSourceIp",
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_source_ip: Option<String>,
    /// `HealthCheckTargetIp`.
    #[serde(
        rename = "HealthCheckTargetIp",
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_target_ip: Option<String>,
    /// `CreationTime`.
    #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
    pub creation_time: Option<String>,
    /// `ConnectedTime`.
    #[serde(rename = "ConnectedTime", skip_serializing_if = "Option::is_none")]
    pub connected_time: Option<String>,
    /// `EndTime`.
    #[serde(rename = "EndTime", skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// `HasReservationData`.
    #[serde(
        rename = "HasReservationData",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub has_reservation_data: Option<bool>,
    /// `ReservationActiveTime`.
    #[serde(
        rename = "ReservationActiveTime",
        skip_serializing_if = "Option::is_none"
    )]
    pub reservation_active_time: Option<String>,
    /// `ReservationBandwidth`.
    #[serde(
        rename = "ReservationBandwidth",
        skip_serializing_if = "Option::is_none"
    )]
    pub reservation_bandwidth: Option<String>,
    /// `ReservationInternetChargeType`.
    #[serde(
        rename = "ReservationInternetChargeType",
        skip_serializing_if = "Option::is_none"
    )]
    pub reservation_internet_charge_type: Option<String>,
    /// `ReservationOrderType`.
    #[serde(
        rename = "ReservationOrderType",
        skip_serializing_if = "Option::is_none"
    )]
    pub reservation_order_type: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `RouterInterfaceSet` container.
    RouterInterfaceSet, "RouterInterfaceType", RouterInterface
);

crate::paged!(
    /// Response of `DescribeRouterInterfaces`.
    DescribeRouterInterfacesResponse, "DescribeRouterInterfaces", "RouterInterfaceSet",
    router_interface_set: RouterInterfaceSet => RouterInterface
);
