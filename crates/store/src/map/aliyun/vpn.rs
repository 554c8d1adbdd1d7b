//! Alibaba VPN gateways, customer gateways and IPsec connections. A connection yields its
//! tunnels (one per `TunnelOptions` on dual-tunnel gateways, else one synthetic `<vco>#1`), and
//! its BGP session and health check when enabled, so each kind can be applied as its own
//! snapshot.

use crate::model::state::{aliyun_bgp, aliyun_health, aliyun_lifecycle, aliyun_tunnel};
use crate::model::{
    BgpSession, Connection, CustomerGateway, Facet, HealthCheck, ResourceItem, Routing, Spec,
    State, StateValue, Tunnel, VpnGateway,
};
use aliyun::serde_util::StrBool;
use aliyun::types::connection::VpnConnection;
use serde_json::{json, Value};

use super::{ms, raw_of, split};

fn on(flag: &Option<StrBool>) -> bool {
    flag.as_ref().is_some_and(|f| f.0)
}

/// IKE and IPsec phase states from the single Alibaba tunnel status (§3.4.2).
pub fn phases(raw: Option<&str>) -> (StateValue, StateValue) {
    let r = raw.unwrap_or("").to_ascii_lowercase();
    let (ike, ipsec) = match r.as_str() {
        "ipsec_sa_established" => (State::Up, State::Up),
        "ike_sa_established" | "ipsec_sa_not_established" => (State::Up, State::Down),
        "ike_sa_not_established" => (State::Down, State::Down),
        _ => (State::Unknown, State::Unknown),
    };
    (StateValue::new(ike, raw), StateValue::new(ipsec, raw))
}

/// `VpnGateway`.
pub fn vpn_gateway(g: &aliyun::types::vpn_gateway::VpnGateway) -> Option<ResourceItem> {
    let id = g.vpn_gateway_id.clone()?;
    let spec = VpnGateway {
        vpc_id: g.vpc_id.clone(),
        subnet_ids: g.v_switch_id.iter().cloned().collect(),
        public_ips: g.internet_ip.iter().cloned().collect(),
        private_ips: g.intranet_ip.iter().cloned().collect(),
        size_label: g.spec.clone(),
        ssl_vpn: g.ssl_vpn.as_deref() == Some("enable"),
        created_at: ms(g.create_time),
        ..VpnGateway::default()
    };
    let mut it = ResourceItem::new(id, Spec::VpnGateway(spec), raw_of(g));
    it.name = g.name.clone();
    it.state = aliyun_lifecycle(g.status.as_deref(), g.business_status.as_deref());
    Some(it)
}

/// `CustomerGateway`.
pub fn customer_gateway(
    c: &aliyun::types::customer_gateway::CustomerGateway,
) -> Option<ResourceItem> {
    let id = c.customer_gateway_id.clone()?;
    let spec = CustomerGateway {
        ip_address: c.ip_address.clone(),
        asn: c.asn,
        description: c.description.clone(),
        ..CustomerGateway::default()
    };
    let mut it = ResourceItem::new(id, Spec::CustomerGateway(spec), raw_of(c));
    it.name = c.name.clone();
    // Customer gateways have no status: they exist, so they are "up" as configuration.
    it.state = StateValue::new(State::Up, None);
    Some(it)
}

/// Rows derived from one connection.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionRows {
    /// The connection.
    pub connection: ResourceItem,
    /// Its tunnels.
    pub tunnels: Vec<ResourceItem>,
    /// BGP sessions (per tunnel or per connection).
    pub bgp_sessions: Vec<ResourceItem>,
    /// Health check, when enabled.
    pub health_checks: Vec<ResourceItem>,
}

