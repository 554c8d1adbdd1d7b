//! Seed examples for VPN servers, users, user groups and access policies.

use super::parse;
use crate::types::*;

#[test]
fn gateway_vpn_servers_seed_13498() {
    // Seed 004 lines 13498-13549 (OCR split `client_cidr`/`local_subnets`; `name` "lsh-newcert").
    let r: ListVpnServersResponse = parse(
        r#"{"vpn_servers":[{
        "id":"2407a20d-0bf7-4530-ba9a-7ffa0cedfa3b","p2c_vgw_id":"3b5b64e4-2927-4062-acf6-05b0b842bbfe",
        "client_cidr":"1.1.0.0/16","local_subnets":["192.168.12.0/24","192.168.1.0/24"],
        "tunnel_protocol":"SSL","client_auth_type":"LOCAL_PASSWORD",
        "server_certificate":{"id":"scs1716171403922","name":"lsh-newcert",
          "issuer":"C=CN,ST=beijing,L=haidian,O=lesaas,OU=root, CN=www.***.com",
          "subject":"C=CN,ST=beijing,L=haidian,O=server,OU=server,CN=www.***.com",
          "serial_number":"310325804134830162280305057622726926320418980636",
          "expiration_time":"2024-06-19T02:15:26Z","signature_algorithm":"SHA256WITHRSA","source":"CCM"},
        "client_ca_certificates":[],
        "ssl_options":{"protocol":"TCP","port":443,"encryption_algorithm":"AES-128-GCM",
          "authentication_algorithm":"SHA256","is_compressed":false},
        "status":"ACTIVE","created_at":"2024-06-14T01:14:56.802Z","updated_at":"2024-06-14T08:53:22.855Z"}],
      "request_id":"3378c265585ffb8aac68ec39a2db67a1"}"#,
    );
    let s = &r.vpn_servers[0];
    assert_eq!(s.ssl_options.as_ref().unwrap().port, Some(443));
    assert_eq!(
        s.server_certificate.as_ref().unwrap().source.as_deref(),
        Some("CCM")
    );
}

#[test]
fn project_vpn_servers_seed_18376() {
    // Seed 004 lines 18376-18432 (chapter 5 walk-through; same ListVpnServersResponse shape,
    // used for `GET /v5/{p}/vpn-servers`, whose own example did not survive OCR).
    let r: ListVpnServersResponse = parse(
        r#"{"vpn_servers":[{
        "id":"b26c9c74-5bb9-4df8-8b98-ecf2051e3482","p2c_vgw_id":"595210dc-7998-4ba3-aeb9-516fbcf7853c",
        "client_cidr":"100.10.1.0/24","local_subnets":["192.168.0.0/24","192.168.1.0/24"],
        "client_auth_type":"CERT","tunnel_protocol":"SSL",
        "server_certificate":{"id":"scs1717051012106","name":"test-05304",
          "issuer":"C=CN,ST=beijing,L=haidian,O=lesaas,OU=root,CN=www.root.huawei.com",
          "subject":"C=CN,ST=beijing,L=haidian,O=server,OU=server,CN=www.server.huawei.com",
          "serial_number":"350612543125953290200975245211283057292471206725",
          "expiration_time":"2024-06-29T06:39:46Z","signature_algorithm":"SHA256WITHRSA"},
        "client_ca_certificates":[{"id":"7e971612-f720-4d31-88b5-fc6280b88e36","name":"ca-cert-123e",
          "issuer":"C=CN,ST=JS,L=NJ,O=NYS,OU=N10,CN=test.huawei.com",
          "subject":"C=CN,ST=JS,L=NJ,O=NYS,OU=N10,CN=testCA.huawei.com","serial_number":"1591942200161",
          "expiration_time":"2033-11-06T11:39:14Z","signature_algorithm":"SHA256WITHRSA",
          "created_at":"2024-06-18T12:19:17.978Z","updated_at":"2024-06-18T12:19:17.978Z"}],
        "ssl_options":{"protocol":"TCP","port":443,"encryption_algorithm":"AES-128-GCM",
          "authentication_algorithm":"SHA256","is_compressed":false},
        "status":"ACTIVE","created_at":"2024-06-18T12:19:17.978Z","updated_at":"2024-06-18T12:19:17.978Z"}],
      "request_id":"68188a14243b1b54d0b45a82d9123b98"}"#,
    );
    assert_eq!(
        r.vpn_servers[0].client_ca_certificates[0].name.as_deref(),
        Some("ca-cert-123e")
    );
}

