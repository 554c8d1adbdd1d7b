//! Alibaba Cloud: one region of one account.
//!
//! The lists of one unit do not depend on each other, so they are requested together, and a
//! gateway's route lists are requested for all gateways at once (at most [`PER_JOB`] calls in
//! flight). Each call still passes the (account, region) budget gate, so this only overlaps
//! the round trips that a one-after-another crawl would wait out; items are assembled in the
//! same order as before, so de-duplication keeps the same rows.

use super::{group, FetchError, Snapshots};
use crate::unit::Unit;
use std::sync::Arc;
use store::map::aliyun as map;
use store::model::ResourceItem;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// Per-gateway calls one job keeps in flight: enough to overlap a region's gateways, few
/// enough that one job does not drain a budget bucket on its own.
const PER_JOB: usize = 8;

pub async fn fetch(
    client: &aliyun::Client,
    region: &str,
    unit: Unit,
) -> Result<Snapshots, FetchError> {
    let items = match unit {
        Unit::Connections => connections(client, region).await?,
        Unit::Gateways => gateways(client, region).await?,
        Unit::Network => {
            let (vpcs, switches, tables) = tokio::try_join!(
                client.list_vpcs(region, &[]),
                client.list_vswitches(region, &[]),
                client.list_route_tables(region, &[]),
            )?;
            let mut items: Vec<ResourceItem> = vpcs.iter().filter_map(map::vpc).collect();
            items.extend(switches.iter().filter_map(map::v_switch));
            items.extend(tables.iter().filter_map(map::route_table));
            items
        }
        Unit::Hybrid => {
            let (vbrs, interfaces, lines) = tokio::try_join!(
                client.list_vbrs(region, &[]),
                client.list_router_interfaces(region, &[]),
                client.list_physical_connections(region, &[]),
            )?;
            let mut items: Vec<ResourceItem> = vbrs.iter().filter_map(map::vbr).collect();
            items.extend(interfaces.iter().filter_map(map::router_interface));
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
    let (conns, groups, peers, networks) = tokio::try_join!(
        client.list_vpn_connections(region, &[]),
        client.list_bgp_groups(region, &[]),
        client.list_bgp_peers(region, &[]),
        client.list_bgp_networks(region, &[]),
    )?;
    let mut items = Vec::new();
    for c in &conns {
        if let Some(rows) = map::connection(c) {
            items.push(rows.connection);
            items.extend(rows.tunnels);
            items.extend(rows.bgp_sessions);
            items.extend(rows.health_checks);
        }
    }
    items.extend(map::bgp_sessions(&groups, &peers, &networks));
    Ok(items)
}

async fn gateways(client: &aliyun::Client, region: &str) -> Result<Vec<ResourceItem>, FetchError> {
    let (gws, customers, servers) = tokio::try_join!(
        client.list_vpn_gateways(region, &[]),
        client.list_customer_gateways(region, &[]),
        client.list_ssl_vpn_servers(region, &[]),
    )?;
    let mut items: Vec<ResourceItem> = gws.iter().filter_map(map::vpn_gateway).collect();
    items.extend(customers.iter().filter_map(map::customer_gateway));
    items.extend(servers.iter().filter_map(map::ssl_vpn_server));
    Ok(items)
}

async fn routes(client: &aliyun::Client, region: &str) -> Result<Vec<ResourceItem>, FetchError> {
    let (tables, gws, networks) = tokio::try_join!(
        client.list_route_tables(region, &[]),
        client.list_vpn_gateways(region, &[]),
        client.list_bgp_networks(region, &[]),
    )?;
    let ids: Vec<String> = gws.into_iter().filter_map(|g| g.vpn_gateway_id).collect();
    let mut items = map::routes_of_route_tables(&tables);
    for gateway_routes in per_gateway_routes(client, region, ids).await? {
        items.extend(gateway_routes);
    }
    items.extend(networks.iter().filter_map(|n| map::bgp_network(n, None)));
    Ok(items)
}

/// Destination- then policy-based routes of each gateway, in the order of `ids`.
async fn per_gateway_routes(
    client: &aliyun::Client,
    region: &str,
    ids: Vec<String>,
) -> Result<Vec<Vec<ResourceItem>>, FetchError> {
    let slots = Arc::new(Semaphore::new(PER_JOB));
    let mut tasks = JoinSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        let (client, region, slots) = (client.clone(), region.to_owned(), slots.clone());
        tasks.spawn(async move {
            let (dbr, pbr) = {
                // A permit per call, not per gateway: PER_JOB bounds calls in flight.
                let one = async {
                    let _p = slots.acquire().await;
                    client.list_vpn_route_entries(&region, &id).await
                };
                let two = async {
                    let _p = slots.acquire().await;
                    client.list_vpn_pbr_route_entries(&region, &id).await
                };
                tokio::try_join!(one, two)?
            };
            let mut items: Vec<ResourceItem> = dbr
                .iter()
                .filter_map(|e| map::vpn_route_entry(e, Some(&id)))
                .collect();
            items.extend(
                pbr.iter()
                    .filter_map(|e| map::vpn_pbr_route_entry(e, Some(&id))),
            );
            Ok::<_, FetchError>((i, items))
        });
    }
    let mut out = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        // Dropping the set on the first error aborts the other gateways' calls.
        let (i, items) = joined.map_err(|e| FetchError {
            code: "Panic".into(),
            message: format!("a route fetch task failed: {e}"),
        })??;
        out.push((i, items));
    }
    out.sort_by_key(|(i, _)| *i);
    Ok(out.into_iter().map(|(_, items)| items).collect())
}
