//! Rule (d): SSL-VPN client pools overlapping VPC / vSwitch CIDRs or the server's own
//! reachable subnets.
//!
//! **Definition.** For each SSL-VPN server S on gateway G: let the *candidate VPCs* be G's VPC
//! when known, else every VPC of the inventory. S's `client_ip_pool` is reported when it
//! overlaps (contains or lies inside) a CIDR of a candidate VPC, a vSwitch of a candidate VPC,
//! or one of S's own `local_subnets` (Alibaba requires `ClientIpPool` not to overlap
//! `LocalSubnet`, spec alibaba §3.6; Huawei likewise for `client_cidr`, huawei §3.10). All such
//! overlaps are Errors: the VPC routes replies for the overlapping addresses locally, so they
//! never return through the gateway to the client.

use crate::finding::{Finding, FindingKind, Severity};
use crate::index::RouteIndex;
use crate::model::context::{SslVpnServer, Vpc};
use crate::rules::overlaps;

fn finding(s: &SslVpnServer, other_id: &str, what: String) -> Finding {
    Finding::new(
        FindingKind::SslPoolOverlap,
        Severity::Error,
        [s.id.clone(), s.gateway_id.clone(), other_id.to_owned()],
        format!(
            "SSL-VPN server {} (gateway {}) hands out client addresses from {}, which overlaps {what}. Replies to clients in the overlap are delivered inside the VPC instead of back through the gateway, and the cloud refuses pools that overlap the reachable subnets (ClientIpPool vs LocalSubnet). Choose a client pool outside every VPC, vSwitch and reachable CIDR.",
            s.id, s.gateway_id, s.client_ip_pool
        ),
    )
}

/// Runs rule (d).
pub fn check(index: &RouteIndex<'_>) -> Vec<Finding> {
    let cat = &index.catalog;
    let inv = cat.inv;
    let mut out = Vec::new();
    for s in &inv.ssl_servers {
        let pool = s.client_ip_pool;
        let vpcs: Vec<&Vpc> = match cat.vpc_of_gateway(&s.gateway_id) {
            Some(v) => vec![v],
            None => inv.vpcs.iter().collect(),
        };
        for v in &vpcs {
            for c in v.cidrs.iter().filter(|c| overlaps(&pool, c)) {
                out.push(finding(s, &v.id, format!("CIDR {c} of {}", v.id)));
            }
        }
        for sw in &inv.vswitches {
            if vpcs.iter().any(|v| v.id == sw.vpc_id) && overlaps(&pool, &sw.cidr) {
                let what = format!("vSwitch {} ({}) in {}", sw.id, sw.cidr, sw.vpc_id);
                out.push(finding(s, &sw.id, what));
            }
        }
        for l in s.local_subnets.iter().filter(|l| overlaps(&pool, l)) {
            out.push(finding(s, &s.id, format!("its own reachable subnet {l}")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::context::VSwitch;
    use crate::model::inventory::Inventory;
    use crate::testkit::*;

    fn server(pool: &str, local: &[&str]) -> SslVpnServer {
        SslVpnServer {
            id: "vss-1".into(),
            gateway_id: "vpn-1".into(),
            client_ip_pool: net(pool),
            local_subnets: local.iter().map(|l| net(l)).collect(),
        }
    }

    fn inv(pool: &str, local: &[&str]) -> Inventory {
        Inventory {
            vpcs: vec![
                vpc("vpc-1", &["192.168.0.0/16"], &[]),
                vpc("vpc-2", &["10.0.0.0/8"], &[]),
            ],
            vswitches: vec![VSwitch {
                id: "vsw-1".into(),
                vpc_id: "vpc-1".into(),
                cidr: net("192.168.1.0/24"),
            }],
            gateways: vec![gateway("vpn-1", Some("vpc-1"))],
            ssl_servers: vec![server(pool, local)],
            ..Inventory::default()
        }
    }

    #[test]
    fn pool_inside_vswitch_and_vpc() {
        let f = check(&RouteIndex::new(&inv("192.168.1.0/26", &[])));
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().any(|x| x.objects.contains(&"vsw-1".to_string())));
        assert!(f
            .iter()
            .any(|x| x.message.contains("CIDR 192.168.0.0/16 of vpc-1")));
    }

    #[test]
    fn pool_overlapping_own_local_subnet() {
        let f = check(&RouteIndex::new(&inv("172.16.0.0/16", &["172.16.0.0/12"])));
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("its own reachable subnet"));
    }

    #[test]
    fn clean_pool_and_other_vpcs_are_quiet() {
        // 10.0.0.0/8 belongs to vpc-2, which is not the gateway's VPC.
        assert!(check(&RouteIndex::new(&inv("10.8.0.0/16", &["192.168.0.0/16"]))).is_empty());
    }

    #[test]
    fn unknown_gateway_vpc_checks_every_vpc() {
        let mut i = inv("10.8.0.0/16", &[]);
        i.gateways.clear();
        let f = check(&RouteIndex::new(&i));
        assert_eq!(f.len(), 1);
        assert!(f[0].objects.contains(&"vpc-2".to_string()));
    }
}
