//! VPN Gateway reads (alibaba.md §3.2–§3.6): gateways, customer gateways, connections,
//! connection config download, VPN routes, SSL-VPN servers/certs and logs.

use aliyun::types::connection::{
    DescribeVpnConnectionResponse, DescribeVpnConnectionsResponse,
    DownloadVpnConnectionConfigResponse, VpnConnectionConfig,
};
use aliyun::types::customer_gateway::{
    DescribeCustomerGatewayResponse, DescribeCustomerGatewaysResponse,
};
use aliyun::types::ssl_vpn::{DescribeSslVpnClientCertsResponse, DescribeSslVpnServersResponse};
use aliyun::types::vpn_gateway::{DescribeVpnGatewayResponse, DescribeVpnGatewaysResponse};
use aliyun::types::vpn_route::{
    DescribeVpnPbrRouteEntriesResponse, DescribeVpnRouteEntriesResponse,
};
use serde_json::Value;

use super::auth::param;
use super::dispatch::Ctx;
use super::errors::AliErr;
use super::{render, to_json};
use crate::dynamics::Profile;
use crate::paged_reply;

fn required<'a>(ctx: &'a Ctx<'_>, k: &str) -> Result<&'a str, AliErr> {
    param(ctx.p, k)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| AliErr::missing(k))
}

fn gateway_exists(ctx: &Ctx<'_>, id: &str) -> Result<(), AliErr> {
    if ctx
        .region
        .vpn_gateways
        .iter()
        .any(|g| g.vpn_gateway_id.as_deref() == Some(id))
    {
        Ok(())
    } else {
        Err(AliErr::not_found(
            "InvalidVpnGatewayInstanceId.NotFound",
            "VPN gateway",
        ))
    }
}

