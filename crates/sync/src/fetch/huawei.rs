//! Huawei Cloud: one region (project) of one account. Huawei's VPN API has no VPC, leased-line
//! or route-table objects of its own, so those units are empty snapshots here.

use super::{group, FetchError, Snapshots};
use crate::unit::Unit;
use store::map::huawei as map;
use store::model::ResourceItem;

pub async fn fetch(client: &huawei::Client, unit: Unit) -> Result<Snapshots, FetchError> {
    let mut items: Vec<ResourceItem> = Vec::new();
    match unit {
        Unit::Connections => {
            for c in client.list_all_vpn_connections(&Default::default()).await? {
                let (connection, tunnel, bgp) = map::connection(&c);
                items.push(connection);
                items.push(tunnel);
                items.extend(bgp);
            }
        }
        Unit::Gateways => {
            items.extend(
                client
                    .list_vpn_gateways(&[])
                    .await?
                    .iter()
                    .map(map::vpn_gateway),
            );
            let customer = client.list_all_customer_gateways().await?;
            items.extend(customer.iter().map(map::customer_gateway));
            let p2c = client.list_all_p2c_gateways().await?;
            items.extend(p2c.iter().filter_map(map::p2c_gateway));
            let servers = client.list_all_vpn_servers().await?;
            items.extend(servers.iter().filter_map(|s| map::vpn_server(s, None)));
        }
        Unit::Network | Unit::Hybrid => {}
        Unit::Routes => {
            for c in client.list_all_vpn_connections(&Default::default()).await? {
                items.extend(map::connection_routes(&c));
            }
            for gw in client.list_vpn_gateways(&[]).await? {
                items.extend(map::routing_table(
                    &gw.id,
                    &client.list_all_routes(&gw.id).await?,
                ));
            }
        }
    }
    Ok(group(unit.kinds(), items))
}
