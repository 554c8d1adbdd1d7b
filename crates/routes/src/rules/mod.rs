//! The conflict rules. Each rule is a pure function `fn(&RouteIndex) -> Vec<Finding>` in its
//! own module with its precise definition in the module docs; [`run_all`] runs them all and
//! sorts the result deterministically.

pub mod blackhole;
pub mod duplicate;
pub mod next_hop_down;
pub mod one_way;
pub mod onprem_conflict;
pub mod reserved;
pub mod shadowed;
pub mod ssl_pool;

use ipnet::IpNet;

use crate::finding::{sort_findings, Finding};
use crate::index::RouteIndex;

/// Runs every rule and sorts the findings by (severity, kind, objects, message).
pub fn run_all(index: &RouteIndex<'_>) -> Vec<Finding> {
    let rules: [fn(&RouteIndex<'_>) -> Vec<Finding>; 8] = [
        onprem_conflict::check,
        shadowed::check,
        reserved::check,
        ssl_pool::check,
        one_way::check,
        duplicate::check,
        next_hop_down::check,
        blackhole::check,
    ];
    let mut out: Vec<Finding> = rules.iter().flat_map(|rule| rule(index)).collect();
    sort_findings(&mut out);
    out
}

/// True when two prefixes share at least one address (CIDRs nest or are disjoint).
pub fn overlaps(a: &IpNet, b: &IpNet) -> bool {
    a.contains(b) || b.contains(a)
}

/// "a, b, c and 4 more": keeps long lists in messages readable.
pub fn list_some(items: &[String], max: usize) -> String {
    if items.len() <= max {
        return items.join(", ");
    }
    format!("{} and {} more", items[..max].join(", "), items.len() - max)
}
