//! Choosing the route at one table.
//!
//! Order of preference (each step only among what the previous one left):
//! 1. **Policy routes first when a source is given.** With a source address, pbr routes
//!    whose source CIDR contains it are looked up first (longest destination prefix, then
//!    longest source prefix); if one matches it wins over any dbr route. The spec is silent on
//!    pbr vs dbr precedence (alibaba §3.5); this follows Alibaba's product documentation,
//!    where policy-based routes take priority over destination-based routes. Without a
//!    source, pbr routes never match.
//! 2. **Longest prefix** among non-policy routes (state not `Inactive`).
//! 3. **Usable next hop**: routes to a connection whose tunnels are all down are skipped
//!    (failover to the standby); if none is usable the walk stops with `NextHopDown`.
//! 4. **Highest weight** (alibaba §3.5: 100 = active, 0 = standby; no weight counts as 0).
//! 5. **ECMP**: equal weights share the traffic; the trace follows the lowest route id and
//!    lists the others in `ecmp`.

use std::net::IpAddr;

use crate::index::RouteIndex;
use crate::lpm::LpmIndex;
use crate::model::route::{NextHopKind, Route, RouteState};
use crate::trace::MatchedRoute;

/// Outcome of the choice at one table.
#[derive(Debug)]
pub enum Selection {
    /// Nothing matched.
    NoMatch,
    /// A route was chosen (index into `inventory.routes`).
    Chosen(usize, MatchedRoute),
    /// Routes matched but every next hop is a connection with all tunnels down.
    AllDown(Vec<usize>),
}

fn candidates(
    index: &RouteIndex<'_>,
    table: &LpmIndex,
    dest: IpAddr,
    src: Option<IpAddr>,
) -> Option<(Vec<usize>, bool)> {
    let live = |i: &usize| index.catalog.route(*i).state != RouteState::Inactive;
    if let Some(src) = src {
        for (_, items) in table.matches(dest) {
            let hits: Vec<usize> = items
                .iter()
                .copied()
                .filter(live)
                .filter(|&i| {
                    index
                        .catalog
                        .route(i)
                        .source
                        .policy_source()
                        .is_some_and(|s| s.contains(&src))
                })
                .collect();
            if let Some(best_src) = hits
                .iter()
                .filter_map(|&i| index.catalog.route(i).source.policy_source())
                .map(|s| s.prefix_len())
                .max()
            {
                let hits = hits
                    .into_iter()
                    .filter(|&i| {
                        index
                            .catalog
                            .route(i)
                            .source
                            .policy_source()
                            .map(|s| s.prefix_len())
                            == Some(best_src)
                    })
                    .collect();
                return Some((hits, true));
            }
        }
    }
    table.matches(dest).find_map(|(_, items)| {
        let hits: Vec<usize> = items
            .iter()
            .copied()
            .filter(live)
            .filter(|&i| !index.catalog.route(i).is_policy())
            .collect();
        (!hits.is_empty()).then_some((hits, false))
    })
}

fn usable(index: &RouteIndex<'_>, r: &Route) -> bool {
    if r.next_hop.kind != NextHopKind::Connection {
        return true;
    }
    index
        .catalog
        .connections
        .get(r.next_hop.id.as_str())
        .is_none_or(|c| c.tunnels.is_empty() || !c.all_tunnels_down())
}

/// Chooses the route for `dest` (and `src`) in `table`.
pub fn select(
    index: &RouteIndex<'_>,
    table: &LpmIndex,
    dest: IpAddr,
    src: Option<IpAddr>,
) -> Selection {
    let Some((mut cands, policy)) = candidates(index, table, dest, src) else {
        return Selection::NoMatch;
    };
    let cat = &index.catalog;
    cands.sort_by(|a, b| cat.route(*a).id.cmp(&cat.route(*b).id));
    let (up, down): (Vec<usize>, Vec<usize>) =
        cands.iter().partition(|&&i| usable(index, cat.route(i)));
    if up.is_empty() {
        return Selection::AllDown(down);
    }
    let top = up
        .iter()
        .map(|&i| cat.route(i).effective_weight())
        .max()
        .unwrap_or(0);
    let winners: Vec<usize> = up
        .iter()
        .copied()
        .filter(|&i| cat.route(i).effective_weight() == top)
        .collect();
    let chosen = winners[0];
    let r = cat.route(chosen);
    let ids = |v: &[usize]| {
        v.iter()
            .map(|&i| cat.route(i).id.clone())
            .collect::<Vec<_>>()
    };
    let lower: Vec<usize> = up
        .iter()
        .copied()
        .filter(|&i| cat.route(i).effective_weight() < top)
        .collect();

    let mut reason = if policy {
        format!(
            "policy route (pbr) for source {} wins over destination routes; destination {} is the longest matching prefix (/{})",
            r.source.policy_source().map(|s| s.to_string()).unwrap_or_default(),
            r.destination,
            r.destination.prefix_len()
        )
    } else {
        format!(
            "longest matching prefix {} (/{})",
            r.destination,
            r.destination.prefix_len()
        )
    };
    if !lower.is_empty() {
        let standby: Vec<String> = lower
            .iter()
            .map(|&i| {
                format!(
                    "{} via {} (weight {})",
                    cat.route(i).id,
                    cat.route(i).next_hop.id,
                    cat.route(i).effective_weight()
                )
            })
            .collect();
        reason.push_str(&format!("; weight {top} beats {}", standby.join(", ")));
    }
    if !down.is_empty() {
        let failed: Vec<String> = down
            .iter()
            .map(|&i| {
                format!(
                    "{} via {} (weight {})",
                    cat.route(i).id,
                    cat.route(i).next_hop.id,
                    cat.route(i).effective_weight()
                )
            })
            .collect();
        reason.push_str(&format!(
            "; skipped {} because every tunnel of the connection is down (failover)",
            failed.join(", ")
        ));
    }
    if winners.len() > 1 {
        reason.push_str(&format!(
            "; equal weight {top} with {}: ECMP, flows are hashed across them (showing {})",
            ids(&winners[1..]).join(", "),
            r.id
        ));
    }
    let mut standby = ids(&lower);
    standby.extend(ids(&down));
    let matched = MatchedRoute {
        route_id: r.id.clone(),
        destination: r.destination,
        prefix_len: r.destination.prefix_len(),
        weight: r.weight,
        policy_source: r.source.policy_source(),
        ecmp: ids(&winners[1..]),
        standby,
        reason,
    };
    Selection::Chosen(chosen, matched)
}
