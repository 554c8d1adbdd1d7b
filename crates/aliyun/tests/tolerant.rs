//! Tolerant-parsing edge cases beyond the seed examples (spec §5): empty or missing list
//! containers, nested configs sent as JSON strings, unknown fields, and the dual-tunnel
//! `TunnelOptionsSpecification` shape [EXT].

mod common;
use common::parse;

use aliyun::serde_util::StrBool;
use aliyun::types::connection::{DescribeVpnConnectionResponse, DescribeVpnConnectionsResponse};
use aliyun::types::vpn_gateway::DescribeVpnGatewaysResponse;

#[test]
fn empty_string_or_missing_container_is_an_empty_list() {
    let r: DescribeVpnGatewaysResponse =
        parse(r#"{"RequestId":"R","TotalCount":"0","VpnGateways":""}"#);
    assert!(r.vpn_gateways.items.is_empty());
    assert_eq!(r.total_count, Some(0));
    let r: DescribeVpnGatewaysResponse = parse(r#"{"RequestId":"R"}"#);
    assert!(r.vpn_gateways.items.is_empty());
    let r: DescribeVpnGatewaysResponse = parse(r#"{"VpnGateways":{"VpnGateway":""}}"#);
    assert!(r.vpn_gateways.items.is_empty());
}

#[test]
fn unknown_fields_are_kept_and_round_trip() {
    let body = r#"{"VpnGateways":{"VpnGateway":{"VpnGatewayId":"vpn-1","VpnType":"Normal","Tags":{"Tag":[]}}},"NewTop":1}"#;
    let r: DescribeVpnGatewaysResponse = parse(body);
    let gw = &r.vpn_gateways.items[0];
    assert_eq!(gw.extra["VpnType"], "Normal");
    assert_eq!(r.extra["NewTop"], 1);
    let out = serde_json::to_value(&r).unwrap();
    assert_eq!(out["VpnGateways"]["VpnGateway"][0]["VpnType"], "Normal");
}

#[test]
fn nested_configs_sent_as_json_strings_with_string_numbers() {
    let body = r#"{"VpnConnectionId":"vco-1","status":"ike_sa_established",
        "IkeConfig":"{\"IkeLifetime\":\"86400\",\"Psk\":\"k\"}",
        "VcoHealthCheck":{"Enable":true,"Interval":"3","Retry":"3"},
        "VpnBgpConfig":"{\"EnableBgp\":\"true\",\"LocalAsn\":\"10001\"}",
        "EnableDpd":"false"}"#;
    let r: DescribeVpnConnectionResponse = parse(body);
    let c = r.connection;
    assert_eq!(c.ike_config.unwrap().ike_lifetime, Some(86400));
    assert_eq!(c.vco_health_check.unwrap().enable, Some(StrBool(true)));
    assert_eq!(c.vpn_bgp_config.unwrap().local_asn, Some(10001));
    assert_eq!(c.enable_dpd, Some(false));
    assert_eq!(c.status.as_deref(), Some("ike_sa_established"));
}

#[test]
fn invalid_number_is_a_decode_error_not_a_silent_default() {
    let bad = r#"{"VpnGateways":{"VpnGateway":[{"CreateTime":"yesterday"}]}}"#;
    assert!(serde_json::from_str::<DescribeVpnGatewaysResponse>(bad).is_err());
}

#[test]
fn dual_tunnel_options_both_tunnels_ext() {
    // [EXT] Shape of the public API reference for dual-tunnel connections; not in the seeds.
    let body = r#"{"VpnConnections":{"VpnConnection":[{"VpnConnectionId":"vco-2",
      "TunnelOptionsSpecification":{"TunnelOptions":[
        {"TunnelId":"tun-1","Role":"master","State":"active","Status":"ipsec_sa_established",
         "TunnelIkeConfig":{"Psk":"p1","IkeVersion":"ikev2"},
         "TunnelIpsecConfig":{"IpsecLifetime":86400},
         "TunnelBgpConfig":{"EnableBgp":"true","BgpStatus":"success","PeerAsn":"65010"}},
        {"TunnelId":"tun-2","Role":"slave","State":"active","Status":"ike_sa_not_established",
         "TunnelIkeConfig":{"Psk":"p2"}}]}}]}}"#;
    let r: DescribeVpnConnectionsResponse = parse(body);
    let tunnels = &r.vpn_connections.items[0]
        .tunnel_options_specification
        .as_ref()
        .unwrap()
        .items;
    assert_eq!(tunnels.len(), 2);
    assert_eq!(
        tunnels[0].tunnel_bgp_config.as_ref().unwrap().peer_asn,
        Some(65010)
    );
    assert_eq!(tunnels[1].status.as_deref(), Some("ike_sa_not_established"));
    let shown = format!("{tunnels:?}");
    assert!(!shown.contains("\"p1\"") && !shown.contains("\"p2\""));
}
