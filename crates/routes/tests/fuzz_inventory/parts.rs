//! Routes and connections over the id pools: next hops that chain, loop and dangle.

use proptest::prelude::*;
use routes::*;

use super::addresses::prefix;

/// Tables and what kind each is; gateway tables share their gateway's id.
pub const TABLES: [(&str, TableKind); 6] = [
    ("vtb-0", TableKind::VpcRouteTable),
    ("vtb-1", TableKind::VpcRouteTable),
    ("vpn-0", TableKind::VpnGateway),
    ("vpn-1", TableKind::VpnGateway),
    ("hw-0", TableKind::HuaweiGateway),
    ("vbrt-0", TableKind::VbrRouteTable),
];
const HOP_IDS: [&str; 12] = [
    "vpn-0", "vpn-1", "hw-0", "vco-0", "vco-1", "vco-2", "vbr-0", "ri-0", "i-0", "", "nowhere",
    "vtb-0",
];
pub const CONNECTIONS: [&str; 3] = ["vco-0", "vco-1", "vco-2"];

fn hop_kind() -> impl Strategy<Value = NextHopKind> {
    use NextHopKind::*;
    prop::sample::select(vec![
        VpnGateway,
        Connection,
        Vbr,
        RouterInterface,
        Instance,
        Local,
        Blackhole,
        Other,
    ])
}

fn source(kind: TableKind) -> impl Strategy<Value = RouteSource> {
    let usual = match kind {
        TableKind::VpcRouteTable => RouteSource::VpcRouteEntry,
        TableKind::VpnGateway => RouteSource::VpnDestinationRoute,
        TableKind::VbrRouteTable => RouteSource::BgpLearned,
        TableKind::HuaweiGateway => RouteSource::HuaweiConnectionRoute,
    };
    prop_oneof![
        3 => Just(usual),
        1 => prefix().prop_map(|source_cidr| RouteSource::VpnPolicyRoute { source_cidr }),
        1 => prop::sample::select(vec![RouteSource::BgpNetwork, RouteSource::HuaweiGatewayRoute, RouteSource::BgpLearned]),
    ]
}

pub fn route(i: usize) -> impl Strategy<Value = Route> {
    (0..TABLES.len()).prop_flat_map(move |t| {
        let (id, kind) = TABLES[t];
        let table = TableRef {
            kind,
            id: id.into(),
            cloud: if kind == TableKind::HuaweiGateway {
                Cloud::Huawei
            } else {
                Cloud::Alibaba
            },
            account: "acct".into(),
            region: "r".into(),
        };
        let state = prop::sample::select(vec![
            RouteState::Active,
            RouteState::Pending,
            RouteState::Inactive,
        ]);
        let weight = prop::option::of(prop_oneof![Just(0u32), Just(100), any::<u32>()]);
        (
            prefix(),
            hop_kind(),
            prop::sample::select(HOP_IDS.to_vec()),
            source(kind),
            weight,
            prop::option::of(any::<bool>()),
            state,
        )
            .prop_map(
                move |(destination, k, hop, source, weight, published, state)| Route {
                    id: format!("r{i:02}"),
                    table: table.clone(),
                    destination,
                    next_hop: NextHop::new(k, hop),
                    source,
                    weight,
                    published,
                    state,
                },
            )
    })
}

fn tunnel_state() -> impl Strategy<Value = TunnelState> {
    use TunnelState::*;
    prop::sample::select(vec![Up, Phase1Only, Down, Error, Transitional, Unknown])
}

pub fn connection(id: &'static str) -> impl Strategy<Value = Connection> {
    let tunnels = prop::collection::vec(tunnel_state(), 0..3);
    (
        prop::sample::select(vec!["vpn-0", "vpn-1", "hw-0", "x"]),
        prop::sample::select(vec!["cgw-0", "cgw-1", "cgw-9"]),
        prop::collection::vec(prefix(), 0..3),
        prop::collection::vec(prefix(), 0..3),
        tunnels,
    )
        .prop_map(move |(gw, cgw, local, remote, states)| Connection {
            id: id.into(),
            name: String::new(),
            gateway_id: gw.into(),
            customer_gateway_id: cgw.into(),
            local_subnets: local,
            remote_subnets: remote,
            tunnels: states
                .into_iter()
                .enumerate()
                .map(|(i, state)| Tunnel {
                    id: format!("{id}-t{i}"),
                    state,
                })
                .collect(),
        })
}
