//! Operator actions (`sync::actions`) against the emulator and a real PostgreSQL, without the
//! web server: the PSK read is the cloud's, the peer config is downloaded once and then
//! served from the vault, Huawei's missing operations are said plainly, and bad or unknown
//! routes fail with what was wrong.

#[allow(dead_code)] // the shared helpers; this file uses some of them
mod common;
use common::{emulator, keys, register};
use emulator::{EmulatorConfig, EmulatorHandle, EstateSize};
use sync::actions::{self, ActionError, ExposeSecret, RouteRef, Target};
use sync::Engine;

struct Setup {
    emu: EmulatorHandle,
    engine: std::sync::Arc<Engine>,
    aliyun: Target,
    huawei: Target,
    /// An Alibaba connection of `aliyun` and every PSK the emulator holds for it.
    connection: String,
    psks: Vec<String>,
}

async fn setup() -> Setup {
    let emu = emulator(EmulatorConfig::new(5, EstateSize::toy())).await;
    let pool = pgembed::testing::fresh_database(&store::MIGRATOR).await;
    let keys = keys();
    let (ali_id, hw_id) = register(&pool, &keys, &emu, 0).await;
    let (region, huawei_region, connection, mut psks) = {
        let estate = emu.state().estate();
        let account = &estate.accounts[0];
        let r = &account.aliyun[0];
        let c = &r.connections[0];
        let psks: Vec<String> = c
            .ike_config
            .iter()
            .filter_map(|i| i.psk.clone())
            .chain(
                c.tunnel_options_specification
                    .iter()
                    .flat_map(|t| &t.items)
                    .filter_map(|t| t.tunnel_ike_config.as_ref()?.psk.clone()),
            )
            .map(|p| p.expose().to_owned())
            .collect();
        (
            r.region_id.clone(),
            account.huawei[0].region.clone(),
            c.vpn_connection_id.clone().unwrap(),
            psks,
        )
    };
    psks.sort();
    Setup {
        engine: Engine::new(pool, keys, "t".into(), Default::default()),
        emu,
        aliyun: Target {
            account: ali_id,
            region,
        },
        huawei: Target {
            account: hw_id,
            region: huawei_region,
        },
        connection,
        psks,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_psk_is_the_clouds_and_the_peer_config_comes_once_from_the_cloud() {
    let s = setup().await;
    let got = actions::reveal_psk(&s.engine, &s.aliyun, &s.connection)
        .await
        .unwrap();
    let mut values: Vec<String> = got
        .value
        .iter()
        .map(|k| k.value.expose_secret().to_owned())
        .collect();
    values.sort();
    assert_eq!(values, s.psks);
    assert!(got.request_id.is_some_and(|r| !r.is_empty()));
    assert!(
        !format!("{:?}", got.value).contains(&s.psks[0]),
        "Debug hides the key"
    );

    let now = chrono::Utc::now();
    let first = actions::peer_config(&s.engine, &s.aliyun, &s.connection, "olga", now)
        .await
        .unwrap();
    let second = actions::peer_config(&s.engine, &s.aliyun, &s.connection, "ivan", now)
        .await
        .unwrap();
    assert_eq!((first.from_vault, second.from_vault), (false, true));
    assert_eq!(first.text.expose_secret(), second.text.expose_secret());
    assert!(first.text.expose_secret().contains(&s.psks[0]));
    assert_eq!(
        second.request_id, first.request_id,
        "the vault keeps the download's id"
    );
    assert_eq!(s.emu.state().calls_of("DownloadVpnConnectionConfig"), 1);
    s.emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn huawei_lacks_are_said_plainly_and_bad_routes_are_named() {
    let s = setup().await;
    let err = actions::reveal_psk(&s.engine, &s.huawei, "any")
        .await
        .unwrap_err();
    assert!(
        matches!(err, ActionError::NotOffered { .. }) && err.to_string().contains("never returns"),
        "{err}"
    );
    let err = actions::download_peer_config(&s.engine, &s.huawei, "any")
        .await
        .unwrap_err();
    assert!(matches!(err, ActionError::NotOffered { .. }), "{err}");

    let route = RouteRef {
        vpn_gateway_id: "vpn-nope".into(),
        destination: "10.99.0.0/16".into(),
        next_hop: s.connection.clone(),
        source_cidr: None,
    };
    let calls = s.emu.state().calls_of("ModifyVpnRouteEntryWeight");
    let err = actions::modify_route_weight(&s.engine, &s.aliyun, &route, 100, 50)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "InvalidWeight");
    assert!(err.to_string().contains("0 or 100, not 50"), "{err}");
    assert_eq!(
        s.emu.state().calls_of("ModifyVpnRouteEntryWeight"),
        calls,
        "no call made"
    );
    let err = actions::publish_route(&s.engine, &s.aliyun, &route, true)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            ActionError::Cloud {
                not_found: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.request_id().is_some(), "{err:?}");
    assert!(err.to_string().contains("NotFound"), "{err}");
    let err = actions::reveal_psk(&s.engine, &s.aliyun, "vco-nope")
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            ActionError::Cloud {
                not_found: true,
                ..
            }
        ),
        "{err:?}"
    );
    s.emu.shutdown().await;
}
