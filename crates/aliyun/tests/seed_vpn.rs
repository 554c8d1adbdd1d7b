//! Seed response examples of the VPN Gateway operations (S0 = seed 000, S1 = seed 001).
//!
//! Every response example is copied from the seed documents (file and line cited on each
//! test; only PDF page-break lines and stray code fences were dropped). Each test checks
//! the example parses into the typed response, spot-checks fields, and that the typed value
//! survives a serialize → deserialize round trip.

mod common;
use aliyun::serde_util::StrBool;
use aliyun::types::connection::{
    DescribeVpnConnectionResponse, DescribeVpnConnectionsResponse,
    DownloadVpnConnectionConfigResponse,
};
use aliyun::types::customer_gateway::{
    DescribeCustomerGatewayResponse, DescribeCustomerGatewaysResponse,
};
use aliyun::types::logs::DescribeVpnLogsResponse;
use aliyun::types::ssl_vpn::{DescribeSslVpnClientCertsResponse, DescribeSslVpnServersResponse};
use aliyun::types::tag::ListTagResourcesResponse;
use aliyun::types::vpn_gateway::{DescribeVpnGatewayResponse, DescribeVpnGatewaysResponse};
use aliyun::types::vpn_route::{
    DescribeVpnPbrRouteEntriesResponse, DescribeVpnRouteEntriesResponse,
};
use aliyun::types::write::WriteResponse;
use aliyun::types::Paged;
use common::parse;

/// Seed 000_9af9b6cfe3b5cfb1.txt L580-L600 (S0).
#[test]
fn describe_vpn_gateways() {
    // Arrange
    let body = r#"{
  "PageNumber":1,
  "TotalCount":1,
  "PageSize":10,
  "VpnGateways":{
    "VpnGateway":[
      {
        "Status":"active",
        "VpnGatewayId":"vpn-bp1q8bgx4xnkm2ogj0fiu",
        "Spec":"5M",
        "BusinessStatus":"Normal",
        "CreateTime":1492753580000,
        "InternetIp":"116.62.69.xxx",
        "EndTime":1495382400000,
        "VSwitchId":"vsw-bp1y9ovl1cu9ou4tvma0l",
        "VpcId":"vpc-bp1ub1yt9cvakoelj1y9c"
      }
    ]
  },
  "RequestId":"B2CD1315-CA2B-47B1-9DA5-8F1D69C48E82"
}"#;
    // Act
    let r: DescribeVpnGatewaysResponse = parse(body);
    // Assert
    assert_eq!(r.total_count, Some(1));
    let gw = &r.vpn_gateways.items[0];
    assert_eq!(
        gw.vpn_gateway_id.as_deref(),
        Some("vpn-bp1q8bgx4xnkm2ogj0fiu")
    );
    assert_eq!(gw.create_time, Some(1492753580000));
    assert_eq!(gw.spec.as_deref(), Some("5M"));
    assert_eq!(
        gw.created_at().unwrap().to_rfc3339(),
        "2017-04-21T05:46:20+00:00"
    );
    assert_eq!(r.into_items().len(), 1);
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L681-L692 (S0).
#[test]
fn describe_vpn_gateway() {
    // Arrange
    let body = r#"{
  "Status": "active",
  "VpnGatewayId": "vpn-bp1q8bgx4xnkm2ogj0fiu",
  "Spec": "5M",
  "BusinessStatus": "Normal",
  "RequestId": "E98A9651-7098-40C7-8F85-C818D1EBBA85",
  "CreateTime": 1492753580000,
  "InternetIp": "116.62.69.64",
  "EndTime": 1495382400000,
  "VSwitchId": "vsw-bp1y9ovl1cu9ou4tvma0l",
  "VpcId": "vpc-bp1ub1yt9cvakoelj1y9c"
}"#;
    // Act
    let r: DescribeVpnGatewayResponse = parse(body);
    // Assert
    assert_eq!(
        r.request_id.as_deref(),
        Some("E98A9651-7098-40C7-8F85-C818D1EBBA85")
    );
    assert_eq!(r.gateway.internet_ip.as_deref(), Some("116.62.69.64"));
    assert_eq!(r.gateway.status.as_deref(), Some("active"));
    assert!(r.gateway.extra.is_empty());
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L463-L476 (S0).
/// ModifyVpnGatewayAttribute returns the full gateway incl. EnableBgp/AutoPropagate (spec §3.2).
#[test]
fn modify_vpn_gateway_attribute_full_object() {
    // Arrange
    let body = r#"{
  "EnableBgp": true,
  "RequestId": "CA5C51BD-EF81-44FF-8311-5AC81ADECC9D",
  "EndTime": 1592236800000,
  "VSwitchId": "vsw-gw8m2k04wt3onzehf****",
  "CreateTime": 1589526435000,
  "AutoPropagate": true,
  "IntranetIp": "10.0.0.251",
  "Name": "VPN11",
  "VpcId": "vpc-gw82wgx7a8fakx4co****",
  "InternetIp": "8.xx.xx.192",
  "VpnGatewayId": "vpn-gw8bv722zvjht7ia****",
  "Spec": "5M"
}"#;
    // Act
    let r: DescribeVpnGatewayResponse = parse(body);
    // Assert
    assert_eq!(r.gateway.enable_bgp, Some(true));
    assert_eq!(r.gateway.auto_propagate, Some(true));
    assert_eq!(r.gateway.intranet_ip.as_deref(), Some("10.0.0.251"));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L1244-L1259 (S0).
