//! Alibaba side of one (account, region): VPCs, vSwitches, route tables, VPN gateways,
//! customer gateways, dual-tunnel IPsec connections, VPN routes, SSL-VPN, leased line
//! (physical connection → VBR → router interfaces, BGP), EIPs and tags (alibaba.md §3, §6
//! "demo world"). Hybrid/leased-line pieces are in `aliyun_hybrid.rs`.

use std::collections::HashMap;

use aliyun::types::connection::VpnConnection;
use aliyun::types::customer_gateway::CustomerGateway;
use aliyun::types::route_table::{RouteEntry, RouteTable};
use aliyun::types::tag::TagResource;
use aliyun::types::vpn_gateway::VpnGateway;
use aliyun::types::vpn_route::{VpnPbrRouteEntry, VpnRouteEntry};
use rand::rngs::StdRng;

use super::aliyun_vpc::{self, VpcPart};
use super::{mistakes, names, net, profile_for, rng_for, EstateSize, Mistake, Site};
use crate::dynamics::Profile;

pub use super::aliyun_vpc::AliHybrid;

/// Everything of one Alibaba account in one region.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AliRegion {
    pub region_id: String,
    pub local_name: String,
    pub vpc: VpcPart,
    pub hybrid: AliHybrid,
    pub vpn_gateways: Vec<VpnGateway>,
    pub customer_gateways: Vec<CustomerGateway>,
    pub connections: Vec<VpnConnection>,
    pub vpn_routes: Vec<VpnRouteEntry>,
    pub pbr_routes: Vec<VpnPbrRouteEntry>,
    pub ssl_servers: Vec<aliyun::types::ssl_vpn::SslVpnServer>,
    pub ssl_certs: Vec<aliyun::types::ssl_vpn::SslVpnClientCertKey>,
    pub tags: Vec<TagResource>,
    /// Dynamics profile per connection id / BGP peer id.
    pub profiles: HashMap<String, Profile>,
}

/// Epoch milliseconds of the estate's creation times (VPN family, alibaba.md §5.7).
pub(super) const BASE_MS: i64 = 1_735_689_600_000; // 2025-01-01T00:00:00Z

pub(super) fn generate_region(
    seed: u64,
    size: &EstateSize,
    sites: &[Site],
    a: usize,
    r: usize,
    uid: &str,
    found: &mut Vec<Mistake>,
) -> AliRegion {
    let (region_id, local_name) = names::ALIYUN_REGIONS[r % names::ALIYUN_REGIONS.len()];
    let mut rng = rng_for(seed, "aliyun-region", a, r);
    let slot = net::slot(a, r);
    let mut out = AliRegion {
        region_id: region_id.to_owned(),
        local_name: local_name.to_owned(),
        vpc: aliyun_vpc::generate(&mut rng, region_id, slot),
        ..AliRegion::default()
    };
    let mut cgw_by_site: HashMap<usize, String> = HashMap::new();
    let mut n = 0usize;
    for g in 0..size.gateways_per_region {
        let vpc_i = g % out.vpc.vpcs.len();
        let gw = gateway(&mut rng, &out.vpc, vpc_i, slot, g);
        let gw_id = gw.vpn_gateway_id.clone().unwrap_or_default();
        out.tags.push(tag(
            &gw_id,
            "VpnGateway",
            "env",
            if g == 0 { "prod" } else { "staging" },
        ));
        out.tags.push(tag(&gw_id, "VpnGateway", "owner", "netops"));
        let vpc_cidr = out.vpc.vpcs[vpc_i].cidr_block.clone().unwrap_or_default();
        for c in 0..size.connections_per_gateway {
            // Site choice rotates per account so every site is reached from both clouds.
            let site_i = (a * 7 + n) % sites.len().saturating_sub(1).max(1);
            let site = &sites[site_i];
            let cgw_id = cgw_by_site
                .entry(site_i)
                .or_insert_with(|| {
                    let cg = customer_gateway(&mut rng, site, out.customer_gateways.len());
                    let id = cg.customer_gateway_id.clone().unwrap_or_default();
                    out.customer_gateways.push(cg);
                    id
                })
                .clone();
            let profile = profile_for(n);
            let conn = super::aliyun_conn::connection(
                &mut rng,
                &gw,
                &cgw_id,
                site,
                &vpc_cidr,
                slot * 10_000 + n,
                n,
            );
            let conn_id = conn.vpn_connection_id.clone().unwrap_or_default();
            out.profiles.insert(conn_id.clone(), profile);
            out.vpn_routes.push(VpnRouteEntry {
                vpn_instance_id: Some(gw_id.clone()),
                route_dest: Some(site.cidr.clone()),
                next_hop: Some(conn_id.clone()),
                weight: Some(100),
                state: Some("published".into()),
                create_time: Some(BASE_MS + n as i64 * 1000),
                overlay_mode: Some("Ipsec".into()),
                description: Some(format!("to {}", site.name)),
                ..VpnRouteEntry::default()
            });
            if c < 2 {
                out.pbr_routes.push(VpnPbrRouteEntry {
                    vpn_instance_id: Some(gw_id.clone()),
                    route_source: Some(vpc_cidr.clone()),
                    route_dest: Some(site.cidr.clone()),
                    next_hop: Some(conn_id.clone()),
                    // One active and one standby path (alibaba.md §6 demo world).
                    weight: Some(if c == 0 { 100 } else { 0 }),
                    state: Some(if c == 0 { "published" } else { "normal" }.into()),
                    create_time: Some(BASE_MS + n as i64 * 1000 + 1),
                    overlay_mode: Some("Ipsec".into()),
                    ..VpnPbrRouteEntry::default()
                });
            }
            aliyun_vpc::add_vpn_route(&mut out.vpc, vpc_i, &site.cidr, &gw_id);
            out.connections.push(conn);
            n += 1;
        }
        if g == 0 {
            let (server, certs) = aliyun_vpc::ssl_vpn(&mut rng, region_id, &gw, slot);
            out.ssl_servers.push(server);
            out.ssl_certs.extend(certs);
        }
        out.vpn_gateways.push(gw);
    }
    out.hybrid = aliyun_vpc::hybrid(
        &mut rng,
        region_id,
        uid,
        &mut out.vpc,
        &sites[a % sites.len()],
        slot,
    );
    for p in &out.hybrid.bgp_peers {
        out.profiles
            .insert(p.bgp_peer_id.clone().unwrap_or_default(), Profile::Healthy);
    }
    mistakes::inject_aliyun(&mut out, a, r, sites, found);
    out
}

