//! Quotas refuse calls beyond the published rate and allow them again after the window;
//! dynamics change tunnel states as the simulation clock moves.

mod common;

use std::time::Duration;

use emulator::{EmulatorConfig, EstateSize};

#[tokio::test]
async fn download_config_quota_30_per_minute_on_manual_clock() {
    let emu = common::start(common::config(1, EstateSize::toy())).await;
    let cl = common::aliyun_client(&emu, 0, false);
    let region = emu.credentials[0].aliyun_regions[0].clone();
    let id = cl.list_vpn_connections(&region, &[]).await.unwrap()[0]
        .vpn_connection_id
        .clone()
        .unwrap();
    // Align to the start of a window so all 31 calls fall into the same one.
    let now = emu.clock().now();
    let into = (now.timestamp_millis() % 60_000) as u64;
    emu.clock().advance(Duration::from_millis(60_000 - into));
    for i in 0..30 {
        cl.download_vpn_connection_config(&region, &id)
            .await
            .unwrap_or_else(|e| panic!("call {i}: {e}"));
    }
    let err = cl
        .download_vpn_connection_config(&region, &id)
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!((api.status, api.code.as_str()), (400, "Throttling.User"));
    assert_eq!(api.kind, aliyun::ErrorKind::Throttled);
    // Other APIs have their own window.
    cl.list_vpcs(&region, &[]).await.unwrap();
    emu.clock().advance(Duration::from_secs(60));
    cl.download_vpn_connection_config(&region, &id)
        .await
        .unwrap();
    emu.shutdown().await;
}

#[tokio::test]
async fn time_scale_shortens_windows() {
    // 100× → the 60 s window of DownloadVpnConnectionConfig (30 calls) lasts 600 ms.
    let cfg = EmulatorConfig {
        time_scale: 100.0,
        ..EmulatorConfig::new(1, EstateSize::toy())
    };
    let emu = common::start(cfg).await;
    let cl = common::aliyun_client(&emu, 0, false);
    let region = emu.credentials[0].aliyun_regions[0].clone();
    let id = cl.list_vpn_connections(&region, &[]).await.unwrap()[0]
        .vpn_connection_id
        .clone()
        .unwrap();
    let mut refused_after = None;
    for i in 0..200 {
        if let Err(e) = cl.download_vpn_connection_config(&region, &id).await {
            assert_eq!(e.code(), "Throttling.User");
            refused_after = Some(i);
            break;
        }
    }
    // At least 30 pass; a window boundary inside the burst may let up to 60 through.
    let n = refused_after.expect("quota never hit");
    assert!((30..=60).contains(&n), "refused after {n}");
    tokio::time::sleep(Duration::from_millis(650)).await;
    cl.download_vpn_connection_config(&region, &id)
        .await
        .unwrap();
    emu.shutdown().await;
}

#[tokio::test]
async fn huawei_quota_answers_429_apigw_0308() {
    let emu = common::start(common::config(1, EstateSize::toy())).await;
    let (region, project) = emu.credentials[0].huawei_projects[0].clone();
    let mut hc = common::huawei_config(&emu, 0, &region);
    hc.project_id = Some(project);
    let cl = huawei::Client::new(hc).unwrap();
    let into = (emu.clock().now().timestamp_millis() % 60_000) as u64;
    emu.clock().advance(Duration::from_millis(60_000 - into));
    for i in 0..600 {
        cl.show_quotas()
            .await
            .unwrap_or_else(|e| panic!("call {i}: {e}"));
    }
    match cl.show_quotas().await {
        Err(huawei::Error::Api(a)) => {
            assert_eq!((a.status, a.code.as_str()), (429, "APIGW.0308"));
            assert_eq!(a.kind, huawei::ErrorKind::Throttled);
        }
        other => panic!("{other:?}"),
    }
    cl.list_vpn_gateways(&[]).await.unwrap();
    emu.clock().advance(Duration::from_secs(60));
    cl.show_quotas().await.unwrap();
    emu.shutdown().await;
}

