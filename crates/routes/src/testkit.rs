//! Small builders for unit tests (test-only).

use ipnet::IpNet;

use crate::model::context::{Connection, CustomerGateway, Tunnel, TunnelState, Vpc, VpnGateway};
use crate::model::route::{
    Cloud, NextHop, NextHopKind, Route, RouteSource, RouteState, TableKind, TableRef,
};

pub fn net(s: &str) -> IpNet {
    s.parse().unwrap()
}

pub fn table(kind: TableKind, id: &str) -> TableRef {
    let cloud = if kind == TableKind::HuaweiGateway {
        Cloud::Huawei
    } else {
        Cloud::Alibaba
    };
    TableRef {
        kind,
        id: id.into(),
        cloud,
        account: "acct-1".into(),
        region: "cn-shanghai".into(),
    }
}

pub fn vtb(id: &str) -> TableRef {
    table(TableKind::VpcRouteTable, id)
}

pub fn gwt(id: &str) -> TableRef {
    table(TableKind::VpnGateway, id)
}

pub fn hop(kind: NextHopKind, id: &str) -> NextHop {
    NextHop::new(kind, id)
}

pub fn to_conn(id: &str) -> NextHop {
    hop(NextHopKind::Connection, id)
}

pub fn to_gw(id: &str) -> NextHop {
    hop(NextHopKind::VpnGateway, id)
}

/// A route whose source follows from the table kind.
pub fn route(id: &str, table: TableRef, dest: &str, next_hop: NextHop) -> Route {
    let source = match table.kind {
        TableKind::VpcRouteTable => RouteSource::VpcRouteEntry,
        TableKind::VpnGateway => RouteSource::VpnDestinationRoute,
        TableKind::VbrRouteTable => RouteSource::BgpLearned,
        TableKind::HuaweiGateway => RouteSource::HuaweiConnectionRoute,
    };
    Route {
        id: id.into(),
        table,
        destination: net(dest),
        next_hop,
        source,
        weight: None,
        published: None,
        state: RouteState::Active,
    }
}

pub fn weighted(mut r: Route, w: u32) -> Route {
    r.weight = Some(w);
    r
}

pub fn pbr(mut r: Route, source: &str) -> Route {
    r.source = RouteSource::VpnPolicyRoute {
        source_cidr: net(source),
    };
    r
}

pub fn conn(id: &str, gw: &str, cgw: &str, states: &[TunnelState]) -> Connection {
    Connection {
        id: id.into(),
        name: String::new(),
        gateway_id: gw.into(),
        customer_gateway_id: cgw.into(),
        local_subnets: vec![],
        remote_subnets: vec![],
        tunnels: states
            .iter()
            .enumerate()
            .map(|(i, s)| Tunnel {
                id: format!("{id}-t{}", i + 1),
                state: *s,
            })
            .collect(),
    }
}

pub fn cgw(id: &str, site: &str, ip: &str) -> CustomerGateway {
    CustomerGateway {
        id: id.into(),
        name: String::new(),
        public_ip: Some(ip.parse().unwrap()),
        asn: None,
        site: Some(site.into()),
    }
}

pub fn vpc(id: &str, cidrs: &[&str], tables: &[&str]) -> Vpc {
    Vpc {
        id: id.into(),
        name: String::new(),
        cidrs: cidrs.iter().map(|c| net(c)).collect(),
        route_table_ids: tables.iter().map(|t| t.to_string()).collect(),
    }
}

pub fn gateway(id: &str, vpc: Option<&str>) -> VpnGateway {
    VpnGateway {
        id: id.into(),
        name: String::new(),
        cloud: Cloud::Alibaba,
        vpc_id: vpc.map(str::to_owned),
    }
}
