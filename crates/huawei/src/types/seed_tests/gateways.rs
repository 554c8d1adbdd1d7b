//! Seed examples for gateway, customer-gateway, quota and tag reads.

use super::parse;
use crate::types::*;

#[test]
fn show_vpn_gateway_seed_1904() {
    // Seed 004 lines 1904-1980 (show gateway, NonFixedIP flavor with policy_template).
    let r: ShowVpnGatewayResponse = parse(
        r#"{"vpn_gateway":{
        "id":"66ddeacb-demo-a8df-va86-9a414b5bd7d5","name":"vpngw-5bd6","network_type":"public",
        "status":"ACTIVE","attachment_type":"vpc","ip_version":"ipv4",
        "vpc_id":"c62fad0d-demo-a8df-va86-e06c4c351b9f","local_subnets":["192.168.0.0/24"],
        "connect_subnet":"fd75bf7b-demo-a8df-va86-db13f03e299a","bgp_asn":64512,
        "flavor":"Professional1-NonFixedIP","availability_zone_ids":["cn-north-7c"],
        "connection_number":200,"used_connection_number":0,"used_connection_group":0,
        "enterprise_project_id":"0","ha_mode":"active-standby",
        "eip1":{"id":"0f6d1415-demo-a8df-va86-edb2ee97c9cc","ip_version":4,"type":"5_bgp",
          "ip_address":"88.*** *** 251","charge_mode":"bandwidth",
          "bandwidth_id":"e93767cc-demo-a8df-va86-bac2987f90a4","bandwidth_size":300,
          "bandwidth_name":"vpngw-bandwidth-10c3"},
        "eip2":{"id":"7b46b62f-demo-a8df-va86-6b8e44312416","ip_version":4,"type":"5_bgp",
          "ip_address":"88.*** *** 102","charge_mode":"bandwidth",
          "bandwidth_id":"bde3557e-demo-a8df-va86-629a3754ae07","bandwidth_size":300,
          "bandwidth_name":"vpngw-bandwidth-18bd"},
        "policy_template":{"ike_policy":{"encryption_algorithm":"aes-128","dh_group":"group20",
            "authentication_algorithm":"sha2-256","lifetime_seconds":86400},
          "ipsec_policy":{"authentication_algorithm":"sha2-256","encryption_algorithm":"aes-128",
            "pfs":"group20","lifetime_seconds":3600}},
        "created_at":"2025-06-28T02:22:27.24Z","updated_at":"2026-06-28T02:22:27.24Z",
        "access_vpc_id":"4d03fe2d--demo-a8df-va86-6def96440f2b",
        "access_subnet_id":"fd75bf7b--demo-a8df-va86-e-db13f03e299a"},
      "request_id":"28b795f8-d431-4f1e-93ab-1c401a82b799"}"#,
    );
    let g = r.vpn_gateway;
    assert_eq!(g.bgp_asn, Some(64512));
    assert_eq!(
        g.eip2.unwrap().ip_address.as_deref(),
        Some("88.*** *** 102")
    );
    let t = g.policy_template.unwrap();
    assert_eq!(t.ipsec_policy.unwrap().pfs.as_deref(), Some("group20"));
    assert!(g.created_at.unwrap().to_utc().is_some());
}

#[test]
fn list_vpn_gateways_seed_2456() {
    // Seed 004 lines 2456-2543 (list gateways, a. all gateways; first two entries: vpc + er).
    let r: ListVpnGatewaysResponse = parse(
        r#"{"vpn_gateways":[{
        "id":"8e1d0686-demo-a8df-va86-91f32fa1dfc8","name":"vpngw-1af3","network_type":"public",
        "status":"ACTIVE","attachment_type":"vpc","ip_version":"ipv4",
        "vpc_id":"91a74241-demo-a8df-va86-9b5f98c66c8c","local_subnets":["192.168.15.0/24"],
        "connect_subnet":"f5741286-demo-a8df-va86-2c82bd9ee114","bgp_asn":64512,
        "flavor":"Professional1","availability_zone_ids":["cn-south-1f","cn-south-1e"],
        "connection_number":200,"used_connection_number":0,"used_connection_group":0,
        "enterprise_project_id":"0",
        "eip1":{"id":"8ff5d6b5-demo-a8df-va86-b9d598033153","ip_version":4,"type":"5_bgp",
          "ip_address":"88.** *** 111","charge_mode":"bandwidth",
          "bandwidth_id":"aa62f8f2-demo-a8df-va86-b05b2b999715","bandwidth_size":300,
          "bandwidth_name":"vpngw-bandwidth-13a3"},
        "eip2":{"id":"08e7e927-demo-a8df-va86-26a6394021eb","ip_version":4,"type":"5_bgp",
          "ip_address":"88.*** *** 199","charge_mode":"bandwidth",
          "bandwidth_id":"887d61f7-demo-a8df-va86-38ee8232e27c","bandwidth_size":300,
          "bandwidth_name":"vpngw-bandwidth-1afb"},
        "created_at":"2025-06-28T02:36:16.834Z","updated_at":"2025-06-28T02:36:16.834Z",
        "access_vpc_id":"91a74241-demo-a8df-va86-9b5f98c66c8c",
        "access_subnet_id":"f5741286-demo-a8df-va86-2c82bd9ee114","ha_mode":"active-active"
      },{
        "id":"66ddeacb-demo-a8df-va86-9a414b5bd7d5","name":"vpngw-2be4","network_type":"public",
        "status":"ACTIVE","attachment_type":"er","ip_version":"ipv4",
        "er_id":"c62fad0d-demo-a8df-va86-e06c4c351b9f","bgp_asn":64512,"flavor":"Professional1",
        "availability_zone_ids":["cn-south-1f","cn-south-1e"],"connection_number":200,
        "used_connection_number":0,"used_connection_group":0,"enterprise_project_id":"0",
        "created_at":"2025-06-28T02:22:27.24Z","updated_at":"2025-06-28T02:22:27.24Z",
        "access_vpc_id":"0cf79a3f-demo-a8df-va86-d7ace626b0fa",
        "access_subnet_id":"f5741286-demo-a8df-va86-2c82bd9ee114","ha_mode":"active-active"
      }],"request_id":"de1b6caf-d024-4dac-850e-645af40c84f3"}"#,
    );
    assert_eq!(r.vpn_gateways.len(), 2);
    assert_eq!(
        r.vpn_gateways[1].er_id.as_deref(),
        Some("c62fad0d-demo-a8df-va86-e06c4c351b9f")
    );
    assert!(r.vpn_gateways[1].vpc_id.is_none());
    assert!(r.vpn_gateways[1].local_subnets.is_empty());
}