fn tag(id: &str, kind: &str, k: &str, v: &str) -> TagResource {
    TagResource {
        resource_id: Some(id.into()),
        resource_type: Some(kind.into()),
        tag_key: Some(k.into()),
        tag_value: Some(v.into()),
        ..TagResource::default()
    }
}

fn gateway(rng: &mut StdRng, vpc: &VpcPart, vpc_i: usize, slot: usize, g: usize) -> VpnGateway {
    let v = &vpc.vpcs[vpc_i];
    VpnGateway {
        vpn_gateway_id: Some(net::aliyun_id(rng, "vpn")),
        vpc_id: v.vpc_id.clone(),
        v_switch_id: v.v_switch_ids.items.first().cloned(),
        internet_ip: Some(net::aliyun_gateway_ip(slot, g)),
        intranet_ip: Some(format!("10.{slot}.{}.250", vpc_i * 64)),
        create_time: Some(BASE_MS + g as i64 * 86_400_000),
        end_time: Some(BASE_MS + 3 * 365 * 86_400_000),
        spec: Some(["10M", "100M", "200M"][g % 3].into()),
        name: Some(format!(
            "vpngw-{}-{}",
            v.vpc_name.clone().unwrap_or_default(),
            g + 1
        )),
        description: Some("site-to-site hub".into()),
        status: Some("active".into()),
        business_status: Some("Normal".into()),
        charge_type: Some("Prepay".into()),
        ipsec_vpn: Some("enable".into()),
        ssl_vpn: Some(if g == 0 { "enable" } else { "disable" }.into()),
        ssl_max_connections: Some(if g == 0 { 50 } else { 0 }),
        enable_bgp: Some(true),
        auto_propagate: Some(true),
        ..VpnGateway::default()
    }
}

fn customer_gateway(rng: &mut StdRng, site: &Site, k: usize) -> CustomerGateway {
    CustomerGateway {
        customer_gateway_id: Some(net::aliyun_id(rng, "cgw")),
        name: Some(site.name.clone()),
        description: Some(format!("{} edge router", site.name)),
        ip_address: Some(site.public_ip.clone()),
        create_time: Some(BASE_MS + k as i64 * 60_000),
        asn: Some(site.asn),
        ..CustomerGateway::default()
    }
}

/// Route table entry helper shared with the VPC part.
pub(super) fn custom_entry(rt: &RouteTable, dest: &str, hop_type: &str, hop: &str) -> RouteEntry {
    RouteEntry {
        route_table_id: rt.route_table_id.clone(),
        destination_cidr_block: Some(dest.into()),
        status: Some("Available".into()),
        next_hop_type: Some(hop_type.into()),
        instance_id: Some(hop.into()),
        router_id: rt.v_router_id.clone(),
        r#type: Some("Custom".into()),
        ..RouteEntry::default()
    }
}
