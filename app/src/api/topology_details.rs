//! What the side panel shows for a node (server only): a few facts from the neutral model of
//! its kind and links to the pages that go deeper. The facts are picked by name from `attrs`,
//! which the store writes without secrets; nothing else of the row reaches the browser.

use super::topology::NodeDetail;
use super::topology_rows_sql::Resource;
use crate::url::{encode, query_string};
use layout::{Kind, State};
use serde_json::Value;

pub fn state_name(s: State) -> &'static str {
    match s {
        State::Up => "up",
        State::Degraded => "degraded",
        State::Down => "down",
        State::Unknown => "unknown",
    }
}

/// The `attrs` keys worth showing per kind, with their labels.
fn fact_keys(kind: &str) -> &'static [(&'static str, &'static str)] {
    match kind {
        "vpc" => &[("cidrs", "CIDR blocks"), ("vrouter_id", "vRouter")],
        "vbr" => &[
            ("vlan_id", "VLAN"),
            ("local_ip", "Local IP"),
            ("peer_ip", "Peer IP"),
        ],
        "physical_connection" => &[
            ("line_operator", "Line operator"),
            ("bandwidth_mbps", "Bandwidth (Mbit/s)"),
            ("peer_location", "Peer location"),
        ],
        "router_interface" => &[
            ("role", "Role"),
            ("spec", "Spec"),
            ("router_type", "Router type"),
            ("opposite_router_id", "Opposite router"),
        ],
        "vpn_gateway" => &[
            ("public_ips", "Public IPs"),
            ("local_asn", "Local ASN"),
            ("ha_mode", "HA mode"),
            ("size_label", "Size"),
        ],
        "connection" => &[
            ("gateway_endpoint", "Gateway endpoint"),
            ("tunnel_count", "Tunnels"),
            ("customer_gateway_id", "Customer gateway"),
        ],
        "tunnel" => &[
            ("role", "Role"),
            ("local_ip", "Local IP"),
            ("peer_ip", "Peer IP"),
            ("zone", "Zone"),
        ],
        "customer_gateway" => &[
            ("ip_address", "IP address"),
            ("fqdn", "FQDN"),
            ("asn", "ASN"),
        ],
        _ => &[],
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(a) if a.is_empty() => None,
        Value::Array(a) => Some(a.iter().filter_map(text).collect::<Vec<_>>().join(", ")),
        other => Some(other.to_string()),
    }
}

fn connections_link(r: &Resource, extra: Option<(&'static str, String)>) -> String {
    let mut pairs = vec![
        ("cloud", Some(r.cloud.clone())),
        ("account", Some(r.account.clone())),
        ("region", Some(r.region.clone())),
    ];
    pairs.extend(extra.map(|(k, v)| (k, Some(v))));
    format!("/connections?{}", query_string(pairs))
}

fn links(r: &Resource) -> Vec<(String, String)> {
    let detail = |id: &str| format!("/connections/{}", encode(id));
    let mut out = Vec::new();
    match r.kind.as_str() {
        "connection" => out.push(("Connection detail".to_string(), detail(&r.id))),
        "tunnel" => {
            if let Some(c) = &r.parent {
                out.push(("Its connection".to_string(), detail(c)));
            }
        }
        "customer_gateway" => out.push((
            "Connections to this customer gateway".to_string(),
            connections_link(r, Some(("site", r.label()))),
        )),
        "vbr" => out.push(("BGP sessions".to_string(), "/bgp".to_string())),
        _ => {}
    }
    out.push((
        format!("Connections in {} · {}", r.account, r.region),
        connections_link(r, None),
    ));
    out
}

/// Details of a store resource drawn as a node of `kind`.
pub fn details(r: &Resource, kind: Kind) -> NodeDetail {
    let mut facts = vec![("Cloud id".to_string(), r.id.clone())];
    if let Some(raw) = &r.raw_state {
        facts.push(("Cloud state".to_string(), raw.clone()));
    }
    for (key, label) in fact_keys(&r.kind) {
        if let Some(v) = r.attrs.get(*key).and_then(text) {
            facts.push((label.to_string(), v));
        }
    }
    NodeDetail {
        id: r.node(&r.kind, &r.id),
        kind: kind.label().to_string(),
        label: r.label(),
        state: state_name(r.state).to_string(),
        place: Some(format!(
            "{} › {} · {}",
            crate::components::rollups::cloud_label(&r.cloud),
            r.account,
            r.region
        )),
        facts,
        links: links(r),
        pinned: false,
        members: 1,
        group: None,
    }
}

/// Details of the site `key`, named after its first customer gateway `first`.
pub fn site(first: &Resource, key: &str) -> NodeDetail {
    NodeDetail {
        id: format!("site/{key}"),
        kind: Kind::Site.label().to_string(),
        label: first.label(),
        state: state_name(State::Unknown).to_string(),
        place: None,
        facts: vec![("Site key".to_string(), key.to_string())],
        links: vec![(
            "Connections to this site".to_string(),
            format!(
                "/connections?{}",
                query_string([("site", Some(first.label()))])
            ),
        )],
        pinned: false,
        members: 1,
        group: None,
    }
}
