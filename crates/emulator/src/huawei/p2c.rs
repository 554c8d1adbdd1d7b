//! Point-to-site routes (huawei.md §3.9–§3.11): P2C gateways (marker pages), live client
//! sessions (offset pages), VPN servers, and the server's users / groups / policies.

use huawei::types::*;
use serde_json::Value;

use super::errors::HwErr;
use super::ops::Ctx;
use super::page::{limit, marker_page};
use super::to_json;

pub fn route(ctx: &Ctx<'_>, rest: &[&str]) -> Result<Value, HwErr> {
    let r = ctx.r;
    let servers: Vec<VpnServer> = r.vpn_servers.iter().map(|(_, s)| s.clone()).collect();
    match rest {
        ["vpn-servers"] => {
            let (items, info, total) = marker_page(&servers, ctx.query, 200, 200)?;
            to_json(&ListVpnServersResponse {
                vpn_servers: items,
                total_count: Some(total),
                page_info: Some(info),
                ..Default::default()
            })
        }
        ["p2c-vpn-gateways"] => {
            let (items, info, total) = marker_page(&r.p2c_gateways, ctx.query, 200, 200)?;
            to_json(&ListP2cGatewaysResponse {
                p2c_vpn_gateways: items,
                total_count: Some(total),
                page_info: Some(info),
                ..Default::default()
            })
        }
        ["p2c-vpn-gateways", "jobs"] => to_json(&ListJobsResponse::default()),
        ["p2c-vpn-gateways", "vpn-servers", sid, what] => {
            if !servers.iter().any(|s| s.id == *sid) {
                return Err(HwErr::new(
                    404,
                    "VPN.1116",
                    format!("vpn server {sid} not found"),
                ));
            }
            match *what {
                "users" => to_json(&ListUsersResponse::default()),
                "groups" => to_json(&ListUserGroupsResponse::default()),
                "access-policies" => to_json(&ListAccessPoliciesResponse::default()),
                _ => Err(HwErr::no_api()),
            }
        }
        ["p2c-vpn-gateways", id] => {
            let g = r
                .p2c_gateways
                .iter()
                .find(|g| g.id == *id)
                .ok_or_else(|| HwErr::not_found("P2C_VPN_GATEWAY", id))?;
            to_json(&ShowP2cGatewayResponse {
                p2c_vpn_gateway: g.clone(),
                ..Default::default()
            })
        }
        ["p2c-vpn-gateways", id, "connections"] => {
            let all = r
                .p2c_sessions
                .get(*id)
                .ok_or_else(|| HwErr::not_found("P2C_VPN_GATEWAY", id))?;
            let lim = limit(ctx.query, 100, 1000)?;
            let off = match ctx.query.iter().find(|(k, _)| k == "offset") {
                None => 0,
                Some((_, v)) => v
                    .parse::<usize>()
                    .map_err(|_| HwErr::invalid(format!("offset {v:?}")))?,
            };
            let page = all.iter().skip(off).take(lim).cloned().collect();
            to_json(&ListP2cConnectionsResponse {
                connections: page,
                total_count: Some(all.len() as i64),
                ..Default::default()
            })
        }
        ["p2c-vpn-gateways", id, "vpn-servers"] => {
            let items = r
                .vpn_servers
                .iter()
                .filter(|(g, _)| g == id)
                .map(|(_, s)| s.clone())
                .collect();
            to_json(&ListVpnServersResponse {
                vpn_servers: items,
                ..Default::default()
            })
        }
        _ => Err(HwErr::no_api()),
    }
}