#[test]
fn describe_customer_gateways() {
    // Arrange
    let body = r#"{
  "PageNumber":1,
  "TotalCount":1,
  "PageSize":10,
  "RequestId":"E82612A9-CB90-4D7E-B394-1DB7F6509B29",
  "CustomerGateways":{
    "CustomerGateway":[
      {
        "CustomerGatewayId":"cgw-bp1pvpl9r9adju6l5nxck",
        "Name":"test",
        "CreateTime":1492747187000,
        "IpAddress":"139.196.32.xxx"
      }
    ]
  }
}"#;
    // Act
    let r: DescribeCustomerGatewaysResponse = parse(body);
    // Assert
    let cgw = &r.customer_gateways.items[0];
    assert_eq!(
        cgw.customer_gateway_id.as_deref(),
        Some("cgw-bp1pvpl9r9adju6l5nxck")
    );
    assert_eq!(cgw.ip_address.as_deref(), Some("139.196.32.xxx"));
    assert_eq!(cgw.asn, None);
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L1325-L1331 (S0).
#[test]
fn describe_customer_gateway() {
    // Arrange
    let body = r#"{
  "Name": "test",
  "CustomerGatewayId": "cgw-bp1pvpl9r9adju6l5nxck",
  "CreateTime": 1492747187000,
  "RequestId": "A0457BC9-6C0F-4437-AB9D-FB2EABC1D6A2",
  "IpAddress": "139.196.32.xxx"
}"#;
    // Act
    let r: DescribeCustomerGatewayResponse = parse(body);
    // Assert
    assert_eq!(r.gateway.name.as_deref(), Some("test"));
    assert_eq!(r.gateway.create_time, Some(1492747187000));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L2633-L2670 (S0).
