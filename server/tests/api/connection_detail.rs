//! The connection detail on a synced estate: both tunnels, configuration without any
//! pre-shared key, an unknown id named.

use crate::overview::synced_toy_estate;
use app::api::connection_detail_sql::detail;
use chrono::Utc;

#[tokio::test(flavor = "multi_thread")]
async fn a_connection_shows_its_tunnels_and_never_its_psk() {
    let (emu, pool, _) = synced_toy_estate().await;
    let id: String = sqlx::query_scalar(
        "SELECT c.cloud_id FROM resource_current c WHERE c.kind = 'connection' AND \
         (SELECT count(*) FROM resource_current t WHERE t.kind = 'tunnel' AND t.parent_id = c.cloud_id) = 2 LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let d = detail(&pool, &id, Utc::now()).await.unwrap();
    assert_eq!(d.connection.id, id);
    assert_eq!(d.tunnels.len(), 2, "both tunnels");
    assert!(
        d.tunnels.iter().all(|t| !t.facets.is_empty()),
        "per-tunnel IKE / IPsec state"
    );
    let shown = serde_json::to_string(&d).unwrap();
    let secrets: Vec<String> = {
        let estate = emu.state().estate();
        estate.accounts[0]
            .aliyun
            .iter()
            .flat_map(|r| r.connections.iter())
            .flat_map(|c| serde_json::to_value(c).ok())
            .flat_map(|v| {
                let mut out = Vec::new();
                collect_psks(&v, &mut out);
                out
            })
            .collect()
    };
    assert!(!secrets.is_empty(), "the estate has PSKs to leak");
    assert!(
        secrets.iter().all(|s| !shown.contains(s.as_str())),
        "a PSK reached the page data"
    );
    let missing = detail(&pool, "vco-nope", Utc::now()).await.unwrap_err();
    assert!(missing.to_string().contains("vco-nope"), "{missing}");
    emu.shutdown().await;
}

fn collect_psks(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| match v {
            serde_json::Value::String(s) if k == "Psk" && s.len() > 4 => out.push(s.clone()),
            other => collect_psks(other, out),
        }),
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_psks(v, out)),
        _ => {}
    }
}
