//! Seed examples for customer gateways, VPN connections and connection monitors.

use super::parse;
use crate::types::*;

#[test]
fn show_customer_gateway_seed_5607() {
    // Seed 004 lines 5607-5627 (OCR: `"id_value™: "10.#%* = 21"`, `"expire_time": "...:227"`).
    let r: ShowCustomerGatewayResponse = parse(
        r#"{"customer_gateway":{
        "id":"03c0aa3d-demo-a8df-va86-9d82473765d4","name":"cgw-ba08","id_type":"ip",
        "id_value":"10.*** *** 21","bgp_asn":65000,
        "ca_certificate":{"serial_number":"14257156674311863338","signature_algorithm":"SM3WITHSM2",
          "issuer":"C=CN,O=a0002,CN=XXX","subject":"C=CN,O=a0002,CN=XXX",
          "expire_time":"2024-05-22T07:34:22Z","is_updatable":true},
        "created_at":"2021-12-21T16:49:28.108+08:00","updated_at":"2021-12-21T16:49:28.108+08:00",
        "tags":[]},"request_id":"8111d315-5024-45c9-8ee3-5ef676edb0d1"}"#,
    );
    let c = r.customer_gateway;
    assert_eq!(c.bgp_asn, Some(65000));
    assert_eq!(c.ca_certificate.unwrap().is_updatable, Some(true));
}

#[test]
fn create_customer_gateway_seed_5460() {
    // Seed 004 lines 5460-5479 (create response; 201).
    let r: ShowCustomerGatewayResponse = parse(
        r#"{"customer_gateway":{
        "id":"03c0aa3d-demo-a8df-va86-9d82473765d4","name":"cgw-2abf","id_type":"ip",
        "id_value":"10.***.***.21","bgp_asn":65000,
        "ca_certificate":{"serial_number":"14257156674311863338","signature_algorithm":"SM3WITHSM2",
          "issuer":"C=CN,O=a0002,CN=XXX","subject":"C=CN,O=a0002,CN=XXX",
          "expire_time":"2024-05-22T07:34:22Z","is_updatable":true},
        "created_at":"2021-12-21T16:49:28.108+08:00","updated_at":"2021-12-21T16:49:28.108+08:00"},
      "request_id":"7e0383bf-a7fb-461b-a926-baa8a795bf1a"}"#,
    );
    assert_eq!(r.customer_gateway.name.as_deref(), Some("cgw-2abf"));
}

#[test]
fn list_customer_gateways_seed_5766() {
    // Seed 004 lines 5766-5801. The next_marker (OCR `...937Z2`) names 2025-04-28 while the
    // last item was created 2025-06-28: the example's marker is not the last created_at.
    let r: ListCustomerGatewaysResponse = parse(
        r#"{"customer_gateways":[{
        "id":"e67d6e27-demo-a8df-va86-be9a0f0168e9","name":"cgw-a45b","id_type":"ip",
        "id_value":"100.*** *** 81","bgp_asn":65588,
        "ca_certificate":{"serial_number":"14257156674311863338","signature_algorithm":"SM3WITHSM2",
          "issuer":"C=CN,O=a0002,CN=XXX","subject":"C=CN,O=a0002,CN=XXX",
          "expire_time":"2024-05-22T07:34:22Z","is_updatable":true},
        "created_at":"2025-06-28T07:36:24.923Z","updated_at":"2025-06-28T07:36:24.923Z","tags":[]
      },{"id":"312067bb-demo-a8df-va86-09dc941bbffc","name":"cgw-21a3","id_type":"fqdn",
        "id_value":"123******456","created_at":"2025-06-28T06:25:01.937Z",
        "updated_at":"2025-06-28T06:25:01.937Z"}],
      "total_count":2,"page_info":{"next_marker":"2025-04-28T06:25:01.937Z","current_count":2},
      "request_id":"82a108d9-0929-42e9-adb7-e146c04c587c"}"#,
    );
    assert_eq!(r.customer_gateways[1].id_type.as_deref(), Some("fqdn"));
    assert_eq!(r.customer_gateways[1].bgp_asn, None);
    let next = crate::pagination::next_marker(&r.customer_gateways, r.page_info.as_ref(), 2, None);
    assert_eq!(next.as_deref(), Some("2025-04-28T06:25:01.937Z"));
}