#[test]
fn describe_vpn_connections_s0() {
    // Arrange
    let body = r#"{
  "PageNumber":1,
  "VpnConnections": {
    "VpnConnection": [
      {
        "CustomerGatewayId":"cgw-bp1pvpl9r9adjxxxxxxxx",
        "Name": "vpn connection test",
        "RemoteSubnet":"2.2.2.0/24",
        "IpsecConfig":{
          "IpsecLifetime":86400,
          "IpsecAuthAlg":"sha1",
          "IpsecPfs":"group2",
          "IpsecEncAlg":"aes"
        },
        "VpnGatewayId":"vpn-bp1q8bgx4xnkmxxxxxxxx",
        "EffectImmediately":true,
        "status":"ipsec_sa_established",
        "VpnConnectionId":"vco-bp10lz7aejumdx",
        "CreateTime":1492753817000,
        "LocalSubnet":"1.1.1.0/24,1.1.2.0/24",
        "IkeConfig":{
          "IkeEncAlg":"aes",
          "IkePfs":"group2",
          "RemotId":"139.xx.xx. 167",
          "IkeAuthAlg":"sha1",
          "Psk":"pgw6dy",
          "IkeMode":"main",
          "IkeLifetime":86400,
          "IkeVersion":"ikev1",
          "LocalId":"116.xx.xx. 64"
        }
      }
    ]
  },
  "TotalCount":1,
  "PageSize":10,
  "RequestId": "54A4B3D0-DF4D-4C54-B8DC-5DC8DD49C939"
}"#;
    // Act
    let r: DescribeVpnConnectionsResponse = parse(body);
    // Assert
    let c = &r.vpn_connections.items[0];
    // Lower-case `status` and OCR `RemotId` are accepted (spec §5.2).
    assert_eq!(c.status.as_deref(), Some("ipsec_sa_established"));
    let ike = c.ike_config.as_ref().unwrap();
    assert_eq!(ike.remote_id.as_deref(), Some("139.xx.xx. 167"));
    assert_eq!(ike.psk.as_ref().unwrap().expose(), "pgw6dy");
    assert!(
        !format!("{c:?}").contains("pgw6dy"),
        "Debug must redact the PSK"
    );
    assert_eq!(c.ipsec_config.as_ref().unwrap().ipsec_lifetime, Some(86400));
    assert_eq!(c.effect_immediately, Some(true));
}

/// Seed 001_3b52cc0e97a60bdb.txt L5650-L5687 (S1).
#[test]
fn describe_vpn_connections_s1_ocr_spellings() {
    // Arrange
    let body = r#"{
  "PageNumber": 1,
  "VpnConnections": {
    "VpnConnection": [
      {
        "Name": "vpn connection test",
        "CustomerGatewayId": "cgw-bp1pvpl9r9adju6l5nxck",
        "RemoteSubnet": "2.2.2.0/24",
        "IpssecConfig": {
          "IpssecLifetime": 86400,
          "IpssecAuthAlg": "sha1",
          "IpssecPfs": "group2",
          "IpssecEncAlg": "aes"
        },
        "EffectImmediately": true,
        "VpnGatewayId": "vpn-bp1q8bgx4xnkm2ogj0fiu",
        "CreateTime": 1492753817000,
        "VpnConnectionId": "vco-bp10lz7aejumd2vxoggev",
        "status": "ipsec_sa_established",
        "LocalSubnet": "1.1.1.0/24,1.1.2.0/24",
        "IkeConfig": {
          "IkeEncAlg": "aes",
          "RemoteId": "139.196.32.167",
          "IkePfs": "group2",
          "IkeAuthAlg": "sha1",
          "Psk": "pgw6dy7d1i8in7x5",
          "IkeMode": "main",
          "IkeLifetime": 86400,
          "IkeVersion": "ikev1",
          "LocalId": "116.62.69.64"
        }
      }
    ]
  },
  "TotalCount": 1,
  "PageSize": 10,
  "RequestId": "54A4B3D0-DF4D-4C54-B8DC-5DC8DD49C939"
}"#;
    // Act
    let r: DescribeVpnConnectionsResponse = parse(body);
    // Assert
    let c = &r.vpn_connections.items[0];
    // `IpssecConfig` / `IpssecLifetime` (OCR, spec §5.2) map to the canonical fields.
    let ipsec = c.ipsec_config.as_ref().unwrap();
    assert_eq!(ipsec.ipsec_lifetime, Some(86400));
    assert_eq!(ipsec.ipsec_pfs.as_deref(), Some("group2"));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L2824-L2876 (S0).
