//! The gatewatch Huawei client lists the demo estate through the emulator (project discovery,
//! every read, marker pagination) and authentication failures carry APIG codes.

mod common;

use std::sync::Arc;

use emulator::EstateSize;
use huawei::{ListVpnConnectionsFilter, PageRequest, TagResourceType};

#[tokio::test]
async fn every_read_operation_round_trips() {
    let emu = common::start(common::config(9, EstateSize::demo())).await;
    let (region, project) = emu.credentials[1].huawei_projects[1].clone();
    let cl = common::huawei_client(&emu, 1, &region);
    assert_eq!(cl.project_id().await.unwrap(), project, "IAM discovery");
    let estate = emu.state().estate().accounts[1].huawei[1].clone();

    let gws = cl.list_vpn_gateways(&[]).await.unwrap();
    assert_eq!(gws, estate.vpn_gateways);
    let gw = cl.show_vpn_gateway(&gws[0].id).await.unwrap();
    assert_eq!(gw.id, gws[0].id);
    assert!(!cl
        .list_gateway_availability_zones()
        .await
        .unwrap()
        .availability_zones
        .is_empty());
    assert!(cl.list_gateway_jobs(None).await.unwrap().is_empty());
    let routes = cl.list_all_routes(&gws[0].id).await.unwrap();
    assert!(routes.len() <= estate.routes[&gws[0].id].len());

    let cgws = cl.list_all_customer_gateways().await.unwrap();
    assert_eq!(cgws, estate.customer_gateways);
    assert_eq!(
        cl.show_customer_gateway(&cgws[0].id).await.unwrap(),
        cgws[0]
    );

    let conns = cl
        .list_all_vpn_connections(&ListVpnConnectionsFilter::default())
        .await
        .unwrap();
    assert_eq!(conns.len(), estate.connections.len());
    assert!(
        conns.iter().all(|c| c.psk.is_none()),
        "PSKs never leave the emulator"
    );
    assert!(
        estate.connections.iter().all(|c| c.psk.is_some()),
        "but they are in the state"
    );
    let one = cl.show_vpn_connection(&conns[0].id).await.unwrap();
    assert_eq!(one, conns[0]);
    assert_eq!(
        cl.list_vpn_connection_logs(&conns[0].id)
            .await
            .unwrap()
            .len(),
        12
    );
    let by_gw = cl
        .list_all_vpn_connections(&ListVpnConnectionsFilter {
            vgw_id: Some(gws[0].id.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(!by_gw.is_empty() && by_gw.len() < conns.len());
    cl.reset_vpn_connection(&conns[0].id).await.unwrap();

    let mons = cl.list_connection_monitors(None).await.unwrap();
    assert_eq!(mons.len(), conns.len());
    assert_eq!(
        cl.show_connection_monitor(&mons[0].id).await.unwrap(),
        mons[0]
    );
    assert_eq!(
        cl.list_connection_monitors(Some(&conns[0].id))
            .await
            .unwrap()
            .len(),
        1
    );

    let p2c = cl.list_all_p2c_gateways().await.unwrap();
    assert_eq!(p2c.len(), 1);
    assert_eq!(cl.show_p2c_gateway(&p2c[0].id).await.unwrap(), p2c[0]);
    assert_eq!(
        cl.list_all_p2c_connections(&p2c[0].id).await.unwrap().len(),
        2
    );
    let servers = cl.list_all_vpn_servers().await.unwrap();
    assert_eq!(servers.len(), 1);
    assert_eq!(
        cl.list_gateway_vpn_servers(&p2c[0].id).await.unwrap(),
        servers
    );
    assert!(cl
        .list_all_p2c_users(&servers[0].id)
        .await
        .unwrap()
        .is_empty());

    let quotas = cl.show_quotas().await.unwrap();
    assert!(quotas
        .iter()
        .any(|q| q.resource_type == "vpn_connection" && q.used == Some(conns.len() as i64)));
    assert_eq!(
        cl.list_resource_tags(TagResourceType::VpnGateway, &gws[0].id)
            .await
            .unwrap()
            .len(),
        2
    );
    assert!(!cl
        .list_project_tags(TagResourceType::VpnConnection)
        .await
        .unwrap()
        .is_empty());
    emu.shutdown().await;
}

#[tokio::test]
async fn marker_pagination_walks_every_connection() {
    let size = EstateSize {
        accounts: 1,
        regions_per_account: 1,
        gateways_per_region: 3,
        connections_per_gateway: 25,
    };
    let emu = common::start(common::config(4, size)).await;
    let (region, _) = emu.credentials[0].huawei_projects[0].clone();
    let mut cfg = common::huawei_config(&emu, 0, &region);
    cfg.page_limit = 7;
    let cl = huawei::Client::new(cfg).unwrap();
    let all = cl
        .list_all_vpn_connections(&ListVpnConnectionsFilter::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 75);
    let first = cl
        .list_vpn_connections(
            &ListVpnConnectionsFilter::default(),
            &PageRequest {
                limit: Some(7),
                marker: None,
            },
        )
        .await
        .unwrap();
    assert_eq!((first.items.len(), first.total_count), (7, Some(75)));
    let err = cl
        .list_customer_gateways(&PageRequest {
            limit: Some(201),
            marker: None,
        })
        .await
        .unwrap_err();
    match err {
        huawei::Error::Api(a) => assert_eq!((a.status, a.code.as_str()), (400, "VPN.0001")),
        other => panic!("{other:?}"),
    }
    emu.shutdown().await;
}

#[tokio::test]
async fn authentication_failures_use_apig_codes() {
    let emu = common::start(common::config(2, EstateSize::toy())).await;
    let (region, project) = emu.credentials[0].huawei_projects[0].clone();
    let expect_401 = |r: Result<Vec<huawei::types::VpnGateway>, huawei::Error>| match r {
        Err(huawei::Error::Api(a)) => {
            assert_eq!((a.status, a.code.as_str()), (401, "APIGW.0301"));
            assert_eq!(a.kind, huawei::ErrorKind::Auth);
        }
        other => panic!("{other:?}"),
    };
    // Unknown AK.
    let mut cfg = common::huawei_config(&emu, 0, &region);
    cfg.credentials =
        huawei::Credentials::new("NOSUCHAK", huawei::SecretString::from("x".to_string()));
    cfg.project_id = Some(project.clone());
    expect_401(
        huawei::Client::new(cfg)
            .unwrap()
            .list_vpn_gateways(&[])
            .await,
    );
    // Right AK, wrong SK → signature mismatch.
    let mut cfg = common::huawei_config(&emu, 0, &region);
    cfg.credentials = huawei::Credentials::new(
        emu.credentials[0].huawei_ak.clone(),
        huawei::SecretString::from("wrong".to_string()),
    );
    cfg.project_id = Some(project.clone());
    expect_401(
        huawei::Client::new(cfg)
            .unwrap()
            .list_vpn_gateways(&[])
            .await,
    );
    // Clock 16 minutes off.
    let mut cfg = common::huawei_config(&emu, 0, &region);
    cfg.clock = Arc::new(|| chrono::Utc::now() - chrono::Duration::minutes(16));
    expect_401(
        huawei::Client::new(cfg)
            .unwrap()
            .list_vpn_gateways(&[])
            .await,
    );
    // Another account's project.
    let mut cfg = common::huawei_config(&emu, 0, &region);
    cfg.project_id = Some("0".repeat(32));
    match huawei::Client::new(cfg)
        .unwrap()
        .list_vpn_gateways(&[])
        .await
    {
        Err(huawei::Error::Api(a)) => assert_eq!(a.status, 403),
        other => panic!("{other:?}"),
    }
    // Tampered signature on a raw request: one hex digit changed.
    let c = &emu.credentials[0];
    let host = emu.addr.to_string();
    let path = format!("/huawei/v5/{project}/vpn-gateways");
    let req = huawei::sign::SigningRequest {
        method: "GET",
        host: &host,
        path: &path,
        query: &[],
        headers: &[],
        body: b"",
    };
    let creds = huawei::Credentials::new(
        c.huawei_ak.clone(),
        huawei::SecretString::from(c.huawei_sk.clone()),
    );
    let signed = huawei::sign::sign(&req, &creds, Some(&project), chrono::Utc::now());
    let mut rb = reqwest::Client::new().get(format!("{}{path}", emu.base_url));
    for (k, v) in &signed.headers {
        if k.eq_ignore_ascii_case("host") {
            continue;
        }
        let v = if k.eq_ignore_ascii_case("authorization") {
            let last = v.chars().last().unwrap();
            format!(
                "{}{}",
                &v[..v.len() - 1],
                if last == '0' { '1' } else { '0' }
            )
        } else {
            v.clone()
        };
        rb = rb.header(k.as_str(), v);
    }
    let resp = rb.send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["error_code"], "APIGW.0301");
    emu.shutdown().await;
}

#[tokio::test]
async fn hostile_requests_get_gateway_errors() {
    let emu = common::start(common::config(2, EstateSize::toy())).await;
    let http = reqwest::Client::new();
    let r = http
        .get(format!("{}/huawei/v5/x/vpn-gateways", emu.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["error_code"], "APIGW.0301");
    let r = http
        .get(format!("{}/v5/x/vpn-gateways", emu.base_url))
        .header("Authorization", "SDK-HMAC-SHA256 garbage")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let r = http
        .post(format!("{}/huawei/v5/x/customer-gateways", emu.base_url))
        .body(vec![b'x'; 200_000])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 413);
    // A signed request to an unknown path is the gateway's "no such API".
    let (region, project) = emu.credentials[0].huawei_projects[0].clone();
    let mut cfg = common::huawei_config(&emu, 0, &region);
    cfg.project_id = Some(project);
    let cl = huawei::Client::new(cfg).unwrap();
    match cl
        .call("GET", "/v5/{project_id}/no-such-thing", &[], None)
        .await
    {
        Err(huawei::Error::Api(a)) => assert_eq!((a.status, a.code.as_str()), (404, "APIGW.0101")),
        other => panic!("{other:?}"),
    }
    emu.shutdown().await;
}
