//! Alibaba SSL-VPN servers (spec §3.6): a feature of a VPN gateway, so the row's parent is
//! the gateway. The server has no status of its own: it is `Up` as configuration (unless a
//! newer API sends a `Status`, read from `extra`). `LocalSubnet` may list several CIDRs,
//! comma-separated. Client certificates are not mapped (no neutral kind).

use super::{lifecycle, raw_of, split};
use crate::map::{configured, text};
use crate::model::{ResourceItem, Spec, SslVpnServer};
use aliyun::types::ssl_vpn::SslVpnServer as WireSslVpnServer;

/// `SslVpnServer` → SSL-VPN server row keyed by `SslVpnServerId`.
pub fn ssl_vpn_server(s: &WireSslVpnServer) -> Option<ResourceItem> {
    let id = text(s.ssl_vpn_server_id.as_deref())?;
    let spec = SslVpnServer {
        gateway_id: text(s.vpn_gateway_id.as_deref()),
        client_pool: text(s.client_ip_pool.as_deref()),
        local_prefixes: split(s.local_subnet.as_deref()),
        protocol: text(s.proto.as_deref()),
        port: s.port,
        cipher: text(s.cipher.as_deref()),
        compress: s.compress,
        connections: s.connections,
        max_connections: s.max_connections,
    };
    let mut it = ResourceItem::new(id, Spec::SslVpnServer(spec.clone()), raw_of(s));
    it.name = text(s.name.as_deref());
    it.parent_id = spec.gateway_id;
    it.state = match text(s.extra.get("Status").and_then(|v| v.as_str())) {
        Some(st) => lifecycle(Some(&st), None),
        None => configured(),
    };
    Some(it)
}
