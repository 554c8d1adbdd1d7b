//! Action table and region resolution (alibaba.md §3).

use std::borrow::Cow;

use super::auth::param;
use super::errors::AliErr;
use super::{hybrid, vpc, vpn, write};
use crate::estate::aliyun::AliRegion;
use crate::estate::names::ALIYUN_REGIONS;
use crate::server::Shared;
use serde_json::Value;

/// Every action the emulator implements.
pub const KNOWN_ACTIONS: &[&str] = &[
    "DescribeRegions",
    "DescribeVpnGateways",
    "DescribeVpnGateway",
    "DescribeCustomerGateways",
    "DescribeCustomerGateway",
    "DescribeVpnConnections",
    "DescribeVpnConnection",
    "DownloadVpnConnectionConfig",
    "DescribeVpnRouteEntries",
    "DescribeVpnPbrRouteEntries",
    "DescribeSslVpnServers",
    "DescribeSslVpnClientCerts",
    "DescribeVpnConnectionLogs",
    "DescribeVpnSslServerLogs",
    "DescribeVpcs",
    "DescribeVSwitches",
    "DescribeVRouters",
    "DescribeRouteTables",
    "DescribeRouteTableList",
    "DescribeVirtualBorderRouters",
    "DescribeRouterInterfaces",
    "DescribePhysicalConnections",
    "DescribeBgpGroups",
    "DescribeBgpPeers",
    "DescribeBgpNetworks",
    "DescribeEipAddresses",
    "ListTagResources",
    "PublishVpnRouteEntry",
    "ModifyVpnRouteEntryWeight",
    "ModifyVpnPbrRouteEntryWeight",
];

/// Read context: the caller's region slice plus what dynamics need.
pub struct Ctx<'a> {
    pub p: &'a [(String, String)],
    pub region: Cow<'a, AliRegion>,
    pub seed: u64,
    pub now: chrono::DateTime<chrono::Utc>,
    pub clamp: bool,
}

/// The account's data for `RegionId`: unknown region ids are `InvalidRegionId.NotFound`;
/// a real region where the account has nothing is simply empty.
fn region<'a>(
    regions: &'a [AliRegion],
    p: &[(String, String)],
) -> Result<Cow<'a, AliRegion>, AliErr> {
    let id = param(p, "RegionId")
        .filter(|r| !r.is_empty())
        .ok_or_else(|| AliErr::missing("RegionId"))?;
    if let Some(r) = regions.iter().find(|r| r.region_id == id) {
        return Ok(Cow::Borrowed(r));
    }
    if ALIYUN_REGIONS.iter().any(|(r, _)| *r == id) {
        return Ok(Cow::Owned(AliRegion {
            region_id: id.to_owned(),
            ..AliRegion::default()
        }));
    }
    Err(AliErr::not_found("InvalidRegionId.NotFound", "RegionId"))
}

pub fn dispatch(
    state: &Shared,
    account: usize,
    action: &str,
    p: &[(String, String)],
) -> Result<Value, AliErr> {
    if write::is_write(action) {
        return write::handle(state, account, action, p);
    }
    if action == "DescribeRegions" {
        return vpc::describe_regions(p);
    }
    let estate = state.estate();
    let ctx = Ctx {
        p,
        region: region(&estate.accounts[account].aliyun, p)?,
        seed: estate.seed,
        now: state.clock.now(),
        clamp: state.config.clamp_page_size,
    };
    match action {
        a if a.starts_with("DescribeVpn")
            || a.contains("CustomerGateway")
            || a.contains("SslVpn")
            || a == "DownloadVpnConnectionConfig" =>
        {
            vpn::read(&ctx, a)
        }
        "DescribeVirtualBorderRouters"
        | "DescribeRouterInterfaces"
        | "DescribePhysicalConnections"
        | "DescribeBgpGroups"
        | "DescribeBgpPeers"
        | "DescribeBgpNetworks"
        | "DescribeEipAddresses" => hybrid::read(&ctx, action),
        _ => vpc::read(&ctx, action),
    }
}
