//! VPC reads (spec §3.8–§3.11).

use super::region_params;
use crate::client::Client;
use crate::error::Error;
use crate::types::route_table::{
    DescribeRouteTableListResponse, DescribeRouteTablesResponse, RouteTable, RouteTableListItem,
};
use crate::types::vpc::{
    DescribeVRoutersResponse, DescribeVSwitchesResponse, DescribeVpcsResponse, VRouter, VSwitch,
    Vpc,
};

impl Client {
    /// All VPCs. Filters: `VpcId` (comma-separated ≤20), `VpcName`, `IsDefault`, ….
    pub async fn list_vpcs(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<Vpc>, Error> {
        self.list_all::<DescribeVpcsResponse>(&region_params(region, filters))
            .await
    }

    /// All vSwitches. Filters: `VpcId`, `VSwitchId`, `ZoneId`, ….
    pub async fn list_vswitches(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<VSwitch>, Error> {
        self.list_all::<DescribeVSwitchesResponse>(&region_params(region, filters))
            .await
    }

    /// All VRouters. Filter: `VRouterId`.
    pub async fn list_vrouters(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<VRouter>, Error> {
        self.list_all::<DescribeVRoutersResponse>(&region_params(region, filters))
            .await
    }

    /// All route tables with their entries inline. Filters: `RouteTableId`, `RouterId`,
    /// `RouterType`, `VRouterId`, ….
    pub async fn list_route_tables(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<RouteTable>, Error> {
        self.list_all::<DescribeRouteTablesResponse>(&region_params(region, filters))
            .await
    }

    /// All route-table summaries with associated vSwitches (`DescribeRouteTableList`).
    pub async fn list_route_table_list(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<RouteTableListItem>, Error> {
        self.list_all::<DescribeRouteTableListResponse>(&region_params(region, filters))
            .await
    }
}
