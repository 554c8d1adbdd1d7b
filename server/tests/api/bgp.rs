//! The BGP looking glass on a synced estate: sessions of both clouds, not-established first,
//! filters by state and ASN, bad input named.

use crate::overview::synced_toy_estate;
use app::api::bgp_sql::sessions;
use chrono::Utc;

#[tokio::test(flavor = "multi_thread")]
async fn bgp_sessions_are_listed_worst_first_and_filter() {
    let (emu, pool, _) = synced_toy_estate().await;
    let all = sessions(&pool, None, None, Utc::now()).await.unwrap();
    assert!(!all.rows.is_empty());
    assert!(all.as_of.is_some(), "data as of the sync");
    assert_eq!(all.established + all.not_established, all.rows.len());
    let first_up = all
        .rows
        .iter()
        .position(|r| r.state == "up")
        .unwrap_or(all.rows.len());
    assert!(
        all.rows[first_up..].iter().all(|r| r.state == "up"),
        "not established first"
    );
    let clouds: std::collections::BTreeSet<_> = all.rows.iter().map(|r| r.cloud.as_str()).collect();
    assert_eq!(clouds.len(), 2, "sessions of both clouds: {clouds:?}");
    let up = sessions(&pool, Some("up".into()), None, Utc::now())
        .await
        .unwrap();
    assert_eq!(up.rows.len(), all.established);
    let asn = all.rows.iter().find_map(|r| r.peer_asn).unwrap();
    let by_asn = sessions(&pool, None, Some(format!("AS{asn}")), Utc::now())
        .await
        .unwrap();
    assert!(
        !by_asn.rows.is_empty()
            && by_asn
                .rows
                .iter()
                .all(|r| r.peer_asn == Some(asn) || r.local_asn == Some(asn))
    );
    let bad = sessions(&pool, None, Some("sixty-five".into()), Utc::now())
        .await
        .unwrap_err();
    assert!(bad.to_string().contains("asn must be a number"), "{bad}");
    emu.shutdown().await;
}
