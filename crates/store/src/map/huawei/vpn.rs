//! Huawei site-to-site gateways, customer gateways and connections. A Huawei
//! `vpn_connection` is exactly one tunnel, so it yields one connection row, one tunnel row
//! (`<id>#1`) and a BGP session when `bgp_peer` is reported.

use crate::model::state::{huawei_bgp, huawei_lifecycle, huawei_tunnel};
use crate::model::{
    BgpSession, Connection, CustomerGateway, Facet, ResourceItem, Routing, Spec, State, StateValue,
    Tunnel, VpnGateway,
};
use huawei::types as hw;
use serde_json::{json, Value};

use super::raw_of;

/// `vpn_gateway`.
pub fn vpn_gateway(g: &hw::VpnGateway) -> ResourceItem {
    let eips = [&g.eip1, &g.eip2];
    let spec = VpnGateway {
        vpc_id: g.vpc_id.clone(),
        subnet_ids: g
            .connect_subnet
            .iter()
            .chain(&g.access_subnet_id)
            .cloned()
            .collect(),
        transit_router_id: g.er_id.clone(),
        public_ips: eips
            .iter()
            .filter_map(|e| e.as_ref().and_then(|e| e.ip_address.clone()))
            .collect(),
        private_ips: g
            .access_private_ip_1
            .iter()
            .chain(&g.access_private_ip_2)
            .cloned()
            .collect(),
        local_asn: g.bgp_asn.and_then(|a| u32::try_from(a).ok()),
        local_prefixes: g.local_subnets.clone(),
        size_label: g.flavor.clone(),
        ha_mode: g.ha_mode.clone(),
        ssl_vpn: false,
        created_at: g.created_at.as_ref().map(|t| t.as_str().to_owned()),
        tags: g
            .tags
            .iter()
            .map(|t| (t.key.clone(), t.value.clone()))
            .collect(),
    };
    let mut it = ResourceItem::new(g.id.clone(), Spec::VpnGateway(spec), raw_of(g));
    it.name = g.name.clone();
    it.state = huawei_lifecycle(g.status.as_deref());
    it
}

/// `customer_gateway`: `id_value` is an IP or an FQDN depending on `id_type`.
pub fn customer_gateway(c: &hw::CustomerGateway) -> ResourceItem {
    let is_fqdn = c
        .id_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("fqdn"));
    let spec = CustomerGateway {
        ip_address: c.id_value.clone().filter(|_| !is_fqdn),
        fqdn: c.id_value.clone().filter(|_| is_fqdn),
        asn: c.bgp_asn.and_then(|a| u32::try_from(a).ok()),
        description: None,
        tags: c
            .tags
            .iter()
            .map(|t| (t.key.clone(), t.value.clone()))
            .collect(),
    };
    let mut it = ResourceItem::new(c.id.clone(), Spec::CustomerGateway(spec), raw_of(c));
    it.name = c.name.clone();
    it.state = StateValue::new(State::Up, None);
    it
}

