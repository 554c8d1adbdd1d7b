//! Alibaba Cloud: one region of one account.

use super::{group, FetchError, Snapshots};
use crate::unit::Unit;
use store::map::aliyun as map;

pub async fn fetch(
    client: &aliyun::Client,
    region: &str,
    unit: Unit,
) -> Result<Snapshots, FetchError> {
    let mut items = Vec::new();
    match unit {
        Unit::Connections => {
            for c in client.list_vpn_connections(region, &[]).await? {
                if let Some(rows) = map::connection(&c) {
                    items.push(rows.connection);
                    items.extend(rows.tunnels);
                    items.extend(rows.bgp_sessions);
                    items.extend(rows.health_checks);
                }
            }
        }
        Unit::Gateways => {
            let gateways = client.list_vpn_gateways(region, &[]).await?;
            items.extend(gateways.iter().filter_map(map::vpn_gateway));
            let customer = client.list_customer_gateways(region, &[]).await?;
            items.extend(customer.iter().filter_map(map::customer_gateway));
        }
    }
    Ok(group(unit.kinds(), items))
}
