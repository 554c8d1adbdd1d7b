//! The gatewatch Alibaba client lists the demo estate through the emulator, for every read
//! operation, across pages, and performs the route writes.

mod common;

use aliyun::types::write::{ModifyVpnRouteWeight, PublishVpnRouteEntry, VpnRouteType};
use emulator::EstateSize;

#[tokio::test]
async fn every_read_operation_round_trips() {
    let emu = common::start(common::config(7, EstateSize::demo())).await;
    let cl = common::aliyun_client(&emu, 0, false);
    let creds = &emu.credentials[0];
    let region = creds.aliyun_regions[0].as_str();
    let estate = emu.state().estate().accounts[0].aliyun[0].clone();

    let regions = cl.describe_regions(Some("en-US")).await.unwrap();
    assert!(regions
        .iter()
        .any(|r| r.region_id.as_deref() == Some(region)));

    let gws = cl.list_vpn_gateways(region, &[]).await.unwrap();
    assert_eq!(gws, estate.vpn_gateways);
    let gw_id = gws[0].vpn_gateway_id.clone().unwrap();
    assert_eq!(
        cl.describe_vpn_gateway(region, &gw_id).await.unwrap(),
        gws[0]
    );

    let cgws = cl.list_customer_gateways(region, &[]).await.unwrap();
    assert_eq!(cgws, estate.customer_gateways);
    let cg = cl
        .describe_customer_gateway(region, cgws[0].customer_gateway_id.as_deref().unwrap())
        .await
        .unwrap();
    assert_eq!(cg, cgws[0]);

    let conns = cl.list_vpn_connections(region, &[]).await.unwrap();
    assert_eq!(conns.len(), estate.connections.len());
    let c0 = &conns[0];
    assert_eq!(
        c0.tunnel_options_specification
            .as_ref()
            .unwrap()
            .items
            .len(),
        2,
        "both tunnels"
    );
    let id = c0.vpn_connection_id.clone().unwrap();
    let mut one = cl.describe_vpn_connection(region, &id).await.unwrap();
    // The client decodes the single-object form straight into `VpnConnection`, so the
    // envelope's RequestId lands in `extra`.
    assert!(one.extra.remove("RequestId").is_some());
    assert_eq!(&one, c0);
    let cfg = cl
        .download_vpn_connection_config(region, &id)
        .await
        .unwrap();
    assert_eq!(cfg.remote_subnet, c0.remote_subnet);
    assert!(cfg.ike_config.unwrap().psk.unwrap().is_set());
    let filtered = cl
        .list_vpn_connections(region, &[("VpnGatewayId", &gw_id)])
        .await
        .unwrap();
    assert!(filtered
        .iter()
        .all(|c| c.vpn_gateway_id.as_deref() == Some(gw_id.as_str())));
    assert!(!filtered.is_empty() && filtered.len() < conns.len());

    let routes = cl.list_vpn_route_entries(region, &gw_id).await.unwrap();
    assert!(
        !routes.is_empty()
            && routes
                .iter()
                .all(|r| r.vpn_instance_id.as_deref() == Some(gw_id.as_str()))
    );
    assert!(!cl
        .list_vpn_pbr_route_entries(region, &gw_id)
        .await
        .unwrap()
        .is_empty());
    let servers = cl.list_ssl_vpn_servers(region, &[]).await.unwrap();
    assert_eq!(servers, estate.ssl_servers);
    assert_eq!(
        cl.list_ssl_vpn_client_certs(region, &[]).await.unwrap(),
        estate.ssl_certs
    );
    let logs = cl
        .vpn_connection_logs(region, &id, aliyun::LogWindow::default())
        .await
        .unwrap();
    assert_eq!(logs.len(), 24);
    let sid = servers[0].ssl_vpn_server_id.clone().unwrap();
    assert!(!cl
        .vpn_ssl_server_logs(region, &sid, aliyun::LogWindow::default())
        .await
        .unwrap()
        .is_empty());

    assert_eq!(cl.list_vpcs(region, &[]).await.unwrap(), estate.vpc.vpcs);
    assert_eq!(
        cl.list_vswitches(region, &[]).await.unwrap(),
        estate.vpc.vswitches
    );
    assert_eq!(
        cl.list_vrouters(region, &[]).await.unwrap(),
        estate.vpc.vrouters
    );
    assert_eq!(
        cl.list_route_tables(region, &[]).await.unwrap(),
        estate.vpc.route_tables
    );
    assert_eq!(
        cl.list_route_table_list(region, &[]).await.unwrap().len(),
        estate.vpc.route_tables.len()
    );
    assert_eq!(cl.list_vbrs(region, &[]).await.unwrap(), estate.hybrid.vbrs);
    assert_eq!(
        cl.list_physical_connections(region, &[]).await.unwrap(),
        estate.hybrid.physical_connections
    );
    assert_eq!(
        cl.list_router_interfaces(region, &[]).await.unwrap(),
        estate.hybrid.router_interfaces
    );
    assert_eq!(
        cl.list_bgp_groups(region, &[]).await.unwrap(),
        estate.hybrid.bgp_groups
    );
    assert_eq!(cl.list_bgp_peers(region, &[]).await.unwrap().len(), 2);
    assert_eq!(
        cl.list_bgp_networks(region, &[]).await.unwrap(),
        estate.hybrid.bgp_networks
    );
    assert_eq!(
        cl.list_eip_addresses(region, &[]).await.unwrap(),
        estate.hybrid.eips
    );
    let tags = cl
        .list_tag_resources(region, "VpnGateway", &[&gw_id])
        .await
        .unwrap();
    assert_eq!(tags.len(), 2);
    let vbr_id = estate.hybrid.vbrs[0].vbr_id.clone().unwrap();
    let by_filter = cl
        .list_vbrs(
            region,
            &[("Filter.1.Key", "VbrId"), ("Filter.1.Value.1", &vbr_id)],
        )
        .await
        .unwrap();
    assert_eq!(by_filter.len(), 1);
    emu.shutdown().await;
}

