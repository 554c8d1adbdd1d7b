//! VPN Gateway reads (spec §3.2–§3.6).

use super::region_params;
use crate::client::{Client, Retry};
use crate::error::Error;
use crate::response::unwrap_envelope;
use crate::types::connection::{
    DescribeVpnConnectionsResponse, DownloadVpnConnectionConfigResponse, VpnConnection,
    VpnConnectionConfig,
};
use crate::types::customer_gateway::{
    CustomerGateway, DescribeCustomerGatewayResponse, DescribeCustomerGatewaysResponse,
};
use crate::types::ssl_vpn::{
    DescribeSslVpnClientCertsResponse, DescribeSslVpnServersResponse, SslVpnClientCertKey,
    SslVpnServer,
};
use crate::types::vpn_gateway::{
    DescribeVpnGatewayResponse, DescribeVpnGatewaysResponse, VpnGateway,
};
use crate::types::vpn_route::{
    DescribeVpnPbrRouteEntriesResponse, DescribeVpnRouteEntriesResponse, VpnPbrRouteEntry,
    VpnRouteEntry,
};

impl Client {
    /// All VPN gateways. Filters: `VpcId`, `VpnGatewayId`, `Status`, `BusinessStatus`.
    pub async fn list_vpn_gateways(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<VpnGateway>, Error> {
        self.list_all::<DescribeVpnGatewaysResponse>(&region_params(region, filters))
            .await
    }

    /// One VPN gateway (`DescribeVpnGateway`).
    pub async fn describe_vpn_gateway(&self, region: &str, id: &str) -> Result<VpnGateway, Error> {
        let p = region_params(region, &[("VpnGatewayId", id)]);
        let r: DescribeVpnGatewayResponse = self
            .call_typed("DescribeVpnGateway", &p, Retry::Safe)
            .await?;
        Ok(r.gateway)
    }

    /// All customer gateways. Filter: `CustomerGatewayId`.
    pub async fn list_customer_gateways(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<CustomerGateway>, Error> {
        self.list_all::<DescribeCustomerGatewaysResponse>(&region_params(region, filters))
            .await
    }

    /// One customer gateway (`DescribeCustomerGateway`).
    pub async fn describe_customer_gateway(
        &self,
        region: &str,
        id: &str,
    ) -> Result<CustomerGateway, Error> {
        let p = region_params(region, &[("CustomerGatewayId", id)]);
        let r: DescribeCustomerGatewayResponse = self
            .call_typed("DescribeCustomerGateway", &p, Retry::Safe)
            .await?;
        Ok(r.gateway)
    }

    /// All IPsec connections. Filters: `VpnGatewayId`, `CustomerGatewayId`.
    pub async fn list_vpn_connections(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<VpnConnection>, Error> {
        self.list_all::<DescribeVpnConnectionsResponse>(&region_params(region, filters))
            .await
    }

    /// One IPsec connection with health-check and BGP status (`DescribeVpnConnection`).
    /// Accepts both the S0 top-level form and the older S1/S2 list-wrapped form (§3.4).
    pub async fn describe_vpn_connection(
        &self,
        region: &str,
        id: &str,
    ) -> Result<VpnConnection, Error> {
        let p = region_params(region, &[("VpnConnectionId", id)]);
        let v = unwrap_envelope(
            self.request("DescribeVpnConnection", &p, Retry::Safe)
                .await?,
        );
        let decode_err = |e: serde_json::Error| Error::Decode {
            action: "DescribeVpnConnection".into(),
            status: 200,
            message: e.to_string(),
            body_snippet: String::new(),
        };
        if v.get("VpnConnections").is_some() {
            let list: DescribeVpnConnectionsResponse =
                serde_json::from_value(v).map_err(decode_err)?;
            return list
                .vpn_connections
                .items
                .into_iter()
                .next()
                .ok_or_else(|| Error::Decode {
                    action: "DescribeVpnConnection".into(),
                    status: 200,
                    message: "list-wrapped response without a connection".into(),
                    body_snippet: String::new(),
                });
        }
        serde_json::from_value(v).map_err(decode_err)
    }

    /// Peer-side configuration of a connection (`DownloadVpnConnectionConfig`). Contains the
    /// PSK; redact before display.
    pub async fn download_vpn_connection_config(
        &self,
        region: &str,
        id: &str,
    ) -> Result<VpnConnectionConfig, Error> {
        let p = region_params(region, &[("VpnConnectionId", id)]);
        let r: DownloadVpnConnectionConfigResponse = self
            .call_typed("DownloadVpnConnectionConfig", &p, Retry::Safe)
            .await?;
        Ok(r.vpn_connection_config.unwrap_or_default())
    }

    /// All destination-based routes of one VPN gateway.
    pub async fn list_vpn_route_entries(
        &self,
        region: &str,
        vpn_gateway_id: &str,
    ) -> Result<Vec<VpnRouteEntry>, Error> {
        let p = region_params(region, &[("VpnGatewayId", vpn_gateway_id)]);
        self.list_all::<DescribeVpnRouteEntriesResponse>(&p).await
    }

    /// All policy-based routes of one VPN gateway.
    pub async fn list_vpn_pbr_route_entries(
        &self,
        region: &str,
        vpn_gateway_id: &str,
    ) -> Result<Vec<VpnPbrRouteEntry>, Error> {
        let p = region_params(region, &[("VpnGatewayId", vpn_gateway_id)]);
        self.list_all::<DescribeVpnPbrRouteEntriesResponse>(&p)
            .await
    }

    /// All SSL-VPN servers. Filters: `VpnGatewayId`, `SslVpnServerId`, `Name`.
    pub async fn list_ssl_vpn_servers(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<SslVpnServer>, Error> {
        self.list_all::<DescribeSslVpnServersResponse>(&region_params(region, filters))
            .await
    }

    /// All SSL-VPN client certificates. Filters: `SslVpnServerId`, `SslVpnClientCertId`, `Name`.
    pub async fn list_ssl_vpn_client_certs(
        &self,
        region: &str,
        filters: &[(&str, &str)],
    ) -> Result<Vec<SslVpnClientCertKey>, Error> {
        self.list_all::<DescribeSslVpnClientCertsResponse>(&region_params(region, filters))
            .await
    }
}
