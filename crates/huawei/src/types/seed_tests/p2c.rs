//! Seed examples for P2C gateways, client sessions and P2C jobs.

use super::parse;
use crate::types::*;

#[test]
fn show_p2c_gateway_seed_11779() {
    // Seed 004 lines 11779-11838 (OCR: `"order_id"; ...`, masked billing strings joined).
    let r: ShowP2cGatewayResponse = parse(
        r#"{"p2c_vpn_gateway":{
        "id":"6d526e5f-a0c6-44b6-a785-000000000000","status":"ACTIVE",
        "vpc_id":"05b9d7de-9acd-4a05-b497-1a3c75afaa1a","flavor":"Professional1",
        "availability_zone_ids":["cn-south-1f","cn-south-1e"],
        "eip":{"id":"f0bac06a-88a7-4d37-8e2e-c37691ee4ba2","ip_version":4,
          "ip_billing_info":"CS**)WT10:0FF|***5078:cn-south-1:47190474***98781092d16c",
          "type":"5_youxuanbgp","ip_address":"215.** *** 120","charge_mode":"bandwidth",
          "bandwidth_id":"3456471c-9dac-40f6-8344-daca14fbd81e","bandwidth_size":20,
          "bandwidth_name":"p2c-vpngw-bandwidth-bd61",
          "bandwidth_billing_info":"CS***WT1Q:OFF|***5078:cn-south-1:47190474***98781092d16c",
          "share_type":"PER"},
        "max_connection_number":10,"current_connection_number":0,"tags":[],
        "order_id":"CS***WTT1QO","admin_state_up":true,"frozen_effect":0,
        "created_at":"2024-06-14T10:24:12.147Z","updated_at":"2024-06-14T10:24:12.147Z"},
      "request_id":"2ddd2f6107a8164ce6f6268bd991e57c"}"#,
    );
    let g = r.p2c_vpn_gateway;
    assert_eq!(g.admin_state_up, Some(true));
    assert_eq!(g.frozen_effect, Some(0));
    assert_eq!(g.eip.unwrap().share_type.as_deref(), Some("PER"));
}

#[test]
fn list_p2c_gateways_seed_12148() {
    // Seed 004 lines 12148-12223 (the OCR'd `"Order_id"` of item 2 is kept as an extra field).
    let r: ListP2cGatewaysResponse = parse(
        r#"{"p2c_vpn_gateways":[{
        "id":"6d526e5f-a0c6-44b6-a785-7e0ef7c9eb76","name":"p2c-vpngw-0001","status":"ACTIVE",
        "vpc_id":"05b9d7de-9acd-4a05-b497-1a3c75afaa1a","connect_subnet":"1948ce22-ddc5-4fb6-87b8-dfcc09b176b5",
        "flavor":"Professional1","availability_zone_ids":["cn-south-1f","cn-south-1e"],
        "eip":{"id":"f0bac06a-88a7-4d37-8e2e-c37691ee4ba2","ip_version":4,"type":"5_youxuanbgp",
          "ip_address":"215.*** *** 120","charge_mode":"bandwidth",
          "bandwidth_id":"3456471c-9dac-40f6-8344-daca14fbd81e","bandwidth_size":20,
          "bandwidth_name":"p2c-vpngw-bandwidth-bd61","share_type":"PER"},
        "max_connection_number":10,"current_connection_number":0,"tags":[],
        "order_id":"CS2406141822JWT10","admin_state_up":true,"frozen_effect":0,
        "created_at":"2024-06-14T10:24:12.147Z","updated_at":"2024-06-14T10:24:12.147Z"
      },{"id":"10d176c7-aed8-4766-9180-a47e536c64d0","name":"p2c-vpngw-0002","status":"ACTIVE",
        "vpc_id":"01ffa178-9be5-4457-ba5b-874c01cfc872","connect_subnet":"be0d53dd-55a1-4e73-9002-54297e1a4c43",
        "flavor":"Professional1","availability_zone_ids":["cn-south-1f","cn-south-1e"],
        "eip":{"id":"106a269c-c8c1-425e-9f92-f6abcb4dc7b1","ip_version":4,"type":"5_bgp",
          "ip_address":"10.83.51.162","charge_mode":"bandwidth",
          "bandwidth_id":"beeababf-57aa-469e-8fc8-e6f01554711c","bandwidth_size":20,
          "bandwidth_name":"p2c-vpngw-bandwidth-4455","share_type":"PER"},
        "max_connection_number":10,"current_connection_number":0,"tags":[],
        "Order_id":"CS**********JWT1O","admin_state_up":true,"frozen_effect":0,
        "created_at":"2024-06-14T10:01:39.654Z","updated_at":"2024-06-15T01:59:40.39Z"}],
      "total_count":2,"page_info":{"current_count":2},
      "request_id":"6a88ffb594cdb382ac2c321bc6cbbe13"}"#,
    );
    assert_eq!(r.p2c_vpn_gateways.len(), 2);
    assert_eq!(r.p2c_vpn_gateways[1].order_id, None);
    assert!(r.p2c_vpn_gateways[1].extra.contains_key("Order_id"));
}

#[test]
fn p2c_connections_seed_12509() {
    // Seed 004 lines 12509-12540 (client sessions; OCR `...48Z2` → `...48Z`; the first
    // entry's user name and established time were lost by OCR and are absent here).
    let r: ListP2cConnectionsResponse = parse(
        r#"{"connections":[
        {"connection_id":"10293371-114e-4d2a-878e-c6a616d0ec0e","client_virtual_ip":"36.****** 149",
         "client_ip":"100.***.***100","inbound_packets":13,"outbound_packets":24,"inbound_bytes":4185,
         "outbound_bytes":10480,"timestamp":"2024-06-17T02:58:48Z"},
        {"connection_id":"6ade9de6-b19e-4b87-874d-f4880be317c1","client_virtual_ip":"36.****** 145",
         "client_ip":"100.****** 100","client_user_name":"1111","inbound_packets":13,"outbound_packets":38,
         "inbound_bytes":4185,"outbound_bytes":15804,
         "connection_established_time":"2024-06-17T02:58:12.413Z","timestamp":"2024-06-17T02:58:48Z"}],
      "total_count":2,"request_id":"6844f73ab1dd713d369b88904a935bd6"}"#,
    );
    assert_eq!(r.connections[1].outbound_bytes, Some(15804));
    assert_eq!(r.connections[0].client_user_name, None);
}

#[test]
fn p2c_jobs_seed_12814() {
    // Seed 004 lines 12814-12856 (P2C jobs; same schema as gateway jobs).
    let r: ListJobsResponse = parse(
        r#"{"request_id":"8dfd314d50caab38ccc40e4df2213eda","jobs":[{
        "id":"e3be04c3-0b62-45d8-b1dc-f4785c96412c","resource_id":"b3eb2b86-2a6d-41f2-835f-879021764b84",
        "job_type":"upgrade","status":"success","created_at":"2025-06-04T03:29:01.855Z",
        "finished_at":"2025-06-04T03:29:33.085Z","sub_jobs":[
          {"id":"80c103ab-61b9-4e74-8e47-fd78ac6177eb","job_type":"prepare_resource","status":"success",
           "created_at":"2025-06-04T11:28:01.926+08:00","finished_at":"2025-06-04T11:29:03.993+08:00","error_message":""}]}]}"#,
    );
    assert_eq!(r.jobs[0].job_type.as_deref(), Some("upgrade"));
}
