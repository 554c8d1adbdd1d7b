//! Huawei Cloud: one region (project) of one account.

use super::{group, FetchError, Snapshots};
use crate::unit::Unit;
use store::map::huawei as map;

pub async fn fetch(client: &huawei::Client, unit: Unit) -> Result<Snapshots, FetchError> {
    let mut items = Vec::new();
    match unit {
        Unit::Connections => {
            let filter = huawei::ListVpnConnectionsFilter::default();
            for c in client.list_all_vpn_connections(&filter).await? {
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
        }
    }
    Ok(group(unit.kinds(), items))
}
