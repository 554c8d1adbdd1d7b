//! Leased-line, BGP and EIP reads (alibaba.md §3.12–§3.16), with the `Filter.N.Key` /
//! `Filter.N.Value.M` semantics of §2: values within a filter are ORed, filters ANDed, an
//! unsupported key is `InvalidFilterKey.ValueNotSupported`.

use aliyun::types::bgp::{
    DescribeBgpGroupsResponse, DescribeBgpNetworksResponse, DescribeBgpPeersResponse,
};
use aliyun::types::eip::DescribeEipAddressesResponse;
use aliyun::types::router_interface::DescribeRouterInterfacesResponse;
use aliyun::types::vbr::{
    DescribePhysicalConnectionsResponse, DescribeVirtualBorderRoutersResponse,
};
use serde::Serialize;
use serde_json::Value;

use super::dispatch::Ctx;
use super::errors::AliErr;
use super::render;
use crate::paged_reply;

/// `(key, values)` of every `Filter.N`.
fn filters(p: &[(String, String)]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (k, key) in p
        .iter()
        .filter(|(k, _)| k.starts_with("Filter.") && k.ends_with(".Key"))
    {
        let n = &k["Filter.".len()..k.len() - ".Key".len()];
        let prefix = format!("Filter.{n}.Value.");
        let values = p
            .iter()
            .filter(|(vk, _)| vk.starts_with(&prefix))
            .map(|(_, v)| v.clone())
            .collect();
        out.push((key.clone(), values));
    }
    out
}

fn check_keys(f: &[(String, Vec<String>)], allowed: &[&str]) -> Result<(), AliErr> {
    match f.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        Some((k, _)) => Err(AliErr::new(
            404,
            "InvalidFilterKey.ValueNotSupported",
            format!("Specified filter key is not supported: {k}"),
        )),
        None => Ok(()),
    }
}

fn pass<T: Serialize>(item: &T, f: &[(String, Vec<String>)]) -> bool {
    if f.is_empty() {
        return true;
    }
    let Ok(v) = serde_json::to_value(item) else {
        return false;
    };
    f.iter().all(|(k, vals)| {
        let have = v.get(k).and_then(|x| x.as_str()).unwrap_or_default();
        vals.is_empty() || vals.iter().any(|w| w.eq_ignore_ascii_case(have))
    })
}

pub fn read(ctx: &Ctx<'_>, action: &str) -> Result<Value, AliErr> {
    let h = &ctx.region.hybrid;
    let (p, clamp) = (ctx.p, ctx.clamp);
    let f = filters(p);
    match action {
        "DescribeVirtualBorderRouters" => {
            check_keys(
                &f,
                &[
                    "VbrId",
                    "PhysicalConnectionId",
                    "Status",
                    "AccessPointId",
                    "Name",
                ],
            )?;
            let items = h.vbrs.iter().filter(|x| pass(x, &f)).cloned();
            paged_reply!(
                DescribeVirtualBorderRoutersResponse,
                virtual_border_router_set,
                items,
                p,
                &[],
                clamp
            )
        }
        "DescribePhysicalConnections" => {
            check_keys(
                &f,
                &[
                    "PhysicalConnectionId",
                    "AccessPointId",
                    "Status",
                    "Name",
                    "LineOperator",
                ],
            )?;
            let items = h
                .physical_connections
                .iter()
                .filter(|x| pass(x, &f))
                .cloned();
            paged_reply!(
                DescribePhysicalConnectionsResponse,
                physical_connection_set,
                items,
                p,
                &[],
                clamp
            )
        }
        "DescribeRouterInterfaces" => {
            check_keys(
                &f,
                &[
                    "RouterInterfaceId",
                    "RouterId",
                    "RouterType",
                    "OppositeInterfaceId",
                    "OppositeRouterId",
                    "Status",
                    "Role",
                    "Name",
                ],
            )?;
            let items = h.router_interfaces.iter().filter(|x| pass(x, &f)).cloned();
            paged_reply!(
                DescribeRouterInterfacesResponse,
                router_interface_set,
                items,
                p,
                &[],
                clamp
            )
        }
        "DescribeBgpGroups" => paged_reply!(
            DescribeBgpGroupsResponse,
            bgp_groups,
            h.bgp_groups.iter().cloned(),
            p,
            &["BgpGroupId", "RouterId"],
            clamp
        ),
        "DescribeBgpPeers" => {
            let live = h.bgp_peers.iter().map(|x| render::bgp_peer(ctx, x));
            paged_reply!(
                DescribeBgpPeersResponse,
                bgp_peers,
                live,
                p,
                &["BgpGroupId", "BgpPeerId", "RouterId"],
                clamp
            )
        }
        "DescribeBgpNetworks" => paged_reply!(
            DescribeBgpNetworksResponse,
            bgp_networks,
            h.bgp_networks.iter().cloned(),
            p,
            &["RouterId"],
            clamp
        ),
        "DescribeEipAddresses" => {
            check_keys(&f, &["CreationStartTime", "CreationEndTime"])?;
            paged_reply!(
                DescribeEipAddressesResponse,
                eip_addresses,
                h.eips.iter().cloned(),
                p,
                &["AllocationId", "Status"],
                clamp
            )
        }
        other => Err(AliErr::new(
            404,
            "InvalidAction.NotFound",
            format!("Specified api is not found: {other}"),
        )),
    }
}
