//! Alibaba Cloud: one region of one account.

use super::{group, FetchError, Snapshots};
use crate::unit::Unit;
use store::map::aliyun as map;
use store::model::ResourceItem;

pub async fn fetch(
    client: &aliyun::Client,
    region: &str,
    unit: Unit,
) -> Result<Snapshots, FetchError> {
    let items = match unit {
        Unit::Connections => connections(client, region).await?,
        Unit::Gateways => gateways(client, region).await?,
        Unit::Network => {
            let mut items: Vec<ResourceItem> = client
                .list_vpcs(region, &[])
                .await?
                .iter()
                .filter_map(map::vpc)
                .collect();
            items.extend(
                client
                    .list_vswitches(region, &[])
                    .await?
                    .iter()
                    .filter_map(map::v_switch),
            );
            items.extend(
                client
                    .list_route_tables(region, &[])
                    .await?
                    .iter()
                    .filter_map(map::route_table),
            );
            items
        }
        Unit::Hybrid => {
            let mut items: Vec<ResourceItem> = client
                .list_vbrs(region, &[])
                .await?
                .iter()
                .filter_map(map::vbr)
                .collect();
            items.extend(
                client
                    .list_router_interfaces(region, &[])
                    .await?
                    .iter()
                    .filter_map(map::router_interface),
            );
            let lines = client.list_physical_connections(region, &[]).await?;
            items.extend(lines.iter().filter_map(map::physical_connection));
            items
        }
        Unit::Routes => routes(client, region).await?,
    };
    Ok(group(unit.kinds(), items))
}

/// Hot state: connections with their tunnels, BGP and health checks, and the VBRs' BGP peers
/// (their sessions are BGP sessions too, so they belong in the same snapshot).
async fn connections(
    client: &aliyun::Client,
    region: &str,
) -> Result<Vec<ResourceItem>, FetchError> {
    let mut items = Vec::new();
    for c in client.list_vpn_connections(region, &[]).await? {
        if let Some(rows) = map::connection(&c) {
            items.push(rows.connection);
            items.extend(rows.tunnels);
            items.extend(rows.bgp_sessions);
            items.extend(rows.health_checks);
        }
    }
    let groups = client.list_bgp_groups(region, &[]).await?;
    let peers = client.list_bgp_peers(region, &[]).await?;
    let networks = client.list_bgp_networks(region, &[]).await?;
    items.extend(map::bgp_sessions(&groups, &peers, &networks));
    Ok(items)
}

async fn gateways(client: &aliyun::Client, region: &str) -> Result<Vec<ResourceItem>, FetchError> {
    let mut items: Vec<ResourceItem> = client
        .list_vpn_gateways(region, &[])
        .await?
        .iter()
        .filter_map(map::vpn_gateway)
        .collect();
    items.extend(
        client
            .list_customer_gateways(region, &[])
            .await?
            .iter()
            .filter_map(map::customer_gateway),
    );
    items.extend(
        client
            .list_ssl_vpn_servers(region, &[])
            .await?
            .iter()
            .filter_map(map::ssl_vpn_server),
    );
    Ok(items)
}

async fn routes(client: &aliyun::Client, region: &str) -> Result<Vec<ResourceItem>, FetchError> {
    let mut items = map::routes_of_route_tables(&client.list_route_tables(region, &[]).await?);
    for gw in client.list_vpn_gateways(region, &[]).await? {
        let Some(id) = gw.vpn_gateway_id.as_deref() else {
            continue;
        };
        let dbr = client.list_vpn_route_entries(region, id).await?;
        items.extend(dbr.iter().filter_map(|e| map::vpn_route_entry(e, Some(id))));
        let pbr = client.list_vpn_pbr_route_entries(region, id).await?;
        items.extend(
            pbr.iter()
                .filter_map(|e| map::vpn_pbr_route_entry(e, Some(id))),
        );
    }
    let networks = client.list_bgp_networks(region, &[]).await?;
    items.extend(networks.iter().filter_map(|n| map::bgp_network(n, None)));
    Ok(items)
}
