//! Huawei site-to-site routes (huawei.md §3.2–§3.8, §3.12, §3.13). Every answer is one of
//! `huawei::types`' response structs; connection status and BGP state come from
//! [`crate::dynamics`] at the current simulation time, and PSKs never leave the state.

use huawei::types::*;
use serde_json::Value;

use super::errors::HwErr;
use super::page::marker_page;
use super::{p2c, to_json};
use crate::dynamics::{self, Profile};
use crate::estate::huawei::HwRegion;
use crate::server::Shared;

/// Shared read context.
pub struct Ctx<'a> {
    pub r: &'a HwRegion,
    pub query: &'a [(String, String)],
    pub seed: u64,
    pub now: chrono::DateTime<chrono::Utc>,
}

impl Ctx<'_> {
    pub(super) fn q(&self, k: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn profile(&self, id: &str) -> Profile {
        self.r.profiles.get(id).copied().unwrap_or(Profile::Healthy)
    }

    /// A connection as served now: live status and BGP counters, no PSK.
    fn live(&self, c: &VpnConnection) -> VpnConnection {
        let mut c = c.clone();
        let p = self.profile(&c.id);
        c.psk = None;
        let (rev, changed) = dynamics::config_revision(self.seed, &c.id, self.now);
        if let Some(i) = c.ipsecpolicy.as_mut() {
            i.lifetime_seconds = Some(dynamics::ipsec_lifetime(rev) as i64);
        }
        let changed = changed.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        c.updated_at = Some(Timestamp(changed));
        c.status = Some(dynamics::huawei_status(p, self.seed, &c.id, self.now).into());
        if let Some(b) = c.bgp_peer.as_mut() {
            b.state = Some(dynamics::huawei_bgp_state(p, self.seed, &c.id, self.now).into());
            b.num_received_routes = Some(dynamics::prefix_count(p, 4, self.seed, &c.id, self.now));
            let m = dynamics::message_count(self.seed, &c.id, self.now);
            b.num_message_received = Some(m);
            b.num_message_sent = Some(m + 1);
        }
        c
    }
}