#[test]
fn describe_vpn_connection() {
    // Arrange
    let body = r#"{
  "LocalSubnet": "10.0.0.0/8",
  "Status": "ipsec_sa_established",
  "RequestId": "6FBAE985-A938-49CB-9129-621AA3A88728",
  "CustomerGatewayId": "cgw-gw8usu4zsk23pf69f****",
  "CreateTime": 1590495160000,
  "Name": "VPN1-CGW22",
  "EffectImmediately": false,
  "RemoteSubnet": "192.168.0.0/16",
  "VcoHealthCheck": {
    "Status": "success",
    "Enable": "false",
    "Dip": "",
    "Sip": "",
    "Retry": 0,
    "Interval": 0
  },
  "VpnGatewayId": "vpn-gw8bvv722zwjht7ia****",
  "IpsecConfig": {
    "IpsecPfs": "group2",
    "IpsecEncAlg": "aes",
    "IpsecAuthAlg": "sha1",



    "IpsecLifetime": 86400
  },
  "VpnConnectionId": "vco-gw8tylx7hvwhl7tu8****",
  "EnableNatTraversal": true,
  "EnableDpd": true,
  "IkeConfig": {
    "IkeAuthAlg": "sha1",
    "LocalId": "8.xx.xx.192",
    "IkeEncAlg": "aes",
    "IkeVersion": "ikev1",
    "IkeMode": "main",
    "IkeLifetime": 86400,
    "Psk": "123456",
    "RemoteId": "8.xx.xx.146",
    "IkePfs": "group2"
  },
  "VpnBgpConfig": {
    "Status": "success",
    "EnableBgp": "true",
    "LocalAsn": 10001,
    "TunnelCidr": "169.254.10.0/30",
    "PeerBgpIp": "169.254.10.2",
    "PeerAsn": 10001,
    "LocalBgpIp": "169.254.10.1"
  }
}"#;
    // Act
    let r: DescribeVpnConnectionResponse = parse(body);
    // Assert
    let c = &r.connection;
    assert_eq!(c.status.as_deref(), Some("ipsec_sa_established"));
    assert_eq!(c.enable_dpd, Some(true));
    let hc = c.vco_health_check.as_ref().unwrap();
    assert_eq!(hc.enable, Some(StrBool(false)));
    assert_eq!(hc.status.as_deref(), Some("success"));
    let bgp = c.vpn_bgp_config.as_ref().unwrap();
    assert_eq!(bgp.enable_bgp, Some(StrBool(true)));
    assert_eq!((bgp.local_asn, bgp.peer_asn), (Some(10001), Some(10001)));
    assert_eq!(bgp.status.as_deref(), Some("success"));
    assert!(
        !format!("{r:?}").contains("123456"),
        "Debug must redact the PSK"
    );
    // Serialized back, Enable stays the documented string form.
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["VcoHealthCheck"]["Enable"], "false");
}

