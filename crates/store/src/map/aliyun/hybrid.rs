//! Alibaba Express Connect (spec §3.12–3.15): physical connections, VBRs, router interfaces
//! and the BGP sessions of VBRs (groups + peers).
//!
//! A VBR BGP session is one `BgpPeer`; settings the peer lacks (ASNs) come from its
//! `BgpGroup`. Session state is `BgpStatus`: `Established` up, empty / absent unknown, any
//! other FSM name (`Idle`, `Active`, `OpenSent`…) down with the string kept (spec §3.15
//! DECISION); the peer object's own `Status` (`Pending` / `Available`) is the `lifecycle`
//! facet. Alibaba reports no session uptime, so `since` stays `None`. `AuthKey` is redacted
//! in `raw`.

use super::{lifecycle, raw_of};
use crate::map::text;
use crate::model::state::aliyun_bgp;
use crate::model::{
    BgpSession, Facet, PhysicalConnection, ResourceItem, RouterInterface, Spec, State, StateValue,
    Vbr,
};
use aliyun::types::bgp::{BgpGroup, BgpNetwork, BgpPeer};
use aliyun::types::router_interface::RouterInterface as WireRouterInterface;
use aliyun::types::vbr::{PhysicalConnection as WirePhysicalConnection, Vbr as WireVbr};

/// `Vbr` → VBR row, parent = its physical connection. Status compared case-insensitively
/// (`active` / `Enabled` up, `unconfirmed` / `terminating` / `recovering` pending,
/// `terminated` down).
pub fn vbr(v: &WireVbr) -> Option<ResourceItem> {
    let id = text(v.vbr_id.as_deref())?;
    let spec = Vbr {
        physical_connection_id: text(v.physical_connection_id.as_deref()),
        vlan_id: v.vlan_id,
        local_ip: text(v.local_gateway_ip.as_deref()),
        peer_ip: text(v.peer_gateway_ip.as_deref()),
        netmask: text(v.peering_subnet_mask.as_deref()),
        route_table_id: text(v.route_table_id.as_deref()),
    };
    let mut it = ResourceItem::new(id, Spec::Vbr(spec.clone()), raw_of(v));
    it.name = text(v.name.as_deref());
    it.parent_id = spec.physical_connection_id;
    it.state = lifecycle(v.status.as_deref(), None);
    Some(it)
}

/// `RouterInterface` → router interface row, parent = its router (VRouter or VBR). State
/// from `Status` + `BusinessStatus` (`Idle` = not connected: down).
pub fn router_interface(r: &WireRouterInterface) -> Option<ResourceItem> {
    let id = text(r.router_interface_id.as_deref())?;
    let spec = RouterInterface {
        role: text(r.role.as_deref()),
        router_id: text(r.router_id.as_deref()),
        router_type: text(r.router_type.as_deref()),
        opposite_router_id: text(r.opposite_router_id.as_deref()),
        opposite_interface_id: text(r.opposite_interface_id.as_deref()),
        spec: text(r.spec.as_deref()),
    };
    let mut it = ResourceItem::new(id, Spec::RouterInterface(spec.clone()), raw_of(r));
    it.name = text(r.name.as_deref());
    it.parent_id = spec.router_id;
    it.state = lifecycle(r.status.as_deref(), r.business_status.as_deref());
    Some(it)
}

/// `PhysicalConnection` → leased line row (no parent: access points are not rows). State
/// from `Status` + `BusinessStatus` (`Enabled` up, `Initial` … `Confirmed` pending,
/// `Rejected` / `Canceled` / `AllocationFailed` / `Terminated` down).
pub fn physical_connection(p: &WirePhysicalConnection) -> Option<ResourceItem> {
    let id = text(p.physical_connection_id.as_deref())?;
    let spec = PhysicalConnection {
        access_point_id: text(p.access_point_id.as_deref()),
        line_operator: text(p.line_operator.as_deref()),
        port_type: text(p.port_type.as_deref()),
        bandwidth_mbps: p.bandwidth,
        peer_location: text(p.peer_location.as_deref()),
    };
    let mut it = ResourceItem::new(id, Spec::PhysicalConnection(spec), raw_of(p));
    it.name = text(p.name.as_deref());
    it.state = lifecycle(p.status.as_deref(), p.business_status.as_deref());
    Some(it)
}

/// `BgpStatus` → session state (see the module docs).
fn session_state(raw: Option<&str>) -> StateValue {
    let v = aliyun_bgp(raw);
    if v.state == State::Unknown && text(raw).is_some() {
        StateValue::new(State::Down, raw)
    } else {
        v
    }
}

/// One `BgpPeer` → BGP session row over (and owned by) its VBR. `group` fills the ASNs the
/// peer does not carry. Id: `BgpPeerId`, else `<vbr>#bgp#<peer ip>`; `None` when neither
/// can be formed.
pub fn bgp_peer(p: &BgpPeer, group: Option<&BgpGroup>) -> Option<ResourceItem> {
    let vbr =
        text(p.router_id.as_deref()).or_else(|| group.and_then(|g| text(g.router_id.as_deref())));
    let peer_ip = text(p.peer_ip_address.as_deref());
    let id = match (text(p.bgp_peer_id.as_deref()), &vbr, &peer_ip) {
        (Some(id), _, _) => id,
        (None, Some(v), Some(ip)) => format!("{v}#bgp#{ip}"),
        _ => return None,
    };
    let spec = BgpSession {
        over_id: vbr.clone(),
        peer_ip,
        local_ip: text(p.local_ip_address.as_deref()),
        local_asn: p.local_asn.or(group.and_then(|g| g.local_asn)),
        peer_asn: p.peer_asn.or(group.and_then(|g| g.peer_asn)),
        ..BgpSession::default()
    };
    let mut it = ResourceItem::new(id, Spec::BgpSession(spec), raw_of(p));
    it.name = text(p.name.as_deref());
    it.parent_id = vbr;
    it.state = session_state(p.bgp_status.as_deref());
    if let Some(s) = text(p.status.as_deref()) {
        it.facets
            .insert(Facet::Lifecycle, lifecycle(Some(&s), None));
    }
    Some(it)
}

/// Every VBR BGP session of a region: each peer with its group, `advertised` = the BGP
/// networks whose `RouterId` is the peer's VBR (networks without a `RouterId` are not
/// attributed). Duplicate ids are dropped.
pub fn bgp_sessions(
    groups: &[BgpGroup],
    peers: &[BgpPeer],
    networks: &[BgpNetwork],
) -> Vec<ResourceItem> {
    let items = peers.iter().filter_map(|p| {
        let group = groups.iter().find(|g| {
            g.bgp_group_id.is_some()
                && text(g.bgp_group_id.as_deref()) == text(p.bgp_group_id.as_deref())
        });
        let mut it = bgp_peer(p, group)?;
        if let Spec::BgpSession(s) = &mut it.spec {
            let vbr = s.over_id.clone();
            s.advertised = networks
                .iter()
                .filter(|n| vbr.is_some() && text(n.router_id.as_deref()) == vbr)
                .filter_map(|n| text(n.dst_cidr_block.as_deref()))
                .collect();
        }
        Some(it)
    });
    crate::map::unique(items)
}