#[test]
fn show_vpn_connection_seed_9011() {
    // Seed 004 lines 9011-9084 (show connection, the only example with bgp_peer).
    let r: ShowVpnConnectionResponse = parse(
        r#"{"vpn_connection":{
        "id":"98c5af8a-demo-a8df-va86-ae2280a6f4c3","name":"vpn-1655","status":"DOWN",
        "vgw_id":"b32d91a4-demo-a8df-va86-e907174eb11d","vgw_ip":"0c464dad-demo-a8df-va86-c22bb0eb0bde",
        "style":"POLICY","cgw_id":"5247ae10-demo-a8df-va86-dd36659a7f5d",
        "peer_subnets":["192.168.0.0/24"],"tunnel_local_address":"169.254.56.225/30",
        "tunnel_peer_address":"169.254.56.226/30",
        "policy_rules":[{"rule_index":1,"source":"10.0.0.0/24","destination":["192.168.0.0/24"]}],
        "ikepolicy":{"ike_version":"v2","authentication_algorithm":"sha2-256","encryption_algorithm":"aes-128",
          "dh_group":"group15","authentication_method":"pre-share","lifetime_seconds":86400,
          "local_id_type":"ip","local_id":"10.*** *** 134","peer_id_type":"ip","peer_id":"88.*** *** 164",
          "dpd":{"timeout":15,"interval":30,"msg":"seq-hash-notify"}},
        "ipsecpolicy":{"authentication_algorithm":"sha2-256","encryption_algorithm":"aes-128","pfs":"group15",
          "transform_protocol":"esp","lifetime_seconds":3600,"encapsulation_mode":"tunnel"},
        "created_at":"2025-06-26T13:41:34.626Z","updated_at":"2025-06-26T13:41:34.626Z",
        "enterprise_project_id":"0","ha_role":"master","tags":[],"policy_rules_v6":[],
        "bgp_peer":{"peer_ip_address":"169.254.173.1","peer_asn":64516,"state":"established",
          "state_duration":"3d01h34m24s","num_received_routes":5,"num_message_received":15541,
          "num_message_sent":15516}},
      "request_id":"f91082d4-6d49-479c-ad1d-4e552a9f5cae"}"#,
    );
    let c = r.vpn_connection;
    assert_eq!(c.style.as_deref(), Some("POLICY"));
    assert_eq!(c.policy_rules[0].destination, ["192.168.0.0/24"]);
    assert_eq!(c.ikepolicy.unwrap().dpd.unwrap().timeout, Some(15));
    assert_eq!(c.bgp_peer.unwrap().num_received_routes, Some(5));
    assert!(c.psk.is_none());
}

#[test]
fn list_vpn_connections_seed_9514() {
    // Seed 004 lines 9514-9621 (OCR `enable_nga` is kept: unknown fields go to `extra`).
    let r: ListVpnConnectionsResponse = parse(
        r#"{"vpn_connections":[{
        "id":"228a68f0-demo-a8df-va86-a9919a3ea3de","name":"vpn-56ea","status":"DOWN",
        "vgw_id":"ba90819b-demo-a8df-va86-3a01622856a5","vgw_ip":"3ea3b006-demo-a8df-va86-ae180ae07885",
        "style":"STATIC","cgw_id":"537d9c26-demo-a8df-va86-99364a410f00","peer_subnets":["192.168.1.0/24"],
        "tunnel_local_address":"169.254.149.2/30","tunnel_peer_address":"169.254.149.1/30","enable_nga":true,
        "ikepolicy":{"ike_version":"v2","authentication_algorithm":"sha2-256","encryption_algorithm":"aes-128",
          "dh_group":"group15","authentication_method":"pre-share","lifetime_seconds":86400,"local_id_type":"ip",
          "local_id":"10.1.1.216","peer_id_type":"ip","peer_id":"10.0.1.67",
          "dpd":{"timeout":15,"interval":30,"msg":"seg-hash-notify"}},
        "ipsecpolicy":{"authentication_algorithm":"sha2-256","encryption_algorithm":"aes-128","pfs":"group15",
          "transform_protocol":"esp","lifetime_seconds":3600,"encapsulation_mode":"tunnel"},
        "created_at":"2025-06-11T13:59:59.633Z","updated_at":"2025-06-11T13:59:59.633Z","enterprise_project_id":"0"
      },{"id":"a4df33ca-demo-a8df-va86-410a7dd6973f","name":"vpn-15ea","status":"DOWN",
        "vgw_id":"02217fb1-demo-a8df-va86-806ea291a8f2","vgw_ip":"f5acac2c-demo-a8df-va86-72b819a5f525",
        "style":"POLICY","cgw_id":"10a4496f-demo-a8df-va86-7510f4b2af33",
        "tunnel_local_address":"169.254.77.169/30","tunnel_peer_address":"169.254.77.170/30",
        "policy_rules":[{"source":"10.0.0.0/24","destination":["192.168.44.0/24"]}],
        "ikepolicy":{"ike_version":"v2","authentication_algorithm":"sha2-256","encryption_algorithm":"aes-128",
          "dh_group":"group15","authentication_method":"pre-share","lifetime_seconds":3600,"local_id_type":"ip",
          "local_id":"88.*** *** 167","peer_id_type":"ip","peer_id":"10.***** 21",
          "dpd":{"interval":30,"timeout":15,"msg":"seg-hash-notify"}},
        "ipsecpolicy":{"authentication_algorithm":"sha2-256","encryption_algorithm":"aes-128","pfs":"group15",
          "transform_protocol":"esp","lifetime_seconds":3600,"encapsulation_mode":"tunnel"},
        "created_at":"2022-06-09T07:24:27.674Z","updated_at":"2022-06-09T07:24:27.674Z",
        "enterprise_project_id":"0","ha_role":"master"}],
      "page_info":{"next_marker":"2025-06-09T07:24:27.674Z","current_count":2},
      "request_id":"1d94a4e8-fdc2-7bfd-943e-19bfadb234ac","total_count":2}"#,
    );
    let c = &r.vpn_connections[0];
    assert_eq!(c.enable_nqa, None);
    assert_eq!(c.extra["enable_nga"], true);
    assert_eq!(r.vpn_connections[1].policy_rules[0].rule_index, None);
    assert_eq!(r.total_count, Some(2));
}

