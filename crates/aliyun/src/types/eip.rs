//! Elastic IPs (spec §3.16): `DescribeEipAddresses`. `OperationLocks.LockReason[]` items are
//! kept as raw JSON because the seeds do not fix their shape.

use serde::{Deserialize, Serialize};

/// One EIP.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EipAddress {
    /// `AllocationId`.
    #[serde(rename = "AllocationId", skip_serializing_if = "Option::is_none")]
    pub allocation_id: Option<String>,
    /// `IpAddress`.
    #[serde(rename = "IpAddress", skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// `RegionId`.
    #[serde(rename = "RegionId", skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// `Associating`, `Unassociating`, `InUse` or `Available`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Edge to the bound instance.
    #[serde(rename = "InstanceId", skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// `InstanceType`.
    #[serde(rename = "InstanceType", skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// `InstanceRegionId`.
    #[serde(rename = "InstanceRegionId", skip_serializing_if = "Option::is_none")]
    pub instance_region_id: Option<String>,
    /// Mbit/s.
    #[serde(
        rename = "Bandwidth",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub bandwidth: Option<u64>,
    /// `EipBandwidth`.
    #[serde(
        rename = "EipBandwidth",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub eip_bandwidth: Option<u64>,
    /// `InternetChargeType`.
    #[serde(rename = "InternetChargeType", skip_serializing_if = "Option::is_none")]
    pub internet_charge_type: Option<String>,
    /// `ChargeType`.
    #[serde(rename = "ChargeType", skip_serializing_if = "Option::is_none")]
    pub charge_type: Option<String>,
    /// `BandwidthPackageId`.
    #[serde(rename = "BandwidthPackageId", skip_serializing_if = "Option::is_none")]
    pub bandwidth_package_id: Option<String>,
    /// `BandwidthPackageType`.
    #[serde(
        rename = "BandwidthPackageType",
        skip_serializing_if = "Option::is_none"
    )]
    pub bandwidth_package_type: Option<String>,
    /// `AllocationTime`.
    #[serde(rename = "AllocationTime", skip_serializing_if = "Option::is_none")]
    pub allocation_time: Option<String>,
    /// `ExpiredTime`.
    #[serde(rename = "ExpiredTime", skip_serializing_if = "Option::is_none")]
    pub expired_time: Option<String>,
    /// `OperationLocks`.
    #[serde(
        rename = "OperationLocks",
        deserialize_with = "crate::serde_util::lenient"
    )]
    pub operation_locks: LockReasonList,
    /// `AvailableRegions`.
    #[serde(
        rename = "AvailableRegions",
        deserialize_with = "crate::serde_util::lenient"
    )]
    pub available_regions: AvailableRegionList,
    /// `ResourceGroupId`.
    #[serde(rename = "ResourceGroupId", skip_serializing_if = "Option::is_none")]
    pub resource_group_id: Option<String>,
    /// `ISP`.
    #[serde(rename = "ISP", skip_serializing_if = "Option::is_none")]
    pub isp: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Description`.
    #[serde(
        rename = "Description",
        alias = "Descritpion",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `OperationLocks` container.
    LockReasonList, "LockReason", serde_json::Value
);

crate::list_of!(
    /// `AvailableRegions` container.
    AvailableRegionList, "AvailableRegion", String
);

crate::list_of!(
    /// `EipAddresses` container.
    EipAddressSet, "EipAddress", EipAddress
);

crate::paged!(
    /// Response of `DescribeEipAddresses`.
    DescribeEipAddressesResponse, "DescribeEipAddresses", "EipAddresses",
    eip_addresses: EipAddressSet => EipAddress
);
