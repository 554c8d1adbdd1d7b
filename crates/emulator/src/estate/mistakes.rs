//! Deliberate configuration mistakes planted in the first region of the first account, so
//! the dashboard's analysers have something to find:
//! overlapping on-prem CIDRs behind different customer gateways, a route shadowed by a more
//! specific one, a CIDR inside the CGNAT block 100.64.0.0/10, an SSL-VPN client pool that
//! overlaps a vSwitch, and BGP peers configured with the wrong ASN (never established).
//! [`detect_aliyun`] re-discovers them from the data alone; tests use it to prove they exist.

use serde::{Deserialize, Serialize};

use super::aliyun::AliRegion;
use super::huawei::HwRegion;
use super::net::{cidr_contains, cidr_overlaps};
use super::Site;
use crate::dynamics::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MistakeKind {
    OverlappingOnPremCidr,
    ShadowedRoute,
    CgnatCidr,
    SslPoolOverlapsVSwitch,
    BgpWrongAsn,
}

/// One planted mistake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mistake {
    pub kind: MistakeKind,
    pub cloud: String,
    pub account: usize,
    pub region: String,
    pub resource_id: String,
    pub detail: String,
}

/// CGNAT block (RFC 6598).
pub const CGNAT: &str = "100.64.0.0/10";

/// Appends a site whose private CIDR duplicates site 0's ("acquired company" case). It is the
/// last site, which the normal rotation skips.
pub(super) fn add_overlapping_site(sites: &mut Vec<Site>) {
    let first = sites[0].clone();
    let i = sites.len();
    sites.push(Site {
        name: format!("{} (acquired)", first.name),
        public_ip: super::net::site_public_ip(i),
        asn: super::net::site_asn(i),
        cidr: first.cidr,
    });
}

pub(super) fn inject_aliyun(
    out: &mut AliRegion,
    a: usize,
    r: usize,
    sites: &[Site],
    found: &mut Vec<Mistake>,
) {
    if a != 0 || r != 0 || out.connections.is_empty() {
        return;
    }
    let mut note = |kind, id: &str, detail: String| {
        found.push(Mistake {
            kind,
            cloud: "aliyun".into(),
            account: a,
            region: out.region_id.clone(),
            resource_id: id.into(),
            detail,
        });
    };
    // 1. Second connection to a different CGW with the same remote CIDR as connection 0.
    let dup_site = &sites[sites.len() - 1];
    let mut cgw = out.customer_gateways[0].clone();
    let cgw_id = format!("{}x", cgw.customer_gateway_id.clone().unwrap_or_default());
    cgw.customer_gateway_id = Some(cgw_id.clone());
    cgw.ip_address = Some(dup_site.public_ip.clone());
    cgw.asn = Some(dup_site.asn);
    cgw.name = Some(dup_site.name.clone());
    out.customer_gateways.push(cgw);
    let mut conn = out.connections[0].clone();
    let conn_id = format!("{}x", conn.vpn_connection_id.clone().unwrap_or_default());
    conn.vpn_connection_id = Some(conn_id.clone());
    conn.customer_gateway_id = Some(cgw_id);
    conn.name = Some("to-acquired-shanghai".into());
    conn.remote_subnet = Some(dup_site.cidr.clone());
    out.profiles.insert(conn_id.clone(), Profile::Healthy);
    out.connections.push(conn);
    note(
        MistakeKind::OverlappingOnPremCidr,
        &conn_id,
        format!("{} reached via two customer gateways", dup_site.cidr),
    );
    // 2. A broad leased-line route shadowed by the more specific VPN routes inside it.
    let rt = &mut out.vpc.route_tables[0];
    let ri = rt
        .route_entrys
        .items
        .iter()
        .find(|e| e.next_hop_type.as_deref() == Some("RouterInterface"))
        .and_then(|e| e.instance_id.clone())
        .unwrap_or_default();
    let e = super::aliyun::custom_entry(rt, "172.16.0.0/16", "RouterInterface", &ri);
    rt.route_entrys.items.push(e);
    let rt_id = rt.route_table_id.clone().unwrap_or_default();
    note(
        MistakeKind::ShadowedRoute,
        &rt_id,
        "172.16.0.0/16 via leased line is shadowed by /24 VPN routes".into(),
    );
    // 3. An on-prem subnet inside 100.64.0.0/10.
    let c0 = &mut out.connections[0];
    let cg = "100.100.10.0/24";
    c0.remote_subnet = Some(format!(
        "{},{cg}",
        c0.remote_subnet.clone().unwrap_or_default()
    ));
    let c0_id = c0.vpn_connection_id.clone().unwrap_or_default();
    note(
        MistakeKind::CgnatCidr,
        &c0_id,
        format!("remote subnet {cg} is CGNAT space"),
    );
    // 4. SSL-VPN client pool on top of the first vSwitch.
    if let (Some(s), Some(v)) = (out.ssl_servers.first_mut(), out.vpc.vswitches.first()) {
        s.client_ip_pool = v.cidr_block.clone();
        note(
            MistakeKind::SslPoolOverlapsVSwitch,
            &s.ssl_vpn_server_id.clone().unwrap_or_default(),
            "client pool equals a vSwitch CIDR".into(),
        );
    }
    // 5. A VBR BGP peer with the wrong peer ASN: never Established.
    if let Some(p) = out.hybrid.bgp_peers.get_mut(1) {
        p.peer_asn = p.peer_asn.map(|x| x + 1);
        let id = p.bgp_peer_id.clone().unwrap_or_default();
        out.profiles.insert(id.clone(), Profile::BgpWrongAsn);
        note(
            MistakeKind::BgpWrongAsn,
            &id,
            "peer ASN differs from the on-prem router's".into(),
        );
    }
}

