//! The Routes page's server side on a synced toy estate: the conflict report finds each
//! mistake the emulator plants that a rule covers, the route list filters, and a trace for an
//! on-prem address of a site ends at that site's customer gateway.

use crate::helpers::{fresh_database, scratch_dir};
use app::api::routes_page::RouteQuery;
use app::api::{inventory, routes_sql};
use emulator::estate::mistakes::MistakeKind;
use emulator::{EmulatorConfig, EstateSize};
use std::sync::Arc;

const SEED: u64 = 9;

/// The toy estate, registered as demo mode does, synced once (as in `overview.rs`).
async fn synced_toy_estate() -> (emulator::EmulatorHandle, sqlx::PgPool) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    // A frozen estate at a fixed time: tunnel and BGP states (and Huawei's learned routes) are
    // drawn per 5-minute epoch of the emulator's clock, so starting at "now" would make which
    // sites are up, and the route counts, depend on when the test runs.
    let config = EmulatorConfig {
        manual_clock: true,
        ..EmulatorConfig::new(SEED, EstateSize::toy()).at_fixed_start()
    };
    let emu = emulator::spawn(config, listener).await;
    let pool = fresh_database().await;
    let keys =
        Arc::new(store::crypto::KeyRing::load_or_create(&scratch_dir("keys").join("k")).unwrap());
    server::demo::ensure_accounts(&pool, &keys, &emu)
        .await
        .unwrap();
    let engine = sync::Engine::new(
        pool.clone(),
        keys,
        "t".into(),
        sync::SyncSettings::default(),
    );
    engine.sync_due().await.unwrap();
    (emu, pool)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_conflict_report_finds_every_planted_mistake_a_rule_covers() {
    let (emu, pool) = synced_toy_estate().await;
    let planted = emulator::generate(SEED, EstateSize::toy()).mistakes;
    let report = routes_sql::report(&inventory::load(&pool).await.unwrap());
    assert!(report.routes > 0, "{report:?}");
    // The lookup form suggests every VPC a trace can start from, Huawei's (known only as a
    // gateway's attachment) as well as Alibaba's.
    let inv = inventory::load(&pool).await.unwrap().inventory;
    for g in &inv.gateways {
        let vpc = g.vpc_id.as_deref().unwrap();
        assert!(
            report.vpcs.iter().any(|v| v.id == vpc),
            "{vpc}: {:?}",
            report.vpcs
        );
    }
    assert!(inv
        .vpcs
        .iter()
        .all(|v| report.vpcs.iter().any(|c| c.id == v.id)));
    let huawei = inv
        .gateways
        .iter()
        .find(|g| format!("{:?}", g.cloud) == "Huawei")
        .unwrap();
    assert!(report
        .vpcs
        .iter()
        .any(|v| Some(&v.id) == huawei.vpc_id.as_ref() && v.label.starts_with("VPC of gateway")));
    let rule = |kind: MistakeKind| match kind {
        MistakeKind::OverlappingOnPremCidr => Some("on_prem_conflict"),
        MistakeKind::ShadowedRoute => Some("shadowed_route"),
        MistakeKind::CgnatCidr => Some("reserved_range"),
        MistakeKind::SslPoolOverlapsVSwitch => Some("ssl_pool_overlap"),
        MistakeKind::BgpWrongAsn => None,
    };
    let mut covered = 0;
    for m in &planted {
        let Some(kind) = rule(m.kind) else { continue };
        covered += 1;
        let found = report.findings.iter().any(|f| {
            f.kind == kind
                && (f.objects.iter().any(|o| o.contains(&m.resource_id))
                    || f.message.contains(&m.resource_id))
        });
        assert!(
            found,
            "planted {m:?} not reported as {kind}: {:#?}",
            report
                .findings
                .iter()
                .filter(|f| f.kind == kind)
                .collect::<Vec<_>>()
        );
    }
    assert_eq!(covered, 4, "the toy estate plants all four: {planted:?}");
    assert!(report.findings.iter().all(|f| !f.message.is_empty()));
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_site_address_traces_to_its_customer_gateway_and_bad_input_is_named() {
    let (emu, pool) = synced_toy_estate().await;
    let inv = inventory::load(&pool).await.unwrap().inventory;
    let overlaps = |a: &ipnet::IpNet, b: &ipnet::IpNet| a.contains(b) || b.contains(a);
    // Each connection with a tunnel up, with each on-prem prefix that some table routes to it
    // (a BGP connection whose session is down has none) and no other site claims on its
    // gateway: a trace from the gateway's VPC ends at that site, on either cloud (Huawei's
    // VPCs are known only as the gateway's attachment).
    let sites: Vec<_> = inv
        .connections
        .iter()
        .filter(|c| c.active_tunnel().is_some())
        .flat_map(|c| c.remote_subnets.iter().map(move |n| (c, *n)))
        .filter(|(c, n)| {
            !n.to_string().starts_with("100.")
                && inv
                    .routes
                    .iter()
                    .any(|r| r.next_hop.id == c.id && overlaps(&r.destination, n))
                && inv.connections.iter().all(|o| {
                    o.gateway_id != c.gateway_id
                        || o.customer_gateway_id == c.customer_gateway_id
                        || o.remote_subnets.iter().all(|m| !overlaps(m, n))
                })
        })
        .collect();
    let cloud_of = |gw: &str| inv.gateways.iter().find(|g| g.id == gw).unwrap();
    let clouds: std::collections::BTreeSet<_> = sites
        .iter()
        .map(|(c, _)| format!("{:?}", cloud_of(&c.gateway_id).cloud))
        .collect();
    assert_eq!(clouds.len(), 2, "sites on both clouds: {clouds:?}");
    for (conn, net) in &sites {
        let vpc = cloud_of(&conn.gateway_id).vpc_id.clone();
        let ip = net.hosts().next().unwrap().to_string();
        let t = routes_sql::trace(&pool, &ip, vpc.as_deref()).await.unwrap();
        let last = t.hops.last().expect("hops");
        assert_eq!(
            (last.kind.as_str(), last.id.as_str()),
            ("customer_gateway", conn.customer_gateway_id.as_str()),
            "{} {ip} from {vpc:?}: {t:#?}",
            conn.id
        );
        assert!(t.delivered, "{t:#?}");
        assert!(t.hops.iter().any(|h| h.kind == "connection"), "{t:#?}");
        // A prefix no other connection anywhere claims: the start without a VPC finds it too.
        let unique = inv
            .connections
            .iter()
            .filter(|o| o.id != conn.id)
            .all(|o| o.remote_subnets.iter().all(|m| !overlaps(m, net)));
        if unique {
            let first = routes_sql::trace(&pool, &ip, None).await.unwrap();
            assert_eq!(
                first.hops.last(),
                t.hops.last(),
                "without a VPC: {first:#?}"
            );
        }
    }
    let bad = routes_sql::trace(&pool, "10.0.0.300", None).await;
    assert!(
        matches!(&bad, Err(app::error::AppError::InvalidInput(m)) if m.contains("`ip`")),
        "{bad:?}"
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_route_list_filters_on_the_server() {
    let (emu, pool) = synced_toy_estate().await;
    let all = routes_sql::page(&pool, &RouteQuery::default())
        .await
        .unwrap();
    assert!(all.total > 0);
    // A cloud filter keeps that cloud's routes only (Huawei's learned routes depend on BGP
    // state at the frozen instant, so the split is tested on Alibaba and by source).
    let aliyun = RouteQuery {
        cloud: Some("aliyun".into()),
        ..Default::default()
    };
    let only = routes_sql::page(&pool, &aliyun).await.unwrap();
    assert!(only.total > 0 && only.rows.iter().all(|r| r.cloud == "aliyun"));
    let vpn = RouteQuery {
        source: Some("vpn_destination".into()),
        ..Default::default()
    };
    let some = routes_sql::page(&pool, &vpn).await.unwrap();
    assert!(
        some.total > 0 && some.total < all.total,
        "{} of {}",
        some.total,
        all.total
    );
    let dest = RouteQuery {
        dest: Some("100.100.10".into()),
        ..Default::default()
    };
    let cgnat = routes_sql::page(&pool, &dest).await.unwrap();
    assert!(cgnat
        .rows
        .iter()
        .all(|r| r.destination.contains("100.100.10")));
    let bad = RouteQuery {
        source: Some("'; DROP TABLE resource; --".into()),
        ..Default::default()
    };
    assert!(matches!(
        routes_sql::page(&pool, &bad).await,
        Err(app::error::AppError::InvalidInput(_))
    ));
    emu.shutdown().await;
}
