//! VPC reads (alibaba.md §3.1, §3.7–§3.11): regions, VPCs, vSwitches, vRouters, route
//! tables and tags.

use aliyun::types::region::{DescribeRegionsResponse, Region};
use aliyun::types::route_table::{DescribeRouteTableListResponse, DescribeRouteTablesResponse};
use aliyun::types::tag::ListTagResourcesResponse;
use aliyun::types::vpc::{
    DescribeVRoutersResponse, DescribeVSwitchesResponse, DescribeVpcsResponse,
};
use serde_json::Value;

use super::auth::param;
use super::dispatch::Ctx;
use super::errors::AliErr;
use super::to_json;
use crate::estate::names::ALIYUN_REGIONS;
use crate::paged_reply;

/// Regions served by the central endpoint (same list as the client's `endpoint.rs`).
const CENTRAL: &[&str] = &[
    "cn-qingdao",
    "cn-beijing",
    "cn-hangzhou",
    "cn-shanghai",
    "cn-shenzhen",
    "cn-hongkong",
    "ap-southeast-1",
    "us-east-1",
    "us-west-1",
];

pub fn describe_regions(p: &[(String, String)]) -> Result<Value, AliErr> {
    let english = param(p, "AcceptLanguage").is_some_and(|l| l.eq_ignore_ascii_case("en-US"));
    let regions: Vec<Region> = ALIYUN_REGIONS
        .iter()
        .map(|(id, name)| Region {
            region_id: Some((*id).into()),
            local_name: Some(if english {
                (*name).to_owned()
            } else {
                name.to_string()
            }),
            region_endpoint: Some(if CENTRAL.contains(id) {
                "vpc.aliyuncs.com".into()
            } else {
                format!("vpc.{id}.aliyuncs.com")
            }),
            ..Region::default()
        })
        .collect();
    to_json(&DescribeRegionsResponse {
        regions: regions.into(),
        ..Default::default()
    })
}

pub fn read(ctx: &Ctx<'_>, action: &str) -> Result<Value, AliErr> {
    let v = &ctx.region.vpc;
    let (p, clamp) = (ctx.p, ctx.clamp);
    match action {
        "DescribeVpcs" => {
            // IsDefault=false excludes default VPCs; absent/true returns all (§5.8).
            let items = v
                .vpcs
                .iter()
                .filter(|x| param(p, "IsDefault") != Some("false") || x.is_default != Some(true))
                .cloned();
            paged_reply!(
                DescribeVpcsResponse,
                vpcs,
                items,
                p,
                &["VpcId", "VpcName", "ResourceGroupId"],
                clamp
            )
        }
        "DescribeVSwitches" => {
            let rt = param(p, "RouteTableId");
            let items = v
                .vswitches
                .iter()
                .filter(|s| {
                    rt.is_none_or(|rt| {
                        s.route_table
                            .as_ref()
                            .and_then(|r| r.route_table_id.as_deref())
                            == Some(rt)
                    })
                })
                .cloned();
            paged_reply!(
                DescribeVSwitchesResponse,
                v_switches,
                items,
                p,
                &[
                    "VpcId",
                    "VSwitchId",
                    "ZoneId",
                    "VSwitchName",
                    "ResourceGroupId"
                ],
                clamp
            )
        }
        "DescribeVRouters" => paged_reply!(
            DescribeVRoutersResponse,
            v_routers,
            v.vrouters.iter().cloned(),
            p,
            &["VRouterId"],
            clamp
        ),
        "DescribeRouteTables" => {
            let router = param(p, "RouterId");
            let items = v
                .route_tables
                .iter()
                .filter(|t| router.is_none_or(|r| t.v_router_id.as_deref() == Some(r)))
                .cloned();
            paged_reply!(
                DescribeRouteTablesResponse,
                route_tables,
                items,
                p,
                &[
                    "RouteTableId",
                    "VRouterId",
                    "RouteTableName",
                    "ResourceGroupId"
                ],
                clamp
            )
        }
        "DescribeRouteTableList" => paged_reply!(
            DescribeRouteTableListResponse,
            router_table_list,
            v.route_table_list(),
            p,
            &[
                "RouteTableId",
                "RouterId",
                "RouterType",
                "VpcId",
                "RouteTableName"
            ],
            clamp
        ),
        "ListTagResources" => list_tags(ctx),
        other => Err(AliErr::new(
            404,
            "InvalidAction.NotFound",
            format!("Specified api is not found: {other}"),
        )),
    }
}

/// `ListTagResources` with `NextToken`/`MaxResults` (20–100, default 50), §2 and §3.7.
fn list_tags(ctx: &Ctx<'_>) -> Result<Value, AliErr> {
    let p = ctx.p;
    let kind = param(p, "ResourceType")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| AliErr::missing("ResourceType"))?;
    let ids: Vec<&str> = p
        .iter()
        .filter(|(k, _)| k.starts_with("ResourceId."))
        .map(|(_, v)| v.as_str())
        .collect();
    let max = match param(p, "MaxResults") {
        None => 50,
        Some(m) => m
            .parse::<usize>()
            .ok()
            .filter(|m| (20..=100).contains(m))
            .ok_or_else(|| AliErr::invalid("MaxResults", m))?,
    };
    let start = match param(p, "NextToken").filter(|t| !t.is_empty()) {
        None => 0,
        Some(t) => t
            .parse::<usize>()
            .map_err(|_| AliErr::invalid("NextToken", t))?,
    };
    let all: Vec<_> = ctx
        .region
        .tags
        .iter()
        .filter(|t| {
            t.resource_type
                .as_deref()
                .is_some_and(|k| k.eq_ignore_ascii_case(kind))
        })
        .filter(|t| ids.is_empty() || ids.iter().any(|i| t.resource_id.as_deref() == Some(*i)))
        .cloned()
        .collect();
    let next = (start + max < all.len()).then(|| (start + max).to_string());
    let page: Vec<_> = all.into_iter().skip(start).take(max).collect();
    to_json(&ListTagResourcesResponse {
        next_token: Some(next.unwrap_or_default()),
        tag_resources: page.into(),
        ..Default::default()
    })
}