/// `VpnConnection` → connection, tunnels, BGP sessions, health check.
pub fn connection(c: &VpnConnection) -> Option<ConnectionRows> {
    let id = c.vpn_connection_id.clone()?;
    let bgp = c.vpn_bgp_config.as_ref().filter(|b| on(&b.enable_bgp));
    let health = c.vco_health_check.as_ref().filter(|h| on(&h.enable));
    let health_state = health.map(|h| aliyun_health(h.status.as_deref()));
    let mut tunnels = Vec::new();
    let mut bgp_sessions = Vec::new();
    let dual = c
        .tunnel_options_specification
        .as_ref()
        .map(|s| s.items.as_slice())
        .unwrap_or_default();
    if dual.is_empty() {
        let mut t = tunnel_item(&id, format!("{id}#1"), c.status.as_deref(), None);
        if let Some(b) = bgp {
            t.facets.insert(Facet::Bgp, aliyun_bgp(b.status.as_deref()));
        }
        if let Some(h) = &health_state {
            t.facets.insert(Facet::Health, h.clone());
        }
        tunnels.push(t);
        if let Some(b) = bgp {
            let spec = BgpSession {
                over_id: Some(id.clone()),
                peer_ip: b.peer_bgp_ip.clone(),
                local_ip: b.local_bgp_ip.clone(),
                local_asn: b.local_asn,
                peer_asn: b.peer_asn,
                ..BgpSession::default()
            };
            let mut s = ResourceItem::new(format!("{id}#bgp"), Spec::BgpSession(spec), raw_of(b));
            s.parent_id = Some(id.clone());
            s.state = aliyun_bgp(b.status.as_deref());
            bgp_sessions.push(s);
        }
    } else {
        for (i, o) in dual.iter().enumerate() {
            let tid = o
                .tunnel_id
                .clone()
                .unwrap_or_else(|| format!("{id}#{}", i + 1));
            let mut t = tunnel_item(&id, tid.clone(), o.status.as_deref(), o.role.clone());
            if let Spec::Tunnel(spec) = &mut t.spec {
                spec.local_ip = o.internet_ip.clone();
                spec.zone = o.zone_no.clone();
            }
            t.raw = raw_of(o);
            if let Some(b) = o.tunnel_bgp_config.as_ref().filter(|b| on(&b.enable_bgp)) {
                let state = aliyun_bgp(b.bgp_status.as_deref());
                t.facets.insert(Facet::Bgp, state.clone());
                let spec = BgpSession {
                    over_id: Some(tid.clone()),
                    peer_ip: b.peer_bgp_ip.clone(),
                    local_ip: b.local_bgp_ip.clone(),
                    local_asn: b.local_asn,
                    peer_asn: b.peer_asn,
                    ..BgpSession::default()
                };
                let mut s =
                    ResourceItem::new(format!("{tid}#bgp"), Spec::BgpSession(spec), raw_of(b));
                s.parent_id = Some(tid.clone());
                s.state = state;
                bgp_sessions.push(s);
            }
            tunnels.push(t);
        }
    }
    let routing = match bgp {
        Some(b) => Routing::Bgp {
            local_asn: b.local_asn,
            peer_asn: b.peer_asn,
            tunnel_cidr: b.tunnel_cidr.clone(),
            local_ip: b.local_bgp_ip.clone(),
            peer_ip: b.peer_bgp_ip.clone(),
        },
        None => Routing::Policy {
            local_prefixes: split(c.local_subnet.as_deref()),
            remote_prefixes: split(c.remote_subnet.as_deref()),
        },
    };
    let ike = c.ike_config.as_ref().map(|k| {
        json!({"version": k.ike_version, "mode": k.ike_mode, "enc": k.ike_enc_alg,
               "auth": k.ike_auth_alg, "dh_group": k.ike_pfs, "lifetime": k.ike_lifetime,
               "local_id": k.local_id, "remote_id": k.remote_id})
    });
    let ipsec = c.ipsec_config.as_ref().map(|p| {
        json!({"enc": p.ipsec_enc_alg, "auth": p.ipsec_auth_alg, "pfs": p.ipsec_pfs,
               "lifetime": p.ipsec_lifetime})
    });
    let spec = Connection {
        gateway_id: c.vpn_gateway_id.clone(),
        customer_gateway_id: c.customer_gateway_id.clone(),
        routing,
        ike: obj(ike),
        ipsec: obj(ipsec),
        dpd: c.enable_dpd,
        nat_traversal: c.enable_nat_traversal,
        tunnel_count: tunnels.len() as u8,
        created_at: ms(c.create_time),
        ..Connection::default()
    };
    let mut conn = ResourceItem::new(id.clone(), Spec::Connection(spec), raw_of(c));
    conn.name = c.name.clone();
    conn.parent_id = c.vpn_gateway_id.clone();
    conn.state = StateValue {
        state: State::combine(tunnels.iter().map(|t| t.state.state)),
        raw: c.status.clone(),
        reason: None,
    };
    let health_checks = health
        .map(|h| {
            let spec = HealthCheck {
                connection_id: Some(id.clone()),
                source_ip: h.sip.clone(),
                dest_ip: h.dip.clone(),
                protocol: Some("icmp".into()),
                interval: h.interval,
                retry: h.retry,
            };
            let mut it = ResourceItem::new(id.clone(), Spec::HealthCheck(spec), raw_of(h));
            it.parent_id = Some(id.clone());
            it.state = aliyun_health(h.status.as_deref());
            it
        })
        .into_iter()
        .collect();
    Some(ConnectionRows {
        connection: conn,
        tunnels,
        bgp_sessions,
        health_checks,
    })
}

fn obj(v: Option<Value>) -> serde_json::Map<String, Value> {
    match v {
        Some(Value::Object(m)) => m.into_iter().filter(|(_, v)| !v.is_null()).collect(),
        _ => serde_json::Map::new(),
    }
}

fn tunnel_item(conn: &str, id: String, status: Option<&str>, role: Option<String>) -> ResourceItem {
    let spec = Tunnel {
        connection_id: conn.to_owned(),
        role,
        ..Tunnel::default()
    };
    let mut t = ResourceItem::new(id, Spec::Tunnel(spec), json!({ "Status": status }));
    t.parent_id = Some(conn.to_owned());
    t.state = aliyun_tunnel(status);
    let (ike, ipsec) = phases(status);
    t.facets.insert(Facet::Ike, ike);
    t.facets.insert(Facet::Ipsec, ipsec);
    t
}
