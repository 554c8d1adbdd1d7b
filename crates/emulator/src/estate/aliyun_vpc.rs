//! Alibaba VPC layer of one region: two VPCs ("prod", "shared-services") with three
//! vSwitches each, their vRouters and system route tables (alibaba.md §3.8–§3.11), and the
//! SSL-VPN server of the first gateway (§3.6).

use aliyun::types::route_table::{RouteEntry, RouteTable, RouteTableListItem};
use aliyun::types::ssl_vpn::{SslVpnClientCertKey, SslVpnServer};
use aliyun::types::vpc::{VRouter, VSwitch, VSwitchRouteTable, Vpc};
use aliyun::types::vpn_gateway::VpnGateway;
use rand::rngs::StdRng;

use super::aliyun::custom_entry;
use super::net;

pub use super::aliyun_hybrid::{hybrid, AliHybrid};

const CREATED: &str = "2025-01-01T00:00:00Z";

/// VPCs, vSwitches, vRouters and route tables of a region.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VpcPart {
    pub vpcs: Vec<Vpc>,
    pub vswitches: Vec<VSwitch>,
    pub vrouters: Vec<VRouter>,
    pub route_tables: Vec<RouteTable>,
}

impl VpcPart {
    /// `DescribeRouteTableList` rows, derived from the route tables (§3.11).
    pub fn route_table_list(&self) -> Vec<RouteTableListItem> {
        self.route_tables
            .iter()
            .map(|rt| RouteTableListItem {
                route_table_id: rt.route_table_id.clone(),
                route_table_name: rt.route_table_name.clone(),
                route_table_type: rt.route_table_type.clone(),
                router_id: rt.v_router_id.clone(),
                router_type: Some("VRouter".into()),
                vpc_id: self
                    .vrouters
                    .iter()
                    .find(|v| v.v_router_id == rt.v_router_id)
                    .and_then(|v| v.vpc_id.clone()),
                v_switch_ids: rt.v_switch_ids.clone(),
                creation_time: rt.creation_time.clone(),
                description: rt.description.clone(),
                ..RouteTableListItem::default()
            })
            .collect()
    }
}

pub(super) fn generate(rng: &mut StdRng, region: &str, slot: usize) -> VpcPart {
    let mut part = VpcPart::default();
    for (v, name) in ["prod", "shared-services"].iter().enumerate() {
        let cidr = format!("10.{slot}.{}.0/18", v * 64);
        let vpc_id = net::aliyun_id(rng, "vpc");
        let vrt_id = net::aliyun_id(rng, "vrt");
        let rt_id = net::aliyun_id(rng, "vtb");
        let mut rt = RouteTable {
            route_table_id: Some(rt_id.clone()),
            route_table_type: Some("System".into()),
            v_router_id: Some(vrt_id.clone()),
            route_table_name: Some(format!("{name}-main")),
            description: Some("system route table".into()),
            creation_time: Some(CREATED.into()),
            ..RouteTable::default()
        };
        let mut vsw_ids = Vec::new();
        for z in 0..3 {
            let vsw_cidr = format!("10.{slot}.{}.0/24", v * 64 + z);
            let id = net::aliyun_id(rng, "vsw");
            rt.route_entrys.items.push(RouteEntry {
                route_table_id: Some(rt_id.clone()),
                destination_cidr_block: Some(vsw_cidr.clone()),
                status: Some("Available".into()),
                next_hop_type: Some("local".into()),
                router_id: Some(vrt_id.clone()),
                r#type: Some("System".into()),
                ..RouteEntry::default()
            });
            part.vswitches.push(VSwitch {
                v_switch_id: Some(id.clone()),
                vpc_id: Some(vpc_id.clone()),
                zone_id: Some(format!("{region}-{}", ['a', 'b', 'c'][z])),
                status: Some("Available".into()),
                cidr_block: Some(vsw_cidr),
                available_ip_address_count: Some(240 - z as u64 * 17),
                v_switch_name: Some(format!("{name}-{}", ["app", "db", "edge"][z])),
                description: Some(String::new()),
                is_default: Some(false),
                creation_time: Some(CREATED.into()),
                resource_group_id: Some("rg-default".into()),
                route_table: Some(VSwitchRouteTable {
                    route_table_id: Some(rt_id.clone()),
                    route_table_type: Some("System".into()),
                    ..VSwitchRouteTable::default()
                }),
                ..VSwitch::default()
            });
            vsw_ids.push(id);
        }
        rt.v_switch_ids = vsw_ids.clone().into();
        part.vrouters.push(VRouter {
            v_router_id: Some(vrt_id.clone()),
            vpc_id: Some(vpc_id.clone()),
            region_id: Some(region.into()),
            v_router_name: Some(format!("{name}-router")),
            description: Some(String::new()),
            creation_time: Some(CREATED.into()),
            route_table_ids: vec![rt_id.clone()].into(),
            ..VRouter::default()
        });
        part.vpcs.push(Vpc {
            vpc_id: Some(vpc_id),
            region_id: Some(region.into()),
            status: Some("Available".into()),
            vpc_name: Some((*name).into()),
            description: Some(format!("{name} network")),
            cidr_block: Some(cidr),
            v_router_id: Some(vrt_id),
            v_switch_ids: vsw_ids.into(),
            router_table_ids: vec![rt_id].into(),
            is_default: Some(false),
            creation_time: Some(CREATED.into()),
            resource_group_id: Some("rg-default".into()),
            tags: vec![aliyun::types::vpc::Tag {
                key: Some("env".into()),
                value: Some((*name).into()),
            }]
            .into(),
            ..Vpc::default()
        });
        part.route_tables.push(rt);
    }
    part
}

