//! Huawei tag reads (huawei.md §3.13): one resource's tags and a project's tag keys.

use huawei::types::*;
use serde_json::Value;

use super::errors::HwErr;
use super::to_json;
use crate::estate::huawei::HwRegion;

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

pub(super) fn resource_tags(r: &HwRegion, kind: &str, id: &str) -> Result<Value, HwErr> {
    let tags = tags_of(r, kind, id).ok_or_else(|| HwErr::not_found(kind, id))?;
    to_json(&ResourceTagsResponse {
        tags: tags.clone(),
        ..Default::default()
    })
}

pub(super) fn project_tags(r: &HwRegion, kind: &str) -> Result<Value, HwErr> {
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