#[test]
fn gateway_availability_zones_seed_4333() {
    // Seed 004 lines 4333-4363 (v5 AZs; note mixed key casing).
    let r: AvailabilityZonesResponse = parse(
        r#"{"availability_zones":{
        "basic":{"vpc":["cn-south-1f"],"er":[]},
        "professional1":{"vpc":["cn-south-1f","cn-south-1e","cn-south-1c"],"er":["cn-south-1f"]},
        "professional2":{"vpc":["cn-south-1f","cn-south-1e","cn-south-1c"],"er":["cn-south-1f"]},
        "Professional1-NonFixedIP":{"vpc":[],"er":[]},
        "Professional2-NonFixedIP":{"vpc":[],"er":[]},
        "gm":{"vpc":["cn-south-1f","cn-south-1e","cn-south-1c"],"er":["cn-south-1f"]}},
      "request_id":"b60309ab-812c-4269-9de4-fb9a65e6db16"}"#,
    );
    assert_eq!(r.availability_zones["professional1"]["vpc"].len(), 3);
    assert!(r
        .availability_zones
        .contains_key("Professional2-NonFixedIP"));
}

#[test]
fn routing_table_seed_4523() {
    // Seed 004 lines 4523-4568 (routing table; page_info without next_marker).
    let r: RoutingTableResponse = parse(
        r#"{"routing_table":[
        {"destination":"192.168.0.0/24","nexthop":"192.168.0.240","outbound_interface_ip":"192.168.0.240",
         "origin":"igp","as_path":"64513","med":0,
         "nexthop_resource":{"id":"fd8e4220-cdcd-4c84-809e-09fd3148b24b","type":"vpn_connection"}},
        {"destination":"222.69.222.1/32","nexthop":"169.254.1.2","outbound_interface_ip":"169.254.1.1",
         "origin":"igp","as_path":"64513","med":0,
         "nexthop_resource":{"id":"e3c28cc1-fb34-4acd-97f9-29d8e42efe0f","type":"vpn_gateway"}},
        {"destination":"222.69.222.2/32","nexthop":"169.254.2.2","outbound_interface_ip":"169.254.2.1",
         "origin":"igp","as_path":"64513","med":0,
         "nexthop_resource":{"id":"85d31993-f519-49ea-8d2e-7afeffb8ef5e","type":"vpn_connection"}}],
      "total_count":3,"page_info":{"current_count":3}}"#,
    );
    assert_eq!(r.routing_table.len(), 3);
    let nh = r.routing_table[1].nexthop_resource.as_ref().unwrap();
    assert_eq!(nh.resource_type.as_deref(), Some("vpn_gateway"));
    assert_eq!(r.page_info.unwrap().next_marker, None);
}