#[test]
fn p2c_users_seed_15291() {
    // Seed 004 lines 15291-15329 (descriptions were Chinese, garbled by OCR; kept as read).
    let r: ListUsersResponse = parse(
        r#"{"users":[
        {"id":"41ad472e-d3e4-482b-8f00-7b2c1bfc4b7d","name":"user001","description":"FFEIAR1",
         "user_group_id":"yWYnJtOR-Q0a7-R4QW-tFXX-QfundEqrR27W","user_group_name":"user-group1",
         "created_at":"2024-06-17T06:53:46.302Z","updated_at":"2024-06-17T06:53:46.302Z"},
        {"id":"41ad472e-d3e4-482b-8f00-7b2c1bfc4b7d","name":"user002","description":"FIFHIR2",
         "user_group_id":"yWYnJtOR-Q0a7-R4QW-tFXX-QfundEqrR27W","user_group_name":"user-group1",
         "created_at":"2024-06-17T06:53:46.302Z","updated_at":"2024-06-17T06:53:46.302Z"}],
      "total_count":2,"page_info":{"current_count":2},"request_id":"b04b68fb4d548344e0bc4b34dbd6f6e7"}"#,
    );
    assert_eq!(r.users[1].name.as_deref(), Some("user002"));
    assert_eq!(r.users[0].static_ip, None);
}

#[test]
fn user_groups_seed_15987() {
    // Seed 004 lines 15987-16019.
    let r: ListUserGroupsResponse = parse(
        r#"{"user_groups":[
        {"id":"7625fd92-2e20-4e4d-8c56-66f110fbfaa8","name":"user-group1","description":"FIF4H1",
         "type":"Custom","user_number":0,"created_at":"2024-06-17T09:48:27.548Z","updated_at":"2024-06-17T09:48:27.548Z"},
        {"id":"0748b24e-cbd3-474e-9546-8586e8f2b5c6","name":"default","description":"Default user group",
         "type":"Default","user_number":0,"created_at":"2024-06-17T03:45:25.879Z","updated_at":"2024-06-17T03:45:25.879Z"}],
      "total_count":2,"page_info":{"current_count":2},"request_id":"1ae5c7648497d3d90824985367da954a"}"#,
    );
    assert_eq!(r.user_groups[1].group_type.as_deref(), Some("Default"));
}

#[test]
fn access_policies_seed_16732() {
    // Seed 004 lines 16732-16763 (updated_at lost by OCR).
    let r: ListAccessPoliciesResponse = parse(
        r#"{"access_policies":[{
        "id":"4f746482-a575-4e1f-9e80-5f6f69ff8588","name":"policy-001","type":"Custom",
        "user_group_id":"7625fd92-2e20-4e4d-8c56-66f110fbfaa8","user_group_name":"user-group1",
        "description":"i5iI5RAZ1","dest_ip_cidrs":["172.16.0.0/24","172.16.1.0/24"],
        "created_at":"2024-06-17T13:32:19.57Z"}],
      "total_count":1,"page_info":{"current_count":1},"request_id":"02b5b35cab4c2963d1d89560f50017b9"}"#,
    );
    assert_eq!(r.access_policies[0].dest_ip_cidrs.len(), 2);
    assert!(r.access_policies[0].updated_at.is_none());
}
