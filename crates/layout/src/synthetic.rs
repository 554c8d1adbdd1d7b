//! Deterministic topology-shaped graphs for tests, demos and the benchmark.
//!
//! Shape follows the real estate: two clouds, a few accounts/regions each, few VPCs,
//! more VPN gateways, many connections, customer gateways (often shared by several
//! connections) and on-premises sites shared by both clouds. Extra, mostly local,
//! connection → customer-gateway edges bring the average to `edges_per_node`. Randomness comes from
//! a seeded SplitMix64, so the same arguments always give the same graph.

use crate::model::{Edge, Graph, Kind, Node, State};

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, seedable, good enough for test data.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// A generated graph with the aggregation path of every node
/// (cloud → account/region → gateway), as [`crate::aggregate`] expects.
pub struct Topology {
    pub graph: Graph,
    pub groups: Vec<Vec<String>>,
}

const STATES: [State; 4] = [State::Up, State::Up, State::Degraded, State::Down];

pub fn topology(nodes: usize, edges_per_node: f32, seed: u64) -> Topology {
    let mut rng = SplitMix::new(seed);
    let mut t = Topology {
        graph: Graph::default(),
        groups: Vec::new(),
    };
    let sites = (nodes / 7).max(1);
    let add = |t: &mut Topology, rng: &mut SplitMix, id: String, kind: Kind, path: Vec<String>| {
        let mut n = Node::new(id, kind);
        n.state = STATES[rng.below(STATES.len())];
        t.graph.nodes.push(n);
        t.groups.push(path);
    };
    for s in 0..sites {
        add(
            &mut t,
            &mut rng,
            format!("site-{s:06}"),
            Kind::Site,
            Vec::new(),
        );
    }
    let (mut conns, mut cgws) = (Vec::new(), Vec::new());
    let mut k = 0usize;
    while t.graph.nodes.len() < nodes {
        let cloud = if k.is_multiple_of(2) {
            "aliyun"
        } else {
            "huawei"
        };
        let region = format!("{cloud}/acct-{:02}", k / 2 % 6);
        let vpc = format!("vpc-{k:05}");
        add(
            &mut t,
            &mut rng,
            vpc.clone(),
            Kind::Vpc,
            vec![cloud.into(), region.clone()],
        );
        for g in 0..1 + rng.below(3) {
            let gw = format!("gw-{k:05}-{g}");
            let gw_group = format!("{region}/{gw}");
            let path = vec![cloud.to_string(), region.clone(), gw_group];
            add(&mut t, &mut rng, gw.clone(), Kind::VpnGateway, path.clone());
            t.graph.edges.push(Edge::new(&vpc, &gw));
            for c in 0..2 + rng.below(7) {
                let conn = format!("conn-{k:05}-{g}-{c}");
                add(
                    &mut t,
                    &mut rng,
                    conn.clone(),
                    Kind::Connection,
                    path.clone(),
                );
                t.graph.edges.push(Edge::new(&gw, &conn));
                let cgw = if cgws.is_empty() || rng.below(10) < 6 {
                    let cgw = format!("cgw-{:06}", cgws.len());
                    add(
                        &mut t,
                        &mut rng,
                        cgw.clone(),
                        Kind::CustomerGateway,
                        vec![cloud.into(), region.clone()],
                    );
                    // Sites are mostly those of neighbouring VPCs (the clouds alternate
                    // in `k`, so a site is reached from both); one in twenty is anywhere.
                    let site = if rng.below(20) < 19 {
                        (k * 2 + rng.below(6)) % sites
                    } else {
                        rng.below(sites)
                    };
                    t.graph
                        .edges
                        .push(Edge::new(&cgw, format!("site-{site:06}")));
                    cgws.push(cgw.clone());
                    cgw
                } else {
                    cgws[cgws.len() - 1 - rng.below(cgws.len().min(4))].clone()
                };
                t.graph.edges.push(Edge::new(&conn, cgw));
                conns.push((conn, cgws.len() - 1));
            }
        }
        k += 1;
    }
    let target = (t.graph.nodes.len() as f32 * edges_per_node) as usize;
    while t.graph.edges.len() < target && !conns.is_empty() {
        // Redundant paths stay local: a connection reaches a customer gateway created
        // near its own, as a second tunnel endpoint in the same region would.
        let (c, near) = &conns[rng.below(conns.len())];
        let w = (near + rng.below(24))
            .saturating_sub(12)
            .min(cgws.len() - 1);
        t.graph.edges.push(Edge::new(c.as_str(), cgws[w].as_str()));
    }
    for e in &mut t.graph.edges {
        e.state = STATES[rng.below(STATES.len())];
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_and_density() {
        let t = topology(1000, 1.5, 7);
        let n = t.graph.nodes.len();
        assert!((1000..1040).contains(&n), "{n}");
        let ratio = t.graph.edges.len() as f32 / n as f32;
        assert!((1.45..1.55).contains(&ratio), "{ratio}");
        assert_eq!(t.groups.len(), n);
    }

    #[test]
    fn seeded() {
        assert_eq!(topology(300, 1.5, 1).graph, topology(300, 1.5, 1).graph);
        assert_ne!(topology(300, 1.5, 1).graph, topology(300, 1.5, 2).graph);
    }
}
