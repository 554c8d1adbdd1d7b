//! `DescribeVpnConnectionLogs` / `DescribeVpnSslServerLogs` (alibaba.md §3.6): one line per
//! dynamics epoch for the last 24 epochs, paged with PageNumber/PageSize.

use aliyun::types::logs::{DescribeVpnLogsResponse, VpnLogsData};
use chrono::Duration;
use serde_json::Value;

use super::dispatch::Ctx;
use super::errors::AliErr;
use super::{page, to_json};
use crate::dynamics::{self, Profile, EPOCH_SECS};

/// Log lines for the last 24 epochs: one state line per epoch, in the IKE daemon's style.
pub(super) fn logs(ctx: &Ctx<'_>, id: &str, prof: Profile) -> Result<Value, AliErr> {
    let pg = page::page(ctx.p, ctx.clamp)?;
    let lines: Vec<String> = (0..24)
        .rev()
        .map(|i| {
            let t = ctx.now - Duration::seconds(EPOCH_SECS * i);
            let st = dynamics::aliyun_status(prof, ctx.seed, id, t);
            format!(
                "{} {id}: {}",
                t.format("%Y-%m-%d %H:%M:%S"),
                match st {
                    "ipsec_sa_established" => "IPsec SA established, tunnel up",
                    "ike_sa_not_established" => "IKE SA negotiation failed: no proposal chosen",
                    _ => "IPsec SA deleted, retransmitting",
                }
            )
        })
        .collect();
    let count = lines.len() as u64;
    to_json(&DescribeVpnLogsResponse {
        page_number: Some(pg.number),
        page_size: Some(pg.size),
        count: Some(count),
        is_completed: Some(true),
        data: VpnLogsData {
            logs: page::slice(lines, pg),
            ..Default::default()
        },
        ..Default::default()
    })
}