pub(super) fn inject_huawei(out: &mut HwRegion, a: usize, r: usize, found: &mut Vec<Mistake>) {
    if a != 0 || r != 0 || out.connections.is_empty() {
        return;
    }
    let c = out.connections.last_mut().expect("non-empty");
    if let Some(p) = c.bgp_peer.as_mut() {
        p.peer_asn = p.peer_asn.map(|x| x + 1);
    }
    out.profiles.insert(c.id.clone(), Profile::BgpWrongAsn);
    found.push(Mistake {
        kind: MistakeKind::BgpWrongAsn,
        cloud: "huawei".into(),
        account: a,
        region: out.region.clone(),
        resource_id: c.id.clone(),
        detail: "bgp_peer.peer_asn differs from the customer gateway's".into(),
    });
}

/// Finds the mistakes in one Alibaba region from the data alone (independent of the list).
pub fn detect_aliyun(reg: &AliRegion) -> Vec<MistakeKind> {
    let mut out = Vec::new();
    let remote: Vec<(String, String)> = reg
        .connections
        .iter()
        .flat_map(|c| {
            let cgw = c.customer_gateway_id.clone().unwrap_or_default();
            c.remote_subnet
                .clone()
                .unwrap_or_default()
                .split(',')
                .map(move |s| (cgw.clone(), s.trim().to_owned()))
                .collect::<Vec<_>>()
        })
        .collect();
    if remote.iter().any(|(g1, c1)| {
        remote
            .iter()
            .any(|(g2, c2)| g1 != g2 && cidr_overlaps(c1, c2))
    }) {
        out.push(MistakeKind::OverlappingOnPremCidr);
    }
    if remote.iter().any(|(_, c)| cidr_contains(CGNAT, c)) {
        out.push(MistakeKind::CgnatCidr);
    }
    let shadowed = reg.vpc.route_tables.iter().any(|rt| {
        let es = &rt.route_entrys.items;
        es.iter().any(|a| {
            let da = a.destination_cidr_block.clone().unwrap_or_default();
            es.iter().any(|b| {
                let db = b.destination_cidr_block.clone().unwrap_or_default();
                da != db
                    && cidr_contains(&da, &db)
                    && a.instance_id != b.instance_id
                    && a.next_hop_type.as_deref() != Some("local")
            })
        })
    });
    if shadowed {
        out.push(MistakeKind::ShadowedRoute);
    }
    let ssl_overlap = reg.ssl_servers.iter().any(|s| {
        let pool = s.client_ip_pool.clone().unwrap_or_default();
        reg.vpc
            .vswitches
            .iter()
            .any(|v| cidr_overlaps(&pool, v.cidr_block.as_deref().unwrap_or("")))
    });
    if ssl_overlap {
        out.push(MistakeKind::SslPoolOverlapsVSwitch);
    }
    let wrong_asn = reg.hybrid.bgp_peers.iter().any(|p| {
        reg.hybrid
            .bgp_groups
            .iter()
            .any(|g| g.bgp_group_id == p.bgp_group_id && g.peer_asn != p.peer_asn)
    });
    if wrong_asn {
        out.push(MistakeKind::BgpWrongAsn);
    }
    out
}
