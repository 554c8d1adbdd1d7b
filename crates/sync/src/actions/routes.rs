//! VPN route writes (alibaba.md §3.5): publish a route to the VPC (or withdraw it) and change
//! its weight. VPN routes have no id; a route is named by gateway, destination, next hop (the
//! connection), and for policy routes its source, and a weight change must resend the
//! current weight. Huawei Cloud has no such routes (its connection routes follow the
//! connection's peer subnets or BGP), so there is nothing to publish or weigh there.

use super::{aliyun_client, ActionError, Answer, Target};
use crate::engine::Engine;
use aliyun::types::write::{ModifyVpnRouteWeight, PublishVpnRouteEntry, VpnRouteType};

const HUAWEI_ROUTES: &str = "Huawei Cloud VPN routes follow the connection's peer subnets \
     or BGP; they cannot be published or weighted one by one";

/// One Alibaba VPN route, as the cloud identifies it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteRef {
    pub vpn_gateway_id: String,
    pub destination: String,
    /// The connection the route points into (`vco-…`).
    pub next_hop: String,
    /// Set for a policy-based route.
    pub source_cidr: Option<String>,
}

fn check_weight(w: u32) -> Result<(), ActionError> {
    // The only two values the API accepts (alibaba.md §3.5).
    if w == 0 || w == 100 {
        Ok(())
    } else {
        Err(ActionError::Cloud {
            code: "InvalidWeight".into(),
            message: format!("a VPN route weight is 0 or 100, not {w}"),
            request_id: None,
            not_found: false,
        })
    }
}

/// Publishes `route` to the VPC route table (`publish`) or withdraws it.
pub async fn publish_route(
    engine: &Engine,
    target: &Target,
    route: &RouteRef,
    publish: bool,
) -> Result<Answer<()>, ActionError> {
    let client = aliyun_client(engine, target, HUAWEI_ROUTES).await?;
    let req = PublishVpnRouteEntry {
        region_id: target.region.clone(),
        vpn_gateway_id: route.vpn_gateway_id.clone(),
        route_dest: route.destination.clone(),
        next_hop: route.next_hop.clone(),
        route_type: match route.source_cidr {
            Some(_) => VpnRouteType::Pbr,
            None => VpnRouteType::Dbr,
        },
        publish_vpc: publish,
    };
    let r = client.publish_vpn_route_entry(&req, None).await?;
    Ok(Answer {
        value: (),
        request_id: r.request_id,
    })
}

/// Changes `route`'s weight from `weight` (its current one) to `new_weight`.
pub async fn modify_route_weight(
    engine: &Engine,
    target: &Target,
    route: &RouteRef,
    weight: u32,
    new_weight: u32,
) -> Result<Answer<()>, ActionError> {
    check_weight(weight)?;
    check_weight(new_weight)?;
    let client = aliyun_client(engine, target, HUAWEI_ROUTES).await?;
    let req = ModifyVpnRouteWeight {
        region_id: target.region.clone(),
        vpn_gateway_id: route.vpn_gateway_id.clone(),
        route_source: route.source_cidr.clone(),
        route_dest: route.destination.clone(),
        next_hop: route.next_hop.clone(),
        weight,
        new_weight,
        overlay_mode: None,
    };
    let r = client.modify_vpn_route_weight(&req, None).await?;
    Ok(Answer {
        value: (),
        request_id: r.request_id,
    })
}