/// Seed 002_754d4f709af9bfd4.txt L16367-L16404 (S2).
#[test]
fn describe_vpn_connection_s2_list_wrapped() {
    // Arrange
    let body = r#"{
 "PageNumber":1,
 "VpnConnections":{
  "VpnConnection":[
   {
    "CustomerGatewayId":"cgw-bp1wl8dtz3auwlavwhgcw",
    "Name":"c2",
    "Status":"ike_sa_not_established",
    "RemoteSubnet":"192.168.0.0/16",
    "IpsecConfig":{
     "IpsecLifetime":86400,
     "IpsecAuthAlg":"md5",
     "IpsecPfs":"group2",
     "IpsecEncAlg":"aes"
    },
    "VpnGatewayId":"vpn-bp1yfrjxn4d5t63tbqq70",
    "EffectImmediately":false,
    "VpnConnectionId":"vco-bp1w3m1p23iftycvseuc2",
    "CreateTime":1519391420000,
    "LocalSubnet":"172.16.0.0/12",
    "IkeConfig":{
     "IkeEncAlg":"aes",
     "IkePfs":"group2",
     "RemoteId":"47.97.176.95",
     "IkeAuthAlg":"sha1",
     "Psk":"1234567",
     "IkeMode":"aggressive",
     "IkeLifetime":86400,
     "IkeVersion":"ikev1",
     "LocalId":"116.62.119.2"
    }
   }
  ]
 },
 "TotalCount":1,
 "PageSize":10,
 "RequestId":"7D598A10-26EF-44F2-9F47-E417842F3CEA"
 }"#;
    // Act
    let r: DescribeVpnConnectionsResponse = parse(body);
    // Assert
    // S2 documents the single-connection call with the list envelope (spec §3.4).
    let c = &r.vpn_connections.items[0];
    assert_eq!(c.status.as_deref(), Some("ike_sa_not_established"));
    assert_eq!(
        c.ike_config.as_ref().unwrap().ike_mode.as_deref(),
        Some("aggressive")
    );
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L2983-L3008 (S0).
#[test]
fn download_vpn_connection_config() {
    // Arrange
    let body = r#"{
  "RequestId":"0C68048B-0F70-40DA-B8AE-1B79B5CF62E3",
  "VpnConnectionConfig":{
    "RemoteSubnet":"1.1.1.0/24,1.1.2.0/24",
    "IpsecConfig":{
      "IpsecLifetime":86400,
      "IpsecAuthAlg":"sha1",
      "IpsecPfs":"group2",
      "IpsecEncAlg":"aes"
    },
    "Local":"139.196.32.167",
    "Remote":"116.62.69.64",
    "LocalSubnet":"2.2.2.0/24",
    "IkeConfig":{
      "IkeEncAlg":"aes",
      "Remoteld":"116.62.69.64",
      "IkePfs":"group2",
      "IkeAuthAlg":"sha1",
      "Psk":"pgw6dy7d1i8in7x5",
      "IkeMode":"main",
      "IkeLifetime":86400,
      "IkeVersion":"ikev1",
      "Localld":"139.196.32.167"
    }
  }
}"#;
    // Act
    let r: DownloadVpnConnectionConfigResponse = parse(body);
    // Assert
    let cfg = r.vpn_connection_config.unwrap();
    assert_eq!(cfg.local.as_deref(), Some("139.196.32.167"));
    let ike = cfg.ike_config.unwrap();
    // OCR `Remoteld`/`Localld` (spec §5.2).
    assert_eq!(ike.remote_id.as_deref(), Some("116.62.69.64"));
    assert_eq!(ike.local_id.as_deref(), Some("139.196.32.167"));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L1750-L1767 (S0).
#[test]
fn describe_vpn_route_entries() {
    // Arrange
    let body = r#"{
  "PageNumber":1,
  "TotalCount":1,
  "PageSize":10,
  "VpnRouteEntries":{
    "VpnRouteEntry":[
      {
        "RouteDest":"10.0.0.0/24",
        "VpnInstanceId":"vpn-bp1cmw7jh1nfe43m9****",
        "Weight":100,
        "State":"normal",
        "NextHop":"vco-bp1tui07ob10fmuro****",
        "CreateTime":1563874074000
      }
    ]
  },
  "RequestId":"BF3995A6-FA4F-4C74-B90F-89ECF4BFF4D5"
}"#;
    // Act
    let r: DescribeVpnRouteEntriesResponse = parse(body);
    // Assert
    let e = &r.vpn_route_entries.items[0];
    assert_eq!(
        e.vpn_instance_id.as_deref(),
        Some("vpn-bp1cmw7jh1nfe43m9****")
    );
    assert_eq!(e.weight, Some(100));
    assert_eq!(e.state.as_deref(), Some("normal"));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L1850-L1868 (S0).
#[test]
fn describe_vpn_pbr_route_entries() {
    // Arrange
    let body = r#"{
  "PageNumber":1,
  "TotalCount":1,
  "PageSize":10,
  "RequestId":"E5D94DC7-AEC7-4E73-A203-61B04D1F1160",
  "VpnPbrRouteEntries":{
    "VpnPbrRouteEntry":[
      {
        "RouteDest":"10.0.0.0/32",
        "VpnInstanceId":"vpn-bp1cmw7jh1nfe43m9****",
        "Weight":100,
        "State":"published",
        "RouteSource":"11.0.0.0/32",
        "NextHop":"vco-bp1tui07ob10fmuro****",
        "CreateTime":1563881012000
      }
    ]
  }
}"#;
    // Act
    let r: DescribeVpnPbrRouteEntriesResponse = parse(body);
    // Assert
    let e = &r.vpn_pbr_route_entries.items[0];
    assert_eq!(e.route_source.as_deref(), Some("11.0.0.0/32"));
    assert_eq!(e.state.as_deref(), Some("published"));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L3393-L3416 (S0).
