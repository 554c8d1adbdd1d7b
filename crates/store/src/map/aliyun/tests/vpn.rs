//! IPsec connections: tunnels, phases, BGP and health facets.

use crate::map::aliyun::connection;
use crate::model::{Facet, State};
use aliyun::types::connection::VpnConnection;
use serde_json::json;

#[test]
fn classic_connection_with_bgp_and_health() {
    let c: VpnConnection = serde_json::from_value(json!({
        "VpnConnectionId": "vco-1", "VpnGatewayId": "vpn-1", "CustomerGatewayId": "cgw-1",
        "Status": "ike_sa_established", "LocalSubnet": "10.0.0.0/16",
        "RemoteSubnet": "192.168.0.0/24,192.168.1.0/24",
        "IkeConfig": {"Psk": "hush", "IkeVersion": "ikev2"},
        "VpnBgpConfig": {"EnableBgp": "true", "Status": "false", "PeerAsn": 65001},
        "VcoHealthCheck": {"Enable": "true", "Status": "failed", "Sip": "10.0.0.1"}
    }))
    .unwrap();
    let rows = connection(&c).unwrap();
    assert_eq!(rows.connection.state.state, State::Partial);
    assert_eq!(rows.connection.raw["IkeConfig"]["Psk"], "******");
    let t = &rows.tunnels[0];
    assert_eq!(t.cloud_id, "vco-1#1");
    assert_eq!(t.facets[&Facet::Ike].state, State::Up);
    assert_eq!(t.facets[&Facet::Ipsec].state, State::Down);
    assert_eq!(t.facets[&Facet::Bgp].state, State::Down);
    assert_eq!(t.facets[&Facet::Health].state, State::Down);
    assert_eq!(rows.bgp_sessions.len(), 1);
    assert_eq!(rows.health_checks[0].state.state, State::Down);
}

#[test]
fn dual_tunnel_connection_is_partial_when_one_tunnel_is_down() {
    let c: VpnConnection = serde_json::from_value(json!({
        "VpnConnectionId": "vco-2", "Status": "ipsec_sa_established",
        "TunnelOptionsSpecification": {"TunnelOptions": [
            {"TunnelId": "tun-1", "Status": "ipsec_sa_established", "Role": "master"},
            {"TunnelId": "tun-2", "Status": "ike_sa_not_established", "Role": "slave"}
        ]}
    }))
    .unwrap();
    let rows = connection(&c).unwrap();
    assert_eq!(rows.tunnels.len(), 2);
    assert_eq!(rows.connection.state.state, State::Partial);
    assert_eq!(rows.tunnels[1].state.state, State::Down);
}
