//! Gateway routing table (huawei.md §3.3).

use huawei::types::*;
use serde_json::Value;

use super::errors::HwErr;
use super::ops::Ctx;
use super::page::limit;
use super::to_json;
use crate::dynamics;

/// Learned routes of a gateway: only those whose BGP session is up now (huawei.md §3.3).
/// Paged with `limit` and an index `marker` (route entries have no creation time).
pub(super) fn routing_table(ctx: &Ctx<'_>, gw: &str) -> Result<Value, HwErr> {
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
