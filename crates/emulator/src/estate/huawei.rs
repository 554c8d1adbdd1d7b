//! Huawei side of one (account, region) (huawei.md §3): VPN gateways with their routing
//! tables, customer gateways, IPsec connections with BGP peers, connection monitors, P2C
//! gateways with VPN servers and live client sessions, and quotas.

use std::collections::HashMap;

use huawei::types::{
    BgpPeer, ConnectionMonitor, CustomerGateway, Dpd, IkePolicy, IpsecPolicy, NexthopResource,
    P2cConnection, P2cVpnGateway, Psk, QuotaResource, RouteEntry, Tag, Timestamp, VpnConnection,
    VpnGateway, VpnServer,
};

use super::{mistakes, names, net, profile_for, rng_for, EstateSize, Mistake, Site};
use crate::dynamics::Profile;

/// Everything of one Huawei account in one region (= one project).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HwRegion {
    pub region: String,
    pub project_id: String,
    pub vpn_gateways: Vec<VpnGateway>,
    pub customer_gateways: Vec<CustomerGateway>,
    pub connections: Vec<VpnConnection>,
    pub monitors: Vec<ConnectionMonitor>,
    /// BGP-learned routes per gateway id.
    pub routes: HashMap<String, Vec<RouteEntry>>,
    pub p2c_gateways: Vec<P2cVpnGateway>,
    /// VPN server per P2C gateway id.
    pub vpn_servers: Vec<(String, VpnServer)>,
    /// Live client sessions per P2C gateway id.
    pub p2c_sessions: HashMap<String, Vec<P2cConnection>>,
    pub quotas: Vec<QuotaResource>,
    pub profiles: HashMap<String, Profile>,
}

