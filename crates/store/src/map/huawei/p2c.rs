//! Huawei point-to-site (client VPN): the P2C gateway becomes a [`VpnGateway`] row with
//! `ssl_vpn = true`, its VPN server an [`SslVpnServer`] row whose parent is the gateway
//! (spec §3.9–3.10, §5.1 "client VPN").
//!
//! The server reports no client count: `connections` / `max_connections` come from the P2C
//! gateway (`current_connection_number` / `max_connection_number`) when the caller passes it,
//! else `None`. Ports and counts that do not fit `u32` become `None`. A gateway with
//! `frozen_effect` ≠ 0 is `Down` whatever its `status` (spec §5.3), the effect noted as the
//! reason. Items with an empty `id` are skipped.

use super::raw_of;
use crate::map::text;
use crate::model::state::huawei_lifecycle;
use crate::model::{ResourceItem, Spec, SslVpnServer, State, VpnGateway};
use huawei::types as hw;

/// `p2c_vpn_gateway` → gateway row (client VPN).
pub fn p2c_gateway(g: &hw::P2cVpnGateway) -> Option<ResourceItem> {
    let id = text(Some(&g.id))?;
    let spec = VpnGateway {
        vpc_id: text(g.vpc_id.as_deref()),
        subnet_ids: text(g.connect_subnet.as_deref()).into_iter().collect(),
        public_ips: g
            .eip
            .as_ref()
            .and_then(|e| text(e.ip_address.as_deref()))
            .into_iter()
            .collect(),
        size_label: text(g.flavor.as_deref()),
        ssl_vpn: true,
        created_at: g.created_at.as_ref().map(|t| t.as_str().to_owned()),
        tags: g
            .tags
            .iter()
            .map(|t| (t.key.clone(), t.value.clone()))
            .collect(),
        ..VpnGateway::default()
    };
    let mut it = ResourceItem::new(id, Spec::VpnGateway(spec), raw_of(g));
    it.name = text(g.name.as_deref());
    it.state = huawei_lifecycle(g.status.as_deref());
    if let Some(n) = g.frozen_effect.filter(|n| *n != 0) {
        it.state.state = State::Down;
        it.state.reason = Some(format!("frozen_effect={n}"));
    }
    Some(it)
}

/// `vpn_server` → SSL-VPN server row; `gateway` (its P2C gateway) supplies the client counts.
pub fn vpn_server(s: &hw::VpnServer, gateway: Option<&hw::P2cVpnGateway>) -> Option<ResourceItem> {
    let id = text(Some(&s.id))?;
    let gateway_id =
        text(s.p2c_vgw_id.as_deref()).or_else(|| gateway.and_then(|g| text(Some(&g.id))));
    // Counts only from the server's own gateway.
    let gw = gateway.filter(|g| gateway_id.is_some() && text(Some(&g.id)) == gateway_id);
    let count = |n: Option<i64>| n.and_then(|n| u32::try_from(n).ok());
    let ssl = s.ssl_options.as_ref();
    let spec = SslVpnServer {
        gateway_id: gateway_id.clone(),
        client_pool: text(s.client_cidr.as_deref()),
        local_prefixes: s
            .local_subnets
            .iter()
            .filter_map(|p| text(Some(p)))
            .collect(),
        protocol: ssl.and_then(|o| text(o.protocol.as_deref())),
        port: ssl.and_then(|o| count(o.port)),
        cipher: ssl.and_then(|o| text(o.encryption_algorithm.as_deref())),
        compress: ssl.and_then(|o| o.is_compressed),
        connections: gw.and_then(|g| count(g.current_connection_number)),
        max_connections: gw.and_then(|g| count(g.max_connection_number)),
    };
    let mut it = ResourceItem::new(id, Spec::SslVpnServer(spec), raw_of(s));
    it.parent_id = gateway_id;
    it.state = huawei_lifecycle(s.status.as_deref());
    Some(it)
}
