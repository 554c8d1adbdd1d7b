//! BGP on VBRs (spec §3.15): `DescribeBgpGroups`, `DescribeBgpPeers`, `DescribeBgpNetworks`.
//! Numbers may be strings, `IsFake` a string or boolean (§5.4); S1 table spellings
//! (`BGPPeerId`, `PeerASN`, `BGPStatus`, `dstCidrBlock`, `routeId`) are aliases. `AuthKey`
//! is `Sensitive`.

use crate::redact::Sensitive;
use serde::{Deserialize, Serialize};

/// A BGP group on a VBR.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BgpGroup {
    /// `BgpGroupId`.
    #[serde(rename = "BgpGroupId", skip_serializing_if = "Option::is_none")]
    pub bgp_group_id: Option<String>,
    /// Edge to the VBR.
    #[serde(rename = "RouterId", skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// `RegionId`.
    #[serde(rename = "RegionId", skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `PeerAsn`.
    #[serde(
        rename = "PeerAsn",
        alias = "PeerASN",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub peer_asn: Option<u32>,
    /// `LocalAsn`.
    #[serde(
        rename = "LocalAsn",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub local_asn: Option<u32>,
    /// MD5 key, returned in clear; redacted in `Debug`.
    #[serde(rename = "AuthKey", skip_serializing_if = "Option::is_none")]
    pub auth_key: Option<Sensitive>,
    /// `IsFake`.
    #[serde(
        rename = "IsFake",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_fake: Option<bool>,
    /// `Hold`.
    #[serde(
        rename = "Hold",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub hold: Option<u32>,
    /// `Keepalive`.
    #[serde(
        rename = "Keepalive",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub keepalive: Option<u32>,
    /// `RouteLimit`.
    #[serde(
        rename = "RouteLimit",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub route_limit: Option<u32>,
    /// `Status`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A BGP neighbour.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BgpPeer {
    /// `BgpPeerId`.
    #[serde(
        rename = "BgpPeerId",
        alias = "BGPPeerId",
        skip_serializing_if = "Option::is_none"
    )]
    pub bgp_peer_id: Option<String>,
    /// Edge to the BGP group.
    #[serde(rename = "BgpGroupId", skip_serializing_if = "Option::is_none")]
    pub bgp_group_id: Option<String>,
    /// Edge to the VBR.
    #[serde(rename = "RouterId", skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// `RegionId`.
    #[serde(rename = "RegionId", skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `PeerIpAddress`.
    #[serde(rename = "PeerIpAddress", skip_serializing_if = "Option::is_none")]
    pub peer_ip_address: Option<String>,
    /// `LocalIpAddress`.
    #[serde(rename = "LocalIpAddress", skip_serializing_if = "Option::is_none")]
    pub local_ip_address: Option<String>,
    /// `PeerAsn`.
    #[serde(
        rename = "PeerAsn",
        alias = "PeerASN",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub peer_asn: Option<u32>,
    /// `LocalAsn`.
    #[serde(
        rename = "LocalAsn",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub local_asn: Option<u32>,
    /// Redacted in `Debug`.
    #[serde(rename = "AuthKey", skip_serializing_if = "Option::is_none")]
    pub auth_key: Option<Sensitive>,
    /// `IsFake`.
    #[serde(
        rename = "IsFake",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_fake: Option<bool>,
    /// `Hold`.
    #[serde(
        rename = "Hold",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub hold: Option<u32>,
    /// `Keepalive`.
    #[serde(
        rename = "Keepalive",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub keepalive: Option<u32>,
    /// `RouteLimit`.
    #[serde(
        rename = "RouteLimit",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub route_limit: Option<u32>,
    /// Configuration state of the peer object.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// BGP session state (`Established`, `""`, …).
    #[serde(
        rename = "BgpStatus",
        alias = "BGPStatus",
        skip_serializing_if = "Option::is_none"
    )]
    pub bgp_status: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A prefix a VBR advertises. No ID: keyed by (`RouterId`, `DstCidrBlock`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BgpNetwork {
    /// `DstCidrBlock`.
    #[serde(
        rename = "DstCidrBlock",
        alias = "dstCidrBlock",
        skip_serializing_if = "Option::is_none"
    )]
    pub dst_cidr_block: Option<String>,
    /// `RouterId`.
    #[serde(
        rename = "RouterId",
        alias = "routeId",
        skip_serializing_if = "Option::is_none"
    )]
    pub router_id: Option<String>,
    /// `VpcId`.
    #[serde(rename = "VpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `BgpGroups` container.
    BgpGroupSet, "BgpGroup", BgpGroup
);

crate::list_of!(
    /// `BgpPeers` container.
    BgpPeerSet, "BgpPeer", BgpPeer
);

crate::list_of!(
    /// `BgpNetworks` container.
    BgpNetworkSet, "BgpNetwork", BgpNetwork
);

crate::paged!(
    /// Response of `DescribeBgpGroups`.
    DescribeBgpGroupsResponse, "DescribeBgpGroups", "BgpGroups",
    bgp_groups: BgpGroupSet => BgpGroup
);

crate::paged!(
    /// Response of `DescribeBgpPeers`.
    DescribeBgpPeersResponse, "DescribeBgpPeers", "BgpPeers",
    bgp_peers: BgpPeerSet => BgpPeer
);

crate::paged!(
    /// Response of `DescribeBgpNetworks`.
    DescribeBgpNetworksResponse, "DescribeBgpNetworks", "BgpNetworks",
    bgp_networks: BgpNetworkSet => BgpNetwork
);
