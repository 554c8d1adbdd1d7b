//! P2C gateways and VPN servers.

use super::parse;
use crate::map::huawei::{p2c_gateway, vpn_server};
use crate::model::{Spec, State};
use huawei::types as hw;

/// Seed 004 lines 11779-11838.
const P2C_GATEWAY: &str = r#"{"p2c_vpn_gateway":{
    "id":"3b5b64e4-2927-4062-acf6-05b0b842bbfe","status":"ACTIVE",
    "vpc_id":"05b9d7de-9acd-4a05-b497-1a3c75afaa1a","flavor":"Professional1",
    "availability_zone_ids":["cn-south-1f","cn-south-1e"],
    "eip":{"id":"f0bac06a-88a7-4d37-8e2e-c37691ee4ba2","ip_version":4,"type":"5_youxuanbgp",
      "ip_address":"215.** *** 120","charge_mode":"bandwidth","bandwidth_size":20,"share_type":"PER"},
    "max_connection_number":10,"current_connection_number":3,"tags":[],
    "order_id":"CS***WTT1QO","admin_state_up":true,"frozen_effect":0,
    "created_at":"2024-06-14T10:24:12.147Z","updated_at":"2024-06-14T10:24:12.147Z"},
  "request_id":"2ddd2f6107a8164ce6f6268bd991e57c"}"#;

/// Seed 004 lines 13498-13549 (the server of the gateway above).
const VPN_SERVERS: &str = r#"{"vpn_servers":[{
    "id":"2407a20d-0bf7-4530-ba9a-7ffa0cedfa3b","p2c_vgw_id":"3b5b64e4-2927-4062-acf6-05b0b842bbfe",
    "client_cidr":"1.1.0.0/16","local_subnets":["192.168.12.0/24","192.168.1.0/24"],
    "tunnel_protocol":"SSL","client_auth_type":"LOCAL_PASSWORD",
    "server_certificate":{"id":"scs1716171403922","name":"lsh-newcert",
      "expiration_time":"2024-06-19T02:15:26Z","signature_algorithm":"SHA256WITHRSA","source":"CCM"},
    "client_ca_certificates":[],
    "ssl_options":{"protocol":"TCP","port":443,"encryption_algorithm":"AES-128-GCM",
      "authentication_algorithm":"SHA256","is_compressed":false},
    "status":"ACTIVE","created_at":"2024-06-14T01:14:56.802Z","updated_at":"2024-06-14T08:53:22.855Z"}],
  "request_id":"3378c265585ffb8aac68ec39a2db67a1"}"#;

#[test]
fn p2c_gateway_is_a_client_vpn_gateway() {
    let r: hw::ShowP2cGatewayResponse = parse(P2C_GATEWAY);
    let mut g = r.p2c_vpn_gateway;
    let it = p2c_gateway(&g).unwrap();
    assert_eq!(it.cloud_id, "3b5b64e4-2927-4062-acf6-05b0b842bbfe");
    assert_eq!(it.state.state, State::Up);
    let Spec::VpnGateway(s) = &it.spec else {
        panic!()
    };
    assert!(s.ssl_vpn);
    assert_eq!(s.public_ips, ["215.** *** 120"]);
    assert_eq!(s.size_label.as_deref(), Some("Professional1"));
    g.frozen_effect = Some(1);
    let st = p2c_gateway(&g).unwrap().state;
    assert_eq!((st.state, st.raw.as_deref()), (State::Down, Some("ACTIVE")));
    assert_eq!(st.reason.as_deref(), Some("frozen_effect=1"));
}

#[test]
fn vpn_server_with_counts_from_its_gateway() {
    let g: hw::ShowP2cGatewayResponse = parse(P2C_GATEWAY);
    let r: hw::ListVpnServersResponse = parse(VPN_SERVERS);
    let it = vpn_server(&r.vpn_servers[0], Some(&g.p2c_vpn_gateway)).unwrap();
    assert_eq!(it.cloud_id, "2407a20d-0bf7-4530-ba9a-7ffa0cedfa3b");
    assert_eq!(
        it.parent_id.as_deref(),
        Some("3b5b64e4-2927-4062-acf6-05b0b842bbfe")
    );
    assert_eq!(it.state.state, State::Up);
    let Spec::SslVpnServer(s) = &it.spec else {
        panic!()
    };
    assert_eq!(s.client_pool.as_deref(), Some("1.1.0.0/16"));
    assert_eq!(s.local_prefixes, ["192.168.12.0/24", "192.168.1.0/24"]);
    assert_eq!((s.protocol.as_deref(), s.port), (Some("TCP"), Some(443)));
    assert_eq!(s.cipher.as_deref(), Some("AES-128-GCM"));
    assert_eq!(s.compress, Some(false));
    assert_eq!((s.connections, s.max_connections), (Some(3), Some(10)));
}

#[test]
fn vpn_server_alone_or_with_another_gateway_has_no_counts() {
    let mut g: hw::ShowP2cGatewayResponse = parse(P2C_GATEWAY);
    let r: hw::ListVpnServersResponse = parse(VPN_SERVERS);
    let mut s = r.vpn_servers[0].clone();
    let alone = vpn_server(&s, None).unwrap();
    assert!(matches!(&alone.spec, Spec::SslVpnServer(v) if v.connections.is_none()));
    g.p2c_vpn_gateway.id = "other".into();
    let other = vpn_server(&s, Some(&g.p2c_vpn_gateway)).unwrap();
    assert!(matches!(&other.spec, Spec::SslVpnServer(v) if v.max_connections.is_none()));
    s.status = Some("FROZEN".into());
    if let Some(o) = s.ssl_options.as_mut() {
        o.port = Some(-1);
    }
    let it = vpn_server(&s, None).unwrap();
    assert_eq!(it.state.state, State::Down);
    assert!(matches!(&it.spec, Spec::SslVpnServer(v) if v.port.is_none()));
    s.id = " ".into();
    assert!(vpn_server(&s, None).is_none());
}
