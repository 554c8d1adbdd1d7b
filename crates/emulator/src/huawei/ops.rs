//! Huawei site-to-site routes (huawei.md §3.2–§3.8, §3.12, §3.13). Every answer is one of
//! `huawei::types`' response structs; connection status and BGP state come from
//! [`crate::dynamics`] at the current simulation time, and PSKs never leave the state.

use huawei::types::*;
use serde_json::Value;

use super::errors::HwErr;
use super::page::{limit, marker_page};
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
    fn q(&self, k: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }

    fn profile(&self, id: &str) -> Profile {
        self.r.profiles.get(id).copied().unwrap_or(Profile::Healthy)
    }

    /// A connection as served now: live status and BGP counters, no PSK.
    fn live(&self, c: &VpnConnection) -> VpnConnection {
        let mut c = c.clone();
        let p = self.profile(&c.id);
        c.psk = None;
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
        ) => ok(resource_tags(r, kind, id)),
        (
            _,
            [kind @ ("vpn-gateway" | "customer-gateway" | "vpn-connection" | "p2c-vpn-gateways"), "tags"],
        ) => ok(project_tags(r, kind)),
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
        (_, ["vpn-gateways", id, "routing-table"]) => ok(routing_table(&ctx, id)),
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

/// Learned routes of a gateway: only those whose BGP session is up now (huawei.md §3.3).
/// Paged with `limit` and an index `marker` (route entries have no creation time).
fn routing_table(ctx: &Ctx<'_>, gw: &str) -> Result<Value, HwErr> {
    let all = ctx
        .r
        .routes
        .get(gw)
        .ok_or_else(|| HwErr::new(404, "VPN.0509", format!("gateway {gw} not found")))?;
    let live: Vec<RouteEntry> = all
        .iter()
        .filter(|e| {
            let id = e
                .nexthop_resource
                .as_ref()
                .and_then(|n| n.id.clone())
                .unwrap_or_default();
            dynamics::bgp_up(ctx.profile(&id), ctx.seed, &id, ctx.now)
        })
        .cloned()
        .collect();
    let lim = limit(ctx.query, 2000, 2000)?;
    let start = match ctx.q("marker").filter(|m| !m.is_empty()) {
        None => 0,
        Some(m) => m
            .parse::<usize>()
            .map_err(|_| HwErr::invalid(format!("marker {m:?}")))?,
    };
    let page: Vec<RouteEntry> = live.iter().skip(start).take(lim).cloned().collect();
    let next = (start + page.len() < live.len()).then(|| (start + page.len()).to_string());
    let info = PageInfo {
        next_marker: next,
        current_count: Some(page.len() as i64),
    };
    to_json(&RoutingTableResponse {
        routing_table: page,
        total_count: Some(live.len() as i64),
        page_info: Some(info),
        ..Default::default()
    })
}

fn tags_of<'a>(r: &'a HwRegion, kind: &str, id: &str) -> Option<&'a Vec<Tag>> {
    match kind {
        "vpn-gateway" => r.vpn_gateways.iter().find(|x| x.id == id).map(|x| &x.tags),
        "customer-gateway" => r
            .customer_gateways
            .iter()
            .find(|x| x.id == id)
            .map(|x| &x.tags),
        "vpn-connection" => r.connections.iter().find(|x| x.id == id).map(|x| &x.tags),
        _ => r.p2c_gateways.iter().find(|x| x.id == id).map(|x| &x.tags),
    }
}

fn resource_tags(r: &HwRegion, kind: &str, id: &str) -> Result<Value, HwErr> {
    let tags = tags_of(r, kind, id).ok_or_else(|| HwErr::not_found(kind, id))?;
    to_json(&ResourceTagsResponse {
        tags: tags.clone(),
        ..Default::default()
    })
}

fn project_tags(r: &HwRegion, kind: &str) -> Result<Value, HwErr> {
    let all: Vec<&Tag> = match kind {
        "vpn-gateway" => r.vpn_gateways.iter().flat_map(|x| &x.tags).collect(),
        "customer-gateway" => r.customer_gateways.iter().flat_map(|x| &x.tags).collect(),
        "vpn-connection" => r.connections.iter().flat_map(|x| &x.tags).collect(),
        _ => r.p2c_gateways.iter().flat_map(|x| &x.tags).collect(),
    };
    let mut out: Vec<TagValues> = Vec::new();
    for t in all {
        match out.iter_mut().find(|v| v.key == t.key) {
            Some(v) if !v.values.contains(&t.value) => v.values.push(t.value.clone()),
            Some(_) => {}
            None => out.push(TagValues {
                key: t.key.clone(),
                values: vec![t.value.clone()],
            }),
        }
    }
    to_json(&ProjectTagsResponse {
        tags: out,
        ..Default::default()
    })
}