pub fn route(
    state: &Shared,
    account: usize,
    region_i: usize,
    method: &str,
    rest: &[&str],
    query: &[(String, String)],
    _body: &[u8],
) -> Result<(u16, Value), HwErr> {
    let estate = state.estate();
    let ctx = Ctx {
        r: &estate.accounts[account].huawei[region_i],
        query,
        seed: estate.seed,
        now: state.clock.now(),
    };
    let r = ctx.r;
    let ok = |v: Result<Value, HwErr>| v.map(|v| (200, v));
    match (method, rest) {
        ("POST", ["vpn-connection", id, "reset"]) => {
            find_conn(r, id)?;
            Ok((200, serde_json::json!({})))
        }
        (m, _) if m != "GET" => Err(HwErr::no_api()),
        (
            _,
            [kind @ ("vpn-gateway" | "customer-gateway" | "vpn-connection" | "p2c-vpn-gateways"), id, "tags"],
        ) => ok(super::tags::resource_tags(r, kind, id)),
        (
            _,
            [kind @ ("vpn-gateway" | "customer-gateway" | "vpn-connection" | "p2c-vpn-gateways"), "tags"],
        ) => ok(super::tags::project_tags(r, kind)),
        (_, ["p2c-vpn-gateways", ..]) | (_, ["vpn-servers"]) => {
            p2c::route(&ctx, rest).map(|v| (200, v))
        }
        (_, ["vpn-gateways"]) => ok(to_json(&ListVpnGatewaysResponse {
            vpn_gateways: r.vpn_gateways.clone(),
            ..Default::default()
        })),
        (_, ["vpn-gateways", "availability-zones"]) => {
            let zones = [(
                "vpc".to_owned(),
                [(
                    "Basic".to_owned(),
                    vec![format!("{}a", r.region), format!("{}b", r.region)],
                )]
                .into_iter()
                .collect(),
            )]
            .into_iter()
            .collect();
            ok(to_json(&AvailabilityZonesResponse {
                availability_zones: zones,
                ..Default::default()
            }))
        }
        (_, ["vpn-gateways", "jobs"]) => ok(to_json(&ListJobsResponse::default())),
        (_, ["vpn-gateways", id]) => {
            let gw =
                r.vpn_gateways.iter().find(|g| g.id == *id).ok_or_else(|| {
                    HwErr::new(404, "VPN.0509", format!("gateway {id} not found"))
                })?;
            let mut gw = gw.clone();
            gw.used_connection_number = Some(
                r.connections
                    .iter()
                    .filter(|c| c.vgw_id.as_deref() == Some(id))
                    .count() as i64,
            );
            ok(to_json(&ShowVpnGatewayResponse {
                vpn_gateway: gw,
                ..Default::default()
            }))
        }
        (_, ["vpn-gateways", id, "routing-table"]) => ok(super::routing::routing_table(&ctx, id)),
        (_, ["vpn-gateways", id, "certificate"]) => Err(HwErr::not_found("CERTIFICATE", id)),
        (_, ["customer-gateways"]) => {
            let (items, info, total) = marker_page(&r.customer_gateways, query, 200, 200)?;
            ok(to_json(&ListCustomerGatewaysResponse {
                customer_gateways: items,
                total_count: Some(total),
                page_info: Some(info),
                ..Default::default()
            }))
        }
        (_, ["customer-gateways", id]) => {
            let c = r
                .customer_gateways
                .iter()
                .find(|c| c.id == *id)
                .ok_or_else(|| HwErr::not_found("CUSTOMER_GATEWAY", id))?;
            ok(to_json(&ShowCustomerGatewayResponse {
                customer_gateway: c.clone(),
                ..Default::default()
            }))
        }
        (_, ["vpn-connection"]) => {
            let filtered: Vec<VpnConnection> = r
                .connections
                .iter()
                .filter(|c| {
                    ctx.q("vgw_id")
                        .is_none_or(|g| c.vgw_id.as_deref() == Some(g))
                })
                .filter(|c| {
                    ctx.q("vgw_ip")
                        .is_none_or(|g| c.vgw_ip.as_deref() == Some(g))
                })
                .map(|c| ctx.live(c))
                .collect();
            let (items, info, total) = marker_page(&filtered, query, 2000, 2000)?;
            ok(to_json(&ListVpnConnectionsResponse {
                vpn_connections: items,
                total_count: Some(total),
                page_info: Some(info),
                ..Default::default()
            }))
        }
        (_, ["vpn-connection", id]) => ok(to_json(&ShowVpnConnectionResponse {
            vpn_connection: ctx.live(find_conn(r, id)?),
            ..Default::default()
        })),
        (_, ["vpn-connection", id, "log"]) => {
            let c = find_conn(r, id)?;
            let p = ctx.profile(&c.id);
            let logs = (0..12)
                .map(|i| {
                    let t = ctx.now - chrono::Duration::seconds(dynamics::EPOCH_SECS * i);
                    let up = dynamics::tunnel_up(p, ctx.seed, &c.id, t);
                    ConnectionLog {
                        time: Some(t.timestamp()),
                        raw_message: Some(
                            if up {
                                "IKE SA established; IPsec SA installed"
                            } else {
                                "IKE negotiation failed: peer not responding"
                            }
                            .into(),
                        ),
                    }
                })
                .collect();
            ok(to_json(&ConnectionLogsResponse {
                logs,
                ..Default::default()
            }))
        }
        (_, ["connection-monitors"]) => {
            let items = r
                .monitors
                .iter()
                .filter(|m| {
                    ctx.q("vpn_connection_id")
                        .is_none_or(|c| m.vpn_connection_id.as_deref() == Some(c))
                })
                .cloned()
                .collect();
            ok(to_json(&ListConnectionMonitorsResponse {
                connection_monitors: items,
                ..Default::default()
            }))
        }
        (_, ["connection-monitors", id]) => {
            let m = r
                .monitors
                .iter()
                .find(|m| m.id == *id)
                .ok_or_else(|| HwErr::not_found("CONNECTION_MONITOR", id))?;
            ok(to_json(&ShowConnectionMonitorResponse {
                connection_monitor: m.clone(),
                ..Default::default()
            }))
        }
        (_, ["vpn", "quotas"]) => ok(to_json(&QuotasResponse {
            quotas: Quotas {
                resources: r.quotas.clone(),
            },
            ..Default::default()
        })),
        _ => Err(HwErr::no_api()),
    }
}

fn find_conn<'a>(r: &'a HwRegion, id: &str) -> Result<&'a VpnConnection, HwErr> {
    r.connections.iter().find(|c| c.id == id).ok_or_else(|| {
        HwErr::new(
            404,
            "VPN.0563",
            format!("vpn connection {id} does not exist"),
        )
    })
}
