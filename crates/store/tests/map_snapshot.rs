//! Mapped rows go into snapshots as they are: routes of every source share one `route`
//! snapshot without key clashes, attributes survive the jsonb round trip, BGP `AuthKey`s
//! never reach the database.

mod common;

use common::{account, db, t};
use store::map::{aliyun as ali, huawei as hw_map, unique};
use store::model::{ResourceKind, Spec, StoredResource};
use store::{read, sync_write::apply_snapshot};

fn wire<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("wire JSON parses")
}

async fn mine(pool: &sqlx::PgPool, acc: uuid::Uuid, kind: ResourceKind) -> Vec<StoredResource> {
    let all = read::current_of_kind(pool, kind).await.unwrap();
    all.into_iter()
        .filter(|s| s.key.account_id == acc)
        .collect()
}

#[tokio::test]
async fn routes_of_both_clouds_and_vbr_bgp_sessions_apply() {
    let pool = db().await;
    let acc = account(&pool).await;

    let table: aliyun::types::route_table::RouteTable = wire(
        r#"{"RouteTableId":"vtb-1","VRouterId":"vrt-1","RouteEntrys":{"RouteEntry":[
          {"DestinationCidrBlock":"10.10.0.0/24","Type":"Custom","Status":"Available",
           "NextHopType":"RouterInterface","InstanceId":"ri-1"},
          {"DestinationCidrBlock":"100.64.0.0/10","Type":"System","Status":"Available",
           "NextHopType":"service","InstanceId":""}]}}"#,
    );
    let dbr: aliyun::types::vpn_route::VpnRouteEntry = wire(
        r#"{"RouteDest":"10.10.0.0/24","VpnInstanceId":"vpn-1","Weight":100,"State":"published",
            "NextHop":"vco-1"}"#,
    );
    let net: aliyun::types::bgp::BgpNetwork = wire(r#"{"DstCidrBlock":"10.10.0.0/24"}"#);
    let hw_routes: huawei::types::RoutingTableResponse = wire(
        r#"{"routing_table":[{"destination":"192.168.0.0/24","nexthop":"169.254.1.2",
            "as_path":"64513","med":0,"nexthop_resource":{"id":"c-1","type":"vpn_connection"}}]}"#,
    );
    let mut routes = ali::routes_of_route_table(&table);
    routes.extend(ali::vpn_route_entry(&dbr, None));
    routes.extend(ali::bgp_network(&net, Some("vbr-1")));
    routes.extend(hw_map::routing_table("g-1", &hw_routes.routing_table));
    routes.extend(routes.clone()); // a repeated page
    let routes = unique(routes);
    assert_eq!(routes.len(), 5);
    let r = apply_snapshot(
        &pool,
        acc.id,
        "cn-hangzhou",
        ResourceKind::Route,
        routes.clone(),
        t(1),
    )
    .await
    .unwrap();
    assert_eq!(r.added, 5);
    let stored = mine(&pool, acc.id, ResourceKind::Route).await;
    for it in &routes {
        let s = stored
            .iter()
            .find(|s| s.key.cloud_id == it.cloud_id)
            .unwrap();
        assert_eq!(s.spec, it.spec);
        assert_eq!(s.parent_id, it.parent_id);
    }

    let peer: aliyun::types::bgp::BgpPeer = wire(
        r#"{"BgpPeerId":"bgp-1","RouterId":"vbr-1","PeerIpAddress":"10.2.2.2","PeerAsn":65001,
            "LocalAsn":45104,"AuthKey":"md5-secret","BgpStatus":"Established"}"#,
    );
    let sessions = ali::bgp_sessions(&[], &[peer], &[]);
    apply_snapshot(
        &pool,
        acc.id,
        "cn-hangzhou",
        ResourceKind::BgpSession,
        sessions,
        t(1),
    )
    .await
    .unwrap();
    let stored = mine(&pool, acc.id, ResourceKind::BgpSession).await;
    assert_eq!(stored.len(), 1);
    assert!(!stored[0].raw.to_string().contains("md5-secret"));
    assert!(matches!(&stored[0].spec, Spec::BgpSession(s) if s.peer_asn == Some(65001)));
}
