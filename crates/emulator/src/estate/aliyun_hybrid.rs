//! Alibaba leased-line side of one region (alibaba.md §3.12–§3.16): a physical connection,
//! a VBR with a router-interface pair to the prod VPC, a BGP group with two peers and BGP
//! networks, and EIPs.

use aliyun::redact::Sensitive;
use aliyun::types::bgp::{BgpGroup, BgpNetwork, BgpPeer};
use aliyun::types::eip::EipAddress;
use aliyun::types::router_interface::RouterInterface;
use aliyun::types::vbr::{PhysicalConnection, Vbr};
use rand::rngs::StdRng;

use super::aliyun::custom_entry;
use super::aliyun_vpc::VpcPart;
use super::{net, Site};

const CREATED: &str = "2025-01-01T00:00:00Z";

/// Leased-line and EIP resources of a region.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AliHybrid {
    pub physical_connections: Vec<PhysicalConnection>,
    pub vbrs: Vec<Vbr>,
    pub router_interfaces: Vec<RouterInterface>,
    pub bgp_groups: Vec<BgpGroup>,
    pub bgp_peers: Vec<BgpPeer>,
    pub bgp_networks: Vec<BgpNetwork>,
    pub eips: Vec<EipAddress>,
}

pub fn hybrid(
    rng: &mut StdRng,
    region: &str,
    uid: &str,
    vpc: &mut VpcPart,
    site: &Site,
    slot: usize,
) -> AliHybrid {
    let pc_id = net::aliyun_id(rng, "pc");
    let vbr_id = net::aliyun_id(rng, "vbr");
    let vbr_rt = net::aliyun_id(rng, "vtb");
    let ap = format!("ap-{region}-dc1");
    let pc = PhysicalConnection {
        physical_connection_id: Some(pc_id.clone()),
        access_point_id: Some(ap.clone()),
        status: Some("Enabled".into()),
        business_status: Some("Normal".into()),
        line_operator: Some("CT".into()),
        spec: Some("1G".into()),
        bandwidth: Some(1000),
        port_type: Some("1000Base-LX".into()),
        port_number: Some("1/1/1".into()),
        ad_location: Some(format!("{region} access point 1")),
        peer_location: Some(site.name.clone()),
        circuit_code: Some(format!("CT-{slot:04}-LL")),
        name: Some(format!("leased line to {}", site.name)),
        creation_time: Some(CREATED.into()),
        enabled_time: Some(CREATED.into()),
        ..PhysicalConnection::default()
    };
    let vbr = Vbr {
        vbr_id: Some(vbr_id.clone()),
        status: Some("active".into()),
        route_table_id: Some(vbr_rt),
        vlan_interface_id: Some(net::aliyun_id(rng, "ri")),
        physical_connection_id: Some(pc_id),
        access_point_id: Some(ap.clone()),
        physical_connection_status: Some("Enabled".into()),
        physical_connection_business_status: Some("Normal".into()),
        physical_connection_owner_uid: Some(uid.into()),
        vlan_id: Some(100 + slot as u32),
        circuit_code: pc.circuit_code.clone(),
        local_gateway_ip: Some(format!("192.0.0.{}", 1 + (slot % 60) * 4)),
        peer_gateway_ip: Some(format!("192.0.0.{}", 2 + (slot % 60) * 4)),
        peering_subnet_mask: Some("255.255.255.252".into()),
        name: Some(format!(
            "vbr-{}",
            site.name.to_lowercase().replace(' ', "-")
        )),
        creation_time: Some(CREATED.into()),
        activation_time: Some(CREATED.into()),
        recovery_time: Some(String::new()),
        vbr_owner_uid: Some(uid.into()),
        ..Vbr::default()
    };
    let prod = &vpc.vpcs[0];
    let vrt = prod.v_router_id.clone();
    let (ri_vpc, ri_vbr) = (net::aliyun_id(rng, "ri"), net::aliyun_id(rng, "ri"));
    let ri = |id: &str,
              opp: &str,
              router: &Option<String>,
              rtype: &str,
              orouter: &Option<String>,
              ortype: &str,
              role: &str| RouterInterface {
        router_interface_id: Some(id.into()),
        name: Some(format!("{rtype}-to-{ortype}")),
        router_id: router.clone(),
        router_type: Some(rtype.into()),
        role: Some(role.into()),
        spec: Some("Large.2".into()),
        bandwidth: Some(2000),
        status: Some("Active".into()),
        business_status: Some("Normal".into()),
        charge_type: Some("AfterPay".into()),
        cross_border: Some(false),
        opposite_interface_id: Some(opp.into()),
        opposite_router_id: orouter.clone(),
        opposite_router_type: Some(ortype.into()),
        opposite_region_id: Some(region.into()),
        opposite_interface_owner_id: Some(uid.into()),
        opposite_interface_status: Some("Active".into()),
        creation_time: Some(CREATED.into()),
        connected_time: Some(CREATED.into()),
        access_point_id: Some(ap.clone()),
        ..RouterInterface::default()
    };
    let vbr_router = Some(vbr_id.clone());
    let ris = vec![
        ri(
            &ri_vpc,
            &ri_vbr,
            &vrt,
            "VRouter",
            &vbr_router,
            "VBR",
            "InitiatingSide",
        ),
        ri(
            &ri_vbr,
            &ri_vpc,
            &vbr_router,
            "VBR",
            &vrt,
            "VRouter",
            "AcceptingSide",
        ),
    ];
    // The prod VPC reaches the leased-line site through the router interface.
    let rt = &mut vpc.route_tables[0];
    let e = custom_entry(rt, &site.cidr, "RouterInterface", &ri_vpc);
    rt.route_entrys.items.push(e);
    let group_id = net::aliyun_id(rng, "bgpg");
    let group = BgpGroup {
        bgp_group_id: Some(group_id.clone()),
        router_id: Some(vbr_id.clone()),
        region_id: Some(region.into()),
        name: Some(format!("{} ebgp", site.name)),
        peer_asn: Some(site.asn),
        local_asn: Some(45104),
        auth_key: Some(Sensitive::new(net::psk(rng))),
        is_fake: Some(false),
        hold: Some(30),
        keepalive: Some(10),
        route_limit: Some(99),
        status: Some("Available".into()),
        ..BgpGroup::default()
    };
    let peers = (0..2)
        .map(|i| BgpPeer {
            bgp_peer_id: Some(net::aliyun_id(rng, "bgp")),
            bgp_group_id: Some(group_id.clone()),
            router_id: Some(vbr_id.clone()),
            region_id: Some(region.into()),
            name: Some(format!("{} peer {}", site.name, i + 1)),
            peer_ip_address: Some(format!("192.0.0.{}", 2 + (slot % 60) * 4)),
            local_ip_address: Some(format!("192.0.0.{}", 1 + (slot % 60) * 4)),
            peer_asn: Some(site.asn),
            local_asn: Some(45104),
            auth_key: group.auth_key.clone(),
            is_fake: Some(false),
            hold: Some(30),
            keepalive: Some(10),
            route_limit: Some(99),
            status: Some("Available".into()),
            bgp_status: Some("Established".into()),
            ..BgpPeer::default()
        })
        .collect();
    let networks = vpc
        .vpcs
        .iter()
        .map(|v| BgpNetwork {
            dst_cidr_block: v.cidr_block.clone(),
            router_id: Some(vbr_id.clone()),
            vpc_id: v.vpc_id.clone(),
            ..BgpNetwork::default()
        })
        .collect();
    let eips = (0..2)
        .map(|i| EipAddress {
            allocation_id: Some(net::aliyun_id(rng, "eip")),
            ip_address: Some(format!(
                "47.{}.{}.{}",
                100 + slot / 64,
                (slot % 64) * 4,
                200 + i
            )),
            region_id: Some(region.into()),
            status: Some(if i == 0 { "InUse" } else { "Available" }.into()),
            instance_type: (i == 0).then(|| "Nat".into()),
            bandwidth: Some(100),
            internet_charge_type: Some("PayByTraffic".into()),
            charge_type: Some("PostPaid".into()),
            allocation_time: Some(CREATED.into()),
            isp: Some("BGP".into()),
            name: Some(format!("egress-{}", i + 1)),
            ..EipAddress::default()
        })
        .collect();
    AliHybrid {
        physical_connections: vec![pc],
        vbrs: vec![vbr],
        router_interfaces: ris,
        bgp_groups: vec![group],
        bgp_peers: peers,
        bgp_networks: networks,
        eips,
    }
}