pub fn read(ctx: &Ctx<'_>, action: &str) -> Result<Value, AliErr> {
    let r = &ctx.region;
    let (p, clamp) = (ctx.p, ctx.clamp);
    match action {
        "DescribeVpnGateways" => paged_reply!(
            DescribeVpnGatewaysResponse,
            vpn_gateways,
            r.vpn_gateways.iter().cloned(),
            p,
            &["VpcId", "VpnGatewayId", "Status", "BusinessStatus"],
            clamp
        ),
        "DescribeVpnGateway" => {
            let id = required(ctx, "VpnGatewayId")?;
            let gw = r
                .vpn_gateways
                .iter()
                .find(|g| g.vpn_gateway_id.as_deref() == Some(id));
            let gw = gw.ok_or_else(|| {
                AliErr::not_found("InvalidVpnGatewayInstanceId.NotFound", "VPN gateway")
            })?;
            to_json(&DescribeVpnGatewayResponse {
                gateway: gw.clone(),
                ..Default::default()
            })
        }
        "DescribeCustomerGateways" => paged_reply!(
            DescribeCustomerGatewaysResponse,
            customer_gateways,
            r.customer_gateways.iter().cloned(),
            p,
            &["CustomerGatewayId"],
            clamp
        ),
        "DescribeCustomerGateway" => {
            let id = required(ctx, "CustomerGatewayId")?;
            let cg = r
                .customer_gateways
                .iter()
                .find(|g| g.customer_gateway_id.as_deref() == Some(id));
            let cg = cg.ok_or_else(|| {
                AliErr::not_found(
                    "InvalidCustomerGatewayInstanceId.NotFound",
                    "customer gateway",
                )
            })?;
            to_json(&DescribeCustomerGatewayResponse {
                gateway: cg.clone(),
                ..Default::default()
            })
        }
        "DescribeVpnConnections" => {
            let live = r.connections.iter().map(|c| render::connection(ctx, c));
            paged_reply!(
                DescribeVpnConnectionsResponse,
                vpn_connections,
                live,
                p,
                &["VpnGatewayId", "CustomerGatewayId", "VpnConnectionId"],
                clamp
            )
        }
        "DescribeVpnConnection" | "DownloadVpnConnectionConfig" => {
            let id = required(ctx, "VpnConnectionId")?;
            let c = r
                .connections
                .iter()
                .find(|c| c.vpn_connection_id.as_deref() == Some(id));
            let c = render::connection(
                ctx,
                c.ok_or_else(|| {
                    AliErr::not_found("InvalidVpnConnectionInstanceId.NotFound", "VPN connection")
                })?,
            );
            if action == "DescribeVpnConnection" {
                return to_json(&DescribeVpnConnectionResponse {
                    connection: c,
                    ..Default::default()
                });
            }
            let local = r
                .vpn_gateways
                .iter()
                .find(|g| g.vpn_gateway_id == c.vpn_gateway_id)
                .and_then(|g| g.internet_ip.clone());
            let remote = r
                .customer_gateways
                .iter()
                .find(|g| g.customer_gateway_id == c.customer_gateway_id)
                .and_then(|g| g.ip_address.clone());
            to_json(&DownloadVpnConnectionConfigResponse {
                vpn_connection_config: Some(VpnConnectionConfig {
                    local,
                    remote,
                    local_subnet: c.local_subnet,
                    remote_subnet: c.remote_subnet,
                    customer_gateway_id: c.customer_gateway_id,
                    vpn_gateway_id: c.vpn_gateway_id,
                    ike_config: c.ike_config,
                    ipsec_config: c.ipsec_config,
                    ..Default::default()
                }),
                ..Default::default()
            })
        }
        "DescribeVpnRouteEntries" => {
            let gw = required(ctx, "VpnGatewayId")?;
            gateway_exists(ctx, gw)?;
            let items = r
                .vpn_routes
                .iter()
                .filter(|e| e.vpn_instance_id.as_deref() == Some(gw))
                .cloned();
            paged_reply!(
                DescribeVpnRouteEntriesResponse,
                vpn_route_entries,
                items,
                p,
                &[],
                clamp
            )
        }
        "DescribeVpnPbrRouteEntries" => {
            let gw = required(ctx, "VpnGatewayId")?;
            gateway_exists(ctx, gw)?;
            let items = r
                .pbr_routes
                .iter()
                .filter(|e| e.vpn_instance_id.as_deref() == Some(gw))
                .cloned();
            paged_reply!(
                DescribeVpnPbrRouteEntriesResponse,
                vpn_pbr_route_entries,
                items,
                p,
                &[],
                clamp
            )
        }
        "DescribeSslVpnServers" => paged_reply!(
            DescribeSslVpnServersResponse,
            ssl_vpn_servers,
            r.ssl_servers.iter().cloned(),
            p,
            &["VpnGatewayId", "SslVpnServerId", "Name"],
            clamp
        ),
        "DescribeSslVpnClientCerts" => paged_reply!(
            DescribeSslVpnClientCertsResponse,
            ssl_vpn_client_cert_keys,
            r.ssl_certs.iter().cloned(),
            p,
            &["SslVpnServerId", "SslVpnClientCertId", "Name"],
            clamp
        ),
        "DescribeVpnConnectionLogs" => {
            let id = required(ctx, "VpnConnectionId")?;
            if !r
                .connections
                .iter()
                .any(|c| c.vpn_connection_id.as_deref() == Some(id))
            {
                return Err(AliErr::not_found(
                    "InvalidVpnConnectionInstanceId.NotFound",
                    "VPN connection",
                ));
            }
            let prof = r.profiles.get(id).copied().unwrap_or(Profile::Healthy);
            super::logs::logs(ctx, id, prof)
        }
        "DescribeVpnSslServerLogs" => {
            let id = required(ctx, "VpnSslServerId")?;
            if !r
                .ssl_servers
                .iter()
                .any(|s| s.ssl_vpn_server_id.as_deref() == Some(id))
            {
                return Err(AliErr::not_found(
                    "InvalidSslVpnServerId.NotFound",
                    "SSL-VPN server",
                ));
            }
            super::logs::logs(ctx, id, Profile::Healthy)
        }
        other => Err(AliErr::new(
            404,
            "InvalidAction.NotFound",
            format!("Specified api is not found: {other}"),
        )),
    }
}