#[tokio::test]
async fn tunnel_and_bgp_states_move_with_the_clock() {
    let emu = common::start(common::config(21, EstateSize::demo())).await;
    let cl = common::aliyun_client(&emu, 0, false);
    let region = emu.credentials[0].aliyun_regions[0].clone();
    let mut seen = std::collections::HashMap::<String, std::collections::HashSet<String>>::new();
    let mut bgp = std::collections::HashSet::new();
    for _ in 0..24 {
        for c in cl.list_vpn_connections(&region, &[]).await.unwrap() {
            seen.entry(c.vpn_connection_id.unwrap())
                .or_default()
                .insert(c.status.unwrap());
        }
        for p in cl.list_bgp_peers(&region, &[]).await.unwrap() {
            bgp.insert((p.bgp_peer_id.unwrap(), p.bgp_status.unwrap()));
        }
        emu.clock().advance(Duration::from_secs(300));
    }
    assert!(
        seen.values().any(|s| s.len() > 1),
        "some tunnel flapped: {seen:?}"
    );
    assert!(
        seen.values()
            .any(|s| s.len() == 1 && s.contains("ike_sa_not_established")),
        "an IKE mismatch never comes up"
    );
    let wrong = &emu
        .state()
        .estate()
        .mistakes
        .iter()
        .find(|m| m.cloud == "aliyun" && m.kind == emulator::estate::MistakeKind::BgpWrongAsn)
        .unwrap()
        .resource_id
        .clone();
    assert!(bgp
        .iter()
        .filter(|(id, _)| id == wrong)
        .all(|(_, s)| s != "Established"));
    assert!(bgp.iter().any(|(id, s)| id != wrong && s == "Established"));

    // Configuration changes now and then: over eight days every connection's IPsec lifetime
    // is re-set at least once, so some are seen with both values.
    let mut lifetimes = std::collections::HashMap::<String, std::collections::HashSet<u64>>::new();
    for _ in 0..8 {
        for c in cl.list_vpn_connections(&region, &[]).await.unwrap() {
            let l = c.ipsec_config.unwrap().ipsec_lifetime.unwrap();
            lifetimes
                .entry(c.vpn_connection_id.unwrap())
                .or_default()
                .insert(l);
        }
        emu.clock().advance(Duration::from_secs(86_400));
    }
    assert!(lifetimes.values().any(|s| s.len() == 2), "{lifetimes:?}");

    // Same seed, same clock → same answers (a second emulator frozen at the same instant).
    let a = emulator::dynamics::aliyun_status(
        emulator::dynamics::Profile::Flaky,
        21,
        "k",
        emu.clock().now(),
    );
    let b = emulator::dynamics::aliyun_status(
        emulator::dynamics::Profile::Flaky,
        21,
        "k",
        emu.clock().now(),
    );
    assert_eq!(a, b);
    emu.shutdown().await;
}

#[tokio::test]
async fn same_seed_and_clock_give_identical_answers_across_emulators() {
    let cfg = || EmulatorConfig {
        start: Some(emulator::Clock::test_epoch()),
        ..common::config(33, EstateSize::demo())
    };
    let (a, b) = (common::start(cfg()).await, common::start(cfg()).await);
    let region = a.credentials[0].aliyun_regions[0].clone();
    let (ca, cb) = (
        common::aliyun_client(&a, 0, false),
        common::aliyun_client(&b, 0, false),
    );
    for _ in 0..6 {
        assert_eq!(
            ca.list_vpn_connections(&region, &[]).await.unwrap(),
            cb.list_vpn_connections(&region, &[]).await.unwrap()
        );
        assert_eq!(
            ca.list_bgp_peers(&region, &[]).await.unwrap(),
            cb.list_bgp_peers(&region, &[]).await.unwrap()
        );
        a.clock().advance(Duration::from_secs(900));
        b.clock().advance(Duration::from_secs(900));
    }
    let c = common::start(EmulatorConfig { seed: 34, ..cfg() }).await;
    let cc = common::aliyun_client(&c, 0, false);
    let region_c = c.credentials[0].aliyun_regions[0].clone();
    assert_ne!(
        ca.list_vpn_connections(&region, &[]).await.unwrap(),
        cc.list_vpn_connections(&region_c, &[]).await.unwrap()
    );
}
