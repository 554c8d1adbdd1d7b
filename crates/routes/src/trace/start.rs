//! Where a trace starts: the first route table of the given VPC, the routing table of the
//! gateway attached to a VPC the inventory knows only as an attachment (Huawei), or, without a
//! VPC, the table with the most specific match (see [`super::walk`]).

use crate::index::RouteIndex;
use crate::model::route::TableKind;
use crate::trace::walk::table_kind;
use crate::trace::{Outcome, TraceQuery};

pub(super) fn start_table(index: &RouteIndex<'_>, q: &TraceQuery) -> Result<String, Outcome> {
    if let Some(vpc_id) = &q.from_vpc {
        let Some(vpc) = index.catalog.vpcs.get(vpc_id.as_str()) else {
            return attached_gateway_table(index, vpc_id)
                .ok_or_else(|| Outcome::Unresolved { id: vpc_id.clone() });
        };
        return vpc
            .route_table_ids
            .first()
            .cloned()
            .ok_or_else(|| Outcome::NoRoute {
                table: vpc_id.clone(),
            });
    }
    let best = |want: fn(TableKind) -> bool| {
        index
            .tables
            .iter()
            .filter(|(id, _)| table_kind(index, id).is_some_and(want))
            .filter_map(|(id, t)| t.longest(q.destination).map(|(p, _)| (p.prefix_len(), *id)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
            .map(|(_, id)| id.to_owned())
    };
    best(|k| k == TableKind::VpcRouteTable)
        .or_else(|| best(|k| k != TableKind::VpcRouteTable))
        .ok_or(Outcome::NoRoute {
            table: String::new(),
        })
}

/// The routing table of the gateway attached to `vpc_id`, for a VPC the inventory knows only
/// as a gateway's attachment. Huawei's VPN API lists no VPCs or VPC route tables: the routes
/// Huawei publishes into the VPC for the on-prem prefixes point at the gateway, so the walk
/// starts at its table. Several gateways in one VPC: the lowest id with a table.
fn attached_gateway_table(index: &RouteIndex<'_>, vpc_id: &str) -> Option<String> {
    index
        .catalog
        .gateways
        .values()
        .filter(|g| g.vpc_id.as_deref() == Some(vpc_id))
        .map(|g| g.id.as_str())
        .filter(|id| index.table(id).is_some())
        .min()
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use crate::model::context::TunnelState::Up;
    use crate::model::inventory::Inventory;
    use crate::model::route::{Cloud, TableKind};
    use crate::testkit::*;
    use crate::trace::{HopKind, Outcome};
    use crate::RouteIndex;

    /// Two Huawei gateways in one VPC that the inventory does not list, one in another VPC.
    fn huawei_estate() -> Inventory {
        let huawei = |id: &str, vpc: &str| {
            let mut g = gateway(id, Some(vpc));
            g.cloud = Cloud::Huawei;
            g
        };
        let hw = |id: &str| table(TableKind::HuaweiGateway, id);
        Inventory {
            routes: vec![
                route("r-b", hw("gw-b"), "10.50.0.0/16", to_conn("conn-b")),
                route("r-c", hw("gw-c"), "10.50.0.0/16", to_conn("conn-c")),
                route("r-x", hw("gw-x"), "10.50.0.0/24", to_conn("conn-x")),
            ],
            gateways: vec![
                huawei("gw-c", "vpc-hw"),
                huawei("gw-b", "vpc-hw"),
                huawei("gw-a", "vpc-hw"),
                huawei("gw-x", "vpc-other"),
            ],
            connections: vec![
                conn("conn-b", "gw-b", "cgw-b", &[Up]),
                conn("conn-c", "gw-c", "cgw-c", &[Up]),
                conn("conn-x", "gw-x", "cgw-x", &[Up]),
            ],
            ..Inventory::default()
        }
    }

    #[test]
    fn a_vpc_known_only_by_its_gateway_starts_at_that_gateways_table() {
        let inv = huawei_estate();
        let index = RouteIndex::new(&inv);
        // gw-a has no table; of gw-b and gw-c the lower id; never gw-x of another VPC, even
        // though its /24 is the more specific match.
        let t = index.trace("10.50.0.9".parse().unwrap(), Some("vpc-hw"));
        assert_eq!(t.hops[0].kind, HopKind::HuaweiGateway);
        assert_eq!(t.hops[0].id, "gw-b");
        assert_eq!(t.outcome, Outcome::Delivered { at: "cgw-b".into() });
        let unknown = index.trace("10.50.0.9".parse().unwrap(), Some("vpc-none"));
        assert_eq!(
            unknown.outcome,
            Outcome::Unresolved {
                id: "vpc-none".into()
            }
        );
        assert!(unknown.hops.is_empty());
    }
}
