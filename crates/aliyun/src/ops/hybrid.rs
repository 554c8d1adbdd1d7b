//! Leased-line, BGP and EIP reads (spec §3.12–§3.16). `Filter.N.Key`/`Filter.N.Value.M`
//! filters (§2) are passed through as plain parameters.

use super::region_params;
use crate::client::Client;
use crate::error::Error;
use crate::types::bgp::{
    BgpGroup, BgpNetwork, BgpPeer, DescribeBgpGroupsResponse, DescribeBgpNetworksResponse,
    DescribeBgpPeersResponse,
};
use crate::types::eip::{DescribeEipAddressesResponse, EipAddress};
use crate::types::router_interface::{DescribeRouterInterfacesResponse, RouterInterface};
use crate::types::vbr::{
    DescribePhysicalConnectionsResponse, DescribeVirtualBorderRoutersResponse, PhysicalConnection,
    Vbr,
};

impl Client {
    /// All VBRs. Filters: `Filter.N.Key` ∈ `VbrId`, `PhysicalConnectionId`, `Status`, ….
    pub async fn list_vbrs(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<Vbr>, Error> {
        self.list_all::<DescribeVirtualBorderRoutersResponse>(&region_params(region, filters))
            .await
    }

    /// All physical connections (leased lines).
    pub async fn list_physical_connections(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<PhysicalConnection>, Error> {
        self.list_all::<DescribePhysicalConnectionsResponse>(&region_params(region, filters))
            .await
    }

    /// All router interfaces.
    pub async fn list_router_interfaces(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<RouterInterface>, Error> {
        self.list_all::<DescribeRouterInterfacesResponse>(&region_params(region, filters))
            .await
    }

    /// All BGP groups. Filters: `BgpGroupId`, `RouterId`, `IsDefault`.
    pub async fn list_bgp_groups(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<BgpGroup>, Error> {
        self.list_all::<DescribeBgpGroupsResponse>(&region_params(region, filters))
            .await
    }

    /// All BGP peers with session state. Filters: `BgpGroupId`, `BgpPeerId`, `RouterId`.
    pub async fn list_bgp_peers(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<BgpPeer>, Error> {
        self.list_all::<DescribeBgpPeersResponse>(&region_params(region, filters))
            .await
    }

    /// All advertised BGP networks. Filter: `RouterId`.
    pub async fn list_bgp_networks(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<BgpNetwork>, Error> {
        self.list_all::<DescribeBgpNetworksResponse>(&region_params(region, filters))
            .await
    }

    /// All EIPs. Filters: `AllocationId`, `EipAddress`, `Status`, `AssociatedInstanceType`, ….
    pub async fn list_eip_addresses(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<EipAddress>, Error> {
        self.list_all::<DescribeEipAddressesResponse>(&region_params(region, filters))
            .await
    }
}