#[test]
fn gateway_certificate_seed_4835() {
    // Seed 004 lines 4835-4858 (show GM gateway certificate).
    let r: ShowGatewayCertificateResponse = parse(
        r#"{"certificate":{
        "id":"18b81966-demo-a8df-va86-51db2ae6cfbd","name":"cert-ces-test",
        "project_id":"06057689f680d5762f7fc008c77b8891","vgw_id":"b1e94931-demo-a8df-va86-ec906c458ba7",
        "status":"BOUND","issuer":"C=CN,ST=Beijing,L=HaiDian,O=GMCert.org,CN=GMCert GM Root CA - 01",
        "signature_algorithm":"SM3WITHSM2","certificate_serial_number":"16548506527294397241",
        "certificate_subject":"C=CN,ST=beijing,L=beijing,O=huawei,OU=vpn,CN=hwcloud-vpn",
        "certificate_expire_time":"2023-03-21T07:41:39Z",
        "certificate_chain_serial_number":"12369133709000538078",
        "certificate_chain_subject":"C=CN,ST=Beijing,L=HaiDian,O=GMCert.org,CN=GMCert GM Root CA-01",
        "certificate_chain_expire_time":"2023-03-21T01:31:33Z",
        "enc_certificate_serial_number":"16548506527294397242",
        "enc_certificate_subject":"C=CN,ST=beijing,L=beijing,O=huawei,OU=vpn,CN=hwcloud-vpn",
        "enc_certificate_expire_time":"2023-03-21T07:43:26Z",
        "created_at":"2023-03-14T07:48:13.705Z","updated_at":"2023-03-14T07:48:13.887Z"}}"#,
    );
    assert_eq!(r.certificate.status.as_deref(), Some("BOUND"));
    assert!(r
        .certificate
        .certificate_expire_time
        .unwrap()
        .to_utc()
        .is_some());
}

#[test]
fn gateway_jobs_seed_5209() {
    // Seed 004 lines 5209-5251 (list gateway jobs; sub-job times carry +08:00 offsets).
    let r: ListJobsResponse = parse(
        r#"{"request_id":"8dfd314d50caab38ccc40e4df2213eda","jobs":[{
        "id":"e3be04c3-0b62-45d8-b1dc-f4785c96412c","resource_id":"b3eb2b86-2a6d-41f2-835f-879021764b84",
        "job_type":"upgrade","status":"success","created_at":"2025-06-04T03:29:01.855Z",
        "finished_at":"2025-06-04T03:29:33.085Z","sub_jobs":[
          {"id":"80c103ab-61b9-4e74-8e47-fd78ac6177eb","job_type":"prepare_resource","status":"success",
           "created_at":"2025-06-04T11:28:01.926+08:00","finished_at":"2025-06-04T11:29:03.993+08:00","error_message":""},
          {"id":"b035cd1c-b9f4-4b05-b9af-b8fcf75eaeba","job_type":"upgrade_worker_1","status":"success",
           "created_at":"2025-06-04T11:29:01.926+08:00","finished_at":"2025-06-04T11:29:14.993+08:00","error_message":""},
          {"id":"db3dabe1-60a0-45ff-91b7-735aff90a3dd","job_type":"upgrade_worker_2","status":"success",
           "created_at":"2025-06-04T11:29:01.931+08:00","finished_at":"2025-06-04T11:29:33.037+08:00","error_message":""}]}]}"#,
    );
    assert_eq!(r.jobs[0].sub_jobs.len(), 3);
    let t = r.jobs[0].sub_jobs[0]
        .created_at
        .as_ref()
        .unwrap()
        .to_utc()
        .unwrap();
    assert_eq!(t.to_rfc3339(), "2025-06-04T03:28:01.926+00:00");
}

#[test]
fn quotas_seed_16998() {
    // Seed 004 lines 16998-17019 (show quotas).
    let r: QuotasResponse = parse(
        r#"{"quotas":{"resources":[
        {"type":"customer_gateway","quota":100,"used":13},
        {"type":"vpn_connection","quota":5000,"used":306},
        {"type":"vpn_gateway","quota":50,"used":23}]},
      "request_id":"9aeb7f73-e1b6-42eb-96ad-b68aef8186e3"}"#,
    );
    assert_eq!(r.quotas.resources[1].quota, Some(5000));
}

#[test]
fn resource_tags_seed_17444() {
    // Seed 004 lines 17444-17451 (tags of one resource).
    let r: ResourceTagsResponse = parse(r#"{"tags":[{"key":"key1","value":"value1"}]}"#);
    assert_eq!(r.tags[0].key, "key1");
}

#[test]
fn project_tags_seed_17508() {
    // Seed 004 lines 17508-17520 (tag keys of a resource type; OCR `nkeyu:nkey-l u'`).
    let r: ProjectTagsResponse = parse(r#"{"tags":[{"key":"key-1","values":["value1"]}]}"#);
    assert_eq!(r.tags[0].values, ["value1"]);
}

#[test]
fn availability_zones_v51_seed_4426() {
    // Seed 004 lines 4426-4449 (v5.1 AZs; type only, no typed op yet).
    let r: AvailabilityZonesV51Response = parse(
        r#"{"availability_zones":[{"name":"cn-southwest-242a",
        "public_border_group":"center","available_specs":[
          {"flavor":"Basic","attachment_type":"vpc","ip_version":"ipv4"},
          {"flavor":"GM","attachment_type":"vpc","ip_version":"ipv4"},
          {"flavor":"Professional2","attachment_type":"vpc","ip_version":"ipv6"}]}],
      "request_id":"9c114ae240ac4e2afdedc113fadae34c"}"#,
    );
    assert_eq!(
        r.availability_zones[0].available_specs[2]
            .ip_version
            .as_deref(),
        Some("ipv6")
    );
}
