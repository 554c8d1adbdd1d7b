//! Alibaba regions (`DescribeRegions`, spec §3.1), VPCs (§3.8), vSwitches (§3.9) and route
//! tables (§3.11, both `DescribeRouteTables` and `DescribeRouteTableList`). Route entries
//! are in [`super::routes`].

use super::{lifecycle, raw_of};
use crate::map::{configured, text};
use crate::model::{Region, ResourceItem, RouteTable, Spec, VSwitch, Vpc};
use aliyun::types::region::Region as WireRegion;
use aliyun::types::route_table::{RouteTable as WireRouteTable, RouteTableListItem};
use aliyun::types::vpc::{VSwitch as WireVSwitch, Vpc as WireVpc};
use serde_json::{Map, Value};

/// Strings of a `{Outer: {Inner: [...]}}` list kept in `extra` (fields the wire type does not
/// model, such as the newer `SecondaryCidrBlocks`); a single string counts as a list of one.
fn extra_list(extra: &Map<String, Value>, outer: &str, inner: &str) -> Vec<String> {
    let v = extra.get(outer).and_then(|o| o.get(inner));
    let items: Vec<&Value> = match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    items.into_iter().filter_map(|s| text(s.as_str())).collect()
}

fn extra_str(extra: &Map<String, Value>, key: &str) -> Option<String> {
    text(extra.get(key).and_then(Value::as_str))
}

/// `Region` → region row keyed by `RegionId`; `None` without one.
pub fn region(r: &WireRegion) -> Option<ResourceItem> {
    let id = text(r.region_id.as_deref())?;
    let spec = Region {
        local_name: text(r.local_name.as_deref()),
        endpoint: text(r.region_endpoint.as_deref()),
    };
    let mut it = ResourceItem::new(id, Spec::Region(spec), raw_of(r));
    it.name = text(r.local_name.as_deref());
    it.state = configured();
    Some(it)
}

/// `Vpc` → VPC row. CIDRs: `CidrBlock`, any `SecondaryCidrBlocks` (newer API, read from
/// `extra`), then `Ipv6CidrBlock`; `UserCidrs` are customer ranges, not VPC space, and stay
/// in `raw`. State from `Status` (`Pending` / `Available`).
pub fn vpc(v: &WireVpc) -> Option<ResourceItem> {
    let id = text(v.vpc_id.as_deref())?;
    let mut cidrs: Vec<String> = text(v.cidr_block.as_deref()).into_iter().collect();
    for c in extra_list(&v.extra, "SecondaryCidrBlocks", "SecondaryCidrBlock") {
        if !cidrs.contains(&c) {
            cidrs.push(c);
        }
    }
    cidrs.extend(text(v.ipv6_cidr_block.as_deref()));
    let spec = Vpc {
        cidrs,
        vrouter_id: text(v.v_router_id.as_deref()),
        is_default: v.is_default,
    };
    let mut it = ResourceItem::new(id, Spec::Vpc(spec), raw_of(v));
    it.name = text(v.vpc_name.as_deref());
    it.state = lifecycle(v.status.as_deref(), None);
    Some(it)
}

/// `VSwitch` → vSwitch row, parent = its VPC. The IPv6 CIDR stays in `raw`.
pub fn v_switch(s: &WireVSwitch) -> Option<ResourceItem> {
    let id = text(s.v_switch_id.as_deref())?;
    let spec = VSwitch {
        vpc_id: text(s.vpc_id.as_deref()),
        cidr: text(s.cidr_block.as_deref()),
        zone: text(s.zone_id.as_deref()),
        route_table_id: s
            .route_table
            .as_ref()
            .and_then(|t| text(t.route_table_id.as_deref())),
    };
    let mut it = ResourceItem::new(id, Spec::VSwitch(spec.clone()), raw_of(s));
    it.name = text(s.v_switch_name.as_deref());
    it.parent_id = spec.vpc_id;
    it.state = lifecycle(s.status.as_deref(), None);
    Some(it)
}

/// A route table of `DescribeRouteTables` (entries not included: see
/// [`super::routes_of_route_table`]). Parent = its router (`VRouterId`: a `vrt-` or, for VBR
/// tables, the `vbr-`). `VpcId` is not in this response; it is read from `extra` when a
/// newer API sends it, else `None` (use [`route_table_list_item`] for it).
pub fn route_table(t: &WireRouteTable) -> Option<ResourceItem> {
    let id = text(t.route_table_id.as_deref())?;
    let spec = RouteTable {
        vpc_id: extra_str(&t.extra, "VpcId"),
        table_type: text(t.route_table_type.as_deref()),
        vswitch_ids: t
            .v_switch_ids
            .items
            .iter()
            .filter_map(|s| text(Some(s)))
            .collect(),
    };
    // The entries are their own rows: leave them out of the table's payload.
    let mut raw = raw_of(t);
    if let Value::Object(m) = &mut raw {
        m.remove("RouteEntrys");
    }
    let mut it = ResourceItem::new(id, Spec::RouteTable(spec), raw);
    it.name = text(t.route_table_name.as_deref());
    it.parent_id = text(t.v_router_id.as_deref());
    it.state = match extra_str(&t.extra, "Status") {
        Some(s) => lifecycle(Some(&s), None),
        None => configured(),
    };
    Some(it)
}

/// A route table of `DescribeRouteTableList` (has `VpcId` and `RouterId`, no entries).
pub fn route_table_list_item(t: &RouteTableListItem) -> Option<ResourceItem> {
    let id = text(t.route_table_id.as_deref())?;
    let spec = RouteTable {
        vpc_id: text(t.vpc_id.as_deref()),
        table_type: text(t.route_table_type.as_deref()),
        vswitch_ids: t
            .v_switch_ids
            .items
            .iter()
            .filter_map(|s| text(Some(s)))
            .collect(),
    };
    let mut it = ResourceItem::new(id, Spec::RouteTable(spec), raw_of(t));
    it.name = text(t.route_table_name.as_deref());
    it.parent_id = text(t.router_id.as_deref());
    it.state = match extra_str(&t.extra, "Status") {
        Some(s) => lifecycle(Some(&s), None),
        None => configured(),
    };
    Some(it)
}
