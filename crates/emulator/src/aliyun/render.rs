//! Live rendering of stored objects: statuses come from [`crate::dynamics`] at the current
//! simulation time (alibaba.md §3.4.2, §3.15), never from the stored snapshot.

use aliyun::types::bgp::BgpPeer;
use aliyun::types::connection::VpnConnection;

use super::dispatch::Ctx;
use crate::dynamics::{self, Profile};

fn profile(ctx: &Ctx<'_>, id: &str) -> Profile {
    ctx.region
        .profiles
        .get(id)
        .copied()
        .unwrap_or(Profile::Healthy)
}

/// A connection with its status, tunnel states, health check and BGP status for "now".
pub fn connection(ctx: &Ctx<'_>, c: &VpnConnection) -> VpnConnection {
    let mut c = c.clone();
    let id = c.vpn_connection_id.clone().unwrap_or_default();
    let p = profile(ctx, &id);
    let (seed, now) = (ctx.seed, ctx.now);
    let status = dynamics::aliyun_status(p, seed, &id, now);
    c.status = Some(status.into());
    if let Some(h) = c.vco_health_check.as_mut() {
        h.status = Some(dynamics::health_check(p, seed, &id, now).into());
    }
    if let Some(b) = c.vpn_bgp_config.as_mut() {
        b.status = Some(dynamics::aliyun_bgp(p, seed, &id, now).into());
    }
    // Occasional re-configuration (dynamics::config_revision): the IPsec lifetime changes.
    let lifetime = dynamics::ipsec_lifetime(dynamics::config_revision(seed, &id, now).0);
    if let Some(i) = c.ipsec_config.as_mut() {
        i.ipsec_lifetime = Some(lifetime);
    }
    if let Some(ts) = c.tunnel_options_specification.as_mut() {
        for (i, t) in ts.items.iter_mut().enumerate() {
            // Each tunnel flaps on its own; the slave mirrors the master's profile.
            let key = format!("{id}/{i}");
            t.status = Some(dynamics::aliyun_status(p, seed, &key, now).into());
            if let Some(i) = t.tunnel_ipsec_config.as_mut() {
                i.ipsec_lifetime = Some(lifetime);
            }
            if let Some(b) = t.tunnel_bgp_config.as_mut() {
                b.bgp_status = Some(dynamics::aliyun_bgp(p, seed, &key, now).into());
            }
        }
    }
    c
}

/// A VBR BGP peer with its session state for "now".
pub fn bgp_peer(ctx: &Ctx<'_>, peer: &BgpPeer) -> BgpPeer {
    let mut peer = peer.clone();
    let id = peer.bgp_peer_id.clone().unwrap_or_default();
    let p = profile(ctx, &id);
    peer.bgp_status = Some(dynamics::vbr_peer_status(p, ctx.seed, &id, ctx.now).into());
    peer
}