/// Adds `dest → VPN gateway` to the VPC's route table unless already present (the gateway's
/// AutoPropagate behaviour).
pub(super) fn add_vpn_route(part: &mut VpcPart, vpc_i: usize, dest: &str, gw_id: &str) {
    let rt = &mut part.route_tables[vpc_i];
    let present = rt
        .route_entrys
        .items
        .iter()
        .any(|e| e.destination_cidr_block.as_deref() == Some(dest));
    if !present {
        let e = custom_entry(rt, dest, "VpnGateway", gw_id);
        rt.route_entrys.items.push(e);
    }
}

pub(super) fn ssl_vpn(
    rng: &mut StdRng,
    region: &str,
    gw: &VpnGateway,
    slot: usize,
) -> (SslVpnServer, Vec<SslVpnClientCertKey>) {
    let id = net::aliyun_id(rng, "vss");
    let server = SslVpnServer {
        ssl_vpn_server_id: Some(id.clone()),
        vpn_gateway_id: gw.vpn_gateway_id.clone(),
        region_id: Some(region.into()),
        name: Some("remote-staff".into()),
        client_ip_pool: Some(format!("192.168.{slot}.0/24")),
        local_subnet: Some(format!("10.{slot}.0.0/18")),
        proto: Some("UDP".into()),
        port: Some(1194),
        cipher: Some("AES-128-CBC".into()),
        compress: Some(false),
        create_time: Some(1_735_689_600_000),
        connections: Some(3),
        max_connections: Some(50),
        internet_ip: gw.internet_ip.clone(),
        ..SslVpnServer::default()
    };
    let certs = ["alice-laptop", "bob-laptop"]
        .iter()
        .enumerate()
        .map(|(i, n)| SslVpnClientCertKey {
            ssl_vpn_client_cert_id: Some(net::aliyun_id(rng, "vsc")),
            ssl_vpn_server_id: Some(id.clone()),
            region_id: Some(region.into()),
            name: Some((*n).into()),
            create_time: Some(1_735_689_600_000 + i as i64 * 1000),
            end_time: Some(1_830_297_600_000),
            status: Some(if i == 0 { "normal" } else { "expiring-soon" }.into()),
            ..SslVpnClientCertKey::default()
        })
        .collect();
    (server, certs)
}
