//! Huawei VPN gateway and point-to-site builders for one region (huawei.md §3.2, §3.9).

use huawei::types::{Eip, P2cConnection, P2cVpnGateway, SslOptions, VpnGateway, VpnServer};
use rand::rngs::StdRng;

use super::huawei::{created, tags, HwRegion};
use super::net;

pub(super) fn gateway(
    rng: &mut StdRng,
    region: &str,
    vpc_id: &str,
    vpc_cidr: &str,
    slot: usize,
    g: usize,
) -> VpnGateway {
    // Active-active gateways have two EIPs, one per tunnel endpoint (huawei.md §3.2).
    let eip = |t: usize| Eip {
        id: Some(format!("eip-{slot}-{g}-{t}")),
        ip_version: Some(4),
        eip_type: Some("5_bgp".into()),
        ip_address: Some(net::huawei_gateway_ip(slot, g, t)),
        charge_mode: Some("traffic".into()),
        bandwidth_size: Some(300),
        ..Eip::default()
    };
    VpnGateway {
        id: net::huawei_id(rng),
        name: Some(format!("vpngw-hw-{}", g + 1)),
        status: Some("ACTIVE".into()),
        network_type: Some("public".into()),
        attachment_type: Some("vpc".into()),
        ip_version: Some("ipv4".into()),
        vpc_id: Some(vpc_id.into()),
        local_subnets: vec![vpc_cidr.into()],
        connect_subnet: Some(net::huawei_id(rng)),
        bgp_asn: Some(64512),
        flavor: Some(["Basic", "Professional1", "Professional2"][g % 3].into()),
        availability_zone_ids: vec![format!("{region}a"), format!("{region}b")],
        connection_number: Some(200),
        used_connection_number: Some(0),
        used_connection_group: Some(0),
        enterprise_project_id: Some("0".into()),
        ha_mode: Some("active-active".into()),
        eip1: Some(eip(0)),
        eip2: Some(eip(1)),
        created_at: Some(created(g as i64)),
        updated_at: Some(created(g as i64)),
        tags: tags(if g == 0 { "prod" } else { "staging" }),
        ..VpnGateway::default()
    }
}

pub(super) fn p2c(rng: &mut StdRng, out: &mut HwRegion, vpc_id: &str, slot: usize) {
    let id = net::huawei_id(rng);
    out.p2c_gateways.push(P2cVpnGateway {
        id: id.clone(),
        name: Some("remote-access".into()),
        status: Some("ACTIVE".into()),
        vpc_id: Some(vpc_id.into()),
        connect_subnet: Some(net::huawei_id(rng)),
        flavor: Some("Professional1".into()),
        eip: Some(Eip {
            ip_address: Some(net::huawei_gateway_ip(slot, 200, 0)),
            ip_version: Some(4),
            ..Eip::default()
        }),
        max_connection_number: Some(200),
        current_connection_number: Some(2),
        enterprise_project_id: Some("0".into()),
        admin_state_up: Some(true),
        frozen_effect: Some(0),
        created_at: Some(created(5)),
        ..P2cVpnGateway::default()
    });
    out.vpn_servers.push((
        id.clone(),
        VpnServer {
            id: net::huawei_id(rng),
            client_cidr: Some(format!("192.168.{}.0/24", (slot + 128) % 256)),
            local_subnets: vec![format!("10.{slot}.128.0/17")],
            client_auth_type: Some("CERT".into()),
            tunnel_protocol: Some("SSL".into()),
            ssl_options: Some(SslOptions {
                protocol: Some("TCP".into()),
                port: Some(443),
                encryption_algorithm: Some("AES-128-GCM".into()),
                authentication_algorithm: Some("SHA256".into()),
                is_compressed: Some(false),
            }),
            status: Some("ACTIVE".into()),
            created_at: Some(created(6)),
            ..VpnServer::default()
        },
    ));
    let sessions = ["carol", "dave"]
        .iter()
        .enumerate()
        .map(|(i, u)| P2cConnection {
            connection_id: net::huawei_id(rng),
            client_virtual_ip: Some(format!("192.168.{}.{}", (slot + 128) % 256, 10 + i)),
            client_ip: Some(format!("198.51.100.{}", 200 + i)),
            client_user_name: Some((*u).into()),
            inbound_bytes: Some(1_000_000 * (i as u64 + 1)),
            outbound_bytes: Some(300_000 * (i as u64 + 1)),
            connection_established_time: Some(created(10)),
            ..P2cConnection::default()
        })
        .collect();
    out.p2c_sessions.insert(id, sessions);
}
