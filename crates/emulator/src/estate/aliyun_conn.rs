//! Alibaba IPsec connection builder: dual tunnels with IKE/IPsec/BGP settings, health check
//! and the PSK (a secret kept in state; the real API returns it in clear, alibaba.md §5.5).

use aliyun::redact::Sensitive;
use aliyun::serde_util::StrBool;
use aliyun::types::connection::VpnConnection;
use aliyun::types::connection_config::{IkeConfig, IpsecConfig, VcoHealthCheck, VpnBgpConfig};
use aliyun::types::tunnel::{TunnelBgpConfig, TunnelOptions};
use aliyun::types::vpn_gateway::VpnGateway;
use rand::rngs::StdRng;
use rand::Rng;

use super::aliyun::BASE_MS;
use super::{net, Site};

fn ike(psk: &str, local: &str, remote: &str) -> IkeConfig {
    IkeConfig {
        psk: Some(Sensitive::new(psk)),
        ike_version: Some("ikev2".into()),
        ike_mode: Some("main".into()),
        ike_enc_alg: Some("aes256".into()),
        ike_auth_alg: Some("sha256".into()),
        ike_pfs: Some("group14".into()),
        ike_lifetime: Some(86400),
        local_id: Some(local.into()),
        remote_id: Some(remote.into()),
        ..IkeConfig::default()
    }
}

fn ipsec() -> IpsecConfig {
    IpsecConfig {
        ipsec_enc_alg: Some("aes256".into()),
        ipsec_auth_alg: Some("sha256".into()),
        ipsec_pfs: Some("group14".into()),
        ipsec_lifetime: Some(3600),
        ..IpsecConfig::default()
    }
}

pub(super) fn connection(
    rng: &mut StdRng,
    gw: &VpnGateway,
    cgw_id: &str,
    site: &Site,
    vpc_cidr: &str,
    tunnel_n: usize,
    n: usize,
) -> VpnConnection {
    let gw_ip = gw.internet_ip.clone().unwrap_or_default();
    let psk = net::psk(rng);
    let id = net::aliyun_id(rng, "vco");
    let tunnels = (0..2)
        .map(|t| {
            let (cidr, local, peer) = net::tunnel_cidr(tunnel_n * 2 + t);
            TunnelOptions {
                tunnel_id: Some(net::aliyun_id(rng, "tun")),
                customer_gateway_id: Some(cgw_id.into()),
                role: Some(if t == 0 { "master" } else { "slave" }.into()),
                state: Some("active".into()),
                status: Some("ipsec_sa_established".into()),
                zone_no: Some(format!("zone-{}", t + 1)),
                internet_ip: Some(gw_ip.clone()),
                enable_dpd: Some(true),
                enable_nat_traversal: Some(true),
                tunnel_ike_config: Some(ike(&psk, &gw_ip, &site.public_ip)),
                tunnel_ipsec_config: Some(ipsec()),
                tunnel_bgp_config: Some(TunnelBgpConfig {
                    enable_bgp: Some(StrBool(true)),
                    local_asn: Some(45104),
                    tunnel_cidr: Some(cidr),
                    local_bgp_ip: Some(local),
                    peer_asn: Some(site.asn),
                    peer_bgp_ip: Some(peer),
                    bgp_status: Some("success".into()),
                    ..TunnelBgpConfig::default()
                }),
                ..TunnelOptions::default()
            }
        })
        .collect::<Vec<_>>();
    let (cidr, local, peer) = net::tunnel_cidr(tunnel_n * 2);
    VpnConnection {
        vpn_connection_id: Some(id),
        vpn_gateway_id: gw.vpn_gateway_id.clone(),
        customer_gateway_id: Some(cgw_id.into()),
        name: Some(format!("to-{}", site.name.to_lowercase().replace(' ', "-"))),
        description: Some(format!("IPsec to {}", site.name)),
        local_subnet: Some(vpc_cidr.into()),
        remote_subnet: Some(site.cidr.clone()),
        create_time: Some(BASE_MS + n as i64 * 3_600_000 + rng.gen_range(0..1000)),
        status: Some("ipsec_sa_established".into()),
        effect_immediately: Some(false),
        enable_dpd: Some(true),
        enable_nat_traversal: Some(true),
        auto_config_route: Some(true),
        ike_config: Some(ike(&psk, &gw_ip, &site.public_ip)),
        ipsec_config: Some(ipsec()),
        vco_health_check: Some(VcoHealthCheck {
            enable: Some(StrBool(true)),
            dip: Some(site.cidr.replace(".0/24", ".1")),
            sip: Some(vpc_cidr.replace(".0/18", ".10")),
            interval: Some(3),
            retry: Some(3),
            status: Some("success".into()),
            ..VcoHealthCheck::default()
        }),
        vpn_bgp_config: Some(VpnBgpConfig {
            enable_bgp: Some(StrBool(true)),
            local_asn: Some(45104),
            tunnel_cidr: Some(cidr),
            local_bgp_ip: Some(local),
            peer_asn: Some(site.asn),
            peer_bgp_ip: Some(peer),
            status: Some("success".into()),
            ..VpnBgpConfig::default()
        }),
        tunnel_options_specification: Some(tunnels.into()),
        ..VpnConnection::default()
    }
}