#[test]
fn describe_ssl_vpn_servers_single_object_and_strings() {
    // Arrange
    let body = r#"{
  "PageNumber": "1",
  "TotalCount": "1",
  "SslVpnServers": {
    "SslVpnServer": {
      "VpnGatewayId": "vpn-bp1q8bgx4xnkm2ogj0fiu",
      "ClientIpPool": "10.10.10.20/24",
      "Proto": "UDP",
      "Cipher": "AES-128-CBC",
      "InternetIp": "47.98.xx.xx",
      "SslVpnServerId": "vss-bp18q7hzj6largv4vk2fe",
      "Name": "test",
      "Port": "1194",
      "MaxConnections": "5",
      "RegionId": "cn-hangzhou",
      "CreateTime": "1492753580000",
      "Compress": "true",
      "LocalSubnet": "10.10.10.10/24",
      "Connections": "0"
    }
  },
  "PageSize": "10",
  "RequestId": "DF11D6F6-E35A-41C3-9B20-6FC8A901FE65"
}"#;
    // Act
    let r: DescribeSslVpnServersResponse = parse(body);
    // Assert
    // Item rendered as an object and every scalar quoted (spec §5.1).
    assert_eq!((r.page_number, r.total_count), (Some(1), Some(1)));
    let s = &r.ssl_vpn_servers.items[0];
    assert_eq!(s.port, Some(1194));
    assert_eq!(s.compress, Some(true));
    assert_eq!(s.create_time, Some(1492753580000));
    assert_eq!((s.connections, s.max_connections), (Some(0), Some(5)));
}

/// Seed 001_3b52cc0e97a60bdb.txt L6647-L6662 (S1).
#[test]
fn describe_ssl_vpn_client_certs() {
    // Arrange
    let body = r#"{
  "PageNumber": "1",
  "TotalCount": "1",
  "PageSize": "10",
  "RequestId": "5BE01CD7-5A50-472D-AC14-CA181C5C03BE",
  "SslVpnClientCertKeys": {
    "SslVpnClientCertKey": {
      "RegionId": "cn-beijing",
      "SslVpnClientCertId": "vsc-bp1n8wcf134yl0osrcg98",
      "Name": "test",
      "CreateTime": "1492747187000",
      "EndTime": "1494966335000",
      "Status": "normal"
    }
  }
}"#;
    // Act
    let r: DescribeSslVpnClientCertsResponse = parse(body);
    // Assert
    let c = &r.ssl_vpn_client_cert_keys.items[0];
    assert_eq!(
        c.ssl_vpn_client_cert_id.as_deref(),
        Some("vsc-bp1n8wcf134yl0osrcg98")
    );
    assert_eq!(c.end_time, Some(1494966335000));
    assert_eq!(c.status.as_deref(), Some("normal"));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L3711-L3736 (S0).