/// `vpn_connection` → (connection, tunnel, BGP session if reported).
pub fn connection(c: &hw::VpnConnection) -> (ResourceItem, ResourceItem, Option<ResourceItem>) {
    let state = huawei_tunnel(c.status.as_deref());
    let bgp_state = c.bgp_peer.as_ref().map(|b| huawei_bgp(b.state.as_deref()));
    let routing = match c.style.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("bgp") => Routing::Bgp {
            local_asn: None,
            peer_asn: c
                .bgp_peer
                .as_ref()
                .and_then(|b| b.peer_asn)
                .and_then(|a| u32::try_from(a).ok()),
            tunnel_cidr: None,
            local_ip: c.tunnel_local_address.clone(),
            peer_ip: c.tunnel_peer_address.clone(),
        },
        Some("policy") => Routing::Policy {
            local_prefixes: c
                .policy_rules
                .iter()
                .filter_map(|r| r.source.clone())
                .collect(),
            remote_prefixes: c
                .policy_rules
                .iter()
                .flat_map(|r| r.destination.clone())
                .collect(),
        },
        Some(_) => Routing::Static {
            remote_prefixes: c.peer_subnets.clone(),
        },
        None => Routing::Unknown,
    };
    let ike = c.ikepolicy.as_ref().map(|k| {
        json!({"version": k.ike_version, "enc": k.encryption_algorithm,
               "auth": k.authentication_algorithm, "dh_group": k.dh_group,
               "lifetime": k.lifetime_seconds, "local_id": k.local_id, "remote_id": k.peer_id,
               "dpd": k.dpd.as_ref().map(|d| json!({"timeout": d.timeout, "interval": d.interval}))})
    });
    let ipsec = c.ipsecpolicy.as_ref().map(|p| {
        json!({"enc": p.encryption_algorithm, "auth": p.authentication_algorithm, "pfs": p.pfs,
               "lifetime": p.lifetime_seconds, "protocol": p.transform_protocol})
    });
    let spec = Connection {
        gateway_id: c.vgw_id.clone(),
        gateway_endpoint: c.vgw_ip.clone(),
        customer_gateway_id: c.cgw_id.clone(),
        routing,
        ike: obj(ike),
        ipsec: obj(ipsec),
        dpd: c.ikepolicy.as_ref().map(|k| k.dpd.is_some()),
        nat_traversal: None,
        tunnel_count: 1,
        created_at: c.created_at.as_ref().map(|t| t.as_str().to_owned()),
    };
    let mut conn = ResourceItem::new(c.id.clone(), Spec::Connection(spec), raw_of(c));
    conn.name = c.name.clone();
    conn.parent_id = c.vgw_id.clone();
    conn.state = state.clone();

    let tid = format!("{}#1", c.id);
    let spec = Tunnel {
        connection_id: c.id.clone(),
        role: c.ha_role.clone(),
        local_ip: c.tunnel_local_address.clone(),
        peer_ip: c.tunnel_peer_address.clone(),
        zone: None,
    };
    let mut tunnel =
        ResourceItem::new(tid.clone(), Spec::Tunnel(spec), json!({"status": c.status}));
    tunnel.parent_id = Some(c.id.clone());
    tunnel.state = state.clone();
    // Huawei reports one status for both phases: ACTIVE means both SAs are up.
    tunnel.facets.insert(Facet::Ike, state.clone());
    tunnel.facets.insert(Facet::Ipsec, state);
    if let Some(b) = &bgp_state {
        tunnel.facets.insert(Facet::Bgp, b.clone());
    }
    let bgp = c.bgp_peer.as_ref().map(|b| {
        let spec = BgpSession {
            over_id: Some(tid.clone()),
            peer_ip: b.peer_ip_address.clone(),
            local_ip: c.tunnel_local_address.clone(),
            peer_asn: b.peer_asn.and_then(|a| u32::try_from(a).ok()),
            since: b.state_duration.clone(),
            received_count: b.num_received_routes.and_then(|n| u64::try_from(n).ok()),
            ..BgpSession::default()
        };
        let mut s = ResourceItem::new(format!("{tid}#bgp"), Spec::BgpSession(spec), raw_of(b));
        s.parent_id = Some(tid.clone());
        s.state = bgp_state.clone().unwrap_or_default();
        s
    });
    (conn, tunnel, bgp)
}

fn obj(v: Option<Value>) -> serde_json::Map<String, Value> {
    match v {
        Some(Value::Object(m)) => m.into_iter().filter(|(_, v)| !v.is_null()).collect(),
        _ => serde_json::Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bgp_connection_maps_to_three_rows() {
        let c: hw::VpnConnection = serde_json::from_value(json!({
            "id": "c-1", "status": "DOWN", "style": "BGP", "vgw_id": "g-1", "cgw_id": "cg-1",
            "psk": "hush", "tunnel_local_address": "169.254.0.1/30",
            "bgp_peer": {"peer_ip_address": "169.254.0.2", "peer_asn": 65010, "state": "idle"}
        }))
        .unwrap();
        let (conn, tunnel, bgp) = connection(&c);
        assert_eq!(conn.state.state, State::Down);
        assert_ne!(conn.raw["psk"], "hush");
        assert_eq!(tunnel.cloud_id, "c-1#1");
        assert_eq!(tunnel.facets[&Facet::Bgp].state, State::Down);
        let bgp = bgp.unwrap();
        assert!(matches!(&bgp.spec, Spec::BgpSession(s) if s.peer_asn == Some(65010)));
    }

    #[test]
    fn fqdn_customer_gateway() {
        let c: hw::CustomerGateway = serde_json::from_value(json!({
            "id": "cg-1", "id_type": "fqdn", "id_value": "vpn.example.com", "bgp_asn": 65000
        }))
        .unwrap();
        let it = customer_gateway(&c);
        assert_eq!(
            it.spec.site_key().as_deref(),
            Some("fqdn:vpn.example.com#65000")
        );
    }
}