#[test]
fn vpn_connection_log_seed_10967() {
    // Seed 004 lines 10967-10985 (negotiation log; `time` is Unix seconds).
    let r: ConnectionLogsResponse = parse(
        r#"{"logs":[{"time":1735024112,
        "raw_message":"2024-12-24T07:08:32.730275+00:00 host-xx-xx-xx-xx ipsec_ike[30085]: [xx.xx.xx.xx] IPSec tunnel negotiation fails. (IfiIndex=[207], PolicyName=[], SeqNum=[0], PeerAddress=[xx.xx.xx.xx], PeerPort=[500], Reason=[version mismatch])"}],
      "request_id":"f15d2c621593f2018c23eb1d49e3605e"}"#,
    );
    assert_eq!(r.logs[0].time, Some(1735024112));
    assert!(r.logs[0]
        .raw_message
        .as_deref()
        .unwrap()
        .contains("version mismatch"));
}

#[test]
fn reset_vpn_connection_seed_11021() {
    // Seed 004 lines 11021-11024 (reset response is only a request id).
    let r: serde_json::Value = parse(r#"{"request_id":"c63d850876bcddbdfbd11776cce57914"}"#);
    assert_eq!(r["request_id"], "c63d850876bcddbdfbd11776cce57914");
}

#[test]
fn show_connection_monitor_seed_11180() {
    // Seed 004 lines 11180-11193 (type/proto_type truncated by OCR; restored from 11108-11118).
    let r: ShowConnectionMonitorResponse = parse(
        r#"{"connection_monitor":{
        "id":"76f64229-demo-a8df-va86-3907e2815b6d","status":"ACTIVE",
        "vpn_connection_id":"cae286f2-demo-a8df-va86-e22416ca1220","type":"gateway",
        "source_ip":"88.****** 60","destination_ip":"88.****** 32","proto_type":"icmp"},
      "request_id":"6d212bc0-ecb1-457b-977b-5e815fce658d"}"#,
    );
    assert_eq!(
        r.connection_monitor.monitor_type.as_deref(),
        Some("gateway")
    );
}

#[test]
fn list_connection_monitors_seed_11273() {
    // Seed 004 lines 11273-11297 (a. all monitors).
    let r: ListConnectionMonitorsResponse = parse(
        r#"{"connection_monitors":[
        {"id":"76f64229-demo-a8df-va86-3907e2815b6d","status":"ACTIVE",
         "vpn_connection_id":"2342adf2-demo-a8df-va86-12agq511s0917","type":"gateway",
         "source_ip":"88.****** 60","destination_ip":"88.*** *** 32","proto_type":"icmp"},
        {"id":"85t53318-demo-a8df-va86-zq9312525f6t","status":"ACTIVE",
         "vpn_connection_id":"cae286f2-demo-a8df-va86-e22416ca1220","type":"gateway",
         "source_ip":"89.7** *** 21","destination_ip":"88.*** *** 12","proto_type":"icmp"}],
      "request_id":"531f8b2c-ec55-45d8-90a3-ede922f7d63c"}"#,
    );
    assert_eq!(r.connection_monitors.len(), 2);
    assert_eq!(r.connection_monitors[1].proto_type.as_deref(), Some("icmp"));
}