#[tokio::test]
async fn pagination_beyond_fifty_and_page_size_limit() {
    let size = EstateSize {
        accounts: 1,
        regions_per_account: 1,
        gateways_per_region: 2,
        connections_per_gateway: 40,
    };
    let emu = common::start(common::config(3, size)).await;
    let cl = common::aliyun_client(&emu, 0, false);
    let region = emu.credentials[0].aliyun_regions[0].clone();
    let conns = cl.list_vpn_connections(&region, &[]).await.unwrap();
    // 80 generated + the planted overlapping-CIDR connection.
    assert_eq!(conns.len(), 81);
    let ids: std::collections::HashSet<_> =
        conns.iter().map(|c| c.vpn_connection_id.clone()).collect();
    assert_eq!(ids.len(), 81, "no duplicates across pages");
    let now = chrono::Utc::now();
    let p = common::signed(
        &emu,
        0,
        "DescribeVpnConnections",
        &[("RegionId", &region), ("PageSize", "51")],
        now,
        "n-51",
    );
    let (status, body) = common::raw_aliyun(&emu, &p).await;
    assert_eq!(
        (status, body["Code"].as_str()),
        (400, Some("InvalidParameter"))
    );
    let p = common::signed(
        &emu,
        0,
        "DescribeVpnConnections",
        &[
            ("RegionId", &region),
            ("PageSize", "50"),
            ("PageNumber", "2"),
        ],
        now,
        "n-p2",
    );
    let (status, body) = common::raw_aliyun(&emu, &p).await;
    assert_eq!(status, 200);
    assert_eq!(body["TotalCount"], 81);
    assert_eq!(
        body["VpnConnections"]["VpnConnection"]
            .as_array()
            .unwrap()
            .len(),
        31
    );
    let p = common::signed(
        &emu,
        0,
        "DescribeVpcs",
        &[("RegionId", &region)],
        now,
        "n-xml",
    );
    let p = common::resign(&emu, 0, p, "Format", "XML");
    let q = aliyun::encode::encode_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let xml = reqwest::get(format!("{}?{q}", emu.aliyun_endpoint))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        xml.starts_with("<?xml")
            && xml.contains("<DescribeVpcsResponse>")
            && xml.contains("<Vpcs><Vpc>"),
        "{xml}"
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn route_writes_apply_and_client_token_is_idempotent() {
    let emu = common::start(common::config(5, EstateSize::toy())).await;
    let cl = common::aliyun_client(&emu, 0, false);
    let region = emu.credentials[0].aliyun_regions[0].clone();
    let gw = cl.list_vpn_gateways(&region, &[]).await.unwrap()[0]
        .vpn_gateway_id
        .clone()
        .unwrap();
    let r0 = cl.list_vpn_route_entries(&region, &gw).await.unwrap()[0].clone();
    let modify = ModifyVpnRouteWeight {
        region_id: region.clone(),
        vpn_gateway_id: gw.clone(),
        route_source: None,
        route_dest: r0.route_dest.clone().unwrap(),
        next_hop: r0.next_hop.clone().unwrap(),
        weight: 100,
        new_weight: 0,
        overlay_mode: None,
    };
    let a = cl
        .modify_vpn_route_weight(&modify, Some("tok-1"))
        .await
        .unwrap();
    // Same token, same request: original answer, no second application (weight is now 0,
    // so a real re-application would fail with NotFound).
    let b = cl
        .modify_vpn_route_weight(&modify, Some("tok-1"))
        .await
        .unwrap();
    assert_eq!(a.request_id, b.request_id);
    let after = cl.list_vpn_route_entries(&region, &gw).await.unwrap();
    assert_eq!(
        after
            .iter()
            .find(|e| e.next_hop == r0.next_hop)
            .unwrap()
            .weight,
        Some(0)
    );
    let other = ModifyVpnRouteWeight {
        new_weight: 100,
        weight: 0,
        ..modify.clone()
    };
    let err = cl
        .modify_vpn_route_weight(&other, Some("tok-1"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "IdempotentParameterMismatch");
    let publish = PublishVpnRouteEntry {
        region_id: region.clone(),
        vpn_gateway_id: gw.clone(),
        route_dest: r0.route_dest.clone().unwrap(),
        next_hop: r0.next_hop.clone().unwrap(),
        route_type: VpnRouteType::Dbr,
        publish_vpc: false,
    };
    cl.publish_vpn_route_entry(&publish, None).await.unwrap();
    let after = cl.list_vpn_route_entries(&region, &gw).await.unwrap();
    assert_eq!(
        after
            .iter()
            .find(|e| e.next_hop == r0.next_hop)
            .unwrap()
            .state
            .as_deref(),
        Some("normal")
    );
    emu.shutdown().await;
}