/// `2025-03-01T00:00:00.000Z` plus `ms`: unique, sortable creation times, which the
/// marker pagination relies on (huawei.md §2.4).
pub fn created(ms: i64) -> Timestamp {
    let t = chrono::DateTime::from_timestamp_millis(1_740_787_200_000 + ms).unwrap_or_default();
    Timestamp(t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
}

pub(super) fn tags(env: &str) -> Vec<Tag> {
    vec![
        Tag {
            key: "env".into(),
            value: env.into(),
        },
        Tag {
            key: "owner".into(),
            value: "netops".into(),
        },
    ]
}

pub(super) fn generate_region(
    seed: u64,
    size: &EstateSize,
    sites: &[Site],
    a: usize,
    r: usize,
    found: &mut Vec<Mistake>,
) -> HwRegion {
    let region = names::HUAWEI_REGIONS[r % names::HUAWEI_REGIONS.len()];
    let mut rng = rng_for(seed, "huawei-region", a, r);
    let slot = net::slot(a, r);
    let vpc_cidr = format!("10.{slot}.128.0/17");
    let vpc_id = net::huawei_id(&mut rng);
    let mut out = HwRegion {
        region: region.into(),
        project_id: net::hex32(&mut rng),
        ..HwRegion::default()
    };
    let mut cgw_by_site: HashMap<usize, String> = HashMap::new();
    let mut n = 0usize;
    for g in 0..size.gateways_per_region {
        let gw = super::huawei_extra::gateway(&mut rng, region, &vpc_id, &vpc_cidr, slot, g);
        let mut routes = Vec::new();
        for _ in 0..size.connections_per_gateway {
            // Same rotation as the Alibaba side: these sites are reached from both clouds.
            let site_i = (a * 7 + n) % sites.len().saturating_sub(1).max(1);
            let site = &sites[site_i];
            let cgw_id = cgw_by_site
                .entry(site_i)
                .or_insert_with(|| {
                    let k = out.customer_gateways.len() as i64;
                    let id = net::huawei_id(&mut rng);
                    out.customer_gateways.push(CustomerGateway {
                        id: id.clone(),
                        name: Some(site.name.clone()),
                        id_type: Some("ip".into()),
                        id_value: Some(site.public_ip.clone()),
                        bgp_asn: Some(u64::from(site.asn)),
                        created_at: Some(created(k * 1000)),
                        updated_at: Some(created(k * 1000)),
                        tags: tags("prod"),
                        ..CustomerGateway::default()
                    });
                    id
                })
                .clone();
            let (_, local, peer) = net::tunnel_cidr(100_000 + slot * 10_000 + n);
            let id = net::huawei_id(&mut rng);
            let monitor_id = net::huawei_id(&mut rng);
            let gw_ip = gw
                .eip1
                .as_ref()
                .and_then(|e| e.ip_address.clone())
                .unwrap_or_default();
            out.profiles.insert(id.clone(), profile_for(n + 1));
            out.connections.push(VpnConnection {
                id: id.clone(),
                name: Some(format!(
                    "hw-to-{}",
                    site.name.to_lowercase().replace(' ', "-")
                )),
                status: Some("ACTIVE".into()),
                vgw_id: Some(gw.id.clone()),
                vgw_ip: Some(gw_ip),
                style: Some("BGP".into()),
                cgw_id: Some(cgw_id),
                peer_subnets: vec![site.cidr.clone()],
                tunnel_local_address: Some(format!("{local}/30")),
                tunnel_peer_address: Some(format!("{peer}/30")),
                enable_nqa: Some(true),
                enable_hub: Some(false),
                psk: Some(Psk(net::psk(&mut rng))),
                ikepolicy: Some(IkePolicy {
                    ike_version: Some("v2".into()),
                    authentication_algorithm: Some("sha2-256".into()),
                    encryption_algorithm: Some("aes-256".into()),
                    dh_group: Some("group14".into()),
                    authentication_method: Some("pre-share".into()),
                    lifetime_seconds: Some(86400),
                    local_id_type: Some("ip".into()),
                    peer_id_type: Some("ip".into()),
                    dpd: Some(Dpd {
                        timeout: Some(15),
                        interval: Some(30),
                        msg: Some("seq-hash-notify".into()),
                    }),
                    ..IkePolicy::default()
                }),
                ipsecpolicy: Some(IpsecPolicy {
                    authentication_algorithm: Some("sha2-256".into()),
                    encryption_algorithm: Some("aes-256".into()),
                    pfs: Some("group14".into()),
                    transform_protocol: Some("esp".into()),
                    lifetime_seconds: Some(3600),
                    encapsulation_mode: Some("tunnel".into()),
                    ..IpsecPolicy::default()
                }),
                created_at: Some(created(n as i64 * 1000 + 7)),
                updated_at: Some(created(n as i64 * 1000 + 7)),
                enterprise_project_id: Some("0".into()),
                connection_monitor_id: Some(monitor_id.clone()),
                ha_role: Some(
                    if n.is_multiple_of(2) {
                        "master"
                    } else {
                        "slave"
                    }
                    .into(),
                ),
                tags: tags("prod"),
                bgp_peer: Some(BgpPeer {
                    peer_ip_address: Some(peer.clone()),
                    peer_asn: Some(u64::from(site.asn)),
                    state: Some("established".into()),
                    state_duration: Some("3d01h34m24s".into()),
                    num_received_routes: Some(1),
                    num_message_received: Some(0),
                    num_message_sent: Some(0),
                    ..BgpPeer::default()
                }),
                ..VpnConnection::default()
            });
            out.monitors.push(ConnectionMonitor {
                id: monitor_id,
                status: Some("ACTIVE".into()),
                vpn_connection_id: Some(id.clone()),
                monitor_type: Some("gateway".into()),
                source_ip: Some(local.clone()),
                destination_ip: Some(peer.clone()),
                proto_type: Some("icmp".into()),
                ..ConnectionMonitor::default()
            });
            routes.push(RouteEntry {
                destination: Some(site.cidr.clone()),
                nexthop: Some(peer),
                outbound_interface_ip: Some(local),
                origin: Some("igp".into()),
                as_path: Some(site.asn.to_string()),
                med: Some(0),
                nexthop_resource: Some(NexthopResource {
                    id: Some(id),
                    resource_type: Some("vpn_connection".into()),
                }),
                ..RouteEntry::default()
            });
            n += 1;
        }
        out.routes.insert(gw.id.clone(), routes);
        out.vpn_gateways.push(gw);
    }
    super::huawei_extra::p2c(&mut rng, &mut out, &vpc_id, slot);
    out.quotas = [
        ("vpn_gateway", 50, out.vpn_gateways.len()),
        ("customer_gateway", 100, out.customer_gateways.len()),
        ("vpn_connection", 5000, out.connections.len()),
        ("vpngw", 10, out.p2c_gateways.len()),
    ]
    .iter()
    .map(|(t, q, u)| QuotaResource {
        resource_type: (*t).into(),
        quota: Some(*q),
        used: Some(*u as i64),
        ..QuotaResource::default()
    })
    .collect();
    mistakes::inject_huawei(&mut out, a, r, found);
    out
}