/// Contradiction: the S0 example for DescribeSslVpnClientCerts is a DescribeSslVpnServers body.
#[test]
fn describe_ssl_vpn_client_certs_s0_copy_paste_example() {
    // Arrange
    let body = r#"{
  "DescribeSslVpnServersResponse":{
    "PageNumber":"1",
    "TotalCount":"1",
    "SslVpnServers":{
      "SslVpnServer":{
        "VpnGatewayId":"vpn-bp1q8bgx4xnkm2ogj0fiu",
        "ClientIpPool":"10.10.10.20/24",
        "Proto":"UDP",
        "Cipher":"AES-128-CBC",
        "InternetIp":"47.98.xx.xx",
        "SslVpnServerId":"vss-bp18q7hzj6largv4vk2fe",
        "Name":"test",
        "Port":"1194",
        "MaxConnections":"5",
        "RegionId":"cn-hangzhou",
        "CreateTime":"1492753580000",
        "Compress":"true",
        "LocalSubnet":"10.10.10.10/24",
        "Connections":"0"
      }
    },
    "PageSize":"10",
    "RequestId":"DF11D6F6-E35A-41C3-9B20-6FC8A901FE65"
  }
}"#;
    // Act
    let r: DescribeSslVpnClientCertsResponse = parse(body);
    // Assert
    // S0's example is DescribeSslVpnServers' body in a wrapper (spec §3.6): it parses with
    // no certificates and the foreign list is kept in `extra`, not misread.
    assert!(r.ssl_vpn_client_cert_keys.items.is_empty());
    assert!(r.extra.contains_key("SslVpnServers"));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L3807-L3816 (S0).
/// DescribeVpnConnectionLogs [EXT] shares this response type.
#[test]
fn describe_vpn_ssl_server_logs() {
    // Arrange
    let body = r#"{
  "Data": {
    "Logs": []
  },
  "PageNumber": 1,
  "Count": 0,
  "PageSize": 10,
  "IsCompleted": true,
  "RequestId": "26641E42-66C7-4942-9FEC-F99213914F8F"
}"#;
    // Act
    let r: DescribeVpnLogsResponse = parse(body);
    // Assert
    assert!(r.data.logs.is_empty());
    assert_eq!((r.count, r.is_completed), (Some(0), Some(true)));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L929-L942 (S0).
#[test]
fn list_tag_resources() {
    // Arrange
    let body = r#"{
  "TagResources": {
    "TagResource": [
      {
        "ResourceType": "VPC",
        "TagValue": "aa",
        "TagKey": "aaa",
        "ResourceId": "vpc-wz9aml8mptq6fsnfm****"
      }
    ]
  },
  "NextToken": "",
  "RequestId": "F11AC96F-B8E6-48F8-95CC-F63E7D50F0D4"
}"#;
    // Act
    let r: ListTagResourcesResponse = parse(body);
    // Assert
    let t = &r.tag_resources.items[0];
    assert_eq!(
        (t.tag_key.as_deref(), t.tag_value.as_deref()),
        (Some("aaa"), Some("aa"))
    );
    assert_eq!(t.resource_type.as_deref(), Some("VPC"));
    assert_eq!(r.next_token.as_deref(), Some(""));
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L1659-L1661 (S0).
#[test]
fn publish_vpn_route_entry() {
    // Arrange
    let body = r#"{
  "RequestId": "CB2793A8-845F-444C-8E93-76F1BBDF9C78"
}"#;
    // Act
    let r: WriteResponse = parse(body);
    // Assert
    assert_eq!(
        r.request_id.as_deref(),
        Some("CB2793A8-845F-444C-8E93-76F1BBDF9C78")
    );
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L1934-L1936 (S0).
#[test]
fn modify_vpn_route_entry_weight() {
    // Arrange
    let body = r#"{
  "RequestId": "E82612A9-CB90-4D7E-B394-1DB7F6509B29"
}"#;
    // Act
    let r: WriteResponse = parse(body);
    // Assert
    assert_eq!(
        r.request_id.as_deref(),
        Some("E82612A9-CB90-4D7E-B394-1DB7F6509B29")
    );
}

/// Seed 000_9af9b6cfe3b5cfb1.txt L2013-L2015 (S0).
#[test]
fn modify_vpn_pbr_route_entry_weight() {
    // Arrange
    let body = r#"{
  "RequestId": "E82612A9-CB90-4D7E-B394-1DB7F6509B29"
}"#;
    // Act
    let r: WriteResponse = parse(body);
    // Assert
    assert_eq!(
        r.request_id.as_deref(),
        Some("E82612A9-CB90-4D7E-B394-1DB7F6509B29")
    );
}
