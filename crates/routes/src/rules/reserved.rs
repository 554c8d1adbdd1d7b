//! Rule (c): prefixes overlapping reserved address space.
//!
//! **Definition.** A prefix X (route destination, VPC / vSwitch CIDR, SSL-VPN client pool or
//! reachable subnet, connection local/remote subnet) is reported when it overlaps (contains or
//! lies inside) a reserved range R and X is not a default route (`/0`):
//! * R = `100.64.0.0/10` everywhere. Alibaba reserves it for cloud services: every VPC has a
//!   system route for it with next hop `service`, and custom routes into it are refused (spec
//!   alibaba §3.11 CreateRouteEntry). Huawei refuses it in `peer_subnets` (huawei §3.7). It is
//!   also RFC 6598 shared space used by carriers' CGNAT. The cloud's own service route
//!   (destination inside R, next hop `Other`/`Local`, a VPC route entry) is exempt.
//! * R = `214.0.0.0/8` for Huawei objects only (huawei §3.7: reserved for `peer_subnets`).
//!
//! Severity: X inside R → Error (those addresses are taken by the cloud); X strictly contains
//! R → Warning (only the reserved part misroutes).

use ipnet::IpNet;

use crate::finding::{Finding, FindingKind, Severity};
use crate::index::RouteIndex;
use crate::model::route::{Cloud, NextHopKind, RouteSource};
use crate::rules::overlaps;

/// 100.64.0.0/10: RFC 6598 CGNAT space, Alibaba cloud-services range.
pub const CGNAT: &str = "100.64.0.0/10";
/// 214.0.0.0/8: reserved by Huawei for its own use (huawei §3.7).
pub const HUAWEI_RESERVED: &str = "214.0.0.0/8";

fn why(reserved: &IpNet) -> &'static str {
    if reserved.to_string() == CGNAT {
        "Alibaba Cloud reserves 100.64.0.0/10 for its cloud services (every VPC has a system route to it with next hop `service`, and Huawei refuses it as a peer subnet); it is also the RFC 6598 carrier-grade-NAT range. Traffic to these addresses is sent to cloud services instead of through your VPN or leased line"
    } else {
        "Huawei Cloud reserves 214.0.0.0/8 and refuses it in VPN peer subnets, so traffic to these addresses does not reach your site"
    }
}

fn check_one(object: &str, what: &str, x: &IpNet, huawei: bool, out: &mut Vec<Finding>) {
    if x.prefix_len() == 0 {
        return;
    }
    let mut ranges = vec![CGNAT];
    if huawei {
        ranges.push(HUAWEI_RESERVED);
    }
    for r in ranges {
        let reserved: IpNet = r.parse().expect("constant CIDR");
        if !overlaps(x, &reserved) {
            continue;
        }
        let inside = reserved.contains(x);
        let (severity, fix) = if inside {
            (
                Severity::Error,
                "renumber it, or NAT it to a non-reserved range at the site",
            )
        } else {
            (
                Severity::Warning,
                "split it so that it leaves the reserved range out",
            )
        };
        out.push(Finding::new(
            FindingKind::ReservedRange,
            severity,
            [object.to_owned()],
            format!(
                "{what} {x} overlaps reserved range {reserved}. {}; {fix}.",
                why(&reserved)
            ),
        ));
    }
}

/// Runs rule (c).
pub fn check(index: &RouteIndex<'_>) -> Vec<Finding> {
    let cat = &index.catalog;
    let inv = cat.inv;
    let mut out = Vec::new();
    let cgnat: IpNet = CGNAT.parse().expect("constant CIDR");
    for r in &inv.routes {
        let service_route = r.source == RouteSource::VpcRouteEntry
            && matches!(r.next_hop.kind, NextHopKind::Other | NextHopKind::Local)
            && cgnat.contains(&r.destination);
        if service_route {
            continue;
        }
        let what = format!("Route {} in table {}: destination", r.id, r.table.id);
        check_one(
            &r.id,
            &what,
            &r.destination,
            r.table.cloud == Cloud::Huawei,
            &mut out,
        );
    }
    for v in &inv.vpcs {
        for c in &v.cidrs {
            check_one(&v.id, &format!("VPC {} CIDR", v.id), c, false, &mut out);
        }
    }
    for s in &inv.vswitches {
        check_one(
            &s.id,
            &format!("vSwitch {} CIDR", s.id),
            &s.cidr,
            false,
            &mut out,
        );
    }
    for s in &inv.ssl_servers {
        let pool = format!("SSL-VPN server {} client pool", s.id);
        check_one(&s.id, &pool, &s.client_ip_pool, false, &mut out);
        for l in &s.local_subnets {
            let what = format!("SSL-VPN server {} local subnet", s.id);
            check_one(&s.id, &what, l, false, &mut out);
        }
    }
    for c in &inv.connections {
        let huawei = cat
            .gateways
            .get(c.gateway_id.as_str())
            .is_some_and(|g| g.cloud == Cloud::Huawei);
        for x in &c.remote_subnets {
            let what = format!("Connection {} on-prem subnet", c.id);
            check_one(&c.id, &what, x, huawei, &mut out);
        }
        for x in &c.local_subnets {
            let what = format!("Connection {} local subnet", c.id);
            check_one(&c.id, &what, x, huawei, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::context::TunnelState::Up;
    use crate::model::inventory::Inventory;
    use crate::model::route::TableKind;
    use crate::testkit::*;

    fn run(inv: &Inventory) -> Vec<Finding> {
        check(&RouteIndex::new(inv))
    }

    #[test]
    fn remote_subnet_inside_cgnat_is_error_and_explains() {
        let mut c = conn("vco-1", "vpn-1", "cgw-a", &[Up]);
        c.remote_subnets = vec![net("100.64.10.0/24")];
        let f = run(&Inventory {
            connections: vec![c],
            ..Inventory::default()
        });
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0].message.contains("cloud services"));
        assert!(f[0].message.contains("RFC 6598"));
        assert_eq!(f[0].objects, vec!["vco-1"]);
    }

    #[test]
    fn route_containing_cgnat_is_warning_default_route_is_not() {
        let inv = Inventory {
            routes: vec![
                route("r1", gwt("vpn-1"), "100.0.0.0/8", to_conn("vco-1")),
                route("r2", vtb("vtb-1"), "0.0.0.0/0", to_gw("vpn-1")),
            ],
            ..Inventory::default()
        };
        let f = run(&inv);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].objects, vec!["r1"]);
    }

    #[test]
    fn system_service_route_and_clean_prefixes_are_quiet() {
        let inv = Inventory {
            routes: vec![
                route(
                    "svc",
                    vtb("vtb-1"),
                    "100.64.0.0/10",
                    hop(NextHopKind::Other, "service"),
                ),
                route("r1", gwt("vpn-1"), "100.128.0.0/16", to_conn("vco-1")),
            ],
            vpcs: vec![vpc("vpc-1", &["172.16.0.0/12"], &["vtb-1"])],
            ..Inventory::default()
        };
        assert!(run(&inv).is_empty());
    }

    #[test]
    fn huawei_reserved_214_only_for_huawei() {
        let hw = table(TableKind::HuaweiGateway, "hw-gw");
        let inv = Inventory {
            routes: vec![
                route("h", hw, "214.1.0.0/16", to_conn("c1")),
                route("a", gwt("vpn-1"), "214.1.0.0/16", to_conn("vco-1")),
            ],
            ..Inventory::default()
        };
        let f = run(&inv);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].objects, vec!["h"]);
        assert!(f[0].message.contains("Huawei"));
    }
}
